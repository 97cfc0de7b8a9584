//! The wide reader: COW's state-year file (`ccode`, `year`, `state`, then
//! one column per IGO) as a table of codes, every problem located. The
//! only part of the importer that knows the file's shape.

use std::collections::BTreeMap;

use super::number::{Number, number, shown};
use super::{CowState, Problems, Stream, organization_id};
use crate::error::{Diagnostic, DiagnosticKind};
use crate::import::records::{Record, Records};

/// Columns of the state-year file that are not IGOs.
const NOT_IGOS: [&str; 5] = ["ccode", "year", "state", "country", "version"];

/// The longest IGO column name, in bytes: its id names the
/// organisation's folder and, after `cow-igo-v3-`, its source. COW's
/// short names are at most 11 characters.
const MAX_NAME_BYTES: usize = 64;

/// The state-year table: IGO columns, and per state its rows by year.
#[derive(Default)]
pub(crate) struct Table {
    /// The IGO columns as the header names them.
    pub(crate) columns: Vec<String>,
    /// COW code -> year -> one code per column.
    pub(crate) rows: BTreeMap<u16, BTreeMap<i32, Vec<i8>>>,
    /// The file's first and last year.
    pub(crate) years: (i32, i32),
}

/// Where the header puts what a row is read by.
struct Columns {
    ccode: usize,
    year: usize,
    /// The field of each IGO column.
    igos: Vec<usize>,
    /// The header's number of fields.
    width: usize,
}

