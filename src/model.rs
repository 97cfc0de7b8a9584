//! The vocabulary of the knowledge graph: states, organisations, sources,
//! statuses, transitions and spans.

use std::fmt;
use std::str::FromStr;
use std::sync::Arc;

use serde::{Deserialize, Serialize};

use crate::date::Date;
use crate::error::{Error, ErrorKind};

macro_rules! id_type {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub struct $name(Arc<str>);

        /// As its text; by number in the bundled data.
        impl Serialize for $name {
            fn serialize<S: serde::Serializer>(
                &self,
                s: S,
            ) -> Result<S::Ok, S::Error> {
                crate::bundle::serialize_id(&self.0, s)
            }
        }

        impl<'de> Deserialize<'de> for $name {
            fn deserialize<D: serde::Deserializer<'de>>(
                d: D,
            ) -> Result<$name, D::Error> {
                crate::bundle::deserialize_id(d).map($name)
            }
        }

        impl $name {
            /// Wraps an identifier as written in the data.
            pub fn new(id: impl Into<String>) -> Self {
                $name(Arc::from(id.into()))
            }

            /// The identifier as text.
            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.pad(&self.0)
            }
        }

        impl AsRef<str> for $name {
            fn as_ref(&self) -> &str {
                &self.0
            }
        }

        impl std::borrow::Borrow<str> for $name {
            fn borrow(&self) -> &str {
                &self.0
            }
        }

        impl PartialEq<str> for $name {
            fn eq(&self, other: &str) -> bool {
                &*self.0 == other
            }
        }

        impl PartialEq<&str> for $name {
            fn eq(&self, other: &&str) -> bool {
                &*self.0 == *other
            }
        }
    };
}

id_type!(
    /// A state's ISO 3166-1 alpha-3 code, e.g. `IND`.
    StateId
);
id_type!(
    /// An organisation's identifier in the data, e.g. `SCO`.
    OrganizationId
);
id_type!(
    /// A source's identifier in `data/sources.yaml`.
    SourceId
);

#[allow(unused_imports)]
// build.rs compiles this module without the users
pub use crate::state::{
    Held, Lifetime, State, StateList, Succession, SuccessionKind,
};
pub use crate::status::{Status, Tier};

// A file of its own (model.rs is long); by path, so that the build
// script's copy of the model finds it too.
#[path = "model/words.rs"]
mod words;
pub(crate) use words::plural;
#[allow(unused_imports)] // The build script's copy names no office.
pub use words::{Coverage, Office, OfficeId, SECRETARY_GENERAL};

#[path = "model/days.rs"]
mod days;
pub use days::{Alternative, Window};

/// Keywords print as their serde names.
macro_rules! display_by_name {
    ($($name:ident),*) => {$(
        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.as_str())
            }
        }
    )*};
}

display_by_name!(Basis);

/// Which date of a transition a query counts by.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize,
)]
#[serde(rename_all = "snake_case")]
pub enum Basis {
    /// When the status took effect (e.g. the memorandum was signed). A
    /// transition without an effective date is pending and not counted.
    #[default]
    Effective,
    /// When the status was decided (e.g. by the Council of Heads of State).
    /// Where no decision date is known, the effective date stands in.
    Decided,
}

impl Basis {
    /// `effective` or `decided`.
    pub fn as_str(self) -> &'static str {
        crate::serde_tree::variant_name(&self)
    }

    /// The other basis.
    pub fn other(self) -> Basis {
        match self {
            Basis::Effective => Basis::Decided,
            Basis::Decided => Basis::Effective,
        }
    }
}

impl FromStr for Basis {
    type Err = Error;

    /// Parses `effective` or `decided`, in any case.
    ///
    /// # Errors
    ///
    /// An [`Error`] of kind [`ErrorKind::Parse`].
    fn from_str(s: &str) -> Result<Basis, Error> {
        match s.to_ascii_lowercase().as_str() {
            "effective" => Ok(Basis::Effective),
            "decided" => Ok(Basis::Decided),
            _ => Err(Error::parse(
                ErrorKind::Parse,
                format!(
                    "unknown basis `{s}`: expected `effective` or `decided`"
                ),
            )),
        }
    }
}

