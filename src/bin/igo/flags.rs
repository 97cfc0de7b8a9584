//! Which flag applies to which command. A flag given where it means
//! nothing is refused with the reason, never silently ignored.
//!
//! | flag | refused by | why |
//! |---|---|---|
//! | `--data` | `validate DIR`, `import` | the folder is DIR; import reads a file |
//! | `--layer` | `import` | it reads a file and writes a folder |
//! | `--org` | `export yaml`, `export html`, `export cow`, `export counts`, `export dyads`, `export bib`, `export csl`, `export release`, `memberships`, `overlap` | they answer for every organisation, or the ones named |
//! | `--basis` | `history`, `chairs`, `summits`, `officials`, `events` (the commands and the exports), `validate`, `claims`, `export yaml`, `export bib`, `export csl` | they show both dates, or dates with no basis |
//! | `--format` | `export`, `import` | the export's format is its FORMAT; import writes a folder |
//! | `--at` | `export gexf`, `csv`, `chairs`, `summits`, `officials`, `events`, `ttl`, `yaml`, `html`, `bib`, `csl`, `release` | they write the whole history |
//! | `--rule` | every export but `panel`, `cow`, `counts`, `dyads` and `release` | |
//! | `--from`, `--to` | every export but `cow`, `counts`, `dyads` | |
//! | `--directed` | every export but `dyads` | |
//! | `--columns` | every export but `cow` | |
//! | `--table` | every export but `csv` | |
//! | `--parquet`, `-o FILE.parquet` | every export but the tables (`panel`, `cow`, `counts`, `dyads`, `csv`, `chairs`, `summits`, `officials`, `events`) | the others are no table |
//!
//! `completions` and `man` write no data and refuse every global flag.
//!
//! `history --org ID` keeps that organisation's entries; `validate --org
//! ID` also checks that the folder holds `ID`.

use crate::args::{Cli, Command, ExportKind};
use crate::report::Failure;

/// The command's name as typed, for messages (`export gexf`).
fn name(command: &Command) -> String {
    let plain = match command {
        Command::At { .. } => "at",
        Command::Members { .. } => "members",
        Command::History { .. } => "history",
        Command::Timeline { .. } => "timeline",
        Command::Chairs => "chairs",
        Command::Summits => "summits",
        Command::Officials => "officials",
        Command::Events => "events",
        Command::Diff { .. } => "diff",
        Command::Claims => "claims",
        Command::Memberships { .. } => "memberships",
        Command::Overlap { .. } => "overlap",
        Command::Validate { .. } => "validate",
        Command::Completions { .. } => "completions",
        Command::Man => "man",
        Command::Export { kind, .. } => return format!("export {kind}"),
        Command::Import { .. } => "import cow",
        Command::Compare { .. } => "compare cow",
    };
    plain.to_string()
}

/// Why `--basis` means nothing to `command`, if it does not.
fn basis_refused(command: &Command) -> Option<&'static str> {
    match command {
        Command::History { .. } => Some(
            "a history shows both the decided and the effective date of \
             each change",
        ),
        Command::Chairs
        | Command::Summits
        | Command::Officials
        | Command::Events
        | Command::Export {
            kind:
                ExportKind::Chairs
                | ExportKind::Summits
                | ExportKind::Officials
                | ExportKind::Events,
            ..
        } => Some(
            "terms, meetings and events have one date each, decided and \
             effective alike",
        ),
        Command::Validate { .. } => Some("validation checks both dates"),
        Command::Import { .. } => Some("COW's codes have years, no basis"),
        Command::Claims => {
            Some("each published count is set beside both bases' counts")
        }
        Command::Export { kind: ExportKind::Yaml, .. } => {
            Some("the data set keeps both dates")
        }
        Command::Export { kind: ExportKind::Html, .. } => Some(
            "the page counts days by the effective date and shows both \
             dates of every transition",
        ),
        Command::Export {
            kind: ExportKind::Bib | ExportKind::Csl, ..
        } => Some("a source's dates have no basis"),
        Command::Completions { .. } | Command::Man => {
            Some("it writes no data")
        }
        _ => None,
    }
}

/// Why `--data` means nothing to `command`, if it does not.
fn data_refused(command: &Command) -> Option<&'static str> {
    match command {
        Command::Import { .. } => {
            Some("it reads the file given and writes the folder of -o")
        }
        Command::Validate { dir: Some(_) } => {
            Some("the folder to check is its DIR; give it once")
        }
        Command::Completions { .. } | Command::Man => {
            Some("it writes no data")
        }
        _ => None,
    }
}

/// Why `--layer` means nothing to `command`, if it does not.
fn layer_refused(command: &Command) -> Option<&'static str> {
    match command {
        // `validate DIR --layer L` checks the folder with its layers.
        Command::Validate { .. } => None,
        _ => data_refused(command),
    }
}

