//! The command line as clap types: raw flags, turned into library values
//! (`Basis`, `Status`) here and nowhere else.

use std::path::PathBuf;

use clap::{Parser, Subcommand, ValueEnum};
use igo_graph::{Basis, export};

/// Who held which status in an intergovernmental organisation on which day,
/// and why (with sources). Bundled data: twenty-four organisations, SCO
/// (the default of --org) and SHANGHAI5, BRICS, CST and CSTO, CIS, EAEU
/// and EURASEC, CICA; NATO, UN, EU, COE, OSCE and G20; OAU and AU, ECOWAS,
/// ASEAN, LAS, OAS, COMMONWEALTH, OPEC and OIC.
#[derive(Parser)]
#[command(
    name = "igo",
    version = concat!(env!("CARGO_PKG_VERSION"), " (bundled ", env!("IGO_DATA_REACH"), ")"),
    max_term_width = 80
)]
pub struct Cli {
    /// Read the data from this folder instead of the bundled data.
    #[arg(long, global = true, value_name = "DIR")]
    pub data: Option<PathBuf>,
    /// Load this data folder too, over --data or the bundled data
    /// (repeatable, each over the ones before). It may cite their states
    /// and sources; where both describe a state (by id or COW code), an
    /// organisation (by id or COW column) or a source, the later folder's
    /// is used and stderr says what changed (`igo --data cow --layer data
    /// ...`: COW's IGOs and ours; `igo validate --layer my-org`).
    #[arg(long, global = true, value_name = "DIR")]
    pub layer: Vec<PathBuf>,
    /// The organisation asked about [default: SCO]; `all` for every one,
    /// or several joined by commas (`SCO,CSTO,CIS`), for `at` and `export
    /// dot|svg|png` (the region: `all` links the organisations by the
    /// states they share, a list draws those with their states). `history` keeps only its entries;
    /// `validate` checks that the folder holds it. Commands about the whole
    /// data set need none (`memberships`, `overlap`, `export yaml|html|cow`;
    /// `history`, `export json` and `compare cow` without it).
    #[arg(long, global = true, value_name = "ID")]
    pub org: Option<String>,
    /// Count status changes by the day they took effect, or by the day
    /// they were decided [default: effective]. Refused where no basis
    /// applies (history, chairs, summits, officials, events).
    #[arg(long, global = true, value_enum)]
    pub basis: Option<BasisArg>,
    /// Output format [default: table]. Refused by `export`, whose format
    /// is its FORMAT.
    #[arg(long, global = true, value_enum)]
    pub format: Option<Format>,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Subcommand)]
