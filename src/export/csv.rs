//! Tidy CSV tables: one row per status span, or one row per change; and
//! the tables of an organisation's chairs, summits, officials and events.
//!
//! Every table goes through [`write_table`], so every cell through
//! [`cell`]: a text cell that a spreadsheet would run as a formula
//! (starting with `=`, `+`, `-`, `@`, a tab or a carriage return) gets a
//! leading `'`, as OWASP recommends ("CSV injection"). Numbers and dates
//! are written as they are: they start with a digit, and a negative
//! number (`-3`, `-0.5`) is a value, not a formula, so it stays a number.

use std::io::Write;

use super::columns::{self, Decl, names};
use super::table::Table;
use super::{Options, spans_of};
use crate::error::{DiagnosticKind, Error};
use crate::graph::KnowledgeGraph;

/// The columns of [`write()`] ([`spans_table`] gives their kinds and
/// meanings). `sources`, `against`, `end_sources` and `end_against` are
/// source ids joined by `;`; `urls` holds the address of each of
/// `sources`, in order, joined by a space: an address is written as the
/// URL standard serialises it, which never holds a raw space (the loader
/// stores it so), so the column splits on spaces into exactly one address
/// per source.
pub const SPAN_COLUMNS: [&str; 27] = names(&columns::SPANS);

/// The columns of [`write_events`] (see [`events_table`]).
pub const EVENT_COLUMNS: [&str; 20] = names(&columns::EVENTS);

/// The columns of [`write_chairs`] (see [`chairs_table`]).
pub const CHAIR_COLUMNS: [&str; 8] = names(&columns::CHAIRS);

/// The columns of [`write_summits`] (see [`summits_table`]).
pub const SUMMIT_COLUMNS: [&str; 13] = names(&columns::SUMMITS);

/// The columns of [`write_officials`] (see [`officials_table`];
/// `office_label`, the office's title in the organisation's words, added
/// in 0.4).
pub const OFFICIAL_COLUMNS: [&str; 11] = names(&columns::OFFICIALS);

/// The columns of [`write_org_events`] (see [`org_events_table`]).
pub const ORG_EVENT_COLUMNS: [&str; 8] = names(&columns::ORG_EVENTS);

/// Neutralises a text cell for spreadsheets (OWASP "CSV injection"): a
/// cell starting with `=`, `+`, `-`, `@`, a tab or a carriage return gets
/// a leading `'`, except a plain negative number (`-3`, `-0.5`), which a
/// spreadsheet reads as a number and never runs.
///
/// # Example
///
/// ```
/// use igo_graph::export::csv::cell;
///
/// assert_eq!(cell("=HYPERLINK(\"x\")"), "'=HYPERLINK(\"x\")");
/// assert_eq!(cell("\t=1+1"), "'\t=1+1");
/// assert_eq!(cell("-3"), "-3");
/// assert_eq!(cell("2010-05"), "2010-05");
/// ```
pub fn cell(text: &str) -> String {
    if quoted(text) { format!("'{text}") } else { text.to_string() }
}

/// Whether [`cell`] quotes `text`.
fn quoted(text: &str) -> bool {
    text.starts_with(['=', '+', '-', '@', '\t', '\r'])
        && !is_negative_number(text)
}

/// [`cell`]'s bytes, without a copy where the text is safe as it is
/// (nearly always: millions of cells at COW's scale).
fn safe(text: &str) -> std::borrow::Cow<'_, [u8]> {
    match quoted(text) {
        true => std::borrow::Cow::Owned(format!("'{text}").into_bytes()),
        false => std::borrow::Cow::Borrowed(text.as_bytes()),
    }
}

/// `-` then digits, with at most one decimal point between digits.
fn is_negative_number(text: &str) -> bool {
    let Some(rest) = text.strip_prefix('-') else { return false };
    let (int, frac) = rest.split_once('.').unwrap_or((rest, "0"));
    let digits =
        |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    digits(int) && digits(frac)
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

/// A table of the organisation, named `name`, with `decl`'s columns.
fn table<'a>(
    (name, what): (&str, &str),
    org: &crate::model::Organization,
    decl: &[Decl],
    rows: impl Iterator<Item = Vec<String>> + 'a,
) -> Table<'a> {
    let title = format!("one row per {what} of {}", org.id);
    Table::new(name, title, columns::columns(decl), rows)
}

