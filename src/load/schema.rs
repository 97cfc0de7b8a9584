//! The data format, written once: the types of every data file, which
//! deserialize (from YAML, with each value's line and column, or from the
//! node-link JSON) and serialize (`igo export yaml`, the synthetic
//! generator). Adding a field to the format is one edit here plus its
//! check in `documents`.
//!
//! Values that a check may need to point at are [`Located`]; keywords
//! (statuses, evidence, formats) and dates are [`Plain`], written without
//! quotes.

use serde::{Deserialize, Serialize};

/// A value with the 1-based line and column where the data gives it (0
/// when unknown: built in memory, or read from JSON). Serializes as the
/// value alone.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Located<T> {
    pub value: T,
    pub line: u32,
    pub column: u32,
}

impl<T> Located<T> {
    /// A value without a place in a file.
    pub fn new(value: T) -> Located<T> {
        Located { value, line: 0, column: 0 }
    }
}

impl<T: Serialize> Serialize for Located<T> {
    fn serialize<S: serde::Serializer>(
        &self,
        s: S,
    ) -> Result<S::Ok, S::Error> {
        self.value.serialize(s)
    }
}

pub(crate) use crate::serde_tree::PLAIN;

/// A scalar written without quotes: a keyword (`member`, `sourced`) or a
/// date (`2017-06-09`, `2010-05`). Read as text, so that a bad keyword or
/// date is reported by its own check, with its own advice.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Plain(pub String);

impl Serialize for Plain {
    fn serialize<S: serde::Serializer>(
        &self,
        s: S,
    ) -> Result<S::Ok, S::Error> {
        s.serialize_newtype_struct(PLAIN, &self.0)
    }
}

impl<'de> Deserialize<'de> for Plain {
    fn deserialize<D: serde::Deserializer<'de>>(
        d: D,
    ) -> Result<Plain, D::Error> {
        String::deserialize(d).map(Plain)
    }
}

/// Free text (a note, a quote, another name), read as written: no YAML tag
/// may change it (see `yaml`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Text(pub String);

impl Serialize for Text {
    fn serialize<S: serde::Serializer>(
        &self,
        s: S,
    ) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.0)
    }
}

impl Text {
    /// The text of an optional field.
    pub fn of(t: &Option<Text>) -> Option<String> {
        t.as_ref().map(|t| t.0.clone())
    }

    /// The texts of a list field.
    pub fn all(v: &[Text]) -> Vec<String> {
        v.iter().map(|t| t.0.clone()).collect()
    }

    /// An optional field from model text.
    pub fn opt(s: Option<&str>) -> Option<Text> {
        s.map(|s| Text(s.to_string()))
    }

    /// A list field from model texts.
    pub fn list(v: &[String]) -> Vec<Text> {
        v.iter().map(|s| Text(s.clone())).collect()
    }
}

/// A whole number, written as a number: `"750"` in quotes is text, and
/// is refused rather than read as 750 (see `yaml`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Whole<T>(pub T);

impl<T: Serialize> Serialize for Whole<T> {
    fn serialize<S: serde::Serializer>(
        &self,
        s: S,
    ) -> Result<S::Ok, S::Error> {
        self.0.serialize(s)
    }
}

type L<T> = Located<T>;
/// A `sources:` list.
pub(crate) type Cites = L<Vec<L<String>>>;

fn no_values<T>(v: &[T]) -> bool {
    v.is_empty()
}

/// One entry of `states.yaml`.
#[derive(Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct State {
    /// ISO 3166-1 alpha-3, or `COW` and the three digits of its COW
    /// state number (`COW255`) for a state without an ISO code in the
    /// data (`igo import cow`: Bavaria, the German Federal Republic).
    pub id: L<String>,
    /// ISO 3166-1 alpha-2; absent for a state known only by its COW code.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub iso2: Option<L<String>>,
    pub name: L<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub official_name: Option<Text>,
    #[serde(default, skip_serializing_if = "no_values")]
    pub aliases: Vec<L<String>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cow_code: Option<L<Whole<u16>>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cow_abbrev: Option<L<String>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub wikidata: Option<L<String>>,
    pub sources: Cites,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<Text>,
    /// Gleditsch and Ward's number and letters.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub gw_code: Option<L<Whole<u16>>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub gw_abbrev: Option<L<String>>,
    /// Its life as the lists date it.
    #[serde(default, skip_serializing_if = "no_values")]
    pub lifetimes: Vec<L<Lifetime>>,
    /// Earlier names, dated.
    #[serde(default, skip_serializing_if = "no_values")]
    pub names: Vec<L<DatedName>>,
    /// What became of it.
    #[serde(default, skip_serializing_if = "no_values")]
    pub successions: Vec<L<Succession>>,
}

