//! The organisation on a day as a Graphviz DOT diagram, built with
//! graphviz-rust: the organisation at the centre, states in clusters by
//! status, the chair marked, each edge labelled with the day its status
//! took effect, a legend and a title with the date and the family size.

use std::io::Write;

use graphviz_rust::dot_structures::{
    Attribute, Edge as DotEdge, EdgeTy, Graph, GraphAttributes, Id,
    Node as DotNode, NodeId, Stmt, Subgraph, Vertex,
};
use graphviz_rust::printer::{DotPrinter, PrinterContext};

use super::{Options, day_picture};
use crate::date::Date;
use crate::error::Error;
use crate::graph::KnowledgeGraph;
use crate::model::{Basis, Organization, StateId, Status, StatusOn, Tier};
use crate::query::RosterEntry;

/// A DOT double-quoted string: backslashes and quotes escaped, line breaks
/// as DOT's `\n`, NUL and other control characters dropped. Everything
/// else (angle brackets, right-to-left marks) is literal inside quotes.
pub fn quote(s: &str) -> Id {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out.push('"');
    Id::Escaped(out)
}

pub(crate) fn attr(k: &str, v: &str) -> Attribute {
    Attribute(Id::Plain(k.to_string()), quote(v))
}

pub(crate) fn node(id: &str, attrs: Vec<Attribute>) -> Stmt {
    Stmt::Node(DotNode::new(NodeId(quote(id), None), attrs))
}

/// Fill colour of each status (colour-blind-safe pastel pairs).
pub(crate) fn color(s: Status) -> &'static str {
    match s {
        Status::MEMBER => "#9ecae1",
        Status::OBSERVER => "#a1d99b",
        Status::DIALOGUE_PARTNER => "#fdd0a2",
        Status::PARTNER => "#dadaeb",
        Status::NONE => "#eeeeee",
        // An organisation's own statuses, by tier; a second shade for a
        // second status of the same tier (frozen beside member).
        other => match other.tier() {
            Tier::Member => "#c6dbef",
            Tier::Associate => "#c7e9c0",
            Tier::Observer => "#a1d99b",
            Tier::Partner => "#fdae6b",
            Tier::None => "#eeeeee",
        },
    }
}

/// The diagram as a graphviz-rust graph.
///
/// # Errors
///
/// An unknown organisation.
pub fn graph(kg: &KnowledgeGraph, opts: &Options) -> Result<Graph, Error> {
    if opts.organization.eq_ignore_ascii_case(ALL) {
        return super::region::world(kg, opts.day()?, opts.basis);
    }
    if opts.organization.contains(',') {
        let ids: Vec<&str> =
            opts.organization.split(',').map(str::trim).collect();
        return super::region::states(kg, &ids, opts.day()?, opts.basis);
    }
    let (org, day, held) = day_picture(kg, opts)?;
    let chair =
        kg.chair_at(org.id.as_str(), day)?.map(|h| h.term.state.clone());
    let certain = held.iter().filter(|h| h.status.certain().is_some()).count();
    let mut stmts = preamble(org, day, certain, opts.basis);
    let chair = chair.as_ref().map(|c| (c, org.chair_word()));
    stmts.extend(clusters(&org.statuses, &held, chair));
    stmts.extend(edges(org, &held));
    stmts.push(legend(org, opts.basis));
    Ok(Graph::DiGraph {
        id: quote(&format!("{}-{day}", org.id)),
        strict: false,
        stmts,
    })
}

/// The graph's title and default styles, and the organisation's node.
fn preamble(
    org: &Organization,
    day: Date,
    certain: usize,
    basis: Basis,
) -> Vec<Stmt> {
    vec![
        Stmt::GAttribute(GraphAttributes::Graph(vec![
            attr(
                "label",
                &format!(
                    "{} ({}) on {day}\nfamily of {certain}, by {} date",
                    org.name, org.short_name, basis
                ),
            ),
            attr("labelloc", "t"),
            attr("fontsize", "20"),
            attr("fontname", "Helvetica"),
            attr("rankdir", "LR"),
            attr("ranksep", "1.2"),
        ])),
        Stmt::GAttribute(GraphAttributes::Node(vec![
            attr("fontname", "Helvetica"),
            attr("shape", "box"),
            attr("style", "rounded,filled"),
        ])),
        Stmt::GAttribute(GraphAttributes::Edge(vec![
            attr("fontname", "Helvetica"),
            attr("fontsize", "9"),
            attr("color", "#888888"),
        ])),
        node(
            org.id.as_str(),
            vec![
                attr("label", &format!("{}\n{}", org.name, org.short_name)),
                attr("shape", "doubleoctagon"),
                attr("fillcolor", "#fff7bc"),
                attr("fontsize", "16"),
            ],
        ),
    ]
}

