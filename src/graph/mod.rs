//! [`KnowledgeGraph`]: the petgraph graph plus id indices; [`build`]
//! makes it from a validated data set.

mod build;
mod open;
mod resolve;

use std::collections::BTreeMap;
use std::sync::OnceLock;

use petgraph::stable_graph::{EdgeIndex, NodeIndex, StableDiGraph};

use self::build::Builder;
use crate::error::{Diagnostic, DiagnosticKind, Error};
use crate::index::IntervalIndex;
use crate::load;
use crate::model::{
    ChairTerm, Claim, Event, OfficeTerm, Organization, OrganizationId,
    PersonId, Source, SourceId, Span, State, StateId, Summit, SummitId,
    Transition,
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
/// several parallel edges, one per span.
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
#[derive(Clone, Debug)]
pub struct KnowledgeGraph {
    /// Every node and edge; for the bundled data, all but the sources and
    /// the edges to them (see [`Sources::Bundled`]).
    graph: StableDiGraph<Node, Edge>,
    organizations: BTreeMap<OrganizationId, NodeIndex>,
    states: BTreeMap<StateId, NodeIndex>,
    sources: Sources,
    /// Per organisation, per state, the transitions in order.
    affiliations: BTreeMap<OrganizationId, BTreeMap<StateId, Vec<Transition>>>,
    summits: BTreeMap<SummitId, NodeIndex>,
    /// Per organisation, its chair-term edges in order.
    chairs: BTreeMap<OrganizationId, Vec<EdgeIndex>>,
    /// Per organisation, its office-term edges in order of start.
    offices: BTreeMap<OrganizationId, Vec<EdgeIndex>>,
    /// Event nodes, by date.
    events: Vec<NodeIndex>,
    /// Per organisation, the counts sources published, by date.
    claims: BTreeMap<OrganizationId, Vec<Claim>>,
    /// Notes on whole status histories, by (organisation, state).
    affiliation_notes: BTreeMap<(OrganizationId, StateId), String>,
    /// Per organisation, an interval index of its spans under each basis.
    span_index: BTreeMap<OrganizationId, OrgIndex>,
}

/// Where the sources are.
#[derive(Clone)]
enum Sources {
    /// Nodes of the graph, by id: data read from a folder, texts or JSON.
    Nodes(BTreeMap<SourceId, NodeIndex>),
    /// The bundled sources, decoded when first asked for: they are half
    /// the bundled bytes, and `igo at`, which names none, never reads them.
    Bundled(Box<Lazy>),
}

/// The bundled sources, and the graph with them.
#[derive(Clone)]
struct Lazy {
    /// As `build.rs` wrote them.
    encoded: &'static [u8],
    table: OnceLock<BTreeMap<SourceId, Source>>,
    /// Each node that cites a source: the [`Edge::CitedIn`] edges of
    /// `full`.
    cited: Vec<(NodeIndex, SourceId)>,
    /// The graph with the sources, made by the first call of
    /// [`KnowledgeGraph::graph`].
    full: OnceLock<StableDiGraph<Node, Edge>>,
}

impl Lazy {
    fn table(&self) -> &BTreeMap<SourceId, Source> {
        self.table.get_or_init(|| {
            let sources: Vec<Source> = postcard::from_bytes(self.encoded)
                .expect("build.rs wrote the bundled sources");
            sources.into_iter().map(|s| (s.id.clone(), s)).collect()
        })
    }

    /// `graph` with the sources and the edges to them, built at its final
    /// size: `graph`'s nodes and edges first, in the order of their
    /// indices (it has no holes), so that every index stays valid.
    fn full(
        &self,
        graph: &StableDiGraph<Node, Edge>,
    ) -> StableDiGraph<Node, Edge> {
        use petgraph::visit::{EdgeRef, IntoEdgeReferences};
        let sources = self.table();
        let mut g = StableDiGraph::with_capacity(
            graph.node_count() + sources.len(),
            graph.edge_count() + self.cited.len(),
        );
        for n in graph.node_indices() {
            g.add_node(graph[n].clone());
        }
        for e in graph.edge_references() {
            g.add_edge(e.source(), e.target(), e.weight().clone());
        }
        let nodes: BTreeMap<&SourceId, NodeIndex> = sources
            .iter()
            .map(|(id, s)| (id, g.add_node(Node::Source(s.clone()))))
            .collect();
        for (node, id) in &self.cited {
            if let Some(&src) = nodes.get(id) {
                g.add_edge(*node, src, Edge::CitedIn);
            }
        }
        g
    }
}

/// The sources by id, however they are kept (the bundled ones are
/// decoded to be shown).
impl std::fmt::Debug for Sources {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Sources::Nodes(m) => f.debug_map().entries(m).finish(),
            Sources::Bundled(l) => f.debug_map().entries(l.table()).finish(),
        }
    }
}

