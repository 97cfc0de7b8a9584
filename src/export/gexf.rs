//! The whole history as a dynamic graph in GEXF 1.2draft, the version that
//! Gephi, networkx and rgexf all read: `mode="dynamic"`,
//! `timeformat="date"`, one edge per state and organisation carrying its
//! spells and a dynamic `status` attribute (observer, then member), so
//! that Gephi's timeline plays the expansion.
//!
//! GEXF intervals are closed: a span that ends when the next status starts
//! on 2017-06-09 is written with `end="2017-06-08"`. Imprecise dates are
//! written as their first day, with `start_precision` beside them; where
//! the sources give other days, a spell runs from the first day its start
//! may be to the day before the first day its end may be, and
//! `start_latest` and `end_latest` give the last days each may be.
//!
//! Every fact names its sources by id (`;` between): each node
//! (`sources`), each spell (`sources`, `against` for a disputed status)
//! and the transition that closed it (`end_sources`, `end_against` for a
//! disputed end).

use std::fmt::Write as _;
use std::io::Write;

use super::csv::id_list;
use super::{Interval, Options, interval, spans_of, xml_escape as esc};
use crate::date::Date;
use crate::error::Error;
use crate::graph::KnowledgeGraph;
use crate::model::{Basis, Organization, SourceId, Span, State};

/// The last day of a half-open interval ending on `end`.
fn closed_end(end: Date) -> Option<Date> {
    end.previous_day()
}

/// Writes the organisation's whole history as GEXF.
///
/// # Errors
///
/// An unknown organisation, or the writer fails.
///
/// # Example
///
/// ```
/// use igo_graph::KnowledgeGraph;
/// use igo_graph::export::{Options, gexf};
///
/// let kg = KnowledgeGraph::bundled();
/// let mut out = Vec::new();
/// gexf::write(&kg, &Options::new("SCO"), &mut out)?;
/// let text = String::from_utf8(out)?;
/// assert!(text.contains(r#"mode="dynamic""#));
/// assert!(text.contains(r#"<attvalue for="status" value="observer" start="2005-07-05" end="2017-06-08"/>"#));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn write<W: Write>(
    kg: &KnowledgeGraph,
    opts: &Options,
    mut out: W,
) -> Result<(), Error> {
    let org = kg.resolve_organization(&opts.organization)?;
    let spans = spans_of(kg, org);
    let mut s = String::new();
    header(&mut s, org, opts.basis);
    let _ = writeln!(s, "    <nodes>");
    org_node(&mut s, org);
    // States, grouped with their spans.
    let mut by_state: Vec<(&str, Vec<(&Span, Interval)>)> = Vec::new();
    for span in &spans {
        let Some(iv) = interval(span, opts.basis, org) else { continue };
        match by_state.iter_mut().find(|(id, _)| *id == span.state.as_str()) {
            Some((_, v)) => v.push((span, iv)),
            None => by_state.push((span.state.as_str(), vec![(span, iv)])),
        }
    }
    for (id, list) in &by_state {
        let Some(state) = kg.state(id) else { continue };
        state_node(&mut s, id, state, list);
    }
    let _ = writeln!(s, "    </nodes>");
    let _ = writeln!(s, "    <edges>");
    for (id, list) in &by_state {
        edge(&mut s, org.id.as_str(), id, list);
    }
    let _ = writeln!(s, "    </edges>");
    let _ = writeln!(s, "  </graph>");
    let _ = writeln!(s, "</gexf>");
    out.write_all(s.as_bytes())?;
    Ok(())
}

