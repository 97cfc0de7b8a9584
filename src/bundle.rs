//! The bundled data's compact form: a table of every identifier, read in
//! place; the ids of the states and organisations; then each state, each
//! organisation and each organisation's own facts as sections of their
//! own, decoded when first asked for; then the sources.
//!
//! `build.rs` writes it and [`KnowledgeGraph::bundled`] reads it.
//! Starting decodes the ids alone: a state or an organisation when a
//! question first names it, an organisation's histories, summits,
//! chairs, office terms, events and published counts when a question
//! first needs them, so that starting costs the same however many states
//! and organisations the data holds.
//!
//! Data cites identifiers and statuses by their number in the tables. An
//! identifier is made into an `Arc<str>` the first time decoded data
//! names it, and shared by all that does later (India's `IND` is written
//! once, not some hundred times): no string is copied, checked as UTF-8
//! or hashed twice. Outside the decoding, ids and statuses are read and
//! written as text, as before.
//!
//! [`KnowledgeGraph::bundled`]: crate::KnowledgeGraph::bundled

use std::cell::RefCell;
use std::collections::HashMap;
use std::fmt;
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};

use serde::de::{Error as _, Visitor};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::load::Dataset;
use crate::model::{
    Affiliation, ChairTerm, Claim, Event, OfficeTerm, Organization,
    OrganizationId, Source, State, StateId, Summit,
};
use crate::status::Status;

/// A data set split as the bundle keeps it.
#[derive(Debug, Default)]
pub(crate) struct Split {
    pub states: Vec<State>,
    pub organizations: Vec<Organization>,
    /// Each organisation's own facts, in the order of `organizations`.
    pub facts: Vec<Facts>,
    pub sources: Vec<Source>,
}

/// One organisation's own facts, each kind in the order of the data set.
#[derive(Debug, Default, Serialize, Deserialize)]
pub(crate) struct Facts {
    pub affiliations: Vec<Affiliation>,
    pub summits: Vec<Summit>,
    pub chairs: Vec<ChairTerm>,
    pub offices: Vec<OfficeTerm>,
    pub events: Vec<Event>,
    pub claims: Vec<Claim>,
}

/// `data` split: its states, organisations and sources, and the facts of
/// each organisation.
pub(crate) fn split(data: Dataset) -> Split {
    // Every field by name: a field added to the data set must be given
    // its place here.
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
    } = data;
    let place: HashMap<OrganizationId, usize> = organizations
        .iter()
        .enumerate()
        .map(|(i, o)| (o.id.clone(), i))
        .collect();
    let mut facts: Vec<Facts> =
        organizations.iter().map(|_| Facts::default()).collect();
    let of = |org: &OrganizationId| place.get(org).copied();
    for a in affiliations {
        if let Some(i) = of(&a.organization) {
            facts[i].affiliations.push(a);
        }
    }
    for s in summits {
        if let Some(i) = of(&s.organization) {
            facts[i].summits.push(s);
        }
    }
    for c in chairs {
        if let Some(i) = of(&c.organization) {
            facts[i].chairs.push(c);
        }
    }
    for t in offices {
        if let Some(i) = of(&t.organization) {
            facts[i].offices.push(t);
        }
    }
    for e in events {
        if let Some(i) = of(&e.organization) {
            facts[i].events.push(e);
        }
    }
    for c in claims {
        if let Some(i) = of(&c.organization) {
            facts[i].claims.push(c);
        }
    }
    Split { states, organizations, facts, sources }
}

/// `data` in the bundled form: a first section with the ids of the
/// states and organisations, then a section for each state, each
/// organisation and each organisation's facts, and the sources.
///
/// # Errors
///
/// Whatever postcard reports, or a bundle over 4 GiB.
// build.rs writes the bundle; the library, for the synthetic bundles of
// benchmarks.
#[cfg_attr(not(any(test, feature = "synth")), allow(dead_code))]
pub(crate) fn encode(data: Dataset) -> postcard::Result<Vec<u8>> {
    let Split { mut states, organizations, facts, sources } = split(data);
    // By id: the graph's maps of them are then built without sorting.
    states.sort_by(|a, b| a.id.cmp(&b.id));
    let mut orgs: Vec<(Organization, Facts)> =
        organizations.into_iter().zip(facts).collect();
    orgs.sort_by(|a, b| a.0.id.cmp(&b.0.id));
    let state_ids: Vec<&StateId> = states.iter().map(|s| &s.id).collect();
    let org_ids: Vec<&OrganizationId> = orgs.iter().map(|o| &o.0.id).collect();
    let sections = |out: &mut Vec<Vec<u8>>| {
        out.push(postcard::to_allocvec(&(state_ids, org_ids))?);
        for s in &states {
            out.push(postcard::to_allocvec(s)?);
        }
        for (o, _) in &orgs {
            out.push(postcard::to_allocvec(o)?);
        }
        for (_, f) in &orgs {
            out.push(postcard::to_allocvec(f)?);
        }
        Ok(())
    };
    write(sections, &sources)
}