/// Why `--org` means nothing to `command`, if it does not.
pub fn org_refused(command: &Command) -> Option<&'static str> {
    match command {
        Command::Import { .. } => Some("it imports every IGO of the file"),
        Command::Memberships { .. } => {
            Some("it answers for every organisation the state is in")
        }
        Command::Overlap { .. } => Some(
            "the organisations are its arguments (`igo overlap SCO BRICS`)",
        ),
        Command::Export {
            kind: ExportKind::Yaml | ExportKind::Html, ..
        } => Some("it writes the whole data set, every organisation"),
        Command::Export { kind: ExportKind::Cow, .. } => {
            Some("it writes one column per organisation, every organisation")
        }
        Command::Export {
            kind: ExportKind::Counts | ExportKind::Dyads,
            ..
        } => Some("it counts every organisation of the data"),
        Command::Export {
            kind: ExportKind::Bib | ExportKind::Csl, ..
        } => Some("it writes every source of the data"),
        Command::Export { kind: ExportKind::Release, .. } => {
            Some("a release holds every organisation")
        }
        Command::Completions { .. } | Command::Man => {
            Some("it writes no data")
        }
        _ => None,
    }
}

/// Why `--format` means nothing to `command`, if it does not.
fn format_refused(command: &Command) -> Option<&'static str> {
    match command {
        Command::Import { .. } => Some("it writes a data folder"),
        Command::Export { .. } => Some(
            "an export's format is its FORMAT argument (`igo export json`)",
        ),
        Command::Completions { .. } | Command::Man => {
            Some("it writes a shell script or a man page")
        }
        _ => None,
    }
}

/// Why an export's own flags mean nothing to its format, if they do not.
fn export_refused(command: &Command) -> Option<(&'static str, String)> {
    let Command::Export {
        kind,
        at,
        rule,
        table,
        from,
        to,
        directed,
        columns,
        ..
    } = command
    else {
        return None;
    };
    let whole = matches!(
        kind,
        ExportKind::Gexf
            | ExportKind::Csv
            | ExportKind::Chairs
            | ExportKind::Summits
            | ExportKind::Officials
            | ExportKind::Events
            | ExportKind::Ttl
            | ExportKind::Yaml
            | ExportKind::Html
            | ExportKind::Release
    );
    if at.is_some() && matches!(kind, ExportKind::Bib | ExportKind::Csl) {
        return Some(("--at", "it writes every source of the data".into()));
    }
    if at.is_some() && whole {
        return Some((
            "--at",
            "it writes the whole history; the formats for one day are dot, \
             svg, png, graphml and json, and chart, panel and cow end on it"
                .into(),
        ));
    }
    let state_years = matches!(
        kind,
        ExportKind::Panel
            | ExportKind::Cow
            | ExportKind::Counts
            | ExportKind::Dyads
            | ExportKind::Release
    );
    if rule.is_some() && !state_years {
        return Some((
            "--rule",
            "it is the year rule of the state-year and dyad-year exports \
             (panel, cow, counts, dyads, release)"
                .into(),
        ));
    }
    let years = matches!(
        kind,
        ExportKind::Cow | ExportKind::Counts | ExportKind::Dyads
    );
    for (given, flag) in [(from.is_some(), "--from"), (to.is_some(), "--to")] {
        if given && !years {
            return Some((
                flag,
                "it chooses the years of `export cow`, `export counts` and \
                 `export dyads`"
                    .into(),
            ));
        }
    }
    if columns.is_some() && !matches!(kind, ExportKind::Cow) {
        return Some((
            "--columns",
            "it names the organisations' columns of `export cow`".into(),
        ));
    }
    if *directed && !matches!(kind, ExportKind::Dyads) {
        return Some((
            "--directed",
            "it chooses ordered pairs in `export dyads`".into(),
        ));
    }
    if table.is_some() && !matches!(kind, ExportKind::Csv) {
        return Some((
            "--table",
            "it chooses the table of `export csv`".into(),
        ));
    }
    parquet_refused(command)
}

/// Why Parquet (`--parquet`, or `-o FILE.parquet`) means nothing to an
/// export that writes no table, if it does not.
fn parquet_refused(command: &Command) -> Option<(&'static str, String)> {
    let Command::Export { kind, output, parquet, .. } = command else {
        return None;
    };
    if kind.is_table() {
        return None;
    }
    let why = format!(
        "Parquet holds a table, and `export {kind}` writes none; the tables \
         are panel, cow, csv, chairs, summits, officials and events"
    );
    if *parquet {
        return Some(("--parquet", why));
    }
    output
        .as_deref()
        .filter(|p| crate::commands::is_parquet_path(p))
        .map(|_| ("-o FILE.parquet", why))
}

/// Refuses the first flag given where it does not apply.
///
/// # Errors
///
/// A message naming the flag, the command and the reason.
pub fn check(cli: &Cli) -> Result<(), Failure> {
    let c = &cli.command;
    let refused = [
        (cli.data.is_some(), "--data", data_refused(c)),
        (!cli.layer.is_empty(), "--layer", layer_refused(c)),
        (cli.org.is_some(), "--org", org_refused(c)),
        (cli.basis.is_some(), "--basis", basis_refused(c)),
        (cli.format.is_some(), "--format", format_refused(c)),
    ]
    .into_iter()
    .find_map(|(given, flag, why)| {
        why.filter(|_| given).map(|w| (flag, w.to_string()))
    })
    .or_else(|| export_refused(c));
    match refused {
        Some((flag, why)) => Err(Failure::Msg(format!(
            "`{flag}` does not apply to `{}`: {why}",
            name(c)
        ))),
        None => Ok(()),
    }
}
