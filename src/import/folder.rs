//! Writing an imported data folder: the whole folder, or nothing. Never
//! into an organisation's folder or inside a data folder (either would
//! then fail to load), and over a data folder only when every data file
//! it holds is one the import writes again, so that the folder loads
//! afterwards.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use crate::error::{Diagnostic, DiagnosticKind, Error};

/// How many leftovers a refusal names.
const NAMED: usize = 10;

/// Checks that `dir` may receive a data folder: it is a folder or does
/// not exist yet, it is no organisation's folder, and neither it nor a
/// folder made for it would sit inside a data folder or an organisation's
/// folder (a data folder reads the folders it holds as organisation
/// folders, and would no longer load). Answers whether `dir` holds
/// anything already.
///
/// # Errors
///
/// `dir` is a file, an organisation's folder, or inside a data folder or
/// an organisation's folder.
///
/// # Example
///
/// ```
/// use igo_graph::import::check_destination;
///
/// let dir = std::env::temp_dir().join("igo-doc-check-destination");
/// assert!(!check_destination(&dir)?);
/// let err = check_destination(std::path::Path::new("data/sco")).unwrap_err();
/// assert!(err.to_string().contains("is an organisation's folder"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn check_destination(dir: &Path) -> Result<bool, Error> {
    let shown = dir.display();
    if let Ok(meta) = std::fs::metadata(dir)
        && !meta.is_dir()
    {
        return Err(refusal(
            format!("`{shown}` is a file, not a folder"),
            "give a new folder, or a data folder to replace",
        ));
    }
    if is_organization(dir) {
        return Err(refusal(
            format!(
                "`{shown}` is an organisation's folder (it holds \
                 organization.yaml): a data folder written into it would \
                 break the data folder around it"
            ),
            "give a new folder outside any data folder",
        ));
    }
    let full = std::fs::read_dir(dir).is_ok_and(|mut e| e.next().is_some());
    // The folder the import is written in, or the nearest that exists
    // (its missing folders are made in it), and the one above.
    let abs = absolute(dir);
    let mut parent = abs.parent();
    while let Some(p) = parent.filter(|p| !p.exists()) {
        parent = p.parent();
    }
    let up = [parent, parent.and_then(Path::parent)];
    for p in up.into_iter().flatten() {
        let what = if is_organization(p) {
            "the organisation's folder"
        } else if is_data_folder(p) {
            "the data folder"
        } else {
            continue;
        };
        return Err(refusal(
            format!(
                "`{shown}` is inside {what} `{}`: that data folder would read \
                 the import as one of its own folders, and no longer load",
                p.display()
            ),
            "give a folder outside any data folder",
        ));
    }
    Ok(full)
}

/// Writes `files` (paths inside a data folder, and their texts) as the
/// data folder `dir`. Everything is written beside or inside `dir` first,
/// then moved into place (a rename, which writes no data): a failure to
/// write (a full disk, a folder that may not be written) leaves `dir` as
/// it was. A new or empty `dir` receives the folder whole. With
/// `replace`, a `dir` that holds a data folder already is replaced file
/// by file, only when nothing of it would stay that could keep the
/// folder from loading: an organisation folder the import does not write,
/// a data file the import does not write in one it does (`chairs.yaml`),
/// any other folder or YAML file, a symbolic link to a folder. Files that
/// are not data (a README) stay; a symbolic link to a file is replaced,
/// never written through.
///
/// # Errors
///
/// As [`check_destination`]; `dir` holds anything and `replace` is not
/// set; it holds something that would stay (each named); a file cannot be
/// written (nothing of `dir` changed).
///
/// # Example
///
/// ```
/// use igo_graph::import::write_folder;
///
/// let dir = std::env::temp_dir().join(format!("igo-doc-{}", std::process::id()));
/// let files = vec![("states.yaml".to_string(), "[]\n".to_string())];
/// write_folder(&dir, &files, false)?;
/// assert!(write_folder(&dir, &files, false).is_err(), "not empty");
/// write_folder(&dir, &files, true)?;
/// # std::fs::remove_dir_all(&dir)?;
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn write_folder(
    dir: &Path,
    files: &[(String, String)],
    replace: bool,
) -> Result<(), Error> {
    let full = check_destination(dir)?;
    if full && !replace {
        return Err(refusal(
            format!("`{}` is not empty", dir.display()),
            "an import writes a new or empty folder, or replaces a data \
             folder when asked to",
        ));
    }
    if full {
        let left = leftovers(dir, files);
        if !left.is_empty() {
            return Err(stale(dir, &left));
        }
    }
    if !dir.exists() {
        return write_new(dir, files);
    }
    let staging = dir.join(format!(".igo-import-{}", std::process::id()));
    let staged = write_all(&staging, files)
        .and_then(|()| probe(dir, files))
        .and_then(|()| move_into(&staging, dir, files));
    let _ = std::fs::remove_dir_all(&staging);
    staged
}

