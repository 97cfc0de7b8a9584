//! Integration tests, compiled as one binary.

/// Says that a test is skipped because something outside Rust is missing
/// (`SKIPPED: ...`, with how to install it). With `IGO_REQUIRE_READERS`
/// set, as `.ci/run` sets it, a missing reader fails the test instead.
macro_rules! skip {
    ($($t:tt)*) => {
        crate::common::skipped(&format!($($t)*))
    };
}

/// Shared helpers: paths, the real `igo` binary, temporary data folders.
mod common;

/// Headline claims and date semantics of the bundled data, through the
/// library.
mod query;

/// Every error class of the loader, each with its own bad file.
mod load;

/// The real `igo` binary, every subcommand.
mod cli;

/// What `igo` prints is safe where it lands: CSV in a spreadsheet,
/// tables and diagnostics in a terminal.
mod output;

/// No flag is silently ignored: honoured or refused, per command.
mod flags;

/// Completions, the man page, binary data and terminals, full folders,
/// and errors and notes that say what to ask instead.
mod conventions;

/// Every `$ igo` example of the README prints what it shows.
mod readme;

/// Chairs, summits, Secretaries-General and founding acts.
mod institutions;

/// Every export format, read back by a real reader of the format.
mod export;

/// State-year counts and dyad-year joint memberships, and the year rules.
mod research;

/// The README's R and pandas examples that continue COW's file past 2014.
mod merge;

/// Every table export as Parquet, read back by DuckDB, polars and pandas.
mod parquet;

/// Official counts published by the SCO and others, checked against counts
/// computed from the transitions.
mod claims;

/// Property tests for dates and spans.
mod props;

/// Synthetic data sets large enough for the parallel loader.
#[cfg(feature = "synth")]
mod scale;

/// The examples in `examples/` run and print what they promise.
mod examples;

/// Every command and export of the bundled data, byte for byte.
mod golden;

/// Hostile input a committed file cannot hold: special files, links,
/// sizes, counts; rules across folders.
mod hostile;

/// BRICS, the CST and the CSTO; questions across organisations.
mod organizations;

/// The region in one picture, the overlap matrix, the COW layout.
mod region;

/// The explorer web page, in a real headless browser.
mod explorer;

/// The explorer's map, search, downloads and list of states, in the
/// browser, against the binary.
mod explorer_world;

/// COW IGO v3: import, round trip, errors, comparison.
mod cow;

/// Layers: folders checked with the data below them; what they replace
/// said, what would change a state in silence refused.
mod layers;

/// Vocabularies, lineage, disputes, counts, the horizon and addresses
/// mean what they say: cases a committed bad file cannot hold.
mod meaning;

/// Every error class of `igo import cow`, each with its bad file.
mod cow_bad;

/// COW files of any shape cost little: the size cases, under a memory
/// cap.
mod cow_size;

/// `igo import cow --force` cannot break a data folder.
mod cow_force;

/// Organisations declare their words: offices, summit body, chair and
/// the coverage of their lists, each its own in every output.
mod words;

/// `export release`: a citable data release that Frictionless, cffconvert
/// and biblatex read.
mod release;

/// One answer everywhere: every command, export and the page say what
/// `igo at` says, for every bundled organisation and for generated data.
mod one_answer;
mod states;

/// The world's organisations on the days their sources count.
mod world;
