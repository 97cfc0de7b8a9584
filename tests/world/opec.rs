//! OPEC: Indonesia's and Ecuador's suspensions and returns, Gabon's exit
//! and return, the exits of Qatar, Ecuador and Angola.

use super::{claims_explained, has};

#[test]
fn suspensions_exits_and_returns() {
    assert!(has("OPEC", "2010-06-01", "suspended", "IDN"));
    assert!(has("OPEC", "2016-06-01", "member", "IDN"));
    assert!(has("OPEC", "2016-12-01", "suspended", "IDN"));
    assert!(has("OPEC", "2000-01-01", "suspended", "ECU"));
    assert!(!has("OPEC", "2016-06-30", "member", "GAB"));
    assert!(has("OPEC", "2016-07-01", "member", "GAB"));
    for (state, last) in
        [("QAT", "2018-12-31"), ("ECU", "2019-12-31"), ("AGO", "2023-12-31")]
    {
        assert!(has("OPEC", last, "member", state), "{state}");
        let next = format!("{}-01-01", &last[..4].parse::<u32>().unwrap() + 1);
        assert!(!has("OPEC", &next, "member", state), "{state}");
    }
    assert!(!has("OPEC", "2006-12-31", "member", "AGO"));
    assert!(has("OPEC", "2007-01-01", "member", "AGO"));
    claims_explained("OPEC", 11);
}
