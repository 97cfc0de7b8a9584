//! A state-year panel in the style of the Correlates of War (COW) IGO
//! data: one row per state and year, from the organisation's founding year
//! to the current year, for every state that ever held a status in it.
//!
//! `cow_code` follows COW's membership codes: 1 full member, 3 observer,
//! 0 no membership. COW has no dialogue-partner or partner category: those
//! rows have `cow_code` 0 and say so in `status`.

use std::io::Write;

use super::Options;
use super::table::{Column, Kind, Table};
use super::year::status_in_year;
use crate::error::Error;
use crate::graph::KnowledgeGraph;

/// Which status a state-year gets (see [`super::year`]).
pub use super::year::Rule;

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
    table(kg, opts, rule)?.write_csv(out)
}

/// The panel as a [`Table`] (see [`write()`]).
///
/// # Errors
///
/// An unknown organisation, or no today in `opts`.
pub fn table<'a>(
    kg: &'a KnowledgeGraph,
    opts: &Options,
    rule: Rule,
) -> Result<Table<'a>, Error> {
    let org = kg.resolve_organization(&opts.organization)?;
    let first = org.founded.year();
    let last = match org.dissolved {
        Some(d) => d.year(),
        None => opts.day()?.year(),
    };
    let mut rows: Vec<Vec<String>> = Vec::new();
    for (state_id, ts) in kg.affiliations_of(org.id.as_str()) {
        let state = kg.state(state_id.as_str());
        let Some(s) = state else { continue };
        for (year, held) in years_of(s, first..=last) {
            let ccode = held.map(|h| h.0.to_string()).unwrap_or_default();
            let abb = held.and_then(|h| h.1).unwrap_or_default().to_string();
            let (status, certain) =
                status_in_year(org, ts, (state, year), (rule, opts.basis));
            rows.push(vec![
                ccode,
                abb,
                state_id.to_string(),
                year.to_string(),
                org.short_name.clone(),
                status.as_str().to_string(),
                status.cow_code().to_string(),
                certain.to_string(),
                rule.to_string(),
            ]);
        }
    }
    Ok(Table::new(
        "panel",
        format!("one row per state and year of {}", org.short_name),
        columns(),
        rows,
    ))
}

/// The columns of [`table()`]: [`COLUMNS`] with their kinds and meanings.
pub fn columns() -> Vec<Column> {
    COLUMNS
        .iter()
        .zip(DESCRIPTIONS)
        .map(|(name, (kind, what))| Column::new(*name, kind, what))
        .collect()
}

/// The kind and meaning of each of [`COLUMNS`].
const DESCRIPTIONS: [(Kind, &str); 9] = [
    (Kind::Integer, "COW state number held that year (empty: none)"),
    (Kind::Text, "COW state letters held that year"),
    (
        Kind::Text,
        "the state's id: ISO 3166-1 alpha-3, or ISO 3166-3 for a dissolved state",
    ),
    (Kind::Integer, "the year"),
    (Kind::Text, "the organisation's short name"),
    (
        Kind::Text,
        "the status id, in the organisation's own words (`none`: no status)",
    ),
    (
        Kind::Integer,
        "COW's membership code: 1 full, 2 associate, 3 observer, 0 none",
    ),
    (
        Kind::Boolean,
        "false when the status on the rule's day cannot be decided (the highest it may be is given)",
    ),
    (Kind::Text, "the year rule: december31, january1, MM-DD or any"),
];

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
        let mut out: Vec<(i32, Option<CodeHeld<'_>>)> =
            crate::state::cow_state_years([state], years.clone())
                .into_iter()
                .map(|sy| (sy.year, Some((sy.ccode, sy.abbrev))))
                .collect();
        // The years another list's lifetime touches and COW's do not
        // (West Germany by G&W from 1949, by COW from 1955), without a
        // code; and every year for a state without lifetimes or code.
        let coded: std::collections::BTreeSet<i32> =
            out.iter().map(|(y, _)| *y).collect();
        let uncoded = years.filter(|y| {
            !coded.contains(y)
                && (state.lifetimes.iter().any(|l| l.touches_year(*y))
                    || state.lifetimes.is_empty() && state.cow_code.is_none())
        });
        out.extend(uncoded.map(|y| (y, None)));
        out.sort_by_key(|(y, _)| *y);
        return out;
    }
    years
        .filter(|y| state.lifetimes.iter().any(|l| l.touches_year(*y)))
        .map(|y| (y, None))
        .collect()
}
