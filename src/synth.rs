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
use crate::load::{self, LoadOptions};
use crate::{Error, KnowledgeGraph, bundle};

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
    /// Whether to write, beside the histories, what the world's record
    /// holds: states with several names, codes, notes and sources (as
    /// many texts as their lifetimes, codes and dated names), notes on
    /// some transitions, and each organisation's summits and events.
    pub rich: bool,
}

impl Default for Spec {
    fn default() -> Spec {
        Spec {
            transitions: 10_000,
            organizations: 0,
            states: 217,
            seed: 1,
            rich: false,
        }
    }
}

impl Spec {
    /// The size the world's record will have: 250 states and 25
    /// organisations, each with the histories of 100 to 190 states
    /// (15,000 transitions in all), summits and events, all
    /// [`rich`](Spec::rich).
    ///
    /// # Example
    ///
    /// ```
    /// use igo_graph::KnowledgeGraph;
    /// use igo_graph::synth::{Spec, generate};
    ///
    /// let kg = KnowledgeGraph::from_texts(generate(&Spec::world()))?;
    /// assert_eq!(kg.states().count(), 250);
    /// assert_eq!(kg.organizations().count(), 25);
    /// assert!(!kg.summits("ORG0").is_empty());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn world() -> Spec {
        Spec {
            transitions: 15_000,
            organizations: 25,
            states: 250,
            seed: 1,
            rich: true,
        }
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
    // The world's record cites a source for every few facts.
    let per_source = if spec.rich { 3 } else { 200 };
    let n_sources = 50.max(spec.transitions / per_source);
    let states = (0..n_states).map(|i| {
        let c = code(i);
        let mut state = schema::State {
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
        };
        if spec.rich {
            enrich(&mut state, i, n_sources);
        }
        state
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
            cow_earlier: Vec::new(),
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
            organization_members: Vec::new(),
        };
        files.push((format!("org{o}/organization.yaml"), document([org])));
        let mut histories =
            histories(&mut rng, founded, per_org, n_states, n_sources);
        if spec.rich {
            for (k, h) in histories.iter_mut().enumerate() {
                annotate(h, k);
            }
            let (summits, events) =
                institutions(&mut rng, o, founded, n_states);
            files.push((format!("org{o}/summits.yaml"), document(summits)));
            files.push((format!("org{o}/events.yaml"), document(events)));
        }
        files.push((format!("org{o}/statuses.yaml"), document(histories)));
    }
    files
}

/// A state as the world's data describes one: names, codes, a note and
/// several sources.
fn enrich(state: &mut schema::State, i: usize, n_sources: usize) {
    let c = state.id.value.clone();
    state.official_name =
        Some(schema::Text(format!("The Synthetic Republic of {c}")));
    state.aliases =
        (1..=5).map(|k| text(format!("{c} under its name {k}"))).collect();
    state.cow_abbrev = Some(text(c.as_str()));
    state.wikidata = Some(text(format!("Q{}", 1_000 + i)));
    state.sources = Located::new(
        (0..5).map(|k| text(format!("src-{}", (i + k) % n_sources))).collect(),
    );
    state.note = Some(schema::Text(format!(
        "State {c} was independent from its first day in the synthetic \
         record; its names changed five times, each dated and sourced."
    )));
    // A life in both lists, a code that changed, an earlier name, as the
    // world's states have.
    let plain = |s: &str| Located::new(schema::Plain(s.to_string()));
    let life =
        |list: &str, from: &str, to: Option<&str>, code: Option<u16>| {
            Located::new(schema::Lifetime {
                list: plain(list),
                from: plain(from),
                to: to.map(plain),
                code: code.map(|c| Located::new(schema::Whole(c))),
                abbrev: None,
                sources: None,
                note: None,
            })
        };
    state.gw_code = Some(Located::new(schema::Whole(100 + i as u16)));
    state.gw_abbrev = Some(text(c.as_str()));
    state.lifetimes = vec![
        life("cow", "1816-01-01", Some("1899-12-31"), Some(5000 + i as u16)),
        life("cow", "1900-01-01", None, None),
        life("gw", "1816-01-01", None, None),
    ];
    state.names = vec![Located::new(schema::DatedName {
        name: text(format!("Old {c}")),
        from: plain("1816-01-01"),
        until: Some(plain("1900-01-01")),
        sources: cite(i % n_sources),
    })];
}

