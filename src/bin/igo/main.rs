//! `igo`: the command-line face of igo-graph. Parses arguments, calls the
//! library, prints, and owns exit codes (0 ok, 2 error; a broken pipe is a
//! success). No domain logic: that is in the library.

mod args;
mod changes;
mod commands;
mod cow;
mod flags;
mod institutions;
mod life;
mod report;
mod rows;
mod scope;
mod table;
mod term;

use std::io::Write as _;
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::{SystemTime, UNIX_EPOCH};

use clap::Parser;
use igo_graph::{Date, KnowledgeGraph, LoadOptions};

use crate::args::{BasisArg, Cli, Command, CsvTable, Format};
use crate::commands::Ctx;
use crate::report::Failure;

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        // A usage error quotes what was typed: printable, like ours.
        Err(e) if e.use_stderr() => {
            eprint!("{}", term::printable(&e.render().to_string()));
            return ExitCode::from(2);
        }
        Err(e) => e.exit(),
    };
    match run(&cli) {
        Ok(out) => {
            let mut stdout = std::io::stdout().lock();
            match stdout.write_all(&out).and_then(|()| stdout.flush()) {
                Ok(()) => ExitCode::SUCCESS,
                // `igo timeline | head` is a success.
                Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => {
                    ExitCode::SUCCESS
                }
                Err(e) => {
                    eprintln!("igo: cannot write output: {e}");
                    ExitCode::from(2)
                }
            }
        }
        Err(f) => {
            report::failure(&f);
            ExitCode::from(2)
        }
    }
}

/// The output: the text of a listing, or the bytes of an export.
fn run(cli: &Cli) -> Result<Vec<u8>, Failure> {
    flags::check(cli)?;
    let format = cli.format.unwrap_or(Format::Table);
    match &cli.command {
        Command::Completions { shell } => {
            return Ok(commands::completions(*shell));
        }
        Command::Man => return commands::man(),
        Command::Import { file, igos, output, force, .. } => {
            let target =
                commands::Target { path: Some(output), force: *force };
            return cow::import_cow(file, igos.as_deref(), target, today()?)
                .map(String::into_bytes);
        }
        Command::Validate { dir } => {
            let dir = dir.as_ref().or(cli.data.as_ref());
            let today = today()?;
            let kg = open(dir, &cli.layer, today)?;
            let data = commands::Checked {
                kg: &kg,
                shown: shown(dir, &cli.layer),
                bundled: dir.is_none(),
            };
            return commands::validate(
                &data,
                cli.org.as_deref(),
                format,
                today,
            )
            .map(|t| printable_as(format, t).into_bytes());
        }
        _ => {}
    }
    let today = today()?;
    let kg = open(cli.data.as_ref(), &cli.layer, today)?;
    // The process ends right after answering: freeing every string of the
    // graph first would be a sixth of the work of `igo at`.
    let kg: &KnowledgeGraph = Box::leak(Box::new(kg));
    let ctx = Ctx {
        scope: scope::Scope::resolve(cli, kg)?,
        kg,
        basis: cli.basis.unwrap_or(BasisArg::Effective).into(),
        format,
        today,
    };
    let days = match &cli.command {
        Command::At { date } => vec![ctx.day(date)?],
        Command::Members { at, .. } => vec![ctx.day(at)?],
        Command::Diff { from, to } => vec![ctx.day(from)?, ctx.day(to)?],
        Command::Export { at: Some(at), .. } => vec![ctx.day(at)?],
        _ => Vec::new(),
    };
    let diff = matches!(cli.command, Command::Diff { .. });
    for note in commands::notes(&ctx, &days, diff) {
        report::note(&note);
    }
    if let Command::Export {
        kind,
        at,
        output,
        force,
        rule,
        table,
        from,
        to,
        directed,
        columns,
        parquet,
    } = &cli.command
    {
        let at = at.as_deref().map(|a| ctx.day(a)).transpose()?;
        let target =
            commands::Target { path: output.as_deref(), force: *force };
        let how = commands::How {
            years: igo_graph::export::year::Years::by(
                rule.map(|r| r.0).unwrap_or_default(),
            )
            .between(*from, *to),
            table: table.unwrap_or(CsvTable::Spans),
            directed: *directed,
            cow_names: columns
                .is_some_and(|c| matches!(c, crate::args::ColumnNames::Cow)),
            parquet: *parquet,
        };
        return commands::export(&ctx, *kind, at, target, how);
    }
    listing(cli, &ctx).map(|t| printable_as(format, t).into_bytes())
}

