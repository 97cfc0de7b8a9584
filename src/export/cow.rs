//! The Correlates of War (COW) IGO v3 state-year layout: one row per state
//! and year (`ccode,year,state`), then one column per organisation of the
//! data, coded as COW codes IGO membership, so that a researcher can merge
//! these columns onto COW's `state_year_formatv3.csv` on `ccode,year` and
//! read the years after 2014 that COW lacks.
//!
//! Codes: 1 full membership, 2 associate, 3 observer (each organisation's
//! vocabulary says which of its statuses maps to which), 0 no membership,
//! -1 the organisation did not exist that year (COW's code for "IGO not in
//! existence"), -9 missing: the status on the rule's day cannot be decided
//! (an imprecise date or a disputed status). A year is coded by the status
//! held on 31 December (`panel::Rule::December31`, the default) or the
//! highest held on any day (`panel::Rule::Any`). States without a COW code
//! (Palestine) have no row; a state has rows only for the years its COW
//! lifetimes touch, under the code it holds that year (one row per code
//! and year: see [`crate::cow_state_years`]). The year an organisation ceased is coded by
//! the status on 31 December as if it had not ceased, as COW codes an
//! IGO's members through the year it ended (its `deaddate`); a membership
//! the data itself ends that year (the CST's, 2003) is ended. Where our coding differs from COW's: COW has no
//! category for dialogue or partner countries (0 here too, as the
//! vocabularies say), and COW's `sco` column covers the Shanghai Five and
//! the SCO together, where the data keeps them apart (`shanghai5`, `sco`).

use std::borrow::Cow;
use std::io::Write;

use super::Options;
use super::table::{Column, Kind, Table};
use super::year::{Rule, Years, status_in_year};
use crate::error::Error;
use crate::graph::KnowledgeGraph;
use crate::model::Organization;

/// Writes the state-year table for every state with a COW code and every
/// organisation, from the year the oldest organisation began to the year
/// of the caller's today.
///
/// # Errors
///
/// No today in `opts` (the last year), or the writer fails.
///
/// # Example
///
/// ```
/// use igo_graph::KnowledgeGraph;
/// use igo_graph::export::{Options, cow, panel};
///
/// let kg = KnowledgeGraph::bundled();
/// let opts = Options::new("SCO").today("2026-01-01".parse()?);
/// let mut out = Vec::new();
/// cow::write(&kg, &opts, panel::Rule::December31, &mut out)?;
/// let text = String::from_utf8(out)?;
/// let header = text.lines().next().unwrap();
/// assert!(header.starts_with("ccode,year,state,"));
/// assert!(header.contains(",sco,"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn write<W: Write>(
    kg: &KnowledgeGraph,
    opts: &Options,
    rule: Rule,
    out: W,
) -> Result<(), Error> {
    table(kg, opts, rule)?.write_csv(out)
}

/// The state-year table of [`write()`] as a [`Table`], named `cow`:
/// `ccode`, `year`, `state`, then one column of COW codes per
/// organisation (its id in lower case).
///
/// # Errors
///
/// No today in `opts` (the last year).
///
/// # Example
///
/// ```
/// use igo_graph::KnowledgeGraph;
/// use igo_graph::export::table::Kind;
/// use igo_graph::export::{Options, cow, panel};
///
/// let kg = KnowledgeGraph::bundled();
/// let opts = Options::new("SCO").today("2026-01-01".parse()?);
/// let table = cow::table(&kg, &opts, panel::Rule::December31)?;
/// let sco = table.columns.iter().find(|c| c.name == "sco").unwrap();
/// assert_eq!(sco.kind, Kind::Integer);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn table<'a>(
    kg: &'a KnowledgeGraph,
    opts: &Options,
    rule: Rule,
) -> Result<Table<'a>, Error> {
    let layout = Layout { years: Years::by(rule), names: Names::Ids };
    table_with(kg, opts, &layout)
}

/// How the organisations' columns are named.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Names {
    /// Each organisation's id in lower case (`sco`, `shanghai5`,
    /// `eurasec`): every organisation its own column.
    #[default]
    Ids,
    /// COW's own column names, as the data gives them (`SCO`, `EAEC`),
    /// so that the rows append to COW's file; an organisation COW lacks by
    /// its id in upper case (`BRICS`). Organisations that share a COW
    /// column (the Shanghai Five and the SCO: COW's `SCO` covers both)
    /// share it: each year is coded by the one that existed (-1 when
    /// none did).
    Cow,
}

/// The years, rule and column names of [`write_with`].
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Layout {
    /// The years (default: from the year the oldest organisation began
    /// to the year of the caller's today, or of the data's last review if
    /// earlier) and the year rule.
    pub years: Years,
    /// How the columns are named.
    pub names: Names,
}

