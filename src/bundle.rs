//! The bundled data's compact form: a table of every identifier, read in
//! place; the states and organisations; then each organisation's own facts
//! as a part of its own, decoded when first asked for; then the sources.
//!
//! `build.rs` writes it and [`KnowledgeGraph::bundled`] reads it. The
//! states and organisations are decoded at once; an organisation's
//! histories, summits, chairs, office terms, events and published counts
//! only when a question first needs them, so that starting costs the same
//! however many organisations the data holds.
//!
//! Facts cite identifiers and statuses by their number in the tables. An
//! identifier is made into an `Arc<str>` the first time a decoded fact
//! names it, and shared by every later fact that does (India's `IND` is
//! written once, not some hundred times): no string is copied twice,
//! checked as UTF-8 twice or hashed. Outside the decoding, ids and
//! statuses are read and written as text, as before.
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
    OrganizationId, Source, State, Summit,
};
use crate::status::Status;

/// What the bundle decodes at once.
#[derive(Debug, Default, Serialize, Deserialize)]
pub(crate) struct Core {
    pub states: Vec<State>,
    pub organizations: Vec<Organization>,
}

/// One organisation's own facts: what the bundle decodes when first
/// asked for.
#[derive(Debug, Default, Serialize, Deserialize)]
pub(crate) struct Facts {
    pub affiliations: Vec<Affiliation>,
    pub summits: Vec<Summit>,
    pub chairs: Vec<ChairTerm>,
    pub offices: Vec<OfficeTerm>,
    pub events: Vec<Event>,
    pub claims: Vec<Claim>,
}

/// `data` as the bundle holds it: the states and organisations, each
/// organisation's facts (in the order of `Core::organizations`, each in
/// the order of `data`) and the sources.
pub(crate) fn split(data: Dataset) -> (Core, Vec<Facts>, Vec<Source>) {
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
    (Core { states, organizations }, facts, sources)
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

/// Where the sections of a bundle are. After it: the table of ids, the
/// core, each part, the sources (written plainly, to the end).
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
    /// The core's length in bytes.
    core: u32,
    /// Each part's length in bytes.
    parts: Vec<u32>,
}

