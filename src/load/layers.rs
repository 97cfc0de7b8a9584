//! Data folders layered into one data set. The first folder is loaded on
//! its own (or the bundled data is taken as it is); each later folder, a
//! *layer*, is checked together with the data set below it: it may cite
//! the states and sources below, and name an organisation below as its
//! predecessor or successor. Then the layer's facts take the place of
//! those below where both describe the same thing:
//!
//! - A state of the same id: the layer's entry. A state below of another
//!   id that holds one of the layer's COW codes on the same days is
//!   *joined*: the layer's entry is kept and every reference to the one
//!   below follows it (`COW255` in an import becomes `DEU`). A join may
//!   add what was unknown below (lifetimes, to a state that had none),
//!   never change a state's name or life: that is refused, and so is a
//!   layer's state that keeps its own id and takes another state's code.
//! - An organisation of the same id or the same COW column (`EAEC`
//!   imported from COW and our `EURASEC`): the layer's, with everything
//!   it has; the one below is left out with its histories, summits,
//!   chairs, officials, events and claims.
//! - A source of the same id: the layer's.
//!
//! Nothing is merged in silence: each replacement that changes anything
//! is a note saying what differs, each refusal an error at the layer's
//! entry, with its line and column.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use serde::Serialize;

use super::life::{self, Period, periods};
use super::refs::Refs;
use super::rules::HistoryAt;
use super::schema::{self, Document, Located};
use super::sink::{Part, Sink};
use super::{Dataset, Input, LoadOptions};
use crate::error::{Diagnostic, DiagnosticKind, Error};
use crate::model::{
    Affiliation, Organization, OrganizationId, State, StateId, StateList,
};
use crate::serde_tree::{Tree, tree};

/// `dirs`, earliest first, each loaded as a layer over `bottom` and the
/// layers before it; and one note per replacement that changes anything.
pub(crate) fn over(
    bottom: Dataset,
    dirs: &[impl AsRef<Path>],
    opts: &LoadOptions,
) -> Result<(Dataset, Vec<String>), Error> {
    let mut data = bottom;
    let mut notes = Vec::new();
    for dir in dirs {
        let dir = dir.as_ref();
        let layer = super::load_over(Input::Folder(dir), Some(&data), opts)?;
        data = merge(data, layer, &dir.display().to_string(), &mut notes);
    }
    Ok((data, notes))
}

/// Makes the ids of `below` known to a layer's checks: its states and
/// sources may be cited, its organisations named as predecessor or
/// successor.
pub(crate) fn know(refs: &mut Refs, below: &Dataset) {
    refs.layered = true;
    let states = below.states.iter().map(|s| s.id.to_string());
    refs.states.known.extend(states);
    let sources = below.sources.iter().map(|s| s.id.to_string());
    refs.sources.known.extend(sources);
    let orgs = below.organizations.iter().map(|o| o.id.to_string());
    refs.below_organizations.extend(orgs);
}

/// The organisations a layer's predecessors and successors are checked
/// against (founded in order, the predecessor ended): its own, then
/// those below.
pub(crate) fn linkable<'a>(
    own: &BTreeMap<&'a str, &'a Organization>,
    below: Option<&'a Dataset>,
) -> BTreeMap<&'a str, &'a Organization> {
    let mut all = own.clone();
    for o in below.map(|b| b.organizations.as_slice()).unwrap_or_default() {
        all.entry(o.id.as_str()).or_insert(o);
    }
    all
}

/// A state of a layer (`over`) and one below it, of another id, that
/// hold one COW code on a common day.
struct Join<'a> {
    below: &'a State,
    over: &'a State,
    code: u16,
}

