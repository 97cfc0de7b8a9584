//! The text tables of `--format table`, 78 columns wide.

use std::fmt::Write as _;

use igo_graph::{
    BasesComparison, Basis, Date, Evidence, History, KnowledgeGraph, Reason,
    RosterEntry, Snapshot, Source, Status, StatusOn, Summit,
};

use crate::report::Failure;

/// The English name of a state, else its id.
pub fn name(kg: &KnowledgeGraph, id: &str) -> String {
    kg.state(id).map_or_else(|| id.to_string(), |s| s.name.clone())
}

/// `s`, cut to `width` characters with an ellipsis.
pub fn trunc(s: &str, width: usize) -> String {
    if s.chars().count() <= width {
        s.to_string()
    } else {
        let mut t: String = s.chars().take(width - 1).collect();
        t.push('…');
        t
    }
}

/// `member`, `-` for no status, `member or observer` when uncertain.
pub fn human(s: &StatusOn) -> String {
    match s {
        StatusOn::Certain(Status::NONE) => "-".to_string(),
        StatusOn::Certain(s) => s.label().to_string(),
        StatusOn::Uncertain(v) => possible(v),
    }
}

/// The possible statuses of an uncertain one: `member or no status`.
pub fn possible(v: &[Status]) -> String {
    v.iter()
        .map(|s| match *s {
            Status::NONE => "no status",
            s => s.label(),
        })
        .collect::<Vec<_>>()
        .join(" or ")
}

/// Word-wraps `text` to `width` columns. The first line continues a line
/// already at column `start`; later lines are indented by `indent` spaces.
pub fn wrap(text: &str, width: usize, start: usize, indent: usize) -> String {
    let mut out = String::new();
    let mut col = start;
    let mut first = true;
    for word in text.split_whitespace() {
        let len = word.chars().count();
        if !first && col + 1 + len > width {
            out.push('\n');
            out.push_str(&" ".repeat(indent));
            col = indent;
        } else if !first {
            out.push(' ');
            col += 1;
        }
        out.push_str(word);
        col += len;
        first = false;
    }
    out
}

/// `24th Council, Astana (KAZ), in person`.
pub fn summit_label(s: &Summit) -> String {
    let ordinal = s.ordinal.map_or(String::new(), |n| {
        let suffix = match (n % 10, n % 100) {
            (1, x) if x != 11 => "st",
            (2, x) if x != 12 => "nd",
            (3, x) if x != 13 => "rd",
            _ => "th",
        };
        format!("{n}{suffix} ")
    });
    let format = s.format.map_or(String::new(), |f| {
        format!(", {}", f.as_str().replace('_', " "))
    });
    format!("{ordinal}summit, {} ({}){format}", s.city, s.host)
}

/// A date, or `none` in its place.
pub fn opt_or(d: Option<Date>, none: &str) -> String {
    d.map_or(none.to_string(), |d| d.to_string())
}

/// `igo at DATE`: the heading, the offices, each category with the day
/// each state took its status, the uncertain and pending states, and
/// where the other basis disagrees.
pub fn snapshot(
    kg: &KnowledgeGraph,
    snap: &Snapshot,
    bases: &BasesComparison,
) -> Result<String, Failure> {
    let mut out = String::new();
    snapshot_heading(&mut out, kg, snap)?;
    snapshot_offices(&mut out, kg, snap)?;
    snapshot_states(&mut out, kg, snap)?;
    if !bases.differences.is_empty() {
        let differ: Vec<String> = bases
            .differences
            .iter()
            .map(|d| {
                let status = match &d.other {
                    StatusOn::Certain(Status::NONE) => "no status".into(),
                    other => other.label().replace('_', " "),
                };
                format!("{} {status}", d.state)
            })
            .collect();
        let text = format!(
            "by {} date the family is {} ({})",
            bases.other.basis,
            bases.other.family_size,
            differ.join(", ")
        );
        writeln!(out, "\n{}", wrap(&text, 78, 0, 2))?;
    }
    Ok(out)
}

