//! The Correlates of War (COW) IGO v3 state-year file
//! (`state_year_formatv3.csv`: `ccode`, `year`, `state`, then one column
//! per IGO named by its short name) as a data folder of this crate.
//!
//! - Every IGO column is an organisation: its id is the short name in
//!   capitals (`SCO`, `EAEC`), its `cow_column` the name as COW writes it,
//!   its `cow_ionum` COW's number when the IGO-year file
//!   (`igo_year_formatv3.csv`) is given too, which also gives its name.
//!   Its vocabulary is COW's: `member` (code 1), `associate` (2),
//!   `observer` (3).
//! - Its lifetime is the years in which any state has a code other than -1
//!   ("IGO not in existence"): founded in the first such year, dissolved
//!   in the last when that is before the file's last year (COW codes an
//!   IGO's memberships through the year it ended, its `deaddate`). Both
//!   dates are years.
//! - Every run of one code is a transition at year precision, in the
//!   first year of the run: 0 `none`, 1 `member`, 2 `associate`,
//!   3 `observer`, -9 `unknown` (missing data: uncertain, never guessed).
//!   A year inside the lifetime coded -1 for one state while others have
//!   codes is `unknown` too. Where a state has no row (it was not in the
//!   state system: Germany 1946-1990), its status becomes `none`.
//!   A question about a day inside a transition's year is answered as
//!   uncertain.
//! - Every transition cites the source of its column (COW IGO v3, the
//!   column named in its quote) and its note gives the code and years.
//! - States are joined to the bundled states by COW code: a state the
//!   bundled `states.yaml` knows keeps its ISO alpha-3 id, names and
//!   sources there; any other is `COW` and its three-digit COW code
//!   (`COW255`, Germany), named from COW's state list (`cow_states.csv`,
//!   igoR's `data-raw/COW country codes.csv`, commit
//!   `c9936cac3f0fc117520e89f9a232e62dde1ce3e9`).
//!
//! [`compare`] sets the file beside our record, cell by cell.
//! Bad input is reported with file, line and column, every problem found
//! (up to [`MAX_PROBLEMS`]): a missing column, a code outside COW's, a
//! `ccode` that is not a COW state, a number with a fraction where a
//! whole one belongs (`710.0`), a row cut short, rows of the IGO-year
//! file that disagree about one IGO. A file that is not CSV text (a
//! compressed file, a workbook, a NUL byte, bytes that are not UTF-8) or
//! that passes a limit ([`MAX_LINE_BYTES`], [`MAX_FIELD_BYTES`],
//! [`MAX_COLUMNS`], [`MAX_FILE_BYTES`]) stops the reading where it is
//! found: files are read as they stream ([`import_stream`]), so memory
//! and time stay proportional to what is valid.
//!
//! The importer works in three steps, each in its own file: read
//! (`state_year.rs`, the wide reader, and `igos.rs`), check (the loader,
//! on the texts), build (`build.rs`); [`write_folder`] writes the folder.
//!
//! [`write_folder`]: crate::import::write_folder

use std::collections::BTreeMap;
use std::io::Read;

use crate::error::{Diagnostic, DiagnosticKind, Error};

pub use super::compare::{
    Comparison, Disagreement, Tally, compare, compare_stream,
};
pub use super::records::{
    MAX_COLUMNS, MAX_FIELD_BYTES, MAX_FILE_BYTES, MAX_LINE_BYTES,
};
pub(crate) use state_year::read_state_year;

mod build;
pub(crate) mod holders;
mod igos;
mod number;
mod state_year;

/// COW's state list: abbreviation, COW code, name.
const COW_STATES: &str = include_str!("cow_states.csv");

/// The most problems reported for one import, the last of them saying
/// that reading stopped: past it, the file is almost surely not COW's,
/// and more lines would not help.
pub const MAX_PROBLEMS: usize = 50;

/// A file to import: its name (as diagnostics show it) and its text.
#[derive(Clone, Copy, Debug)]
pub struct Input<'a> {
    /// The name diagnostics give it (`state_year_formatv3.csv`).
    pub name: &'a str,
    /// Its text.
    pub text: &'a str,
}

