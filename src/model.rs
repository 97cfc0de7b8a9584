//! The vocabulary of the knowledge graph: states, organisations, sources,
//! statuses, transitions and spans.

use std::fmt;
use std::str::FromStr;

use serde::Serialize;

use crate::date::Date;

macro_rules! id_type {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(
            Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize,
        )]
        #[serde(transparent)]
        pub struct $name(String);

        impl $name {
            /// Wraps an identifier as written in the data.
            pub fn new(id: impl Into<String>) -> Self {
                $name(id.into())
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

        impl std::borrow::Borrow<str> for $name {
            fn borrow(&self) -> &str {
                &self.0
            }
        }

        impl PartialEq<str> for $name {
            fn eq(&self, other: &str) -> bool {
                self.0 == other
            }
        }

        impl PartialEq<&str> for $name {
            fn eq(&self, other: &&str) -> bool {
                self.0 == *other
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

/// The status a state holds in an organisation.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize,
)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// Full member state.
    Member,
    /// Observer state.
    Observer,
    /// Dialogue partner.
    DialoguePartner,
    /// "SCO partner", the single status that replaced observer and dialogue
    /// partner by the decision of 2025-09-01.
    Partner,
    /// No status (never held one, or left).
    None,
}

impl Status {
    /// Every status that counts towards the "family", in display order.
    pub const HELD: [Status; 4] = [
        Status::Member,
        Status::Observer,
        Status::DialoguePartner,
        Status::Partner,
    ];

    /// The identifier used in the data and in machine-readable output.
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Member => "member",
            Status::Observer => "observer",
            Status::DialoguePartner => "dialogue_partner",
            Status::Partner => "partner",
            Status::None => "none",
        }
    }

    /// A human label, e.g. "dialogue partner".
    pub fn label(self) -> &'static str {
        match self {
            Status::DialoguePartner => "dialogue partner",
            other => other.as_str(),
        }
    }

    /// The plural human label, e.g. "dialogue partners".
    pub fn plural(self) -> &'static str {
        match self {
            Status::Member => "members",
            Status::Observer => "observers",
            Status::DialoguePartner => "dialogue partners",
            Status::Partner => "partners",
            Status::None => "none",
        }
    }

    /// Whether the status makes a state part of the organisation's family.
    pub fn is_held(self) -> bool {
        self != Status::None
    }
}

impl fmt::Display for Status {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Status {
    type Err = String;

    /// Parses `member`, `observer`, `dialogue_partner`, `partner` or `none`
    /// (also with a hyphen or space, in any case).
    fn from_str(s: &str) -> Result<Status, String> {
        let norm = s.trim().to_ascii_lowercase().replace(['-', ' '], "_");
        Ok(match norm.as_str() {
            "member" | "members" => Status::Member,
            "observer" | "observers" => Status::Observer,
            "dialogue_partner" | "dialogue_partners" => {
                Status::DialoguePartner
            }
            "partner" | "partners" => Status::Partner,
            "none" => Status::None,
            _ => {
                return Err(format!(
                    "unknown status `{s}`: expected one of member, observer, \
                     dialogue_partner, partner, none"
                ));
            }
        })
    }
}

/// Which date of a transition a query counts by.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize)]
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
        match self {
            Basis::Effective => "effective",
            Basis::Decided => "decided",
        }
    }

    /// The other basis.
    pub fn other(self) -> Basis {
        match self {
            Basis::Effective => Basis::Decided,
            Basis::Decided => Basis::Effective,
        }
    }
}

impl fmt::Display for Basis {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Basis {
    type Err = String;

    fn from_str(s: &str) -> Result<Basis, String> {
        match s.to_ascii_lowercase().as_str() {
            "effective" => Ok(Basis::Effective),
            "decided" => Ok(Basis::Decided),
            _ => Err(format!(
                "unknown basis `{s}`: expected `effective` or `decided`"
            )),
        }
    }
}

/// A sovereign state that held (or holds) a status in an organisation.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct State {
    /// ISO 3166-1 alpha-3 code.
    pub id: StateId,
    /// ISO 3166-1 alpha-2 code.
    pub iso2: String,
    /// Common English name.
    pub name: String,
    /// Official name, where sourced.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub official_name: Option<String>,
    /// Other names in use (e.g. `Türkiye`).
    pub aliases: Vec<String>,
    /// Correlates of War state number.
    pub cow_code: Option<u16>,
    /// Correlates of War state abbreviation (e.g. `KZK` for Kazakhstan).
    pub cow_abbrev: Option<String>,
    /// Wikidata item id (e.g. `Q668`).
    pub wikidata: Option<String>,
    /// Sources for the identifiers and names.
    pub sources: Vec<SourceId>,
}

/// An intergovernmental organisation.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
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
    /// Sources for these facts.
    pub sources: Vec<SourceId>,
    /// Remarks, such as conflicts between sources.
    pub note: Option<String>,
}

impl Organization {
    /// Whether the organisation existed on `day`.
    pub fn existed_on(&self, day: Date) -> bool {
        self.founded.first_day() <= day
            && self.dissolved.is_none_or(|end| day < end.first_day())
    }
}

/// A document that was read and that supports facts in the data.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
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
}

/// One change of a state's status in an organisation.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Transition {
    /// The status held from this transition on.
    pub status: Status,
    /// When it was decided, if known.
    pub decided: Option<Date>,
    /// When it took effect; `None` while it awaits its memorandum.
    pub effective: Option<Date>,
    /// Sources for this transition.
    pub sources: Vec<SourceId>,
    /// Remarks: intermediate steps, conflicts between sources.
    pub note: Option<String>,
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
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Affiliation {
    /// The organisation.
    pub organization: OrganizationId,
    /// The state.
    pub state: StateId,
    /// Its transitions, in order.
    pub transitions: Vec<Transition>,
}

/// The start or end of a [`Span`]: the dates of the transition (or the
/// organisation's dissolution) that opens or closes it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Boundary {
    /// Decision date, if known.
    pub decided: Option<Date>,
    /// Effective date, if in effect.
    pub effective: Option<Date>,
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
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
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
    pub sources: Vec<SourceId>,
    /// Remarks on the opening transition.
    pub note: Option<String>,
}
