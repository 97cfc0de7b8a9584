//! Tidy CSV tables: one row per status span, or one row per change; and
//! the tables of an organisation's chairs, summits, officials and events.
//!
//! In the exports ([`write()`], [`write_events`]), text cells that a
//! spreadsheet would read as a formula (starting with `=`, `+`, `-`, `@`,
//! tab or carriage return) get a leading `'`, as OWASP recommends; numbers
//! and dates are written as they are. The listing tables
//! ([`write_chairs`], [`write_summits`], [`write_officials`],
//! [`write_org_events`]) write every cell as it is.

use std::io::Write;

use super::{Options, spans_of};
use crate::error::{DiagnosticKind, Error};
use crate::graph::KnowledgeGraph;
use crate::model::Basis;

/// The columns of [`write()`].
pub const SPAN_COLUMNS: [&str; 16] = [
    "organization",
    "state",
    "status",
    "start",
    "start_precision",
    "end",
    "end_precision",
    "decided",
    "effective",
    "end_decided",
    "end_effective",
    "basis",
    "state_name",
    "sources",
    "urls",
    "note",
];

/// The columns of [`write_events`].
pub const EVENT_COLUMNS: [&str; 13] = [
    "organization",
    "date",
    "precision",
    "state",
    "from",
    "to",
    "decided",
    "effective",
    "basis",
    "family_after",
    "summit",
    "sources",
    "note",
];

/// The columns of [`write_chairs`].
pub const CHAIR_COLUMNS: [&str; 8] = [
    "organization",
    "state",
    "start",
    "end",
    "ended_by",
    "evidence",
    "sources",
    "note",
];

/// The columns of [`write_summits`].
pub const SUMMIT_COLUMNS: [&str; 12] = [
    "id",
    "organization",
    "ordinal",
    "start",
    "end",
    "council",
    "city",
    "host",
    "format",
    "status",
    "sources",
    "note",
];

/// The columns of [`write_officials`].
pub const OFFICIAL_COLUMNS: [&str; 10] = [
    "organization",
    "office",
    "person",
    "name",
    "nationality",
    "start",
    "end",
    "appointed",
    "sources",
    "note",
];

/// The columns of [`write_org_events`].
pub const ORG_EVENT_COLUMNS: [&str; 8] = [
    "id",
    "organization",
    "kind",
    "date",
    "title",
    "place",
    "sources",
    "note",
];

/// Neutralises a text cell for spreadsheets (OWASP "CSV injection").
pub fn cell(text: &str) -> String {
    if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{text}")
    } else {
        text.to_string()
    }
}

/// Ids joined by `;`, as every CSV of this crate writes a list of
/// sources.
pub fn id_list<T: AsRef<str>>(ids: &[T]) -> String {
    ids.iter().map(AsRef::as_ref).collect::<Vec<_>>().join(";")
}

fn opt(d: Option<crate::Date>) -> String {
    d.map(|d| d.to_string()).unwrap_or_default()
}

fn csv_err(e: ::csv::Error) -> Error {
    Error::msg(DiagnosticKind::Export, format!("cannot write CSV: {e}"))
}

/// One row per status span of the organisation (history;
/// [`Options::date`] is not used): when it started and ended under the
/// basis, with precision, the decided and effective dates of both ends,
/// and the sources.
///
/// # Errors
///
/// An unknown organisation, or the writer fails.
pub fn write<W: Write>(
    kg: &KnowledgeGraph,
    opts: &Options,
    out: W,
) -> Result<(), Error> {
    let org = kg.resolve_organization(&opts.organization)?;
    let mut w = ::csv::Writer::from_writer(out);
    w.write_record(SPAN_COLUMNS).map_err(csv_err)?;
    for span in spans_of(kg, org) {
        let start = span.start.at(opts.basis);
        let end = span.end.and_then(|b| b.at(opts.basis));
        let name =
            kg.state(span.state.as_str()).map_or("", |s| s.name.as_str());
        let urls: Vec<&str> = span
            .sources
            .iter()
            .filter_map(|s| kg.source(s.as_str()))
            .map(|s| s.url.as_str())
            .collect();
        w.write_record([
            cell(org.id.as_str()),
            cell(span.state.as_str()),
            span.status.as_str().to_string(),
            opt(start),
            start.map(|d| d.precision().to_string()).unwrap_or_default(),
            opt(end),
            end.map(|d| d.precision().to_string()).unwrap_or_default(),
            opt(span.start.decided),
            opt(span.start.effective),
            opt(span.end.and_then(|b| b.decided)),
            opt(span.end.and_then(|b| b.effective)),
            opts.basis.as_str().to_string(),
            cell(name),
            cell(&id_list(&span.sources)),
            cell(&urls.join(" ")),
            cell(span.note.as_deref().unwrap_or("")),
        ])
        .map_err(csv_err)?;
    }
    w.flush()?;
    Ok(())
}

