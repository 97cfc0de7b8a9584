//! `igo export release`, through the real binary: a Frictionless data
//! package that `frictionless validate` accepts, citation files that
//! `cffconvert --validate` accepts (the release's and the repository's), a
//! bibliography that biblatex and serde_json read back whole, CSV headers
//! that are the package's fields, and the same bytes on every run. The
//! Python tools are the current PyPI releases (`.ci/run`); a test whose
//! tool is missing says so (`SKIPPED`) and passes.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;

use biblatex::ChunksExt;
use igo_graph::KnowledgeGraph;
use igo_graph::export::release;

use crate::common::{ok, root, run};
use crate::export::python_with;

/// A release of the bundled data, written by `igo` into a new folder.
fn released() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    ok(&["export", "release", "-o", dir.path().to_str().unwrap()]);
    dir
}

/// One release shared by the tests that only read it (a release of the
/// bundled data writes some 680,000 dyad-years), in Cargo's folder for
/// test files, made anew by each run.
fn shared() -> &'static tempfile::TempDir {
    static SHARED: std::sync::OnceLock<tempfile::TempDir> =
        std::sync::OnceLock::new();
    SHARED.get_or_init(|| {
        let dir = tempfile::tempdir_in(env!("CARGO_TARGET_TMPDIR")).unwrap();
        ok(&[
            "export",
            "release",
            "--force",
            "-o",
            dir.path().to_str().unwrap(),
        ]);
        dir
    })
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path)
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// Every file of `dir`, by name, with its bytes.
fn files(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    std::fs::read_dir(dir)
        .unwrap()
        .map(|e| {
            let e = e.unwrap();
            let name = e.file_name().into_string().unwrap();
            (name, std::fs::read(e.path()).unwrap())
        })
        .collect()
}

#[test]
fn a_release_holds_its_files_and_the_same_bytes_every_time() {
    let (a, b) = (released(), released());
    let (a, b) = (files(a.path()), files(b.path()));
    let names: Vec<&str> = a.keys().map(String::as_str).collect();
    let tables = [
        "changes",
        "chairs",
        "counts",
        "dyads",
        "officials",
        "panel",
        "sources",
        "spans",
        "summits",
    ];
    let formats: &[&str] =
        if cfg!(feature = "parquet") { &["csv", "parquet"] } else { &["csv"] };
    let mut expected: Vec<String> = tables
        .iter()
        .flat_map(|t| formats.iter().map(move |f| format!("{t}.{f}")))
        .chain(
            [
                "CITATION.cff",
                "LICENSE",
                "README.md",
                "datapackage.json",
                "sources.bib",
                "sources.json",
            ]
            .map(String::from),
        )
        .collect();
    expected.sort();
    assert_eq!(names, expected);
    for (name, bytes) in &a {
        assert!(b[name] == *bytes, "{name} differs between two runs");
    }
}

#[test]
fn a_full_folder_is_refused_unless_forced() {
    let dir = released();
    let shown = dir.path().display().to_string();
    let (code, stdout, stderr) = run(&["export", "release", "-o", &shown]);
    assert_eq!((code, stdout.as_str()), (2, ""));
    assert_eq!(
        stderr,
        format!(
            "igo: `{shown}` is not empty: `export release` writes a data \
             release into an empty or new folder (add --force to write into \
             it anyway)\n"
        )
    );
    ok(&["export", "release", "-o", &shown, "--force"]);
    let (code, _, stderr) = run(&["export", "release"]);
    assert_eq!(code, 2);
    assert!(stderr.contains("give it with -o DIR"), "{stderr}");
}

#[test]
fn flags_are_honoured_or_refused() {
    let refused = [
        (
            &["export", "release", "--org", "SCO", "-o", "x"][..],
            "`--org` does not apply to `export release`: a release holds \
             every organisation",
        ),
        (
            &["export", "bib", "--org", "SCO"],
            "`--org` does not apply to `export bib`: it writes every source \
             of the data",
        ),
        (
            &["export", "csl", "--basis", "decided"],
            "`--basis` does not apply to `export csl`: a source's dates have \
             no basis",
        ),
        (
            &["export", "bib", "--at", "2020-01-01"],
            "`--at` does not apply to `export bib`: it writes every source \
             of the data",
        ),
    ];
    for (args, expected) in refused {
        let (code, stdout, stderr) = run(args);
        assert_eq!((code, stdout.as_str()), (2, ""), "{args:?}");
        assert_eq!(stderr, format!("igo: {expected}\n"), "{args:?}");
    }
    // The panel's rule and basis are the release's.
    let dir = tempfile::tempdir().unwrap();
    let shown = dir.path().to_str().unwrap();
    ok(&[
        "export", "release", "-o", shown, "--rule", "any", "--basis",
        "decided",
    ]);
    let panel = read(&dir.path().join("panel.csv"));
    assert!(panel.lines().skip(1).all(|l| l.ends_with(",any")));
    let readme = read(&dir.path().join("README.md"));
    assert!(
        readme.contains("the year rule any, on decided dates"),
        "{readme}"
    );
}

