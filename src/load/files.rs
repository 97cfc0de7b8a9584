//! Which files a data folder holds and what each is for; the limits on
//! their size and encoding.
//!
//! # Layout of a data folder
//!
//! ```text
//! states.yaml                 every state (list)
//! sources.yaml                every source (list)
//! <org>/organization.yaml     the organisations of this folder (list; the
//!                             first is the folder's own organisation)
//! <org>/statuses.yaml         per state, its status transitions in order
//! <org>/summits.yaml, chairs.yaml, officials.yaml, events.yaml
//! ```

use std::path::Path;

use super::MAX_FILE_BYTES;
use super::sink::{Part, Sink};
use crate::error::{Diagnostic, DiagnosticKind};

/// The role of a file in a data folder.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Role {
    States,
    Sources,
    /// `organization.yaml` of the folder with this name.
    Organizations(String),
    /// `statuses.yaml` of the folder with this name.
    Statuses(String),
    /// `summits.yaml` of the folder with this name.
    Summits(String),
    /// `chairs.yaml` of the folder with this name.
    Chairs(String),
    /// `officials.yaml` of the folder with this name.
    Officials(String),
    /// `events.yaml` of the folder with this name.
    Events(String),
    /// `claims.yaml` of the folder with this name: published counts.
    Claims(String),
}

/// The files an organisation folder may hold, besides organization.yaml.
const ORG_FILES: [&str; 6] = [
    "statuses.yaml",
    "summits.yaml",
    "chairs.yaml",
    "officials.yaml",
    "events.yaml",
    "claims.yaml",
];

fn org_role(name: &str, folder: &str) -> Option<Role> {
    let f = folder.to_string();
    Some(match name {
        "organization.yaml" => Role::Organizations(f),
        "statuses.yaml" => Role::Statuses(f),
        "summits.yaml" => Role::Summits(f),
        "chairs.yaml" => Role::Chairs(f),
        "officials.yaml" => Role::Officials(f),
        "events.yaml" => Role::Events(f),
        "claims.yaml" => Role::Claims(f),
        _ => return None,
    })
}

/// One input file.
#[derive(Clone, Debug)]
pub(crate) struct InputFile {
    pub role: Role,
    /// The path shown in diagnostics.
    pub path: String,
    pub text: String,
}

fn role_of(path: &str) -> Option<Role> {
    let parts: Vec<&str> = path.split('/').collect();
    let n = parts.len();
    match parts[n - 1] {
        "states.yaml" => Some(Role::States),
        "sources.yaml" => Some(Role::Sources),
        name if n >= 2 => org_role(name, parts[n - 2]),
        _ => None,
    }
}

/// In-memory files, each named by its path inside a data folder
/// (`states.yaml`, `sco/statuses.yaml` ...).
pub(crate) fn from_texts(
    texts: Vec<(String, String)>,
    sink: &mut Sink,
) -> Vec<InputFile> {
    let mut files = Vec::new();
    let mut diags = Vec::new();
    for (path, text) in texts {
        if text.len() as u64 > MAX_FILE_BYTES {
            diags.push(Diagnostic::new(
                DiagnosticKind::Limit,
                format!(
                    "`{path}` is {} bytes, over the limit of {MAX_FILE_BYTES}",
                    text.len()
                ),
            ));
            continue;
        }
        match role_of(&path) {
            Some(role) => files.push(InputFile { role, path, text }),
            None => {
                let name =
                    path.rsplit('/').next().unwrap_or(&path).to_string();
                diags.push(unknown_file(Path::new(&path), &name));
            }
        }
    }
    for required in ["states.yaml", "sources.yaml"] {
        if !files.iter().any(|f| f.path.rsplit('/').next() == Some(required)) {
            diags.push(Diagnostic::new(
                DiagnosticKind::Io,
                format!("missing `{required}`"),
            ));
        }
    }
    for d in diags {
        sink.unread(Part::Files, d);
    }
    files
}

