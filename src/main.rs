//! `igo`: the command-line face of igo-graph. Parses arguments, calls the
//! library, prints, and owns exit codes (0 ok, 2 error). No domain logic.

use std::fmt::Write as _;
use std::io::Write as _;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};
use igo_graph::{
    Basis, Date, Error, History, KnowledgeGraph, Snapshot, Status, StatusOn,
    Summit, Timeline, export,
};

/// Who held which status in an intergovernmental organisation on which day,
/// and why (with sources). Bundled data: the Shanghai Cooperation
/// Organisation and its predecessor, the Shanghai Five.
#[derive(Parser)]
#[command(name = "igo", version, max_term_width = 80)]
struct Cli {
    /// Read the data from this folder instead of the bundled data.
    #[arg(long, global = true, value_name = "DIR")]
    data: Option<PathBuf>,
    /// The organisation asked about.
    #[arg(long, global = true, default_value = "SCO", value_name = "ID")]
    org: String,
    /// Count status changes by the day they took effect, or by the day
    /// they were decided.
    #[arg(long, global = true, value_enum, default_value_t = BasisArg::Effective)]
    basis: BasisArg,
    /// Output format.
    #[arg(long, global = true, value_enum, default_value_t = Format::Table)]
    format: Format,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// The whole picture on a day: members, observers, partners, counts.
    At {
        /// YYYY-MM-DD, or `today`.
        date: String,
    },
    /// The states of one category (or all) on a day.
    Members {
        /// YYYY-MM-DD, or `today`.
        #[arg(long, default_value = "today")]
        at: String,
        /// Only this status.
        #[arg(long, value_enum)]
        status: Option<StatusArg>,
    },
    /// A state's status history, with sources.
    History {
        /// ISO alpha-3 or alpha-2 code, or name, in any case.
        state: String,
    },
    /// Every change in date order, with the family size after each.
    Timeline {
        /// Interleave the Council of Heads of State meetings.
        #[arg(long)]
        with_summits: bool,
    },
    /// The rotating chairmanship, term by term.
    Chairs,
    /// The Council of Heads of State meetings.
    Summits,
    /// The Secretaries-General.
    Officials,
    /// Founding acts and institutions.
    Events,
    /// Write a diagram or a data file (stdout unless -o).
    Export {
        /// What to write.
        #[arg(value_enum, value_name = "FORMAT")]
        kind: ExportKind,
        /// The day, for dot/svg/png (default: today); restricts graphml
        /// and json to that day; the chart ends on it.
        #[arg(long, value_name = "DATE")]
        at: Option<String>,
        /// Write to this file instead of stdout.
        #[arg(short, long, value_name = "FILE")]
        output: Option<PathBuf>,
        /// panel: the status held on 31 December, or the highest held at
        /// any time in the year.
        #[arg(long, value_enum, default_value_t = PanelRule::December31)]
        rule: PanelRule,
        /// csv: one row per status span, or one per change.
        #[arg(long, value_enum, default_value_t = CsvTable::Spans)]
        table: CsvTable,
    },
    /// What changed between two days.
    Diff {
        /// The first day (YYYY-MM-DD or `today`).
        from: String,
        /// The second day (YYYY-MM-DD or `today`).
        to: String,
    },
    /// Check a data folder (default: --data, else the bundled data).
    Validate {
        /// The folder to check.
        dir: Option<PathBuf>,
    },
}

#[derive(Clone, Copy, ValueEnum)]
enum ExportKind {
    /// Graphviz DOT: the organisation on a day.
    Dot,
    /// The DOT diagram rendered to SVG by Graphviz.
    Svg,
    /// The DOT diagram rendered to PNG by Graphviz.
    Png,
    /// SVG chart of the family's size over time.
    Chart,
    /// GEXF 1.2draft, dynamic (Gephi's timeline).
    Gexf,
    /// GraphML (networkx, igraph).
    Graphml,
    /// Node-link JSON (networkx).
    Json,
    /// CSV state-year panel, COW IGO style.
    Panel,
    /// CSV tables of spans (or events with --table events).
    Csv,
    /// RDF Turtle, W3C Organization Ontology.
    Ttl,
    /// The data set itself, canonical, as a data folder (needs -o DIR).
    Yaml,
}

#[derive(Clone, Copy, ValueEnum)]
enum PanelRule {
    December31,
    Any,
}

#[derive(Clone, Copy, ValueEnum)]
enum CsvTable {
    Spans,
    Events,
}

