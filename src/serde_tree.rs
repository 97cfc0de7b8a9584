//! Any `Serialize` value as a small tree of text: the one place that
//! turns the crate's serde names into text. The canonical YAML printer
//! (`export::yaml`) prints the tree; the model's `as_str` methods read an
//! enum variant's serde name from it, so that a keyword is spelled once,
//! in its `#[serde]` attributes.

use std::fmt;

use serde::Serialize;
use serde::ser::{self, Impossible};

/// The name under which a plain scalar (a keyword or a date, written
/// without quotes) reaches a serializer as a newtype struct; other
/// serializers see the text itself.
pub(crate) const PLAIN: &str = "igo::plain";

/// A serialized value.
pub(crate) enum Tree {
    /// Text, written quoted.
    Text(String),
    /// A number, a [`PLAIN`] scalar: written as it is.
    Plain(String),
    /// A unit enum variant, by its serde name.
    Variant(&'static str),
    /// A list.
    Seq(Vec<Tree>),
    /// A mapping, in field order.
    Map(Vec<(String, Tree)>),
    /// `None`, or a unit.
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

/// `v` as a tree.
pub(crate) fn tree<T: Serialize + ?Sized>(v: &T) -> Tree {
    v.serialize(Ser).unwrap_or_else(|e| {
        unreachable!(
            "the data format holds only text, numbers, lists and mappings: {e}"
        )
    })
}

/// The serde name of a unit enum variant (`Status::DIALOGUE_PARTNER` ->
/// `dialogue_partner`); empty for any other value.
pub(crate) fn variant_name<T: Serialize + ?Sized>(v: &T) -> &'static str {
    match tree(v) {
        Tree::Variant(name) => name,
        _ => "",
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
        Ok(Tree::Variant(variant))
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
            Tree::Variant(s) => {
                self.key = Some(s.to_string());
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
