//! One day: the whole picture, one state's status, a roster.

use serde::Serialize;

use super::need_day;
use crate::date::Date;
use crate::error::Error;
use crate::graph::KnowledgeGraph;
use std::collections::BTreeMap;

use super::Counts;
use crate::model::{
    Basis, Organization, OrganizationId, SourceId, StateId, Status, StatusOn,
    Tier,
};
use crate::rule::{Reason, Standing, standing, status_on};

/// A state whose status on the snapshot's day cannot be decided.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Uncertain {
    /// The state.
    pub state: StateId,
    /// The statuses it may hold, sorted.
    pub possible: Vec<Status>,
    /// Why: the day falls inside an imprecise date, or the sources
    /// dispute the status itself.
    pub reason: Reason,
    /// For a disputed status: the sources that support it.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<SourceId>,
    /// For a disputed status: the sources that deny it.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub against: Vec<SourceId>,
}

/// A decision that has not taken effect (no effective date yet).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Pending {
    /// The state.
    pub state: StateId,
    /// The status decided.
    pub status: Status,
    /// When it was decided.
    pub decided: Option<Date>,
}

/// The whole picture of an organisation on one day.
///
/// Its JSON form (serde) is a stable contract: the README documents its
/// keys.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Snapshot {
    /// The organisation's id.
    pub organization: OrganizationId,
    /// The day asked about.
    pub date: Date,
    /// The basis the dates were counted by.
    pub basis: Basis,
    /// Member states (sorted ISO alpha-3 ids).
    pub members: Vec<StateId>,
    /// Observer states.
    pub observers: Vec<StateId>,
    /// Dialogue partners.
    pub dialogue_partners: Vec<StateId>,
    /// Partners (the status created on 2025-09-01).
    pub partners: Vec<StateId>,
    /// Every status of the organisation's vocabulary with its states
    /// (certain only), by status id.
    pub statuses: BTreeMap<String, Vec<StateId>>,
    /// The same by tier (`member`, `associate`, `observer`, `partner`).
    pub tiers: BTreeMap<String, Vec<StateId>>,
    /// The number of states holding any status for certain.
    pub family_size: usize,
    /// The counts by status id and by tier, certain and uncertain apart
    /// (the same [`Counts`] as the timeline's).
    pub counts: Counts,
    /// States whose status cannot be decided on this day.
    pub uncertain: Vec<Uncertain>,
    /// Decisions taken on or before this day that have not taken effect
    /// (only under basis `effective`).
    pub pending: Vec<Pending>,
    /// The chairing state, when known.
    pub chair: Option<StateId>,
    /// The Secretary-General's name, when known.
    pub secretary_general: Option<String>,
    /// Whether the chair is certain on this day (false when the day falls
    /// inside the imprecise start of its term; `None` without a chair).
    pub chair_certain: Option<bool>,
    /// Whether the chair's term is reported by a source or its days are
    /// inferred from a convention (`None` without a chair).
    pub chair_evidence: Option<crate::model::Evidence>,
    /// Whether the Secretary-General is certain on this day (as for the
    /// chair).
    pub secretary_general_certain: Option<bool>,
    /// The holder of each office the organisation declares, on this day,
    /// in its words (the Secretary-General among them).
    pub offices: Vec<super::OfficeHolder>,
    /// The day the organisation's data was last reviewed.
    pub reviewed: Option<Date>,
    /// Why the answer may be stale (a day after the review), or `None`.
    pub caveat: Option<String>,
    /// Why the answer may miss states: the organisation's list of states
    /// is partial on this day (the data says why), or `None`.
    pub coverage: Option<String>,
    /// Organisations, not states, holding a status on this day (the
    /// European Union and the African Union in the G20), in the data's
    /// order; in no list of states or count. Left out of the JSON when
    /// empty.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub organization_members: Vec<OrganizationHolding>,
}

/// An organisation holding a status in another on a day.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct OrganizationHolding {
    /// Its name (`African Union`).
    pub name: String,
    /// The status id it holds (`member`).
    pub status: String,
}

impl Snapshot {
    /// The states holding `status` (empty for [`Status::NONE`]).
    pub fn with_status(&self, status: Status) -> &[StateId] {
        self.statuses.get(status.as_str()).map_or(&[], Vec::as_slice)
    }

    /// Every state of the family (certain statuses only), sorted.
    pub fn family(&self) -> Vec<&StateId> {
        let mut all: Vec<&StateId> =
            self.statuses.values().flatten().collect();
        all.sort();
        all
    }
}

