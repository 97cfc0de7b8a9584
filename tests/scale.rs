//! Synthetic data sets large enough to be checked in parallel load to
//! exactly what was generated, and report errors from any of their files.

use igo_graph::synth::{Spec, generate};
use igo_graph::{Basis, KnowledgeGraph};

#[test]
fn a_synthetic_data_set_loads_with_every_transition() {
    let files = generate(&Spec { transitions: 20_000, ..Spec::default() });
    let bytes: usize = files.iter().map(|(_, t)| t.len()).sum();
    assert!(bytes > 1 << 20, "large enough for the parallel path: {bytes}");
    let written: usize =
        files.iter().map(|(_, t)| t.matches("    - status: ").count()).sum();
    let kg = KnowledgeGraph::from_texts(files.clone()).unwrap();
    let loaded = kg.transition_count();
    assert_eq!(loaded, written);
    assert_eq!(written, 20_000);
    // The same seed gives the same data; another seed other data.
    assert_eq!(
        generate(&Spec { transitions: 20_000, ..Spec::default() }),
        files
    );
    assert_ne!(
        generate(&Spec { transitions: 20_000, seed: 2, ..Spec::default() }),
        files
    );
    // Queries answer on it.
    let snap = kg
        .snapshot("ORG0", "2000-06-15".parse().unwrap(), Basis::Effective)
        .unwrap();
    assert!(snap.family_size > 0);
}

#[test]
fn errors_in_any_file_of_a_large_data_set_are_reported_in_order() {
    let mut files = generate(&Spec { transitions: 20_000, ..Spec::default() });
    let n = files.len();
    for (path, text) in files.iter_mut() {
        if path == "org3/statuses.yaml" || path == "org35/statuses.yaml" {
            *text = text.replacen("- state: ", "- state: Q", 1);
        }
    }
    let err = KnowledgeGraph::from_texts(files).unwrap_err();
    let paths: Vec<&str> = err
        .diagnostics()
        .iter()
        .map(|d| d.location.as_ref().unwrap().path.as_str())
        .collect();
    assert_eq!(
        paths,
        ["org3/statuses.yaml", "org35/statuses.yaml"],
        "{err} ({n} files)"
    );
    assert!(
        err.diagnostics()
            .iter()
            .all(|d| d.kind == igo_graph::DiagnosticKind::UnknownState)
    );
}

/// Runs `igo` under a 2 GB address-space cap, so that a command whose
/// cost runs away fails here instead of taking the machine.
fn capped(args: &[&str]) -> (i32, String, String) {
    let bin = assert_cmd::cargo::cargo_bin("igo");
    let mut script = String::from("ulimit -v 2000000; exec \"$0\"");
    for i in 1..=args.len() {
        script.push_str(&format!(" \"${{{i}}}\""));
    }
    let out = std::process::Command::new("sh")
        .arg("-c")
        .arg(script)
        .arg(bin)
        .args(args)
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

/// On data with as many organisations as COW (here 70, the limits are by
/// count), the commands whose output grows with the square of the
/// organisations refuse, with the reason and what to do instead, within
/// the memory cap; the formats made for machines answer.
#[test]
fn commands_on_many_organisations_answer_or_refuse() {
    let files = generate(&Spec {
        transitions: 2_000,
        organizations: 70,
        ..Spec::default()
    });
    let dir = tempfile::tempdir().unwrap();
    for (path, text) in &files {
        let p = dir.path().join(path);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, text).unwrap();
    }
    let data = dir.path().display().to_string();
    let kg = KnowledgeGraph::load(dir.path()).unwrap();
    let day = "2000-06-15";
    let existing = kg
        .organizations()
        .filter(|o| o.existed_on(day.parse().unwrap()))
        .count();
    assert!(existing > 40, "{existing} organisations on {day}");
    let igo = |args: &[&str]| capped(&[&["--data", &data][..], args].concat());
    let (code, out, err) = igo(&["overlap", "--matrix", "--at", day]);
    assert_eq!(code, 2, "{out}");
    assert!(err.contains("too wide for a terminal"), "{err}");
    assert!(err.contains("--format csv"), "{err}");
    let (code, csv, err) =
        igo(&["overlap", "--matrix", "--at", day, "--format", "csv"]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(csv.lines().count(), 1 + existing * existing);
    let site = dir.path().join("site");
    let (code, _, err) =
        igo(&["export", "html", "-o", &site.display().to_string()]);
    assert_eq!(code, 2);
    assert!(
        err.contains(
            "the explorer shows at most 60 organisations, and this data has 70"
        ),
        "{err}"
    );
    assert!(!site.exists(), "nothing written");
    let (code, _, err) =
        igo(&["export", "svg", "--org", "all", "--at", day, "-o", "-"]);
    assert_eq!(code, 2);
    assert!(err.contains("more than Graphviz lays out"), "{err}");
    assert!(err.contains("--org ID"), "{err}");
    let (code, dot, err) =
        igo(&["export", "dot", "--org", "all", "--at", day]);
    assert_eq!(code, 0, "{err}");
    assert!(dot.starts_with("digraph") || dot.starts_with("graph"), "{dot}");
    for args in [
        &["at", day, "--org", "all", "--format", "json"][..],
        &["memberships", "AAA", "--at", day],
        &["history", "AAA"],
        &["timeline", "--org", "ORG0"],
        &["export", "json"],
        &["export", "cow", "--at", "2010-12-31"],
    ] {
        let (code, _, err) = igo(args);
        assert_eq!(code, 0, "{args:?}: {err}");
    }
}