fn snapshot_heading(
    out: &mut String,
    kg: &KnowledgeGraph,
    snap: &Snapshot,
) -> Result<(), Failure> {
    let org = kg.organization(snap.organization.as_str());
    // The name it bore that day (the European Economic Community in
    // 1990), with the id it is asked by.
    let title = org.map_or_else(
        || snap.organization.to_string(),
        |o| format!("{} ({})", o.name_on(snap.date), o.short_name),
    );
    writeln!(out, "{title}")?;
    writeln!(out, "on {}, by {} date", snap.date, snap.basis)?;
    if let Some(o) = org
        && !o.existed_on(snap.date)
    {
        if o.end_uncertain_on(snap.date) {
            writeln!(
                out,
                "(the organisation ended in {}, a date known only to the \
                 month or year: it may no longer have existed on this day)",
                opt_or(o.dissolved, "")
            )?;
        } else {
            writeln!(
                out,
                "(the organisation did not exist on this day: {} to {})",
                o.founded,
                opt_or(o.dissolved, "today")
            )?;
        }
    }
    let vocabulary = org.map_or(Status::HELD.to_vec(), |o| o.statuses.clone());
    let parts: Vec<String> = vocabulary
        .iter()
        .filter(|s| !snap.with_status(**s).is_empty())
        .map(|s| {
            let n = snap.with_status(*s).len();
            format!("{n} {}", if n == 1 { s.label() } else { s.plural() })
        })
        .collect();
    writeln!(
        out,
        "family of {}: {}",
        snap.family_size,
        if parts.is_empty() {
            "no states".to_string()
        } else {
            parts.join(", ")
        }
    )?;
    if !snap.organization_members.is_empty() {
        let guests: Vec<String> = snap
            .organization_members
            .iter()
            .map(|g| {
                let label = org
                    .and_then(|o| o.status(&g.status))
                    .map_or(g.status.as_str(), |s| s.label());
                format!("{} ({label})", g.name)
            })
            .collect();
        let text =
            format!("and organisations, not states: {}", guests.join(", "));
        writeln!(out, "{}", wrap(&text, 78, 0, 2))?;
    }
    for c in snap.caveat.iter().chain(&snap.coverage) {
        writeln!(out, "{}", wrap(&format!("caveat: {c}"), 78, 0, 2))?;
    }
    Ok(())
}

/// The caveats of an answer, each on lines of its own.
pub fn caveats<'a>(
    out: &mut String,
    all: impl IntoIterator<Item = &'a String>,
) -> Result<(), Failure> {
    for c in all {
        writeln!(out, "{}", wrap(&format!("caveat: {c}"), 78, 0, 2))?;
    }
    Ok(())
}

fn snapshot_offices(
    out: &mut String,
    kg: &KnowledgeGraph,
    snap: &Snapshot,
) -> Result<(), Failure> {
    let org_id = snap.organization.as_str();
    let word = kg.organization(org_id).map_or("chair", |o| o.chair_word());
    if let Some(h) = kg.chair_at(org_id, snap.date)? {
        let t = h.term;
        let mut line = format!(
            "{word}: {} since {}",
            name(kg, t.state.as_str()),
            t.start
        );
        if let Some(s) =
            t.ended_by.as_ref().and_then(|s| kg.summit(s.as_str()))
        {
            let upcoming = s.start.is_none_or(|d| snap.date < d.first_day());
            line.push_str(&format!(
                "; the term ends at the {} summit ({}){}",
                s.city,
                s.days(),
                if upcoming { ", upcoming" } else { "" }
            ));
        }
        if t.evidence == Evidence::Inferred {
            line.push_str(" (inferred)");
        }
        if !h.certain {
            line.push_str(" (uncertain: the term's start is imprecise)");
        }
        writeln!(out, "{}", wrap(&line, 78, 0, 2))?;
    }
    // Every office the organisation declares, in its words.
    for h in &snap.offices {
        let mut line = format!(
            "{}: {} ({}) since {}",
            h.label,
            h.name,
            name(kg, h.nationality.as_str()),
            h.since
        );
        if !h.certain {
            line.push_str(" (uncertain: the term's start is imprecise)");
        }
        writeln!(out, "{}", wrap(&line, 78, 0, 2))?;
    }
    Ok(())
}

