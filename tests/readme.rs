//! The README tells the truth: every `$ igo ...` example in a `text`
//! block prints what the README shows (an abridged example, ending or
//! broken by `...`, shows real lines of the output).

use crate::common::{igo, root};

/// Each example: the arguments (and whether stdout is sent to
/// `/dev/null`, so that stderr is shown) and the lines shown.
fn examples(readme: &str) -> Vec<(String, bool, String)> {
    let mut out = Vec::new();
    let mut block: Option<Vec<&str>> = None;
    for line in readme.lines() {
        match (&mut block, line) {
            (None, "```text") => block = Some(Vec::new()),
            (Some(lines), "```") => {
                split(lines, &mut out);
                block = None;
            }
            (Some(lines), l) => lines.push(l),
            _ => {}
        }
    }
    out
}

fn split(lines: &[&str], out: &mut Vec<(String, bool, String)>) {
    for (i, l) in lines.iter().enumerate() {
        let Some(cmd) = l.strip_prefix("$ igo ") else { continue };
        let body: Vec<&str> = lines[i + 1..]
            .iter()
            .take_while(|l| !l.starts_with("$ igo "))
            .copied()
            .collect();
        let quiet = cmd.ends_with(" > /dev/null");
        let cmd = cmd.trim_end_matches(" > /dev/null").to_string();
        out.push((cmd, quiet, body.join("\n") + "\n"));
    }
}

#[test]
fn every_example_output_is_real() {
    let readme = std::fs::read_to_string(root().join("README.md")).unwrap();
    let all = examples(&readme);
    assert!(all.len() >= 14, "{} examples", all.len());
    for (cmd, quiet, shown) in all {
        // This one runs on a folder the README describes, not one we have.
        if cmd.contains("my-data") {
            continue;
        }
        let args: Vec<&str> = cmd.split_whitespace().collect();
        let out = igo().current_dir(root()).args(&args).output().unwrap();
        let real = if quiet || !out.status.success() {
            out.stderr
        } else {
            out.stdout
        };
        let real = String::from_utf8(real).unwrap();
        if shown.lines().any(|l| l == "...") {
            let lines: Vec<&str> = real.lines().collect();
            for l in shown.lines().filter(|l| *l != "...") {
                assert!(lines.contains(&l), "igo {cmd}: no line {l:?}");
            }
        } else {
            assert_eq!(real, shown, "igo {cmd}");
        }
    }
}
