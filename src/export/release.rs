//! A citable data release: one folder holding the data's tables as CSV
//! (and as Apache Parquet with the `parquet` feature), described by a
//! Frictionless `datapackage.json`, with a `CITATION.cff`, the data's
//! licence (`LICENSE`, CC BY 4.0), a `README.md`, and the sources as a
//! bibliography (`sources.bib`, `sources.json`).
//!
//! The output is deterministic: it holds no clock time. The release's day
//! ([`Options::day`]; `igo` gives the data's [`review_day`]) is its
//! `date-released`.
//!
//! The tables are one list ([`TABLES`]): each builds a
//! [`Table`] covering every organisation, written by
//! [`write_table_files`].
//!
//! # Example
//!
//! ```
//! use igo_graph::KnowledgeGraph;
//! use igo_graph::export::release;
//!
//! let kg = KnowledgeGraph::bundled();
//! let dir = std::env::temp_dir().join(format!("igo-release-doc-{}", std::process::id()));
//! let day = release::review_day(&kg).expect("the bundled data is reviewed");
//! let files = release::write_dir(&kg, &dir, &release::Options::new(day))?;
//! assert!(files.iter().any(|f| f == "datapackage.json"));
//! assert!(dir.join("panel.csv").exists());
//! # std::fs::remove_dir_all(&dir)?;
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use std::io::{BufWriter, Write};
use std::path::Path;

use super::table::{Column, Table, concat};
use super::year::Rule;
use crate::date::Date;
use crate::error::Error;
use crate::graph::KnowledgeGraph;
use crate::model::Basis;

mod docs;
mod package;

/// How a release is written.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Options {
    /// The release's version (default: this crate's, `0.1.0`).
    pub version: String,
    /// The release's day: its `date-released`, and the last year of an
    /// organisation's panel when the data gives it no review day.
    pub day: Date,
    /// The year rule of the state-year tables (default: 31 December).
    pub rule: Rule,
    /// Count by effective (default) or decided dates.
    pub basis: Basis,
}

impl Options {
    /// A release on `day` (see [`review_day`]), this crate's version, 31
    /// December, effective dates.
    pub fn new(day: Date) -> Options {
        Options {
            version: env!("CARGO_PKG_VERSION").to_string(),
            day,
            rule: Rule::default(),
            basis: Basis::Effective,
        }
    }

    /// The same options with `version`.
    pub fn version(mut self, version: impl Into<String>) -> Options {
        self.version = version.into();
        self
    }

    /// The same options with the year rule `rule`.
    pub fn rule(mut self, rule: Rule) -> Options {
        self.rule = rule;
        self
    }

    /// The same options with `basis`.
    pub fn basis(mut self, basis: Basis) -> Options {
        self.basis = basis;
        self
    }
}

/// The day the data was last checked against its sources: the latest
/// review day (`reviewed:`) of its organisations, `None` when none has
/// one.
///
/// # Example
///
/// ```
/// use igo_graph::KnowledgeGraph;
/// use igo_graph::export::release;
///
/// let kg = KnowledgeGraph::bundled();
/// let day = release::review_day(&kg).unwrap();
/// assert!(kg.organizations().all(|o| o.reviewed.is_none_or(|r| r <= day)));
/// ```
pub fn review_day(kg: &KnowledgeGraph) -> Option<Date> {
    kg.organizations().filter_map(|o| o.reviewed).max()
}

/// How one table of a release is built from the data.
pub type Build =
    for<'a> fn(&'a KnowledgeGraph, &Options) -> Result<Table<'a>, Error>;

/// The tables of a release, in order, each covering every organisation.
/// A table is one line here: a function of the data and the options
/// (per organisation, through [`every_organization`]).
pub const TABLES: &[Build] = &[
    panel, counts, dyads, spans, changes, chairs, summits, officials, sources,
];

/// The state-year panel of every organisation (`panel.csv`).
fn panel<'a>(
    kg: &'a KnowledgeGraph,
    opts: &Options,
) -> Result<Table<'a>, Error> {
    let title = format!(
        "one row per organisation, state and year (from the founding year \
         to the year of dissolution or review, every state that ever held \
         a status): the status by the year rule {}, on {} dates",
        opts.rule,
        opts.basis.as_str()
    );
    let rule = opts.rule;
    every_organization(
        kg,
        opts,
        ("panel", &title),
        super::panel::columns(),
        |kg, o| super::panel::table(kg, o, rule),
    )
}

