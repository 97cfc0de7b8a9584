//! Arbitrary valid data sets (any names, any dates, any statuses) through
//! every exporter: each output must be well-formed for its reader, and the
//! YAML and JSON exports must read back into an equal graph.
#![no_main]

use arbitrary::Arbitrary;
use igo_graph::export::{self, Options, yaml::quote};
use igo_graph::KnowledgeGraph;
use libfuzzer_sys::fuzz_target;

#[derive(Arbitrary, Debug)]
struct Input {
    org_name: String,
    states: Vec<StateIn>,
    day: (u8, u8, u8),
}

#[derive(Arbitrary, Debug)]
struct StateIn {
    name: String,
    alias: String,
    note: String,
    transitions: Vec<(u8, u16, u8, u8, bool)>,
}

const CODES: [&str; 8] = ["AAA", "BBB", "CCC", "DDD", "EEE", "FFF", "GGG", "HHH"];
const STATUS: [&str; 5] = ["member", "observer", "dialogue_partner", "partner", "none"];

fn date(days: u16, precision: u8) -> String {
    // Days after 2001-06-15, at most ~30 years.
    let y = 2001 + u32::from(days % 10_000) / 365;
    let m = 1 + (u32::from(days) / 31) % 12;
    let d = 1 + u32::from(days) % 28;
    match precision % 3 {
        0 => format!("{y:04}-{m:02}-{d:02}"),
        1 => format!("{y:04}-{m:02}"),
        _ => format!("{y:04}"),
    }
}

fn well_formed_xml(text: &str) {
    let mut r = quick_xml::Reader::from_str(text);
    loop {
        match r.read_event() {
            Ok(quick_xml::events::Event::Eof) => break,
            Ok(_) => {}
            Err(e) => panic!("not well-formed XML: {e}\n{text}"),
        }
    }
}

fuzz_target!(|input: Input| {
    let mut states = String::new();
    let mut statuses = String::new();
    for (i, s) in input.states.iter().take(CODES.len()).enumerate() {
        let code = CODES[i];
        states.push_str(&format!(
            "- id: {code}\n  iso2: {}\n  name: {}\n  aliases: [{}]\n  sources: [s1]\n  note: {}\n",
            &code[..2],
            quote(&s.name),
            quote(&s.alias),
            quote(&s.note)
        ));
        if s.transitions.is_empty() {
            continue;
        }
        // Shape the arbitrary transitions into a history the loader can
        // accept (in order, no repeated status, only the last pending), so
        // that most inputs reach the exporters.
        let mut ts: Vec<(usize, u16, u8, bool)> = s
            .transitions
            .iter()
            .take(6)
            .map(|(st, days, prec, _, pending)| (usize::from(*st) % STATUS.len(), *days % 9000, *prec, *pending))
            .collect();
        ts.sort_by_key(|t| t.1);
        let mut lines = String::new();
        let mut last: Option<(usize, String)> = None;
        let mut prev_year = 0u32;
        let n = ts.len();
        for (k, (st, days, prec, pending)) in ts.into_iter().enumerate() {
            if last.is_none() && STATUS[st] == "none" {
                continue;
            }
            if last.as_ref().is_some_and(|(l, _)| *l == st) {
                continue;
            }
            let d = date(days, prec);
            let year: u32 = d[..4].parse().unwrap();
            // One transition a year keeps imprecise dates from overlapping.
            if last.is_some() && year <= prev_year {
                continue;
            }
            prev_year = year;
            let effective = if pending && k + 1 == n { String::new() } else { format!("      effective: {d}\n") };
            lines.push_str(&format!(
                "    - status: {}\n      decided: {d}\n{effective}      sources: [s1]\n",
                STATUS[st]
            ));
            last = Some((st, d));
        }
        if !lines.is_empty() {
            statuses.push_str(&format!("- state: {code}\n  transitions:\n{lines}"));
        }
    }
    if states.is_empty() {
        states.push_str("[]\n");
    }
    if statuses.is_empty() {
        statuses.push_str("[]\n");
    }
    let org = format!(
        "- id: ORG\n  name: {}\n  short_name: {}\n  founded: 2001-06-15\n  sources: [s1]\n",
        quote(&input.org_name),
        quote(&input.org_name)
    );
    let files = [
        ("states.yaml".to_string(), states),
        ("sources.yaml".to_string(), "- id: s1\n  title: t\n  url: https://example.org/\n".to_string()),
        ("org/organization.yaml".to_string(), org),
        ("org/statuses.yaml".to_string(), statuses),
    ];
    // Many generated histories are invalid (out of order ...): fine, the
    // loader says so. Valid ones go through every exporter.
    let Ok(kg) = KnowledgeGraph::from_texts(files) else { return };
    let (y, m, d) = input.day;
    let day = igo_graph::Date::from_ymd(2001 + i32::from(y % 30), 1 + u32::from(m % 12), 1 + u32::from(d % 28)).unwrap();
    let all = Options::new("ORG");
    let on = Options::new("ORG").at(day);
    let mut out = Vec::new();

    export::dot::write(&kg, &on, &mut out).unwrap();
    let dot = String::from_utf8(std::mem::take(&mut out)).unwrap();
    graphviz_rust::parse(&dot).unwrap_or_else(|e| panic!("DOT does not parse: {e}\n{dot}"));

    for xml in [
        { export::gexf::write(&kg, &all, &mut out).unwrap(); std::mem::take(&mut out) },
        { export::graphml::write(&kg, &all, &mut out).unwrap(); std::mem::take(&mut out) },
        { export::graphml::write(&kg, &on, &mut out).unwrap(); std::mem::take(&mut out) },
        { export::chart::write(&kg, &on, &mut out).unwrap(); std::mem::take(&mut out) },
    ] {
        well_formed_xml(std::str::from_utf8(&xml).unwrap());
    }

    export::ttl::write(&kg, &all, &mut out).unwrap();
    for triple in oxttl::TurtleParser::new().for_slice(&out) {
        triple.unwrap_or_else(|e| panic!("Turtle does not parse: {e}"));
    }
    out.clear();

    export::csv::write(&kg, &all, &mut out).unwrap();
    out.clear();
    export::panel::write(&kg, &on, export::panel::Rule::Any, &mut out).unwrap();
    out.clear();

    export::json::write(&kg, &all, &mut out).unwrap();
    let back = KnowledgeGraph::from_json(std::str::from_utf8(&out).unwrap())
        .unwrap_or_else(|e| panic!("JSON does not read back: {e}"));
    assert!(back == kg, "JSON round trip changed the graph");
    out.clear();

    let files = export::yaml::files(&kg);
    let again = KnowledgeGraph::from_texts(files.clone())
        .unwrap_or_else(|e| panic!("canonical YAML does not load: {e}"));
    assert!(again == kg, "YAML round trip changed the graph");
    assert_eq!(export::yaml::files(&again), files, "YAML export is not stable");
});