/// One row per change of status (the timeline), with the family size
/// after the day.
///
/// # Errors
///
/// An unknown organisation, or the writer fails.
pub fn write_events<W: Write>(
    kg: &KnowledgeGraph,
    opts: &Options,
    out: W,
) -> Result<(), Error> {
    let org = kg.resolve_organization(&opts.organization)?;
    let t = kg.timeline(org.id.as_str(), opts.basis)?;
    let mut w = ::csv::Writer::from_writer(out);
    w.write_record(EVENT_COLUMNS).map_err(csv_err)?;
    for e in &t.events {
        let summit = kg
            .transitions(org.id.as_str(), e.state.as_str())
            .iter()
            .find(|tr| {
                tr.start(opts.basis) == Some(e.date) && tr.status == e.to
            })
            .and_then(|tr| tr.summit.as_ref())
            .map(|s| s.to_string())
            .unwrap_or_default();
        w.write_record([
            cell(org.id.as_str()),
            e.date.to_string(),
            e.date.precision().to_string(),
            cell(e.state.as_str()),
            e.from.as_str().to_string(),
            e.to.as_str().to_string(),
            opt(e.decided),
            opt(e.effective),
            match opts.basis {
                Basis::Effective => "effective".to_string(),
                Basis::Decided => "decided".to_string(),
            },
            e.after.family.to_string(),
            cell(&summit),
            cell(&id_list(&e.sources)),
            cell(e.note.as_deref().unwrap_or("")),
        ])
        .map_err(csv_err)?;
    }
    w.flush()?;
    Ok(())
}

/// A table: the header, then one record per row.
fn table<W: Write, const N: usize>(
    out: W,
    header: [&str; N],
    rows: impl Iterator<Item = [String; N]>,
) -> Result<(), Error> {
    let mut w = ::csv::Writer::from_writer(out);
    w.write_record(header).map_err(csv_err)?;
    for row in rows {
        w.write_record(row).map_err(csv_err)?;
    }
    w.flush()?;
    Ok(())
}

/// One row per chair term of the organisation ([`CHAIR_COLUMNS`]): the
/// chairing state, the term's start and end, the summit that ended it,
/// whether the data states or infers it, and the sources.
///
/// # Errors
///
/// An unknown organisation, or the writer fails.
///
/// # Example
///
/// ```
/// use igo_graph::KnowledgeGraph;
/// use igo_graph::export::{Options, csv};
///
/// let kg = KnowledgeGraph::bundled();
/// let mut out = Vec::new();
/// csv::write_chairs(&kg, &Options::new("SCO"), &mut out)?;
/// let text = String::from_utf8(out)?;
/// assert!(text.starts_with("organization,state,start,end,ended_by,"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn write_chairs<W: Write>(
    kg: &KnowledgeGraph,
    opts: &Options,
    out: W,
) -> Result<(), Error> {
    let org = kg.resolve_organization(&opts.organization)?;
    let rows = kg.chairs(org.id.as_str()).into_iter().map(|t| {
        [
            t.organization.to_string(),
            t.state.to_string(),
            t.start.to_string(),
            opt(t.end),
            t.ended_by.as_ref().map(|s| s.to_string()).unwrap_or_default(),
            t.evidence.as_str().to_string(),
            id_list(&t.sources),
            t.note.clone().unwrap_or_default(),
        ]
    });
    table(out, CHAIR_COLUMNS, rows)
}