/// A period of a state's life as a list dates it.
#[derive(Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Lifetime {
    pub list: L<Plain>,
    pub from: L<Plain>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub to: Option<L<Plain>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub code: Option<L<Whole<u16>>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub abbrev: Option<L<String>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sources: Option<Cites>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<Text>,
}

/// What became of a state.
#[derive(Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Succession {
    pub kind: L<Plain>,
    pub date: L<Plain>,
    pub states: L<Vec<L<String>>>,
    pub sources: Cites,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<Text>,
}

/// One entry of `sources.yaml`.
#[derive(Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Source {
    pub id: L<String>,
    pub title: L<String>,
    pub url: L<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub publisher: Option<Text>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub published: Option<L<Plain>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub quote: Option<Text>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<Text>,
}

/// One entry of an `organization.yaml`.
#[derive(Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Organization {
    pub id: L<String>,
    pub name: L<String>,
    pub short_name: L<String>,
    #[serde(default, skip_serializing_if = "no_values")]
    pub other_names: Vec<Text>,
    pub founded: L<Plain>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dissolved: Option<L<Plain>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub headquarters: Option<Text>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub wikidata: Option<L<String>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub predecessor: Option<L<String>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub successor: Option<L<String>>,
    /// The short name of the column COW IGO v3 gives it (`EAEC`), which
    /// `igo compare cow` and layered data folders join by.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cow_column: Option<L<String>>,
    /// COW IGO v3's number for it (`ionum`, 4115 for the SCO).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cow_ionum: Option<L<Whole<u16>>>,
    /// Earlier COW columns, each to its last year (`EEC` to 1992).
    #[serde(default, skip_serializing_if = "no_values")]
    pub cow_earlier: Vec<L<CowEarlier>>,
    pub sources: Cites,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<Text>,
    /// The day the data was last checked against the sources.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reviewed: Option<L<Plain>>,
    /// Earlier names, dated.
    #[serde(default, skip_serializing_if = "no_values")]
    pub names: Vec<L<DatedName>>,
    /// The statuses it gives; the SCO's four when absent.
    #[serde(default, skip_serializing_if = "no_values")]
    pub statuses: Vec<L<StatusDecl>>,
    /// The offices it has; the Secretary-General alone when absent.
    #[serde(default, skip_serializing_if = "no_values")]
    pub offices: Vec<L<OfficeDecl>>,
    /// Whether its list of states is complete; complete when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub coverage: Option<L<CoverageDecl>>,
    /// The name of its summit body (`Council of Heads of State`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub summit_body: Option<L<String>>,
    /// What it calls its chair (`chair`, `chairmanship`, `presidency`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub chair_title: Option<L<String>>,
    /// Organisations that hold a status in it (the EU in the G20).
    #[serde(default, skip_serializing_if = "no_values")]
    pub organization_members: Vec<L<OrganizationMember>>,
}

/// One office of an organisation.
#[derive(Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct OfficeDecl {
    pub id: L<String>,
    pub label: L<String>,
    /// The plural, where English spelling rules would get it wrong
    /// (`Secretaries-General`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub plural: Option<L<String>>,
    /// Whether holders are nationals of member states; true when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from_members: Option<L<bool>>,
    /// The day the office ceased (replaced by another): its last term
    /// ends then.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub until: Option<L<Plain>>,
}

/// Whether an organisation's list of states is complete.
#[derive(Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct CoverageDecl {
    pub complete: L<bool>,
    /// Complete from this day; partial before.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from: Option<L<Plain>>,
    /// Why the list is partial.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub why: Option<L<String>>,
}

/// A name an organisation bore for a time.
#[derive(Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct DatedName {
    pub name: L<String>,
    pub from: L<Plain>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub until: Option<L<Plain>>,
    pub sources: Cites,
}

/// An organisation holding a status in another.
#[derive(Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct OrganizationMember {
    pub name: L<String>,
    pub status: L<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub decided: Option<L<Plain>>,
    pub effective: L<Plain>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub until: Option<L<Plain>>,
    pub sources: Cites,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<Text>,
}

/// An earlier COW column of an organisation, to its last year.
#[derive(Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct CowEarlier {
    pub column: L<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ionum: Option<L<Whole<u16>>>,
    pub until: L<Whole<u16>>,
}