/// An intergovernmental organisation.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Organization {
    /// Identifier, e.g. `SCO`.
    pub id: OrganizationId,
    /// Full English name.
    pub name: String,
    /// Short name or abbreviation.
    pub short_name: String,
    /// Other names in use.
    pub other_names: Vec<String>,
    /// Founding date.
    pub founded: Date,
    /// Date it ceased to exist (or was superseded), if it did.
    pub dissolved: Option<Date>,
    /// Seat of the headquarters or secretariat.
    pub headquarters: Option<String>,
    /// Wikidata item id.
    pub wikidata: Option<String>,
    /// The organisation this one grew out of.
    pub predecessor: Option<OrganizationId>,
    /// The organisation that superseded this one.
    pub successor: Option<OrganizationId>,
    /// The short name of its column in COW IGO v3 (`EAEC` for EurAsEC).
    pub cow_column: Option<String>,
    /// Its number in COW IGO v3 (`ionum`).
    pub cow_ionum: Option<u16>,
    /// Earlier columns under which COW IGO v3 codes it (`EEC` for the
    /// European Union's years to 1992), oldest first; `cow_column` is
    /// its column after the last of them.
    pub cow_earlier: Vec<CowEarlier>,
    /// Sources for these facts.
    pub sources: Vec<SourceId>,
    /// Remarks, such as conflicts between sources.
    pub note: Option<String>,
    /// The statuses it gives, in display order (its own vocabulary; the
    /// SCO's four where the data declares none). `none` is common to all.
    pub statuses: Vec<Status>,
    /// The day its data was last checked against the sources: answers
    /// about later days carry a caveat.
    pub reviewed: Option<Date>,
    /// Its earlier names, with the days they were used (`BRIC`).
    pub names: Vec<DatedName>,
    /// Its offices (the Secretary-General alone where the data declares
    /// none).
    pub offices: Vec<Office>,
    /// Whether its list of states is complete: answers from a partial
    /// list carry a caveat.
    pub coverage: Coverage,
    /// The name of its summit body (`Council of Heads of State`), if the
    /// data gives one (see [`Organization::summit_meetings`]).
    pub summit_body: Option<String>,
    /// What it calls its chair (`chairmanship`), if the data says (see
    /// [`Organization::chair_word`]).
    pub chair_title: Option<String>,
    /// Organisations, not states, that hold a status in it (the European
    /// Union and the African Union in the G20): beside the states, in no
    /// roster, count or state-year of states.
    pub organization_members: Vec<OrganizationMember>,
}

/// An organisation that holds a status in another: the European Union in
/// the G20 from its founding, the African Union from 2023-09-09. Not a
/// state, so it is in no list of states, count, state-year or dyad; a
/// snapshot names it apart ([`crate::Snapshot::organization_members`]).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct OrganizationMember {
    /// Its name (`African Union`).
    pub name: String,
    /// The status it holds, of the host's vocabulary.
    pub status: Status,
    /// The day it was decided, if known.
    pub decided: Option<Date>,
    /// The day it took effect.
    pub effective: Date,
    /// The day it ended (exclusive), if it did.
    pub until: Option<Date>,
    /// Sources.
    pub sources: Vec<SourceId>,
    /// Remarks.
    pub note: Option<String>,
}

impl OrganizationMember {
    /// Whether it holds its status on `date` by `basis` (its start by
    /// that basis certainly on or before the day, its end after it).
    pub fn holds_on(&self, date: Date, basis: Basis) -> bool {
        let start = match basis {
            Basis::Decided => self.decided.unwrap_or(self.effective),
            Basis::Effective => self.effective,
        };
        start.last_day() <= date.first_day()
            && self.until.is_none_or(|u| date.last_day() < u.first_day())
    }
}

/// A count a source published: "a family of 26", "BRICS has doubled to
/// ten members". A fact about the source, set beside the count computed
/// from the transitions.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Claim {
    /// The organisation counted.
    pub organization: OrganizationId,
    /// The day the count speaks of.
    pub date: Date,
    /// What it counts.
    pub counts: Counted,
    /// The number published.
    pub number: u32,
    /// The sources that published it.
    pub sources: Vec<SourceId>,
    /// Remarks.
    pub note: Option<String>,
}

/// What a published count counts.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Counted {
    /// The states holding one status.
    Status(Status),
    /// The states holding any of several statuses ("observers or dialogue
    /// partners"), written `observer+dialogue_partner`.
    Statuses(Vec<Status>),
    /// The states holding any status of one tier.
    Tier(Tier),
    /// Every state holding any status (the "family").
    Family,
}

