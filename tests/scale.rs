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
