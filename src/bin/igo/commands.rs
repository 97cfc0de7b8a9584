//! One function per command: ask the library, then hand the answer to
//! the table, CSV or JSON printer the `--format` asks for.

use std::path::Path;

use igo_graph::{Basis, Date, KnowledgeGraph, Status, export};

use crate::args::{CsvTable, ExportKind, Format};
use crate::report::Failure;
use crate::scope::Scope;
use crate::{changes, institutions, rows, table};

/// What every command needs: the graph, the organisation asked about, the
/// basis and format, and the day the clock says is today.
pub struct Ctx<'a> {
    pub kg: &'a KnowledgeGraph,
    pub scope: Scope,
    pub basis: Basis,
    pub format: Format,
    pub today: Date,
}

impl Ctx<'_> {
    /// A query day: `YYYY-MM-DD` or `today`.
    pub fn day(&self, text: &str) -> Result<Date, Failure> {
        if text.eq_ignore_ascii_case("today") {
            return Ok(self.today);
        }
        let d: Date =
            text.parse().map_err(|e| Failure::Msg(format!("{e}")))?;
        if !d.is_day() {
            return Err(Failure::Msg(format!(
                "`{text}` is not a day: ask about a day, YYYY-MM-DD (or `today`)"
            )));
        }
        Ok(d)
    }

    /// The organisation asked about (see [`Scope::org`]).
    fn org(&self) -> Result<&str, Failure> {
        self.scope.org()
    }

    /// Export options: one organisation, `all` (the region in one
    /// picture), or none for an export of the whole data set.
    fn options(&self) -> export::Options {
        let org = match &self.scope {
            Scope::One(id) => id.clone(),
            Scope::All => export::dot::ALL.to_string(),
            Scope::Several(ids) => ids.join(","),
            Scope::Data => String::new(),
        };
        export::Options::new(org).basis(self.basis).today(self.today)
    }
}

/// Advice for stderr about the days asked about: a day the organisation
/// did not exist on (naming the one of its line that did, and the flag
/// to ask it), and a `diff` whose first day is the later.
pub fn notes(ctx: &Ctx, days: &[Date], diff: bool) -> Vec<String> {
    let mut notes = Vec::new();
    let Some(org) = ctx.scope.one().and_then(|o| ctx.kg.organization(o))
    else {
        return notes;
    };
    let mut seen: Vec<Date> = Vec::new();
    for &day in days {
        if org.existed_on(day) || seen.contains(&day) {
            continue;
        }
        seen.push(day);
        let life = match org.dissolved {
            Some(d) => format!("founded {}, dissolved {d}", org.founded),
            None => format!("founded {}", org.founded),
        };
        let mut note = if org.end_uncertain_on(day) {
            format!(
                "{} may no longer have existed on {day}: it ended in {}, a \
                 date known only to the {} ({life})",
                org.id,
                org.dissolved.map(|d| d.to_string()).unwrap_or_default(),
                org.dissolved.map_or("year", |d| if d.month().is_some() {
                    "month"
                } else {
                    "year"
                })
            )
        } else {
            format!("{} did not exist on {day} ({life})", org.id)
        };
        if let Some(other) = ctx.kg.line_on(org.id.as_str(), day) {
            let kin = if other.founded < org.founded {
                "predecessor"
            } else {
                "successor"
            };
            note.push_str(&format!(
                "; its {kin} {} ({}) did: ask with --org {}",
                other.id, other.name, other.id
            ));
        }
        notes.push(note);
    }
    if let [from, to] = days
        && diff
        && from > to
    {
        notes.push(format!(
            "{from} is after {to}: the changes read backwards, from the \
             later day to the earlier (swap the days to read forwards)"
        ));
    }
    notes
}

/// `igo at DATE`.
pub fn at(ctx: &Ctx, date: Date) -> Result<String, Failure> {
    let snap = ctx.kg.snapshot(ctx.org()?, date, ctx.basis)?;
    match ctx.format {
        Format::Json => rows::json(&snap),
        Format::Csv => rows::snapshot(ctx.kg, &snap),
        Format::Table => {
            // Only the table says where the other basis disagrees.
            let bases = ctx.kg.compare_bases(ctx.org()?, date, ctx.basis)?;
            table::snapshot(ctx.kg, &snap, &bases)
        }
    }
}