impl Snapshot {
    /// Counts `state` as holding `s` for certain.
    fn hold(&mut self, state: &StateId, s: Status) {
        // The contract's lists go by status id, whatever the label.
        let contract = match s.as_str() {
            "member" => Some(&mut self.members),
            "observer" => Some(&mut self.observers),
            "dialogue_partner" => Some(&mut self.dialogue_partners),
            "partner" => Some(&mut self.partners),
            _ => None,
        };
        if let Some(list) = contract {
            list.push(state.clone());
        }
        self.statuses
            .entry(s.as_str().to_string())
            .or_default()
            .push(state.clone());
        self.tiers
            .entry(s.tier().as_str().to_string())
            .or_default()
            .push(state.clone());
        self.family_size += 1;
    }
}

impl Uncertain {
    /// The uncertain state of a [`Standing`], if it is uncertain.
    fn of(state: &StateId, s: Standing) -> Option<Uncertain> {
        match s.status {
            StatusOn::Certain(_) => None,
            StatusOn::Uncertain(possible) => Some(Uncertain {
                state: state.clone(),
                possible,
                reason: s.reason.unwrap_or(Reason::ImpreciseDate),
                sources: s.sources,
                against: s.against,
            }),
        }
    }
}

/// One state in a [`KnowledgeGraph::roster`].
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct RosterEntry {
    /// The state.
    pub state: StateId,
    /// Its English name.
    pub name: String,
    /// Its status on the day (possibly uncertain).
    pub status: StatusOn,
    /// The start (under the basis) of the transition it holds the status
    /// by, when certain.
    pub since: Option<Date>,
}

/// A state whose status on a day differs under the other basis, in a
/// [`BasesComparison`].
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct BasisDifference {
    /// The state.
    pub state: StateId,
    /// Its status under the other basis (`Certain(Status::NONE)`: no
    /// status there).
    pub other: StatusOn,
}

/// One day counted by both bases: the snapshot under the other basis and
/// the states whose status differs.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct BasesComparison {
    /// The snapshot under the other basis.
    pub other: Snapshot,
    /// The states whose status differs: first those holding a status (or
    /// an uncertain one) under the other basis, by id, then those holding
    /// none there, by id. Empty when the bases agree.
    pub differences: Vec<BasisDifference>,
}

/// Every state of a snapshot holding a status, certain or not, with the
/// text of that status, sorted: what two bases are compared by.
fn status_pairs(
    vocabulary: &[Status],
    s: &Snapshot,
) -> Vec<(StateId, String, StatusOn)> {
    let mut v: Vec<(StateId, String, StatusOn)> = vocabulary
        .iter()
        .flat_map(|st| {
            s.with_status(*st).iter().map(move |id| {
                (id.clone(), st.as_str().to_string(), StatusOn::Certain(*st))
            })
        })
        .collect();
    for u in &s.uncertain {
        let on = StatusOn::Uncertain(u.possible.clone());
        v.push((u.state.clone(), on.label(), on));
    }
    v.sort_by(|a, b| (&a.0, &a.1).cmp(&(&b.0, &b.1)));
    v
}

