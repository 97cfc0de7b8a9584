//! Property tests: dates round-trip and order sensibly; a status on a day
//! equals the status of the last transition in force, and an uncertain
//! answer lists exactly the statuses that some reading of the imprecise
//! dates gives.

use igo_graph::{Date, KnowledgeGraph, Precision, Status, StatusOn};
use proptest::prelude::*;

fn day_strategy() -> impl Strategy<Value = Date> {
    (1990i32..2030, 1u32..=12, 1u32..=31)
        .prop_filter_map("a real day", |(y, m, d)| Date::from_ymd(y, m, d))
}

fn date_strategy() -> impl Strategy<Value = Date> {
    (day_strategy(), 0u8..3).prop_map(|(d, p)| {
        let s = d.to_string();
        let text = match p {
            0 => s,
            1 => s[..7].to_string(),
            _ => s[..4].to_string(),
        };
        text.parse().unwrap()
    })
}

proptest! {
    #[test]
    fn dates_round_trip_through_text(d in date_strategy()) {
        let back: Date = d.to_string().parse().unwrap();
        prop_assert_eq!(back, d);
        prop_assert!(d.first_day() <= d.last_day());
        prop_assert!(d.contains(d.first_day()) && d.contains(d.last_day()));
        if d.precision() == Precision::Day {
            prop_assert_eq!(d.first_day(), d);
        }
    }

    #[test]
    fn next_day_is_just_after_the_range(d in date_strategy()) {
        let next = d.next_day().unwrap();
        prop_assert!(!d.contains(next));
        prop_assert!(d.last_day() < next);
    }

    #[test]
    fn derived_order_agrees_with_days(a in day_strategy(), b in day_strategy()) {
        prop_assert_eq!(a < b, a.to_string() < b.to_string());
        prop_assert_eq!(a.certainly_before(b), a < b);
    }
}

/// Writes a data folder with one state whose transitions start on `starts`
/// (in order) with alternating statuses, and loads it.
fn graph_with(starts: &[Date]) -> (tempfile::TempDir, KnowledgeGraph) {
    let dir = crate::common::good_copy();
    // Chairs and officials need members the generated history may lack.
    for f in ["org/chairs.yaml", "org/officials.yaml"] {
        std::fs::remove_file(dir.path().join(f)).unwrap();
    }
    let statuses = ["observer", "member", "partner", "dialogue_partner"];
    let mut yaml = String::from("- state: IND\n  transitions:\n");
    for (i, d) in starts.iter().enumerate() {
        yaml.push_str(&format!(
            "    - status: {}\n      date: {d}\n      sources: [s1]\n",
            statuses[i % statuses.len()]
        ));
    }
    std::fs::write(dir.path().join("org/statuses.yaml"), yaml).unwrap();
    let kg =
        KnowledgeGraph::load(dir.path()).expect("generated data is valid");
    (dir, kg)
}

fn status_name(i: Option<usize>) -> Status {
    let statuses = [
        Status::OBSERVER,
        Status::MEMBER,
        Status::PARTNER,
        Status::DIALOGUE_PARTNER,
    ];
    i.map_or(Status::NONE, |i| statuses[i % 4])
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn status_on_a_day_matches_every_reading_of_the_dates(
        mut starts in proptest::collection::vec(date_strategy(), 1..4)
            .prop_filter("after the founding", |v| v.iter().all(|d| d.first_day() >= "2001-06-15".parse().unwrap())),
        probe in day_strategy(),
    ) {
        // Strictly increasing, not overlapping: a valid history.
        starts.sort_by_key(|d| d.first_day());
        prop_assume!(starts.windows(2).all(|w| w[0].last_day() < w[1].first_day()));
        let (_dir, kg) = graph_with(&starts);
        let got = kg.status_on("ORG", "IND", probe, igo_graph::Basis::Effective).unwrap();
        // Brute force: each transition has certainly happened (last day <=
        // probe), certainly not (first day > probe), or either.
        let mut possible = std::collections::BTreeSet::new();
        let certain = starts.iter().rposition(|d| d.last_day() <= probe);
        let maybe = starts.iter().rposition(|d| d.first_day() <= probe);
        possible.insert(status_name(certain));
        if let (Some(m), c) = (maybe, certain) {
            for i in c.map_or(0, |c| c + 1)..=m {
                possible.insert(status_name(Some(i)));
            }
        }
        let possible: Vec<Status> = possible.into_iter().collect();
        if possible.len() == 1 {
            prop_assert_eq!(got, StatusOn::Certain(possible[0]));
        } else {
            prop_assert_eq!(got, StatusOn::Uncertain(possible));
        }
    }
}