/// A table of every organisation from its own table of one, with that
/// table's columns.
fn per_organization<'a>(
    kg: &'a KnowledgeGraph,
    opts: &Options,
    (name, title): (&str, &str),
    table: fn(&'a KnowledgeGraph, &super::Options) -> Result<Table<'a>, Error>,
) -> Result<Table<'a>, Error> {
    let columns = match kg.organizations().next() {
        Some(o) => table(kg, &super::Options::new(o.id.as_str()))?.columns,
        None => Vec::new(),
    };
    every_organization(kg, opts, (name, title), columns, table)
}

/// Every status span of every organisation (`spans.csv`).
fn spans<'a>(kg: &'a KnowledgeGraph, o: &Options) -> Result<Table<'a>, Error> {
    let title = "one row per status span: a state's status in an organisation from one change to the next, with both dates of each end and the sources";
    per_organization(kg, o, ("spans", title), super::csv::spans_table)
}

/// Every change of status (`changes.csv`).
fn changes<'a>(
    kg: &'a KnowledgeGraph,
    o: &Options,
) -> Result<Table<'a>, Error> {
    let title = "one row per change of status, with the organisation's counts after it";
    per_organization(kg, o, ("changes", title), super::csv::events_table)
}

/// Every chair term (`chairs.csv`).
fn chairs<'a>(
    kg: &'a KnowledgeGraph,
    o: &Options,
) -> Result<Table<'a>, Error> {
    let title = "one row per chair term of an organisation";
    per_organization(kg, o, ("chairs", title), super::csv::chairs_table)
}

/// Every summit (`summits.csv`).
fn summits<'a>(
    kg: &'a KnowledgeGraph,
    o: &Options,
) -> Result<Table<'a>, Error> {
    let title = "one row per meeting of an organisation's summit body";
    per_organization(kg, o, ("summits", title), super::csv::summits_table)
}

/// Every term of office (`officials.csv`).
fn officials<'a>(
    kg: &'a KnowledgeGraph,
    o: &Options,
) -> Result<Table<'a>, Error> {
    let title = "one row per term of an office an organisation declares (its Secretaries-General ...)";
    per_organization(kg, o, ("officials", title), super::csv::officials_table)
}

/// The options every-organisation tables are written with: the release's
/// basis, today its day.
fn all(opts: &Options) -> super::Options {
    super::Options::new("").basis(opts.basis).today(opts.day)
}

/// State-year counts of memberships (`counts.csv`).
fn counts<'a>(
    kg: &'a KnowledgeGraph,
    opts: &Options,
) -> Result<Table<'a>, Error> {
    super::counts::table(kg, &all(opts), &super::year::Years::by(opts.rule))
}

/// Dyad-year joint memberships, non-directed (`dyads.csv`).
fn dyads<'a>(
    kg: &'a KnowledgeGraph,
    opts: &Options,
) -> Result<Table<'a>, Error> {
    let years = super::year::Years::by(opts.rule);
    super::dyads::table(kg, &all(opts), &years, false)
}

/// The sources (`sources.csv`).
fn sources<'a>(
    kg: &'a KnowledgeGraph,
    _: &Options,
) -> Result<Table<'a>, Error> {
    Ok(super::bib::table(kg))
}

/// One table of every organisation, from a table of one: `table` for
/// each organisation in id order, joined (see [`concat()`]). Each
/// organisation's history ends in the year of its review day (else of
/// the release's day).
///
/// # Errors
///
/// Those of `table`, and a table whose columns are not `columns`.
pub fn every_organization<'a>(
    kg: &'a KnowledgeGraph,
    opts: &Options,
    (name, title): (&str, &str),
    columns: Vec<Column>,
    table: impl Fn(&'a KnowledgeGraph, &super::Options) -> Result<Table<'a>, Error>,
) -> Result<Table<'a>, Error> {
    let mut parts = Vec::new();
    for org in kg.organizations() {
        let o = super::Options::new(org.id.as_str())
            .basis(opts.basis)
            .today(org.reviewed.unwrap_or(opts.day));
        parts.push(table(kg, &o)?);
    }
    concat(name, title, columns, parts)
}

