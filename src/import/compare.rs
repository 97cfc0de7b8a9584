//! COW IGO v3's state-year file beside our record: every state-year where
//! our record, coded by COW's rules (`export::cow`: the status held on
//! 31 December, the year an organisation ceased by the last status held
//! in it, -9 where the status is uncertain), differs from COW's cell.
//!
//! An organisation of the data is compared with the column its
//! `cow_column` names; several may name one column (COW's `SCO` covers
//! the Shanghai Five and the SCO): each year is compared with the one
//! that existed on 31 December, else the one that ceased in the year.

use std::collections::BTreeMap;

use serde::Serialize;

use super::cow::{Input, Problems, Stream, cow_states, read_state_year};
use crate::date::Date;
use crate::error::{Error, ErrorKind};
use crate::export::cow::{answering_for, cell};
use crate::export::panel::Rule;
use crate::graph::KnowledgeGraph;
use crate::model::{Basis, Organization, SourceId, StatusOn};
use crate::rule::status_on;

/// One state-year where COW and our record disagree.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Disagreement {
    /// Our organisation.
    pub organization: String,
    /// COW's column.
    pub column: String,
    /// The state's COW code.
    pub ccode: u16,
    /// Our id of the state (empty when our data does not know it).
    pub state: String,
    /// COW's abbreviation of the state (`NTH`), from COW's state list.
    pub cow_abbrev: String,
    /// The year.
    pub year: i32,
    /// COW's code.
    pub cow: i8,
    /// Ours, coded by COW's rules.
    pub ours: i8,
    /// Our status on 31 December (`member`, `none|observer` when
    /// uncertain, `not in existence`).
    pub status: String,
    /// The decision date of the transition behind our status, if any.
    pub decided: Option<Date>,
    /// Its effective date, if any.
    pub effective: Option<Date>,
    /// Its sources.
    pub sources: Vec<SourceId>,
}

/// How many state-years of one organisation were compared.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Tally {
    /// Our organisation (several, joined by `+`, when they share COW's
    /// column).
    pub organization: String,
    /// COW's column.
    pub column: String,
    /// State-years compared.
    pub cells: usize,
    /// Those where COW and we agree.
    pub agree: usize,
    /// Those where we disagree.
    pub disagree: usize,
    /// Of those, the ones where one side codes -1: the organisation did
    /// not exist that year by one and did by the other (a lifetime, not
    /// a status, in dispute).
    pub lifetime: usize,
}

/// The comparison: a tally per organisation, then every disagreement.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Comparison {
    /// Per organisation compared, in column order.
    pub summary: Vec<Tally>,
    /// Every disagreement, by organisation, state and year.
    pub disagreements: Vec<Disagreement>,
    /// The years compared: those asked for that the file has.
    pub years: (i32, i32),
    /// The file's first and last year.
    pub file_years: (i32, i32),
}

/// Refuses a range of years that holds none of the file's: nothing would
/// be compared, and a summary of zeros would read as agreement.
fn no_years_outside(
    name: &str,
    (first, last): (i32, i32),
    (from, to): (Option<i32>, Option<i32>),
) -> Result<(), Error> {
    let (lo, hi) = (from.unwrap_or(first), to.unwrap_or(last));
    if lo <= last && hi >= first {
        return Ok(());
    }
    let asked = match (from, to) {
        (Some(f), Some(t)) => format!("{f}-{t}"),
        (Some(f), None) => format!("from {f}"),
        (None, Some(t)) => format!("up to {t}"),
        (None, None) => return Ok(()),
    };
    Err(Error::parse(
        ErrorKind::Query,
        format!(
            "`{name}` has the years {first}-{last}, none of them {asked}: \
             no year is compared (ask about years within {first}-{last})"
        ),
    ))
}

/// Compares the organisations of `kg` that name a COW column (only
/// `only`, when given) with COW's state-year file, over the years
/// `from..=to` (each end optional).
///
/// # Errors
///
/// The file's problems, located (as [`import`](super::cow::import)
/// reports them); an unknown organisation in `only`, or one without a
/// COW column, or whose column the file lacks.
pub fn compare(
    kg: &KnowledgeGraph,
    file: Input<'_>,
    only: Option<&str>,
    years: (Option<i32>, Option<i32>),
    basis: Basis,
) -> Result<Comparison, Error> {
    let mut text = file.text.as_bytes();
    let file = Stream { name: file.name, reader: &mut text };
    compare_stream(kg, file, only, years, basis)
}

