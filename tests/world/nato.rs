//! NATO: members by the deposit of their instruments of accession,
//! invitees from the invitation.

use super::{claims_explained, holding};

#[test]
fn members_after_each_enlargement() {
    // The twelve founders from the Treaty's entry into force; the counts
    // NATO gives after each enlargement (12, 14, 15, 16, 19, 26, 28, 29,
    // 30, 31, 32), each on the day of the deposit and not the day before.
    let rounds = [
        ("1949-08-24", 12),
        ("1952-02-18", 14),
        ("1955-05-06", 15),
        ("1982-05-30", 16),
        ("1999-03-12", 19),
        ("2004-03-29", 26),
        ("2009-04-01", 28),
        ("2017-06-05", 29),
        ("2020-03-27", 30),
        ("2023-04-04", 31),
        ("2024-03-07", 32),
    ];
    let mut before = 0;
    for (day, n) in rounds {
        assert_eq!(holding("NATO", day, "member").len(), n, "{day}");
        let eve = super::day_before(day);
        assert_eq!(holding("NATO", &eve, "member").len(), before, "{eve}");
        before = n;
    }
}

#[test]
fn military_command_withdrawals_are_not_exits() {
    // France 1966-2009 and Greece 1974-1980 left the integrated military
    // command, never the Alliance.
    for (state, day) in [("FRA", "1970-01-01"), ("GRC", "1977-01-01")] {
        assert!(holding("NATO", day, "member").contains(&state.to_string()));
    }
}

#[test]
fn sweden_was_an_invitee_between_madrid_and_its_accession() {
    let invitees = holding("NATO", "2023-06-01", "invitee");
    assert_eq!(invitees, ["SWE"]);
    assert!(holding("NATO", "2023-06-01", "member").contains(&"FIN".into()));
    assert!(holding("NATO", "2024-03-07", "invitee").is_empty());
    // Georgia and Ukraine were told they "will become members" in 2008:
    // no invitation, no status.
    let all = crate::common::json(&[
        "at",
        "2025-01-01",
        "--org",
        "NATO",
        "--format",
        "json",
    ]);
    assert_eq!(all["family_size"], 32);
}

#[test]
fn natos_published_counts_are_explained() {
    claims_explained("NATO", 5);
}
