//! Vocabularies, lineage, disputes, published counts, the horizon and
//! addresses mean what they say: the cases of issue 20 that a committed
//! file in `tests/data/bad` cannot hold (today's date, lengths chosen by
//! the test, answers compared across commands).

use std::path::Path;

use igo_graph::{KnowledgeGraph, LoadOptions};

use crate::common::{good_copy, json, run, today};

fn write(dir: &Path, file: &str, text: &str) {
    std::fs::write(dir.join(file), text).unwrap();
}

/// The good data set with `organization.yaml` replaced by `org_yaml`.
fn with_organization(org_yaml: &str) -> tempfile::TempDir {
    let dir = good_copy();
    write(dir.path(), "org/organization.yaml", org_yaml);
    dir
}

fn messages(dir: &Path, opts: &LoadOptions) -> String {
    match KnowledgeGraph::load_with(dir, opts) {
        Ok(_) => String::new(),
        Err(e) => e.to_string(),
    }
}

#[test]
fn a_review_day_after_today_is_refused_when_the_caller_gives_today() {
    let dir = with_organization(
        "- id: ORG\n  name: Test Organisation\n  short_name: ORG\n  \
         founded: 2001-06-15\n  reviewed: 2030-01-02\n  sources: [s1]\n",
    );
    // The library never reads the clock: without today, the day stands.
    assert!(KnowledgeGraph::load(dir.path()).is_ok());
    let day = |s: &str| s.parse().unwrap();
    let on = |d| LoadOptions::new().today(day(d));
    assert_eq!(messages(dir.path(), &on("2030-01-02")), "");
    let got = messages(dir.path(), &on("2030-01-01"));
    assert!(
        got.contains(
            "org/organization.yaml:5:13: error[domain]: `ORG`'s data was reviewed on 2030-01-02, after today (2030-01-01)"
        ),
        "{got}"
    );
    // igo passes the system's today to every folder it loads.
    let shown = dir.path().display().to_string();
    let (code, _, stderr) =
        run(&["--data", &shown, "--org", "ORG", "at", "2020-01-01"]);
    let future = today() < day("2030-01-02");
    assert_eq!(code, i32::from(future) * 2, "{stderr}");
    assert_eq!(stderr.contains("after today"), future, "{stderr}");
}

#[test]
fn the_bundled_review_days_are_not_after_today() {
    let kg = KnowledgeGraph::bundled();
    for o in kg.organizations() {
        let r = o.reviewed.expect("every bundled organisation is reviewed");
        assert!(r <= today(), "{} reviewed on {r}", o.id);
    }
    let (code, _, stderr) = run(&["validate"]);
    assert_eq!(code, 0, "{stderr}");
}

#[test]
fn a_review_day_before_the_founding_is_refused() {
    let dir = with_organization(
        "- id: ORG\n  name: Test Organisation\n  short_name: ORG\n  \
         founded: 2001-06-15\n  reviewed: 2000-01-01\n  sources: [s1]\n",
    );
    let got = messages(dir.path(), &LoadOptions::new());
    assert!(got.contains("`ORG`'s data was reviewed on 2000-01-01, before `ORG` was founded on 2001-06-15"), "{got}");
}

/// What was decided by the review day may take effect after it; a
/// planned summit may meet after it; what has no decision day is known by
/// the day it took effect.
#[test]
fn a_review_covers_decisions_not_what_they_schedule() {
    let dir = with_organization(
        "- id: ORG\n  name: Test Organisation\n  short_name: ORG\n  \
         founded: 2001-06-15\n  reviewed: 2018-12-31\n  sources: [s1]\n",
    );
    let statuses = std::fs::read_to_string(dir.path().join("org/statuses.yaml"))
        .unwrap()
        .replace(
            "    - status: dialogue_partner\n      decided: 2009-06-16\n      effective: 2010-05\n",
            "    - status: dialogue_partner\n      decided: 2009-06-16\n      effective: 2010-05\n      sources: [s2]\n    - status: observer\n      decided: 2018-12-01\n      effective: 2019-01-01\n",
        );
    write(dir.path(), "org/statuses.yaml", &statuses);
    let opts = LoadOptions::new().today(today());
    assert_eq!(messages(dir.path(), &opts), "");
    let undecided = statuses.replace("      decided: 2018-12-01\n", "");
    write(dir.path(), "org/statuses.yaml", &undecided);
    let got = messages(dir.path(), &opts);
    assert!(got.contains("`LKA`'s transition to observer, in effect from 2019-01-01, is after `ORG`'s data was reviewed on 2018-12-31"), "{got}");
}

