//! Builds a [`KnowledgeGraph`] from a validated data set, one kind of fact
//! at a time, with the spans each history opens and the interval index
//! behind snapshots.

use std::collections::{BTreeMap, BTreeSet};

use petgraph::stable_graph::{EdgeIndex, NodeIndex, StableDiGraph};

use super::{
    Edge, KnowledgeGraph, Node, OrgIndex, Person, Place, Sources,
    possible_days, spans_into,
};
use crate::index::IntervalIndex;
use crate::load;
use crate::model::{
    Affiliation, Boundary, ChairTerm, Claim, Event, OfficeTerm, Organization,
    OrganizationId, PersonId, Source, SourceId, Span, State, StateId, Summit,
    SummitId, Transition,
};

/// The spans of one state in one organisation: each transition to a held
/// status (or to `unknown`, so that a question about its days finds it)
/// opens a span; the next transition, or the organisation's dissolution,
/// closes it.
fn spans_of(
    state: &StateId,
    org: &Organization,
    transitions: &[Transition],
) -> Vec<Span> {
    let mut spans = Vec::new();
    for (i, t) in transitions.iter().enumerate() {
        if !t.status.is_held() && t.status != crate::model::Status::UNKNOWN {
            continue;
        }
        let next = transitions.get(i + 1);
        let end = match next {
            // A next decision still pending ends nothing by the effective
            // date: the organisation's end, if any, does.
            Some(next) => Some(Boundary {
                decided: next.decided,
                effective: next.effective.or(org.dissolved),
            }),
            None => org
                .dissolved
                .map(|d| Boundary { decided: Some(d), effective: Some(d) }),
        };
        spans.push(Span {
            state: state.clone(),
            organization: org.id.clone(),
            status: t.status,
            start: Boundary { decided: t.decided, effective: t.effective },
            end,
            sources: t.sources.clone(),
            note: t.note.clone(),
            disputed: t.disputed.clone(),
            end_disputed: next.and_then(|n| n.disputed.clone()),
            end_sources: next.map(|n| n.sources.clone()).unwrap_or_default(),
        });
    }
    spans
}

/// Builds a [`KnowledgeGraph`] from a validated data set, one kind of fact
/// at a time. Every fact goes into the graph once, as a node or an edge;
/// the indices point at those (the bundled sources excepted: their
/// citations are kept for the graph with them). The data set comes from
/// the loader only, so every id in it names a node already added.
pub(super) struct Builder {
    graph: StableDiGraph<Node, Edge>,
    organizations: BTreeMap<OrganizationId, NodeIndex>,
    states: BTreeMap<StateId, NodeIndex>,
    sources: Sources,
    affiliations: BTreeMap<OrganizationId, BTreeMap<StateId, Vec<Transition>>>,
    affiliation_notes: BTreeMap<(OrganizationId, StateId), String>,
    summits: BTreeMap<SummitId, NodeIndex>,
    chairs: BTreeMap<OrganizationId, Vec<EdgeIndex>>,
    offices: BTreeMap<OrganizationId, Vec<EdgeIndex>>,
    events: Vec<NodeIndex>,
    claims: BTreeMap<OrganizationId, Vec<Claim>>,
}

