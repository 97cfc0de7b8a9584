//! Apache Parquet: any [`Table`] as one Parquet file, typed by its
//! columns' [`Kind`]s, which DuckDB, polars and pandas (pyarrow) read with
//! default arguments.
//!
//! | kind | Parquet column | an empty cell |
//! |---|---|---|
//! | [`Kind::Integer`] | `INT64` | null |
//! | [`Kind::Boolean`] | `BOOLEAN` | null |
//! | [`Kind::Text`] | `BYTE_ARRAY` of logical type `STRING` | empty text |
//! | [`Kind::Date`] | the text as `STRING` (`2010-05` keeps its precision), and beside it `NAME_day`, logical type `DATE`: the first day of the range (`2010-05-01`), to sort and compare by | null, in both |
//!
//! Cells are the CSV's text before its spreadsheet guard
//! ([`super::csv::cell`]): a note starting with `=` is written as it is.
//! Rows are written in row groups of at most 65,536 rows (fewer for a wide
//! table), so a table of millions of rows is never held whole. Values are
//! Snappy-compressed; the file holds no timestamp, so the same table gives
//! the same bytes (the metadata names the writer, `parquet-rs version
//! ...`).
//!
//! # Example
//!
//! ```
//! use igo_graph::KnowledgeGraph;
//! use igo_graph::export::{Options, csv, parquet};
//!
//! let kg = KnowledgeGraph::bundled();
//! let mut out = Vec::new();
//! parquet::write(csv::spans_table(&kg, &Options::new("SCO"))?, &mut out)?;
//! assert!(out.starts_with(b"PAR1") && out.ends_with(b"PAR1"));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use std::io::Write;
use std::sync::Arc;

use parquet::basic::{Compression, LogicalType, Repetition, Type as Physical};
use parquet::data_type::{
    BoolType, ByteArray, ByteArrayType, DataType, Int32Type, Int64Type,
};
use parquet::errors::ParquetError;
use parquet::file::properties::WriterProperties;
use parquet::file::writer::{SerializedFileWriter, SerializedRowGroupWriter};
use parquet::schema::types::Type;

use super::table::{Kind, Table};
use crate::error::{DiagnosticKind, Error};

/// The most rows of a row group.
const MAX_GROUP_ROWS: usize = 64 * 1024;

/// The most cells a row group holds in memory before it is written: a
/// table one column per organisation (COW's 500) gets fewer rows a group.
const MAX_GROUP_CELLS: usize = 1 << 20;

/// The name of the day column beside a date column.
fn day_name(column: &str) -> String {
    format!("{column}_day")
}

/// Writes `table` as one Parquet file (see the [module](self)).
///
/// # Errors
///
/// A cell that is not of its column's kind (naming the table, column and
/// row), a row of another width than the columns, a date column whose
/// `_day` column would take another column's name, or the writer fails.
pub fn write<W: Write + Send>(table: Table<'_>, out: W) -> Result<(), Error> {
    let rows = (MAX_GROUP_CELLS / table.columns.len().max(1))
        .clamp(1, MAX_GROUP_ROWS);
    write_in_groups(table, out, rows)
}

/// [`write()`] with at most `group_rows` rows a row group.
fn write_in_groups<W: Write + Send>(
    table: Table<'_>,
    out: W,
    group_rows: usize,
) -> Result<(), Error> {
    let schema = schema(&table)?;
    let props = WriterProperties::builder()
        .set_compression(Compression::SNAPPY)
        .build();
    let mut writer =
        SerializedFileWriter::new(out, Arc::new(schema), Arc::new(props))
            .map_err(parquet_err)?;
    let mut buffers: Vec<Buffer> =
        table.columns.iter().map(|c| Buffer::new(c.kind)).collect();
    let mut held = 0;
    for (i, row) in table.rows.enumerate() {
        if row.len() != table.columns.len() {
            return Err(export_err(format!(
                "table `{}`, row {}: {} cells, but {} columns",
                table.name,
                i + 1,
                row.len(),
                table.columns.len()
            )));
        }
        for ((cell, buffer), column) in
            row.into_iter().zip(&mut buffers).zip(&table.columns)
        {
            let at =
                Place { table: &table.name, column: &column.name, row: i + 1 };
            buffer.push(cell, &at)?;
        }
        held += 1;
        if held == group_rows {
            write_group(&mut writer, &mut buffers).map_err(parquet_err)?;
            held = 0;
        }
    }
    if held > 0 {
        write_group(&mut writer, &mut buffers).map_err(parquet_err)?;
    }
    writer.close().map_err(parquet_err)?;
    Ok(())
}

