use std::path::{Path, PathBuf};

use assert_cmd::Command;

pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

pub fn igo() -> Command {
    Command::cargo_bin("igo").expect("the igo binary is built")
}

/// Runs `igo` with `args`; returns (exit code, stdout, stderr).
pub fn run(args: &[&str]) -> (i32, String, String) {
    let out = igo().args(args).output().expect("igo runs");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8(out.stdout).expect("stdout is UTF-8"),
        String::from_utf8(out.stderr).expect("stderr is UTF-8"),
    )
}

/// Runs `igo` with `args`, which must succeed; its stdout.
pub fn ok(args: &[&str]) -> String {
    let (code, stdout, stderr) = run(args);
    assert_eq!(code, 0, "igo {args:?} failed: {stderr}");
    stdout
}

/// Runs `igo` with `args`, which must succeed and print JSON.
pub fn json(args: &[&str]) -> serde_json::Value {
    serde_json::from_str(&ok(args)).expect("valid JSON")
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.path().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).unwrap();
        }
    }
}

/// A temporary copy of `tests/data/good`.
pub fn good_copy() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    copy_dir(&root().join("tests/data/good"), dir.path());
    dir
}

/// See the `skip!` macro.
pub fn skipped(message: &str) {
    assert!(
        std::env::var_os("IGO_REQUIRE_READERS").is_none(),
        "{message}, and IGO_REQUIRE_READERS is set: install it"
    );
    eprintln!("{message}");
}

/// Today in UTC, by the system clock (the library never reads it; a test
/// may, as `igo` does).
pub fn today() -> igo_graph::Date {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .expect("the clock is after 1970")
        .as_secs();
    // 719,163 days from 0001-01-01 (day 1) to 1970-01-01.
    let days = 719_163 + i32::try_from(secs / 86_400).expect("a near day");
    let d = chrono::NaiveDate::from_num_days_from_ce_opt(days)
        .expect("a valid day");
    d.format("%Y-%m-%d").to_string().parse().expect("a day")
}
