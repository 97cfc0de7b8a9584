//! Tables: the exports that are rows and columns (spans, events, the
//! panel, the COW layout, counts, dyads, chairs, summits, officials), each
//! declared once with its columns' names, kinds and meanings, and written
//! as CSV, as Apache Parquet (`export::parquet`, feature `parquet`) or
//! described in a data release's `datapackage.json`.
//!
//! A table's cells are text, as its CSV prints them (an imprecise date
//! keeps its precision: `2010-05`); a column's [`Kind`] says how a typed
//! format reads that text.
//!
//! # Example
//!
//! ```
//! use igo_graph::export::table::{Column, Kind, Table};
//!
//! let rows = vec![vec!["750".to_string(), "2017".into(), "=IND".into()]];
//! let table = Table::new(
//!     "example",
//!     "An example",
//!     vec![
//!         Column::new("ccode", Kind::Integer, "COW state number"),
//!         Column::new("year", Kind::Integer, "The year"),
//!         Column::new("state", Kind::Text, "COW state letters"),
//!     ],
//!     rows,
//! );
//! let mut out = Vec::new();
//! table.write_csv(&mut out)?;
//! // A cell a spreadsheet would run as a formula is quoted.
//! assert_eq!(String::from_utf8(out)?, "ccode,year,state\n750,2017,'=IND\n");
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use std::io::Write;

use crate::error::Error;

/// How a typed format reads a column's text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// A whole number; an empty cell is missing.
    Integer,
    /// Text; an empty cell is empty text.
    Text,
    /// `true` or `false`; an empty cell is missing.
    Boolean,
    /// A date with its precision (`2010-05-12`, `2010-05`, `2010`); an
    /// empty cell is missing. Typed formats keep the text and add a day
    /// column beside it (the first day of the range) for sorting.
    Date,
}

impl Kind {
    /// The Frictionless Table Schema type of the column as CSV holds it
    /// (a date of reduced precision is not a Table Schema `date`).
    pub fn frictionless(self) -> &'static str {
        match self {
            Kind::Integer => "integer",
            Kind::Text | Kind::Date => "string",
            Kind::Boolean => "boolean",
        }
    }
}

/// One column: its name, kind and meaning.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Column {
    /// The name, as the CSV header prints it.
    pub name: String,
    /// How a typed format reads it.
    pub kind: Kind,
    /// What it means, for a data release's description.
    pub description: String,
}

impl Column {
    /// A column.
    pub fn new(
        name: impl Into<String>,
        kind: Kind,
        description: impl Into<String>,
    ) -> Column {
        Column { name: name.into(), kind, description: description.into() }
    }
}

/// The rows of a table: each as many cells as the table has columns.
pub type Rows<'a> = Box<dyn Iterator<Item = Vec<String>> + 'a>;

/// A table: its name (a file name without extension, `counts`), title,
/// columns and rows (produced as they are written: at COW's scale a
/// table has millions of cells).
pub struct Table<'a> {
    /// The file name without its extension.
    pub name: String,
    /// One line on what a row is.
    pub title: String,
    /// The columns, in order.
    pub columns: Vec<Column>,
    /// The rows.
    pub rows: Rows<'a>,
}

impl<'a> Table<'a> {
    /// A table of `rows`.
    pub fn new(
        name: impl Into<String>,
        title: impl Into<String>,
        columns: Vec<Column>,
        rows: impl IntoIterator<Item = Vec<String>, IntoIter: 'a>,
    ) -> Table<'a> {
        Table {
            name: name.into(),
            title: title.into(),
            columns,
            rows: Box::new(rows.into_iter()),
        }
    }

    /// The header, as the CSV prints it.
    pub fn header(&self) -> Vec<&str> {
        self.columns.iter().map(|c| c.name.as_str()).collect()
    }

    /// Writes the table as CSV (RFC 4180; every cell through
    /// [`super::csv::cell`]).
    ///
    /// # Errors
    ///
    /// The writer fails.
    pub fn write_csv<W: Write>(self, out: W) -> Result<(), Error> {
        let header: Vec<String> =
            self.columns.iter().map(|c| c.name.clone()).collect();
        super::csv::write_rows(out, &header, self.rows)
    }
}

/// The tables `parts`, all of `columns`, as one table named `name`: the
/// rows of each part in turn (one table per organisation made one for
/// every organisation).
///
/// # Errors
///
/// A part whose columns are not `columns`.
///
/// # Example
///
/// ```
/// use igo_graph::export::table::{Column, Kind, Table, concat};
///
/// let columns = vec![Column::new("n", Kind::Integer, "a number")];
/// let part = |n: &str| {
///     Table::new("part", "a part", columns.clone(), [vec![n.to_string()]])
/// };
/// let all = concat("all", "every part", columns.clone(), [part("1"), part("2")])?;
/// let mut out = Vec::new();
/// all.write_csv(&mut out)?;
/// assert_eq!(String::from_utf8(out)?, "n\n1\n2\n");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn concat<'a>(
    name: impl Into<String>,
    title: impl Into<String>,
    columns: Vec<Column>,
    parts: impl IntoIterator<Item = Table<'a>>,
) -> Result<Table<'a>, Error> {
    let name = name.into();
    let mut rows: Vec<Rows<'a>> = Vec::new();
    for part in parts {
        if part.columns != columns {
            return Err(Error::msg(
                crate::error::DiagnosticKind::Export,
                format!(
                    "table `{}` cannot join table `{name}`: its columns \
                     differ",
                    part.name
                ),
            ));
        }
        rows.push(part.rows);
    }
    Ok(Table::new(name, title, columns, rows.into_iter().flatten()))
}
