//! The research tables through the real binary: state-year counts and
//! dyad-year joint memberships on the COW fixture (against
//! peacesciencer's definitions, computed here from the fixture's own
//! cells), on the bundled data (against `memberships`, the one answer),
//! and the year rules.

use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;

use crate::common::{json, ok, root};

/// A CSV as its header and rows of cells.
fn table(text: &str) -> (Vec<String>, Vec<Vec<String>>) {
    let mut r = csv::Reader::from_reader(text.as_bytes());
    let header = r.headers().unwrap().iter().map(String::from).collect();
    let rows = r
        .records()
        .map(|rec| rec.unwrap().iter().map(String::from).collect())
        .collect();
    (header, rows)
}

/// The rows of a CSV keyed by the first `n` cells, each a map column ->
/// cell.
fn keyed(
    text: &str,
    n: usize,
) -> BTreeMap<Vec<String>, BTreeMap<String, String>> {
    let (header, rows) = table(text);
    rows.into_iter()
        .map(|row| {
            let key = row[..n].to_vec();
            let cells = header.iter().cloned().zip(row).collect();
            (key, cells)
        })
        .collect()
}

/// The COW fixture imported (a temporary folder, kept alive).
fn import() -> (tempfile::TempDir, String) {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("cow");
    let fixture = root().join("tests/data/cow/state_year.csv");
    ok(&[
        "import",
        "cow",
        fixture.to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
    ]);
    let out = out.to_str().unwrap().to_string();
    (dir, out)
}

/// The fixture's rows: (ccode, year) -> the codes of its IGO columns.
fn fixture() -> BTreeMap<(u16, i32), Vec<i8>> {
    let path: PathBuf = root().join("tests/data/cow/state_year.csv");
    let (_, rows) = table(&std::fs::read_to_string(path).unwrap());
    rows.into_iter()
        .map(|r| {
            let codes = r[3..].iter().map(|c| c.parse().unwrap()).collect();
            ((r[0].parse().unwrap(), r[1].parse().unwrap()), codes)
        })
        .collect()
}

#[test]
fn counts_of_a_cow_import_are_peacesciencers_sums_of_the_cells() {
    let (_dir, data) = import();
    let text = ok(&[
        "--data", &data, "export", "counts", "--from", "1940", "--to", "2014",
    ]);
    let ours = keyed(&text, 2);
    let cells = fixture();
    let codes: BTreeSet<u16> = cells.keys().map(|k| k.0).collect();
    for (&(ccode, year), row) in &cells {
        let key = vec![ccode.to_string(), year.to_string()];
        let got = ours.get(&key).unwrap_or_else(|| panic!("no row {key:?}"));
        let n = |code: i8| row.iter().filter(|&&c| c == code).count();
        // peacesciencer's data-raw/cow_igo.R: negative codes are NA, then
        // full = 1, associate = 2, observer = 3, anytype = >= 1.
        let want = [
            ("sum_igo_full", n(1)),
            ("sum_igo_associate", n(2)),
            ("sum_igo_observer", n(3)),
            ("sum_igo_anytype", n(1) + n(2) + n(3)),
            ("sum_igo_partner", 0),
            ("sum_igo_uncertain", n(-9)),
        ];
        for (column, want) in want {
            assert_eq!(got[column], want.to_string(), "{column} of {key:?}");
        }
    }
    // A row the fixture lacks is of a code it does not sample (West
    // Germany's 260: the fixture keeps Germany's 255 alone).
    let extra: BTreeSet<&str> = ours
        .keys()
        .filter(|k| {
            !cells
                .contains_key(&(k[0].parse().unwrap(), k[1].parse().unwrap()))
        })
        .map(|k| k[0].as_str())
        .collect();
    assert_eq!(extra, BTreeSet::from(["260"]));
    assert!(!codes.contains(&260));
}

