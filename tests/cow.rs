//! COW IGO v3: `igo import cow` on real rows (tests/data/cow, see its
//! README.md), its round trip through `igo export cow`, its errors, and
//! `igo compare cow`.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use crate::common::{json, root, run};

fn fixture() -> PathBuf {
    root().join("tests/data/cow/state_year.csv")
}

/// A CSV as (ccode, year) -> column -> cell.
fn cells(text: &str) -> BTreeMap<(u16, i32), BTreeMap<String, String>> {
    let mut lines = text.lines();
    let header: Vec<&str> = lines.next().unwrap().split(',').collect();
    let mut out = BTreeMap::new();
    for line in lines {
        let f: Vec<&str> = line.split(',').collect();
        let row = header[3..]
            .iter()
            .zip(&f[3..])
            .map(|(h, v)| (h.to_string(), v.to_string()))
            .collect();
        out.insert((f[0].parse().unwrap(), f[1].parse().unwrap()), row);
    }
    out
}

/// An import of a small state-year file written from `csv`.
struct Small {
    /// Holds the file and the folder.
    _dir: tempfile::TempDir,
    /// The state-year file.
    file: PathBuf,
    /// The data folder imported from it.
    out: PathBuf,
    /// What `igo import cow` printed on stderr.
    stderr: String,
}

/// `csv` written to a file and imported, which must succeed.
fn import_small(csv: &str) -> Small {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("small.csv");
    std::fs::write(&file, csv).unwrap();
    let out = dir.path().join("o");
    let (code, _, stderr) = run(&[
        "import",
        "cow",
        file.to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
    ]);
    assert_eq!(code, 0, "{stderr}");
    Small { _dir: dir, file, out, stderr }
}

/// The fixture imported into a new folder.
fn imported() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("cow");
    let (code, stdout, stderr) = run(&[
        "import",
        "cow",
        fixture().to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
    ]);
    assert_eq!(code, 0, "{stderr}");
    assert!(
        stdout.starts_with("imported 9 organisations, 24 states"),
        "{stdout}"
    );
    dir
}

fn data(dir: &Path) -> String {
    dir.join("cow").to_str().unwrap().to_string()
}

#[test]
fn the_imported_folder_validates() {
    let dir = imported();
    let (code, _, stderr) = run(&["validate", &data(dir.path())]);
    assert_eq!(code, 0, "{stderr}");
}

/// The notes and quotes name COW's file, not the folder it was imported
/// from on the importer's machine (the fixture is given by its full path).
#[test]
fn the_data_names_the_file_not_where_it_was() {
    let dir = imported();
    let org =
        std::fs::read_to_string(dir.path().join("cow/sco/organization.yaml"))
            .unwrap();
    assert!(org.contains("column `sco` of `state_year.csv`"), "{org}");
    let sources =
        std::fs::read_to_string(dir.path().join("cow/sources.yaml")).unwrap();
    assert!(sources.contains("of `state_year.csv`"), "{sources}");
    let here = root().join("tests").to_str().unwrap().to_string();
    assert!(!org.contains(&here) && !sources.contains(&here));
}

#[test]
fn every_cell_of_the_fixture_comes_back_from_export_cow() {
    let dir = imported();
    let (code, out, stderr) = run(&[
        "--data",
        &data(dir.path()),
        "export",
        "cow",
        "--at",
        "2014-12-31",
    ]);
    assert_eq!(code, 0, "{stderr}");
    let cow = cells(&std::fs::read_to_string(fixture()).unwrap());
    let ours = cells(&out);
    let mut compared = 0;
    let mut codes = std::collections::BTreeSet::new();
    for (key, row) in &cow {
        for (column, value) in row {
            codes.insert(value.clone());
            // The export starts in the year the oldest organisation was
            // founded: every organisation is -1 before it.
            let back = ours
                .get(key)
                .map_or("-1", |r| r.get(column).map_or("?", |v| v.as_str()));
            assert_eq!(value, back, "{key:?} {column}");
            compared += 1;
        }
    }
    assert_eq!(compared, 1064 * 9);
    // Every code of COW's occurs in the fixture.
    assert_eq!(
        codes.into_iter().collect::<Vec<_>>(),
        ["-1", "-9", "0", "1", "2", "3"]
    );
}

