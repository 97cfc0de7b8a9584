//! Node-link JSON, the form networkx reads with `node_link_graph` (keys
//! `directed`, `multigraph`, `graph`, `nodes`, `links`).
//!
//! Without a day: the organisation, every state that held a status, and
//! one link per status span with its dates (as given, with precision),
//! sources and note; `graph.sources` maps each cited source id to its
//! title and address. With a day: the states of that day, one link each.

use std::collections::BTreeMap;
use std::io::Write;

use serde_json::{Value, json};

use super::{Options, day_picture, spans_of};
use crate::error::{DiagnosticKind, Error};
use crate::graph::KnowledgeGraph;
use crate::model::{State, StatusOn};

fn state_node(st: &State) -> Value {
    json!({
        "id": st.id,
        "kind": "state",
        "name": st.name,
        "iso2": st.iso2,
        "aliases": st.aliases,
        "cow_code": st.cow_code,
        "cow_abbrev": st.cow_abbrev,
        "wikidata": st.wikidata,
    })
}

/// The node-link document as a JSON value.
///
/// # Errors
///
/// An unknown organisation.
pub fn to_value(kg: &KnowledgeGraph, opts: &Options) -> Result<Value, Error> {
    let org = kg.resolve_organization(&opts.organization)?;
    let mut nodes = vec![json!({
        "id": org.id,
        "kind": "organization",
        "name": org.name,
        "short_name": org.short_name,
        "founded": org.founded,
        "dissolved": org.dissolved,
        "wikidata": org.wikidata,
    })];
    let mut links = Vec::new();
    let mut cited: BTreeMap<String, Value> = BTreeMap::new();
    let mut graph = json!({
        "organization": org.id,
        "basis": opts.basis,
        "date": opts.date,
    });
    if opts.date.is_some() {
        let (_, day, held) = day_picture(kg, opts)?;
        for h in &held {
            if let Some(st) = kg.state(h.state.as_str()) {
                nodes.push(state_node(st));
            }
            links.push(json!({
                "source": h.state,
                "target": org.id,
                "key": 0,
                "status": h.status.label(),
                "certain": matches!(h.status, StatusOn::Certain(_)),
                "possible": h.status.possible(),
                "since": h.since,
            }));
        }
        graph["date"] = json!(day);
    } else {
        let mut keys: BTreeMap<String, u32> = BTreeMap::new();
        for span in spans_of(kg, org) {
            let id = span.state.to_string();
            let key = keys.entry(id.clone()).or_insert(0);
            if *key == 0
                && let Some(st) = kg.state(&id)
            {
                nodes.push(state_node(st));
            }
            for sid in &span.sources {
                if let Some(src) = kg.source(sid.as_str()) {
                    cited.insert(
                        sid.to_string(),
                        json!({"title": src.title, "url": src.url, "publisher": src.publisher, "published": src.published}),
                    );
                }
            }
            links.push(json!({
                "source": span.state,
                "target": org.id,
                "key": *key,
                "status": span.status,
                "start": span.start.at(opts.basis),
                "end": span.end.and_then(|b| b.at(opts.basis)),
                "decided": span.start.decided,
                "effective": span.start.effective,
                "end_decided": span.end.and_then(|b| b.decided),
                "end_effective": span.end.and_then(|b| b.effective),
                "sources": span.sources,
                "note": span.note,
            }));
            *key += 1;
        }
        graph["sources"] = json!(cited);
    }
    Ok(json!({
        "directed": true,
        "multigraph": true,
        "graph": graph,
        "nodes": nodes,
        "links": links,
    }))
}

/// Writes the node-link JSON (pretty-printed, keys in a fixed order).
///
/// # Errors
///
/// An unknown organisation, or the writer fails.
///
/// # Example
///
/// ```
/// use igo_graph::KnowledgeGraph;
/// use igo_graph::export::{Options, json};
///
/// let kg = KnowledgeGraph::bundled();
/// let v = json::to_value(&kg, &Options::new("SCO"))?;
/// assert_eq!(v["nodes"].as_array().unwrap().len(), 1 + 27);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn write<W: Write>(
    kg: &KnowledgeGraph,
    opts: &Options,
    mut out: W,
) -> Result<(), Error> {
    let v = to_value(kg, opts)?;
    serde_json::to_writer_pretty(&mut out, &v).map_err(|e| {
        Error::msg(DiagnosticKind::Export, format!("cannot write JSON: {e}"))
    })?;
    out.write_all(b"\n")?;
    Ok(())
}
