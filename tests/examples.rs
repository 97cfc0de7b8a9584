use std::path::PathBuf;
use std::process::Command;

/// `cargo test` builds the examples next to the test binary's folder.
fn example(name: &str) -> PathBuf {
    let exe = std::env::current_exe().unwrap();
    let dir = exe.parent().unwrap().parent().unwrap().join("examples");
    dir.join(name)
}

fn output(name: &str, args: &[&str]) -> String {
    let out =
        Command::new(example(name)).args(args).output().expect("example runs");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn family_example_prints_the_26() {
    let out = output("family", &[]);
    assert!(out.starts_with("SCO on 2024-02-22: a family of 26\n"), "{out}");
    assert!(
        out.contains("observers (3): Afghanistan, Belarus, Mongolia"),
        "{out}"
    );
    let early = output("family", &["2001-06-15"]);
    assert!(
        early.starts_with("SCO on 2001-06-15: a family of 6\n"),
        "{early}"
    );
}

#[test]
fn petgraph_example_finds_the_shanghai_five_states() {
    let out = output("petgraph", &[]);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 6, "{out}");
    assert!(
        lines.iter().all(|l| l.contains("SHANGHAI5") && l.contains("SCO")),
        "{out}"
    );
}