#[test]
fn a_day_inside_a_transition_year_is_uncertain() {
    let dir = imported();
    let d = data(dir.path());
    let at = |day: &str| {
        json(&["--data", &d, "--org", "CIS", "at", day, "--format", "json"])
    };
    // COW codes Georgia 1 in 2007 and 0 from 2008.
    let members = |v: &serde_json::Value| v["members"].to_string();
    assert!(members(&at("2007-12-31")).contains("\"GEO\""));
    assert!(!members(&at("2008-12-31")).contains("\"GEO\""));
    let mid = at("2008-06-01");
    assert!(!members(&mid).contains("\"GEO\""));
    let unsure = mid["uncertain"].as_array().unwrap();
    let geo = unsure.iter().find(|u| u["state"] == "GEO").unwrap();
    assert_eq!(geo["reason"], "imprecise_date");
}

#[test]
fn missing_data_is_uncertain_never_guessed() {
    let dir = imported();
    let d = data(dir.path());
    // COW codes every state -9 in the IAIGC's first year, 1974.
    let v = json(&[
        "--data",
        &d,
        "--org",
        "IAIGC",
        "at",
        "1974-12-31",
        "--format",
        "json",
    ]);
    assert_eq!(v["family_size"], 0);
    let egy = v["uncertain"]
        .as_array()
        .unwrap()
        .iter()
        .find(|u| u["state"] == "EGY")
        .unwrap()
        .clone();
    assert_eq!(egy["reason"], "missing");
}

#[test]
fn cows_states_become_ours_and_a_passing_code_is_split_by_year() {
    let dir = imported();
    let states =
        std::fs::read_to_string(dir.path().join("cow/states.yaml")).unwrap();
    // Germany, Luxembourg and the Netherlands by their ISO ids, with the
    // lives COW gives them; no COW-only id is left.
    for (id, code) in [("DEU", 255), ("NLD", 210), ("LUX", 212)] {
        assert!(states.contains(&format!("- id: \"{id}\"")), "{id}");
        assert!(states.contains(&format!("cow_code: {code}")));
    }
    assert!(!states.contains("id: \"COW"), "{states}");
    assert!(states.contains("list: \"cow\"") || states.contains("list: cow"));
    // COW's 365 is the USSR's from 1923 to 1990 here, Russia's after: the
    // fixture's rows for 365 become two histories.
    let ussr = run(&[
        "--data",
        dir.path().join("cow").to_str().unwrap(),
        "history",
        "SUN",
        "--format",
        "json",
    ]);
    assert_eq!(ussr.0, 0, "{}", ussr.2);
    let russia = run(&[
        "--data",
        dir.path().join("cow").to_str().unwrap(),
        "history",
        "RUS",
        "--format",
        "json",
    ]);
    assert_eq!(russia.0, 0, "{}", russia.2);
    let first = |out: &str| {
        let v: serde_json::Value = serde_json::from_str(out).unwrap();
        v["entries"]
            .as_array()
            .unwrap()
            .iter()
            .filter_map(|e| e["effective"].as_str().map(str::to_string))
            .min()
    };
    assert!(
        first(&ussr.1).is_some_and(|d| ("1923".."1991").contains(&d.as_str())),
        "{}",
        ussr.1
    );
    assert!(
        first(&russia.1).is_some_and(|d| d.as_str() >= "1991"),
        "{}",
        russia.1
    );
}