/// The spans of one organisation, indexed by the days they may cover.
#[derive(Clone, Debug, Default)]
pub(crate) struct OrgIndex {
    /// The states with a history in the organisation, sorted; interval
    /// values are positions in this list.
    pub states: Vec<StateId>,
    pub effective: IntervalIndex,
    pub decided: IntervalIndex,
    /// Decisions without an effective date: (state, status, decided).
    pub pending: Vec<(StateId, crate::model::Status, Option<crate::Date>)>,
}

impl OrgIndex {
    pub fn by(&self, basis: crate::Basis) -> &IntervalIndex {
        match basis {
            crate::Basis::Effective => &self.effective,
            crate::Basis::Decided => &self.decided,
        }
    }
}

/// The `[start, end)` day numbers a span may cover under `basis`: from the
/// first day its start may be to the last day its end may be.
fn possible_days(span: &Span, basis: crate::Basis) -> Option<(i32, i32)> {
    let start = span.start.at(basis)?.day_number();
    // After a disputed end (an exit the sources dispute) the status may
    // still be held: the span stays a candidate, and the rule decides.
    let end = match span.end.and_then(|b| b.at(basis)) {
        Some(_) if span.end_disputed.is_some() => i32::MAX,
        Some(e) => e.last_day().day_number() + 1,
        None => i32::MAX,
    };
    Some((start, end))
}

impl KnowledgeGraph {
    fn build(data: load::Dataset) -> KnowledgeGraph {
        KnowledgeGraph::build_with(data, Sources::Nodes(BTreeMap::new()))
    }

    /// The graph of `data`, whose sources are where `sources` says: in
    /// `data` for [`Sources::Nodes`], still encoded for the bundled ones.
    fn build_with(data: load::Dataset, sources: Sources) -> KnowledgeGraph {
        let mut b = Builder::sized_for(&data, sources);
        b.sources(data.sources);
        b.states(data.states);
        b.organizations(data.organizations);
        b.histories(data.affiliations);
        b.summits(data.summits);
        b.chairs(data.chairs);
        b.offices(data.offices);
        b.events(data.events);
        b.claims(data.claims);
        b.finish()
    }

    /// Every summit, sorted by id.
    fn all_summits(&self) -> Vec<&Summit> {
        self.summits
            .values()
            .filter_map(|&n| match &self.graph[n] {
                Node::Summit(s) => Some(s),
                _ => None,
            })
            .collect()
    }

    /// The note on `state`'s whole status history in `organization`, if
    /// any.
    pub fn history_note(
        &self,
        organization: &str,
        state: &str,
    ) -> Option<&str> {
        self.affiliation_notes
            .get(&(OrganizationId::new(organization), StateId::new(state)))
            .map(String::as_str)
    }

    /// The summit with id `id` (e.g. `sco-2024-astana`).
    pub fn summit(&self, id: &str) -> Option<&Summit> {
        let n = *self.summits.get(id)?;
        match &self.graph[n] {
            Node::Summit(s) => Some(s),
            _ => None,
        }
    }