impl Counted {
    /// `member`, `tier:member` or `family`, as the data writes it.
    pub fn spelling(&self) -> String {
        match self {
            Counted::Status(s) => s.as_str().to_string(),
            Counted::Statuses(v) => {
                v.iter().map(|s| s.as_str()).collect::<Vec<_>>().join("+")
            }
            Counted::Tier(t) => format!("tier:{t}"),
            Counted::Family => "family".to_string(),
        }
    }

    /// Whether a state holding `s` is counted.
    pub fn includes(&self, s: Status) -> bool {
        match self {
            Counted::Status(c) => *c == s,
            Counted::Statuses(v) => v.contains(&s),
            Counted::Tier(t) => s.tier() == *t && s.is_held(),
            Counted::Family => s.is_held(),
        }
    }
}

/// A column under which COW IGO v3 codes an organisation for its earlier
/// years: COW's `EEC` (the European Economic Community, to 1992) for the
/// European Union, whose later years are COW's `EU`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CowEarlier {
    /// COW's short name of the column (`EEC`).
    pub column: String,
    /// COW's number for it (`ionum`).
    pub ionum: Option<u16>,
    /// The last year COW codes the organisation under this column.
    pub until: i32,
}

/// A name an organisation bore for a time.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DatedName {
    /// The name.
    pub name: String,
    /// The first day it is known to have been used.
    pub from: Date,
    /// The day the next name took over (exclusive), if it did.
    pub until: Option<Date>,
    /// Sources.
    pub sources: Vec<SourceId>,
}

/// A status's id, label or plural as a person may type it: in any case,
/// with `-`, `_` or a space between words. Two words with one key name
/// one status (see [`Organization::status_named`]).
pub(crate) fn status_key(text: &str) -> String {
    text.trim().to_ascii_lowercase().replace(['-', ' '], "_")
}

impl Organization {
    /// Its status of id `id` (or `none`), if its vocabulary has one.
    pub fn status(&self, id: &str) -> Option<Status> {
        if id == Status::NONE.as_str() {
            return Some(Status::NONE);
        }
        if id == Status::UNKNOWN.as_str() {
            return Some(Status::UNKNOWN);
        }
        self.statuses.iter().copied().find(|s| s.as_str() == id)
    }

    /// The status a person names: an id, label or plural of its
    /// vocabulary, in any case, with `-`, `_` or a space between words
    /// (`dialogue partners`, `Dialogue-Partner`).
    ///
    /// # Errors
    ///
    /// An [`Error`] of kind [`ErrorKind::Parse`] listing its statuses.
    pub fn status_named(&self, text: &str) -> Result<Status, Error> {
        let want = status_key(text);
        let found =
            self.statuses.iter().copied().chain([Status::NONE]).find(|s| {
                [s.as_str(), s.label(), s.plural()]
                    .iter()
                    .any(|n| status_key(n) == want)
            });
        found.ok_or_else(|| {
            Error::parse(
                ErrorKind::Parse,
                format!(
                    "unknown status `{text}`: expected one of {}",
                    self.vocabulary()
                ),
            )
        })
    }

    /// Its status ids and `none`, as a message lists them.
    pub(crate) fn vocabulary(&self) -> String {
        let mut ids: Vec<&str> =
            self.statuses.iter().map(|s| s.as_str()).collect();
        ids.push(Status::NONE.as_str());
        ids.join(", ")
    }

    /// The name it bore on `day` (its current name when no dated name
    /// covers the day).
    pub fn name_on(&self, day: Date) -> &str {
        self.names
            .iter()
            .find(|n| {
                n.from.first_day() <= day
                    && n.until.is_none_or(|u| day < u.first_day())
            })
            .map_or(self.name.as_str(), |n| n.name.as_str())
    }
    /// Whether the organisation existed on `day`.
    pub fn existed_on(&self, day: Date) -> bool {
        self.founded.first_day() <= day
            && self.dissolved.is_none_or(|end| day < end.first_day())
    }

    /// Whether the organisation existed on `day`, or may have: a day
    /// inside its imprecise end counts (its states' statuses are then
    /// uncertain, not none).
    pub fn may_exist_on(&self, day: Date) -> bool {
        self.existed_on(day) || self.end_uncertain_on(day)
    }