pub enum Command {
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
        /// Only this status: an id, label or plural of the organisation's
        /// own (`observer`, `dialogue partners`, `partner country`).
        #[arg(long)]
        status: Option<String>,
    },
    /// A state's status history, with sources.
    History {
        /// ISO alpha-3 or alpha-2 code, COW or G&W number or letters
        /// (`750`, `UKG`, `GW:260`), or a name, earlier name or alias,
        /// in any case.
        state: String,
    },
    /// Every change in date order, with the family size after each.
    Timeline {
        /// Interleave the summits: the meetings of the organisation's
        /// summit body, named in its words.
        #[arg(long)]
        with_summits: bool,
    },
    /// The rotating chair, term by term, in the organisation's words.
    Chairs,
    /// The summits: the meetings of the organisation's summit body.
    Summits,
    /// The holders of each office the organisation declares (the
    /// Secretaries-General ...).
    Officials,
    /// Founding acts and institutions.
    Events,
    /// Write a diagram, a data file or the explorer web page (stdout
    /// unless -o).
    Export {
        /// What to write.
        #[arg(value_enum, value_name = "FORMAT")]
        kind: ExportKind,
        /// The day, for dot/svg/png (default: today); restricts graphml
        /// and json to that day; the chart and the panel end on it.
        /// Refused by gexf, csv, chairs, summits, officials, events, ttl,
        /// yaml and html (the whole history).
        #[arg(long, value_name = "DATE")]
        at: Option<String>,
        /// Write to this file (for yaml, html and release: this folder)
        /// instead of stdout. A FILE ending in `.parquet` writes a table
        /// export as Parquet, as --parquet does.
        #[arg(short, long, value_name = "FILE")]
        output: Option<PathBuf>,
        /// yaml, html, release: write into a folder that is not empty.
        #[arg(long)]
        force: bool,
        /// panel, cow, counts, dyads, release: the status a state-year gets: held
        /// on 31 December (december31, COW's rule, the default), on 1
        /// January (january1), on a day of the year (MM-DD), or the
        /// highest held on any day of the year (any).
        #[arg(long, value_name = "RULE", value_parser = clap::value_parser!(YearRule))]
        rule: Option<YearRule>,
        /// csv: one row per status span (default), or one per change.
        #[arg(long, value_enum)]
        table: Option<CsvTable>,
        /// cow, counts, dyads: the first year (default: the year the
        /// oldest organisation began). `export cow --from 2015 --columns
        /// cow` continues COW's own file.
        #[arg(long, value_name = "YEAR")]
        from: Option<i32>,
        /// cow, counts, dyads: the last year (default: the year of --at
        /// or today, or the data's last review year if earlier).
        #[arg(long, value_name = "YEAR")]
        to: Option<i32>,
        /// dyads: one row per ordered pair (both orders), not per pair.
        #[arg(long)]
        directed: bool,
        /// cow: name the organisations' columns by their ids in lower
        /// case (ids, the default) or by COW's own column names (cow:
        /// `SCO`, `EAEC`; an organisation COW lacks by its id, `BRICS`),
        /// so that the rows append to COW's file.
        #[arg(long, value_enum, value_name = "NAMES")]
        columns: Option<ColumnNames>,
        /// The tables (panel, cow, counts, dyads, csv, chairs, summits,
        /// officials, events): write Apache Parquet instead of CSV,
        /// typed: integers, booleans, text, and each date as its text
        /// (`2010-05`) with a NAME_day column of type DATE beside it (its
        /// first day). Not to a terminal: give -o FILE or pipe it.
        #[arg(long)]
        parquet: bool,
    },
    /// What changed between two days.
    Diff {
        /// The first day (YYYY-MM-DD or `today`).
        from: String,
        /// The second day (YYYY-MM-DD or `today`).
        to: String,
    },
    /// Check a data folder (default: --data, else the bundled data), with
    /// each --layer over it.
    Validate {
        /// The folder to check.
        dir: Option<PathBuf>,
    },
    /// Counts that sources published, beside the counts computed for their
    /// day under each basis.
    Claims,
    /// Every organisation a state holds a status in on a day.
    Memberships {
        /// ISO alpha-3 or alpha-2 code, COW or G&W number or letters
        /// (`750`, `UKG`, `GW:260`), or a name, earlier name or alias,
        /// in any case.
        state: String,
        /// YYYY-MM-DD, or `today` (default). Without it, `--format json`
        /// gives the state's whole history across organisations.
        #[arg(long)]
        at: Option<String>,
    },
    /// The states holding a status in at least two of the organisations
    /// on a day, with each one's status in each.
    Overlap {
        /// Two or more organisation ids (with --matrix: any number; none
        /// means every organisation of the day).
        #[arg(value_name = "ORG")]
        organizations: Vec<String>,
        /// The matrix of states shared by each pair of organisations.
        #[arg(long)]
        matrix: bool,
        /// YYYY-MM-DD, or `today`.
        #[arg(long, default_value = "today")]
        at: String,
    },
    /// Turn another dataset into a data folder in this format (COW IGO v3's
    /// state-year CSV: `igo import cow state_year_formatv3.csv -o DIR`).
    Import {
        /// The dataset.
        #[arg(value_enum, value_name = "DATASET")]
        kind: ImportKind,
        /// Its file: COW's state-year CSV (state_year_formatv3.csv).
        file: PathBuf,
        /// COW's IGO-year CSV (igo_year_formatv3.csv), for each IGO's
        /// name and COW number.
        #[arg(long, value_name = "FILE")]
        igos: Option<PathBuf>,
        /// The data folder to write.
        #[arg(short, long, value_name = "DIR")]
        output: PathBuf,
        /// Replace the data folder DIR holds (an earlier import): refused
        /// when data of it would stay that the import does not write.
        #[arg(long)]
        force: bool,
    },
    /// Where our record, coded by COW's rules, and COW IGO v3's state-year
    /// file disagree, cell by cell (every organisation with a COW column,
    /// or --org).
    Compare {
        /// The dataset.
        #[arg(value_enum, value_name = "DATASET")]
        kind: CompareKind,
        /// Its file: COW's state-year CSV (state_year_formatv3.csv).
        file: PathBuf,
        /// The first year compared.
        #[arg(long, value_name = "YEAR")]
        from: Option<i32>,
        /// The last year compared.
        #[arg(long, value_name = "YEAR")]
        to: Option<i32>,
    },
    /// Write a shell completion script to stdout.
    Completions {
        /// The shell.
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Write the man page, igo(1), in roff to stdout.
    Man,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExportKind {
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
    /// CSV in COW IGO v3's state-year layout: one column per
    /// organisation, every organisation of the data.
    Cow,
    /// CSV state-year counts of memberships by tier (peacesciencer's
    /// sum_igo_full ...), every organisation of the data.
    Counts,
    /// CSV dyad-year joint memberships (ccode1, ccode2, year, dyadigos
    /// and by tier), every organisation of the data.
    Dyads,
    /// CSV tables of spans (or changes with --table events).
    Csv,
    /// CSV of the chair terms (as `igo chairs --format csv`).
    Chairs,
    /// CSV of the summits (as `igo summits --format csv`).
    Summits,
    /// CSV of the terms of office (as `igo officials --format csv`).
    Officials,
    /// CSV of the founding acts and institutions (as `igo events
    /// --format csv`).
    Events,
    /// RDF Turtle, W3C Organization Ontology.
    Ttl,
    /// The data set itself, canonical, as a data folder (needs -o DIR).
    Yaml,
    /// The explorer: a static web site of every organisation, state and
    /// day, with the sources, a world map, a search box and each view's
    /// data as CSV and JSON (needs -o DIR).
    Html,
    /// The sources as a bibliography: biblatex entries (BibTeX, UTF-8).
    Bib,
    /// The sources as a bibliography: CSL-JSON (Zotero, pandoc).
    Csl,
    /// A citable data release (needs -o DIR): the tables as CSV, a
    /// Frictionless datapackage.json, CITATION.cff, the data licence,
    /// README.md and the sources as BibTeX and CSL-JSON.
    Release,
}

impl ExportKind {
    /// Whether it writes a table (CSV, or Parquet with --parquet).
    pub fn is_table(self) -> bool {
        matches!(
            self,
            ExportKind::Panel
                | ExportKind::Cow
                | ExportKind::Counts
                | ExportKind::Dyads
                | ExportKind::Csv
                | ExportKind::Chairs
                | ExportKind::Summits
                | ExportKind::Officials
                | ExportKind::Events
        )
    }
}

impl std::fmt::Display for ExportKind {
    /// The name as typed: `gexf`.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let v = self.to_possible_value().expect("no variant is skipped");
        f.write_str(v.get_name())
    }
}

