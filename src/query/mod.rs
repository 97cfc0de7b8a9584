//! Point-in-time and timeline questions over a [`KnowledgeGraph`], one
//! file per family: a day ([`snapshot`]), changes over time
//! ([`timeline`]), a state's history ([`history`]), the offices
//! ([`institutions`]) and an organisation's line of predecessors and
//! successors ([`lineage`]).

mod across;
mod claims;
mod history;
mod institutions;
mod lineage;
mod snapshot;
mod timeline;

use serde::Serialize;

use crate::date::Date;
use crate::error::{Diagnostic, DiagnosticKind, Error};
use crate::graph::KnowledgeGraph;
use crate::model::{Basis, Organization, StateId, Status, Transition};

pub use self::across::{Cell, Membership, Overlap, OverlapMatrix, Shared};
pub use self::claims::{ClaimCheck, Difference, Why};
pub use self::history::{History, HistoryEntry};
pub use self::institutions::Holding;
pub use self::snapshot::{
    BasesComparison, BasisDifference, Pending, Reason, RosterEntry, Snapshot,
    Uncertain,
};
pub use self::timeline::{
    Change, Diff, SummitTimeline, Timeline, TimelineEntry, TimelineEvent,
};

/// Sizes of each category and of the whole family.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
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
    /// States holding each other status of the organisation's own
    /// vocabulary (BRICS `partner_country`, the CSTO's `frozen`), by id.
    #[serde(skip_serializing_if = "std::collections::BTreeMap::is_empty")]
    pub other: std::collections::BTreeMap<String, usize>,
}

impl Counts {
    fn of<'a>(statuses: impl Iterator<Item = &'a Status>) -> Counts {
        let mut c = Counts::default();
        for s in statuses {
            if !s.is_held() {
                continue;
            }
            match *s {
                Status::MEMBER => c.members += 1,
                Status::OBSERVER => c.observers += 1,
                Status::DIALOGUE_PARTNER => c.dialogue_partners += 1,
                Status::PARTNER => c.partners += 1,
                other => {
                    *c.other.entry(other.as_str().to_string()).or_default() +=
                        1
                }
            }
            c.family += 1;
        }
        c
    }
}

pub(crate) fn need_day(date: Date) -> Result<(), Error> {
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
    pub(crate) fn candidates<'a>(
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
}
