//! [`KnowledgeGraph`]: every state, organisation and source by id, each
//! organisation with its own facts (histories, spans, summits, chairs,
//! offices, events and counts, see [`facts`]); [`build`] makes it from a
//! validated data set or the bundle, whose parts stay encoded until first
//! asked for ([`slot`]); [`full`] makes the petgraph graph of everything.

mod build;
mod facts;
mod full;
mod open;
mod resolve;
pub use resolve::SearchTerm;
mod slot;

use std::collections::BTreeMap;
use std::sync::{Arc, OnceLock};

use petgraph::stable_graph::StableDiGraph;

use self::facts::{OrgFacts, OrgIndex};
use self::slot::Slot;
use crate::bundle::Table;
use crate::error::{Diagnostic, DiagnosticKind, Error};
use crate::model::{
    ChairTerm, Claim, Event, OfficeTerm, Organization, OrganizationId,
    PersonId, Source, SourceId, Span, State, StateId, Summit, Transition,
};

/// A node of the graph.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum Node {
    /// An intergovernmental organisation.
    Organization(Organization),
    /// A state.
    State(State),
    /// A source document.
    Source(Source),
    /// A person who held an office.
    Person(Person),
    /// A meeting of heads of state.
    Summit(Summit),
    /// A city where summits met.
    Place(Place),
    /// A dated event (founding act, institution).
    Event(Event),
}

/// A person in the graph (built from the office terms).
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct Person {
    /// Identifier, e.g. `zhang-ming`.
    pub id: PersonId,
    /// Name.
    pub name: String,
    /// Other spellings.
    pub other_names: Vec<String>,
    /// Nationality.
    pub nationality: StateId,
}

/// A city.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct Place {
    /// Its English name.
    pub name: String,
}

/// An edge of the graph.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum Edge {
    /// State -> organisation: a status held over a span of time.
    Status(Span),
    /// Organisation -> organisation: the first was superseded by the second
    /// (the Shanghai Five by the SCO).
    SucceededBy,
    /// Organisation or state -> source: the source supports the node's own
    /// facts (founding date, identifiers). Status spans name their sources
    /// in [`Span::sources`].
    CitedIn,
    /// State -> organisation: a term of the rotating chairmanship.
    Chair(Box<ChairTerm>),
    /// State -> summit: the state hosted the summit.
    Hosted,
    /// Summit -> organisation: a meeting of the organisation's Council.
    MeetingOf,
    /// Summit -> place: where it met.
    HeldIn,
    /// Person -> organisation: a term in an office.
    HeldOffice(Box<OfficeTerm>),
    /// Person -> state: nationality.
    Nationality,
    /// Event -> organisation.
    EventOf,
}

/// The membership history of intergovernmental organisations as a graph.
///
/// Nodes are organisations, states and sources; each status a state held in
/// an organisation is a [`Edge::Status`] edge from the state to the
/// organisation, carrying its [`Span`]. A state that changed status has
/// several parallel edges, one per span. Each fact is kept once, with its
/// state, organisation or source; [`KnowledgeGraph::graph`] makes the
/// petgraph graph of them when first asked for. The bundled data decodes
/// a state, an organisation's facts or the sources when a question first
/// needs them.
///
/// # Example
///
/// ```
/// use igo_graph::KnowledgeGraph;
///
/// let kg = KnowledgeGraph::bundled();
/// let india = kg.state("IND").expect("India is in the data");
/// assert_eq!(india.name, "India");
/// assert_eq!(kg.organization("SCO").unwrap().founded.to_string(), "2001-06-15");
/// ```
#[derive(Clone)]
pub struct KnowledgeGraph {
    /// Every state, by id.
    states: BTreeMap<StateId, Slot<State>>,
    /// Every organisation, by id, with its own facts.
    organizations: BTreeMap<OrganizationId, Member>,
    /// Every source, by id: for the bundled data, decoded when first
    /// asked for (they are half the bundled bytes, and `igo at`, which
    /// names none, never reads them).
    sources: Slot<BTreeMap<SourceId, Source>>,
    /// The tables of the bundle whose sections the slots not made yet
    /// hold: `None` for data read from files, whose slots are all made.
    bundle: Option<Arc<Table>>,
    /// The petgraph graph of everything, made by the first call of
    /// [`KnowledgeGraph::graph`].
    full: OnceLock<StableDiGraph<Node, Edge>>,
}