/// A new folder: written beside it, then renamed into place in one step.
fn write_new(dir: &Path, files: &[(String, String)]) -> Result<(), Error> {
    let parent = dir.parent().filter(|p| !p.as_os_str().is_empty());
    let parent = parent.unwrap_or(Path::new("."));
    std::fs::create_dir_all(parent).map_err(io(parent))?;
    let name =
        dir.file_name().map_or("import".into(), |n| n.to_string_lossy());
    let staging =
        parent.join(format!(".{name}.igo-import-{}", std::process::id()));
    let done = write_all(&staging, files)
        .and_then(|()| std::fs::rename(&staging, dir).map_err(io(dir)));
    if done.is_err() {
        let _ = std::fs::remove_dir_all(&staging);
    }
    done
}

fn write_all(root: &Path, files: &[(String, String)]) -> Result<(), Error> {
    for (path, text) in files {
        let p = root.join(path);
        if let Some(parent) = p.parent() {
            std::fs::create_dir_all(parent).map_err(io(parent))?;
        }
        std::fs::write(&p, text).map_err(io(&p))?;
    }
    Ok(())
}

/// Every existing organisation folder that files will be moved into can
/// take them: found before the first is moved.
fn probe(dir: &Path, files: &[(String, String)]) -> Result<(), Error> {
    for folder in folders(files) {
        let d = dir.join(folder);
        if !d.is_dir() {
            continue;
        }
        let p = d.join(format!(".igo-import-probe-{}", std::process::id()));
        std::fs::File::create_new(&p).map_err(io(&d))?;
        let _ = std::fs::remove_file(&p);
    }
    Ok(())
}

/// Moves the staged files into `dir`: a new organisation folder whole,
/// into an existing one file by file; each rename replaces what was there
/// (a symbolic link itself, not its target).
fn move_into(
    staging: &Path,
    dir: &Path,
    files: &[(String, String)],
) -> Result<(), Error> {
    let mut moved = BTreeSet::new();
    for (path, _) in files {
        let folder = path.split_once('/').map(|(f, _)| f);
        let (from, to) = match folder {
            Some(f) if moved.contains(f) => continue,
            Some(f) if !dir.join(f).exists() => {
                moved.insert(f);
                (staging.join(f), dir.join(f))
            }
            _ => (staging.join(path), dir.join(path)),
        };
        std::fs::rename(&from, &to).map_err(io(&to))?;
    }
    Ok(())
}

/// The organisation folders of `files`.
fn folders(files: &[(String, String)]) -> BTreeSet<&str> {
    files
        .iter()
        .filter_map(|(p, _)| p.split_once('/').map(|(d, _)| d))
        .collect()
}

