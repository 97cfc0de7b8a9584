//! Layers (tests/data/layers, see its README.md): a folder loaded over
//! the bundled data or over a folder, checked together with what is below
//! it; what a layer replaces said on stderr, each refusal an error at its
//! line and column.

use igo_graph::{KnowledgeGraph, LoadOptions};

use crate::common::{good_copy, igo, root};

/// Runs `igo` with `args` from the repository root, so that paths show
/// as typed; returns (exit code, stdout, stderr).
fn run(args: &[&str]) -> (i32, String, String) {
    let out = igo().current_dir(root()).args(args).output().unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

/// The diagnostics of `igo validate --layer` on a bad layer, without
/// their snippets; the exit code must be 2 and stdout empty.
fn refused(case: &str) -> String {
    let layer = format!("tests/data/layers/bad/{case}");
    let (code, out, err) = run(&["validate", "--layer", &layer]);
    assert_eq!(code, 2, "{case}: {err}");
    assert!(out.is_empty(), "{case}: {out}");
    let lines: Vec<&str> =
        err.lines().filter(|l| !l.starts_with("   |")).collect();
    lines.join("\n")
}

const TESTORG: &str = "tests/data/layers/testorg";

#[test]
fn a_layer_over_the_bundled_data_adds_an_organisation() {
    let at = |day: &str| {
        let (code, out, err) = run(&[
            "at", day, "--org", "TESTORG", "--layer", TESTORG, "--format",
            "json",
        ]);
        assert_eq!(code, 0, "{err}");
        // Nothing below is replaced: nothing is said.
        assert_eq!(err, "");
        serde_json::from_str::<serde_json::Value>(&out).unwrap()
    };
    let v = at("2005-01-01");
    assert_eq!(v["members"], serde_json::json!(["CHN", "KAZ"]));
    assert_eq!(v["family_size"], 2);
    let v = at("2012-01-01");
    assert_eq!(v["members"], serde_json::json!(["KAZ"]));
    // The bundled organisations answer as without the layer.
    let (_, plain, _) = run(&["at", "2005-01-01"]);
    let (code, layered, _) = run(&["at", "2005-01-01", "--layer", TESTORG]);
    assert_eq!(code, 0);
    assert_eq!(layered, plain);
}

#[test]
fn a_layer_cites_the_states_sources_and_organisations_below() {
    let dir = root().join(TESTORG);
    let (kg, notes) =
        KnowledgeGraph::bundled_with_layers(&[dir], &LoadOptions::new())
            .unwrap();
    assert!(notes.is_empty(), "{notes:?}");
    let org = kg.organization("TESTORG").unwrap();
    assert_eq!(org.predecessor.as_ref().unwrap().as_str(), "SHANGHAI5");
    let cited: Vec<&str> = org.sources.iter().map(|s| s.as_str()).collect();
    assert_eq!(
        cited,
        ["testorg-founding", "rferl-1996-04-26-shanghai-five-treaty-signed"]
    );
    // The bundled source is there, whole, beside the layer's own.
    let bundled = "rferl-1996-04-26-shanghai-five-treaty-signed";
    assert!(kg.source(bundled).is_some());
    assert!(kg.source("testorg-founding").is_some());
    let (code, out, err) = run(&["history", "KAZ", "--layer", TESTORG]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("TESTORG"), "{out}");
}

#[test]
fn validate_checks_a_folder_with_its_layers() {
    let (code, out, err) = run(&["validate", "--layer", TESTORG]);
    assert_eq!(code, 0, "{err}");
    assert!(
        out.starts_with("ok: bundled data + tests/data/layers/testorg: "),
        "{out}"
    );
    assert!(out.contains("TESTORG 2026-01-01"), "{out}");
    let (code, out, err) = run(&[
        "validate",
        "data",
        "--layer",
        TESTORG,
        "--layer",
        "examples/union-state",
        "--org",
        "TESTORG",
    ]);
    assert_eq!(code, 0, "{err}");
    assert!(
        out.starts_with(
            "ok: data + tests/data/layers/testorg + examples/union-state: "
        ),
        "{out}"
    );
    // A layer over a folder is checked with the folder.
    let (code, _, err) = run(&[
        "validate",
        "data",
        "--layer",
        "tests/data/layers/bad/code-held-below",
    ]);
    assert_eq!(code, 2);
    assert!(err.starts_with(
        "tests/data/layers/bad/code-held-below/states.yaml:5:13: error[domain]"
    ));
}

#[test]
fn a_join_that_would_change_a_states_name_or_life_is_refused() {
    assert_eq!(
        refused("join-changes-name"),
        "tests/data/layers/bad/join-changes-name/states.yaml:5:13: error[domain]: `SUD` (Sudan) would take the place of `EGY` (Egypt) below by COW code 651, and change its name (Egypt → Sudan) and its life (COW: 1855-01-01 to 1882-09-15, from 1937-05-26; G&W: 1827-01-01 to 1855-12-31, from 1922-02-28 → COW: from 1956-01-01)
  = help: to replace `EGY` on purpose, give this entry `id: EGY`; else correct the code (COW 651 is Egypt's, `EGY`)
tests/data/layers/bad/join-changes-name/states.yaml:3:7: error[domain]: `SUD` holds member state of `LAS` below from 1945-05-10, when it did not exist (COW: from 1956-01-01)
  = help: check the state and the date; a state's life is in states.yaml (`lifetimes`)
tests/data/layers/bad/join-changes-name/states.yaml:3:7: error[domain]: `SUD` holds Member State of `UN` below from 1945-10-24, when it did not exist (COW: from 1956-01-01)
  = help: check the state and the date; a state's life is in states.yaml (`lifetimes`)
igo: 3 problems found"
    );
}

#[test]
fn a_state_that_takes_a_code_held_below_is_refused() {
    // Egypt's histories below (a founder of the Arab League and a UN
    // Member State from 1945) would become Sudan's, before Sudan existed:
    // a problem for each.
    let expected = "tests/data/layers/bad/code-held-below/states.yaml:5:13: error[domain]: `SDN` (Sudan) holds COW code 651, which `EGY` (Egypt) holds below on the same days
  = help: correct the code (COW 651 is Egypt's, `EGY`); to replace `EGY` on purpose, give this entry `id: EGY`
tests/data/layers/bad/code-held-below/states.yaml:2:7: error[domain]: `SDN` holds member state of `LAS` below from 1945-05-10, when it did not exist (COW: from 1956-01-01)
  = help: check the state and the date; a state's life is in states.yaml (`lifetimes`)
tests/data/layers/bad/code-held-below/states.yaml:2:7: error[domain]: `SDN` holds Member State of `UN` below from 1945-10-24, when it did not exist (COW: from 1956-01-01)
  = help: check the state and the date; a state's life is in states.yaml (`lifetimes`)
igo: 3 problems found";
    assert_eq!(refused("code-held-below"), expected);
    // Any command, not only validate: Egypt never vanishes in silence.
    let layer = "tests/data/layers/bad/code-held-below";
    let (code, out, err) =
        run(&["at", "2024-06-01", "--org", "BRICS", "--layer", layer]);
    assert_eq!((code, out.as_str()), (2, ""));
    let err: Vec<&str> =
        err.lines().filter(|l| !l.starts_with("   |")).collect();
    assert_eq!(err.join("\n"), expected);
}

#[test]
fn two_states_holding_one_code_on_one_day_across_layers_is_an_error() {
    assert_eq!(
        refused("gw-code-held-below"),
        "tests/data/layers/bad/gw-code-held-below/states.yaml:2:7: error[duplicate-id]: G&W code 651 names both `EGY` (Egypt) and `XEG` (Testland) on the same days (from 2000-01-01)
  = help: a code names one state on any day: date the lifetimes so that it passes from one to the other, or correct the code"
    );
}

#[test]
fn two_states_holding_one_code_in_one_folder_is_an_error() {
    let dir = good_copy();
    let states = root().join("tests/data/layers/one-code-two-states.yaml");
    std::fs::copy(states, dir.path().join("states.yaml")).unwrap();
    let shown = dir.path().display().to_string();
    let (code, _, err) = run(&["validate", &shown]);
    assert_eq!(code, 2);
    let err: Vec<String> = err
        .lines()
        .filter(|l| !l.starts_with("   |"))
        .map(|l| l.replace(&shown, "DATA"))
        .collect();
    assert_eq!(
        err.join("\n"),
        "DATA/states.yaml:11:7: error[duplicate-id]: COW code 750 names both `IND` (India) and `PAK` (Pakistan) on the same days
  = help: a code names one state on any day: date the lifetimes so that it passes from one to the other, or correct the code"
    );
}

#[test]
fn a_life_replaced_on_purpose_is_checked_against_the_histories_below() {
    let got = refused("life-leaves-out-a-status-below");
    let lines: Vec<&str> = got.lines().collect();
    assert_eq!(
        lines[..2].join("\n"),
        "tests/data/layers/bad/life-leaves-out-a-status-below/states.yaml:4:7: error[domain]: `KAZ` holds member state of `CICA` below from 1999-09-14, when it did not exist (COW: from 2005-01-01)
  = help: check the state and the date; a state's life is in states.yaml (`lifetimes`)"
    );
    // One for each organisation below that Kazakhstan was in before
    // 2005: CICA, CIS (twice), CST, CSTO, EURASEC, OIC, OSCE, SCO,
    // SHANGHAI5, UN.
    assert_eq!(lines.last(), Some(&"igo: 11 problems found"));
}

#[test]
fn a_predecessor_below_is_suggested_and_checked_as_any_other() {
    assert_eq!(
        refused("predecessor-misspelt"),
        "tests/data/layers/bad/predecessor-misspelt/testorg/organization.yaml:5:16: error[unknown-organization]: organisation `SC0` is not defined in any organization.yaml, here or below
  = help: did you mean `SCO`?"
    );
    assert_eq!(
        refused("predecessor-never-ended"),
        "tests/data/layers/bad/predecessor-never-ended/testorg/organization.yaml:5:16: error[domain]: `SCO` is the predecessor of `TESTORG`, but it never ended: it has no `dissolved` day
  = help: give `SCO` the day it ceased to exist (or was superseded), or remove the link"
    );
}

#[test]
fn a_state_neither_here_nor_below_is_unknown() {
    assert_eq!(
        refused("unknown-state-below"),
        "tests/data/layers/bad/unknown-state-below/testorg/statuses.yaml:2:10: error[unknown-state]: state `KAZZ` is not in states.yaml, here or below
  = help: did you mean `KAZ`?"
    );
}

#[test]
fn what_a_layer_replaces_is_said_on_stderr() {
    let layer = "tests/data/layers/replaces";
    let (code, _, err) = run(&["at", "2020-01-01", "--layer", layer]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(
        err,
        "igo: note: `tests/data/layers/replaces` replaces state `KAZ` (Kazakhstan) below; it differs in name (Kazakhstan → Qazaqstan), official_name (Republic of Kazakhstan → none), aliases, wikidata (Q232 → none), sources
igo: note: `tests/data/layers/replaces` replaces source `cow-state-list` below; it differs in url
igo: note: `tests/data/layers/replaces` replaces organisation `CICA` (Conference on Interaction and Confidence Building Measures in Asia) below; it differs in name, other_names, headquarters (Astana → none), cow_ionum (1345 → none), sources, note, statuses, reviewed (2026-12-01 → 2026-01-01), summit_body (CICA Summit → none), chair_title (chairmanship → none), histories, summits, chairs, claims; compare it with COW's column with `igo compare cow FILE --org CICA` (`CICA`)
"
    );
    // The library returns the same notes.
    let dir = root().join(layer);
    let (_, notes) =
        KnowledgeGraph::bundled_with_layers(&[dir], &LoadOptions::new())
            .unwrap();
    assert_eq!(notes.len(), 3);
    assert!(notes[0].ends_with("wikidata (Q232 → none), sources"));
}

#[test]
fn a_layer_that_replaces_nothing_changed_says_nothing() {
    let (code, out, err) =
        run(&["--data", "data", "--layer", "data", "at", "2020-01-01"]);
    assert_eq!(code, 0);
    assert_eq!(err, "");
    assert_eq!(out, run(&["at", "2020-01-01"]).1);
}

#[test]
fn a_join_by_code_that_changes_no_name_or_life_is_said() {
    let layer = "tests/data/cow/layer-kaz";
    let (code, _, err) = run(&["--layer", layer, "at", "2023-12-01"]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(
        err,
        "igo: note: `tests/data/cow/layer-kaz` joins state `KAZ` (Kazakhstan) below to its `QAZ` by COW code 705; it differs in id (KAZ → QAZ), iso2 (KZ → QZ), name (Kazakhstan → Qazaqstan), official_name (Republic of Kazakhstan → none), aliases, wikidata (Q232 → none), sources, gw_code (705 → none), gw_abbrev (KZK → none)
"
    );
}

#[test]
fn import_still_refuses_layers() {
    let (code, _, err) = run(&[
        "import",
        "cow",
        "tests/data/cow/state_year.csv",
        "-o",
        "nowhere",
        "--layer",
        "data",
    ]);
    assert_eq!(code, 2);
    assert_eq!(
        err,
        "igo: `--layer` does not apply to `import cow`: it reads the file given and writes the folder of -o\n"
    );
}
