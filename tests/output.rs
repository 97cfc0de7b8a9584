//! What `igo` prints is safe where it lands: CSV cells never run as
//! formulas in a spreadsheet, tables and diagnostics never send control
//! characters to a terminal, and diagnostics stay a screen wide and a
//! few dozen long. Each test writes its own hostile data folder.

use std::path::Path;

use crate::common::{good_copy, igo};

/// Runs `igo` with `args`; stdout and stderr as lossy text.
fn run(args: &[&str]) -> (i32, String, String) {
    let out = igo().args(args).output().expect("igo runs");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// The good data set with hostile text in every field a CSV shows: state
/// names, notes, a summit's city, a chair's note, an official's name, an
/// event's title and place.
fn hostile() -> tempfile::TempDir {
    let dir = good_copy();
    let p = dir.path();
    edit(
        p,
        "states.yaml",
        "name: India",
        r#"name: "=HYPERLINK(\"http://x\")""#,
    );
    edit(p, "states.yaml", "name: Pakistan", r#"name: "\t=1+1""#);
    edit(p, "states.yaml", "name: Sri Lanka", r#"name: "\r@SUM(A1)""#);
    edit(
        p,
        "org/statuses.yaml",
        "      sources: [s1, s2]",
        "      sources: [s1, s2]\n      note: \"+cmd|' /C calc'!A0\"",
    );
    edit(p, "org/summits.yaml", "city: Astana", "city: \"-1+1\"");
    edit(
        p,
        "org/chairs.yaml",
        "note: a second term, to have a handover",
        "note: \"=2+5, a second term\"",
    );
    edit(p, "org/officials.yaml", "person: A. Tester", "person: \"@Tester\"");
    edit(p, "org/events.yaml", "title: Charter signed", "title: \"=1\"");
    edit(p, "org/events.yaml", "place: Somewhere", "place: \"\\t-2\"");
    dir
}

fn edit(dir: &Path, file: &str, from: &str, to: &str) {
    let path = dir.join(file);
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.contains(from), "{file} holds {from}");
    std::fs::write(&path, text.replacen(from, to, 1)).unwrap();
}

/// Every CSV cell that starts like a formula starts with `'` instead; a
/// plain negative number would pass (none in this data).
fn assert_no_formula(what: &str, csv_text: &str) {
    let mut r = csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(csv_text.as_bytes());
    for record in r.records() {
        for cell in record.unwrap().iter() {
            let negative_number = cell.strip_prefix('-').is_some_and(|n| {
                !n.is_empty() && n.chars().all(|c| c.is_ascii_digit())
            });
            assert!(
                !cell.starts_with(['=', '+', '-', '@', '\t', '\r'])
                    || negative_number,
                "{what}: formula cell {cell:?}"
            );
        }
    }
}

#[test]
fn every_csv_neutralises_formula_cells() {
    let dir = hostile();
    let data = dir.path().display().to_string();
    let mut commands: Vec<Vec<&str>> = vec![
        vec!["at", "2020-01-01"],
        vec!["members", "--at", "2020-01-01"],
        vec!["history", "IND"],
        vec!["history", "LKA"],
        vec!["timeline"],
        vec!["timeline", "--with-summits"],
        vec!["diff", "2000-01-01", "2020-01-01"],
        vec!["chairs"],
        vec!["summits"],
        vec!["officials"],
        vec!["events"],
    ];
    for c in &mut commands {
        c.extend(["--format", "csv"]);
    }
    commands.push(vec!["export", "csv"]);
    commands.push(vec!["export", "csv", "--table", "events"]);
    commands.push(vec!["export", "panel", "--at", "2020-01-01"]);
    for c in commands {
        let mut args = vec!["--data", &data, "--org", "ORG"];
        args.extend(&c);
        let (code, out, err) = run(&args);
        assert_eq!(code, 0, "{c:?}: {err}");
        assert_no_formula(&format!("{c:?}"), &out);
    }
    let (_, at, _) = run(&[
        "--data",
        &data,
        "--org",
        "ORG",
        "at",
        "2020-01-01",
        "--format",
        "csv",
    ]);
    assert!(at.contains(r#"IND,"'=HYPERLINK(""http://x"")",member"#), "{at}");
    assert!(at.contains("PAK,'\t=1+1,observer"), "{at}");
    assert!(at.contains("LKA,\"'\r@SUM(A1)\","), "{at}");
    let (_, summits, _) =
        run(&["--data", &data, "--org", "ORG", "summits", "--format", "csv"]);
    assert!(summits.contains(",'-1+1,IND,"), "{summits}");
}

#[test]
fn tables_show_control_characters_escaped() {
    let dir = good_copy();
    let p = dir.path();
    edit(p, "states.yaml", "name: India", r#"name: "\e[31mIndia\a""#);
    edit(
        p,
        "states.yaml",
        "name: Pakistan",
        r#"name: "Paki\u202Estan\u0085""#,
    );
    let data = p.display().to_string();
    for args in [
        vec!["at", "2020-01-01"],
        vec!["members", "--at", "2020-01-01"],
        vec!["history", "IND"],
        vec!["timeline"],
        vec!["diff", "2000-01-01", "2020-01-01"],
        vec!["chairs"],
        vec!["officials"],
    ] {
        let mut all = vec!["--data", &data, "--org", "ORG"];
        all.extend(&args);
        let (code, out, err) = run(&all);
        assert_eq!(code, 0, "{args:?}: {err}");
        assert!(
            !out.chars().any(|c| (c.is_control() && c != '\n')
                || ('\u{202A}'..='\u{202E}').contains(&c)),
            "{args:?}: raw control character in {out:?}"
        );
    }
    let (_, out, _) = run(&[
        "--data",
        &data,
        "--org",
        "ORG",
        "members",
        "--at",
        "2020-01-01",
    ]);
    assert!(out.contains("  IND  \\u{1b}[31mIndia\\u{7}"), "{out}");
    assert!(out.contains("  PAK  Paki\\u{202e}stan\\u{85}"), "{out}");
    // JSON: the same value, the hazards written as \uXXXX.
    let (_, json, _) = run(&[
        "--data", &data, "--org", "ORG", "history", "PAK", "--format", "json",
    ]);
    assert!(json.contains(r#""name": "Paki\u202estan\u0085""#), "{json}");
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(v["state"]["name"], "Paki\u{202e}stan\u{85}");
}

#[test]
fn diagnostics_show_control_characters_escaped() {
    // A value naming an unknown state, with ESC and BEL in it.
    let dir = good_copy();
    edit(
        dir.path(),
        "org/statuses.yaml",
        "state: PAK",
        r#"state: "\e]0;pwned\a""#,
    );
    let data = dir.path().display().to_string();
    let (code, _, err) = run(&["validate", &data]);
    assert_eq!(code, 2);
    assert!(!err.contains('\u{1b}') && !err.contains('\u{7}'), "{err:?}");
    assert!(
        err.contains(
            "error[unknown-state]: state `\\u{1b}]0;pwned\\u{7}` is not in \
             states.yaml"
        ),
        "{err}"
    );
    // A raw ESC in the file: the source line of the snippet is escaped.
    let dir = good_copy();
    edit(dir.path(), "org/statuses.yaml", "state: PAK", "state: PAK\u{1b}[2J");
    let data = dir.path().display().to_string();
    let (code, _, err) = run(&["validate", &data]);
    assert_eq!(code, 2);
    assert!(!err.contains('\u{1b}'), "{err:?}");
    assert!(err.contains("   | - state: PAK\\u{1b}[2J\n"), "{err}");
    // A question naming a control character.
    let (code, _, err) = run(&["history", "\u{1b}[31mIND"]);
    assert_eq!(code, 2);
    assert_eq!(
        err,
        "igo: error[query]: unknown state `\\u{1b}[31mIND`\n  = help: give \
         an ISO 3166-1 alpha-3 or alpha-2 code, a COW or G&W number or \
         letters (`COW:365`, `GW:260`), or an English name\n"
    );
    // A status is the organisation's own, named in the error escaped.
    let (code, _, err) = run(&["members", "--status", "x\u{7}\u{202e}"]);
    assert_eq!(code, 2);
    assert!(err.contains("unknown status `x\\u{7}\\u{202e}`"), "{err}");
    assert!(!err.contains(['\u{7}', '\u{202e}']), "{err:?}");
}

#[test]
fn a_snippet_shows_at_most_a_screen_of_a_long_line() {
    let dir = good_copy();
    let many = "s1, ".repeat(3000);
    edit(
        dir.path(),
        "org/statuses.yaml",
        "      sources: [s2]",
        &format!("      sources: [{many}nope]"),
    );
    let data = dir.path().display().to_string();
    let (code, _, err) = run(&["validate", &data]);
    assert_eq!(code, 2);
    let lines: Vec<&str> = err.lines().collect();
    let at = lines
        .iter()
        .position(|l| l.contains("source `nope` is not in sources.yaml"))
        .unwrap_or_else(|| panic!("{err}"));
    let (line, caret) = (lines[at + 1], lines[at + 2]);
    assert!(line.chars().count() <= 5 + 102, "{line}");
    assert!(line.starts_with("   | …") && line.ends_with("nope]"), "{line}");
    let col = caret.chars().count() - 1;
    assert_eq!(caret.chars().last(), Some('^'));
    assert_eq!(&line.chars().skip(col).take(4).collect::<String>(), "nope");
}

#[test]
fn many_diagnostics_are_counted_after_fifty() {
    let dir = good_copy();
    let mut text =
        std::fs::read_to_string(dir.path().join("org/statuses.yaml")).unwrap();
    for i in 0..120 {
        text.push_str(&format!(
            "- state: X{i:03}\n  transitions:\n    - status: member\n      date: 2010-01-01\n      sources: [s1]\n"
        ));
    }
    std::fs::write(dir.path().join("org/statuses.yaml"), text).unwrap();
    let data = dir.path().display().to_string();
    let (code, _, err) = run(&["validate", &data]);
    assert_eq!(code, 2);
    assert_eq!(err.matches(": error[").count(), 50, "{err}");
    let tail: Vec<&str> = err.lines().rev().take(2).collect();
    assert_eq!(tail, ["igo: 120 problems found", "... and 70 more problems"]);
}
