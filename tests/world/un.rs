//! The United Nations: Member States by their admission, the seats that
//! passed (China, the USSR), the disputed ones (the FRY, Indonesia).

use super::{claims_explained, holding};
use crate::common::json;

fn uncertain(day: &str) -> Vec<(String, String)> {
    let v = json(&["at", day, "--org", "UN", "--format", "json"]);
    v["uncertain"]
        .as_array()
        .unwrap()
        .iter()
        .map(|u| {
            let s = |k: &str| u[k].as_str().unwrap().to_string();
            (s("state"), s("reason"))
        })
        .collect()
}

#[test]
fn chinas_seat_passes_on_1971_10_25() {
    let before = holding("UN", "1971-10-24", "member");
    let after = holding("UN", "1971-10-25", "member");
    assert!(before.contains(&"TWN".into()) && !before.contains(&"CHN".into()));
    assert!(after.contains(&"CHN".into()) && !after.contains(&"TWN".into()));
    assert_eq!(before.len(), after.len(), "one seat, not two");
}

#[test]
fn the_ussrs_seat_passes_to_russia_on_1991_12_24() {
    let before = holding("UN", "1991-12-23", "member");
    let after = holding("UN", "1991-12-24", "member");
    assert!(before.contains(&"SUN".into()) && !before.contains(&"RUS".into()));
    assert!(after.contains(&"RUS".into()) && !after.contains(&"SUN".into()));
}

#[test]
fn the_two_germanies_from_1973_and_unification() {
    for day in ["1973-09-18", "1990-10-02"] {
        let m = holding("UN", day, "member");
        assert!(m.contains(&"DDR".into()) && m.contains(&"DEU".into()));
    }
    assert!(!holding("UN", "1973-09-17", "member").contains(&"DEU".into()));
    let after = holding("UN", "1990-10-03", "member");
    assert!(!after.contains(&"DDR".into()) && after.contains(&"DEU".into()));
}

#[test]
fn the_frys_seat_and_indonesias_withdrawal_are_disputed() {
    assert_eq!(uncertain("1995-01-01"), [("SCG".into(), "disputed".into())]);
    assert!(holding("UN", "2001-01-01", "member").contains(&"SCG".into()));
    assert_eq!(uncertain("1965-06-01"), [("IDN".into(), "disputed".into())]);
    assert!(holding("UN", "1967-01-01", "member").contains(&"IDN".into()));
}

#[test]
fn today_193_members_palestine_an_observer_kosovo_nothing() {
    let members = holding("UN", "2024-01-01", "member");
    assert_eq!(members.len(), 193);
    assert_eq!(holding("UN", "2024-01-01", "observer_state"), ["PSE"]);
    assert!(!members.contains(&"XKX".into()));
    // South Sudan, the 193rd, on its admission day and not the day before.
    assert_eq!(holding("UN", "2011-07-13", "member").len(), 192);
    assert_eq!(holding("UN", "2011-07-14", "member").len(), 193);
}

#[test]
fn the_uns_published_counts_are_explained() {
    claims_explained("UN", 6);
}
