//! The columns of the tables of [`super::csv`], each declared once with
//! its name, kind and meaning: the CSV header (`SPAN_COLUMNS` ...), the
//! typed columns of Parquet and a data release's descriptions all come
//! from here, so they cannot disagree.

use super::table::{Column, Kind};

/// One column: its name, kind and meaning.
pub(crate) type Decl = (&'static str, Kind, &'static str);

/// The names of `decl`, in order (the `*_COLUMNS` arrays).
pub(crate) const fn names<const N: usize>(
    decl: &[Decl; N],
) -> [&'static str; N] {
    let mut out = [""; N];
    let mut i = 0;
    while i < N {
        out[i] = decl[i].0;
        i += 1;
    }
    out
}

/// The columns of `decl`, as a [`super::table::Table`] holds them.
pub(crate) fn columns(decl: &[Decl]) -> Vec<Column> {
    decl.iter()
        .map(|&(name, kind, what)| Column::new(name, kind, what))
        .collect()
}

/// A source list, as every table writes one.
const SOURCES: &str = "the ids of the sources, joined by `;`";

/// The spans table: one row per status span.
pub(crate) const SPANS: [Decl; 27] = [
    ("organization", Kind::Text, "the organisation's id"),
    (
        "state",
        Kind::Text,
        "the state's id: ISO 3166-1 alpha-3, or ISO 3166-3 for a dissolved \
         state",
    ),
    ("status", Kind::Text, "the status id, in the organisation's own words"),
    (
        "start",
        Kind::Date,
        "the day the status began under the basis, with its precision \
         (never before the organisation's founding; empty: not in effect)",
    ),
    (
        "start_precision",
        Kind::Text,
        "how much of start is known: day, month or year",
    ),
    (
        "end",
        Kind::Date,
        "the day the next status began under the basis (exclusive; empty: \
         still held)",
    ),
    (
        "end_precision",
        Kind::Text,
        "how much of end is known: day, month or year",
    ),
    ("decided", Kind::Date, "the day the status was decided"),
    ("effective", Kind::Date, "the day the status took effect"),
    ("end_decided", Kind::Date, "the day the status's end was decided"),
    ("end_effective", Kind::Date, "the day the status's end took effect"),
    (
        "basis",
        Kind::Text,
        "the basis start and end are counted by: effective or decided",
    ),
    ("state_name", Kind::Text, "the state's name"),
    ("sources", Kind::Text, SOURCES),
    (
        "urls",
        Kind::Text,
        "the address of each of sources, in order, joined by a space",
    ),
    ("note", Kind::Text, "remarks on the transition that began the span"),
    (
        "certain",
        Kind::Boolean,
        "false for a status the sources dispute, or missing data (status \
         unknown)",
    ),
    (
        "against",
        Kind::Text,
        "the ids of the sources that deny the status, joined by `;`",
    ),
    ("end_certain", Kind::Boolean, "false for an exit the sources dispute"),
    (
        "end_sources",
        Kind::Text,
        "the sources of the transition that ends the span, joined by `;`",
    ),
    (
        "end_against",
        Kind::Text,
        "the ids of the sources that deny the span's end, joined by `;`",
    ),
    (
        "start_earliest",
        Kind::Date,
        "the first day start may fall on: its own first day, or an earlier \
         day other sources give",
    ),
    (
        "start_latest",
        Kind::Date,
        "the last day start may fall on (its own last day, or a later day \
         other sources give): the status is certain from here",
    ),
    (
        "end_earliest",
        Kind::Date,
        "the first day end may fall on: the status is certain before it",
    ),
    ("end_latest", Kind::Date, "the last day end may fall on"),
    (
        "other_sources",
        Kind::Text,
        "the ids of the sources that give another day for start, joined \
         by `;`",
    ),
    (
        "end_other_sources",
        Kind::Text,
        "the ids of the sources that give another day for end, joined by \
         `;`",
    ),
];

