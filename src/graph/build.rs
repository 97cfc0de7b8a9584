//! Builds a [`KnowledgeGraph`] from a validated data set: the states,
//! organisations and sources as nodes, and each organisation's own part
//! (see [`super::facts`]).

use std::collections::BTreeMap;

use petgraph::stable_graph::{NodeIndex, StableDiGraph};

use super::facts::Part;
use super::{Edge, KnowledgeGraph, Node, Sources};
use crate::bundle::{self, Core};
use crate::load;
use crate::model::{
    Organization, OrganizationId, Source, SourceId, State, StateId,
};

impl KnowledgeGraph {
    /// The graph of a data set read from files, texts or JSON: every part
    /// built now.
    pub(super) fn build(data: load::Dataset) -> KnowledgeGraph {
        let (core, facts, sources) = bundle::split(data);
        let sources_count = sources.len();
        let mut b = Builder::sized_for(
            &core,
            sources_count,
            Sources::Nodes(BTreeMap::new()),
        );
        b.sources(sources);
        let orgs: Vec<&Organization> = core.organizations.iter().collect();
        let parts: Vec<(OrganizationId, Part)> = orgs
            .iter()
            .zip(facts)
            .map(|(o, f)| (o.id.clone(), Part::built(o, f)))
            .collect();
        b.states(core.states);
        b.organizations(core.organizations);
        b.finish(parts)
    }

    /// The graph of a bundle's core, whose parts are still encoded and
    /// whose sources are where `sources` says.
    pub(super) fn build_core(
        core: Core,
        parts: Vec<Part>,
        sources: Sources,
    ) -> KnowledgeGraph {
        let mut b = Builder::sized_for(&core, 0, sources);
        let ids: Vec<OrganizationId> =
            core.organizations.iter().map(|o| o.id.clone()).collect();
        b.states(core.states);
        b.organizations(core.organizations);
        b.finish(ids.into_iter().zip(parts).collect())
    }
}

/// Builds the nodes of the states, organisations and sources. Every fact
/// goes into the graph once, as a node or an edge; the indices point at
/// those (the bundled sources excepted: their citations are kept for the
/// graph of everything). The data set comes from the loader only, so
/// every id in it names a node already added.
struct Builder {
    graph: StableDiGraph<Node, Edge>,
    organizations: BTreeMap<OrganizationId, NodeIndex>,
    states: BTreeMap<StateId, NodeIndex>,
    sources: Sources,
}

impl Builder {
    /// A builder whose graph is sized exactly for `core` and `n_sources`
    /// source nodes: at startup every page a vector outgrows is a page
    /// fault.
    fn sized_for(
        core: &Core,
        n_sources: usize,
        mut sources: Sources,
    ) -> Builder {
        let n_nodes = core.states.len() + core.organizations.len() + n_sources;
        let n_cites: usize = core
            .states
            .iter()
            .map(|s| s.sources.len())
            .chain(core.organizations.iter().map(|o| o.sources.len()))
            .sum();
        let n_successions = core
            .organizations
            .iter()
            .filter(|o| o.successor.is_some())
            .count();
        // The bundled citations wait for the graph of everything.
        let n_graph_cites = match &mut sources {
            Sources::Nodes(_) => n_cites,
            Sources::Bundled(l) => {
                l.cited.reserve_exact(n_cites);
                0
            }
        };
        Builder {
            graph: StableDiGraph::with_capacity(
                n_nodes,
                n_graph_cites + n_successions,
            ),
            organizations: BTreeMap::new(),
            states: BTreeMap::new(),
            sources,
        }
    }

    /// The source nodes (none for the bundled data: they stay encoded).
    fn sources(&mut self, sources: Vec<Source>) {
        if let Sources::Nodes(m) = &mut self.sources {
            for s in sources {
                let id = s.id.clone();
                m.insert(id, self.graph.add_node(Node::Source(s)));
            }
        }
    }

    /// Edges from `node` to each source it cites; for the bundled data,
    /// kept for the graph of everything (see [`KnowledgeGraph::graph`]).
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

    fn states(&mut self, states: Vec<State>) {
        for s in states {
            let (id, cites) = (s.id.clone(), s.sources.clone());
            let n = self.graph.add_node(Node::State(s));
            self.cite(n, &cites);
            self.states.insert(id, n);
        }
    }

    fn organizations(&mut self, organizations: Vec<Organization>) {
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

    /// The graph, with each organisation's part.
    fn finish(self, parts: Vec<(OrganizationId, Part)>) -> KnowledgeGraph {
        KnowledgeGraph {
            graph: self.graph,
            organizations: self.organizations,
            states: self.states,
            sources: self.sources,
            parts: parts.into_iter().collect(),
            full: std::sync::OnceLock::new(),
        }
    }
}