    /// Whether `day` falls inside an imprecise end (`dissolved: 1979`):
    /// the organisation may or may not still have existed.
    /// [`existed_on`](Organization::existed_on) counts such a day as after
    /// the end.
    pub fn end_uncertain_on(&self, day: Date) -> bool {
        self.dissolved.is_some_and(|end| {
            !end.is_day() && end.first_day() <= day && day <= end.last_day()
        })
    }
}

/// A document that was read and that supports facts in the data.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Source {
    /// Identifier used by facts to cite it.
    pub id: SourceId,
    /// The page's own title or headline.
    pub title: String,
    /// Where it was read.
    pub url: String,
    /// Publisher (agency, ministry, newspaper).
    pub publisher: Option<String>,
    /// Publication date, with its precision.
    pub published: Option<Date>,
    /// The words that support the facts citing it.
    pub quote: Option<String>,
    /// Remarks.
    pub note: Option<String>,
}

/// One change of a state's status in an organisation.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Transition {
    /// The status held from this transition on.
    pub status: Status,
    /// When it was decided, if known.
    pub decided: Option<Date>,
    /// When it took effect; `None` while it awaits its memorandum.
    pub effective: Option<Date>,
    /// Sources for this transition (shared with its span).
    pub sources: Arc<[SourceId]>,
    /// Remarks: intermediate steps, conflicts between sources.
    #[serde(default, deserialize_with = "crate::bundle::note")]
    pub note: Option<Arc<str>>,
    /// The summit whose Council took the decision, if recorded.
    pub summit: Option<SummitId>,
    /// When sources disagree on the status itself: the other side.
    pub disputed: Option<Arc<Dispute>>,
    /// Whether its days are reported by a source or inferred from a
    /// convention (a summit handover, the first day a status is seen, an
    /// announcement for the legal day); the note says how.
    pub evidence: Evidence,
    /// Other days some sources give for it, each with its sources (empty
    /// where the sources agree): the days between are uncertain.
    pub alternatives: Vec<Alternative>,
}

/// The side of a disputed status that denies it: a question about a day
/// it covers is answered as uncertain, with both sides' sources.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Dispute {
    /// Sources that deny the status.
    pub against: Arc<[SourceId]>,
    /// The two sides, in the editors' words.
    #[serde(default, deserialize_with = "crate::bundle::note")]
    pub note: Option<Arc<str>>,
}

impl Transition {
    /// The date this transition starts on under `basis`, or `None` when it
    /// has not taken effect (basis `effective`, no effective date).
    ///
    /// Under [`Basis::Decided`] a missing decision date falls back to the
    /// effective date.
    pub fn start(&self, basis: Basis) -> Option<Date> {
        match basis {
            Basis::Effective => self.effective,
            Basis::Decided => self.decided.or(self.effective),
        }
    }

    /// Whether the decision still awaits its taking effect.
    pub fn is_pending(&self) -> bool {
        self.effective.is_none()
    }
}

/// A state's status history in one organisation, in date order.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Affiliation {
    /// The organisation.
    pub organization: OrganizationId,
    /// The state.
    pub state: StateId,
    /// Its transitions, in order.
    pub transitions: Vec<Transition>,
    /// Remarks on the history as a whole.
    pub note: Option<String>,
}

/// The start or end of a [`Span`]: the dates of the transition (or the
/// organisation's dissolution) that opens or closes it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Boundary {
    /// Decision date, if known.
    pub decided: Option<Date>,
    /// Effective date, if in effect.
    pub effective: Option<Date>,
    /// Where sources give other days: the days the boundary may fall on
    /// under the effective and the decided basis, when wider than the
    /// date's own (see [`Boundary::window`]).
    #[serde(default, skip_serializing_if = "days::agree")]
    pub windows: [Option<Window>; 2],
}

impl Boundary {
    /// The boundary's date under `basis` (see [`Transition::start`]).
    pub fn at(&self, basis: Basis) -> Option<Date> {
        match basis {
            Basis::Effective => self.effective,
            Basis::Decided => self.decided.or(self.effective),
        }
    }
}