/// One status of an organisation's vocabulary.
#[derive(Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct StatusDecl {
    pub id: L<String>,
    pub label: L<String>,
    pub plural: L<String>,
    pub tier: L<Plain>,
    pub cow: L<Whole<u8>>,
}

/// One entry of a `statuses.yaml`: a state's history in one organisation.
#[derive(Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct History {
    pub state: L<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub organization: Option<L<String>>,
    pub transitions: L<Vec<L<Transition>>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<Text>,
}

/// One change of status.
#[derive(Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Transition {
    pub status: L<Plain>,
    /// Shorthand for `decided` and `effective` on the same day.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<L<Plain>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub decided: Option<L<Plain>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub effective: Option<L<Plain>>,
    pub sources: Cites,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<Text>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub summit: Option<L<String>>,
    /// When sources disagree on the status itself: those against it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub disputed: Option<L<Dispute>>,
    /// `inferred` when a day comes from a convention, not a source that
    /// reports it; absent: `sourced`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub evidence: Option<L<Plain>>,
    /// Other days some sources give, each with those sources.
    #[serde(default, skip_serializing_if = "no_values")]
    pub alternatives: Vec<L<Alternative>>,
}

/// Another day some sources give for a transition: `date`, or
/// `decided` and/or `effective` (a date not given is the kept one's).
#[derive(Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Alternative {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<L<Plain>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub decided: Option<L<Plain>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub effective: Option<L<Plain>>,
    pub sources: Cites,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<Text>,
}

/// The side of a disputed status that denies it.
#[derive(Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Dispute {
    pub against: Cites,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<Text>,
}

/// One entry of a `claims.yaml`: a count a source published.
#[derive(Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Claim {
    pub date: L<Plain>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub organization: Option<L<String>>,
    /// A status id, `tier:ID`, or `family`.
    pub counts: L<Plain>,
    pub number: L<Whole<u32>>,
    pub sources: Cites,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<Text>,
}

/// One entry of a `summits.yaml`.
#[derive(Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Summit {
    pub id: L<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub organization: Option<L<String>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ordinal: Option<Whole<u32>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start: Option<L<Plain>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub end: Option<L<Plain>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub council: Option<L<Plain>>,
    /// Required for a held summit; a planned one may not have its city yet.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub city: Option<L<String>>,
    pub host: L<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub format: Option<L<Plain>>,
    pub status: L<Plain>,
    pub sources: Cites,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<Text>,
    /// `inferred` when its days come from a convention; absent: `sourced`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub evidence: Option<L<Plain>>,
}

/// One entry of a `chairs.yaml`.
#[derive(Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Chair {
    pub state: L<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub organization: Option<L<String>>,
    pub start: L<Plain>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ended_by: Option<L<String>>,
    pub evidence: L<Plain>,
    /// Why this term does not start where the previous one ended: a known
    /// exception, kept as data rather than code.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub irregular: Option<Text>,
    pub sources: Cites,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<Text>,
}

/// One entry of an `officials.yaml`.
#[derive(Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Official {
    pub office: L<Plain>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub organization: Option<L<String>>,
    pub person: L<String>,
    pub person_id: L<String>,
    #[serde(default, skip_serializing_if = "no_values")]
    pub other_names: Vec<Text>,
    pub nationality: L<String>,
    pub start: L<Plain>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scheduled_end: Option<L<Plain>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub appointed: Option<L<Plain>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub appointed_at: Option<L<String>>,
    pub sources: Cites,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<Text>,
}

/// One entry of an `events.yaml`.
#[derive(Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Event {
    pub id: L<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub organization: Option<L<String>>,
    pub kind: L<Plain>,
    pub title: L<String>,
    pub date: L<Plain>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub place: Option<Text>,
    pub sources: Cites,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<Text>,
}

/// One data file's entries, with the path diagnostics name and, for a
/// file in an organisation's folder, the folder.
#[derive(Debug)]
pub(crate) struct Document<T> {
    pub path: String,
    pub folder: Option<String>,
    pub entries: Vec<T>,
}

/// Every document of a data set but the status histories, which are read
/// file by file (see `load::histories`).
#[derive(Debug, Default)]
pub(crate) struct Documents {
    pub states: Vec<Document<State>>,
    pub sources: Vec<Document<Source>>,
    pub organizations: Vec<Document<Organization>>,
    pub summits: Vec<Document<Summit>>,
    pub chairs: Vec<Document<Chair>>,
    pub officials: Vec<Document<Official>>,
    pub events: Vec<Document<Event>>,
    pub claims: Vec<Document<Claim>>,
}
