use igo_graph::{Basis, Date, KnowledgeGraph, Status, StatusOn};

fn d(s: &str) -> Date {
    s.parse().unwrap()
}

fn ids(v: &[igo_graph::StateId]) -> Vec<&str> {
    v.iter().map(|s| s.as_str()).collect()
}

#[test]
fn founding_day_has_exactly_the_six_founders() {
    let kg = KnowledgeGraph::bundled();
    let s = kg.snapshot("SCO", d("2001-06-15"), Basis::Effective).unwrap();
    assert_eq!(ids(&s.members), ["CHN", "KAZ", "KGZ", "RUS", "TJK", "UZB"]);
    assert_eq!(s.family_size, 6);
    assert!(s.observers.is_empty() && s.dialogue_partners.is_empty());
    // The day before, the SCO did not exist yet; the Shanghai Five had six.
    let before =
        kg.snapshot("SCO", d("2001-06-14"), Basis::Effective).unwrap();
    assert_eq!(before.family_size, 0);
    let s5 =
        kg.snapshot("SHANGHAI5", d("2001-06-14"), Basis::Effective).unwrap();
    assert_eq!(ids(&s5.members), ["CHN", "KAZ", "KGZ", "RUS", "TJK", "UZB"]);
    let s5_early =
        kg.snapshot("SHANGHAI5", d("2001-06-13"), Basis::Effective).unwrap();
    assert_eq!(ids(&s5_early.members), ["CHN", "KAZ", "KGZ", "RUS", "TJK"]);
    // Superseded by the SCO on 2001-06-15.
    let s5_after =
        kg.snapshot("SHANGHAI5", d("2001-06-15"), Basis::Effective).unwrap();
    assert_eq!(s5_after.family_size, 0);
}

#[test]
fn family_of_26_on_the_secretariat_anniversary() {
    let kg = KnowledgeGraph::bundled();
    for basis in [Basis::Effective, Basis::Decided] {
        let s = kg.snapshot("SCO", d("2024-02-22"), basis).unwrap();
        assert_eq!(
            ids(&s.members),
            ["CHN", "IND", "IRN", "KAZ", "KGZ", "PAK", "RUS", "TJK", "UZB"]
        );
        assert_eq!(ids(&s.observers), ["AFG", "BLR", "MNG"]);
        assert_eq!(
            ids(&s.dialogue_partners),
            [
                "ARE", "ARM", "AZE", "BHR", "EGY", "KHM", "KWT", "LKA", "MDV",
                "MMR", "NPL", "QAT", "SAU", "TUR"
            ]
        );
        assert!(s.partners.is_empty());
        assert_eq!(s.family_size, 26, "basis {basis}");
        assert!(s.uncertain.is_empty());
    }
}

#[test]
fn transition_day_belongs_to_the_new_status() {
    let kg = KnowledgeGraph::bundled();
    let on = |day: &str| {
        kg.status_on("SCO", "IND", d(day), Basis::Effective).unwrap()
    };
    assert_eq!(on("2005-07-04"), StatusOn::Certain(Status::NONE));
    assert_eq!(on("2005-07-05"), StatusOn::Certain(Status::OBSERVER));
    assert_eq!(on("2017-06-08"), StatusOn::Certain(Status::OBSERVER));
    assert_eq!(on("2017-06-09"), StatusOn::Certain(Status::MEMBER));
}

#[test]
fn the_two_bases_disagree_where_a_memorandum_followed_the_decision() {
    let kg = KnowledgeGraph::bundled();
    // Bahrain: procedure started 2022-09-16, memorandum 2023-07-15. On the
    // New Delhi summit day India counted it already (see tests/claims.rs).
    let day = d("2023-07-04");
    let eff = kg.snapshot("SCO", day, Basis::Effective).unwrap();
    let dec = kg.snapshot("SCO", day, Basis::Decided).unwrap();
    assert!(!eff.dialogue_partners.iter().any(|s| s == "BHR"));
    assert!(dec.dialogue_partners.iter().any(|s| s == "BHR"));
    assert_eq!(dec.family_size, eff.family_size + 1);
    // Laos: decided 2025-09-01, memorandum not signed: pending.
    let today = d("2026-01-01");
    let eff = kg.snapshot("SCO", today, Basis::Effective).unwrap();
    let dec = kg.snapshot("SCO", today, Basis::Decided).unwrap();
    assert_eq!((eff.family_size, dec.family_size), (26, 27));
    assert_eq!(eff.pending.len(), 1);
    assert_eq!(eff.pending[0].state, "LAO");
    assert!(dec.pending.is_empty());
}

