//! Organisations declare their words: offices, the summit body, the
//! chair and the coverage of their lists of states, each organisation's
//! own in every output (`tests/data/words`: ALPHA speaks as the SCO does,
//! UNION has words of its own).

use std::path::Path;

use igo_graph::{DiagnosticKind, KnowledgeGraph, Verdict};

use crate::common::{ok, root, run};

fn words_dir() -> String {
    root().join("tests/data/words").display().to_string()
}

/// `igo --data tests/data/words --org ORG ARGS...`, which must succeed.
fn igo_on(org: &str, args: &[&str]) -> String {
    let data = words_dir();
    let mut all = vec!["--data", data.as_str(), "--org", org];
    all.extend(args);
    ok(&all)
}

fn json_on(org: &str, args: &[&str]) -> serde_json::Value {
    serde_json::from_str(&igo_on(org, args)).expect("valid JSON")
}

/// Says that `text` uses none of the SCO's words for its bodies, its
/// chair and its office (`Chairperson` is UNION's own word).
fn speaks_no_sco_words(what: &str, text: &str) {
    for w in [
        "Council of Heads of State",
        "Council meeting",
        "Secretary-General",
        "Secretaries-General",
    ] {
        assert!(!text.contains(w), "{what} says `{w}`:\n{text}");
    }
    let lower = text.to_lowercase();
    let chair = lower
        .match_indices("chair")
        .all(|(i, _)| lower[i..].starts_with("chairperson"));
    assert!(chair, "{what} says `chair`:\n{text}");
}

#[test]
fn a_second_organisation_speaks_its_own_words_in_every_output() {
    let summits = igo_on("UNION", &["summits"]);
    assert!(summits.starts_with("UNION summits (Assembly of the Union)\n"));
    let at = igo_on("UNION", &["at", "2013-01-01"]);
    assert!(at.contains("\npresidency: India since 2011-02-02\n"), "{at}");
    assert!(
        at.contains("\nChairperson of the Commission: E. Person (India) since 2012-01-01\n"),
        "{at}"
    );
    assert!(
        at.contains(
            "\nDirector-General: D. General (Nepal) since 2007-01-01\n"
        ),
        "{at}"
    );
    let officials = igo_on("UNION", &["officials"]);
    assert!(officials.starts_with("UNION Chairpersons of the Commission\n"));
    assert!(officials.contains("\nUNION Directors-General\n"), "{officials}");
    let timeline = igo_on("UNION", &["timeline", "--with-summits"]);
    assert!(
        timeline.contains("\n* a meeting of the Assembly of the Union\n"),
        "{timeline}"
    );
    let chairs = igo_on("UNION", &["chairs"]);
    assert!(chairs.starts_with(
        "UNION presidencies (the presidency passes at the end of an Assembly meeting)\n"
    ));
    let chart = igo_on("UNION", &["export", "chart", "--at", "2013-01-01"]);
    assert!(chart.contains("▲ Assembly of the Union meetings</text>"));
    let dot = igo_on("UNION", &["export", "dot", "--at", "2013-01-01"]);
    assert!(dot.contains("India\\n(presidency)"), "{dot}");
    assert!(dot.contains("\"legend_chair\"[label=\"presidency\""), "{dot}");
    // The legend node's id is no word a reader sees.
    let dot = dot.replace("\"legend_chair\"", "\"legend\"");
    for (what, text) in [
        ("summits", &summits),
        ("at", &at),
        ("officials", &officials),
        ("timeline --with-summits", &timeline),
        ("chairs", &chairs),
        ("the chart", &chart),
        ("the diagram", &dot),
    ] {
        speaks_no_sco_words(what, text);
    }
}

