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
pub use crate::graph::{Edge, KnowledgeGraph, Node, Person, Place};
pub use crate::load::{
    LoadOptions, MAX_ALIAS_EVENTS, MAX_ALIASES, MAX_DEPTH, MAX_FILE_BYTES,
    MAX_LINE_BYTES,
};
pub use crate::model::{
    Affiliation, Basis, Boundary, ChairTerm, DatedName, Dispute, Event,
    EventId, EventKind, Evidence, OfficeTerm, Organization, OrganizationId,
    PersonId, Source, SourceId, Span, State, StateId, Status, StatusOn,
    Summit, SummitFormat, SummitId, SummitStatus, Tier, Transition,
};
pub use crate::model::{Coverage, Office, OfficeId, SECRETARY_GENERAL};
pub use crate::query::{
    BasesComparison, BasisDifference, Cell, Change, ClaimCheck, Counts, Diff,
    Difference, History, HistoryEntry, Holding, Membership, Overlap,
    OverlapMatrix, Pending, RosterEntry, Shared, Snapshot, SummitTimeline,
    Timeline, TimelineEntry, TimelineEvent, Uncertain, Why,
};
pub use crate::query::{OfficeHolder, Verdict};
pub use crate::rule::{Reason, Standing};
pub use crate::state::{
    Held, Lifetime, StateList, StateYear, Succession, SuccessionKind,
    cow_state_years,
};
pub use crate::status::StatusDef;

/// The petgraph graph type behind [`KnowledgeGraph::graph`], re-exported so
/// that users need not name petgraph's version themselves.
pub use petgraph;
