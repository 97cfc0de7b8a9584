//! The petgraph graph with every fact, for [`KnowledgeGraph::graph`]: the
//! queries read each organisation's part and need no such graph, so it
//! is made by the first call that asks for it.

use std::collections::{BTreeMap, BTreeSet};

use petgraph::stable_graph::{NodeIndex, StableDiGraph};

use super::facts::OrgFacts;
use super::{Edge, KnowledgeGraph, Node, Person, Place, Sources};
use crate::model::{Organization, PersonId, SourceId};

/// The graph being made, with the places and people added so far.
struct Full<'a> {
    kg: &'a KnowledgeGraph,
    g: StableDiGraph<Node, Edge>,
    places: BTreeMap<&'a str, NodeIndex>,
    people: BTreeMap<&'a PersonId, NodeIndex>,
}

impl KnowledgeGraph {
    /// The graph with every fact: the states, organisations and (for a
    /// graph read from files) sources first, with the same indices, then
    /// each organisation's facts, then the bundled sources and the edges
    /// to them. Sized exactly: nothing doubles on the way.
    pub(super) fn full(&self) -> StableDiGraph<Node, Edge> {
        use petgraph::visit::{EdgeRef, IntoEdgeReferences};
        let parts: Vec<(&Organization, &OrgFacts)> = self
            .organizations()
            .filter_map(|o| Some((o, self.facts(o.id.as_str())?)))
            .collect();
        let (nodes, edges) = self.full_size(&parts);
        let mut full = Full {
            kg: self,
            g: StableDiGraph::with_capacity(nodes, edges),
            places: BTreeMap::new(),
            people: BTreeMap::new(),
        };
        // The core has no holes: its nodes keep their indices.
        for n in self.graph.node_indices() {
            full.g.add_node(self.graph[n].clone());
        }
        for e in self.graph.edge_references() {
            full.g.add_edge(e.source(), e.target(), e.weight().clone());
        }
        for (org, facts) in &parts {
            full.add(org, facts);
        }
        if let Sources::Bundled(l) = &self.sources {
            let nodes: BTreeMap<&SourceId, NodeIndex> = l
                .table()
                .iter()
                .map(|(id, s)| (id, full.g.add_node(Node::Source(s.clone()))))
                .collect();
            for (node, id) in &l.cited {
                if let Some(&src) = nodes.get(id) {
                    full.g.add_edge(*node, src, Edge::CitedIn);
                }
            }
        }
        full.g
    }

    /// How many nodes and edges [`KnowledgeGraph::full`] makes of `parts`.
    fn full_size(
        &self,
        parts: &[(&Organization, &OrgFacts)],
    ) -> (usize, usize) {
        let facts = || parts.iter().map(|(_, f)| *f);
        let summits = || facts().flat_map(|f| &f.summits);
        let places: BTreeSet<&str> = summits()
            .map(|s| s.city.as_str())
            .filter(|c| !c.is_empty())
            .collect();
        let people: BTreeSet<&PersonId> =
            facts().flat_map(|f| &f.offices).map(|t| &t.person).collect();
        let (mut nodes, mut edges) =
            (self.graph.node_count(), self.graph.edge_count());
        if let Sources::Bundled(l) = &self.sources {
            nodes += l.table().len();
            edges += l.cited.len();
        }
        let n_summits = summits().count();
        let n_events = facts().map(|f| f.events.len()).sum::<usize>();
        nodes += n_summits + places.len() + people.len() + n_events;
        edges += facts()
            .map(|f| f.spans.len() + f.chairs.len() + f.offices.len())
            .sum::<usize>();
        // Meeting of, hosted by, held in; the people's nationality; the
        // events' organisation.
        edges += n_summits * 2
            + summits().filter(|s| !s.city.is_empty()).count()
            + people.len()
            + n_events;
        (nodes, edges)
    }
}

