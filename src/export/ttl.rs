//! RDF Turtle with the W3C Organization Ontology, written by oxttl.
//!
//! Each status span is an `org:Membership` linking the state
//! (`org:member`) and the organisation (`org:organization`), with the
//! status as `org:role` and an OWL-Time interval as `org:memberDuring`.
//! Instants carry the date as given (`time:inXSDDate`,
//! `time:inXSDgYearMonth` or `time:inXSDgYear`) and, for querying, the
//! first and last day it can stand for (`igov:earliestDay`,
//! `igov:latestDay`). States and organisations link to Wikidata with
//! `owl:sameAs`; every membership names its sources with
//! `dcterms:source`.
//!
//! Our own resources are named under `urn:igo-graph:` (e.g.
//! `urn:igo-graph:state:IND`), terms under `urn:igo-graph:vocab:`.

use std::io::Write;

use oxrdf::vocab::{rdf, rdfs, xsd};
use oxrdf::{Literal, NamedNode, Triple};
use oxttl::TurtleSerializer;

use super::{Options, interval, spans_of};
use crate::date::{Date, Precision};
use crate::error::{DiagnosticKind, Error};
use crate::graph::KnowledgeGraph;
use crate::model::Status;

const ORG: &str = "http://www.w3.org/ns/org#";
const TIME: &str = "http://www.w3.org/2006/time#";
const DCTERMS: &str = "http://purl.org/dc/terms/";
const SKOS: &str = "http://www.w3.org/2004/02/skos/core#";
const OWL: &str = "http://www.w3.org/2002/07/owl#";
const WD: &str = "http://www.wikidata.org/entity/";
const FOAF: &str = "http://xmlns.com/foaf/0.1/";
/// Our resources.
pub const BASE: &str = "urn:igo-graph:";
/// Our terms.
pub const VOCAB: &str = "urn:igo-graph:vocab:";

