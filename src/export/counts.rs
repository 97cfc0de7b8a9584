//! State-year counts of memberships: how many organisations a state
//! belongs to in a year, by tier, as peacesciencer's `add_igos()` names
//! them (`sum_igo_full`, `sum_igo_associate`, `sum_igo_observer`,
//! `sum_igo_anytype`, from COW's codes 1, 2 and 3), with our own
//! `sum_igo_partner` (statuses of the partner tier, which COW does not
//! code) and `sum_igo_uncertain` (organisations in which the state's
//! status on the rule's day cannot be decided: COW's -9, which
//! peacesciencer leaves out of every sum; here it is counted in this
//! column alone). `sum_igo_anytype` is full + associate + observer, as
//! peacesciencer sums it.
//!
//! One row per state-year: a row of COW's state system (one per COW code
//! and year a COW lifetime touches, as [`crate::cow_state_years`] gives
//! them), then the states COW does not code, with an empty `ccode` (each
//! year one of their lifetimes touches, or, with none, each year from
//! their first status). Merge it onto a COW
//! state-year panel on `ccode, year`; `iso3` and `gwcode` are there for
//! other panels. Over any data: the bundled record, a COW import (which
//! gives peacesciencer's `cow_igo_sy` for 1816-2014), or both layered.

use std::io::Write;

use super::Options;
use super::table::{Column, Kind, Table};
use super::tally::{Grid, Held, gw_code};
pub use super::year::Years;
use crate::error::Error;
use crate::graph::KnowledgeGraph;

/// One state-year's counts.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CountRow {
    /// The COW state number held that year (`None`: COW does not code
    /// the state).
    pub ccode: Option<u16>,
    /// The year.
    pub year: i32,
    /// The COW state letters held that year (empty without a COW code).
    pub state: String,
    /// The state's id (ISO 3166-1 alpha-3, ISO 3166-3 for a dissolved
    /// state).
    pub iso3: String,
    /// The Gleditsch and Ward number held that year.
    pub gwcode: Option<u16>,
    /// Organisations in which the state is a full member (COW code 1).
    pub full: u32,
    /// ... an associate member (COW code 2).
    pub associate: u32,
    /// ... an observer (COW code 3).
    pub observer: u32,
    /// Full + associate + observer.
    pub anytype: u32,
    /// ... holds a status of the partner tier (no COW code).
    pub partner: u32,
    /// ... whose status that year cannot be decided.
    pub uncertain: u32,
}

/// The columns of [`write()`], with their kinds and meanings.
pub const COLUMNS: [(&str, Kind, &str); 11] = [
    (
        "ccode",
        Kind::Integer,
        "COW state number held that year (empty: COW does not code the state)",
    ),
    ("year", Kind::Integer, "the year"),
    ("state", Kind::Text, "COW state letters held that year"),
    (
        "iso3",
        Kind::Text,
        "the state's id: ISO 3166-1 alpha-3, or ISO 3166-3 for a dissolved state",
    ),
    (
        "gwcode",
        Kind::Integer,
        "Gleditsch and Ward state number held that year",
    ),
    (
        "sum_igo_full",
        Kind::Integer,
        "organisations in which the state is a full member (COW code 1)",
    ),
    (
        "sum_igo_associate",
        Kind::Integer,
        "organisations in which the state is an associate member (COW code 2)",
    ),
    (
        "sum_igo_observer",
        Kind::Integer,
        "organisations in which the state is an observer (COW code 3)",
    ),
    (
        "sum_igo_anytype",
        Kind::Integer,
        "sum_igo_full + sum_igo_associate + sum_igo_observer",
    ),
    (
        "sum_igo_partner",
        Kind::Integer,
        "organisations in which the state holds a status of the partner tier (dialogue partner, partner country), which COW does not code",
    ),
    (
        "sum_igo_uncertain",
        Kind::Integer,
        "organisations in which the state's status on the rule's day cannot be decided (COW's -9); counted in no other column",
    ),
];

/// Every state-year's counts (the organisation of `opts` is not used:
/// every organisation of the data counts).
///
/// # Errors
///
/// No last year: neither `years.to`, nor today in `opts`, nor a review
/// day in the data.
///
/// # Example
///
/// ```
/// use igo_graph::KnowledgeGraph;
/// use igo_graph::export::{Options, counts, year::Rule};
///
/// let kg = KnowledgeGraph::bundled();
/// let opts = Options::new("SCO").today("2026-06-01".parse()?);
/// let years = counts::Years::by(Rule::December31).between(Some(2017), Some(2017));
/// let rows = counts::rows(&kg, &opts, &years)?;
/// let india = rows.iter().find(|r| r.iso3 == "IND").unwrap();
/// assert_eq!((india.ccode, india.year), (Some(750), 2017));
/// assert!(india.full >= 2); // the SCO (from 2017-06-09) and BRICS at least
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn rows(
    kg: &KnowledgeGraph,
    opts: &Options,
    years: &Years,
) -> Result<Vec<CountRow>, Error> {
    let grid = Grid::build(kg, (years, opts.date.or(opts.today)), opts.basis)?;
    Ok((0..grid.rows.len())
        .map(|i| {
            let r = grid.rows[i];
            let n = |kind| grid.count(i, kind);
            let (full, associate, observer) =
                (n(Held::Full), n(Held::Associate), n(Held::Observer));
            CountRow {
                ccode: r.ccode,
                year: r.year,
                state: r.abbrev.unwrap_or_default().to_string(),
                iso3: r.state.id.to_string(),
                gwcode: gw_code(r.state, r.year),
                full,
                associate,
                observer,
                anytype: full + associate + observer,
                partner: n(Held::Partner),
                uncertain: n(Held::Uncertain),
            }
        })
        .collect())
}

/// The counts as a [`Table`].
///
/// # Errors
///
/// As [`rows()`].
pub fn table(
    kg: &KnowledgeGraph,
    opts: &Options,
    years: &Years,
) -> Result<Table<'static>, Error> {
    let num = |n: Option<u16>| n.map(|n| n.to_string()).unwrap_or_default();
    let rows = rows(kg, opts, years)?.into_iter().map(move |r| {
        vec![
            num(r.ccode),
            r.year.to_string(),
            r.state,
            r.iso3,
            num(r.gwcode),
            r.full.to_string(),
            r.associate.to_string(),
            r.observer.to_string(),
            r.anytype.to_string(),
            r.partner.to_string(),
            r.uncertain.to_string(),
        ]
    });
    Ok(Table::new(
        "counts",
        format!(
            "one row per state and year: the organisations the state \
             belongs to, by tier (year rule: {})",
            years.rule
        ),
        COLUMNS.iter().map(|(n, k, d)| Column::new(*n, *k, *d)).collect(),
        rows,
    ))
}

/// Writes the counts as CSV.
///
/// # Errors
///
/// As [`rows()`], or the writer fails.
pub fn write<W: Write>(
    kg: &KnowledgeGraph,
    opts: &Options,
    years: &Years,
    out: W,
) -> Result<(), Error> {
    table(kg, opts, years)?.write_csv(out)
}