/// `igo at DATE --org all` (or `--org SCO,CSTO`): every (each named)
/// organisation's snapshot.
pub fn at_all(ctx: &Ctx, date: Date) -> Result<String, Failure> {
    let mut snaps = Vec::new();
    for id in ctx.scope.organizations(ctx.kg) {
        snaps.push(ctx.kg.snapshot(&id, date, ctx.basis)?);
    }
    match ctx.format {
        Format::Json => rows::json(&snaps),
        Format::Csv => {
            let mut out = String::new();
            for (i, snap) in snaps.iter().enumerate() {
                let text = rows::snapshot(ctx.kg, snap)?;
                // One header for all.
                let body = if i == 0 {
                    &text[..]
                } else {
                    text.split_once('\n').map_or("", |(_, b)| b)
                };
                out.push_str(body);
            }
            Ok(out)
        }
        Format::Table => {
            let mut parts = Vec::new();
            for snap in &snaps {
                let id = snap.organization.as_str();
                let bases = ctx.kg.compare_bases(id, date, ctx.basis)?;
                parts.push(table::snapshot(ctx.kg, snap, &bases)?);
            }
            Ok(parts.join("\n"))
        }
    }
}

/// `igo claims`.
pub fn claims(ctx: &Ctx) -> Result<String, Failure> {
    let checks = ctx.kg.claim_checks(ctx.org()?)?;
    match ctx.format {
        Format::Json => rows::json(&checks),
        Format::Csv => rows::claims(&checks),
        Format::Table => table::claims(ctx.kg, ctx.org()?, &checks),
    }
}

/// `igo memberships STATE [--at DATE]`.
pub fn memberships(
    ctx: &Ctx,
    state: &str,
    at: Option<Date>,
) -> Result<String, Failure> {
    if at.is_none() && ctx.format == Format::Json {
        // The whole history across organisations.
        return rows::json(&ctx.kg.history(state)?);
    }
    let date = at.unwrap_or(ctx.today);
    let st = ctx.kg.resolve_state(state)?;
    let ms = ctx.kg.memberships(st.id.as_str(), date, ctx.basis)?;
    match ctx.format {
        Format::Json => rows::json(&serde_json::json!({
            "state": st.id,
            "date": date,
            "basis": ctx.basis,
            "memberships": ms,
            // Whether the state lived that day (null: the data gives it
            // no life).
            "exists": st.exists_on(date),
            "coverage": ctx.kg.coverage_caveats(date),
        })),
        Format::Csv => rows::memberships(st.id.as_str(), date, ctx.basis, &ms),
        Format::Table => table::memberships(ctx.kg, st, date, ctx.basis, &ms),
    }
}

/// `igo overlap ORG ORG... [--at DATE]`.
pub fn overlap(
    ctx: &Ctx,
    organizations: &[String],
    date: Date,
) -> Result<String, Failure> {
    let ids: Vec<&str> = organizations.iter().map(String::as_str).collect();
    let o = ctx.kg.overlap(&ids, date, ctx.basis)?;
    match ctx.format {
        Format::Json => rows::json(&o),
        Format::Csv => rows::overlap(&o),
        Format::Table => table::overlap(ctx.kg, &o),
    }
}

/// `igo overlap --matrix [ORG...] [--at DATE]`.
pub fn overlap_matrix(
    ctx: &Ctx,
    organizations: &[String],
    date: Date,
) -> Result<String, Failure> {
    let ids: Vec<&str> = organizations.iter().map(String::as_str).collect();
    let m = ctx.kg.overlap_matrix(&ids, date, ctx.basis)?;
    match ctx.format {
        Format::Json => rows::json(&m),
        Format::Csv => rows::matrix(&m),
        Format::Table => table::matrix(&m),
    }
}

/// `igo members --at DATE [--status S]`.
pub fn members(
    ctx: &Ctx,
    date: Date,
    status: Option<Status>,
) -> Result<String, Failure> {
    let org = ctx.org()?;
    let roster = ctx.kg.roster(org, date, ctx.basis, status)?;
    let coverage = ctx.kg.coverage_caveat(org, date)?;
    match ctx.format {
        Format::Json => {
            rows::roster_json((org, date, ctx.basis), &roster, coverage)
        }
        Format::Csv => rows::roster(date, &roster),
        Format::Table => table::roster(
            (org, date, ctx.basis),
            status,
            &roster,
            coverage.as_ref(),
        ),
    }
}