#[test]
fn a_day_inside_an_imprecise_date_is_uncertain() {
    let kg = KnowledgeGraph::bundled();
    // Sri Lanka's memorandum is dated only "May 2010".
    let s = kg.snapshot("SCO", d("2010-05-10"), Basis::Effective).unwrap();
    let lka = s.uncertain.iter().find(|u| u.state == "LKA").unwrap();
    assert_eq!(lka.possible, [Status::DIALOGUE_PARTNER, Status::NONE]);
    assert!(!s.dialogue_partners.iter().any(|x| x == "LKA"));
    // Outside May 2010 the answer is certain again.
    let on = |day: &str| kg.status_on("SCO", "LKA", d(day), Basis::Effective);
    assert_eq!(on("2010-04-30").unwrap(), StatusOn::Certain(Status::NONE));
    assert_eq!(
        on("2010-05-31").unwrap(),
        StatusOn::Certain(Status::DIALOGUE_PARTNER)
    );
    // By decision (Yekaterinburg, 2009-06-16) it is certain in May 2010.
    let by_decision =
        kg.status_on("SCO", "LKA", d("2010-05-10"), Basis::Decided).unwrap();
    assert_eq!(by_decision, StatusOn::Certain(Status::DIALOGUE_PARTNER));
}

#[test]
fn timeline_counts_grow_from_6_and_match_snapshots() {
    let kg = KnowledgeGraph::bundled();
    let t = kg.timeline("SCO", Basis::Effective).unwrap();
    assert_eq!(t.events.first().unwrap().after.family, 6);
    for e in t.events.iter().filter(|e| e.date.is_day()) {
        let s = kg.snapshot("SCO", e.date, Basis::Effective).unwrap();
        assert_eq!(
            e.after.family,
            s.family_size + s.uncertain.len(),
            "{}",
            e.date
        );
        assert_eq!(e.after.members, s.members.len(), "{}", e.date);
    }
    let sizes: Vec<usize> = t.events.iter().map(|e| e.after.family).collect();
    assert!(sizes.contains(&26));
    assert_eq!(t.pending.len(), 1);
}

#[test]
fn diff_names_the_states_that_changed() {
    let kg = KnowledgeGraph::bundled();
    let diff = kg
        .diff("SCO", d("2015-01-01"), d("2025-12-31"), Basis::Effective)
        .unwrap();
    let changed: Vec<&str> =
        diff.changes.iter().map(|c| c.state.as_str()).collect();
    for s in ["IND", "PAK", "IRN", "BLR", "MNG", "EGY", "ARM"] {
        assert!(changed.contains(&s), "{s}");
    }
    for s in ["CHN", "RUS"] {
        assert!(!changed.contains(&s), "{s}");
    }
    let blr = diff.changes.iter().find(|c| c.state == "BLR").unwrap();
    assert_eq!(blr.before, StatusOn::Certain(Status::DIALOGUE_PARTNER));
    assert_eq!(blr.after, StatusOn::Certain(Status::MEMBER));
}

#[test]
fn history_has_sources_with_addresses() {
    let kg = KnowledgeGraph::bundled();
    let h = kg.history("blr").unwrap();
    let statuses: Vec<Status> = h
        .entries
        .iter()
        .filter(|e| e.organization == "SCO")
        .map(|e| e.status)
        .collect();
    assert_eq!(
        statuses,
        [Status::DIALOGUE_PARTNER, Status::OBSERVER, Status::MEMBER]
    );
    for e in &h.entries {
        assert!(!e.sources.is_empty());
        assert!(e.sources.iter().all(|s| s.url.starts_with("http")));
    }
}

