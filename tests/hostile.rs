//! Hostile and malformed input that a file in `tests/data/bad` cannot
//! hold: special files, links, sizes, counts; and rules across folders.

use std::path::Path;

use igo_graph::{DiagnosticKind, KnowledgeGraph};

use crate::common::{good_copy, run};

/// `igo validate DIR`: exit code and stderr with the folder shown as DATA.
fn validate(dir: &Path) -> (i32, String) {
    let shown = dir.display().to_string();
    let (code, _, stderr) = run(&["--org", "ORG", "validate", &shown]);
    (code, stderr.replace(&shown, "DATA"))
}

#[cfg(unix)]
#[test]
fn a_named_pipe_is_reported_not_opened() {
    let dir = good_copy();
    let p = dir.path().join("states.yaml");
    std::fs::remove_file(&p).unwrap();
    let status = std::process::Command::new("mkfifo").arg(&p).status();
    if !status.is_ok_and(|s| s.success()) {
        skip!("SKIPPED: mkfifo is not available");
        return;
    }
    // Opening a FIFO for reading would block until a writer came: the
    // loader must answer without one.
    let (code, got) = validate(dir.path());
    assert_eq!(code, 2);
    assert!(
        got.starts_with(
            "DATA/states.yaml: error[io]: `DATA/states.yaml` is a named pipe (FIFO), not a data file"
        ),
        "{got}"
    );
}

#[cfg(unix)]
#[test]
fn dangling_and_looping_links_are_reported() {
    let dir = good_copy();
    let org = dir.path().join("org");
    std::fs::remove_file(org.join("events.yaml")).unwrap();
    std::os::unix::fs::symlink("nowhere.yaml", org.join("events.yaml"))
        .unwrap();
    std::os::unix::fs::symlink("loop-b.yaml", org.join("loop-a.yaml"))
        .unwrap();
    std::os::unix::fs::symlink("loop-a.yaml", org.join("loop-b.yaml"))
        .unwrap();
    let (code, got) = validate(dir.path());
    assert_eq!(code, 2);
    for expected in [
        "`DATA/org/events.yaml` is a symbolic link to nothing, not a data file",
        "`DATA/org/loop-a.yaml` is a symbolic link that loops, not a data file",
        "`DATA/org/loop-b.yaml` is a symbolic link that loops, not a data file",
    ] {
        assert!(got.contains(expected), "{expected}\n{got}");
    }
}

#[cfg(unix)]
#[test]
fn a_device_behind_a_link_is_reported() {
    let dir = good_copy();
    let p = dir.path().join("sources.yaml");
    std::fs::remove_file(&p).unwrap();
    std::os::unix::fs::symlink("/dev/zero", &p).unwrap();
    let (code, got) = validate(dir.path());
    assert_eq!(code, 2);
    assert!(
        got.contains(
            "`DATA/sources.yaml` is a character device, not a data file"
        ),
        "{got}"
    );
}

#[cfg(target_os = "linux")]
#[test]
fn a_file_that_reports_size_zero_is_read_with_a_bound() {
    // /proc files report size 0 and then stream text; the loader reads
    // them with its size limit and reports what they hold.
    let dir = good_copy();
    let p = dir.path().join("org/events.yaml");
    std::fs::remove_file(&p).unwrap();
    std::os::unix::fs::symlink("/proc/self/status", &p).unwrap();
    let (code, got) = validate(dir.path());
    assert_eq!(code, 2);
    assert!(got.starts_with("DATA/org/events.yaml:"), "{got}");
}

#[test]
fn a_folder_named_like_a_data_file_is_reported() {
    let dir = good_copy();
    let p = dir.path().join("states.yaml");
    std::fs::remove_file(&p).unwrap();
    std::fs::create_dir(&p).unwrap();
    let (code, got) = validate(dir.path());
    assert_eq!(code, 2);
    assert!(
        got.contains("`DATA/states.yaml` is a folder, not a data file"),
        "{got}"
    );
}

/// Valid states, one for each alpha-2 code but those of the test data
/// (IN, PK, LK), each with 400 aliases: about 3 MB of YAML.
fn big_states() -> String {
    let mut text = String::new();
    for i in 0..676 {
        let b = (b'A' + (i / 26) as u8) as char;
        let c = (b'A' + (i % 26) as u8) as char;
        let iso2 = format!("{b}{c}");
        if ["IN", "PK", "LK"].contains(&iso2.as_str()) {
            continue;
        }
        let aliases: Vec<String> =
            (0..400).map(|k| format!("\"n{i}-{k}\"")).collect();
        text.push_str(&format!(
            "- id: Z{iso2}\n  iso2: {iso2}\n  name: \"State {i}\"\n  aliases: [{}]\n  sources: [s1]\n",
            aliases.join(", ")
        ));
    }
    text
}

