//! Year rules: which status a state holds in a year, for every state-year
//! and dyad-year output (the panel, the COW layout, counts, dyads).
//!
//! The rules are those of COW and of the R `states` package: the status on
//! 31 December (COW's rule for its IGO data, and the default), on 1
//! January, on a given day of the year, or the highest held on any day of
//! it. The day is taken within the state's life: a state that ceased on
//! 1975-04-30 is asked on that day for "31 December 1975", a state born on
//! 1963-12-19 on that day for "1 January 1963". An uncertain status (an
//! imprecise date, a dispute) gives the highest it may be, marked as not
//! certain.
//!
//! # Example
//!
//! ```
//! use igo_graph::export::year::Rule;
//!
//! assert_eq!("december31".parse::<Rule>()?, Rule::December31);
//! assert_eq!("07-01".parse::<Rule>()?, Rule::Day { month: 7, day: 1 });
//! assert_eq!(Rule::Day { month: 7, day: 1 }.to_string(), "07-01");
//! assert!("13-01".parse::<Rule>().is_err());
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use std::fmt;
use std::str::FromStr;

use super::rank;
use crate::date::Date;
use crate::error::{DiagnosticKind, Error};
use crate::graph::KnowledgeGraph;
use crate::model::{Basis, Organization, State, Status, StatusOn, Transition};
use crate::rule::status_on;

/// Which status a state-year gets.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Rule {
    /// The status held on 31 December (COW's own rule).
    #[default]
    December31,
    /// The status held on 1 January.
    January1,
    /// The status held on this day of each year (29 February is 28
    /// February in a year without it).
    Day {
        /// 1 to 12.
        month: u32,
        /// 1 to 31.
        day: u32,
    },
    /// The highest status held on any day of the year.
    Any,
}

impl fmt::Display for Rule {
    /// The name as typed, and as the panel's `rule` column prints it.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Rule::December31 => f.write_str("december31"),
            Rule::January1 => f.write_str("january1"),
            Rule::Day { month, day } => write!(f, "{month:02}-{day:02}"),
            Rule::Any => f.write_str("any"),
        }
    }
}

impl FromStr for Rule {
    type Err = String;

    /// `december31`, `january1`, `any`, or a day of the year as `MM-DD`.
    fn from_str(s: &str) -> Result<Rule, String> {
        match s.to_ascii_lowercase().as_str() {
            "december31" | "12-31" => return Ok(Rule::December31),
            "january1" | "01-01" => return Ok(Rule::January1),
            "any" => return Ok(Rule::Any),
            _ => {}
        }
        let day = s.split_once('-').and_then(|(m, d)| {
            let two = |t: &str| {
                t.len() == 2 && t.bytes().all(|b| b.is_ascii_digit())
            };
            (two(m) && two(d)).then(|| (m.parse().ok(), d.parse().ok()))
        });
        match day {
            // 2000 has a 29 February.
            Some((Some(month), Some(day)))
                if Date::from_ymd(2000, month, day).is_some() =>
            {
                Ok(Rule::Day { month, day })
            }
            _ => Err(format!(
                "`{s}` is not a year rule: give december31 (COW's rule), \
                 january1, any, or a day of the year as MM-DD (07-01)"
            )),
        }
    }
}

impl Rule {
    /// The day of `year` the rule asks about, before the state's life is
    /// taken into account (`None` for [`Rule::Any`]).
    pub(crate) fn day_of(self, year: i32) -> Option<Date> {
        let (m, d) = match self {
            Rule::December31 => (12, 31),
            Rule::January1 => (1, 1),
            Rule::Day { month, day } => (month, day),
            Rule::Any => return None,
        };
        Date::from_ymd(year, m, d).or_else(|| Date::from_ymd(year, m, d - 1))
    }
}

/// The years and the rule of a state-year or dyad-year output.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Years {
    /// The status a state-year gets.
    pub rule: Rule,
    /// The first year (default: the year the oldest organisation began).
    pub from: Option<i32>,
    /// The last year (default: the caller's today's year, or the last
    /// year any organisation's data was reviewed, if earlier: a COW
    /// import ends in 2014).
    pub to: Option<i32>,
}

impl Years {
    /// Every year, by `rule`.
    pub fn by(rule: Rule) -> Years {
        Years { rule, from: None, to: None }
    }

    /// The years from `from` to `to` (either may be open).
    pub fn between(mut self, from: Option<i32>, to: Option<i32>) -> Years {
        self.from = from;
        self.to = to;
        self
    }

    /// The first and last year for `kg` and the caller's `today`.
    pub(crate) fn range(
        &self,
        kg: &KnowledgeGraph,
        today: Option<Date>,
    ) -> Result<(i32, i32), Error> {
        let orgs = || kg.organizations();
        let first = orgs().map(|o| o.founded.year()).min().unwrap_or(0);
        let reviewed =
            orgs().filter_map(|o| o.reviewed).map(|d| d.year()).max();
        let last = match (today.map(|t| t.year()), reviewed) {
            (Some(t), Some(r)) => Some(t.min(r)),
            (t, r) => t.or(r),
        };
        let from = self.from.unwrap_or(first);
        let Some(to) = self.to.or(last) else {
            return Err(Error::msg(
                DiagnosticKind::Query,
                "give the last year, or today: the data names no review day",
            ));
        };
        if from > to {
            return Err(Error::msg(
                DiagnosticKind::Query,
                format!(
                    "the years run from {from} to {to}: the first is after \
                     the last (give --from no later than --to)"
                ),
            ));
        }
        Ok((from, to))
    }
}

