//! The conventions of a good command-line tool: completions and a man
//! page, no binary data on a terminal, no writing over a full folder, and
//! errors and notes that say what to ask instead.

use crate::common::{good_copy, igo, run};

fn ok(args: &[&str]) -> (String, String) {
    let (code, stdout, stderr) = run(args);
    assert_eq!(code, 0, "{args:?}: {stderr}");
    (stdout, stderr)
}

#[test]
fn completions_for_every_shell_and_a_man_page() {
    for (shell, start) in [
        ("bash", "_igo() {"),
        ("zsh", "#compdef igo"),
        ("fish", "# Print an optspec"),
        ("powershell", "\nusing namespace System.Management.Automation"),
    ] {
        let (out, _) = ok(&["completions", shell]);
        assert!(out.starts_with(start), "{shell}: {out}");
        for word in ["timeline", "basis", "completions"] {
            assert!(out.contains(word), "{shell} completes {word}");
        }
    }
    let (man, _) = ok(&["man"]);
    assert!(man.contains(".TH igo 1"), "{man}");
    assert!(man.contains("igo\\-history(1)") || man.contains("history"));
    let (code, _, err) = run(&["completions", "tcsh"]);
    assert_eq!(code, 2);
    assert!(err.starts_with("error: invalid value 'tcsh'"), "{err}");
    let (code, _, err) = run(&["man", "--org", "SCO"]);
    assert_eq!(code, 2);
    assert_eq!(
        err,
        "igo: `--org` does not apply to `man`: it writes no data\n"
    );
}

#[test]
fn png_is_refused_on_a_terminal() {
    // `script` gives the binary a real terminal as stdout.
    let bin = igo().get_program().to_string_lossy().into_owned();
    let out = std::process::Command::new("script")
        .args(["-qec", &format!("{bin} export png"), "/dev/null"])
        .output();
    let Ok(out) = out else {
        skip!("SKIPPED: `script` (util-linux) is not installed");
        return;
    };
    let text = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(2), "{text}");
    assert!(
        text.contains(
            "igo: `export png` writes binary data, not for a terminal: give \
             a file with -o FILE (or pipe it)"
        ),
        "{text}"
    );
    assert!(!text.contains("PNG"), "no image bytes on the terminal");
}

#[test]
fn export_yaml_refuses_a_full_folder_unless_forced() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("notes.txt"), "mine").unwrap();
    let shown = dir.path().display().to_string();
    let (code, _, err) = run(&["export", "yaml", "-o", &shown]);
    assert_eq!(code, 2);
    assert_eq!(
        err,
        format!(
            "igo: `{shown}` is not empty: `export yaml` writes a data folder \
             into an empty or new folder (add --force to write into it \
             anyway)\n"
        )
    );
    assert!(!dir.path().join("states.yaml").exists());
    ok(&["export", "yaml", "-o", &shown, "--force"]);
    assert!(dir.path().join("states.yaml").exists());
    assert!(dir.path().join("notes.txt").exists());
    // An empty folder, or a new one, needs no --force.
    let empty = tempfile::tempdir().unwrap();
    ok(&["export", "yaml", "-o", &empty.path().display().to_string()]);
    let new = empty.path().join("new");
    ok(&["export", "yaml", "-o", &new.display().to_string()]);
}

#[test]
fn an_unknown_organisation_lists_at_most_five_nearest() {
    let dir = good_copy();
    let path = dir.path().join("org/organization.yaml");
    let mut text = std::fs::read_to_string(&path).unwrap();
    for id in ["ORGA", "ORGB", "ORGC", "ORGD", "ORGE", "XYZW", "QQQQ"] {
        text.push_str(&format!(
            "- id: {id}\n  name: Org {id}\n  short_name: {id}\n  \
             founded: 2001-06-15\n  sources: [s1]\n"
        ));
    }
    std::fs::write(&path, text).unwrap();
    let data = dir.path().display().to_string();
    let (code, _, err) = run(&["--data", &data, "--org", "ORGXX", "chairs"]);
    assert_eq!(code, 2);
    assert_eq!(
        err,
        "igo: error[query]: unknown organisation `ORGXX`\n  = help: nearest \
         known: ORG, ORGA, ORGB, ORGC, ORGD (and 3 more)\n"
    );
    // Near enough for one: did you mean.
    let (_, _, err) = run(&["--data", &data, "--org", "XYZQ", "chairs"]);
    assert!(err.ends_with("  = help: did you mean `XYZW`?\n"), "{err}");
}

