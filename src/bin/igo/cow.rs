//! `igo import cow` and `igo compare cow`: COW IGO v3's files beside our
//! record.

use std::path::Path;

use igo_graph::KnowledgeGraph;
use igo_graph::export::csv::cell;
use igo_graph::import::cow::{
    Comparison, Disagreement, Stream, compare_stream, import_stream,
};
use igo_graph::import::{check_destination, write_folder};

use crate::args::Format;
use crate::commands::{Ctx, Target};
use crate::report::{self, Failure};

/// A file named on the command line, opened to be read as it streams.
fn open(path: &Path) -> Result<std::fs::File, Failure> {
    std::fs::File::open(path).map_err(|e| {
        Failure::Msg(format!("cannot read `{}`: {e}", path.display()))
    })
}

/// `igo import cow FILE [--igos FILE] -o DIR`: the folder is checked by
/// the loader before a file of it is written, and written whole
/// ([`write_folder`]); where it may go is checked before a file is read.
pub fn import_cow(
    file: &Path,
    igos: Option<&Path>,
    target: Target,
    today: igo_graph::Date,
) -> Result<String, Failure> {
    let dir = target.path.expect("clap requires -o");
    if check_destination(dir)? && !target.force {
        return Err(Failure::Msg(format!(
            "`{}` is not empty: `import cow` writes a data folder into an \
             empty or new folder (add --force to replace the data folder \
             it holds)",
            dir.display()
        )));
    }
    let name = file.display().to_string();
    let mut reader = open(file)?;
    let state_year = Stream { name: &name, reader: &mut reader };
    let igo_name = igos.map(|p| p.display().to_string());
    let mut igo_reader = igos.map(open).transpose()?;
    let igo_input = match (&igo_name, &mut igo_reader) {
        (Some(name), Some(reader)) => Some(Stream { name, reader }),
        _ => None,
    };
    let folder = import_stream(state_year, igo_input, Some(today))?;
    // Never a folder the loader would refuse, today.
    KnowledgeGraph::from_texts(folder.files.clone())?;
    write_folder(dir, &folder.files, target.force)?;
    for note in &folder.notes {
        report::note(note);
    }
    Ok(format!(
        "imported {} organisations, {} states and {} transitions into {}\n",
        folder.organizations,
        folder.states,
        folder.transitions,
        dir.display()
    ))
}

/// `igo compare cow FILE [--org ORG] [--from YEAR] [--to YEAR]`.
pub fn compare_cow(
    ctx: &Ctx,
    org: Option<&str>,
    file: &Path,
    years: (Option<i32>, Option<i32>),
) -> Result<String, Failure> {
    let name = file.display().to_string();
    let mut reader = open(file)?;
    let input = Stream { name: &name, reader: &mut reader };
    let c = compare_stream(ctx.kg, input, org, years, ctx.basis)?;
    match ctx.format {
        Format::Json => crate::rows::json(&c),
        Format::Csv => csv(&c),
        Format::Table => Ok(table(&c)),
    }
}

fn date(d: Option<igo_graph::Date>) -> String {
    d.map_or(String::new(), |d| d.to_string())
}

fn sources(d: &Disagreement) -> String {
    d.sources.iter().map(|s| s.as_str()).collect::<Vec<_>>().join(" ")
}

/// One row per disagreement; the summary is the JSON's and the table's.
fn csv(c: &Comparison) -> Result<String, Failure> {
    let mut w = ::csv::Writer::from_writer(Vec::new());
    let io = |e: ::csv::Error| Failure::Msg(format!("cannot write CSV: {e}"));
    w.write_record(COLUMNS).map_err(io)?;
    for d in &c.disagreements {
        let row = [
            d.organization.clone(),
            d.column.clone(),
            d.ccode.to_string(),
            d.state.clone(),
            d.year.to_string(),
            d.cow.to_string(),
            d.ours.to_string(),
            d.status.clone(),
            date(d.decided),
            date(d.effective),
            sources(d).replace(' ', ";"),
            d.cow_abbrev.clone(),
        ];
        w.write_record(row.iter().map(|v| cell(v))).map_err(io)?;
    }
    let bytes = w.into_inner().map_err(|e| Failure::Msg(e.to_string()))?;
    String::from_utf8(bytes).map_err(|e| Failure::Msg(e.to_string()))
}

/// The columns of `igo compare cow --format csv`.
const COLUMNS: [&str; 12] = [
    "organization",
    "column",
    "ccode",
    "state",
    "year",
    "cow",
    "ours",
    "status",
    "decided",
    "effective",
    "sources",
    "cow_abbrev",
];

fn table(c: &Comparison) -> String {
    let mut out = String::new();
    if c.years != c.file_years {
        // Say which years were compared when they are not the file's.
        out.push_str(&format!(
            "years compared: {}-{} (the file has {}-{})\n",
            c.years.0, c.years.1, c.file_years.0, c.file_years.1
        ));
    }
    out.push_str(
        "organization      column  state-years  agree  disagree  \
         (lifetime)\n",
    );
    for t in &c.summary {
        out.push_str(&format!(
            "{:<17} {:<7} {:>11} {:>6} {:>9}  {:>10}\n",
            t.organization, t.column, t.cells, t.agree, t.disagree, t.lifetime
        ));
    }
    if c.disagreements.is_empty() {
        return out;
    }
    out.push_str(
        "\norganization  state  ccode  year  cow  ours  our status (its dates)  \
         sources\n",
    );
    for d in &c.disagreements {
        // A state our data does not know: COW's abbreviation, in brackets.
        let state = if d.state.is_empty() {
            format!("({})", d.cow_abbrev)
        } else {
            d.state.clone()
        };
        let dates = match (d.decided, d.effective) {
            (None, None) => String::new(),
            (a, b) if a == b => format!(" ({})", date(a)),
            (None, Some(e)) => format!(" (effective {e})"),
            (Some(a), None) => format!(" (decided {a}, not in effect)"),
            (Some(a), Some(e)) => format!(" (decided {a}, effective {e})"),
        };
        out.push_str(&format!(
            "{:<13} {:<6} {:>5}  {}  {:>3}  {:>4}  {}{}  {}\n",
            d.organization,
            state,
            d.ccode,
            d.year,
            d.cow,
            d.ours,
            d.status,
            dates,
            sources(d)
        ));
    }
    out
}
