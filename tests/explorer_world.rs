//! The explorer for the world: its map, search box, downloads, citation
//! and list of states, driven in headless Chromium (`tests/explorer_world.py`)
//! and checked against the `igo` binary's own answers.

use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet};

use crate::common::{json, ok, root};
use crate::explorer::{browser, drive_script, export_site, shots_dir};

/// Organisations and days whose maps and downloads are checked: suspended
/// members (the AU), an uncertain status (BRICS's partners in 2025), the
/// USSR and Yugoslavia in the UN (not drawn), a dissolved organisation.
const VIEWS: [&str; 5] = [
    "SCO/2017-06-09",
    "AU/2024-01-01",
    "BRICS/2025-01-01",
    "UN/1990-01-01",
    "OAS/2012-06-01",
];

fn drive(py: &str, site: &std::path::Path) -> Value {
    let downloads = tempfile::tempdir().unwrap();
    let mut args = vec![downloads.path().to_str().unwrap()];
    args.extend(VIEWS);
    drive_script(py, "explorer_world.py", site, &shots_dir(), &args)
}

/// Each state of `igo at` with its status (`uncertain` when it is).
fn statuses(org: &str, day: &str) -> BTreeMap<String, String> {
    let snap = json(&["at", day, "--org", org, "--format", "json"]);
    let mut out = BTreeMap::new();
    for (status, ids) in snap["statuses"].as_object().unwrap() {
        for id in ids.as_array().unwrap() {
            out.insert(id.as_str().unwrap().to_string(), status.clone());
        }
    }
    for u in snap["uncertain"].as_array().unwrap() {
        out.insert(u["state"].as_str().unwrap().into(), "uncertain".into());
    }
    out
}

/// The map shows what `igo at` says: each shape's status, `none` for a
/// state without one, and every state with a status drawn or listed.
fn check_map(view: &str, map: &Value, org: &str, day: &str) {
    let want = statuses(org, day);
    let mut seen = BTreeSet::new();
    for pair in map["shapes"].as_array().unwrap() {
        let (state, status) = (pair[0].as_str().unwrap(), &pair[1]);
        let expected = want.get(state).map_or("none", String::as_str);
        assert_eq!(status, expected, "{view}: {state} on the map");
        seen.insert(state.to_string());
    }
    for pair in map["listed"].as_array().unwrap() {
        let state = pair[0].as_str().unwrap();
        assert_eq!(pair[1], want[state], "{view}: {state} under the map");
        assert!(!seen.contains(state), "{view}: {state} drawn and listed");
        seen.insert(state.to_string());
    }
    for state in want.keys() {
        assert!(
            seen.contains(state),
            "{view}: {state} neither drawn nor listed"
        );
    }
    eprintln!("the map of {view} drawn in {} ms", map["ms"]);
}

#[test]
fn the_map_search_and_downloads_agree_with_igo_in_a_real_browser() {
    let Some(py) = browser() else { return };
    let dir = export_site();
    let site = dir.path().join("site");
    let page = drive(&py, &site);
    assert_eq!(page["console"], serde_json::json!([]), "console errors");
    for view in VIEWS {
        let (org, day) = view.split_once('/').unwrap();
        check_map(view, &page["maps"][view], org, day);
        for fmt in ["csv", "json"] {
            let want = ok(&["at", day, "--org", org, "--format", fmt]);
            let got = &page["downloads"][format!("at {view} {fmt}")];
            assert_eq!(got.as_str(), Some(want.as_str()), "{view} {fmt}");
        }
    }
    // The UN on 1990-01-01: the USSR, Yugoslavia and East Germany are
    // listed under the map, not drawn on their successors.
    let listed = page["maps"]["UN/1990-01-01"]["listed"].to_string();
    for gone in ["SUN", "YUG", "DDR"] {
        assert!(listed.contains(gone), "{gone}: {listed}");
    }
    check_map("region UN", &page["region_map"], "UN", "2020-01-01");
    for fmt in ["csv", "json"] {
        let want = ok(&[
            "overlap",
            "--matrix",
            "--at",
            "2020-01-01",
            "--format",
            fmt,
        ]);
        let got = &page["downloads"][format!("overlap 2020-01-01 {fmt}")];
        assert_eq!(got.as_str(), Some(want.as_str()), "overlap {fmt}");
        let want = ok(&["history", "ARM", "--format", fmt]);
        let got = &page["downloads"][format!("history ARM {fmt}")];
        assert_eq!(got.as_str(), Some(want.as_str()), "history {fmt}");
    }
    check_search(&page);
    check_other_days(&page);
    check_keys_and_lists(&page);
    check_cite_and_today(&page);
    for (name, w) in page["widths"].as_object().unwrap() {
        assert!(
            w[1].as_i64() <= w[0].as_i64(),
            "{name} scrolls sideways: {w}"
        );
    }
    let folder = format!("file://{}", site.canonicalize().unwrap().display());
    for url in page["resources"].as_array().unwrap() {
        let url = url.as_str().unwrap();
        assert!(
            url.starts_with(&folder) || url.starts_with("blob:file://"),
            "a request outside the folder: {url}"
        );
    }
}

