//! COW's IGO-year file (`igo_year_formatv3.csv`: one row per IGO and
//! year) as the facts of each IGO: its name, long names, number, start
//! and end. Every row of an IGO repeats its `orgname`, `ionum`, `sdate`
//! and `deaddate`: rows that differ in them, or two IGOs with one
//! `ionum`, are refused, located, never settled by taking the first.
//! `longorgname` may change over the years (the International Wine
//! Office became the International Vine and Wine Office in 1965): each
//! is kept.

use std::collections::BTreeMap;

use super::number::{Number, number, shown};
use super::state_year::must_be_whole;
use super::{Problems, Stream, organization_id};
use crate::error::{Diagnostic, DiagnosticKind};
use crate::import::records::{Record, Records};

/// The facts of an IGO from the IGO-year file.
#[derive(Clone, Debug, Default)]
pub(crate) struct IgoFacts {
    pub(crate) orgname: String,
    /// Every `longorgname`, in the order of the rows.
    pub(crate) longnames: Vec<String>,
    pub(crate) ionum: Option<u16>,
    pub(crate) sdate: Option<i32>,
    pub(crate) deaddate: Option<i32>,
    /// `ioname` as its first row writes it, and that row's line.
    ioname: String,
    line: u32,
}

/// Where the header puts the columns read.
struct Columns {
    ioname: usize,
    orgname: Option<usize>,
    longorgname: Option<usize>,
    ionum: Option<usize>,
    sdate: Option<usize>,
    deaddate: Option<usize>,
    width: usize,
}

/// The IGO-year file's facts per IGO, keyed by organisation id.
pub(crate) fn read_igos(
    input: Stream<'_>,
    problems: &mut Problems,
) -> BTreeMap<String, IgoFacts> {
    let name = input.name;
    let mut out = BTreeMap::new();
    let mut records = Records::new(name, input.reader);
    let mut rec = Record::default();
    let columns = match records.next(&mut rec) {
        Ok(true) => columns(&rec),
        Ok(false) => None,
        Err(d) => return stop(problems, d, out),
    };
    let Some(columns) = columns else {
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
    let mut numbers: BTreeMap<u16, (String, u32)> = BTreeMap::new();
    while problems.next_row(&mut records, &mut rec) {
        let Some((id, facts)) = row(name, &rec, &columns, problems) else {
            continue;
        };
        match out.get_mut(&id) {
            Some(first) => same_igo(name, &rec, &columns, first, &facts)
                .map_or((), |d| problems.push(d)),
            None => {
                if let Some(n) = facts.ionum {
                    let (first, line) = numbers
                        .entry(n)
                        .or_insert_with(|| (id.clone(), facts.line));
                    if *first != id {
                        let d = Diagnostic::new(
                            DiagnosticKind::DuplicateId,
                            format!(
                                "ionum `{n}` is `{id}`'s here, `{first}`'s on \
                                 line {line}"
                            ),
                        )
                        .help("each IGO has its own ionum: correct the row that differs");
                        problems.push(at(name, &rec, columns.ionum)(d));
                        continue;
                    }
                }
                out.insert(id, facts);
            }
        }
    }
    out
}

fn stop(
    problems: &mut Problems,
    d: Diagnostic,
    out: BTreeMap<String, IgoFacts>,
) -> BTreeMap<String, IgoFacts> {
    problems.push(d);
    out
}

fn columns(rec: &Record) -> Option<Columns> {
    let lower: Vec<String> =
        rec.iter().map(|h| h.trim().to_ascii_lowercase()).collect();
    let find = |c: &str| lower.iter().position(|h| h == c);
    Some(Columns {
        ioname: find("ioname")?,
        orgname: find("orgname"),
        longorgname: find("longorgname"),
        ionum: find("ionum"),
        sdate: find("sdate"),
        deaddate: find("deaddate"),
        width: rec.len(),
    })
}

/// Locates a diagnostic at field `i` of `rec` (the record's start when
/// the file has no such column).
fn at<'a>(
    name: &'a str,
    rec: &Record,
    i: Option<usize>,
) -> impl Fn(Diagnostic) -> Diagnostic + 'a {
    let (line, col) = i.map_or((rec.line(), 1), |i| rec.place(i));
    move |d| d.at(name, line, col)
}

