//! GraphML with typed keys, readable by networkx, igraph, Gephi and yEd.
//! Every node has a `label`, its name, which Gephi and Graphology show.
//!
//! With a day (`Options::date`), the graph of that day: the organisation,
//! the states holding a status, one edge each with the status and the day
//! it took effect. Without a day, the whole history: one edge per status
//! span with `start` and `end` (half-open, `end` empty while it lasts) and
//! their precision. Every fact names its sources by id (`;` between):
//! each node (`sources`), each status (`sources`, and `against` for a
//! disputed one), and the transition that closed a span (`end_sources`,
//! and `end_against` for a disputed end).

use std::fmt::Write as _;
use std::io::Write;

use super::csv::id_list;
use super::{Options, day_picture, interval, spans_of, xml_escape as esc};
use crate::error::Error;
use crate::graph::KnowledgeGraph;
use crate::model::{State, StatusOn};

const KEYS: [(&str, &str, &str); 24] = [
    ("kind", "node", "string"),
    ("label", "node", "string"),
    ("name", "node", "string"),
    ("iso2", "node", "string"),
    ("cow_code", "node", "int"),
    ("cow_abbrev", "node", "string"),
    ("wikidata", "node", "string"),
    ("status", "edge", "string"),
    ("certain", "edge", "boolean"),
    ("start", "edge", "string"),
    ("start_precision", "edge", "string"),
    ("end", "edge", "string"),
    ("end_precision", "edge", "string"),
    ("sources", "all", "string"),
    ("against", "edge", "string"),
    ("end_certain", "edge", "boolean"),
    ("end_sources", "edge", "string"),
    ("end_against", "edge", "string"),
    ("start_earliest", "edge", "string"),
    ("start_latest", "edge", "string"),
    ("end_earliest", "edge", "string"),
    ("end_latest", "edge", "string"),
    ("other_sources", "edge", "string"),
    ("end_other_sources", "edge", "string"),
];

