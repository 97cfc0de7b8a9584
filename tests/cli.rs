use crate::common::{igo, json, ok, root, run};

#[test]
fn at_json_follows_the_contract() {
    let v = json(&["at", "2024-02-22", "--format", "json"]);
    let keys: Vec<&str> =
        v.as_object().unwrap().keys().map(String::as_str).collect();
    for k in [
        "organization",
        "date",
        "basis",
        "members",
        "observers",
        "dialogue_partners",
        "partners",
        "family_size",
        "uncertain",
    ] {
        assert!(keys.contains(&k), "missing key {k}");
    }
    assert_eq!(v["organization"], "SCO");
    assert_eq!(v["date"], "2024-02-22");
    assert_eq!(v["basis"], "effective");
    assert_eq!(v["family_size"], 26);
    assert_eq!(v["observers"], serde_json::json!(["AFG", "BLR", "MNG"]));
    assert_eq!(v["members"].as_array().unwrap().len(), 9);
    assert_eq!(v["dialogue_partners"].as_array().unwrap().len(), 14);
}

#[test]
fn at_json_lists_uncertain_states_with_their_possible_statuses() {
    let v = json(&["at", "2010-05-10", "--format", "json"]);
    let lka = v["uncertain"]
        .as_array()
        .unwrap()
        .iter()
        .find(|u| u["state"] == "LKA")
        .expect("Sri Lanka is uncertain in May 2010");
    assert_eq!(
        lka["possible"],
        serde_json::json!(["dialogue_partner", "none"])
    );
}

#[test]
fn at_table_shows_the_family_and_where_the_bases_disagree() {
    let out = ok(&["at", "2023-07-04"]);
    assert!(
        out.contains(
            "family of 25: 9 members, 3 observers, 13 dialogue partners"
        ),
        "{out}"
    );
    assert!(
        out.contains(
            "by decided date the family is 26 (BHR dialogue partner)"
        ),
        "{out}"
    );
    assert!(out.lines().all(|l| l.chars().count() <= 80), "{out}");
    let dec = ok(&["at", "2023-07-04", "--basis", "decided"]);
    assert!(dec.contains("family of 26"), "{dec}");
    assert!(
        dec.contains("by effective date the family is 25 (BHR no status)"),
        "{dec}"
    );
}

#[test]
fn at_accepts_today() {
    let v = json(&["at", "today", "--format", "json"]);
    assert!(v["family_size"].as_u64().unwrap() >= 26);
}

#[test]
fn at_csv_has_one_row_per_state() {
    let out = ok(&["at", "2024-02-22", "--format", "csv"]);
    let mut lines = out.lines();
    assert_eq!(
        lines.next(),
        Some("organization,date,basis,state,name,status,certain")
    );
    assert_eq!(lines.count(), 26);
    assert!(
        out.contains("SCO,2024-02-22,effective,KAZ,Kazakhstan,member,true")
    );
}

#[test]
fn members_filters_by_status() {
    let out = ok(&["members", "--at", "2012-06-01", "--status", "observer"]);
    assert!(
        out.starts_with("SCO observers on 2012-06-01, by effective date: 4"),
        "{out}"
    );
    for id in ["IND", "IRN", "MNG", "PAK"] {
        assert!(out.contains(id), "{id}");
    }
    assert!(
        !out.contains("AFG"),
        "Afghanistan became an observer on 2012-06-07"
    );
    let v = json(&[
        "members",
        "--at",
        "2017-06-09",
        "--status",
        "member",
        "--format",
        "json",
    ]);
    assert_eq!(v["states"].as_array().unwrap().len(), 8);
    let csv = ok(&["members", "--at", "2012-06-01", "--format", "csv"]);
    assert!(csv.starts_with("state,name,status,since,certain,date\n"));
}

#[test]
fn history_accepts_codes_and_names_in_any_case() {
    for q in ["IND", "in", "india", "INDIA"] {
        let out = ok(&["history", q]);
        assert!(
            out.starts_with("India (IND, IN; COW 750 IND; Wikidata Q668)"),
            "{q}: {out}"
        );
        assert!(
            out.contains("SCO       member            2017-06-09"),
            "{out}"
        );
        assert!(out.contains("http"), "sources with addresses");
    }
    let v = json(&["history", "Türkiye", "--format", "json"]);
    assert_eq!(v["state"]["id"], "TUR");
    let statuses: Vec<&str> = v["entries"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["organization"] == "SCO")
        .map(|e| e["status"].as_str().unwrap())
        .collect();
    assert_eq!(statuses, ["dialogue_partner", "partner"]);
    let csv = ok(&["history", "KAZ", "--format", "csv"]);
    assert!(
        csv.contains("KAZ,SHANGHAI5,member,1996-04-26,1996-04-26"),
        "{csv}"
    );
    assert!(csv.contains("KAZ,SHANGHAI5,none,2001-06-15,2001-06-15"), "{csv}");
}