/// `igo history STATE`: every organisation's entries, or only those of
/// `--org` when it was given.
pub fn history(ctx: &Ctx, state: &str) -> Result<String, Failure> {
    let mut h = ctx.kg.history(state)?;
    if let Some(org) = ctx.scope.one() {
        h.entries.retain(|e| e.organization == org);
    }
    match ctx.format {
        Format::Json => rows::json(&h),
        Format::Csv => rows::history(&h),
        Format::Table => table::history(&h),
    }
}

/// `igo timeline [--with-summits]`.
pub fn timeline(ctx: &Ctx, with_summits: bool) -> Result<String, Failure> {
    let mut t = ctx.kg.timeline_with_summits(ctx.org()?, ctx.basis)?;
    if !with_summits {
        t.summits.clear();
        t.counts.clear();
    }
    match ctx.format {
        Format::Json if with_summits => {
            let mut v = serde_json::to_value(&t.timeline)?;
            v["summits"] = serde_json::to_value(&t.summits)?;
            rows::json(&v)
        }
        Format::Json => rows::json(&t.timeline),
        Format::Csv => rows::timeline(ctx.kg, &t),
        Format::Table => changes::timeline(ctx.kg, &t),
    }
}

/// `igo chairs`.
pub fn chairs(ctx: &Ctx) -> Result<String, Failure> {
    match ctx.format {
        Format::Json => rows::json(&ctx.kg.chairs(ctx.org()?)),
        Format::Csv => {
            csv_with(ctx, |kg, o, b| export::csv::write_chairs(kg, o, b))
        }
        Format::Table => institutions::chairs(ctx.kg, ctx.org()?),
    }
}

/// `igo summits`.
pub fn summits(ctx: &Ctx) -> Result<String, Failure> {
    match ctx.format {
        Format::Json => rows::json(&ctx.kg.summits(ctx.org()?)),
        Format::Csv => {
            csv_with(ctx, |kg, o, b| export::csv::write_summits(kg, o, b))
        }
        Format::Table => institutions::summits(ctx.kg, ctx.org()?),
    }
}

/// `igo officials`.
pub fn officials(ctx: &Ctx) -> Result<String, Failure> {
    match ctx.format {
        Format::Json => rows::officials(ctx.kg, ctx.org()?),
        Format::Csv => {
            csv_with(ctx, |kg, o, b| export::csv::write_officials(kg, o, b))
        }
        Format::Table => institutions::officials(ctx.kg, ctx.org()?),
    }
}

/// `igo events`.
pub fn events(ctx: &Ctx) -> Result<String, Failure> {
    match ctx.format {
        Format::Json => rows::json(&ctx.kg.events(ctx.org()?)),
        Format::Csv => {
            csv_with(ctx, |kg, o, b| export::csv::write_org_events(kg, o, b))
        }
        Format::Table => institutions::events(ctx.kg, ctx.org()?),
    }
}

/// `igo diff FROM TO`.
pub fn diff(ctx: &Ctx, from: Date, to: Date) -> Result<String, Failure> {
    let d = ctx.kg.diff(ctx.org()?, from, to, ctx.basis)?;
    match ctx.format {
        Format::Json => rows::json(&d),
        Format::Csv => rows::diff(ctx.kg, &d),
        Format::Table => changes::diff(ctx.kg, &d, ctx.kg.family_sizes(&d)?),
    }
}

/// A data set loaded for `validate`, and how to name it.
pub struct Checked<'a> {
    pub kg: &'a KnowledgeGraph,
    /// `bundled data`, or the folder, then each layer.
    pub shown: String,
    /// Whether the bundled data is part of it (checked when igo was
    /// built, without a clock).
    pub bundled: bool,
}

