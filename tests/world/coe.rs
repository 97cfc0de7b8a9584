//! The Council of Europe: Greece's withdrawal and return, West Germany
//! an associate first, Russia suspended, then out.

use super::{claims_explained, holding};

#[test]
fn russia_suspended_on_2022_02_25_and_out_on_2022_03_16() {
    assert!(holding("COE", "2022-02-24", "member").contains(&"RUS".into()));
    assert_eq!(holding("COE", "2022-02-25", "suspended"), ["RUS"]);
    // Its own notice of withdrawal (2022-03-15) did not end it.
    assert_eq!(holding("COE", "2022-03-15", "suspended"), ["RUS"]);
    assert!(holding("COE", "2022-03-16", "suspended").is_empty());
    assert!(!holding("COE", "2022-03-16", "member").contains(&"RUS".into()));
    assert_eq!(holding("COE", "2022-03-16", "member").len(), 46);
    assert_eq!(holding("COE", "2022-02-24", "member").len(), 47);
}

#[test]
fn greece_left_in_1969_and_returned_in_1974() {
    assert!(holding("COE", "1969-12-11", "member").contains(&"GRC".into()));
    assert!(!holding("COE", "1972-06-01", "member").contains(&"GRC".into()));
    assert!(holding("COE", "1975-01-01", "member").contains(&"GRC".into()));
}

#[test]
fn west_germany_an_associate_before_a_member() {
    assert_eq!(holding("COE", "1950-12-31", "associate"), ["DEU"]);
    assert!(holding("COE", "1951-06-01", "member").contains(&"DEU".into()));
    // Czechoslovakia's seat ends with it; its successors join in 1993.
    assert!(holding("COE", "1992-06-01", "member").contains(&"CSK".into()));
    assert!(!holding("COE", "1993-03-01", "member").contains(&"CZE".into()));
    assert!(holding("COE", "1993-06-30", "member").contains(&"CZE".into()));
    // Belarus: never a member.
    assert!(!holding("COE", "2024-01-01", "member").contains(&"BLR".into()));
}

#[test]
fn the_coes_published_counts_are_explained() {
    claims_explained("COE", 10);
}
