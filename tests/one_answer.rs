//! One answer everywhere: for every bundled organisation, on every day
//! something changes and the day before (and every 31 December), the
//! certain holders by status, the uncertain states and the counts agree
//! across `igo at` (JSON), `timeline` (JSON), `diff`, `overlap --matrix`,
//! `memberships`, the spans and events CSV, GraphML, GEXF, Turtle
//! (through SPARQL in Oxigraph), the node-link JSON, the chart, `panel`
//! and `cow` (by their 31 December rule) and the explorer's data, all
//! written by the real binary.

mod generated;
pub(crate) mod readers;

use std::collections::{BTreeMap, BTreeSet};

use igo_graph::{Date, KnowledgeGraph};
use serde_json::Value;

use self::readers::Answer;
use crate::common::{json, ok};

/// Every day on which something about `org` may change (a transition's,
/// one of the other days its sources give, or a lifetime's first and last
/// day and the day before), and each 31
/// December of its life up to 2026.
fn days_of(kg: &KnowledgeGraph, org: &igo_graph::Organization) -> Vec<Date> {
    let mut dates = vec![org.founded];
    dates.extend(org.dissolved);
    for st in kg.states() {
        for t in kg.transitions(org.id.as_str(), st.id.as_str()) {
            dates.extend(t.decided);
            dates.extend(t.effective);
            for a in &t.alternatives {
                dates.extend(a.decided);
                dates.extend(a.effective);
            }
        }
    }
    let mut days = BTreeSet::new();
    for d in dates {
        days.insert(d.first_day());
        days.insert(d.last_day());
        days.extend(d.first_day().previous_day());
    }
    // And the days the README and the issue ask about.
    for d in ["2024-02-22", "2024-06-01", "2025-12-01"] {
        let d: Date = d.parse().unwrap();
        if org.founded.first_day() <= d {
            days.insert(d);
        }
    }
    let last = org.dissolved.map_or(2026, |d| d.year());
    for y in org.founded.year()..=last {
        days.insert(Date::from_ymd(y, 12, 31).unwrap());
    }
    days.into_iter().collect()
}

/// `igo at DAY --org all --format json`, by organisation.
fn at_all(day: Date) -> BTreeMap<String, Value> {
    let v =
        json(&["at", &day.to_string(), "--org", "all", "--format", "json"]);
    v.as_array()
        .unwrap()
        .iter()
        .map(|s| (s["organization"].as_str().unwrap().to_string(), s.clone()))
        .collect()
}

/// The counts a snapshot's JSON gives, checked against its own lists.
fn check_counts(snap: &Value, a: &Answer, tiers: &BTreeMap<String, String>) {
    let c = &snap["counts"];
    assert_eq!(c["family"], a.family(), "{snap}");
    assert_eq!(snap["family_size"], a.family());
    assert_eq!(c["uncertain"], a.uncertain.len());
    for (status, n) in c["statuses"].as_object().unwrap() {
        let held = a.held.get(status).map_or(0, BTreeSet::len);
        assert_eq!(n, &Value::from(held), "{status} in {snap}");
    }
    let mut by_tier: BTreeMap<&str, usize> = BTreeMap::new();
    for (status, states) in &a.held {
        *by_tier.entry(&tiers[status]).or_default() += states.len();
    }
    for (tier, n) in c["tiers"].as_object().unwrap() {
        let want = by_tier.get(tier.as_str()).copied().unwrap_or(0);
        assert_eq!(n, &Value::from(want), "tier {tier} in {snap}");
    }
    for (key, id) in [
        ("members", "member"),
        ("observers", "observer"),
        ("dialogue_partners", "dialogue_partner"),
        ("partners", "partner"),
    ] {
        let held: Vec<&String> =
            a.held.get(id).map_or(Vec::new(), |s| s.iter().collect());
        let listed: Vec<&str> = snap[key]
            .as_array()
            .unwrap()
            .iter()
            .map(|v| v.as_str().unwrap())
            .collect();
        assert_eq!(listed, held, "{key} in {snap}");
        assert_eq!(c[key], held.len());
    }
}

/// The explorer's data from `igo export html`: `data.js` with each
/// organisation's days from its file of `data/`, as the page loads them.
fn explorer_data() -> Value {
    let dir = tempfile::tempdir().unwrap();
    let site = dir.path().join("site");
    ok(&["export", "html", "-o", &site.display().to_string()]);
    crate::explorer::site_data(&site)
}

