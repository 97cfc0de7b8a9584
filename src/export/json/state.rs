//! A state's node in the node-link JSON: its identifiers, its life in
//! the data format's own shape, and its histories.

use serde::Serialize;
use serde::ser::Serializer;
use serde_json::Value;

use super::{Obj, Seq, TransitionNode};
use crate::graph::KnowledgeGraph;
use crate::model::{State, Transition};

/// A state with its histories.
pub(super) struct StateNode<'a> {
    pub(super) kg: &'a KnowledgeGraph,
    pub(super) st: &'a State,
}

impl Serialize for StateNode<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let kg = self.kg;
        let State {
            id,
            iso2,
            name,
            official_name,
            aliases,
            cow_code,
            cow_abbrev,
            wikidata,
            sources,
            note,
            gw_code,
            gw_abbrev,
            lifetimes,
            names,
            successions,
        } = self.st;
        // The data format's own shape for the life of a state, so that
        // the JSON reads back through the same checks as the YAML.
        let doc = (!lifetimes.is_empty()
            || !names.is_empty()
            || !successions.is_empty())
        .then(|| crate::export::yaml::state(self.st));
        // As values, so that their keys are sorted as `to_value` sorts
        // them.
        let value = |f: fn(&crate::load::schema::State) -> Option<Value>| {
            doc.as_ref()
                .and_then(f)
                .filter(|v| v.as_array().is_some_and(|a| !a.is_empty()))
        };
        let lifetimes = value(|d| serde_json::to_value(&d.lifetimes).ok());
        let names = value(|d| serde_json::to_value(&d.names).ok());
        let successions = value(|d| serde_json::to_value(&d.successions).ok());
        let histories = || {
            kg.organizations().filter_map(move |o| {
                let org = o.id.as_str();
                let transitions = kg.transitions(org, id.as_str());
                (!transitions.is_empty()).then(|| History {
                    note: kg.history_note(org, id.as_str()),
                    organization: org,
                    transitions,
                })
            })
        };
        let mut m = Obj::new(s)?;
        m.field("aliases", aliases)?;
        m.field("cow_abbrev", cow_abbrev)?;
        m.field("cow_code", cow_code)?;
        if let Some(abbrev) = gw_abbrev {
            m.field("gw_abbrev", abbrev)?;
        }
        if let Some(code) = gw_code {
            m.field("gw_code", code)?;
        }
        m.field("histories", &Seq(histories))?;
        m.field("id", id)?;
        // A state known by its COW code alone (`COW255`) has no alpha-2.
        if !iso2.is_empty() {
            m.field("iso2", iso2)?;
        }
        m.field("kind", "state")?;
        if let Some(v) = &lifetimes {
            m.field("lifetimes", v)?;
        }
        m.field("name", name)?;
        if let Some(v) = &names {
            m.field("names", v)?;
        }
        m.field("note", note)?;
        // As the model writes it: absent, not null, when there is none.
        if let Some(official_name) = official_name {
            m.field("official_name", official_name)?;
        }
        m.field("sources", sources)?;
        if let Some(v) = &successions {
            m.field("successions", v)?;
        }
        m.field("wikidata", wikidata)?;
        m.end()
    }
}

/// A state's transitions in one organisation.
struct History<'a> {
    note: Option<&'a str>,
    organization: &'a str,
    transitions: &'a [Transition],
}

impl Serialize for History<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut m = Obj::new(s)?;
        m.field("note", &self.note)?;
        m.field("organization", self.organization)?;
        m.field(
            "transitions",
            &Seq(|| self.transitions.iter().map(TransitionNode)),
        )?;
        m.end()
    }
}
