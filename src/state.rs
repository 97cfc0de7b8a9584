//! A state: its codes in the lists researchers use (ISO 3166-1, the
//! Correlates of War state system, Gleditsch and Ward's list of
//! independent states), its life as those lists date it, its earlier
//! names, and what became of it (successions).
//!
//! A code names one state on any day and may pass to a successor: COW
//! and G&W date code 365 ("Russia") without a break from 1816, and here
//! the USSR holds it from 1922-12-30 to 1991-12-25, Russia before and
//! after. [`State::cow_on`] answers which code and letters a state
//! holds on a day, [`State::exists_on`] whether it lives.

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::date::Date;
use crate::model::{DatedName, SourceId, StateId};

/// A sovereign state (or one that was) in the data.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct State {
    /// ISO 3166-1 alpha-3 code; a dissolved state keeps its former code
    /// (`SUN`, `YUG`, `CSK`, `DDR`, `YMD`, `SCG`); a historical state ISO
    /// never coded has three capital letters that are no ISO code.
    pub id: StateId,
    /// ISO 3166-1 alpha-2 code; empty for a state without one (a
    /// historical state, or one known only by its COW code, whose id is
    /// then `COW` and the code, e.g. `COW255`).
    pub iso2: String,
    /// Common English name (today's, or the last it bore).
    pub name: String,
    /// Official name, where sourced.
    pub official_name: Option<String>,
    /// Other names in use (e.g. `Türkiye`).
    pub aliases: Vec<String>,
    /// Correlates of War state number it holds today (or last held).
    pub cow_code: Option<u16>,
    /// Correlates of War state abbreviation (e.g. `KZK` for Kazakhstan).
    pub cow_abbrev: Option<String>,
    /// Wikidata item id (e.g. `Q668`).
    pub wikidata: Option<String>,
    /// Sources for the identifiers and names.
    pub sources: Vec<SourceId>,
    /// Remarks (e.g. on an outdated official name).
    pub note: Option<String>,
    /// Gleditsch and Ward's state number it holds today (or last held).
    pub gw_code: Option<u16>,
    /// Gleditsch and Ward's letters (e.g. `GFR`).
    pub gw_abbrev: Option<String>,
    /// Its life, period by period, as each list dates it. Empty: the
    /// data gives none, and the state is taken to exist on every day.
    pub lifetimes: Vec<Lifetime>,
    /// Earlier names, dated (Turkey before Türkiye).
    pub names: Vec<DatedName>,
    /// What became of it: the states that continued it, or that it
    /// merged or dissolved into.
    pub successions: Vec<Succession>,
}

/// A list of states that dates a state's life.
#[derive(
    Clone,
    Copy,
    Debug,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    Serialize,
    Deserialize,
)]
#[serde(rename_all = "snake_case")]
pub enum StateList {
    /// The Correlates of War state system membership list (v2016).
    Cow,
    /// Gleditsch and Ward's list of independent states.
    Gw,
    /// A period neither list gives, sourced in the data (a state acting
    /// in an organisation before either list counts it).
    Other,
}

impl StateList {
    /// The keyword in the data: `cow`, `gw`, `other`.
    pub fn as_str(self) -> &'static str {
        match self {
            StateList::Cow => "cow",
            StateList::Gw => "gw",
            StateList::Other => "other",
        }
    }
}

impl fmt::Display for StateList {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One period of a state's life as a list dates it, with the code the
/// state holds in that list during it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Lifetime {
    /// The list.
    pub list: StateList,
    /// The first day.
    pub from: Date,
    /// The last day (inclusive, as the lists give it); `None` while the
    /// state lives.
    pub to: Option<Date>,
    /// The list's number for the state in this period, where it is not
    /// the state's own (`260` for West Germany in COW).
    pub code: Option<u16>,
    /// The list's letters in this period, where they are not the
    /// state's own (`GFR`).
    pub abbrev: Option<String>,
    /// Sources, beside the list's own (required for `other`).
    pub sources: Vec<SourceId>,
    /// Remarks (a split of a list's period between two states).
    pub note: Option<String>,
}

impl Lifetime {
    /// Whether `day` falls inside the period (any day of an imprecise
    /// bound counts as inside).
    pub fn contains(&self, day: Date) -> bool {
        self.from.first_day() <= day.last_day()
            && self.to.is_none_or(|t| day.first_day() <= t.last_day())
    }

    /// Whether the period touches any day of `year`.
    pub fn touches_year(&self, year: i32) -> bool {
        self.from.year() <= year && self.to.is_none_or(|t| year <= t.year())
    }
}