/// Percent-encodes everything but unreserved ASCII, so that any id makes a
/// valid IRI.
fn seg(id: &str) -> String {
    let mut out = String::new();
    for b in id.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

fn iri(s: String) -> NamedNode {
    NamedNode::new_unchecked(s)
}

fn term(ns: &str, local: &str) -> NamedNode {
    iri(format!("{ns}{local}"))
}

fn text(s: &str) -> Literal {
    // RDF literals may hold any Unicode but NUL is unsafe for many tools.
    Literal::new_language_tagged_literal_unchecked(s.replace('\0', ""), "en")
}

fn date_literal(d: Date) -> (NamedNode, Literal) {
    match d.precision() {
        Precision::Day => (
            term(TIME, "inXSDDate"),
            Literal::new_typed_literal(d.to_string(), xsd::DATE),
        ),
        Precision::Month => (
            term(TIME, "inXSDgYearMonth"),
            Literal::new_typed_literal(d.to_string(), xsd::G_YEAR_MONTH),
        ),
        Precision::Year => (
            term(TIME, "inXSDgYear"),
            Literal::new_typed_literal(d.to_string(), xsd::G_YEAR),
        ),
    }
}

fn day_literal(d: Date) -> Literal {
    Literal::new_typed_literal(d.to_string(), xsd::DATE)
}

/// The triples of the organisation's history.
///
/// # Errors
///
/// An unknown organisation.
pub fn triples(
    kg: &KnowledgeGraph,
    opts: &Options,
) -> Result<Vec<Triple>, Error> {
    let org = kg.resolve_organization(&opts.organization)?;
    let mut t: Vec<Triple> = Vec::new();
    let mut add = |s: &NamedNode, p: NamedNode, o: oxrdf::Term| {
        t.push(Triple::new(s.clone(), p, o));
    };
    let org_iri = iri(format!("{BASE}org:{}", seg(org.id.as_str())));
    add(&org_iri, rdf::TYPE.into(), term(ORG, "FormalOrganization").into());
    add(&org_iri, term(SKOS, "prefLabel"), text(&org.name).into());
    add(&org_iri, term(SKOS, "altLabel"), text(&org.short_name).into());
    add(&org_iri, term(VOCAB, "founded"), date_literal(org.founded).1.into());
    if let Some(q) = &org.wikidata {
        add(
            &org_iri,
            term(OWL, "sameAs"),
            iri(format!("{WD}{}", seg(q))).into(),
        );
    }
    for sid in &org.sources {
        if let Some(src) = kg.source(sid.as_str())
            && let Ok(u) = NamedNode::new(src.url.clone())
        {
            add(&org_iri, term(DCTERMS, "source"), u.into());
        }
    }
    for status in Status::HELD {
        let role = iri(format!("{BASE}role:{}", status.as_str()));
        add(&role, rdf::TYPE.into(), term(ORG, "Role").into());
        add(&role, rdfs::LABEL.into(), text(status.label()).into());
    }
    let mut counter: std::collections::BTreeMap<String, u32> =
        Default::default();
    let mut states_done: Vec<String> = Vec::new();
    for span in spans_of(kg, org) {
        let Some(iv) = interval(span, opts.basis) else { continue };
        let state_iri =
            iri(format!("{BASE}state:{}", seg(span.state.as_str())));
        if !states_done.contains(&span.state.to_string()) {
            states_done.push(span.state.to_string());
            if let Some(st) = kg.state(span.state.as_str()) {
                add(&state_iri, rdf::TYPE.into(), term(FOAF, "Agent").into());
                add(&state_iri, rdfs::LABEL.into(), text(&st.name).into());
                add(
                    &state_iri,
                    term(VOCAB, "iso3"),
                    Literal::new_simple_literal(st.id.as_str()).into(),
                );
                add(
                    &state_iri,
                    term(VOCAB, "iso2"),
                    Literal::new_simple_literal(&st.iso2).into(),
                );
                if let Some(c) = st.cow_code {
                    add(
                        &state_iri,
                        term(VOCAB, "cowCode"),
                        Literal::from(i64::from(c)).into(),
                    );
                }
                if let Some(q) = &st.wikidata {
                    add(
                        &state_iri,
                        term(OWL, "sameAs"),
                        iri(format!("{WD}{}", seg(q))).into(),
                    );
                }
            }
        }
        let n = counter.entry(span.state.to_string()).or_insert(0);
        *n += 1;
        let m = iri(format!(
            "{BASE}membership:{}:{}:{n}",
            seg(org.id.as_str()),
            seg(span.state.as_str())
        ));
        add(&m, rdf::TYPE.into(), term(ORG, "Membership").into());
        add(&m, term(ORG, "member"), state_iri.clone().into());
        add(&m, term(ORG, "organization"), org_iri.clone().into());
        add(
            &m,
            term(ORG, "role"),
            iri(format!("{BASE}role:{}", span.status.as_str())).into(),
        );
        if let Some(d) = span.start.decided {
            add(&m, term(VOCAB, "decided"), date_literal(d).1.into());
        }
        if let Some(d) = span.start.effective {
            add(&m, term(VOCAB, "effective"), date_literal(d).1.into());
        }
        let interval_iri = iri(format!("{}:interval", m.as_str()));
        add(&m, term(ORG, "memberDuring"), interval_iri.clone().into());
        add(&interval_iri, rdf::TYPE.into(), term(TIME, "Interval").into());
        let instant = |name: &str,
                       d: Date,
                       add: &mut dyn FnMut(
            &NamedNode,
            NamedNode,
            oxrdf::Term,
        )| {
            let i = iri(format!("{}:{name}", m.as_str()));
            add(
                &interval_iri,
                term(
                    TIME,
                    if name == "begin" { "hasBeginning" } else { "hasEnd" },
                ),
                i.clone().into(),
            );
            add(&i, rdf::TYPE.into(), term(TIME, "Instant").into());
            let (p, lit) = date_literal(d);
            add(&i, p, lit.into());
            add(
                &i,
                term(VOCAB, "earliestDay"),
                day_literal(d.first_day()).into(),
            );
            add(
                &i,
                term(VOCAB, "latestDay"),
                day_literal(d.last_day()).into(),
            );
        };
        instant("begin", iv.start, &mut add);
        if let Some(end) = iv.end {
            instant("end", end, &mut add);
        }
        for sid in span.sources.iter() {
            if let Some(src) = kg.source(sid.as_str())
                && let Ok(u) = NamedNode::new(src.url.clone())
            {
                add(&m, term(DCTERMS, "source"), u.into());
            }
        }
    }
    Ok(t)
}

/// Writes the organisation's history as Turtle.
///
/// # Errors
///
/// An unknown organisation, or the writer fails.
///
/// # Example
///
/// ```
/// use igo_graph::KnowledgeGraph;
/// use igo_graph::export::{Options, ttl};
///
/// let kg = KnowledgeGraph::bundled();
/// let mut out = Vec::new();
/// ttl::write(&kg, &Options::new("SCO"), &mut out)?;
/// let text = String::from_utf8(out)?;
/// assert!(text.contains("org:Membership"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn write<W: Write>(
    kg: &KnowledgeGraph,
    opts: &Options,
    out: W,
) -> Result<(), Error> {
    let triples = triples(kg, opts)?;
    let prefix_err = |e: oxrdf::IriParseError| {
        Error::msg(DiagnosticKind::Export, format!("bad prefix: {e}"))
    };
    let mut ser = TurtleSerializer::new();
    for (p, ns) in [
        ("org", ORG),
        ("time", TIME),
        ("dcterms", DCTERMS),
        ("skos", SKOS),
        ("owl", OWL),
        ("wd", WD),
        ("foaf", FOAF),
        ("rdfs", "http://www.w3.org/2000/01/rdf-schema#"),
        ("xsd", "http://www.w3.org/2001/XMLSchema#"),
        ("igov", VOCAB),
    ] {
        ser = ser.with_prefix(p, ns).map_err(prefix_err)?;
    }
    let mut w = ser.for_writer(out);
    for t in &triples {
        w.serialize_triple(t)?;
    }
    w.finish()?;
    Ok(())
}
