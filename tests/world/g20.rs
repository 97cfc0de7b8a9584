//! The G20: nineteen states from 1999 (Indonesia from the first meeting),
//! the European Union and the African Union as organisation members.

use super::{claims_explained, holding};
use crate::common::json;

#[test]
fn nineteen_states_and_two_unions() {
    assert!(holding("G20", "1999-09-24", "member").is_empty());
    let founders = holding("G20", "1999-09-25", "member");
    assert_eq!(founders.len(), 18);
    assert!(!founders.contains(&"IDN".into()));
    assert_eq!(holding("G20", "1999-12-15", "member").len(), 19);
    let guests = |day: &str| {
        let v = json(&["at", day, "--org", "G20", "--format", "json"]);
        let names: Vec<String> = v["organization_members"]
            .as_array()
            .map(|a| {
                a.iter().map(|g| g["name"].as_str().unwrap().into()).collect()
            })
            .unwrap_or_default();
        (names, v["family_size"].as_u64().unwrap())
    };
    assert_eq!(guests("2023-09-08"), (vec!["European Union".into()], 19));
    assert_eq!(
        guests("2023-09-09"),
        (vec!["European Union".into(), "African Union".into()], 19)
    );
    // South Africa's exclusion from US-hosted meetings is no status change.
    assert!(holding("G20", "2026-01-01", "member").contains(&"ZAF".into()));
}

#[test]
fn the_g20s_published_counts_are_explained() {
    claims_explained("G20", 5);
}
