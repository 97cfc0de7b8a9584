//! Every table export as Apache Parquet, through the real binary, read
//! back with default arguments by DuckDB, polars and pandas (pyarrow):
//! the same rows, columns and values as its CSV, each column typed by its
//! kind, a `NAME_day` DATE column beside each date, nulls for empty
//! integers. A reader that is missing says so (`SKIPPED`) and passes,
//! unless `IGO_REQUIRE_READERS` is set.

use std::path::Path;
use std::process::Command;

use igo_graph::KnowledgeGraph;
use igo_graph::export::table::{Kind, Table};
use igo_graph::export::{self, Options};

use crate::common::{igo, ok, run};
use crate::export::python_with;

/// Each table export: a name, the arguments after `export`, and its
/// table through the library (for the columns' kinds).
type Case =
    (&'static str, &'static [&'static str], fn(&KnowledgeGraph) -> Table<'_>);

fn opts(org: &str) -> Options {
    Options::new(org).today("2026-01-01".parse().unwrap())
}

const CASES: &[Case] = &[
    ("panel", &["panel", "--at", "2026-01-01"], |kg| {
        export::panel::table(kg, &opts("SCO"), Default::default()).unwrap()
    }),
    // CICA's panel has Palestine, without a COW code: empty `ccode`s.
    (
        "panel-cica",
        &["panel", "--org", "CICA", "--at", "2026-01-01", "--rule", "any"],
        |kg| {
            export::panel::table(kg, &opts("CICA"), export::panel::Rule::Any)
                .unwrap()
        },
    ),
    ("cow", &["cow", "--at", "2026-01-01"], |kg| {
        export::cow::table(kg, &opts(""), Default::default()).unwrap()
    }),
    ("cow-2015", &["cow", "--from", "2015", "--columns", "cow"], |kg| {
        let layout = export::cow::Layout {
            years: export::year::Years::default().between(Some(2015), None),
            names: export::cow::Names::Cow,
        };
        export::cow::table_with(kg, &opts(""), &layout).unwrap()
    }),
    // Palestine has no COW code: empty `ccode`s, read as nulls.
    ("counts", &["counts", "--from", "2020", "--to", "2025"], |kg| {
        let years =
            export::year::Years::default().between(Some(2020), Some(2025));
        export::counts::table(kg, &opts(""), &years).unwrap()
    }),
    (
        "dyads",
        &["dyads", "--from", "2024", "--to", "2025", "--directed"],
        |kg| {
            let years =
                export::year::Years::default().between(Some(2024), Some(2025));
            export::dyads::table(kg, &opts(""), &years, true).unwrap()
        },
    ),
    ("spans", &["csv"], |kg| {
        export::csv::spans_table(kg, &opts("SCO")).unwrap()
    }),
    ("spans-brics", &["csv", "--org", "BRICS", "--basis", "decided"], |kg| {
        export::csv::spans_table(kg, &opts("BRICS")).unwrap()
    }),
    ("events", &["csv", "--table", "events"], |kg| {
        export::csv::events_table(kg, &opts("SCO")).unwrap()
    }),
    ("chairs", &["chairs"], |kg| {
        export::csv::chairs_table(kg, &opts("SCO")).unwrap()
    }),
    ("summits", &["summits", "--org", "BRICS"], |kg| {
        export::csv::summits_table(kg, &opts("BRICS")).unwrap()
    }),
    ("officials", &["officials"], |kg| {
        export::csv::officials_table(kg, &opts("SCO")).unwrap()
    }),
    ("org-events", &["events"], |kg| {
        export::csv::org_events_table(kg, &opts("SCO")).unwrap()
    }),
];

fn kind_name(kind: Kind) -> &'static str {
    match kind {
        Kind::Integer => "integer",
        Kind::Text => "text",
        Kind::Boolean => "boolean",
        Kind::Date => "date",
    }
}