/// The data asked for: the folder of `--data` (or of `validate DIR`),
/// else the bundled data, with each `--layer` loaded over it; what the
/// layers replace is said on stderr.
fn open(
    data: Option<&PathBuf>,
    layers: &[PathBuf],
    today: Date,
) -> Result<KnowledgeGraph, Failure> {
    // The data of a folder may not have been reviewed after today.
    let checks = LoadOptions::new().today(today);
    let (kg, notes) = match (data, layers) {
        (None, []) => return Ok(KnowledgeGraph::bundled()),
        (Some(dir), []) => {
            return Ok(KnowledgeGraph::load_with(dir, &checks)?);
        }
        (None, layers) => {
            KnowledgeGraph::bundled_with_layers(layers, &checks)?
        }
        (Some(dir), layers) => {
            let mut dirs = vec![dir.clone()];
            dirs.extend(layers.iter().cloned());
            KnowledgeGraph::load_layers_with(&dirs, &checks)?
        }
    };
    for n in &notes {
        report::note(n);
    }
    Ok(kg)
}

/// The data as `validate` names it: `bundled data`, or the folder, then
/// each layer (`bundled data + my-org`).
fn shown(data: Option<&PathBuf>, layers: &[PathBuf]) -> String {
    let base =
        data.map_or("bundled data".to_string(), |d| d.display().to_string());
    let layers = layers.iter().map(|l| format!(" + {}", l.display()));
    std::iter::once(base).chain(layers).collect()
}

/// Every command but validate, completions and man: its output.
fn listing(cli: &Cli, ctx: &Ctx) -> Result<String, Failure> {
    let all =
        matches!(ctx.scope, scope::Scope::All | scope::Scope::Several(_));
    let kg = ctx.kg;
    match &cli.command {
        Command::Export { .. } => unreachable!("exports are bytes"),
        Command::At { date } if all => commands::at_all(ctx, ctx.day(date)?),
        Command::At { date } => commands::at(ctx, ctx.day(date)?),
        Command::Claims => commands::claims(ctx),
        Command::Memberships { state, at } => {
            let at = at.as_deref().map(|a| ctx.day(a)).transpose()?;
            commands::memberships(ctx, state, at)
        }
        Command::Overlap { organizations, at, matrix: true } => {
            commands::overlap_matrix(ctx, organizations, ctx.day(at)?)
        }
        Command::Overlap { organizations, at, matrix: false } => {
            commands::overlap(ctx, organizations, ctx.day(at)?)
        }
        Command::Members { at, status } => {
            let status = match status {
                Some(text) => Some(
                    kg.resolve_organization(ctx.scope.org()?)?
                        .status_named(text)?,
                ),
                None => None,
            };
            commands::members(ctx, ctx.day(at)?, status)
        }
        Command::History { state } => commands::history(ctx, state),
        Command::Timeline { with_summits } => {
            commands::timeline(ctx, *with_summits)
        }
        Command::Chairs => commands::chairs(ctx),
        Command::Summits => commands::summits(ctx),
        Command::Officials => commands::officials(ctx),
        Command::Events => commands::events(ctx),
        Command::Diff { from, to } => {
            commands::diff(ctx, ctx.day(from)?, ctx.day(to)?)
        }
        Command::Compare { file, from, to, .. } => {
            if let (Some(a), Some(b)) = (from, to)
                && a > b
            {
                return Err(Failure::Msg(format!(
                    "--from {a} is after --to {b}: no year is compared \
                     (give the earlier year with --from)"
                )));
            }
            cow::compare_cow(ctx, ctx.scope.one(), file, (*from, *to))
        }
        Command::Validate { .. }
        | Command::Import { .. }
        | Command::Completions { .. }
        | Command::Man => {
            unreachable!("handled above")
        }
    }
}

/// A listing made safe for a terminal: a table shows control characters
/// escaped; JSON writes them as `\uXXXX` (the same value); CSV is data
/// and stays as it is.
fn printable_as(format: Format, text: String) -> String {
    match format {
        Format::Table => term::printable(&text).into_owned(),
        Format::Json => term::json_printable(&text).into_owned(),
        Format::Csv => text,
    }
}

/// Today in UTC, from the system clock: the only place that reads it (the
/// library never does).
fn today() -> Result<Date, Failure> {
    let secs = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    let (y, m, d) = civil_from_days((secs / 86_400) as i64);
    Date::from_ymd(y, m, d).ok_or_else(|| {
        Failure::Msg(format!("the system clock says {y}-{m}-{d}"))
    })
}

/// The proleptic Gregorian date `days` after 1970-01-01 (Howard Hinnant's
/// `civil_from_days`, <https://howardhinnant.github.io/date_algorithms.html>).
fn civil_from_days(days: i64) -> (i32, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    (y as i32, m as u32, d as u32)
}

#[cfg(test)]
mod tests {
    use super::civil_from_days;

    #[test]
    fn civil_dates_from_day_numbers() {
        assert_eq!(civil_from_days(0), (1970, 1, 1));
        assert_eq!(civil_from_days(-1), (1969, 12, 31));
        assert_eq!(civil_from_days(11_016), (2000, 2, 29));
        assert_eq!(civil_from_days(19_775), (2024, 2, 22));
        assert_eq!(civil_from_days(20_454), (2026, 1, 1));
    }
}
