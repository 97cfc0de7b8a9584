//! Point-in-time and timeline questions over a [`KnowledgeGraph`].

use std::collections::BTreeMap;

use serde::Serialize;

use crate::date::Date;
use crate::error::{Diagnostic, DiagnosticKind, Error};
use crate::graph::KnowledgeGraph;
use crate::model::{
    Basis, ChairTerm, Office, OfficeTerm, Organization, OrganizationId,
    Source, StateId, Status, StatusOn, Transition, status_on,
};

/// A state whose status on the snapshot's day cannot be decided.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Uncertain {
    /// The state.
    pub state: StateId,
    /// The statuses it may hold, sorted.
    pub possible: Vec<Status>,
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
/// Its JSON form (`igo at DATE --format json`) is a stable contract: see
/// the README.
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
    /// The number of states holding any status for certain.
    pub family_size: usize,
    /// States whose status cannot be decided on this day.
    pub uncertain: Vec<Uncertain>,
    /// Decisions taken on or before this day that have not taken effect
    /// (only under basis `effective`).
    pub pending: Vec<Pending>,
    /// The chairing state, when known.
    pub chair: Option<StateId>,
    /// The Secretary-General's name, when known.
    pub secretary_general: Option<String>,
}

/// Who held a term on a day, and whether that is certain (a term starting
/// in a month or year makes the days of that month or year uncertain).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Holding<'a, T> {
    /// The term.
    pub term: &'a T,
    /// False when the day falls inside an imprecise start date.
    pub certain: bool,
}

/// The holder of a sequence of terms (each ending where the next begins)
/// on `day`.
fn holding<'a, T>(
    terms: impl Iterator<Item = &'a T>,
    start: impl Fn(&T) -> Date,
    day: Date,
) -> Option<Holding<'a, T>> {
    let mut found = None;
    for t in terms {
        let s = start(t);
        if s.first_day() <= day {
            found = Some(Holding { term: t, certain: s.last_day() <= day });
        }
    }
    found
}

impl Snapshot {
    /// The states holding `status` (empty for [`Status::None`]).
    pub fn with_status(&self, status: Status) -> &[StateId] {
        match status {
            Status::Member => &self.members,
            Status::Observer => &self.observers,
            Status::DialoguePartner => &self.dialogue_partners,
            Status::Partner => &self.partners,
            Status::None => &[],
        }
    }

    /// Every state of the family (certain statuses only), sorted.
    pub fn family(&self) -> Vec<&StateId> {
        let mut all: Vec<&StateId> =
            Status::HELD.iter().flat_map(|s| self.with_status(*s)).collect();
        all.sort();
        all
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

/// Sizes of each category and of the whole family.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Counts {
    /// Members.
    pub members: usize,
    /// Observers.
    pub observers: usize,
    /// Dialogue partners.
    pub dialogue_partners: usize,
    /// Partners.
    pub partners: usize,
    /// All states holding any status.
    pub family: usize,
}

impl Counts {
    fn of<'a>(statuses: impl Iterator<Item = &'a Status>) -> Counts {
        let mut c = Counts::default();
        for s in statuses {
            match s {
                Status::Member => c.members += 1,
                Status::Observer => c.observers += 1,
                Status::DialoguePartner => c.dialogue_partners += 1,
                Status::Partner => c.partners += 1,
                Status::None => continue,
            }
            c.family += 1;
        }
        c
    }
}

/// One change in a [`Timeline`].
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct TimelineEvent {
    /// When (under the timeline's basis), with its precision.
    pub date: Date,
    /// The state.
    pub state: StateId,
    /// The status before.
    pub from: Status,
    /// The status after.
    pub to: Status,
    /// The decision date of the transition.
    pub decided: Option<Date>,
    /// The effective date of the transition.
    pub effective: Option<Date>,
    /// Sources (for the dissolution of an organisation, the
    /// organisation's own).
    pub sources: std::sync::Arc<[crate::model::SourceId]>,
    /// Remarks on the transition.
    pub note: Option<std::sync::Arc<str>>,
    /// The counts after every change of this date.
    pub after: Counts,
}

