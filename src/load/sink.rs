//! Where every phase of loading writes its diagnostics, and what later
//! phases ask of it: whether a part of the data was read whole (so that
//! references into it can be checked) and whether it is clean (so that
//! rules over it are worth running).

use std::collections::BTreeSet;

use serde::de::{DeserializeOwned, IntoDeserializer};

use super::schema::{Located, Plain};
use crate::date::Date;
use crate::error::{Diagnostic, DiagnosticKind, Error};

/// A part of a data set, as the phases see it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Part {
    /// The folder and its files.
    Files,
    States,
    Sources,
    Organizations,
    Summits,
    Histories,
    Chairs,
    Officials,
    Events,
    Claims,
}

/// The diagnostics found so far.
#[derive(Debug, Default)]
pub(crate) struct Sink {
    diagnostics: Vec<Diagnostic>,
    /// Parts with a file that could not be read or parsed: ids defined in
    /// them are unknown, so references into them are not checked (they
    /// would all look unknown).
    unread: BTreeSet<Part>,
    /// Parts with any problem.
    faulty: BTreeSet<Part>,
}

impl Sink {
    /// Records a problem with `part`.
    pub fn error(&mut self, part: Part, d: Diagnostic) {
        self.faulty.insert(part);
        self.diagnostics.push(d);
    }

    /// Records a problem at `value` in the file `path`.
    pub fn at<T>(
        &mut self,
        part: Part,
        path: &str,
        value: &Located<T>,
        d: Diagnostic,
    ) {
        self.error(part, d.at(path, value.line, value.column));
    }

    /// Records that a file of `part` could not be read or parsed.
    pub fn unread(&mut self, part: Part, d: Diagnostic) {
        self.unread.insert(part);
        self.error(part, d);
    }

    /// Whether every file of `part` was read and parsed.
    pub fn read_whole(&self, part: Part) -> bool {
        !self.unread.contains(&part)
    }

    /// Whether `part` has no problem at all.
    pub fn clean(&self, part: Part) -> bool {
        !self.faulty.contains(&part)
    }

    /// Whether nothing at all is wrong so far.
    pub fn is_empty(&self) -> bool {
        self.diagnostics.is_empty()
    }

    /// Takes in what another sink found (a file checked on its own
    /// thread).
    pub fn merge(&mut self, other: Sink) {
        self.diagnostics.extend(other.diagnostics);
        self.unread.extend(other.unread);
        self.faulty.extend(other.faulty);
    }

    /// `value` when nothing is wrong, else every diagnostic.
    pub fn finish<T>(self, value: T) -> Result<T, Error> {
        if self.diagnostics.is_empty() {
            Ok(value)
        } else {
            Err(Error::data(self.diagnostics))
        }
    }
}

/// The file being converted: where its diagnostics go.
pub(crate) struct Cx<'a> {
    pub sink: &'a mut Sink,
    pub path: &'a str,
    pub part: Part,
    /// Set by every diagnostic: whether the entry in hand has a problem.
    pub flagged: bool,
}

impl<'a> Cx<'a> {
    pub fn new(sink: &'a mut Sink, path: &'a str, part: Part) -> Cx<'a> {
        Cx { sink, path, part, flagged: false }
    }

    /// Reports `d` at `value`.
    pub fn at<T>(&mut self, value: &Located<T>, d: Diagnostic) {
        self.flagged = true;
        self.sink.at(self.part, self.path, value, d);
    }

    /// The date `value` spells, or `None` after reporting why not.
    pub fn date(&mut self, value: &Located<Plain>) -> Option<Date> {
        match value.value.0.parse::<Date>() {
            Ok(d) => Some(d),
            Err(e) => {
                let message = e.to_string();
                self.at(
                    value,
                    Diagnostic::new(DiagnosticKind::InvalidDate, message)
                        .help("dates are YYYY-MM-DD, YYYY-MM or YYYY, as precise as the source"),
                );
                None
            }
        }
    }

    /// The date of an optional field, when it is there and readable.
    pub fn opt_date(
        &mut self,
        value: &Option<Located<Plain>>,
    ) -> Option<Date> {
        value.as_ref().and_then(|v| self.date(v))
    }

    /// The model value `T` that the keyword `value` names (by `T`'s serde
    /// name), or `None` after reporting the names it could be.
    pub fn keyword<T: DeserializeOwned>(
        &mut self,
        what: &str,
        value: &Located<Plain>,
    ) -> Option<T> {
        let text = value.value.0.as_str();
        let de = <&str as IntoDeserializer<Unknown>>::into_deserializer(text);
        match T::deserialize(de) {
            Ok(v) => Some(v),
            Err(Unknown(expected)) => {
                let d = Diagnostic::new(
                    DiagnosticKind::InvalidValue,
                    format!(
                        "unknown {what} `{text}`: expected {}",
                        either(expected)
                    ),
                );
                self.at(value, d);
                None
            }
        }
    }
}

/// `` `a`, `b` or `c` ``.
fn either(names: &[&str]) -> String {
    let quoted: Vec<String> = names.iter().map(|n| format!("`{n}`")).collect();
    match quoted.split_last() {
        Some((last, [])) => last.clone(),
        Some((last, rest)) => format!("{} or {last}", rest.join(", ")),
        None => String::new(),
    }
}

/// A keyword that names no variant: the names it could be.
#[derive(Debug)]
struct Unknown(&'static [&'static str]);

impl std::fmt::Display for Unknown {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "expected {}", either(self.0))
    }
}

impl std::error::Error for Unknown {}

impl serde::de::Error for Unknown {
    fn custom<M: std::fmt::Display>(_: M) -> Unknown {
        Unknown(&[])
    }

    fn unknown_variant(_: &str, expected: &'static [&'static str]) -> Unknown {
        Unknown(expected)
    }
}
