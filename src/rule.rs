//! The one rule: what a state holds in an organisation on a day, whether
//! that is certain, and if not, the statuses it may be, why, and the
//! sources on each side.
//!
//! Every query, export and the explorer ask [`standing`] (through
//! [`KnowledgeGraph::standing`](crate::KnowledgeGraph::standing) or the
//! crate's own callers); nothing else compares a transition's dates with a
//! day to decide what is held. A status holds from its start (inclusive) to
//! the next transition's start (exclusive). A day inside an imprecise start
//! (`2010-05`) or between the days sources give for a start, a disputed
//! status, missing data (`unknown`, COW's -9) or a
//! day inside the organisation's imprecise end makes the answer uncertain.

use serde::Serialize;

use crate::date::Date;
use crate::model::{
    Basis, Organization, SourceId, Status, StatusOn, Transition,
};

/// Why a status cannot be decided on a day.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Reason {
    /// The day falls inside a date given only as a month or a year.
    ImpreciseDate,
    /// The sources give different days for a transition, and the day
    /// falls between the earliest and the latest of them.
    ConflictingDays,
    /// The sources disagree on the status itself.
    Disputed,
    /// The sources give no information for the time (status `unknown`,
    /// COW IGO v3's code -9).
    Missing,
    /// The day falls inside the organisation's imprecise end (`dissolved:
    /// 1979`): it may no longer have existed.
    Existence,
}

impl Reason {
    /// `imprecise date`, `sources differ on the day`, `disputed`,
    /// `missing data` or `the organisation may no longer have existed`.
    pub fn label(self) -> &'static str {
        match self {
            Reason::ImpreciseDate => "imprecise date",
            Reason::ConflictingDays => "sources differ on the day",
            Reason::Disputed => "disputed",
            Reason::Missing => "missing data",
            Reason::Existence => "the organisation may no longer have existed",
        }
    }
}

/// What a state holds in an organisation on a day: the answer of the one
/// rule.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Standing {
    /// The status, or the statuses it may be.
    pub status: StatusOn,
    /// When certain and held: the start (under the basis) of the
    /// transition the status is held by.
    pub since: Option<Date>,
    /// Why it is uncertain (`None` when certain).
    pub reason: Option<Reason>,
    /// The sources of the transition in force: for a disputed status,
    /// the side that supports it; for missing data, the source that says
    /// nothing is known. Empty for a day inside an imprecise date.
    pub sources: Vec<SourceId>,
    /// For a disputed status: the sources that deny it; for a day on
    /// which the sources differ: those that give the other days.
    pub against: Vec<SourceId>,
}

impl Standing {
    /// Whether the status is certain.
    pub fn is_certain(&self) -> bool {
        matches!(self.status, StatusOn::Certain(_))
    }

    /// The status held for certain, if any status is (not `none`).
    pub fn held(&self) -> Option<Status> {
        self.status.certain().filter(|s| s.is_held())
    }

    /// Whether the state holds, or may hold, any status.
    pub fn may_hold(&self) -> bool {
        self.status.possible().iter().any(|s| s.is_held())
    }

    fn certain(status: Status, since: Option<Date>) -> Standing {
        Standing {
            status: StatusOn::Certain(status),
            since,
            reason: None,
            sources: Vec::new(),
            against: Vec::new(),
        }
    }
}

/// Where a day falls among a state's transitions under a basis.
struct Place {
    /// The last transition certainly in force.
    certain: Option<usize>,
    /// The transitions that may be in force: the certain one and those
    /// after it whose start's window (an imprecise date, or days the
    /// sources differ on) contains the day.
    in_force: Vec<usize>,
}

