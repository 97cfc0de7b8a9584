//! Point-in-time and timeline questions over a [`KnowledgeGraph`], one
//! file per family: a day ([`snapshot`]), changes over time
//! ([`timeline`]), a state's history ([`history`]), the offices
//! ([`institutions`]) and an organisation's line of predecessors and
//! successors ([`lineage`]).

mod across;
mod claims;
mod coverage;
mod history;
mod institutions;
mod lineage;
mod snapshot;
mod timeline;

use std::collections::BTreeMap;

use serde::Serialize;

use crate::date::Date;
use crate::error::{Diagnostic, DiagnosticKind, Error};
use crate::graph::KnowledgeGraph;
use crate::model::{
    Basis, Organization, StateId, Status, StatusOn, Tier, Transition,
};

pub use self::across::{Cell, Membership, Overlap, OverlapMatrix, Shared};
pub use self::claims::{ClaimCheck, Difference, Verdict, Why};
pub use self::history::{History, HistoryEntry, OtherDay};
pub use self::institutions::{Holding, OfficeHolder};
pub use self::snapshot::{
    BasesComparison, BasisDifference, OrganizationHolding, Pending,
    RosterEntry, Snapshot, Uncertain,
};
pub use self::timeline::{
    Change, Diff, SummitTimeline, Timeline, TimelineEntry, TimelineEvent,
};

/// The counts of an organisation on a day, in its own words: by status
/// id and by tier, certain and uncertain apart. Made by one function for
/// every answer that counts (`at`, `timeline`, `diff`, `claims`, the
/// chart and the explorer), so that they cannot disagree.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Counts {
    /// States holding the status with id `member` for certain.
    pub members: usize,
    /// States holding the status with id `observer` for certain.
    pub observers: usize,
    /// States holding the status with id `dialogue_partner` for certain.
    pub dialogue_partners: usize,
    /// States holding the status with id `partner` for certain.
    pub partners: usize,
    /// All states holding any status for certain.
    pub family: usize,
    /// States holding each other status of the organisation's own
    /// vocabulary (BRICS `partner_country`, the CSTO's `frozen`), by id.
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub other: BTreeMap<String, usize>,
    /// Every status of the organisation's vocabulary, by id, with the
    /// number of states holding it for certain (zero included).
    pub statuses: BTreeMap<String, usize>,
    /// The same by tier (`member`, `associate`, `observer`, `partner`).
    pub tiers: BTreeMap<String, usize>,
    /// States whose status cannot be decided (in no count above).
    pub uncertain: usize,
    /// For each held status an uncertain state may hold, by id: how many
    /// uncertain states may hold it.
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub possible: BTreeMap<String, usize>,
}

impl Counts {
    /// No state counted, with every status and tier of `org` at zero.
    ///
    /// # Example
    ///
    /// ```
    /// let kg = igo_graph::KnowledgeGraph::bundled();
    /// let brics = kg.organization("BRICS").unwrap();
    /// let zero = igo_graph::Counts::new(brics);
    /// assert_eq!(zero.statuses.len(), brics.statuses.len());
    /// assert_eq!(zero.family, 0);
    /// ```
    pub fn new(org: &Organization) -> Counts {
        Counts {
            statuses: org
                .statuses
                .iter()
                .map(|s| (s.as_str().to_string(), 0))
                .collect(),
            tiers: Tier::HELD
                .iter()
                .map(|t| (t.as_str().to_string(), 0))
                .collect(),
            ..Counts::default()
        }
    }

    /// The counts of `org` given what each state holds (states holding
    /// nothing for certain may be included; they count nowhere).
    pub(crate) fn tally<'a>(
        org: &Organization,
        held: impl IntoIterator<Item = &'a StatusOn>,
    ) -> Counts {
        let mut c = Counts::new(org);
        for on in held {
            match on {
                StatusOn::Certain(s) if s.is_held() => c.hold(*s),
                StatusOn::Certain(_) => {}
                StatusOn::Uncertain(v) => {
                    c.uncertain += 1;
                    for s in v.iter().filter(|s| s.is_held()) {
                        *c.possible.entry(s.as_str().into()).or_default() += 1;
                    }
                }
            }
        }
        c
    }

    fn hold(&mut self, s: Status) {
        // The contract's fields go by status id, whatever the label.
        match s.as_str() {
            "member" => self.members += 1,
            "observer" => self.observers += 1,
            "dialogue_partner" => self.dialogue_partners += 1,
            "partner" => self.partners += 1,
            other => *self.other.entry(other.to_string()).or_default() += 1,
        }
        *self.statuses.entry(s.as_str().to_string()).or_default() += 1;
        *self.tiers.entry(s.tier().as_str().to_string()).or_default() += 1;
        self.family += 1;
    }

    /// The number of states holding `status` for certain.
    pub fn of(&self, status: Status) -> usize {
        self.statuses.get(status.as_str()).copied().unwrap_or(0)
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
