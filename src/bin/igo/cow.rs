//! `igo import cow` and `igo compare cow`: COW IGO v3's files beside our
//! record.

use std::path::Path;

use igo_graph::KnowledgeGraph;
use igo_graph::import::cow::{Input, import};

use crate::commands::{Ctx, Target};
use crate::report::{self, Failure};

/// The text of a file named on the command line.
fn read(path: &Path) -> Result<String, Failure> {
    let bytes = std::fs::read(path).map_err(|e| {
        Failure::Msg(format!("cannot read `{}`: {e}", path.display()))
    })?;
    String::from_utf8(bytes).map_err(|e| {
        Failure::Msg(format!(
            "`{}` is not UTF-8 text (byte {}): give COW's CSV file as \
             distributed",
            path.display(),
            e.utf8_error().valid_up_to()
        ))
    })
}

/// `igo import cow FILE [--igos FILE] -o DIR`: the folder is checked by
/// the loader before a file of it is written.
pub fn import_cow(
    file: &Path,
    igos: Option<&Path>,
    target: Target,
) -> Result<String, Failure> {
    let dir = target.path.expect("clap requires -o");
    let full = std::fs::read_dir(dir)
        .map(|mut entries| entries.next().is_some())
        .unwrap_or(false);
    if full && !target.force {
        return Err(Failure::Msg(format!(
            "`{}` is not empty: `import cow` writes a data folder into an \
             empty or new folder (add --force to write into it anyway)",
            dir.display()
        )));
    }
    let name = file.display().to_string();
    let text = read(file)?;
    let igo_name = igos.map(|p| p.display().to_string());
    let igo_text = igos.map(read).transpose()?;
    let igo_input = match (&igo_name, &igo_text) {
        (Some(name), Some(text)) => Some(Input { name, text }),
        _ => None,
    };
    let folder = import(Input { name: &name, text: &text }, igo_input)?;
    // Never a folder the loader would refuse.
    KnowledgeGraph::from_texts(folder.files.clone())?;
    for (path, text) in &folder.files {
        let p = dir.join(path);
        let io = |e: std::io::Error| {
            Failure::Msg(format!("cannot write `{}`: {e}", p.display()))
        };
        if let Some(parent) = p.parent() {
            std::fs::create_dir_all(parent).map_err(io)?;
        }
        std::fs::write(&p, text).map_err(io)?;
    }
    for note in &folder.notes {
        report::note(note);
    }
    let (orgs, states, transitions) = folder.counts;
    Ok(format!(
        "imported {orgs} organisations, {states} states and {transitions} \
         transitions into {}\n",
        dir.display()
    ))
}

/// `igo compare cow FILE`.
pub fn compare_cow(
    _ctx: &Ctx,
    _org: Option<&str>,
    _file: &Path,
    _years: (Option<i32>, Option<i32>),
) -> Result<String, Failure> {
    Err(Failure::Msg("`compare cow` is not written yet".into()))
}