/// Circles of any length, through `predecessor` and `successor` alike.
#[test]
fn a_circle_of_predecessors_of_any_length_is_refused() {
    for n in [2_usize, 3, 5, 8] {
        let mut yaml = String::from(
            "- id: ORG\n  name: Test Organisation\n  short_name: ORG\n  \
             founded: 2001-06-15\n  sources: [s1]\n",
        );
        for i in 0..n {
            // X(i) comes before X(i+1), and X(n-1) before X0: an even link
            // is written as `successor`, an odd one as the next one's
            // `predecessor`.
            let next = (i + 1) % n;
            let prev = (i + n - 1) % n;
            let mut links = String::new();
            if i % 2 == 0 {
                links.push_str(&format!("  successor: X{next}\n"));
            }
            if prev % 2 == 1 {
                links.push_str(&format!("  predecessor: X{prev}\n"));
            }
            yaml.push_str(&format!(
                "- id: X{i}\n  name: Organisation {i}\n  short_name: X{i}\n  \
                 founded: {}-01-01\n  dissolved: {}-01-01\n{links}  sources: [s1]\n",
                1950 + i,
                1951 + i
            ));
        }
        let dir = with_organization(&yaml);
        let got = messages(dir.path(), &LoadOptions::new());
        assert!(
            got.contains("predecessors and successors run in a circle: `X0` comes before `X1`"),
            "{n}: {got}"
        );
        assert!(
            got.contains(&format!("`X{}` before `X0`", n - 1)),
            "{n}: {got}"
        );
        assert_eq!(got.matches("error[").count(), 1, "{n}: {got}");
    }
}

/// A disputed exit: after it, `at` and `memberships` both say the status
/// is uncertain, with the same possible statuses.
#[test]
fn a_disputed_exit_is_uncertain_in_at_as_in_memberships() {
    let dir = good_copy();
    let p = dir.path().join("org/statuses.yaml");
    let text = std::fs::read_to_string(&p).unwrap().replace(
        "- state: PAK\n  transitions:\n    - status: observer\n      date: 2005-07-05\n      sources: [s1]\n",
        "- state: PAK\n  transitions:\n    - status: observer\n      date: 2005-07-05\n      sources: [s1]\n    - status: none\n      date: 2018-05-19\n      sources: [s1]\n      disputed:\n        against: [s2]\n        note: s2 says Pakistan never left\n",
    );
    std::fs::write(&p, text).unwrap();
    let data = dir.path().display().to_string();
    for day in
        ["2018-05-18", "2018-05-19", "2018-06-01", "2019-01-01", "2025-12-31"]
    {
        let at = json(&[
            "--data", &data, "--org", "ORG", "at", day, "--format", "json",
        ]);
        let uncertain: Vec<&serde_json::Value> = at["uncertain"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|u| u["state"] == "PAK")
            .collect();
        let m = json(&[
            "--data",
            &data,
            "memberships",
            "PAK",
            "--at",
            day,
            "--format",
            "json",
        ]);
        let row = &m["memberships"][0];
        assert_eq!(row["organization"], "ORG");
        let certain = row["certain"].as_bool().unwrap();
        assert_eq!(
            certain,
            uncertain.is_empty(),
            "{day}: at {at}\nmemberships {m}"
        );
        if day == "2018-05-18" {
            assert!(certain, "{day}: before the exit");
            assert_eq!(row["status"], "observer");
            assert!(
                at["observers"].as_array().unwrap().contains(&"PAK".into())
            );
            continue;
        }
        assert!(!certain, "{day}: after a disputed exit");
        let possible: Vec<&str> = uncertain[0]["possible"]
            .as_array()
            .unwrap()
            .iter()
            .map(|s| s.as_str().unwrap())
            .collect();
        assert_eq!(
            row["status"].as_str().unwrap(),
            possible.join("|"),
            "{day}"
        );
        assert_eq!(uncertain[0]["reason"], "disputed", "{day}");
        assert!(!at["observers"].as_array().unwrap().contains(&"PAK".into()));
    }
}

