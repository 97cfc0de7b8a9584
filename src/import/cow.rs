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
//!
//! Bad input (a missing column, a code outside COW's, a `ccode` that is
//! not a COW state, a row cut short) is reported with file, line and
//! column, every problem found (up to [`MAX_PROBLEMS`]).

use std::collections::{BTreeMap, BTreeSet};

use crate::error::{Diagnostic, DiagnosticKind, Error};
use crate::export::yaml::document;
use crate::graph::KnowledgeGraph;
use crate::load::schema::{self, Located, Plain, Text, Whole};

pub use super::compare::{Comparison, Disagreement, Tally, compare};

/// COW's state list: abbreviation, COW code, name.
const COW_STATES: &str = include_str!("cow_states.csv");

/// The most problems reported for one import, the last of them saying
/// that reading stopped: past it, the file is almost surely not COW's,
/// and more lines would not help.
pub const MAX_PROBLEMS: usize = 50;

/// Columns of the state-year file that are not IGOs.
const NOT_IGOS: [&str; 5] = ["ccode", "year", "state", "country", "version"];

/// The address of the COW IGO dataset.
const COW_URL: &str = "https://correlatesofwar.org/data-sets/igos/";

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
    /// first of them, as a data folder's are.
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

/// One IGO-year row's facts of an IGO (from `igo_year_formatv3.csv`).
#[derive(Clone, Debug, Default)]
struct IgoFacts {
    orgname: String,
    longorgname: String,
    ionum: Option<u16>,
    sdate: String,
    deaddate: String,
}

/// Imports COW's state-year file (and, when given, its IGO-year file for
/// names and numbers) as a data folder.
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
    let mut problems = Problems::default();
    let known = cow_states();
    let table = read_state_year(state_year, &known, &mut problems);
    let facts = match igos {
        Some(f) => read_igos(f, &mut problems),
        None => BTreeMap::new(),
    };
    if !problems.list.is_empty() {
        return Err(Error::data(problems.finish()));
    }
    Ok(build(&table, &facts, &known, state_year.name))
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

/// The state-year table: IGO columns, and per state its rows by year.
pub(crate) struct Table {
    /// The IGO columns as the header names them.
    pub(crate) columns: Vec<String>,
    /// COW code -> year -> one code per column.
    pub(crate) rows: BTreeMap<u16, BTreeMap<i32, Vec<i8>>>,
    /// The file's first and last year.
    years: (i32, i32),
}

/// Where each field of the record that starts at byte `start` of `text`
/// begins, as (lines after the record's first, 1-based column), read as
/// the CSV reader reads it: a comma or line break inside quotes is text,
/// `""` inside quotes is one quote, and only `\n` inside quotes starts a
/// line. One more entry follows the last field: where a further field
/// would begin, or, in a record whose quote is never closed, where that
/// field begins.
fn field_starts(text: &str, start: usize) -> Vec<(u32, u32)> {
    let mut starts = vec![(0, 1)];
    let (mut line, mut col) = (0u32, 1u32);
    let (mut quoted, mut fresh) = (false, true);
    let mut chars = text.get(start..).unwrap_or("").chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '"' if fresh => quoted = true,
            '"' if quoted => {
                if chars.peek() == Some(&'"') {
                    chars.next();
                    col += 1;
                } else {
                    quoted = false;
                }
            }
            ',' if !quoted => {
                col += 1;
                starts.push((line, col));
                fresh = true;
                continue;
            }
            '\n' | '\r' if !quoted => break,
            '\n' => {
                (line, col) = (line + 1, 1);
                fresh = false;
                continue;
            }
            _ => {}
        }
        fresh = false;
        col += 1;
    }
    let end = match starts.last() {
        Some(&open) if quoted => open,
        _ => (line, col + 1),
    };
    starts.push(end);
    starts
}

/// The entry of `starts` for field `index` (the one after the last field
/// for an index beyond it).
fn field_start(starts: &[(u32, u32)], index: usize) -> (u32, u32) {
    starts.get(index).or(starts.last()).copied().unwrap_or((0, 1))
}

