//! Questions across organisations: every organisation a state is in on a
//! day, the states several organisations share, and the horizon of each
//! organisation's data.

use std::collections::BTreeMap;

use serde::Serialize;

use super::need_day;
use crate::date::Date;
use crate::error::Error;
use crate::graph::KnowledgeGraph;
use crate::model::{
    Basis, Organization, OrganizationId, StateId, StatusOn, SummitStatus, Tier,
};
use crate::rule::{Standing, standing, status_on};

/// A state's status in one organisation on a day.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Membership {
    /// The organisation.
    pub organization: OrganizationId,
    /// The status id, or the possible ones joined by `|` when uncertain.
    pub status: String,
    /// The tier, when the status is certain.
    pub tier: Option<Tier>,
    /// Whether the status is certain on the day.
    pub certain: bool,
    /// Since when the status has been held (certain ones).
    pub since: Option<Date>,
}

/// The states several organisations share on a day.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Overlap {
    /// The day.
    pub date: Date,
    /// The basis.
    pub basis: Basis,
    /// The organisations asked about, in the order given.
    pub organizations: Vec<OrganizationId>,
    /// Each state holding (or possibly holding) a status in at least two
    /// of them, sorted.
    pub states: Vec<Shared>,
    /// Why the answer may miss states: the caveat of each of them whose
    /// list of states is partial on the day (see
    /// [`KnowledgeGraph::coverage_caveat`]).
    pub coverage: Vec<String>,
}

/// One state of an [`Overlap`].
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Shared {
    /// The state.
    pub state: StateId,
    /// Its status in each organisation (`null` where it holds none), as in
    /// [`Membership::status`].
    pub statuses: BTreeMap<String, Option<String>>,
    /// Whether every one of those statuses is certain.
    pub certain: bool,
}

/// Organisations x organisations: the states each pair shares on a day.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct OverlapMatrix {
    /// The day.
    pub date: Date,
    /// The basis.
    pub basis: Basis,
    /// The organisations, rows and columns in this order.
    pub organizations: Vec<OrganizationId>,
    /// One cell per ordered pair (the diagonal: each organisation's own
    /// family), row by row.
    pub cells: Vec<Cell>,
    /// The caveat of each organisation whose list of states is partial on
    /// the day.
    pub coverage: Vec<String>,
}

/// One cell of an [`OverlapMatrix`].
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Cell {
    /// The row's organisation.
    pub a: OrganizationId,
    /// The column's organisation.
    pub b: OrganizationId,
    /// States holding a status (for certain) in both.
    pub shared: usize,
    /// The same by tier: the states whose status is of that tier in both
    /// (`member`, `associate`, `observer`, `partner`).
    pub by_tier: BTreeMap<String, usize>,
}

/// Refuses an organisation named twice (`SCO sco`): what it shares with
/// itself is its own family, not an overlap.
fn distinct(orgs: &[&Organization]) -> Result<(), Error> {
    for (i, o) in orgs.iter().enumerate() {
        if orgs[..i].iter().any(|p| p.id == o.id) {
            let d = crate::error::Diagnostic::new(
                crate::error::DiagnosticKind::Query,
                format!("`{}` is named twice", o.id),
            )
            .help(
                "name each organisation once; what one organisation shares \
                 with itself is its family (`igo at`)",
            );
            return Err(Error::one(d));
        }
    }
    Ok(())
}

/// The coverage caveats of those of `orgs` whose list is partial on
/// `date`.
fn partial(orgs: &[&Organization], date: Date) -> Vec<String> {
    orgs.iter()
        .filter_map(|o| super::coverage::caveat_of(o, Some(date)))
        .collect()
}