impl Input<'_> {
    /// The text of a file read as `bytes`, named `name` in diagnostics:
    /// bytes that are not UTF-8 are refused at the line and column of the
    /// first of them, as a data folder's are. [`import_stream`] reads a
    /// file without holding it whole.
    ///
    /// # Errors
    ///
    /// The file is not UTF-8 text.
    ///
    /// # Example
    ///
    /// ```
    /// use igo_graph::import::cow::Input;
    ///
    /// assert_eq!(Input::text("f.csv", b"ccode\n".to_vec())?, "ccode\n");
    /// let err = Input::text("f.csv", b"ccode\n\xff".to_vec()).unwrap_err();
    /// assert!(err.to_string().starts_with("f.csv:2:1: error[syntax]"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn text(name: &str, bytes: Vec<u8>) -> Result<String, Error> {
        String::from_utf8(bytes).map_err(|e| {
            let at = e.utf8_error().valid_up_to();
            let (line, column) = crate::load::files::line_col(&e.as_bytes()[..at]);
            Error::one(
                Diagnostic::new(
                    DiagnosticKind::Syntax,
                    format!("the file is not UTF-8 text (byte {at})"),
                )
                .at(name, line, column)
                .help("give COW's CSV file as distributed, or convert it to UTF-8"),
            )
        })
    }
}

/// A file to import as it is read: its name (as diagnostics show it) and
/// its bytes. Only one line of it is held at a time.
pub struct Stream<'a> {
    /// The name diagnostics give it (`state_year_formatv3.csv`).
    pub name: &'a str,
    /// Its bytes (a `File`, `&[u8]`, standard input ...).
    pub reader: &'a mut dyn Read,
}

impl std::fmt::Debug for Stream<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Stream").field("name", &self.name).finish()
    }
}

/// An imported data folder: its files, and what the import could not
/// carry over exactly.
#[derive(Clone, Debug)]
pub struct Import {
    /// `(path, text)` of every file of the data folder, sorted by path.
    pub files: Vec<(String, String)>,
    /// Remarks for the user: cells the folder represents otherwise than
    /// COW codes them (and so `igo export cow` does not give back).
    pub notes: Vec<String>,
    /// How many organisations it holds.
    pub organizations: usize,
    /// How many states.
    pub states: usize,
    /// How many transitions.
    pub transitions: usize,
}

/// Imports COW's state-year file (and, when given, its IGO-year file for
/// names and numbers) as a data folder, from their texts.
///
/// # Errors
///
/// An [`Error`] of kind [`ErrorKind::Data`](crate::ErrorKind::Data) with
/// one located diagnostic per problem found in either file.
///
/// # Example
///
/// ```
/// use igo_graph::KnowledgeGraph;
/// use igo_graph::import::cow::{Input, import};
///
/// let text = "ccode,year,state,sco\n710,1995,chn,-1\n710,1996,chn,1\n\
///             750,1995,ind,-1\n750,1996,ind,0\n";
/// let input = Input { name: "state_year_formatv3.csv", text };
/// let folder = import(input, None)?;
/// let kg = KnowledgeGraph::from_texts(folder.files)?;
/// let sco = kg.organization("SCO").unwrap();
/// assert_eq!(sco.founded.to_string(), "1996");
/// let snap = kg.snapshot("SCO", "1997-01-01".parse()?, Default::default())?;
/// assert_eq!(snap.members, ["CHN"]);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn import(
    state_year: Input<'_>,
    igos: Option<Input<'_>>,
) -> Result<Import, Error> {
    let mut text = state_year.text.as_bytes();
    let state_year = Stream { name: state_year.name, reader: &mut text };
    let mut igo_text = igos.map_or(&b""[..], |i| i.text.as_bytes());
    let igos = igos.map(|i| Stream { name: i.name, reader: &mut igo_text });
    import_stream(state_year, igos, None)
}

/// Imports COW's state-year file (and, when given, its IGO-year file) as
/// a data folder, reading each as it streams: a line at a time, each
/// within [`MAX_LINE_BYTES`], so that a file of any shape costs little.
///
/// The folder's organisations are reviewed on 31 December of the file's
/// last year, or on `today` when that is earlier (the library never
/// reads the clock: a file that reaches into the current year then gives
/// a folder that loads today).
///
/// # Errors
///
/// As [`import`]; a file that is not CSV text, or that passes a limit,
/// is reported where that is found, and not read further.
///
/// # Example
///
/// ```
/// use igo_graph::import::cow::{Stream, import_stream};
///
/// let mut file = &b"ccode,year,state,sco\n710,1996,chn,1\n"[..];
/// let input = Stream { name: "state_year_formatv3.csv", reader: &mut file };
/// assert_eq!(import_stream(input, None, None)?.organizations, 1);
///
/// let mut gzip = &b"\x1f\x8b\x08\x00\x00\x00"[..];
/// let input = Stream { name: "state_year.csv.gz", reader: &mut gzip };
/// let err = import_stream(input, None, None).unwrap_err();
/// assert!(err.to_string().contains("compressed with gzip"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn import_stream(
    state_year: Stream<'_>,
    igos: Option<Stream<'_>>,
    today: Option<crate::Date>,
) -> Result<Import, Error> {
    let mut problems = Problems::default();
    let known = cow_states();
    let name = state_year.name;
    let table = read_state_year(state_year, &known, &mut problems);
    let facts = match igos {
        Some(f) => igos::read_igos(f, &mut problems),
        None => BTreeMap::new(),
    };
    if !problems.list.is_empty() {
        return Err(Error::data(problems.finish()));
    }
    Ok(build::build(&table, &facts, &known, (name, today)))
}

