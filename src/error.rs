//! The crate's one error type, [`Error`]: opaque, with a [`kind`] and the
//! located [`Diagnostic`]s behind it, in the manner of rust-csv and jiff.
//!
//! [`kind`]: Error::kind

use std::fmt;

/// What kind of problem a [`Diagnostic`] reports.
///
/// Each kind has a stable short code, shown in messages as
/// `error[unknown-state]`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum DiagnosticKind {
    /// A file could not be read (missing, unreadable, not UTF-8, too large).
    Io,
    /// The text is not valid YAML.
    Syntax,
    /// A field that the format does not know (often a typo).
    UnknownField,
    /// A required field is absent.
    MissingField,
    /// A value of the wrong type (a list where text belongs ...).
    WrongType,
    /// The same key twice in one mapping.
    DuplicateKey,
    /// The same identifier defined twice.
    DuplicateId,
    /// A malformed identifier or value.
    InvalidValue,
    /// A state id that `states.yaml` does not define.
    UnknownState,
    /// A source id that `sources.yaml` does not define.
    UnknownSource,
    /// An organisation id that no `organization.yaml` defines.
    UnknownOrganization,
    /// A summit id that no `summits.yaml` defines.
    UnknownSummit,
    /// A fact with no source.
    MissingSource,
    /// A malformed or impossible date.
    InvalidDate,
    /// Dates in the wrong order (transitions, decision after effect ...).
    OutOfOrder,
    /// A rule of the domain is broken (a status repeated, a status outside
    /// the organisation's lifetime ...).
    Domain,
    /// A question that cannot be answered as asked (unknown state, a query
    /// date without a day ...).
    Query,
    /// A resource limit was reached: file size, line length, nesting depth,
    /// alias expansion (see the README's reliability section).
    Limit,
    /// An export could not be written or rendered (a closed writer,
    /// Graphviz missing or failing).
    Export,
}

impl DiagnosticKind {
    /// The stable short code, e.g. `unknown-state`.
    pub fn code(self) -> &'static str {
        match self {
            DiagnosticKind::Io => "io",
            DiagnosticKind::Syntax => "syntax",
            DiagnosticKind::UnknownField => "unknown-field",
            DiagnosticKind::MissingField => "missing-field",
            DiagnosticKind::WrongType => "wrong-type",
            DiagnosticKind::DuplicateKey => "duplicate-key",
            DiagnosticKind::DuplicateId => "duplicate-id",
            DiagnosticKind::InvalidValue => "invalid-value",
            DiagnosticKind::UnknownState => "unknown-state",
            DiagnosticKind::UnknownSource => "unknown-source",
            DiagnosticKind::UnknownOrganization => "unknown-organization",
            DiagnosticKind::UnknownSummit => "unknown-summit",
            DiagnosticKind::MissingSource => "missing-source",
            DiagnosticKind::InvalidDate => "invalid-date",
            DiagnosticKind::OutOfOrder => "out-of-order",
            DiagnosticKind::Domain => "domain",
            DiagnosticKind::Query => "query",
            DiagnosticKind::Export => "export",
            DiagnosticKind::Limit => "limit",
        }
    }
}

/// Where a problem is: a file, and a 1-based line and column when known.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct Location {
    /// The file, as given to the loader (e.g. `data/sco/statuses.yaml`).
    pub path: String,
    /// 1-based line, 0 when unknown.
    pub line: u32,
    /// 1-based column, 0 when unknown.
    pub column: u32,
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.line == 0 {
            write!(f, "{}", self.path)
        } else {
            write!(f, "{}:{}:{}", self.path, self.line, self.column)
        }
    }
}

/// One problem found in the data or in a question.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct Diagnostic {
    /// What kind of problem.
    pub kind: DiagnosticKind,
    /// Where, when it is in a file.
    pub location: Option<Location>,
    /// What is wrong, naming the value.
    pub message: String,
    /// What to do about it, when there is advice.
    pub help: Option<String>,
}

