//! Loads and validates `data/` (or the folder `IGO_BUNDLE_DATA` names)
//! with the crate's own loader, and stores the result for
//! `KnowledgeGraph::bundled()`. Invalid data fails the build
//! with the same located diagnostics `igo validate data` prints.

#![allow(dead_code)]

#[path = "src/bundle.rs"]
mod bundle;
#[path = "src/date.rs"]
mod date;
#[path = "src/error.rs"]
mod error;
#[path = "src/load/mod.rs"]
mod load;
#[path = "src/model.rs"]
mod model;
#[path = "src/rule.rs"]
mod rule;
#[path = "src/serde_tree.rs"]
mod serde_tree;
#[path = "src/state.rs"]
mod state;
#[path = "src/status.rs"]
mod status;

fn main() {
    println!("cargo:rerun-if-changed=data");
    for f in [
        "build.rs",
        "src/bundle.rs",
        "src/date.rs",
        "src/error.rs",
        "src/load",
        "src/model.rs",
        "src/state.rs",
        "src/model",
        "src/rule.rs",
        "src/serde_tree.rs",
        "src/status.rs",
    ] {
        println!("cargo:rerun-if-changed={f}");
    }
    // IGO_BUNDLE_DATA bundles another folder instead, to measure start-up
    // with more data (`cargo run --example synth -- --world --out DIR`,
    // then `IGO_BUNDLE_DATA=DIR cargo build --release`). The tests expect
    // data/.
    println!("cargo:rerun-if-env-changed=IGO_BUNDLE_DATA");
    let folder = std::env::var("IGO_BUNDLE_DATA");
    let data = match &folder {
        Ok(dir) => {
            println!("cargo:rerun-if-changed={dir}");
            std::path::Path::new(dir)
        }
        Err(_) => std::path::Path::new("data"),
    };
    // No today: a build's clock must not decide whether the data is
    // valid (tests check the review days against the clock).
    let dataset =
        load::load(load::Input::Folder(data), &load::LoadOptions::new());
    let dataset = match dataset {
        Ok(d) => d,
        Err(e) => {
            eprintln!(
                "the bundled data in {} is invalid:\n{e}",
                data.display()
            );
            std::process::exit(1);
        }
    };
    // How far the bundled data reaches, for `igo --version`: the range of
    // the organisations' review days.
    let days: Vec<String> = dataset
        .organizations
        .iter()
        .filter_map(|o| o.reviewed.map(|d| d.to_string()))
        .collect();
    let reach = match (days.iter().min(), days.iter().max()) {
        (Some(a), Some(b)) if a == b => format!("data reviewed {a}"),
        (Some(a), Some(b)) => format!("data reviewed {a} to {b}"),
        _ => "data without review days".to_string(),
    };
    println!("cargo:rustc-env=IGO_DATA_REACH={reach}");
    // The organisations first, then each state and each organisation's
    // facts on their own, decoded when first asked for; the sources (half
    // the bytes) last, read only when first asked for: `igo at` never
    // needs them.
    let bytes = bundle::encode(dataset).expect("the model serializes");
    let out = std::path::Path::new(
        &std::env::var("OUT_DIR").expect("cargo sets OUT_DIR"),
    )
    .join("bundled.postcard");
    std::fs::write(out, bytes).expect("OUT_DIR is writable");
}
