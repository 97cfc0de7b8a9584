//! igo-graph: the membership history of intergovernmental organisations as
//! a sourced knowledge graph, starting with the Shanghai Cooperation
//! Organisation (SCO) and its predecessor, the Shanghai Five.
//!
//! Every status a state held (member, observer, dialogue partner, partner)
//! is a span of time between two dated transitions, each citing the
//! sources it rests on. Dates keep their precision (`2010-05` stays a
//! month), a transition has a *decided* and an *effective* date, and a
//! question about a day inside an imprecise date is answered as uncertain,
//! never guessed.
//!
//! # Example
//!
//! ```
//! use igo_graph::{Basis, Date, KnowledgeGraph, Status};
//!
//! // The data in this crate's `data/` folder, compiled in.
//! let kg = KnowledgeGraph::bundled();
//!
//! // Who was in the SCO on the Secretariat's 20th anniversary reception?
//! let day: Date = "2024-02-22".parse()?;
//! let snap = kg.snapshot("SCO", day, Basis::Effective)?;
//! assert_eq!(snap.family_size, 26);
//! assert_eq!(snap.observers, ["AFG", "BLR", "MNG"]);
//!
//! // When and how did India's status change, and on what source?
//! for entry in kg.history("IND")?.entries {
//!     let source = &entry.sources[0];
//!     println!("{} {} {:?} ({})", entry.organization, entry.status,
//!              entry.effective, source.url);
//! }
//!
//! // Every change, with the family size after it: 6 in 2001 ...
//! let timeline = kg.timeline("SCO", Basis::Effective)?;
//! assert_eq!(timeline.events[0].after.family, 6);
//! assert_eq!(timeline.events[0].to, Status::MEMBER);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! The numbers research computes, over any data (the bundled record, a
//! COW import, or both layered): state-year counts of memberships and
//! dyad-year joint memberships, by a year rule.
//!
//! ```
//! use igo_graph::KnowledgeGraph;
//! use igo_graph::export::{Options, counts, dyads, year::{Rule, Years}};
//!
//! let kg = KnowledgeGraph::bundled();
//! let opts = Options::new("SCO").today("2026-06-01".parse()?);
//! let y2017 = Years::by(Rule::December31).between(Some(2017), Some(2017));
//! // India (COW 750) in 2017: a full member of the UN, the G20, BRICS,
//! // CICA, the Commonwealth and the SCO; an observer of the Arab League.
//! let india = counts::rows(&kg, &opts, &y2017)?
//!     .into_iter()
//!     .find(|r| r.ccode == Some(750))
//!     .unwrap();
//! assert_eq!((india.full, india.observer), (6, 1));
//! // On 1 January 2017 it was still an SCO observer.
//! let jan1 = Years { rule: Rule::January1, ..y2017 };
//! let before = counts::rows(&kg, &opts, &jan1)?;
//! let india = before.iter().find(|r| r.ccode == Some(750)).unwrap();
//! assert_eq!((india.full, india.observer), (5, 2));
//! // Russia (365) and India share five that year (not the Commonwealth).
//! let pairs = dyads::rows(&kg, &opts, &y2017, false)?;
//! let pair = pairs.iter().find(|d| (d.ccode1, d.ccode2) == (365, 750)).unwrap();
//! assert_eq!(pair.dyadigos, 5);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! Load another data folder with [`KnowledgeGraph::load`]; bad data gives
//! an [`Error`] listing every problem with its file, line and column.

#![deny(missing_docs)]

mod bundle;
pub mod countries;
mod date;
mod error;
pub mod export;
mod graph;
pub mod import;
mod index;
mod load;
mod model;
mod query;
mod rule;
mod serde_tree;
mod state;
mod status;
#[cfg(feature = "synth")]
pub mod synth;

pub use crate::date::{Date, Precision};
pub use crate::error::{
    Diagnostic, DiagnosticKind, Error, ErrorKind, Location, Result,
};
pub use crate::graph::{
    Edge, KnowledgeGraph, Node, Person, Place, SearchTerm,
};
pub use crate::load::{
    LoadOptions, MAX_ALIAS_EVENTS, MAX_ALIASES, MAX_DEPTH, MAX_FILE_BYTES,
    MAX_LINE_BYTES,
};
pub use crate::model::{
    Affiliation, Alternative, Basis, Boundary, ChairTerm, DatedName, Dispute,
    Event, EventId, EventKind, Evidence, OfficeTerm, Organization,
    OrganizationId, PersonId, Source, SourceId, Span, State, StateId, Status,
    StatusOn, Summit, SummitFormat, SummitId, SummitStatus, Tier, Transition,
    Window,
};
pub use crate::model::{
    Coverage, CowEarlier, Office, OfficeId, OrganizationMember,
    SECRETARY_GENERAL,
};
pub use crate::query::{
    BasesComparison, BasisDifference, Cell, Change, ClaimCheck, Counts, Diff,
    Difference, History, HistoryEntry, Holding, Membership, OtherDay, Overlap,
    OverlapMatrix, Pending, RosterEntry, Shared, Snapshot, SummitTimeline,
    Timeline, TimelineEntry, TimelineEvent, Uncertain, Why,
};
pub use crate::query::{OfficeHolder, OrganizationHolding, Verdict};
pub use crate::rule::{Reason, Standing};
pub use crate::state::{
    Held, Lifetime, StateList, StateYear, Succession, SuccessionKind,
    cow_state_years,
};
pub use crate::status::StatusDef;

/// The petgraph graph type behind [`KnowledgeGraph::graph`], re-exported so
/// that users need not name petgraph's version themselves.
pub use petgraph;
