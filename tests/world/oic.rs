//! The OIC: Egypt's, Afghanistan's and Syria's suspensions, the observer
//! states, the 57.

use super::{claims_explained, has, holding};

#[test]
fn suspensions_and_observers() {
    assert!(has("OIC", "1982-06-01", "suspended", "EGY"));
    assert!(has("OIC", "1985-01-01", "member", "EGY"));
    assert!(has("OIC", "1985-01-01", "suspended", "AFG"));
    assert!(has("OIC", "1990-01-01", "member", "AFG"));
    assert!(has("OIC", "2013-01-01", "suspended", "SYR"));
    assert!(has("OIC", "2025-03-07", "member", "SYR"));
    assert!(has("OIC", "2024-01-01", "observer", "RUS"));
    let today = holding("OIC", "2026-12-06", "member");
    assert_eq!(today.len(), 57, "{today:?}");
    claims_explained("OIC", 6);
}
