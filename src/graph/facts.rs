//! Each organisation's own part of the graph: its status histories and
//! the spans they open, its summits, chair and office terms, events and
//! published counts, and the interval index behind its snapshots.
//!
//! A graph read from files builds every part at once. The bundled data
//! keeps each part encoded until a question first needs it (see
//! `crate::bundle` and [`super::slot`]): `igo at` on one organisation
//! decodes that one, and starting costs the same however many
//! organisations the data holds. Questions across organisations (a
//! state's memberships or history, every span, `graph()`) build the
//! parts they read.

use std::collections::BTreeMap;

use crate::bundle::Facts;
use crate::index::IntervalIndex;
use crate::model::{
    Affiliation, Boundary, ChairTerm, Claim, Event, OfficeTerm, Organization,
    Span, StateId, Status, Summit, Transition,
};

/// One organisation's facts, built from its part of the data set.
#[derive(Clone, Debug, Default)]
pub(crate) struct OrgFacts {
    /// Per state, its transitions in order.
    pub histories: BTreeMap<StateId, Vec<Transition>>,
    /// Notes on whole status histories, by state.
    pub notes: BTreeMap<StateId, String>,
    /// The spans the histories open, sorted by state and start.
    pub spans: Vec<Span>,
    /// Summits, oldest first (planned ones with unknown dates last).
    pub summits: Vec<Summit>,
    /// Chair terms, in the order of the data (oldest first).
    pub chairs: Vec<ChairTerm>,
    /// Office terms, in the order of the data (oldest first).
    pub offices: Vec<OfficeTerm>,
    /// Events, by date.
    pub events: Vec<Event>,
    /// The counts sources published, by date.
    pub claims: Vec<Claim>,
    /// The interval index of the spans under each basis.
    pub index: OrgIndex,
}

/// The spans of one organisation, indexed by the days they may cover.
#[derive(Clone, Debug, Default)]
pub(crate) struct OrgIndex {
    /// The states with a history in the organisation, sorted; interval
    /// values are positions in this list.
    pub states: Vec<StateId>,
    pub effective: IntervalIndex,
    pub decided: IntervalIndex,
    /// Decisions without an effective date: (state, status, decided).
    pub pending: Vec<(StateId, Status, Option<crate::Date>)>,
}

impl OrgFacts {
    /// The facts of `org` from its part of a validated data set.
    pub(super) fn new(org: &Organization, facts: Facts) -> OrgFacts {
        let Facts {
            affiliations,
            mut summits,
            chairs,
            offices,
            mut events,
            mut claims,
        } = facts;
        let n_spans = affiliations
            .iter()
            .flat_map(|a| &a.transitions)
            .filter(|t| opens_span(t.status))
            .count();
        let mut spans = Vec::with_capacity(n_spans);
        let mut histories = BTreeMap::new();
        let mut notes = BTreeMap::new();
        for Affiliation { organization: _, state, mut transitions, note } in
            affiliations
        {
            transitions.shrink_to_fit();
            if let Some(note) = note {
                notes.insert(state.clone(), note);
            }
            spans.extend(spans_of(&state, org, &transitions));
            histories.insert(state, transitions);
        }
        spans.sort_by(|a, b| {
            (&a.state, a.start.decided, a.start.effective).cmp(&(
                &b.state,
                b.start.decided,
                b.start.effective,
            ))
        });
        summits.sort_by(|a, b| {
            (a.start.is_none(), a.start.map(|d| d.first_day()), &a.id).cmp(&(
                b.start.is_none(),
                b.start.map(|d| d.first_day()),
                &b.id,
            ))
        });
        events.sort_by(|a, b| {
            (a.date.first_day(), a.date, &a.id).cmp(&(
                b.date.first_day(),
                b.date,
                &b.id,
            ))
        });
        claims.sort_by(|a, b| {
            (a.date.first_day(), a.date).cmp(&(b.date.first_day(), b.date))
        });
        let index = OrgIndex::new(&histories, &spans);
        OrgFacts {
            histories,
            notes,
            spans,
            summits,
            chairs,
            offices,
            events,
            claims,
            index,
        }
    }

