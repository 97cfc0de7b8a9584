//! The world's states checked against the lists they come from: every
//! period of the COW State System Membership list (v2016) and of
//! Gleditsch and Ward's list is one lifetime of one state of the bundled
//! data, with the same code, letters and days, and no lifetime is
//! anything else; every ISO code of the countrycode table is the state's
//! that holds the table's COW code.

use std::collections::{BTreeMap, BTreeSet};

use igo_graph::{KnowledgeGraph, StateList};

use crate::common::root;

/// (code, letters, first day, last day or "") rows of a list file.
fn list(file: &str) -> BTreeSet<(u16, String, String, String)> {
    let text =
        std::fs::read_to_string(root().join("tests/data/states").join(file))
            .unwrap();
    text.lines()
        .skip(1)
        .map(|line| {
            // The name may hold commas: code and letters first, days last.
            let f: Vec<&str> = line.split(',').collect();
            let end = f[f.len() - 1];
            let end = if end == "9999-12-31" { "" } else { end };
            (
                f[0].parse().unwrap(),
                f[1].to_string(),
                f[f.len() - 2].to_string(),
                end.to_string(),
            )
        })
        .collect()
}

/// The same rows as the bundled data's lifetimes in `which` give them.
fn ours(
    kg: &KnowledgeGraph,
    which: StateList,
) -> BTreeSet<(u16, String, String, String)> {
    let mut out = BTreeSet::new();
    for s in kg.states() {
        for l in s.lifetimes_in(which) {
            let held = s.held_in(l).expect("a listed lifetime has a code");
            out.insert((
                held.code,
                held.abbrev.unwrap_or_default().to_string(),
                l.from.to_string(),
                l.to.map(|t| t.to_string()).unwrap_or_default(),
            ));
        }
    }
    out
}

/// A list's periods for one code, joined where the data splits one
/// period between two states (365: Russia, the USSR, Russia), so that the
/// data's periods can be compared with the list's.
fn joined(
    rows: &BTreeSet<(u16, String, String, String)>,
) -> BTreeMap<u16, Vec<(String, String)>> {
    let mut by_code: BTreeMap<u16, Vec<(String, String)>> = BTreeMap::new();
    for (code, _, from, to) in rows {
        by_code.entry(*code).or_default().push((from.clone(), to.clone()));
    }
    for periods in by_code.values_mut() {
        periods.sort();
        let mut out: Vec<(String, String)> = Vec::new();
        for (from, to) in periods.drain(..) {
            let next_of = |end: &str| -> String {
                let d: igo_graph::Date = end.parse().unwrap();
                d.next_day().unwrap().to_string()
            };
            match out.last_mut() {
                Some(last)
                    if !last.1.is_empty() && next_of(&last.1) == from =>
                {
                    last.1 = to
                }
                _ => out.push((from, to)),
            }
        }
        *periods = out;
    }
    by_code
}

#[test]
fn every_period_of_the_cow_and_gw_lists_is_a_lifetime_and_nothing_else() {
    let kg = KnowledgeGraph::bundled();
    for (which, file) in
        [(StateList::Cow, "cow-states.csv"), (StateList::Gw, "gw-states.csv")]
    {
        let listed = list(file);
        let data = ours(&kg, which);
        assert!(listed.len() > 200, "{file}: {}", listed.len());
        // Same codes and days, once the data's splits of a code between a
        // state and its successor are joined again.
        assert_eq!(joined(&data), joined(&listed), "{file}");
        // Same letters for every code.
        let letters = |rows: &BTreeSet<(u16, String, String, String)>| -> BTreeSet<(u16, String)> {
            rows.iter().map(|r| (r.0, r.1.clone())).collect()
        };
        assert_eq!(letters(&data), letters(&listed), "{file}");
    }
}

#[test]
fn every_iso_code_of_the_table_is_the_state_holding_its_cow_code() {
    let kg = KnowledgeGraph::bundled();
    let text =
        std::fs::read_to_string(root().join("tests/data/states/iso.csv"))
            .unwrap();
    let mut checked = 0;
    for line in text.lines().skip(1) {
        let f: Vec<&str> = line.rsplitn(4, ',').collect();
        // name may hold commas: from the right, gwn, cown, iso2c, then
        // "name,iso3c".
        let (cown, iso2) = (f[1], f[2]);
        let iso3 = f[3].rsplit(',').next().unwrap();
        let Ok(cown) = cown.parse::<u16>() else { continue };
        // The one documented difference: the table maps COW's 327, the
        // Papal States (1816-1870), to the Vatican; here it is `PAP`.
        if iso3 == "VAT" {
            assert_eq!(kg.resolve_state("COW:327").unwrap().id, "PAP");
            continue;
        }
        let s =
            kg.state(iso3).unwrap_or_else(|| panic!("{iso3} is not a state"));
        assert_eq!(s.iso2, iso2, "{iso3}");
        // The COW code the table gives is one the state holds at some
        // time (Germany: 255 and 260).
        let holds = s
            .lifetimes_in(StateList::Cow)
            .any(|l| s.held_in(l).unwrap().code == cown);
        assert!(holds, "{iso3} does not hold COW {cown}");
        checked += 1;
    }
    assert!(checked > 180, "{checked}");
}

#[test]
fn a_code_names_the_state_that_holds_it() {
    let kg = KnowledgeGraph::bundled();
    for (q, id) in [
        ("CAN", "CAN"),
        ("GBR", "GBR"),
        ("DEU", "DEU"),
        ("20", "CAN"),
        ("UKG", "GBR"),
        ("GW:260", "DEU"),
        ("COW:365", "RUS"),
        ("Burma", "MMR"),
        ("Swaziland", "SWZ"),
        ("COW255", "DEU"),
    ] {
        assert_eq!(
            kg.resolve_state(q).map(|s| s.id.as_str()).unwrap_or("-"),
            id,
            "{q}"
        );
    }
    let day: igo_graph::Date = "1980-06-01".parse().unwrap();
    let ussr = kg.state("SUN").unwrap();
    assert_eq!(ussr.cow_on(day).map(|h| h.code), Some(365));
    assert_eq!(kg.state("RUS").unwrap().cow_on(day), None);
    assert_eq!(kg.state("MMR").unwrap().name_on(day), "Burma");
}