/// A row's organisation id and facts; `None` (with the problem) when it
/// cannot be read.
fn row(
    name: &str,
    rec: &Record,
    c: &Columns,
    problems: &mut Problems,
) -> Option<(String, IgoFacts)> {
    if rec.len() != c.width {
        let d = Diagnostic::new(
            DiagnosticKind::Syntax,
            format!(
                "line {} has {} fields, the header {}",
                rec.line(),
                rec.len(),
                c.width
            ),
        )
        .help("the file looks cut short: download it again");
        problems.push(at(name, rec, Some(rec.len().min(c.width)))(d));
        return None;
    }
    let get = |i: Option<usize>| i.map_or("", |i| rec.get(i).trim());
    let ioname = get(Some(c.ioname));
    let id = organization_id(ioname);
    if id.is_empty() {
        let d = Diagnostic::new(
            DiagnosticKind::MissingField,
            format!("line {} names no IGO: its ioname is empty", rec.line()),
        )
        .help("each row of the IGO-year file names its IGO in ioname");
        problems.push(at(name, rec, Some(c.ioname))(d));
        return None;
    }
    let mut bad = false;
    let mut whole = |i: Option<usize>, what: &str, range: (i64, i64)| {
        let text = get(i);
        match number(text) {
            _ if text.is_empty() => None,
            Number::Whole(n) if (range.0..=range.1).contains(&n) => Some(n),
            n => {
                let d = number_problem(text, what, n);
                problems.push(at(name, rec, i)(d));
                bad = true;
                None
            }
        }
    };
    let ionum = whole(c.ionum, "ionum", (0, i64::from(u16::MAX)));
    let sdate = whole(c.sdate, "sdate", (1000, 9999));
    let deaddate = whole(c.deaddate, "deaddate", (1000, 9999));
    if bad {
        return None;
    }
    let longname = get(c.longorgname);
    let facts = IgoFacts {
        orgname: get(c.orgname).to_string(),
        longnames: (!longname.is_empty())
            .then(|| longname.to_string())
            .into_iter()
            .collect(),
        ionum: ionum.map(|n| n as u16),
        sdate: sdate.map(|n| n as i32),
        deaddate: deaddate.map(|n| n as i32),
        ioname: ioname.to_string(),
        line: rec.line(),
    };
    Some((id, facts))
}

fn number_problem(text: &str, what: &str, n: Number) -> Diagnostic {
    let (is, help) = match (n, what) {
        (Number::Fraction(w), _) => {
            ("not a whole number", must_be_whole(what, w))
        }
        (_, "ionum") => (
            "not an IGO number",
            "ionum is COW's number of the IGO, a whole number".to_string(),
        ),
        _ => ("not a year", format!("{what} is a four-digit year, or empty")),
    };
    Diagnostic::new(
        DiagnosticKind::InvalidValue,
        format!("{what} `{}` is {is}", shown(text)),
    )
    .help(help)
}

/// A later row of an IGO against its first: the problem when they
/// differ in a fact that every row repeats.
fn same_igo(
    name: &str,
    rec: &Record,
    c: &Columns,
    first: &mut IgoFacts,
    this: &IgoFacts,
) -> Option<Diagnostic> {
    let opt =
        |n: Option<i32>| n.map_or("empty".to_string(), |n| format!("`{n}`"));
    let differs: Option<(&str, Option<usize>, String, String)> = if !first
        .ioname
        .eq_ignore_ascii_case(&this.ioname)
    {
        let (a, b) = (shown(&this.ioname), shown(&first.ioname));
        Some(("ioname", Some(c.ioname), format!("`{a}`"), format!("`{b}`")))
    } else if first.orgname != this.orgname {
        let (a, b) = (shown(&this.orgname), shown(&first.orgname));
        Some(("orgname", c.orgname, format!("`{a}`"), format!("`{b}`")))
    } else if first.ionum != this.ionum {
        let n = |n: Option<u16>| opt(n.map(i32::from));
        Some(("ionum", c.ionum, n(this.ionum), n(first.ionum)))
    } else if first.sdate != this.sdate {
        Some(("sdate", c.sdate, opt(this.sdate), opt(first.sdate)))
    } else if first.deaddate != this.deaddate {
        Some(("deaddate", c.deaddate, opt(this.deaddate), opt(first.deaddate)))
    } else {
        None
    };
    let Some((what, i, here, there)) = differs else {
        for l in &this.longnames {
            if !first.longnames.contains(l) {
                first.longnames.push(l.clone());
            }
        }
        return None;
    };
    let id = organization_id(&this.ioname);
    let d = Diagnostic::new(
        DiagnosticKind::DuplicateId,
        format!(
            "`{id}` has {what} {here} here, {there} on line {}",
            first.line
        ),
    )
    .help(format!(
        "the rows of one IGO repeat its ioname, orgname, ionum, sdate and \
         deaddate: correct the row that differs ({what})"
    ));
    Some(at(name, rec, i)(d))
}
