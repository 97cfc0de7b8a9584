//! No flag is silently ignored: each global flag (and each export flag)
//! works for every command that takes it or is refused with the reason
//! and exit code 2.

use crate::common::{ok, run};

fn refused(args: &[&str], expected: &str) {
    let (code, stdout, stderr) = run(args);
    assert_eq!(code, 2, "{args:?} should be refused: {stdout}");
    assert!(stdout.is_empty(), "{args:?}");
    assert_eq!(stderr, format!("igo: {expected}\n"), "{args:?}");
}

#[test]
fn basis_is_refused_where_no_basis_applies() {
    refused(
        &["history", "IND", "--basis", "decided"],
        "`--basis` does not apply to `history`: a history shows both the \
         decided and the effective date of each change",
    );
    for c in ["chairs", "summits", "officials", "events"] {
        for args in [&[c][..], &["export", c]] {
            let name = args.join(" ");
            refused(
                &[args, &["--basis", "effective"]].concat(),
                &format!(
                    "`--basis` does not apply to `{name}`: terms, meetings \
                     and events have one date each, decided and effective \
                     alike"
                ),
            );
        }
    }
    refused(
        &["validate", "--basis", "decided"],
        "`--basis` does not apply to `validate`: validation checks both dates",
    );
    // Where a basis applies, it changes the answer.
    let eff = ok(&["diff", "2023-07-01", "2023-07-10"]);
    let dec = ok(&["diff", "2023-07-01", "2023-07-10", "--basis", "decided"]);
    assert_ne!(eff, dec);
}

#[test]
fn history_keeps_the_entries_of_org_when_given() {
    let all = ok(&["history", "KAZ", "--format", "csv"]);
    assert!(all.contains("KAZ,SCO,") && all.contains("KAZ,SHANGHAI5,"));
    let s5 = ok(&["history", "KAZ", "--org", "SHANGHAI5", "--format", "csv"]);
    assert!(s5.contains("KAZ,SHANGHAI5,member,1996-04-26"), "{s5}");
    assert!(!s5.contains("KAZ,SCO,"), "{s5}");
    let sco = ok(&["history", "IND", "--org", "sco"]);
    assert!(sco.contains("SCO       member            2017-06-09"), "{sco}");
}

#[test]
fn format_is_refused_by_export_and_honoured_by_validate() {
    refused(
        &["export", "gexf", "--format", "json"],
        "`--format` does not apply to `export gexf`: an export's format is \
         its FORMAT argument (`igo export json`)",
    );
    refused(
        &["export", "csv", "--format", "csv"],
        "`--format` does not apply to `export csv`: an export's format is \
         its FORMAT argument (`igo export json`)",
    );
    let v = crate::common::json(&["validate", "--format", "json"]);
    assert_eq!(v["data"], "bundled data");
    let kg = igo_graph::KnowledgeGraph::bundled();
    assert_eq!(v["states"], kg.states().count());
    let csv = ok(&["validate", "--format", "csv"]);
    assert!(
        csv.starts_with(
            "data,states,organizations,sources,transitions,spans\n\
             bundled data,"
        ),
        "{csv}"
    );
}

#[test]
fn org_and_data_are_refused_where_they_mean_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("y").display().to_string();
    refused(
        &["export", "yaml", "--org", "SCO", "-o", &out],
        "`--org` does not apply to `export yaml`: it writes the whole data \
         set, every organisation",
    );
    refused(
        &["export", "yaml", "--basis", "decided", "-o", &out],
        "`--basis` does not apply to `export yaml`: the data set keeps both \
         dates",
    );
    refused(
        &["--data", "data", "validate", "data"],
        "`--data` does not apply to `validate`: the folder to check is its \
         DIR; give it once",
    );
    // `validate --org` checks that the folder holds the organisation.
    assert!(ok(&["validate", "--org", "SHANGHAI5"]).starts_with("ok: "));
    let (code, _, err) = run(&["validate", "--org", "WTO"]);
    assert_eq!(code, 2);
    assert!(err.starts_with("igo: error[query]: unknown organisation `WTO`"));
}

