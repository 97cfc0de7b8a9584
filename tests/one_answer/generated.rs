//! The same comparison over generated data folders: two organisations (one
//! with two statuses in each of the member and observer tiers), imprecise
//! dates, other days some sources give, disputed statuses and exits,
//! missing data and pending decisions; under both
//! bases, through the library's own writers of each format.

use std::collections::BTreeMap;

use igo_graph::export::{self, Options};
use igo_graph::{Basis, Date, KnowledgeGraph};
use proptest::prelude::*;

use super::readers::{self, Answer};

const CODES: [&str; 5] = ["AAA", "BBB", "CCC", "DDD", "EEE"];
const ORGS: [(&str, &[&str]); 2] = [
    ("ORG", &["member", "suspended", "observer", "guest", "partner"]),
    ("TWO", &["member", "observer", "dialogue_partner", "partner"]),
];

/// ORG's own vocabulary: two statuses of the member tier, two of the
/// observer tier, one partner.
const VOCABULARY: &str = "  statuses:
    - {id: member, label: member, plural: members, tier: member, cow: 1}
    - {id: suspended, label: suspended member, plural: suspended members, tier: member, cow: 1}
    - {id: observer, label: observer, plural: observers, tier: observer, cow: 3}
    - {id: guest, label: special guest, plural: special guests, tier: observer, cow: 3}
    - {id: partner, label: partner, plural: partners, tier: partner, cow: 0}
";

/// One transition: status index (5 is `none`, 6 `unknown`), years after
/// the last,
/// month, day, precision (0 day, 1 month, 2 year), days from decision
/// to effect, pending, disputed, and the days after the effective day an
/// other source gives (0: none).
type T = (usize, u8, u8, u8, u8, u8, bool, bool, u8);

fn transition() -> impl Strategy<Value = T> {
    (
        0usize..7,
        1u8..4,
        1u8..=12,
        1u8..=28,
        0u8..3,
        0u8..40,
        proptest::bool::weighted(0.1),
        proptest::bool::weighted(0.25),
        prop_oneof![3 => Just(0u8), 1 => 1u8..6],
    )
}

/// Per organisation, per state, its transitions.
fn folder() -> impl Strategy<Value = Vec<Vec<Vec<T>>>> {
    let state = proptest::collection::vec(transition(), 1..5);
    let org = proptest::collection::vec(state, 1..=CODES.len());
    proptest::collection::vec(org, 2..=2)
}

fn date_text(year: u32, m: u8, d: u8, precision: u8) -> String {
    match precision {
        0 => format!("{year:04}-{m:02}-{d:02}"),
        1 => format!("{year:04}-{m:02}"),
        _ => format!("{year:04}"),
    }
}

/// One state's history as YAML, shaped to be valid: increasing years,
/// no repeated status, not starting with `none`, only the last pending.
fn history(code: &str, org: usize, ts: &[T]) -> String {
    let mut year = 2002u32;
    let mut last: Option<&str> = None;
    let mut lines = String::new();
    for (k, &(st, gap, m, d, p, lag, pending, disputed, other)) in
        ts.iter().enumerate()
    {
        year += u32::from(gap);
        let vocabulary = ORGS[org].1;
        // Beyond the vocabulary: `none`, and missing data (`unknown`).
        let status = match st {
            6 => "unknown",
            st => vocabulary.get(st).copied().unwrap_or("none"),
        };
        if (last.is_none() && status == "none") || last == Some(status) {
            continue;
        }
        last = Some(status);
        let decided = date_text(year, m, d, p);
        let day = (u32::from(d) + u32::from(lag)).min(28);
        let effective = match p {
            0 => format!("{year:04}-{m:02}-{day:02}"),
            _ => decided.clone(),
        };
        // Another day some source gives: later in the same month (the
        // next transition is in a later year), where that is another day.
        let later = (day + u32::from(other)).min(28);
        let alternative = match p == 0 && later != day && !pending {
            true => format!(
                "      alternatives: [{{effective: {year:04}-{m:02}-{later:02}, sources: [s2]}}]\n"
            ),
            false => String::new(),
        };
        let pending = pending && k + 1 == ts.len();
        let eff = match pending {
            true => String::new(),
            false => format!("      effective: {effective}\n"),
        };
        let dispute = match disputed && !pending {
            true => "      disputed: {against: [s2]}\n",
            false => "",
        };
        lines.push_str(&format!(
            "    - status: {status}\n      decided: {decided}\n{eff}{dispute}{alternative}      sources: [s1]\n"
        ));
    }
    if lines.is_empty() {
        return String::new();
    }
    format!(
        "- state: {code}\n  organization: {}\n  transitions:\n{lines}",
        ORGS[org].0
    )
}

fn dataset(orgs: &[Vec<Vec<T>>]) -> Vec<(String, String)> {
    let mut states = String::new();
    for code in CODES {
        states.push_str(&format!(
            "- id: {code}\n  iso2: {}\n  name: \"State {code}\"\n  cow_code: {}\n  sources: [s1]\n",
            &code[..2],
            100 + code.as_bytes()[0] as u16
        ));
    }
    let mut files = vec![
        ("states.yaml".to_string(), states),
        (
            "sources.yaml".into(),
            "- id: s1\n  title: for\n  url: https://example.org/for\n\
             - id: s2\n  title: against\n  url: https://example.org/against\n"
                .into(),
        ),
    ];
    for (i, hs) in orgs.iter().enumerate() {
        let (id, _) = ORGS[i];
        let dir = id.to_lowercase();
        let vocabulary = if i == 0 { VOCABULARY } else { "" };
        files.push((
            format!("{dir}/organization.yaml"),
            format!(
                "- id: {id}\n  name: Org {id}\n  short_name: {id}\n  founded: 2001-06-15\n  sources: [s1]\n{vocabulary}"
            ),
        ));
        let statuses: String = hs
            .iter()
            .zip(CODES)
            .map(|(ts, code)| history(code, i, ts))
            .collect();
        let statuses =
            if statuses.is_empty() { "[]\n".into() } else { statuses };
        files.push((format!("{dir}/statuses.yaml"), statuses));
    }
    files
}

