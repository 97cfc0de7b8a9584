//! Exports: diagrams and data files that open in researchers' own tools.
//!
//! Each format is a module with a `write(kg, &Options, writer)` function.
//! Output is deterministic: the same data and options give byte-identical
//! output.
//!
//! | module | format | day or history |
//! |---|---|---|
//! | [`dot`] | Graphviz DOT diagram | a day |
//! | [`render`] | SVG or PNG, rendered by Graphviz's `dot` | a day |
//! | [`chart`] | SVG chart of the family's size over time | history |
//! | [`gexf`] | GEXF 1.2draft, dynamic (Gephi's timeline) | history |
//! | [`graphml`] | GraphML (networkx, igraph) | a day or history |
//! | [`html`] | the explorer, a static web site (a folder) | everything |
//! | [`json`] | node-link JSON (networkx) | a day or history |
//! | [`panel`] | CSV, one row per state and year (COW IGO style) | history |
//! | [`cow`] | CSV in COW IGO v3's state-year layout | history |
//! | [`csv`] | CSV tables of spans, changes, chairs, summits, officials, events | history |
//! | `parquet` | Apache Parquet of any [`table::Table`] (feature `parquet`) | as the table |
//! | [`ttl`] | RDF Turtle, W3C Organization Ontology | history |
//! | [`yaml`] | the data set itself, in canonical form | everything |
//! | [`bib`] | the sources: BibTeX (biblatex), CSL-JSON, a table | everything |
//! | [`release`] | a citable data release (a folder): tables, `datapackage.json`, `CITATION.cff` | everything |
//!
//! Imprecise dates (`2010-05`) keep their precision where the format allows
//! it (CSV, JSON, Turtle); formats that need a day (GEXF, GraphML) get the
//! first day of the range and a `*_precision` attribute beside it.
//!
//! # Example
//!
//! ```
//! use igo_graph::KnowledgeGraph;
//! use igo_graph::export::{self, Options};
//!
//! let kg = KnowledgeGraph::bundled();
//! let mut out = Vec::new();
//! export::csv::write(&kg, &Options::new("SCO"), &mut out)?;
//! let text = String::from_utf8(out)?;
//! assert!(text.starts_with("organization,state,status,start,"));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

#[cfg(feature = "json")]
pub mod answers;
pub mod bib;
pub mod chart;
mod columns;
pub mod counts;
pub mod cow;
pub mod csv;
#[cfg(feature = "dot")]
pub mod dot;
pub mod dyads;
pub mod gexf;
pub mod graphml;
#[cfg(feature = "html")]
pub mod html;
#[cfg(feature = "json")]
pub mod json;
pub mod panel;
#[cfg(feature = "parquet")]
pub mod parquet;
#[cfg(feature = "dot")]
pub mod region;
#[cfg(feature = "json")]
pub mod release;
#[cfg(feature = "dot")]
pub mod render;
pub mod table;
pub(crate) mod tally;
#[cfg(feature = "rdf")]
pub mod ttl;
pub mod yaml;
pub mod year;

use crate::date::Date;
use crate::error::Error;
use crate::graph::KnowledgeGraph;
use crate::model::{Basis, Organization, Span, Status, Window};
use crate::query::RosterEntry;

/// What to export: the organisation, optionally one day, and the basis.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Options {
    /// The organisation's id (e.g. `SCO`).
    pub organization: String,
    /// The day, for formats that show one day (default: [`today`]), or
    /// to restrict a history format to one day where it supports that.
    ///
    /// [`today`]: Options::today
    pub date: Option<Date>,
    /// Count by effective or decided dates.
    pub basis: Basis,
    /// The day the caller calls today: what a one-day format shows when
    /// no [`date`](Options::date) is given, and where the growth chart and
    /// the panel end. The library never reads the clock.
    pub today: Option<Date>,
}

impl Options {
    /// Options for `organization`, no day, basis `effective`.
    pub fn new(organization: impl Into<String>) -> Options {
        Options {
            organization: organization.into(),
            date: None,
            basis: Basis::Effective,
            today: None,
        }
    }

    /// The same options on `date`.
    pub fn at(mut self, date: Date) -> Options {
        self.date = Some(date);
        self
    }

    /// The same options with `basis`.
    pub fn basis(mut self, basis: Basis) -> Options {
        self.basis = basis;
        self
    }