/// A folder with NAME.csv and NAME.parquet of every case, written by
/// `igo export`, and `manifest.json`: each case's columns and kinds.
fn exports() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let kg = KnowledgeGraph::bundled();
    let mut manifest = Vec::new();
    for (name, args, table) in CASES {
        let csv = ok(&[&["export"], *args].concat());
        std::fs::write(dir.path().join(format!("{name}.csv")), csv).unwrap();
        let file = dir.path().join(format!("{name}.parquet"));
        let file = file.to_str().unwrap();
        let out = ok(&[&["export"], *args, &["-o", file]].concat());
        assert!(out.is_empty());
        let columns: Vec<(String, &str)> = table(&kg)
            .columns
            .iter()
            .map(|c| (c.name.clone(), kind_name(c.kind)))
            .collect();
        manifest.push(serde_json::json!({"name": name, "columns": columns}));
    }
    let manifest = serde_json::to_string(&manifest).unwrap();
    std::fs::write(dir.path().join("manifest.json"), manifest).unwrap();
    dir
}

/// Reads every Parquet file of [`exports`] with `reader` (`pandas`,
/// `polars` or `duckdb`) and checks it against its CSV, read by Python's
/// `csv` module; prints a line per file: name, rows, empty integer cells,
/// then the text of the spans' imprecise starts in the order of
/// `start_day`, as the reader sorts it.
const SCRIPT: &str = r#"
import csv, datetime, json, math, os, re, sys
d, reader = sys.argv[1], sys.argv[2]

def load(path):
    if reader == 'pandas':
        import pandas as pd
        df = pd.read_parquet(path)
        return list(df.columns), {c: df[c].tolist() for c in df.columns}, {}
    if reader == 'polars':
        import polars as pl
        df = pl.read_parquet(path)
        types = {c: str(t) for c, t in df.schema.items()}
        return df.columns, {c: df[c].to_list() for c in df.columns}, types
    import duckdb
    rel = duckdb.sql(f"SELECT * FROM '{path}'")
    rows = rel.fetchall()
    data = {c: [r[i] for r in rows] for i, c in enumerate(rel.columns)}
    return rel.columns, data, {c: str(t) for c, t in zip(rel.columns, rel.types)}

def sorted_by_day(path, column):
    if reader == 'pandas':
        import pandas as pd
        df = pd.read_parquet(path).dropna(subset=[column + '_day'])
        return df.sort_values(column + '_day', kind='stable')[column].tolist()
    if reader == 'polars':
        import polars as pl
        df = pl.read_parquet(path).drop_nulls(column + '_day')
        return df.sort(column + '_day', maintain_order=True)[column].to_list()
    import duckdb
    q = 'SELECT "{0}" FROM \'{1}\' WHERE "{0}_day" IS NOT NULL ORDER BY "{0}_day"'.format(column, path)
    return [r[0] for r in duckdb.sql(q).fetchall()]

TYPES = {
    'polars': {'integer': 'Int64', 'boolean': 'Boolean', 'text': 'String', 'date': 'String', 'day': 'Date'},
    'duckdb': {'integer': 'BIGINT', 'boolean': 'BOOLEAN', 'text': 'VARCHAR', 'date': 'VARCHAR', 'day': 'DATE'},
}

def null(v):
    return v is None or (isinstance(v, float) and math.isnan(v)) or type(v).__name__ in ('NAType', 'NaTType')

def guarded(s):
    # The CSV's spreadsheet guard (export::csv::cell).
    if s[:1] in ('=', '+', '-', '@', '\t', '\r') and not re.fullmatch(r'-[0-9]+(\.[0-9]+)?', s):
        return "'" + s
    return s

def as_csv(v, kind, where):
    if null(v):
        assert kind != 'text', f'{where}: a null text'
        return ''
    if kind == 'integer':
        if isinstance(v, float) and v.is_integer():
            v = int(v)  # pandas: an integer column with nulls is float64
        assert type(v) is int, f'{where}: {v!r} is no integer'
        return str(v)
    if kind == 'boolean':
        assert type(v) is bool, f'{where}: {v!r} is no boolean'
        return 'true' if v else 'false'
    assert type(v) is str, f'{where}: {v!r} is no text'
    return guarded(v)