#[test]
fn every_transition_cites_its_cow_column() {
    let dir = imported();
    let text =
        std::fs::read_to_string(dir.path().join("cow/sco/statuses.yaml"))
            .unwrap();
    let n = text.matches("- status:").count();
    assert!(n >= 6);
    assert_eq!(text.matches("sources: [\"cow-igo-v3-sco\"]").count(), n);
    let sources =
        std::fs::read_to_string(dir.path().join("cow/sources.yaml")).unwrap();
    assert!(sources.contains("https://correlatesofwar.org/data-sets/igos/"));
    assert!(sources.contains("column `sco`"));
}

#[test]
fn compare_lists_the_known_disagreements() {
    let f = fixture();
    let v = json(&["compare", "cow", f.to_str().unwrap(), "--format", "json"]);
    let summary = v["summary"].as_array().unwrap();
    let tally = |org: &str| {
        summary.iter().find(|t| t["organization"] == org).unwrap().clone()
    };
    let sco = tally("SCO+SHANGHAI5");
    assert_eq!(sco["column"], "sco");
    assert_eq!(
        (sco["cells"].as_u64(), sco["disagree"].as_u64()),
        (Some(1064), Some(41))
    );
    assert_eq!(tally("CIS")["disagree"], 26);
    let rows = v["disagreements"].as_array().unwrap();
    let find = |org: &str, state: &str, year: i64| {
        rows.iter()
            .find(|d| {
                d["organization"] == org
                    && d["state"] == state
                    && d["year"] == year
            })
            .cloned()
    };
    // India an observer from 2005-07-05 by our sources, 0 in COW.
    let ind = find("SCO", "IND", 2005).unwrap();
    assert_eq!(
        (ind["cow"].as_i64(), ind["ours"].as_i64()),
        (Some(0), Some(3))
    );
    assert_eq!(ind["status"], "observer");
    assert_eq!(ind["effective"], "2005-07-05");
    assert!(!ind["sources"].as_array().unwrap().is_empty());
    // COW puts Georgia out of the CIS in 2008; it left on 2009-08-18.
    let geo = find("CIS", "GEO", 2008).unwrap();
    assert_eq!(
        (geo["cow"].as_i64(), geo["ours"].as_i64()),
        (Some(0), Some(1))
    );
    assert!(find("CIS", "GEO", 2009).is_none());
    // COW codes Ukraine an associate; our sources, a participant.
    let ukr = find("CIS", "UKR", 1993).unwrap();
    assert_eq!(
        (ukr["cow"].as_i64(), ukr["status"].as_str()),
        (Some(2), Some("participant"))
    );
    // China: a member in both, every year.
    assert!(
        rows.iter()
            .all(|d| d["state"] != "CHN" || d["organization"] == "CICA")
    );
}

#[test]
fn compare_takes_one_organisation_and_years() {
    let f = fixture();
    let (code, out, stderr) = run(&[
        "compare",
        "cow",
        f.to_str().unwrap(),
        "--org",
        "CIS",
        "--from",
        "2008",
        "--to",
        "2008",
        "--format",
        "csv",
    ]);
    assert_eq!(code, 0, "{stderr}");
    let mut lines = out.lines();
    assert_eq!(
        lines.next(),
        Some(
            "organization,column,ccode,state,year,cow,ours,status,decided,\
             effective,sources,cow_abbrev"
        )
    );
    let rows: Vec<&str> = lines.collect();
    assert!(rows.iter().all(|r| r.starts_with("CIS,cis,")));
    assert!(rows.iter().any(|r| r.starts_with("CIS,cis,372,GEO,2008,0,1,")));
    assert!(rows.iter().all(|r| r.contains(",2008,")));
}

