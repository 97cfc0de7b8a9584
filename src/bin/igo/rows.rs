//! `--format json` and `--format csv` of the listings whose rows are the
//! CLI's own (the library's CSV tables are in `igo_graph::export::csv`).

use igo_graph::export::answers;
use igo_graph::export::csv::{id_list, write_table};
use igo_graph::{
    Basis, Date, Diff, History, KnowledgeGraph, RosterEntry, Snapshot,
    SummitTimeline, TimelineEntry, TimelineEvent,
};

use crate::report::Failure;
use crate::table::{name, summit_label};

/// Pretty JSON with a final newline.
pub fn json<T: serde::Serialize>(v: &T) -> Result<String, Failure> {
    Ok(answers::json(v)?)
}

/// A CSV table: the header, then the rows, through the library's one
/// CSV writer (formula cells neutralised).
fn csv_rows<const N: usize>(
    header: &[&str; N],
    rows: &[[String; N]],
) -> Result<String, Failure> {
    let mut bytes = Vec::new();
    write_table(&mut bytes, *header, rows.iter().cloned())?;
    String::from_utf8(bytes).map_err(|e| Failure::Msg(e.to_string()))
}

fn opt(d: Option<Date>) -> String {
    d.map(|d| d.to_string()).unwrap_or_default()
}

/// `igo at --format csv`: one row per state holding a status.
pub fn snapshot(
    kg: &KnowledgeGraph,
    snap: &Snapshot,
) -> Result<String, Failure> {
    Ok(answers::at_csv(kg, snap)?)
}

/// `igo officials --format json`: the library's office terms, each with
/// `office_label`, the office's title in the organisation's words.
pub fn officials(kg: &KnowledgeGraph, org: &str) -> Result<String, Failure> {
    /// A term with its office's title after its own fields.
    #[derive(serde::Serialize)]
    struct Term<'a> {
        #[serde(flatten)]
        term: &'a igo_graph::OfficeTerm,
        office_label: Option<&'a str>,
    }
    let o = kg.resolve_organization(org)?;
    let terms: Vec<Term> = kg
        .officials(org)
        .into_iter()
        .map(|term| Term {
            term,
            office_label: o
                .office(term.office.as_str())
                .map(|f| f.label.as_str()),
        })
        .collect();
    json(&terms)
}

/// `igo members --format json`, with `coverage`, the caveat of a
/// partial list (or null).
pub fn roster_json(
    (org, date, basis): (&str, Date, Basis),
    roster: &[RosterEntry],
    coverage: Option<String>,
) -> Result<String, Failure> {
    let v: Vec<serde_json::Value> = roster
        .iter()
        .map(|e| {
            serde_json::json!({
                "state": e.state,
                "name": e.name,
                "status": e.status.label(),
                "certain": e.status.certain().is_some(),
                "possible": e.status.possible(),
                "since": e.since,
            })
        })
        .collect();
    json(&serde_json::json!({
        "organization": org,
        "date": date,
        "basis": basis,
        "states": v,
        "coverage": coverage,
    }))
}

/// `igo members --format csv`.
pub fn roster(date: Date, roster: &[RosterEntry]) -> Result<String, Failure> {
    let rows: Vec<[String; 6]> = roster
        .iter()
        .map(|e| {
            [
                e.state.to_string(),
                e.name.clone(),
                e.status.label(),
                opt(e.since),
                (e.status.certain().is_some()).to_string(),
                date.to_string(),
            ]
        })
        .collect();
    csv_rows(&["state", "name", "status", "since", "certain", "date"], &rows)
}

/// `igo history --format csv`.
pub fn history(h: &History) -> Result<String, Failure> {
    Ok(answers::history_csv(h)?)
}