impl KnowledgeGraph {
    /// The matrix of states shared by each pair of `organizations` (every
    /// organisation existing on `date` when empty).
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
    /// let m = kg.overlap_matrix(&["SCO", "BRICS"], "2025-01-01".parse()?, Basis::Effective)?;
    /// let cell = m.cells.iter().find(|c| c.a == "SCO" && c.b == "BRICS").unwrap();
    /// assert_eq!(cell.by_tier["member"], 4); // China, India, Iran, Russia
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn overlap_matrix(
        &self,
        organizations: &[&str],
        date: Date,
        basis: Basis,
    ) -> Result<OverlapMatrix, Error> {
        need_day(date)?;
        let orgs: Vec<&Organization> = if organizations.is_empty() {
            self.organizations().filter(|o| o.may_exist_on(date)).collect()
        } else {
            organizations
                .iter()
                .map(|o| self.resolve_organization(o))
                .collect::<Result<_, _>>()?
        };
        distinct(&orgs)?;
        // Per organisation, each state's certain status.
        let held: Vec<BTreeMap<StateId, crate::model::Status>> = orgs
            .iter()
            .map(|o| {
                self.states()
                    .filter_map(|st| {
                        let ts =
                            self.transitions(o.id.as_str(), st.id.as_str());
                        match status_on(o, ts, date, basis) {
                            StatusOn::Certain(s) if s.is_held() => {
                                Some((st.id.clone(), s))
                            }
                            _ => None,
                        }
                    })
                    .collect()
            })
            .collect();
        let mut cells = Vec::new();
        for (i, a) in orgs.iter().enumerate() {
            for (j, b) in orgs.iter().enumerate() {
                let mut by_tier: BTreeMap<String, usize> = Tier::HELD
                    .iter()
                    .map(|t| (t.as_str().to_string(), 0))
                    .collect();
                let mut shared = 0;
                for (state, sa) in &held[i] {
                    if let Some(sb) = held[j].get(state) {
                        shared += 1;
                        if sa.tier() == sb.tier() {
                            *by_tier
                                .entry(sa.tier().as_str().to_string())
                                .or_default() += 1;
                        }
                    }
                }
                cells.push(Cell {
                    a: a.id.clone(),
                    b: b.id.clone(),
                    shared,
                    by_tier,
                });
            }
        }
        Ok(OverlapMatrix {
            date,
            basis,
            organizations: orgs.iter().map(|o| o.id.clone()).collect(),
            cells,
            coverage: partial(&orgs, date),
        })
    }

    /// Every organisation `state` holds (or may hold) a status in on
    /// `date`, by organisation id.
    ///
    /// # Errors
    ///
    /// An unknown state, or a `date` that is not a day.
    ///
    /// # Example
    ///
    /// ```
    /// use igo_graph::{Basis, KnowledgeGraph};
    ///
    /// let kg = KnowledgeGraph::bundled();
    /// let arm = kg.memberships("ARM", "2025-01-01".parse()?, Basis::Effective)?;
    /// let orgs: Vec<(&str, &str)> = arm
    ///     .iter()
    ///     .map(|m| (m.organization.as_str(), m.status.as_str()))
    ///     .collect();
    /// assert_eq!(
    ///     orgs,
    ///     [
    ///         ("CIS", "member"),
    ///         ("COE", "member"),
    ///         ("CSTO", "frozen"),
    ///         ("EAEU", "member"),
    ///         ("LAS", "observer"),
    ///         ("OSCE", "participating_state"),
    ///         ("SCO", "dialogue_partner"),
    ///         ("UN", "member"),
    ///     ]
    /// );
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn memberships(
        &self,
        state: &str,
        date: Date,
        basis: Basis,
    ) -> Result<Vec<Membership>, Error> {
        let st = self.resolve_state(state)?;
        need_day(date)?;
        let mut out = Vec::new();
        for org in self.organizations() {
            if let Some(m) = self.membership(org, &st.id, date, basis) {
                out.push(m);
            }
        }
        Ok(out)
    }

    fn membership(
        &self,
        org: &Organization,
        state: &StateId,
        date: Date,
        basis: Basis,
    ) -> Option<Membership> {
        let ts = self.transitions(org.id.as_str(), state.as_str());
        if ts.is_empty() {
            return None;
        }
        let Standing { status: on, since, .. } =
            standing(org, ts, date, basis);
        let organization = org.id.clone();
        match on {
            StatusOn::Certain(s) if s.is_held() => Some(Membership {
                organization,
                status: s.as_str().to_string(),
                tier: Some(s.tier()),
                certain: true,
                since,
            }),
            StatusOn::Certain(_) => None,
            StatusOn::Uncertain(v) => Some(Membership {
                organization,
                status: StatusOn::Uncertain(v).label(),
                tier: None,
                certain: false,
                since: None,
            }),
        }
    }