/// Reads every data file of `dir`; a `layer` (a folder loaded over
/// others) may leave out states.yaml and sources.yaml, citing the states
/// and sources of the folders below.
///
/// Problems with the folder itself (missing, not a folder, a missing
/// required file, an unknown YAML file, unreadable or non-UTF-8 text) are
/// all reported together.
pub(crate) fn read_dir(
    dir: &Path,
    sink: &mut Sink,
    layer: bool,
) -> Vec<InputFile> {
    let shown = dir.display().to_string();
    let problem = match std::fs::metadata(dir) {
        Err(e) => Some(format!("cannot read data folder `{shown}`: {e}")),
        Ok(meta) if !meta.is_dir() => {
            Some(format!("`{shown}` is a file, not a data folder"))
        }
        Ok(_) => None,
    };
    if let Some(message) = problem {
        let d = Diagnostic::new(DiagnosticKind::Io, message).help(
            "give a data folder: one that holds states.yaml and sources.yaml",
        );
        sink.unread(Part::Files, d);
        return Vec::new();
    }
    let mut files = Vec::new();
    let mut diags = Vec::new();
    let required: &[&str] =
        if layer { &[] } else { &["states.yaml", "sources.yaml"] };
    for required in required {
        let p = dir.join(required);
        // Something there that is not a file is reported as what it is.
        if std::fs::symlink_metadata(&p).is_err() {
            diags.push(
                Diagnostic::new(
                    DiagnosticKind::Io,
                    format!("missing `{}`", p.display()),
                )
                .help(format!(
                    "a data folder holds states.yaml, sources.yaml and one \
                     folder per organisation; see the README ({required})"
                )),
            );
        }
    }
    let mut org_folders = 0;
    for entry in list_dir(dir, &mut diags) {
        match entry {
            Entry::File(p) => top_file(&p, &mut files, &mut diags),
            Entry::Folder(p) => {
                if organisation_folder(&p, &mut files, &mut diags) {
                    org_folders += 1;
                }
            }
            Entry::Other(p, what) => diags.push(not_a_file(&p, &what)),
        }
    }
    // A layer may hold only states.yaml or sources.yaml.
    let nothing = !layer || files.is_empty();
    if org_folders == 0 && diags.is_empty() && nothing {
        diags.push(
            Diagnostic::new(
                DiagnosticKind::Io,
                format!("`{shown}` has no organisation folder"),
            )
            .help("add a folder such as sco/ with organization.yaml"),
        );
    }
    for d in diags {
        sink.unread(Part::Files, d);
    }
    files
}

/// A file directly in the data folder: `states.yaml` or `sources.yaml`.
/// Files that are not YAML (a README) are not data.
fn top_file(
    p: &Path,
    files: &mut Vec<InputFile>,
    diags: &mut Vec<Diagnostic>,
) {
    if !is_yaml(p) {
        return;
    }
    let name = file_name(p);
    let role = match name.as_str() {
        "states.yaml" => Role::States,
        "sources.yaml" => Role::Sources,
        other => return diags.push(unknown_file(p, other)),
    };
    push_file(p, role, files, diags);
}

/// The files of an organisation's folder; whether it is one (it holds
/// organization.yaml). A folder that is not is an error, never skipped.
fn organisation_folder(
    dir: &Path,
    files: &mut Vec<InputFile>,
    diags: &mut Vec<Diagnostic>,
) -> bool {
    let name = file_name(dir);
    let has_org = matches!(
        classify(&dir.join("organization.yaml")),
        Some(Entry::File(_))
    );
    if !has_org {
        let d = if is_yaml(dir) {
            Diagnostic::new(
                DiagnosticKind::Io,
                format!("`{}` is a folder, not a data file", dir.display()),
            )
            .help("a data file is a YAML text file; move or rename the folder")
        } else {
            Diagnostic::new(
                DiagnosticKind::Io,
                format!(
                    "folder `{}` is not an organisation folder: it has no \
                     organization.yaml",
                    dir.display()
                ),
            )
            .help(
                "a data folder holds only states.yaml, sources.yaml and one \
                 folder per organisation; add organization.yaml, or move the \
                 folder out of the data folder",
            )
        };
        diags.push(d);
        return false;
    }
    for entry in list_dir(dir, diags) {
        match entry {
            Entry::File(p) if is_yaml(&p) => {
                let file = file_name(&p);
                match org_role(&file, &name) {
                    Some(role) => push_file(&p, role, files, diags),
                    None => diags.push(unknown_file(&p, &file)),
                }
            }
            Entry::File(_) => {}
            Entry::Folder(p) => diags.push(
                Diagnostic::new(
                    DiagnosticKind::Io,
                    format!(
                        "folder `{}` inside an organisation folder is not read",
                        p.display()
                    ),
                )
                .help(
                    "an organisation's data files sit directly in its folder; \
                     move them up, or the folder out",
                ),
            ),
            Entry::Other(p, what) => diags.push(not_a_file(&p, &what)),
        }
    }
    true
}

/// What a folder entry is. Nothing is opened: a named pipe would block.
enum Entry {
    File(std::path::PathBuf),
    Folder(std::path::PathBuf),
    /// Anything else, and what it is ("a named pipe (FIFO)" ...).
    Other(std::path::PathBuf, String),
}

fn classify(p: &Path) -> Option<Entry> {
    let own = std::fs::symlink_metadata(p).ok()?;
    let meta = if own.file_type().is_symlink() {
        match std::fs::metadata(p) {
            Ok(m) => m,
            Err(e) if e.raw_os_error() == Some(40) => {
                let what = "a symbolic link that loops".to_string();
                return Some(Entry::Other(p.to_path_buf(), what));
            }
            Err(_) => {
                let what = "a symbolic link to nothing".to_string();
                return Some(Entry::Other(p.to_path_buf(), what));
            }
        }
    } else {
        own
    };
    let kind = meta.file_type();
    Some(if kind.is_file() {
        Entry::File(p.to_path_buf())
    } else if kind.is_dir() {
        Entry::Folder(p.to_path_buf())
    } else {
        Entry::Other(p.to_path_buf(), special(&kind).to_string())
    })
}