impl Place {
    fn of(transitions: &[Transition], day: Date, basis: Basis) -> Place {
        let mut certain = None;
        for (i, t) in transitions.iter().enumerate() {
            if t.window(basis).is_some_and(|w| w.last <= day) {
                certain = Some(i);
            }
        }
        // Only those that may have begun: under the decided basis an
        // earlier transition may start later than a later one's range.
        let after = certain.map_or(0, |c| c + 1);
        let maybe =
            transitions.iter().enumerate().skip(after).filter(|(_, t)| {
                t.window(basis).is_some_and(|w| w.first <= day)
            });
        let in_force =
            certain.into_iter().chain(maybe.map(|(i, _)| i)).collect();
        Place { certain, in_force }
    }
}

/// The one rule: what a state with `transitions` (in order) holds in `org`
/// on `day` under `basis`.
pub(crate) fn standing(
    org: &Organization,
    transitions: &[Transition],
    day: Date,
    basis: Basis,
) -> Standing {
    if day < org.founded.first_day() {
        return Standing::certain(Status::NONE, None);
    }
    if let Some(end) = org.dissolved
        && end.last_day() <= day
    {
        return Standing::certain(Status::NONE, None);
    }
    let place = Place::of(transitions, day, basis);
    let status_after =
        |i: Option<usize>| i.map_or(Status::NONE, |i| transitions[i].status);
    let mut set = vec![status_after(place.certain)];
    let mut reason = None;
    let (mut sources, mut against) = (Vec::new(), Vec::new());
    for &i in &place.in_force {
        let t = &transitions[i];
        set.push(t.status);
        if Some(i) != place.certain && reason.is_none() {
            let why = window_reason(t, day, basis);
            reason = Some(why);
            if why == Reason::ConflictingDays {
                sources = t.sources.to_vec();
                against = t.other_sources();
            }
        }
        if t.status == Status::UNKNOWN {
            reason = Some(Reason::Missing);
            sources = t.sources.to_vec();
            against.clear();
        } else if let Some(d) = &t.disputed {
            // A disputed status in force may, by the other side, not be
            // held: the status before it stands, and if that one is
            // disputed too, the one before it.
            let mut j = i;
            while transitions[j].disputed.is_some() {
                set.push(status_after(j.checked_sub(1)));
                let Some(k) = j.checked_sub(1) else { break };
                j = k;
            }
            if reason != Some(Reason::Missing) {
                reason = Some(Reason::Disputed);
                sources = t.sources.to_vec();
                against = d.against.to_vec();
            }
        }
    }
    if org.end_uncertain_on(day) {
        set.push(Status::NONE);
        reason = reason.or(Some(Reason::Existence));
    }
    if set.contains(&Status::UNKNOWN) {
        // No information: any status of its vocabulary may be held.
        set.retain(|s| *s != Status::UNKNOWN);
        set.extend(org.statuses.iter().copied());
        set.push(Status::NONE);
        reason = Some(Reason::Missing);
        against.clear();
    }
    set.sort();
    set.dedup();
    if let [only] = set[..] {
        let since = match only.is_held() {
            true => place.certain.and_then(|i| transitions[i].start(basis)),
            false => None,
        };
        let mut s = Standing::certain(only, since);
        if let Some(i) = place.certain {
            s.sources = transitions[i].sources.to_vec();
        }
        return s;
    }
    Standing {
        status: StatusOn::Uncertain(set),
        since: None,
        reason: reason.or(Some(Reason::ImpreciseDate)),
        sources,
        against,
    }
}

/// Why a transition that may have begun by `day` makes it uncertain:
/// the day lies inside its own imprecise date, or only inside the days
/// other sources give.
fn window_reason(t: &Transition, day: Date, basis: Basis) -> Reason {
    match t.start(basis) {
        Some(d) if d.first_day() <= day && day < d.last_day() => {
            Reason::ImpreciseDate
        }
        _ if t.has_alternatives() => Reason::ConflictingDays,
        _ => Reason::ImpreciseDate,
    }
}

/// The status held on `day` (the [`standing`]'s status alone).
pub(crate) fn status_on(
    org: &Organization,
    transitions: &[Transition],
    day: Date,
    basis: Basis,
) -> StatusOn {
    standing(org, transitions, day, basis).status
}
