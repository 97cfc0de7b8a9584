//! `--format json` and `--format csv` of the listings whose rows are the
//! CLI's own (the library's CSV tables are in `igo_graph::export::csv`).

use igo_graph::export::csv::{id_list, write_table};
use igo_graph::{
    Basis, Date, Diff, History, KnowledgeGraph, RosterEntry, Snapshot, Status,
    StatusOn, SummitTimeline, TimelineEntry, TimelineEvent,
};

use crate::report::Failure;
use crate::table::{name, summit_label};

/// Pretty JSON with a final newline.
pub fn json<T: serde::Serialize>(v: &T) -> Result<String, Failure> {
    let mut s = serde_json::to_string_pretty(v)?;
    s.push('\n');
    Ok(s)
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
    let mut rows: Vec<[String; 7]> = Vec::new();
    let base = |id: &str, status: String, certain: bool| {
        [
            snap.organization.to_string(),
            snap.date.to_string(),
            snap.basis.to_string(),
            id.to_string(),
            name(kg, id),
            status,
            certain.to_string(),
        ]
    };
    let vocabulary = kg
        .organization(snap.organization.as_str())
        .map_or(Status::HELD.to_vec(), |o| o.statuses.clone());
    for s in vocabulary {
        for id in snap.with_status(s) {
            rows.push(base(id.as_str(), s.as_str().to_string(), true));
        }
    }
    for u in &snap.uncertain {
        rows.push(base(
            u.state.as_str(),
            StatusOn::Uncertain(u.possible.clone()).label(),
            false,
        ));
    }
    csv_rows(
        &[
            "organization",
            "date",
            "basis",
            "state",
            "name",
            "status",
            "certain",
        ],
        &rows,
    )
}

/// `igo members --format json`.
pub fn roster_json(
    org: &str,
    date: Date,
    basis: Basis,
    roster: &[RosterEntry],
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
    let rows: Vec<[String; 8]> = h
        .entries
        .iter()
        .map(|e| {
            [
                h.state.id.to_string(),
                e.organization.to_string(),
                e.status.as_str().to_string(),
                opt(e.decided),
                opt(e.effective),
                e.sources
                    .iter()
                    .map(|s| s.id.as_str())
                    .collect::<Vec<_>>()
                    .join(";"),
                e.sources
                    .iter()
                    .map(|s| s.url.as_str())
                    .collect::<Vec<_>>()
                    .join(" "),
                e.note.as_deref().unwrap_or_default().to_string(),
            ]
        })
        .collect();
    csv_rows(
        &[
            "state",
            "organization",
            "status",
            "decided",
            "effective",
            "sources",
            "urls",
            "note",
        ],
        &rows,
    )
}

/// The columns of `igo timeline --format csv`; with summits, one more:
/// `kind` (`status` or `summit`).
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

fn change_row(e: &TimelineEvent) -> [String; 14] {
    [
        e.date.to_string(),
        e.date.precision().to_string(),
        e.state.to_string(),
        e.from.as_str().to_string(),
        e.to.as_str().to_string(),
        opt(e.decided),
        opt(e.effective),
        e.after.members.to_string(),
        e.after.observers.to_string(),
        e.after.dialogue_partners.to_string(),
        e.after.partners.to_string(),
        e.after.family.to_string(),
        id_list(&e.sources),
        e.note.as_deref().unwrap_or_default().to_string(),
    ]
}

/// `igo timeline --format csv`: a row per change; with summits, a row per
/// summit on its Council day too, carrying the counts of that day.
pub fn timeline(t: &SummitTimeline) -> Result<String, Failure> {
    if t.summits.is_empty() {
        let rows: Vec<[String; 14]> =
            t.timeline.events.iter().map(change_row).collect();
        return csv_rows(&TIMELINE_COLUMNS, &rows);
    }
    let mut rows: Vec<[String; 15]> = Vec::new();
    for entry in t.entries() {
        let mut row: [String; 15] = Default::default();
        match entry {
            TimelineEntry::Change(e) => {
                row[..14].clone_from_slice(&change_row(e));
                row[14] = "status".to_string();
            }
            TimelineEntry::Summit { summit: s, day, after } => {
                row[0] = day.to_string();
                row[1] = day.precision().to_string();
                row[2] = s.host.to_string();
                row[5] = opt(s.council);
                row[7] = after.members.to_string();
                row[8] = after.observers.to_string();
                row[9] = after.dialogue_partners.to_string();
                row[10] = after.partners.to_string();
                row[11] = after.family.to_string();
                row[12] = id_list(&s.sources);
                row[13] = format!("summit {}: {}", s.id, summit_label(s));
                row[14] = "summit".to_string();
            }
        }
        rows.push(row);
    }
    let mut header: [&str; 15] = [""; 15];
    header[..14].copy_from_slice(&TIMELINE_COLUMNS);
    header[14] = "kind";
    csv_rows(&header, &rows)
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
    let rows: Vec<[String; 10]> = checks
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
    let rows: Vec<[String; 9]> = m
        .cells
        .iter()
        .map(|c| {
            let t =
                |k: &str| c.by_tier.get(k).copied().unwrap_or(0).to_string();
            [
                m.date.to_string(),
                m.basis.to_string(),
                c.a.to_string(),
                c.b.to_string(),
                c.shared.to_string(),
                t("member"),
                t("associate"),
                t("observer"),
                t("partner"),
            ]
        })
        .collect();
    csv_rows(
        &[
            "date",
            "basis",
            "a",
            "b",
            "shared",
            "member",
            "associate",
            "observer",
            "partner",
        ],
        &rows,
    )
}