/// Every [`Join`] of a state of `over` with one of `below`; a state below
/// that `over` replaces by id takes no part.
fn joins<'a>(below: &'a [State], over: &'a [State]) -> Vec<Join<'a>> {
    let replaced: BTreeSet<&str> =
        over.iter().map(|s| s.id.as_str()).collect();
    let mut holders: BTreeMap<u16, Vec<(&State, Period)>> = BTreeMap::new();
    for s in below.iter().filter(|s| !replaced.contains(s.id.as_str())) {
        for p in periods(s, StateList::Cow) {
            holders.entry(p.0).or_default().push((s, p));
        }
    }
    let mut out: Vec<Join<'a>> = Vec::new();
    for u in over {
        for p in periods(u, StateList::Cow) {
            for &(l, q) in holders.get(&p.0).into_iter().flatten() {
                let seen = out
                    .iter()
                    .any(|j| j.below.id == l.id && j.over.id == u.id);
                if !seen && overlap(p, q) {
                    out.push(Join { below: l, over: u, code: p.0 });
                }
            }
        }
    }
    out
}

/// Whether two periods (first day, last day; `None` unbounded) share a
/// day.
fn overlap(a: Period, b: Period) -> bool {
    let before = |from: Option<crate::date::Date>,
                  to: Option<crate::date::Date>| {
        from.is_none_or(|f| to.is_none_or(|t| f <= t))
    };
    before(a.1, b.2) && before(b.1, a.2)
}

/// What joining would change of the state below that a join must not:
/// its name (unless one of its names is one of the layer entry's), its
/// life (unless it had none). Empty: the join may be made.
fn would_change(j: &Join<'_>) -> Vec<String> {
    let mut out = Vec::new();
    let names: BTreeSet<String> =
        j.over.all_names().map(str::to_lowercase).collect();
    if !j.below.all_names().any(|n| names.contains(&n.to_lowercase())) {
        out.push(format!("its name ({} → {})", j.below.name, j.over.name));
    }
    let life = |s: &State| {
        let mut l: Vec<_> =
            s.lifetimes.iter().map(|l| (l.list, l.from, l.to)).collect();
        l.sort();
        l
    };
    if !j.below.lifetimes.is_empty() && life(j.below) != life(j.over) {
        let after = match j.over.life_text() {
            t if t.is_empty() => "none".to_string(),
            t => t,
        };
        out.push(format!("its life ({} → {after})", j.below.life_text()));
    }
    out
}

/// A layer's states checked with those `below`: a join that would change
/// a state's name or life is refused, and so is a state that keeps its
/// own id and holds a code a state below holds on the same days; then no
/// two states of the merged data hold one code on one day. Returns the
/// states as they will be once merged, for the checks of states' lives.
pub(crate) fn states(
    docs: &[Document<schema::State>],
    over: &[State],
    below: &[State],
    sink: &mut Sink,
) -> Vec<State> {
    let below_ids: BTreeSet<&str> =
        below.iter().map(|s| s.id.as_str()).collect();
    let joins = joins(below, over);
    for j in &joins {
        let replaces = below_ids.contains(j.over.id.as_str());
        let changes = would_change(j);
        if !replaces && changes.is_empty() {
            continue;
        }
        let Some((path, entry)) = entry(docs, &j.over.id) else { continue };
        let at = match &entry.cow_code {
            Some(c) if c.value.0 == j.code => place(c),
            _ => place(&entry.id),
        };
        sink.at(Part::States, path, &at, refusal(j, replaces, &changes));
    }
    let gone: BTreeSet<&str> =
        joins.iter().map(|j| j.below.id.as_str()).collect();
    let over_ids: BTreeSet<&str> =
        over.iter().map(|s| s.id.as_str()).collect();
    let mut after: Vec<State> = below
        .iter()
        .filter(|s| {
            !over_ids.contains(s.id.as_str()) && !gone.contains(s.id.as_str())
        })
        .cloned()
        .collect();
    after.extend(over.iter().cloned());
    life::codes_apart(docs, &after, sink);
    after
}

