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
        Status::Observer,
        Status::Member,
        Status::Partner,
        Status::DialoguePartner,
    ];
    i.map_or(Status::None, |i| statuses[i % 4])
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
