//! Node-link JSON, the form networkx reads with `node_link_graph` (keys
//! `directed`, `multigraph`, `graph`, `nodes`, `links`).
//!
//! Without a day: the whole knowledge graph, every organisation, lossless,
//! so that [`KnowledgeGraph::from_json`] reads it back into an equal graph.
//! Nodes have a `kind`: `organization` (its fields, plus `chairs` and
//! `officials`), `state` (its fields, plus `histories`: per organisation,
//! the transitions), `source`, `summit`, `event`, `person`. Ids are the
//! data's own for organisations and states, and `source:ID`, `summit:ID`,
//! `event:ID`, `person:ID` for the others (an event's own kind is
//! `event_kind`). Links have a `kind`: `status`
//! (one per status span, with `start`/`end` under the basis, both ends'
//! decided and effective dates, sources and note), `chair`, `office`,
//! `hosted`, `meeting_of`, `cites`, `succeeded_by`.
//!
//! With a day: the organisation and the states of that day, one `status`
//! link each.

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
    if opts.date.is_some() {
        return day_value(kg, opts);
    }
    let mut nodes = Vec::new();
    let mut links = Vec::new();
    let mut keys: BTreeMap<(String, String), u32> = BTreeMap::new();
    let mut link = |source: String, target: String, mut v: Value| {
        let k = keys.entry((source.clone(), target.clone())).or_insert(0);
        v["source"] = json!(source);
        v["target"] = json!(target);
        v["key"] = json!(*k);
        *k += 1;
        links.push(v);
    };
    for o in kg.organizations() {
        let mut v = to_json(o);
        v["kind"] = json!("organization");
        v["chairs"] = to_json(&kg.chairs(o.id.as_str()));
        v["officials"] = to_json(&kg.officials(o.id.as_str()));
        nodes.push(v);
        if let Some(next) = &o.successor {
            link(
                o.id.to_string(),
                next.to_string(),
                json!({"kind": "succeeded_by"}),
            );
        }
        for s in &o.sources {
            link(
                o.id.to_string(),
                format!("source:{s}"),
                json!({"kind": "cites"}),
            );
        }
    }
    for st in kg.states() {
        let mut v = to_json(st);
        v["kind"] = json!("state");
        let histories: Vec<Value> = kg
            .organizations()
            .filter_map(|o| {
                let ts = kg.transitions(o.id.as_str(), st.id.as_str());
                (!ts.is_empty()).then(|| {
                    json!({
                        "organization": o.id,
                        "transitions": ts,
                        "note": kg.history_note(o.id.as_str(), st.id.as_str()),
                    })
                })
            })
            .collect();
        v["histories"] = json!(histories);
        nodes.push(v);
        for s in &st.sources {
            link(
                st.id.to_string(),
                format!("source:{s}"),
                json!({"kind": "cites"}),
            );
        }
    }
    for s in kg.sources() {
        let mut v = to_json(s);
        v["kind"] = json!("source");
        v["source_id"] = json!(s.id);
        v["id"] = json!(format!("source:{}", s.id));
        nodes.push(v);
    }
    for o in kg.organizations() {
        for s in kg.summits(o.id.as_str()) {
            let id = format!("summit:{}", s.id);
            let mut v = to_json(s);
            v["kind"] = json!("summit");
            v["summit_id"] = json!(s.id);
            v["id"] = json!(id.clone());
            nodes.push(v);
            link(id.clone(), o.id.to_string(), json!({"kind": "meeting_of"}));
            link(s.host.to_string(), id, json!({"kind": "hosted"}));
        }
        for e in kg.events(o.id.as_str()) {
            let mut v = to_json(e);
            // `kind` names the node kind; the event's own kind moves aside.
            v["event_kind"] = json!(e.kind);
            v["kind"] = json!("event");
            v["event_id"] = json!(e.id);
            v["id"] = json!(format!("event:{}", e.id));
            nodes.push(v);
        }
    }
    let mut people: Vec<&crate::model::OfficeTerm> = Vec::new();
    for o in kg.organizations() {
        for t in kg.officials(o.id.as_str()) {
            if !people.iter().any(|p| p.person == t.person) {
                people.push(t);
            }
        }
    }
    for p in people {
        nodes.push(json!({
            "id": format!("person:{}", p.person),
            "kind": "person",
            "name": p.name,
            "other_names": p.other_names,
            "nationality": p.nationality,
        }));
    }
    for o in kg.organizations() {
        for span in spans_of(kg, o) {
            link(
                span.state.to_string(),
                o.id.to_string(),
                json!({
                    "kind": "status",
                    "status": span.status,
                    "start": span.start.at(opts.basis),
                    "end": span.end.and_then(|b| b.at(opts.basis)),
                    "decided": span.start.decided,
                    "effective": span.start.effective,
                    "end_decided": span.end.and_then(|b| b.decided),
                    "end_effective": span.end.and_then(|b| b.effective),
                    "sources": span.sources,
                    "note": span.note,
                }),
            );
        }
        for c in kg.chairs(o.id.as_str()) {
            link(
                c.state.to_string(),
                o.id.to_string(),
                json!({"kind": "chair", "start": c.start, "end": c.end, "ended_by": c.ended_by}),
            );
        }
        for t in kg.officials(o.id.as_str()) {
            link(
                format!("person:{}", t.person),
                o.id.to_string(),
                json!({"kind": "office", "office": t.office, "start": t.start, "end": t.end}),
            );
        }
    }
    Ok(json!({
        "directed": true,
        "multigraph": true,
        "graph": {
            "format": "igo-graph",
            "format_version": 1,
            "organization": org.id,
            "basis": opts.basis,
            "date": null,
        },
        "nodes": nodes,
        "links": links,
    }))
}

fn to_json<T: serde::Serialize + ?Sized>(v: &T) -> Value {
    serde_json::to_value(v).expect("model types serialize to JSON")
}

/// One organisation on one day.
fn day_value(kg: &KnowledgeGraph, opts: &Options) -> Result<Value, Error> {
    let (org, day, held) = day_picture(kg, opts)?;
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
    for h in &held {
        if let Some(st) = kg.state(h.state.as_str()) {
            nodes.push(state_node(st));
        }
        links.push(json!({
            "source": h.state,
            "target": org.id,
            "key": 0,
            "kind": "status",
            "status": h.status.label(),
            "certain": matches!(h.status, StatusOn::Certain(_)),
            "possible": h.status.possible(),
            "since": h.since,
        }));
    }
    Ok(json!({
        "directed": true,
        "multigraph": true,
        "graph": {"organization": org.id, "basis": opts.basis, "date": day},
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
/// let v = json::to_value(&kg, &Options::new("SCO").at("2024-02-22".parse()?))?;
/// assert_eq!(v["nodes"].as_array().unwrap().len(), 1 + 26);
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