/// One row per status span of the organisation (history;
/// [`Options::date`] is not used): when it started and ended under the
/// basis, with precision, the decided and effective dates of both ends,
/// and the sources ([`spans_table`] as CSV).
///
/// # Errors
///
/// An unknown organisation, or the writer fails.
pub fn write<W: Write>(
    kg: &KnowledgeGraph,
    opts: &Options,
    out: W,
) -> Result<(), Error> {
    spans_table(kg, opts)?.write_csv(out)
}

/// The spans of [`write()`] as a [`Table`], named `spans`, with the kind
/// and meaning of each of [`SPAN_COLUMNS`].
///
/// # Errors
///
/// An unknown organisation.
///
/// # Example
///
/// ```
/// use igo_graph::KnowledgeGraph;
/// use igo_graph::export::table::Kind;
/// use igo_graph::export::{Options, csv};
///
/// let kg = KnowledgeGraph::bundled();
/// let table = csv::spans_table(&kg, &Options::new("SCO"))?;
/// assert_eq!(table.header(), csv::SPAN_COLUMNS);
/// assert_eq!(table.columns[3].name, "start");
/// assert_eq!(table.columns[3].kind, Kind::Date);
/// assert!(table.rows.count() > 20);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn spans_table<'a>(
    kg: &'a KnowledgeGraph,
    opts: &Options,
) -> Result<Table<'a>, Error> {
    let org = kg.resolve_organization(&opts.organization)?;
    let basis = opts.basis;
    let rows = spans_of(kg, org).into_iter().map(move |span| {
        let start = span.start.at(basis).map(|d| super::starts_within(d, org));
        let end = span.end.and_then(|b| b.at(basis));
        let starts = super::start_days(span, basis, org);
        let ends = super::end_days(span, basis);
        let name =
            kg.state(span.state.as_str()).map_or("", |s| s.name.as_str());
        // One address per source: a source without one (never, in a
        // loaded graph) would shift the others, so it is left empty.
        let urls: Vec<&str> = span
            .sources
            .iter()
            .map(|s| kg.source(s.as_str()).map_or("", |s| s.url.as_str()))
            .collect();
        vec![
            org.id.to_string(),
            span.state.to_string(),
            span.status.as_str().to_string(),
            opt(start),
            start.map(|d| d.precision().to_string()).unwrap_or_default(),
            opt(end),
            end.map(|d| d.precision().to_string()).unwrap_or_default(),
            opt(span.start.decided),
            opt(span.start.effective),
            opt(span.end.and_then(|b| b.decided)),
            opt(span.end.and_then(|b| b.effective)),
            basis.as_str().to_string(),
            name.to_string(),
            id_list(&span.sources),
            urls.join(" "),
            span.note.as_deref().unwrap_or("").to_string(),
            span.is_certain().to_string(),
            span.disputed
                .as_ref()
                .map_or(String::new(), |d| id_list(&d.against)),
            span.end_disputed.is_none().to_string(),
            id_list(&span.end_sources),
            span.end_disputed
                .as_ref()
                .map_or(String::new(), |d| id_list(&d.against)),
            opt(starts.map(|w| w.first)),
            opt(starts.map(|w| w.last)),
            opt(ends.map(|w| w.first)),
            opt(ends.map(|w| w.last)),
            id_list(&span.other_sources),
            id_list(&span.end_other_sources),
        ]
    });
    Ok(table(("spans", "status span"), org, &columns::SPANS, rows))
}

/// The certain counts by status id, `member=9;partner_country=10`.
fn counts_text(c: &crate::query::Counts) -> String {
    let parts: Vec<String> =
        c.statuses.iter().map(|(s, n)| format!("{s}={n}")).collect();
    parts.join(";")
}

/// One row per change of status (the timeline), with the family size
/// after the day (certain statuses only), the uncertain states and the
/// counts by status ([`events_table`] as CSV).
///
/// # Errors
///
/// An unknown organisation, or the writer fails.
pub fn write_events<W: Write>(
    kg: &KnowledgeGraph,
    opts: &Options,
    out: W,
) -> Result<(), Error> {
    events_table(kg, opts)?.write_csv(out)
}