/// The events table: one row per change of status.
pub(crate) const EVENTS: [Decl; 20] = [
    ("organization", Kind::Text, "the organisation's id"),
    (
        "date",
        Kind::Date,
        "the day of the change under the basis, with its precision",
    ),
    ("precision", Kind::Text, "how much of date is known: day, month or year"),
    ("state", Kind::Text, "the state's id"),
    ("from", Kind::Text, "the status before (`none`: no status)"),
    ("to", Kind::Text, "the status after (`none`: no status)"),
    ("decided", Kind::Date, "the day the change was decided"),
    ("effective", Kind::Date, "the day the change took effect"),
    (
        "basis",
        Kind::Text,
        "the basis date is counted by: effective or decided",
    ),
    (
        "family_after",
        Kind::Integer,
        "the states holding any status for certain on the day the change is \
         certain (latest: the last day of an imprecise date, or of the days \
         the sources give)",
    ),
    (
        "summit",
        Kind::Text,
        "the id of the summit that decided the change, if any",
    ),
    ("sources", Kind::Text, SOURCES),
    ("note", Kind::Text, "remarks on the change"),
    ("certain", Kind::Boolean, "false for a change the sources dispute"),
    (
        "against",
        Kind::Text,
        "the ids of the sources that deny the change, joined by `;`",
    ),
    (
        "uncertain_after",
        Kind::Integer,
        "the states in no certain count after the change (an imprecise date \
         or a dispute)",
    ),
    (
        "counts_after",
        Kind::Text,
        "the certain count of each status after the change, \
         `member=9;partner_country=0`",
    ),
    (
        "earliest",
        Kind::Date,
        "the first day the change may fall on: date's own first day, or an \
         earlier day other sources give",
    ),
    (
        "latest",
        Kind::Date,
        "the last day the change may fall on, whose counts the row gives: \
         date's own last day, or a later day other sources give",
    ),
    (
        "other_sources",
        Kind::Text,
        "the ids of the sources that give another day for the change, \
         joined by `;`",
    ),
];

/// The chairs table: one row per term of the rotating chair.
pub(crate) const CHAIRS: [Decl; 8] = [
    ("organization", Kind::Text, "the organisation's id"),
    ("state", Kind::Text, "the chairing state's id"),
    ("start", Kind::Date, "the day it took the chair"),
    (
        "end",
        Kind::Date,
        "the day the next chair took over (exclusive; empty: still in the \
         chair)",
    ),
    (
        "ended_by",
        Kind::Text,
        "the id of the summit whose Council ended (or will end) the term",
    ),
    (
        "evidence",
        Kind::Text,
        "sourced (a source says so) or inferred (the note says how)",
    ),
    ("sources", Kind::Text, SOURCES),
    ("note", Kind::Text, "remarks"),
];

/// The summits table: one row per meeting of the summit body.
pub(crate) const SUMMITS: [Decl; 13] = [
    ("id", Kind::Text, "the summit's id, e.g. `sco-2024-astana`"),
    ("organization", Kind::Text, "the organisation's id"),
    ("ordinal", Kind::Integer, "its number in the official count, if known"),
    (
        "start",
        Kind::Date,
        "its first day (or month or year, if that is all that is known)",
    ),
    ("end", Kind::Date, "its last day"),
    ("council", Kind::Date, "the day the Council met, if known"),
    ("city", Kind::Text, "the city"),
    ("host", Kind::Text, "the host state's id"),
    ("format", Kind::Text, "in_person, virtual or hybrid, if known"),
    ("status", Kind::Text, "held, or planned"),
    ("sources", Kind::Text, SOURCES),
    (
        "note",
        Kind::Text,
        "remarks: numbering conflicts, a host other than the chair ...",
    ),
    (
        "evidence",
        Kind::Text,
        "sourced, or inferred when its days come from a convention (an \
         announcement, a plan): the note says how",
    ),
];

/// The officials table: one row per term of office.
pub(crate) const OFFICIALS: [Decl; 11] = [
    ("organization", Kind::Text, "the organisation's id"),
    ("office", Kind::Text, "the office's id, one the organisation declares"),
    ("person", Kind::Text, "the person's id"),
    ("name", Kind::Text, "the person's name"),
    ("nationality", Kind::Text, "the id of the person's state"),
    ("start", Kind::Date, "the first day in office"),
    (
        "end",
        Kind::Date,
        "the day the successor took office (exclusive; empty: in office)",
    ),
    ("appointed", Kind::Date, "the day the Council appointed them, if known"),
    ("sources", Kind::Text, SOURCES),
    ("note", Kind::Text, "remarks"),
    (
        "office_label",
        Kind::Text,
        "the office's title in the organisation's words",
    ),
];

/// The organisation's events table: its founding acts and institutions.
pub(crate) const ORG_EVENTS: [Decl; 8] = [
    ("id", Kind::Text, "the event's id"),
    ("organization", Kind::Text, "the organisation's id"),
    ("kind", Kind::Text, "founding_act, institution or other"),
    ("date", Kind::Date, "when, with its precision"),
    ("title", Kind::Text, "what happened"),
    ("place", Kind::Text, "where, if known"),
    ("sources", Kind::Text, SOURCES),
    ("note", Kind::Text, "remarks"),
];