/// ` end="…"` for an end that closes a span, else nothing.
fn end_attr(end: Option<Date>) -> String {
    match end.and_then(closed_end) {
        Some(e) => format!(r#" end="{e}""#),
        None => String::new(),
    }
}

/// The XML declaration, the meta data and the attribute declarations.
fn header(s: &mut String, org: &Organization, basis: Basis) {
    let _ = writeln!(s, r#"<?xml version="1.0" encoding="UTF-8"?>"#);
    let _ = writeln!(
        s,
        r#"<gexf xmlns="http://www.gexf.net/1.2draft" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://www.gexf.net/1.2draft http://www.gexf.net/1.2draft/gexf.xsd" version="1.2">"#
    );
    let _ = writeln!(s, "  <meta>");
    let _ = writeln!(s, "    <creator>igo-graph</creator>");
    let _ = writeln!(
        s,
        "    <description>{}: status spans by {} date</description>",
        esc(&org.name),
        basis
    );
    let _ = writeln!(s, "  </meta>");
    let _ = writeln!(
        s,
        r#"  <graph mode="dynamic" defaultedgetype="directed" timeformat="date">"#
    );
    let _ = writeln!(s, r#"    <attributes class="node" mode="static">"#);
    for (id, ty) in [
        ("kind", "string"),
        ("iso3", "string"),
        ("iso2", "string"),
        ("cow_code", "integer"),
        ("cow_abbrev", "string"),
        ("wikidata", "string"),
        ("sources", "string"),
    ] {
        let _ = writeln!(
            s,
            r#"      <attribute id="{id}" title="{id}" type="{ty}"/>"#
        );
    }
    let _ = writeln!(s, "    </attributes>");
    let _ = writeln!(s, r#"    <attributes class="edge" mode="dynamic">"#);
    let _ = writeln!(
        s,
        r#"      <attribute id="status" title="status" type="string"/>"#
    );
    for (id, ty) in [
        ("start_precision", "string"),
        ("end_precision", "string"),
        ("certain", "boolean"),
        ("against", "string"),
        ("end_certain", "boolean"),
        ("sources", "string"),
        ("end_sources", "string"),
        ("end_against", "string"),
        ("start_latest", "string"),
        ("end_latest", "string"),
        ("other_sources", "string"),
        ("end_other_sources", "string"),
    ] {
        let _ = writeln!(
            s,
            r#"      <attribute id="{id}" title="{id}" type="{ty}"/>"#
        );
    }
    let _ = writeln!(s, "    </attributes>");
}

/// A node's sources, by id.
fn sources_value(s: &mut String, sources: &[SourceId]) {
    let _ = writeln!(
        s,
        r#"          <attvalue for="sources" value="{}"/>"#,
        esc(&id_list(sources))
    );
}

/// The organisation's node.
fn org_node(s: &mut String, org: &Organization) {
    let _ = writeln!(
        s,
        r#"      <node id="{}" label="{}" start="{}"{}>"#,
        esc(org.id.as_str()),
        esc(&org.name),
        org.founded.first_day(),
        end_attr(org.dissolved)
    );
    let _ = writeln!(s, "        <attvalues>");
    let _ = writeln!(
        s,
        r#"          <attvalue for="kind" value="organization"/>"#
    );
    if let Some(q) = &org.wikidata {
        let _ = writeln!(
            s,
            r#"          <attvalue for="wikidata" value="{}"/>"#,
            esc(q)
        );
    }
    sources_value(s, &org.sources);
    let _ = writeln!(s, "        </attvalues>");
    let _ = writeln!(s, "      </node>");
}

/// A state's node, starting with its first span.
fn state_node(
    s: &mut String,
    id: &str,
    state: &State,
    list: &[(&Span, Interval)],
) {
    let first = list.iter().map(|(_, iv)| iv.starts.first).min();
    let _ = writeln!(
        s,
        r#"      <node id="{}" label="{}"{}>"#,
        esc(id),
        esc(&state.name),
        first.map_or(String::new(), |d| format!(r#" start="{d}""#))
    );
    let _ = writeln!(s, "        <attvalues>");
    let _ = writeln!(s, r#"          <attvalue for="kind" value="state"/>"#);
    // A state known by its COW code alone (`COW255`) has no ISO codes.
    if !state.iso2.is_empty() {
        let _ = writeln!(
            s,
            r#"          <attvalue for="iso3" value="{}"/>"#,
            esc(id)
        );
        let _ = writeln!(
            s,
            r#"          <attvalue for="iso2" value="{}"/>"#,
            esc(&state.iso2)
        );
    }
    if let Some(c) = state.cow_code {
        let _ =
            writeln!(s, r#"          <attvalue for="cow_code" value="{c}"/>"#);
    }
    if let Some(a) = &state.cow_abbrev {
        let _ = writeln!(
            s,
            r#"          <attvalue for="cow_abbrev" value="{}"/>"#,
            esc(a)
        );
    }
    if let Some(q) = &state.wikidata {
        let _ = writeln!(
            s,
            r#"          <attvalue for="wikidata" value="{}"/>"#,
            esc(q)
        );
    }
    sources_value(s, &state.sources);
    let _ = writeln!(s, "        </attvalues>");
    let _ = writeln!(s, "      </node>");
}

/// The edge from a state to the organisation: its status over time and
/// the spells it held one.
fn edge(s: &mut String, org: &str, id: &str, list: &[(&Span, Interval)]) {
    let _ = writeln!(
        s,
        r#"      <edge id="{}-{}" source="{}" target="{}">"#,
        esc(id),
        esc(org),
        esc(id),
        esc(org)
    );
    let _ = writeln!(s, "        <attvalues>");
    for (span, iv) in list {
        // From the first day the status may begin to the last day it
        // certainly lasts (the day before the first day its end may be).
        let ends = iv.ends.map(|w| w.first);
        let range =
            format!(r#" start="{}"{}"#, iv.starts.first, end_attr(ends));
        let _ = writeln!(
            s,
            r#"          <attvalue for="status" value="{}"{range}/>"#,
            span.status.as_str()
        );
        let _ = writeln!(
            s,
            r#"          <attvalue for="start_precision" value="{}"{range}/>"#,
            iv.start.precision()
        );
        if let Some(end) = iv.end {
            let _ = writeln!(
                s,
                r#"          <attvalue for="end_precision" value="{}"{range}/>"#,
                end.precision()
            );
            // A disputed end (an exit the sources dispute): the days
            // after it are uncertain.
            let _ = writeln!(
                s,
                r#"          <attvalue for="end_certain" value="{}"{range}/>"#,
                span.end_disputed.is_none()
            );
        }
        let _ = writeln!(
            s,
            r#"          <attvalue for="start_latest" value="{}"{range}/>"#,
            iv.starts.last
        );
        if let Some(w) = iv.ends {
            let _ = writeln!(
                s,
                r#"          <attvalue for="end_latest" value="{}"{range}/>"#,
                w.last
            );
        }
        // A disputed status is no certain membership on any of its days;
        // any status is uncertain inside an imprecise start or the days
        // the sources give for it (drawn from the first), certain from
        // the last.
        let (first, last) = (iv.starts.first, iv.starts.last);
        if first < last && ends.is_none_or(|e| last < e) {
            let before = last.previous_day().unwrap_or(first);
            let _ = writeln!(
                s,
                r#"          <attvalue for="certain" value="false" start="{first}" end="{before}"/>"#
            );
            let _ = writeln!(
                s,
                r#"          <attvalue for="certain" value="{}" start="{last}"{}/>"#,
                span.is_certain(),
                end_attr(ends)
            );
        } else {
            let _ = writeln!(
                s,
                r#"          <attvalue for="certain" value="{}"{range}/>"#,
                span.is_certain()
            );
        }
        let mut ids = |key: &str, list: &[SourceId]| {
            let _ = writeln!(
                s,
                r#"          <attvalue for="{key}" value="{}"{range}/>"#,
                esc(&id_list(list))
            );
        };
        ids("sources", &span.sources);
        if let Some(d) = &span.disputed {
            ids("against", &d.against);
        }
        if !span.end_sources.is_empty() {
            ids("end_sources", &span.end_sources);
        }
        if let Some(d) = &span.end_disputed {
            ids("end_against", &d.against);
        }
        if !span.other_sources.is_empty() {
            ids("other_sources", &span.other_sources);
        }
        if !span.end_other_sources.is_empty() {
            ids("end_other_sources", &span.end_other_sources);
        }
    }
    let _ = writeln!(s, "        </attvalues>");
    let _ = writeln!(s, "        <spells>");
    for (_, iv) in list {
        let _ = writeln!(
            s,
            r#"          <spell start="{}"{}/>"#,
            iv.starts.first,
            end_attr(iv.ends.map(|w| w.first))
        );
    }
    let _ = writeln!(s, "        </spells>");
    let _ = writeln!(s, "      </edge>");
}