/// Writes `core` and each of `parts` in the compact form, followed by
/// `later`, written plainly (its ids as text), to be read on its own when
/// first needed.
///
/// # Errors
///
/// Whatever postcard reports, or a bundle over 4 GiB.
// build.rs writes the bundle; the library, in its tests and for the
// synthetic bundles of benchmarks.
#[cfg_attr(not(any(test, feature = "synth")), allow(dead_code))]
pub(crate) fn write<C: Serialize, P: Serialize, L: Serialize>(
    core: &C,
    parts: &[P],
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
    let body = postcard::to_allocvec(core).and_then(|core| {
        let parts = parts.iter().map(postcard::to_allocvec);
        Ok((core, parts.collect::<postcard::Result<Vec<_>>>()?))
    });
    let tables = WRITING.with_borrow_mut(Option::take).unwrap_or_default();
    drop(done);
    let (core, parts) = body?;
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
        core: size(core.len())?,
        parts: parts
            .iter()
            .map(|p| size(p.len()))
            .collect::<Result<_, _>>()?,
    };
    Ok([
        postcard::to_allocvec(&head)?,
        offsets,
        texts,
        core,
        parts.concat(),
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

/// A bundle written by [`write()`], open: its tables, and where the core,
/// each part and the rest are.
pub(crate) struct Bundle {
    /// The tables the core and the parts cite.
    pub table: Arc<Table>,
    core: &'static [u8],
    /// Each part, in the order of `write`'s.
    pub parts: Vec<&'static [u8]>,
    /// What `write` wrote plainly, last.
    pub later: &'static [u8],
}

impl Bundle {
    /// Reads where everything is in `bytes`, and the statuses; nothing
    /// else is decoded.
    ///
    /// # Errors
    ///
    /// Whatever postcard reports, or sections that do not fit in `bytes`.
    pub(crate) fn open(bytes: &'static [u8]) -> postcard::Result<Bundle> {
        let (head, mut rest) = postcard::take_from_bytes::<Head>(bytes)?;
        let mut take = |n: u32| {
            let n = n as usize;
            if n > rest.len() {
                return Err(postcard::Error::DeserializeUnexpectedEnd);
            }
            let (a, b) = rest.split_at(n);
            rest = b;
            Ok(a)
        };
        let table = take(head.table)?;
        let core = take(head.core)?;
        let parts = head.parts.iter().map(|&n| take(n));
        let parts = parts.collect::<postcard::Result<Vec<_>>>()?;
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
        Ok(Bundle { table, core, parts, later: rest })
    }

    /// The core: what the bundle decodes at once.
    ///
    /// # Errors
    ///
    /// Whatever postcard reports, or an id or status number outside the
    /// tables.
    pub(crate) fn core<T: Deserialize<'static>>(&self) -> postcard::Result<T> {
        self.table.decode(self.core)
    }
}

impl Table {
    /// Decodes `bytes`, the core or a part of this table's bundle.
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
        // One decoding at a time uses the ids made so far, and adds to
        // them; decoding never starts another.
        let mut made =
            self.made.lock().unwrap_or_else(PoisonError::into_inner);
        let reading = Reading {
            table: Arc::clone(self),
            made: std::mem::take(&mut made),
        };
        READING.with_borrow_mut(|r| *r = Some(reading));
        let _done = Done(made);
        postcard::from_bytes(bytes)
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
            self.made.resize(i + 1, None);
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

    #[test]
    fn ids_are_written_once_and_read_back_shared() {
        let later = vec![SourceId::new("a-source")];
        let part = vec![StateId::new("CHN"), StateId::new("IND")];
        let bytes = kept(write(&ids(), &[&part, &part], &later).unwrap());
        let count = |needle: &[u8]| {
            bytes.windows(needle.len()).filter(|w| *w == needle).count()
        };
        assert_eq!(count(b"IND"), 1);
        let bundle = Bundle::open(bytes).unwrap();
        let back: Ids = bundle.core().unwrap();
        assert_eq!(back, ids());
        assert!(std::ptr::eq(
            back.states[0].as_str(),
            back.states[2].as_str()
        ));
        // Each part on its own, sharing the ids the core made.
        assert_eq!(bundle.parts.len(), 2);
        let second: Vec<StateId> =
            bundle.table.decode(bundle.parts[1]).unwrap();
        assert_eq!(second, part);
        assert!(std::ptr::eq(second[1].as_str(), back.states[0].as_str()));
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
        };
        let states = vec![state("AAA", None), state("BBB", Some("B"))];
        let bytes = kept(write(&states, &[(); 0], &()).unwrap());
        let back: Vec<crate::model::State> =
            Bundle::open(bytes).unwrap().core().unwrap();
        assert_eq!(back, states);
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
            let _ = write(&(StateId::new("IND"), Boom), &[(); 0], &());
        });
        assert!(caught.is_err());
        let plain = postcard::to_allocvec(&StateId::new("PAK")).unwrap();
        assert_eq!(plain, b"\x03PAK");
    }

    #[test]
    fn a_number_outside_the_table_is_an_error() {
        let bytes = kept(write(&ids(), &[(); 0], &()).unwrap());
        let bundle = Bundle::open(bytes).unwrap();
        // A part citing id 7 and status 9 of tables that hold fewer.
        let bad = kept(vec![7]);
        let err = bundle.table.decode::<StateId>(bad).unwrap_err();
        assert!(matches!(err, postcard::Error::SerdeDeCustom), "{err:?}");
        let err = bundle.table.decode::<Status>(kept(vec![9])).unwrap_err();
        assert!(matches!(err, postcard::Error::SerdeDeCustom), "{err:?}");
        // The reading ended with the error, and the ids made stay usable.
        assert!(!reading());
        let back: Ids = bundle.core().unwrap();
        assert_eq!(back, ids());
    }

    #[test]
    fn a_cut_bundle_is_an_error() {
        let bytes = write(&ids(), &[ids()], &()).unwrap();
        for n in [0, 1, bytes.len() / 2] {
            let cut = kept(bytes[..n].to_vec());
            // The sections do not fit, or the core is cut.
            let read = Bundle::open(cut).and_then(|b| b.core::<Ids>());
            assert!(read.is_err(), "{n} bytes");
        }
    }
}
