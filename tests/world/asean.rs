//! ASEAN: the five of 1967, the ten by 1999, Timor-Leste an observer
//! from 2022-11-11 and the eleventh member from 2025-10-26.

use super::{claims_explained, has, holding};

#[test]
fn ten_by_1999_eleven_from_2025_10_26() {
    assert_eq!(holding("ASEAN", "1967-08-08", "member").len(), 5);
    assert!(!has("ASEAN", "1984-01-06", "member", "BRN"));
    assert!(has("ASEAN", "1984-01-07", "member", "BRN"));
    assert!(has("ASEAN", "1997-07-22", "observer", "MMR"));
    assert!(has("ASEAN", "1997-07-23", "member", "LAO"));
    assert!(has("ASEAN", "1999-04-29", "observer", "KHM"));
    assert_eq!(holding("ASEAN", "1999-04-30", "member").len(), 10);
    assert!(!has("ASEAN", "2022-11-10", "observer", "TLS"));
    assert!(has("ASEAN", "2022-11-11", "observer", "TLS"));
    assert!(has("ASEAN", "2025-10-25", "observer", "TLS"));
    assert_eq!(holding("ASEAN", "2025-10-26", "member").len(), 11);
    assert!(has("ASEAN", "2024-01-01", "special_observer", "PNG"));
    claims_explained("ASEAN", 6);
}