/// The changes of [`write_events`] as a [`Table`], named `events`, with
/// the kind and meaning of each of [`EVENT_COLUMNS`].
///
/// # Errors
///
/// An unknown organisation.
pub fn events_table<'a>(
    kg: &'a KnowledgeGraph,
    opts: &Options,
) -> Result<Table<'a>, Error> {
    let org = kg.resolve_organization(&opts.organization)?;
    let basis = opts.basis;
    let t = kg.timeline(org.id.as_str(), basis)?;
    let rows = t.events.into_iter().map(move |e| {
        let summit = kg
            .transitions(org.id.as_str(), e.state.as_str())
            .iter()
            .find(|tr| tr.start(basis) == Some(e.date) && tr.status == e.to)
            .and_then(|tr| tr.summit.as_ref())
            .map(|s| s.to_string())
            .unwrap_or_default();
        vec![
            org.id.to_string(),
            e.date.to_string(),
            e.date.precision().to_string(),
            e.state.to_string(),
            e.from.as_str().to_string(),
            e.to.as_str().to_string(),
            opt(e.decided),
            opt(e.effective),
            basis.as_str().to_string(),
            e.after.family.to_string(),
            summit,
            id_list(&e.sources),
            e.note.as_deref().unwrap_or("").to_string(),
            e.disputed.is_none().to_string(),
            e.disputed.as_ref().map_or(String::new(), |d| id_list(&d.against)),
            e.after.uncertain.to_string(),
            counts_text(&e.after),
            e.earliest.to_string(),
            e.latest.to_string(),
            e.alternatives
                .iter()
                .flat_map(|a| a.sources.iter().map(|s| s.as_str()))
                .collect::<Vec<_>>()
                .join(";"),
        ]
    });
    Ok(table(("events", "change of status"), org, &columns::EVENTS, rows))
}

/// Writes a CSV table: the header, then one record per row, every cell
/// through [`cell`]. Every CSV of this crate, and of the `igo` tool, is
/// written by this function or by [`write_rows`].
///
/// # Errors
///
/// The writer fails.
///
/// # Example
///
/// ```
/// use igo_graph::export::csv::write_table;
///
/// let mut out = Vec::new();
/// write_table(&mut out, ["name", "n"], [["=1+1".to_string(), "-3".into()]])?;
/// assert_eq!(String::from_utf8(out)?, "name,n\n'=1+1,-3\n");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn write_table<W: Write, const N: usize>(
    out: W,
    header: [&str; N],
    rows: impl IntoIterator<Item = [String; N]>,
) -> Result<(), Error> {
    let mut w = ::csv::Writer::from_writer(out);
    w.write_record(header.map(cell)).map_err(csv_err)?;
    for row in rows {
        w.write_record(row.iter().map(|c| safe(c))).map_err(csv_err)?;
    }
    w.flush()?;
    Ok(())
}

/// [`write_table`] for rows whose width is known only at run time (one
/// column per organisation; every [`Table`]).
///
/// # Errors
///
/// The writer fails.
pub fn write_rows<W: Write>(
    out: W,
    header: &[String],
    rows: impl IntoIterator<Item = Vec<String>>,
) -> Result<(), Error> {
    let mut w = ::csv::Writer::from_writer(out);
    w.write_record(header.iter().map(|c| cell(c))).map_err(csv_err)?;
    for row in rows {
        w.write_record(row.iter().map(|c| safe(c))).map_err(csv_err)?;
    }
    w.flush()?;
    Ok(())
}

/// One row per chair term of the organisation ([`CHAIR_COLUMNS`]): the
/// chairing state, the term's start and end, the summit that ended it,
/// whether the data states or infers it, and the sources
/// ([`chairs_table`] as CSV).
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
    chairs_table(kg, opts)?.write_csv(out)
}

/// The chair terms of [`write_chairs`] as a [`Table`], named `chairs`,
/// with the kind and meaning of each of [`CHAIR_COLUMNS`].
///
/// # Errors
///
/// An unknown organisation.
pub fn chairs_table<'a>(
    kg: &'a KnowledgeGraph,
    opts: &Options,
) -> Result<Table<'a>, Error> {
    let org = kg.resolve_organization(&opts.organization)?;
    let rows = kg.chairs(org.id.as_str()).into_iter().map(|t| {
        vec![
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
    Ok(table(("chairs", "chair term"), org, &columns::CHAIRS, rows))
}

/// One row per summit (Council of Heads of State meeting) of the
/// organisation ([`SUMMIT_COLUMNS`]), in date order ([`summits_table`] as
/// CSV).
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
    summits_table(kg, opts)?.write_csv(out)
}

/// The summits of [`write_summits`] as a [`Table`], named `summits`, with
/// the kind and meaning of each of [`SUMMIT_COLUMNS`].
///
/// # Errors
///
/// An unknown organisation.
pub fn summits_table<'a>(
    kg: &'a KnowledgeGraph,
    opts: &Options,
) -> Result<Table<'a>, Error> {
    let org = kg.resolve_organization(&opts.organization)?;
    let rows = kg.summits(org.id.as_str()).into_iter().map(|s| {
        vec![
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
            s.evidence.as_str().to_string(),
        ]
    });
    Ok(table(("summits", "summit"), org, &columns::SUMMITS, rows))
}