#[test]
fn a_day_before_the_organisation_names_its_predecessor() {
    let (out, err) = ok(&["at", "1999-01-01"]);
    assert!(out.contains("family of 0"), "{out}");
    assert_eq!(
        err,
        "igo: note: SCO did not exist on 1999-01-01 (founded 2001-06-15); \
         its predecessor SHANGHAI5 (Shanghai Five) did: ask with --org \
         SHANGHAI5\n"
    );
    // The same note for every command asking about a day, in any format.
    for args in [
        vec!["members", "--at", "1999-01-01", "--format", "json"],
        vec!["diff", "1999-01-01", "2024-01-01"],
        vec!["export", "dot", "--at", "1999-01-01"],
    ] {
        let (_, err2) = ok(&args);
        assert_eq!(err2, err, "{args:?}");
    }
    // And the successor, asked about the Shanghai Five after 2001.
    let (_, err) = ok(&["at", "2024-02-22", "--org", "SHANGHAI5"]);
    assert_eq!(
        err,
        "igo: note: SHANGHAI5 did not exist on 2024-02-22 (founded \
         1996-04-26, dissolved 2001-06-15); its successor SCO (Shanghai \
         Cooperation Organisation) did: ask with --org SCO\n"
    );
    // Within its life: no note.
    let (_, err) = ok(&["at", "1999-01-01", "--org", "SHANGHAI5"]);
    assert!(err.is_empty(), "{err}");
}

#[test]
fn a_real_country_without_status_is_named() {
    for (q, shown) in [
        // Kosovo: in none of these organisations (not a UN member; only
        // what the organisations themselves record is recorded).
        ("XKX", "Kosovo (XKX, XK"),
        ("xk", "Kosovo (XKX, XK"),
        ("kosovo", "Kosovo (XKX, XK"),
    ] {
        // A state of the world's list that holds no status: every command
        // that resolves a state answers, and says so.
        let (code, stdout, err) = run(&["history", q]);
        assert_eq!(code, 0, "{err}");
        assert!(stdout.starts_with(shown), "{stdout}");
        assert!(
            stdout.contains("\nholds no status in this data\n"),
            "{stdout}"
        );
        let (code, stdout, _) = run(&["memberships", q, "--at", "2020-01-01"]);
        assert_eq!(code, 0);
        assert!(
            stdout.contains("2020-01-01, by effective date: 0 organisations"),
            "{stdout}"
        );
        let (code, stdout, _) = run(&["history", q, "--format", "json"]);
        assert_eq!(code, 0);
        let v: serde_json::Value = serde_json::from_str(&stdout).unwrap();
        assert_eq!(v["entries"], serde_json::json!([]));
    }
    // A state that did not exist on the day asked says so.
    let (code, stdout, _) = run(&["memberships", "KAZ", "--at", "1980-01-01"]);
    assert_eq!(code, 0);
    let stdout = stdout.replace("\n  ", " ");
    assert!(
        stdout.contains("Kazakhstan did not exist on 1980-01-01 (COW: from 1991-12-26; G&W: from 1991-12-16)"),
        "{stdout}"
    );
    // Not a country: the usual help.
    let (_, _, err) = run(&["history", "Atlantis"]);
    assert!(err.starts_with("igo: error[query]: unknown state `Atlantis`"));
}

#[test]
fn a_backwards_diff_says_so_and_answers() {
    let (out, err) = ok(&["diff", "2025-01-01", "2015-01-01"]);
    assert!(out.contains("family: 26 -> 14"), "{out}");
    assert_eq!(
        err,
        "igo: note: 2025-01-01 is after 2015-01-01: the changes read \
         backwards, from the later day to the earlier (swap the days to \
         read forwards)\n"
    );
    let (_, err) = ok(&["diff", "2015-01-01", "2025-01-01"]);
    assert!(err.is_empty(), "{err}");
}