/// One row per summit (Council of Heads of State meeting) of the
/// organisation ([`SUMMIT_COLUMNS`]), in date order.
///
/// # Errors
///
/// An unknown organisation, or the writer fails.
///
/// # Example
///
/// ```
/// use igo_graph::KnowledgeGraph;
/// use igo_graph::export::{Options, csv};
///
/// let kg = KnowledgeGraph::bundled();
/// let mut out = Vec::new();
/// csv::write_summits(&kg, &Options::new("SCO"), &mut out)?;
/// let text = String::from_utf8(out)?;
/// assert!(text.starts_with("id,organization,ordinal,start,end,council,"));
/// assert!(text.contains(",Astana,KAZ,"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn write_summits<W: Write>(
    kg: &KnowledgeGraph,
    opts: &Options,
    out: W,
) -> Result<(), Error> {
    let org = kg.resolve_organization(&opts.organization)?;
    let rows = kg.summits(org.id.as_str()).into_iter().map(|s| {
        [
            s.id.to_string(),
            s.organization.to_string(),
            s.ordinal.map(|n| n.to_string()).unwrap_or_default(),
            opt(s.start),
            opt(s.end),
            opt(s.council),
            s.city.clone(),
            s.host.to_string(),
            s.format.map(|f| f.as_str().to_string()).unwrap_or_default(),
            s.status.as_str().to_string(),
            id_list(&s.sources),
            s.note.clone().unwrap_or_default(),
        ]
    });
    table(out, SUMMIT_COLUMNS, rows)
}

/// One row per term of office (the Secretaries-General) of the
/// organisation ([`OFFICIAL_COLUMNS`]).
///
/// # Errors
///
/// An unknown organisation, or the writer fails.
///
/// # Example
///
/// ```
/// use igo_graph::KnowledgeGraph;
/// use igo_graph::export::{Options, csv};
///
/// let kg = KnowledgeGraph::bundled();
/// let mut out = Vec::new();
/// csv::write_officials(&kg, &Options::new("SCO"), &mut out)?;
/// let text = String::from_utf8(out)?;
/// assert!(text.starts_with("organization,office,person,name,"));
/// assert!(text.contains("Zhang Ming"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn write_officials<W: Write>(
    kg: &KnowledgeGraph,
    opts: &Options,
    out: W,
) -> Result<(), Error> {
    let org = kg.resolve_organization(&opts.organization)?;
    let rows = kg.officials(org.id.as_str()).into_iter().map(|t| {
        [
            t.organization.to_string(),
            t.office.as_str().to_string(),
            t.person.to_string(),
            t.name.clone(),
            t.nationality.to_string(),
            t.start.to_string(),
            opt(t.end),
            opt(t.appointed),
            id_list(&t.sources),
            t.note.clone().unwrap_or_default(),
        ]
    });
    table(out, OFFICIAL_COLUMNS, rows)
}

/// One row per event of the organisation: its founding acts and
/// institutions ([`ORG_EVENT_COLUMNS`]).
///
/// # Errors
///
/// An unknown organisation, or the writer fails.
///
/// # Example
///
/// ```
/// use igo_graph::KnowledgeGraph;
/// use igo_graph::export::{Options, csv};
///
/// let kg = KnowledgeGraph::bundled();
/// let mut out = Vec::new();
/// csv::write_org_events(&kg, &Options::new("SCO"), &mut out)?;
/// let text = String::from_utf8(out)?;
/// assert!(text.starts_with("id,organization,kind,date,title,place,"));
/// assert!(text.lines().count() > 1);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn write_org_events<W: Write>(
    kg: &KnowledgeGraph,
    opts: &Options,
    out: W,
) -> Result<(), Error> {
    let org = kg.resolve_organization(&opts.organization)?;
    let rows = kg.events(org.id.as_str()).into_iter().map(|e| {
        [
            e.id.to_string(),
            e.organization.to_string(),
            e.kind.as_str().to_string(),
            e.date.to_string(),
            e.title.clone(),
            e.place.clone().unwrap_or_default(),
            id_list(&e.sources),
            e.note.as_deref().unwrap_or_default().to_string(),
        ]
    });
    table(out, ORG_EVENT_COLUMNS, rows)
}

#[cfg(test)]
mod tests {
    use super::cell;

    #[test]
    fn neutralises_formula_cells_only() {
        assert_eq!(cell("=HYPERLINK(\"x\")"), "'=HYPERLINK(\"x\")");
        assert_eq!(cell("@SUM"), "'@SUM");
        assert_eq!(cell("India"), "India");
    }
}