/// A note on one history in four, as the real data has on some.
fn annotate(h: &mut schema::History, k: usize) {
    if k.is_multiple_of(4)
        && let Some(t) = h.transitions.value.first_mut()
    {
        t.value.note = Some(schema::Text(format!(
            "The sources give this day for the deposit of the instrument \
             of accession ({k}); the decision was announced earlier."
        )));
    }
}

/// An organisation's summits (one every two years from its founding to
/// 2024) and one event each.
fn institutions(
    rng: &mut Rng,
    o: usize,
    founded: u32,
    n_states: usize,
) -> (Vec<schema::Summit>, Vec<schema::Event>) {
    let (mut summits, mut events) = (Vec::new(), Vec::new());
    for (k, year) in (founded + 1..=2024).step_by(2).enumerate() {
        let id = format!("org{o}-{year}");
        let day = format!("{year}-{:02}-{:02}", 1 + k % 12, 1 + k % 28);
        // A source published in or after the summit's year.
        let src = if year < 2000 { 0 } else { year as usize - 2000 };
        summits.push(schema::Summit {
            id: text(id.as_str()),
            organization: None,
            ordinal: Some(schema::Whole(k as u32 + 1)),
            start: Some(plain(day.as_str())),
            end: Some(plain(day.as_str())),
            council: None,
            city: Some(text(format!("City {}", rng.below(500)))),
            host: text(code(rng.below(n_states as u64) as usize)),
            format: Some(plain("in_person")),
            status: plain("held"),
            sources: cite(src),
            note: Some(schema::Text(format!(
                "Summit {} of organisation {o}: the heads of state met for \
                 one day and signed a declaration; the sources agree on \
                 the day and the city.",
                k + 1
            ))),
            evidence: None,
        });
        events.push(schema::Event {
            id: text(format!("{id}-declaration")),
            organization: None,
            kind: plain("other"),
            title: text(format!("Declaration of the {} summit", k + 1)),
            date: plain(day.as_str()),
            place: None,
            sources: cite(src),
            note: None,
        });
    }
    (summits, events)
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
                evidence: None,
                alternatives: Vec::new(),
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

/// A data set in the compact form `build.rs` gives the bundled data, to
/// measure what [`KnowledgeGraph::bundled`] costs with other data (the
/// world's size: [`Spec::world`]) without building the crate again.
///
/// # Example
///
/// ```
/// use igo_graph::synth::{Bundle, Spec, generate};
///
/// let bundle = Bundle::new(generate(&Spec { transitions: 2_000, ..Spec::default() }))?;
/// let kg = bundle.open();
/// assert!(kg == igo_graph::KnowledgeGraph::from_texts(generate(&Spec {
///     transitions: 2_000,
///     ..Spec::default()
/// }))?);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Copy, Debug)]
pub struct Bundle {
    bytes: &'static [u8],
}

impl Bundle {
    /// Loads and validates `files` (as [`KnowledgeGraph::from_texts`])
    /// and encodes the data set as `build.rs` encodes `data/`. The bytes
    /// live until the program ends, as the bundled data's do: make few.
    ///
    /// # Errors
    ///
    /// The data set's problems, as [`KnowledgeGraph::from_texts`] reports
    /// them.
    pub fn new(files: Vec<(String, String)>) -> Result<Bundle, Error> {
        let data = load::load(load::Input::Texts(files), &LoadOptions::new())?;
        let bytes = bundle::encode(data).expect("the model serializes");
        Ok(Bundle { bytes: Box::leak(bytes.into_boxed_slice()) })
    }

    /// The graph of the bundle, made as [`KnowledgeGraph::bundled`] makes
    /// the compiled-in one's.
    pub fn open(&self) -> KnowledgeGraph {
        KnowledgeGraph::from_bundle(self.bytes)
    }

    /// The bundle's size in bytes.
    pub fn len(&self) -> usize {
        self.bytes.len()
    }

    /// Whether the bundle holds no bytes (never: even an empty data set
    /// has its tables).
    pub fn is_empty(&self) -> bool {
        self.bytes.is_empty()
    }
}