/// The histories below of the states a layer describes again (by id or
/// by a join), in the organisations it does not describe itself, each
/// placed at the layer's entry of the state: they are checked against
/// the state's life as the layer gives it.
pub(crate) fn histories_below(
    docs: &[Document<schema::State>],
    over: &Dataset,
    below: &Dataset,
) -> Vec<(Affiliation, HistoryAt)> {
    let mut ids: BTreeMap<&str, &StateId> =
        over.states.iter().map(|s| (s.id.as_str(), &s.id)).collect();
    for j in joins(&below.states, &over.states) {
        ids.entry(j.below.id.as_str()).or_insert(&j.over.id);
    }
    let columns: BTreeSet<String> = over
        .organizations
        .iter()
        .filter_map(|o| o.cow_column.as_ref().map(|c| c.to_ascii_lowercase()))
        .collect();
    let replaced = |id: &OrganizationId| {
        below.organizations.iter().any(|o| {
            o.id == *id
                && (over.organizations.iter().any(|n| n.id == o.id)
                    || o.cow_column.as_ref().is_some_and(|c| {
                        columns.contains(&c.to_ascii_lowercase())
                    }))
        })
    };
    let mut out = Vec::new();
    for a in &below.affiliations {
        let Some(&id) = ids.get(a.state.as_str()) else { continue };
        let Some((path, r)) = entry(docs, id) else { continue };
        if replaced(&a.organization) {
            continue;
        }
        let mut a = a.clone();
        a.state = id.clone();
        let at = HistoryAt { path: path.to_string(), state: place(&r.id) };
        out.push((a, at));
    }
    out
}

/// Why the join `j` is refused: the layer's state keeps its own id (it
/// `replaces` one below of that id), or the join `changes` the state.
fn refusal(j: &Join<'_>, replaces: bool, changes: &[String]) -> Diagnostic {
    let (u, l, code) = (j.over, j.below, j.code);
    let correct =
        format!("correct the code (COW {code} is {}'s, `{}`)", l.name, l.id);
    let on_purpose = format!(
        "to replace `{}` on purpose, give this entry `id: {}`",
        l.id, l.id
    );
    let (message, help) = if replaces {
        (
            format!(
                "`{}` ({}) holds COW code {code}, which `{}` ({}) holds below on the same days",
                u.id, u.name, l.id, l.name
            ),
            format!("{correct}; {on_purpose}"),
        )
    } else {
        (
            format!(
                "`{}` ({}) would take the place of `{}` ({}) below by COW code {code}, and change {}",
                u.id,
                u.name,
                l.id,
                l.name,
                changes.join(" and ")
            ),
            format!("{on_purpose}; else {correct}"),
        )
    };
    Diagnostic::new(DiagnosticKind::Domain, message).help(help)
}

/// The entry of `docs` that defines the state `id`, and its file.
fn entry<'a>(
    docs: &'a [Document<schema::State>],
    id: &StateId,
) -> Option<(&'a str, &'a schema::State)> {
    docs.iter().find_map(|d| {
        let r = d.entries.iter().find(|r| r.id.value == id.as_str())?;
        Some((d.path.as_str(), r))
    })
}

fn place<T>(v: &Located<T>) -> Located<()> {
    Located { value: (), line: v.line, column: v.column }
}

/// `next`, a layer named `name`, over `out`; a note per replacement
/// that changes anything.
fn merge(
    mut out: Dataset,
    next: Dataset,
    name: &str,
    notes: &mut Vec<String>,
) -> Dataset {
    let Dataset {
        states,
        sources,
        organizations,
        affiliations,
        summits,
        chairs,
        offices,
        events,
        claims,
    } = next;
    let renamed = merge_states(&mut out, states, name, notes);
    for s in &sources {
        if let Some(old) = out.sources.iter().find(|o| o.id == s.id) {
            let diff = differences(old, s);
            if !diff.is_empty() {
                notes.push(format!(
                    "`{name}` replaces source `{}` below; it differs in {}",
                    s.id,
                    diff.join(", ")
                ));
            }
        }
    }
    let ids: BTreeSet<_> = sources.iter().map(|s| s.id.clone()).collect();
    out.sources.retain(|s| !ids.contains(&s.id));
    out.sources.extend(sources);
    let next = Dataset {
        organizations,
        affiliations,
        summits,
        chairs,
        offices,
        events,
        claims,
        ..Dataset::default()
    };
    let dropped = merge_organizations(&mut out, next, name, notes);
    repoint(&mut out, &renamed);
    // A predecessor or successor left out: the organisation that took
    // its place.
    for o in &mut out.organizations {
        for link in [&mut o.predecessor, &mut o.successor] {
            if let Some(by) = link.as_ref().and_then(|l| dropped.get(l)) {
                *link = (*by != o.id).then(|| by.clone());
            }
        }
    }
    out.affiliations.sort_by(|a, b| {
        (&a.organization, &a.state).cmp(&(&b.organization, &b.state))
    });
    out
}