/// What in `dir` would stay after `files` are written and could keep the
/// folder from loading, as paths inside it (folders end in `/`).
fn leftovers(dir: &Path, files: &[(String, String)]) -> Vec<String> {
    let written: BTreeSet<&str> =
        files.iter().map(|(p, _)| p.as_str()).collect();
    let folders = folders(files);
    let mut left = Vec::new();
    for (name, kind) in entries(dir) {
        match kind {
            Kind::File
                if !is_yaml(&name) || written.contains(name.as_str()) => {}
            Kind::Folder if folders.contains(name.as_str()) => {
                for (inner, kind) in entries(&dir.join(&name)) {
                    let path = format!("{name}/{inner}");
                    match kind {
                        Kind::File if !is_yaml(&inner) => {}
                        Kind::File if written.contains(path.as_str()) => {}
                        Kind::Folder | Kind::LinkedFolder => {
                            left.push(format!("{path}/"));
                        }
                        _ => left.push(path),
                    }
                }
            }
            Kind::Folder | Kind::LinkedFolder => left.push(format!("{name}/")),
            _ => left.push(name),
        }
    }
    left
}

/// What an entry of a folder is, as the loader will see it.
enum Kind {
    /// A file, or a symbolic link to one (replaced by a rename).
    File,
    Folder,
    /// A symbolic link to a folder: writing into it would write elsewhere.
    LinkedFolder,
    /// Anything else (a named pipe, a link to nothing).
    Other,
}

/// The entries of `dir`, sorted by name.
fn entries(dir: &Path) -> Vec<(String, Kind)> {
    let mut out: Vec<(String, Kind)> = std::fs::read_dir(dir)
        .into_iter()
        .flatten()
        .flatten()
        .map(|e| {
            let name = e.file_name().to_string_lossy().into_owned();
            let link = e.file_type().is_ok_and(|t| t.is_symlink());
            let kind = match std::fs::metadata(e.path()) {
                Ok(m) if m.is_dir() && link => Kind::LinkedFolder,
                Ok(m) if m.is_dir() => Kind::Folder,
                Ok(m) if m.is_file() => Kind::File,
                _ => Kind::Other,
            };
            (name, kind)
        })
        .collect();
    out.sort_by(|a, b| a.0.cmp(&b.0));
    out
}

fn is_yaml(name: &str) -> bool {
    name.ends_with(".yaml") || name.ends_with(".yml")
}

fn is_organization(dir: &Path) -> bool {
    dir.join("organization.yaml").exists()
}

fn is_data_folder(dir: &Path) -> bool {
    dir.join("states.yaml").exists() || dir.join("sources.yaml").exists()
}

/// `dir` as an absolute path, its symbolic links resolved as far as it
/// exists.
fn absolute(dir: &Path) -> PathBuf {
    let abs = std::path::absolute(dir).unwrap_or_else(|_| dir.to_path_buf());
    let mut rest = Vec::new();
    let mut at = abs.as_path();
    loop {
        if let Ok(real) = at.canonicalize() {
            let mut out = real;
            for part in rest.iter().rev() {
                match part {
                    std::path::Component::ParentDir => {
                        out.pop();
                    }
                    std::path::Component::Normal(p) => out.push(p),
                    _ => {}
                }
            }
            return out;
        }
        match (at.parent(), at.components().next_back()) {
            (Some(parent), Some(last)) => {
                rest.push(last);
                at = parent;
            }
            _ => return abs,
        }
    }
}

fn refusal(message: String, help: &str) -> Error {
    Error::one(Diagnostic::new(DiagnosticKind::Io, message).help(help))
}

fn stale(dir: &Path, left: &[String]) -> Error {
    let mut named =
        left.iter().take(NAMED).cloned().collect::<Vec<_>>().join(", ");
    if left.len() > NAMED {
        named.push_str(&format!(" and {} more", left.len() - NAMED));
    }
    refusal(
        format!(
            "`{}` holds data this import does not write ({named}): with it \
             the folder would not load; nothing was written",
            dir.display()
        ),
        "remove them, or import into a new folder",
    )
}

fn io(path: &Path) -> impl Fn(std::io::Error) -> Error + '_ {
    move |e| Error::io(format!("cannot write `{}`", path.display()), e)
}