#[test]
fn csv_headers_are_the_package_fields() {
    let dir = shared();
    let package: serde_json::Value =
        serde_json::from_str(&read(&dir.path().join("datapackage.json")))
            .unwrap();
    assert_eq!(package["version"], env!("CARGO_PKG_VERSION"));
    assert_eq!(package["licenses"][0]["name"], "CC-BY-4.0");
    let resources = package["resources"].as_array().unwrap();
    let mut described: Vec<&str> =
        resources.iter().map(|r| r["path"].as_str().unwrap()).collect();
    for r in resources {
        let path = dir.path().join(r["path"].as_str().unwrap());
        let mut reader = csv::Reader::from_path(&path).unwrap();
        let header: Vec<String> =
            reader.headers().unwrap().iter().map(String::from).collect();
        let fields: Vec<&str> = r["schema"]["fields"]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| f["name"].as_str().unwrap())
            .collect();
        assert_eq!(header, fields, "{}", path.display());
        assert_eq!(r["schema"]["missingValues"], serde_json::json!([""]));
        assert_eq!(r["bytes"], std::fs::metadata(&path).unwrap().len());
        assert!(reader.records().count() > 0, "{}", path.display());
    }
    // Every CSV file is a resource.
    let mut csvs: Vec<String> = files(dir.path())
        .into_keys()
        .filter(|n| n.ends_with(".csv"))
        .collect();
    described.sort();
    csvs.sort();
    assert_eq!(described, csvs);
}

#[test]
fn the_panel_is_every_organisations_panel_to_its_review_year() {
    let dir = shared();
    let panel = read(&dir.path().join("panel.csv"));
    let kg = KnowledgeGraph::bundled();
    let mut expected = String::new();
    for (i, org) in kg.organizations().enumerate() {
        let day = org.reviewed.unwrap().to_string();
        let one =
            ok(&["export", "panel", "--org", org.id.as_str(), "--at", &day]);
        let body =
            if i == 0 { &one[..] } else { one.split_once('\n').unwrap().1 };
        expected.push_str(body);
    }
    assert!(panel == expected, "panel.csv is not the organisations' panels");
}

#[test]
fn the_bibliography_holds_every_source_with_its_address() {
    let dir = shared();
    let kg = KnowledgeGraph::bundled();
    let text = read(&dir.path().join("sources.bib"));
    assert_eq!(text, ok(&["export", "bib"]));
    let bib = biblatex::Bibliography::parse(&text)
        .unwrap_or_else(|e| panic!("sources.bib does not parse: {e:?}"));
    assert_eq!(bib.len(), kg.sources().count());
    // biber reads `url` verbatim; the crate's `url()` makes `---` a dash:
    // the address is checked as the raw text of the field.
    let raw = biblatex::RawBibliography::parse(&text).unwrap();
    let urls: BTreeMap<&str, &str> = raw
        .entries
        .iter()
        .map(|e| {
            let url = e.v.fields.iter().find(|f| f.key.v == "url").unwrap();
            let braced = &text[url.value.span.clone()];
            (e.v.key.v, braced.trim_start_matches('{').trim_end_matches('}'))
        })
        .collect();
    for s in kg.sources() {
        let id = s.id.as_str();
        let e = bib.get(id).unwrap_or_else(|| panic!("no entry `{id}`"));
        assert_eq!(e.entry_type, biblatex::EntryType::Online, "{id}");
        assert_eq!(urls[id], s.url, "{id}");
        assert_eq!(e.title().unwrap().format_verbatim(), s.title, "{id}");
    }
}

#[test]
fn the_csl_json_holds_every_source_with_its_address() {
    let dir = shared();
    let kg = KnowledgeGraph::bundled();
    let text = read(&dir.path().join("sources.json"));
    assert_eq!(text, ok(&["export", "csl"]));
    let items: Vec<serde_json::Value> = serde_json::from_str(&text).unwrap();
    assert_eq!(items.len(), kg.sources().count());
    for (item, s) in items.iter().zip(kg.sources()) {
        assert_eq!(item["id"], s.id.as_str());
        assert_eq!(item["type"], "webpage");
        assert_eq!(item["URL"], s.url.as_str());
        assert_eq!(item["title"], s.title.as_str());
    }
}