#[test]
fn every_fact_cites_a_known_source_and_states_have_identifiers() {
    let kg = KnowledgeGraph::bundled();
    // Every state of every organisation: 27 in the SCO's family alone.
    assert!(kg.states().count() >= 27, "{}", kg.states().count());
    for s in kg.states() {
        // Every state COW lists has its code and letters; Palestine (a
        // CICA member) and the states only G&W lists have none.
        if s.lifetimes_in(igo_graph::StateList::Cow).next().is_some() {
            assert!(
                s.cow_code.is_some() && s.cow_abbrev.is_some(),
                "{}",
                s.id
            );
        }
        // Every state of today's lists that holds a status has its
        // Wikidata id (the former states of the UN, the EU, the OSCE and
        // the Council of Europe, and the Holy See, which no list dates,
        // have none: no source giving theirs was read).
        let today = crate::common::today();
        if !kg.history(s.id.as_str()).unwrap().entries.is_empty()
            && s.exists_on(today) == Some(true)
        {
            assert!(s.wikidata.is_some(), "{}", s.id);
        }
        assert!(!s.sources.is_empty());
    }
    let kzk = kg.state("KAZ").unwrap();
    assert_eq!(kzk.cow_abbrev.as_deref(), Some("KZK"));
    assert_eq!(kg.state("MNG").unwrap().cow_abbrev.as_deref(), Some("MON"));
    for span in kg.spans() {
        for src in span.sources.iter() {
            assert!(kg.source(src.as_str()).is_some(), "{src}");
        }
    }
}

#[test]
fn every_state_that_ever_held_a_status_is_counted_once() {
    let kg = KnowledgeGraph::bundled();
    let mut ever: std::collections::BTreeMap<
        Status,
        std::collections::BTreeSet<String>,
    > = Default::default();
    for span in kg.spans().into_iter().filter(|s| s.organization == "SCO") {
        let status = match span.status {
            // The issue counts dialogue partners and partners together.
            Status::PARTNER => Status::DIALOGUE_PARTNER,
            s => s,
        };
        ever.entry(status).or_default().insert(span.state.to_string());
    }
    assert_eq!(ever[&Status::MEMBER].len(), 10);
    assert_eq!(ever[&Status::OBSERVER].len(), 6);
    // 16 dialogue partners and partners, plus Afghanistan and Mongolia who
    // became partners as former observers.
    let dp: Vec<&String> = ever[&Status::DIALOGUE_PARTNER]
        .iter()
        .filter(|s| !["AFG", "MNG"].contains(&s.as_str()))
        .collect();
    assert_eq!(dp.len(), 16);
}

#[test]
fn query_errors_are_clear() {
    let kg = KnowledgeGraph::bundled();
    let e =
        kg.snapshot("SCOO", d("2024-01-01"), Basis::Effective).unwrap_err();
    assert!(e.to_string().contains("did you mean `SCO`?"), "{e}");
    let e = kg.snapshot("SCO", d("2024-01"), Basis::Effective).unwrap_err();
    assert!(e.to_string().contains("is not a day"), "{e}");
    let e = kg.history("Indai").unwrap_err();
    assert!(e.to_string().contains("did you mean `India`?"), "{e}");
    assert_eq!(kg.resolve_state("türkiye").unwrap().id, "TUR");
    assert_eq!(kg.resolve_state("pk").unwrap().id, "PAK");
}

#[test]
fn the_bundled_graph_is_the_data_folder() {
    // `bundled()` is built from data/ by build.rs; loading the folder at
    // run time must give the same graph.
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/data");
    assert!(KnowledgeGraph::load(dir).unwrap() == KnowledgeGraph::bundled());
}

#[test]
fn the_petgraph_graph_holds_the_sources_and_what_cites_them() {
    use igo_graph::petgraph::visit::{EdgeRef, IntoEdgeReferences};
    use igo_graph::{Edge, Node};
    // The bundled sources are decoded when first asked for: the graph of
    // `graph()` must still hold each of them once, and an edge from every
    // state and organisation to each source it cites, as a folder does.
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/data");
    let cites = |kg: &KnowledgeGraph| {
        let g = kg.graph();
        let mut v: Vec<(String, String)> = g
            .edge_references()
            .filter(|e| matches!(e.weight(), Edge::CitedIn))
            .map(|e| {
                let from = match &g[e.source()] {
                    Node::State(s) => s.id.to_string(),
                    Node::Organization(o) => o.id.to_string(),
                    other => panic!("a citation from {other:?}"),
                };
                let Node::Source(s) = &g[e.target()] else {
                    panic!("a citation of a node that is not a source")
                };
                (from, s.id.to_string())
            })
            .collect();
        v.sort();
        v
    };
    let bundled = KnowledgeGraph::bundled();
    let loaded = KnowledgeGraph::load(dir).unwrap();
    let sources = |kg: &KnowledgeGraph| {
        kg.graph()
            .node_weights()
            .filter(|n| matches!(n, Node::Source(_)))
            .count()
    };
    assert_eq!(sources(&bundled), bundled.sources().count());
    assert_eq!(sources(&bundled), sources(&loaded));
    let expected: usize = bundled
        .states()
        .map(|s| s.sources.len())
        .chain(bundled.organizations().map(|o| o.sources.len()))
        .sum();
    let found = cites(&bundled);
    assert_eq!(found.len(), expected);
    assert!(found.contains(&(
        "IND".into(),
        bundled.state("IND").unwrap().sources[0].to_string()
    )));
    assert_eq!(found, cites(&loaded));
    // The second call returns the same graph, not a new one.
    assert!(std::ptr::eq(bundled.graph(), bundled.graph()));
}