/// A period during which a state held one status in an organisation: an
/// edge of the graph from the state to the organisation.
///
/// The span holds from its start (inclusive) to its end (exclusive).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Span {
    /// The state.
    pub state: StateId,
    /// The organisation.
    pub organization: OrganizationId,
    /// The status held.
    pub status: Status,
    /// The transition that opened the span.
    pub start: Boundary,
    /// The transition (or dissolution) that closed it, if any.
    pub end: Option<Boundary>,
    /// Sources for the opening transition.
    pub sources: Arc<[SourceId]>,
    /// Remarks on the opening transition.
    #[serde(default, deserialize_with = "crate::bundle::note")]
    pub note: Option<Arc<str>>,
    /// When the sources dispute the span's status itself: the side that
    /// denies it. No day of the span is then held for certain.
    #[serde(default)]
    pub disputed: Option<Arc<Dispute>>,
    /// When the sources dispute the transition that closes the span (a
    /// disputed exit, say): its other side. The days after the end are
    /// then uncertain too.
    #[serde(default)]
    pub end_disputed: Option<Arc<Dispute>>,
    /// Sources for the transition that closed the span (empty while it
    /// lasts, or when the organisation's end closed it).
    #[serde(default)]
    pub end_sources: Arc<[SourceId]>,
    /// The sources that give other days for the start (see
    /// [`Boundary::window`]); empty where the sources agree.
    #[serde(default, skip_serializing_if = "days::none")]
    pub other_sources: Arc<[SourceId]>,
    /// The sources that give other days for the end.
    #[serde(default, skip_serializing_if = "days::none")]
    pub end_other_sources: Arc<[SourceId]>,
}

impl Span {
    /// Whether the status of the span is held for certain on the days it
    /// covers, imprecise boundaries aside: not disputed, not missing data.
    pub fn is_certain(&self) -> bool {
        self.disputed.is_none() && self.status != Status::UNKNOWN
    }
}

id_type!(
    /// A summit's identifier, e.g. `sco-2024-astana`.
    SummitId
);
id_type!(
    /// A person's identifier, e.g. `zhang-ming`.
    PersonId
);
id_type!(
    /// An event's identifier, e.g. `sco-charter-signed`.
    EventId
);

/// How leaders met.
#[derive(
    Clone,
    Copy,
    Debug,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    Serialize,
    Deserialize,
)]
#[serde(rename_all = "snake_case")]
pub enum SummitFormat {
    /// All in one place.
    InPerson,
    /// By videoconference.
    Virtual,
    /// Some in person, some by video.
    Hybrid,
}

impl SummitFormat {
    /// `in_person`, `virtual` or `hybrid`.
    pub fn as_str(self) -> &'static str {
        crate::serde_tree::variant_name(&self)
    }
}

/// Whether a summit took place.
#[derive(
    Clone,
    Copy,
    Debug,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    Serialize,
    Deserialize,
)]
#[serde(rename_all = "snake_case")]
pub enum SummitStatus {
    /// It took place.
    Held,
    /// It is announced; dates may be unknown.
    Planned,
}

impl SummitStatus {
    /// `held` or `planned`, as in the data.
    pub fn as_str(self) -> &'static str {
        crate::serde_tree::variant_name(&self)
    }
}

/// A meeting of the Council of Heads of State (or of the Shanghai Five's
/// heads of state).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Summit {
    /// Identifier, e.g. `sco-2024-astana`.
    pub id: SummitId,
    /// The organisation that met.
    pub organization: OrganizationId,
    /// Its number in the official count (Xinhua/TASS), if known.
    pub ordinal: Option<u32>,
    /// First day (or month or year, if that is all that is known).
    pub start: Option<Date>,
    /// Last day.
    pub end: Option<Date>,
    /// The day the Council met, if known.
    pub council: Option<Date>,
    /// City.
    pub city: String,
    /// Host state.
    pub host: StateId,
    /// In person, virtual or hybrid.
    pub format: Option<SummitFormat>,
    /// Held or planned.
    pub status: SummitStatus,
    /// Sources.
    pub sources: Vec<SourceId>,
    /// Remarks: numbering conflicts, host different from the chair ...
    pub note: Option<String>,
    /// Whether its days are reported by a source or inferred (from an
    /// announcement or a plan); the note says how.
    pub evidence: Evidence,
}

impl Summit {
    /// The day the chair passes: the Council day, else the last day.
    pub fn handover_day(&self) -> Option<Date> {
        self.council.or(self.end)
    }

    /// `2024-07-03/04`-style text for the summit's days.
    pub fn days(&self) -> String {
        match (self.start, self.end) {
            (Some(s), Some(e)) if s == e => s.to_string(),
            (Some(s), Some(e))
                if s.year() == e.year() && s.month() == e.month() =>
            {
                format!("{s}/{:02}", e.day().unwrap_or(0))
            }
            (Some(s), Some(e)) if s.year() == e.year() && e.is_day() => {
                format!(
                    "{s}/{:02}-{:02}",
                    e.month().unwrap_or(0),
                    e.day().unwrap_or(0)
                )
            }
            (Some(s), Some(e)) => format!("{s}/{e}"),
            (Some(s), None) => s.to_string(),
            _ => "date unknown".to_string(),
        }
    }
}

