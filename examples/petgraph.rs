//! The raw petgraph graph: which states held a status in both the Shanghai
//! Five and the SCO, found by walking edges instead of calling queries.
//!
//! cargo run --example petgraph

use std::collections::BTreeMap;

use igo_graph::petgraph::visit::{EdgeRef, IntoEdgeReferences};
use igo_graph::{Edge, KnowledgeGraph, Node};

fn main() {
    let kg = KnowledgeGraph::bundled();
    let g = kg.graph();
    // state name -> organisations it was linked to by a status edge
    let mut orgs: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for e in g.edge_references() {
        if let (Edge::Status(span), Node::State(state)) =
            (e.weight(), &g[e.source()])
        {
            let list = orgs.entry(state.name.clone()).or_default();
            if !list.contains(&span.organization.to_string()) {
                list.push(span.organization.to_string());
            }
        }
    }
    let both = |l: &Vec<String>| {
        ["SHANGHAI5", "SCO"].iter().all(|o| l.iter().any(|x| x == o))
    };
    for (state, list) in orgs.iter().filter(|(_, l)| both(l)) {
        println!("{state}: {}", list.join(" -> "));
    }
}