fn data(s: &mut String, key: &str, value: &str) {
    let _ = writeln!(s, r#"      <data key="{key}">{}</data>"#, esc(value));
}

fn state_node(s: &mut String, st: &State) {
    let _ = writeln!(s, r#"    <node id="{}">"#, esc(st.id.as_str()));
    data(s, "kind", "state");
    data(s, "label", &st.name);
    data(s, "name", &st.name);
    if !st.iso2.is_empty() {
        data(s, "iso2", &st.iso2);
    }
    if let Some(c) = st.cow_code {
        data(s, "cow_code", &c.to_string());
    }
    if let Some(a) = &st.cow_abbrev {
        data(s, "cow_abbrev", a);
    }
    if let Some(q) = &st.wikidata {
        data(s, "wikidata", q);
    }
    data(s, "sources", &id_list(&st.sources));
    let _ = writeln!(s, "    </node>");
}

/// Writes GraphML for a day (`opts.date`) or for the whole history.
///
/// # Errors
///
/// An unknown organisation, or the writer fails.
///
/// # Example
///
/// ```
/// use igo_graph::KnowledgeGraph;
/// use igo_graph::export::{Options, graphml};
///
/// let kg = KnowledgeGraph::bundled();
/// let mut out = Vec::new();
/// graphml::write(&kg, &Options::new("SCO").at("2024-02-22".parse()?), &mut out)?;
/// let text = String::from_utf8(out)?;
/// assert_eq!(text.matches("<edge ").count(), 26);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn write<W: Write>(
    kg: &KnowledgeGraph,
    opts: &Options,
    mut out: W,
) -> Result<(), Error> {
    let org = kg.resolve_organization(&opts.organization)?;
    let mut s = String::new();
    let _ = writeln!(s, r#"<?xml version="1.0" encoding="UTF-8"?>"#);
    let _ = writeln!(
        s,
        r#"<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">"#
    );
    for (id, on, ty) in KEYS {
        let _ = writeln!(
            s,
            r#"  <key id="{id}" for="{on}" attr.name="{id}" attr.type="{ty}"/>"#
        );
    }
    let graph_id = match opts.date {
        Some(d) => format!("{}-{d}", org.id),
        None => org.id.to_string(),
    };
    let _ = writeln!(
        s,
        r#"  <graph id="{}" edgedefault="directed">"#,
        esc(&graph_id)
    );
    let _ = writeln!(s, r#"    <node id="{}">"#, esc(org.id.as_str()));
    data(&mut s, "kind", "organization");
    data(&mut s, "label", &org.name);
    data(&mut s, "name", &org.name);
    if let Some(q) = &org.wikidata {
        data(&mut s, "wikidata", q);
    }
    data(&mut s, "sources", &id_list(&org.sources));
    let _ = writeln!(s, "    </node>");
    let mut edges = String::new();
    if opts.date.is_some() {
        day_edges(kg, opts, &mut s, &mut edges)?;
    } else {
        history_edges(kg, opts, &mut s, &mut edges)?;
    }
    s.push_str(&edges);
    let _ = writeln!(s, "  </graph>");
    let _ = writeln!(s, "</graphml>");
    out.write_all(s.as_bytes())?;
    Ok(())
}

/// The graph of a day: one edge per state holding (or possibly holding) a
/// status, with the sources of the transition in force.
fn day_edges(
    kg: &KnowledgeGraph,
    opts: &Options,
    s: &mut String,
    edges: &mut String,
) -> Result<(), Error> {
    let (org, day, held) = day_picture(kg, opts)?;
    for h in &held {
        // The sources of the transition in force, and for a disputed
        // status those that deny it.
        let standing =
            kg.standing(org.id.as_str(), h.state.as_str(), day, opts.basis)?;
        if let Some(st) = kg.state(h.state.as_str()) {
            state_node(s, st);
        }
        let _ = writeln!(
            edges,
            r#"    <edge source="{}" target="{}">"#,
            esc(h.state.as_str()),
            esc(org.id.as_str())
        );
        data(edges, "status", &h.status.label());
        data(
            edges,
            "certain",
            &matches!(h.status, StatusOn::Certain(_)).to_string(),
        );
        if let Some(since) = h.since {
            data(edges, "start", &since.to_string());
            data(edges, "start_precision", since.precision().as_str());
        }
        if !standing.sources.is_empty() {
            data(edges, "sources", &id_list(&standing.sources));
        }
        if !standing.against.is_empty() {
            data(edges, "against", &id_list(&standing.against));
        }
        let _ = writeln!(edges, "    </edge>");
    }
    Ok(())
}

/// The first and last day a span's start and end may fall on.
fn days(edges: &mut String, iv: &super::Interval) {
    data(edges, "start_earliest", &iv.starts.first.to_string());
    data(edges, "start_latest", &iv.starts.last.to_string());
    if let Some(w) = iv.ends {
        data(edges, "end_earliest", &w.first.to_string());
        data(edges, "end_latest", &w.last.to_string());
    }
}

/// The whole history: one edge per status span, with its sources and its
/// end's.
fn history_edges(
    kg: &KnowledgeGraph,
    opts: &Options,
    s: &mut String,
    edges: &mut String,
) -> Result<(), Error> {
    let org = kg.resolve_organization(&opts.organization)?;
    let spans = spans_of(kg, org);
    let mut seen: Vec<&str> = Vec::new();
    for span in &spans {
        let Some(iv) = interval(span, opts.basis, org) else { continue };
        if !seen.contains(&span.state.as_str()) {
            seen.push(span.state.as_str());
            if let Some(st) = kg.state(span.state.as_str()) {
                state_node(s, st);
            }
        }
        let _ = writeln!(
            edges,
            r#"    <edge source="{}" target="{}">"#,
            esc(span.state.as_str()),
            esc(org.id.as_str())
        );
        data(edges, "status", span.status.as_str());
        data(edges, "certain", &span.is_certain().to_string());
        data(edges, "start", &iv.start.to_string());
        data(edges, "start_precision", iv.start.precision().as_str());
        if let Some(end) = iv.end {
            data(edges, "end", &end.to_string());
            data(edges, "end_precision", end.precision().as_str());
        }
        data(edges, "sources", &id_list(&span.sources));
        if let Some(d) = &span.disputed {
            data(edges, "against", &id_list(&d.against));
        }
        if span.end.is_some() {
            let end_certain = span.end_disputed.is_none();
            data(edges, "end_certain", &end_certain.to_string());
        }
        if !span.end_sources.is_empty() {
            data(edges, "end_sources", &id_list(&span.end_sources));
        }
        if let Some(d) = &span.end_disputed {
            data(edges, "end_against", &id_list(&d.against));
        }
        days(edges, &iv);
        if !span.other_sources.is_empty() {
            data(edges, "other_sources", &id_list(&span.other_sources));
        }
        if !span.end_other_sources.is_empty() {
            let ids = id_list(&span.end_other_sources);
            data(edges, "end_other_sources", &ids);
        }
        let _ = writeln!(edges, "    </edge>");
    }
    Ok(())
}
