//! Changes over time: the timeline of an organisation and what changed
//! between two days.

use serde::Serialize;

use super::{Counts, Pending, need_day};
use crate::date::Date;
use crate::error::Error;
use crate::graph::KnowledgeGraph;
use crate::model::{
    Basis, Organization, OrganizationId, StateId, Status, StatusOn, Summit,
};
use crate::rule::status_on;

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
    /// When the sources dispute the transition's status: the other side
    /// (the state is then uncertain from this date, in no certain count).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub disputed: Option<std::sync::Arc<crate::model::Dispute>>,
    /// The first day the change may fall on: the date's own first day, or
    /// an earlier day other sources give.
    pub earliest: Date,
    /// The last day it may fall on, the day it is certain on and whose
    /// counts `after` gives: the date's own last day, or a later day
    /// other sources give.
    pub latest: Date,
    /// Other days some sources give for the change, with their sources.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub alternatives: Vec<crate::model::Alternative>,
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
    /// The changes in the order of the days they are certain on (the
    /// last day of a month- or year-only date, or of the days the sources
    /// give), then of their first days, ties by state id.
    pub events: Vec<TimelineEvent>,
    /// Decisions not yet in effect (basis `effective` only).
    pub pending: Vec<Pending>,
    /// Why counts on some days may miss states: the organisation's list
    /// of states is partial there (see
    /// [`KnowledgeGraph::coverage_caveat`]); `None` when it is complete.
    pub coverage: Option<String>,
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
    /// Why the changes may miss states: the organisation's list of states
    /// is partial on one of the two days; `None` when it is complete.
    pub coverage: Option<String>,
}

/// A [`Timeline`] with the organisation's summits (the meetings of its
/// summit body) beside it, from
/// [`KnowledgeGraph::timeline_with_summits`].
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct SummitTimeline<'a> {
    /// The timeline.
    pub timeline: Timeline,
    /// The summits with a handover day (Council day, else last day), in
    /// the order of [`KnowledgeGraph::summits`].
    pub summits: Vec<&'a Summit>,
    /// The counts on each summit's handover day, in the order of
    /// `summits` (as `igo at` gives them).
    pub counts: Vec<Counts>,
}

/// One line of a [`SummitTimeline`]: a change, or a summit.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub enum TimelineEntry<'a> {
    /// A change of status.
    Change(&'a TimelineEvent),
    /// A summit on its handover day, with the counts in force after the
    /// changes up to that day.
    Summit {
        /// The summit.
        summit: &'a Summit,
        /// Its handover day (Council day, else last day).
        day: Date,
        /// The counts on `day`, as `igo at` gives them.
        after: Counts,
    },
}

impl TimelineEntry<'_> {
    /// The day the entry sorts by: the first day of its date.
    pub fn first_day(&self) -> Date {
        match self {
            TimelineEntry::Change(e) => e.earliest,
            TimelineEntry::Summit { day, .. } => day.first_day(),
        }
    }

    /// The day the entry is placed on: a change on the day it is certain
    /// (the last day it may fall on, the day its counts are taken), a
    /// summit on its handover day.
    pub fn day(&self) -> Date {
        match self {
            TimelineEntry::Change(e) => e.latest,
            TimelineEntry::Summit { day, .. } => day.last_day(),
        }
    }
}

impl SummitTimeline<'_> {
    /// The changes and the summits interleaved by day; a summit comes
    /// before the changes of its own day (which it often decided).
    pub fn entries(&self) -> Vec<TimelineEntry<'_>> {
        let events = &self.timeline.events;
        let mut all: Vec<TimelineEntry<'_>> =
            events.iter().map(TimelineEntry::Change).collect();
        for (s, after) in self.summits.iter().zip(&self.counts) {
            let Some(day) = s.handover_day() else { continue };
            let after = after.clone();
            all.push(TimelineEntry::Summit { summit: s, day, after });
        }
        let is_change =
            |e: &TimelineEntry<'_>| matches!(e, TimelineEntry::Change(_));
        // Stable: the changes of one day stay in the timeline's order.
        all.sort_by(|a, b| {
            (a.day(), is_change(a)).cmp(&(b.day(), is_change(b)))
        });
        all
    }
}