#[test]
fn history_of_an_unknown_state_suggests_a_name() {
    let (code, stdout, stderr) = run(&["history", "Pakistn"]);
    assert_eq!(code, 2);
    assert!(stdout.is_empty());
    assert_eq!(
        stderr,
        "igo: error[query]: unknown state `Pakistn`\n  = help: did you mean `Pakistan`?\n"
    );
}

#[test]
fn timeline_from_6_to_26() {
    let out = ok(&["timeline"]);
    assert!(
        out.contains(
            "2001-06-15   6  0  0  0  0   6  + member: CHN KAZ KGZ RUS TJK UZB"
        ),
        "{out}"
    );
    assert!(
        out.contains(
            "2017-06-09   8  4  6  0  0  18  observer -> member: IND PAK"
        ),
        "{out}"
    );
    assert!(out.contains("LAO Laos (partner), decided 2025-09-01"), "{out}");
    assert!(out.lines().all(|l| l.chars().count() <= 80), "{out}");
    let csv = ok(&["timeline", "--format", "csv"]);
    let header = csv.lines().next().unwrap();
    // The contract's columns first, then the counts in the SCO's words.
    assert_eq!(
        header,
        "date,precision,state,from,to,decided,effective,members,observers,dialogue_partners,partners,family,sources,note,\
         certain,against,uncertain,tier_associate,tier_member,tier_observer,tier_partner,\
         status_dialogue_partner,status_member,status_observer,status_partner"
    );
    let v = json(&["timeline", "--format", "json", "--basis", "decided"]);
    let events = v["events"].as_array().unwrap();
    assert_eq!(events.last().unwrap()["after"]["family"], 27);
    let s5 = ok(&["timeline", "--org", "shanghai5"]);
    assert!(
        s5.contains("1996-04-26   5  0   5  + member: CHN KAZ KGZ RUS TJK"),
        "{s5}"
    );
    assert!(s5.contains("2001-06-15   0  0   0  - member"), "{s5}");
    // Its own statuses only: the Shanghai Five had members and nothing
    // else.
    assert!(s5.contains("counts after the day: M members, U uncertain"));
}

