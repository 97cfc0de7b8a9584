//! The region in one picture, the overlap matrix and the COW state-year
//! layout, through the real binary.

use std::collections::HashMap;

use crate::common::{igo, json, ok};

fn has_dot() -> bool {
    std::process::Command::new("dot")
        .arg("-V")
        .output()
        .is_ok_and(|o| o.status.success())
}

#[test]
fn the_region_picture_of_named_organisations_links_each_state_once() {
    let dot = ok(&[
        "export",
        "dot",
        "--org",
        "SCO,CSTO,BRICS",
        "--at",
        "2025-01-01",
    ]);
    let g = graphviz_rust::parse(&dot).expect("the DOT parses");
    let text = format!("{g:?}");
    assert!(text.contains("org:SCO") && text.contains("org:BRICS"));
    assert!(!dot.contains("org:NATO"), "only the named: {dot}");
    // Russia: one node, linked to each named organisation it holds a
    // status in that day.
    assert_eq!(dot.matches("\n  \"RUS\"[").count(), 1, "{dot}");
    let links = dot
        .lines()
        .filter(|l| l.trim_start().starts_with("\"RUS\" --"))
        .count();
    let m = json(&[
        "memberships",
        "RUS",
        "--at",
        "2025-01-01",
        "--format",
        "json",
    ]);
    let named = m["memberships"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|h| {
            ["SCO", "CSTO", "BRICS"]
                .contains(&h["organization"].as_str().unwrap())
        })
        .count();
    assert_eq!(named, 3, "{m}");
    assert_eq!(links, named, "{dot}");
    // A list is refused where a command answers for one organisation.
    let out = igo().args(["chairs", "--org", "SCO,CSTO"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("applies to `at` and to `export"), "{err}");
}

/// `--org all` draws the organisations, linked where they share at least
/// half of the smaller one's states; every number on the picture is the
/// overlap matrix's.
#[test]
fn the_world_picture_links_organisations_by_the_matrix() {
    let day = "2025-01-01";
    let dot = ok(&["export", "dot", "--org", "all", "--at", day]);
    graphviz_rust::parse(&dot).expect("the DOT parses");
    let v = json(&["overlap", "--matrix", "--at", day, "--format", "json"]);
    let orgs: Vec<&str> = v["organizations"]
        .as_array()
        .unwrap()
        .iter()
        .map(|o| o.as_str().unwrap())
        .collect();
    let n = orgs.len();
    let shared =
        |i: usize, j: usize| v["cells"][i * n + j]["shared"].as_u64().unwrap();
    let mut drawn = 0;
    for i in 0..n {
        let node = format!("\"org:{}\"[", orgs[i]);
        let line = dot.lines().find(|l| l.contains(&node)).expect(&node);
        assert!(line.contains(&format!("({}", shared(i, i))), "{line}");
        for j in i + 1..n {
            let edge = format!("\"org:{}\" -- \"org:{}\"", orgs[i], orgs[j]);
            let smaller = shared(i, i).min(shared(j, j));
            let linked = 2 * shared(i, j) >= smaller && shared(i, j) > 0;
            let line = dot.lines().find(|l| l.contains(&edge));
            assert_eq!(line.is_some(), linked, "{edge}: {:?}", line);
            if let Some(l) = line {
                drawn += 1;
                assert!(
                    l.contains(&format!("label=\"{}\"", shared(i, j))),
                    "{l}"
                );
            }
        }
    }
    // The EU's members are all in the Council of Europe: linked.
    assert!(dot.contains("\"org:COE\" -- \"org:EU\""), "{dot}");
    assert!(drawn > n / 2, "{drawn} links among {n}");
    // No state is drawn.
    assert!(!dot.contains("\"RUS\""), "{dot}");
    if !has_dot() {
        skip!("SKIPPED: Graphviz is not installed (apt-get install graphviz)");
        return;
    }
    let out = igo()
        .args(["export", "svg", "--org", "all", "--at", day])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let svg = String::from_utf8(out.stdout).unwrap();
    assert!(svg.starts_with("<?xml") || svg.starts_with("<svg"), "{svg:.80}");
    assert!(svg.contains(">BRICS") && svg.contains(">UN"), "{svg:.200}");
}

#[test]
fn the_overlap_matrix_counts_shared_states_by_tier() {
    let v = json(&[
        "overlap",
        "--matrix",
        "--at",
        "2025-01-01",
        "--format",
        "json",
    ]);
    let orgs = v["organizations"].as_array().unwrap();
    for o in ["BRICS", "CSTO", "SCO", "EAEU", "CIS", "CICA"] {
        assert!(orgs.contains(&o.into()), "{v}");
    }
    assert!(!orgs.contains(&"CST".into()), "the CST ended in 2003: {v}");
    let cell = |a: &str, b: &str| {
        v["cells"]
            .as_array()
            .unwrap()
            .iter()
            .find(|c| c["a"] == a && c["b"] == b)
            .unwrap()
            .clone()
    };
    assert_eq!(cell("SCO", "SCO")["shared"], 26);
    assert_eq!(cell("SCO", "BRICS")["by_tier"]["member"], 4);
    assert_eq!(cell("SCO", "BRICS"), {
        let mut c = cell("BRICS", "SCO");
        c["a"] = "SCO".into();
        c["b"] = "BRICS".into();
        c
    });
    // Members of both the SCO and the CSTO: Belarus, Kazakhstan,
    // Kyrgyzstan, Russia, Tajikistan (Armenia's CSTO status is frozen and
    // it is an SCO dialogue partner).
    assert_eq!(cell("SCO", "CSTO")["by_tier"]["member"], 5);
    let table = ok(&["overlap", "--matrix", "--at", "2025-01-01"]);
    assert!(table.starts_with("states shared"), "{table}");
    let csv =
        ok(&["overlap", "--matrix", "--at", "2025-01-01", "--format", "csv"]);
    assert!(csv.starts_with(
        "date,basis,a,b,shared,member,associate,observer,partner\n"
    ));
}

#[test]
fn the_cow_layout_reads_back_with_known_state_years() {
    let text = ok(&["export", "cow", "--at", "2026-01-01"]);
    let mut r = csv::Reader::from_reader(text.as_bytes());
    let header: Vec<String> =
        r.headers().unwrap().iter().map(String::from).collect();
    assert_eq!(&header[..3], ["ccode", "year", "state"]);
    let col = |name: &str| header.iter().position(|h| h == name).unwrap();
    let mut cells: HashMap<(String, String), Vec<String>> = HashMap::new();
    for row in r.records() {
        let row = row.unwrap();
        cells.insert(
            (row[0].to_string(), row[1].to_string()),
            row.iter().map(String::from).collect(),
        );
    }
    let at = |ccode: &str, year: &str, org: &str| {
        cells[&(ccode.to_string(), year.to_string())][col(org)].clone()
    };
    // India: SCO observer on 31 December 2016, member from 2017.
    assert_eq!(at("750", "2016", "sco"), "3");
    assert_eq!(at("750", "2017", "sco"), "1");
    // Kazakhstan in 2024: SCO and CSTO member, BRICS none (a partner
    // country only from 2025, which COW would code 0 as well).
    assert_eq!(at("705", "2024", "sco"), "1");
    assert_eq!(at("705", "2024", "csto"), "1");
    assert_eq!(at("705", "2024", "brics"), "0");
    assert_eq!(at("705", "2025", "brics"), "0");
    // BRICS did not exist in 2005: -1, COW's code for that.
    assert_eq!(at("705", "2005", "brics"), "-1");
    // Armenia's frozen CSTO participation is still membership (1).
    assert_eq!(at("371", "2024", "csto"), "1");
    // Uzbekistan had left the CSTO by 31 December 2012.
    assert_eq!(at("704", "2012", "csto"), "0");
    // Saudi Arabia in BRICS on 31 December 2024: disputed, so missing (-9).
    assert_eq!(at("670", "2024", "brics"), "-9");
    // The last year is the --at year.
    assert!(cells.contains_key(&("750".to_string(), "2026".to_string())));
    assert!(!cells.contains_key(&("750".to_string(), "2027".to_string())));
}