/// Every change of an organisation in date order.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Timeline {
    /// The organisation.
    pub organization: OrganizationId,
    /// The basis the dates are counted by.
    pub basis: Basis,
    /// The changes, oldest first (ties by state id).
    pub events: Vec<TimelineEvent>,
    /// Decisions not yet in effect (basis `effective` only).
    pub pending: Vec<Pending>,
}

/// One state's change between two days.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Change {
    /// The state.
    pub state: StateId,
    /// Its status on the first day.
    pub before: StatusOn,
    /// Its status on the second day.
    pub after: StatusOn,
}

/// What changed in an organisation between two days.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Diff {
    /// The organisation.
    pub organization: OrganizationId,
    /// The first day.
    pub from: Date,
    /// The second day.
    pub to: Date,
    /// The basis.
    pub basis: Basis,
    /// States whose status differs, sorted by id.
    pub changes: Vec<Change>,
    /// The timeline events after `from` up to and including `to`.
    pub events: Vec<TimelineEvent>,
}

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
    /// The sources, resolved.
    pub sources: Vec<Source>,
    /// Remarks: steps, conflicts between sources.
    pub note: Option<std::sync::Arc<str>>,
}

/// A state's status history in every organisation.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct History {
    /// The state.
    pub state: crate::model::State,
    /// Its transitions, by organisation then date.
    pub entries: Vec<HistoryEntry>,
}

fn need_day(date: Date) -> Result<(), Error> {
    if date.is_day() {
        Ok(())
    } else {
        Err(Error::one(
            Diagnostic::new(
                DiagnosticKind::Query,
                format!("`{date}` is not a day"),
            )
            .help("ask about a day: YYYY-MM-DD"),
        ))
    }
}