/// One row per term of office (the Secretaries-General, and each other
/// office the organisation declares) of the organisation
/// ([`OFFICIAL_COLUMNS`]; [`officials_table`] as CSV).
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
    officials_table(kg, opts)?.write_csv(out)
}

/// The terms of office of [`write_officials`] as a [`Table`], named
/// `officials`, with the kind and meaning of each of
/// [`OFFICIAL_COLUMNS`].
///
/// # Errors
///
/// An unknown organisation.
pub fn officials_table<'a>(
    kg: &'a KnowledgeGraph,
    opts: &Options,
) -> Result<Table<'a>, Error> {
    let org = kg.resolve_organization(&opts.organization)?;
    let rows = kg.officials(org.id.as_str()).into_iter().map(move |t| {
        let label = org.office(t.office.as_str()).map(|o| o.label.clone());
        vec![
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
            label.unwrap_or_default(),
        ]
    });
    Ok(table(("officials", "term of office"), org, &columns::OFFICIALS, rows))
}

/// One row per event of the organisation: its founding acts and
/// institutions ([`ORG_EVENT_COLUMNS`]; [`org_events_table`] as CSV).
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
    org_events_table(kg, opts)?.write_csv(out)
}

/// The events of [`write_org_events`] as a [`Table`], named `org_events`,
/// with the kind and meaning of each of [`ORG_EVENT_COLUMNS`].
///
/// # Errors
///
/// An unknown organisation.
pub fn org_events_table<'a>(
    kg: &'a KnowledgeGraph,
    opts: &Options,
) -> Result<Table<'a>, Error> {
    let org = kg.resolve_organization(&opts.organization)?;
    let rows = kg.events(org.id.as_str()).into_iter().map(|e| {
        vec![
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
    Ok(table(("org_events", "event"), org, &columns::ORG_EVENTS, rows))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every table of every bundled organisation: the header its
    /// `*_COLUMNS` array says, every row as wide.
    #[test]
    fn every_table_is_as_wide_as_its_columns() {
        let kg = KnowledgeGraph::bundled();
        for org in kg.organizations() {
            let opts = Options::new(org.id.as_str());
            let tables = [
                (spans_table(&kg, &opts).unwrap(), &SPAN_COLUMNS[..]),
                (events_table(&kg, &opts).unwrap(), &EVENT_COLUMNS),
                (chairs_table(&kg, &opts).unwrap(), &CHAIR_COLUMNS),
                (summits_table(&kg, &opts).unwrap(), &SUMMIT_COLUMNS),
                (officials_table(&kg, &opts).unwrap(), &OFFICIAL_COLUMNS),
                (org_events_table(&kg, &opts).unwrap(), &ORG_EVENT_COLUMNS),
            ];
            for (table, names) in tables {
                assert_eq!(table.header(), names, "{}", table.name);
                let width = names.len();
                let name = table.name.clone();
                for row in table.rows {
                    assert_eq!(row.len(), width, "{name} of {}", org.id);
                }
            }
        }
    }

    #[test]
    fn neutralises_formula_cells_only() {
        assert_eq!(cell("=HYPERLINK(\"x\")"), "'=HYPERLINK(\"x\")");
        assert_eq!(cell("@SUM"), "'@SUM");
        assert_eq!(cell("+1"), "'+1");
        assert_eq!(cell("\t=1+1"), "'\t=1+1");
        assert_eq!(cell("\rx"), "'\rx");
        assert_eq!(cell("-1+1"), "'-1+1");
        assert_eq!(cell("-"), "'-");
        assert_eq!(cell("-3."), "'-3.");
        assert_eq!(cell("India"), "India");
        assert_eq!(cell("-3"), "-3");
        assert_eq!(cell("-0.5"), "-0.5");
        assert_eq!(cell("2010-05"), "2010-05");
    }
}