/// The Parquet schema of `table`'s columns: one column each, and a day
/// column after each date column.
fn schema(table: &Table<'_>) -> Result<Type, Error> {
    let names: Vec<&str> =
        table.columns.iter().map(|c| c.name.as_str()).collect();
    let mut fields = Vec::new();
    for column in &table.columns {
        let name = column.name.as_str();
        let field = match column.kind {
            Kind::Integer => primitive(name, Physical::INT64, None, true),
            Kind::Boolean => primitive(name, Physical::BOOLEAN, None, true),
            Kind::Text => primitive(name, Physical::BYTE_ARRAY, text(), false),
            Kind::Date => primitive(name, Physical::BYTE_ARRAY, text(), true),
        };
        fields.push(Arc::new(field.map_err(parquet_err)?));
        if column.kind == Kind::Date {
            let day = day_name(name);
            if names.contains(&day.as_str()) {
                return Err(export_err(format!(
                    "table `{}`: the day column of `{name}` would be \
                     `{day}`, which is another column's name",
                    table.name
                )));
            }
            let date = Some(LogicalType::Date);
            let field = primitive(&day, Physical::INT32, date, true);
            fields.push(Arc::new(field.map_err(parquet_err)?));
        }
    }
    Type::group_type_builder("schema")
        .with_fields(fields)
        .build()
        .map_err(parquet_err)
}

/// The logical type of text.
fn text() -> Option<LogicalType> {
    Some(LogicalType::String)
}

/// A column of the schema: `optional` when a cell may be missing.
fn primitive(
    name: &str,
    physical: Physical,
    logical: Option<LogicalType>,
    optional: bool,
) -> Result<Type, ParquetError> {
    let repetition =
        if optional { Repetition::OPTIONAL } else { Repetition::REQUIRED };
    Type::primitive_type_builder(name, physical)
        .with_repetition(repetition)
        .with_logical_type(logical)
        .build()
}

/// Where a cell is, for a message.
struct Place<'a> {
    table: &'a str,
    column: &'a str,
    row: usize,
}

impl Place<'_> {
    /// The error for a cell here that is not `what`.
    fn not_a(&self, cell: &str, what: &str) -> Error {
        export_err(format!(
            "table `{}`, column `{}`, row {}: `{cell}` is not {what}",
            self.table, self.column, self.row
        ))
    }
}

/// The values of one column for the row group being filled, with the
/// definition levels of an optional column (1: a value, 0: null).
enum Buffer {
    Integer { values: Vec<i64>, defined: Vec<i16> },
    Boolean { values: Vec<bool>, defined: Vec<i16> },
    Text(Vec<ByteArray>),
    Date { text: Vec<ByteArray>, days: Vec<i32>, defined: Vec<i16> },
}

impl Buffer {
    fn new(kind: Kind) -> Buffer {
        match kind {
            Kind::Integer => {
                Buffer::Integer { values: Vec::new(), defined: Vec::new() }
            }
            Kind::Boolean => {
                Buffer::Boolean { values: Vec::new(), defined: Vec::new() }
            }
            Kind::Text => Buffer::Text(Vec::new()),
            Kind::Date => Buffer::Date {
                text: Vec::new(),
                days: Vec::new(),
                defined: Vec::new(),
            },
        }
    }