def first_day(text):
    parts = [int(p) for p in text.split('-')] + [1, 1]
    return datetime.date(*parts[:3])

for case in json.load(open(os.path.join(d, 'manifest.json'))):
    name = case['name']
    with open(os.path.join(d, name + '.csv'), newline='', encoding='utf-8') as f:
        header, *body = list(csv.reader(f))
    path = os.path.join(d, name + '.parquet')
    columns, data, types = load(path)
    assert header == [c for c, _ in case['columns']], name
    expected = []
    for c, kind in case['columns']:
        expected += [c, c + '_day'] if kind == 'date' else [c]
    assert list(columns) == expected, f'{name}: {columns} != {expected}'
    empty_integers = 0
    for j, (c, kind) in enumerate(case['columns']):
        got = [as_csv(v, kind, f'{name}.{c} row {i + 1}') for i, v in enumerate(data[c])]
        want = [row[j] for row in body]
        assert len(got) == len(want), f'{name}: {len(got)} rows, the CSV {len(want)}'
        for i, (g, w) in enumerate(zip(got, want)):
            assert g == w, f'{name}.{c} row {i + 1}: {g!r} != {w!r}'
        if kind == 'integer':
            empty_integers += want.count('')
        if types:
            assert types[c] == TYPES[reader][kind], f'{name}.{c}: {types[c]}'
        if kind == 'date':
            if types:
                assert types[c + '_day'] == TYPES[reader]['day'], f'{name}.{c}_day: {types[c + "_day"]}'
            for i, (text, day) in enumerate(zip(want, data[c + '_day'])):
                where = f'{name}.{c}_day row {i + 1}'
                if text == '':
                    assert null(day), f'{where}: {day!r} for no date'
                else:
                    assert type(day) is datetime.date, f'{where}: {day!r}'
                    assert day == first_day(text), f'{where}: {day} for {text}'
    print(name, len(body), empty_integers)

starts = sorted_by_day(os.path.join(d, 'spans.parquet'), 'start')
days = [first_day(s) for s in starts]
assert days == sorted(days), 'start_day sorts as the first days'
print('imprecise', ' '.join(dict.fromkeys(s for s in starts if len(s) < 10)))
"#;

/// Runs [`SCRIPT`] with `reader`, if its Python modules (`modules`, as
/// `import` takes them) are installed; its lines.
fn read_back(reader: &str, modules: &str, pip: &str) -> Option<Vec<String>> {
    let Some(py) = python_with(modules) else {
        skip!(
            "SKIPPED: {reader} is not installed (python3 -m venv .venv && .venv/bin/pip install {pip}, then IGO_PYTHON=.venv/bin/python3)"
        );
        return None;
    };
    let dir = exports();
    let out = Command::new(&py)
        .args(["-c", SCRIPT])
        .arg(dir.path())
        .arg(reader)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{reader}: {stderr}");
    let stdout = String::from_utf8(out.stdout).unwrap();
    Some(stdout.lines().map(String::from).collect())
}

/// What every reader must print: each case's rows (and empty integer
/// cells) as the CSV has them, and the spans' imprecise starts in order.
fn check(lines: &[String]) {
    for (i, (name, args, _)) in CASES.iter().enumerate() {
        let text = ok(&[&["export"], *args].concat());
        let rows = text.trim_end().lines().count() - 1;
        let fields = lines[i].split(' ').collect::<Vec<_>>();
        assert_eq!(fields[..2], [*name, &rows.to_string()], "{lines:?}");
    }
    let empties = |name: &str| {
        let line = lines.iter().find(|l| l.starts_with(&format!("{name} ")));
        line.unwrap().rsplit(' ').next().unwrap().parse::<usize>().unwrap()
    };
    // Palestine has no COW number: null `ccode`s, read back as nulls.
    assert!(empties("panel-cica") > 0, "{lines:?}");
    // `2010` (Belarus) is 2010-01-01, before `2010-05` (Sri Lanka).
    let imprecise = lines.last().unwrap();
    assert!(imprecise.starts_with("imprecise 2010 2010-05 "), "{imprecise}");
    assert_eq!(lines.len(), CASES.len() + 1, "{lines:?}");
}