#[test]
fn the_first_organisation_keeps_the_words_the_second_does_not_use() {
    // The same folder, the same outputs: ALPHA's are the SCO's words, so
    // the test above would see them if UNION's borrowed them.
    let summits = igo_on("ALPHA", &["summits"]);
    assert!(summits.starts_with("ALPHA summits (Council of Heads of State)"));
    let at = igo_on("ALPHA", &["at", "2003-01-01"]);
    assert!(at.contains("\nchair: Pakistan since 2002-06-07\n"), "{at}");
    assert!(at.contains("\nSecretary-General: A. Secretary (India)"));
    let chairs = igo_on("ALPHA", &["chairs"]);
    assert!(chairs.starts_with(
        "ALPHA chairs (the chair passes at the end of a Council meeting)"
    ));
    let chart = igo_on("ALPHA", &["export", "chart", "--at", "2003-01-01"]);
    assert!(chart.contains("▲ Council of Heads of State meetings</text>"));
    // With both in one answer, each keeps its own.
    let all = igo_on("all", &["at", "2013-01-01"]);
    assert!(all.contains("\nchair: Pakistan since 2002-06-07\n"), "{all}");
    assert!(all.contains("\npresidency: India since 2011-02-02\n"), "{all}");
}

#[test]
fn offices_are_in_json_and_csv_with_their_labels() {
    let snap = json_on("UNION", &["at", "2013-01-01", "--format", "json"]);
    // The contract's key names the Secretary-General, whom UNION has not.
    assert_eq!(snap["secretary_general"], serde_json::Value::Null);
    let offices = snap["offices"].as_array().unwrap();
    let got: Vec<(&str, &str, &str, bool)> = offices
        .iter()
        .map(|o| {
            (
                o["id"].as_str().unwrap(),
                o["label"].as_str().unwrap(),
                o["since"].as_str().unwrap(),
                o["certain"].as_bool().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        got,
        [
            (
                "chairperson_commission",
                "Chairperson of the Commission",
                "2012-01-01",
                true
            ),
            ("director_general", "Director-General", "2007-01-01", true),
        ]
    );
    let alpha = json_on("ALPHA", &["at", "2003-01-01", "--format", "json"]);
    assert_eq!(alpha["secretary_general"], "A. Secretary");
    assert_eq!(alpha["offices"][0]["id"], "secretary_general");
    // Each office's terms end where the next of the same office begins.
    let terms = json_on("UNION", &["officials", "--format", "json"]);
    let end_of = |person: &str| {
        terms
            .as_array()
            .unwrap()
            .iter()
            .find(|t| t["person"] == person)
            .map(|t| (t["end"].clone(), t["office_label"].clone()))
            .unwrap()
    };
    assert_eq!(
        end_of("c-person"),
        ("2012-01-01".into(), "Chairperson of the Commission".into())
    );
    assert_eq!(
        end_of("d-general"),
        (serde_json::Value::Null, "Director-General".into())
    );
    let csv = igo_on("UNION", &["officials", "--format", "csv"]);
    let mut lines = csv.lines();
    assert!(lines.next().unwrap().ends_with(",note,office_label"));
    assert!(lines.all(|l| l.ends_with(",Chairperson of the Commission")
        || l.ends_with(",Director-General")));
}

/// A copy of the words folder with UNION's `organization.yaml` edited.
fn with_union(edit: impl Fn(&str) -> String) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let from = root().join("tests/data/words");
    for sub in ["", "alpha", "union"] {
        std::fs::create_dir_all(dir.path().join(sub)).unwrap();
        for e in std::fs::read_dir(from.join(sub)).unwrap() {
            let e = e.unwrap();
            if e.path().is_file() {
                let to = dir.path().join(sub).join(e.file_name());
                std::fs::copy(e.path(), to).unwrap();
            }
        }
    }
    let org = dir.path().join("union/organization.yaml");
    let text = std::fs::read_to_string(&org).unwrap();
    std::fs::write(&org, edit(&text)).unwrap();
    dir
}

fn load(dir: &Path) -> Result<KnowledgeGraph, igo_graph::Error> {
    KnowledgeGraph::load(dir)
}

#[test]
fn only_an_office_whose_holders_come_from_members_checks_nationality() {
    // D. General is Nepali, and Nepal is in neither organisation.
    assert!(load(&root().join("tests/data/words")).is_ok());
    let dir = with_union(|t| t.replace("      from_members: false\n", ""));
    let err = load(dir.path()).unwrap_err();
    let d = &err.diagnostics()[0];
    assert_eq!(d.kind, DiagnosticKind::Domain);
    assert!(
        d.message.contains("D. General (NPL) took office on 2007-01-01"),
        "{d}"
    );
    assert!(d.help.as_deref().unwrap().contains("the Director-General"));
}

#[test]
fn an_office_the_organisation_does_not_declare_names_the_ones_it_does() {
    let dir = with_union(|t| {
        t.replace("id: director_general", "id: director_generl")
    });
    let err = load(dir.path()).unwrap_err();
    let d = &err.diagnostics()[0];
    assert_eq!(d.kind, DiagnosticKind::InvalidValue);
    assert_eq!(
        d.message,
        "unknown office `director_general`: `UNION` declares \
         `chairperson_commission`, `director_generl`"
    );
    assert_eq!(d.help.as_deref(), Some("did you mean `director_generl`?"));
    let loc = d.location.as_ref().unwrap();
    assert!(loc.path.ends_with("union/officials.yaml"), "{loc}");
    assert_eq!((loc.line, loc.column), (7, 11));
}

const CAVEAT: &str = "the data lists all of UNION's states only from \
                      2010-01-01 (its observers before 2010 were not \
                      published)";

#[test]
fn answers_from_a_partial_list_carry_a_caveat_and_the_others_do_not() {
    let on = |args: &[&str]| json_on("UNION", args);
    let partial = on(&["at", "2008-01-01", "--format", "json"]);
    assert!(partial["coverage"].as_str().unwrap().starts_with(CAVEAT));
    let complete = on(&["at", "2013-01-01", "--format", "json"]);
    assert_eq!(complete["coverage"], serde_json::Value::Null);
    // The horizon's caveat is its own key, untouched.
    assert_eq!(partial["caveat"], serde_json::Value::Null);
    let members = on(&["members", "--at", "2008-01-01", "--format", "json"]);
    assert!(members["coverage"].as_str().unwrap().starts_with(CAVEAT));
    let later = on(&["members", "--at", "2013-01-01", "--format", "json"]);
    assert_eq!(later["coverage"], serde_json::Value::Null);
    // A timeline covers the partial years; a diff, when a day is in them.
    let timeline = on(&["timeline", "--format", "json"]);
    assert!(timeline["coverage"].as_str().unwrap().starts_with(CAVEAT));
    let diff = on(&["diff", "2008-01-01", "2013-01-01", "--format", "json"]);
    assert!(diff["coverage"].as_str().unwrap().starts_with(CAVEAT));
    let late = on(&["diff", "2011-01-01", "2013-01-01", "--format", "json"]);
    assert_eq!(late["coverage"], serde_json::Value::Null);
    // ALPHA's list is complete: its timeline has no caveat.
    let alpha = json_on("ALPHA", &["timeline", "--format", "json"]);
    assert_eq!(alpha["coverage"], serde_json::Value::Null);
    // Across organisations: UNION's caveat, only where UNION is partial.
    let data = words_dir();
    let across = |args: &[&str]| -> serde_json::Value {
        let mut all = vec!["--data", data.as_str()];
        all.extend(args);
        serde_json::from_str(&ok(&all)).unwrap()
    };
    let m = across(&[
        "memberships",
        "NPL",
        "--at",
        "2008-01-01",
        "--format",
        "json",
    ]);
    assert_eq!(m["coverage"].as_array().unwrap().len(), 1);
    let m = across(&[
        "memberships",
        "NPL",
        "--at",
        "2013-01-01",
        "--format",
        "json",
    ]);
    assert_eq!(m["coverage"], serde_json::json!([]));
    let o = across(&[
        "overlap",
        "ALPHA",
        "UNION",
        "--at",
        "2008-01-01",
        "--format",
        "json",
    ]);
    assert!(o["coverage"][0].as_str().unwrap().starts_with(CAVEAT));
    // And every table says it, as it says the horizon's caveat.
    for args in [
        &["at", "2008-01-01"][..],
        &["members", "--at", "2008-01-01"],
        &["timeline"],
        &["diff", "2008-01-01", "2013-01-01"],
    ] {
        let text = igo_on("UNION", args).replace("\n  ", " ");
        assert!(
            text.contains(&format!("caveat: {CAVEAT}")),
            "{args:?}: {text}"
        );
    }
    let text = igo_on("UNION", &["at", "2013-01-01"]);
    assert!(!text.contains("caveat"), "{text}");
    let table =
        ok(&["--data", &data, "memberships", "NPL", "--at", "2008-01-01"]);
    assert!(table.replace("\n  ", " ").contains(CAVEAT), "{table}");
}

#[test]
fn a_claim_nothing_explains_on_a_partial_day_is_a_partial_list() {
    let checks = json_on("UNION", &["claims", "--format", "json"]);
    let verdicts: Vec<(&str, &str, bool)> = checks
        .as_array()
        .unwrap()
        .iter()
        .map(|c| {
            (
                c["date"].as_str().unwrap(),
                c["verdict"].as_str().unwrap(),
                c["explained"].as_bool().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        verdicts,
        [
            ("2008-01-01", "partial_list", false),
            ("2013-01-01", "agrees", true)
        ]
    );
    let table = igo_on("UNION", &["claims"]);
    assert!(table.contains("  partial list\n"), "{table}");
    assert!(!table.contains("NOT EXPLAINED"), "{table}");
    // The same claim over a complete list is a finding.
    let dir = with_union(|t| {
        let start = t.find("  coverage:").unwrap();
        let end = t.find("  statuses:").unwrap();
        format!("{}{}", &t[..start], &t[end..])
    });
    let kg = load(dir.path()).unwrap();
    let checks = kg.claim_checks("UNION").unwrap();
    assert_eq!(checks[0].verdict, Verdict::NotExplained);
    let shown = dir.path().display().to_string();
    let (_, table, _) = run(&["--data", &shown, "--org", "UNION", "claims"]);
    assert!(table.contains("NOT EXPLAINED"), "{table}");
}

#[test]
fn the_bundled_organisations_speak_their_own_words() {
    let kg = KnowledgeGraph::bundled();
    let body = |id: &str| kg.organization(id).unwrap().summit_body.clone();
    assert_eq!(body("SCO").as_deref(), Some("Council of Heads of State"));
    assert_eq!(body("CSTO").as_deref(), Some("Collective Security Council"));
    assert_eq!(
        body("EAEU").as_deref(),
        Some("Supreme Eurasian Economic Council")
    );
    assert_eq!(body("BRICS").as_deref(), Some("BRICS Summit"));
    // No body is named for the Shanghai Five in the sources read.
    assert_eq!(body("SHANGHAI5"), None);
    let summits = ok(&["summits", "--org", "SHANGHAI5"]);
    assert!(summits.starts_with("SHANGHAI5 summits\n"), "{summits}");
    let chairs = ok(&["chairs", "--org", "BRICS"]);
    assert!(chairs.starts_with("BRICS chairmanships\n"), "{chairs}");
    // Only the SCO and the CIS call theirs the Council of Heads of State;
    // the Arab League's is its Council at the summit level.
    for o in kg.organizations() {
        let id = o.id.as_str();
        let text =
            ok(&["summits", "--org", id]) + &ok(&["chairs", "--org", id]);
        let says = text.contains("Council of Heads of State")
            || text.contains("Council meeting");
        assert_eq!(says, ["SCO", "CIS", "LAS"].contains(&id), "{id}: {text}");
    }
}

#[test]
fn the_explorer_has_each_organisations_words() {
    let kg = KnowledgeGraph::load(root().join("tests/data/words")).unwrap();
    let site = igo_graph::export::html::site(&kg).unwrap();
    let union = site.organizations.iter().find(|o| o.id == "UNION").unwrap();
    assert_eq!(union.chair_title, "presidency");
    assert_eq!(union.summit_body.as_deref(), Some("Assembly of the Union"));
    let day = union.day_on("2013-01-01".parse().unwrap()).unwrap();
    let labels: Vec<&str> =
        day.offices.iter().map(|o| o.label.as_str()).collect();
    assert_eq!(labels, ["Chairperson of the Commission", "Director-General"]);
    assert_eq!(day.coverage, None);
    let early = union.day_on("2008-01-01".parse().unwrap()).unwrap();
    assert!(early.coverage.as_deref().unwrap().starts_with(CAVEAT));
}