/// The first and last day of `year` on which `state` lives (by any of its
/// lifetimes); the whole year for a state the data gives no life, or
/// when none is given; `None` when it does not live in the year.
pub fn days_lived(state: Option<&State>, year: i32) -> Option<(Date, Date)> {
    let jan1 = Date::from_ymd(year, 1, 1)?;
    let dec31 = Date::from_ymd(year, 12, 31)?;
    let Some(state) = state.filter(|s| !s.lifetimes.is_empty()) else {
        return Some((jan1, dec31));
    };
    let mut lived: Option<(Date, Date)> = None;
    for l in &state.lifetimes {
        let from = l.from.first_day().max(jan1);
        let to = l.to.map_or(dec31, |t| t.last_day().min(dec31));
        if from <= to {
            lived = Some(match lived {
                Some((a, b)) => (a.min(from), b.max(to)),
                None => (from, to),
            });
        }
    }
    lived
}

/// Whether `state` lives every day of `year`.
pub(crate) fn lives_whole(state: Option<&State>, year: i32) -> bool {
    let whole = (Date::from_ymd(year, 1, 1), Date::from_ymd(year, 12, 31));
    match (days_lived(state, year), whole) {
        (Some(lived), (Some(a), Some(b))) => lived == (a, b),
        _ => false,
    }
}

/// The status a state-year gets under `rule`, and whether it is certain
/// (an uncertain one gets the highest it may be). `state`: the state, for
/// the days of the year it lives (see the module's documentation).
pub fn status_in_year(
    org: &Organization,
    ts: &[Transition],
    (state, year): (Option<&State>, i32),
    (rule, basis): (Rule, Basis),
) -> (Status, bool) {
    let Some((first, last)) = days_lived(state, year) else {
        return (Status::NONE, true);
    };
    let Some(day) = rule.day_of(year) else {
        return highest_between(org, ts, (first, last), basis);
    };
    let day = day.max(first).min(last);
    let ended = by_life_end(ts, (day < rule_day(rule, year), day));
    let ts = ended.as_deref().unwrap_or(ts);
    match status_on(org, ts, day, basis) {
        StatusOn::Certain(s) => (s, true),
        StatusOn::Uncertain(v) => (
            v.into_iter().max_by_key(|s| rank(*s)).unwrap_or(Status::NONE),
            false,
        ),
    }
}

/// The rule's own day of `year`.
fn rule_day(rule: Rule, year: i32) -> Date {
    rule.day_of(year)
        .unwrap_or_else(|| Date::from_ymd(year, 12, 31).expect("a day"))
}

/// When the rule's day falls after the state's life ended on `last`
/// (`clamped`): the transitions dated by a range that holds `last`
/// (`1975`) dated `last`, since a state's status does not change once it
/// is gone (COW codes such a year by the status at the state's end). `None` when there is none such.
fn by_life_end(
    ts: &[Transition],
    (clamped, last): (bool, Date),
) -> Option<Vec<Transition>> {
    let straddles = |d: Option<Date>| {
        d.is_some_and(|d| d.first_day() <= last && last < d.last_day())
    };
    let moved =
        |t: &Transition| straddles(t.effective) || straddles(t.decided);
    if !clamped || !ts.iter().any(moved) {
        return None;
    }
    let at = |d: Option<Date>| if straddles(d) { Some(last) } else { d };
    Some(
        ts.iter()
            .map(|t| match moved(t) {
                true => Transition {
                    effective: at(t.effective),
                    decided: at(t.decided),
                    ..t.clone()
                },
                false => t.clone(),
            })
            .collect(),
    )
}

/// The highest status held on any day from `first` to `last`: the status
/// on the first day and every status that starts within the days.
fn highest_between(
    org: &Organization,
    ts: &[Transition],
    (first, last): (Date, Date),
    basis: Basis,
) -> (Status, bool) {
    let mut certain_best = Status::NONE;
    let mut possible_best = Status::NONE;
    let mut consider = |on: StatusOn| match on {
        StatusOn::Certain(s) => {
            if rank(s) > rank(certain_best) {
                certain_best = s;
            }
        }
        StatusOn::Uncertain(v) => {
            for s in v {
                if rank(s) > rank(possible_best) {
                    possible_best = s;
                }
            }
        }
    };
    consider(status_on(org, ts, first, basis));
    for t in ts {
        if let Some(w) = t.window(basis)
            && w.last >= first
            && w.first <= last
        {
            consider(status_on(org, ts, w.last.min(last), basis));
        }
    }
    if rank(possible_best) > rank(certain_best) {
        (possible_best, false)
    } else {
        (certain_best, true)
    }
}
