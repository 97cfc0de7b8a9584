//! The release's documents: `CITATION.cff`, `LICENSE` and `README.md`.

use super::{Options, Written};
use crate::graph::KnowledgeGraph;

/// The release's title.
pub(super) const TITLE: &str = "igo-graph data: the membership history of \
                                intergovernmental organisations, every fact \
                                sourced";

/// Who made it.
pub(super) const AUTHORS: &str = "The igo-graph developers";

/// Words a catalogue finds it by.
pub(super) const KEYWORDS: &[&str] = &[
    "intergovernmental organisations",
    "international organizations",
    "membership",
    "state-year panel",
    "Correlates of War",
    "international relations",
];

/// The full text of CC BY 4.0, as the SPDX License List holds it.
const CC_BY_4_0: &str = include_str!("cc-by-4.0.txt");

/// COW IGO v3, as CITATION.cff cites it: the dataset this one's panel
/// follows in layout and codes.
const COW_REFERENCE: &str = r#"references:
  - type: article
    authors:
      - family-names: Pevehouse
        given-names: "Jon C. W."
      - family-names: Nordstrom
        given-names: Timothy
      - family-names: McManus
        given-names: "Roseanne W."
      - family-names: Jamison
        given-names: "Anne Spencer"
    title: "Tracking organizations in the world: The Correlates of War IGO Version 3.0 datasets"
    journal: "Journal of Peace Research"
    year: 2020
    volume: 57
    issue: "3"
    start: 492
    end: 503
    doi: "10.1177/0022343319881175"
"#;

/// At most this many organisations are named in the abstract.
const NAMED: usize = 12;

/// What the release holds, in one paragraph.
pub(super) fn abstract_of(kg: &KnowledgeGraph, opts: &Options) -> String {
    let orgs: Vec<String> = kg
        .organizations()
        .map(|o| match o.short_name == o.name {
            true => o.name.clone(),
            false => format!("{} ({})", o.name, o.short_name),
        })
        .collect();
    let states: std::collections::BTreeSet<&str> =
        kg.spans().iter().map(|s| s.state.as_str()).collect();
    let which = if orgs.len() <= NAMED {
        format!(
            "{} intergovernmental organisations: {}",
            orgs.len(),
            orgs.join(", ")
        )
    } else {
        format!("{} intergovernmental organisations", orgs.len())
    };
    format!(
        "The membership history of {which}. Every status each of {} states \
         held in each organisation, in the organisation's own words, with \
         the date it was decided and the date it took effect, and every \
         fact citing the documents it was read in (sources.csv, with their \
         addresses and quotes). The state-year panel gives the status by \
         the year rule {} and {} dates, with COW IGO v3's membership codes. \
         Checked against the sources up to {}.",
        states.len(),
        opts.rule,
        opts.basis.as_str(),
        opts.day,
    )
}

/// Text as a YAML double-quoted scalar (JSON's string syntax is YAML
/// 1.2's).
fn quoted(text: &str) -> String {
    serde_json::to_string(text).expect("a string serialises")
}

/// The text of the release's `CITATION.cff`.
pub(super) fn citation(kg: &KnowledgeGraph, opts: &Options) -> String {
    let keywords: String =
        KEYWORDS.iter().map(|k| format!("  - {}\n", quoted(k))).collect();
    format!(
        "# How to cite this data release (Citation File Format 1.2.0). Cite\n\
         # also the documents of sources.bib that the facts you use cite.\n\
         cff-version: 1.2.0\n\
         message: {message}\n\
         type: dataset\n\
         title: {title}\n\
         abstract: {abstract_}\n\
         authors:\n  - name: {authors}\n\
         version: {version}\n\
         date-released: {day}\n\
         license: CC-BY-4.0\n\
         keywords:\n{keywords}\
         {COW_REFERENCE}",
        message = quoted("If you use these data, please cite them as below."),
        title = quoted(TITLE),
        abstract_ = quoted(&abstract_of(kg, opts)),
        authors = quoted(AUTHORS),
        version = quoted(&opts.version),
        // CFF needs a day: an imprecise one is its first.
        day = opts.day.first_day(),
    )
}

/// The text of the release's `LICENSE`.
pub(super) fn license(opts: &Options) -> String {
    format!(
        "{TITLE}\nVersion {version}, {day}\n\
         Copyright (c) {AUTHORS}\n\n\
         This compilation (the tables, the bibliography and the documents of\n\
         this folder) is licensed under the Creative Commons Attribution 4.0\n\
         International licence (CC BY 4.0), whose text follows; see\n\
         https://creativecommons.org/licenses/by/4.0/.\n\n\
         What the licence does not cover:\n\n\
         - The titles and quotes of the sources (sources.csv, sources.bib,\n  \
         sources.json) are the words of their publishers, quoted as the\n  \
         evidence for the facts that cite them: each source's own terms apply\n  \
         to them.\n\
         - The Correlates of War (COW) codes and coding (ccode, stateabb,\n  \
         cow_code), and any data taken from COW IGO v3, are the COW\n  \
         Project's, which has its own terms of use\n  \
         (https://correlatesofwar.org/): cite Pevehouse, Nordstrom, McManus\n  \
         and Jamison (2020), doi:10.1177/0022343319881175.\n\n\
         ----------------------------------------------------------------------\n\n\
         {CC_BY_4_0}",
        version = opts.version,
        day = opts.day,
    )
}

