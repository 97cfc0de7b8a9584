//! Published counts beside computed ones: each claim of an
//! organisation's `claims.yaml` set beside the count of its day under each
//! basis, and the states that make any difference, with why.

use serde::Serialize;

use super::snapshot::Snapshot;
use crate::date::Date;
use crate::error::Error;
use crate::graph::KnowledgeGraph;
use crate::model::{Basis, Claim, SourceId, StateId};
use crate::rule::Reason;

/// A published count, checked.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ClaimCheck {
    /// The organisation counted.
    pub organization: String,
    /// The day the count speaks of.
    pub date: Date,
    /// What it counts: a status id, `tier:ID` or `family`.
    pub counts: String,
    /// The number published.
    pub number: u32,
    /// The count computed by effective dates.
    pub effective: usize,
    /// The count computed by decision dates.
    pub decided: usize,
    /// The bases whose count equals the published one.
    pub agrees: Vec<Basis>,
    /// The states that may make a difference between the published and a
    /// computed count, and why.
    pub differences: Vec<Difference>,
    /// Whether the published number is the count of a basis, or within
    /// the range the listed states allow. A claim nothing explains is a
    /// finding: the data or the source is wrong.
    pub explained: bool,
    /// The verdict, as an id: whether a basis agrees, the listed states
    /// explain the number, or nothing does; where nothing does but the
    /// organisation's list of states is partial on the claim's day, the
    /// list may miss the states that make the difference.
    pub verdict: Verdict,
    /// The sources that published it.
    pub sources: Vec<SourceId>,
    /// Remarks on the claim.
    pub note: Option<String>,
}

/// A state whose status differs between the ways of counting a day.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Difference {
    /// The state.
    pub state: StateId,
    /// Why it may or may not be counted.
    pub why: Why,
}

/// Why a state may or may not be in a count.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Why {
    /// Counted by decision, not yet in effect (or in effect later).
    DecidedNotInEffect,
    /// In effect, but decided later than the day (a status given without
    /// a decision date, or one that took effect first).
    InEffectNotDecided,
    /// The sources dispute its status.
    Disputed,
    /// The day falls inside an imprecise date of its history.
    ImpreciseDate,
    /// The day falls between the days its sources give for a change.
    ConflictingDays,
    /// Its sources give no information for the day (status `unknown`).
    Missing,
    /// The day falls inside the organisation's imprecise end.
    Existence,
}

impl Why {
    /// A few words for a table.
    pub fn label(self) -> &'static str {
        match self {
            Why::DecidedNotInEffect => "decided, not in effect",
            Why::InEffectNotDecided => "in effect, not decided",
            Why::Disputed => "disputed",
            Why::ImpreciseDate => "imprecise date",
            Why::ConflictingDays => "sources differ on the day",
            Why::Missing => "missing data",
            Why::Existence => "the organisation may no longer have existed",
        }
    }
}

/// What a [`ClaimCheck`] finds.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    /// The count of a basis is the published number.
    Agrees,
    /// The number is within the range the listed states allow.
    Explained,
    /// Nothing in the data explains the number, but the organisation's
    /// list of states is partial on the claim's day: a state it does not
    /// name may make the difference.
    PartialList,
    /// Nothing explains the number: the data or the source is wrong.
    NotExplained,
}

impl Verdict {
    /// The id: `agrees`, `explained`, `partial_list`, `not_explained`.
    pub fn as_str(self) -> &'static str {
        crate::serde_tree::variant_name(&self)
    }

    /// A few words for a table.
    pub fn label(self) -> &'static str {
        match self {
            Verdict::Agrees => "agrees",
            Verdict::Explained => "explained",
            Verdict::PartialList => "partial list",
            Verdict::NotExplained => "NOT EXPLAINED",
        }
    }
}