#[cfg(unix)]
fn special(kind: &std::fs::FileType) -> &'static str {
    use std::os::unix::fs::FileTypeExt;
    if kind.is_fifo() {
        "a named pipe (FIFO)"
    } else if kind.is_char_device() {
        "a character device"
    } else if kind.is_block_device() {
        "a block device"
    } else if kind.is_socket() {
        "a socket"
    } else {
        "not a regular file"
    }
}

#[cfg(not(unix))]
fn special(_: &std::fs::FileType) -> &'static str {
    "not a regular file"
}

fn not_a_file(p: &Path, what: &str) -> Diagnostic {
    Diagnostic::new(
        DiagnosticKind::Io,
        format!("`{}` is {what}, not a data file", p.display()),
    )
    .at(&p.display().to_string(), 0, 0)
    .help("a data folder holds regular files and organisation folders only; remove it or replace it with the file")
}

/// The entries of `dir`, sorted.
fn list_dir(dir: &Path, diags: &mut Vec<Diagnostic>) -> Vec<Entry> {
    let mut paths: Vec<std::path::PathBuf> = match std::fs::read_dir(dir) {
        Ok(rd) => rd.filter_map(|e| e.ok()).map(|e| e.path()).collect(),
        Err(e) => {
            diags.push(Diagnostic::new(
                DiagnosticKind::Io,
                format!("cannot list `{}`: {e}", dir.display()),
            ));
            Vec::new()
        }
    };
    paths.sort();
    paths.iter().filter_map(|p| classify(p)).collect()
}

fn file_name(p: &Path) -> String {
    p.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default()
}

fn is_yaml(p: &Path) -> bool {
    matches!(p.extension().and_then(|e| e.to_str()), Some("yaml" | "yml"))
}

fn unknown_file(p: &Path, name: &str) -> Diagnostic {
    let mut known = vec!["states.yaml", "sources.yaml", "organization.yaml"];
    known.extend(ORG_FILES);
    Diagnostic::new(
        DiagnosticKind::Io,
        format!("unknown data file `{}`", p.display()),
    )
    .suggest(
        name,
        known,
        "a data folder holds states.yaml, sources.yaml, and per \
         organisation organization.yaml, statuses.yaml, summits.yaml, \
         chairs.yaml, officials.yaml, events.yaml and claims.yaml",
    )
}

fn push_file(
    p: &Path,
    role: Role,
    files: &mut Vec<InputFile>,
    diags: &mut Vec<Diagnostic>,
) {
    let path = p.display().to_string();
    match read_text(p, &path) {
        Ok(text) => files.push(InputFile { role, path, text }),
        Err(d) => diags.push(d),
    }
}

fn read_text(p: &Path, path: &str) -> Result<String, Diagnostic> {
    let io = |e: std::io::Error| {
        Diagnostic::new(
            DiagnosticKind::Io,
            format!("cannot read `{path}`: {e}"),
        )
    };
    let too_large = |size: Option<u64>| {
        let size = size.map_or("more".to_string(), |n| n.to_string());
        Diagnostic::new(
            DiagnosticKind::Limit,
            format!("`{path}` is {size} bytes, over the limit of {MAX_FILE_BYTES}"),
        )
        .help("split the data into smaller files, or check that this is the right file")
    };
    let len = std::fs::metadata(p).map_err(io)?.len();
    if len > MAX_FILE_BYTES {
        return Err(too_large(Some(len)));
    }
    // The limit holds while reading too: a file may report a size of 0 and
    // then stream (a /proc file), or grow.
    let mut bytes = Vec::with_capacity(len as usize);
    let file = std::fs::File::open(p).map_err(io)?;
    std::io::Read::read_to_end(
        &mut std::io::Read::take(file, MAX_FILE_BYTES + 1),
        &mut bytes,
    )
    .map_err(io)?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(too_large(None));
    }
    match String::from_utf8(bytes) {
        Ok(text) => Ok(text),
        Err(e) => {
            let good = e.utf8_error().valid_up_to();
            let bytes = e.as_bytes();
            let (line, column) = line_col(&bytes[..good]);
            Err(Diagnostic::new(
                DiagnosticKind::Io,
                format!("`{path}` is not UTF-8 text (byte {good})"),
            )
            .at(path, line, column)
            .help("save the file as UTF-8"))
        }
    }
}

/// 1-based line and column just after `prefix`.
pub(crate) fn line_col(prefix: &[u8]) -> (u32, u32) {
    let text = String::from_utf8_lossy(prefix);
    let line = text.matches('\n').count() as u32 + 1;
    let column =
        text.rsplit('\n').next().map_or(0, |l| l.chars().count()) as u32 + 1;
    (line, column)
}

impl Role {
    /// The organisation folder a file belongs to, if any.
    pub(crate) fn folder(&self) -> Option<&str> {
        match self {
            Role::States | Role::Sources => None,
            Role::Organizations(f)
            | Role::Statuses(f)
            | Role::Summits(f)
            | Role::Chairs(f)
            | Role::Officials(f)
            | Role::Events(f)
            | Role::Claims(f) => Some(f),
        }
    }
}