impl Builder {
    /// A builder whose graph is sized up front: a graph of a million spans
    /// should not carry the slack of repeated doubling.
    pub(super) fn sized_for(
        data: &load::Dataset,
        mut sources: Sources,
    ) -> Builder {
        // A span per transition into a held status (a departure ends one).
        let n_spans = data
            .affiliations
            .iter()
            .flat_map(|a| &a.transitions)
            .filter(|t| t.status.is_held())
            .count();
        // Exact counts, not estimates: a vector that outgrows its capacity
        // doubles, and at startup every page it touches is a page fault
        // (the node vector of the bundled data was twice its size).
        let places: BTreeSet<&str> = data
            .summits
            .iter()
            .map(|s| s.city.as_str())
            .filter(|c| !c.is_empty())
            .collect();
        let people: BTreeSet<&PersonId> =
            data.offices.iter().map(|t| &t.person).collect();
        let n_nodes = data.states.len()
            + data.sources.len()
            + data.organizations.len()
            + data.summits.len()
            + places.len()
            + people.len()
            + data.events.len();
        let n_cites: usize = data
            .states
            .iter()
            .map(|s| s.sources.len())
            .chain(data.organizations.iter().map(|o| o.sources.len()))
            .sum();
        let n_successions = data
            .organizations
            .iter()
            .filter(|o| o.successor.is_some())
            .count();
        // The bundled citations wait for the graph with the sources.
        let n_graph_cites = match &mut sources {
            Sources::Nodes(_) => n_cites,
            Sources::Bundled(l) => {
                l.cited.reserve_exact(n_cites);
                0
            }
        };
        let n_edges = n_spans
            + n_graph_cites
            + n_successions
            + data.chairs.len()
            + data.offices.len()
            + people.len()
            + data.summits.len() * 2
            + data.summits.iter().filter(|s| !s.city.is_empty()).count()
            + data.events.len();
        Builder {
            graph: StableDiGraph::with_capacity(n_nodes, n_edges),
            organizations: BTreeMap::new(),
            states: BTreeMap::new(),
            sources,
            affiliations: BTreeMap::new(),
            affiliation_notes: BTreeMap::new(),
            summits: BTreeMap::new(),
            chairs: BTreeMap::new(),
            offices: BTreeMap::new(),
            events: Vec::new(),
            claims: BTreeMap::new(),
        }
    }

    /// The source nodes (none for the bundled data: they stay encoded).
    pub(super) fn sources(&mut self, sources: Vec<Source>) {
        if let Sources::Nodes(m) = &mut self.sources {
            for s in sources {
                let id = s.id.clone();
                m.insert(id, self.graph.add_node(Node::Source(s)));
            }
        }
    }

    /// Edges from `node` to each source it cites; for the bundled data,
    /// kept for the graph with the sources (see [`KnowledgeGraph::graph`]).
    fn cite(&mut self, node: NodeIndex, cites: &[SourceId]) {
        match &mut self.sources {
            Sources::Nodes(m) => {
                for c in cites {
                    if let Some(&src) = m.get(c) {
                        self.graph.add_edge(node, src, Edge::CitedIn);
                    }
                }
            }
            Sources::Bundled(l) => {
                l.cited.extend(cites.iter().map(|c| (node, c.clone())));
            }
        }
    }

    pub(super) fn states(&mut self, states: Vec<State>) {
        for s in states {
            let (id, cites) = (s.id.clone(), s.sources.clone());
            let n = self.graph.add_node(Node::State(s));
            self.cite(n, &cites);
            self.states.insert(id, n);
        }
    }

    pub(super) fn organizations(&mut self, organizations: Vec<Organization>) {
        let mut successors = Vec::new();
        for o in organizations {
            let (id, cites) = (o.id.clone(), o.sources.clone());
            if let Some(next) = &o.successor {
                successors.push((id.clone(), next.clone()));
            }
            let n = self.graph.add_node(Node::Organization(o));
            self.cite(n, &cites);
            self.organizations.insert(id, n);
        }
        for (from, to) in successors {
            if let (Some(&a), Some(&b)) =
                (self.organizations.get(&from), self.organizations.get(&to))
            {
                self.graph.add_edge(a, b, Edge::SucceededBy);
            }
        }
    }