impl<'a> Full<'a> {
    /// `org`'s facts as nodes and edges.
    fn add(&mut self, org: &'a Organization, facts: &'a OrgFacts) {
        let kg = self.kg;
        let Some(&o) = kg.organizations.get(&org.id) else { return };
        for span in &facts.spans {
            if let Some(&s) = kg.states.get(&span.state) {
                self.g.add_edge(s, o, Edge::Status(span.clone()));
            }
        }
        for sm in &facts.summits {
            let n = self.g.add_node(Node::Summit(sm.clone()));
            self.g.add_edge(n, o, Edge::MeetingOf);
            if let Some(&h) = kg.states.get(&sm.host) {
                self.g.add_edge(h, n, Edge::Hosted);
            }
            // A planned summit may not have its city yet.
            if !sm.city.is_empty() {
                let g = &mut self.g;
                let p = *self.places.entry(sm.city.as_str()).or_insert_with(
                    || {
                        g.add_node(Node::Place(Place {
                            name: sm.city.clone(),
                        }))
                    },
                );
                self.g.add_edge(n, p, Edge::HeldIn);
            }
        }
        for c in &facts.chairs {
            if let Some(&s) = kg.states.get(&c.state) {
                self.g.add_edge(s, o, Edge::Chair(Box::new(c.clone())));
            }
        }
        for t in &facts.offices {
            let p = match self.people.get(&t.person) {
                Some(&p) => p,
                None => {
                    let p = self.g.add_node(Node::Person(Person {
                        id: t.person.clone(),
                        name: t.name.clone(),
                        other_names: t.other_names.clone(),
                        nationality: t.nationality.clone(),
                    }));
                    if let Some(&s) = kg.states.get(&t.nationality) {
                        self.g.add_edge(p, s, Edge::Nationality);
                    }
                    self.people.insert(&t.person, p);
                    p
                }
            };
            self.g.add_edge(p, o, Edge::HeldOffice(Box::new(t.clone())));
        }
        for e in &facts.events {
            let n = self.g.add_node(Node::Event(e.clone()));
            self.g.add_edge(n, o, Edge::EventOf);
        }
    }
}

#[cfg(test)]
mod sizing {
    use super::*;

    /// Both graphs of a graph read from files are sized exactly: no
    /// vector of nodes or edges outgrew (and doubled) its capacity.
    #[test]
    fn a_loaded_graph_is_sized_exactly() {
        let kg =
            KnowledgeGraph::load(concat!(env!("CARGO_MANIFEST_DIR"), "/data"))
                .unwrap();
        assert!(matches!(kg.sources, Sources::Nodes(_)));
        let g = &kg.graph;
        assert_eq!(g.capacity().0, g.node_count());
        assert_eq!(g.capacity().1, g.edge_count());
        let full = kg.graph();
        assert_eq!(full.capacity().0, full.node_count());
        assert_eq!(full.capacity().1, full.edge_count());
        // The same graph as the bundled one's, sources and all.
        let bundled = KnowledgeGraph::bundled();
        assert_eq!(bundled.graph().node_count(), full.node_count());
        assert_eq!(bundled.graph().edge_count(), full.edge_count());
    }

    /// The bundled graph starts with no organisation's facts built and no
    /// source decoded; a snapshot builds its organisation's part alone.
    #[test]
    fn the_bundled_graph_builds_what_is_asked_for() {
        let kg = KnowledgeGraph::bundled();
        let g = &kg.graph;
        assert_eq!(g.capacity().0, g.node_count());
        assert_eq!(g.capacity().1, g.edge_count());
        let Sources::Bundled(lazy) = &kg.sources else {
            panic!("the bundled sources are decoded when first asked for")
        };
        assert_eq!(lazy.cited.capacity(), lazy.cited.len());
        let built = || {
            kg.parts
                .iter()
                .filter(|(_, p)| p.get_built().is_some())
                .map(|(id, _)| id.as_str())
                .collect::<Vec<_>>()
        };
        assert!(built().is_empty());
        let day = "2024-02-22".parse().unwrap();
        kg.snapshot("SCO", day, crate::Basis::Effective).unwrap();
        assert_eq!(built(), ["SCO"]);
        // `igo at` does not read the sources.
        assert!(lazy.table.get().is_none());
        // The graph of everything builds every part, and is sized exactly.
        let full = kg.graph();
        assert_eq!(built().len(), kg.organizations().count());
        assert_eq!(full.capacity().0, full.node_count());
        assert_eq!(full.capacity().1, full.edge_count());
    }
}