    /// Adds a cell, read as the column's kind.
    fn push(&mut self, cell: String, at: &Place<'_>) -> Result<(), Error> {
        let present = !cell.is_empty();
        match self {
            Buffer::Text(values) => {
                values.push(ByteArray::from(cell.into_bytes()))
            }
            Buffer::Integer { values, defined } => {
                if present {
                    let n = cell
                        .parse()
                        .map_err(|_| at.not_a(&cell, "an integer"))?;
                    values.push(n);
                }
                defined.push(i16::from(present));
            }
            Buffer::Boolean { values, defined } => {
                if present {
                    values.push(match cell.as_str() {
                        "true" => true,
                        "false" => false,
                        _ => return Err(at.not_a(&cell, "`true` or `false`")),
                    });
                }
                defined.push(i16::from(present));
            }
            Buffer::Date { text, days, defined } => {
                if present {
                    let date: crate::Date = cell.parse().map_err(|_| {
                        at.not_a(&cell, "a date (YYYY-MM-DD, YYYY-MM or YYYY)")
                    })?;
                    days.push(date.day_number());
                    text.push(ByteArray::from(cell.into_bytes()));
                }
                defined.push(i16::from(present));
            }
        }
        Ok(())
    }

    /// Writes the values held to the row group's next columns (two for
    /// a date), and empties the buffer.
    fn write<W: Write + Send>(
        &mut self,
        group: &mut SerializedRowGroupWriter<'_, W>,
    ) -> Result<(), ParquetError> {
        match self {
            Buffer::Integer { values, defined } => {
                column::<Int64Type, W>(group, values, Some(defined))?;
                values.clear();
                defined.clear();
            }
            Buffer::Boolean { values, defined } => {
                column::<BoolType, W>(group, values, Some(defined))?;
                values.clear();
                defined.clear();
            }
            Buffer::Text(values) => {
                column::<ByteArrayType, W>(group, values, None)?;
                values.clear();
            }
            Buffer::Date { text, days, defined } => {
                column::<ByteArrayType, W>(group, text, Some(defined))?;
                column::<Int32Type, W>(group, days, Some(defined))?;
                text.clear();
                days.clear();
                defined.clear();
            }
        }
        Ok(())
    }
}

/// Writes one row group of the buffers' values.
fn write_group<W: Write + Send>(
    writer: &mut SerializedFileWriter<W>,
    buffers: &mut [Buffer],
) -> Result<(), ParquetError> {
    let mut group = writer.next_row_group()?;
    for buffer in buffers {
        buffer.write(&mut group)?;
    }
    group.close()?;
    Ok(())
}

/// Writes the row group's next column, of type `T` by the schema.
fn column<T: DataType, W: Write + Send>(
    group: &mut SerializedRowGroupWriter<'_, W>,
    values: &[T::T],
    defined: Option<&[i16]>,
) -> Result<(), ParquetError> {
    let Some(mut column) = group.next_column()? else {
        return Err(ParquetError::General("fewer columns than values".into()));
    };
    column.typed::<T>().write_batch(values, defined, None)?;
    column.close()
}

fn parquet_err(e: ParquetError) -> Error {
    export_err(format!("cannot write Parquet: {e}"))
}

fn export_err(message: String) -> Error {
    Error::msg(DiagnosticKind::Export, message)
}

#[cfg(test)]
mod tests {
    use parquet::file::reader::{FileReader, SerializedFileReader};
    use parquet::record::Field;

    use super::*;
    use crate::export::table::Column;

