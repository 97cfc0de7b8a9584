//! Dyad-year joint memberships: for each pair of states that both exist
//! in a year, how many organisations they share, as COW's dyadic IGO file
//! and peacesciencer's `cow_igo_ndy` count them (`dyadigos`), and by tier.
//!
//! `dyadigos` counts the organisations in which both states are full or
//! associate members: COW's dyadic file codes that "joint full
//! membership" (computed from COW's state-year file this way, it equals
//! `cow_igo_ndy` in all 917,695 rows; counting only both-full members it
//! differs in 34,937). `joint_full` counts both full members,
//! `joint_associate`, `joint_observer` and `joint_partner` both in that
//! tier, `joint_anytype` both full, associate or observer (in any
//! combination), and `joint_uncertain` the organisations in which one
//! state's status cannot be decided while the other holds (or may hold) a
//! status: never counted in another column.
//!
//! Pairs are of the states with a COW code in the year (the rows of
//! [`super::counts`] with a `ccode`); non-directed rows have `ccode1 <
//! ccode2`, directed rows both orders.

use std::io::Write;

use super::Options;
use super::table::{Column, Kind, Table};
use super::tally::{Grid, Held};
use super::year::Years;
use crate::error::Error;
use crate::graph::KnowledgeGraph;

/// One dyad-year.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DyadRow {
    /// The first state's COW number.
    pub ccode1: u16,
    /// The second state's COW number.
    pub ccode2: u16,
    /// The year.
    pub year: i32,
    /// Organisations in which both are full or associate members (COW's
    /// "joint full membership").
    pub dyadigos: u16,
    /// ... both full members.
    pub full: u16,
    /// ... both associate members.
    pub associate: u16,
    /// ... both observers.
    pub observer: u16,
    /// ... both of the partner tier.
    pub partner: u16,
    /// ... both full, associate or observer, in any combination.
    pub anytype: u16,
    /// ... one undecided while the other holds or may hold a status.
    pub uncertain: u16,
}

/// The columns of [`write()`], with their kinds and meanings.
pub const COLUMNS: [(&str, Kind, &str); 10] = [
    ("ccode1", Kind::Integer, "the first state's COW number"),
    ("ccode2", Kind::Integer, "the second state's COW number"),
    ("year", Kind::Integer, "the year"),
    (
        "dyadigos",
        Kind::Integer,
        "organisations in which both states are full or associate members: COW's dyadic 'joint full membership', as peacesciencer's cow_igo_ndy counts it",
    ),
    (
        "joint_full",
        Kind::Integer,
        "organisations in which both are full members",
    ),
    (
        "joint_associate",
        Kind::Integer,
        "organisations in which both are associate members",
    ),
    (
        "joint_observer",
        Kind::Integer,
        "organisations in which both are observers",
    ),
    (
        "joint_partner",
        Kind::Integer,
        "organisations in which both hold a status of the partner tier (no COW code)",
    ),
    (
        "joint_anytype",
        Kind::Integer,
        "organisations in which both are full members, associate members or observers, in any combination",
    ),
    (
        "joint_uncertain",
        Kind::Integer,
        "organisations in which one state's status cannot be decided while the other holds or may hold a status; counted in no other column",
    ),
];

/// A state-year's sets, packed for pairing: full, associate, observer,
/// partner, full-or-associate, any COW tier, any status, uncertain.
struct Sets {
    words: usize,
    bits: Vec<u64>,
}

const FULL: usize = 0;
const ASSOC: usize = 1;
const OBS: usize = 2;
const PARTNER: usize = 3;
const FA: usize = 4;
const ANY: usize = 5;
const HELD: usize = 6;
const UNC: usize = 7;
const SETS: usize = 8;

impl Sets {
    fn new(grid: &Grid, rows: &[usize]) -> Sets {
        let words = grid.words;
        let mut bits = vec![0u64; rows.len() * SETS * words];
        for (n, &i) in rows.iter().enumerate() {
            let at = |set: usize, w: usize| (n * SETS + set) * words + w;
            for w in 0..words {
                let g = |k| grid.set(i, k)[w];
                let (f, a, o, p, u) = (
                    g(Held::Full),
                    g(Held::Associate),
                    g(Held::Observer),
                    g(Held::Partner),
                    g(Held::Uncertain),
                );
                bits[at(FULL, w)] = f;
                bits[at(ASSOC, w)] = a;
                bits[at(OBS, w)] = o;
                bits[at(PARTNER, w)] = p;
                bits[at(FA, w)] = f | a;
                bits[at(ANY, w)] = f | a | o;
                bits[at(HELD, w)] = f | a | o | p;
                bits[at(UNC, w)] = u;
            }
        }
        Sets { words, bits }
    }

