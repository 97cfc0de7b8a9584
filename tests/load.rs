use std::path::Path;

use igo_graph::{DiagnosticKind, KnowledgeGraph, LoadOptions};

use crate::common::{good_copy, root, run, today};

/// Copies the good data set, puts the bad file where its first line says
/// (`# replaces: org/statuses.yaml`), and returns the folder.
fn with_bad_file(case: &str) -> tempfile::TempDir {
    let path = root().join("tests/data/bad").join(format!("{case}.yaml"));
    let text = std::fs::read_to_string(&path).unwrap();
    let target = text
        .lines()
        .next()
        .and_then(|l| l.strip_prefix("# replaces: "))
        .unwrap_or_else(|| {
            panic!("{case}: first line names the file to replace")
        });
    let dir = good_copy();
    std::fs::write(dir.path().join(target.trim()), &text).unwrap();
    dir
}

/// `igo validate` on a bad folder: exit code 2 and the diagnostic lines
/// (without snippets), with the temporary folder shown as `DATA`.
fn validate(dir: &Path) -> (i32, String) {
    let shown = dir.display().to_string();
    let (code, stdout, stderr) = run(&["--org", "ORG", "validate", &shown]);
    assert!(stdout.is_empty(), "nothing on stdout when invalid: {stdout}");
    let lines: Vec<String> = stderr
        .lines()
        .filter(|l| !l.starts_with("   |"))
        .map(|l| l.replace(&shown, "DATA"))
        .collect();
    (code, lines.join("\n"))
}

fn check(case: &str, expected: &str) {
    let dir = with_bad_file(case);
    let (code, got) = validate(dir.path());
    assert_eq!(code, 2, "{case}: exit code");
    assert_eq!(got, expected.trim(), "{case}");
    // The library reports the same, as a typed error: never a half-loaded
    // graph.
    let err = KnowledgeGraph::load(dir.path()).unwrap_err();
    assert!(!err.diagnostics().is_empty());
}

#[test]
fn syntax_unclosed_bracket() {
    check(
        "syntax-unclosed-bracket",
        "
DATA/org/statuses.yaml:3:16: error[syntax]: unclosed bracket '['
  = help: fix the YAML syntax at this place",
    );
}

