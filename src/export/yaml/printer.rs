//! Any `Serialize` value as canonical YAML: strings double-quoted,
//! [`Plain`](crate::load::schema::Plain) scalars, numbers and enum
//! variants plain, lists of scalars in flow style, lists of mappings as
//! block lists, absent values left out. In a mapping, `sources` and `note`
//! follow its other scalar fields, and nested block lists come last.

use std::fmt;
use std::fmt::Write as _;

use serde::Serialize;
use serde::ser::{self, Impossible};

use super::quote;
use crate::load::schema::{PLAIN, Plain};

/// A serialized value.
enum Tree {
    Text(String),
    Plain(String),
    Seq(Vec<Tree>),
    Map(Vec<(String, Tree)>),
    Absent,
}

/// Only values the data format can hold serialize; anything else (a map
/// with non-text keys, bytes) is a bug in the format, reported as text.
#[derive(Debug)]
pub(crate) struct Unsupported(String);

impl fmt::Display for Unsupported {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for Unsupported {}

impl ser::Error for Unsupported {
    fn custom<T: fmt::Display>(msg: T) -> Unsupported {
        Unsupported(msg.to_string())
    }
}

fn tree<T: Serialize + ?Sized>(v: &T) -> Tree {
    v.serialize(Ser).unwrap_or_else(|e| {
        unreachable!(
            "the data format holds only text, numbers, lists and mappings: {e}"
        )
    })
}

/// The plain spelling of a value: a unit enum variant's serde name, a
/// number, a text.
pub(crate) fn plain<T: Serialize + ?Sized>(v: &T) -> Plain {
    match tree(v) {
        Tree::Text(s) | Tree::Plain(s) => Plain(s),
        _ => Plain(String::new()),
    }
}

/// A data file: a YAML list of `entries` (`[]` when there are none).
pub(crate) fn document<T: Serialize>(
    entries: impl IntoIterator<Item = T>,
) -> String {
    let mut out = String::new();
    for e in entries {
        if let Tree::Map(fields) = tree(&e) {
            map(&mut out, 0, &fields);
        }
    }
    if out.is_empty() { "[]\n".to_string() } else { out }
}

fn is_block(t: &Tree) -> bool {
    matches!(t, Tree::Seq(items) if items.iter().any(|i| matches!(i, Tree::Map(_))))
}

/// One mapping as a list item at `indent`.
fn map(out: &mut String, indent: usize, fields: &[(String, Tree)]) {
    let last = |k: &str| k == "sources" || k == "note";
    let present = fields.iter().filter(|(_, v)| !matches!(v, Tree::Absent));
    let scalars = present.clone().filter(|(k, v)| !is_block(v) && !last(k));
    let closing = ["sources", "note"].into_iter().filter_map(|name| {
        present.clone().find(|(k, v)| k == name && !is_block(v))
    });
    let blocks = present.clone().filter(|(_, v)| is_block(v));
    let pad = " ".repeat(indent);
    let mut first = true;
    for (key, value) in scalars.chain(closing).chain(blocks) {
        let lead = if first { "- " } else { "  " };
        first = false;
        if let Tree::Seq(items) = value
            && is_block(value)
        {
            let _ = writeln!(out, "{pad}{lead}{key}:");
            for item in items {
                if let Tree::Map(f) = item {
                    map(out, indent + 4, f);
                }
            }
        } else {
            let _ = writeln!(out, "{pad}{lead}{key}: {}", inline(value));
        }
    }
}

fn inline(t: &Tree) -> String {
    match t {
        Tree::Text(s) => quote(s),
        Tree::Plain(s) => s.clone(),
        Tree::Seq(items) => {
            let items: Vec<String> = items.iter().map(inline).collect();
            format!("[{}]", items.join(", "))
        }
        Tree::Map(_) | Tree::Absent => String::new(),
    }
}

/// The serializer into a [`Tree`].
struct Ser;

type R = Result<Tree, Unsupported>;

fn number(n: impl fmt::Display) -> R {
    Ok(Tree::Plain(n.to_string()))
}

impl ser::Serializer for Ser {
    type Ok = Tree;
    type Error = Unsupported;
    type SerializeSeq = Seq;
    type SerializeTuple = Seq;
    type SerializeTupleStruct = Seq;
    type SerializeTupleVariant = Impossible<Tree, Unsupported>;
    type SerializeMap = Map;
    type SerializeStruct = Map;
    type SerializeStructVariant = Impossible<Tree, Unsupported>;