/// A small data set of one organisation (dissolved or not) and the
/// transitions of state AAA, for the one rule's edge cases.
fn one_state(org_extra: &str, transitions: &str) -> KnowledgeGraph {
    KnowledgeGraph::from_texts(vec![
        (
            "states.yaml".to_string(),
            "- id: AAA\n  iso2: AA\n  name: A\n  sources: [s1]\n".to_string(),
        ),
        (
            "sources.yaml".into(),
            "- id: s1\n  title: t\n  url: https://example.org/1\n\
             - id: s2\n  title: u\n  url: https://example.org/2\n"
                .into(),
        ),
        (
            "org/organization.yaml".into(),
            format!(
                "- id: ORG\n  name: Org\n  short_name: ORG\n  founded: 2001-06-15\n  sources: [s1]\n{org_extra}"
            ),
        ),
        (
            "org/statuses.yaml".into(),
            format!("- state: AAA\n  transitions:\n{transitions}"),
        ),
    ])
    .expect("valid data")
}

fn possible(kg: &KnowledgeGraph, day: &str, basis: Basis) -> Vec<String> {
    let s = kg.standing("ORG", "AAA", d(day), basis).unwrap();
    s.status.possible().iter().map(|s| s.to_string()).collect()
}

#[test]
fn missing_data_certainly_in_force_lists_statuses_not_unknown() {
    let kg = one_state(
        "",
        "    - {status: member, date: 2002-01-01, sources: [s1]}\n\
         \x20   - {status: unknown, date: 2003-01-01, sources: [s1]}\n",
    );
    let p = possible(&kg, "2003-06-01", Basis::Effective);
    assert!(!p.contains(&"unknown".to_string()), "{p:?}");
    assert_eq!(p.iter().filter(|s| *s == "none").count(), 1);
    let s = kg.standing("ORG", "AAA", d("2003-06-01"), Basis::Effective);
    assert_eq!(s.unwrap().reason, Some(igo_graph::Reason::Missing));
}

#[test]
fn a_chain_of_disputes_keeps_every_status_before_it_possible() {
    let kg = one_state(
        "",
        "    - {status: observer, date: 2002-01-01, sources: [s1]}\n\
         \x20   - {status: member, date: 2003-01-01, sources: [s1], disputed: {against: [s2]}}\n\
         \x20   - {status: none, date: 2004-01-01, sources: [s1], disputed: {against: [s2]}}\n",
    );
    // If both disputes go the other way, it is still an observer.
    assert_eq!(
        possible(&kg, "2004-06-01", Basis::Effective),
        ["member", "observer", "none"]
    );
    assert_eq!(
        possible(&kg, "2003-06-01", Basis::Effective),
        ["member", "observer"]
    );
}

#[test]
fn a_decision_not_yet_begun_is_not_possible() {
    // Decided in October 2024, then (a later step) decided "in 2024": on
    // 30 September only the year-only decision may have been taken.
    let kg = one_state(
        "",
        "    - {status: observer, decided: 2024-10, effective: 2025-01-01, sources: [s1]}\n\
         \x20   - {status: member, decided: 2024, effective: 2025-01-06, sources: [s1]}\n",
    );
    assert_eq!(
        possible(&kg, "2024-09-30", Basis::Decided),
        ["member", "none"]
    );
}