    fn set(&self, n: usize, set: usize) -> &[u64] {
        let at = (n * SETS + set) * self.words;
        &self.bits[at..at + self.words]
    }

    /// The counts of the pair (`a`, `b`).
    fn pair(&self, a: usize, b: usize) -> [u16; 7] {
        let both = |set: usize| -> u16 {
            let (x, y) = (self.set(a, set), self.set(b, set));
            x.iter().zip(y).map(|(x, y)| (x & y).count_ones() as u16).sum()
        };
        let (ua, ub) = (self.set(a, UNC), self.set(b, UNC));
        let (ha, hb) = (self.set(a, HELD), self.set(b, HELD));
        let uncertain = (0..self.words)
            .map(|w| {
                let m = (ua[w] & (hb[w] | ub[w])) | (ub[w] & ha[w]);
                m.count_ones() as u16
            })
            .sum();
        [
            both(FA),
            both(FULL),
            both(ASSOC),
            both(OBS),
            both(PARTNER),
            both(ANY),
            uncertain,
        ]
    }
}

/// Every dyad-year (the organisation of `opts` is not used: every
/// organisation of the data counts), sorted by year then codes.
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
/// use igo_graph::export::{Options, dyads, year::{Rule, Years}};
///
/// let kg = KnowledgeGraph::bundled();
/// let opts = Options::new("SCO").today("2026-06-01".parse()?);
/// let years = Years::by(Rule::December31).between(Some(2002), Some(2002));
/// let rows = dyads::rows(&kg, &opts, &years, false)?;
/// // Russia (365) and China (710): both in the SCO, CICA ... in 2002.
/// let pair = rows.iter().find(|r| (r.ccode1, r.ccode2) == (365, 710)).unwrap();
/// assert!(pair.dyadigos >= 2);
/// assert!(rows.iter().all(|r| r.ccode1 < r.ccode2));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn rows(
    kg: &KnowledgeGraph,
    opts: &Options,
    years: &Years,
    directed: bool,
) -> Result<Vec<DyadRow>, Error> {
    let grid = Grid::build(kg, (years, opts.date.or(opts.today)), opts.basis)?;
    let mut out = Vec::new();
    let mut start = 0;
    while start < grid.rows.len() {
        let year = grid.rows[start].year;
        let end = start
            + grid.rows[start..].iter().take_while(|r| r.year == year).count();
        let coded: Vec<usize> =
            (start..end).filter(|&i| grid.rows[i].ccode.is_some()).collect();
        let sets = Sets::new(&grid, &coded);
        let code = |n: usize| grid.rows[coded[n]].ccode.unwrap_or_default();
        for a in 0..coded.len() {
            let others =
                if directed { 0..coded.len() } else { a + 1..coded.len() };
            for b in others.filter(|&b| b != a) {
                let c = sets.pair(a, b);
                out.push(DyadRow {
                    ccode1: code(a),
                    ccode2: code(b),
                    year,
                    dyadigos: c[0],
                    full: c[1],
                    associate: c[2],
                    observer: c[3],
                    partner: c[4],
                    anytype: c[5],
                    uncertain: c[6],
                });
            }
        }
        start = end;
    }
    if directed {
        out.sort_by_key(|r| (r.year, r.ccode1, r.ccode2));
    }
    Ok(out)
}

/// The dyad-years as a [`Table`].
///
/// # Errors
///
/// As [`rows()`].
pub fn table(
    kg: &KnowledgeGraph,
    opts: &Options,
    years: &Years,
    directed: bool,
) -> Result<Table<'static>, Error> {
    let rows = rows(kg, opts, years, directed)?.into_iter().map(|r| {
        vec![
            r.ccode1.to_string(),
            r.ccode2.to_string(),
            r.year.to_string(),
            r.dyadigos.to_string(),
            r.full.to_string(),
            r.associate.to_string(),
            r.observer.to_string(),
            r.partner.to_string(),
            r.anytype.to_string(),
            r.uncertain.to_string(),
        ]
    });
    Ok(Table::new(
        if directed { "dyads-directed" } else { "dyads" },
        format!(
            "one row per {} pair of states and year: the organisations \
             both belong to (year rule: {})",
            if directed { "ordered" } else { "unordered" },
            years.rule
        ),
        COLUMNS.iter().map(|(n, k, d)| Column::new(*n, *k, *d)).collect(),
        rows,
    ))
}

/// Writes the dyad-years as CSV.
///
/// # Errors
///
/// As [`rows()`], or the writer fails.
pub fn write<W: Write>(
    kg: &KnowledgeGraph,
    opts: &Options,
    years: &Years,
    directed: bool,
    out: W,
) -> Result<(), Error> {
    table(kg, opts, years, directed)?.write_csv(out)
}
