//! The petgraph graph with every fact, for [`KnowledgeGraph::graph`]: the
//! queries read the states, the organisations' facts and the sources
//! where they are kept and need no such graph, so it is made by the first
//! call that asks for it.

use std::collections::{BTreeMap, BTreeSet};

use petgraph::stable_graph::{NodeIndex, StableDiGraph};

use super::facts::OrgFacts;
use super::{Edge, KnowledgeGraph, Node, Person, Place};
use crate::model::{
    Organization, OrganizationId, PersonId, SourceId, StateId,
};

/// The graph being made, with the nodes added so far by id.
#[derive(Default)]
struct Full<'a> {
    g: StableDiGraph<Node, Edge>,
    states: BTreeMap<&'a StateId, NodeIndex>,
    organizations: BTreeMap<&'a OrganizationId, NodeIndex>,
    sources: BTreeMap<&'a SourceId, NodeIndex>,
    places: BTreeMap<&'a str, NodeIndex>,
    people: BTreeMap<&'a PersonId, NodeIndex>,
}

impl KnowledgeGraph {
    /// The graph with every fact: the states, organisations and sources,
    /// the edges from each state and organisation to the sources it
    /// cites, the successions, then each organisation's facts. Sized
    /// exactly: nothing doubles on the way.
    pub(super) fn full(&self) -> StableDiGraph<Node, Edge> {
        let parts: Vec<(&Organization, &OrgFacts)> =
            self.every_part().collect();
        let (nodes, edges) = self.full_size(&parts);
        let mut full = Full {
            g: StableDiGraph::with_capacity(nodes, edges),
            ..Full::default()
        };
        for s in self.states() {
            full.states.insert(&s.id, full.g.add_node(Node::State(s.clone())));
        }
        for o in self.organizations() {
            let n = full.g.add_node(Node::Organization(o.clone()));
            full.organizations.insert(&o.id, n);
        }
        for s in self.sources() {
            full.sources
                .insert(&s.id, full.g.add_node(Node::Source(s.clone())));
        }
        for s in self.states() {
            full.cite(full.states[&s.id], &s.sources);
        }
        for o in self.organizations() {
            full.cite(full.organizations[&o.id], &o.sources);
        }
        for o in self.organizations() {
            let next =
                o.successor.as_ref().and_then(|n| full.organizations.get(n));
            if let Some(&b) = next {
                full.g.add_edge(
                    full.organizations[&o.id],
                    b,
                    Edge::SucceededBy,
                );
            }
        }
        for (org, facts) in &parts {
            full.add(org, facts);
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
        let sources = self.source_table();
        let cites = self
            .states()
            .flat_map(|s| &s.sources)
            .chain(self.organizations().flat_map(|o| &o.sources))
            .filter(|c| sources.contains_key(*c))
            .count();
        let successions = self
            .organizations()
            .filter_map(|o| o.successor.as_ref())
            .filter(|n| self.organizations.contains_key(*n))
            .count();
        let n_summits = summits().count();
        let n_events = facts().map(|f| f.events.len()).sum::<usize>();
        let nodes = self.states.len()
            + self.organizations.len()
            + sources.len()
            + n_summits
            + places.len()
            + people.len()
            + n_events;
        let facts_edges = facts()
            .map(|f| f.spans.len() + f.chairs.len() + f.offices.len())
            .sum::<usize>();
        // Meeting of and hosted by, held in; the people's nationality; the
        // events' organisation.
        let edges = cites
            + successions
            + facts_edges
            + n_summits * 2
            + summits().filter(|s| !s.city.is_empty()).count()
            + people.len()
            + n_events;
        (nodes, edges)
    }
}

impl<'a> Full<'a> {
    /// Edges from `node` to each source it cites.
    fn cite(&mut self, node: NodeIndex, cites: &[SourceId]) {
        for c in cites {
            if let Some(&src) = self.sources.get(c) {
                self.g.add_edge(node, src, Edge::CitedIn);
            }
        }
    }