/// The layer's `states` over `out`'s: replaced by id, or joined by COW
/// code. Returns the ids joined, each with the id that takes its place.
fn merge_states(
    out: &mut Dataset,
    states: Vec<State>,
    name: &str,
    notes: &mut Vec<String>,
) -> BTreeMap<StateId, StateId> {
    for s in &states {
        if let Some(old) = out.states.iter().find(|o| o.id == s.id) {
            let diff = differences(old, s);
            if !diff.is_empty() {
                notes.push(format!(
                    "`{name}` replaces state `{}` ({}) below; it differs in {}",
                    s.id,
                    old.name,
                    diff.join(", ")
                ));
            }
        }
    }
    let ids: BTreeSet<&str> = states.iter().map(|s| s.id.as_str()).collect();
    let mut renamed = BTreeMap::new();
    for j in joins(&out.states, &states) {
        if ids.contains(j.below.id.as_str())
            || out.states.iter().any(|s| s.id == j.over.id)
        {
            // Refused when the layer was checked.
            continue;
        }
        notes.push(format!(
            "`{name}` joins state `{}` ({}) below to its `{}` by COW code {}; it differs in {}",
            j.below.id,
            j.below.name,
            j.over.id,
            j.code,
            differences(j.below, j.over).join(", ")
        ));
        renamed.insert(j.below.id.clone(), j.over.id.clone());
    }
    out.states.retain(|s| {
        !ids.contains(s.id.as_str()) && !renamed.contains_key(&s.id)
    });
    out.states.extend(states);
    renamed
}

/// Every reference to a state joined to another re-pointed: histories,
/// chairs, summits' hosts, office holders' nationalities, successions.
fn repoint(out: &mut Dataset, renamed: &BTreeMap<StateId, StateId>) {
    if renamed.is_empty() {
        return;
    }
    let repoint = |id: &mut StateId| {
        if let Some(new) = renamed.get(id) {
            *id = new.clone();
        }
    };
    out.affiliations.iter_mut().for_each(|a| repoint(&mut a.state));
    out.chairs.iter_mut().for_each(|c| repoint(&mut c.state));
    out.summits.iter_mut().for_each(|s| repoint(&mut s.host));
    out.offices.iter_mut().for_each(|t| repoint(&mut t.nationality));
    for s in &mut out.states {
        for succession in &mut s.successions {
            succession.states.iter_mut().for_each(repoint);
        }
    }
}

/// The layer's organisations (with everything they have) over `out`'s,
/// by id or COW column. Returns each organisation left out, with the one
/// that took its place.
fn merge_organizations(
    out: &mut Dataset,
    next: Dataset,
    name: &str,
    notes: &mut Vec<String>,
) -> BTreeMap<OrganizationId, OrganizationId> {
    let columns: BTreeMap<String, &OrganizationId> = next
        .organizations
        .iter()
        .filter_map(|o| {
            o.cow_column.as_ref().map(|c| (c.to_ascii_lowercase(), &o.id))
        })
        .collect();
    let mut dropped: BTreeMap<OrganizationId, OrganizationId> =
        BTreeMap::new();
    for o in &out.organizations {
        let by = match next.organizations.iter().find(|n| n.id == o.id) {
            Some(n) => n,
            None => {
                let column =
                    o.cow_column.as_ref().map(|c| c.to_ascii_lowercase());
                let Some(by) = column.and_then(|c| columns.get(&c).copied())
                else {
                    continue;
                };
                notes.push(format!(
                    "`{}` ({}) is described by a later data folder's `{by}`: its record is used{}",
                    o.id,
                    o.name,
                    compare_hint(o, by)
                ));
                dropped.insert(o.id.clone(), by.clone());
                continue;
            }
        };
        let mut diff = differences(o, by);
        diff.extend(parts_differing(out, &next, &o.id));
        if !diff.is_empty() {
            notes.push(format!(
                "`{name}` replaces organisation `{}` ({}) below; it differs in {}{}",
                o.id,
                o.name,
                diff.join(", "),
                compare_hint(o, &by.id)
            ));
        }
        dropped.insert(o.id.clone(), by.id.clone());
    }
    let kept = |o: &OrganizationId| !dropped.contains_key(o);
    out.organizations.retain(|o| kept(&o.id));
    out.affiliations.retain(|a| kept(&a.organization));
    out.summits.retain(|s| kept(&s.organization));
    out.chairs.retain(|c| kept(&c.organization));
    out.offices.retain(|t| kept(&t.organization));
    out.events.retain(|e| kept(&e.organization));
    out.claims.retain(|c| kept(&c.organization));
    out.organizations.extend(next.organizations);
    out.affiliations.extend(next.affiliations);
    out.summits.extend(next.summits);
    out.chairs.extend(next.chairs);
    out.offices.extend(next.offices);
    out.events.extend(next.events);
    out.claims.extend(next.claims);
    dropped
}