/// Reads the file, or as much of it as makes sense: a problem of the
/// text itself (not CSV, a limit passed) stops the reading, a problem in
/// a row skips the row.
pub(crate) fn read_state_year(
    input: Stream<'_>,
    known: &BTreeMap<u16, CowState>,
    problems: &mut Problems,
) -> Table {
    let name = input.name;
    let mut table = Table::default();
    let mut records = Records::new(name, input.reader);
    let mut rec = Record::default();
    match records.next(&mut rec) {
        Ok(true) => {}
        Ok(false) => {
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
        Err(d) => {
            problems.push(d);
            return table;
        }
    }
    let Some(columns) = header(name, &rec, problems) else { return table };
    table.columns =
        columns.igos.iter().map(|&i| rec.get(i).trim().to_string()).collect();
    let (mut first, mut last) = (i32::MAX, i32::MIN);
    while problems.next_row(&mut records, &mut rec) {
        let Some((ccode, year, codes)) =
            row(name, &rec, &columns, &table.columns, known, problems)
        else {
            continue;
        };
        let years = table.rows.entry(ccode).or_default();
        if years.insert(year, codes).is_some() {
            let (line, col) = rec.place(columns.ccode);
            problems.push(
                Diagnostic::new(
                    DiagnosticKind::DuplicateKey,
                    format!("a second row for ccode {ccode} in {year}"),
                )
                .at(name, line, col)
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

/// The header's columns; `None` when a row could not be read by it.
fn header(
    name: &str,
    rec: &Record,
    problems: &mut Problems,
) -> Option<Columns> {
    let lower: Vec<String> =
        rec.iter().map(|h| h.trim().to_ascii_lowercase()).collect();
    let find = |c: &str| lower.iter().position(|h| h == c);
    let (Some(ccode), Some(year)) = (find("ccode"), find("year")) else {
        for c in ["ccode", "year", "state"] {
            if find(c).is_none() {
                problems.push(missing_column(name, c));
            }
        }
        return None;
    };
    if find("state").is_none() {
        problems.push(missing_column(name, "state"));
    }
    let mut igos = Vec::new();
    let mut ids: BTreeMap<String, usize> = BTreeMap::new();
    let mut keys: BTreeMap<&str, usize> = BTreeMap::new();
    for (i, h) in rec.iter().enumerate() {
        let (line, col) = rec.place(i);
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
                    .at(name, line, col)
                    .help("a state-year file has one `ccode`, `year` and `state` column; remove the copy"),
                );
            }
            continue;
        }
        let id = organization_id(h);
        if h.trim().len() > MAX_NAME_BYTES {
            problems.push(
                Diagnostic::new(
                    DiagnosticKind::Limit,
                    format!(
                        "column name `{}` is over the limit of \
                         {MAX_NAME_BYTES} bytes",
                        shown(h.trim())
                    ),
                )
                .at(name, line, col)
                .help("an IGO column is named by COW's short name, at most 11 characters (`sco`, `eaec`): is the header right?"),
            );
            continue;
        }
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
        if let Some(first) = ids.insert(id, i) {
            problems.push(
                Diagnostic::new(
                    DiagnosticKind::DuplicateId,
                    format!(
                        "column `{}` names the same IGO as column `{}`",
                        shown(h),
                        shown(rec.get(first))
                    ),
                )
                .at(name, line, col)
                .help("each IGO has one column; remove the copy"),
            );
        }
        igos.push(i);
    }
    if igos.is_empty() {
        problems.push(
            Diagnostic::new(
                DiagnosticKind::MissingField,
                format!("`{name}` has no IGO column"),
            )
            .at(name, 1, 1)
            .help("after ccode, year and state, COW's file has one column per IGO"),
        );
    }
    Some(Columns { ccode, year, igos, width: rec.len() })
}

/// A row's state, year and codes; `None` (with the problem) when it
/// cannot be read.
fn row(
    name: &str,
    rec: &Record,
    columns: &Columns,
    igo_names: &[String],
    known: &BTreeMap<u16, CowState>,
    problems: &mut Problems,
) -> Option<(u16, i32, Vec<i8>)> {
    let at = |i: usize| {
        let (line, col) = rec.place(i);
        move |d: Diagnostic| d.at(name, line, col)
    };
    let line = rec.line();
    let width = columns.width;
    if rec.len() != width {
        let d = Diagnostic::new(
            DiagnosticKind::Syntax,
            format!(
                "line {line} has {} fields, the header {width}",
                rec.len()
            ),
        )
        .help(if rec.len() < width {
            "the file looks cut short: download it again"
        } else {
            "each row has one field per column of the header"
        });
        problems.push(at(rec.len().min(width))(d));
        return None;
    }
    let Some(ccode) = ccode(rec.get(columns.ccode).trim(), known) else {
        let text = rec.get(columns.ccode).trim();
        problems.push(at(columns.ccode)(ccode_problem(text)));
        return None;
    };
    let text = rec.get(columns.year).trim();
    let year = match number(text) {
        Number::Whole(y) if (1000..=9999).contains(&y) => y as i32,
        n => {
            problems.push(at(columns.year)(year_problem(text, n)));
            return None;
        }
    };
    let mut codes = Vec::with_capacity(columns.igos.len());
    for (&i, column) in columns.igos.iter().zip(igo_names) {
        // Most cells are a code as it is; spaces around one are rare.
        let text = rec.get(i);
        let c = code(text).or_else(|| code(text.trim()));
        codes.push(c.unwrap_or_else(|| {
            problems.push(at(i)(code_problem(text.trim(), column)));
            -9
        }));
    }
    Some((ccode, year, codes))
}

/// A COW code, most of them known without parsing.
fn code(text: &str) -> Option<i8> {
    match text {
        "0" => Some(0),
        "1" => Some(1),
        "-1" => Some(-1),
        "-9" => Some(-9),
        "2" => Some(2),
        "3" => Some(3),
        _ => match number(text) {
            Number::Whole(c @ (-9 | -1 | 0 | 1 | 2 | 3)) => Some(c as i8),
            _ => None,
        },
    }
}

/// A state's COW code, when it is one of COW's states.
fn ccode(text: &str, known: &BTreeMap<u16, CowState>) -> Option<u16> {
    match number(text) {
        Number::Whole(c) => {
            u16::try_from(c).ok().filter(|c| known.contains_key(c))
        }
        _ => None,
    }
}

fn ccode_problem(text: &str) -> Diagnostic {
    let list = "COW state numbers are listed in COW's state list (e.g. 2 USA, \
                710 China)";
    match number(text) {
        Number::Whole(c) => Diagnostic::new(
            DiagnosticKind::UnknownState,
            format!("ccode `{c}` is not a COW state"),
        )
        .help(list),
        Number::Fraction(whole) => Diagnostic::new(
            DiagnosticKind::InvalidValue,
            format!("ccode `{}` is not a whole number", shown(text)),
        )
        .help(must_be_whole("a ccode", whole)),
        Number::Not => Diagnostic::new(
            DiagnosticKind::InvalidValue,
            format!("ccode `{}` is not a number", shown(text)),
        )
        .help("the ccode column holds COW state numbers"),
    }
}

fn year_problem(text: &str, n: Number) -> Diagnostic {
    let d = |what: &str| {
        Diagnostic::new(
            DiagnosticKind::InvalidDate,
            format!("year `{}` is {what}", shown(text)),
        )
    };
    match n {
        Number::Fraction(whole) => {
            d("not a whole number").help(must_be_whole("a year", whole))
        }
        _ => d("not a year").help("the year column holds four-digit years"),
    }
}

fn code_problem(text: &str, column: &str) -> Diagnostic {
    const CODES: &str = "COW codes are -1 (IGO not in existence), 0 (no \
                         membership), 1 (full), 2 (associate), 3 (observer) \
                         and -9 (missing)";
    let (what, help) = match number(text) {
        Number::Fraction(whole) => (
            "not a whole number",
            format!("{}; {CODES}", must_be_whole("a code", whole)),
        ),
        _ => ("not a COW code", CODES.to_string()),
    };
    Diagnostic::new(
        DiagnosticKind::InvalidValue,
        format!("`{}` in column `{}` is {what}", shown(text), shown(column)),
    )
    .help(help)
}

/// The help for a number with a fraction where a whole one belongs.
pub(crate) fn must_be_whole(what: &str, whole: Option<i64>) -> String {
    match whole {
        Some(w) => format!(
            "{what} is a whole number: write `{w}` (a CSV written by pandas \
             from a column with a missing value has `.0`; the README, \
             \"Getting COW's file\", shows how to write whole numbers)"
        ),
        None => format!("{what} is a whole number, without a fraction"),
    }
}

fn missing_column(name: &str, column: &str) -> Diagnostic {
    Diagnostic::new(
        DiagnosticKind::MissingField,
        format!("`{name}` has no `{column}` column"),
    )
    .at(name, 1, 1)
    .help("COW's state-year file starts with the columns ccode, year, state")
}