    /// The same options with `today` as the caller's today (see
    /// [`Options::today`](Options#structfield.today)).
    pub fn today(mut self, today: Date) -> Options {
        self.today = Some(today);
        self
    }

    /// The day asked about, else the caller's today.
    ///
    /// # Errors
    ///
    /// Neither is given: a one-day format cannot choose a day by itself.
    pub(crate) fn day(&self) -> Result<Date, Error> {
        self.date.or(self.today).ok_or_else(|| {
            Error::msg(
                crate::error::DiagnosticKind::Query,
                "this export shows one day: give the day (or today) in its \
                 options",
            )
        })
    }
}

/// Every state holding (or possibly holding) a status on the day, sorted
/// by status then id.
pub(crate) fn day_picture<'a>(
    kg: &'a KnowledgeGraph,
    opts: &Options,
) -> Result<(&'a Organization, Date, Vec<RosterEntry>), Error> {
    let org = kg.resolve_organization(&opts.organization)?;
    let day = opts.day()?;
    let roster = kg.roster(org.id.as_str(), day, opts.basis, None)?;
    Ok((org, day, roster))
}

/// A span's interval under a basis: `None` when it never took effect.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Interval {
    pub start: Date,
    pub end: Option<Date>,
    /// The days the start may fall on ([`start_days`]).
    pub starts: Window,
    /// The days the end may fall on ([`end_days`]).
    pub ends: Option<Window>,
}

pub(crate) fn interval(
    span: &Span,
    basis: Basis,
    org: &Organization,
) -> Option<Interval> {
    let start = starts_within(span.start.at(basis)?, org);
    let end = span.end.and_then(|b| b.at(basis));
    let starts = start_days(span, basis, org)?;
    Some(Interval { start, end, starts, ends: end_days(span, basis) })
}

/// A start no earlier than the organisation's founding: a status decided
/// before the organisation existed (the EAEU's founders, by decision
/// date) is held from the founding on, as the rule answers.
pub(crate) fn starts_within(start: Date, org: &Organization) -> Date {
    if start.last_day() < org.founded.first_day() {
        org.founded
    } else {
        start
    }
}

/// The days a span's start may fall on under `basis` (its date's range,
/// widened to the other days its sources give), never before the
/// organisation's founding, as [`starts_within`] places the start.
pub(crate) fn start_days(
    span: &Span,
    basis: Basis,
    org: &Organization,
) -> Option<Window> {
    let w = span.start.window(basis)?;
    let founded = org.founded.first_day();
    Some(match w.last < founded {
        true => Window::of(org.founded),
        false => Window { first: w.first.max(founded), last: w.last },
    })
}

/// The days a span's end may fall on under `basis`.
pub(crate) fn end_days(span: &Span, basis: Basis) -> Option<Window> {
    span.end.and_then(|b| b.window(basis))
}

/// The spans of one organisation, sorted by state and start.
pub(crate) fn spans_of<'a>(
    kg: &'a KnowledgeGraph,
    org: &Organization,
) -> Vec<&'a Span> {
    kg.spans_of(org.id.as_str())
}

/// Text safe for XML 1.0: characters XML cannot carry (NUL and other
/// control characters) are dropped; markup characters are escaped by the
/// writer.
pub(crate) fn xml_text(s: &str) -> String {
    s.chars()
        .filter(|&c| {
            matches!(c, '\t' | '\n' | '\r')
                || ('\u{20}'..='\u{D7FF}').contains(&c)
                || ('\u{E000}'..='\u{FFFD}').contains(&c)
                || c >= '\u{10000}'
        })
        .collect()
}

/// Escaped XML text (element content or attribute value).
pub(crate) fn xml_escape(s: &str) -> String {
    quick_xml::escape::escape(xml_text(s).as_str()).into_owned()
}

/// A rank for "the highest status" (member above observer above
/// partner/dialogue partner above none).
pub(crate) fn rank(s: Status) -> u8 {
    match s {
        Status::MEMBER => 4,
        Status::OBSERVER => 3,
        Status::PARTNER => 2,
        Status::DIALOGUE_PARTNER => 1,
        Status::NONE => 0,
        other => match other.tier() {
            crate::model::Tier::Member => 4,
            crate::model::Tier::Associate | crate::model::Tier::Observer => 3,
            crate::model::Tier::Partner => 1,
            crate::model::Tier::None => 0,
        },
    }
}