impl KnowledgeGraph {
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
            changes_of(org, (state, ts), basis, (&mut events, &mut pending));
        }
        // By the day each change is certain (the last day it may fall on),
        // the day its counts are taken on: `2010-05` before `2010`.
        events.sort_by(|a, b| {
            (a.latest, a.earliest, &a.state)
                .cmp(&(b.latest, b.earliest, &b.state))
        });
        // The counts after a change are the counts on its last day, by the
        // one rule: what `at` gives for that day.
        let mut i = 0;
        while i < events.len() {
            let key = (events[i].earliest, events[i].latest);
            let counts = self.counts_on(org, key.1, basis);
            let j = i + events[i..]
                .iter()
                .take_while(|e| (e.earliest, e.latest) == key)
                .count();
            for e in &mut events[i..j] {
                e.after = counts.clone();
            }
            i = j;
        }
        Ok(Timeline {
            organization: org.id.clone(),
            basis,
            events,
            pending,
            coverage: super::coverage::caveat_of(org, None),
        })
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
    /// assert_eq!(india.after.certain(), Some(Status::MEMBER));
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
            let before = status_on(org, ts, from, basis);
            let after = status_on(org, ts, to, basis);
            if before != after {
                changes.push(Change { state: state.clone(), before, after });
            }
        }
        let (lo, hi) = if from <= to { (from, to) } else { (to, from) };
        let events = self
            .timeline(org.id.as_str(), basis)?
            .events
            .into_iter()
            .filter(|e| e.latest > lo && e.earliest <= hi)
            .collect();
        Ok(Diff {
            organization: org.id.clone(),
            from,
            to,
            basis,
            changes,
            events,
            coverage: [from, to]
                .into_iter()
                .find_map(|d| super::coverage::caveat_of(org, Some(d))),
        })
    }

    /// The timeline of `organization` with its summits beside it; see
    /// [`SummitTimeline::entries`] for the two interleaved.
    ///
    /// # Errors
    ///
    /// An unknown organisation.
    ///
    /// # Example
    ///
    /// ```
    /// use igo_graph::{Basis, KnowledgeGraph, TimelineEntry};
    ///
    /// let kg = KnowledgeGraph::bundled();
    /// let t = kg.timeline_with_summits("SCO", Basis::Effective)?;
    /// let entries = t.entries();
    /// let first_summit = entries.iter().find_map(|e| match e {
    ///     TimelineEntry::Summit { summit, .. } => Some(summit),
    ///     TimelineEntry::Change(_) => None,
    /// });
    /// assert!(first_summit.is_some());
    /// assert_eq!(entries.len(), t.timeline.events.len() + t.summits.len());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn timeline_with_summits(
        &self,
        organization: &str,
        basis: Basis,
    ) -> Result<SummitTimeline<'_>, Error> {
        let timeline = self.timeline(organization, basis)?;
        let org = self.resolve_organization(organization)?;
        let summits: Vec<&Summit> = self
            .summits(timeline.organization.as_str())
            .into_iter()
            .filter(|s| s.handover_day().is_some())
            .collect();
        let counts = summits
            .iter()
            .filter_map(|s| s.handover_day())
            .map(|day| self.counts_on(org, day.last_day(), basis))
            .collect();
        Ok(SummitTimeline { timeline, summits, counts })
    }

    /// The family size of a [`Diff`]'s organisation on its first and on
    /// its second day.
    ///
    /// # Errors
    ///
    /// An unknown organisation, or a date of the diff that is not a day.
    ///
    /// # Example
    ///
    /// ```
    /// use igo_graph::{Basis, KnowledgeGraph};
    ///
    /// let kg = KnowledgeGraph::bundled();
    /// let d = kg.diff("SCO", "2001-06-15".parse()?, "2024-02-22".parse()?, Basis::Effective)?;
    /// assert_eq!(kg.family_sizes(&d)?, (6, 26));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn family_sizes(&self, diff: &Diff) -> Result<(usize, usize), Error> {
        let org = diff.organization.as_str();
        let size =
            |day| self.snapshot(org, day, diff.basis).map(|s| s.family_size);
        Ok((size(diff.from)?, size(diff.to)?))
    }
}

/// The changes of one state's history under `basis` (and its end with
/// the organisation's), and its decisions not yet in effect.
fn changes_of(
    org: &Organization,
    (state, ts): (&StateId, &[crate::model::Transition]),
    basis: Basis,
    (events, pending): (&mut Vec<TimelineEvent>, &mut Vec<Pending>),
) {
    let mut from = Status::NONE;
    for t in ts {
        // A status decided before the organisation existed is held from
        // its founding (the rule's answer before it: none).
        let start = t.start(basis).map(|d| {
            match d.last_day() < org.founded.first_day() {
                true => org.founded,
                false => d,
            }
        });
        let (Some(date), Some(w)) = (start, t.window(basis)) else {
            // Pending: the status before it stands.
            pending.push(Pending {
                state: state.clone(),
                status: t.status,
                decided: t.decided,
            });
            continue;
        };
        events.push(TimelineEvent {
            date,
            state: state.clone(),
            from,
            to: t.status,
            decided: t.decided,
            effective: t.effective,
            sources: t.sources.clone(),
            note: t.note.clone(),
            disputed: t.disputed.clone(),
            earliest: w.first.max(org.founded.first_day()),
            latest: w.last.max(date.last_day()),
            alternatives: t.alternatives.clone(),
            after: Counts::default(),
        });
        from = t.status;
    }
    if let (Some(end), true) = (org.dissolved, from.is_held()) {
        events.push(TimelineEvent {
            date: end,
            state: state.clone(),
            from,
            to: Status::NONE,
            decided: Some(end),
            effective: Some(end),
            sources: org.sources.clone().into(),
            note: Some(format!("{} ceased to exist", org.short_name).into()),
            disputed: None,
            earliest: end.first_day(),
            latest: end.last_day(),
            alternatives: Vec::new(),
            after: Counts::default(),
        });
    }
}