/// A holder who took office in 2018, after one who took office on
/// 2018-03-01: before 2018-03-01 neither holds; on that day the first
/// holds for certain; for the rest of 2018 it is uncertain which.
#[test]
fn an_office_holder_known_by_year_alone_follows_the_one_before() {
    let dir = good_copy();
    write(
        dir.path(),
        "org/officials.yaml",
        "- office: secretary_general\n  person: Z. Tester\n  person_id: z-tester\n  nationality: IND\n  start: 2017-07-01\n  sources: [s1]\n\
         - office: secretary_general\n  person: A. Tester\n  person_id: a-tester\n  nationality: IND\n  start: 2018-03-01\n  sources: [s1]\n\
         - office: secretary_general\n  person: B. Tester\n  person_id: b-tester\n  nationality: IND\n  start: 2018\n  sources: [s1]\n",
    );
    let kg = KnowledgeGraph::load(dir.path()).unwrap();
    let holder = |d: &str| {
        let h = kg.secretary_general_at("ORG", d.parse().unwrap()).unwrap();
        h.map(|h| (h.term.name.clone(), h.certain))
    };
    let z = Some(("Z. Tester".to_string(), true));
    assert_eq!(holder("2018-01-01"), z);
    assert_eq!(holder("2018-02-28"), z);
    assert_eq!(holder("2018-03-01"), Some(("A. Tester".to_string(), true)));
    assert_eq!(holder("2018-03-02"), Some(("B. Tester".to_string(), false)));
    assert_eq!(holder("2018-12-31"), Some(("B. Tester".to_string(), true)));
    // The same through igo, as the snapshot's contract says.
    let data = dir.path().display().to_string();
    let at = json(&[
        "--data",
        &data,
        "--org",
        "ORG",
        "at",
        "2018-02-01",
        "--format",
        "json",
    ]);
    assert_eq!(at["secretary_general"], "Z. Tester");
    assert_eq!(at["secretary_general_certain"], true);
}

#[test]
fn binary_that_is_not_even_base64_is_told_as_a_tag() {
    let dir = good_copy();
    write(
        dir.path(),
        "states.yaml",
        "- id: IND\n  iso2: IN\n  name: !!binary '***'\n  sources: [s1]\n",
    );
    let got = messages(dir.path(), &LoadOptions::new());
    assert!(
        got.contains("states.yaml:3:18: error[wrong-type]: a value tagged `!!binary`: data files hold plain values, without YAML tags"),
        "{got}"
    );
}

/// The good data set with an address that has a space and characters an
/// IRI cannot hold raw, and Pakistan's disputed exit (sources on both of
/// its sides, and an end whose sources differ from the start's).
fn with_awkward_sources() -> (tempfile::TempDir, KnowledgeGraph) {
    let dir = good_copy();
    let sources = std::fs::read_to_string(dir.path().join("sources.yaml"))
        .unwrap()
        .replace(
            "url: https://example.org/s1",
            "url: \"https://example.org/annual report?q={1}|2^3\"",
        );
    write(dir.path(), "sources.yaml", &sources);
    let p = dir.path().join("org/statuses.yaml");
    let text = std::fs::read_to_string(&p).unwrap().replace(
        "- state: PAK\n  transitions:\n    - status: observer\n      date: 2005-07-05\n      sources: [s1]\n",
        "- state: PAK\n  transitions:\n    - status: observer\n      date: 2005-07-05\n      sources: [s1]\n    - status: none\n      date: 2018-05-19\n      sources: [s2]\n      disputed:\n        against: [s1]\n",
    );
    std::fs::write(&p, text).unwrap();
    let kg = KnowledgeGraph::load(dir.path()).unwrap();
    (dir, kg)
}

#[test]
fn an_address_is_stored_as_the_url_standard_serialises_it() {
    let (_dir, kg) = with_awkward_sources();
    let url = &kg.source("s1").unwrap().url;
    assert_eq!(url, "https://example.org/annual%20report?q={1}|2^3");
    assert!(!url.contains(char::is_whitespace));
}

