//! Writes a synthetic data set that `igo --data DIR` loads.
//!
//! cargo run --release --example synth -- --transitions 1000000 --out /tmp/synth-1m
//!     [--orgs O] [--states S] [--seed X] [--rich]
//! cargo run --release --example synth -- --world --out /tmp/world
//!
//! `--world` starts from the size the world's record will have
//! (`Spec::world()`: 250 states, 25 organisations, 15,000 transitions,
//! summits and events); the flags after it change that.

use igo_graph::synth::{Spec, generate};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut spec = Spec::default();
    let mut out: Option<std::path::PathBuf> = None;
    let mut args = std::env::args().skip(1);
    while let Some(flag) = args.next() {
        let mut value = || args.next().ok_or(format!("{flag} needs a value"));
        match flag.as_str() {
            "--transitions" => spec.transitions = value()?.parse()?,
            "--orgs" => spec.organizations = value()?.parse()?,
            "--states" => spec.states = value()?.parse()?,
            "--seed" => spec.seed = value()?.parse()?,
            "--rich" => spec.rich = true,
            "--world" => spec = Spec::world(),
            "--out" => out = Some(value()?.into()),
            other => return Err(format!("unknown argument `{other}`").into()),
        }
    }
    let out = out.ok_or("give the folder to write with --out DIR")?;
    let files = generate(&spec);
    let mut bytes = 0;
    for (path, text) in &files {
        let p = out.join(path);
        std::fs::create_dir_all(p.parent().expect("files are in a folder"))?;
        std::fs::write(&p, text)?;
        bytes += text.len();
    }
    let transitions: usize =
        files.iter().map(|(_, t)| t.matches("    - status: ").count()).sum();
    println!(
        "{}: {} files, {} bytes, {transitions} transitions",
        out.display(),
        files.len(),
        bytes
    );
    Ok(())
}
