//! The League of Arab States: Egypt's suspension of 1979-1989, Libya's
//! of 2011, Syria's from 2011-11-16 to 2023-05-07, and the 22.

use super::{claims_explained, day_before, has};
use crate::common::json;

#[test]
fn suspensions_on_both_sides_of_their_days() {
    assert!(has("LAS", "1985-01-01", "suspended", "EGY"));
    assert!(has("LAS", "1989-05-21", "member", "EGY"));
    assert!(has("LAS", "2011-05-01", "suspended", "LBY"));
    // Syria: decided 2011-11-12, in effect 2011-11-16.
    assert!(has("LAS", &day_before("2011-11-16"), "member", "SYR"));
    assert!(has("LAS", "2011-11-16", "suspended", "SYR"));
    assert!(has("LAS", &day_before("2023-05-07"), "suspended", "SYR"));
    assert!(has("LAS", "2023-05-07", "member", "SYR"));
    // Suspended, still one of the League's 22.
    let v = json(&["at", "2012-03-22", "--org", "LAS", "--format", "json"]);
    assert_eq!(v["counts"]["tiers"]["member"], 22, "{v}");
    assert!(!has("LAS", "1990-05-22", "member", "YMD"));
    assert!(has("LAS", "1976-09-09", "member", "PSE"));
    claims_explained("LAS", 11);
}