#[test]
fn at_is_honoured_or_refused_by_every_export() {
    let whole =
        ["gexf", "csv", "chairs", "summits", "officials", "events", "ttl"];
    for kind in whole.into_iter().chain(["yaml"]) {
        refused(
            &["export", kind, "--at", "2020-01-01"],
            &format!(
                "`--at` does not apply to `export {kind}`: it writes the \
                 whole history; the formats for one day are dot, svg, png, \
                 graphml and json, and chart, panel and cow end on it"
            ),
        );
    }
    // Honoured: each output differs with the day.
    for kind in ["dot", "chart", "graphml", "json", "panel", "cow"] {
        let a = ok(&["export", kind, "--at", "2010-01-01"]);
        let b = ok(&["export", kind, "--at", "2020-01-01"]);
        assert_ne!(a, b, "export {kind} --at");
    }
}

#[test]
fn export_flags_of_one_format_are_refused_by_the_others() {
    refused(
        &["export", "dot", "--rule", "any"],
        "`--rule` does not apply to `export dot`: it is the year rule of the \
         state-year and dyad-year exports (panel, cow, counts, dyads, release)",
    );
    refused(
        &["export", "panel", "--table", "events"],
        "`--table` does not apply to `export panel`: it chooses the table of \
         `export csv`",
    );
    assert!(ok(&["export", "panel", "--rule", "any"]).contains(",any\n"));
    refused(
        &["export", "panel", "--from", "2000"],
        "`--from` does not apply to `export panel`: it chooses the years of \
         `export cow`, `export counts` and `export dyads`",
    );
    refused(
        &["export", "counts", "--directed"],
        "`--directed` does not apply to `export counts`: it chooses ordered \
         pairs in `export dyads`",
    );
    assert!(
        ok(&["export", "csv", "--table", "events"])
            .starts_with("organization,date,precision,")
    );
}

/// Every number of a coordinate attribute (`x`, `y`, `x1`, ..., `points`)
/// in the SVG.
fn coordinates(svg: &str) -> Vec<(String, f64)> {
    let mut out = Vec::new();
    for attr in ["x", "y", "x1", "x2", "y1", "y2", "points"] {
        let needle = format!(" {attr}=\"");
        for (i, _) in svg.match_indices(&needle) {
            let rest = &svg[i + needle.len()..];
            let value = &rest[..rest.find('"').unwrap()];
            let numbers = value.split([',', ' ']).filter(|n| !n.is_empty());
            for (k, n) in numbers.enumerate() {
                // `points` alternate x and y.
                let name = match (attr, k % 2) {
                    ("points", 0) => "x",
                    ("points", _) => "y",
                    _ => attr,
                };
                out.push((name.to_string(), n.parse().unwrap()));
            }
        }
    }
    out
}

#[test]
fn the_chart_ends_on_the_day_inside_its_canvas() {
    let svg = ok(&["export", "chart", "--at", "2020-01-01"]);
    let (w, h) = (960.0, 520.0);
    assert!(svg.contains(r#"width="960" height="520""#));
    for (attr, n) in coordinates(&svg) {
        let limit = if attr.starts_with('y') { h } else { w };
        assert!((0.0..=limit).contains(&n), "{attr}={n} off the canvas");
    }
    assert!(svg.contains("the family's size, 2001–2020"), "{svg}");
    assert!(svg.contains("up to 2020-01-01"));
    // That day's counts, as `igo at 2020-01-01` gives them.
    for label in
        ["members 8", "observers 4", "dialogue partners 6", "family 18"]
    {
        assert!(svg.contains(&format!(">{label}<")), "{label}: {svg}");
    }
    assert!(!svg.contains("partners 16") && !svg.contains("members 10"));
    // No summit after the day is marked.
    assert!(!svg.contains("Tianjin"), "a 2025 summit on a 2020 chart");
    // A day before the organisation: nothing counted, still on the canvas.
    let svg = ok(&["export", "chart", "--at", "1999-01-01"]);
    for (attr, n) in coordinates(&svg) {
        let limit = if attr.starts_with('y') { h } else { w };
        assert!((0.0..=limit).contains(&n), "{attr}={n} off the canvas");
    }
    assert!(!svg.contains("<polygon") && !svg.contains("<path"), "{svg}");
}

#[test]
fn export_cow_refuses_org_it_would_ignore() {
    let (code, out, err) =
        crate::common::run(&["export", "cow", "--org", "CIS"]);
    assert_eq!(code, 2);
    assert!(out.is_empty());
    assert_eq!(
        err,
        "igo: `--org` does not apply to `export cow`: it writes one column \
         per organisation, every organisation\n"
    );
}