    fn table(rows: Vec<Vec<&str>>) -> Table<'static> {
        let rows: Vec<Vec<String>> = rows
            .into_iter()
            .map(|r| r.into_iter().map(String::from).collect())
            .collect();
        Table::new(
            "t",
            "a test",
            vec![
                Column::new("n", Kind::Integer, "a number"),
                Column::new("ok", Kind::Boolean, "a flag"),
                Column::new("name", Kind::Text, "a name"),
                Column::new("start", Kind::Date, "a date"),
            ],
            rows,
        )
    }

    /// The file's column names and its rows, each cell as the parquet
    /// crate's record reader gives it.
    fn read(bytes: Vec<u8>) -> (usize, Vec<String>, Vec<Vec<Field>>) {
        let mut file = tempfile::tempfile().unwrap();
        file.write_all(&bytes).unwrap();
        let reader = SerializedFileReader::new(file).unwrap();
        let groups = reader.metadata().num_row_groups();
        let schema = reader.metadata().file_metadata().schema_descr_ptr();
        let names = schema.columns().iter().map(|c| c.name().into()).collect();
        let rows = reader
            .get_row_iter(None)
            .unwrap()
            .map(|r| {
                r.unwrap().get_column_iter().map(|(_, f)| f.clone()).collect()
            })
            .collect();
        (groups, names, rows)
    }

    #[test]
    fn kinds_become_typed_columns_with_nulls_and_days() {
        let t = table(vec![
            vec!["750", "true", "=India", "2017-06-09"],
            vec!["", "", "", ""],
            vec!["-9", "false", "Sri Lanka", "2010-05"],
            vec!["2", "true", "x", "2008"],
            vec!["3", "true", "y", "1969-12-31"],
        ]);
        let mut out = Vec::new();
        write_in_groups(t, &mut out, 2).unwrap();
        let (groups, names, rows) = read(out);
        assert_eq!(groups, 3, "5 rows, 2 a group");
        assert_eq!(names, ["n", "ok", "name", "start", "start_day"]);
        use Field::{Bool, Date, Long, Null, Str};
        let s = |t: &str| Str(t.to_string());
        assert_eq!(
            rows[0],
            [Long(750), Bool(true), s("=India"), s("2017-06-09"), Date(17326)]
        );
        assert_eq!(rows[1], [Null, Null, s(""), Null, Null]);
        // 2010-05 stands for its first day, 2010-05-01.
        assert_eq!(rows[2][3..], [s("2010-05"), Date(14730)]);
        assert_eq!(rows[3][3..], [s("2008"), Date(13879)]);
        assert_eq!(rows[4][3..], [s("1969-12-31"), Date(-1)]);
        assert_eq!(rows[2][..2], [Long(-9), Bool(false)]);
    }

    #[test]
    fn the_same_table_gives_the_same_bytes() {
        let rows = vec![vec!["1", "true", "a", "2010-05"]];
        let (mut a, mut b) = (Vec::new(), Vec::new());
        write(table(rows.clone()), &mut a).unwrap();
        write(table(rows), &mut b).unwrap();
        assert_eq!(a, b);
    }

    #[test]
    fn a_table_without_rows_has_its_columns() {
        let mut out = Vec::new();
        write(table(Vec::new()), &mut out).unwrap();
        let (groups, names, rows) = read(out);
        assert_eq!((groups, names.len(), rows.len()), (0, 5, 0));
    }

    #[test]
    fn a_cell_not_of_its_kind_names_table_column_and_row() {
        let message = |rows| {
            let mut out = Vec::new();
            write(table(rows), &mut out).unwrap_err().to_string()
        };
        let ok = vec!["1", "true", "a", "2010"];
        let cases = [
            (
                vec!["1.5", "true", "a", "2010"],
                "column `n`, row 2: `1.5` is not an integer",
            ),
            (
                vec!["1", "yes", "a", "2010"],
                "column `ok`, row 2: `yes` is not `true` or `false`",
            ),
            (
                vec!["1", "true", "a", "2010-13"],
                "column `start`, row 2: `2010-13` is not a date",
            ),
            (
                vec!["1", "true", "a"],
                "table `t`, row 2: 3 cells, but 4 columns",
            ),
        ];
        for (bad, expected) in cases {
            let m = message(vec![ok.clone(), bad]);
            assert!(m.contains(expected), "{m}");
            assert!(m.contains("table `t`"), "{m}");
        }
    }

    #[test]
    fn a_day_column_may_not_take_another_columns_name() {
        let t = Table::new(
            "t",
            "a test",
            vec![
                Column::new("start", Kind::Date, "a date"),
                Column::new("start_day", Kind::Text, "a day"),
            ],
            Vec::<Vec<String>>::new(),
        );
        let m = write(t, Vec::new()).unwrap_err().to_string();
        assert!(
            m.contains("`start_day`, which is another column's name"),
            "{m}"
        );
    }
}
