//! RDF Turtle with the W3C Organization Ontology, written by oxttl.
//!
//! Each status span is an `org:Membership` linking the state
//! (`org:member`) and the organisation (`org:organization`), with the
//! status as `org:role` and an OWL-Time interval as `org:memberDuring`.
//! Instants carry the date as given (`time:inXSDDate`,
//! `time:inXSDgYearMonth` or `time:inXSDgYear`) and, for querying, the
//! first and last day it can stand for (`igov:earliestDay`,
//! `igov:latestDay`), widened to the other days some sources give, whose
//! sources are `igov:otherDaySource` (`igov:endOtherDaySource` for the
//! end). States and organisations link to Wikidata with
//! `owl:sameAs`; every membership names its sources with
//! `dcterms:source`. Every membership says whether its status is certain
//! (`igov:certain`, an `xsd:boolean`): a status the sources dispute is not,
//! and names the sources that deny it with `igov:disputedBy`. The
//! transition that closed a membership names its sources with
//! `igov:endSource`; a disputed end is `igov:endCertain false`, with the
//! sources that deny it as `igov:endDisputedBy`. States and the
//! organisation name their sources with `dcterms:source`. A source is its
//! address as the URL standard serialises it (characters an IRI cannot
//! hold raw percent-encoded): no source is ever left out.
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
use crate::model::SourceId;

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

/// A source as an IRI: its address, as the URL standard serialises it,
/// with the few characters an IRI may not hold raw but a URL may (`{`,
/// `|`, `^`, a `[` in a path ...) percent-encoded. A source without an
/// address that makes an IRI gets `urn:igo-graph:source:ID`: a source is
/// never dropped.
fn source_iri(kg: &KnowledgeGraph, sid: &SourceId) -> NamedNode {
    if let Some(src) = kg.source(sid.as_str()) {
        if let Ok(n) = NamedNode::new(src.url.as_str()) {
            return n;
        }
        if let Ok(n) = NamedNode::new(iri_safe(&src.url)) {
            return n;
        }
    }
    iri(format!("{BASE}source:{}", seg(sid.as_str())))
}