/// What became of a state.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SuccessionKind {
    /// One successor continues its legal personality and its seats (the
    /// USSR by Russia).
    ContinuedBy,
    /// It joined another state, or states joined into a new one (the GDR
    /// into Germany; the two Yemens).
    MergedInto,
    /// It dissolved into several states, none continuing it
    /// (Czechoslovakia).
    DissolvedInto,
}

impl SuccessionKind {
    /// The keyword in the data.
    pub fn as_str(self) -> &'static str {
        match self {
            SuccessionKind::ContinuedBy => "continued_by",
            SuccessionKind::MergedInto => "merged_into",
            SuccessionKind::DissolvedInto => "dissolved_into",
        }
    }
}

/// A succession: on `date`, the state became `states` in the way `kind`
/// says.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Succession {
    /// How.
    pub kind: SuccessionKind,
    /// The day the successors took over.
    pub date: Date,
    /// The successors.
    pub states: Vec<StateId>,
    /// Sources.
    pub sources: Vec<SourceId>,
    /// Remarks (a disputed continuity).
    pub note: Option<String>,
}

/// A code of a state in a list, for a period.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Held<'a> {
    /// The number.
    pub code: u16,
    /// The letters, where known.
    pub abbrev: Option<&'a str>,
}

impl State {
    /// Whether the state lives on `day` by any of its lifetimes; `None`
    /// when the data gives it no lifetime (taken to live on every day).
    pub fn exists_on(&self, day: Date) -> Option<bool> {
        if self.lifetimes.is_empty() {
            return None;
        }
        Some(self.lifetimes.iter().any(|l| l.contains(day)))
    }

    /// The lifetimes in `list`.
    pub fn lifetimes_in(
        &self,
        list: StateList,
    ) -> impl Iterator<Item = &Lifetime> {
        self.lifetimes.iter().filter(move |l| l.list == list)
    }

    /// The code and letters a lifetime gives the state in its list.
    pub fn held_in<'a>(&'a self, l: &'a Lifetime) -> Option<Held<'a>> {
        let (code, abbrev) = self.own(l.list)?;
        Some(Held {
            code: l.code.or(code)?,
            abbrev: l.abbrev.as_deref().or(abbrev),
        })
    }

    /// The state's own code and letters in `list` (today's, or the last).
    fn own(&self, list: StateList) -> Option<(Option<u16>, Option<&str>)> {
        match list {
            StateList::Cow => {
                Some((self.cow_code, self.cow_abbrev.as_deref()))
            }
            StateList::Gw => Some((self.gw_code, self.gw_abbrev.as_deref())),
            StateList::Other => None,
        }
    }

    /// Every period in which the state holds a code of `list`, from its
    /// first day to its last (`None`: always, and to this day): its
    /// lifetimes in the list, or, when the data gives it no lifetime at
    /// all, its own code on every day.
    pub fn codes_in(
        &self,
        list: StateList,
    ) -> Vec<(Held<'_>, Option<Date>, Option<Date>)> {
        if self.lifetimes.is_empty() {
            let Some((Some(code), abbrev)) = self.own(list) else {
                return Vec::new();
            };
            return vec![(Held { code, abbrev }, None, None)];
        }
        self.lifetimes_in(list)
            .filter_map(|l| {
                let held = self.held_in(l)?;
                Some((
                    held,
                    Some(l.from.first_day()),
                    l.to.map(Date::last_day),
                ))
            })
            .collect()
    }

