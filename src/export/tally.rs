//! The state-years of the data and what each holds in every organisation
//! that year, under a year rule: what [`super::counts`] sums and
//! [`super::dyads`] pairs.
//!
//! A state-year is a row of COW's state system (one per COW code and year
//! a COW lifetime touches, as [`crate::cow_state_years`] gives them); a
//! state COW does not code has a row for each year one of its lifetimes
//! touches, or, with no lifetime at all, each year from the first in
//! which it holds a status. An organisation counts in the years it exists
//! (as `export cow` codes them: through the year it ceased); a status
//! that cannot be decided on the rule's day is uncertain, counted as such
//! and in no tier.

use std::collections::HashMap;

use super::cow::answering_for;
use super::year::{Years, status_in_year};
use crate::date::Date;
use crate::error::Error;
use crate::graph::KnowledgeGraph;
use crate::model::{Basis, Organization, State, Status, Tier};

/// What a state holds in an organisation in a year, by COW's codes (and
/// our partner tier).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Held {
    /// COW code 1.
    Full = 0,
    /// COW code 2.
    Associate = 1,
    /// COW code 3.
    Observer = 2,
    /// A status of the partner tier (dialogue partner, partner country):
    /// COW has no code for it.
    Partner = 3,
    /// Cannot be decided on the rule's day (COW's -9).
    Uncertain = 4,
}

/// The number of [`Held`] kinds.
pub(crate) const KINDS: usize = 5;

/// One state-year.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Row<'a> {
    pub state: &'a State,
    pub year: i32,
    pub ccode: Option<u16>,
    pub abbrev: Option<&'a str>,
}

/// Every state-year with, per kind of [`Held`], the set of organisations
/// (bits by the organisation's index) the state holds it in.
pub(crate) struct Grid<'a> {
    /// Sorted by year, then COW code (a row without one last), then id.
    pub rows: Vec<Row<'a>>,
    /// 64-bit words per set.
    pub words: usize,
    /// Per row, [`KINDS`] sets of `words` words.
    pub bits: Vec<u64>,
}

impl<'a> Grid<'a> {
    /// The set of `kind` of row `i`.
    pub fn set(&self, i: usize, kind: Held) -> &[u64] {
        let at = (i * KINDS + kind as usize) * self.words;
        &self.bits[at..at + self.words]
    }

    /// How many organisations row `i` holds `kind` in.
    pub fn count(&self, i: usize, kind: Held) -> u32 {
        self.set(i, kind).iter().map(|w| w.count_ones()).sum()
    }

    /// Every state-year of `kg` in `years`, and what each holds.
    pub fn build(
        kg: &'a KnowledgeGraph,
        (years, today): (&Years, Option<Date>),
        basis: Basis,
    ) -> Result<Grid<'a>, Error> {
        let (from, to) = years.range(kg, today)?;
        let orgs: Vec<&Organization> = kg.organizations().collect();
        let rows = rows(kg, &orgs, (from, to), basis);
        let words = orgs.len().div_ceil(64).max(1);
        let mut grid =
            Grid { bits: vec![0; rows.len() * KINDS * words], rows, words };
        // Per state, its rows by year (from `from`) and the days of each
        // year it lives.
        let mut by_state: HashMap<&str, Vec<Option<usize>>> = HashMap::new();
        for (i, r) in grid.rows.iter().enumerate() {
            let years = by_state
                .entry(r.state.id.as_str())
                .or_insert_with(|| vec![None; (to - from + 1) as usize]);
            years[(r.year - from) as usize] = Some(i);
        }
        for (k, org) in orgs.iter().enumerate() {
            for (id, ts) in kg.affiliations_of(org.id.as_str()) {
                let Some(rows) = by_state.get(id.as_str()) else { continue };
                let state = kg.state(id.as_str());
                let mut memo = Memo::new(org, ts, years.rule);
                for (n, row) in rows.iter().enumerate() {
                    let Some(i) = *row else { continue };
                    let year = from + n as i32;
                    let Some(on) = memo.status(state, year, basis) else {
                        continue;
                    };
                    if let Some(kind) = held(on) {
                        let at = (i * KINDS + kind as usize) * grid.words;
                        grid.bits[at + k / 64] |= 1 << (k % 64);
                    }
                }
            }
        }
        Ok(grid)
    }
}