/// [`write()`] for some years and with COW's column names: `igo export
/// cow --from 2015 --columns cow` writes the rows that continue COW's
/// own file.
///
/// # Errors
///
/// No last year (no today in `opts` and none given), the years run
/// backwards, or the writer fails.
///
/// # Example
///
/// ```
/// use igo_graph::KnowledgeGraph;
/// use igo_graph::export::{Options, cow, year::Years};
///
/// let kg = KnowledgeGraph::bundled();
/// let opts = Options::new("SCO").today("2026-01-01".parse()?);
/// let layout = cow::Layout {
///     years: Years::default().between(Some(2015), None),
///     names: cow::Names::Cow,
/// };
/// let mut out = Vec::new();
/// cow::write_with(&kg, &opts, &layout, &mut out)?;
/// let text = String::from_utf8(out)?;
/// let header = text.lines().next().unwrap();
/// // COW's names (`EAEC` for EurAsEC, `COMSEC` for the Commonwealth,
/// // `LOAS` for the Arab League); the Shanghai Five shares `SCO`; an
/// // organisation COW lacks keeps its id (`BRICS`, `G20`).
/// assert!(header.starts_with("ccode,year,state,"));
/// assert!(header.contains(",BRICS,CICA,CIS,") && header.contains(",LOAS,"));
/// assert!(header.contains(",EAEC,") && header.contains(",G20,"));
/// assert!(header.contains(",SCO,") && !header.contains("SHANGHAI5"));
/// assert!(text.lines().skip(1).all(|l| l.split(',').nth(1).unwrap() >= "2015"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn write_with<W: Write>(
    kg: &KnowledgeGraph,
    opts: &Options,
    layout: &Layout,
    out: W,
) -> Result<(), Error> {
    table_with(kg, opts, layout)?.write_csv(out)
}

/// [`write_with`]'s table.
///
/// # Errors
///
/// As [`write_with`].
pub fn table_with<'a>(
    kg: &'a KnowledgeGraph,
    opts: &Options,
    layout: &Layout,
) -> Result<Table<'a>, Error> {
    let orgs: Vec<&Organization> = kg.organizations().collect();
    let (first, last) = layout.years.range(kg, Some(opts.day()?))?;
    let groups = columns(&orgs, layout.names);
    let mut columns = vec![
        Column::new("ccode", Kind::Integer, "COW state number"),
        Column::new("year", Kind::Integer, "the year"),
        Column::new("state", Kind::Text, "COW state letters"),
    ];
    columns.extend(groups.iter().map(|(name, orgs)| {
        let ids: Vec<&str> = orgs.iter().map(|o| o.id.as_str()).collect();
        Column::new(
            name.clone(),
            Kind::Integer,
            format!(
                "the COW code of the state in {} that year: 1 full, 2 \
                 associate, 3 observer, 0 none, -1 the organisation did not \
                 exist, -9 cannot be decided",
                ids.join(" or ")
            ),
        )
    }));
    let how = (layout.years.rule, opts.basis);
    // One row per COW code and year in which a state holds it (by its
    // lifetimes), produced as the table is written: at COW's scale the
    // table has millions of cells.
    let years = crate::state::cow_state_years(kg.states(), first..=last);
    let rows = years.into_iter().map(move |sy| {
        let mut row = vec![
            sy.ccode.to_string(),
            sy.year.to_string(),
            sy.abbrev.unwrap_or_default().to_string(),
        ];
        row.extend(groups.iter().map(|(_, orgs)| {
            let id = sy.state.id.as_str();
            let mut codes = orgs.iter().map(|o| cell(kg, o, id, sy.year, how));
            codes.find(|&c| c != -1).unwrap_or(-1).to_string()
        }));
        row
    });
    Ok(Table::new("cow", "one row per COW state and year", columns, rows))
}

/// The organisations' columns: each name with the organisations it codes.
fn columns<'a>(
    orgs: &[&'a Organization],
    names: Names,
) -> Vec<(String, Vec<&'a Organization>)> {
    let mut out: Vec<(String, Vec<&Organization>)> = Vec::new();
    for &o in orgs {
        let name = match (names, &o.cow_column) {
            (Names::Ids, _) => o.id.as_str().to_ascii_lowercase(),
            (Names::Cow, Some(c)) => c.clone(),
            (Names::Cow, None) => o.id.as_str().to_ascii_uppercase(),
        };
        match out.iter_mut().find(|(n, _)| n.eq_ignore_ascii_case(&name)) {
            Some((_, shared)) => shared.push(o),
            None => out.push((name, vec![o])),
        }
    }
    out
}

/// `org` as it answers for `year`: in the year it ceased, as if it had
/// not (COW codes an IGO's members through its `deaddate` year; a
/// membership the data itself ends that year is still ended).
pub(crate) fn answering_for(
    org: &Organization,
    year: i32,
) -> Cow<'_, Organization> {
    if org.dissolved.is_some_and(|d| d.year() == year) {
        Cow::Owned(Organization { dissolved: None, ..org.clone() })
    } else {
        Cow::Borrowed(org)
    }
}

/// The COW code of `state` in `org` in `year` (see [`answering_for`]).
pub(crate) fn cell(
    kg: &KnowledgeGraph,
    org: &Organization,
    state: &str,
    year: i32,
    how: (Rule, crate::model::Basis),
) -> i8 {
    code(kg, &answering_for(org, year), state, year, how)
}

/// The COW code of `state` in `org` in `year`.
fn code(
    kg: &KnowledgeGraph,
    org: &Organization,
    state: &str,
    year: i32,
    how: (Rule, crate::model::Basis),
) -> i8 {
    let existed = org.founded.year() <= year
        && org.dissolved.is_none_or(|d| year < d.year());
    if !existed {
        return -1;
    }
    let ts = kg.transitions(org.id.as_str(), state);
    let (status, certain) =
        status_in_year(org, ts, (kg.state(state), year), how);
    if !certain {
        return -9;
    }
    status.cow_code() as i8
}