impl Diagnostic {
    pub(crate) fn new(
        kind: DiagnosticKind,
        message: impl Into<String>,
    ) -> Self {
        Diagnostic {
            kind,
            location: None,
            message: message.into(),
            help: None,
        }
    }

    pub(crate) fn at(mut self, path: &str, line: u32, column: u32) -> Self {
        self.location =
            Some(Location { path: path.to_string(), line, column });
        self
    }

    pub(crate) fn help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }

    /// The help for an unknown id: the nearest of `known` as "did you
    /// mean", else `otherwise`. The one place that words a suggestion.
    pub(crate) fn suggest<'a>(
        self,
        wanted: &str,
        known: impl IntoIterator<Item = &'a str>,
        otherwise: impl Into<String>,
    ) -> Self {
        match did_you_mean(wanted, known) {
            Some(m) => self.help(format!("did you mean `{m}`?")),
            None => self.help(otherwise),
        }
    }
}

impl fmt::Display for Diagnostic {
    /// `path:line:column: error[code]: message`, then `  = help: ...`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(loc) = &self.location {
            write!(f, "{loc}: ")?;
        }
        write!(f, "error[{}]: {}", self.kind.code(), self.message)?;
        if let Some(help) = &self.help {
            write!(f, "\n  = help: {help}")?;
        }
        Ok(())
    }
}

/// What kind of failure an [`Error`] is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ErrorKind {
    /// The data is invalid or could not be read: every problem found is in
    /// [`Error::diagnostics`], each with its file, line and column.
    Data,
    /// A question that cannot be answered as asked: an unknown state or
    /// organisation, a month where a day is needed.
    Query,
    /// A text that is not a date (`2024-13-01`, `yesterday`).
    Date,
    /// A text that is not a status or a basis.
    Parse,
    /// Writing or rendering an export failed (a closed writer, Graphviz
    /// missing or failing). An I/O failure is kept as
    /// [`source`](std::error::Error::source).
    Export,
}

/// The error of every fallible operation in this crate.
///
/// Opaque: ask its [`kind`](Error::kind), its
/// [`diagnostics`](Error::diagnostics) (loading reports every problem it
/// finds, not just the first), and, for I/O failures, its
/// [`source`](std::error::Error::source).
///
/// # Example
///
/// ```
/// use igo_graph::{Date, ErrorKind, KnowledgeGraph};
///
/// let err = "2024-13-01".parse::<Date>().unwrap_err();
/// assert_eq!(err.kind(), ErrorKind::Date);
/// assert_eq!(err.to_string(), "`2024-13-01` is not a day of the calendar");
///
/// let err = KnowledgeGraph::bundled().history("INDD").unwrap_err();
/// assert_eq!(err.kind(), ErrorKind::Query);
/// assert_eq!(err.diagnostics()[0].help.as_deref(), Some("did you mean `IND`?"));
/// ```
#[derive(Debug)]
pub struct Error(Box<Inner>);

#[derive(Debug)]
struct Inner {
    kind: ErrorKind,
    diagnostics: Vec<Diagnostic>,
    source: Option<std::io::Error>,
}

/// The crate's `Result`, with [`Error`] as its error.
pub type Result<T, E = Error> = std::result::Result<T, E>;

impl Error {
    /// Invalid data: every diagnostic found.
    pub(crate) fn data(diagnostics: Vec<Diagnostic>) -> Error {
        debug_assert!(!diagnostics.is_empty());
        Error::with(ErrorKind::Data, diagnostics)
    }

    fn with(kind: ErrorKind, diagnostics: Vec<Diagnostic>) -> Error {
        Error(Box::new(Inner { kind, diagnostics, source: None }))
    }

    /// One diagnostic; the error's kind follows from the diagnostic's.
    pub(crate) fn one(d: Diagnostic) -> Error {
        let kind = match d.kind {
            DiagnosticKind::Query => ErrorKind::Query,
            DiagnosticKind::Export => ErrorKind::Export,
            _ => ErrorKind::Data,
        };
        Error::with(kind, vec![d])
    }

