//! Which of our states holds each COW code in each year of the file: a
//! code may pass from one state to another (COW's 365 is the USSR's from
//! 1923 to 1990 here, Russia's before and after), so a column's rows for
//! one code become one history per state that held it.

use std::collections::BTreeMap;

use crate::model::State;

/// A code's rows, split by the state that holds it each year.
pub(crate) struct Holder<'a> {
    /// Our state, or `None` for a code the bundled data does not know
    /// (its id is then `COW` and the code).
    pub state: Option<&'a State>,
    /// The state's rows: year -> one code per column.
    pub years: BTreeMap<i32, &'a Vec<i8>>,
}

impl Holder<'_> {
    /// The state's id in the imported data.
    pub fn id(&self, ccode: u16) -> String {
        match self.state {
            Some(s) => s.id.to_string(),
            None => format!("COW{ccode:03}"),
        }
    }
}

/// Every code's rows by holder, in the order of the codes. A year in
/// which no state of ours holds the code (by COW's lifetimes in the
/// bundled data) goes to the state that holds the code last, so that no
/// row is lost.
pub(crate) fn split<'a>(
    rows: &'a BTreeMap<u16, BTreeMap<i32, Vec<i8>>>,
    states: &'a [&'a State],
    years: (i32, i32),
) -> BTreeMap<u16, Vec<Holder<'a>>> {
    let (by_year, last) = by_year(states.iter().copied(), years);
    let mut out = BTreeMap::new();
    for (&ccode, rows) in rows {
        let mut holders: Vec<Holder<'a>> = Vec::new();
        for (&year, codes) in rows {
            let state = by_year
                .get(&(ccode, year))
                .or_else(|| last.get(&ccode))
                .copied();
            let at = holders
                .iter()
                .position(|h| h.state.map(|s| &s.id) == state.map(|s| &s.id));
            let h = match at {
                Some(i) => &mut holders[i],
                None => {
                    holders.push(Holder { state, years: BTreeMap::new() });
                    holders.last_mut().expect("just pushed")
                }
            };
            h.years.insert(year, codes);
        }
        out.insert(ccode, holders);
    }
    out
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