#[test]
fn every_table_reads_back_in_pandas_with_pyarrow() {
    if let Some(lines) =
        read_back("pandas", "pandas, pyarrow", "pandas pyarrow")
    {
        check(&lines);
    }
}

#[test]
fn every_table_reads_back_in_polars() {
    if let Some(lines) = read_back("polars", "polars", "polars") {
        check(&lines);
    }
}

#[test]
fn every_table_reads_back_in_duckdb() {
    if let Some(lines) = read_back("duckdb", "duckdb", "duckdb") {
        check(&lines);
    }
}

#[test]
fn parquet_is_chosen_by_the_flag_or_the_file_name() {
    let dir = tempfile::tempdir().unwrap();
    let by_name = dir.path().join("panel.PARQUET");
    let by_name = by_name.to_str().unwrap();
    ok(&["export", "panel", "--at", "2026-01-01", "-o", by_name]);
    let out = igo()
        .args(["export", "panel", "--at", "2026-01-01", "--parquet"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let bytes = std::fs::read(by_name).unwrap();
    assert!(bytes.starts_with(b"PAR1") && bytes.ends_with(b"PAR1"));
    assert_eq!(out.stdout, bytes, "the same bytes, to stdout or a file");
    // Without either, CSV; `-o FILE.csv --parquet` is Parquet.
    let csv = dir.path().join("panel.csv");
    let csv = csv.to_str().unwrap();
    ok(&["export", "panel", "--at", "2026-01-01", "-o", csv]);
    assert!(std::fs::read(csv).unwrap().starts_with(b"ccode,"));
    ok(&["export", "panel", "--at", "2026-01-01", "-o", csv, "--parquet"]);
    assert_eq!(std::fs::read(csv).unwrap(), bytes);
}

#[test]
fn the_new_table_exports_are_the_commands_csv() {
    for (kind, org) in [
        ("chairs", "SCO"),
        ("summits", "BRICS"),
        ("officials", "CSTO"),
        ("events", "CIS"),
    ] {
        let export = ok(&["export", kind, "--org", org]);
        let listing = ok(&[kind, "--org", org, "--format", "csv"]);
        assert_eq!(export, listing, "export {kind}");
    }
}

#[test]
fn parquet_is_refused_where_it_means_nothing() {
    let why = "Parquet holds a table, and `export dot` writes none; the \
               tables are panel, cow, csv, chairs, summits, officials and \
               events";
    for (args, flag) in [
        (&["export", "dot", "--parquet"][..], "--parquet"),
        (&["export", "dot", "-o", "x.parquet"], "-o FILE.parquet"),
    ] {
        let (code, out, err) = run(args);
        assert_eq!((code, out.as_str()), (2, ""), "{args:?}");
        assert_eq!(
            err,
            format!("igo: `{flag}` does not apply to `export dot`: {why}\n")
        );
    }
    assert!(!Path::new("x.parquet").exists());
}

#[test]
fn parquet_is_refused_on_a_terminal() {
    // `script` gives the binary a real terminal as stdout.
    let bin = igo().get_program().to_string_lossy().into_owned();
    let out = Command::new("script")
        .args(["-qec", &format!("{bin} export csv --parquet"), "/dev/null"])
        .output();
    let Ok(out) = out else {
        skip!("SKIPPED: `script` (util-linux) is not installed");
        return;
    };
    let text = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(2), "{text}");
    assert!(
        text.contains(
            "igo: `export csv` writes Parquet, not for a terminal: give a \
             file with -o FILE (or pipe it)"
        ),
        "{text}"
    );
    assert!(!text.contains("PAR1"), "no Parquet bytes on the terminal");
}