#[test]
fn syntax_tab_indentation() {
    check("syntax-tab-indentation", "
DATA/org/statuses.yaml:4:2: error[syntax]: tabs disallowed within this context (block indentation)
  = help: fix the YAML syntax at this place");
}

#[test]
fn syntax_bad_indentation_is_not_masked_as_a_missing_field() {
    check("syntax-bad-indentation", "
DATA/org/statuses.yaml:5:12: error[syntax]: mapping values are not allowed in this context
  = help: fix the YAML syntax at this place");
}

#[test]
fn unknown_field() {
    check("unknown-field", "
DATA/org/statuses.yaml:6:7: error[unknown-field]: unknown field `sourcse`, expected one of status, date, decided, effective, sources, note, summit, disputed, evidence, alternatives
  = help: check the spelling; the README lists the fields");
}

#[test]
fn missing_field() {
    check(
        "missing-field",
        "
DATA/states.yaml:2:7: error[missing-field]: missing field `iso2` in state `IND`
  = help: add the field; the README lists the required fields",
    );
}

#[test]
fn wrong_type() {
    check("wrong-type", "
DATA/states.yaml:5:13: error[wrong-type]: expected a whole number (u16)
  = help: the file is a YAML list of states; see the README for each field's type");
}

#[test]
fn list_where_a_map_belongs() {
    check("list-where-map-belongs", "
DATA/org/organization.yaml:2:3: error[wrong-type]: expected mapping start
  = help: the file is a YAML list of organisations; see the README for each field's type");
}

#[test]
fn duplicate_key() {
    check(
        "duplicate-key",
        "
DATA/org/statuses.yaml:3:3: error[duplicate-key]: duplicate mapping key: state
  = help: keep one of the keys",
    );
}

#[test]
fn duplicate_id() {
    check(
        "duplicate-id",
        "
DATA/sources.yaml:8:7: error[duplicate-id]: source `s1` is defined twice
  = help: give each source its own id",
    );
}

#[test]
fn unknown_state_suggests_the_nearest() {
    check("unknown-state", "
DATA/org/statuses.yaml:2:10: error[unknown-state]: state `INDD` is not in states.yaml
  = help: did you mean `IND`?");
}

#[test]
fn unknown_source_suggests_the_nearest() {
    check("unknown-source", "
DATA/org/statuses.yaml:6:21: error[unknown-source]: source `hindu-2005-obsrver` is not in sources.yaml
  = help: add the source to sources.yaml (title, url of what you read)");
}

#[test]
fn unknown_organization() {
    check("unknown-organization", "
DATA/org/statuses.yaml:3:17: error[unknown-organization]: organisation `ORGG` is not defined in any organization.yaml
  = help: did you mean `ORG`?");
}

#[test]
fn missing_source() {
    check("missing-source", "
DATA/org/statuses.yaml:6:16: error[missing-source]: no source cited
  = help: cite at least one source id from sources.yaml that supports this fact");
}

#[test]
fn impossible_date() {
    check("impossible-date", "
DATA/org/statuses.yaml:5:13: error[invalid-date]: `2023-02-30` is not a day of the calendar
  = help: dates are YYYY-MM-DD, YYYY-MM or YYYY, as precise as the source");
}

#[test]
fn malformed_date() {
    check("malformed-date", "
DATA/org/statuses.yaml:5:13: error[invalid-date]: `9 June 2017` is not a date: write YYYY-MM-DD, or YYYY-MM / YYYY when the source gives no day
  = help: dates are YYYY-MM-DD, YYYY-MM or YYYY, as precise as the source");
}

#[test]
fn transitions_out_of_order() {
    check("transitions-out-of-order", "
DATA/org/statuses.yaml:7:7: error[out-of-order]: `IND`'s transitions are out of order: 2005-07-05 (observer) comes after 2017-06-09 (member)
  = help: list transitions oldest first");
}

#[test]
fn effective_before_decided() {
    check("effective-before-decided", "
DATA/org/statuses.yaml:6:18: error[out-of-order]: takes effect on 2008-05, before it was decided on 2009-06-16
  = help: check the two dates against the sources");
}

#[test]
fn two_statuses_at_once() {
    check("two-statuses-at-once", "
DATA/org/statuses.yaml:7:7: error[domain]: `IND` would hold two statuses at once: observer and member both start on 2005-07-05
  = help: a state holds one status a day; drop one transition or correct its date");
}

#[test]
fn member_again_without_leaving() {
    check("member-again-without-leaving", "
DATA/org/statuses.yaml:7:15: error[domain]: `IND` becomes member again without leaving
  = help: remove the repeated transition, or put the status in between");
}

#[test]
fn status_before_the_organization_existed() {
    check("before-organization-existed", "
DATA/org/statuses.yaml:4:7: error[domain]: 1999-07-05 is before `ORG` was founded on 2001-06-15
  = help: the transition may belong to a predecessor organisation");
}

#[test]
fn unknown_status() {
    check("unknown-status", "
DATA/org/statuses.yaml:4:15: error[invalid-value]: unknown status `full_member`: expected one of member, observer, dialogue_partner, partner, none
  = help: `ORG` gives these statuses; declare a new one in its organization.yaml");
}

#[test]
fn pending_transition_not_last() {
    check("pending-not-last", "
DATA/org/statuses.yaml:4:7: error[domain]: `LKA` has a transition after one that never took effect
  = help: give the earlier transition its `effective` date");
}

#[test]
fn file_of_only_comments() {
    check(
        "only-comments",
        "
DATA/states.yaml:1:1: error[syntax]: `DATA/states.yaml` holds no data
  = help: write a YAML list of states, or `[]` for none",
    );
}

#[test]
fn state_id_not_iso_alpha3() {
    check("invalid-iso-code", "
DATA/states.yaml:14:7: error[invalid-value]: state id `Nepal` is not an ISO 3166-1 alpha-3 code
  = help: use three capital letters, e.g. `IND`");
}

#[test]
fn every_problem_is_reported_in_one_run() {
    check("several-problems", "
DATA/org/statuses.yaml:2:10: error[unknown-state]: state `INDD` is not in states.yaml
  = help: did you mean `IND`?
DATA/org/statuses.yaml:5:13: error[invalid-date]: `2023-02-30` is not a day of the calendar
  = help: dates are YYYY-MM-DD, YYYY-MM or YYYY, as precise as the source
DATA/org/statuses.yaml:6:17: error[unknown-source]: source `nope` is not in sources.yaml
  = help: add the source to sources.yaml (title, url of what you read)
DATA/org/statuses.yaml:11:16: error[missing-source]: no source cited
  = help: cite at least one source id from sources.yaml that supports this fact
igo: 4 problems found");
}

/// Copies the good data set and lays a bad case over it: a file names its
/// target in its first line (`# replaces: org/statuses.yaml`); a folder is
/// copied over the data set as it is.
fn lay_over(case: &Path) -> tempfile::TempDir {
    let dir = good_copy();
    if case.is_dir() {
        copy_over(case, dir.path());
    } else {
        let text = std::fs::read_to_string(case).unwrap();
        let target = text
            .lines()
            .next()
            .and_then(|l| l.strip_prefix("# replaces: "))
            .unwrap_or_else(|| {
                panic!("{}: first line names the file", case.display())
            });
        std::fs::write(dir.path().join(target.trim()), &text).unwrap();
    }
    dir
}

fn copy_over(from: &Path, to: &Path) {
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.path().is_dir() {
            std::fs::create_dir_all(&target).unwrap();
            copy_over(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).unwrap();
        }
    }
}

/// Every case of `tests/data/bad/`: `igo validate` exits 2, prints nothing
/// on stdout, and its diagnostics (with snippets) match the snapshot in
/// `tests/snapshots/`; the library returns the same problems as a typed
/// error.
#[test]
fn bad_corpus_snapshots() {
    insta::glob!("data/bad/*", |case| {
        let dir = lay_over(case);
        let shown = dir.path().display().to_string();
        let (code, stdout, stderr) =
            run(&["--org", "ORG", "validate", &shown]);
        assert_eq!(code, 2, "{}", case.display());
        assert!(stdout.is_empty());
        // The library given today, as `igo` gives it.
        let opts = LoadOptions::new().today(today());
        let err = KnowledgeGraph::load_with(dir.path(), &opts).unwrap_err();
        assert!(!err.diagnostics().is_empty());
        // A message naming today would change every day.
        let shown_today = format!("today ({})", today());
        insta::assert_snapshot!(
            stderr
                .replace(&shown, "DATA")
                .replace(&shown_today, "today (TODAY)")
        );
    });
}

#[test]
fn empty_file() {
    let dir = good_copy();
    std::fs::write(dir.path().join("sources.yaml"), "").unwrap();
    let (code, got) = validate(dir.path());
    assert_eq!(code, 2);
    assert!(got.starts_with("DATA/sources.yaml:1:1: error[syntax]: `DATA/sources.yaml` holds no data"), "{got}");
}

#[test]
fn not_utf8() {
    let dir = good_copy();
    let mut bytes = b"- id: s1\n  title: caf".to_vec();
    bytes.extend([0xE9, b'\n']);
    std::fs::write(dir.path().join("sources.yaml"), bytes).unwrap();
    let (code, got) = validate(dir.path());
    assert_eq!(code, 2);
    assert_eq!(
        got,
        "DATA/sources.yaml:2:13: error[io]: `DATA/sources.yaml` is not UTF-8 text (byte 21)\n  = help: save the file as UTF-8"
    );
}

#[test]
fn byte_order_mark_is_accepted() {
    let dir = good_copy();
    let p = dir.path().join("sources.yaml");
    let text = std::fs::read_to_string(&p).unwrap();
    std::fs::write(&p, format!("\u{FEFF}{text}")).unwrap();
    assert!(KnowledgeGraph::load(dir.path()).is_ok());
}

#[test]
fn missing_required_file_and_unknown_file() {
    let dir = good_copy();
    std::fs::remove_file(dir.path().join("states.yaml")).unwrap();
    std::fs::write(dir.path().join("org/statusses.yaml"), "[]").unwrap();
    let err = KnowledgeGraph::load(dir.path()).unwrap_err();
    let kinds: Vec<DiagnosticKind> =
        err.diagnostics().iter().map(|d| d.kind).collect();
    assert_eq!(kinds, [DiagnosticKind::Io, DiagnosticKind::Io]);
    let text = err.to_string();
    assert!(text.contains("missing `"), "{text}");
    assert!(text.contains("did you mean `statuses.yaml`?"), "{text}");
}

#[test]
fn data_pointing_at_a_file() {
    let file = root().join("data/states.yaml");
    let (code, stdout, stderr) =
        run(&["--data", &file.display().to_string(), "at", "2024-02-22"]);
    assert_eq!(code, 2);
    assert!(stdout.is_empty());
    assert!(stderr.contains("is a file, not a data folder"), "{stderr}");
}

#[test]
fn alias_bomb_is_refused_quickly() {
    let dir = good_copy();
    let mut bomb =
        String::from("# replaces sources\n- &a [x, x, x, x, x, x, x, x, x]\n");
    for i in 0..8 {
        let prev = (b'a' + i) as char;
        let next = (b'a' + i + 1) as char;
        bomb.push_str(&format!("- &{next} [*{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}]\n"));
    }
    std::fs::write(dir.path().join("sources.yaml"), bomb).unwrap();
    let err = KnowledgeGraph::load(dir.path()).unwrap_err();
    assert!(err.to_string().contains("sources.yaml"), "{err}");
}

#[test]
fn deep_nesting_is_refused() {
    // 200,000 levels, one bracket a line (so the line-length limit does
    // not fire first).
    let dir = good_copy();
    let deep = format!("{}{}", "[\n".repeat(200_000), "]\n".repeat(200_000));
    std::fs::write(dir.path().join("sources.yaml"), deep).unwrap();
    let err = KnowledgeGraph::load(dir.path()).unwrap_err();
    let d = &err.diagnostics()[0];
    assert_eq!(d.kind, DiagnosticKind::Limit, "{err}");
    assert_eq!(d.message, "nested deeper than 32 levels");
}

#[test]
fn a_one_megabyte_line_is_refused() {
    let dir = good_copy();
    let text = format!(
        "- id: s1\n  title: {}\n  url: https://example.org/\n",
        "x".repeat(1_000_000)
    );
    std::fs::write(dir.path().join("sources.yaml"), text).unwrap();
    let err = KnowledgeGraph::load(dir.path()).unwrap_err();
    let d = &err.diagnostics()[0];
    assert_eq!(d.kind, DiagnosticKind::Limit);
    assert_eq!(
        d.message,
        format!(
            "line 2 is 1000009 bytes long, over the limit of {}",
            igo_graph::MAX_LINE_BYTES
        )
    );
    assert_eq!(d.location.as_ref().map(|l| (l.line, l.column)), Some((2, 1)));
}

#[test]
fn file_over_the_size_limit_is_refused_before_parsing() {
    let dir = good_copy();
    let p = dir.path().join("sources.yaml");
    let f = std::fs::File::create(&p).unwrap();
    f.set_len(igo_graph::MAX_FILE_BYTES + 1).unwrap();
    let err = KnowledgeGraph::load(dir.path()).unwrap_err();
    assert!(err.to_string().contains("over the limit"), "{err}");
    assert_eq!(err.diagnostics()[0].kind, DiagnosticKind::Limit);
}

#[test]
fn chair_not_a_member() {
    check("chair-not-member", "
DATA/org/chairs.yaml:2:10: error[domain]: chair `PAK` was not a member of `ORG` on 2017-06-09
  = help: only member (or associate) states chair; check the state and the start date");
}

#[test]
fn chair_terms_leave_a_gap() {
    check("chair-gap", "
DATA/org/chairs.yaml:8:10: error[domain]: a gap between chair terms: `IND`'s term ended on 2018-06-10, `IND`'s starts on 2018-07-01
  = help: correct the dates, or explain the exception in `irregular:`");
}

#[test]
fn chair_terms_overlap() {
    check("chair-overlap", "
DATA/org/chairs.yaml:8:10: error[domain]: an overlap between chair terms: `IND`'s term ended on 2018-06-10, `IND`'s starts on 2018-05-01
  = help: correct the dates, or explain the exception in `irregular:`");
}

#[test]
fn an_irregular_handover_is_data_not_an_error() {
    let dir = with_bad_file("chair-gap");
    let p = dir.path().join("org/chairs.yaml");
    let text = std::fs::read_to_string(&p).unwrap().replace(
        "  start: 2018-07-01\n",
        "  start: 2018-07-01\n  irregular: \"a documented late handover\"\n",
    );
    std::fs::write(&p, text).unwrap();
    let kg = KnowledgeGraph::load(dir.path()).unwrap();
    assert_eq!(kg.chairs("ORG").len(), 2);
}

#[test]
fn summit_outside_the_organizations_lifetime() {
    check("summit-outside-lifetime", "
DATA/org/summits.yaml:2:7: error[domain]: summit `org-1999-bishkek` (1999-08-25) is outside the lifetime of `ORG` (2001-06-15 to today)
  = help: the meeting may belong to a predecessor organisation");
}

#[test]
fn secretary_general_not_from_a_member_state() {
    check("secretary-general-not-from-a-member", "
DATA/org/officials.yaml:5:16: error[domain]: B. Tester (PAK) took office on 2018-01-01, when `PAK` was not a member of `ORG`
  = help: the Secretary-General comes from a member state; check nationality and date (or say `from_members: false` for the office)");
}

#[test]
fn status_decided_at_a_summit_on_another_day() {
    check("decided-at-a-summit-on-another-day", "
DATA/org/statuses.yaml:6:15: error[domain]: decided on 2017-06-09, but summit `org-2018-delhi` met on 2018-06-09/10
  = help: correct the decision date or the summit");
}

#[test]
fn unknown_summit_suggests_the_nearest() {
    check("unknown-summit", "
DATA/org/chairs.yaml:4:13: error[unknown-summit]: summit `org-2018-dehli` is not in any summits.yaml
  = help: did you mean `org-2018-delhi`?");
}

#[test]
fn alternative_without_a_date() {
    check("alternative-without-a-date", "
DATA/org/statuses.yaml:11:11: error[missing-field]: alternative without a date
  = help: give the day the other sources give: `date`, or `decided` and/or `effective`");
}

#[test]
fn alternative_gives_the_kept_day() {
    check("alternative-gives-the-kept-day", "
DATA/org/statuses.yaml:11:11: error[invalid-value]: the alternative gives the kept day
  = help: an alternative records a day other sources give that differs from the kept one; remove it, or correct its date");
}

#[test]
fn alternative_source_on_both_sides() {
    check("alternative-source-on-both-sides", "
DATA/org/statuses.yaml:12:21: error[invalid-value]: source `s2` is cited both for the kept day and for an alternative
  = help: a source gives one day: cite it under the kept transition or under the alternative");
}

#[test]
fn alternative_days_overlap() {
    check("alternative-days-overlap", "
DATA/org/statuses.yaml:10:7: error[out-of-order]: `IND`'s transitions to observer and to member may fall on the same day (2017-06-09): the days their sources give overlap
  = help: an alternative's day must fall after the transition before it and before the one after; check its date against the sources");
}

#[test]
fn alternative_date_with_effective() {
    check("alternative-date-with-effective", "
DATA/org/statuses.yaml:11:17: error[invalid-value]: `date` together with `decided`/`effective` in an alternative
  = help: `date` is shorthand for both; write either `date`, or `decided` and/or `effective`");
}
