//! Where every phase of loading writes its diagnostics, and what later
//! phases ask of it: whether a part of the data was read whole (so that
//! references into it can be checked) and whether it is clean (so that
//! rules over it are worth running).

use std::collections::BTreeSet;

use super::schema::Located;
use crate::error::{Diagnostic, Error};

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
