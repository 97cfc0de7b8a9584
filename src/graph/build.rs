//! Builds a [`KnowledgeGraph`] from a validated data set, or from an open
//! bundle, whose states, organisations' facts and sources stay encoded
//! until first asked for.

use std::sync::OnceLock;

use super::facts::OrgFacts;
use super::slot::Slot;
use super::{KnowledgeGraph, Member};
use crate::bundle::{self, Opened, Split};
use crate::load;

impl KnowledgeGraph {
    /// The graph of a data set read from files, texts or JSON: every
    /// organisation's facts built now.
    pub(super) fn build(data: load::Dataset) -> KnowledgeGraph {
        let Split { states, organizations, facts, sources } =
            bundle::split(data);
        let organizations =
            organizations.into_iter().zip(facts).map(|(o, f)| {
                let facts = Slot::new(OrgFacts::new(&o, f));
                (o.id.clone(), Member { organization: Slot::new(o), facts })
            });
        KnowledgeGraph {
            states: states
                .into_iter()
                .map(|s| (s.id.clone(), Slot::new(s)))
                .collect(),
            organizations: organizations.collect(),
            sources: Slot::new(
                sources.into_iter().map(|s| (s.id.clone(), s)).collect(),
            ),
            bundle: None,
            full: OnceLock::new(),
        }
    }

    /// The graph of an open bundle: its ids, and the rest encoded.
    pub(super) fn from_opened(opened: Opened) -> KnowledgeGraph {
        let Opened { table, states, organizations, sources } = opened;
        let organizations = organizations.into_iter().map(|(id, o, f)| {
            let (organization, facts) = (Slot::encoded(o), Slot::encoded(f));
            (id, Member { organization, facts })
        });
        KnowledgeGraph {
            states: states
                .into_iter()
                .map(|(id, bytes)| (id, Slot::encoded(bytes)))
                .collect(),
            organizations: organizations.collect(),
            sources: Slot::encoded(sources),
            bundle: Some(table),
            full: OnceLock::new(),
        }
    }
}