    /// One diagnostic of `kind` without a location.
    pub(crate) fn msg(
        kind: DiagnosticKind,
        message: impl Into<String>,
    ) -> Error {
        Error::one(Diagnostic::new(kind, message))
    }

    /// A text that is not a value of its type.
    pub(crate) fn parse(kind: ErrorKind, message: impl Into<String>) -> Error {
        let d = Diagnostic::new(DiagnosticKind::InvalidValue, message);
        Error::with(kind, vec![d])
    }

    /// An I/O failure while writing, kept as the source.
    pub(crate) fn io(context: impl fmt::Display, e: std::io::Error) -> Error {
        let mut err =
            Error::msg(DiagnosticKind::Export, format!("{context}: {e}"));
        err.0.source = Some(e);
        err
    }

    /// What kind of failure this is.
    pub fn kind(&self) -> ErrorKind {
        self.0.kind
    }

    /// Every problem found, in file order.
    pub fn diagnostics(&self) -> &[Diagnostic] {
        &self.0.diagnostics
    }

    /// The diagnostics, owned.
    pub fn into_diagnostics(self) -> Vec<Diagnostic> {
        self.0.diagnostics
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // A date or value that does not parse reads as its message alone.
        if matches!(self.kind(), ErrorKind::Date | ErrorKind::Parse)
            && let [d] = self.diagnostics()
        {
            return f.write_str(&d.message);
        }
        for (i, d) in self.diagnostics().iter().enumerate() {
            if i > 0 {
                writeln!(f)?;
            }
            write!(f, "{d}")?;
        }
        Ok(())
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        self.0.source.as_ref().map(|e| e as _)
    }
}

impl From<std::io::Error> for Error {
    fn from(e: std::io::Error) -> Error {
        Error::io("cannot write", e)
    }
}

/// A value as a message shows it: characters outside printable ASCII
/// escaped, so that an invisible or look-alike character is seen.
pub(crate) fn shown(id: &str) -> String {
    id.chars()
        .map(|c| {
            if c.is_ascii_graphic() || c == ' ' {
                c.to_string()
            } else {
                format!("\\u{{{:x}}}", c as u32)
            }
        })
        .collect()
}

/// The longest id that gets a suggestion: beyond it, a typo is unlikely
/// and the comparison would cost more than it is worth.
const LONGEST_SUGGESTED: usize = 64;

/// The closest of `candidates` to `wanted` (case-insensitive
/// optimal-string-alignment distance: `Indai` is one step from `India`),
/// if it is close enough to be a likely typo. Candidates whose length
/// alone rules them out are not compared, so a call costs at most
/// `candidates x 64 x 64` steps.
fn did_you_mean<'a>(
    wanted: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<&'a str> {
    let w = wanted.to_lowercase();
    let n = w.chars().count();
    if n > LONGEST_SUGGESTED {
        return None;
    }
    let limit = (n / 3).max(1);
    candidates
        .into_iter()
        .filter(|c| c.len() <= 4 * LONGEST_SUGGESTED)
        .filter(|c| c.chars().count().abs_diff(n) <= limit)
        .map(|c| (strsim::osa_distance(&w, &c.to_lowercase()), c))
        .filter(|(dist, _)| *dist <= limit)
        .min()
        .map(|(_, c)| c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggests_near_ids_only() {
        let ids = ["IND", "IDN", "IRN", "CHN"];
        assert!(matches!(did_you_mean("INDD", ids), Some("IND")));
        assert_eq!(did_you_mean("XYZQ", ids), None);
        assert_eq!(did_you_mean("hindu-2005", ["hindu-2005-obs"]), None);
        assert_eq!(
            did_you_mean("hindu-2005-obsrver", ["hindu-2005-observer"]),
            Some("hindu-2005-observer")
        );
    }
}