/// An organisation and its own facts.
#[derive(Clone)]
struct Member {
    organization: Slot<Organization>,
    facts: Slot<OrgFacts>,
}

/// Why a bundle cannot fail to decode.
const WRITTEN: &str = "the bundle was written with this crate's types";

impl KnowledgeGraph {
    /// A section of the bundle, decoded.
    fn decode<T: serde::Deserialize<'static>>(
        &self,
        bytes: &'static [u8],
    ) -> T {
        let table =
            self.bundle.as_ref().expect("a slot not made is a bundle's");
        table.decode(bytes).expect(WRITTEN)
    }

    /// The facts of `organization` (built by this call if they are still
    /// encoded), or `None` for an unknown organisation.
    pub(crate) fn facts(&self, organization: &str) -> Option<&OrgFacts> {
        self.organizations.get(organization).map(|m| self.facts_of(m))
    }

    /// The organisation of `m`.
    fn organization_of<'a>(&'a self, m: &'a Member) -> &'a Organization {
        m.organization.get(|b| self.decode(b))
    }

    /// The facts of `m`'s organisation.
    fn facts_of<'a>(&'a self, m: &'a Member) -> &'a OrgFacts {
        let org = self.organization_of(m);
        m.facts.get(|b| OrgFacts::new(org, self.decode(b)))
    }

    /// Every source, by id.
    fn source_table(&self) -> &BTreeMap<SourceId, Source> {
        self.sources.get(|bytes| {
            // Written plainly, ids as text.
            let sources: Vec<Source> =
                postcard::from_bytes(bytes).expect(WRITTEN);
            sources.into_iter().map(|s| (s.id.clone(), s)).collect()
        })
    }

    /// Every organisation with its facts, sorted by id: every part built.
    fn every_part(&self) -> impl Iterator<Item = (&Organization, &OrgFacts)> {
        self.organizations
            .values()
            .map(|m| (self.organization_of(m), self.facts_of(m)))
    }

    /// The note on `state`'s whole status history in `organization`, if
    /// any.
    pub fn history_note(
        &self,
        organization: &str,
        state: &str,
    ) -> Option<&str> {
        self.facts(organization)?.notes.get(state).map(String::as_str)
    }

    /// The summit with id `id` (e.g. `sco-2024-astana`).
    pub fn summit(&self, id: &str) -> Option<&Summit> {
        fn find<'a>(f: &'a OrgFacts, id: &str) -> Option<&'a Summit> {
            f.summits.iter().find(|s| s.id.as_str() == id)
        }
        // The parts built already first (a chair's summit is its own
        // organisation's): the answer is the same, found without building
        // the others.
        let built = self.organizations.values().filter_map(|m| m.facts.made());
        built
            .filter_map(|f| find(f, id))
            .next()
            .or_else(|| self.every_part().find_map(|(_, f)| find(f, id)))
    }

    /// The summits of `organization`, oldest first (planned ones with
    /// unknown dates last).
    pub fn summits(&self, organization: &str) -> Vec<&Summit> {
        self.facts(organization)
            .map_or(Vec::new(), |f| f.summits.iter().collect())
    }

    /// The chair terms of `organization`, oldest first.
    pub fn chairs(&self, organization: &str) -> Vec<&ChairTerm> {
        self.facts(organization)
            .map_or(Vec::new(), |f| f.chairs.iter().collect())
    }

    /// The office terms of `organization`, oldest first.
    pub fn officials(&self, organization: &str) -> Vec<&OfficeTerm> {
        self.facts(organization)
            .map_or(Vec::new(), |f| f.offices.iter().collect())
    }

    /// The counts sources published about `organization`, oldest first.
    pub fn claims(&self, organization: &str) -> &[Claim] {
        self.facts(organization).map_or(&[], |f| f.claims.as_slice())
    }

    /// The events of `organization`, oldest first.
    pub fn events(&self, organization: &str) -> Vec<&Event> {
        self.facts(organization)
            .map_or(Vec::new(), |f| f.events.iter().collect())
    }

    /// The underlying petgraph graph, for users who want its algorithms.
    ///
    /// Node and edge weights are [`Node`] and [`Edge`]. Iteration order of
    /// petgraph is an implementation detail: sort before printing.
    ///
    /// The queries read each organisation's facts where they are kept, and
    /// need no petgraph graph: it is made by the first call of this method
    /// (every fact is copied into it once; for the bundled data, with the
    /// sources, about 1,500 nodes) and kept; later calls return it at
    /// once.
    ///
    /// # Example
    ///
    /// ```
    /// use igo_graph::{Edge, KnowledgeGraph};
    ///
    /// let kg = KnowledgeGraph::bundled();
    /// let spans = kg
    ///     .graph()
    ///     .edge_weights()
    ///     .filter(|e| matches!(e, Edge::Status(_)))
    ///     .count();
    /// assert!(spans > 27);
    /// ```
    pub fn graph(&self) -> &StableDiGraph<Node, Edge> {
        self.full.get_or_init(|| self.full())
    }

    /// The state with ISO alpha-3 code `id`.
    pub fn state(&self, id: &str) -> Option<&State> {
        Some(self.states.get(id)?.get(|b| self.decode(b)))
    }

    /// Every state, sorted by id.
    pub fn states(&self) -> impl Iterator<Item = &State> {
        self.states.values().map(|s| s.get(|b| self.decode(b)))
    }

    /// The organisation with id `id` (e.g. `SCO`).
    pub fn organization(&self, id: &str) -> Option<&Organization> {
        self.organizations.get(id).map(|m| self.organization_of(m))
    }

    /// Every organisation, sorted by id.
    pub fn organizations(&self) -> impl Iterator<Item = &Organization> {
        self.organizations.values().map(|m| self.organization_of(m))
    }

    /// The source with id `id`.
    pub fn source(&self, id: &str) -> Option<&Source> {
        self.source_table().get(id)
    }

    /// Every source, sorted by id.
    pub fn sources(&self) -> impl Iterator<Item = &Source> {
        self.source_table().values()
    }

    /// Every status span, sorted by organisation, state and start.
    pub fn spans(&self) -> Vec<&Span> {
        self.every_part().flat_map(|(_, f)| &f.spans).collect()
    }

    /// The status spans of `organization`, sorted by state and start.
    pub fn spans_of(&self, organization: &str) -> Vec<&Span> {
        self.facts(organization)
            .map_or(Vec::new(), |f| f.spans.iter().collect())
    }

    /// The organisations in which `state` held (or was decided to hold) a
    /// status, sorted by id.
    pub(crate) fn organizations_of(&self, state: &str) -> Vec<&Organization> {
        self.every_part()
            .filter(|(_, f)| f.has_spans_of(state))
            .map(|(o, _)| o)
            .collect()
    }

    /// The transitions of `state` in `organization`, in order (empty when
    /// the state never held a status there).
    pub fn transitions(
        &self,
        organization: &str,
        state: &str,
    ) -> &[Transition] {
        self.facts(organization)
            .and_then(|f| f.histories.get(state))
            .map_or(&[], Vec::as_slice)
    }

    /// How many status transitions the graph holds, in all organisations.
    ///
    /// # Example
    ///
    /// ```
    /// let kg = igo_graph::KnowledgeGraph::bundled();
    /// assert!(kg.transition_count() > 50);
    /// ```
    pub fn transition_count(&self) -> usize {
        self.every_part()
            .flat_map(|(_, f)| f.histories.values())
            .map(Vec::len)
            .sum()
    }

    /// The histories of `organization`, by state.
    pub(crate) fn histories_of(
        &self,
        organization: &str,
    ) -> Option<&BTreeMap<StateId, Vec<Transition>>> {
        self.facts(organization).map(|f| &f.histories)
    }

    /// The interval index of `organization`'s spans.
    pub(crate) fn org_index(&self, organization: &str) -> Option<&OrgIndex> {
        self.facts(organization).map(|f| &f.index)
    }

    /// Per state (sorted by id), its transitions in `organization`.
    pub(crate) fn affiliations_of(
        &self,
        organization: &str,
    ) -> impl Iterator<Item = (&StateId, &Vec<Transition>)> {
        self.histories_of(organization).into_iter().flatten()
    }

    /// The organisation `id`, or a query error naming the known ones.
    ///
    /// # Errors
    ///
    /// When no organisation has that id (matched without regard to case).
    pub fn resolve_organization(
        &self,
        id: &str,
    ) -> Result<&Organization, Error> {
        // The exact id first: a lookup, not a scan of every organisation.
        if let Some(o) = self.organization(id) {
            return Ok(o);
        }
        if let Some(o) = self.organizations().find(|o| {
            o.id.as_str().eq_ignore_ascii_case(id)
                || o.short_name.eq_ignore_ascii_case(id)
        }) {
            return Ok(o);
        }
        let known: Vec<&str> =
            self.organizations.keys().map(|k| k.as_str()).collect();
        let d = Diagnostic::new(
            DiagnosticKind::Query,
            format!("unknown organisation `{id}`"),
        )
        .suggest(id, known.iter().copied(), known_list(id, &known));
        Err(Error::one(d))
    }
}