pub(crate) fn read_state_year(
    input: Input<'_>,
    known: &BTreeMap<u16, CowState>,
    problems: &mut Problems,
) -> Table {
    let mut table =
        Table { columns: Vec::new(), rows: BTreeMap::new(), years: (0, 0) };
    let name = input.name;
    let mut reader = csv::ReaderBuilder::new()
        .flexible(true)
        .has_headers(false)
        .from_reader(input.text.as_bytes());
    let mut records = reader.records();
    let header = match records.next() {
        Some(Ok(h)) => h,
        Some(Err(e)) => {
            problems.push(csv_error(name, &e));
            return table;
        }
        None => {
            problems.push(
                Diagnostic::new(
                    DiagnosticKind::Syntax,
                    format!("`{name}` is empty"),
                )
                .at(name, 1, 1)
                .help("give COW's state-year file, state_year_formatv3.csv"),
            );
            return table;
        }
    };
    let lower: Vec<String> =
        header.iter().map(|h| h.trim().to_ascii_lowercase()).collect();
    let find = |c: &str| lower.iter().position(|h| h == c);
    let (Some(ccode_at), Some(year_at)) = (find("ccode"), find("year")) else {
        for c in ["ccode", "year", "state"] {
            if find(c).is_none() {
                problems.push(missing_column(name, c));
            }
        }
        return table;
    };
    if find("state").is_none() {
        problems.push(missing_column(name, "state"));
    }
    // The column of each header field, computed once: a header of 534
    // names, or of many thousands in a hostile file, is read in one pass.
    // A byte order mark before `ccode` is no column's character.
    let bom = if input.text.starts_with('\u{feff}') { 3 } else { 0 };
    let header_starts = field_starts(input.text, bom);
    let line_of = |i: usize| 1 + field_start(&header_starts, i).0;
    let col_of = |i: usize| field_start(&header_starts, i).1;
    let mut igo_at = Vec::new();
    let mut ids: BTreeMap<String, usize> = BTreeMap::new();
    let mut keys: BTreeMap<&str, usize> = BTreeMap::new();
    for (i, h) in header.iter().enumerate() {
        if NOT_IGOS.contains(&lower[i].as_str()) {
            // A second `ccode`, `year` or `state` would be ignored: refused.
            if let Some(first) = keys.insert(lower[i].as_str(), i) {
                problems.push(
                    Diagnostic::new(
                        DiagnosticKind::DuplicateId,
                        format!(
                            "column `{}` again (first as column {})",
                            lower[i],
                            first + 1
                        ),
                    )
                    .at(name, line_of(i), col_of(i))
                    .help("a state-year file has one `ccode`, `year` and `state` column; remove the copy"),
                );
            }
            continue;
        }
        let (line, col) = (line_of(i), col_of(i));
        let id = organization_id(h);
        if id.is_empty() {
            problems.push(
                Diagnostic::new(
                    DiagnosticKind::InvalidValue,
                    format!("column {} has no name", i + 1),
                )
                .at(name, line, col)
                .help("every IGO column is named by COW's short name"),
            );
            continue;
        }
        if let Some(first) = ids.insert(id.clone(), i) {
            problems.push(
                Diagnostic::new(
                    DiagnosticKind::DuplicateId,
                    format!(
                        "column `{h}` names the same IGO as column `{}`",
                        &header[first]
                    ),
                )
                .at(name, line, col)
                .help("each IGO has one column; remove the copy"),
            );
        }
        igo_at.push(i);
        table.columns.push(h.trim().to_string());
    }
    if igo_at.is_empty() {
        problems.push(
            Diagnostic::new(
                DiagnosticKind::MissingField,
                format!("`{name}` has no IGO column"),
            )
            .at(name, 1, 1)
            .help("after ccode, year and state, COW's file has one column per IGO"),
        );
    }
    let width = header.len();
    let (mut first, mut last) = (i32::MAX, i32::MIN);
    for rec in records {
        if problems.full() {
            problems.stopped = true;
            break;
        }
        let rec = match rec {
            Ok(r) => r,
            Err(e) => {
                problems.push(csv_error(name, &e));
                continue;
            }
        };
        let pos = rec.position().cloned().unwrap_or_else(csv::Position::new);
        let (mut line, mut start) = (pos.line() as u32, pos.byte() as usize);
        // After a CRLF line end the CSV reader places the record at its
        // `\n`, and on the line before (rust-csv issue 395).
        if input.text.as_bytes().get(start) == Some(&b'\n') {
            (line, start) = (line + 1, start + 1);
        }
        // Where each field begins, found once for the row, when a problem
        // in it is first reported.
        let starts = std::cell::OnceCell::new();
        let place = |i| {
            field_start(
                starts.get_or_init(|| field_starts(input.text, start)),
                i,
            )
        };
        let line_at = |i: usize| line + place(i).0;
        let col_at = |i: usize| place(i).1;
        if rec.len() == 1 && rec[0].trim().is_empty() {
            continue;
        }
        if rec.len() != width {
            let cut = rec.len() < width;
            problems.push(
                Diagnostic::new(
                    DiagnosticKind::Syntax,
                    format!(
                        "line {line} has {} fields, the header {width}",
                        rec.len()
                    ),
                )
                .at(
                    name,
                    line_at(rec.len().min(width)),
                    col_at(rec.len().min(width)),
                )
                .help(if cut {
                    "the file looks cut short: download it again"
                } else {
                    "each row has one field per column of the header"
                }),
            );
            continue;
        }
        let ccode = match rec[ccode_at].trim().parse::<u16>() {
            Ok(c) if known.contains_key(&c) => c,
            Ok(c) => {
                problems.push(
                    Diagnostic::new(
                        DiagnosticKind::UnknownState,
                        format!("ccode `{c}` is not a COW state"),
                    )
                    .at(name, line_at(ccode_at), col_at(ccode_at))
                    .help("COW state numbers are listed in COW's state list (e.g. 2 USA, 710 China)"),
                );
                continue;
            }
            Err(_) => {
                problems.push(
                    Diagnostic::new(
                        DiagnosticKind::InvalidValue,
                        format!(
                            "ccode `{}` is not a number",
                            rec[ccode_at].trim()
                        ),
                    )
                    .at(name, line_at(ccode_at), col_at(ccode_at))
                    .help("the ccode column holds COW state numbers"),
                );
                continue;
            }
        };
        let year = match rec[year_at].trim().parse::<i32>() {
            Ok(y) if (1000..=9999).contains(&y) => y,
            _ => {
                problems.push(
                    Diagnostic::new(
                        DiagnosticKind::InvalidDate,
                        format!(
                            "year `{}` is not a year",
                            rec[year_at].trim()
                        ),
                    )
                    .at(name, line_at(year_at), col_at(year_at))
                    .help("the year column holds four-digit years"),
                );
                continue;
            }
        };
        let mut codes = Vec::with_capacity(igo_at.len());
        for &i in &igo_at {
            let text = rec[i].trim();
            match text.parse::<i8>() {
                Ok(c @ (-9 | -1 | 0 | 1 | 2 | 3)) => codes.push(c),
                _ => {
                    problems.push(
                        Diagnostic::new(
                            DiagnosticKind::InvalidValue,
                            format!(
                                "`{text}` in column `{}` is not a COW code",
                                &header[i]
                            ),
                        )
                        .at(name, line_at(i), col_at(i))
                        .help(
                            "COW codes are -1 (IGO not in existence), 0 (no \
                             membership), 1 (full), 2 (associate), 3 \
                             (observer) and -9 (missing)",
                        ),
                    );
                    codes.push(-9);
                }
            }
        }
        let years = table.rows.entry(ccode).or_default();
        if years.insert(year, codes).is_some() {
            problems.push(
                Diagnostic::new(
                    DiagnosticKind::DuplicateKey,
                    format!("a second row for ccode {ccode} in {year}"),
                )
                .at(name, line_at(ccode_at), col_at(ccode_at))
                .help("each state has one row per year"),
            );
        }
        first = first.min(year);
        last = last.max(year);
    }
    if table.rows.is_empty() && problems.list.is_empty() {
        problems.push(
            Diagnostic::new(
                DiagnosticKind::MissingField,
                format!("`{name}` has a header but no row"),
            )
            .at(name, 2, 1)
            .help("the file looks cut short: download it again"),
        );
    }
    table.years = (first, last);
    table
}