/// A bundle written by [`encode()`], open: the ids decoded, the rest
/// where it is.
pub(crate) struct Opened {
    /// The tables the sections cite.
    pub table: Arc<Table>,
    /// Each state's id and section, by id.
    pub states: Vec<(StateId, &'static [u8])>,
    /// Each organisation's id, its section and the section of its facts,
    /// by id.
    pub organizations: Vec<(OrganizationId, &'static [u8], &'static [u8])>,
    /// The sources, written plainly (`postcard::from_bytes`).
    pub sources: &'static [u8],
}

/// Opens a bundle written by [`encode()`].
///
/// # Errors
///
/// Whatever postcard reports, or sections that do not fit in `bytes`.
pub(crate) fn decode(bytes: &'static [u8]) -> postcard::Result<Opened> {
    let Bundle { table, sections, later } = Bundle::open(bytes)?;
    let (&first, rest) = sections
        .split_first()
        .ok_or(postcard::Error::DeserializeUnexpectedEnd)?;
    let (states, orgs): (Vec<StateId>, Vec<OrganizationId>) =
        table.decode(first)?;
    if rest.len() != states.len() + 2 * orgs.len() {
        return Err(postcard::Error::DeserializeBadEncoding);
    }
    let (of_states, rest) = rest.split_at(states.len());
    let (of_orgs, of_facts) = rest.split_at(orgs.len());
    Ok(Opened {
        states: states.into_iter().zip(of_states.iter().copied()).collect(),
        organizations: orgs
            .into_iter()
            .zip(of_orgs.iter().zip(of_facts))
            .map(|(id, (&o, &f))| (id, o, f))
            .collect(),
        sources: later,
        table,
    })
}

/// The tables being filled while the data is written.
#[derive(Default)]
struct Writing {
    ids: HashMap<Arc<str>, u32>,
    id_order: Vec<Arc<str>>,
    statuses: Vec<Status>,
}

/// The data being read: its table, and the ids made of it so far.
struct Reading {
    table: Arc<Table>,
    made: Vec<Option<Arc<str>>>,
}

thread_local! {
    static WRITING: RefCell<Option<Writing>> = const { RefCell::new(None) };
    static READING: RefCell<Option<Reading>> = const { RefCell::new(None) };
}

/// Where the sections of a bundle are. After it: the table of ids, each
/// section, and what is written plainly, to the end.
#[derive(Serialize, Deserialize)]
struct Head {
    /// Every status, whole, by its number.
    statuses: Vec<Status>,
    /// How many ids the table holds.
    ids: u32,
    /// The table's length in bytes: `ids + 1` offsets (little-endian
    /// `u32`), where each id's text starts and the last one ends, then
    /// the texts.
    table: u32,
    /// Each section's length in bytes.
    sections: Vec<u32>,
}

/// Writes the sections `sections` pushes, each citing ids and statuses by
/// their number in the tables, followed by `later`, written plainly (its
/// ids as text).
///
/// # Errors
///
/// Whatever postcard reports, or a bundle over 4 GiB.
#[cfg_attr(not(any(test, feature = "synth")), allow(dead_code))]
fn write<L: Serialize>(
    sections: impl FnOnce(&mut Vec<Vec<u8>>) -> postcard::Result<()>,
    later: &L,
) -> postcard::Result<Vec<u8>> {
    /// Ends the writing even if serializing unwinds: ids and statuses
    /// written later on this thread are text again.
    struct Done;
    impl Drop for Done {
        fn drop(&mut self) {
            WRITING.with_borrow_mut(|w| *w = None);
        }
    }
    WRITING.with_borrow_mut(|w| *w = Some(Writing::default()));
    let done = Done;
    let mut body = Vec::new();
    let written = sections(&mut body);
    let tables = WRITING.with_borrow_mut(Option::take).unwrap_or_default();
    drop(done);
    written?;
    let size = |n: usize| {
        u32::try_from(n).map_err(|_| postcard::Error::SerializeBufferFull)
    };
    let mut offsets = Vec::with_capacity(4 * (tables.id_order.len() + 1));
    let mut end = 0;
    offsets.extend(size(end)?.to_le_bytes());
    for id in &tables.id_order {
        end += id.len();
        offsets.extend(size(end)?.to_le_bytes());
    }
    let texts: Vec<u8> =
        tables.id_order.iter().flat_map(|id| id.bytes()).collect();
    let head = Head {
        statuses: tables.statuses,
        ids: size(tables.id_order.len())?,
        table: size(offsets.len() + texts.len())?,
        sections: body
            .iter()
            .map(|p| size(p.len()))
            .collect::<Result<_, _>>()?,
    };
    Ok([
        postcard::to_allocvec(&head)?,
        offsets,
        texts,
        body.concat(),
        postcard::to_allocvec(later)?,
    ]
    .concat())
}

/// The tables of an open bundle: the statuses, and the ids, read in
/// place, each made into an `Arc<str>` when first cited.
pub(crate) struct Table {
    offsets: &'static [u8],
    texts: &'static [u8],
    statuses: Vec<Status>,
    /// The ids made so far, by number; lent to the decoding under way.
    made: Mutex<Vec<Option<Arc<str>>>>,
}

/// A bundle written by [`write()`], open: its tables and sections.
struct Bundle {
    table: Arc<Table>,
    sections: Vec<&'static [u8]>,
    /// What `write` wrote plainly, last.
    later: &'static [u8],
}

impl Bundle {
    /// Reads where everything is in `bytes`, and the statuses; nothing
    /// else is decoded.
    ///
    /// # Errors
    ///
    /// Whatever postcard reports, or sections that do not fit in `bytes`.
    fn open(bytes: &'static [u8]) -> postcard::Result<Bundle> {
        let (head, mut rest) = postcard::take_from_bytes::<Head>(bytes)?;
        let mut take = |n: usize| {
            if n > rest.len() {
                return Err(postcard::Error::DeserializeUnexpectedEnd);
            }
            let (a, b) = rest.split_at(n);
            rest = b;
            Ok(a)
        };
        let table = take(head.table as usize)?;
        let sections = head.sections.iter().map(|&n| take(n as usize));
        let sections = sections.collect::<postcard::Result<Vec<_>>>()?;
        let at = 4 * (head.ids as usize + 1);
        if at > table.len() {
            return Err(postcard::Error::DeserializeUnexpectedEnd);
        }
        let (offsets, texts) = table.split_at(at);
        let table = Arc::new(Table {
            offsets,
            texts,
            statuses: head.statuses,
            made: Mutex::new(Vec::new()),
        });
        Ok(Bundle { table, sections, later: rest })
    }
}

impl Table {
    /// Decodes `bytes`, a section of this table's bundle. Decodings take
    /// turns (each adds to the ids made); one never starts another.
    ///
    /// # Errors
    ///
    /// Whatever postcard reports, or an id or status number outside the
    /// tables.
    pub(crate) fn decode<T: Deserialize<'static>>(
        self: &Arc<Table>,
        bytes: &'static [u8],
    ) -> postcard::Result<T> {
        /// Ends the reading even if decoding unwinds, and gives back the
        /// ids it made.
        struct Done<'a>(MutexGuard<'a, Vec<Option<Arc<str>>>>);
        impl Drop for Done<'_> {
            fn drop(&mut self) {
                if let Some(r) = READING.with_borrow_mut(Option::take) {
                    *self.0 = r.made;
                }
            }
        }
        let mut made =
            self.made.lock().unwrap_or_else(PoisonError::into_inner);
        let made_so_far = std::mem::take(&mut *made);
        let reading = Reading { table: Arc::clone(self), made: made_so_far };
        READING.with_borrow_mut(|r| *r = Some(reading));
        let _done = Done(made);
        postcard::from_bytes(bytes)
    }

    /// How many ids the table holds.
    fn len(&self) -> usize {
        (self.offsets.len() / 4).saturating_sub(1)
    }

    /// The text of id number `n`, read in place.
    fn text(&self, n: u32) -> Option<&'static str> {
        let offset = |i: usize| -> Option<usize> {
            let b = self.offsets.get(4 * i..4 * i + 4)?;
            Some(u32::from_le_bytes(b.try_into().ok()?) as usize)
        };
        let n = n as usize;
        let text = self.texts.get(offset(n)?..offset(n + 1)?)?;
        std::str::from_utf8(text).ok()
    }
}