    /// Each history's transitions, and its spans as edges from the state
    /// to the organisation.
    pub(super) fn histories(&mut self, affiliations: Vec<Affiliation>) {
        for Affiliation { organization, state, mut transitions, note } in
            affiliations
        {
            transitions.shrink_to_fit();
            if let Some(note) = note {
                self.affiliation_notes
                    .insert((organization.clone(), state.clone()), note);
            }
            let (Some(&s), Some(&o)) = (
                self.states.get(&state),
                self.organizations.get(&organization),
            ) else {
                continue;
            };
            let Node::Organization(org) = &self.graph[o] else { continue };
            for span in spans_of(&state, org, &transitions) {
                self.graph.add_edge(s, o, Edge::Status(span));
            }
            self.affiliations
                .entry(organization)
                .or_default()
                .insert(state, transitions);
        }
    }

    pub(super) fn summits(&mut self, summits: Vec<Summit>) {
        let mut places: BTreeMap<String, NodeIndex> = BTreeMap::new();
        for sm in summits {
            let (id, org, host, city) = (
                sm.id.clone(),
                sm.organization.clone(),
                sm.host.clone(),
                sm.city.clone(),
            );
            let n = self.graph.add_node(Node::Summit(sm));
            if let Some(&o) = self.organizations.get(&org) {
                self.graph.add_edge(n, o, Edge::MeetingOf);
            }
            if let Some(&h) = self.states.get(&host) {
                self.graph.add_edge(h, n, Edge::Hosted);
            }
            // A planned summit may not have its city yet.
            if !city.is_empty() {
                let graph = &mut self.graph;
                let p = *places.entry(city.clone()).or_insert_with(|| {
                    graph.add_node(Node::Place(Place { name: city }))
                });
                self.graph.add_edge(n, p, Edge::HeldIn);
            }
            self.summits.insert(id, n);
        }
    }

    pub(super) fn chairs(&mut self, chairs: Vec<ChairTerm>) {
        for c in chairs {
            let (Some(&s), Some(&o)) = (
                self.states.get(&c.state),
                self.organizations.get(&c.organization),
            ) else {
                continue;
            };
            let org = c.organization.clone();
            let e = self.graph.add_edge(s, o, Edge::Chair(Box::new(c)));
            self.chairs.entry(org).or_default().push(e);
        }
    }

    pub(super) fn offices(&mut self, offices: Vec<OfficeTerm>) {
        let mut people: BTreeMap<PersonId, NodeIndex> = BTreeMap::new();
        for t in offices {
            let p = match people.get(&t.person) {
                Some(&p) => p,
                None => {
                    let p = self.person(&t);
                    people.insert(t.person.clone(), p);
                    p
                }
            };
            let Some(&o) = self.organizations.get(&t.organization) else {
                continue;
            };
            let org = t.organization.clone();
            let e = self.graph.add_edge(p, o, Edge::HeldOffice(Box::new(t)));
            self.offices.entry(org).or_default().push(e);
        }
    }

    /// The person who held the office term `t`, with their nationality.
    fn person(&mut self, t: &OfficeTerm) -> NodeIndex {
        let n = self.graph.add_node(Node::Person(Person {
            id: t.person.clone(),
            name: t.name.clone(),
            other_names: t.other_names.clone(),
            nationality: t.nationality.clone(),
        }));
        if let Some(&s) = self.states.get(&t.nationality) {
            self.graph.add_edge(n, s, Edge::Nationality);
        }
        n
    }

    pub(super) fn events(&mut self, mut events: Vec<Event>) {
        events.sort_by(|a, b| {
            (a.date.first_day(), a.date, &a.id).cmp(&(
                b.date.first_day(),
                b.date,
                &b.id,
            ))
        });
        for e in events {
            let org = e.organization.clone();
            let n = self.graph.add_node(Node::Event(e));
            if let Some(&o) = self.organizations.get(&org) {
                self.graph.add_edge(n, o, Edge::EventOf);
            }
            self.events.push(n);
        }
    }

    pub(super) fn claims(&mut self, claims: Vec<Claim>) {
        for c in claims {
            self.claims.entry(c.organization.clone()).or_default().push(c);
        }
        for v in self.claims.values_mut() {
            v.sort_by(|a, b| {
                (a.date.first_day(), a.date).cmp(&(b.date.first_day(), b.date))
            });
        }
    }