#[test]
fn a_valid_file_of_megabytes_loads() {
    // About 270,000 values, over the YAML parser's default node budget of
    // 250,000 that once refused such a file with a message about aliases.
    let dir = good_copy();
    let p = dir.path().join("states.yaml");
    let mut text = std::fs::read_to_string(&p).unwrap();
    text.push_str(&big_states());
    std::fs::write(&p, &text).unwrap();
    assert!(text.len() > 2_500_000, "{}", text.len());
    let kg = KnowledgeGraph::load(dir.path());
    assert!(kg.is_ok(), "{}", kg.unwrap_err());
    assert_eq!(kg.unwrap().states().count(), 3 + 673);
}

#[test]
fn thousands_of_unknown_ids_are_cheap_and_all_reported() {
    let dir = good_copy();
    let mut text = String::new();
    for i in 0..5_000 {
        text.push_str(&format!(
            "- state: IND\n  transitions:\n    - status: member\n      date: 2017-06-09\n      sources: [source-{i}-{}]\n",
            "x".repeat(200)
        ));
    }
    std::fs::write(dir.path().join("org/statuses.yaml"), text).unwrap();
    let err = KnowledgeGraph::load(dir.path()).unwrap_err();
    let unknown = err
        .diagnostics()
        .iter()
        .filter(|d| d.kind == DiagnosticKind::UnknownSource)
        .count();
    assert_eq!(unknown, 5_000);
    // Suggestions stop after a budget; every diagnostic still has advice.
    assert!(err.diagnostics().iter().all(|d| d.help.is_some()));
}

#[test]
fn a_long_id_gets_no_costly_suggestion() {
    let dir = good_copy();
    let long = "I".repeat(60_000);
    let text = format!(
        "- state: {long}\n  transitions:\n    - status: member\n      date: 2017-06-09\n      sources: [s1]\n"
    );
    std::fs::write(dir.path().join("org/statuses.yaml"), text).unwrap();
    let err = KnowledgeGraph::load(dir.path()).unwrap_err();
    let d = &err.diagnostics()[0];
    assert_eq!(d.kind, DiagnosticKind::UnknownState);
    assert_eq!(
        d.help.as_deref(),
        Some(
            "add the state to states.yaml, with its ISO 3166-1 alpha-3 code as id"
        )
    );
}

#[test]
fn carriage_return_line_endings_load() {
    let dir = good_copy();
    for name in ["states.yaml", "sources.yaml", "org/statuses.yaml"] {
        let p = dir.path().join(name);
        let text = std::fs::read_to_string(&p).unwrap();
        std::fs::write(&p, text.replace('\n', "\r")).unwrap();
    }
    let kg = KnowledgeGraph::load(dir.path());
    assert!(kg.is_ok(), "{}", kg.unwrap_err());
    let kg = kg.unwrap();
    assert_eq!(kg.states().count(), 3);
    assert_eq!(kg.transition_count(), 4);
}

/// The test data with a second organisation folder `more/` that holds the
/// third chair term of ORG and a state's history in ORG.
fn split_over_folders() -> tempfile::TempDir {
    let dir = good_copy();
    let more = dir.path().join("more");
    std::fs::create_dir(&more).unwrap();
    std::fs::write(
        more.join("organization.yaml"),
        "- id: MORE\n  name: Another organisation\n  short_name: MORE\n  founded: 2001-06-15\n  sources: [s1]\n",
    )
    .unwrap();
    let chairs = dir.path().join("org/chairs.yaml");
    let text = std::fs::read_to_string(&chairs).unwrap();
    // The last term moves to the other folder.
    let at = text.rfind("- state:").unwrap();
    std::fs::write(&chairs, &text[..at]).unwrap();
    let moved = text[at..].replacen("\n", "\n  organization: ORG\n", 1);
    std::fs::write(more.join("chairs.yaml"), moved).unwrap();
    dir
}

#[test]
fn chair_continuity_holds_across_folders() {
    let dir = split_over_folders();
    let kg = KnowledgeGraph::load(dir.path());
    assert!(kg.is_ok(), "{}", kg.unwrap_err());
    let kg = kg.unwrap();
    let terms = kg.chairs("ORG");
    assert!(terms.len() >= 2);
    for w in terms.windows(2) {
        assert_eq!(w[0].end, Some(w[1].start));
    }
    // A gap across the two folders is found.
    let more = dir.path().join("more/chairs.yaml");
    let text = std::fs::read_to_string(&more).unwrap();
    let start =
        text.lines().find(|l| l.trim_start().starts_with("start:")).unwrap();
    std::fs::write(&more, text.replace(start, "  start: 2030-01-01")).unwrap();
    let (code, got) = validate(dir.path());
    assert_eq!(code, 2);
    assert!(got.contains("error[domain]: a gap between chair terms"), "{got}");
    assert!(got.contains("DATA/more/chairs.yaml:"), "{got}");
}

#[test]
fn facts_split_over_folders_export_and_load_back_equal() {
    let dir = split_over_folders();
    let kg = KnowledgeGraph::load(dir.path()).unwrap();
    let files = igo_graph::export::yaml::files(&kg);
    let again = KnowledgeGraph::from_texts(files).unwrap();
    assert!(again == kg);
}