#[test]
fn dyads_of_a_cow_import_are_cow_igo_ndy_counted_from_the_cells() {
    let (_dir, data) = import();
    let args =
        ["--data", &data, "export", "dyads", "--from", "1940", "--to", "2014"];
    let (header, rows) = table(&ok(&args));
    assert_eq!(
        header[..4],
        ["ccode1", "ccode2", "year", "dyadigos"].map(String::from)
    );
    let cells = fixture();
    let mut want = BTreeMap::new();
    for (&(a, year), ca) in &cells {
        for (&(b, y), cb) in &cells {
            if y != year || a >= b {
                continue;
            }
            let both = |f: &dyn Fn(i8) -> bool| {
                ca.iter().zip(cb).filter(|&(&x, &y)| f(x) && f(y)).count()
            };
            let held = |c: i8| c >= 1;
            let unsure = ca
                .iter()
                .zip(cb)
                .filter(|&(&x, &y)| {
                    (x == -9 && (held(y) || y == -9)) || (y == -9 && held(x))
                })
                .count();
            // COW's dyadic "joint full membership": both 1 or 2.
            let fa = both(&|c| c == 1 || c == 2);
            let counts = [
                fa,
                both(&|c| c == 1),
                both(&|c| c == 2),
                both(&|c| c == 3),
                0,
                both(&held),
                unsure,
            ];
            want.insert((a, b, year), counts.map(|n| n.to_string()).to_vec());
        }
    }
    let mut seen = 0;
    for row in &rows {
        let key: (u16, u16, i32) = (
            row[0].parse().unwrap(),
            row[1].parse().unwrap(),
            row[2].parse().unwrap(),
        );
        assert!(key.0 < key.1, "{row:?}");
        let Some(w) = want.get(&key) else {
            // A pair with West Germany's 260, which the fixture lacks.
            assert!(key.0 == 260 || key.1 == 260, "{row:?}");
            continue;
        };
        assert_eq!(&row[3..], &w[..], "{key:?}");
        seen += 1;
    }
    assert_eq!(seen, want.len(), "every pair of the fixture has a row");

    // Directed: both orders of each, with the same counts.
    let mut args = args.to_vec();
    args.push("--directed");
    let (_, directed) = table(&ok(&args));
    assert_eq!(directed.len(), 2 * rows.len());
    let by: BTreeMap<(String, String, String), Vec<String>> = directed
        .iter()
        .map(|r| ((r[0].clone(), r[1].clone(), r[2].clone()), r[3..].to_vec()))
        .collect();
    for r in &rows {
        let back = &by[&(r[1].clone(), r[0].clone(), r[2].clone())];
        assert_eq!(back, &r[3..].to_vec());
    }
}

/// What `memberships` says a state holds on a day, by tier: (member,
/// observer, partner, uncertain organisations).
fn held_on(state: &str, day: &str) -> BTreeMap<String, String> {
    held_in(&[], state, day)
}

/// [`held_on`] in the data of `data` (`--data DIR --layer DIR`).
fn held_in(data: &[&str], state: &str, day: &str) -> BTreeMap<String, String> {
    let mut args = data.to_vec();
    args.extend(["--format", "json", "memberships", state, "--at", day]);
    let v = json(&args);
    let mut out = BTreeMap::new();
    for m in v["memberships"].as_array().unwrap() {
        let org = m["organization"].as_str().unwrap().to_string();
        let tier = if m["certain"].as_bool() == Some(false) {
            "uncertain".to_string()
        } else {
            m["tier"].as_str().unwrap().to_string()
        };
        out.insert(org, tier);
    }
    out
}