// ---------------------------------------------------------------------------
// Whole data sets: generated valid histories for several states.

use igo_graph::export::{self, Options};
use igo_graph::{Basis, StatusOn as On};
use std::collections::BTreeMap;

const CODES: [&str; 6] = ["AAA", "BBB", "CCC", "DDD", "EEE", "FFF"];
const STATUSES: [&str; 5] =
    ["member", "observer", "dialogue_partner", "partner", "none"];

/// One transition: status index, year offset (strictly increasing within a
/// state), month, day, precision (0 day, 1 month, 2 year), days between
/// decision and effect, pending.
type T = (usize, u8, u8, u8, u8, u8, bool);

fn history_strategy() -> impl Strategy<Value = Vec<T>> {
    proptest::collection::vec(
        (
            0usize..5,
            1u8..4,
            1u8..=12,
            1u8..=28,
            0u8..3,
            0u8..40,
            proptest::bool::weighted(0.1),
        ),
        1..5,
    )
}

fn date_text(year: u32, m: u8, d: u8, precision: u8) -> String {
    match precision {
        0 => format!("{year:04}-{m:02}-{d:02}"),
        1 => format!("{year:04}-{m:02}"),
        _ => format!("{year:04}"),
    }
}

/// YAML for the generated histories, shaped to be valid: increasing years
/// (so imprecise dates never overlap), no repeated status, not starting
/// with `none`, only the last transition pending.
fn dataset(histories: &[Vec<T>]) -> Vec<(String, String)> {
    let mut states = String::new();
    let mut statuses = String::new();
    for (i, h) in histories.iter().enumerate().take(CODES.len()) {
        let code = CODES[i];
        states.push_str(&format!(
            "- id: {code}\n  iso2: {}\n  name: \"State {code}\"\n  sources: [s1]\n",
            &code[..2]
        ));
        let mut year = 2002u32;
        let mut last: Option<usize> = None;
        let mut lines = String::new();
        let n = h.len();
        for (k, &(st, gap, m, d, p, lag, pending)) in h.iter().enumerate() {
            year += u32::from(gap);
            if (last.is_none() && STATUSES[st] == "none") || last == Some(st) {
                continue;
            }
            last = Some(st);
            let decided = date_text(year, m, d, p);
            let effective = if p == 0 {
                // Same year, a few days later at most.
                let day = (u32::from(d) + u32::from(lag)).min(28);
                format!("{year:04}-{m:02}-{day:02}")
            } else {
                decided.clone()
            };
            let eff = if pending && k + 1 == n {
                String::new()
            } else {
                format!("      effective: {effective}\n")
            };
            lines.push_str(&format!(
                "    - status: {}\n      decided: {decided}\n{eff}      sources: [s1]\n",
                STATUSES[st]
            ));
        }
        if !lines.is_empty() {
            statuses.push_str(&format!(
                "- state: {code}\n  transitions:\n{lines}"
            ));
        }
    }
    vec![
        ("states.yaml".into(), if states.is_empty() { "[]\n".into() } else { states }),
        ("sources.yaml".into(), "- id: s1\n  title: t\n  url: https://example.org/\n".into()),
        (
            "org/organization.yaml".into(),
            "- id: ORG\n  name: Org\n  short_name: ORG\n  founded: 2001-06-15\n  sources: [s1]\n".into(),
        ),
        ("org/statuses.yaml".into(), if statuses.is_empty() { "[]\n".into() } else { statuses }),
    ]
}

