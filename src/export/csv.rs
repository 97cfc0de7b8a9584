//! Tidy CSV tables: one row per status span, or one row per change.
//!
//! Text cells that a spreadsheet would read as a formula (starting with
//! `=`, `+`, `-`, `@`, tab or carriage return) get a leading `'`, as OWASP
//! recommends; numbers and dates are written as they are.

use std::io::Write;

use super::{Options, spans_of};
use crate::error::{DiagnosticKind, Error};
use crate::graph::KnowledgeGraph;
use crate::model::Basis;

/// The columns of [`write`].
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

/// One row per status span of the organisation (history; `--at` is not
/// used): when it started and ended under the basis, with precision, the
/// decided and effective dates of both ends, and the sources.
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