#[test]
fn layered_folders_use_our_record_where_both_describe_an_organisation() {
    let dir = imported();
    let d = data(dir.path());
    let ours = root().join("data");
    let (code, out, stderr) = run(&[
        "--data",
        &d,
        "--layer",
        ours.to_str().unwrap(),
        "memberships",
        "KAZ",
        "--at",
        "2010-06-01",
        "--format",
        "json",
    ]);
    assert_eq!(code, 0, "{stderr}");
    // Not merged in silence: each organisation left out is named.
    assert!(
        stderr.contains(
            "`EAEC` (EAEC) is described by a later data folder's `EURASEC`"
        ),
        "{stderr}"
    );
    for org in ["SCO", "CIS", "CSTO", "CICA"] {
        assert!(stderr.contains(&format!("`{org}` (")), "{org}: {stderr}");
    }
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    let orgs: Vec<String> = v["memberships"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["organization"].as_str().unwrap().to_string())
        .collect();
    // Ours (day-exact) beside COW's (ASEAN is not ours, Kazakhstan is
    // not in it; BENELUX neither): EURASEC, not EAEC.
    assert!(orgs.contains(&"EURASEC".to_string()), "{orgs:?}");
    assert!(!orgs.contains(&"EAEC".to_string()));
    assert!(orgs.contains(&"SCO".to_string()));
    // COW's states join ours by COW code: one Kazakhstan.
    let (code, out, _) = run(&[
        "--data",
        &d,
        "--layer",
        ours.to_str().unwrap(),
        "--org",
        "BENELUX",
        "members",
        "--at",
        "2000-06-01",
        "--format",
        "csv",
    ]);
    assert_eq!(code, 0);
    assert!(out.contains("\nNLD,Netherlands,"), "{out}");
    let (code, out, _) = run(&[
        "--data",
        &d,
        "--layer",
        ours.to_str().unwrap(),
        "--org",
        "CENTO",
        "members",
        "--at",
        "1970-06-01",
        "--format",
        "csv",
    ]);
    assert_eq!(code, 0);
    assert!(out.contains("IRN") && out.contains("PAK"), "{out}");
}

#[test]
fn layer_works_over_the_bundled_data_and_with_validate() {
    // The bundled data under a copy of itself: nothing replaced, nothing
    // said.
    let (code, _, stderr) = run(&["--layer", "data", "at", "2010-01-01"]);
    assert_eq!((code, stderr.as_str()), (0, ""));
    let (code, out, stderr) = run(&["--layer", "data", "validate", "data"]);
    assert_eq!(code, 0, "{stderr}");
    assert!(out.starts_with("ok: data + data: "), "{out}");
}

#[test]
fn the_import_compared_with_its_file_agrees_in_every_cell() {
    let dir = imported();
    let f = fixture();
    let v = json(&[
        "--data",
        &data(dir.path()),
        "compare",
        "cow",
        f.to_str().unwrap(),
        "--format",
        "json",
    ]);
    let summary = v["summary"].as_array().unwrap();
    assert_eq!(summary.len(), 9);
    for t in summary {
        assert_eq!(t["cells"], 1064, "{t}");
        assert_eq!(t["disagree"], 0, "{t}");
    }
    assert_eq!(v["disagreements"].as_array().unwrap().len(), 0);
}

#[test]
fn a_later_layer_joins_cows_states_by_cow_code() {
    let dir = imported();
    let d = data(dir.path());
    let layer = root().join("tests/data/cow/layer");
    let (code, out, stderr) = run(&[
        "--data",
        &d,
        "--layer",
        layer.to_str().unwrap(),
        "--org",
        "BENELUX",
        "members",
        "--at",
        "2000-06-01",
        "--format",
        "csv",
    ]);
    assert_eq!(code, 0, "{stderr}");
    // Luxembourg is one state, by the later layer's id; the Netherlands
    // by the bundled id the import gave it.
    assert!(out.contains("\nLUX,Luxembourg,member,1958,true,"), "{out}");
    assert!(!out.contains("COW212"));
    assert!(out.contains("\nNLD,Netherlands,member,1958,true,"));
}

#[test]
fn compare_refuses_an_organisation_without_a_cow_column() {
    let f = fixture();
    let (code, _, stderr) =
        run(&["compare", "cow", f.to_str().unwrap(), "--org", "BRICS"]);
    assert_eq!(code, 2);
    assert!(stderr.contains("`BRICS` names no COW column"), "{stderr}");
}