/// `igo validate [DIR] [--layer L]...`: the counts of a data set that
/// loads (a folder, or the bundled data, with its layers), in the format
/// asked for; with `--org`, the data must hold it. No review day may be
/// after `today`.
pub fn validate(
    data: &Checked<'_>,
    org: Option<&str>,
    format: Format,
    today: Date,
) -> Result<String, Failure> {
    let (kg, shown) = (data.kg, &data.shown);
    // The bundled data was checked when igo was built, without a clock.
    if data.bundled
        && let Some(o) = kg
            .organizations()
            .find(|o| o.reviewed.is_some_and(|r| today.certainly_before(r)))
    {
        return Err(Failure::Msg(format!(
            "the bundled data of `{}` was reviewed on {}, after today ({today}): is the computer's clock right?",
            o.id,
            o.reviewed.map_or(String::new(), |r| r.to_string())
        )));
    }
    if let Some(org) = org {
        kg.resolve_organization(org)?;
    }
    let counts = [
        ("states", kg.states().count()),
        ("organizations", kg.organizations().count()),
        ("sources", kg.sources().count()),
        ("transitions", kg.transition_count()),
        ("spans", kg.spans().len()),
    ];
    // How far the data reaches: each organisation's review day.
    let reviewed: Vec<(String, Option<Date>)> =
        kg.organizations().map(|o| (o.id.to_string(), o.reviewed)).collect();
    match format {
        Format::Table => {
            let mut out = format!(
                "ok: {shown}: {} states, {} organisations, {} sources, {} transitions, {} spans\n",
                counts[0].1,
                counts[1].1,
                counts[2].1,
                counts[3].1,
                counts[4].1,
            );
            let reach: Vec<String> = reviewed
                .iter()
                .map(|(id, r)| match r {
                    Some(d) => format!("{id} {d}"),
                    None => format!("{id} (no review day)"),
                })
                .collect();
            let line = format!("reviewed: {}", reach.join(", "));
            out.push_str(&table::wrapped(&line));
            Ok(out)
        }
        Format::Json => {
            let mut v = serde_json::json!({ "data": shown, "ok": true });
            for (k, n) in counts {
                v[k] = n.into();
            }
            v["reviewed"] = reviewed
                .iter()
                .map(|(id, r)| (id.clone(), serde_json::json!(r)))
                .collect::<serde_json::Map<_, _>>()
                .into();
            rows::json(&v)
        }
        Format::Csv => rows::validate(shown, counts),
    }
}

/// `igo completions SHELL`: the script, generated from the clap
/// definition.
pub fn completions(shell: clap_complete::Shell) -> Vec<u8> {
    let mut cmd = <crate::args::Cli as clap::CommandFactory>::command();
    let mut out = Vec::new();
    clap_complete::generate(shell, &mut cmd, "igo", &mut out);
    out
}

/// `igo man`: igo(1) in roff.
pub fn man() -> Result<Vec<u8>, Failure> {
    let cmd = <crate::args::Cli as clap::CommandFactory>::command();
    let mut out = Vec::new();
    clap_mangen::Man::new(cmd).render(&mut out).map_err(|e| {
        Failure::Msg(format!("cannot write the man page: {e}"))
    })?;
    Ok(out)
}

/// Where an export goes: a file (or, for yaml, a folder), else stdout;
/// `force` lets yaml write into a folder that is not empty.
pub struct Target<'a> {
    pub path: Option<&'a Path>,
    pub force: bool,
}

/// How an export is written: the years and year rule (panel, cow,
/// counts, dyads, release), the table of `export csv`, whether dyads are
/// directed, how `export cow` names its columns, and whether a table is
/// written as Parquet.
pub struct How {
    /// The years (`--from`, `--to`) and the year rule (`--rule`).
    pub years: export::year::Years,
    /// The table of `export csv` (`--table`).
    pub table: CsvTable,
    /// `--directed`.
    pub directed: bool,
    /// `--columns cow`.
    pub cow_names: bool,
    /// `--parquet`.
    pub parquet: bool,
}

/// The format of a table export.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum TableFormat {
    /// RFC 4180 CSV, every cell through `export::csv::cell`.
    Csv,
    /// Apache Parquet (`export::parquet`).
    Parquet,
}

/// Whether `path` names a Parquet file (`.parquet`, in any case).
pub fn is_parquet_path(path: &Path) -> bool {
    path.extension().is_some_and(|e| e.eq_ignore_ascii_case("parquet"))
}

/// Writes any table, of every table export: as CSV, or as Parquet.
pub fn write_table(
    table: export::table::Table<'_>,
    format: TableFormat,
    out: &mut Vec<u8>,
) -> Result<(), Failure> {
    match format {
        TableFormat::Csv => table.write_csv(out)?,
        TableFormat::Parquet => export::parquet::write(table, out)?,
    }
    Ok(())
}