fn snapshot_states(
    out: &mut String,
    kg: &KnowledgeGraph,
    snap: &Snapshot,
) -> Result<(), Failure> {
    let org = snap.organization.as_str();
    let vocabulary = kg
        .organization(org)
        .map_or(Status::HELD.to_vec(), |o| o.statuses.clone());
    for s in vocabulary {
        let ids = snap.with_status(s);
        if ids.is_empty() {
            continue;
        }
        writeln!(out, "\n{} ({})", s.plural(), ids.len())?;
        for id in ids {
            let since = kg
                .since(org, id.as_str(), snap.date, snap.basis)?
                .map(|d| format!("since {d}"))
                .unwrap_or_default();
            let n = trunc(&name(kg, id.as_str()), 28);
            writeln!(out, "  {id:<4} {n:<28} {since}")?;
        }
    }
    if !snap.uncertain.is_empty() {
        let has = |r: Reason| snap.uncertain.iter().any(|u| u.reason == r);
        let why = [
            (
                Reason::ImpreciseDate,
                "a date in the data is only a month or year",
            ),
            (Reason::ConflictingDays, "the sources give different days"),
            (Reason::Disputed, "a disputed status"),
            (Reason::Missing, "no information in the data for the year"),
        ]
        .iter()
        .filter(|(r, _)| has(*r))
        .map(|(_, w)| *w)
        .collect::<Vec<_>>()
        .join(", or ");
        writeln!(out, "\nuncertain on this day ({why})")?;
        for u in &snap.uncertain {
            let n = trunc(&name(kg, u.state.as_str()), 28);
            let mut line =
                format!("  {:<4} {n:<28} {}", u.state, possible(&u.possible));
            let sides = match u.reason {
                Reason::Disputed => Some(("disputed", "for", "against")),
                Reason::ConflictingDays => {
                    Some(("days differ", "kept day", "other days"))
                }
                _ => None,
            };
            if let Some((mark, _, _)) = sides {
                line.push_str(&format!(" ({mark})"));
            }
            writeln!(out, "{line}")?;
            let Some((_, kept, other)) = sides else { continue };
            for (word, ids) in [(kept, &u.sources), (other, &u.against)] {
                let ids: Vec<&str> = ids.iter().map(|s| s.as_str()).collect();
                let side = format!("{word}: {}", ids.join(", "));
                let indent = word.len() + 9;
                writeln!(out, "       {}", wrap(&side, 78, 7, indent))?;
            }
        }
    }
    if !snap.pending.is_empty() {
        writeln!(out, "\ndecided, not yet in effect")?;
        for p in &snap.pending {
            writeln!(
                out,
                "  {:<4} {:<28} {}, decided {}",
                p.state,
                trunc(&name(kg, p.state.as_str()), 28),
                p.status.label(),
                opt_or(p.decided, "-")
            )?;
        }
    }
    Ok(())
}

/// `igo members`, with the caveat of a partial list (`coverage`).
pub fn roster(
    (org, date, basis): (&str, Date, Basis),
    status: Option<Status>,
    roster: &[RosterEntry],
    coverage: Option<&String>,
) -> Result<String, Failure> {
    let mut out = String::new();
    let what = status.map_or("states", Status::plural);
    // The count is of certain statuses, as `igo at` counts; the uncertain
    // states that may hold one are listed and counted apart.
    let unsure = roster.iter().filter(|e| e.status.certain().is_none());
    let unsure = unsure.count();
    let certain = roster.len() - unsure;
    let also = match unsure {
        0 => String::new(),
        n => format!(", and {n} uncertain"),
    };
    writeln!(out, "{org} {what} on {date}, by {basis} date: {certain}{also}")?;
    caveats(&mut out, coverage)?;
    for e in roster {
        let status = match &e.status {
            StatusOn::Uncertain(v) => format!("uncertain: {}", possible(v)),
            StatusOn::Certain(s) => s.label().to_string(),
        };
        let since = e.since.map(|d| format!("since {d}")).unwrap_or_default();
        let line = format!(
            "  {:<4} {:<24} {:<18} {since}",
            e.state.as_str(),
            trunc(&e.name, 24),
            status,
        );
        writeln!(out, "{}", line.trim_end())?;
    }
    Ok(out)
}

