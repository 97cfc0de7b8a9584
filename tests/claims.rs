//! Counts that officials published on a given day, each from a source in
//! `data/sources.yaml`. The data holds transitions, never counts: these
//! tests check that the counts computed from the transitions agree with
//! what was said, and under which basis.

use igo_graph::{Basis, KnowledgeGraph, Status};

struct Claim {
    date: &'static str,
    basis: Basis,
    /// Statuses counted together by the speaker.
    counted: &'static [Status],
    count: usize,
    source: &'static str,
}

const CLAIMS: &[Claim] = &[
    // "a big family of 26 member states, observers and dialogue partners"
    Claim {
        date: "2024-02-22",
        basis: Basis::Effective,
        counted: &Status::HELD,
        count: 26,
        source: "xinhua-2024-02-22-sco-secretariat-20th-family-of-26",
    },
    Claim {
        date: "2023-12-14",
        basis: Basis::Effective,
        counted: &Status::HELD,
        count: 26,
        source: "sectsco-2023-12-14-sg-interview-family-26",
    },
    // India's Foreign Secretary on the New Delhi summit day counted Bahrain,
    // whose memorandum followed on 2023-07-15: a count by decision.
    Claim {
        date: "2023-07-04",
        basis: Basis::Decided,
        counted: &[Status::DIALOGUE_PARTNER],
        count: 14,
        source: "devdiscourse-2023-07-04-kwatra-14-dp-3-observers",
    },
    Claim {
        date: "2023-07-04",
        basis: Basis::Decided,
        counted: &[Status::OBSERVER],
        count: 3,
        source: "devdiscourse-2023-07-04-kwatra-14-dp-3-observers",
    },
    // The eve of Tianjin: "16 more nations affiliated as observers or
    // dialogue partners".
    Claim {
        date: "2025-08-31",
        basis: Basis::Effective,
        counted: &[Status::OBSERVER, Status::DIALOGUE_PARTNER],
        count: 16,
        source: "plenglish-2025-08-31-16-observers-dialogue-partners",
    },
];

#[test]
fn official_counts_match_the_transitions() {
    let kg = KnowledgeGraph::bundled();
    for c in CLAIMS {
        assert!(
            kg.source(c.source).is_some(),
            "{} is in sources.yaml",
            c.source
        );
        let snap =
            kg.snapshot("SCO", c.date.parse().unwrap(), c.basis).unwrap();
        let n: usize =
            c.counted.iter().map(|s| snap.with_status(*s).len()).sum();
        assert_eq!(n, c.count, "{} on {} ({})", c.source, c.date, c.basis);
        assert!(snap.uncertain.is_empty());
    }
}

#[test]
fn after_tianjin_the_family_counts_27_by_decision() {
    // Wang Yi, 2025-09-01: Laos welcomed as a partner, a family of 27. Laos's
    // memorandum was not yet signed, so by effective date it is 26.
    let kg = KnowledgeGraph::bundled();
    assert!(kg.source("tass-2025-09-01-wang-yi-27-like-minded-ru").is_some());
    let day = "2025-09-01".parse().unwrap();
    let dec = kg.snapshot("SCO", day, Basis::Decided).unwrap();
    let eff = kg.snapshot("SCO", day, Basis::Effective).unwrap();
    assert_eq!((dec.members.len(), dec.partners.len()), (10, 17));
    assert_eq!(dec.family_size, 27);
    assert_eq!(eff.family_size, 26);
    assert!(dec.observers.is_empty() && dec.dialogue_partners.is_empty());
}
