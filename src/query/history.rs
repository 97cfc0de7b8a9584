//! A state's history in every organisation, with its sources.

use serde::Serialize;

use crate::date::Date;
use crate::error::Error;
use crate::graph::KnowledgeGraph;
use crate::model::{Organization, OrganizationId, Source, Status};

/// One transition in a state's [`History`], with its sources in full.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct HistoryEntry {
    /// The organisation.
    pub organization: OrganizationId,
    /// The status taken.
    pub status: Status,
    /// When decided.
    pub decided: Option<Date>,
    /// When in effect (`None`: pending).
    pub effective: Option<Date>,
    /// The sources, resolved (for a disputed status: the side that
    /// supports it).
    pub sources: Vec<Source>,
    /// For a status the sources dispute: the sources that deny it,
    /// resolved (empty otherwise).
    pub against: Vec<Source>,
    /// Remarks: steps, conflicts between sources.
    pub note: Option<std::sync::Arc<str>>,
    /// `sourced`, or `inferred` when its days come from a convention (the
    /// note says which).
    pub evidence: crate::model::Evidence,
    /// Other days some sources give for it, with those sources resolved
    /// (empty where the sources agree).
    pub alternatives: Vec<OtherDay>,
}

/// Another day some sources give for a transition than the kept one.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct OtherDay {
    /// The decision day they give, if other than the kept one.
    pub decided: Option<Date>,
    /// The effective day they give, if other than the kept one.
    pub effective: Option<Date>,
    /// The sources that give it, resolved.
    pub sources: Vec<Source>,
    /// How they say it.
    pub note: Option<std::sync::Arc<str>>,
}

impl OtherDay {
    /// The days it gives, as text: `2009-08-17`, or `decided 2008-08-15`,
    /// or both.
    pub fn days(&self) -> String {
        match (self.effective, self.decided) {
            (Some(e), Some(d)) if e == d => e.to_string(),
            (Some(e), Some(d)) => format!("{e} (decided {d})"),
            (Some(e), None) => e.to_string(),
            (None, Some(d)) => format!("decided {d}"),
            (None, None) => String::new(),
        }
    }
}

/// A state's status history in every organisation.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct History {
    /// The state.
    pub state: crate::model::State,
    /// Its transitions, by organisation then date.
    pub entries: Vec<HistoryEntry>,
}

impl KnowledgeGraph {
    ///
    /// # Errors
    ///
    /// An unknown state.
    ///
    /// # Example
    ///
    /// ```
    /// use igo_graph::{KnowledgeGraph, Status};
    ///
    /// let kg = KnowledgeGraph::bundled();
    /// let h = kg.history("India")?;
    /// let sco: Vec<Status> = h.entries.iter()
    ///     .filter(|e| e.organization == "SCO")
    ///     .map(|e| e.status)
    ///     .collect();
    /// assert_eq!(sco, [Status::OBSERVER, Status::MEMBER]);
    /// assert!(h.entries.iter().all(|e| !e.sources.is_empty()));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn history(&self, state: &str) -> Result<History, Error> {
        let st = self.resolve_state(state)?.clone();
        let mut entries = Vec::new();
        // Oldest organisation first, so the Shanghai Five precedes the SCO.
        let mut orgs: Vec<&Organization> =
            self.organizations_of(st.id.as_str());
        orgs.sort_by_key(|o| (o.founded, o.id.clone()));
        for org in orgs {
            let ts = self.transitions(org.id.as_str(), st.id.as_str());
            for t in ts {
                entries.push(HistoryEntry {
                    organization: org.id.clone(),
                    status: t.status,
                    decided: t.decided,
                    effective: t.effective,
                    sources: self.resolved(&t.sources),
                    against: t
                        .disputed
                        .as_ref()
                        .map_or(Vec::new(), |d| self.resolved(&d.against)),
                    note: t.note.clone(),
                    evidence: t.evidence,
                    alternatives: t
                        .alternatives
                        .iter()
                        .map(|a| OtherDay {
                            decided: a.decided,
                            effective: a.effective,
                            sources: self.resolved(&a.sources),
                            note: a.note.clone(),
                        })
                        .collect(),
                });
            }
            if let Some(end) = org.dissolved
                && ts.last().is_some_and(|t| t.status.is_held())
            {
                entries.push(HistoryEntry {
                    organization: org.id.clone(),
                    status: Status::NONE,
                    decided: Some(end),
                    effective: Some(end),
                    sources: self.resolved(&org.sources),
                    against: Vec::new(),
                    evidence: crate::model::Evidence::Sourced,
                    alternatives: Vec::new(),
                    note: Some(
                        format!(
                            "{} ceased to exist{}",
                            org.short_name,
                            org.successor
                                .as_ref()
                                .map_or(String::new(), |s| format!(
                                    ", succeeded by {s}"
                                ))
                        )
                        .into(),
                    ),
                });
            }
        }
        Ok(History { state: st, entries })
    }

    /// The sources of `ids`, in full.
    fn resolved(&self, ids: &[crate::model::SourceId]) -> Vec<Source> {
        ids.iter().filter_map(|s| self.source(s.as_str()).cloned()).collect()
    }
}