impl KnowledgeGraph {
    /// The states of `org` with a span that may contain `date` (sorted by
    /// id), with their transitions: O(log n + k) by the interval index.
    fn candidates<'a>(
        &'a self,
        org: &Organization,
        date: Date,
        basis: Basis,
    ) -> Vec<(&'a StateId, &'a [Transition])> {
        let Some(index) = self.org_index(org.id.as_str()) else {
            return Vec::new();
        };
        let mut hits = Vec::new();
        index.by(basis).stab(date.day_number(), &mut hits);
        hits.sort_unstable();
        hits.dedup();
        let histories = self.histories_of(org.id.as_str());
        hits.into_iter()
            .filter_map(|i| {
                let state = &index.states[i as usize];
                Some((state, histories?.get(state)?.as_slice()))
            })
            .collect()
    }

    /// The chair of `organization` on `date`, if the data has one. The day
    /// the chair passes belongs to the incoming chair.
    ///
    /// # Errors
    ///
    /// An unknown organisation, or a `date` that is not a day.
    ///
    /// # Example
    ///
    /// ```
    /// use igo_graph::KnowledgeGraph;
    ///
    /// let kg = KnowledgeGraph::bundled();
    /// let chair = kg.chair_at("SCO", "2024-02-22".parse()?)?.unwrap();
    /// assert_eq!(chair.term.state, "KAZ");
    /// let ends = kg.summit(chair.term.ended_by.as_ref().unwrap().as_str()).unwrap();
    /// assert_eq!(ends.city, "Astana");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn chair_at(
        &self,
        organization: &str,
        date: Date,
    ) -> Result<Option<Holding<'_, ChairTerm>>, Error> {
        let org = self.resolve_organization(organization)?;
        need_day(date)?;
        if !org.existed_on(date) {
            return Ok(None);
        }
        Ok(holding(self.chairs(org.id.as_str()).iter(), |t| t.start, date))
    }

    /// The Secretary-General of `organization` on `date`, if the data has
    /// one.
    ///
    /// # Errors
    ///
    /// An unknown organisation, or a `date` that is not a day.
    ///
    /// # Example
    ///
    /// ```
    /// use igo_graph::KnowledgeGraph;
    ///
    /// let kg = KnowledgeGraph::bundled();
    /// let sg = kg.secretary_general_at("SCO", "2024-02-22".parse()?)?.unwrap();
    /// assert_eq!(sg.term.name, "Zhang Ming");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn secretary_general_at(
        &self,
        organization: &str,
        date: Date,
    ) -> Result<Option<Holding<'_, OfficeTerm>>, Error> {
        let org = self.resolve_organization(organization)?;
        need_day(date)?;
        if !org.existed_on(date) {
            return Ok(None);
        }
        Ok(holding(
            self.officials(org.id.as_str())
                .iter()
                .filter(|t| t.office == Office::SecretaryGeneral),
            |t| t.start,
            date,
        ))
    }

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
            family_size: 0,
            uncertain: Vec::new(),
            pending: Vec::new(),
            chair: None,
            secretary_general: None,
        };
        if org.existed_on(date) {
            snap.chair = self
                .chair_at(org.id.as_str(), date)?
                .map(|h| h.term.state.clone());
            snap.secretary_general = self
                .secretary_general_at(org.id.as_str(), date)?
                .map(|h| h.term.name.clone());
        }
        // Only the states with a span that may contain the day, found in
        // the interval index; each answered from its own transitions.
        for (state, ts) in self.candidates(org, date, basis) {
            match status_on(org, ts, date, basis).0 {
                StatusOn::Certain(s) => {
                    let list = match s {
                        Status::Member => Some(&mut snap.members),
                        Status::Observer => Some(&mut snap.observers),
                        Status::DialoguePartner => {
                            Some(&mut snap.dialogue_partners)
                        }
                        Status::Partner => Some(&mut snap.partners),
                        Status::None => None,
                    };
                    if let Some(list) = list {
                        list.push(state.clone());
                        snap.family_size += 1;
                    }
                }
                StatusOn::Uncertain(possible) => snap
                    .uncertain
                    .push(Uncertain { state: state.clone(), possible }),
            }
        }
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
    /// assert_eq!(on("2017-06-08")?, StatusOn::Certain(Status::Observer));
    /// assert_eq!(on("2017-06-09")?, StatusOn::Certain(Status::Member));
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
        Ok(status_on(org, ts, date, basis).0)
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
    /// let obs = kg.roster("SCO", "2012-06-01".parse()?, Basis::Effective, Some(Status::Observer))?;
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
            let (on, since) = status_on(org, ts, date, basis);
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
                v.first().copied().unwrap_or(Status::None)
            }
        };
        out.sort_by(|a, b| {
            (first(&a.status), &a.state).cmp(&(first(&b.status), &b.state))
        });
        Ok(out)
    }

    /// A state's status history in every organisation, with its sources.
    ///
    /// `state` may be an ISO alpha-3 or alpha-2 code or a name.
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
    /// assert_eq!(sco, [Status::Observer, Status::Member]);
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
                    sources: t
                        .sources
                        .iter()
                        .filter_map(|s| self.source(s.as_str()).cloned())
                        .collect(),
                    note: t.note.clone(),
                });
            }
            if let Some(end) = org.dissolved
                && ts.last().is_some_and(|t| t.status.is_held())
            {
                entries.push(HistoryEntry {
                    organization: org.id.clone(),
                    status: Status::None,
                    decided: Some(end),
                    effective: Some(end),
                    sources: org
                        .sources
                        .iter()
                        .filter_map(|s| self.source(s.as_str()).cloned())
                        .collect(),
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

    /// Every change of `organization` in date order, with the size of each
    /// category and of the family after each date.
    ///
    /// # Errors
    ///
    /// An unknown organisation.
    ///
    /// # Example
    ///
    /// ```
    /// use igo_graph::{Basis, KnowledgeGraph};
    ///
    /// let kg = KnowledgeGraph::bundled();
    /// let t = kg.timeline("SCO", Basis::Effective)?;
    /// assert_eq!(t.events[0].after.family, 6);
    /// assert!(t.events.iter().any(|e| e.after.family == 26));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn timeline(
        &self,
        organization: &str,
        basis: Basis,
    ) -> Result<Timeline, Error> {
        let org = self.resolve_organization(organization)?;
        let mut events = Vec::new();
        let mut pending = Vec::new();
        for (state, ts) in self.affiliations_of(org.id.as_str()) {
            let mut from = Status::None;
            for t in ts {
                match t.start(basis) {
                    Some(date) => events.push(TimelineEvent {
                        date,
                        state: state.clone(),
                        from,
                        to: t.status,
                        decided: t.decided,
                        effective: t.effective,
                        sources: t.sources.clone(),
                        note: t.note.clone(),
                        after: Counts::default(),
                    }),
                    None => pending.push(Pending {
                        state: state.clone(),
                        status: t.status,
                        decided: t.decided,
                    }),
                }
                from = t.status;
            }
            if let (Some(end), true) = (org.dissolved, from.is_held()) {
                events.push(TimelineEvent {
                    date: end,
                    state: state.clone(),
                    from,
                    to: Status::None,
                    decided: Some(end),
                    effective: Some(end),
                    sources: org.sources.clone().into(),
                    note: Some(
                        format!("{} ceased to exist", org.short_name).into(),
                    ),
                    after: Counts::default(),
                });
            }
        }
        events.sort_by(|a, b| {
            (a.date.first_day(), a.date, &a.state).cmp(&(
                b.date.first_day(),
                b.date,
                &b.state,
            ))
        });
        let mut current: BTreeMap<StateId, Status> = BTreeMap::new();
        let mut i = 0;
        while i < events.len() {
            let mut j = i;
            while j < events.len() && events[j].date == events[i].date {
                current.insert(events[j].state.clone(), events[j].to);
                j += 1;
            }
            let counts = Counts::of(current.values());
            for e in &mut events[i..j] {
                e.after = counts;
            }
            i = j;
        }
        Ok(Timeline { organization: org.id.clone(), basis, events, pending })
    }

    /// What changed in `organization` between the days `from` and `to`.
    ///
    /// # Errors
    ///
    /// An unknown organisation, or a date that is not a day.
    ///
    /// # Example
    ///
    /// ```
    /// use igo_graph::{Basis, KnowledgeGraph, Status};
    ///
    /// let kg = KnowledgeGraph::bundled();
    /// let d = kg.diff("SCO", "2015-01-01".parse()?, "2018-01-01".parse()?, Basis::Effective)?;
    /// let india = d.changes.iter().find(|c| c.state == "IND").unwrap();
    /// assert_eq!(india.after.certain(), Some(Status::Member));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn diff(
        &self,
        organization: &str,
        from: Date,
        to: Date,
        basis: Basis,
    ) -> Result<Diff, Error> {
        let org = self.resolve_organization(organization)?;
        need_day(from)?;
        need_day(to)?;
        let mut changes = Vec::new();
        for (state, ts) in self.affiliations_of(org.id.as_str()) {
            let before = status_on(org, ts, from, basis).0;
            let after = status_on(org, ts, to, basis).0;
            if before != after {
                changes.push(Change { state: state.clone(), before, after });
            }
        }
        let (lo, hi) = if from <= to { (from, to) } else { (to, from) };
        let events = self
            .timeline(org.id.as_str(), basis)?
            .events
            .into_iter()
            .filter(|e| e.date.last_day() > lo && e.date.first_day() <= hi)
            .collect();
        Ok(Diff {
            organization: org.id.clone(),
            from,
            to,
            basis,
            changes,
            events,
        })
    }
}
