//! The README's examples that continue COW's file past 2014 ("Continuing
//! COW past 2014"), run as written, in R and in pandas, on COW rows named
//! as COW distributes them (upper-case IGO columns, `SCO`) and as igoR
//! copies them (lower case, `sco`): the fixture's real rows, renamed.

use std::path::Path;
use std::process::Command;

use crate::common::root;
use crate::export::python_with;

/// The first block of `lang` after the README's heading `heading`.
fn block(heading: &str, lang: &str) -> String {
    let readme = std::fs::read_to_string(root().join("README.md")).unwrap();
    let after = &readme[readme.find(heading).expect("the heading")..];
    let fence = format!("```{lang}\n");
    let start = after.find(&fence).expect("the block") + fence.len();
    let len = after[start..].find("```").unwrap();
    after[start..start + len].to_string()
}

/// The fixture as `state_year_formatv3.csv` in `dir`, its IGO columns in
/// upper case or as igoR has them.
fn cow_file(dir: &Path, upper: bool) {
    let text =
        std::fs::read_to_string(root().join("tests/data/cow/state_year.csv"))
            .unwrap();
    let (header, rows) = text.split_once('\n').unwrap();
    let header: Vec<String> = header
        .split(',')
        .enumerate()
        .map(|(i, h)| match i >= 3 && upper {
            true => h.to_ascii_uppercase(),
            false => h.to_string(),
        })
        .collect();
    let text = format!("{}\n{rows}", header.join(","));
    std::fs::write(dir.join("state_year_formatv3.csv"), text).unwrap();
}

/// `PATH` with the `igo` binary first, as a user who installed it.
fn path_with_igo() -> std::ffi::OsString {
    let bin = assert_cmd::cargo::cargo_bin("igo");
    let dir = bin.parent().unwrap().to_path_buf();
    let old = std::env::var_os("PATH").unwrap_or_default();
    std::env::join_paths(
        std::iter::once(dir).chain(std::env::split_paths(&old)),
    )
    .unwrap()
}

/// India's rows as printed: year -> (sco, brics), `NA`/`NaN` as "NA".
fn india(stdout: &str) -> Vec<(String, String, String)> {
    stdout
        .lines()
        .filter_map(|l| {
            let f: Vec<&str> = l.split_whitespace().collect();
            (f.len() == 3 && f[0].parse::<i32>().is_ok()).then(|| {
                let na = |v: &str| match v {
                    "NaN" | "<NA>" => "NA".to_string(),
                    v => v.trim_end_matches(".0").to_string(),
                };
                (f[0].to_string(), na(f[1]), na(f[2]))
            })
        })
        .collect()
}

/// What both examples print: COW's own rows to 2014, ours after.
fn check(stdout: &str, how: &str) {
    let rows = india(stdout);
    let row = |y: &str| {
        rows.iter()
            .find(|r| r.0 == y)
            .map(|r| (r.1.as_str(), r.2.as_str()))
            .unwrap_or_else(|| panic!("{how}: no {y} in\n{stdout}"))
    };
    // COW's own: India 0 in its SCO column, no BRICS column.
    assert_eq!(row("2013"), ("0", "NA"), "{how}");
    assert_eq!(row("2014"), ("0", "NA"), "{how}");
    // Ours: an SCO observer, then a member from 2017-06-09; in BRICS.
    assert_eq!(row("2015"), ("3", "1"), "{how}");
    assert_eq!(row("2016"), ("3", "1"), "{how}");
    assert_eq!(row("2017"), ("1", "1"), "{how}");
    let years: Vec<&str> = rows.iter().map(|r| r.0.as_str()).collect();
    let mut sorted = years.clone();
    sorted.sort();
    sorted.dedup();
    assert_eq!(years, sorted, "{how}: each year once");
}

#[test]
fn the_readmes_r_continuation_runs_on_cows_file_and_igors() {
    if Command::new("Rscript").arg("--version").output().is_err() {
        skip!("SKIPPED: no Rscript (apt-get install r-base-core)");
        return;
    }
    run_on_both("Rscript", ("-e", "r"), "R");
}

#[test]
fn the_readmes_pandas_continuation_runs_on_cows_file_and_igors() {
    let Some(py) = python_with("pandas") else {
        skip!("SKIPPED: pandas is not installed (IGO_PYTHON)");
        return;
    };
    run_on_both(&py, ("-c", "python"), "pandas");
}

/// The README's `lang` block of "Continuing COW past 2014", run by
/// `program flag CODE` on COW's upper-case file and igoR's copy; each
/// prints India's rows as [`check`] expects.
fn run_on_both(program: &str, (flag, lang): (&str, &str), who: &str) {
    let code = block("### Continuing COW past 2014", lang);
    for upper in [true, false] {
        let dir = tempfile::tempdir().unwrap();
        cow_file(dir.path(), upper);
        let out = Command::new(program)
            .args([flag, &code])
            .current_dir(dir.path())
            .env("PATH", path_with_igo())
            .output()
            .unwrap();
        let (stdout, stderr) = (
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr),
        );
        assert!(out.status.success(), "{who}: {stderr}");
        check(&stdout, &format!("{who}, upper-case columns {upper}"));
    }
}