    /// The summits of `organization`, oldest first (planned ones with
    /// unknown dates last).
    pub fn summits(&self, organization: &str) -> Vec<&Summit> {
        let mut v: Vec<&Summit> = self
            .summits
            .values()
            .filter_map(|&n| match &self.graph[n] {
                Node::Summit(s) if s.organization == organization => Some(s),
                _ => None,
            })
            .collect();
        v.sort_by(|a, b| {
            (a.start.is_none(), a.start.map(|d| d.first_day()), &a.id).cmp(&(
                b.start.is_none(),
                b.start.map(|d| d.first_day()),
                &b.id,
            ))
        });
        v
    }

    /// The chair terms of `organization`, oldest first.
    pub fn chairs(&self, organization: &str) -> Vec<&ChairTerm> {
        let edges =
            self.chairs.get(organization).map_or(&[][..], Vec::as_slice);
        edges
            .iter()
            .filter_map(|&e| match &self.graph[e] {
                Edge::Chair(t) => Some(&**t),
                _ => None,
            })
            .collect()
    }

    /// The office terms of `organization`, oldest first.
    pub fn officials(&self, organization: &str) -> Vec<&OfficeTerm> {
        let edges =
            self.offices.get(organization).map_or(&[][..], Vec::as_slice);
        edges
            .iter()
            .filter_map(|&e| match &self.graph[e] {
                Edge::HeldOffice(t) => Some(&**t),
                _ => None,
            })
            .collect()
    }

    /// The counts sources published about `organization`, oldest first.
    pub fn claims(&self, organization: &str) -> &[Claim] {
        self.claims.get(organization).map_or(&[], Vec::as_slice)
    }

    /// The events of `organization`, oldest first.
    pub fn events(&self, organization: &str) -> Vec<&Event> {
        self.events
            .iter()
            .filter_map(|&n| match &self.graph[n] {
                Node::Event(e) if e.organization == organization => Some(e),
                _ => None,
            })
            .collect()
    }

