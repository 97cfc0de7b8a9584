//! Loads and validates `data/` with the crate's own loader, and stores the
//! result for `KnowledgeGraph::bundled()`. Invalid data fails the build
//! with the same located diagnostics `igo validate data` prints.

#![allow(dead_code)]

#[path = "src/date.rs"]
mod date;
#[path = "src/error.rs"]
mod error;
#[path = "src/load/mod.rs"]
mod load;
#[path = "src/model.rs"]
mod model;
#[path = "src/serde_tree.rs"]
mod serde_tree;
#[path = "src/status.rs"]
mod status;

fn main() {
    println!("cargo:rerun-if-changed=data");
    for f in
        ["build.rs", "src/date.rs", "src/error.rs", "src/load", "src/model.rs"]
    {
        println!("cargo:rerun-if-changed={f}");
    }
    let data = std::path::Path::new("data");
    let dataset = load::load(load::Input::Folder(data));
    let dataset = match dataset {
        Ok(d) => d,
        Err(e) => {
            eprintln!("the bundled data in data/ is invalid:\n{e}");
            std::process::exit(1);
        }
    };
    let bytes = postcard::to_allocvec(&dataset).expect("the model serializes");
    let out = std::path::Path::new(
        &std::env::var("OUT_DIR").expect("cargo sets OUT_DIR"),
    )
    .join("bundled.postcard");
    std::fs::write(out, bytes).expect("OUT_DIR is writable");
}