/// `igo history STATE`: each transition with numbered sources, then the
/// sources in full.
pub fn history(h: &History) -> Result<String, Failure> {
    let mut out = String::new();
    let s = &h.state;
    let mut ids = vec![format!("{}, {}", s.id, s.iso2)];
    if let (Some(c), Some(a)) = (s.cow_code, &s.cow_abbrev) {
        ids.push(format!("COW {c} {a}"));
    }
    if let Some(q) = &s.wikidata {
        ids.push(format!("Wikidata {q}"));
    }
    writeln!(out, "{} ({})", s.name, ids.join("; "))?;
    if !s.aliases.is_empty() {
        writeln!(out, "also: {}", s.aliases.join(", "))?;
    }
    crate::life::describe(&mut out, s)?;
    if h.entries.is_empty() {
        writeln!(out, "\nholds no status in this data")?;
    }
    let mut sources: Vec<&Source> = Vec::new();
    for e in &h.entries {
        let date = match (e.decided, e.effective) {
            (Some(d), Some(f)) if d == f => format!("{f}"),
            (Some(d), Some(f)) => format!("{f} (decided {d})"),
            (None, Some(f)) => format!("{f}"),
            (Some(d), None) => format!("decided {d}, not yet in effect"),
            (None, None) => "-".to_string(),
        };
        let inferred = if e.evidence == igo_graph::Evidence::Inferred {
            " (day inferred: see the note)"
        } else {
            ""
        };
        writeln!(
            out,
            "\n{:<9} {:<17} {date}{inferred}",
            e.organization,
            e.status.label(),
        )?;
        let refs: Vec<String> = e
            .sources
            .iter()
            .map(|src| format!("[{}]", number(&mut sources, src)))
            .collect();
        if !refs.is_empty() {
            let label = if e.against.is_empty() { "sources" } else { "for" };
            let refs = wrap(&refs.join(" "), 78, 18, 18);
            writeln!(out, "          {label:<7} {refs}")?;
        }
        if !e.against.is_empty() {
            let refs: Vec<String> = e
                .against
                .iter()
                .map(|src| format!("[{}]", number(&mut sources, src)))
                .collect();
            let refs = wrap(&refs.join(" "), 78, 18, 18);
            writeln!(
                out,
                "          against {refs} (the status is disputed)"
            )?;
        }
        for a in &e.alternatives {
            let refs: Vec<String> = a
                .sources
                .iter()
                .map(|src| format!("[{}]", number(&mut sources, src)))
                .collect();
            let line = format!("other day {} {}", a.days(), refs.join(" "));
            writeln!(out, "          {}", wrap(&line, 78, 10, 18))?;
        }
        if let Some(note) = &e.note {
            let note = wrap(&format!("note: {note}"), 78, 10, 10);
            writeln!(out, "          {note}")?;
        }
    }
    history_sources(&mut out, &sources)?;
    Ok(out)
}

/// The number of `src` in the list of a history's sources, added at the
/// end when new.
fn number<'a>(sources: &mut Vec<&'a Source>, src: &'a Source) -> usize {
    match sources.iter().position(|s| s.id == src.id) {
        Some(i) => i + 1,
        None => {
            sources.push(src);
            sources.len()
        }
    }
}

fn history_sources(
    out: &mut String,
    sources: &[&Source],
) -> Result<(), Failure> {
    if sources.is_empty() {
        return Ok(());
    }
    writeln!(out, "\nsources")?;
    for (i, s) in sources.iter().enumerate() {
        let mut line = format!("[{}] {}", i + 1, s.title);
        if let Some(p) = &s.publisher {
            line.push_str(&format!(", {p}"));
        }
        if let Some(d) = s.published {
            line.push_str(&format!(", {d}"));
        }
        writeln!(out, "{}", wrap(&line, 78, 0, 4))?;
        writeln!(out, "    {}", s.url)?;
    }
    Ok(())
}

/// `igo claims`: each published count beside the computed ones.
pub fn claims(
    kg: &KnowledgeGraph,
    org: &str,
    checks: &[igo_graph::ClaimCheck],
) -> Result<String, Failure> {
    let mut out = String::new();
    writeln!(
        out,
        "{org}: counts sources published, beside the counts of their day"
    )?;
    writeln!(
        out,
        "(effective: by the day a status took effect; decided: by the day it was decided)\n"
    )?;
    writeln!(
        out,
        "{:<10}  {:<24} {:>9} {:>9} {:>7}  agrees",
        "date", "counts", "published", "effective", "decided"
    )?;
    for c in checks {
        let counts = kg
            .organization(org)
            .map_or(c.counts.clone(), |o| counted_label(o, &c.counts));
        let agrees = if c.agrees.is_empty() {
            c.verdict.label().to_string()
        } else {
            c.agrees.iter().map(|b| b.as_str()).collect::<Vec<_>>().join(", ")
        };
        writeln!(
            out,
            "{:<10}  {:<24} {:>9} {:>9} {:>7}  {agrees}",
            c.date.to_string(),
            trunc(&counts, 24),
            c.number,
            c.effective,
            c.decided
        )?;
        if !c.differences.is_empty() {
            let d: Vec<String> = c
                .differences
                .iter()
                .map(|d| format!("{} ({})", d.state, d.why.label()))
                .collect();
            let line = format!("differences: {}", d.join(", "));
            writeln!(out, "            {}", wrap(&line, 78, 12, 14))?;
        }
        let src = c
            .sources
            .iter()
            .map(|s| s.as_str())
            .collect::<Vec<_>>()
            .join(", ");
        writeln!(
            out,
            "            {}",
            wrap(&format!("source: {src}"), 78, 12, 14)
        )?;
    }
    Ok(out)
}