impl KnowledgeGraph {
    /// The organisation on `date`: members, observers, dialogue partners,
    /// partners, family size, and the states whose status is uncertain.
    ///
    /// # Errors
    ///
    /// An unknown organisation, or a `date` that is not a day.
    ///
    /// # Example
    ///
    /// ```
    /// use igo_graph::{Basis, Date, KnowledgeGraph};
    ///
    /// let kg = KnowledgeGraph::bundled();
    /// let day: Date = "2024-02-22".parse()?;
    /// let snap = kg.snapshot("SCO", day, Basis::Effective)?;
    /// assert_eq!(snap.family_size, 26);
    /// assert_eq!(snap.members.len(), 9);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn snapshot(
        &self,
        organization: &str,
        date: Date,
        basis: Basis,
    ) -> Result<Snapshot, Error> {
        let org = self.resolve_organization(organization)?;
        need_day(date)?;
        let mut snap = Snapshot {
            organization: org.id.clone(),
            date,
            basis,
            members: Vec::new(),
            observers: Vec::new(),
            dialogue_partners: Vec::new(),
            partners: Vec::new(),
            statuses: org
                .statuses
                .iter()
                .map(|s| (s.as_str().to_string(), Vec::new()))
                .collect(),
            tiers: Tier::HELD
                .iter()
                .map(|t| (t.as_str().to_string(), Vec::new()))
                .collect(),
            family_size: 0,
            counts: Counts::default(),
            uncertain: Vec::new(),
            pending: Vec::new(),
            chair: None,
            secretary_general: None,
            chair_certain: None,
            chair_evidence: None,
            secretary_general_certain: None,
            offices: Vec::new(),
            reviewed: org.reviewed,
            caveat: self.caveat(org.id.as_str(), date)?,
            coverage: super::coverage::caveat_of(org, Some(date)),
            organization_members: Vec::new(),
        };
        if org.existed_on(date) {
            snap.organization_members = org
                .organization_members
                .iter()
                .filter(|m| m.holds_on(date, basis))
                .map(|m| OrganizationHolding {
                    name: m.name.clone(),
                    status: m.status.as_str().to_string(),
                })
                .collect();
            let chair = self.chair_at(org.id.as_str(), date)?;
            snap.chair = chair.as_ref().map(|h| h.term.state.clone());
            snap.chair_evidence = chair.as_ref().map(|h| h.term.evidence);
            snap.chair_certain = chair.map(|h| h.certain);
            let sg = self.secretary_general_at(org.id.as_str(), date)?;
            snap.secretary_general = sg.as_ref().map(|h| h.term.name.clone());
            snap.secretary_general_certain = sg.map(|h| h.certain);
            snap.offices = self.offices_at(org.id.as_str(), date)?;
        }
        // Only the states with a span that may contain the day, found in
        // the interval index; each answered by the one rule.
        let mut held = Vec::new();
        for (state, ts) in self.candidates(org, date, basis) {
            let st = standing(org, ts, date, basis);
            if let Some(s) = st.held() {
                snap.hold(state, s);
            }
            held.push(st.status.clone());
            snap.uncertain.extend(Uncertain::of(state, st));
        }
        snap.counts = Counts::tally(org, &held);
        if basis == Basis::Effective
            && org.existed_on(date)
            && let Some(index) = self.org_index(org.id.as_str())
        {
            for (state, status, decided) in &index.pending {
                if decided.is_some_and(|d| d.last_day() <= date) {
                    snap.pending.push(Pending {
                        state: state.clone(),
                        status: *status,
                        decided: *decided,
                    });
                }
            }
        }
        Ok(snap)
    }

    /// The status of `state` in `organization` on `date`.
    ///
    /// # Errors
    ///
    /// An unknown organisation or state, or a `date` that is not a day.
    ///
    /// # Example
    ///
    /// ```
    /// use igo_graph::{Basis, KnowledgeGraph, Status, StatusOn};
    ///
    /// let kg = KnowledgeGraph::bundled();
    /// let on = |d: &str| kg.status_on("SCO", "IND", d.parse().unwrap(), Basis::Effective);
    /// assert_eq!(on("2017-06-08")?, StatusOn::Certain(Status::OBSERVER));
    /// assert_eq!(on("2017-06-09")?, StatusOn::Certain(Status::MEMBER));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn status_on(
        &self,
        organization: &str,
        state: &str,
        date: Date,
        basis: Basis,
    ) -> Result<StatusOn, Error> {
        let org = self.resolve_organization(organization)?;
        let st = self.resolve_state(state)?;
        need_day(date)?;
        let ts = self.transitions(org.id.as_str(), st.id.as_str());
        Ok(status_on(org, ts, date, basis))
    }

    /// What `state` holds in `organization` on `date`: the status, whether
    /// it is certain, and if not the statuses it may be, the reason and
    /// the sources on each side. Every answer of this crate about a
    /// state's status on a day is this one.
    ///
    /// # Errors
    ///
    /// An unknown organisation or state, or a `date` that is not a day.
    ///
    /// # Example
    ///
    /// ```
    /// use igo_graph::{Basis, KnowledgeGraph, Reason};
    ///
    /// let kg = KnowledgeGraph::bundled();
    /// let sau = kg.standing("BRICS", "SAU", "2025-12-01".parse()?, Basis::Effective)?;
    /// assert!(!sau.is_certain());
    /// assert_eq!(sau.reason, Some(Reason::Disputed));
    /// assert!(!sau.against.is_empty());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn standing(
        &self,
        organization: &str,
        state: &str,
        date: Date,
        basis: Basis,
    ) -> Result<Standing, Error> {
        let org = self.resolve_organization(organization)?;
        let st = self.resolve_state(state)?;
        need_day(date)?;
        let ts = self.transitions(org.id.as_str(), st.id.as_str());
        Ok(standing(org, ts, date, basis))
    }

    /// The [`Counts`] of `org` on `date`: what the snapshot counts, without
    /// the rest of the snapshot.
    pub(crate) fn counts_on(
        &self,
        org: &Organization,
        date: Date,
        basis: Basis,
    ) -> Counts {
        let held: Vec<StatusOn> = self
            .candidates(org, date, basis)
            .into_iter()
            .map(|(_, ts)| status_on(org, ts, date, basis))
            .collect();
        Counts::tally(org, &held)
    }

    /// The states of `organization` on `date`, optionally only those with
    /// `status`, with the date each took its status. States of uncertain
    /// status are included (when they may hold `status`).
    ///
    /// # Errors
    ///
    /// An unknown organisation, or a `date` that is not a day.
    ///
    /// # Example
    ///
    /// ```
    /// use igo_graph::{Basis, KnowledgeGraph, Status};
    ///
    /// let kg = KnowledgeGraph::bundled();
    /// let obs = kg.roster("SCO", "2012-06-01".parse()?, Basis::Effective, Some(Status::OBSERVER))?;
    /// let ids: Vec<&str> = obs.iter().map(|e| e.state.as_str()).collect();
    /// assert_eq!(ids, ["IND", "IRN", "MNG", "PAK"]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn roster(
        &self,
        organization: &str,
        date: Date,
        basis: Basis,
        status: Option<Status>,
    ) -> Result<Vec<RosterEntry>, Error> {
        let org = self.resolve_organization(organization)?;
        need_day(date)?;
        let mut out = Vec::new();
        for (state, ts) in self.candidates(org, date, basis) {
            let Standing { status: on, since, .. } =
                standing(org, ts, date, basis);
            let possible = on.possible();
            let keep = match status {
                Some(s) => possible.contains(&s),
                None => possible.iter().any(|s| s.is_held()),
            };
            if keep {
                let name = self
                    .state(state.as_str())
                    .map_or_else(|| state.to_string(), |s| s.name.clone());
                out.push(RosterEntry {
                    state: state.clone(),
                    name,
                    status: on,
                    since,
                });
            }
        }
        // By status (the first possible one when uncertain), then id.
        let first = |s: &StatusOn| match s {
            StatusOn::Certain(s) => *s,
            StatusOn::Uncertain(v) => {
                v.first().copied().unwrap_or(Status::NONE)
            }
        };
        out.sort_by(|a, b| {
            (first(&a.status), &a.state).cmp(&(first(&b.status), &b.state))
        });
        Ok(out)
    }

    /// The day `state` took the status it holds in `organization` on
    /// `date`, when it holds one for certain: the start (under `basis`) of
    /// the transition it holds it by ([`Standing::since`]).
    ///
    /// # Errors
    ///
    /// An unknown organisation or state, or a `date` that is not a day.
    ///
    /// # Example
    ///
    /// ```
    /// use igo_graph::{Basis, KnowledgeGraph};
    ///
    /// let kg = KnowledgeGraph::bundled();
    /// let since = kg.since("SCO", "IND", "2024-02-22".parse()?, Basis::Effective)?;
    /// assert_eq!(since, Some("2017-06-09".parse()?));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn since(
        &self,
        organization: &str,
        state: &str,
        date: Date,
        basis: Basis,
    ) -> Result<Option<Date>, Error> {
        Ok(self.standing(organization, state, date, basis)?.since)
    }

    /// The snapshot of `organization` on `date` under the basis other
    /// than `basis`, and the states whose status differs between the two
    /// (a decision taken before the day that took effect after it, say).
    ///
    /// # Errors
    ///
    /// An unknown organisation, or a `date` that is not a day.
    ///
    /// # Example
    ///
    /// ```
    /// use igo_graph::{Basis, KnowledgeGraph};
    ///
    /// let kg = KnowledgeGraph::bundled();
    /// let day = "2023-07-04".parse()?;
    /// let cmp = kg.compare_bases("SCO", day, Basis::Effective)?;
    /// assert_eq!(cmp.other.basis, Basis::Decided);
    /// assert!(!cmp.differences.is_empty());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn compare_bases(
        &self,
        organization: &str,
        date: Date,
        basis: Basis,
    ) -> Result<BasesComparison, Error> {
        let org = self.resolve_organization(organization)?;
        let vocabulary = &org.statuses;
        let mine = status_pairs(
            vocabulary,
            &self.snapshot(organization, date, basis)?,
        );
        let other = self.snapshot(organization, date, basis.other())?;
        let theirs = status_pairs(vocabulary, &other);
        let mut differences = Vec::new();
        for (id, text, on) in &theirs {
            if !mine.iter().any(|(i, t, _)| i == id && t == text) {
                differences.push(BasisDifference {
                    state: id.clone(),
                    other: on.clone(),
                });
            }
        }
        for (id, _, _) in &mine {
            if !theirs.iter().any(|(i, _, _)| i == id) {
                differences.push(BasisDifference {
                    state: id.clone(),
                    other: StatusOn::Certain(Status::NONE),
                });
            }
        }
        Ok(BasesComparison { other, differences })
    }
}