/// The columns of `igo timeline --format csv`; with summits, one more:
/// `kind` (`status` or `summit`). Then `certain` and `against` (a change
/// the sources dispute), and the counts in the organisation's own words:
/// `uncertain`, one `tier_ID` per tier and one `status_ID` per status of
/// its vocabulary.
const TIMELINE_COLUMNS: [&str; 14] = [
    "date",
    "precision",
    "state",
    "from",
    "to",
    "decided",
    "effective",
    "members",
    "observers",
    "dialogue_partners",
    "partners",
    "family",
    "sources",
    "note",
];

fn change_row(e: &TimelineEvent) -> Vec<String> {
    let mut row = vec![
        e.date.to_string(),
        e.date.precision().to_string(),
        e.state.to_string(),
        e.from.as_str().to_string(),
        e.to.as_str().to_string(),
        opt(e.decided),
        opt(e.effective),
    ];
    row.extend(contract_counts(&e.after));
    row.push(id_list(&e.sources));
    row.push(e.note.as_deref().unwrap_or_default().to_string());
    row
}

/// Whether a change is certain (not disputed), and the sources against it.
fn dispute_cells(e: Option<&TimelineEvent>) -> [String; 2] {
    let Some(e) = e else { return Default::default() };
    let d = e.disputed.as_ref();
    [d.is_none().to_string(), d.map_or(String::new(), |d| id_list(&d.against))]
}

/// The contract's counts: members, observers, dialogue partners,
/// partners, family.
fn contract_counts(c: &igo_graph::Counts) -> [String; 5] {
    [c.members, c.observers, c.dialogue_partners, c.partners, c.family]
        .map(|n| n.to_string())
}

/// The counts in the organisation's own words, in the order of
/// [`own_columns`].
fn own_counts(c: &igo_graph::Counts) -> impl Iterator<Item = String> + '_ {
    std::iter::once(c.uncertain.to_string())
        .chain(c.tiers.values().map(|n| n.to_string()))
        .chain(c.statuses.values().map(|n| n.to_string()))
}

/// `uncertain`, `tier_ID` for each tier, `status_ID` for each status.
fn own_columns(c: &igo_graph::Counts) -> Vec<String> {
    std::iter::once("uncertain".to_string())
        .chain(c.tiers.keys().map(|t| format!("tier_{t}")))
        .chain(c.statuses.keys().map(|s| format!("status_{s}")))
        .collect()
}

/// `igo timeline --format csv`: a row per change; with summits, a row per
/// summit on its Council day too, carrying the counts of that day.
pub fn timeline(
    kg: &KnowledgeGraph,
    t: &SummitTimeline,
) -> Result<String, Failure> {
    let org = kg.resolve_organization(t.timeline.organization.as_str())?;
    // The columns of every row are the organisation's, even with no event.
    let zero = igo_graph::Counts::new(org);
    let with_kind = !t.summits.is_empty();
    let mut header: Vec<String> =
        TIMELINE_COLUMNS.iter().map(|c| c.to_string()).collect();
    if with_kind {
        header.push("kind".into());
    }
    header.extend(["certain".to_string(), "against".to_string()]);
    header.extend(own_columns(&zero));
    let mut rows: Vec<Vec<String>> = Vec::new();
    for entry in t.entries() {
        let (mut row, after, kind, event) = match entry {
            TimelineEntry::Change(e) => {
                (change_row(e), e.after.clone(), "status", Some(e))
            }
            TimelineEntry::Summit { summit: s, day, after } => {
                let mut row = vec![String::new(); 14];
                row[0] = day.to_string();
                row[1] = day.precision().to_string();
                row[2] = s.host.to_string();
                row[5] = opt(s.council);
                row[7..12].clone_from_slice(&contract_counts(&after));
                row[12] = id_list(&s.sources);
                row[13] = format!("summit {}: {}", s.id, summit_label(s));
                (row, after, "summit", None)
            }
        };
        if with_kind {
            row.push(kind.to_string());
        }
        row.extend(dispute_cells(event));
        // A summit before the first change carries no counts yet.
        let after = if after.statuses.is_empty() { &zero } else { &after };
        row.extend(own_counts(after));
        rows.push(row);
    }
    let mut bytes = Vec::new();
    igo_graph::export::csv::write_rows(&mut bytes, &header, rows)?;
    String::from_utf8(bytes).map_err(|e| Failure::Msg(e.to_string()))
}