fn statuses_on(
    kg: &KnowledgeGraph,
    day: Date,
    basis: Basis,
) -> BTreeMap<String, On> {
    CODES
        .iter()
        .filter(|c| kg.state(c).is_some())
        .map(|c| (c.to_string(), kg.status_on("ORG", c, day, basis).unwrap()))
        .collect()
}

fn day_in_range() -> impl Strategy<Value = Date> {
    (2001i32..2030, 1u32..=12, 1u32..=28)
        .prop_map(|(y, m, d)| Date::from_ymd(y, m, d).unwrap())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// The snapshot's family is exactly the states with a span certainly
    /// containing the day, and its uncertain states are those with a span
    /// possibly containing it.
    #[test]
    fn snapshot_equals_the_spans_containing_the_day(
        hs in proptest::collection::vec(history_strategy(), 1..6),
        day in day_in_range(),
        decided in proptest::bool::ANY,
    ) {
        let kg = KnowledgeGraph::from_texts(dataset(&hs)).expect("generated data is valid");
        let basis = if decided { Basis::Decided } else { Basis::Effective };
        let snap = kg.snapshot("ORG", day, basis).unwrap();
        let mut certain: Vec<String> = Vec::new();
        for span in kg.spans() {
            let Some(start) = span.start.at(basis) else { continue };
            let end = span.end.and_then(|b| b.at(basis));
            if start.last_day() <= day && end.is_none_or(|e| e.first_day() > day) {
                certain.push(span.state.to_string());
            }
        }
        certain.sort();
        let family: Vec<String> = snap.family().iter().map(|s| s.to_string()).collect();
        // A state certainly in a span is in the family unless a later
        // imprecise transition might already have ended it.
        for s in &family {
            prop_assert!(certain.contains(s), "{s} in the family but in no certain span");
        }
        for s in &certain {
            prop_assert!(
                family.contains(s) || snap.uncertain.iter().any(|u| u.state == s.as_str()),
                "{s} in a certain span but neither in the family nor uncertain"
            );
        }
        prop_assert_eq!(snap.family_size, family.len());
    }

    /// The snapshot (answered through the interval index) agrees with each
    /// state's own status on the day (answered from its transitions).
    #[test]
    fn snapshot_agrees_with_every_states_status(
        hs in proptest::collection::vec(history_strategy(), 1..6),
        day in day_in_range(),
        decided in proptest::bool::ANY,
    ) {
        let kg = KnowledgeGraph::from_texts(dataset(&hs)).unwrap();
        let basis = if decided { Basis::Decided } else { Basis::Effective };
        let snap = kg.snapshot("ORG", day, basis).unwrap();
        for (state, on) in statuses_on(&kg, day, basis) {
            let in_snapshot = match &on {
                On::Certain(Status::NONE) => {
                    !snap.family().iter().any(|s| s.as_str() == state)
                        && !snap.uncertain.iter().any(|u| u.state == state.as_str())
                }
                On::Certain(s) => snap.with_status(*s).iter().any(|x| x.as_str() == state),
                On::Uncertain(v) => snap
                    .uncertain
                    .iter()
                    .any(|u| u.state == state.as_str() && &u.possible == v),
            };
            prop_assert!(in_snapshot, "{state}: {on:?} on {day}, snapshot {snap:?}");
        }
    }

    /// Applying diff(a, b) to the statuses on day a gives those on day b.
    #[test]
    fn diff_applied_to_a_gives_b(
        hs in proptest::collection::vec(history_strategy(), 1..6),
        a in day_in_range(),
        b in day_in_range(),
    ) {
        let kg = KnowledgeGraph::from_texts(dataset(&hs)).unwrap();
        let mut on_a = statuses_on(&kg, a, Basis::Effective);
        let on_b = statuses_on(&kg, b, Basis::Effective);
        let diff = kg.diff("ORG", a, b, Basis::Effective).unwrap();
        for c in &diff.changes {
            prop_assert_eq!(on_a.get(c.state.as_str()), Some(&c.before));
            on_a.insert(c.state.to_string(), c.after.clone());
        }
        prop_assert_eq!(on_a, on_b);
    }

    /// After every change of the timeline, its counts are the snapshot's
    /// on the last day of the change's date (certain and uncertain apart),
    /// and they add up: the family is the sum over statuses and over tiers.
    #[test]
    fn timeline_counts_equal_snapshot_counts(
        hs in proptest::collection::vec(history_strategy(), 1..6),
        decided in proptest::bool::ANY,
    ) {
        let kg = KnowledgeGraph::from_texts(dataset(&hs)).unwrap();
        let basis = if decided { Basis::Decided } else { Basis::Effective };
        let t = kg.timeline("ORG", basis).unwrap();
        for e in &t.events {
            let day = e.date.last_day();
            let snap = kg.snapshot("ORG", day, basis).unwrap();
            prop_assert_eq!(&e.after, &snap.counts, "on {}", day);
            prop_assert_eq!(e.after.family, snap.family_size);
            prop_assert_eq!(e.after.members, snap.members.len());
            prop_assert_eq!(e.after.uncertain, snap.uncertain.len());
            prop_assert_eq!(e.after.statuses.values().sum::<usize>(), e.after.family);
            prop_assert_eq!(e.after.tiers.values().sum::<usize>(), e.after.family);
        }
    }

    /// Every export gives the same bytes twice; the canonical YAML and the
    /// JSON read back into an equal graph, and YAML written again is the
    /// same.
    #[test]
    fn exports_are_deterministic_and_round_trip(
        hs in proptest::collection::vec(history_strategy(), 1..6),
        day in day_in_range(),
    ) {
        let kg = KnowledgeGraph::from_texts(dataset(&hs)).unwrap();
        let all = Options::new("ORG");
        let on = Options::new("ORG").at(day);
        type W = fn(&KnowledgeGraph, &Options, &mut Vec<u8>) -> Result<(), igo_graph::Error>;
        let writers: [(&str, W, &Options); 8] = [
            ("dot", |k, o, w| export::dot::write(k, o, w), &on),
            ("gexf", |k, o, w| export::gexf::write(k, o, w), &all),
            ("graphml", |k, o, w| export::graphml::write(k, o, w), &all),
            ("json", |k, o, w| export::json::write(k, o, w), &all),
            ("csv", |k, o, w| export::csv::write(k, o, w), &all),
            ("ttl", |k, o, w| export::ttl::write(k, o, w), &all),
            ("chart", |k, o, w| export::chart::write(k, o, w), &on),
            ("panel", |k, o, w| export::panel::write(k, o, export::panel::Rule::Any, w), &on),
        ];
        for (name, write, opts) in writers {
            let (mut x, mut y) = (Vec::new(), Vec::new());
            write(&kg, opts, &mut x).unwrap();
            write(&kg, opts, &mut y).unwrap();
            prop_assert!(x == y, "{name} is not deterministic");
        }
        let files = export::yaml::files(&kg);
        let again = KnowledgeGraph::from_texts(files.clone()).unwrap();
        prop_assert!(again == kg, "YAML round trip changed the graph");
        prop_assert_eq!(export::yaml::files(&again), files);
        let mut json = Vec::new();
        export::json::write(&kg, &all, &mut json).unwrap();
        let back = KnowledgeGraph::from_json(std::str::from_utf8(&json).unwrap()).unwrap();
        prop_assert!(back == kg, "JSON round trip changed the graph");
    }
}