/// How to set an organisation from COW beside ours, when it has a COW
/// column.
fn compare_hint(o: &Organization, by: &OrganizationId) -> String {
    match &o.cow_column {
        Some(c) => format!(
            "; compare it with COW's column with `igo compare cow FILE --org {by}` (`{c}`)"
        ),
        None => String::new(),
    }
}

/// The kinds of facts of the organisation `id` in which `a` and `b`
/// differ: `histories`, `summits`, `chairs`, `officials`, `events`,
/// `claims`.
fn parts_differing(
    a: &Dataset,
    b: &Dataset,
    id: &OrganizationId,
) -> Vec<String> {
    fn differ<T: PartialEq>(
        a: &[T],
        b: &[T],
        of: impl Fn(&T) -> &OrganizationId,
        id: &OrganizationId,
    ) -> bool {
        // In any order: a folder's files and the bundle list the same
        // facts in different orders.
        let a: Vec<&T> = a.iter().filter(|x| of(x) == id).collect();
        let mut b: Vec<Option<&T>> =
            b.iter().filter(|x| of(x) == id).map(Some).collect();
        a.len() != b.len()
            || !a.iter().all(|x| {
                let at = b.iter().position(|y| y.is_some_and(|y| y == *x));
                at.map(|i| b[i] = None).is_some()
            })
    }
    let parts = [
        (
            "histories",
            differ(&a.affiliations, &b.affiliations, |x| &x.organization, id),
        ),
        ("summits", differ(&a.summits, &b.summits, |x| &x.organization, id)),
        ("chairs", differ(&a.chairs, &b.chairs, |x| &x.organization, id)),
        ("officials", differ(&a.offices, &b.offices, |x| &x.organization, id)),
        ("events", differ(&a.events, &b.events, |x| &x.organization, id)),
        ("claims", differ(&a.claims, &b.claims, |x| &x.organization, id)),
    ];
    parts.into_iter().filter(|p| p.1).map(|p| p.0.to_string()).collect()
}

/// The fields in which `a` and `b` differ, by their names in the data,
/// each with both values where they are short (`name (Kazakhstan →
/// Qazaqstan)`).
fn differences<T: Serialize>(a: &T, b: &T) -> Vec<String> {
    let (Tree::Map(a), Tree::Map(b)) = (tree(a), tree(b)) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    fn get<'a>(m: &'a [(String, Tree)], k: &str) -> Option<&'a Tree> {
        m.iter().find(|(key, _)| key == k).map(|(_, v)| v)
    }
    let keys = a
        .iter()
        .map(|(k, _)| k)
        .chain(b.iter().map(|(k, _)| k).filter(|k| get(&a, k).is_none()));
    for k in keys {
        let (x, y) = (get(&a, k), get(&b, k));
        if same(x.unwrap_or(&Tree::Absent), y.unwrap_or(&Tree::Absent)) {
            continue;
        }
        match (short(x), short(y)) {
            (Some(x), Some(y)) => out.push(format!("{k} ({x} → {y})")),
            _ => out.push(k.clone()),
        }
    }
    out
}