impl Reading {
    /// Id number `n`, made once.
    fn id(&mut self, n: u32) -> Option<Arc<str>> {
        let i = n as usize;
        if let Some(Some(id)) = self.made.get(i) {
            return Some(Arc::clone(id));
        }
        let id: Arc<str> = Arc::from(self.table.text(n)?);
        if i >= self.made.len() {
            // Room for every id at once: the numbers a part cites are
            // scattered over the table.
            self.made.resize(self.table.len().max(i + 1), None);
        }
        self.made[i] = Some(Arc::clone(&id));
        Some(id)
    }
}

/// Writes an identifier: its number while the bundle is written, else
/// its text.
pub(crate) fn serialize_id<S: Serializer>(
    id: &Arc<str>,
    s: S,
) -> Result<S::Ok, S::Error> {
    let n = WRITING.with_borrow_mut(|w| {
        let w = w.as_mut()?;
        let next = w.id_order.len() as u32;
        Some(*w.ids.entry(Arc::clone(id)).or_insert_with(|| {
            w.id_order.push(Arc::clone(id));
            next
        }))
    });
    match n {
        Some(n) => s.serialize_u32(n),
        None => s.serialize_str(id),
    }
}

/// Reads an identifier written by [`serialize_id()`].
pub(crate) fn deserialize_id<'de, D: Deserializer<'de>>(
    d: D,
) -> Result<Arc<str>, D::Error> {
    if reading() {
        let n = u32::deserialize(d)?;
        READING
            .with_borrow_mut(|r| r.as_mut()?.id(n))
            .ok_or_else(|| D::Error::custom(format!("no id number {n}")))
    } else {
        d.deserialize_str(Text)
    }
}