/// What [`write_table_files`] wrote of a table.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Written {
    /// The table's name (`panel`).
    pub name: String,
    /// What a row is.
    pub title: String,
    /// Its columns.
    pub columns: Vec<Column>,
    /// The files, in the release's folder (`panel.csv`, `panel.parquet`).
    pub files: Vec<String>,
    /// The size of its CSV file.
    pub csv_bytes: u64,
}

/// Writes `table` into `dir` as `NAME.csv` and, with the `parquet`
/// feature, as `NAME.parquet`.
///
/// # Errors
///
/// A file cannot be written.
pub fn write_table_files(
    dir: &Path,
    table: Table<'_>,
) -> Result<Written, Error> {
    let Table { name, title, columns, rows } = table;
    let csv = format!("{name}.csv");
    // Parquet reads the rows a second time: keep them once, shared.
    #[cfg(feature = "parquet")]
    let (rows, parquet) = {
        let kept = std::rc::Rc::new(rows.collect::<Vec<_>>());
        let file = format!("{name}.parquet");
        let again = Table::new(
            name.clone(),
            title.clone(),
            columns.clone(),
            replay(std::rc::Rc::clone(&kept)),
        );
        write_file(dir, &file, |out| super::parquet::write(again, out))?;
        (replay(kept), Some(file))
    };
    #[cfg(not(feature = "parquet"))]
    let parquet: Option<String> = None;
    let table = Table::new(name.clone(), title.clone(), columns.clone(), rows);
    let csv_bytes = write_file(dir, &csv, |out| table.write_csv(out))?;
    let files = std::iter::once(csv).chain(parquet).collect();
    Ok(Written { name, title, columns, files, csv_bytes })
}

/// The rows kept, each a copy as it is read.
#[cfg(feature = "parquet")]
fn replay<'a>(
    rows: std::rc::Rc<Vec<Vec<String>>>,
) -> impl Iterator<Item = Vec<String>> + 'a {
    (0..rows.len()).map(move |i| rows[i].clone())
}

/// Writes the file `name` of `dir` with `write`; its size.
fn write_file(
    dir: &Path,
    name: &str,
    write: impl FnOnce(&mut BufWriter<std::fs::File>) -> Result<(), Error>,
) -> Result<u64, Error> {
    let path = dir.join(name);
    let io = |e| Error::io(format!("cannot write `{}`", path.display()), e);
    let mut out = BufWriter::new(std::fs::File::create(&path).map_err(io)?);
    write(&mut out)?;
    out.flush().map_err(io)?;
    let file = out.into_inner().map_err(|e| io(e.into_error()))?;
    Ok(file.metadata().map_err(io)?.len())
}

/// Writes the release into `dir` (created if missing); the names of the
/// files written, in order. Files of another release in `dir` with the
/// same names are replaced; others are left (the CLI refuses a folder
/// that is not empty).
///
/// # Errors
///
/// A table cannot be built (see [`TABLES`]), or a file cannot be written.
pub fn write_dir(
    kg: &KnowledgeGraph,
    dir: &Path,
    opts: &Options,
) -> Result<Vec<String>, Error> {
    std::fs::create_dir_all(dir).map_err(|e| {
        Error::io(format!("cannot create `{}`", dir.display()), e)
    })?;
    let mut tables = Vec::new();
    for build in TABLES {
        tables.push(write_table_files(dir, build(kg, opts)?)?);
    }
    let mut files: Vec<String> =
        tables.iter().flat_map(|t| t.files.iter().cloned()).collect();
    let texts: [(&str, Vec<u8>); 6] = [
        ("sources.bib", bytes(|out| super::bib::write_bibtex(kg, out))?),
        ("sources.json", bytes(|out| super::bib::write_csl_json(kg, out))?),
        ("datapackage.json", package::datapackage(kg, opts, &tables)?),
        ("CITATION.cff", docs::citation(kg, opts).into_bytes()),
        ("LICENSE", docs::license(opts).into_bytes()),
        ("README.md", docs::readme(kg, opts, &tables).into_bytes()),
    ];
    for (name, text) in texts {
        write_file(dir, name, |out| Ok(out.write_all(&text)?))?;
        files.push(name.to_string());
    }
    Ok(files)
}

/// What `write` writes, in memory.
fn bytes(
    write: impl FnOnce(&mut Vec<u8>) -> Result<(), Error>,
) -> Result<Vec<u8>, Error> {
    let mut out = Vec::new();
    write(&mut out)?;
    Ok(out)
}
