//! Chairs, summits, Secretaries-General and founding acts of the bundled
//! data: the headline facts, through the library and the real binary.

use igo_graph::{
    Basis, Date, Evidence, KnowledgeGraph, SummitFormat, SummitStatus,
};

use crate::common::run;

fn d(s: &str) -> Date {
    s.parse().unwrap()
}

#[test]
fn kazakhstan_chairs_on_the_anniversary_until_astana() {
    let kg = KnowledgeGraph::bundled();
    let chair = kg.chair_at("SCO", d("2024-02-22")).unwrap().unwrap();
    assert_eq!(chair.term.state, "KAZ");
    assert!(chair.certain);
    let summit =
        kg.summit(chair.term.ended_by.as_ref().unwrap().as_str()).unwrap();
    assert_eq!(summit.city, "Astana");
    assert_eq!(summit.start, Some(d("2024-07-03")));
    assert_eq!(summit.end, Some(d("2024-07-04")));
    // Upcoming on that day.
    assert!(d("2024-02-22") < summit.start.unwrap());
}

#[test]
fn handover_days_belong_to_the_incoming_chair() {
    let kg = KnowledgeGraph::bundled();
    let on = |day: &str| {
        kg.chair_at("SCO", d(day)).unwrap().unwrap().term.state.to_string()
    };
    assert_eq!(on("2024-07-03"), "KAZ");
    assert_eq!(on("2024-07-04"), "CHN");
    assert_eq!(on("2025-08-31"), "CHN");
    assert_eq!(on("2025-09-01"), "KGZ");
}

#[test]
fn chair_terms_are_continuous_and_held_by_members() {
    let kg = KnowledgeGraph::bundled();
    let terms = kg.chairs("SCO");
    assert!(terms.len() >= 24, "{}", terms.len());
    for w in terms.windows(2) {
        assert_eq!(w[0].end, Some(w[1].start));
    }
    for t in &terms {
        let status = kg
            .status_on("SCO", t.state.as_str(), t.start, Basis::Effective)
            .unwrap();
        assert_eq!(
            status.certain(),
            Some(igo_graph::Status::MEMBER),
            "{}",
            t.state
        );
    }
    // The first chair is only inferred.
    assert_eq!(terms[0].evidence, Evidence::Inferred);
    assert_eq!(terms.last().unwrap().state, "KGZ");
    assert_eq!(terms.last().unwrap().end, None);
}

#[test]
fn twenty_five_summits_and_the_shanghai_five() {
    let kg = KnowledgeGraph::bundled();
    let sco = kg.summits("SCO");
    let held: Vec<_> =
        sco.iter().filter(|s| s.status == SummitStatus::Held).collect();
    assert_eq!(held.len(), 25);
    let ordinals: Vec<u32> = held.iter().filter_map(|s| s.ordinal).collect();
    assert_eq!(ordinals, (1..=25).collect::<Vec<_>>());
    assert!(
        sco.iter()
            .any(|s| s.status == SummitStatus::Planned && s.city == "Bishkek")
    );
    let virtual_years: Vec<i32> = held
        .iter()
        .filter(|s| s.format == Some(SummitFormat::Virtual))
        .map(|s| s.start.unwrap().year())
        .collect();
    assert_eq!(virtual_years, [2020, 2023]);
    assert_eq!(kg.summits("SHANGHAI5").len(), 5);
}

#[test]
fn secretaries_general() {
    let kg = KnowledgeGraph::bundled();
    let sgs = kg.officials("SCO");
    assert_eq!(sgs.len(), 8);
    let sg = kg.secretary_general_at("SCO", d("2024-02-22")).unwrap().unwrap();
    assert_eq!(sg.term.name, "Zhang Ming");
    assert_eq!(sg.term.nationality, "CHN");
    // India joined on 2017-06-09: Rashid Alimov was Secretary-General.
    let then =
        kg.secretary_general_at("SCO", d("2017-06-09")).unwrap().unwrap();
    assert_eq!(then.term.nationality, "TJK");
    for w in sgs.windows(2) {
        assert_eq!(w[0].end, Some(w[1].start));
    }
}