/// Georgia's page lists the other days `igo history` gives for its exit
/// from the CIS, and a day between them is uncertain on the page as in
/// `igo at`, for the reason `at` gives, with both sides' sources.
fn check_other_days(page: &Value) {
    let h = json(&["history", "GEO", "--format", "json"]);
    let mut want = Vec::new();
    for e in h["entries"].as_array().unwrap() {
        for a in e["alternatives"].as_array().unwrap() {
            // As `igo history`'s table writes them.
            let days = match (a["effective"].as_str(), a["decided"].as_str()) {
                (Some(e), None) => e.to_string(),
                (None, Some(d)) => format!("decided {d}"),
                (Some(e), Some(d)) if e == d => e.to_string(),
                (Some(e), Some(d)) => format!("{e} (decided {d})"),
                (None, None) => unreachable!("an alternative gives a day"),
            };
            want.push(Value::from(days));
        }
    }
    assert!(want.len() >= 3, "Georgia's other days: {want:?}");
    assert_eq!(page["other_days"], Value::from(want), "Georgia's page");
    let at = json(&["at", "2009-08-18", "--org", "CIS", "--format", "json"]);
    let uncertain = at["uncertain"].as_array().unwrap();
    let u = uncertain.iter().find(|u| u["state"] == "GEO").unwrap();
    let row = page["between"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r[0] == u["state"])
        .unwrap_or_else(|| panic!("{u} not on the page: {}", page["between"]));
    assert_eq!(row[1], u["reason"], "{row}");
    assert!(row[2].as_str().unwrap().contains("kept day"), "{row}");
    assert!(row[2].as_str().unwrap().contains("other days"), "{row}");
    // The offices panel marks a chair whose term's day is inferred, as
    // `igo at` does.
    let chairs = page["chair_inferred"].as_object().unwrap();
    let mut marks = BTreeSet::new();
    for (view, shown) in chairs {
        let (org, day) = view.split_once('/').unwrap();
        let at = json(&["at", day, "--org", org, "--format", "json"]);
        assert_eq!(shown[0], at["chair"], "{view}");
        let inferred = at["chair_evidence"] == "inferred";
        assert_eq!(shown[1], inferred, "{view}: {at}");
        marks.insert(inferred);
    }
    assert_eq!(marks.len(), 2, "one inferred chair, one reported");
}