#[derive(Clone, Copy, ValueEnum)]
enum BasisArg {
    Effective,
    Decided,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Format {
    Table,
    Json,
    Csv,
}

#[derive(Clone, Copy, ValueEnum)]
enum StatusArg {
    Member,
    Observer,
    #[value(alias = "dialogue_partner")]
    DialoguePartner,
    Partner,
}

impl From<StatusArg> for Status {
    fn from(s: StatusArg) -> Status {
        match s {
            StatusArg::Member => Status::Member,
            StatusArg::Observer => Status::Observer,
            StatusArg::DialoguePartner => Status::DialoguePartner,
            StatusArg::Partner => Status::Partner,
        }
    }
}

/// A failure: a library error (with diagnostics) or a plain message.
enum Failure {
    Lib(Error),
    Msg(String),
}

impl From<Error> for Failure {
    fn from(e: Error) -> Failure {
        Failure::Lib(e)
    }
}

impl From<csv::Error> for Failure {
    fn from(e: csv::Error) -> Failure {
        Failure::Msg(format!("cannot write CSV: {e}"))
    }
}

impl From<serde_json::Error> for Failure {
    fn from(e: serde_json::Error) -> Failure {
        Failure::Msg(format!("cannot write JSON: {e}"))
    }
}

impl From<std::fmt::Error> for Failure {
    fn from(_: std::fmt::Error) -> Failure {
        Failure::Msg("cannot format output".to_string())
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
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
        Err(Failure::Lib(e)) => {
            report(&e);
            ExitCode::from(2)
        }
        Err(Failure::Msg(m)) => {
            eprintln!("igo: {m}");
            ExitCode::from(2)
        }
    }
}

/// Prints each diagnostic, the offending line with a caret under it, and
/// the advice.
fn report(e: &Error) {
    let n = e.diagnostics().len();
    for d in e.diagnostics() {
        let head = format!("error[{}]: {}", d.kind.code(), d.message);
        match &d.location {
            None => eprintln!("igo: {head}"),
            Some(loc) => {
                eprintln!("{loc}: {head}");
                let line = (loc.line > 0)
                    .then(|| std::fs::read_to_string(&loc.path).ok())
                    .flatten()
                    .and_then(|t| {
                        t.lines()
                            .nth(loc.line as usize - 1)
                            .map(str::to_string)
                    });
                if let Some(line) = line {
                    let pad =
                        " ".repeat(loc.column.saturating_sub(1) as usize);
                    eprintln!("   | {line}\n   | {pad}^");
                }
            }
        }
        if let Some(help) = &d.help {
            eprintln!("  = help: {help}");
        }
    }
    if n > 1 {
        eprintln!("igo: {n} problems found");
    }
}

/// The output: the text of a listing, or the bytes of an export.
fn run(cli: &Cli) -> Result<Vec<u8>, Failure> {
    if let Command::Validate { dir } = &cli.command {
        return validate(dir.as_ref().or(cli.data.as_ref()))
            .map(String::into_bytes);
    }
    let basis = match cli.basis {
        BasisArg::Effective => Basis::Effective,
        BasisArg::Decided => Basis::Decided,
    };
    let kg = match &cli.data {
        Some(dir) => KnowledgeGraph::load(dir)?,
        None => KnowledgeGraph::bundled(),
    };
    let org = kg.resolve_organization(&cli.org)?.id.to_string();
    match &cli.command {
        Command::Export { kind, at, output, rule, table } => run_export(
            &kg,
            &org,
            basis,
            (*kind, at.as_deref(), output.as_ref(), *rule, *table),
        ),
        _ => run_text(cli, &kg, &org, basis).map(String::into_bytes),
    }
}

/// `igo export`: the bytes of the export, or nothing when written to a
/// file.
fn run_export(
    kg: &KnowledgeGraph,
    org: &str,
    basis: Basis,
    (kind, at, output, rule, table): (
        ExportKind,
        Option<&str>,
        Option<&PathBuf>,
        PanelRule,
        CsvTable,
    ),
) -> Result<Vec<u8>, Failure> {
    let mut opts =
        export::Options::new(org).basis(basis).today(Date::today_utc());
    if let Some(at) = at {
        opts = opts.at(day(at)?);
    }
    let mut buf: Vec<u8> = Vec::new();
    match kind {
        ExportKind::Dot => export::dot::write(kg, &opts, &mut buf)?,
        ExportKind::Svg => export::render::write(
            kg,
            &opts,
            export::render::ImageFormat::Svg,
            &mut buf,
        )?,
        ExportKind::Png => export::render::write(
            kg,
            &opts,
            export::render::ImageFormat::Png,
            &mut buf,
        )?,
        ExportKind::Chart => export::chart::write(kg, &opts, &mut buf)?,
        ExportKind::Gexf => export::gexf::write(kg, &opts, &mut buf)?,
        ExportKind::Graphml => export::graphml::write(kg, &opts, &mut buf)?,
        ExportKind::Json => export::json::write(kg, &opts, &mut buf)?,
        ExportKind::Panel => {
            let rule = match rule {
                PanelRule::December31 => export::panel::Rule::December31,
                PanelRule::Any => export::panel::Rule::Any,
            };
            export::panel::write(kg, &opts, rule, &mut buf)?
        }
        ExportKind::Csv => match table {
            CsvTable::Spans => export::csv::write(kg, &opts, &mut buf)?,
            CsvTable::Events => {
                export::csv::write_events(kg, &opts, &mut buf)?
            }
        },
        ExportKind::Ttl => export::ttl::write(kg, &opts, &mut buf)?,
        ExportKind::Yaml => {
            let Some(dir) = output else {
                return Err(Failure::Msg(
                    "`export yaml` writes a data folder: give it with -o DIR"
                        .into(),
                ));
            };
            export::yaml::write_dir(kg, dir)?;
            return Ok(Vec::new());
        }
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

/// Every listing command: its text.
fn run_text(
    cli: &Cli,
    kg: &KnowledgeGraph,
    org: &str,
    basis: Basis,
) -> Result<String, Failure> {
    match &cli.command {
        Command::At { date } => {
            let date = day(date)?;
            let snap = kg.snapshot(org, date, basis)?;
            match cli.format {
                Format::Json => json(&snap),
                Format::Csv => snapshot_csv(kg, &snap),
                Format::Table => {
                    // Only the table says where the other basis disagrees.
                    let other = kg.snapshot(org, date, basis.other())?;
                    snapshot_table(kg, &snap, &other)
                }
            }
        }
        Command::Members { at, status } => {
            let date = day(at)?;
            let status = status.map(Status::from);
            let roster = kg.roster(org, date, basis, status)?;
            let rows: Vec<[String; 6]> = roster
                .iter()
                .map(|e| {
                    [
                        e.state.to_string(),
                        e.name.clone(),
                        e.status.label(),
                        e.since.map(|d| d.to_string()).unwrap_or_default(),
                        (e.status.certain().is_some()).to_string(),
                        date.to_string(),
                    ]
                })
                .collect();
            let header =
                ["state", "name", "status", "since", "certain", "date"];
            match cli.format {
                Format::Json => {
                    let v: Vec<serde_json::Value> = roster
                        .iter()
                        .map(|e| {
                            serde_json::json!({
                                "state": e.state,
                                "name": e.name,
                                "status": e.status.label(),
                                "certain": e.status.certain().is_some(),
                                "possible": e.status.possible(),
                                "since": e.since,
                            })
                        })
                        .collect();
                    json(&serde_json::json!({
                        "organization": org,
                        "date": date,
                        "basis": basis,
                        "states": v,
                    }))
                }
                Format::Csv => csv_rows(&header, &rows),
                Format::Table => {
                    let mut out = String::new();
                    let what = status.map_or("states", Status::plural);
                    writeln!(
                        out,
                        "{org} {what} on {date}, by {basis} date: {}",
                        roster.len()
                    )?;
                    for (r, e) in rows.iter().zip(&roster) {
                        let status = match &e.status {
                            StatusOn::Uncertain(v) => format!(
                                "uncertain: {}",
                                v.iter()
                                    .map(|s| match s {
                                        Status::None => "no status",
                                        s => s.label(),
                                    })
                                    .collect::<Vec<_>>()
                                    .join(" or ")
                            ),
                            StatusOn::Certain(s) => s.label().to_string(),
                        };
                        let since = if r[3].is_empty() {
                            String::new()
                        } else {
                            format!("since {}", r[3])
                        };
                        let line = format!(
                            "  {:<4} {:<24} {:<18} {since}",
                            r[0],
                            trunc(&r[1], 24),
                            status,
                        );
                        writeln!(out, "{}", line.trim_end())?;
                    }
                    Ok(out)
                }
            }
        }
        Command::History { state } => {
            let h = kg.history(state)?;
            match cli.format {
                Format::Json => json(&h),
                Format::Csv => history_csv(&h),
                Format::Table => history_table(&h),
            }
        }
        Command::Timeline { with_summits } => {
            let t = kg.timeline(org, basis)?;
            let summits: Vec<&Summit> = if *with_summits {
                kg.summits(org)
                    .into_iter()
                    .filter(|s| s.handover_day().is_some())
                    .collect()
            } else {
                Vec::new()
            };
            match cli.format {
                Format::Json if *with_summits => {
                    let mut v = serde_json::to_value(&t)?;
                    v["summits"] = serde_json::to_value(&summits)?;
                    json(&v)
                }
                Format::Json => json(&t),
                Format::Csv => timeline_csv(&t.events, &summits),
                Format::Table => timeline_table(kg, &t, &summits),
            }
        }
        Command::Chairs => {
            let terms = kg.chairs(org);
            match cli.format {
                Format::Json => json(&terms),
                Format::Csv => {
                    let rows: Vec<[String; 8]> = terms
                        .iter()
                        .map(|t| {
                            [
                                t.organization.to_string(),
                                t.state.to_string(),
                                t.start.to_string(),
                                opt(t.end),
                                t.ended_by
                                    .as_ref()
                                    .map(|s| s.to_string())
                                    .unwrap_or_default(),
                                t.evidence.as_str().to_string(),
                                export::csv::id_list(&t.sources),
                                t.note.clone().unwrap_or_default(),
                            ]
                        })
                        .collect();
                    csv_rows(
                        &[
                            "organization",
                            "state",
                            "start",
                            "end",
                            "ended_by",
                            "evidence",
                            "sources",
                            "note",
                        ],
                        &rows,
                    )
                }
                Format::Table => {
                    let mut out = String::new();
                    writeln!(
                        out,
                        "{org} chairs (the chair passes at the end of a Council meeting)\n"
                    )?;
                    writeln!(
                        out,
                        "{:<11} {:<11} {:<20} ended by",
                        "from", "until", "chair"
                    )?;
                    for t in terms {
                        let until =
                            t.end.map_or("now".to_string(), |d| d.to_string());
                        let ended = t
                            .ended_by
                            .as_ref()
                            .and_then(|s| kg.summit(s.as_str()))
                            .map(|s| format!("{} {}", s.city, s.days()))
                            .unwrap_or_default();
                        let mark =
                            if t.evidence == igo_graph::Evidence::Inferred {
                                " (inferred)"
                            } else {
                                ""
                            };
                        writeln!(
                            out,
                            "{:<11} {:<11} {:<20} {ended}",
                            t.start.to_string(),
                            until,
                            trunc(
                                &format!(
                                    "{}{mark}",
                                    name(kg, t.state.as_str())
                                ),
                                20
                            )
                        )?;
                    }
                    Ok(out)
                }
            }
        }
        Command::Summits => {
            let list = kg.summits(org);
            match cli.format {
                Format::Json => json(&list),
                Format::Csv => {
                    let rows: Vec<[String; 12]> = list
                        .iter()
                        .map(|s| {
                            [
                                s.id.to_string(),
                                s.organization.to_string(),
                                s.ordinal
                                    .map(|n| n.to_string())
                                    .unwrap_or_default(),
                                opt(s.start),
                                opt(s.end),
                                opt(s.council),
                                s.city.clone(),
                                s.host.to_string(),
                                s.format
                                    .map(|f| f.as_str().to_string())
                                    .unwrap_or_default(),
                                s.status.as_str().to_string(),
                                export::csv::id_list(&s.sources),
                                s.note.clone().unwrap_or_default(),
                            ]
                        })
                        .collect();
                    csv_rows(
                        &[
                            "id",
                            "organization",
                            "ordinal",
                            "start",
                            "end",
                            "council",
                            "city",
                            "host",
                            "format",
                            "status",
                            "sources",
                            "note",
                        ],
                        &rows,
                    )
                }
                Format::Table => {
                    let mut out = String::new();
                    writeln!(
                        out,
                        "{org} summits (Council of Heads of State)\n"
                    )?;
                    writeln!(
                        out,
                        "{:>3}  {:<21} {:<16} {:<4} format",
                        "no", "days", "city", "host"
                    )?;
                    for s in list {
                        let no = s
                            .ordinal
                            .map(|n| n.to_string())
                            .unwrap_or_default();
                        let mut format = s
                            .format
                            .map_or("", |f| f.as_str())
                            .replace('_', " ");
                        if s.status == igo_graph::SummitStatus::Planned {
                            format = "planned".to_string();
                        }
                        writeln!(
                            out,
                            "{no:>3}  {:<21} {:<16} {:<4} {format}",
                            s.days(),
                            trunc(&s.city, 16),
                            s.host.as_str()
                        )?;
                    }
                    Ok(out)
                }
            }
        }
        Command::Officials => {
            let list = kg.officials(org);
            match cli.format {
                Format::Json => json(&list),
                Format::Csv => {
                    let rows: Vec<[String; 10]> = list
                        .iter()
                        .map(|t| {
                            [
                                t.organization.to_string(),
                                t.office.as_str().to_string(),
                                t.person.to_string(),
                                t.name.clone(),
                                t.nationality.to_string(),
                                t.start.to_string(),
                                opt(t.end),
                                opt(t.appointed),
                                export::csv::id_list(&t.sources),
                                t.note.clone().unwrap_or_default(),
                            ]
                        })
                        .collect();
                    csv_rows(
                        &[
                            "organization",
                            "office",
                            "person",
                            "name",
                            "nationality",
                            "start",
                            "end",
                            "appointed",
                            "sources",
                            "note",
                        ],
                        &rows,
                    )
                }
                Format::Table => {
                    let mut out = String::new();
                    writeln!(out, "{org} Secretaries-General\n")?;
                    writeln!(
                        out,
                        "{:<11} {:<11} {:<24} {:<4} appointed",
                        "from", "until", "name", "of"
                    )?;
                    for t in list {
                        let until = t.end.map_or_else(
                            || {
                                t.scheduled_end
                                    .map_or("now".to_string(), |d| {
                                        format!("({d})")
                                    })
                            },
                            |d| d.to_string(),
                        );
                        let appointed = match (t.appointed, &t.appointed_at) {
                            (_, Some(s)) => kg
                                .summit(s.as_str())
                                .map_or(s.to_string(), |x| {
                                    format!("{} {}", x.city, x.days())
                                }),
                            (Some(d), None) => d.to_string(),
                            _ => String::new(),
                        };
                        writeln!(
                            out,
                            "{:<11} {:<11} {:<24} {:<4} {appointed}",
                            t.start.to_string(),
                            until,
                            trunc(&t.name, 24),
                            t.nationality.as_str()
                        )?;
                    }
                    Ok(out)
                }
            }
        }
        Command::Events => {
            let list = kg.events(org);
            match cli.format {
                Format::Json => json(&list),
                Format::Csv => {
                    let rows: Vec<[String; 8]> = list
                        .iter()
                        .map(|e| {
                            [
                                e.id.to_string(),
                                e.organization.to_string(),
                                e.kind.as_str().to_string(),
                                e.date.to_string(),
                                e.title.clone(),
                                e.place.clone().unwrap_or_default(),
                                export::csv::id_list(&e.sources),
                                e.note
                                    .as_deref()
                                    .unwrap_or_default()
                                    .to_string(),
                            ]
                        })
                        .collect();
                    csv_rows(
                        &[
                            "id",
                            "organization",
                            "kind",
                            "date",
                            "title",
                            "place",
                            "sources",
                            "note",
                        ],
                        &rows,
                    )
                }
                Format::Table => {
                    let mut out = String::new();
                    writeln!(out, "{org} founding acts and institutions\n")?;
                    for e in list {
                        let place = e
                            .place
                            .as_ref()
                            .map_or(String::new(), |p| format!(" ({p})"));
                        writeln!(
                            out,
                            "{:<11} {}",
                            e.date.to_string(),
                            wrap(&format!("{}{place}", e.title), 78, 12, 12)
                        )?;
                    }
                    Ok(out)
                }
            }
        }
        Command::Diff { from, to } => {
            let (a, b) = (day(from)?, day(to)?);
            let d = kg.diff(org, a, b, basis)?;
            match cli.format {
                Format::Json => json(&d),
                Format::Csv => {
                    let rows: Vec<[String; 4]> = d
                        .changes
                        .iter()
                        .map(|c| {
                            [
                                c.state.to_string(),
                                name(kg, c.state.as_str()),
                                c.before.label(),
                                c.after.label(),
                            ]
                        })
                        .collect();
                    csv_rows(&["state", "name", "before", "after"], &rows)
                }
                Format::Table => {
                    let sa = kg.snapshot(org, a, basis)?;
                    let sb = kg.snapshot(org, b, basis)?;
                    let mut out = String::new();
                    writeln!(out, "{org} from {a} to {b}, by {basis} date")?;
                    writeln!(
                        out,
                        "family: {} -> {}",
                        sa.family_size, sb.family_size
                    )?;
                    if d.changes.is_empty() {
                        writeln!(out, "no state changed status")?;
                    }
                    for c in &d.changes {
                        writeln!(
                            out,
                            "  {:<4} {:<22} {:>18} -> {}",
                            c.state,
                            trunc(&name(kg, c.state.as_str()), 22),
                            human(&c.before),
                            human(&c.after)
                        )?;
                    }
                    Ok(out)
                }
            }
        }
        Command::Validate { .. } | Command::Export { .. } => {
            unreachable!("handled in run")
        }
    }
}

fn validate(dir: Option<&PathBuf>) -> Result<String, Failure> {
    let (kg, shown) = match dir {
        Some(d) => (KnowledgeGraph::load(d)?, d.display().to_string()),
        None => (KnowledgeGraph::bundled(), "bundled data".to_string()),
    };
    let transitions = kg.transition_count();
    Ok(format!(
        "ok: {shown}: {} states, {} organisations, {} sources, {} transitions, {} spans\n",
        kg.states().count(),
        kg.organizations().count(),
        kg.sources().count(),
        transitions,
        kg.spans().len(),
    ))
}

/// A query day: `YYYY-MM-DD` or `today`.
fn day(text: &str) -> Result<Date, Failure> {
    if text.eq_ignore_ascii_case("today") {
        return Ok(Date::today_utc());
    }
    let d: Date = text.parse().map_err(|e| Failure::Msg(format!("{e}")))?;
    if !d.is_day() {
        return Err(Failure::Msg(format!(
            "`{text}` is not a day: ask about a day, YYYY-MM-DD (or `today`)"
        )));
    }
    Ok(d)
}

fn json<T: serde::Serialize>(v: &T) -> Result<String, Failure> {
    let mut s = serde_json::to_string_pretty(v)?;
    s.push('\n');
    Ok(s)
}

fn csv_rows<const N: usize>(
    header: &[&str; N],
    rows: &[[String; N]],
) -> Result<String, Failure> {
    let mut w = csv::Writer::from_writer(Vec::new());
    w.write_record(header)?;
    for r in rows {
        w.write_record(r)?;
    }
    let bytes = w
        .into_inner()
        .map_err(|e| Failure::Msg(format!("cannot write CSV: {e}")))?;
    String::from_utf8(bytes).map_err(|e| Failure::Msg(e.to_string()))
}

fn opt(d: Option<Date>) -> String {
    d.map(|d| d.to_string()).unwrap_or_default()
}

fn name(kg: &KnowledgeGraph, id: &str) -> String {
    kg.state(id).map_or_else(|| id.to_string(), |s| s.name.clone())
}

fn trunc(s: &str, width: usize) -> String {
    if s.chars().count() <= width {
        s.to_string()
    } else {
        let mut t: String = s.chars().take(width - 1).collect();
        t.push('…');
        t
    }
}

fn human(s: &StatusOn) -> String {
    match s {
        StatusOn::Certain(Status::None) => "-".to_string(),
        StatusOn::Certain(s) => s.label().to_string(),
        StatusOn::Uncertain(v) => {
            v.iter().map(|s| s.label()).collect::<Vec<_>>().join(" or ")
        }
    }
}

/// Word-wraps `text` to `width` columns. The first line continues a line
/// already at column `start`; later lines are indented by `indent` spaces.
fn wrap(text: &str, width: usize, start: usize, indent: usize) -> String {
    let mut out = String::new();
    let mut col = start;
    let mut first = true;
    for word in text.split_whitespace() {
        let len = word.chars().count();
        if !first && col + 1 + len > width {
            out.push('\n');
            out.push_str(&" ".repeat(indent));
            col = indent;
        } else if !first {
            out.push(' ');
            col += 1;
        }
        out.push_str(word);
        col += len;
        first = false;
    }
    out
}

fn snapshot_table(
    kg: &KnowledgeGraph,
    snap: &Snapshot,
    other: &Snapshot,
) -> Result<String, Failure> {
    let mut out = String::new();
    let org = kg.organization(snap.organization.as_str());
    let title = org.map_or_else(
        || snap.organization.to_string(),
        |o| format!("{} ({})", o.name, o.short_name),
    );
    writeln!(out, "{title}")?;
    writeln!(out, "on {}, by {} date", snap.date, snap.basis)?;
    if let Some(o) = org
        && !o.existed_on(snap.date)
    {
        writeln!(
            out,
            "(the organisation did not exist on this day: {} to {})",
            o.founded,
            o.dissolved.map_or("today".to_string(), |d| d.to_string())
        )?;
    }
    let parts: Vec<String> = Status::HELD
        .iter()
        .filter(|s| !snap.with_status(**s).is_empty())
        .map(|s| {
            let n = snap.with_status(*s).len();
            format!("{n} {}", if n == 1 { s.label() } else { s.plural() })
        })
        .collect();
    writeln!(
        out,
        "family of {}: {}",
        snap.family_size,
        if parts.is_empty() {
            "no states".to_string()
        } else {
            parts.join(", ")
        }
    )?;
    let org_id = snap.organization.as_str();
    if let Some(h) = kg.chair_at(org_id, snap.date)? {
        let t = h.term;
        let mut line =
            format!("chair: {} since {}", name(kg, t.state.as_str()), t.start);
        if let Some(s) =
            t.ended_by.as_ref().and_then(|s| kg.summit(s.as_str()))
        {
            let upcoming = s.start.is_none_or(|d| snap.date < d.first_day());
            line.push_str(&format!(
                "; the term ends at the {} summit ({}){}",
                s.city,
                s.days(),
                if upcoming { ", upcoming" } else { "" }
            ));
        }
        if t.evidence == igo_graph::Evidence::Inferred {
            line.push_str(" (inferred)");
        }
        if !h.certain {
            line.push_str(" (uncertain: the term's start is imprecise)");
        }
        writeln!(out, "{}", wrap(&line, 78, 0, 2))?;
    }
    if let Some(h) = kg.secretary_general_at(org_id, snap.date)? {
        let t = h.term;
        let mut line = format!(
            "Secretary-General: {} ({}) since {}",
            t.name,
            name(kg, t.nationality.as_str()),
            t.start
        );
        if !h.certain {
            line.push_str(" (uncertain: the term's start is imprecise)");
        }
        writeln!(out, "{}", wrap(&line, 78, 0, 2))?;
    }
    for s in Status::HELD {
        let ids = snap.with_status(s);
        if ids.is_empty() {
            continue;
        }
        writeln!(out, "\n{} ({})", s.plural(), ids.len())?;
        for id in ids {
            let since = kg
                .transitions(snap.organization.as_str(), id.as_str())
                .iter()
                .rev()
                .filter_map(|t| t.start(snap.basis))
                .find(|d| d.last_day() <= snap.date)
                .map(|d| format!("since {d}"))
                .unwrap_or_default();
            writeln!(
                out,
                "  {:<4} {:<28} {}",
                id,
                trunc(&name(kg, id.as_str()), 28),
                since
            )?;
        }
    }
    if !snap.uncertain.is_empty() {
        writeln!(
            out,
            "\nuncertain on this day (a date in the data is only a month or year)"
        )?;
        for u in &snap.uncertain {
            let labels: Vec<&str> =
                u.possible
                    .iter()
                    .map(|s| {
                        if *s == Status::None {
                            "no status"
                        } else {
                            s.label()
                        }
                    })
                    .collect();
            writeln!(
                out,
                "  {:<4} {:<28} {}",
                u.state,
                trunc(&name(kg, u.state.as_str()), 28),
                labels.join(" or ")
            )?;
        }
    }
    if !snap.pending.is_empty() {
        writeln!(out, "\ndecided, not yet in effect")?;
        for p in &snap.pending {
            writeln!(
                out,
                "  {:<4} {:<28} {}, decided {}",
                p.state,
                trunc(&name(kg, p.state.as_str()), 28),
                p.status.label(),
                p.decided.map_or("-".to_string(), |d| d.to_string())
            )?;
        }
    }
    // Where the two bases disagree, say so, naming the states.
    let mine: Vec<(String, String)> = status_pairs(snap);
    let theirs: Vec<(String, String)> = status_pairs(other);
    if mine != theirs {
        let mut differ: Vec<String> = Vec::new();
        for (id, st) in &theirs {
            if !mine.contains(&(id.clone(), st.clone())) {
                differ.push(format!("{id} {}", st.replace('_', " ")));
            }
        }
        for (id, _) in &mine {
            if !theirs.iter().any(|(i, _)| i == id) {
                differ.push(format!("{id} no status"));
            }
        }
        let text = format!(
            "by {} date the family is {} ({})",
            other.basis,
            other.family_size,
            differ.join(", ")
        );
        writeln!(out, "\n{}", wrap(&text, 78, 0, 2))?;
    }
    Ok(out)
}

fn status_pairs(s: &Snapshot) -> Vec<(String, String)> {
    let mut v: Vec<(String, String)> = Status::HELD
        .iter()
        .flat_map(|st| {
            s.with_status(*st)
                .iter()
                .map(move |id| (id.to_string(), st.as_str().to_string()))
        })
        .collect();
    for u in &s.uncertain {
        v.push((
            u.state.to_string(),
            StatusOn::Uncertain(u.possible.clone()).label(),
        ));
    }
    v.sort();
    v
}

fn snapshot_csv(
    kg: &KnowledgeGraph,
    snap: &Snapshot,
) -> Result<String, Failure> {
    let mut rows: Vec<[String; 7]> = Vec::new();
    let base = |id: &str, status: String, certain: bool| {
        [
            snap.organization.to_string(),
            snap.date.to_string(),
            snap.basis.to_string(),
            id.to_string(),
            name(kg, id),
            status,
            certain.to_string(),
        ]
    };
    for s in Status::HELD {
        for id in snap.with_status(s) {
            rows.push(base(id.as_str(), s.as_str().to_string(), true));
        }
    }
    for u in &snap.uncertain {
        rows.push(base(
            u.state.as_str(),
            StatusOn::Uncertain(u.possible.clone()).label(),
            false,
        ));
    }
    csv_rows(
        &[
            "organization",
            "date",
            "basis",
            "state",
            "name",
            "status",
            "certain",
        ],
        &rows,
    )
}

fn history_table(h: &History) -> Result<String, Failure> {
    let mut out = String::new();
    let s = &h.state;
    let mut ids = vec![format!("{}, {}", s.id, s.iso2)];
    if let (Some(c), Some(a)) = (s.cow_code, &s.cow_abbrev) {
        ids.push(format!("COW {c} {a}"));
    }
    if let Some(q) = &s.wikidata {
        ids.push(format!("Wikidata {q}"));
    }
    writeln!(out, "{} ({})", s.name, ids.join("; "))?;
    if !s.aliases.is_empty() {
        writeln!(out, "also: {}", s.aliases.join(", "))?;
    }
    let mut sources: Vec<&igo_graph::Source> = Vec::new();
    for e in &h.entries {
        let date = match (e.decided, e.effective) {
            (Some(d), Some(f)) if d == f => format!("{f}"),
            (Some(d), Some(f)) => format!("{f} (decided {d})"),
            (None, Some(f)) => format!("{f}"),
            (Some(d), None) => format!("decided {d}, not yet in effect"),
            (None, None) => "-".to_string(),
        };
        writeln!(
            out,
            "\n{:<9} {:<17} {}",
            e.organization,
            e.status.label(),
            date
        )?;
        let mut refs = Vec::new();
        for src in &e.sources {
            let n = match sources.iter().position(|s| s.id == src.id) {
                Some(i) => i + 1,
                None => {
                    sources.push(src);
                    sources.len()
                }
            };
            refs.push(format!("[{n}]"));
        }
        if !refs.is_empty() {
            writeln!(
                out,
                "          sources {}",
                wrap(&refs.join(" "), 78, 18, 18)
            )?;
        }
        if let Some(note) = &e.note {
            writeln!(
                out,
                "          {}",
                wrap(&format!("note: {note}"), 78, 10, 10)
            )?;
        }
    }
    if !sources.is_empty() {
        writeln!(out, "\nsources")?;
        for (i, s) in sources.iter().enumerate() {
            let mut line = format!("[{}] {}", i + 1, s.title);
            if let Some(p) = &s.publisher {
                line.push_str(&format!(", {p}"));
            }
            if let Some(d) = s.published {
                line.push_str(&format!(", {d}"));
            }
            writeln!(out, "{}", wrap(&line, 78, 0, 4))?;
            writeln!(out, "    {}", s.url)?;
        }
    }
    Ok(out)
}

fn history_csv(h: &History) -> Result<String, Failure> {
    let rows: Vec<[String; 8]> = h
        .entries
        .iter()
        .map(|e| {
            [
                h.state.id.to_string(),
                e.organization.to_string(),
                e.status.as_str().to_string(),
                e.decided.map(|d| d.to_string()).unwrap_or_default(),
                e.effective.map(|d| d.to_string()).unwrap_or_default(),
                e.sources
                    .iter()
                    .map(|s| s.id.as_str())
                    .collect::<Vec<_>>()
                    .join(";"),
                e.sources
                    .iter()
                    .map(|s| s.url.as_str())
                    .collect::<Vec<_>>()
                    .join(" "),
                e.note.as_deref().unwrap_or_default().to_string(),
            ]
        })
        .collect();
    csv_rows(
        &[
            "state",
            "organization",
            "status",
            "decided",
            "effective",
            "sources",
            "urls",
            "note",
        ],
        &rows,
    )
}

fn timeline_csv(
    events: &[igo_graph::TimelineEvent],
    summits: &[&Summit],
) -> Result<String, Failure> {
    let rows: Vec<[String; 14]> = events
        .iter()
        .map(|e| {
            [
                e.date.to_string(),
                e.date.precision().to_string(),
                e.state.to_string(),
                e.from.as_str().to_string(),
                e.to.as_str().to_string(),
                e.decided.map(|d| d.to_string()).unwrap_or_default(),
                e.effective.map(|d| d.to_string()).unwrap_or_default(),
                e.after.members.to_string(),
                e.after.observers.to_string(),
                e.after.dialogue_partners.to_string(),
                e.after.partners.to_string(),
                e.after.family.to_string(),
                export::csv::id_list(&e.sources),
                e.note.as_deref().unwrap_or_default().to_string(),
            ]
        })
        .collect();
    let header = [
        "date",
        "precision",
        "state",
        "from",
        "to",
        "decided",
        "effective",
        "members",
        "observers",
        "dialogue_partners",
        "partners",
        "family",
        "sources",
        "note",
    ];
    if summits.is_empty() {
        return csv_rows(&header, &rows);
    }
    // With summits: one more column, `kind` (`status` or `summit`), and a
    // row per summit on its Council day, carrying the counts of that day.
    let mut all: Vec<(Date, [String; 15])> = Vec::new();
    for (e, r) in events.iter().zip(rows) {
        let mut row: [String; 15] = Default::default();
        row[..14].clone_from_slice(&r);
        row[14] = "status".to_string();
        all.push((e.date.first_day(), row));
    }
    for s in summits {
        let Some(day) = s.handover_day() else { continue };
        let after = events
            .iter()
            .rfind(|e| e.date.last_day() <= day)
            .map(|e| e.after)
            .unwrap_or_default();
        let mut row: [String; 15] = Default::default();
        row[0] = day.to_string();
        row[1] = day.precision().to_string();
        row[2] = s.host.to_string();
        row[5] = opt(s.council);
        row[7] = after.members.to_string();
        row[8] = after.observers.to_string();
        row[9] = after.dialogue_partners.to_string();
        row[10] = after.partners.to_string();
        row[11] = after.family.to_string();
        row[12] = export::csv::id_list(&s.sources);
        row[13] = format!("summit {}: {}", s.id, summit_label(s));
        row[14] = "summit".to_string();
        all.push((day.first_day(), row));
    }
    // Summits sort before the changes they decided.
    all.sort_by(|a, b| {
        (a.0, &a.1[14] == "status").cmp(&(b.0, &b.1[14] == "status"))
    });
    let mut h: [&str; 15] = [""; 15];
    h[..14].copy_from_slice(&header);
    h[14] = "kind";
    let rows: Vec<[String; 15]> = all.into_iter().map(|(_, r)| r).collect();
    csv_rows(&h, &rows)
}

/// `24th Council, Astana (KAZ), in person`.
fn summit_label(s: &Summit) -> String {
    let ordinal = s.ordinal.map_or(String::new(), |n| {
        let suffix = match (n % 10, n % 100) {
            (1, x) if x != 11 => "st",
            (2, x) if x != 12 => "nd",
            (3, x) if x != 13 => "rd",
            _ => "th",
        };
        format!("{n}{suffix} ")
    });
    let format = s.format.map_or(String::new(), |f| {
        format!(", {}", f.as_str().replace('_', " "))
    });
    format!("{ordinal}summit, {} ({}){format}", s.city, s.host)
}

fn timeline_table(
    kg: &KnowledgeGraph,
    t: &Timeline,
    summits: &[&Summit],
) -> Result<String, Failure> {
    let mut summits = summits.iter().peekable();
    let mut out = String::new();
    let org = kg.organization(t.organization.as_str());
    writeln!(
        out,
        "{}, every change by {} date",
        org.map_or(t.organization.to_string(), |o| format!(
            "{} ({})",
            o.name, o.short_name
        )),
        t.basis
    )?;
    writeln!(
        out,
        "counts after the day: M members, O observers, D dialogue partners,"
    )?;
    writeln!(out, "P partners, F the whole family\n")?;
    writeln!(
        out,
        "{:<10}  {:>2} {:>2} {:>2} {:>2} {:>3}  change",
        "date", "M", "O", "D", "P", "F"
    )?;
    // Group the day's events by (from, to).
    let mut i = 0;
    while i < t.events.len() {
        let date = t.events[i].date;
        let mut j = i;
        while j < t.events.len() && t.events[j].date == date {
            j += 1;
        }
        let day = &t.events[i..j];
        while let Some(s) = summits.next_if(|s| {
            s.handover_day().is_some_and(|d| d.first_day() <= date.first_day())
        }) {
            let d =
                s.handover_day().map(|d| d.to_string()).unwrap_or_default();
            writeln!(
                out,
                "{d:<10}  {:>15}  {}",
                "",
                wrap(&format!("* {}", summit_label(s)), 78, 29, 31)
            )?;
        }
        let mut groups: Vec<(Status, Status, Vec<String>)> = Vec::new();
        for e in day {
            match groups.iter_mut().find(|g| g.0 == e.from && g.1 == e.to) {
                Some(g) => g.2.push(e.state.to_string()),
                None => groups.push((e.from, e.to, vec![e.state.to_string()])),
            }
        }
        let c = day[0].after;
        for (k, (from, to, states)) in groups.iter().enumerate() {
            let change = match (from, to) {
                (Status::None, to) => {
                    format!("+ {}: {}", to.label(), states.join(" "))
                }
                (from, Status::None) => {
                    format!("- {}: {}", from.label(), states.join(" "))
                }
                (from, to) => format!(
                    "{} -> {}: {}",
                    from.label(),
                    to.label(),
                    states.join(" ")
                ),
            };
            let prefix = if k == 0 {
                format!(
                    "{:<10}  {:>2} {:>2} {:>2} {:>2} {:>3}  ",
                    date.to_string(),
                    c.members,
                    c.observers,
                    c.dialogue_partners,
                    c.partners,
                    c.family
                )
            } else {
                " ".repeat(29)
            };
            writeln!(out, "{prefix}{}", wrap(&change, 78, 29, 31))?;
        }
        i = j;
    }
    for s in summits {
        let d = s.handover_day().map(|d| d.to_string()).unwrap_or_default();
        writeln!(
            out,
            "{d:<10}  {:>15}  {}",
            "",
            wrap(&format!("* {}", summit_label(s)), 78, 29, 31)
        )?;
    }
    if !t.pending.is_empty() {
        writeln!(out, "\ndecided, not yet in effect:")?;
        for p in &t.pending {
            writeln!(
                out,
                "  {} {} ({}), decided {}",
                p.state,
                name(kg, p.state.as_str()),
                p.status.label(),
                p.decided.map_or("-".to_string(), |d| d.to_string())
            )?;
        }
    }
    Ok(out)
}