/// As [`compare`], reading the file as it streams (a line at a time, as
/// [`import_stream`](super::cow::import_stream) reads it).
///
/// # Errors
///
/// As [`compare`].
pub fn compare_stream(
    kg: &KnowledgeGraph,
    file: Stream<'_>,
    only: Option<&str>,
    (from, to): (Option<i32>, Option<i32>),
    basis: Basis,
) -> Result<Comparison, Error> {
    let mut problems = Problems::default();
    let known = cow_states();
    let name = file.name;
    let table = read_state_year(file, &known, &mut problems);
    if !problems.list.is_empty() {
        return Err(Error::data(problems.finish()));
    }
    no_years_outside(name, table.years, (from, to))?;
    let (first, last) = table.years;
    let years = (
        from.map_or(first, |f| f.max(first)),
        to.map_or(last, |t| t.min(last)),
    );
    let by_column = by_column(kg, only)?;
    // Our state holding each code each year (a code may pass: 365).
    let ours: Vec<&crate::model::State> = kg.states().collect();
    let (holders, last) =
        super::cow::holders::by_year(ours.iter().copied(), table.years);
    let mut summary = Vec::new();
    let mut disagreements = Vec::new();
    for (col, orgs) in &by_column {
        let Some(j) =
            table.columns.iter().position(|c| c.eq_ignore_ascii_case(col))
        else {
            if only.is_some() {
                return Err(Error::parse(
                    ErrorKind::Query,
                    format!("`{name}` has no column `{col}`"),
                ));
            }
            continue;
        };
        let column = table.columns[j].clone();
        let mut tally = Tally {
            organization: orgs
                .iter()
                .map(|(o, _)| o.id.as_str())
                .collect::<Vec<_>>()
                .join("+"),
            column: column.clone(),
            cells: 0,
            agree: 0,
            disagree: 0,
            lifetime: 0,
        };
        for (&ccode, rows) in &table.rows {
            for (&year, codes) in rows {
                if year < years.0 || year > years.1 {
                    continue;
                }
                let state = holders
                    .get(&(ccode, year))
                    .or_else(|| last.get(&ccode))
                    .map_or("", |s| s.id.as_str());
                let cow = codes[j];
                let org = in_year(orgs, year);
                let ours = match org {
                    Some(o) => {
                        cell(kg, o, state, year, (Rule::December31, basis))
                    }
                    None => -1,
                };
                tally.cells += 1;
                if ours == cow {
                    tally.agree += 1;
                    continue;
                }
                tally.disagree += 1;
                tally.lifetime += usize::from(cow == -1 || ours == -1);
                let mut d = disagreement(
                    kg,
                    (org, &tally.organization, &column),
                    (ccode, state, year),
                    (cow, ours),
                    basis,
                );
                d.cow_abbrev = known
                    .get(&ccode)
                    .map(|s| s.abbrev.clone())
                    .unwrap_or_default();
                disagreements.push(d);
            }
        }
        summary.push(tally);
    }
    Ok(Comparison { summary, disagreements, years, file_years: table.years })
}

/// An organisation compared with a column over the years it answers
/// for in that column (all its years, or those up to or after an
/// earlier COW column's last year).
type Span<'a> = (&'a Organization, (i32, i32));

/// Each column an organisation is coded under, with its years:
/// its earlier columns (`EEC` to 1992), then `cow_column`.
fn columns_of(o: &Organization) -> Vec<(String, (i32, i32))> {
    let mut out = Vec::new();
    let mut from = i32::MIN;
    for e in &o.cow_earlier {
        out.push((e.column.to_ascii_lowercase(), (from, e.until)));
        from = e.until + 1;
    }
    if let Some(c) = &o.cow_column {
        out.push((c.to_ascii_lowercase(), (from, i32::MAX)));
    }
    out
}

/// The organisations to compare, by COW column (lower case): `only` and
/// those that share a column with it, or every organisation that names
/// one; each with the years it answers for in that column.
fn by_column<'a>(
    kg: &'a KnowledgeGraph,
    only: Option<&str>,
) -> Result<BTreeMap<String, Vec<Span<'a>>>, Error> {
    let mut by_column: BTreeMap<String, Vec<Span<'a>>> = BTreeMap::new();
    for o in kg.organizations() {
        for (col, years) in columns_of(o) {
            by_column.entry(col).or_default().push((o, years));
        }
    }
    let Some(id) = only else {
        return Ok(by_column);
    };
    let o = kg.resolve_organization(id)?;
    if o.cow_column.is_none() {
        return Err(Error::parse(
            ErrorKind::Query,
            format!(
                "`{}` names no COW column (`cow_column` in its \
                 organization.yaml): nothing to compare",
                o.id
            ),
        ));
    }
    let own: Vec<String> = columns_of(o).into_iter().map(|c| c.0).collect();
    by_column.retain(|col, _| own.contains(col));
    Ok(by_column)
}

/// The organisation of `orgs` that answers for `year`.
fn in_year<'a>(orgs: &[Span<'a>], year: i32) -> Option<&'a Organization> {
    let dec31 = Date::from_ymd(year, 12, 31)?;
    let orgs: Vec<&Organization> = orgs
        .iter()
        .filter(|(_, (from, to))| (*from..=*to).contains(&year))
        .map(|(o, _)| *o)
        .collect();
    orgs.iter()
        .find(|o| o.existed_on(dec31))
        .or_else(|| {
            orgs.iter().find(|o| {
                o.founded.year() <= year
                    && o.dissolved.is_some_and(|d| d.year() == year)
            })
        })
        .copied()
}

fn disagreement(
    kg: &KnowledgeGraph,
    (org, name, column): (Option<&Organization>, &str, &str),
    (ccode, state, year): (u16, &str, i32),
    (cow, ours): (i8, i8),
    basis: Basis,
) -> Disagreement {
    let mut d = Disagreement {
        organization: org.map_or(name.to_string(), |o| o.id.to_string()),
        column: column.to_string(),
        ccode,
        state: state.to_string(),
        cow_abbrev: String::new(),
        year,
        cow,
        ours,
        status: "not in existence".into(),
        decided: None,
        effective: None,
        sources: Vec::new(),
    };
    let (Some(org), Some(dec31)) = (org, Date::from_ymd(year, 12, 31)) else {
        return d;
    };
    let ts = kg.transitions(org.id.as_str(), state);
    let org = &*answering_for(org, year);
    d.status = match status_on(org, ts, dec31, basis) {
        StatusOn::Certain(s) => s.as_str().to_string(),
        on @ StatusOn::Uncertain(_) => on.label(),
    };
    if let Some(t) = ts
        .iter()
        .rev()
        .find(|t| t.start(basis).is_some_and(|s| s.first_day() <= dec31))
    {
        d.decided = t.decided;
        d.effective = t.effective;
        d.sources = t.sources.to_vec();
    }
    d
}