#[test]
fn the_repository_citation_is_this_version_on_the_review_day() {
    let text = read(&root().join("CITATION.cff"));
    let day = release::review_day(&KnowledgeGraph::bundled()).unwrap();
    let version = format!("\nversion: \"{}\"\n", env!("CARGO_PKG_VERSION"));
    let released_on = format!("\ndate-released: {day}\n");
    assert!(text.contains(&version), "CITATION.cff: not {version}");
    assert!(text.contains(&released_on), "CITATION.cff: not {released_on}");
    // The release's own says the same.
    let dir = shared();
    let own = read(&dir.path().join("CITATION.cff"));
    assert!(own.contains(&version) && own.contains(&released_on), "{own}");
}

#[test]
fn frictionless_validates_the_package() {
    let Some(py) = python_with("frictionless") else {
        skip!(
            "SKIPPED: frictionless is not installed (python3 -m venv .venv && .venv/bin/pip install frictionless, then IGO_PYTHON=.venv/bin/python3)"
        );
        return;
    };
    // The bundled data's dyads are some 680,000 rows, minutes for
    // frictionless: its first 20,000 rows of each table are validated,
    // and the whole of a smaller data set's release below.
    let dir = shared();
    let small = tempfile::tempdir().unwrap();
    let good = crate::common::root().join("tests/data/good");
    ok(&[
        "--data",
        good.to_str().unwrap(),
        "export",
        "release",
        "-o",
        small.path().to_str().unwrap(),
    ]);
    for (dir, limit) in [(dir.path(), "20000"), (small.path(), "None")] {
        frictionless(&py, dir, limit);
    }
}

/// `frictionless` validates the release in `dir`, `limit` rows of each
/// table (`None`: every row).
fn frictionless(py: &str, dir: &Path, limit: &str) {
    let script = "import sys, frictionless
limit = None if sys.argv[2] == 'None' else int(sys.argv[2])
report = frictionless.validate(sys.argv[1], limit_rows=limit)
print(report.valid)
for task in report.tasks:
    print(task.name, task.stats.get('rows', 0), task.valid)
for error in report.flatten(['taskName', 'rowNumber', 'fieldName', 'type', 'message']):
    print(error)";
    let out = Command::new(py)
        .args(["-c", script])
        .arg(dir.join("datapackage.json"))
        .arg(limit)
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success() && stdout.starts_with("True\n"),
        "frictionless: {stdout}{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(stdout.contains("\npanel "), "{stdout}");
    assert!(stdout.contains("\nsources "), "{stdout}");
}

/// `cffconvert`: `$IGO_CFFCONVERT`, else beside `$IGO_PYTHON`, else on
/// PATH. It has its own virtual environment in `.ci/run`: cffconvert 2.0
/// needs jsonschema 3, frictionless 5 needs jsonschema 4.
fn cffconvert() -> Option<PathBuf> {
    let beside_python = std::env::var_os("IGO_PYTHON")
        .map(|py| PathBuf::from(py).with_file_name("cffconvert"));
    std::env::var_os("IGO_CFFCONVERT")
        .map(PathBuf::from)
        .into_iter()
        .chain(beside_python)
        .chain([PathBuf::from("cffconvert")])
        .find(|c| {
            Command::new(c)
                .arg("--version")
                .output()
                .is_ok_and(|o| o.status.success())
        })
}

#[test]
fn cffconvert_validates_both_citation_files() {
    let Some(cff) = cffconvert() else {
        skip!(
            "SKIPPED: cffconvert is not installed (python3 -m venv .cff && .cff/bin/pip install cffconvert, then IGO_CFFCONVERT=.cff/bin/cffconvert)"
        );
        return;
    };
    let dir = shared();
    for file in [root().join("CITATION.cff"), dir.path().join("CITATION.cff")]
    {
        let out = Command::new(&cff)
            .arg("--validate")
            .arg("-i")
            .arg(&file)
            .output()
            .unwrap();
        let stdout = String::from_utf8_lossy(&out.stdout);
        assert!(
            out.status.success() && stdout.contains("are valid"),
            "cffconvert on {}: {stdout}{}",
            file.display(),
            String::from_utf8_lossy(&out.stderr)
        );
    }
}