#[test]
fn diff_between_two_days() {
    let out = ok(&["diff", "2015-01-01", "2025-12-31"]);
    assert!(out.contains("family: 14 -> 26"), "{out}");
    assert!(out.contains("IND  India"), "{out}");
    let v = json(&["diff", "2017-06-08", "2017-06-09", "--format", "json"]);
    let changed: Vec<&str> = v["changes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["state"].as_str().unwrap())
        .collect();
    assert_eq!(changed, ["IND", "PAK"]);
    let csv = ok(&["diff", "2017-06-08", "2017-06-09", "--format", "csv"]);
    assert_eq!(
        csv,
        "state,name,before,after\nIND,India,observer,member\nPAK,Pakistan,observer,member\n"
    );
}

#[test]
fn validate_the_bundled_and_a_given_folder() {
    let out = ok(&["validate"]);
    assert!(
        out.starts_with(&format!(
            "ok: bundled data: {} states, {} organisations",
            igo_graph::KnowledgeGraph::bundled().states().count(),
            igo_graph::KnowledgeGraph::bundled().organizations().count()
        )),
        "{out}"
    );
    let dir = crate::common::root().join("data");
    let out = ok(&["validate", &dir.display().to_string()]);
    let n = igo_graph::KnowledgeGraph::bundled().states().count();
    assert!(out.contains(&format!("{n} states")), "{out}");
}

#[test]
fn misuse_gives_one_line_and_exit_2() {
    for (args, expected) in [
        (
            vec!["at", "2024-13-01"],
            "igo: `2024-13-01` is not a day of the calendar\n",
        ),
        (
            vec!["at", "yesterday"],
            "igo: `yesterday` is not a date: write YYYY-MM-DD, or YYYY-MM / YYYY when the source gives no day\n",
        ),
        (
            vec!["at", "2024-02"],
            "igo: `2024-02` is not a day: ask about a day, YYYY-MM-DD (or `today`)\n",
        ),
        (
            vec!["--org", "WTO", "timeline"],
            "igo: error[query]: unknown organisation `WTO`\n  = help: nearest known: CSTO, NATO, SCO, AU, CIS (and 19 more)\n",
        ),
    ] {
        let (code, stdout, stderr) = run(&args);
        assert_eq!(code, 2, "{args:?}");
        assert!(stdout.is_empty());
        assert_eq!(stderr, expected, "{args:?}");
    }
    let (code, _, stderr) = run(&["frobnicate"]);
    assert_eq!(code, 2);
    assert!(
        stderr.contains("unrecognized subcommand 'frobnicate'"),
        "{stderr}"
    );
}

#[test]
fn a_closed_pipe_is_success() {
    use std::io::Read;
    use std::process::Stdio;
    let bin = igo().get_program().to_owned();
    let mut child = std::process::Command::new(bin)
        .args(["history", "BLR"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take());
    let status = child.wait().unwrap();
    let mut err = String::new();
    child.stderr.take().unwrap().read_to_string(&mut err).unwrap();
    assert!(status.success(), "{err}");
}

#[test]
fn more_misuse_gives_a_clear_error() {
    // An unknown flag: clap's own one-line error and usage, exit 2.
    let (code, stdout, err) = run(&["at", "2024-02-22", "--frobnicate"]);
    assert_eq!(code, 2);
    assert!(stdout.is_empty());
    assert!(
        err.starts_with("error: unexpected argument '--frobnicate' found"),
        "{err}"
    );
    // An empty folder.
    let empty = tempfile::tempdir().unwrap();
    let shown = empty.path().display().to_string();
    let (code, _, err) = run(&["--data", &shown, "at", "2024-02-22"]);
    assert_eq!(code, 2);
    assert!(
        err.contains(&format!(
            "igo: error[io]: missing `{shown}/states.yaml`"
        )),
        "{err}"
    );
    // A folder whose states.yaml cannot be read (it is a folder).
    let dir = crate::common::good_copy();
    std::fs::remove_file(dir.path().join("states.yaml")).unwrap();
    std::fs::create_dir(dir.path().join("states.yaml")).unwrap();
    let shown = dir.path().display().to_string();
    let (code, _, err) = run(&["--data", &shown, "--org", "ORG", "timeline"]);
    assert_eq!(code, 2);
    assert!(err.contains("states.yaml"), "{err}");
    // `export yaml` needs a folder.
    let (code, _, err) = run(&["export", "yaml"]);
    assert_eq!(code, 2);
    assert_eq!(
        err,
        "igo: `export yaml` writes a data folder: give it with -o DIR\n"
    );
}

#[test]
fn export_yaml_writes_a_folder_that_loads_to_the_same_answers() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("data");
    let shown = out.display().to_string();
    let (code, _, err) = run(&["export", "yaml", "-o", &shown]);
    assert_eq!(code, 0, "{err}");
    let (code, stdout, err) = run(&["validate", &shown]);
    assert_eq!(code, 0, "{err}");
    let kg = igo_graph::KnowledgeGraph::bundled();
    let counts = format!(
        "{} states, {} organisations",
        kg.states().count(),
        kg.organizations().count()
    );
    assert!(stdout.contains(&counts), "{stdout}");
    let a = json(&["at", "2024-02-22", "--format", "json"]);
    let b = json(&["--data", &shown, "at", "2024-02-22", "--format", "json"]);
    assert_eq!(a, b);
}

#[test]
fn at_json_marks_an_uncertain_secretary_general_as_the_table_does() {
    // Zhang Deguang's term starts in 2004-01 (a month): on 2004-01-10 the
    // table says "uncertain", and so does the JSON.
    let table = ok(&["at", "2004-01-10"]);
    assert!(table.contains("since 2004-01 (uncertain"), "{table}");
    let v = json(&["at", "2004-01-10", "--format", "json"]);
    assert_eq!(v["secretary_general"], "Zhang Deguang");
    assert_eq!(v["secretary_general_certain"], false);
    assert_eq!(v["chair_certain"], true);
    let v = json(&["at", "2024-02-22", "--format", "json"]);
    assert_eq!(v["secretary_general_certain"], true);
}

/// Commands that answer for every organisation need no `--org`, so a data
/// folder without the SCO works with them.
#[test]
fn commands_for_every_organisation_work_on_data_without_the_sco() {
    let data = root().join("tests/data/hostile");
    let data = data.to_str().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("copy");
    let (code, _, err) =
        run(&["--data", data, "export", "yaml", "-o", out.to_str().unwrap()]);
    assert_eq!(code, 0, "{err}");
    assert!(out.join("org/organization.yaml").is_file());
    let (code, text, err) =
        run(&["--data", data, "memberships", "IND", "--at", "2020-01-01"]);
    assert_eq!(code, 0, "{err}");
    assert!(text.contains("ORG"), "{text}");
    // A command about one organisation still says which it lacks.
    let (code, _, err) = run(&["--data", data, "at", "2020-01-01"]);
    assert_ne!(code, 0);
    assert!(err.contains("this data has no SCO"), "{err}");
    assert!(err.contains("give --org"), "{err}");
}
