//! The region in one picture, two ways. [`world`]: every organisation on a
//! day, linked to those it shares most of its states with, legible with
//! the world's organisations (two dozen, two hundred states). [`states`]:
//! a few named organisations with their states, each state drawn once
//! and linked to each organisation it holds a status in.

use graphviz_rust::dot_structures::{
    Edge as DotEdge, EdgeTy, Graph, GraphAttributes, NodeId, Stmt, Vertex,
};

use super::dot::{attr, node, quote};
use crate::date::Date;
use crate::error::{Diagnostic, DiagnosticKind, Error};
use crate::graph::KnowledgeGraph;
use crate::model::{Basis, Organization, StateId, StatusOn, Tier};

/// The least share drawn as a link by [`world`]: half of the smaller
/// organisation's states hold a status in the other.
pub const LINK_SHARE: f64 = 0.5;

fn head(label: &str) -> Vec<Stmt> {
    vec![
        Stmt::GAttribute(GraphAttributes::Graph(vec![
            attr("layout", "neato"),
            attr("overlap", "prism"),
            attr("sep", "+6"),
            attr("splines", "true"),
            attr("fontname", "Helvetica"),
            attr("labelloc", "t"),
            attr("fontsize", "20"),
            attr("label", label),
        ])),
        Stmt::GAttribute(GraphAttributes::Node(vec![
            attr("fontname", "Helvetica"),
            attr("style", "rounded,filled"),
            attr("shape", "box"),
            attr("fillcolor", "#f7f7f7"),
        ])),
    ]
}

fn org_node(org: &Organization, label: &str) -> Stmt {
    node(
        &format!("org:{}", org.id),
        vec![
            attr("label", label),
            attr("shape", "doubleoctagon"),
            attr("fillcolor", "#fff7bc"),
            attr("fontsize", "18"),
        ],
    )
}

fn link(
    a: &str,
    b: &str,
    attributes: Vec<graphviz_rust::dot_structures::Attribute>,
) -> Stmt {
    Stmt::Edge(DotEdge {
        ty: EdgeTy::Pair(
            Vertex::N(NodeId(quote(a), None)),
            Vertex::N(NodeId(quote(b), None)),
        ),
        attributes,
    })
}

/// Every organisation that existed on `day`, each with the number of
/// states holding a status in it (its family), linked to each other one
/// with which it shares at least [`LINK_SHARE`] of the smaller one's
/// states; the link is labelled with the number of states in both and
/// is the heavier the larger the share. The numbers are those of
/// [`KnowledgeGraph::overlap_matrix`]'s `shared`, which holds every pair.
/// An organisation whose list of states is partial on the day says so.
///
/// # Errors
///
/// A day outside the calendar the data supports.
pub fn world(
    kg: &KnowledgeGraph,
    day: Date,
    basis: Basis,
) -> Result<Graph, Error> {
    let m = kg.overlap_matrix(&[], day, basis)?;
    let n = m.organizations.len();
    let family = |i: usize| m.cells[i * n + i].shared;
    let mut stmts = head(&format!(
        "Every organisation on {day}, by {basis} date, with the states holding a status in it\n\
         linked where at least half of the smaller one's states hold a status in the other; \
         on the link, the states in both (every pair: igo overlap --matrix)"
    ));
    for (i, id) in m.organizations.iter().enumerate() {
        let org = kg.resolve_organization(id.as_str())?;
        let partial = kg.coverage_caveat(id.as_str(), day)?.is_some();
        let label = format!(
            "{}\n({}{})",
            org.short_name,
            family(i),
            if partial { ", a partial list" } else { "" }
        );
        stmts.push(org_node(org, &label));
    }
    for i in 0..n {
        for j in i + 1..n {
            let shared = m.cells[i * n + j].shared;
            let smaller = family(i).min(family(j));
            if shared == 0 || smaller == 0 {
                continue;
            }
            #[allow(clippy::cast_precision_loss)]
            let share = shared as f64 / smaller as f64;
            if share < LINK_SHARE {
                continue;
            }
            stmts.push(link(
                &format!("org:{}", m.organizations[i]),
                &format!("org:{}", m.organizations[j]),
                vec![
                    attr("label", &shared.to_string()),
                    attr("penwidth", &format!("{:.1}", 1.0 + 5.0 * share)),
                    attr(
                        "color",
                        if share >= 0.9 { "#08519c" } else { "#6baed6" },
                    ),
                    attr("len", &format!("{:.2}", 3.5 - 2.0 * share)),
                    attr("fontname", "Helvetica"),
                ],
            ));
        }
    }
    Ok(Graph::Graph {
        id: quote(&format!("region-{day}")),
        strict: false,
        stmts,
    })
}

/// The organisations named, with the states holding a status in each on
/// `day`: each state drawn once, linked to each organisation it is in,
/// the link coloured and styled by tier. Laid out by Graphviz's `neato`
/// (a spring model: states shared by several organisations sit between
/// them).
///
/// # Errors
///
/// An unknown organisation, or one named twice.
pub fn states(
    kg: &KnowledgeGraph,
    ids: &[&str],
    day: Date,
    basis: Basis,
) -> Result<Graph, Error> {
    let mut orgs: Vec<&Organization> = Vec::new();
    for id in ids {
        let org = kg.resolve_organization(id)?;
        if orgs.iter().any(|o| o.id == org.id) {
            let d = Diagnostic::new(
                DiagnosticKind::Query,
                format!("`{}` is named twice in --org", org.id),
            )
            .help("name each organisation once: `--org SCO,CSTO,CIS`");
            return Err(Error::one(d));
        }
        orgs.push(org);
    }
    let names: Vec<&str> =
        orgs.iter().map(|o| o.short_name.as_str()).collect();
    let mut stmts = head(&format!(
        "{} on {day}, by {basis} date\nlinks: member (solid blue), associate (solid green), \
         observer (dashed green), partner (dotted orange), uncertain (dashed grey)",
        names.join(", ")
    ));
    let mut states: Vec<StateId> = Vec::new();
    let mut edges = Vec::new();
    for org in orgs {
        let held = kg.roster(org.id.as_str(), day, basis, None)?;
        let certain =
            held.iter().filter(|h| h.status.certain().is_some()).count();
        stmts.push(org_node(org, &format!("{}\n({certain})", org.short_name)));
        for h in held {
            if !states.contains(&h.state) {
                states.push(h.state.clone());
            }
            let (color, style) = match h.status {
                StatusOn::Certain(s) => match s.tier() {
                    Tier::Member => ("#3182bd", "solid"),
                    Tier::Associate => ("#31a354", "solid"),
                    Tier::Observer => ("#31a354", "dashed"),
                    Tier::Partner => ("#e6550d", "dotted"),
                    Tier::None => ("#bbbbbb", "dashed"),
                },
                StatusOn::Uncertain(_) => ("#999999", "dashed"),
            };
            edges.push(link(
                h.state.as_str(),
                &format!("org:{}", org.id),
                vec![
                    attr("color", color),
                    attr("style", style),
                    attr("penwidth", "2"),
                    attr("arrowhead", "none"),
                ],
            ));
        }
    }
    states.sort();
    for st in &states {
        let name =
            kg.state(st.as_str()).map_or(st.as_str(), |s| s.name.as_str());
        stmts.push(node(st.as_str(), vec![attr("label", name)]));
    }
    stmts.extend(edges);
    Ok(Graph::Graph {
        id: quote(&format!("region-{day}")),
        strict: false,
        stmts,
    })
}