fn bytes(
    f: impl FnOnce(&mut Vec<u8>) -> Result<(), igo_graph::Error>,
) -> String {
    let mut out = Vec::new();
    f(&mut out).unwrap();
    String::from_utf8(out).unwrap()
}

/// Every day a transition of `org` may begin on, its last day, and the
/// day before.
fn days(kg: &KnowledgeGraph, org: &str) -> Vec<Date> {
    let mut days = std::collections::BTreeSet::new();
    for code in CODES {
        for t in kg.transitions(org, code) {
            let others = t.alternatives.iter().flat_map(|a| a.effective);
            for d in t.decided.into_iter().chain(t.effective).chain(others) {
                days.insert(d.first_day());
                days.insert(d.last_day());
                days.extend(d.first_day().previous_day());
            }
        }
    }
    days.into_iter().collect()
}

/// The exports of one organisation under one basis, compared with the
/// snapshot on each of its days.
fn compare(kg: &KnowledgeGraph, org: &str, basis: Basis) {
    let opts = Options::new(org).basis(basis);
    let spans =
        readers::spans_csv(&bytes(|o| export::csv::write(kg, &opts, o)));
    let graphml =
        readers::graphml(&bytes(|o| export::graphml::write(kg, &opts, o)));
    let gexf = readers::gexf(&bytes(|o| export::gexf::write(kg, &opts, o)));
    let store = oxigraph::store::Store::new().unwrap();
    let ttl = bytes(|o| export::ttl::write(kg, &opts, o));
    store
        .load_from_slice(oxigraph::io::RdfFormat::Turtle, ttl.as_bytes())
        .unwrap();
    let site = match basis {
        Basis::Effective => Some(export::html::site(kg).unwrap()),
        Basis::Decided => None,
    };
    let t = kg.timeline(org, basis).unwrap();
    for e in &t.events {
        let snap = kg.snapshot(org, e.latest, basis).unwrap();
        assert_eq!(e.after, snap.counts, "timeline of {org} on {}", e.date);
    }
    for day in days(kg, org) {
        let snap = kg.snapshot(org, day, basis).unwrap();
        let want = Answer::of_snapshot(&serde_json::to_value(&snap).unwrap());
        let at = |what: &str, got: Answer| {
            assert_eq!(
                got, want,
                "{what} of {org} on {day} by {basis}\n{snap:#?}"
            );
        };
        at("the spans CSV", readers::of_spans(&spans, day));
        at("GraphML", readers::of_spans(&graphml, day));
        at("GEXF", readers::of_spans(&gexf, day));
        assert_eq!(
            readers::sparql_held(&store, org, day),
            want.held,
            "SPARQL {org} {day}"
        );
        if let Some(site) = &site {
            let page =
                site.organizations.iter().find(|o| o.id == org).unwrap();
            let shown = page.day_on(day).map_or_else(Answer::default, |d| {
                Answer::of_snapshot(&serde_json::to_value(d).unwrap())
            });
            at("the explorer", shown);
        }
        // Each state alone, across organisations.
        for code in CODES {
            let m = kg.memberships(code, day, basis).unwrap();
            let here = m.iter().find(|m| m.organization == org);
            let said = here.map(|m| (m.certain, m.status.clone()));
            let expected = match want.status_of(code) {
                Some(s) => Some((true, s.to_string())),
                None if want.uncertain.contains(code) => {
                    here.map(|m| (false, m.status.clone()))
                }
                None => None,
            };
            assert_eq!(
                said, expected,
                "memberships of {code} in {org} on {day}"
            );
        }
    }
}

/// The overlap matrix against the two snapshots.
fn compare_matrix(kg: &KnowledgeGraph, day: Date, basis: Basis) {
    let m = kg.overlap_matrix(&["ORG", "TWO"], day, basis).unwrap();
    let answers: BTreeMap<String, Answer> = ["ORG", "TWO"]
        .iter()
        .map(|o| {
            let s = kg.snapshot(o, day, basis).unwrap();
            (
                o.to_string(),
                Answer::of_snapshot(&serde_json::to_value(&s).unwrap()),
            )
        })
        .collect();
    let refs: BTreeMap<&String, Answer> =
        answers.iter().map(|(k, v)| (k, v.clone())).collect();
    readers::check_matrix(kg, &serde_json::to_value(&m).unwrap(), &refs);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(32))]

    #[test]
    fn every_output_gives_the_snapshots_answer(orgs in folder(), decided in proptest::bool::ANY) {
        let kg = KnowledgeGraph::from_texts(dataset(&orgs)).expect("generated data is valid");
        let basis = if decided { Basis::Decided } else { Basis::Effective };
        for (org, _) in ORGS {
            compare(&kg, org, basis);
            if basis == Basis::Decided {
                compare(&kg, org, Basis::Effective);
            }
        }
        for day in days(&kg, "ORG") {
            compare_matrix(&kg, day, basis);
        }
    }
}