/// The table a table export writes ([`ExportKind::is_table`]), or `None`
/// for the other exports.
fn table_of<'a>(
    kg: &'a KnowledgeGraph,
    opts: &export::Options,
    kind: ExportKind,
    how: &How,
) -> Result<Option<export::table::Table<'a>>, Failure> {
    use export::csv;
    let table = match kind {
        ExportKind::Panel => export::panel::table(kg, opts, how.years.rule)?,
        ExportKind::Cow => {
            let names = match how.cow_names {
                true => export::cow::Names::Cow,
                false => export::cow::Names::Ids,
            };
            let layout = export::cow::Layout { years: how.years, names };
            export::cow::table_with(kg, opts, &layout)?
        }
        ExportKind::Counts => export::counts::table(kg, opts, &how.years)?,
        ExportKind::Dyads => {
            export::dyads::table(kg, opts, &how.years, how.directed)?
        }
        ExportKind::Csv => match how.table {
            CsvTable::Spans => csv::spans_table(kg, opts)?,
            CsvTable::Events => csv::events_table(kg, opts)?,
        },
        ExportKind::Chairs => csv::chairs_table(kg, opts)?,
        ExportKind::Summits => csv::summits_table(kg, opts)?,
        ExportKind::Officials => csv::officials_table(kg, opts)?,
        ExportKind::Events => csv::org_events_table(kg, opts)?,
        _ => return Ok(None),
    };
    Ok(Some(table))
}

/// `igo export KIND`: the bytes of the export, or nothing when written to
/// a file.
pub fn export(
    ctx: &Ctx,
    kind: ExportKind,
    at: Option<Date>,
    target: Target,
    how: How,
) -> Result<Vec<u8>, Failure> {
    let output = target.path;
    let format = if how.parquet || output.is_some_and(is_parquet_path) {
        TableFormat::Parquet
    } else {
        TableFormat::Csv
    };
    let binary = kind == ExportKind::Png || format == TableFormat::Parquet;
    if binary && output.is_none() && stdout_is_terminal() {
        let what = if kind.is_table() { "Parquet" } else { "binary data" };
        return Err(Failure::Msg(format!(
            "`export {kind}` writes {what}, not for a terminal: give a \
             file with -o FILE (or pipe it)"
        )));
    }
    let (kg, mut opts) = (ctx.kg, ctx.options());
    if let Some(at) = at {
        opts = opts.at(at);
    }
    let mut buf: Vec<u8> = Vec::new();
    if let Some(table) = table_of(kg, &opts, kind, &how)? {
        write_table(table, format, &mut buf)?;
    } else if !write_other(
        ctx,
        (kind, &opts),
        (&target, how.years.rule),
        &mut buf,
    )? {
        return Ok(Vec::new());
    }
    match output {
        Some(path) => {
            std::fs::write(path, &buf).map_err(|e| {
                Failure::Msg(format!("cannot write `{}`: {e}", path.display()))
            })?;
            Ok(Vec::new())
        }
        None => Ok(buf),
    }
}

/// The exports that are no table: into `buf`, or, for yaml and html, a
/// folder (then `false`: nothing left to write).
fn write_other(
    ctx: &Ctx,
    (kind, opts): (ExportKind, &export::Options),
    (target, rule): (&Target, export::year::Rule),
    buf: &mut Vec<u8>,
) -> Result<bool, Failure> {
    use export::render::ImageFormat;
    let kg = ctx.kg;
    match kind {
        ExportKind::Dot => export::dot::write(kg, opts, buf)?,
        ExportKind::Svg => {
            export::render::write(kg, opts, ImageFormat::Svg, buf)?
        }
        ExportKind::Png => {
            export::render::write(kg, opts, ImageFormat::Png, buf)?
        }
        ExportKind::Chart => export::chart::write(kg, opts, buf)?,
        ExportKind::Gexf => export::gexf::write(kg, opts, buf)?,
        ExportKind::Graphml => export::graphml::write(kg, opts, buf)?,
        ExportKind::Json => export::json::write(kg, opts, buf)?,
        ExportKind::Ttl => export::ttl::write(kg, opts, buf)?,
        ExportKind::Bib => export::bib::write_bibtex(kg, buf)?,
        ExportKind::Csl => export::bib::write_csl_json(kg, buf)?,
        ExportKind::Release => {
            let Some(dir) = target.path else {
                return Err(Failure::Msg(
                    "`export release` writes a folder: give it with -o DIR"
                        .into(),
                ));
            };
            refuse_full_folder(dir, target.force, kind)?;
            release(ctx, dir, rule)?;
            return Ok(false);
        }
        ExportKind::Yaml => {
            let Some(dir) = target.path else {
                return Err(Failure::Msg(
                    "`export yaml` writes a data folder: give it with -o DIR"
                        .into(),
                ));
            };
            refuse_full_folder(dir, target.force, kind)?;
            export::yaml::write_dir(kg, dir)?;
            return Ok(false);
        }
        ExportKind::Html => {
            let Some(dir) = target.path else {
                return Err(Failure::Msg(
                    "`export html` writes a web site, a folder: give it \
                     with -o DIR"
                        .into(),
                ));
            };
            refuse_full_folder(dir, target.force, kind)?;
            // The page opens where `igo` does without --org.
            export::html::write_dir(kg, dir, Some(crate::scope::DEFAULT_ORG))?;
            return Ok(false);
        }
        ExportKind::Panel
        | ExportKind::Cow
        | ExportKind::Counts
        | ExportKind::Dyads
        | ExportKind::Csv
        | ExportKind::Chairs
        | ExportKind::Summits
        | ExportKind::Officials
        | ExportKind::Events => {
            return Err(Failure::Msg(format!(
                "`export {kind}` is a table: this is a bug of igo, please \
                 report it"
            )));
        }
    }
    Ok(true)
}

