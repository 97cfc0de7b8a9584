//! Which of our states holds each COW code in each year of the file: a
//! code may pass from one state to another (COW's 365 is the USSR's from
//! 1923 to 1990 here, Russia's before and after), so a column's rows for
//! one code become one history per state that held it.

use std::collections::BTreeMap;

use crate::model::State;

/// The rows of one state, from every code it held (Germany's 255 and
/// 260), or of one code no state of ours holds.
pub(crate) struct Holder<'a> {
    /// Our state, or `None` for a code the bundled data does not know
    /// (its id is then `COW` and the code).
    pub state: Option<&'a State>,
    /// The first code of the file the holder's rows came from.
    pub ccode: u16,
    /// The state's rows: year -> one code per column.
    pub years: BTreeMap<i32, &'a Vec<i8>>,
}

impl Holder<'_> {
    /// The state's id in the imported data.
    pub fn id(&self) -> String {
        match self.state {
            Some(s) => s.id.to_string(),
            None => format!("COW{:03}", self.ccode),
        }
    }
}

/// Every row by its holder: one holder per state of ours, whatever codes
/// it held (a state's rows under two codes are one history, as the
/// loader requires), and one per code no state of ours holds; in the
/// order of the first code of each. A year in which no state of ours
/// holds the code (by COW's lifetimes in the bundled data) goes to the
/// state that holds the code last, so that no row is lost; where that
/// state has a row of its own code for the year, its own row is kept.
pub(crate) fn split<'a>(
    rows: &'a BTreeMap<u16, BTreeMap<i32, Vec<i8>>>,
    states: &'a [&'a State],
    years: (i32, i32),
) -> Vec<Holder<'a>> {
    let (by_year, last) = by_year(states.iter().copied(), years);
    let mut holders: Vec<Holder<'a>> = Vec::new();
    let mut fallback: Vec<(usize, i32, &'a Vec<i8>)> = Vec::new();
    for (&ccode, rows) in rows {
        for (&year, codes) in rows {
            let held = by_year.get(&(ccode, year)).copied();
            let state = held.or_else(|| last.get(&ccode).copied());
            let at = holders.iter().position(|h| match (h.state, state) {
                (Some(a), Some(b)) => a.id == b.id,
                (None, None) => h.ccode == ccode,
                _ => false,
            });
            let i = at.unwrap_or_else(|| {
                holders.push(Holder { state, ccode, years: BTreeMap::new() });
                holders.len() - 1
            });
            if held.is_some() || state.is_none() {
                holders[i].years.insert(year, codes);
            } else {
                fallback.push((i, year, codes));
            }
        }
    }
    for (i, year, codes) in fallback {
        holders[i].years.entry(year).or_insert(codes);
    }
    holders
}

/// The state of `states` that holds each COW code in each year of
/// `years` (by COW's lifetimes), and for each code the state that holds
/// it today or held it last (for a year no lifetime covers).
pub(crate) type ByYear<'a> =
    (BTreeMap<(u16, i32), &'a State>, BTreeMap<u16, &'a State>);

/// See [`ByYear`].
pub(crate) fn by_year<'a>(
    states: impl Iterator<Item = &'a State> + Clone,
    years: (i32, i32),
) -> ByYear<'a> {
    let by_year: BTreeMap<(u16, i32), &State> =
        crate::state::cow_state_years(states.clone(), years.0..=years.1)
            .into_iter()
            .map(|sy| ((sy.ccode, sy.year), sy.state))
            .collect();
    let mut last: BTreeMap<u16, &State> = BTreeMap::new();
    for (&(code, _), &s) in &by_year {
        last.insert(code, s);
    }
    for s in states {
        if let Some(c) = s.cow_code {
            last.entry(c).or_insert(s);
        }
    }
    (by_year, last)
}