/// `url` with the ASCII characters outside RFC 3987's IRI grammar
/// percent-encoded (`[` and `]` only after the host, where they are not
/// an IPv6 address's brackets).
fn iri_safe(url: &str) -> String {
    let host_end = url.find("://").map(|i| i + 3).map_or(0, |i| {
        i + url[i..].find(['/', '?', '#']).unwrap_or(url.len() - i)
    });
    let mut out = String::with_capacity(url.len());
    for (i, c) in url.char_indices() {
        let raw_bracket = i < host_end && matches!(c, '[' | ']');
        let bad = c.is_ascii_control()
            || matches!(
                c,
                ' ' | '"'
                    | '<'
                    | '>'
                    | '\\'
                    | '^'
                    | '`'
                    | '{'
                    | '|'
                    | '}'
                    | '['
                    | ']'
            );
        if bad && !raw_bracket {
            out.push_str(&format!("%{:02X}", c as u32));
        } else {
            out.push(c);
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
    let mut t = Triples(Vec::new());
    let org_iri = t.organization(kg, org);
    // Missing data (`unknown`, COW's -9), where there is some, is a role
    // too, of memberships that are never certain (`igov:certain false`).
    let spans = spans_of(kg, org);
    let unknown = crate::model::Status::UNKNOWN;
    let missing =
        spans.iter().any(|s| s.status == unknown).then_some(&unknown);
    for &status in org.statuses.iter().chain(missing) {
        let role = iri(format!("{BASE}role:{}", status.as_str()));
        t.add(&role, rdf::TYPE.into(), term(ORG, "Role").into());
        t.add(&role, rdfs::LABEL.into(), text(status.label()).into());
    }
    let mut counter: std::collections::BTreeMap<&str, u32> =
        Default::default();
    for span in spans {
        let Some(iv) = interval(span, opts.basis, org) else { continue };
        let state_iri =
            iri(format!("{BASE}state:{}", seg(span.state.as_str())));
        let n = counter.entry(span.state.as_str()).or_insert(0);
        *n += 1;
        if *n == 1
            && let Some(st) = kg.state(span.state.as_str())
        {
            t.state(kg, &state_iri, st);
        }
        let m = iri(format!(
            "{BASE}membership:{}:{}:{n}",
            seg(org.id.as_str()),
            seg(span.state.as_str())
        ));
        t.membership(kg, &m, (&state_iri, &org_iri), span, iv);
    }
    Ok(t.0)
}

/// The triples of an export, in the order they are made.
struct Triples(Vec<Triple>);

impl Triples {
    fn add(&mut self, s: &NamedNode, p: NamedNode, o: oxrdf::Term) {
        self.0.push(Triple::new(s.clone(), p, o));
    }

    /// `node dcterms:source <url>` for each of `sources`.
    fn sources(
        &mut self,
        kg: &KnowledgeGraph,
        node: &NamedNode,
        sources: &[SourceId],
    ) {
        self.addresses(kg, node, term(DCTERMS, "source"), sources);
    }

    /// `node predicate <url>` for each of `sources`: every one, none
    /// dropped (see [`source_iri`]).
    fn addresses(
        &mut self,
        kg: &KnowledgeGraph,
        node: &NamedNode,
        predicate: NamedNode,
        sources: &[SourceId],
    ) {
        for sid in sources {
            self.add(node, predicate.clone(), source_iri(kg, sid).into());
        }
    }

    /// The organisation itself; its IRI.
    fn organization(
        &mut self,
        kg: &KnowledgeGraph,
        org: &crate::model::Organization,
    ) -> NamedNode {
        let o = iri(format!("{BASE}org:{}", seg(org.id.as_str())));
        self.add(&o, rdf::TYPE.into(), term(ORG, "FormalOrganization").into());
        self.add(&o, term(SKOS, "prefLabel"), text(&org.name).into());
        self.add(&o, term(SKOS, "altLabel"), text(&org.short_name).into());
        let founded = date_literal(org.founded).1;
        self.add(&o, term(VOCAB, "founded"), founded.into());
        if let Some(q) = &org.wikidata {
            let same = iri(format!("{WD}{}", seg(q)));
            self.add(&o, term(OWL, "sameAs"), same.into());
        }
        self.sources(kg, &o, &org.sources);
        o
    }

    /// A state, once, the first time one of its spans is written.
    fn state(
        &mut self,
        kg: &KnowledgeGraph,
        s: &NamedNode,
        st: &crate::model::State,
    ) {
        let simple = |v: &str| Literal::new_simple_literal(v).into();
        self.add(s, rdf::TYPE.into(), term(FOAF, "Agent").into());
        self.add(s, rdfs::LABEL.into(), text(&st.name).into());
        // A state known by its COW code alone (`COW255`) has no ISO codes.
        if !st.iso2.is_empty() {
            self.add(s, term(VOCAB, "iso3"), simple(st.id.as_str()));
            self.add(s, term(VOCAB, "iso2"), simple(&st.iso2));
        }
        if let Some(c) = st.cow_code {
            let code = Literal::from(i64::from(c)).into();
            self.add(s, term(VOCAB, "cowCode"), code);
        }
        if let Some(q) = &st.wikidata {
            let same = iri(format!("{WD}{}", seg(q)));
            self.add(s, term(OWL, "sameAs"), same.into());
        }
        self.sources(kg, s, &st.sources);
    }

    /// One span as an `org:Membership` with its OWL-Time interval.
    fn membership(
        &mut self,
        kg: &KnowledgeGraph,
        m: &NamedNode,
        (state, org): (&NamedNode, &NamedNode),
        span: &crate::model::Span,
        iv: super::Interval,
    ) {
        self.add(m, rdf::TYPE.into(), term(ORG, "Membership").into());
        self.add(m, term(ORG, "member"), state.clone().into());
        self.add(m, term(ORG, "organization"), org.clone().into());
        let role = iri(format!("{BASE}role:{}", span.status.as_str()));
        self.add(m, term(ORG, "role"), role.into());
        if let Some(d) = span.start.decided {
            self.add(m, term(VOCAB, "decided"), date_literal(d).1.into());
        }
        if let Some(d) = span.start.effective {
            self.add(m, term(VOCAB, "effective"), date_literal(d).1.into());
        }
        let interval = iri(format!("{}:interval", m.as_str()));
        self.add(m, term(ORG, "memberDuring"), interval.clone().into());
        self.add(&interval, rdf::TYPE.into(), term(TIME, "Interval").into());
        self.instant(m, &interval, "begin", (iv.start, iv.starts));
        if let (Some(end), Some(ends)) = (iv.end, iv.ends) {
            self.instant(m, &interval, "end", (end, ends));
        }
        self.sources(kg, m, &span.sources);
        let certain = Literal::from(span.is_certain()).into();
        self.add(m, term(VOCAB, "certain"), certain);
        if let Some(d) = &span.disputed {
            self.addresses(kg, m, term(VOCAB, "disputedBy"), &d.against);
        }
        // The transition that closed the span is a fact with its own
        // sources, and its own other side when disputed.
        self.addresses(kg, m, term(VOCAB, "endSource"), &span.end_sources);
        if let Some(d) = &span.end_disputed {
            let no = Literal::from(false).into();
            self.add(m, term(VOCAB, "endCertain"), no);
            self.addresses(kg, m, term(VOCAB, "endDisputedBy"), &d.against);
        }
        // The sources that give other days for the beginning or the end.
        let others = &span.other_sources;
        self.addresses(kg, m, term(VOCAB, "otherDaySource"), others);
        let others = &span.end_other_sources;
        self.addresses(kg, m, term(VOCAB, "endOtherDaySource"), others);
    }

    /// The beginning or end of a membership's interval, with the earliest
    /// and latest days it may be: an imprecise date's range, widened to
    /// the other days the sources give.
    fn instant(
        &mut self,
        m: &NamedNode,
        interval: &NamedNode,
        name: &str,
        (d, days): (Date, crate::model::Window),
    ) {
        let i = iri(format!("{}:{name}", m.as_str()));
        let link = if name == "begin" { "hasBeginning" } else { "hasEnd" };
        self.add(interval, term(TIME, link), i.clone().into());
        self.add(&i, rdf::TYPE.into(), term(TIME, "Instant").into());
        let (p, lit) = date_literal(d);
        self.add(&i, p, lit.into());
        let earliest = day_literal(days.first).into();
        self.add(&i, term(VOCAB, "earliestDay"), earliest);
        let latest = day_literal(days.last).into();
        self.add(&i, term(VOCAB, "latestDay"), latest);
    }
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_serialised_url_makes_an_iri() {
        for raw in [
            "https://example.org/a b",
            "https://example.org/q?x={1}|y^2",
            "https://example.org/p[1]/`x`",
            "https://[::1]:8080/p[1]?q=\\",
            "https://пример.рф/путь?да#фрагмент",
        ] {
            let url = url::Url::parse(raw).unwrap();
            let iri = iri_safe(url.as_str());
            assert!(NamedNode::new(iri.as_str()).is_ok(), "{raw} -> {iri}");
        }
        assert_eq!(iri_safe("https://[::1]/a[b]"), "https://[::1]/a%5Bb%5D");
    }
}