#[test]
fn the_secretariat_opened_twenty_years_before_the_anniversary() {
    let kg = KnowledgeGraph::bundled();
    let opening = kg
        .events("SCO")
        .into_iter()
        .find(|e| e.id == "sco-secretariat-opened")
        .expect("the Secretariat's opening is an event");
    assert_eq!(opening.date, d("2004-01-15"));
    // 2024-02-22 falls in the 20th anniversary year (from 2024-01-15).
    let years = 2024 - opening.date.year();
    assert_eq!(years, 20);
    assert!(d("2024-02-22") >= Date::from_ymd(2024, 1, 15).unwrap());
    let charter_in_force =
        kg.events("SCO").into_iter().any(|e| e.date == d("2003-09-19"));
    assert!(charter_in_force);
}

#[test]
fn snapshot_json_has_chair_and_secretary_general() {
    let (code, out, err) = run(&["at", "2024-02-22", "--format", "json"]);
    assert_eq!(code, 0, "{err}");
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["chair"], "KAZ");
    assert_eq!(v["secretary_general"], "Zhang Ming");
    let (_, table, _) = run(&["at", "2024-02-22"]);
    assert!(table.contains("chair: Kazakhstan since 2023-07-04; the term ends at the Astana summit"), "{table}");
    assert!(table.contains("(2024-07-03/04), upcoming"), "{table}");
    assert!(
        table.contains(
            "Secretary-General: Zhang Ming (China) since 2022-01-01"
        ),
        "{table}"
    );
}

#[test]
fn cli_lists_chairs_summits_officials_events() {
    for (cmd, expect) in [
        ("chairs", "Kazakhstan"),
        ("summits", "Tianjin"),
        ("officials", "Zhang Ming"),
        ("events", "2004-01-15"),
    ] {
        for format in ["table", "json", "csv"] {
            let (code, out, err) = run(&[cmd, "--format", format]);
            assert_eq!(code, 0, "{cmd} {format}: {err}");
            assert!(out.contains(expect), "{cmd} {format}: {out}");
            if format == "json" {
                let v: serde_json::Value = serde_json::from_str(&out).unwrap();
                assert!(v.as_array().is_some_and(|a| !a.is_empty()));
            }
        }
    }
    let (_, csv, _) = run(&["summits", "--format", "csv"]);
    assert!(csv.starts_with("id,organization,ordinal,start,end,council,city,host,format,status,sources,note,evidence\n"));
}

#[test]
fn timeline_with_summits_interleaves_them() {
    let (code, out, err) = run(&["timeline", "--with-summits"]);
    assert_eq!(code, 0, "{err}");
    let astana = out.find("* 17th summit, Astana").expect(&out);
    let join = out.find("observer -> member: IND PAK").unwrap();
    assert!(astana < join, "the summit comes before the decisions it took");
    let (_, csv, _) = run(&["timeline", "--with-summits", "--format", "csv"]);
    let header = csv.lines().next().unwrap();
    assert!(
        header.contains(",note,kind,certain,against,uncertain,tier_"),
        "{header}"
    );
    assert!(csv.lines().any(|l| l.contains(",summit,")));
}

#[test]
fn decisions_name_the_summit_that_took_them() {
    let kg = KnowledgeGraph::bundled();
    let ind = kg.transitions("SCO", "IND");
    let summits: Vec<&str> = ind
        .iter()
        .filter_map(|t| t.summit.as_ref())
        .map(|s| s.as_str())
        .collect();
    assert_eq!(summits, ["sco-2005-astana", "sco-2017-astana"]);
    // The loader checked every such decision date against its summit's
    // days; here, the Laos decision was taken at Tianjin.
    let lao = kg.transitions("SCO", "LAO");
    assert_eq!(lao[0].summit.as_ref().unwrap().as_str(), "sco-2025-tianjin");
}

/// A chair whose membership the sources dispute on the day (an exit one
/// side reports) is not refused as "not a member": `igo at` says the
/// state may still be one.
#[test]
fn a_chair_after_a_disputed_exit_is_not_refused() {
    let dir = crate::common::good_copy();
    let path = dir.path().join("org/statuses.yaml");
    let text = std::fs::read_to_string(&path).unwrap();
    let exit = "      sources: [s1, s2]\n    - status: none\n      date: 2018-05-01\n      sources: [s1]\n      disputed:\n        against: [s2]\n";
    let text = text.replacen("      sources: [s1, s2]\n", exit, 1);
    std::fs::write(&path, text).unwrap();
    let data = dir.path().display().to_string();
    let (code, _, err) = run(&["validate", &data]);
    assert_eq!(code, 0, "{err}");
    let (_, at, _) = run(&[
        "--data",
        &data,
        "--org",
        "ORG",
        "at",
        "2018-06-10",
        "--format",
        "json",
    ]);
    assert!(at.contains("\"disputed\""), "{at}");
}