    /// The graph with the interval index of each organisation's spans,
    /// read from the edges into its node.
    pub(super) fn finish(self) -> KnowledgeGraph {
        let mut span_index = BTreeMap::new();
        for (org, by_state) in &self.affiliations {
            let Some(&n) = self.organizations.get(org) else { continue };
            let spans: Vec<&Span> = spans_into(&self.graph, n).collect();
            span_index.insert(org.clone(), OrgIndex::new(by_state, &spans));
        }
        KnowledgeGraph {
            span_index,
            graph: self.graph,
            organizations: self.organizations,
            states: self.states,
            sources: self.sources,
            affiliations: self.affiliations,
            summits: self.summits,
            chairs: self.chairs,
            offices: self.offices,
            events: self.events,
            claims: self.claims,
            affiliation_notes: self.affiliation_notes,
        }
    }
}

impl OrgIndex {
    /// The index of one organisation's `spans`, for the states of
    /// `by_state`.
    fn new(
        by_state: &BTreeMap<StateId, Vec<Transition>>,
        spans: &[&Span],
    ) -> OrgIndex {
        let states: Vec<StateId> = by_state.keys().cloned().collect();
        let build = |basis| {
            let ivs = spans.iter().filter_map(|sp| {
                let pos = states.binary_search(&sp.state).ok()? as u32;
                let (a, b) = possible_days(sp, basis)?;
                Some((a, b, pos))
            });
            IntervalIndex::new(ivs.collect::<Vec<_>>())
        };
        let effective = build(crate::Basis::Effective);
        let decided = build(crate::Basis::Decided);
        let mut pending = Vec::new();
        for (state, ts) in by_state {
            for t in ts.iter().filter(|t| t.is_pending()) {
                pending.push((state.clone(), t.status, t.decided));
            }
        }
        OrgIndex { states, effective, decided, pending }
    }
}

#[cfg(test)]
mod sizing {
    use super::*;

    /// A graph loaded from files holds its sources from the start: its
    /// `graph()` is the queries' graph, not a copy.
    #[test]
    fn a_loaded_graph_is_not_copied_for_its_sources() {
        let kg =
            KnowledgeGraph::load(concat!(env!("CARGO_MANIFEST_DIR"), "/data"))
                .unwrap();
        assert!(matches!(kg.sources, Sources::Nodes(_)));
        assert!(std::ptr::eq(kg.graph(), &kg.graph));
        let g = &kg.graph;
        assert_eq!(g.capacity().0, g.node_count());
        assert_eq!(g.capacity().1, g.edge_count());
        // The same graph as the bundled one's, sources and all.
        let bundled = KnowledgeGraph::bundled();
        assert_eq!(bundled.graph().node_count(), g.node_count());
        assert_eq!(bundled.graph().edge_count(), g.edge_count());
    }

    /// The graph is sized exactly: no vector of nodes or edges outgrew
    /// (and doubled) its capacity while the bundled data was built.
    #[test]
    fn the_bundled_graph_is_sized_exactly() {
        let kg = KnowledgeGraph::bundled();
        let g = &kg.graph;
        assert_eq!(g.capacity().0, g.node_count());
        assert_eq!(g.capacity().1, g.edge_count());
        let Sources::Bundled(lazy) = &kg.sources else {
            panic!("the bundled sources are decoded when first asked for")
        };
        assert_eq!(lazy.cited.capacity(), lazy.cited.len());
        // `igo at` does not read the sources; the full graph does.
        kg.snapshot(
            "SCO",
            "2024-02-22".parse().unwrap(),
            crate::Basis::Effective,
        )
        .unwrap();
        assert!(lazy.table.get().is_none());
        // So is the graph with its sources.
        let full = kg.graph();
        assert_eq!(full.capacity().0, full.node_count());
        assert_eq!(full.capacity().1, full.edge_count());
    }
}