/// Each word the search box was given leads where the CLI resolves it.
fn check_search(page: &Value) {
    for (word, kind, id) in [
        ("Burma", "state", "MMR"),
        ("ukg", "state", "GBR"),
        ("in", "state", "IND"),
        ("GW:260", "state", "DEU"),
        ("Türkiye", "state", "TUR"),
        ("Shanghai Cooperation", "organization", "SCO"),
    ] {
        let got = &page["search"][word];
        let hash = got["hash"].as_str().unwrap();
        let want = if kind == "state" {
            let h = json(&["history", word, "--format", "json"]);
            assert_eq!(h["state"]["id"], id, "the CLI resolves {word}");
            format!("#state/{id}")
        } else {
            format!("#{id}")
        };
        // An organisation's view puts today's date after its id.
        assert!(
            hash == want || hash.starts_with(&format!("{want}/")),
            "search {word}: {got}"
        );
    }
    let none = &page["search"]["Atlantis"];
    assert_eq!(none["hits"], serde_json::json!([]), "{none}");
    assert!(none["hash"].as_str().unwrap().starts_with("#search/"));
}

fn check_keys_and_lists(page: &Value) {
    let keys = &page["keys"];
    assert_eq!(keys["search reached by Tab"], true);
    let (state, info) = (&keys["map focus"][0], &keys["map focus"][1]);
    let name = json(&["history", state.as_str().unwrap(), "--format", "json"]);
    let name = name["state"]["name"].as_str().unwrap();
    assert!(info.as_str().unwrap().starts_with(name), "{info} names {name}");
    let next = keys["map tab"].as_str().unwrap();
    assert_eq!(keys["map enter"], format!("#state/{next}"));
    // By name, not by code: first letters never go back.
    let names: Vec<&str> = page["states_order"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap())
        .collect();
    let initial = |s: &str| s.chars().next().unwrap().to_ascii_lowercase();
    assert!(
        names.windows(2).all(|w| initial(w[0]) <= initial(w[1])),
        "{names:?}"
    );
    let kg = igo_graph::KnowledgeGraph::bundled();
    let nato: BTreeSet<String> = kg
        .spans()
        .into_iter()
        .filter(|s| s.organization.as_str() == "NATO")
        .map(|s| s.state.to_string())
        .collect();
    let shown: BTreeSet<String> = page["states_nato"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap().to_string())
        .collect();
    assert_eq!(shown, nato, "the states list filtered by NATO");
    let americas: BTreeSet<String> = nato
        .iter()
        .filter(|id| {
            kg.state(id).and_then(|s| s.cow_code).is_some_and(|c| c < 200)
        })
        .cloned()
        .collect();
    assert_eq!(americas, ["CAN", "USA"].map(String::from).into());
    assert_eq!(
        page["states_nato_americas"].as_array().unwrap().len(),
        americas.len()
    );
    let key = page["timeline_key"].to_string();
    assert!(key.contains("member") && key.contains("observer"), "{key}");
}

/// The citation names the version and review day; today's view says the
/// day something last changed, not the day after the review.
fn check_cite_and_today(page: &Value) {
    let cite = page["cite"].as_str().unwrap();
    let cff = std::fs::read_to_string(root().join("CITATION.cff")).unwrap();
    let field = |k: &str| {
        cff.lines()
            .find_map(|l| l.strip_prefix(k))
            .unwrap()
            .trim()
            .trim_matches('"')
            .to_string()
    };
    assert!(
        cite.contains(&format!("Version {}", field("version:"))),
        "{cite}"
    );
    assert!(cite.contains(&field("date-released:")), "{cite}");
    assert!(cite.contains("index.html#"), "{cite}");
    let org = VIEWS[0].split('/').next().unwrap();
    let since = page["today"].as_str().unwrap();
    let facts = |day: &str| {
        let mut v = json(&["at", day, "--org", org, "--format", "json"]);
        for k in ["date", "caveat"] {
            v.as_object_mut().unwrap().remove(k);
        }
        v
    };
    let today = ok(&["at", "today", "--org", org, "--format", "csv"]);
    let today =
        today.lines().nth(1).unwrap().split(',').nth(1).unwrap().to_string();
    assert_eq!(facts(since), facts(&today), "nothing changed since {since}");
    let before: igo_graph::Date = since.parse().unwrap();
    let before = before.previous_day().unwrap().to_string();
    assert_ne!(facts(&before), facts(since), "{since} is a day of change");
}