/// A Markdown table cell.
fn cell(text: &str) -> String {
    text.replace('|', "\\|").replace('\n', " ")
}

/// The text of the release's `README.md`.
pub(super) fn readme(
    kg: &KnowledgeGraph,
    opts: &Options,
    tables: &[Written],
) -> String {
    let mut out = format!(
        "# {TITLE}\n\nVersion {version}, released {day}: the data was last checked \
         against its sources on {day} (each organisation's review day \
         below). Written by `igo export release` (igo-graph {crate_version}).\n\n\
         {abstract_}\n\n",
        version = opts.version,
        day = opts.day,
        crate_version = env!("CARGO_PKG_VERSION"),
        abstract_ = abstract_of(kg, opts),
    );
    out.push_str(&organizations(kg));
    out.push_str(&files(tables));
    out.push_str(&columns(tables));
    out.push_str(&cite(opts));
    out
}

/// The organisations, with their review days.
fn organizations(kg: &KnowledgeGraph) -> String {
    let mut out = String::from(
        "## Organisations\n\n| id | name | founded | dissolved | reviewed |\n\
         |---|---|---|---|---|\n",
    );
    for o in kg.organizations() {
        let day = |d: Option<crate::Date>| {
            d.map(|d| d.to_string()).unwrap_or_default()
        };
        out.push_str(&format!(
            "| {} | {} | {} | {} | {} |\n",
            cell(o.id.as_str()),
            cell(&o.name),
            o.founded,
            day(o.dissolved),
            day(o.reviewed),
        ));
    }
    out.push('\n');
    out
}

/// What each file is.
fn files(tables: &[Written]) -> String {
    let mut out = String::from("## Files\n\n| file | what |\n|---|---|\n");
    for t in tables {
        for f in &t.files {
            let what = if f.ends_with(".parquet") {
                format!("{}, as Apache Parquet (the same columns)", t.title)
            } else {
                t.title.clone()
            };
            out.push_str(&format!("| `{f}` | {} |\n", cell(&what)));
        }
    }
    out.push_str(
        "| `sources.bib` | the sources as biblatex `@online` entries (UTF-8, for biber): the key of each is the `key` of `sources.csv` |\n\
         | `sources.json` | the sources as CSL-JSON (Zotero, pandoc's citeproc), with the same keys |\n\
         | `datapackage.json` | a Frictionless Data Package describing each CSV file, its columns and their types (`frictionless validate datapackage.json`) |\n\
         | `CITATION.cff` | how to cite this release (Citation File Format 1.2.0) |\n\
         | `LICENSE` | the licence (CC BY 4.0) and what it does not cover |\n\
         | `README.md` | this file |\n\n",
    );
    out
}

/// Each table's columns.
fn columns(tables: &[Written]) -> String {
    let mut out = String::from(
        "## Tables\n\nEvery CSV file is UTF-8, comma-separated, RFC 4180 \
         quoting, with a header row. An empty cell is a missing value. \
         Dates keep their precision (`2010-05-12`, `2010-05`, `2010`: ISO \
         8601 reduced precision, EDTF level 0). A text cell that a \
         spreadsheet would run as a formula (starting with `=`, `+`, `-`, \
         `@`, a tab or a carriage return) starts with `'`.\n\n",
    );
    for t in tables {
        out.push_str(&format!(
            "### `{}.csv`\n\n{}.\n\n| column | type | meaning |\n|---|---|---|\n",
            t.name,
            cell(&t.title)
        ));
        for c in &t.columns {
            out.push_str(&format!(
                "| `{}` | {} | {} |\n",
                c.name,
                c.kind.frictionless(),
                cell(&c.description)
            ));
        }
        out.push('\n');
    }
    out
}

/// How to cite, and the licence in short.
fn cite(opts: &Options) -> String {
    format!(
        "## How to cite\n\n\
         Cite the release as `CITATION.cff` says:\n\n\
         > {AUTHORS} ({year}). *{TITLE}* (version {version}) [Data set]. \
         Released {day}.\n\n\
         and, for a fact you rely on, the documents its row cites (the \
         `sources` of the facts; `sources.bib` and `sources.json` hold them \
         with their addresses). The panel follows the Correlates of War IGO \
         v3 data in layout and codes: cite also Pevehouse, Nordstrom, \
         McManus and Jamison (2020), \"Tracking organizations in the world: \
         The Correlates of War IGO Version 3.0 datasets\", *Journal of Peace \
         Research* 57(3): 492-503, doi:10.1177/0022343319881175.\n\n\
         ## Licence\n\n\
         The compilation is licensed under CC BY 4.0 (`LICENSE`). The \
         sources' titles and quotes are their publishers' words, under each \
         source's own terms; COW's codes and data are the COW Project's, \
         under its own terms of use.\n",
        year = opts.day.year(),
        version = opts.version,
        day = opts.day,
    )
}