/// Every export that names sources names every source of every fact it
/// writes: Turtle, GraphML, GEXF and the CSV tables.
#[test]
fn no_export_drops_a_source() {
    use igo_graph::export::{Options, csv, gexf, graphml, ttl};
    let (_dir, kg) = with_awkward_sources();
    let opts = Options::new("ORG");
    let spans = kg.spans_of("ORG");
    let url = |id: &str| kg.source(id).unwrap().url.clone();
    // Turtle: every source of every membership, of its end and of both
    // disputes, as an IRI.
    let triples = ttl::triples(&kg, &opts).unwrap();
    let objects = |pred: &str| -> Vec<String> {
        triples
            .iter()
            .filter(|t| t.predicate.as_str().ends_with(pred))
            .map(|t| t.object.to_string())
            .collect()
    };
    let cited: usize = spans.iter().map(|s| s.sources.len()).sum();
    let org_and_states = kg.organization("ORG").unwrap().sources.len()
        + ["IND", "LKA", "PAK"]
            .iter()
            .map(|s| kg.state(s).unwrap().sources.len())
            .sum::<usize>();
    assert_eq!(objects("/source").len(), cited + org_and_states);
    let ends: usize = spans.iter().map(|s| s.end_sources.len()).sum();
    assert_eq!(objects("endSource").len(), ends);
    // `{`, `|` and `^` may stand in a URL, not in an IRI.
    let iri = "<https://example.org/annual%20report?q=%7B1%7D%7C2%5E3>";
    assert_eq!(objects("endDisputedBy"), [iri]);
    assert!(objects("/source").contains(&iri.to_string()), "{triples:?}");
    // CSV: one address per source, the end's sources and the other side
    // of the disputed end.
    let mut out = Vec::new();
    csv::write(&kg, &opts, &mut out).unwrap();
    let mut r = ::csv::Reader::from_reader(out.as_slice());
    let head = r.headers().unwrap().clone();
    let col = |row: &::csv::StringRecord, name: &str| {
        row[head.iter().position(|h| h == name).unwrap()].to_string()
    };
    let mut rows = 0;
    for row in r.records() {
        let row = row.unwrap();
        let ids: Vec<String> =
            col(&row, "sources").split(';').map(String::from).collect();
        let urls: Vec<String> =
            col(&row, "urls").split(' ').map(String::from).collect();
        let expected: Vec<String> = ids.iter().map(|i| url(i)).collect();
        assert_eq!(urls, expected);
        if col(&row, "state") == "PAK" {
            assert_eq!(col(&row, "end_sources"), "s2");
            assert_eq!(col(&row, "end_against"), "s1");
        }
        rows += 1;
    }
    assert_eq!(rows, spans.len());
    // GraphML and GEXF: each status with its sources, its end's and the
    // other sides'.
    let mut g = Vec::new();
    graphml::write(&kg, &opts, &mut g).unwrap();
    let g = String::from_utf8(g).unwrap();
    for want in [
        r#"<data key="sources">s1;s2</data>"#,
        r#"<data key="end_sources">s1;s2</data>"#,
        r#"<data key="end_sources">s2</data>"#,
        r#"<data key="end_against">s1</data>"#,
    ] {
        assert!(g.contains(want), "graphml lacks {want}\n{g}");
    }
    let mut x = Vec::new();
    gexf::write(&kg, &opts, &mut x).unwrap();
    let x = String::from_utf8(x).unwrap();
    for want in [
        r#"<attvalue for="sources" value="s1;s2" start="2017-06-09"/>"#,
        r#"<attvalue for="end_sources" value="s2" start="2005-07-05" end="2018-05-18"/>"#,
        r#"<attvalue for="end_against" value="s1" start="2005-07-05" end="2018-05-18"/>"#,
    ] {
        assert!(x.contains(want), "gexf lacks {want}\n{x}");
    }
    // The graph of a day names the sources of the status in force.
    let mut d = Vec::new();
    let day = opts.clone().at("2019-01-01".parse().unwrap());
    graphml::write(&kg, &day, &mut d).unwrap();
    let d = String::from_utf8(d).unwrap();
    assert!(d.contains(r#"<data key="against">s1</data>"#), "{d}");
}
