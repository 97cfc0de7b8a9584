//! The OSCE (the CSCE until 1994): the 35 of 1973, the successor states,
//! Yugoslavia's suspension, Mongolia the 57th.

use super::{claims_explained, holding};

const P: &str = "participating_state";

#[test]
fn thirty_five_in_1973_fifty_seven_from_2012() {
    let first = holding("OSCE", "1973-07-03", P);
    assert_eq!(first.len(), 35);
    for s in ["DDR", "DEU", "SUN", "CSK", "YUG", "VAT", "USA", "CAN"] {
        assert!(first.contains(&s.to_string()), "{s}");
    }
    assert_eq!(holding("OSCE", "2012-11-20", P).len(), 56);
    assert_eq!(holding("OSCE", "2012-11-21", P).len(), 57);
    assert!(holding("OSCE", "2026-12-06", P).contains(&"RUS".into()));
}

#[test]
fn yugoslavias_seat_suspended_then_the_fry_admitted() {
    assert_eq!(holding("OSCE", "1992-07-08", "suspended"), ["SCG"]);
    assert!(holding("OSCE", "2000-11-10", P).contains(&"SCG".into()));
    assert!(!holding("OSCE", "2006-06-21", P).contains(&"MNE".into()));
    assert!(holding("OSCE", "2006-06-22", P).contains(&"MNE".into()));
}

#[test]
fn unification_and_the_soviet_successors() {
    assert!(!holding("OSCE", "1990-10-03", P).contains(&"DDR".into()));
    assert!(holding("OSCE", "1991-12-26", P).contains(&"RUS".into()));
    assert!(!holding("OSCE", "1992-01-29", P).contains(&"KAZ".into()));
    assert!(holding("OSCE", "1993-01-01", P).contains(&"SVK".into()));
}

#[test]
fn the_osces_published_counts_are_explained() {
    claims_explained("OSCE", 8);
}