/// What the explorer shows for `org` on `day`: its last day of change on
/// or before it, and the counts it shows.
fn explorer_answer(site: &Value, org: &str, day: Date) -> (Answer, Value) {
    let page = site["organizations"]
        .as_array()
        .unwrap()
        .iter()
        .find(|o| o["id"] == org)
        .unwrap();
    let day = day.to_string();
    let shown = page["days"]
        .as_array()
        .unwrap()
        .iter()
        .rfind(|d| d["date"].as_str().unwrap() <= day.as_str());
    shown.map_or_else(
        || (Answer::default(), Value::Null),
        |d| (Answer::of_snapshot(d), d["counts"].clone()),
    )
}

/// The outputs of one organisation's whole history, written once.
struct Histories {
    spans: Vec<readers::SpanRow>,
    graphml: Vec<readers::SpanRow>,
    gexf: Vec<readers::SpanRow>,
    sparql: Vec<readers::SparqlMembership>,
    timeline: Value,
    events: Vec<csv::StringRecord>,
    panel: BTreeMap<(String, i32), (String, bool)>,
}

fn histories(org: &str) -> Histories {
    let export = |kind: &str, extra: &[&str]| {
        let mut args = vec!["export", kind, "--org", org];
        args.extend(extra);
        ok(&args)
    };
    let store = oxigraph::store::Store::new().unwrap();
    store
        .load_from_slice(
            oxigraph::io::RdfFormat::Turtle,
            export("ttl", &[]).as_bytes(),
        )
        .unwrap();
    let events_csv = export("csv", &["--table", "events"]);
    let events = csv::Reader::from_reader(events_csv.as_bytes())
        .records()
        .map(Result::unwrap)
        .collect();
    let panel_csv = export("panel", &["--at", "2026-12-31"]);
    let mut panel = BTreeMap::new();
    for rec in csv::Reader::from_reader(panel_csv.as_bytes()).records() {
        let rec = rec.unwrap();
        let year: i32 = rec[3].parse().unwrap();
        panel.insert(
            (rec[2].to_string(), year),
            (rec[5].to_string(), &rec[7] == "true"),
        );
    }
    Histories {
        spans: readers::spans_csv(&export("csv", &[])),
        graphml: readers::graphml(&export("graphml", &[])),
        gexf: readers::gexf(&export("gexf", &[])),
        sparql: readers::sparql_memberships(&store, org),
        timeline: json(&["timeline", "--org", org, "--format", "json"]),
        events,
        panel,
    }
}

#[test]
fn every_output_gives_the_answer_of_at() {
    let kg = KnowledgeGraph::bundled();
    let site = explorer_data();
    let node_link = json(&["export", "json"]);
    let cow_csv = ok(&["export", "cow", "--at", "2026-12-31"]);
    let cow = readers::cow_codes(&cow_csv);
    let mut days_by_org = BTreeMap::new();
    let mut all_days = BTreeSet::new();
    for org in kg.organizations() {
        let days = days_of(&kg, org);
        all_days.extend(days.iter().copied());
        days_by_org.insert(org.id.to_string(), days);
    }
    let truth: BTreeMap<Date, BTreeMap<String, Value>> =
        all_days.iter().map(|&d| (d, at_all(d))).collect();
    let mut compared = 0;
    for org in kg.organizations() {
        let id = org.id.as_str();
        let tiers: BTreeMap<String, String> = org
            .statuses
            .iter()
            .map(|s| (s.as_str().to_string(), s.tier().to_string()))
            .collect();
        let h = histories(id);
        let edges = readers::node_link(&node_link, id);
        for &day in &days_by_org[id] {
            let snap = &truth[&day][id];
            let want = Answer::of_snapshot(snap);
            check_counts(snap, &want, &tiers);
            let at = |what: &str, got: Answer| {
                assert_eq!(got, want, "{what} of {id} on {day}");
            };
            at("the spans CSV", readers::of_spans(&h.spans, day));
            at("GraphML", readers::of_spans(&h.graphml, day));
            at("GEXF", readers::of_spans(&h.gexf, day));
            at("the node-link JSON", readers::of_spans(&edges, day));
            let (page, counts) = explorer_answer(&site, id, day);
            at("the explorer", page);
            if counts != Value::Null {
                assert_eq!(counts, snap["counts"], "the page's counts");
            }
            // The memberships SPARQL read from the Turtle, on the day.
            let sparql = readers::held_from(&h.sparql, day);
            assert_eq!(sparql, want.held, "SPARQL of {id} on {day}");
            readers::check_year_codes(&kg, &want, org, day, &h.panel, &cow);
            // The chart ending on the day labels that day's family.
            if compared % 8 == 0 && want.family() > 0 {
                let d = day.to_string();
                let svg = ok(&["export", "chart", "--org", id, "--at", &d]);
                let label = format!(">family {}<", want.family());
                assert!(svg.contains(&label), "the chart of {id} on {d}");
            }
            compared += 1;
        }
        check_timeline(id, &h, &truth);
    }
    eprintln!("{compared} organisation-days compared");
    assert!(compared > 300, "{compared} organisation-days");
    // BRICS on 2025-12-01: ten members, Saudi Arabia uncertain.
    let brics = Answer::of_snapshot(
        &truth[&"2025-12-01".parse::<Date>().unwrap()]["BRICS"],
    );
    assert_eq!(brics.held["member"].len(), 10);
    assert_eq!(brics.uncertain, BTreeSet::from(["SAU".to_string()]));
    check_across(&kg, &days_by_org, &truth);
}

