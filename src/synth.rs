//! Synthetic data sets in the project's own format, for benchmarks and
//! scale tests: states, organisations, sources and status histories with a
//! realistic mix of day, month and year precision and of decision and
//! effective dates. Deterministic for a seed.
//!
//! # Example
//!
//! ```
//! use igo_graph::KnowledgeGraph;
//! use igo_graph::synth::{Spec, generate};
//!
//! let files = generate(&Spec { transitions: 2_000, ..Spec::default() });
//! let kg = KnowledgeGraph::from_texts(files)?;
//! assert!(kg.organizations().count() > 1);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use crate::export::yaml::document;
use crate::load::schema::{self, Located, Plain};

/// What to generate.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Spec {
    /// About how many status transitions in all.
    pub transitions: usize,
    /// How many organisations (0: one per ~500 transitions).
    pub organizations: usize,
    /// How many states (at most 676, each with its own alpha-2 code).
    pub states: usize,
    /// Seed of the pseudo-random choices.
    pub seed: u64,
}

impl Default for Spec {
    fn default() -> Spec {
        Spec { transitions: 10_000, organizations: 0, states: 217, seed: 1 }
    }
}

/// SplitMix64: small, fast and good enough to vary synthetic data.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }
}

fn code(i: usize) -> String {
    let b = |n: usize| (b'A' + (n % 26) as u8) as char;
    format!("{}{}{}", b(i / 676), b(i / 26), b(i))
}

const STATUSES: [&str; 4] =
    ["member", "observer", "dialogue_partner", "partner"];

fn text(s: impl Into<String>) -> Located<String> {
    Located::new(s.into())
}

fn plain(s: impl Into<String>) -> Located<Plain> {
    Located::new(Plain(s.into()))
}

fn cite(i: impl std::fmt::Display) -> schema::Cites {
    Located::new(vec![text(format!("src-{i}"))])
}

/// The files of a data folder: `(path, text)`, written in the data format
/// of `igo export yaml`.
pub fn generate(spec: &Spec) -> Vec<(String, String)> {
    let mut rng = Rng(spec.seed ^ 0x5EED);
    let n_states = spec.states.clamp(1, 676);
    let n_orgs = if spec.organizations == 0 {
        spec.transitions.div_ceil(500).max(1)
    } else {
        spec.organizations
    };
    let n_sources = 50.max(spec.transitions / 200);
    let states = (0..n_states).map(|i| {
        let c = code(i);
        schema::State {
            id: text(c.as_str()),
            iso2: Some(text(&c[1..])),
            name: text(format!("State {c}")),
            official_name: None,
            aliases: Vec::new(),
            cow_code: Some(Located::new(schema::Whole(100 + i as u16))),
            cow_abbrev: None,
            wikidata: None,
            sources: cite(i % n_sources),
            note: None,
            gw_code: None,
            gw_abbrev: None,
            lifetimes: Vec::new(),
            names: Vec::new(),
            successions: Vec::new(),
        }
    });
    let sources = (0..n_sources).map(|i| schema::Source {
        id: text(format!("src-{i}")),
        title: text(format!("Synthetic source {i}")),
        url: text(format!("https://example.org/source/{i}")),
        publisher: None,
        published: Some(plain((2000 + (i % 25)).to_string())),
        quote: None,
        note: None,
    });
    let mut files = vec![
        ("states.yaml".to_string(), document(states)),
        ("sources.yaml".to_string(), document(sources)),
    ];
    let per_org = spec.transitions.div_ceil(n_orgs).max(1);
    for o in 0..n_orgs {
        let id = format!("ORG{o}");
        let founded = 1950 + rng.below(40) as u32;
        let org = schema::Organization {
            id: text(id.as_str()),
            name: text(format!("Organisation {o}")),
            short_name: text(id.as_str()),
            other_names: Vec::new(),
            founded: plain(format!("{founded}-01-01")),
            dissolved: None,
            headquarters: None,
            wikidata: None,
            predecessor: None,
            successor: None,
            cow_column: None,
            cow_ionum: None,
            sources: cite(o % n_sources),
            note: None,
            reviewed: None,
            names: Vec::new(),
            statuses: Vec::new(),
            offices: Vec::new(),
            coverage: None,
            summit_body: None,
            chair_title: None,
        };
        files.push((format!("org{o}/organization.yaml"), document([org])));
        let histories =
            histories(&mut rng, founded, per_org, n_states, n_sources);
        files.push((format!("org{o}/statuses.yaml"), document(histories)));
    }
    files
}

/// About `per_org` transitions of one organisation founded in `founded`.
fn histories(
    rng: &mut Rng,
    founded: u32,
    per_org: usize,
    n_states: usize,
    n_sources: usize,
) -> Vec<schema::History> {
    let mut out = Vec::new();
    let mut written = 0;
    let start = rng.below(n_states as u64) as usize;
    let mut visited = 0;
    while written < per_org && visited < n_states {
        // Each state at most once per organisation; a history of a few
        // transitions, a year or more apart so that imprecise dates never
        // overlap.
        let s = (start + visited) % n_states;
        visited += 1 + rng.below(2) as usize;
        let n = (1 + rng.below(8) as usize).min(per_org - written);
        let mut year = founded + 1 + rng.below(10) as u32;
        let mut last = usize::MAX;
        let mut transitions = Vec::with_capacity(n);
        for k in 0..n {
            let mut st = rng.below(4) as usize;
            if st == last {
                st = (st + 1) % 4;
            }
            // Now and then a state leaves.
            let status = if k > 0 && rng.below(12) == 0 && last != usize::MAX {
                st = usize::MAX;
                "none"
            } else {
                STATUSES[st]
            };
            let (m, d) = (1 + rng.below(12) as u32, 1 + rng.below(28) as u32);
            let date = match rng.below(10) {
                0 => format!("{year}"),
                1 | 2 => format!("{year}-{m:02}"),
                _ => format!("{year}-{m:02}-{d:02}"),
            };
            let src = rng.below(n_sources as u64);
            let mut t = schema::Transition {
                status: plain(status),
                date: None,
                decided: None,
                effective: None,
                sources: cite(src),
                note: None,
                summit: None,
                disputed: None,
            };
            if date.len() == 10 && rng.below(5) == 0 {
                // Decided, then in effect some days later.
                let d2 = (d + 1 + rng.below(20) as u32).min(28);
                let pending = k + 1 == n && rng.below(20) == 0;
                t.decided = Some(plain(date));
                if !pending {
                    t.effective =
                        Some(plain(format!("{year}-{m:02}-{d2:02}")));
                }
            } else {
                t.date = Some(plain(date));
            }
            transitions.push(Located::new(t));
            last = st;
            year += 1 + rng.below(3) as u32;
        }
        written += n;
        out.push(schema::History {
            state: text(code(s)),
            organization: None,
            transitions: Located::new(transitions),
            note: None,
        });
    }
    out
}