/// Two graphs are equal when they hold the same facts: states, sources,
/// organisations, status histories (and so spans), summits, chairs,
/// office terms, events and notes. Node indices do not matter.
impl PartialEq for KnowledgeGraph {
    fn eq(&self, other: &KnowledgeGraph) -> bool {
        self.states().eq(other.states())
            && self.sources().eq(other.sources())
            && self.organizations().eq(other.organizations())
            && self.every_part().zip(other.every_part()).all(
                |((_, a), (_, b))| {
                    a.histories == b.histories
                        && a.notes == b.notes
                        && a.summits == b.summits
                        && a.chairs == b.chairs
                        && a.offices == b.offices
                        && a.events == b.events
                        && a.claims == b.claims
                },
            )
    }
}

/// The states, organisations, sources and each organisation's facts
/// (every part built, to be shown).
impl std::fmt::Debug for KnowledgeGraph {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("KnowledgeGraph")
            .field("states", &self.states().collect::<Vec<_>>())
            .field("organizations", &self.organizations().collect::<Vec<_>>())
            .field("sources", self.source_table())
            .field(
                "facts",
                &self
                    .every_part()
                    .map(|(o, f)| (&o.id, f))
                    .collect::<Vec<_>>(),
            )
            .finish()
    }
}

/// The most known ids an unknown-id help lists.
const SHOWN_IDS: usize = 5;

/// `known: A, B` when there are few; else the nearest few to `wanted`,
/// `nearest known: A, B, C, D, E (and 7 more)`.
fn known_list(wanted: &str, known: &[&str]) -> String {
    if known.len() <= SHOWN_IDS {
        return format!("known: {}", known.join(", "));
    }
    let w = wanted.to_lowercase();
    let mut ranked: Vec<(usize, &str)> =
        known.iter().map(|k| (distance(&w, &k.to_lowercase()), *k)).collect();
    ranked.sort_unstable();
    let near: Vec<&str> =
        ranked.iter().take(SHOWN_IDS).map(|(_, k)| *k).collect();
    format!(
        "nearest known: {} (and {} more)",
        near.join(", "),
        known.len() - SHOWN_IDS
    )
}

/// Levenshtein distance, for ranking ids by nearness (the error module's
/// own distance only answers "did you mean" with one id).
fn distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut prev = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let cur = row[j + 1];
            row[j + 1] =
                (prev + usize::from(ca != *cb)).min(row[j] + 1).min(cur + 1);
            prev = cur;
        }
    }
    row[b.len()]
}