/// A state's status in one organisation year by year, asked of the rule
/// only where it may have changed: the status on a day depends only on
/// which of the days its transitions may start on (the first and last day
/// of each date's range) have come, so from one year's day to the next
/// with none of those days between, and the state living the whole of
/// both years, it is the same.
struct Memo<'a> {
    org: &'a Organization,
    ts: &'a [crate::model::Transition],
    rule: super::year::Rule,
    /// Every day a transition may start on, sorted.
    days: Vec<Date>,
    /// The last year asked, its day and its answer, when the state lived
    /// the whole year.
    last: Option<(Date, (Status, bool))>,
}

impl<'a> Memo<'a> {
    fn new(
        org: &'a Organization,
        ts: &'a [crate::model::Transition],
        rule: super::year::Rule,
    ) -> Memo<'a> {
        // Every day a transition, or another day its sources give, may
        // change the answer.
        let mut days: Vec<Date> = ts
            .iter()
            .flat_map(|t| {
                let others = t.alternatives.iter();
                [t.decided, t.effective]
                    .into_iter()
                    .chain(others.flat_map(|a| [a.decided, a.effective]))
            })
            .flatten()
            .flat_map(|d| [d.first_day(), d.last_day()])
            .collect();
        days.sort();
        Memo { org, ts, rule, days, last: None }
    }

    /// The status in `year`, `None` when the organisation does not exist.
    fn status(
        &mut self,
        state: Option<&State>,
        year: i32,
        basis: Basis,
    ) -> Option<(Status, bool)> {
        let org = self.org;
        if year < org.founded.year()
            || org.dissolved.is_some_and(|d| year > d.year())
        {
            self.last = None;
            return None;
        }
        // The org's own first and last years, and years the state does
        // not live whole, are asked of the rule.
        let plain = year > org.founded.year()
            && org.dissolved.is_none_or(|d| year < d.year())
            && super::year::lives_whole(state, year);
        let day = self.rule.day_of(year).filter(|_| plain);
        if let (Some(day), Some((before, on))) = (day, self.last) {
            let changed = self.days.iter().any(|d| before < *d && *d <= day);
            if !changed {
                self.last = Some((day, on));
                return Some(on);
            }
        }
        let answering = answering_for(org, year);
        let on = status_in_year(
            &answering,
            self.ts,
            (state, year),
            (self.rule, basis),
        );
        self.last = day.map(|d| (d, on));
        Some(on)
    }
}

/// The kind of a status, `None` for no status.
fn held((status, certain): (Status, bool)) -> Option<Held> {
    if !certain {
        return Some(Held::Uncertain);
    }
    match status.cow_code() {
        1 => Some(Held::Full),
        2 => Some(Held::Associate),
        3 => Some(Held::Observer),
        _ if status != Status::NONE && status.tier() == Tier::Partner => {
            Some(Held::Partner)
        }
        _ => None,
    }
}

/// The state-years (see the module's documentation), sorted.
fn rows<'a>(
    kg: &'a KnowledgeGraph,
    orgs: &[&'a Organization],
    (from, to): (i32, i32),
    basis: Basis,
) -> Vec<Row<'a>> {
    let mut rows: Vec<Row<'a>> =
        crate::state::cow_state_years(kg.states(), from..=to)
            .into_iter()
            .map(|sy| Row {
                state: sy.state,
                year: sy.year,
                ccode: Some(sy.ccode),
                abbrev: sy.abbrev,
            })
            .collect();
    for state in kg.states() {
        if state.lifetimes_in(crate::model::StateList::Cow).next().is_some()
            || (state.lifetimes.is_empty() && state.cow_code.is_some())
        {
            continue;
        }
        let first = if state.lifetimes.is_empty() {
            let starts = orgs.iter().flat_map(|o| {
                kg.transitions(o.id.as_str(), state.id.as_str())
                    .iter()
                    .filter(|t| t.status != Status::NONE)
                    .filter_map(|t| t.start(basis))
                    .map(|d| d.year())
            });
            match starts.min() {
                Some(y) => y,
                None => continue,
            }
        } else {
            from
        };
        for year in first.max(from)..=to {
            if state.lifetimes.is_empty()
                || state.lifetimes.iter().any(|l| l.touches_year(year))
            {
                rows.push(Row { state, year, ccode: None, abbrev: None });
            }
        }
    }
    rows.sort_by(|a, b| {
        let code = |r: &Row| r.ccode.unwrap_or(u16::MAX);
        (a.year, code(a), &a.state.id).cmp(&(b.year, code(b), &b.state.id))
    });
    rows
}

/// The G&W code `state` holds in `year` (on the last day of the year it
/// lives).
pub(crate) fn gw_code(state: &State, year: i32) -> Option<u16> {
    let (_, last) = super::year::days_lived(Some(state), year)?;
    state.gw_on(last).map(|h| h.code)
}
