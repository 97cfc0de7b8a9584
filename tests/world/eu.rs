//! The European Union (the European Economic Community until 1993):
//! enlargements, candidates, the UK's exit.

use super::{claims_explained, holding};
use crate::common::json;

#[test]
fn members_after_each_enlargement() {
    for (day, n) in [
        ("1958-01-01", 6),
        ("1973-01-01", 9),
        ("1981-01-01", 10),
        ("1986-01-01", 12),
        ("1995-01-01", 15),
        ("2004-05-01", 25),
        ("2007-01-01", 27),
        ("2013-07-01", 28),
        ("2020-02-01", 27),
    ] {
        assert_eq!(holding("EU", day, "member").len(), n, "{day}");
    }
}

#[test]
fn the_uk_leaves_on_2020_02_01_decided_on_2017_03_29() {
    assert!(holding("EU", "2020-01-31", "member").contains(&"GBR".into()));
    assert!(!holding("EU", "2020-02-01", "member").contains(&"GBR".into()));
    // By decision, the exit dates from the notification.
    let v = json(&[
        "at",
        "2018-01-01",
        "--org",
        "EU",
        "--basis",
        "decided",
        "--format",
        "json",
    ]);
    let members = super::ids(&v["members"]);
    assert!(!members.contains(&"GBR".into()), "{members:?}");
}

#[test]
fn candidates_from_the_european_council_s_decision() {
    assert!(holding("EU", "2019-01-01", "candidate").contains(&"TUR".into()));
    assert!(!holding("EU", "2022-12-14", "candidate").contains(&"BIH".into()));
    assert!(holding("EU", "2022-12-15", "candidate").contains(&"BIH".into()));
    assert!(holding("EU", "2013-06-30", "candidate").contains(&"HRV".into()));
    assert!(holding("EU", "2015-03-11", "candidate").contains(&"ISL".into()));
    assert!(!holding("EU", "2015-03-12", "candidate").contains(&"ISL".into()));
}

#[test]
fn the_name_changes_on_1993_11_01() {
    let name = |day: &str| {
        let (_, out, _) = crate::common::run(&["at", day, "--org", "EU"]);
        out.lines().next().unwrap().to_string()
    };
    assert!(name("1993-10-31").contains("European Economic Community"));
    assert!(name("1993-11-01").contains("European Union"));
}

#[test]
fn the_eus_published_counts_are_explained() {
    claims_explained("EU", 8);
}