/// A dataset `igo import` reads.
#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ImportKind {
    /// Correlates of War IGO v3, state-year CSV.
    Cow,
}

/// A dataset `igo compare` sets beside ours.
#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum CompareKind {
    /// Correlates of War IGO v3, state-year CSV.
    Cow,
}

/// A year rule as typed (`december31`, `january1`, `07-01`, `any`).
#[derive(Clone, Copy, Debug)]
pub struct YearRule(pub export::year::Rule);

impl std::str::FromStr for YearRule {
    type Err = String;
    fn from_str(s: &str) -> Result<YearRule, String> {
        s.parse().map(YearRule)
    }
}

/// How `export cow` names the organisations' columns.
#[derive(Clone, Copy, ValueEnum)]
pub enum ColumnNames {
    /// Each organisation's id in lower case.
    Ids,
    /// COW's own column names.
    Cow,
}

#[derive(Clone, Copy, ValueEnum)]
pub enum CsvTable {
    Spans,
    Events,
}

#[derive(Clone, Copy, ValueEnum)]
pub enum BasisArg {
    Effective,
    Decided,
}

impl From<BasisArg> for Basis {
    fn from(b: BasisArg) -> Basis {
        match b {
            BasisArg::Effective => Basis::Effective,
            BasisArg::Decided => Basis::Decided,
        }
    }
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    Table,
    Json,
    Csv,
}
