//! `datapackage.json`: the release as a Frictionless Tabular Data Package
//! (Data Package v1), one resource per CSV file.

use serde::Serialize;

use super::{Options, Written, docs};
use crate::error::{DiagnosticKind, Error};
use crate::graph::KnowledgeGraph;

/// The package, its keys in the order written. It has no `created`: the
/// standard wants a date and time there, and the release has only a day
/// (its version's, in `description`, README.md and CITATION.cff); a
/// clock time would make two runs differ.
#[derive(Serialize)]
struct Package<'a> {
    profile: &'static str,
    name: &'static str,
    title: &'static str,
    description: String,
    version: &'a str,
    keywords: &'static [&'static str],
    contributors: [Contributor; 1],
    licenses: [License; 1],
    sources: [PackageSource; 1],
    resources: Vec<Resource<'a>>,
}

#[derive(Serialize)]
struct Contributor {
    title: &'static str,
    role: &'static str,
}

#[derive(Serialize)]
struct License {
    name: &'static str,
    path: &'static str,
    title: &'static str,
}

#[derive(Serialize)]
struct PackageSource {
    title: &'static str,
    path: &'static str,
}

/// One CSV file.
#[derive(Serialize)]
struct Resource<'a> {
    profile: &'static str,
    name: &'a str,
    path: String,
    title: &'a str,
    format: &'static str,
    mediatype: &'static str,
    encoding: &'static str,
    bytes: u64,
    /// How the CSV is written, so that a reader need not guess (a sniffer
    /// takes the `;` of a list of sources for the delimiter).
    dialect: Dialect,
    schema: Schema<'a>,
}

/// RFC 4180 as the CSV exports write it.
#[derive(Serialize)]
struct Dialect {
    delimiter: &'static str,
    #[serde(rename = "quoteChar")]
    quote_char: &'static str,
    #[serde(rename = "doubleQuote")]
    double_quote: bool,
    header: bool,
}

#[derive(Serialize)]
struct Schema<'a> {
    fields: Vec<Field<'a>>,
    /// An empty cell is a missing value.
    #[serde(rename = "missingValues")]
    missing_values: [&'static str; 1],
}

#[derive(Serialize)]
struct Field<'a> {
    name: &'a str,
    #[serde(rename = "type")]
    kind: &'static str,
    description: &'a str,
}

/// The text of `datapackage.json`.
pub(super) fn datapackage(
    kg: &KnowledgeGraph,
    opts: &Options,
    tables: &[Written],
) -> Result<Vec<u8>, Error> {
    let resources = tables.iter().map(|t| Resource {
        profile: "tabular-data-resource",
        name: &t.name,
        path: format!("{}.csv", t.name),
        title: &t.title,
        format: "csv",
        mediatype: "text/csv",
        encoding: "utf-8",
        bytes: t.csv_bytes,
        dialect: Dialect {
            delimiter: ",",
            quote_char: "\"",
            double_quote: true,
            header: true,
        },
        schema: Schema {
            fields: t
                .columns
                .iter()
                .map(|c| Field {
                    name: &c.name,
                    kind: c.kind.frictionless(),
                    description: &c.description,
                })
                .collect(),
            missing_values: [""],
        },
    });
    let package = Package {
        profile: "tabular-data-package",
        name: "igo-graph",
        title: docs::TITLE,
        description: docs::abstract_of(kg, opts),
        version: &opts.version,
        keywords: docs::KEYWORDS,
        contributors: [Contributor { title: docs::AUTHORS, role: "author" }],
        licenses: [License {
            name: "CC-BY-4.0",
            path: "https://creativecommons.org/licenses/by/4.0/",
            title: "Creative Commons Attribution 4.0 International",
        }],
        sources: [PackageSource {
            title: "the documents every fact cites (sources.csv, sources.bib, \
                    sources.json)",
            path: "sources.csv",
        }],
        resources: resources.collect(),
    };
    let mut out = serde_json::to_vec_pretty(&package).map_err(|e| {
        Error::msg(DiagnosticKind::Export, format!("cannot write JSON: {e}"))
    })?;
    out.push(b'\n');
    Ok(out)
}