impl KnowledgeGraph {
    /// The counts sources published about `organization`, each beside the
    /// counts computed for its day under both bases.
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
    /// let checks = kg.claim_checks("SCO")?;
    /// let family = checks
    ///     .iter()
    ///     .find(|c| c.date.to_string() == "2024-02-22")
    ///     .expect("Xinhua's family of 26");
    /// assert_eq!((family.number, family.effective), (26, 26));
    /// assert!(family.agrees.contains(&Basis::Effective));
    /// assert!(checks.iter().all(|c| c.explained));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn claim_checks(
        &self,
        organization: &str,
    ) -> Result<Vec<ClaimCheck>, Error> {
        let org = self.resolve_organization(organization)?;
        let id = org.id.as_str();
        self.claims(id).iter().map(|c| self.check(c)).collect()
    }

    fn check(&self, c: &Claim) -> Result<ClaimCheck, Error> {
        let org = c.organization.as_str();
        // A count published "in 2019" is set beside the last day of the
        // range, and agrees with a basis if it matches on its first or
        // last day.
        let day = c.date.last_day();
        let eff = self.snapshot(org, day, Basis::Effective)?;
        let dec = self.snapshot(org, day, Basis::Decided)?;
        let vocabulary =
            self.organization(org).map_or(&[][..], |o| o.statuses.as_slice());
        let (e, d) =
            (counted(c, &eff, vocabulary), counted(c, &dec, vocabulary));
        let mut differences = Vec::new();
        for s in &d {
            if !e.contains(s) {
                differences.push(Difference {
                    state: (*s).clone(),
                    why: Why::DecidedNotInEffect,
                });
            }
        }
        for s in &e {
            if !d.contains(s) {
                differences.push(Difference {
                    state: (*s).clone(),
                    why: Why::InEffectNotDecided,
                });
            }
        }
        let mut open = 0;
        for u in &eff.uncertain {
            if u.possible.iter().any(|s| c.counts.includes(*s)) {
                open += 1;
                let why = match u.reason {
                    Reason::Disputed => Why::Disputed,
                    Reason::ImpreciseDate => Why::ImpreciseDate,
                    Reason::ConflictingDays => Why::ConflictingDays,
                    Reason::Missing => Why::Missing,
                    Reason::Existence => Why::Existence,
                };
                differences.push(Difference { state: u.state.clone(), why });
            }
        }
        differences.sort_by(|a, b| a.state.cmp(&b.state));
        let n = c.number as usize;
        let mut agrees = Vec::new();
        for basis in [Basis::Effective, Basis::Decided] {
            let at_end =
                if basis == Basis::Effective { e.len() } else { d.len() };
            let at_start = if c.date.is_day() {
                at_end
            } else {
                let snap = self.snapshot(org, c.date.first_day(), basis)?;
                counted(c, &snap, vocabulary).len()
            };
            if n == at_end || n == at_start {
                agrees.push(basis);
            }
        }
        let explained =
            !agrees.is_empty() || (e.len() <= n && n <= e.len() + open);
        let partial = self
            .organization(org)
            .is_some_and(|o| o.coverage.partial_on(c.date.first_day()));
        let verdict = match (agrees.is_empty(), explained, partial) {
            (false, _, _) => Verdict::Agrees,
            (true, true, _) => Verdict::Explained,
            (true, false, true) => Verdict::PartialList,
            (true, false, false) => Verdict::NotExplained,
        };
        Ok(ClaimCheck {
            organization: org.to_string(),
            date: c.date,
            counts: c.counts.spelling(),
            number: c.number,
            effective: e.len(),
            decided: d.len(),
            agrees,
            differences,
            explained,
            verdict,
            sources: c.sources.clone(),
            note: c.note.clone(),
        })
    }
}

/// The states a claim counts in a snapshot (certain statuses only).
fn counted<'a>(
    c: &Claim,
    snap: &'a Snapshot,
    vocabulary: &[crate::model::Status],
) -> Vec<&'a StateId> {
    let mut out: Vec<&StateId> = vocabulary
        .iter()
        .filter(|s| c.counts.includes(**s))
        .flat_map(|s| snap.with_status(*s))
        .collect();
    out.sort();
    out
}