    /// The states holding (or possibly holding) a status in at least two
    /// of `organizations` on `date`, with each one's status in each.
    ///
    /// # Errors
    ///
    /// An unknown organisation, fewer than two, or a `date` that is not a
    /// day.
    ///
    /// # Example
    ///
    /// ```
    /// use igo_graph::{Basis, KnowledgeGraph};
    ///
    /// let kg = KnowledgeGraph::bundled();
    /// let o = kg.overlap(&["SCO", "BRICS"], "2025-01-01".parse()?, Basis::Effective)?;
    /// let members_of_both: Vec<&str> = o
    ///     .states
    ///     .iter()
    ///     .filter(|s| s.statuses.values().all(|v| v.as_deref() == Some("member")))
    ///     .map(|s| s.state.as_str())
    ///     .collect();
    /// assert_eq!(members_of_both, ["CHN", "IND", "IRN", "RUS"]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn overlap(
        &self,
        organizations: &[&str],
        date: Date,
        basis: Basis,
    ) -> Result<Overlap, Error> {
        need_day(date)?;
        let orgs: Vec<&Organization> = organizations
            .iter()
            .map(|o| self.resolve_organization(o))
            .collect::<Result<_, _>>()?;
        if orgs.len() < 2 {
            return Err(Error::msg(
                crate::error::DiagnosticKind::Query,
                "an overlap needs at least two organisations",
            ));
        }
        distinct(&orgs)?;
        let mut states = Vec::new();
        for st in self.states() {
            let mut statuses = BTreeMap::new();
            let mut certain = true;
            let mut held = 0;
            for org in &orgs {
                let m = self.membership(org, &st.id, date, basis);
                if let Some(m) = &m {
                    held += 1;
                    certain &= m.certain;
                }
                statuses.insert(org.id.to_string(), m.map(|m| m.status));
            }
            if held >= 2 {
                states.push(Shared {
                    state: st.id.clone(),
                    statuses,
                    certain,
                });
            }
        }
        Ok(Overlap {
            date,
            basis,
            organizations: orgs.iter().map(|o| o.id.clone()).collect(),
            states,
            coverage: partial(&orgs, date),
        })
    }

    /// Why an answer about `date` may be stale: the data of `organization`
    /// was last reviewed before it (naming the summits planned after the
    /// review, which may have changed the answer); `None` when the day is
    /// within the review.
    ///
    /// # Errors
    ///
    /// An unknown organisation.
    ///
    /// # Example
    ///
    /// ```
    /// use igo_graph::KnowledgeGraph;
    ///
    /// let kg = KnowledgeGraph::bundled();
    /// assert!(kg.caveat("SCO", "2024-02-22".parse()?)?.is_none());
    /// let later = kg.caveat("SCO", "2027-01-01".parse()?)?.unwrap();
    /// assert!(later.contains("Bishkek"), "{later}");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn caveat(
        &self,
        organization: &str,
        date: Date,
    ) -> Result<Option<String>, Error> {
        let org = self.resolve_organization(organization)?;
        let Some(reviewed) = org.reviewed else { return Ok(None) };
        if date <= reviewed.last_day() {
            return Ok(None);
        }
        let planned: Vec<String> = self
            .summits(org.id.as_str())
            .into_iter()
            .filter(|s| s.status == SummitStatus::Planned)
            .filter(|s| s.start.is_none_or(|d| d.first_day() <= date))
            .map(|s| {
                let place = if s.city.is_empty() {
                    s.host.to_string()
                } else {
                    s.city.clone()
                };
                format!("the {place} summit ({})", s.days())
            })
            .collect();
        let mut text = format!(
            "the data on {} was last reviewed on {reviewed}; later changes may be missing",
            org.id
        );
        if !planned.is_empty() {
            text.push_str(&format!(
                " ({} was still planned when the data was reviewed, and may have changed the answer)",
                planned.join(", ")
            ));
        }
        Ok(Some(text))
    }
}
