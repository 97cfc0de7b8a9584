//! Data folders layered into one data set: each folder is loaded and
//! validated on its own, then a later folder's facts take the place of an
//! earlier one's where both describe the same thing.
//!
//! - A state is the same when its id or its COW code is: the later
//!   folder's entry is kept, and the earlier folder's histories are
//!   re-pointed to its id (`COW255` in an import becomes `DEU` if a later
//!   folder knows Germany by COW code 255).
//! - An organisation is the same when its id or its COW column is
//!   (`EAEC` imported from COW and our `EURASEC`): the later folder's is
//!   kept with everything it has, the earlier one's is left out, with
//!   its histories, and a note says so. Nothing is merged in silence.
//! - A source of the same id: the later folder's.

use std::collections::{BTreeMap, BTreeSet};

use super::Dataset;
use crate::model::{OrganizationId, StateId};

/// `layers`, earliest first, as one data set, and a note per organisation
/// left out for a later one.
pub(crate) fn merge(layers: Vec<Dataset>) -> (Dataset, Vec<String>) {
    let mut out = Dataset::default();
    let mut notes = Vec::new();
    for next in layers {
        // States the new layer describes, by id and by COW code.
        let ids: BTreeSet<StateId> =
            next.states.iter().map(|s| s.id.clone()).collect();
        let by_code: BTreeMap<u16, StateId> = next
            .states
            .iter()
            .filter_map(|s| s.cow_code.map(|c| (c, s.id.clone())))
            .collect();
        let mut renamed: BTreeMap<StateId, StateId> = BTreeMap::new();
        out.states.retain(|s| {
            if ids.contains(&s.id) {
                return false;
            }
            match s.cow_code.and_then(|c| by_code.get(&c)) {
                Some(id) => {
                    renamed.insert(s.id.clone(), id.clone());
                    false
                }
                None => true,
            }
        });
        // Every reference to a state re-pointed: histories, chairs,
        // summits' hosts, office holders' nationalities.
        let repoint = |id: &mut StateId| {
            if let Some(new) = renamed.get(id) {
                *id = new.clone();
            }
        };
        out.affiliations.iter_mut().for_each(|a| repoint(&mut a.state));
        out.chairs.iter_mut().for_each(|c| repoint(&mut c.state));
        out.summits.iter_mut().for_each(|s| repoint(&mut s.host));
        out.offices.iter_mut().for_each(|t| repoint(&mut t.nationality));
        // Organisations the new layer describes, by id and COW column.
        let org_ids: BTreeSet<&OrganizationId> =
            next.organizations.iter().map(|o| &o.id).collect();
        let columns: BTreeMap<String, &OrganizationId> = next
            .organizations
            .iter()
            .filter_map(|o| {
                o.cow_column.as_ref().map(|c| (c.to_ascii_lowercase(), &o.id))
            })
            .collect();
        let mut dropped: BTreeMap<OrganizationId, OrganizationId> =
            BTreeMap::new();
        out.organizations.retain(|o| {
            let by = if org_ids.contains(&o.id) {
                Some(&o.id)
            } else {
                o.cow_column.as_ref().and_then(|c| {
                    columns.get(&c.to_ascii_lowercase()).copied()
                })
            };
            if let Some(by) = by {
                notes.push(format!(
                    "`{}` ({}) is described by a later data folder's `{by}`: \
                     its record is used{}",
                    o.id,
                    o.name,
                    match &o.cow_column {
                        Some(c) => format!(
                            "; compare it with COW's column with `igo \
                             compare cow FILE --org {by}` (`{c}`)"
                        ),
                        None => String::new(),
                    }
                ));
                dropped.insert(o.id.clone(), by.clone());
                false
            } else {
                true
            }
        });
        let kept = |o: &OrganizationId| !dropped.contains_key(o);
        out.affiliations.retain(|a| kept(&a.organization));
        out.summits.retain(|s| kept(&s.organization));
        out.chairs.retain(|c| kept(&c.organization));
        out.offices.retain(|t| kept(&t.organization));
        out.events.retain(|e| kept(&e.organization));
        out.claims.retain(|c| kept(&c.organization));
        let source_ids: BTreeSet<_> =
            next.sources.iter().map(|s| s.id.clone()).collect();
        out.sources.retain(|s| !source_ids.contains(&s.id));
        out.states.extend(next.states);
        out.sources.extend(next.sources);
        out.organizations.extend(next.organizations);
        out.affiliations.extend(next.affiliations);
        out.summits.extend(next.summits);
        out.chairs.extend(next.chairs);
        out.offices.extend(next.offices);
        out.events.extend(next.events);
        out.claims.extend(next.claims);
        // A predecessor or successor left out: the organisation that
        // took its place.
        for o in &mut out.organizations {
            for link in [&mut o.predecessor, &mut o.successor] {
                if let Some(by) = link.as_ref().and_then(|l| dropped.get(l)) {
                    *link = (*by != o.id).then(|| by.clone());
                }
            }
        }
    }
    out.affiliations.sort_by(|a, b| {
        (&a.organization, &a.state).cmp(&(&b.organization, &b.state))
    });
    (out, notes)
}