/// Whether a fact is read in a source or inferred from others.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Evidence {
    /// A source says so.
    Sourced,
    /// Inferred (e.g. the chair from the host of the next summit); the note
    /// says how.
    Inferred,
}

impl Evidence {
    /// `sourced` or `inferred`, as in the data.
    pub fn as_str(self) -> &'static str {
        crate::serde_tree::variant_name(&self)
    }
}

/// One term of the rotating chairmanship.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChairTerm {
    /// The organisation.
    pub organization: OrganizationId,
    /// The chairing state.
    pub state: StateId,
    /// The day it took the chair (handover days belong to the incoming
    /// chair).
    pub start: Date,
    /// The day the next chair took over (exclusive), if it has.
    pub end: Option<Date>,
    /// The summit whose Council ended (or will end) the term.
    pub ended_by: Option<SummitId>,
    /// Sourced or inferred.
    pub evidence: Evidence,
    /// Why this term does not start where the previous one ended, when it
    /// does not (a known exception).
    pub irregular: Option<String>,
    /// Sources.
    pub sources: Vec<SourceId>,
    /// Remarks.
    pub note: Option<String>,
}

/// A person's term in an office.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct OfficeTerm {
    /// The office, one its organisation declares.
    pub office: OfficeId,
    /// The organisation.
    pub organization: OrganizationId,
    /// The person's id.
    pub person: PersonId,
    /// The person's name.
    pub name: String,
    /// Other spellings of the name.
    pub other_names: Vec<String>,
    /// The person's nationality.
    pub nationality: StateId,
    /// First day in office.
    pub start: Date,
    /// The day the successor took office (exclusive), if any.
    pub end: Option<Date>,
    /// The scheduled end of a current term.
    pub scheduled_end: Option<Date>,
    /// When the Council appointed them, if known.
    pub appointed: Option<Date>,
    /// The summit that appointed them, if known.
    pub appointed_at: Option<SummitId>,
    /// Sources.
    pub sources: Vec<SourceId>,
    /// Remarks.
    pub note: Option<String>,
}

/// What kind of dated event.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EventKind {
    /// A founding document signed or in force.
    FoundingAct,
    /// A body of the organisation set up or opened.
    Institution,
    /// Anything else.
    Other,
}

impl EventKind {
    /// `founding_act`, `institution` or `other`, as in the data.
    pub fn as_str(self) -> &'static str {
        crate::serde_tree::variant_name(&self)
    }
}

/// A dated event in an organisation's life: founding acts, institutions.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Event {
    /// Identifier.
    pub id: EventId,
    /// The organisation.
    pub organization: OrganizationId,
    /// What kind of event.
    pub kind: EventKind,
    /// What happened.
    pub title: String,
    /// When, with its precision.
    pub date: Date,
    /// Where, if known.
    pub place: Option<String>,
    /// Sources.
    pub sources: Vec<SourceId>,
    /// Remarks.
    pub note: Option<String>,
}

/// A state's status on a day: certain, or one of several when the day falls
/// inside an imprecise date (a status that starts "in May 2010", asked about
/// 2010-05-10).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum StatusOn {
    /// The status is known.
    Certain(Status),
    /// Any of these (sorted, at least two) may be the status.
    Uncertain(Vec<Status>),
}

impl StatusOn {
    /// The status, if certain.
    pub fn certain(&self) -> Option<Status> {
        match self {
            StatusOn::Certain(s) => Some(*s),
            StatusOn::Uncertain(_) => None,
        }
    }

    /// Every status it may be.
    pub fn possible(&self) -> Vec<Status> {
        match self {
            StatusOn::Certain(s) => vec![*s],
            StatusOn::Uncertain(v) => v.clone(),
        }
    }

    /// `member`, or `none|dialogue_partner` for an uncertain status.
    pub fn label(&self) -> String {
        match self {
            StatusOn::Certain(s) => s.as_str().to_string(),
            StatusOn::Uncertain(v) => {
                v.iter().map(|s| s.as_str()).collect::<Vec<_>>().join("|")
            }
        }
    }
}
