//! Golden outputs: every subcommand in every format and every export of the
//! bundled data, byte for byte, through the real binary. A change of any
//! byte fails here; `IGO_BLESS=1 cargo test golden` rewrites the files after
//! a change that is meant.

use std::path::PathBuf;

use crate::common::{igo, root};

/// Each case: a file name under `tests/golden/` and the arguments.
const CASES: &[(&str, &[&str])] = &[
    ("at", &["at", "2024-02-22"]),
    ("at-decided", &["at", "2023-07-04", "--basis", "decided"]),
    ("at-bases-disagree", &["at", "2023-07-04"]),
    ("at-uncertain", &["at", "2010-05-10"]),
    ("at-shanghai5", &["at", "1999-01-01", "--org", "SHANGHAI5"]),
    ("at-2026", &["at", "2026-01-01"]),
    ("members", &["members", "--at", "2017-06-09"]),
    (
        "members-observer",
        &["members", "--at", "2012-06-01", "--status", "observer"],
    ),
    ("members-uncertain", &["members", "--at", "2010-05-10"]),
    ("history", &["history", "IND"]),
    ("history-lka", &["history", "sri lanka"]),
    ("history-lao", &["history", "LAO"]),
    ("timeline", &["timeline"]),
    ("timeline-decided", &["timeline", "--basis", "decided"]),
    ("timeline-summits", &["timeline", "--with-summits"]),
    ("chairs", &["chairs"]),
    ("summits", &["summits"]),
    ("officials", &["officials"]),
    ("events", &["events"]),
    ("diff", &["diff", "2015-01-01", "2025-12-31"]),
    ("diff-backwards", &["diff", "2025-12-31", "2001-06-15"]),
    ("validate", &["validate"]),
    ("validate-dir", &["validate", "data"]),
];

/// Each export: a file name and the arguments after `export`.
const EXPORTS: &[(&str, &[&str])] = &[
    ("dot", &["dot", "--at", "2024-02-22"]),
    ("dot-2001", &["dot", "--at", "2001-06-15"]),
    ("dot-decided", &["dot", "--at", "2023-07-04", "--basis", "decided"]),
    ("chart", &["chart", "--at", "2026-01-01"]),
    ("gexf", &["gexf"]),
    ("graphml", &["graphml"]),
    ("graphml-day", &["graphml", "--at", "2024-02-22"]),
    ("json", &["json"]),
    ("json-day", &["json", "--at", "2024-02-22"]),
    ("panel", &["panel", "--at", "2026-01-01"]),
    ("panel-any", &["panel", "--rule", "any", "--at", "2026-01-01"]),
    ("csv", &["csv"]),
    ("csv-events", &["csv", "--table", "events"]),
    ("ttl", &["ttl"]),
];

/// Errors a user meets first.
const FAILURES: &[(&str, &[&str])] = &[
    ("error-unknown-state", &["history", "INDD"]),
    ("error-bad-date", &["at", "2024-13-01"]),
    ("error-month", &["at", "2024-02"]),
    ("error-unknown-org", &["at", "2024-01-01", "--org", "SCOO"]),
    ("error-yaml-no-output", &["export", "yaml"]),
];

fn golden(name: &str) -> PathBuf {
    root().join("tests/golden").join(name)
}

/// Compares `actual` with the stored file, or stores it when blessing.
fn check(name: &str, actual: &[u8], failures: &mut Vec<String>) {
    let path = golden(name);
    if std::env::var_os("IGO_BLESS").is_some() {
        std::fs::write(&path, actual).unwrap();
        return;
    }
    match std::fs::read(&path) {
        Ok(expected) if expected == actual => {}
        Ok(expected) => {
            let line = first_difference(&expected, actual);
            failures.push(format!("{name}: differs from line {line}"));
        }
        Err(e) => failures.push(format!("{name}: {e}")),
    }
}

fn first_difference(a: &[u8], b: &[u8]) -> usize {
    let same = a.iter().zip(b).take_while(|(x, y)| x == y).count();
    1 + a[..same].iter().filter(|&&c| c == b'\n').count()
}

fn output(args: &[&str]) -> (i32, Vec<u8>, Vec<u8>) {
    let out = igo().current_dir(root()).args(args).output().unwrap();
    (out.status.code().unwrap_or(-1), out.stdout, out.stderr)
}

#[test]
fn every_command_in_every_format_is_unchanged() {
    let mut failures = Vec::new();
    for (name, args) in CASES {
        for format in ["table", "json", "csv"] {
            let mut all = args.to_vec();
            all.extend(["--format", format]);
            let (code, stdout, stderr) = output(&all);
            assert_eq!(
                code,
                0,
                "igo {all:?}: {}",
                String::from_utf8_lossy(&stderr)
            );
            check(&format!("{name}.{format}"), &stdout, &mut failures);
        }
    }
    assert!(
        failures.is_empty(),
        "golden outputs changed:\n{}",
        failures.join("\n")
    );
}

#[test]
fn every_export_is_unchanged() {
    let mut failures = Vec::new();
    for (name, args) in EXPORTS {
        let mut all = vec!["export"];
        all.extend_from_slice(args);
        let (code, stdout, stderr) = output(&all);
        assert_eq!(
            code,
            0,
            "igo {all:?}: {}",
            String::from_utf8_lossy(&stderr)
        );
        check(&format!("export-{name}"), &stdout, &mut failures);
    }
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("yaml");
    let (code, _, stderr) =
        output(&["export", "yaml", "-o", out.to_str().unwrap()]);
    assert_eq!(code, 0, "{}", String::from_utf8_lossy(&stderr));
    let mut files = Vec::new();
    collect(&out, &out, &mut files);
    files.sort();
    let mut joined = Vec::new();
    for (rel, bytes) in files {
        joined.extend(format!("==> {rel} <==\n").into_bytes());
        joined.extend(bytes);
    }
    check("export-yaml", &joined, &mut failures);
    assert!(
        failures.is_empty(),
        "golden exports changed:\n{}",
        failures.join("\n")
    );
}

fn collect(
    base: &std::path::Path,
    dir: &std::path::Path,
    out: &mut Vec<(String, Vec<u8>)>,
) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            collect(base, &path, out);
        } else {
            let rel = path.strip_prefix(base).unwrap().display().to_string();
            out.push((rel, std::fs::read(&path).unwrap()));
        }
    }
}

#[test]
fn first_errors_are_unchanged() {
    let mut failures = Vec::new();
    for (name, args) in FAILURES {
        let (code, stdout, stderr) = output(args);
        assert_eq!(code, 2, "igo {args:?} should fail");
        assert!(stdout.is_empty(), "igo {args:?} wrote to stdout");
        check(&format!("{name}.stderr"), &stderr, &mut failures);
    }
    assert!(
        failures.is_empty(),
        "golden errors changed:\n{}",
        failures.join("\n")
    );
}
