//! The OAU and the AU, and ECOWAS: Morocco's exit and return, the
//! Sahrawi Republic, the AU's suspensions after coups, the Sahel states'
//! exit from ECOWAS, declared on one day and in effect on another.

use super::{claims_explained, day_before, has, holding, uncertain};
use crate::common::json;

const M: &str = "member";
const S: &str = "suspended";

#[test]
fn the_oau_thirty_two_morocco_out_and_back_in_the_au() {
    assert_eq!(holding("OAU", "1963-05-25", M).len(), 32);
    assert!(has("OAU", "1982-03-01", M, "ESH"), "the Sahrawi Republic");
    assert!(has("OAU", "1984-11-11", M, "MAR"));
    assert!(!has("OAU", "1984-11-12", M, "MAR"));
    // The AU from its launch: 53; Morocco the 55th by 2017-01-31.
    assert_eq!(holding("AU", "2002-07-09", M).len(), 53);
    assert!(!has("AU", "2017-01-30", M, "MAR"));
    assert!(has("AU", "2017-01-31", M, "MAR"));
    assert!(!has("AU", "2011-08-14", M, "SSD"));
    assert!(has("AU", "2011-08-15", M, "SSD"));
}

#[test]
fn the_aus_suspensions_on_both_sides_of_their_days() {
    for (state, from, to) in [
        ("EGY", "2013-07-05", "2014-06-17"),
        ("GAB", "2023-08-31", "2025-04-30"),
        ("MLI", "2012-03-23", "2012-10-24"),
    ] {
        assert!(has("AU", &day_before(from), M, state), "{state} {from}");
        assert!(has("AU", from, S, state), "{state} {from}");
        assert!(has("AU", &day_before(to), S, state), "{state} {to}");
        assert!(has("AU", to, M, state), "{state} {to}");
    }
    // A suspended state is counted among the AU's 55, as the AU counts.
    let v = json(&["at", "2024-01-01", "--org", "AU", "--format", "json"]);
    assert_eq!(v["counts"]["tiers"]["member"], 55, "{v}");
    assert!(has("AU", "2026-12-06", S, "MDG"));
    claims_explained("OAU", 3);
    claims_explained("AU", 9);
}

/// The Sahel states declared their exit on 2024-01-28 (decided); ECOWAS
/// dates it 2025-01-29 (effective): each basis answers as its side.
#[test]
fn the_sahel_exit_from_ecowas_by_each_side() {
    assert!(has("ECOWAS", "2024-01-27", S, "MLI"));
    let on = |day: &str, basis: &str| {
        json(&[
            "at", day, "--org", "ECOWAS", "--basis", basis, "--format", "json",
        ])
    };
    for s in ["BFA", "MLI", "NER"] {
        let effective = on("2024-06-01", "effective");
        assert!(super::ids(&effective["statuses"][S]).contains(&s.into()));
        let decided = on("2024-06-01", "decided");
        assert!(!decided.to_string().contains(&format!("\"{s}\"")), "{s}");
        assert!(has("ECOWAS", "2025-01-28", S, s), "{s}");
        assert!(!has("ECOWAS", "2025-01-29", S, s), "{s}");
    }
    assert_eq!(on("2024-06-01", "decided")["counts"]["family"], 12);
    assert_eq!(on("2024-06-01", "effective")["counts"]["family"], 15);
    assert_eq!(on("2025-01-29", "effective")["counts"]["family"], 12);
    assert!(uncertain("ECOWAS", "2024-06-01").is_empty());
    assert!(has("ECOWAS", "2000-06-01", M, "MRT"));
    assert!(!has("ECOWAS", "2001-01-01", M, "MRT"));
    assert!(has("ECOWAS", "2009-06-01", S, "GIN"));
    assert!(has("ECOWAS", "2026-01-28", M, "GIN"));
    claims_explained("ECOWAS", 10);
}

#[test]
fn an_office_that_ceased_has_no_holder_after() {
    let on = |day: &str| {
        let v = json(&["at", day, "--org", "ECOWAS", "--format", "json"]);
        v["offices"]
            .as_array()
            .unwrap()
            .iter()
            .map(|o| o["id"].as_str().unwrap().to_string())
            .collect::<Vec<_>>()
    };
    assert_eq!(on("2006-12-31"), ["executive_secretary"]);
    assert_eq!(on("2007-01-01"), ["president_of_the_commission"]);
}