    /// `org`'s facts as nodes and edges.
    fn add(&mut self, org: &'a Organization, facts: &'a OrgFacts) {
        let Some(&o) = self.organizations.get(&org.id) else { return };
        for span in &facts.spans {
            if let Some(&s) = self.states.get(&span.state) {
                self.g.add_edge(s, o, Edge::Status(span.clone()));
            }
        }
        for sm in &facts.summits {
            let n = self.g.add_node(Node::Summit(sm.clone()));
            self.g.add_edge(n, o, Edge::MeetingOf);
            if let Some(&h) = self.states.get(&sm.host) {
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
            if let Some(&s) = self.states.get(&c.state) {
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
                    if let Some(&s) = self.states.get(&t.nationality) {
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
mod tests {
    use super::*;

    /// The graph of everything is sized exactly: no vector of nodes or
    /// edges outgrew (and doubled) its capacity. A folder's and the
    /// bundled data's are the same size.
    #[test]
    fn the_graph_is_sized_exactly() {
        let kg =
            KnowledgeGraph::load(concat!(env!("CARGO_MANIFEST_DIR"), "/data"))
                .unwrap();
        let full = kg.graph();
        assert_eq!(full.capacity().0, full.node_count());
        assert_eq!(full.capacity().1, full.edge_count());
        let bundled = KnowledgeGraph::bundled();
        assert_eq!(bundled.graph().node_count(), full.node_count());
        assert_eq!(bundled.graph().edge_count(), full.edge_count());
    }

    /// The bundled graph starts with no state, organisation or source
    /// decoded; a snapshot decodes its organisation and its facts, and
    /// no other organisation's facts.
    #[test]
    fn the_bundled_graph_decodes_what_is_asked_for() {
        let kg = KnowledgeGraph::bundled();
        let built = || {
            kg.organizations
                .iter()
                .filter(|(_, m)| m.facts.made().is_some())
                .map(|(id, _)| id.as_str())
                .collect::<Vec<_>>()
        };
        let orgs = || {
            kg.organizations
                .values()
                .filter(|m| m.organization.made().is_some())
                .count()
        };
        let states =
            || kg.states.values().filter(|s| s.made().is_some()).count();
        assert!(built().is_empty());
        assert_eq!((orgs(), states()), (0, 0));
        let day = "2024-02-22".parse().unwrap();
        kg.snapshot("SCO", day, crate::Basis::Effective).unwrap();
        assert_eq!(built(), ["SCO"]);
        assert!(orgs() < kg.organizations.len());
        assert!(states() < kg.states.len());
        assert_eq!(kg.state("IND").unwrap().name, "India");
        // `igo at` does not read the sources.
        assert!(kg.sources.made().is_none());
        // The graph of everything decodes everything.
        let full = kg.graph();
        assert_eq!(built().len(), kg.organizations.len());
        assert_eq!(orgs(), kg.organizations.len());
        assert_eq!(states(), kg.states.len());
        assert!(kg.sources.made().is_some());
        assert_eq!(full.capacity().0, full.node_count());
        assert_eq!(full.capacity().1, full.edge_count());
    }

    /// A graph is shared across threads: questions asked at once, each
    /// decoding the parts it needs, answer as one thread alone would.
    #[test]
    fn parts_decoded_from_several_threads_at_once_agree() {
        fn shared<T: Send + Sync>(t: T) -> T {
            t
        }
        let kg = shared(KnowledgeGraph::bundled());
        let day = "2024-02-22".parse().unwrap();
        let ask = |kg: &KnowledgeGraph| {
            let orgs: Vec<String> =
                kg.organizations().map(|o| o.id.to_string()).collect();
            orgs.iter()
                .map(|o| kg.snapshot(o, day, crate::Basis::Effective).unwrap())
                .collect::<Vec<_>>()
        };
        let answers: Vec<_> = std::thread::scope(|s| {
            let threads: Vec<_> =
                (0..4).map(|_| s.spawn(|| ask(&kg))).collect();
            threads.into_iter().map(|t| t.join().unwrap()).collect()
        });
        let alone = ask(&KnowledgeGraph::bundled());
        assert!(answers.iter().all(|a| *a == alone));
    }
}