#[test]
fn the_igo_year_file_gives_names_numbers_and_ends() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("cow");
    let igos = root().join("tests/data/cow/igo_year.csv");
    let (code, _, stderr) = run(&[
        "import",
        "cow",
        fixture().to_str().unwrap(),
        "--igos",
        igos.to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
    ]);
    assert_eq!(code, 0, "{stderr}");
    let sco =
        std::fs::read_to_string(out.join("sco/organization.yaml")).unwrap();
    assert!(sco.contains("name: \"Shanghai Cooperation Organisation\""));
    assert!(sco.contains("cow_column: \"sco\""), "{sco}");
    assert!(sco.contains("cow_ionum: 4115"));
    assert!(sco.contains("founded: 1996"));
    assert!(sco.contains("Shanghai Pact/Shanghai Five"));
    let cento =
        std::fs::read_to_string(out.join("cento/organization.yaml")).unwrap();
    // COW codes CENTO's members through 1979, its deaddate.
    assert!(cento.contains("dissolved: 1979"), "{cento}");
    assert!(cento.contains("deaddate 1979"));
    let (code, _, stderr) = run(&["validate", out.to_str().unwrap()]);
    assert_eq!(code, 0, "{stderr}");
}

#[test]
fn the_imported_data_round_trips_through_yaml_and_json() {
    use igo_graph::KnowledgeGraph;
    use igo_graph::export::{Options, json, yaml};
    use igo_graph::import::cow::{Input, import};

    let text = std::fs::read_to_string(fixture()).unwrap();
    let input = Input { name: "state_year.csv", text: &text };
    let kg = KnowledgeGraph::from_texts(import(input, None).unwrap().files)
        .unwrap();
    let again = KnowledgeGraph::from_texts(yaml::files(&kg)).unwrap();
    assert!(again == kg);
    let mut out = Vec::new();
    json::write(&kg, &Options::new("SCO"), &mut out).unwrap();
    let back =
        KnowledgeGraph::from_json(std::str::from_utf8(&out).unwrap()).unwrap();
    assert!(back == kg);
}

/// Every COW state is one of ours, named by our id beside COW's letters.
#[test]
fn compare_names_cows_states_by_our_id_and_cows_letters() {
    let file = fixture();
    let (code, out, err) = run(&[
        "compare",
        "cow",
        file.to_str().unwrap(),
        "--org",
        "CICA",
        "--from",
        "1999",
        "--to",
        "1999",
        "--format",
        "json",
    ]);
    assert_eq!(code, 0, "{err}");
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    let rows = v["disagreements"].as_array().unwrap();
    let nth =
        rows.iter().find(|d| d["ccode"] == 210).expect("the Netherlands");
    assert_eq!(
        (&nth["state"], &nth["cow_abbrev"]),
        (&"NLD".into(), &"NTH".into())
    );
    // India: a member by our record since 1999, CICA not yet in COW's.
    let ind = rows.iter().find(|d| d["ccode"] == 750).expect("India");
    assert_eq!(
        (&ind["state"], &ind["cow_abbrev"]),
        (&"IND".into(), &"IND".into())
    );
    let (_, table, _) = run(&[
        "compare",
        "cow",
        file.to_str().unwrap(),
        "--org",
        "CICA",
        "--from",
        "1999",
        "--to",
        "1999",
    ]);
    assert!(table.contains("NLD"), "{table}");
}

