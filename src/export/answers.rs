//! The CLI's answers as text, in one place: what `igo at`, `igo history`
//! and `igo overlap --matrix` print with `--format json` and `--format
//! csv`. The binary prints these strings, and the explorer offers the same
//! strings as its downloads, so a researcher gets the same bytes from
//! either.
//!
//! # Example
//!
//! ```
//! use igo_graph::{Basis, KnowledgeGraph};
//! use igo_graph::export::answers;
//!
//! let kg = KnowledgeGraph::bundled();
//! let snap = kg.snapshot("SCO", "2017-06-09".parse()?, Basis::Effective)?;
//! let csv = answers::at_csv(&kg, &snap)?;
//! assert!(csv.starts_with("organization,date,basis,state,name,status,certain\n"));
//! assert!(csv.contains("SCO,2017-06-09,effective,IND,India,member,true\n"));
//! assert!(answers::json(&snap)?.ends_with("}\n"));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use crate::date::Date;
use crate::error::{DiagnosticKind, Error};
use crate::graph::KnowledgeGraph;
use crate::model::{Source, Status, StatusOn};
use crate::query::{History, OverlapMatrix, Snapshot};

/// Pretty JSON with a final newline: every `--format json` answer.
///
/// # Errors
///
/// A value that cannot be JSON (none of this crate's answers).
pub fn json<T: serde::Serialize>(value: &T) -> Result<String, Error> {
    let mut s = serde_json::to_string_pretty(value)
        .map_err(|e| Error::msg(DiagnosticKind::Export, e.to_string()))?;
    s.push('\n');
    Ok(s)
}

/// A CSV table through the one CSV writer (formula cells neutralised).
fn table<const N: usize>(
    header: [&str; N],
    rows: Vec<[String; N]>,
) -> Result<String, Error> {
    let mut bytes = Vec::new();
    super::csv::write_table(&mut bytes, header, rows)?;
    String::from_utf8(bytes)
        .map_err(|e| Error::msg(DiagnosticKind::Export, e.to_string()))
}

fn opt(d: Option<Date>) -> String {
    d.map(|d| d.to_string()).unwrap_or_default()
}

/// The English name of a state, else its id.
fn name(kg: &KnowledgeGraph, id: &str) -> String {
    kg.state(id).map_or_else(|| id.to_string(), |s| s.name.clone())
}

/// `igo at --format csv`: one row per state holding a status, by status
/// in the organisation's order, then the uncertain states.
///
/// # Errors
///
/// Writing the CSV fails (it does not, into memory).
pub fn at_csv(kg: &KnowledgeGraph, snap: &Snapshot) -> Result<String, Error> {
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
        let label = StatusOn::Uncertain(u.possible.clone()).label();
        rows.push(base(u.state.as_str(), label, false));
    }
    let header = [
        "organization",
        "date",
        "basis",
        "state",
        "name",
        "status",
        "certain",
    ];
    table(header, rows)
}

/// `igo history --format csv`: one row per transition.
///
/// # Errors
///
/// Writing the CSV fails (it does not, into memory).
pub fn history_csv(h: &History) -> Result<String, Error> {
    let ids = |v: &[Source]| {
        v.iter().map(|s| s.id.as_str()).collect::<Vec<_>>().join(";")
    };
    let urls = |v: &[Source]| {
        v.iter().map(|s| s.url.as_str()).collect::<Vec<_>>().join(" ")
    };
    let rows: Vec<[String; 13]> = h
        .entries
        .iter()
        .map(|e| {
            [
                h.state.id.to_string(),
                e.organization.to_string(),
                e.status.as_str().to_string(),
                opt(e.decided),
                opt(e.effective),
                ids(&e.sources),
                urls(&e.sources),
                e.note.as_deref().unwrap_or_default().to_string(),
                // Certain: neither disputed nor missing data.
                (e.against.is_empty() && e.status != Status::UNKNOWN)
                    .to_string(),
                ids(&e.against),
                urls(&e.against),
                e.evidence.as_str().to_string(),
                other_days(&e.alternatives),
            ]
        })
        .collect();
    let header = [
        "state",
        "organization",
        "status",
        "decided",
        "effective",
        "sources",
        "urls",
        "note",
        "certain",
        "against",
        "against_urls",
        "evidence",
        "other_days",
    ];
    table(header, rows)
}

/// The other days the sources give, each with its sources:
/// `2009-08-17 (a); 2009-08-19 (b;c)`.
fn other_days(alternatives: &[crate::query::OtherDay]) -> String {
    let one = |a: &crate::query::OtherDay| {
        let ids: Vec<&str> = a.sources.iter().map(|s| s.id.as_str()).collect();
        format!("{} ({})", a.days(), ids.join(";"))
    };
    alternatives.iter().map(one).collect::<Vec<_>>().join("; ")
}

/// `igo overlap --matrix --format csv`: one row per ordered pair.
///
/// # Errors
///
/// Writing the CSV fails (it does not, into memory).
pub fn matrix_csv(m: &OverlapMatrix) -> Result<String, Error> {
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
    let header = [
        "date",
        "basis",
        "a",
        "b",
        "shared",
        "member",
        "associate",
        "observer",
        "partner",
    ];
    table(header, rows)
}