    /// Whether `state` held (or was decided to hold) a status here.
    pub fn has_spans_of(&self, state: &str) -> bool {
        self.spans.binary_search_by(|s| s.state.as_str().cmp(state)).is_ok()
    }
}

/// Whether a transition to `status` opens a span: a held status, or
/// `unknown`, so that a question about its days finds it.
fn opens_span(status: Status) -> bool {
    status.is_held() || status == Status::UNKNOWN
}

/// The spans of one state in one organisation: each transition to a held
/// status (or to `unknown`) opens a span; the next transition, or the
/// organisation's dissolution, closes it.
fn spans_of(
    state: &StateId,
    org: &Organization,
    transitions: &[Transition],
) -> Vec<Span> {
    let mut spans = Vec::new();
    for (i, t) in transitions.iter().enumerate() {
        if !opens_span(t.status) {
            continue;
        }
        let next = transitions.get(i + 1);
        let end = match next {
            // A next decision still pending ends nothing by the effective
            // date: the organisation's end, if any, does.
            Some(next) => Some(Boundary {
                effective: next.effective.or(org.dissolved),
                ..next.boundary()
            }),
            None => org.dissolved.map(|d| Boundary {
                decided: Some(d),
                effective: Some(d),
                windows: [None, None],
            }),
        };
        spans.push(Span {
            state: state.clone(),
            organization: org.id.clone(),
            status: t.status,
            start: t.boundary(),
            end,
            sources: t.sources.clone(),
            note: t.note.clone(),
            disputed: t.disputed.clone(),
            end_disputed: next.and_then(|n| n.disputed.clone()),
            end_sources: next.map(|n| n.sources.clone()).unwrap_or_default(),
            other_sources: t.other_sources().into(),
            end_other_sources: next
                .map(|n| n.other_sources().into())
                .unwrap_or_default(),
        });
    }
    spans
}

impl OrgIndex {
    /// The index of one organisation's `spans`, for the states of
    /// `by_state`.
    fn new(
        by_state: &BTreeMap<StateId, Vec<Transition>>,
        spans: &[Span],
    ) -> OrgIndex {
        let states: Vec<StateId> = by_state.keys().cloned().collect();
        let build = |basis| {
            let ivs = spans.iter().filter_map(|sp| {
                let pos = states.binary_search(&sp.state).ok()? as u32;
                let (a, b) = possible_days(sp, basis)?;
                Some((a, b, pos))
            });
            IntervalIndex::new(ivs.collect::<Vec<_>>())
        };
        let effective = build(crate::Basis::Effective);
        let decided = build(crate::Basis::Decided);
        let mut pending = Vec::new();
        for (state, ts) in by_state {
            for t in ts.iter().filter(|t| t.is_pending()) {
                pending.push((state.clone(), t.status, t.decided));
            }
        }
        OrgIndex { states, effective, decided, pending }
    }

    /// The index under `basis`.
    pub fn by(&self, basis: crate::Basis) -> &IntervalIndex {
        match basis {
            crate::Basis::Effective => &self.effective,
            crate::Basis::Decided => &self.decided,
        }
    }
}

/// The `[start, end)` day numbers a span may cover under `basis`: from the
/// first day its start may be to the last day its end may be.
fn possible_days(span: &Span, basis: crate::Basis) -> Option<(i32, i32)> {
    let start = span.start.window(basis)?.first.day_number();
    // After a disputed end (an exit the sources dispute) the status may
    // still be held: the span stays a candidate, and the rule decides.
    let end = match span.end.and_then(|b| b.window(basis)) {
        Some(_) if span.end_disputed.is_some() => i32::MAX,
        Some(e) => e.last.day_number() + 1,
        None => i32::MAX,
    };
    Some((start, end))
}
