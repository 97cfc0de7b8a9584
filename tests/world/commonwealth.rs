//! The Commonwealth: South Africa's and Pakistan's exits and returns,
//! Fiji's and Zimbabwe's suspensions, Gabon and Togo in 2022.

use super::{claims_explained, has, holding};

#[test]
fn exits_returns_and_suspensions() {
    assert!(!has("COMMONWEALTH", "1961-06-01", "member", "ZAF"));
    assert!(has("COMMONWEALTH", "1994-06-01", "member", "ZAF"));
    assert!(!has("COMMONWEALTH", "1980-01-01", "member", "PAK"));
    assert!(!has("COMMONWEALTH", "1997-09-30", "member", "FJI"));
    assert!(has("COMMONWEALTH", "2003-12-06", "suspended", "ZWE"));
    assert!(
        holding("COMMONWEALTH", "2003-12-07", "suspended")
            .iter()
            .all(|s| s != "ZWE")
    );
    assert!(!has("COMMONWEALTH", "2003-12-07", "member", "ZWE"));
    assert!(has("COMMONWEALTH", "2009-10-01", "fully_suspended", "FJI"));
    assert!(has("COMMONWEALTH", "2010-01-01", "special_member", "NRU"));
    assert!(!has("COMMONWEALTH", "2016-01-01", "member", "GMB"));
    assert!(!has("COMMONWEALTH", "2022-06-24", "member", "TGO"));
    assert!(has("COMMONWEALTH", "2022-06-25", "member", "TGO"));
    assert!(has("COMMONWEALTH", "2024-01-01", "suspended", "GAB"));
    claims_explained("COMMONWEALTH", 13);
}