/// One cluster per status, in a fixed order; uncertain states last; the
/// chair marked, with what the organisation calls it.
fn clusters(
    vocabulary: &[Status],
    held: &[RosterEntry],
    chair: Option<(&StateId, &str)>,
) -> Vec<Stmt> {
    let mut stmts = Vec::new();
    let mut groups: Vec<(String, String, Vec<&RosterEntry>)> = vocabulary
        .iter()
        .map(|s| (s.as_str().to_string(), s.plural().to_string(), Vec::new()))
        .collect();
    groups.push(("uncertain".into(), "uncertain".into(), Vec::new()));
    for h in held {
        let key = match h.status {
            StatusOn::Certain(s) => s.as_str(),
            StatusOn::Uncertain(_) => "uncertain",
        };
        if let Some(g) = groups.iter_mut().find(|g| g.0 == key) {
            g.2.push(h);
        }
    }
    for (key, title, members) in &groups {
        if members.is_empty() {
            continue;
        }
        let fill = members
            .first()
            .and_then(|h| h.status.certain())
            .map_or("#ffffff", color);
        let mut sub = vec![
            Stmt::Attribute(attr(
                "label",
                &format!("{title} ({})", members.len()),
            )),
            Stmt::Attribute(attr("style", "rounded")),
            Stmt::Attribute(attr("color", "#bbbbbb")),
        ];
        for h in members {
            let is_chair = chair.is_some_and(|(c, _)| *c == h.state);
            let mut label = h.name.clone();
            if let Some((_, word)) = chair.filter(|_| is_chair) {
                label.push_str(&format!("\n({word})"));
            }
            if let StatusOn::Uncertain(v) = &h.status {
                let names: Vec<&str> = v.iter().map(|s| s.label()).collect();
                label.push_str(&format!("\n({})", names.join(" or ")));
            }
            let mut attrs =
                vec![attr("label", &label), attr("fillcolor", fill)];
            if is_chair {
                attrs.push(attr("penwidth", "3"));
                attrs.push(attr("color", "#cb181d"));
            }
            if key == "uncertain" {
                attrs.push(attr("style", "rounded,dashed"));
            }
            sub.push(node(h.state.as_str(), attrs));
        }
        stmts.push(Stmt::Subgraph(Subgraph {
            id: Id::Plain(format!("cluster_{key}")),
            stmts: sub,
        }));
    }
    stmts
}

/// Members and observers on the left of the organisation, partners on
/// the right (edges drawn from the organisation, arrow kept pointing at
/// it), so that the organisation sits in the middle.
fn edges(org: &Organization, held: &[RosterEntry]) -> Vec<Stmt> {
    let mut stmts = Vec::new();
    for h in held {
        let label = h.since.map(|d| d.to_string()).unwrap_or_default();
        // Members and observers on the left, partners on the right.
        let left = matches!(
            h.status,
            StatusOn::Certain(s)
                if matches!(s.tier(), Tier::Member | Tier::Associate | Tier::Observer)
        );
        let state = Vertex::N(NodeId(quote(h.state.as_str()), None));
        let center = Vertex::N(NodeId(quote(org.id.as_str()), None));
        let mut attributes = vec![attr("label", &label)];
        let ty = if left {
            EdgeTy::Pair(state, center)
        } else {
            attributes.push(attr("dir", "back"));
            EdgeTy::Pair(center, state)
        };
        stmts.push(Stmt::Edge(DotEdge { ty, attributes }));
    }
    stmts
}

/// Legend: one swatch per status, the chair's border (in the
/// organisation's words), and what edge labels mean.
fn legend(org: &Organization, basis: Basis) -> Stmt {
    let vocabulary = &org.statuses;
    let mut legend = vec![
        Stmt::Attribute(attr("label", "legend")),
        Stmt::Attribute(attr("style", "rounded")),
        Stmt::Attribute(attr("color", "#bbbbbb")),
    ];
    for &s in vocabulary {
        legend.push(node(
            &format!("legend_{}", s.as_str()),
            vec![attr("label", s.label()), attr("fillcolor", color(s))],
        ));
    }
    legend.push(node(
        "legend_chair",
        vec![
            attr("label", org.chair_word()),
            attr("fillcolor", "#ffffff"),
            attr("penwidth", "3"),
            attr("color", "#cb181d"),
        ],
    ));
    legend.push(node(
        "legend_edge",
        vec![
            attr(
                "label",
                &format!(
                    "edge label: the day the status\ntook effect ({} date)",
                    basis
                ),
            ),
            attr("shape", "plaintext"),
            attr("style", ""),
        ],
    ));
    Stmt::Subgraph(Subgraph {
        id: Id::Plain("cluster_legend".to_string()),
        stmts: legend,
    })
}

/// The diagram as DOT text.
///
/// # Errors
///
/// An unknown organisation.
///
/// # Example
///
/// ```
/// use igo_graph::KnowledgeGraph;
/// use igo_graph::export::{Options, dot};
///
/// let kg = KnowledgeGraph::bundled();
/// let text = dot::to_string(&kg, &Options::new("SCO").at("2024-02-22".parse()?))?;
/// assert!(text.contains("family of 26"));
/// assert!(text.contains("(chair)"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn to_string(
    kg: &KnowledgeGraph,
    opts: &Options,
) -> Result<String, Error> {
    let g = graph(kg, opts)?;
    let mut text = g.print(&mut PrinterContext::default());
    text.push('\n');
    Ok(text)
}

/// The organisation id that asks for the region: every organisation in one
/// picture, linked by the states they share (see [`super::region`]). Ids
/// joined by commas (`SCO,CSTO,CIS`) ask for those organisations with
/// their states, each state drawn once.
pub const ALL: &str = "all";

/// Writes the diagram as DOT.
///
/// # Errors
///
/// An unknown organisation, or the writer fails.
pub fn write<W: Write>(
    kg: &KnowledgeGraph,
    opts: &Options,
    mut out: W,
) -> Result<(), Error> {
    out.write_all(to_string(kg, opts)?.as_bytes())?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quotes_hostile_text() {
        let Id::Escaped(s) = quote("a \"b\" \\ <c>\nd\0") else { panic!() };
        assert_eq!(s, "\"a \\\"b\\\" \\\\ <c>\\nd\"");
    }
}
