//! A state-year panel in the style of the Correlates of War (COW) IGO
//! data: one row per state and year, from the organisation's founding year
//! to the current year, for every state that ever held a status in it.
//!
//! `cow_code` follows COW's membership codes: 1 full member, 3 observer,
//! 0 no membership. COW has no dialogue-partner or partner category: those
//! rows have `cow_code` 0 and say so in `status`.

use std::io::Write;

use super::csv::write_table;
use super::{Options, rank};
use crate::date::Date;
use crate::error::Error;
use crate::graph::KnowledgeGraph;
use crate::model::{Status, StatusOn};
use crate::rule::status_on;

/// Which status a state-year gets.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Rule {
    /// The status held on 31 December (COW's own rule for its panel).
    #[default]
    December31,
    /// The highest status held on any day of the year.
    Any,
}

/// The columns of [`write()`].
pub const COLUMNS: [&str; 9] = [
    "ccode", "stateabb", "iso3", "year", "ioname", "status", "cow_code",
    "certain", "rule",
];

/// Writes the panel.
///
/// # Errors
///
/// An unknown organisation, or the writer fails.
///
/// # Example
///
/// ```
/// use igo_graph::KnowledgeGraph;
/// use igo_graph::export::{Options, panel};
///
/// let kg = KnowledgeGraph::bundled();
/// let mut out = Vec::new();
/// let opts = Options::new("SCO").today("2026-01-01".parse()?);
/// panel::write(&kg, &opts, panel::Rule::December31, &mut out)?;
/// let text = String::from_utf8(out)?;
/// assert!(text.contains("750,IND,IND,2017,SCO,member,1,true,december31"));
/// assert!(text.contains("750,IND,IND,2016,SCO,observer,3,true,december31"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn write<W: Write>(
    kg: &KnowledgeGraph,
    opts: &Options,
    rule: Rule,
    out: W,
) -> Result<(), Error> {
    let org = kg.resolve_organization(&opts.organization)?;
    let first = org.founded.year();
    let last = match org.dissolved {
        Some(d) => d.year(),
        None => opts.day()?.year(),
    };
    let mut rows: Vec<[String; 9]> = Vec::new();
    let rule_name = match rule {
        Rule::December31 => "december31",
        Rule::Any => "any",
    };
    for (state_id, ts) in kg.affiliations_of(org.id.as_str()) {
        let Some(state) = kg.state(state_id.as_str()) else { continue };
        for (year, held) in years_of(state, first..=last) {
            let ccode = held.map(|h| h.0.to_string()).unwrap_or_default();
            let abb = held.and_then(|h| h.1).unwrap_or_default().to_string();
            let (status, certain) =
                status_in_year(org, ts, year, (rule, opts.basis));
            rows.push([
                ccode.clone(),
                abb.clone(),
                state_id.to_string(),
                year.to_string(),
                org.short_name.clone(),
                status.as_str().to_string(),
                status.cow_code().to_string(),
                certain.to_string(),
                rule_name.to_string(),
            ]);
        }
    }
    write_table(out, COLUMNS, rows)
}

/// A COW code and its letters.
type CodeHeld<'a> = (u16, Option<&'a str>);

/// The years of `years` in which `state` exists, with the COW code and
/// letters it holds then: by its COW lifetimes where it has any (as
/// `export cow`), else by any lifetime (a state COW does not list), else
/// every year (a state the data gives no life).
fn years_of(
    state: &crate::model::State,
    years: std::ops::RangeInclusive<i32>,
) -> Vec<(i32, Option<CodeHeld<'_>>)> {
    use crate::model::StateList;
    if state.lifetimes_in(StateList::Cow).next().is_some()
        || state.lifetimes.is_empty()
    {
        return crate::state::cow_state_years([state], years.clone())
            .into_iter()
            .map(|sy| (sy.year, Some((sy.ccode, sy.abbrev))))
            .chain(
                // A state without lifetimes or a COW code: every year.
                (state.lifetimes.is_empty() && state.cow_code.is_none())
                    .then(|| years.clone().map(|y| (y, None)))
                    .into_iter()
                    .flatten(),
            )
            .collect();
    }
    years
        .filter(|y| state.lifetimes.iter().any(|l| l.touches_year(*y)))
        .map(|y| (y, None))
        .collect()
}

/// The status a state-year gets under `rule`, and whether it is certain
/// (an uncertain one gets the highest it may be).
pub(crate) fn status_in_year(
    org: &crate::model::Organization,
    ts: &[crate::model::Transition],
    year: i32,
    (rule, basis): (Rule, crate::model::Basis),
) -> (Status, bool) {
    match rule {
        Rule::December31 => {
            let Some(day) = Date::from_ymd(year, 12, 31) else {
                return (Status::NONE, true);
            };
            match status_on(org, ts, day, basis) {
                StatusOn::Certain(s) => (s, true),
                StatusOn::Uncertain(v) => (
                    v.into_iter()
                        .max_by_key(|s| rank(*s))
                        .unwrap_or(Status::NONE),
                    false,
                ),
            }
        }
        Rule::Any => highest_in_year(org, ts, year, basis),
    }
}

/// The highest status held on any day of `year`: the status on 1 January
/// and every status that starts within the year.
fn highest_in_year(
    org: &crate::model::Organization,
    ts: &[crate::model::Transition],
    year: i32,
    basis: crate::model::Basis,
) -> (Status, bool) {
    let jan1 = Date::from_ymd(year, 1, 1).expect("valid day");
    let dec31 = Date::from_ymd(year, 12, 31).expect("valid day");
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
    consider(status_on(org, ts, jan1, basis));
    for t in ts {
        if let Some(start) = t.start(basis)
            && start.last_day() >= jan1
            && start.first_day() <= dec31
        {
            let day = if start.last_day() <= dec31 {
                start.last_day()
            } else {
                dec31
            };
            let on = status_on(org, ts, day, basis);
            consider(on);
        }
    }
    if rank(possible_best) > rank(certain_best) {
        (possible_best, false)
    } else {
        (certain_best, true)
    }
}