    /// The COW code and letters the state holds on `day`: those of the
    /// COW lifetime that holds the day; with no lifetime at all, its own
    /// code (a data set that dates no lives). See [`State::codes_in`].
    pub fn cow_on(&self, day: Date) -> Option<Held<'_>> {
        self.held_on(StateList::Cow, day)
    }

    /// The G&W code and letters the state holds on `day` (as
    /// [`State::cow_on`]).
    pub fn gw_on(&self, day: Date) -> Option<Held<'_>> {
        self.held_on(StateList::Gw, day)
    }

    fn held_on(&self, list: StateList, day: Date) -> Option<Held<'_>> {
        self.codes_in(list)
            .into_iter()
            .find(|(_, from, to)| {
                from.is_none_or(|f| f <= day.last_day())
                    && to.is_none_or(|t| day.first_day() <= t)
            })
            .map(|(held, _, _)| held)
    }

    /// The name the state bore on `day`: an earlier name where one is
    /// dated over the day, else its name.
    pub fn name_on(&self, day: Date) -> &str {
        self.names
            .iter()
            .find(|n| {
                n.from.first_day() <= day
                    && n.until.is_none_or(|u| day < u.first_day())
            })
            .map_or(&self.name, |n| &n.name)
    }

    /// Every name the state is known by: its name, official name,
    /// aliases and earlier names.
    pub fn all_names(&self) -> impl Iterator<Item = &str> {
        std::iter::once(self.name.as_str())
            .chain(self.official_name.as_deref())
            .chain(self.aliases.iter().map(String::as_str))
            .chain(self.names.iter().map(|n| n.name.as_str()))
    }

    /// Its life as the lists date it, in words: `COW: from 1991-12-26;
    /// G&W: from 1991-12-16` (empty when the data gives none).
    pub fn life_text(&self) -> String {
        let mut parts = Vec::new();
        for (list, name) in [
            (StateList::Cow, "COW"),
            (StateList::Gw, "G&W"),
            (StateList::Other, "other"),
        ] {
            let spans: Vec<String> = self
                .lifetimes_in(list)
                .map(|l| match l.to {
                    Some(t) => format!("{} to {t}", l.from),
                    None => format!("from {}", l.from),
                })
                .collect();
            if !spans.is_empty() {
                parts.push(format!("{name}: {}", spans.join(", ")));
            }
        }
        parts.join("; ")
    }

    /// The first and last day of its life by all its lifetimes (`None`
    /// for the last while it lives); `None` when it has no lifetime.
    pub fn life(&self) -> Option<(Date, Option<Date>)> {
        let first = self.lifetimes.iter().map(|l| l.from.first_day()).min()?;
        let last = if self.lifetimes.iter().any(|l| l.to.is_none()) {
            None
        } else {
            self.lifetimes.iter().filter_map(|l| l.to).max()
        };
        Some((first, last))
    }
}

/// A state-year by COW's rules: the code, the letters and the state
/// that holds the code in that year.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct StateYear<'a> {
    /// COW state number.
    pub ccode: u16,
    /// COW letters, where known.
    pub abbrev: Option<&'a str>,
    /// The year.
    pub year: i32,
    /// The state holding the code that year.
    pub state: &'a State,
}

/// The state-years of `states` in `years` by COW's rules, ordered by code
/// and year: a state has a row for each year one of its COW lifetimes
/// touches (a state the data gives no lifetime, every year), under the
/// code it holds then. A code held by two states in one year (365 in
/// 1991: the USSR to 25 December, Russia from the 26th) has one row, for
/// the state that holds it on 31 December, or else held it last.
pub fn cow_state_years<'a>(
    states: impl IntoIterator<Item = &'a State>,
    years: std::ops::RangeInclusive<i32>,
) -> Vec<StateYear<'a>> {
    use std::collections::BTreeMap;
    type Row<'a> = (u16, Option<&'a str>, Date);
    // Per state and year, the code it holds last that year (West Germany
    // becomes 255 in 1990); then per code and year, the state that holds
    // it last.
    let mut by_state: BTreeMap<(&str, i32), (&State, Row<'a>)> =
        BTreeMap::new();
    for s in states {
        let mut put = |year: i32, row: Row<'a>| {
            let old = by_state.get(&(s.id.as_str(), year));
            if old.is_none_or(|(_, o)| o.2 < row.2) {
                by_state.insert((s.id.as_str(), year), (s, row));
            }
        };
        for (held, from, to) in s.codes_in(StateList::Cow) {
            let touches = |y: &i32| {
                from.is_none_or(|f| f.year() <= *y)
                    && to.is_none_or(|t| *y <= t.year())
            };
            for year in years.clone().filter(touches) {
                let end = to.map_or(dec31(year), |t| t.min(dec31(year)));
                put(year, (held.code, held.abbrev, end));
            }
        }
    }
    let mut by_code: BTreeMap<(u16, i32), (&State, Row<'a>)> = BTreeMap::new();
    for ((_, year), (s, row)) in by_state {
        let old = by_code.get(&(row.0, year));
        if old.is_none_or(|(_, o)| o.2 < row.2) {
            by_code.insert((row.0, year), (s, row));
        }
    }
    by_code
        .into_iter()
        .map(|((ccode, year), (state, (_, abbrev, _)))| StateYear {
            ccode,
            abbrev,
            year,
            state,
        })
        .collect()
}

fn dec31(year: i32) -> Date {
    Date::from_ymd(year, 12, 31).expect("31 December is a day")
}