/// The timeline's JSON and the events CSV: after each change, the counts
/// of `at` on the day the change is certain.
fn check_timeline(
    org: &str,
    h: &Histories,
    truth: &BTreeMap<Date, BTreeMap<String, Value>>,
) {
    let events = h.timeline["events"].as_array().unwrap();
    assert_eq!(events.len(), h.events.len(), "{org}: timeline and events");
    for (e, row) in events.iter().zip(&h.events) {
        let date: Date = e["date"].as_str().unwrap().parse().unwrap();
        // The day the change is certain on: its date's last day, or the
        // last of the days its sources give.
        let latest: Date = e["latest"].as_str().unwrap().parse().unwrap();
        assert!(date.last_day() <= latest, "{org} {e}");
        if latest > date.last_day() {
            assert!(e.get("alternatives").is_some(), "{org} {e}");
        }
        let snap = &truth[&latest][org];
        assert_eq!(e["after"], snap["counts"], "{org} timeline on {date}");
        assert_eq!(&row[1], e["date"].as_str().unwrap());
        assert_eq!(&row[18], e["latest"].as_str().unwrap());
        assert_eq!(row[9], snap["family_size"].to_string(), "{org} {date}");
        let uncertain = snap["uncertain"].as_array().unwrap().len();
        assert_eq!(row[15], uncertain.to_string(), "{org} {date}");
        let by_status: Vec<String> = snap["counts"]["statuses"]
            .as_object()
            .unwrap()
            .iter()
            .map(|(s, n)| format!("{s}={n}"))
            .collect();
        assert_eq!(row[16], by_status.join(";"), "{org} {date}");
    }
}

/// `diff`, `overlap --matrix` and `memberships` against `at`.
fn check_across(
    kg: &KnowledgeGraph,
    days_by_org: &BTreeMap<String, Vec<Date>>,
    truth: &BTreeMap<Date, BTreeMap<String, Value>>,
) {
    for (org, days) in days_by_org {
        for pair in days.windows(2) {
            let (a, b) = (pair[0], pair[1]);
            let d = json(&[
                "diff",
                &a.to_string(),
                &b.to_string(),
                "--org",
                org,
                "--format",
                "json",
            ]);
            readers::check_diff(&d, &truth[&a][org], &truth[&b][org]);
        }
    }
    let days: BTreeSet<&Date> = truth.keys().collect();
    for (n, day) in days.iter().enumerate() {
        let answers: BTreeMap<&String, Answer> = truth[*day]
            .iter()
            .map(|(o, s)| (o, Answer::of_snapshot(s)))
            .collect();
        // The matrix of every organisation existing that day, on every
        // fourth day (it is one process per day).
        if n % 4 == 0 {
            let m = json(&[
                "overlap",
                "--matrix",
                "--at",
                &day.to_string(),
                "--format",
                "json",
            ]);
            readers::check_matrix(kg, &m, &answers);
        }
        // Memberships of each state uncertain somewhere that day.
        let uncertain: BTreeSet<&String> =
            answers.values().flat_map(|a| &a.uncertain).collect();
        for state in uncertain {
            let m = json(&[
                "memberships",
                state,
                "--at",
                &day.to_string(),
                "--format",
                "json",
            ]);
            readers::check_memberships(&m, state, &answers);
        }
    }
}