fn missing_column(name: &str, column: &str) -> Diagnostic {
    Diagnostic::new(
        DiagnosticKind::MissingField,
        format!("`{name}` has no `{column}` column"),
    )
    .at(name, 1, 1)
    .help("COW's state-year file starts with the columns ccode, year, state")
}

fn csv_error(name: &str, e: &csv::Error) -> Diagnostic {
    let (line, msg) = match e.kind() {
        csv::ErrorKind::Utf8 { pos, err } => (
            pos.as_ref().map_or(0, |p| p.line() as u32),
            format!("not UTF-8 text ({err})"),
        ),
        _ => (e.position().map_or(0, |p| p.line() as u32), e.to_string()),
    };
    Diagnostic::new(DiagnosticKind::Syntax, msg)
        .at(name, line, 1)
        .help("give COW's CSV file as distributed")
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

/// The IGO-year file's facts per IGO, keyed by organisation id.
fn read_igos(
    input: Input<'_>,
    problems: &mut Problems,
) -> BTreeMap<String, IgoFacts> {
    let name = input.name;
    let mut out = BTreeMap::new();
    let mut reader = csv::ReaderBuilder::new()
        .flexible(true)
        .from_reader(input.text.as_bytes());
    let header = match reader.headers() {
        Ok(h) => h.clone(),
        Err(e) => {
            problems.push(csv_error(name, &e));
            return out;
        }
    };
    let lower: Vec<String> =
        header.iter().map(|h| h.trim().to_ascii_lowercase()).collect();
    let find = |c: &str| lower.iter().position(|h| h == c);
    let Some(ioname) = find("ioname") else {
        problems.push(
            Diagnostic::new(
                DiagnosticKind::MissingField,
                format!("`{name}` has no `ioname` column"),
            )
            .at(name, 1, 1)
            .help("give COW's IGO-year file, igo_year_formatv3.csv"),
        );
        return out;
    };
    let get = |rec: &csv::StringRecord, c: &str| -> String {
        find(c)
            .and_then(|i| rec.get(i))
            .map(|s| s.trim().to_string())
            .unwrap_or_default()
    };
    for rec in reader.records() {
        let rec = match rec {
            Ok(r) => r,
            Err(e) => {
                problems.push(csv_error(name, &e));
                continue;
            }
        };
        if rec.len() != header.len() {
            let pos =
                rec.position().cloned().unwrap_or_else(csv::Position::new);
            problems.push(
                Diagnostic::new(
                    DiagnosticKind::Syntax,
                    format!(
                        "line {} has {} fields, the header {}",
                        pos.line(),
                        rec.len(),
                        header.len()
                    ),
                )
                .at(name, pos.line() as u32, 1)
                .help("the file looks cut short: download it again"),
            );
            continue;
        }
        let id = organization_id(&rec[ioname]);
        out.entry(id).or_insert_with(|| IgoFacts {
            orgname: get(&rec, "orgname"),
            longorgname: get(&rec, "longorgname"),
            ionum: get(&rec, "ionum")
                .split('.')
                .next()
                .and_then(|n| n.parse().ok()),
            sdate: get(&rec, "sdate"),
            deaddate: get(&rec, "deaddate"),
        });
    }
    out
}

fn text(s: impl Into<String>) -> Located<String> {
    Located::new(s.into())
}

fn plain(s: impl Into<String>) -> Located<Plain> {
    Located::new(Plain(s.into()))
}

fn cites(ids: &[&str]) -> schema::Cites {
    Located::new(ids.iter().map(|s| text(*s)).collect())
}

/// A status by COW code: its id and COW's words for the code.
fn status_of(code: i8) -> (&'static str, &'static str) {
    match code {
        1 => ("member", "full membership"),
        2 => ("associate", "associate membership"),
        3 => ("observer", "observer"),
        0 => ("none", "no membership"),
        -1 => (
            "unknown",
            "IGO not in existence, for this state inside the IGO's lifetime",
        ),
        _ => ("unknown", "missing data"),
    }
}

fn source_id(column: &str) -> String {
    format!("cow-igo-v3-{}", organization_id(column).to_ascii_lowercase())
}

fn build(
    table: &Table,
    facts: &BTreeMap<String, IgoFacts>,
    known: &BTreeMap<u16, CowState>,
    file: &str,
) -> Import {
    // The data names the file, not where it was on the importer's disk.
    let file = std::path::Path::new(file)
        .file_name()
        .and_then(|f| f.to_str())
        .unwrap_or(file);
    let bundled = KnowledgeGraph::bundled();
    let ours: BTreeMap<u16, &crate::model::State> =
        bundled.states().filter_map(|s| s.cow_code.map(|c| (c, s))).collect();
    let state_id = |c: u16| match ours.get(&c) {
        Some(s) => s.id.to_string(),
        None => format!("COW{c:03}"),
    };
    let mut notes = Vec::new();
    let mut files = Vec::new();
    let mut sources = Vec::new();
    let mut transitions = 0;
    let (first_year, last_year) = table.years;
    let mut used: BTreeSet<String> = BTreeSet::new();
    for (j, column) in table.columns.iter().enumerate() {
        let mut id = organization_id(column);
        // An id is one node's of the graph: a state's is not free (ours, or
        // a COW-only `COW255`), nor one an earlier column took.
        let taken = |id: &str| {
            bundled.state(id).is_some()
                || crate::load::cow_state_id(id).is_some()
                || used.contains(id)
        };
        if taken(&id) {
            let mut new = format!("{id}_IGO");
            while taken(&new) {
                new.push_str("_IGO");
            }
            notes.push(format!(
                "column `{column}`: `{id}` is a state's id or an earlier \
                 column's; the organisation is `{new}`"
            ));
            id = new;
        }
        used.insert(id.clone());
        let cite = source_id(column);
        // The lifetime: the years any state has a code other than -1.
        let mut alive = BTreeSet::new();
        for years in table.rows.values() {
            for (&y, codes) in years {
                if codes[j] != -1 {
                    alive.insert(y);
                }
            }
        }
        let (Some(&founded), Some(&end)) = (alive.first(), alive.last())
        else {
            notes.push(format!(
                "column `{column}` codes every year -1 (not in existence): \
                 not imported"
            ));
            continue;
        };
        if alive.len() as i32 != end - founded + 1 {
            notes.push(format!(
                "column `{column}`: some years between {founded} and {end} \
                 are coded -1 for every state; imported as `unknown` (export \
                 cow gives -9 there)"
            ));
        }
        let dissolved = (end < last_year).then(|| plain(end.to_string()));
        let f = facts.get(&organization_id(column));
        if let Some(f) = f {
            let said = |y: &str| y.strip_suffix(".0").unwrap_or(y).to_string();
            let dead =
                if end < last_year { end.to_string() } else { String::new() };
            if said(&f.sdate) != founded.to_string()
                || said(&f.deaddate) != dead
            {
                notes.push(format!(
                    "column `{column}`: the IGO-year file gives sdate {} and \
                     deaddate {}, the state-year codes {founded}-{end}; the \
                     codes are kept (both are in the organisation's note)",
                    or_none(&f.sdate),
                    or_none(&f.deaddate)
                ));
            }
        }
        let mut histories = Vec::new();
        let mut odd = 0;
        for (&ccode, years) in &table.rows {
            // The state's codes year by year; a year without a row (it
            // was not in the state system) is `none`, with `false`.
            let mut seq: Vec<(i32, i8, bool)> = Vec::new();
            for (&y, codes) in years.range(founded..=end) {
                // -1 for this state alone, or in a gap of the lifetime: no
                // information (`unknown`, as -9 is), its own run, so that
                // its note quotes COW's code.
                let c = codes[j];
                if c == -1 {
                    odd += usize::from(alive.contains(&y));
                }
                if let Some(&(p, _, _)) = seq.last()
                    && y > p + 1
                {
                    seq.push((p + 1, 0, false));
                }
                seq.push((y, c, true));
            }
            let Some(&(last_row, _, _)) = seq.last() else { continue };
            if last_row < end {
                seq.push((last_row + 1, 0, false));
            }
            let mut changes: Vec<(i32, i8, bool)> = Vec::new();
            let mut current = 0;
            for &(y, c, row) in &seq {
                if c != current {
                    changes.push((y, c, row));
                    current = c;
                }
            }
            let mut ts: Vec<Located<schema::Transition>> = Vec::new();
            for (k, &(from, code, row)) in changes.iter().enumerate() {
                let to = changes.get(k + 1).map_or(end, |n| n.0 - 1);
                let years = if from == to {
                    from.to_string()
                } else {
                    format!("{from}-{to}")
                };
                let note = if row {
                    format!(
                        "COW IGO v3 `{column}`: {code} ({}) in {years}",
                        status_of(code).1
                    )
                } else {
                    format!(
                        "COW IGO v3 has no row for this state in {years} \
                         (not in the state system)"
                    )
                };
                ts.push(Located::new(transition(
                    status_of(code).0,
                    from,
                    &cite,
                    note,
                )));
            }
            if ts.is_empty() {
                continue;
            }
            transitions += ts.len();
            histories.push(schema::History {
                state: text(state_id(ccode)),
                organization: None,
                transitions: Located::new(ts),
                note: None,
            });
        }
        if odd > 0 {
            notes.push(format!(
                "column `{column}`: {odd} state-years coded -1 while other \
                 states have codes; imported as `unknown` (export cow gives \
                 -9 there)"
            ));
        }
        histories.sort_by(|a, b| a.state.value.cmp(&b.state.value));
        let name = f
            .map(|f| f.orgname.clone())
            .filter(|n| !n.is_empty())
            .unwrap_or_else(|| id.clone());
        let mut note = format!(
            "Imported from COW IGO v3, column `{column}` of `{file}`: \
             {founded}-{end}."
        );
        if let Some(f) = f {
            note.push_str(&format!(
                " IGO-year file: sdate {}, deaddate {}.",
                or_none(&f.sdate),
                or_none(&f.deaddate)
            ));
        }
        let other_names = f
            .map(|f| f.longorgname.clone())
            .filter(|n| !n.is_empty() && *n != name)
            .map(Text)
            .into_iter()
            .collect();
        let org = schema::Organization {
            id: text(id.clone()),
            name: text(name.clone()),
            short_name: text(organization_id(column)),
            other_names,
            founded: plain(founded.to_string()),
            dissolved,
            headquarters: None,
            wikidata: None,
            predecessor: None,
            successor: None,
            cow_column: Some(text(column.clone())),
            cow_ionum: f.and_then(|f| f.ionum).map(|n| Located::new(Whole(n))),
            sources: cites(&[&cite]),
            note: Some(Text(note)),
            // COW's data speaks of its last year, no later.
            reviewed: Some(plain(format!("{last_year}-12-31"))),
            names: Vec::new(),
            statuses: vocabulary(),
        };
        let dir = id.to_ascii_lowercase();
        files.push((format!("{dir}/organization.yaml"), document([org])));
        files.push((format!("{dir}/statuses.yaml"), document(histories)));
        sources.push(schema::Source {
            id: text(cite.clone()),
            title: text(format!(
                "Correlates of War IGO v3.0, state-year data, column `{column}`{}",
                if name != id { format!(" ({name})") } else { String::new() }
            )),
            url: text(COW_URL),
            publisher: Some(Text("Correlates of War Project".into())),
            published: None,
            quote: Some(Text(format!(
                "column `{column}` of `{file}`, years {first_year}-{last_year}"
            ))),
            note: Some(Text(
                "Pevehouse, Nordstrom, McManus and Jamison (2020), \
                 'Tracking organizations in the world: The Correlates of \
                 War IGO Version 3.0 datasets', Journal of Peace Research \
                 57(3): 492-503, doi:10.1177/0022343319881175."
                    .into(),
            )),
        });
    }
    // The states, bundled ones by their ISO id with their own sources.
    let mut states = Vec::new();
    let mut state_sources = BTreeSet::new();
    for &ccode in table.rows.keys() {
        if let Some(s) = ours.get(&ccode) {
            state_sources.extend(s.sources.iter().map(|s| s.to_string()));
            states.push(bundled_state(s));
        } else {
            let cow = &known[&ccode];
            states.push(schema::State {
                id: text(state_id(ccode)),
                iso2: None,
                name: text(cow.name.clone()),
                official_name: None,
                aliases: Vec::new(),
                cow_code: Some(Located::new(Whole(ccode))),
                cow_abbrev: Some(text(cow.abbrev.clone())),
                wikidata: None,
                sources: cites(&["cow-state-list-igor"]),
                note: None,
            });
        }
    }
    states.sort_by(|a, b| a.id.value.cmp(&b.id.value));
    let n_states = states.len();
    sources.push(schema::Source {
        id: text("cow-state-list-igor"),
        title: text("COW country codes.csv (the Correlates of War state list) in igoR"),
        url: text("https://github.com/dieghernan/igoR/blob/c9936cac3f0fc117520e89f9a232e62dde1ce3e9/data-raw/COW%20country%20codes.csv"),
        publisher: Some(Text("dieghernan (igoR), copy of Correlates of War Project data".into())),
        published: None,
        quote: Some(Text("StateAbb,CCode,StateNme ... GMY,255,Germany ... KZK,705,Kazakhstan".into())),
        note: None,
    });
    for s in bundled.sources() {
        if state_sources.contains(s.id.as_str()) {
            sources.push(schema::Source {
                id: text(s.id.as_str()),
                title: text(s.title.clone()),
                url: text(s.url.clone()),
                publisher: Text::opt(s.publisher.as_deref()),
                published: s.published.map(|d| plain(d.to_string())),
                quote: Text::opt(s.quote.as_deref()),
                note: Text::opt(s.note.as_deref()),
            });
        }
    }
    sources.sort_by(|a, b| a.id.value.cmp(&b.id.value));
    let n_orgs = files.len() / 2;
    files.push(("states.yaml".into(), document(states)));
    files.push(("sources.yaml".into(), document(sources)));
    files.sort();
    Import {
        files,
        notes,
        organizations: n_orgs,
        states: n_states,
        transitions,
    }
}

fn or_none(s: &str) -> &str {
    if s.is_empty() { "none" } else { s.strip_suffix(".0").unwrap_or(s) }
}

fn transition(
    status: &str,
    year: i32,
    cite: &str,
    note: String,
) -> schema::Transition {
    schema::Transition {
        status: plain(status),
        date: Some(plain(year.to_string())),
        decided: None,
        effective: None,
        sources: cites(&[cite]),
        note: Some(Text(note)),
        summit: None,
        disputed: None,
    }
}

/// COW's three codes of membership as a vocabulary.
fn vocabulary() -> Vec<Located<schema::StatusDecl>> {
    [
        ("member", "full member", "full members", "member", 1),
        ("associate", "associate member", "associate members", "associate", 2),
        ("observer", "observer", "observers", "observer", 3),
    ]
    .into_iter()
    .map(|(id, label, plural, tier, cow)| {
        Located::new(schema::StatusDecl {
            id: text(id),
            label: text(label),
            plural: text(plural),
            tier: plain(tier),
            cow: Located::new(Whole(cow)),
        })
    })
    .collect()
}

fn bundled_state(s: &crate::model::State) -> schema::State {
    schema::State {
        id: text(s.id.as_str()),
        iso2: (!s.iso2.is_empty()).then(|| text(s.iso2.clone())),
        name: text(s.name.clone()),
        official_name: Text::opt(s.official_name.as_deref()),
        aliases: s.aliases.iter().map(|a| text(a.clone())).collect(),
        cow_code: s.cow_code.map(|c| Located::new(Whole(c))),
        cow_abbrev: s.cow_abbrev.as_deref().map(text),
        wikidata: s.wikidata.as_deref().map(text),
        sources: Located::new(
            s.sources.iter().map(|i| text(i.as_str())).collect(),
        ),
        note: Text::opt(s.note.as_deref()),
    }
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
    fn columns_count_characters_from_the_record_start() {
        let text = "ccode,year\n710,1996,ab\n";
        let at = |start, i| field_start(&field_starts(text, start), i);
        assert_eq!(at(0, 0), (0, 1));
        assert_eq!(at(0, 1), (0, 7));
        assert_eq!(at(11, 2), (0, 10));
        // Beyond the last field: where one more would begin.
        assert_eq!(at(11, 3), (0, 13));
    }

    #[test]
    fn columns_read_quotes_as_the_csv_reader_does() {
        // A quoted comma, a doubled quote and a quoted line break are
        // text, not field ends.
        let text = "\"a,b\",\"say \"\"x\"\"\",c\n\"two\nlines\",d,e\n";
        let at = |start, i| field_start(&field_starts(text, start), i);
        assert_eq!(at(0, 1), (0, 7));
        assert_eq!(at(0, 2), (0, 19));
        let second = text.find("\"two").unwrap();
        assert_eq!(at(second, 1), (1, 8));
        assert_eq!(at(second, 2), (1, 10));
        // Beyond the last field: where one more would begin.
        assert_eq!(at(0, 9), (0, 21));
        // A lone carriage return inside quotes is text, as the reader
        // reads it; a quote never closed is where its field begins.
        let text = "a,\"b\rc\",d\n1,\"open,2\n";
        let at = |start, i| field_start(&field_starts(text, start), i);
        assert_eq!(at(0, 2), (0, 9));
        let open = text.find("1,").unwrap();
        assert_eq!(at(open, 1), (0, 3));
        assert_eq!(at(open, 5), (0, 3));
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