#[test]
fn counts_and_dyads_of_the_bundled_data_are_what_memberships_says() {
    let year = "2024";
    let counts =
        keyed(&ok(&["export", "counts", "--from", year, "--to", year]), 2);
    let dyads =
        keyed(&ok(&["export", "dyads", "--from", year, "--to", year]), 3);
    let states = [
        ("IND", "750"),
        ("RUS", "365"),
        ("CHN", "710"),
        ("SAU", "670"),
        ("TUR", "640"),
        ("BLR", "370"),
    ];
    let mut held = BTreeMap::new();
    for (id, ccode) in states {
        let h = held_on(id, &format!("{year}-12-31"));
        let n =
            |tier: &str| h.values().filter(|t| *t == tier).count().to_string();
        let row = &counts[&vec![ccode.to_string(), year.to_string()]];
        assert_eq!(row["iso3"], id);
        assert_eq!(row["sum_igo_full"], n("member"), "{id}: {h:?}");
        assert_eq!(row["sum_igo_observer"], n("observer"), "{id}: {h:?}");
        assert_eq!(row["sum_igo_partner"], n("partner"), "{id}: {h:?}");
        assert_eq!(row["sum_igo_uncertain"], n("uncertain"), "{id}: {h:?}");
        held.insert(ccode, h);
    }
    for (a, ha) in &held {
        for (b, hb) in &held {
            if a.parse::<u16>().unwrap() >= b.parse().unwrap() {
                continue;
            }
            let both = |tier: &str| {
                ha.iter()
                    .filter(|(o, t)| {
                        *t == tier
                            && hb.get(*o).map(String::as_str) == Some(tier)
                    })
                    .count()
                    .to_string()
            };
            let row =
                &dyads[&vec![a.to_string(), b.to_string(), year.to_string()]];
            assert_eq!(row["joint_full"], both("member"), "{a}-{b}");
            assert_eq!(
                row["dyadigos"],
                both("member"),
                "{a}-{b}: no associates here"
            );
            assert_eq!(row["joint_observer"], both("observer"), "{a}-{b}");
            assert_eq!(row["joint_partner"], both("partner"), "{a}-{b}");
        }
    }
}

#[test]
fn india_in_2017_by_each_year_rule() {
    // India became a full member of the SCO on 2017-06-09, an observer
    // since 2005; its other memberships held all year.
    let india = |rule: &str| {
        let text = ok(&[
            "export", "counts", "--from", "2017", "--to", "2017", "--rule",
            rule,
        ]);
        let rows = keyed(&text, 2);
        let row = &rows[&vec!["750".to_string(), "2017".into()]];
        (row["sum_igo_full"].clone(), row["sum_igo_observer"].clone())
    };
    let (jan, dec) =
        (held_on("IND", "2017-01-01"), held_on("IND", "2017-12-31"));
    assert_eq!(jan.get("SCO").map(String::as_str), Some("observer"));
    assert_eq!(dec.get("SCO").map(String::as_str), Some("member"));
    let others = |h: &BTreeMap<String, String>, tier: &str| {
        h.iter().filter(|(o, t)| *o != "SCO" && *t == tier).count()
    };
    for tier in ["member", "observer"] {
        assert_eq!(
            others(&jan, tier),
            others(&dec, tier),
            "only the SCO changes in 2017"
        );
    }
    // India is an observer elsewhere too (the Arab League, from 2007).
    let (n, obs) = (others(&dec, "member"), others(&dec, "observer"));
    let member = ((n + 1).to_string(), obs.to_string());
    let observer = (n.to_string(), (obs + 1).to_string());
    assert_eq!(india("december31"), member);
    assert_eq!(india("january1"), observer);
    assert_eq!(india("06-08"), observer);
    assert_eq!(india("06-09"), member);
    // The highest held on any day: a member.
    assert_eq!(india("any"), member);
}