/// A state re-pointed by a later layer is re-pointed everywhere: its
/// histories, the chair terms it held, the summits it hosted.
#[test]
fn a_state_joined_by_cow_code_keeps_its_chairs_and_summits() {
    let layer = root().join("tests/data/cow/layer-kaz");
    let args = |cmd: &[&'static str]| {
        let mut a = vec!["--data", "data", "--layer", layer.to_str().unwrap()];
        a.extend_from_slice(cmd);
        a.into_iter().map(String::from).collect::<Vec<_>>()
    };
    let go = |cmd: &[&'static str]| {
        let a = args(cmd);
        let a: Vec<&str> = a.iter().map(String::as_str).collect();
        let (code, out, err) = run(&a);
        assert_eq!(code, 0, "{err}");
        out
    };
    let at = go(&["at", "2023-12-01"]);
    assert!(at.contains("chair: Qazaqstan since 2023-07-04"), "{at}");
    assert!(at.contains("QAZ  Qazaqstan"), "{at}");
    let (_, plain, _) = run(&["chairs"]);
    let chairs = go(&["chairs"]);
    assert_eq!(
        chairs.matches("Qazaqstan").count(),
        plain.matches("Kazakhstan").count(),
        "every chair term of Kazakhstan: {chairs}"
    );
    let summits = go(&["summits"]);
    assert!(!summits.contains(" KAZ "), "{summits}");
    assert!(summits.contains(" QAZ "), "{summits}");
}