/// `igo diff --format csv`.
pub fn diff(kg: &KnowledgeGraph, d: &Diff) -> Result<String, Failure> {
    let rows: Vec<[String; 4]> = d
        .changes
        .iter()
        .map(|c| {
            [
                c.state.to_string(),
                name(kg, c.state.as_str()),
                c.before.label(),
                c.after.label(),
            ]
        })
        .collect();
    csv_rows(&["state", "name", "before", "after"], &rows)
}

/// `igo validate --format csv`: the folder and its counts, one row.
pub fn validate(
    shown: &str,
    counts: [(&str, usize); 5],
) -> Result<String, Failure> {
    let mut header = ["data"; 6];
    let mut row: [String; 6] = Default::default();
    row[0] = shown.to_string();
    for (i, (k, n)) in counts.into_iter().enumerate() {
        header[i + 1] = k;
        row[i + 1] = n.to_string();
    }
    csv_rows(&header, &[row])
}

/// `igo claims --format csv`.
pub fn claims(checks: &[igo_graph::ClaimCheck]) -> Result<String, Failure> {
    let rows: Vec<[String; 11]> = checks
        .iter()
        .map(|c| {
            [
                c.organization.clone(),
                c.date.to_string(),
                c.counts.clone(),
                c.number.to_string(),
                c.effective.to_string(),
                c.decided.to_string(),
                c.agrees
                    .iter()
                    .map(|b| b.as_str())
                    .collect::<Vec<_>>()
                    .join(";"),
                c.explained.to_string(),
                c.differences
                    .iter()
                    .map(|d| format!("{}:{}", d.state, d.why.label()))
                    .collect::<Vec<_>>()
                    .join(";"),
                c.sources
                    .iter()
                    .map(|s| s.as_str())
                    .collect::<Vec<_>>()
                    .join(";"),
                c.verdict.as_str().to_string(),
            ]
        })
        .collect();
    csv_rows(
        &[
            "organization",
            "date",
            "counts",
            "published",
            "effective",
            "decided",
            "agrees",
            "explained",
            "differences",
            "sources",
            "verdict",
        ],
        &rows,
    )
}

/// `igo memberships STATE --format csv`.
pub fn memberships(
    state: &str,
    date: igo_graph::Date,
    basis: igo_graph::Basis,
    ms: &[igo_graph::Membership],
) -> Result<String, Failure> {
    let rows: Vec<[String; 8]> = ms
        .iter()
        .map(|m| {
            [
                state.to_string(),
                date.to_string(),
                basis.to_string(),
                m.organization.to_string(),
                m.status.clone(),
                m.tier.map(|t| t.to_string()).unwrap_or_default(),
                m.certain.to_string(),
                m.since.map(|d| d.to_string()).unwrap_or_default(),
            ]
        })
        .collect();
    csv_rows(
        &[
            "state",
            "date",
            "basis",
            "organization",
            "status",
            "tier",
            "certain",
            "since",
        ],
        &rows,
    )
}

/// `igo overlap ... --format csv`: one row per state and organisation.
pub fn overlap(o: &igo_graph::Overlap) -> Result<String, Failure> {
    let mut rows: Vec<[String; 6]> = Vec::new();
    for s in &o.states {
        for (org, status) in &s.statuses {
            rows.push([
                o.date.to_string(),
                o.basis.to_string(),
                s.state.to_string(),
                org.clone(),
                status.clone().unwrap_or_default(),
                s.certain.to_string(),
            ]);
        }
    }
    csv_rows(
        &["date", "basis", "state", "organization", "status", "certain"],
        &rows,
    )
}

/// `igo overlap --matrix --format csv`: one row per ordered pair.
pub fn matrix(m: &igo_graph::OverlapMatrix) -> Result<String, Failure> {
    Ok(answers::matrix_csv(m)?)
}