    fn serialize_bool(self, v: bool) -> R {
        number(v)
    }
    fn serialize_i8(self, v: i8) -> R {
        number(v)
    }
    fn serialize_i16(self, v: i16) -> R {
        number(v)
    }
    fn serialize_i32(self, v: i32) -> R {
        number(v)
    }
    fn serialize_i64(self, v: i64) -> R {
        number(v)
    }
    fn serialize_u8(self, v: u8) -> R {
        number(v)
    }
    fn serialize_u16(self, v: u16) -> R {
        number(v)
    }
    fn serialize_u32(self, v: u32) -> R {
        number(v)
    }
    fn serialize_u64(self, v: u64) -> R {
        number(v)
    }
    fn serialize_f32(self, v: f32) -> R {
        number(v)
    }
    fn serialize_f64(self, v: f64) -> R {
        number(v)
    }
    fn serialize_char(self, v: char) -> R {
        Ok(Tree::Text(v.to_string()))
    }
    fn serialize_str(self, v: &str) -> R {
        Ok(Tree::Text(v.to_string()))
    }
    fn serialize_bytes(self, _: &[u8]) -> R {
        Err(ser::Error::custom("bytes"))
    }
    fn serialize_none(self) -> R {
        Ok(Tree::Absent)
    }
    fn serialize_some<T: Serialize + ?Sized>(self, v: &T) -> R {
        v.serialize(self)
    }
    fn serialize_unit(self) -> R {
        Ok(Tree::Absent)
    }
    fn serialize_unit_struct(self, _: &'static str) -> R {
        Ok(Tree::Absent)
    }
    fn serialize_unit_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
    ) -> R {
        Ok(Tree::Plain(variant.to_string()))
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        name: &'static str,
        v: &T,
    ) -> R {
        match v.serialize(self)? {
            Tree::Text(s) if name == PLAIN => Ok(Tree::Plain(s)),
            other => Ok(other),
        }
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        _: &T,
    ) -> R {
        Err(ser::Error::custom(format!("variant {variant} with a value")))
    }
    fn serialize_seq(self, len: Option<usize>) -> Result<Seq, Unsupported> {
        Ok(Seq(Vec::with_capacity(len.unwrap_or(0))))
    }
    fn serialize_tuple(self, len: usize) -> Result<Seq, Unsupported> {
        self.serialize_seq(Some(len))
    }
    fn serialize_tuple_struct(
        self,
        _: &'static str,
        len: usize,
    ) -> Result<Seq, Unsupported> {
        self.serialize_seq(Some(len))
    }
    fn serialize_tuple_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        _: usize,
    ) -> Result<Self::SerializeTupleVariant, Unsupported> {
        Err(ser::Error::custom(format!("variant {variant} with values")))
    }
    fn serialize_map(self, len: Option<usize>) -> Result<Map, Unsupported> {
        Ok(Map { fields: Vec::with_capacity(len.unwrap_or(0)), key: None })
    }
    fn serialize_struct(
        self,
        _: &'static str,
        len: usize,
    ) -> Result<Map, Unsupported> {
        self.serialize_map(Some(len))
    }
    fn serialize_struct_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        _: usize,
    ) -> Result<Self::SerializeStructVariant, Unsupported> {
        Err(ser::Error::custom(format!("variant {variant} with fields")))
    }
}

struct Seq(Vec<Tree>);

impl ser::SerializeSeq for Seq {
    type Ok = Tree;
    type Error = Unsupported;
    fn serialize_element<T: Serialize + ?Sized>(
        &mut self,
        v: &T,
    ) -> Result<(), Unsupported> {
        self.0.push(v.serialize(Ser)?);
        Ok(())
    }
    fn end(self) -> R {
        Ok(Tree::Seq(self.0))
    }
}

impl ser::SerializeTuple for Seq {
    type Ok = Tree;
    type Error = Unsupported;
    fn serialize_element<T: Serialize + ?Sized>(
        &mut self,
        v: &T,
    ) -> Result<(), Unsupported> {
        ser::SerializeSeq::serialize_element(self, v)
    }
    fn end(self) -> R {
        ser::SerializeSeq::end(self)
    }
}

impl ser::SerializeTupleStruct for Seq {
    type Ok = Tree;
    type Error = Unsupported;
    fn serialize_field<T: Serialize + ?Sized>(
        &mut self,
        v: &T,
    ) -> Result<(), Unsupported> {
        ser::SerializeSeq::serialize_element(self, v)
    }
    fn end(self) -> R {
        ser::SerializeSeq::end(self)
    }
}

struct Map {
    fields: Vec<(String, Tree)>,
    key: Option<String>,
}

impl ser::SerializeMap for Map {
    type Ok = Tree;
    type Error = Unsupported;
    fn serialize_key<T: Serialize + ?Sized>(
        &mut self,
        k: &T,
    ) -> Result<(), Unsupported> {
        match k.serialize(Ser)? {
            Tree::Text(s) | Tree::Plain(s) => {
                self.key = Some(s);
                Ok(())
            }
            _ => Err(ser::Error::custom("a mapping key that is not text")),
        }
    }
    fn serialize_value<T: Serialize + ?Sized>(
        &mut self,
        v: &T,
    ) -> Result<(), Unsupported> {
        let key = self.key.take().unwrap_or_default();
        self.fields.push((key, v.serialize(Ser)?));
        Ok(())
    }
    fn end(self) -> R {
        Ok(Tree::Map(self.fields))
    }
}

impl ser::SerializeStruct for Map {
    type Ok = Tree;
    type Error = Unsupported;
    fn serialize_field<T: Serialize + ?Sized>(
        &mut self,
        key: &'static str,
        v: &T,
    ) -> Result<(), Unsupported> {
        self.fields.push((key.to_string(), v.serialize(Ser)?));
        Ok(())
    }
    fn skip_field(&mut self, _: &'static str) -> Result<(), Unsupported> {
        Ok(())
    }
    fn end(self) -> R {
        Ok(Tree::Map(self.fields))
    }
}