/// What a claim counts, in words: `dialogue partners`, `tier member`.
fn counted_label(o: &igo_graph::Organization, counts: &str) -> String {
    if counts == "family" {
        return "the whole family".to_string();
    }
    if let Some(t) = counts.strip_prefix("tier:") {
        return format!("tier {t}");
    }
    counts
        .split('+')
        .map(|id| o.status(id).map_or(id, |s| s.plural()))
        .collect::<Vec<_>>()
        .join(" or ")
}

/// `igo memberships STATE`.
pub fn memberships(
    kg: &KnowledgeGraph,
    st: &igo_graph::State,
    date: Date,
    basis: Basis,
    ms: &[igo_graph::Membership],
) -> Result<String, Failure> {
    let mut out = String::new();
    // Counted as `igo at` counts: certain statuses; the others apart.
    let n = ms.iter().filter(|m| m.certain).count();
    let also = match ms.len() - n {
        0 => String::new(),
        k => format!(", and {k} where its status is uncertain"),
    };
    let heading = format!(
        "{} ({}) on {date}, by {basis} date: {n} organisation{}{also}",
        st.name_on(date),
        st.id,
        if n == 1 { "" } else { "s" }
    );
    writeln!(out, "{}", wrap(&heading, 78, 0, 2))?;
    if st.exists_on(date) == Some(false) {
        let line = format!(
            "{} did not exist on {date} ({})",
            st.name,
            st.life_text()
        );
        writeln!(out, "{}", wrap(&line, 78, 0, 2))?;
    }
    for m in ms {
        let org = m.organization.as_str();
        let label = match kg
            .organization(org)
            .and_then(|o| o.status(&m.status))
        {
            Some(s) => s.label().to_string(),
            None => format!("uncertain: {}", m.status.replace('|', " or ")),
        };
        let since = m.since.map(|d| format!("since {d}")).unwrap_or_default();
        let tier = m.tier.map(|t| format!("tier {t}")).unwrap_or_default();
        // An uncertain status is never cut: every possible one is shown,
        // with the organisation's own labels, on lines of its own.
        let line = if m.certain {
            format!("  {org:<10} {:<22} {since:<17} {tier}", trunc(&label, 22))
        } else {
            let o = kg.organization(org);
            let labels: Vec<&str> = m
                .status
                .split('|')
                .map(|id| match id {
                    "none" => "no status",
                    id => {
                        o.and_then(|o| o.status(id)).map_or(id, |s| s.label())
                    }
                })
                .collect();
            let text = format!("uncertain: {}", labels.join(" or "));
            format!("  {org:<10} {}", wrap(&text, 78, 13, 15))
        };
        writeln!(out, "{}", line.trim_end())?;
    }
    for c in ms.iter().filter_map(|m| {
        kg.caveat(m.organization.as_str(), date).ok().flatten()
    }) {
        writeln!(out, "{}", wrap(&format!("caveat: {c}"), 78, 0, 2))?;
    }
    // A state that a partial list does not name may still be in it.
    caveats(&mut out, &kg.coverage_caveats(date))?;
    Ok(out)
}

