//! The text tables of an organisation's institutions, each in its own
//! words: `igo chairs` (its chair), `igo summits` (its summit body), `igo
//! officials` (each office it declares) and `igo events`.

use std::fmt::Write as _;

use igo_graph::{Evidence, KnowledgeGraph, Office, SummitStatus};

use crate::report::Failure;
use crate::table::{name, opt_or, trunc, wrap};

/// `igo chairs`: the heading names the organisation's chair, and, where
/// every term that ended was ended by a summit, when the chair passes.
pub fn chairs(kg: &KnowledgeGraph, org: &str) -> Result<String, Failure> {
    let mut out = String::new();
    let o = kg.resolve_organization(org)?;
    let terms = kg.chairs(org);
    let ended: Vec<_> = terms.iter().filter(|t| t.end.is_some()).collect();
    let at_summits =
        !ended.is_empty() && ended.iter().all(|t| t.ended_by.is_some());
    let mut heading = format!("{org} {}", o.chair_plural());
    if at_summits {
        heading.push_str(&format!(
            " (the {} passes at the end of {})",
            o.chair_word(),
            o.summit_meeting_short()
        ));
    }
    writeln!(out, "{}\n", wrap(&heading, 78, 0, 2))?;
    writeln!(
        out,
        "{:<11} {:<11} {:<20} {:<8} ended by",
        "from",
        "until",
        trunc(o.chair_word(), 20),
        "day"
    )?;
    for t in terms {
        let ended = t
            .ended_by
            .as_ref()
            .and_then(|s| kg.summit(s.as_str()))
            .map(|s| format!("{} {}", s.city, s.days()))
            .unwrap_or_default();
        // Its own column, so that a long name never hides it.
        let mark =
            if t.evidence == Evidence::Inferred { "inferred" } else { "" };
        let line = format!(
            "{:<11} {:<11} {:<20} {mark:<8} {ended}",
            t.start.to_string(),
            opt_or(t.end, "now"),
            trunc(&name(kg, t.state.as_str()), 20)
        );
        writeln!(out, "{}", line.trim_end())?;
    }
    Ok(out)
}

/// `igo summits`: the heading names the organisation's summit body.
pub fn summits(kg: &KnowledgeGraph, org: &str) -> Result<String, Failure> {
    let mut out = String::new();
    let o = kg.resolve_organization(org)?;
    let heading = match &o.summit_body {
        Some(body) => format!("{org} summits ({body})"),
        None => format!("{org} summits"),
    };
    writeln!(out, "{}\n", wrap(&heading, 78, 0, 2))?;
    writeln!(
        out,
        "{:>3}  {:<21} {:<16} {:<4} format",
        "no", "days", "city", "host"
    )?;
    for s in kg.summits(org) {
        let no = s.ordinal.map(|n| n.to_string()).unwrap_or_default();
        let mut format = s.format.map_or("", |f| f.as_str()).replace('_', " ");
        if s.status == SummitStatus::Planned {
            format = "planned".to_string();
        }
        if s.evidence == igo_graph::Evidence::Inferred {
            format.push_str(" (day inferred)");
        }
        writeln!(
            out,
            "{no:>3}  {:<21} {:<16} {:<4} {format}",
            s.days(),
            trunc(&s.city, 16),
            s.host.as_str()
        )?;
    }
    Ok(out)
}

/// `igo officials`: one table per office the organisation declares, in
/// its order, each headed by the office's title in the plural.
pub fn officials(kg: &KnowledgeGraph, org: &str) -> Result<String, Failure> {
    let o = kg.resolve_organization(org)?;
    let mut parts = Vec::new();
    for office in &o.offices {
        parts.push(office_table(kg, org, office)?);
    }
    Ok(parts.join("\n"))
}

/// The terms of one office.
fn office_table(
    kg: &KnowledgeGraph,
    org: &str,
    office: &Office,
) -> Result<String, Failure> {
    let mut out = String::new();
    writeln!(
        out,
        "{}\n",
        wrap(&format!("{org} {}", office.plural), 78, 0, 2)
    )?;
    writeln!(
        out,
        "{:<11} {:<11} {:<24} {:<4} appointed",
        "from", "until", "name", "of"
    )?;
    for t in kg.officials(org).into_iter().filter(|t| t.office == office.id) {
        let until = t.end.map_or_else(
            || t.scheduled_end.map_or("now".to_string(), |d| format!("({d})")),
            |d| d.to_string(),
        );
        let appointed = match (t.appointed, &t.appointed_at) {
            (_, Some(s)) => kg
                .summit(s.as_str())
                .map_or(s.to_string(), |x| format!("{} {}", x.city, x.days())),
            (Some(d), None) => d.to_string(),
            _ => String::new(),
        };
        writeln!(
            out,
            "{:<11} {:<11} {:<24} {:<4} {appointed}",
            t.start.to_string(),
            until,
            trunc(&t.name, 24),
            t.nationality.as_str()
        )?;
    }
    Ok(out)
}

/// `igo events`.
pub fn events(kg: &KnowledgeGraph, org: &str) -> Result<String, Failure> {
    let mut out = String::new();
    writeln!(out, "{org} founding acts and institutions\n")?;
    for e in kg.events(org) {
        let place =
            e.place.as_ref().map_or(String::new(), |p| format!(" ({p})"));
        writeln!(
            out,
            "{:<11} {}",
            e.date.to_string(),
            wrap(&format!("{}{place}", e.title), 78, 12, 12)
        )?;
    }
    Ok(out)
}