/// COW's missing data (-9, imported as `unknown`) is in every export,
/// marked as never certain, as `igo at` answers it (uncertain, reason
/// missing): no certain count of any reader includes it.
#[test]
fn missing_data_is_marked_uncertain_in_every_export() {
    let dir = imported();
    let data = dir.path().join("cow");
    let data = data.to_str().unwrap();
    let export = |f: &str| {
        let (code, out, err) =
            run(&["--data", data, "--org", "IAIGC", "export", f]);
        assert_eq!(code, 0, "{err}");
        out
    };
    let graphml = export("graphml");
    let edge = graphml.split("<edge ").nth(1).unwrap();
    assert!(edge.contains(r#"<data key="status">unknown</data>"#), "{edge}");
    assert!(edge.contains(r#"<data key="certain">false</data>"#), "{edge}");
    let gexf = export("gexf");
    assert!(gexf.contains(r#"for="status" value="unknown""#));
    assert!(gexf.contains(r#"for="certain" value="false""#));
    let ttl = export("ttl");
    assert!(ttl.contains("role:unknown"), "{ttl}");
    assert!(ttl.contains("igov:certain false"), "{ttl}");
    let csv = export("csv");
    assert!(csv.contains(",unknown,"), "the span table keeps it");
    let (_, at, _) =
        run(&["--data", data, "--org", "IAIGC", "at", "1974-12-31"]);
    assert!(at.contains("no information in the data for the year"), "{at}");
}

/// A status id `unknown` is reserved, as `none` is.
#[test]
fn a_vocabulary_cannot_declare_unknown() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path();
    std::fs::write(
        p.join("sources.yaml"),
        "- id: s1\n  title: T\n  url: https://example.org/s1\n",
    )
    .unwrap();
    std::fs::write(
        p.join("states.yaml"),
        "- id: KAZ\n  iso2: KZ\n  name: Kazakhstan\n  sources: [s1]\n",
    )
    .unwrap();
    std::fs::create_dir(p.join("xo")).unwrap();
    std::fs::write(
        p.join("xo/organization.yaml"),
        "- id: XO\n  name: X\n  short_name: XO\n  founded: 2001-01-01\n  sources: [s1]\n  statuses:\n    - id: unknown\n      label: unknown\n      plural: unknowns\n      tier: observer\n      cow: 3\n",
    )
    .unwrap();
    let (code, _, err) = run(&["validate", p.to_str().unwrap()]);
    assert_ne!(code, 0);
    assert!(err.contains("organization.yaml:7:11"), "{err}");
    assert!(err.contains("not `none` or `unknown`"), "{err}");
}

/// `compare cow` and `export cow` answer for every organisation: a data
/// folder without the SCO needs no `--org`.
#[test]
fn compare_and_export_cow_need_no_sco() {
    let small = import_small(
        "ccode,year,state,benelux\n210,1960,nth,1\n210,1961,nth,1\n211,1960,bel,1\n211,1961,bel,1\n",
    );
    let (f, o) = (small.file.to_str().unwrap(), small.out.to_str().unwrap());
    let (code, text, err) = run(&["--data", o, "compare", "cow", f]);
    assert_eq!(code, 0, "{err}");
    assert!(
        text.contains("BENELUX") && text.contains(" 4      4         0 "),
        "{text}"
    );
    let (code, text, err) =
        run(&["--data", o, "export", "cow", "--at", "1961-12-31"]);
    assert_eq!(code, 0, "{err}");
    assert!(text.starts_with("ccode,year,state,benelux\n"), "{text}");
}

/// `--force` never leaves a folder the loader refuses: over an import with
/// organisations the new one lacks it is refused before writing, and over
/// the same import it writes the folder again.
#[test]
fn import_with_force_writes_a_whole_folder_or_nothing() {
    let dir = imported();
    let out = dir.path().join("cow");
    let o = out.to_str().unwrap();
    let small = dir.path().join("nordic.csv");
    std::fs::write(&small, "ccode,year,state,nordic\n210,1960,nth,1\n")
        .unwrap();
    let (code, _, err) =
        run(&["import", "cow", small.to_str().unwrap(), "-o", o, "--force"]);
    assert_ne!(code, 0);
    assert!(
        err.contains("does not write (asean/, benelux/, cento/,"),
        "{err}"
    );
    assert!(!out.join("nordic").exists(), "nothing written");
    let (code, _, err) = run(&["validate", o]);
    assert_eq!(code, 0, "{err}");
    let (code, _, err) = run(&[
        "import",
        "cow",
        fixture().to_str().unwrap(),
        "-o",
        o,
        "--force",
    ]);
    assert_eq!(code, 0, "{err}");
    let (code, _, err) = run(&["validate", o]);
    assert_eq!(code, 0, "{err}");
    let left: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains("igo-import"))
        .collect();
    assert!(left.is_empty(), "no staging folder left: {left:?}");
}

/// A column whose id would be a state's (`COW255`, Germany's in an
/// import) or an earlier column's is renamed, with a note, never refused
/// against files that were not written.
#[test]
fn an_igo_id_that_is_taken_is_renamed() {
    let small = import_small(
        "ccode,year,state,cow255,usa,usa_igo\n255,1995,gmy,-1,1,1\n255,1996,gmy,1,1,1\n",
    );
    let (out, err) = (&small.out, &small.stderr);
    assert!(err.contains("the organisation is `COW255_IGO`"), "{err}");
    for org in ["cow255_igo", "usa_igo", "usa_igo_igo"] {
        assert!(out.join(org).join("organization.yaml").is_file(), "{org}");
    }
    let (code, _, err) = run(&["validate", out.to_str().unwrap()]);
    assert_eq!(code, 0, "{err}");
}

/// A day inside an IGO's last year (COW gives years only) is not said to
/// be certainly after its end.
#[test]
fn a_day_in_an_igos_last_year_may_be_after_its_end() {
    let dir = imported();
    let data = dir.path().join("cow");
    let data = data.to_str().unwrap();
    let (code, out, err) =
        run(&["--data", data, "--org", "CENTO", "at", "1979-06-01"]);
    assert_eq!(code, 0, "{err}");
    assert!(
        err.contains("CENTO may no longer have existed on 1979-06-01"),
        "{err}"
    );
    assert!(
        out.contains("it may no longer have existed on this day"),
        "{out}"
    );
    let (_, _, err) =
        run(&["--data", data, "--org", "CENTO", "at", "1980-06-01"]);
    assert!(err.contains("CENTO did not exist on 1980-06-01"), "{err}");
}

/// A -1 for one state inside an IGO's lifetime is imported as unknown,
/// and its note quotes COW's -1, not -9.
#[test]
fn a_minus_one_inside_a_run_is_quoted_as_cow_wrote_it() {
    let small = import_small(
        "ccode,year,state,sco\n710,1995,chn,1\n710,1996,chn,-1\n710,1997,chn,1\n750,1995,ind,0\n750,1996,ind,0\n750,1997,ind,0\n",
    );
    let out = &small.out;
    let statuses =
        std::fs::read_to_string(out.join("sco/statuses.yaml")).unwrap();
    assert!(
        statuses.contains("`sco`: -1 (IGO not in existence, for this state inside the IGO's lifetime) in 1996"),
        "{statuses}"
    );
    assert!(!statuses.contains("-9"), "{statuses}");
}

/// A file reaching into the current year imports into a folder that loads
/// today: its review day is today, not a 31 December still to come.
#[test]
fn an_import_reaching_into_this_year_loads_today() {
    // Today as `igo` reads the clock.
    let today = json(&["at", "today", "--format", "json"]);
    let today = today["date"].as_str().unwrap().to_string();
    let year: i32 = today[..4].parse().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("state_year.csv");
    std::fs::write(
        &file,
        format!(
            "ccode,year,state,sco\n710,{},chn,1\n710,{year},chn,1\n",
            year - 1
        ),
    )
    .unwrap();
    let out = dir.path().join("out");
    let (code, _, err) = run(&[
        "import",
        "cow",
        file.to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
    ]);
    assert_eq!(code, 0, "{err}");
    let (code, _, err) = run(&["validate", out.to_str().unwrap()]);
    assert_eq!(code, 0, "the imported folder loads today: {err}");
}

/// One organisation that COW codes under two columns by year (the
/// European Union: COW's `EEC` to 1992, `EU` after) is compared with each
/// over its own years; an earlier column ending before the founding is
/// refused at its line and column.
#[test]
fn an_organisation_is_compared_with_its_earlier_cow_column() {
    let data = crate::common::good_copy();
    let dir = data.path().join("union");
    std::fs::create_dir(&dir).unwrap();
    let org = |until: u16| {
        format!(
            "- id: UNIONX\n  name: Union\n  short_name: Union\n  \
             founded: 1958-01-01\n  cow_column: EU\n  cow_earlier:\n    \
             - column: EEC\n      until: {until}\n  sources: [s1]\n"
        )
    };
    std::fs::write(dir.join("organization.yaml"), org(1992)).unwrap();
    std::fs::write(
        dir.join("statuses.yaml"),
        "- state: IND\n  organization: UNIONX\n  transitions:\n    - status: member\n      effective: 1958-01-01\n      sources: [s1]\n",
    )
    .unwrap();
    let csv = data.path().join("cow.csv");
    std::fs::write(
        &csv,
        "ccode,year,state,eec,eu\n750,1991,ind,1,-1\n750,1992,ind,1,-1\n\
         750,1993,ind,-1,1\n750,1994,ind,-1,0\n",
    )
    .unwrap();
    let (d, f) = (data.path().to_str().unwrap(), csv.to_str().unwrap());
    let args = ["--data", d, "compare", "cow", f, "--org", "UNIONX"];
    let v = crate::common::json(&[&args[..], &["--format", "json"]].concat());
    let tallies: Vec<(String, u64, u64)> = v["summary"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| {
            let n = |k: &str| t[k].as_u64().unwrap();
            (t["column"].as_str().unwrap().into(), n("cells"), n("agree"))
        })
        .collect();
    // Each column over its own years: 1991-92 by EEC, 1993-94 by EU, each
    // -1 (not in existence) in the other's years, as COW codes them; the
    // one disagreement is COW's 0 in 1994.
    assert_eq!(tallies, [("eec".into(), 4, 4), ("eu".into(), 4, 3)]);
    let years: Vec<i64> = v["disagreements"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["year"].as_i64().unwrap())
        .collect();
    assert_eq!(years, [1994]);
    std::fs::write(dir.join("organization.yaml"), org(1950)).unwrap();
    let (code, _, err) = run(&["validate", d]);
    assert_ne!(code, 0);
    assert!(err.contains("union/organization.yaml:8:14"), "{err}");
    assert!(err.contains("earlier COW column `EEC` ends in 1950"), "{err}");
}