/// A scalar value as text, when it is short enough for a note.
fn short(v: Option<&Tree>) -> Option<String> {
    let text = match v.unwrap_or(&Tree::Absent) {
        Tree::Text(s) | Tree::Plain(s) => s.clone(),
        Tree::Variant(s) => s.to_string(),
        Tree::Absent => "none".to_string(),
        Tree::Seq(_) | Tree::Map(_) => return None,
    };
    (text.chars().count() <= 40).then_some(text)
}

/// Whether two values are the same.
fn same(a: &Tree, b: &Tree) -> bool {
    match (a, b) {
        (Tree::Text(x), Tree::Text(y)) | (Tree::Plain(x), Tree::Plain(y)) => {
            x == y
        }
        (Tree::Variant(x), Tree::Variant(y)) => x == y,
        (Tree::Absent, Tree::Absent) => true,
        (Tree::Seq(x), Tree::Seq(y)) => {
            x.len() == y.len() && x.iter().zip(y).all(|(x, y)| same(x, y))
        }
        (Tree::Map(x), Tree::Map(y)) => {
            x.len() == y.len()
                && x.iter().zip(y).all(|((k, x), (l, y))| k == l && same(x, y))
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Lifetime, SourceId};

    fn state(id: &str, name: &str, cow: u16) -> State {
        State {
            id: StateId::new(id),
            iso2: String::new(),
            name: name.to_string(),
            official_name: None,
            aliases: Vec::new(),
            cow_code: Some(cow),
            cow_abbrev: None,
            wikidata: None,
            sources: vec![SourceId::new("s1")],
            note: None,
            gw_code: None,
            gw_abbrev: None,
            lifetimes: Vec::new(),
            names: Vec::new(),
            successions: Vec::new(),
        }
    }

    fn lived(mut s: State, from: &str, to: Option<&str>) -> State {
        s.lifetimes.push(Lifetime {
            list: StateList::Cow,
            from: from.parse().unwrap(),
            to: to.map(|t| t.parse().unwrap()),
            code: None,
            abbrev: None,
            sources: Vec::new(),
            note: None,
        });
        s
    }

    #[test]
    fn differences_name_fields_with_short_values() {
        let a = state("KAZ", "Kazakhstan", 705);
        let mut b = state("KAZ", "Qazaqstan", 705);
        b.aliases.push("Kazakhstan".into());
        b.note = Some("a note far longer than forty characters, kept".into());
        assert_eq!(
            differences(&a, &b),
            ["name (Kazakhstan → Qazaqstan)", "aliases", "note"]
        );
        assert!(differences(&a, &a.clone()).is_empty());
    }

    #[test]
    fn a_code_joins_only_on_common_days() {
        let below = [
            lived(
                state("SUN", "Soviet Union", 365),
                "1922-12-30",
                Some("1991-12-25"),
            ),
            lived(state("RUS", "Russia", 365), "1991-12-26", None),
        ];
        let over = [lived(state("RUF", "Russia", 365), "1991-12-26", None)];
        let found = joins(&below, &over);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].below.id.as_str(), "RUS");
        assert!(would_change(&found[0]).is_empty());
        // Another life is a change.
        let over = [lived(state("RUF", "Russia", 365), "1992-01-01", None)];
        let found = joins(&below, &over);
        assert_eq!(
            would_change(&found[0]),
            ["its life (COW: from 1991-12-26 → COW: from 1992-01-01)"]
        );
        // Without lifetimes, a state holds its code on every day.
        let over = [state("RUF", "Russia", 365)];
        let found = joins(&below, &over);
        assert_eq!(found.len(), 2);
        assert_eq!(
            would_change(&found[0]),
            [
                "its name (Soviet Union → Russia)",
                "its life (COW: 1922-12-30 to 1991-12-25 → none)"
            ]
        );
    }

    #[test]
    fn a_join_may_date_a_state_that_had_no_life() {
        let below = [state("COW705", "Kazakhstan", 705)];
        let mut over =
            lived(state("KAZ", "Qazaqstan", 705), "1991-12-26", None);
        over.aliases.push("Kazakhstan".into());
        let over = [over];
        let found = joins(&below, &over);
        assert!(would_change(&found[0]).is_empty());
    }
}