/// Whether stdout is a terminal, where binary data would be garbage.
fn stdout_is_terminal() -> bool {
    use std::io::IsTerminal as _;
    std::io::stdout().is_terminal()
}

/// `igo export release -o DIR`: the release dated by the data's review
/// day (today, with a note, when the data gives none).
fn release(
    ctx: &Ctx,
    dir: &Path,
    rule: export::year::Rule,
) -> Result<(), Failure> {
    let day = export::release::review_day(ctx.kg).unwrap_or_else(|| {
        crate::report::note(&format!(
            "the data gives no review day (`reviewed:`): the release is \
             dated today, {}",
            ctx.today
        ));
        ctx.today
    });
    let opts = export::release::Options::new(day).rule(rule).basis(ctx.basis);
    export::release::write_dir(ctx.kg, dir, &opts)?;
    Ok(())
}

/// Refuses to write a folder export into a folder that holds anything,
/// unless forced: files of another data set would be mixed with ours.
fn refuse_full_folder(
    dir: &Path,
    force: bool,
    kind: ExportKind,
) -> Result<(), Failure> {
    let full = std::fs::read_dir(dir)
        .map(|mut entries| entries.next().is_some())
        .unwrap_or(false);
    let what = match kind {
        ExportKind::Html => "a web site",
        ExportKind::Release => "a data release",
        _ => "a data folder",
    };
    if full && !force {
        return Err(Failure::Msg(format!(
            "`{}` is not empty: `export {kind}` writes {what} into an \
             empty or new folder (add --force to write into it anyway)",
            dir.display()
        )));
    }
    Ok(())
}

/// The text of a library CSV table of the organisation.
fn csv_with(
    ctx: &Ctx,
    write: impl FnOnce(
        &KnowledgeGraph,
        &export::Options,
        &mut Vec<u8>,
    ) -> Result<(), igo_graph::Error>,
) -> Result<String, Failure> {
    let mut buf = Vec::new();
    write(ctx.kg, &ctx.options(), &mut buf)?;
    String::from_utf8(buf).map_err(|e| Failure::Msg(e.to_string()))
}

#[cfg(test)]
mod tests {
    use clap::ValueEnum as _;

    use super::*;

    /// `--parquet` is refused (flags.rs) by exactly the exports that
    /// write no table.
    #[test]
    fn the_exports_that_are_tables_write_one() {
        let kg = KnowledgeGraph::bundled();
        let day: Date = "2026-01-01".parse().unwrap();
        let opts = export::Options::new("SCO").today(day);
        let how = How {
            years: export::year::Years::default().between(Some(2025), None),
            table: CsvTable::Spans,
            directed: false,
            cow_names: false,
            parquet: false,
        };
        for &kind in ExportKind::value_variants() {
            let Ok(table) = table_of(&kg, &opts, kind, &how) else {
                panic!("export {kind} fails")
            };
            assert_eq!(table.is_some(), kind.is_table(), "export {kind}");
        }
    }
}