    /// The underlying petgraph graph, for users who want its algorithms.
    ///
    /// Node and edge weights are [`Node`] and [`Edge`]. Iteration order of
    /// petgraph is an implementation detail: sort before printing.
    ///
    /// For [`KnowledgeGraph::bundled`], whose queries do not walk the
    /// sources, the graph with its sources is made by the first call of
    /// this method and kept beside the graph without them (for the bundled
    /// data, about 1,500 nodes); later calls return it at once. A graph
    /// loaded from files holds its sources from the start.
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
        match &self.sources {
            Sources::Nodes(_) => &self.graph,
            Sources::Bundled(l) => l.full.get_or_init(|| l.full(&self.graph)),
        }
    }

    /// The state with ISO alpha-3 code `id`.
    pub fn state(&self, id: &str) -> Option<&State> {
        let n = *self.states.get(id)?;
        match &self.graph[n] {
            Node::State(s) => Some(s),
            _ => None,
        }
    }

    /// Every state, sorted by id.
    pub fn states(&self) -> impl Iterator<Item = &State> {
        self.states.values().filter_map(|&n| match &self.graph[n] {
            Node::State(s) => Some(s),
            _ => None,
        })
    }

    /// The organisation with id `id` (e.g. `SCO`).
    pub fn organization(&self, id: &str) -> Option<&Organization> {
        let n = *self.organizations.get(id)?;
        match &self.graph[n] {
            Node::Organization(o) => Some(o),
            _ => None,
        }
    }

    /// Every organisation, sorted by id.
    pub fn organizations(&self) -> impl Iterator<Item = &Organization> {
        self.organizations.values().filter_map(|&n| match &self.graph[n] {
            Node::Organization(o) => Some(o),
            _ => None,
        })
    }

    /// The source with id `id`.
    pub fn source(&self, id: &str) -> Option<&Source> {
        match &self.sources {
            Sources::Nodes(m) => match &self.graph[*m.get(id)?] {
                Node::Source(s) => Some(s),
                _ => None,
            },
            Sources::Bundled(l) => l.table().get(id),
        }
    }

    /// Every source, sorted by id.
    pub fn sources(&self) -> impl Iterator<Item = &Source> {
        let (nodes, table) = match &self.sources {
            Sources::Nodes(m) => (Some(m), None),
            Sources::Bundled(l) => (None, Some(l.table())),
        };
        let in_graph =
            nodes.into_iter().flat_map(|m| m.values()).filter_map(|&n| {
                match &self.graph[n] {
                    Node::Source(s) => Some(s),
                    _ => None,
                }
            });
        in_graph.chain(table.into_iter().flat_map(BTreeMap::values))
    }

    /// Every status span, sorted by organisation, state and start.
    pub fn spans(&self) -> Vec<&Span> {
        let mut spans: Vec<&Span> = self
            .graph
            .edge_weights()
            .filter_map(|e| match e {
                Edge::Status(s) => Some(s),
                _ => None,
            })
            .collect();
        spans.sort_by(|a, b| {
            (&a.organization, &a.state, a.start.decided, a.start.effective)
                .cmp(&(
                    &b.organization,
                    &b.state,
                    b.start.decided,
                    b.start.effective,
                ))
        });
        spans
    }

    /// The status spans of `organization`, sorted by state and start: the
    /// edges into its node, so O(k log k) for its k spans.
    pub fn spans_of(&self, organization: &str) -> Vec<&Span> {
        let Some(&node) = self.organizations.get(organization) else {
            return Vec::new();
        };
        let mut spans: Vec<&Span> = spans_into(&self.graph, node).collect();
        spans.sort_by(|a, b| {
            (&a.state, a.start.decided, a.start.effective).cmp(&(
                &b.state,
                b.start.decided,
                b.start.effective,
            ))
        });
        spans
    }

    /// The organisations in which `state` held (or was decided to hold) a
    /// status: the targets of its span edges, sorted by id.
    pub(crate) fn organizations_of(&self, state: &str) -> Vec<&Organization> {
        use petgraph::visit::EdgeRef;
        let Some(&node) = self.states.get(state) else {
            return Vec::new();
        };
        let mut orgs: Vec<&Organization> = self
            .graph
            .edges_directed(node, petgraph::Direction::Outgoing)
            .filter(|e| matches!(e.weight(), Edge::Status(_)))
            .filter_map(|e| match &self.graph[e.target()] {
                Node::Organization(o) => Some(o),
                _ => None,
            })
            .collect();
        orgs.sort_by(|a, b| a.id.cmp(&b.id));
        orgs.dedup_by(|a, b| a.id == b.id);
        orgs
    }

    /// The transitions of `state` in `organization`, in order (empty when
    /// the state never held a status there).
    pub fn transitions(
        &self,
        organization: &str,
        state: &str,
    ) -> &[Transition] {
        self.affiliations
            .get(organization)
            .and_then(|m| m.get(state))
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
        self.affiliations.values().flat_map(|m| m.values()).map(Vec::len).sum()
    }

    /// The histories of `organization`, by state.
    pub(crate) fn histories_of(
        &self,
        organization: &str,
    ) -> Option<&BTreeMap<StateId, Vec<Transition>>> {
        self.affiliations.get(organization)
    }

    /// The interval index of `organization`'s spans.
    pub(crate) fn org_index(&self, organization: &str) -> Option<&OrgIndex> {
        self.span_index.get(organization)
    }

    /// Per state (sorted by id), its transitions in `organization`.
    pub(crate) fn affiliations_of(
        &self,
        organization: &str,
    ) -> impl Iterator<Item = (&StateId, &Vec<Transition>)> {
        self.affiliations.get(organization).into_iter().flatten()
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
            && self.affiliations == other.affiliations
            && self.affiliation_notes == other.affiliation_notes
            && self.all_summits() == other.all_summits()
            && self.organizations().all(|o| {
                let id = o.id.as_str();
                self.chairs(id) == other.chairs(id)
                    && self.officials(id) == other.officials(id)
                    && self.events(id) == other.events(id)
                    && self.claims(id) == other.claims(id)
            })
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

/// The status spans on the edges into an organisation's node.
pub(crate) fn spans_into(
    graph: &StableDiGraph<Node, Edge>,
    org: NodeIndex,
) -> impl Iterator<Item = &Span> {
    graph.edges_directed(org, petgraph::Direction::Incoming).filter_map(|e| {
        match e.weight() {
            Edge::Status(s) => Some(s),
            _ => None,
        }
    })
}
