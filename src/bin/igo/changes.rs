//! The text tables of changes over time: `igo timeline` (one count
//! column per status of the organisation's own vocabulary) and `igo diff`.

use std::fmt::Write as _;

use igo_graph::{
    Diff, KnowledgeGraph, Status, SummitTimeline, TimelineEntry, TimelineEvent,
};

use crate::report::Failure;
use crate::table::{human, name, opt_or, summit_label, trunc, wrap};

/// `igo timeline`: the day's changes grouped by (from, to), the counts
/// after the day, and the summits when asked for.
pub fn timeline(
    kg: &KnowledgeGraph,
    t: &SummitTimeline,
) -> Result<String, Failure> {
    let mut out = String::new();
    let tl = &t.timeline;
    let org = kg.organization(tl.organization.as_str());
    writeln!(
        out,
        "{}, every change by {} date",
        org.map_or(tl.organization.to_string(), |o| format!(
            "{} ({})",
            o.name, o.short_name
        )),
        tl.basis
    )?;
    crate::table::caveats(&mut out, &tl.coverage)?;
    let vocabulary = org.map_or(&[][..], |o| o.statuses.as_slice());
    let heads = count_heads(vocabulary);
    let mut key: Vec<String> = vocabulary
        .iter()
        .zip(&heads)
        .map(|(s, h)| format!("{h} {}", s.plural()))
        .collect();
    key.push("U uncertain".into());
    key.push("F the whole family (certain)".into());
    let key = format!("counts after the day: {}", key.join(", "));
    writeln!(out, "{}", wrap(&key, 78, 0, 0))?;
    if !t.summits.is_empty() {
        // The summit rows, in the organisation's words.
        let meeting =
            org.map_or("a summit".to_string(), |o| o.summit_meeting());
        writeln!(out, "{}", wrap(&format!("* {meeting}"), 78, 0, 2))?;
    }
    writeln!(out)?;
    let mut head = format!("{:<10} ", "date");
    for h in &heads {
        head.push_str(&format!(" {h:>2}"));
    }
    head.push_str(&format!(" {:>2} {:>3}  change", "U", "F"));
    writeln!(out, "{head}")?;
    let cols = Columns { vocabulary, width: head.len() - "change".len() };
    let entries = t.entries();
    let mut rest = entries.as_slice();
    while let Some(first) = rest.first() {
        match first {
            TimelineEntry::Summit { summit, day, .. } => {
                let label = format!("* {}", summit_label(summit));
                let w = cols.width;
                writeln!(
                    out,
                    "{:<w$}{}",
                    day.to_string(),
                    wrap(&label, 78.max(w + 30), w, w + 2)
                )?;
                rest = &rest[1..];
            }
            TimelineEntry::Change(c) => {
                // The changes of one date, together.
                let day: Vec<&TimelineEvent> = rest
                    .iter()
                    .map_while(|e| match e {
                        TimelineEntry::Change(e)
                            if e.date == c.date && e.latest == c.latest =>
                        {
                            Some(*e)
                        }
                        _ => None,
                    })
                    .collect();
                timeline_day(&mut out, &day, &cols)?;
                rest = &rest[day.len()..];
            }
        }
    }
    if !tl.pending.is_empty() {
        writeln!(out, "\ndecided, not yet in effect:")?;
        for p in &tl.pending {
            writeln!(
                out,
                "  {} {} ({}), decided {}",
                p.state,
                name(kg, p.state.as_str()),
                p.status.label(),
                opt_or(p.decided, "-")
            )?;
        }
    }
    Ok(out)
}

/// The count columns of the timeline: one per status of the vocabulary,
/// and where the change text starts.
struct Columns<'a> {
    vocabulary: &'a [Status],
    width: usize,
}

/// A short head for each status of a vocabulary: its id's first letter,
/// or its first two where that is taken (`F` and `U` are the family and
/// the uncertain).
fn count_heads(vocabulary: &[Status]) -> Vec<String> {
    let mut taken = vec!["F".to_string(), "U".to_string()];
    let mut heads = Vec::new();
    for s in vocabulary {
        let id: Vec<char> =
            s.as_str().chars().filter(|c| c.is_alphanumeric()).collect();
        let head = (1..=id.len().min(2))
            .map(|n| id[..n].iter().collect::<String>().to_uppercase())
            .find(|h| !taken.contains(h))
            .unwrap_or_else(|| format!("S{}", heads.len() + 1));
        taken.push(head.clone());
        heads.push(head);
    }
    heads
}

/// The lines of one day of the timeline: a line per (from, to), the
/// counts on the first.
fn timeline_day(
    out: &mut String,
    day: &[&TimelineEvent],
    cols: &Columns<'_>,
) -> Result<(), Failure> {
    let mut groups: Vec<(Status, Status, Vec<String>)> = Vec::new();
    for e in day {
        // A change the sources dispute is marked: it is in no count. One
        // whose sources give other days names the days it may fall on.
        let own = (e.date.first_day(), e.date.last_day());
        let state = match (&e.disputed, (e.earliest, e.latest) != own) {
            (Some(_), _) => format!("{} (disputed)", e.state),
            (None, true) => format!(
                "{} (sources differ: {} to {})",
                e.state, e.earliest, e.latest
            ),
            (None, false) => e.state.to_string(),
        };
        match groups.iter_mut().find(|g| g.0 == e.from && g.1 == e.to) {
            Some(g) => g.2.push(state),
            None => groups.push((e.from, e.to, vec![state])),
        }
    }
    let c = &day[0].after;
    for (k, (from, to, states)) in groups.iter().enumerate() {
        let states = states.join(" ");
        let change = match (*from, *to) {
            (Status::NONE, to) => format!("+ {}: {states}", to.label()),
            (from, Status::NONE) => format!("- {}: {states}", from.label()),
            (from, to) => {
                format!("{} -> {}: {states}", from.label(), to.label())
            }
        };
        let prefix = if k == 0 {
            let mut p = format!("{:<10} ", day[0].date.to_string());
            for s in cols.vocabulary {
                p.push_str(&format!(" {:>2}", c.of(*s)));
            }
            p.push_str(&format!(" {:>2} {:>3}  ", c.uncertain, c.family));
            p
        } else {
            " ".repeat(cols.width)
        };
        let w = cols.width;
        writeln!(out, "{prefix}{}", wrap(&change, 78.max(w + 30), w, w + 2))?;
    }
    Ok(())
}

/// `igo diff FROM TO`, with the family sizes on the two days.
pub fn diff(
    kg: &KnowledgeGraph,
    d: &Diff,
    (before, after): (usize, usize),
) -> Result<String, Failure> {
    let mut out = String::new();
    writeln!(
        out,
        "{} from {} to {}, by {} date",
        d.organization, d.from, d.to, d.basis
    )?;
    writeln!(out, "family: {before} -> {after}")?;
    crate::table::caveats(&mut out, &d.coverage)?;
    if d.changes.is_empty() {
        writeln!(out, "no state changed status")?;
    }
    for c in &d.changes {
        writeln!(
            out,
            "  {:<4} {:<22} {:>18} -> {}",
            c.state,
            trunc(&name(kg, c.state.as_str()), 22),
            human(&c.before),
            human(&c.after)
        )?;
    }
    Ok(out)
}
