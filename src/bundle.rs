//! The bundled data's compact form: a table of every identifier and
//! status, then the data, citing them by their place in the table.
//!
//! `build.rs` writes it and [`KnowledgeGraph::bundled`] reads it. Decoded
//! this way, each identifier is one `Arc<str>` shared by every fact that
//! names it (India's `IND` is written once, not some hundred times), and
//! reading an id or a status costs a number and a table lookup: no string
//! is copied, checked as UTF-8 or hashed. Outside these two calls ids and
//! statuses are read and written as text, as before.
//!
//! [`KnowledgeGraph::bundled`]: crate::KnowledgeGraph::bundled

use std::cell::RefCell;
use std::collections::HashMap;
use std::fmt;
use std::sync::Arc;

use serde::de::{Error as _, Visitor};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::status::Status;

/// The tables being filled while the data is written.
#[derive(Default)]
struct Writing {
    ids: HashMap<Arc<str>, u32>,
    id_order: Vec<Arc<str>>,
    statuses: Vec<Status>,
}

/// The tables the data being read cites.
struct Reading {
    ids: Vec<Arc<str>>,
    statuses: Vec<Status>,
}

thread_local! {
    static WRITING: RefCell<Option<Writing>> = const { RefCell::new(None) };
    static READING: RefCell<Option<Reading>> = const { RefCell::new(None) };
}

/// The tables, as the bundle stores them before the data.
#[derive(Serialize, Deserialize)]
struct Tables<'a> {
    #[serde(borrow)]
    ids: Vec<&'a str>,
    statuses: Vec<Status>,
}

/// Writes `data` in the compact form, followed by `later`, written
/// plainly (its ids as text), to be read on its own when first needed.
///
/// # Errors
///
/// Whatever postcard reports.
// build.rs writes the bundle; the library, only in its tests.
#[cfg_attr(not(test), allow(dead_code))]
pub(crate) fn write<T: Serialize, U: Serialize>(
    data: &T,
    later: &U,
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
    let body = postcard::to_allocvec(data);
    let tables = WRITING.with_borrow_mut(Option::take).unwrap_or_default();
    drop(done);
    let body = body?;
    let ids = tables.id_order.iter().map(|s| &**s).collect();
    let head =
        postcard::to_allocvec(&Tables { ids, statuses: tables.statuses })?;
    Ok([head, body, postcard::to_allocvec(later)?].concat())
}

/// Reads data written by [`write()`], and returns it with the bytes of the
/// part to read later (with `postcard::from_bytes`).
///
/// # Errors
///
/// Whatever postcard reports, or an id or status number outside the
/// table.
pub(crate) fn read<'de, T: Deserialize<'de>>(
    bytes: &'de [u8],
) -> postcard::Result<(T, &'de [u8])> {
    let (tables, body) = postcard::take_from_bytes::<Tables<'_>>(bytes)?;
    let ids = tables.ids.into_iter().map(Arc::from).collect();
    let reading = Reading { ids, statuses: tables.statuses };
    /// Ends the reading even if decoding unwinds.
    struct Done;
    impl Drop for Done {
        fn drop(&mut self) {
            READING.with_borrow_mut(|r| *r = None);
        }
    }
    READING.with_borrow_mut(|r| *r = Some(reading));
    let _done = Done;
    postcard::take_from_bytes(body)
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
    if READING.with_borrow(Option::is_some) {
        let n = u32::deserialize(d)?;
        READING
            .with_borrow(|r| r.as_ref()?.ids.get(n as usize).cloned())
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
    READING.with_borrow(|r| r.as_ref()?.statuses.get(n as usize).copied())
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
    struct Facts {
        states: Vec<StateId>,
        statuses: Vec<Status>,
    }

    fn facts() -> Facts {
        let ind = StateId::new("IND");
        Facts {
            states: vec![ind.clone(), StateId::new("PAK"), ind],
            statuses: vec![Status::MEMBER, Status::OBSERVER, Status::MEMBER],
        }
    }

    #[test]
    fn ids_are_written_once_and_read_back_shared() {
        let later = vec![SourceId::new("a-source")];
        let bytes = write(&facts(), &later).unwrap();
        let count = |needle: &[u8]| {
            bytes.windows(needle.len()).filter(|w| *w == needle).count()
        };
        assert_eq!(count(b"IND"), 1);
        let (back, rest): (Facts, _) = read(&bytes).unwrap();
        assert_eq!(back, facts());
        assert!(std::ptr::eq(
            back.states[0].as_str(),
            back.states[2].as_str()
        ));
        // The rest is plain postcard, read outside the tables.
        let later_back: Vec<SourceId> = postcard::from_bytes(rest).unwrap();
        assert_eq!(later_back, later);
        // Outside `read`, ids are text again.
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
        let bytes = write(&states, &()).unwrap();
        let (back, _): (Vec<crate::model::State>, _) = read(&bytes).unwrap();
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
            let _ = write(&(StateId::new("IND"), Boom), &());
        });
        assert!(caught.is_err());
        let plain = postcard::to_allocvec(&StateId::new("PAK")).unwrap();
        assert_eq!(plain, b"\x03PAK");
    }

    #[test]
    fn a_number_outside_the_table_is_an_error() {
        let bytes = write(&facts(), &()).unwrap();
        // Cut the tables to no ids: every id number is then out of range.
        let (_, body) =
            postcard::take_from_bytes::<Tables<'_>>(&bytes).unwrap();
        let empty = Tables { ids: Vec::new(), statuses: Vec::new() };
        let bad =
            [postcard::to_allocvec(&empty).unwrap(), body.to_vec()].concat();
        let err = read::<Facts>(&bad).unwrap_err();
        assert!(matches!(err, postcard::Error::SerdeDeCustom), "{err:?}");
        // The reading ended with the error.
        assert!(!reading());
    }
}