#[test]
fn an_undecided_status_is_counted_as_uncertain_and_in_no_tier() {
    // Saudi Arabia and BRICS: invited, never confirmed (a dispute).
    let text = ok(&["export", "counts", "--from", "2025", "--to", "2025"]);
    let row = &keyed(&text, 2)[&vec!["670".to_string(), "2025".into()]];
    let h = held_on("SAU", "2025-12-31");
    assert_eq!(h.get("BRICS").map(String::as_str), Some("uncertain"), "{h:?}");
    assert_eq!(row["sum_igo_uncertain"], "1");
    let tiers: usize = [
        "sum_igo_full",
        "sum_igo_observer",
        "sum_igo_partner",
        "sum_igo_uncertain",
    ]
    .iter()
    .map(|c| row[*c].parse::<usize>().unwrap())
    .sum();
    assert_eq!(tiers, h.len(), "each organisation counted once");
}

#[test]
fn a_bad_year_rule_or_range_is_refused_with_what_to_give() {
    let (code, _, err) =
        crate::common::run(&["export", "counts", "--rule", "13-01"]);
    assert_eq!(code, 2);
    assert!(err.contains("MM-DD"), "{err}");
    let (code, _, err) = crate::common::run(&[
        "export", "dyads", "--from", "2020", "--to", "2010",
    ]);
    assert_ne!(code, 0);
    assert!(err.contains("--from no later than --to"), "{err}");
    let (code, _, err) =
        crate::common::run(&["export", "panel", "--directed"]);
    assert_ne!(code, 0);
    assert!(err.contains("--directed"), "{err}");
}

#[test]
fn counts_over_a_cow_import_with_the_bundled_data_layered_are_memberships() {
    let (_dir, data) = import();
    let bundled = root().join("data");
    let layered =
        ["--data", data.as_str(), "--layer", bundled.to_str().unwrap()];
    let mut args = layered.to_vec();
    args.extend(["export", "counts", "--from", "2013", "--to", "2013"]);
    let counts = keyed(&ok(&args), 2);
    for (id, ccode) in [("IND", "750"), ("RUS", "365"), ("PNG", "910")] {
        let h = held_in(&layered, id, "2013-12-31");
        let n =
            |tier: &str| h.values().filter(|t| *t == tier).count().to_string();
        let row = &counts[&vec![ccode.to_string(), "2013".to_string()]];
        assert_eq!(row["sum_igo_full"], n("member"), "{id}: {h:?}");
        assert_eq!(row["sum_igo_observer"], n("observer"), "{id}: {h:?}");
        assert_eq!(row["sum_igo_uncertain"], n("uncertain"), "{id}: {h:?}");
    }
    // India: COW's CICA replaced by ours, and ours add BRICS and its SCO
    // observer status, which COW does not code.
    let h = held_in(&layered, "IND", "2013-12-31");
    assert_eq!(h.get("BRICS").map(String::as_str), Some("member"), "{h:?}");
    assert_eq!(h.get("SCO").map(String::as_str), Some("observer"), "{h:?}");
    let cow_only = held_in(&["--data", data.as_str()], "IND", "2013-12-31");
    assert!(!cow_only.contains_key("BRICS"), "{cow_only:?}");
}

/// Serbia and Montenegro ceased on 2006-06-04, a member of the Council of
/// Europe to its last day: its 2006 row is asked on that day, not on
/// 31 December (when it no longer existed), and `at` on that day agrees.
/// (The counts' row of COW code 345 in 2006 is Serbia's, which holds the
/// code at the year's end.)
#[test]
fn a_state_that_ceased_within_the_year_is_asked_on_its_last_day() {
    let at = |day: &str| {
        let v = json(&["at", day, "--org", "COE", "--format", "json"]);
        v["members"].as_array().unwrap().iter().any(|s| s == "SCG")
    };
    assert!(at("2006-06-04"));
    assert!(!at("2006-12-31"));
    let panel = ok(&["export", "panel", "--org", "COE"]);
    let row = panel
        .lines()
        .find(|l| l.contains(",SCG,2006,"))
        .expect("a 2006 row for Serbia and Montenegro");
    assert!(row.contains(",member,1,true,december31"), "{row}");
}