/// Writes a status as its number while the bundle is written; `None`
/// otherwise (the caller writes it itself).
pub(crate) fn status_number(status: Status) -> Option<u32> {
    WRITING.with_borrow_mut(|w| {
        let w = w.as_mut()?;
        let found = w.statuses.iter().position(|s| *s == status);
        let n = found.unwrap_or_else(|| {
            w.statuses.push(status);
            w.statuses.len() - 1
        });
        Some(n as u32)
    })
}

/// Whether a status is read as its number (the bundle is being read).
pub(crate) fn reading() -> bool {
    READING.with_borrow(Option::is_some)
}

/// The status of number `n` in the bundle being read.
pub(crate) fn status(n: u32) -> Option<Status> {
    READING
        .with_borrow(|r| r.as_ref()?.table.statuses.get(n as usize).copied())
}

/// Decodes text straight into an `Arc<str>`: one allocation. (serde's own
/// `Arc<str>` decodes a `String` and copies it.)
struct Text;

impl Visitor<'_> for Text {
    type Value = Arc<str>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a string")
    }

    fn visit_str<E: serde::de::Error>(self, s: &str) -> Result<Arc<str>, E> {
        Ok(Arc::from(s))
    }
}

/// Reads an optional note into one allocation.
pub(crate) fn note<'de, D: Deserializer<'de>>(
    d: D,
) -> Result<Option<Arc<str>>, D::Error> {
    struct Note;
    impl<'de> Visitor<'de> for Note {
        type Value = Option<Arc<str>>;

        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("a string or nothing")
        }

        fn visit_none<E: serde::de::Error>(self) -> Result<Self::Value, E> {
            Ok(None)
        }

        fn visit_unit<E: serde::de::Error>(self) -> Result<Self::Value, E> {
            Ok(None)
        }

        fn visit_some<D: Deserializer<'de>>(
            self,
            d: D,
        ) -> Result<Self::Value, D::Error> {
            d.deserialize_str(Text).map(Some)
        }
    }
    d.deserialize_option(Note)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{SourceId, StateId};

    #[derive(Debug, PartialEq, Serialize, Deserialize)]
    struct Ids {
        states: Vec<StateId>,
        statuses: Vec<Status>,
    }

    fn ids() -> Ids {
        let ind = StateId::new("IND");
        Ids {
            states: vec![ind.clone(), StateId::new("PAK"), ind],
            statuses: vec![Status::MEMBER, Status::OBSERVER, Status::MEMBER],
        }
    }

    /// `bytes` for as long as the tests run, as the bundled data's are.
    fn kept(bytes: Vec<u8>) -> &'static [u8] {
        Box::leak(bytes.into_boxed_slice())
    }

    /// `values`, each a section of its own, then `later`.
    fn written<T: Serialize, L: Serialize>(
        values: &[T],
        later: &L,
    ) -> postcard::Result<&'static [u8]> {
        let sections = |out: &mut Vec<Vec<u8>>| {
            for v in values {
                out.push(postcard::to_allocvec(v)?);
            }
            Ok(())
        };
        Ok(kept(write(sections, later)?))
    }

    #[test]
    fn ids_are_written_once_and_read_back_shared() {
        let later = vec![SourceId::new("a-source")];
        let part = vec![StateId::new("CHN"), StateId::new("IND")];
        let ind = StateId::new("IND");
        let core = vec![ind.clone(), StateId::new("PAK"), ind];
        let bytes = written(&[&core, &part, &part], &later).unwrap();
        let count = |needle: &[u8]| {
            bytes.windows(needle.len()).filter(|w| *w == needle).count()
        };
        assert_eq!(count(b"IND"), 1);
        let bundle = Bundle::open(bytes).unwrap();
        let back: Vec<StateId> =
            bundle.table.decode(bundle.sections[0]).unwrap();
        assert_eq!(back, core);
        assert!(std::ptr::eq(back[0].as_str(), back[2].as_str()));
        // Each section on its own, sharing the ids made before.
        assert_eq!(bundle.sections.len(), 3);
        let third: Vec<StateId> =
            bundle.table.decode(bundle.sections[2]).unwrap();
        assert_eq!(third, part);
        assert!(std::ptr::eq(third[1].as_str(), back[0].as_str()));
        // The rest is plain postcard, read outside the tables.
        let later_back: Vec<SourceId> =
            postcard::from_bytes(bundle.later).unwrap();
        assert_eq!(later_back, later);
        // Outside decoding, ids are text again.
        let plain = postcard::to_allocvec(&StateId::new("IND")).unwrap();
        assert_eq!(plain, b"\x03IND");
    }

    /// Every field is written, even an empty one: postcard is not
    /// self-describing, and a skipped field would shift the rest.
    #[test]
    fn a_state_without_an_official_name_reads_back() {
        let state = |id: &str, official: Option<&str>| crate::model::State {
            id: StateId::new(id),
            iso2: String::new(),
            name: id.to_string(),
            official_name: official.map(str::to_string),
            aliases: Vec::new(),
            cow_code: None,
            cow_abbrev: None,
            wikidata: None,
            sources: Vec::new(),
            note: None,
            gw_code: None,
            gw_abbrev: None,
            lifetimes: Vec::new(),
            names: Vec::new(),
            successions: Vec::new(),
        };
        let states = vec![state("AAA", None), state("BBB", Some("B"))];
        let bundle = Bundle::open(written(&states, &()).unwrap()).unwrap();
        for (i, state) in states.iter().enumerate() {
            let back: crate::model::State =
                bundle.table.decode(bundle.sections[i]).unwrap();
            assert_eq!(&back, state);
        }
    }

    /// A panic while the bundle is written leaves ids as text after it.
    #[test]
    fn writing_ends_with_a_panic() {
        struct Boom;
        impl Serialize for Boom {
            fn serialize<S: Serializer>(
                &self,
                _: S,
            ) -> Result<S::Ok, S::Error> {
                panic!("boom")
            }
        }
        let caught = std::panic::catch_unwind(|| {
            let _ = written(&[(StateId::new("IND"), Boom)], &());
        });
        assert!(caught.is_err());
        let plain = postcard::to_allocvec(&StateId::new("PAK")).unwrap();
        assert_eq!(plain, b"\x03PAK");
    }

    #[test]
    fn a_number_outside_the_table_is_an_error() {
        let bundle = Bundle::open(written(&[ids()], &()).unwrap()).unwrap();
        // A part citing id 7 and status 9 of tables that hold fewer.
        let bad = kept(vec![7]);
        let err = bundle.table.decode::<StateId>(bad).unwrap_err();
        assert!(matches!(err, postcard::Error::SerdeDeCustom), "{err:?}");
        let err = bundle.table.decode::<Status>(kept(vec![9])).unwrap_err();
        assert!(matches!(err, postcard::Error::SerdeDeCustom), "{err:?}");
        // The reading ended with the error, and the ids made stay usable.
        assert!(!reading());
        let back: Ids = bundle.table.decode(bundle.sections[0]).unwrap();
        assert_eq!(back, ids());
    }

    #[test]
    fn a_cut_bundle_is_an_error() {
        let bytes = written(&[ids(), ids()], &()).unwrap();
        for n in [0, 1, bytes.len() / 2] {
            let cut = kept(bytes[..n].to_vec());
            // The sections do not fit, or a section is cut.
            let read = Bundle::open(cut).and_then(|b| {
                b.sections
                    .iter()
                    .try_for_each(|&s| b.table.decode::<Ids>(s).map(drop))
            });
            assert!(read.is_err(), "{n} bytes");
        }
    }
}