#[test]
fn a_table_never_cuts_the_possible_statuses_of_an_uncertain_state() {
    // Ukraine's exit from the CIS is disputed: after it, it may still be
    // a participating state, in the CIS's own words, or hold nothing.
    let (out, _) = ok(&["memberships", "UKR", "--at", "2020-01-01"]);
    assert!(
        out.contains("CIS        uncertain: participating state or no status"),
        "{out}"
    );
    let (out, _) = ok(&["memberships", "SAU", "--at", "2024-06-01"]);
    assert!(
        out.contains("BRICS      uncertain: member or no status"),
        "{out}"
    );
}

#[test]
fn an_organisation_named_twice_is_no_overlap() {
    for args in [
        &["overlap", "SCO", "sco"][..],
        &["overlap", "SCO", "BRICS", "SCO", "--format", "json"],
        &["overlap", "--matrix", "BRICS", "SCO", "BRICS"],
    ] {
        let (code, out, err) = run(args);
        assert_eq!(code, 2, "{args:?}");
        assert!(out.is_empty());
        assert!(err.contains("is named twice"), "{args:?}: {err}");
        assert!(err.contains("name each organisation once"), "{err}");
    }
}

/// On a folder without the SCO: a command that answers for the whole data
/// set needs no organisation; one that answers for one says which to give.
#[test]
fn a_folder_without_the_default_organisation() {
    let data = crate::common::root().join("tests/data/good");
    let data = data.display().to_string();
    let out = tempfile::tempdir().unwrap();
    let yaml = out.path().join("yaml").display().to_string();
    for args in [
        &["history", "IND"][..],
        &["export", "json"],
        &["export", "yaml", "-o", &yaml],
        &["memberships", "IND", "--at", "2020-01-01"],
        &["export", "cow", "--at", "2020-12-31"],
    ] {
        let (code, _, err) = run(&[&["--data", &data][..], args].concat());
        assert!(!err.contains("SCO"), "{args:?}: {err}");
        assert_eq!(code, 0, "{args:?}: {err}");
    }
    let (_, json, _) = run(&["--data", &data, "export", "json"]);
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(v["graph"]["organization"], serde_json::Value::Null);
    for args in [&["at", "2020-01-01"][..], &["timeline"], &["chairs"]] {
        let (code, _, err) = run(&[&["--data", &data][..], args].concat());
        assert_eq!(code, 2);
        assert_eq!(
            err,
            "igo: this command answers for one organisation, and this data \
             has no SCO (the one asked about when --org is not given): give \
             --org with one of its organisations: ORG\n",
            "{args:?}"
        );
    }
}

#[test]
fn a_comparison_of_no_years_says_so() {
    let file = crate::common::root().join("tests/data/cow/state_year.csv");
    let file = file.display().to_string();
    let (code, out, err) =
        run(&["compare", "cow", &file, "--from", "2010", "--to", "2000"]);
    assert_eq!(code, 2);
    assert!(out.is_empty());
    assert_eq!(
        err,
        "igo: --from 2010 is after --to 2000: no year is compared (give \
         the earlier year with --from)\n"
    );
    // Years partly the file's: the table says which were compared, and
    // the JSON gives both ranges.
    let (code, out, err) =
        run(&["compare", "cow", &file, "--from", "2013", "--to", "2020"]);
    assert_eq!(code, 0, "{err}");
    assert!(
        out.starts_with(
            "years compared: 2013-2014 (the file has 1940-2014)\n"
        ),
        "{out}"
    );
    let (_, json, _) =
        run(&["compare", "cow", &file, "--to", "2020", "--format", "json"]);
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(v["years"], serde_json::json!([1940, 2014]));
    assert_eq!(v["file_years"], serde_json::json!([1940, 2014]));
    // Years the file does not have: said, not counted as agreement.
    for (flag, year, asked) in
        [("--from", "2020", "from 2020"), ("--to", "1900", "up to 1900")]
    {
        let (code, out, err) = run(&["compare", "cow", &file, flag, year]);
        assert_eq!(code, 2);
        assert!(out.is_empty());
        assert!(
            err.contains(&format!(
                "has the years 1940-2014, none of them {asked}: no year is \
                 compared"
            )),
            "{err}"
        );
    }
}