/// Problems found so far, up to [`MAX_PROBLEMS`]; past it, reading
/// stops.
#[derive(Default)]
pub(crate) struct Problems {
    pub(crate) list: Vec<Diagnostic>,
    stopped: bool,
}

impl Problems {
    fn push(&mut self, d: Diagnostic) {
        if self.list.len() < MAX_PROBLEMS - 1 {
            self.list.push(d);
        } else {
            self.stopped = true;
        }
    }

    /// Reads the next row that is not blank into `rec`: false at the end
    /// of the file, at a problem of the file itself (noted), or once too
    /// many problems are found (reading stops, and says so).
    pub(crate) fn next_row(
        &mut self,
        records: &mut crate::import::records::Records<'_>,
        rec: &mut crate::import::records::Record,
    ) -> bool {
        loop {
            if self.full() {
                self.stopped = true;
                return false;
            }
            match records.next(rec) {
                Ok(true) if rec.is_blank() => continue,
                Ok(true) => return true,
                Ok(false) => return false,
                Err(d) => {
                    self.push(d);
                    return false;
                }
            }
        }
    }

    fn full(&self) -> bool {
        self.list.len() >= MAX_PROBLEMS - 1
    }

    pub(crate) fn finish(mut self) -> Vec<Diagnostic> {
        if self.stopped {
            self.list.push(
                Diagnostic::new(
                    DiagnosticKind::Limit,
                    format!(
                        "stopped after {} problems: the rest of the file \
                         was not read",
                        MAX_PROBLEMS - 1
                    ),
                )
                .help("is it COW's state-year file, as distributed?"),
            );
        }
        self.list
    }
}

/// A COW state: abbreviation and name.
pub(crate) struct CowState {
    pub(crate) abbrev: String,
    name: String,
}

pub(crate) fn cow_states() -> BTreeMap<u16, CowState> {
    let mut out = BTreeMap::new();
    for line in COW_STATES.lines().skip(1) {
        let mut parts = line.splitn(3, ',');
        let (Some(abbrev), Some(code), Some(name)) =
            (parts.next(), parts.next(), parts.next())
        else {
            continue;
        };
        if let Ok(code) = code.parse() {
            out.entry(code).or_insert(CowState {
                abbrev: abbrev.to_string(),
                name: name.to_string(),
            });
        }
    }
    out
}

/// An organisation id from a COW short name: capitals, digits and `_`.
fn organization_id(column: &str) -> String {
    column
        .trim()
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '_' })
        .collect::<String>()
        .to_ascii_uppercase()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn organisation_ids_from_cow_short_names() {
        assert_eq!(organization_id("sco"), "SCO");
        assert_eq!(organization_id(" Wassen "), "WASSEN");
        assert_eq!(organization_id("acp-eu"), "ACP_EU");
    }

    #[test]
    fn the_state_list_has_every_cow_state_once() {
        let states = cow_states();
        assert_eq!(states.len(), 217);
        assert_eq!(states[&255].abbrev, "GMY");
        assert_eq!(states[&705].name, "Kazakhstan");
    }

    #[test]
    fn runs_of_codes_become_year_transitions() {
        let text = "ccode,year,state,x\n2,2000,usa,-1\n2,2001,usa,1\n\
                    2,2002,usa,-9\n2,2003,usa,1\n2,2004,usa,0\n\
                    20,2000,can,-1\n20,2001,can,0\n20,2002,can,0\n\
                    20,2003,can,0\n20,2004,can,0\n";
        let folder =
            import(Input { name: "f.csv", text }, None).expect("imports");
        let (_, statuses) =
            folder.files.iter().find(|(p, _)| p == "x/statuses.yaml").unwrap();
        let steps: Vec<&str> = statuses
            .lines()
            .filter_map(|l| l.trim().strip_prefix("- status: "))
            .collect();
        assert_eq!(steps, ["member", "unknown", "member", "none"]);
        // Canada, coded 0 throughout, has no history.
        assert!(!statuses.contains("COW020"));
        let (_, org) = folder
            .files
            .iter()
            .find(|(p, _)| p == "x/organization.yaml")
            .unwrap();
        assert!(org.contains("founded: 2001"));
        assert!(!org.contains("dissolved"));
    }
}