/// `igo overlap ORG ORG...`.
pub fn overlap(
    kg: &KnowledgeGraph,
    o: &igo_graph::Overlap,
) -> Result<String, Failure> {
    let mut out = String::new();
    let ids: Vec<&str> = o.organizations.iter().map(|i| i.as_str()).collect();
    // A status in the organisation's own words; an uncertain one is listed
    // whole below the table, never cut.
    let label = |org: &str, text: &str| -> String {
        let o = kg.organization(org);
        let one = |id: &str| match id {
            "none" => "no status".to_string(),
            id => o
                .and_then(|o| o.status(id))
                .map_or(id.to_string(), |s| s.label().to_string()),
        };
        let all: Vec<String> = text.split('|').map(one).collect();
        all.join(" or ")
    };
    let certain = o.states.iter().filter(|s| s.certain).count();
    let also = match o.states.len() - certain {
        0 => String::new(),
        n => format!(", and {n} that may be"),
    };
    let heading = format!(
        "states in at least two of {} on {}, by {} date: {certain} for \
         certain{also}",
        ids.join(", "),
        o.date,
        o.basis,
    );
    writeln!(out, "{}", wrap(&heading, 78, 0, 2))?;
    caveats(&mut out, &o.coverage)?;
    let cell = |s: &igo_graph::Shared, id: &str| -> String {
        match s.statuses.get(id).cloned().flatten() {
            None => "-".into(),
            Some(t) if t.contains('|') => "uncertain (below)".into(),
            Some(t) => label(id, &t),
        }
    };
    let width = o
        .states
        .iter()
        .flat_map(|s| ids.iter().map(move |id| cell(s, id).chars().count()))
        .chain(ids.iter().map(|i| i.len()))
        .max()
        .unwrap_or(4);
    let mut head = format!("  {:<4} {:<20}", "", "");
    for id in &ids {
        head.push_str(&format!(" {id:<width$}"));
    }
    writeln!(out, "{}", head.trim_end())?;
    let mut below = Vec::new();
    for s in &o.states {
        let mut line = format!(
            "  {:<4} {:<20}",
            s.state,
            trunc(&name(kg, s.state.as_str()), 20)
        );
        for id in &ids {
            line.push_str(&format!(" {:<width$}", cell(s, id)));
            if let Some(t) = s.statuses.get(*id).cloned().flatten()
                && t.contains('|')
            {
                below.push(format!("{} in {id}: {}", s.state, label(id, &t)));
            }
        }
        writeln!(out, "{}", line.trim_end())?;
    }
    if !below.is_empty() {
        writeln!(out, "\nuncertain on this day")?;
        for b in below {
            writeln!(out, "  {}", wrap(&b, 78, 2, 4))?;
        }
    }
    Ok(out)
}

/// A line wrapped at 78 columns, continued with two spaces, and a newline.
pub fn wrapped(line: &str) -> String {
    format!("{}\n", wrap(line, 78, 0, 2))
}

/// The widest matrix table, in columns; wider, CSV and JSON answer.
const MATRIX_WIDTH: usize = 210;

/// `igo overlap --matrix`: states shared by each pair, and members of both;
/// each column as wide as its id (at least three figures) and two
/// spaces; refused, pointing to CSV and JSON, when wider than
/// [`MATRIX_WIDTH`].
pub fn matrix(m: &igo_graph::OverlapMatrix) -> Result<String, Failure> {
    let mut out = String::new();
    let ids: Vec<&str> = m.organizations.iter().map(|o| o.as_str()).collect();
    let n = ids.len();
    let widths: Vec<usize> =
        ids.iter().map(|id| id.chars().count().max(3) + 2).collect();
    let first = ids.iter().map(|id| id.chars().count()).max().unwrap_or(0) + 1;
    let width = first + widths.iter().sum::<usize>();
    if width > MATRIX_WIDTH {
        return Err(Failure::Msg(format!(
            "the matrix of {n} organisations on {} would be {width} columns \
             wide, too wide for a terminal (a table is at most \
             {MATRIX_WIDTH}): ask for it as CSV or JSON (--format csv), or \
             name the organisations (`igo overlap --matrix SCO BRICS ...`)",
            m.date,
        )));
    }
    for (title, tier) in [
        ("states shared (any status in both; the diagonal: the family)", None),
        ("members of both (tier member in each)", Some("member")),
    ] {
        writeln!(out, "{title}, {} by {} date", m.date, m.basis)?;
        let mut head = format!("{:<first$}", "");
        for (id, w) in ids.iter().zip(&widths) {
            head.push_str(&format!("{id:>w$}"));
        }
        writeln!(out, "{head}")?;
        for (i, a) in ids.iter().enumerate() {
            let mut line = format!("{a:<first$}");
            // The cells are row by row: the row's n cells, in order.
            let row = m.cells.iter().skip(i * n).take(n);
            for (c, w) in row.zip(&widths) {
                let n = match tier {
                    None => c.shared,
                    Some(t) => c.by_tier.get(t).copied().unwrap_or(0),
                };
                line.push_str(&format!("{n:>w$}"));
            }
            writeln!(out, "{line}")?;
        }
        writeln!(out)?;
    }
    caveats(&mut out, &m.coverage)?;
    if m.coverage.is_empty() {
        out.pop();
    }
    Ok(out)
}
