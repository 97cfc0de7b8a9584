//! Organisations that hold a status in another (the EU and the AU in the
//! G20): named apart from the states on the days they hold it, in no
//! count; a bad one refused at its line and column.

use crate::common::{good_copy, run};

fn with_guests(guests: &str) -> tempfile::TempDir {
    let dir = good_copy();
    let org = dir.path().join("org/organization.yaml");
    let text = std::fs::read_to_string(&org).unwrap();
    std::fs::write(&org, format!("{text}  organization_members:\n{guests}"))
        .unwrap();
    dir
}

const UNION: &str = "    - name: African Union\n      status: member\n      \
                     decided: 2023-09-08\n      effective: 2023-09-09\n      \
                     sources: [s1]\n";

#[test]
fn an_organisation_member_is_named_apart_from_the_states() {
    let dir = with_guests(UNION);
    let d = dir.path().to_str().unwrap();
    let at = |day: &str, basis: &str| {
        let (code, out, err) = run(&[
            "--data", d, "--org", "ORG", "at", day, "--basis", basis,
            "--format", "json",
        ]);
        assert_eq!(code, 0, "{err}");
        serde_json::from_str::<serde_json::Value>(&out).unwrap()
    };
    let before = at("2023-09-08", "effective");
    let after = at("2023-09-09", "effective");
    // Absent before it took effect (the key is left out), present after.
    assert!(before.get("organization_members").is_none(), "{before}");
    assert_eq!(
        after["organization_members"],
        serde_json::json!([{"name": "African Union", "status": "member"}])
    );
    // By decision, a day earlier.
    let decided = at("2023-09-08", "decided");
    assert_eq!(decided["organization_members"][0]["name"], "African Union");
    // Not a state: the family and the members are the same on both days.
    assert_eq!(before["family_size"], after["family_size"]);
    assert_eq!(before["members"], after["members"]);
    let (_, table, _) =
        run(&["--data", d, "--org", "ORG", "at", "2024-01-01"]);
    assert!(
        table
            .contains("and organisations, not states: African Union (member)"),
        "{table}"
    );
    // The JSON export of the whole record keeps it.
    let (code, out, err) = run(&["--data", d, "export", "json"]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("\"organization_members\""), "{out:.200}");
}

#[test]
fn a_bad_organisation_member_is_refused_where_it_is_written() {
    let cases = [
        ("status: partner_state", "`partner_state` is not a status of `ORG`"),
        ("effective: 1990-01-01", "outside its life"),
        ("decided: 2024-01-01", "after it took effect on 2023-09-09"),
    ];
    for (swap, said) in cases {
        let key = swap.split(':').next().unwrap();
        let guest: String = UNION
            .lines()
            .map(|l| {
                if l.trim_start().starts_with(&format!("{key}:")) {
                    format!("      {swap}\n")
                } else {
                    format!("{l}\n")
                }
            })
            .collect();
        let dir = with_guests(&guest);
        let (code, _, err) = run(&["validate", dir.path().to_str().unwrap()]);
        assert_ne!(code, 0, "{swap}");
        assert!(err.contains("org/organization.yaml:"), "{err}");
        assert!(err.contains(said), "{swap}: {err}");
    }
}
