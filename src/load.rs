//! YAML to model. Every problem becomes a [`Diagnostic`] with
//! `file:line:column`; loading reports all of them and never returns a
//! half-loaded data set.
//!
//! This is the only module that knows the YAML crate (serde-saphyr), so that
//! a change of YAML crate stays a one-module change.
//!
//! # Layout of a data folder
//!
//! ```text
//! states.yaml                 every state (list)
//! sources.yaml                every source (list)
//! <org>/organization.yaml     the organisations of this folder (list; the
//!                             first is the folder's own organisation)
//! <org>/statuses.yaml         per state, its status transitions in order
//! ```

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;
use std::sync::Arc;

use serde::Deserialize;
use serde::de::IgnoredAny;
use serde_saphyr::Spanned;

use crate::date::Date;
use crate::error::{Diagnostic, DiagnosticKind, Error, did_you_mean};
use crate::model::{
    Affiliation, Basis, ChairTerm, Event, EventId, EventKind, Evidence,
    Office, OfficeTerm, Organization, OrganizationId, PersonId, Source,
    SourceId, State, StateId, Status, StatusOn, Summit, SummitFormat,
    SummitId, SummitStatus, Transition, status_on,
};

/// The largest data file accepted, in bytes (16 MiB). Larger files are
/// refused before parsing, so a stray download cannot exhaust memory.
pub const MAX_FILE_BYTES: u64 = 16 * 1024 * 1024;

/// The deepest nesting of YAML collections accepted. The data format needs
/// four levels; the limit guards the parser against hostile input.
pub const MAX_DEPTH: usize = 32;

/// The longest line accepted, in bytes (64 KiB): data files are edited by
/// hand, and a longer line is almost surely not data.
pub const MAX_LINE_BYTES: usize = 64 * 1024;

/// The most alias (`*name`) uses a file may hold. The data format needs
/// none; a few are harmless, an alias bomb is refused.
pub const MAX_ALIASES: usize = 1_000;

/// The most YAML events that alias expansion may replay in one file.
pub const MAX_ALIAS_EVENTS: usize = 10_000;

/// Above this many bytes of status histories, they are checked in
/// parallel.
const PARALLEL_BYTES: usize = 1 << 20;

/// One status-history file, parsed and checked.
struct HistoryFile {
    diags: Vec<Diagnostic>,
    /// Each history, with the line and column of its `state:`.
    histories: Vec<(Affiliation, u32, u32)>,
    parsed: bool,
}

/// A validated data set, ready to become a graph. The build script
/// serializes the bundled one, so that the binary starts without parsing
/// YAML.
#[derive(Debug, Default, serde::Serialize, serde::Deserialize)]
pub(crate) struct Dataset {
    pub states: Vec<State>,
    pub sources: Vec<Source>,
    pub organizations: Vec<Organization>,
    pub affiliations: Vec<Affiliation>,
    pub summits: Vec<Summit>,
    pub chairs: Vec<ChairTerm>,
    pub offices: Vec<OfficeTerm>,
    pub events: Vec<Event>,
}

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
}

/// The files an organisation folder may hold, besides organization.yaml.
const ORG_FILES: [&str; 5] = [
    "statuses.yaml",
    "summits.yaml",
    "chairs.yaml",
    "officials.yaml",
    "events.yaml",
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
) -> Result<Vec<InputFile>, Error> {
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
    if diags.is_empty() { Ok(files) } else { Err(Error::new(diags)) }
}

/// Reads every data file of `dir`.
///
/// Problems with the folder itself (missing, not a folder, a missing
/// required file, an unknown YAML file, unreadable or non-UTF-8 text) are
/// all reported together.
pub(crate) fn read_dir(dir: &Path) -> Result<Vec<InputFile>, Error> {
    let shown = dir.display().to_string();
    let meta = std::fs::metadata(dir).map_err(|e| {
        Error::one(
            Diagnostic::new(
                DiagnosticKind::Io,
                format!("cannot read data folder `{shown}`: {e}"),
            )
            .help(
                "pass --data a folder that holds states.yaml and sources.yaml",
            ),
        )
    })?;
    if !meta.is_dir() {
        return Err(Error::one(
            Diagnostic::new(
                DiagnosticKind::Io,
                format!("`{shown}` is a file, not a data folder"),
            )
            .help("pass --data the folder that holds states.yaml and sources.yaml"),
        ));
    }
    let mut files = Vec::new();
    let mut diags = Vec::new();
    for required in ["states.yaml", "sources.yaml"] {
        let p = dir.join(required);
        if !p.exists() {
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
    let mut entries = list_dir(dir, &mut diags);
    entries.sort();
    let mut org_folders = 0;
    for entry in entries {
        let name = file_name(&entry);
        if entry.is_dir() {
            let mut sub = list_dir(&entry, &mut diags);
            sub.sort();
            if !entry.join("organization.yaml").is_file() {
                // A folder without organization.yaml is not data (e.g. docs);
                // but YAML files in it are a likely mistake.
                if sub.iter().any(|p| is_yaml(p)) {
                    diags.push(
                        Diagnostic::new(
                            DiagnosticKind::Io,
                            format!(
                                "folder `{}` holds YAML files but no \
                                 organization.yaml",
                                entry.display()
                            ),
                        )
                        .help("add organization.yaml, or move the files"),
                    );
                }
                continue;
            }
            org_folders += 1;
            for p in sub {
                if !is_yaml(&p) {
                    continue;
                }
                let file = file_name(&p);
                let Some(role) = org_role(&file, &name) else {
                    diags.push(unknown_file(&p, &file));
                    continue;
                };
                push_file(&p, role, &mut files, &mut diags);
            }
        } else if is_yaml(&entry) {
            let role = match name.as_str() {
                "states.yaml" => Role::States,
                "sources.yaml" => Role::Sources,
                other => {
                    diags.push(unknown_file(&entry, other));
                    continue;
                }
            };
            push_file(&entry, role, &mut files, &mut diags);
        }
    }
    if org_folders == 0 && diags.is_empty() {
        diags.push(
            Diagnostic::new(
                DiagnosticKind::Io,
                format!("`{shown}` has no organisation folder"),
            )
            .help("add a folder such as sco/ with organization.yaml"),
        );
    }
    if diags.is_empty() { Ok(files) } else { Err(Error::new(diags)) }
}

fn list_dir(
    dir: &Path,
    diags: &mut Vec<Diagnostic>,
) -> Vec<std::path::PathBuf> {
    match std::fs::read_dir(dir) {
        Ok(rd) => rd.filter_map(|e| e.ok()).map(|e| e.path()).collect(),
        Err(e) => {
            diags.push(Diagnostic::new(
                DiagnosticKind::Io,
                format!("cannot list `{}`: {e}", dir.display()),
            ));
            Vec::new()
        }
    }
}

fn file_name(p: &Path) -> String {
    p.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default()
}

fn is_yaml(p: &Path) -> bool {
    p.is_file()
        && matches!(
            p.extension().and_then(|e| e.to_str()),
            Some("yaml" | "yml")
        )
}

fn unknown_file(p: &Path, name: &str) -> Diagnostic {
    let mut known = vec!["states.yaml", "sources.yaml", "organization.yaml"];
    known.extend(ORG_FILES);
    let mut d = Diagnostic::new(
        DiagnosticKind::Io,
        format!("unknown data file `{}`", p.display()),
    );
    d = match did_you_mean(name, known) {
        Some(m) => d.help(format!("did you mean `{m}`?")),
        None => d.help(
            "a data folder holds states.yaml, sources.yaml, and per \
             organisation organization.yaml, statuses.yaml, summits.yaml, \
             chairs.yaml, officials.yaml and events.yaml",
        ),
    };
    d
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
    let len = std::fs::metadata(p).map_err(io)?.len();
    if len > MAX_FILE_BYTES {
        return Err(Diagnostic::new(
            DiagnosticKind::Limit,
            format!(
                "`{path}` is {len} bytes, over the limit of {MAX_FILE_BYTES}"
            ),
        )
        .help("split the data into smaller files, or check that this is the right file"));
    }
    let bytes = std::fs::read(p).map_err(io)?;
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
fn line_col(prefix: &[u8]) -> (u32, u32) {
    let text = String::from_utf8_lossy(prefix);
    let line = text.matches('\n').count() as u32 + 1;
    let column =
        text.rsplit('\n').next().map_or(0, |l| l.chars().count()) as u32 + 1;
    (line, column)
}

// ---------------------------------------------------------------------------
// Raw, located forms of the files.

type S<T> = Spanned<T>;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawState {
    id: S<String>,
    iso2: S<String>,
    name: S<String>,
    #[serde(default)]
    official_name: Option<String>,
    #[serde(default)]
    aliases: Vec<S<String>>,
    #[serde(default)]
    cow_code: Option<S<u16>>,
    #[serde(default)]
    cow_abbrev: Option<S<String>>,
    #[serde(default)]
    wikidata: Option<S<String>>,
    sources: S<Vec<S<String>>>,
    #[serde(default)]
    note: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawSource {
    id: S<String>,
    title: S<String>,
    url: S<String>,
    #[serde(default)]
    publisher: Option<String>,
    #[serde(default)]
    published: Option<S<String>>,
    #[serde(default)]
    quote: Option<String>,
    #[serde(default)]
    note: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawOrganization {
    id: S<String>,
    name: S<String>,
    short_name: S<String>,
    #[serde(default)]
    other_names: Vec<String>,
    founded: S<String>,
    #[serde(default)]
    dissolved: Option<S<String>>,
    #[serde(default)]
    headquarters: Option<String>,
    #[serde(default)]
    wikidata: Option<S<String>>,
    #[serde(default)]
    predecessor: Option<S<String>>,
    #[serde(default)]
    successor: Option<S<String>>,
    sources: S<Vec<S<String>>>,
    #[serde(default)]
    note: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawAffiliation {
    state: S<String>,
    #[serde(default)]
    organization: Option<S<String>>,
    transitions: S<Vec<S<RawTransition>>>,
    #[serde(default)]
    note: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawTransition {
    status: S<String>,
    #[serde(default)]
    date: Option<S<String>>,
    #[serde(default)]
    decided: Option<S<String>>,
    #[serde(default)]
    effective: Option<S<String>>,
    sources: S<Vec<S<String>>>,
    #[serde(default)]
    note: Option<String>,
    #[serde(default)]
    summit: Option<S<String>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawSummit {
    id: S<String>,
    #[serde(default)]
    organization: Option<S<String>>,
    #[serde(default)]
    ordinal: Option<u32>,
    #[serde(default)]
    start: Option<S<String>>,
    #[serde(default)]
    end: Option<S<String>>,
    #[serde(default)]
    council: Option<S<String>>,
    city: S<String>,
    host: S<String>,
    #[serde(default)]
    format: Option<S<String>>,
    status: S<String>,
    sources: S<Vec<S<String>>>,
    #[serde(default)]
    note: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawChair {
    state: S<String>,
    #[serde(default)]
    organization: Option<S<String>>,
    start: S<String>,
    #[serde(default)]
    ended_by: Option<S<String>>,
    evidence: S<String>,
    /// Why this term does not start where the previous one ended: a known
    /// exception, kept as data rather than code.
    #[serde(default)]
    irregular: Option<String>,
    sources: S<Vec<S<String>>>,
    #[serde(default)]
    note: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawOfficial {
    office: S<String>,
    #[serde(default)]
    organization: Option<S<String>>,
    person: S<String>,
    person_id: S<String>,
    #[serde(default)]
    other_names: Vec<String>,
    nationality: S<String>,
    start: S<String>,
    #[serde(default)]
    scheduled_end: Option<S<String>>,
    #[serde(default)]
    appointed: Option<S<String>>,
    #[serde(default)]
    appointed_at: Option<S<String>>,
    sources: S<Vec<S<String>>>,
    #[serde(default)]
    note: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawEvent {
    id: S<String>,
    #[serde(default)]
    organization: Option<S<String>>,
    kind: S<String>,
    title: S<String>,
    date: S<String>,
    #[serde(default)]
    place: Option<String>,
    sources: S<Vec<S<String>>>,
    #[serde(default)]
    note: Option<String>,
}

// ---------------------------------------------------------------------------
// Parsing.

fn parse<T: for<'de> Deserialize<'de>>(
    file: &InputFile,
    what: &str,
    diags: &mut Vec<Diagnostic>,
) -> Option<Vec<T>> {
    let text = file.text.strip_prefix('\u{FEFF}').unwrap_or(&file.text);
    if text.lines().all(|l| {
        let l = l.trim();
        l.is_empty() || l.starts_with('#') || l == "---"
    }) {
        diags.push(
            Diagnostic::new(
                DiagnosticKind::Syntax,
                format!("`{}` holds no data", file.path),
            )
            .at(&file.path, 1, 1)
            .help(format!("write a YAML list of {what}, or `[]` for none")),
        );
        return None;
    }
    let options = || {
        let mut budget = serde_saphyr::Budget::default();
        budget.max_depth = MAX_DEPTH;
        budget.max_aliases = MAX_ALIASES;
        let mut aliases = serde_saphyr::options::AliasLimits::default();
        aliases.max_total_replayed_events = MAX_ALIAS_EVENTS;
        serde_saphyr::options! {
            strict_booleans: true,
            with_snippet: false,
            budget: Some(budget),
            alias_limits: aliases,
        }
    };
    if let Some((i, line)) =
        text.split('\n').enumerate().find(|(_, l)| l.len() > MAX_LINE_BYTES)
    {
        diags.push(
            Diagnostic::new(
                DiagnosticKind::Limit,
                format!(
                    "line {} is {} bytes long, over the limit of {MAX_LINE_BYTES}",
                    i + 1,
                    line.len()
                ),
            )
            .at(&file.path, i as u32 + 1, 1)
            .help("break the value over several lines, or check that this is a data file"),
        );
        return None;
    }
    // The typed pass alone can mask a bad indentation as a "missing
    // field": when it fails, an untyped pass decides whether the text is
    // bad YAML (and reports that) or good YAML of the wrong shape.
    match serde_saphyr::from_str_with_options::<Vec<T>>(text, options()) {
        Ok(v) => Some(v),
        Err(typed) => {
            let e = match serde_saphyr::from_str_with_options::<IgnoredAny>(
                text,
                options(),
            ) {
                Err(syntax) => syntax,
                Ok(_) => typed,
            };
            diags.push(yaml_diagnostic(&file.path, &e, what));
            None
        }
    }
}

fn yaml_diagnostic(
    path: &str,
    e: &serde_saphyr::Error,
    what: &str,
) -> Diagnostic {
    let (line, column) =
        e.location().map_or((0, 0), |l| (l.line() as u32, l.column() as u32));
    let raw = e.without_snippet().to_string();
    let message = clean_message(&raw);
    let lower = message.to_lowercase();
    let (kind, help) = if lower.contains("unknown field") {
        (
            DiagnosticKind::UnknownField,
            "check the spelling; the README lists the fields".to_string(),
        )
    } else if lower.contains("missing field") {
        (
            DiagnosticKind::MissingField,
            "add the field; the README lists the required fields".to_string(),
        )
    } else if lower.contains("duplicate") {
        (DiagnosticKind::DuplicateKey, "keep one of the keys".to_string())
    } else if lower.contains("recursive references") {
        return Diagnostic::new(
            DiagnosticKind::Limit,
            "an alias refers to the anchor that contains it (a cycle)",
        )
        .help("data files need no anchors or aliases: write the values out")
        .at(path, line, column);
    } else if lower.contains("depth") || lower.contains("recursion limit") {
        return Diagnostic::new(
            DiagnosticKind::Limit,
            format!("nested deeper than {MAX_DEPTH} levels"),
        )
        .help("data files nest four levels deep; check for unclosed brackets")
        .at(path, line, column);
    } else if lower.contains("alias") || lower.contains("budget") {
        return Diagnostic::new(
            DiagnosticKind::Limit,
            format!(
                "aliases expand beyond the budget ({MAX_ALIASES} aliases, \
                 {MAX_ALIAS_EVENTS} replayed events)"
            ),
        )
        .help("data files need no anchors or aliases: write the values out")
        .at(path, line, column);
    } else if lower.contains("multiple yaml documents") {
        return Diagnostic::new(
            DiagnosticKind::Syntax,
            "more than one YAML document (a `---` line in the middle)",
        )
        .help(format!(
            "a data file is one YAML list of {what}: remove the `---` line"
        ))
        .at(path, line, column);
    } else if lower.contains("budget")
        || lower.contains("depth")
        || lower.contains("recursion")
    {
        (
            DiagnosticKind::Syntax,
            format!(
                "the file nests deeper or expands more aliases than data needs (limit: depth {MAX_DEPTH})"
            ),
        )
    } else if lower.contains("invalid type")
        || lower.starts_with("expected a whole number")
        || lower.contains("expected")
            && (lower.contains("sequence")
                || lower.contains("mapping")
                || lower.contains("string")
                || lower.contains("integer"))
    {
        (
            DiagnosticKind::WrongType,
            format!(
                "the file is a YAML list of {what}; see the README for each field's type"
            ),
        )
    } else {
        (
            DiagnosticKind::Syntax,
            "fix the YAML syntax at this place".to_string(),
        )
    };
    let d = Diagnostic::new(kind, message).help(help);
    if line == 0 { d.at(path, 0, 0) } else { d.at(path, line, column) }
}

/// serde-saphyr prefixes messages with their location; ours carry it apart.
fn clean_message(raw: &str) -> String {
    let first = raw.lines().next().unwrap_or(raw).trim();
    let mut msg = first;
    for prefix in ["error: ", "Error: "] {
        msg = msg.strip_prefix(prefix).unwrap_or(msg);
    }
    if let Some(rest) = msg.strip_prefix("line ") {
        // "line 3 column 5: message"
        if let Some(idx) = rest.find(": ") {
            msg = &rest[idx + 2..];
        }
    }
    if let Some(idx) = msg.find(" at line ") {
        msg = &msg[..idx];
    }
    // Advice meant for Rust programmers, not for data editors.
    if let Some(idx) = msg.find(", set DuplicateKeyPolicy") {
        msg = &msg[..idx];
    }
    // "invalid u16": say what was expected.
    if let Some(ty) = msg.strip_prefix("invalid ")
        && ty.starts_with(['u', 'i'])
        && ty[1..].bytes().all(|b| b.is_ascii_digit())
    {
        return format!("expected a whole number ({ty})");
    }
    msg.to_string()
}

// ---------------------------------------------------------------------------
// Validation.

struct Ctx<'a> {
    diags: Vec<Diagnostic>,
    path: &'a str,
}

impl Ctx<'_> {
    fn at<T>(&mut self, s: &S<T>, d: Diagnostic) {
        let (l, c) =
            (s.referenced.line() as u32, s.referenced.column() as u32);
        self.diags.push(d.at(self.path, l, c));
    }
}

fn date_of(ctx: &mut Ctx<'_>, s: &S<String>) -> Option<Date> {
    match s.value.parse::<Date>() {
        Ok(d) => Some(d),
        Err(e) => {
            ctx.at(
                s,
                Diagnostic::new(DiagnosticKind::InvalidDate, e.to_string())
                    .help("dates are YYYY-MM-DD, YYYY-MM or YYYY, as precise as the source"),
            );
            None
        }
    }
}

fn is_upper_code(s: &str, len: usize) -> bool {
    s.len() == len && s.bytes().all(|b| b.is_ascii_uppercase())
}

fn is_qid(s: &str) -> bool {
    s.len() > 1
        && s.starts_with('Q')
        && s[1..].bytes().all(|b| b.is_ascii_digit())
}

/// Checks a `sources:` list: not empty, every id known.
fn check_sources(
    ctx: &mut Ctx<'_>,
    list: &S<Vec<S<String>>>,
    known: Option<&BTreeSet<String>>,
) -> Vec<SourceId> {
    if list.value.is_empty() {
        ctx.at(
            list,
            Diagnostic::new(DiagnosticKind::MissingSource, "no source cited")
                .help("cite at least one source id from sources.yaml that supports this fact"),
        );
    }
    let mut out = Vec::new();
    for s in &list.value {
        if let Some(known) = known
            && !known.contains(&s.value)
        {
            let mut d = Diagnostic::new(
                DiagnosticKind::UnknownSource,
                format!("source `{}` is not in sources.yaml", s.value),
            );
            d = match did_you_mean(&s.value, known.iter().map(String::as_str)) {
                    Some(m) => d.help(format!("did you mean `{m}`?")),
                    None => d.help("add the source to sources.yaml (title, url of what you read)"),
                };
            ctx.at(s, d);
        }
        out.push(SourceId::new(s.value.clone()));
    }
    out
}

fn unknown_state(id: &str, known: &BTreeSet<String>) -> Diagnostic {
    let d = Diagnostic::new(
        DiagnosticKind::UnknownState,
        format!("state `{id}` is not in states.yaml"),
    );
    match did_you_mean(id, known.iter().map(String::as_str)) {
        Some(m) => d.help(format!("did you mean `{m}`?")),
        None => d.help("add the state to states.yaml, with its ISO 3166-1 alpha-3 code as id"),
    }
}

fn unknown_org(id: &str, known: &BTreeSet<String>) -> Diagnostic {
    let d = Diagnostic::new(
        DiagnosticKind::UnknownOrganization,
        format!("organisation `{id}` is not defined in any organization.yaml"),
    );
    match did_you_mean(id, known.iter().map(String::as_str)) {
        Some(m) => d.help(format!("did you mean `{m}`?")),
        None => d.help("define it in an organization.yaml"),
    }
}

fn unknown_summit(id: &str, known: &BTreeMap<String, Summit>) -> Diagnostic {
    let d = Diagnostic::new(
        DiagnosticKind::UnknownSummit,
        format!("summit `{id}` is not in any summits.yaml"),
    );
    match did_you_mean(id, known.keys().map(String::as_str)) {
        Some(m) => d.help(format!("did you mean `{m}`?")),
        None => d.help("add the summit to the organisation's summits.yaml"),
    }
}

/// The organisation of an entry: its `organization:` field, or the
/// folder's own.
fn org_of<T>(
    ctx: &mut Ctx<'_>,
    field: &Option<S<String>>,
    default: &Option<String>,
    anchor: &S<T>,
    orgs_ok: bool,
    org_ids: &BTreeSet<String>,
) -> String {
    match (field, default) {
        (Some(o), _) => {
            if orgs_ok && !org_ids.contains(&o.value) {
                ctx.at(o, unknown_org(&o.value, org_ids));
            }
            o.value.clone()
        }
        (None, Some(d)) => d.clone(),
        (None, None) => {
            if orgs_ok {
                ctx.at(
                    anchor,
                    Diagnostic::new(
                        DiagnosticKind::UnknownOrganization,
                        "this folder defines no organisation",
                    )
                    .help("add organization.yaml to the folder"),
                );
            }
            String::new()
        }
    }
}

/// Parses and validates `files` into a [`Dataset`], or reports every
/// problem found.
pub(crate) fn load_files(files: &[InputFile]) -> Result<Dataset, Error> {
    let mut diags = Vec::new();
    let mut raw_states = Vec::new();
    let mut raw_sources = Vec::new();
    let mut raw_orgs = Vec::new();
    let mut status_files: Vec<(&InputFile, String)> = Vec::new();
    let mut raw_summits = Vec::new();
    let mut raw_chairs = Vec::new();
    let mut raw_officials = Vec::new();
    let mut raw_events = Vec::new();
    let mut summits_ok = true;
    let mut statuses_ok = true;
    // Whether each reference set is complete; if a file failed to parse,
    // references into it are not checked (they would all look unknown).
    let mut states_ok = true;
    let mut sources_ok = true;
    let mut orgs_ok = true;
    for f in files {
        match &f.role {
            Role::States => match parse::<RawState>(f, "states", &mut diags) {
                Some(v) => raw_states.push((f, v)),
                None => states_ok = false,
            },
            Role::Sources => {
                match parse::<RawSource>(f, "sources", &mut diags) {
                    Some(v) => raw_sources.push((f, v)),
                    None => sources_ok = false,
                }
            }
            Role::Organizations(folder) => {
                match parse::<RawOrganization>(f, "organisations", &mut diags)
                {
                    Some(v) => raw_orgs.push((f, folder.clone(), v)),
                    None => orgs_ok = false,
                }
            }
            Role::Statuses(folder) => {
                // Parsed later, file by file and in parallel, once the
                // files they refer to are known.
                status_files.push((f, folder.clone()));
            }
            Role::Summits(folder) => {
                match parse::<RawSummit>(f, "summits", &mut diags) {
                    Some(v) => raw_summits.push((f, folder.clone(), v)),
                    None => summits_ok = false,
                }
            }
            Role::Chairs(folder) => {
                if let Some(v) =
                    parse::<RawChair>(f, "chair terms", &mut diags)
                {
                    raw_chairs.push((f, folder.clone(), v));
                }
            }
            Role::Officials(folder) => {
                if let Some(v) =
                    parse::<RawOfficial>(f, "office terms", &mut diags)
                {
                    raw_officials.push((f, folder.clone(), v));
                }
            }
            Role::Events(folder) => {
                if let Some(v) = parse::<RawEvent>(f, "events", &mut diags) {
                    raw_events.push((f, folder.clone(), v));
                }
            }
        }
    }

    let mut data = Dataset::default();

    // Sources first: everything cites them.
    let mut source_ids = BTreeSet::new();
    for (f, list) in &raw_sources {
        let mut ctx = Ctx { diags: Vec::new(), path: &f.path };
        for r in list {
            if !source_ids.insert(r.id.value.clone()) {
                ctx.at(
                    &r.id,
                    Diagnostic::new(
                        DiagnosticKind::DuplicateId,
                        format!("source `{}` is defined twice", r.id.value),
                    )
                    .help("give each source its own id"),
                );
            }
            if r.id.value.is_empty()
                || r.id.value.contains(char::is_whitespace)
            {
                ctx.at(
                    &r.id,
                    Diagnostic::new(
                        DiagnosticKind::InvalidValue,
                        format!(
                            "source id `{}` must be non-empty, without spaces",
                            r.id.value
                        ),
                    ),
                );
            }
            if !(r.url.value.starts_with("http://")
                || r.url.value.starts_with("https://"))
            {
                ctx.at(
                    &r.url,
                    Diagnostic::new(
                        DiagnosticKind::InvalidValue,
                        format!(
                            "source url `{}` is not an http(s) address",
                            r.url.value
                        ),
                    )
                    .help("give the address where the source was read"),
                );
            }
            if r.title.value.trim().is_empty() {
                ctx.at(
                    &r.title,
                    Diagnostic::new(
                        DiagnosticKind::InvalidValue,
                        "empty source title",
                    ),
                );
            }
            let published =
                r.published.as_ref().and_then(|p| date_of(&mut ctx, p));
            data.sources.push(Source {
                id: SourceId::new(r.id.value.clone()),
                title: r.title.value.clone(),
                url: r.url.value.clone(),
                publisher: r.publisher.clone(),
                published,
                quote: r.quote.clone(),
                note: r.note.clone(),
            });
        }
        diags.extend(ctx.diags);
    }
    let known_sources = sources_ok.then_some(&source_ids);

    // States.
    let mut state_ids = BTreeSet::new();
    let mut iso2s = BTreeSet::new();
    for (f, list) in &raw_states {
        let mut ctx = Ctx { diags: Vec::new(), path: &f.path };
        for r in list {
            let id = &r.id.value;
            if !is_upper_code(id, 3) {
                ctx.at(
                    &r.id,
                    Diagnostic::new(
                        DiagnosticKind::InvalidValue,
                        format!(
                            "state id `{id}` is not an ISO 3166-1 alpha-3 code"
                        ),
                    )
                    .help("use three capital letters, e.g. `IND`"),
                );
            }
            if !state_ids.insert(id.clone()) {
                ctx.at(
                    &r.id,
                    Diagnostic::new(
                        DiagnosticKind::DuplicateId,
                        format!("state `{id}` is defined twice"),
                    )
                    .help("keep one entry per state"),
                );
            }
            if !is_upper_code(&r.iso2.value, 2) {
                ctx.at(
                    &r.iso2,
                    Diagnostic::new(
                        DiagnosticKind::InvalidValue,
                        format!(
                            "`{}` is not an ISO 3166-1 alpha-2 code",
                            r.iso2.value
                        ),
                    )
                    .help("use two capital letters, e.g. `IN`"),
                );
            } else if !iso2s.insert(r.iso2.value.clone()) {
                ctx.at(
                    &r.iso2,
                    Diagnostic::new(
                        DiagnosticKind::DuplicateId,
                        format!(
                            "alpha-2 code `{}` is used twice",
                            r.iso2.value
                        ),
                    ),
                );
            }
            if let Some(abb) = &r.cow_abbrev
                && !is_upper_code(&abb.value, 3)
            {
                ctx.at(abb, Diagnostic::new(
                        DiagnosticKind::InvalidValue,
                        format!("`{}` is not a COW state abbreviation", abb.value),
                    ).help("COW abbreviations are three capital letters, e.g. `KZK`"));
            }
            if let Some(q) = &r.wikidata
                && !is_qid(&q.value)
            {
                ctx.at(
                    q,
                    Diagnostic::new(
                        DiagnosticKind::InvalidValue,
                        format!("`{}` is not a Wikidata item id", q.value),
                    )
                    .help("write the id as `Q` and digits, e.g. `Q668`"),
                );
            }
            if r.name.value.trim().is_empty() {
                ctx.at(
                    &r.name,
                    Diagnostic::new(
                        DiagnosticKind::InvalidValue,
                        "empty state name",
                    ),
                );
            }
            let sources = check_sources(&mut ctx, &r.sources, known_sources);
            data.states.push(State {
                id: StateId::new(id.clone()),
                iso2: r.iso2.value.clone(),
                name: r.name.value.clone(),
                official_name: r.official_name.clone(),
                aliases: r.aliases.iter().map(|a| a.value.clone()).collect(),
                cow_code: r.cow_code.as_ref().map(|c| c.value),
                cow_abbrev: r.cow_abbrev.as_ref().map(|c| c.value.clone()),
                wikidata: r.wikidata.as_ref().map(|c| c.value.clone()),
                sources,
                note: r.note.clone(),
            });
        }
        diags.extend(ctx.diags);
    }
    let known_states = states_ok.then_some(&state_ids);

    // Organisations; the first of each folder is the folder's default.
    let mut org_ids = BTreeSet::new();
    let mut folder_default: BTreeMap<String, String> = BTreeMap::new();
    for (f, folder, list) in &raw_orgs {
        let mut ctx = Ctx { diags: Vec::new(), path: &f.path };
        if list.is_empty() {
            ctx.diags.push(
                Diagnostic::new(
                    DiagnosticKind::MissingField,
                    format!("`{}` defines no organisation", f.path),
                )
                .at(&f.path, 1, 1),
            );
        }
        for r in list {
            let id = &r.id.value;
            folder_default.entry(folder.clone()).or_insert_with(|| id.clone());
            if id.is_empty()
                || !id.bytes().all(|b| {
                    b.is_ascii_uppercase() || b.is_ascii_digit() || b == b'_'
                })
            {
                ctx.at(&r.id, Diagnostic::new(
                    DiagnosticKind::InvalidValue,
                    format!("organisation id `{id}` must be capital letters, digits or `_`"),
                ));
            }
            if !org_ids.insert(id.clone()) {
                ctx.at(
                    &r.id,
                    Diagnostic::new(
                        DiagnosticKind::DuplicateId,
                        format!("organisation `{id}` is defined twice"),
                    )
                    .help("define each organisation once, in its own folder's organization.yaml"),
                );
            }
            let founded = date_of(&mut ctx, &r.founded);
            let dissolved =
                r.dissolved.as_ref().and_then(|d| date_of(&mut ctx, d));
            if let (Some(a), Some(b), Some(ds)) =
                (founded, dissolved, &r.dissolved)
                && (b.certainly_before(a)
                    || b.first_day() == a.first_day()
                        && a.is_day()
                        && b.is_day())
            {
                ctx.at(ds, Diagnostic::new(
                        DiagnosticKind::OutOfOrder,
                        format!("`{id}` is dissolved on {b}, not after its founding on {a}"),
                    ));
            }
            if let Some(q) = &r.wikidata
                && !is_qid(&q.value)
            {
                ctx.at(
                    q,
                    Diagnostic::new(
                        DiagnosticKind::InvalidValue,
                        format!("`{}` is not a Wikidata item id", q.value),
                    ),
                );
            }
            let sources = check_sources(&mut ctx, &r.sources, known_sources);
            if let Some(founded) = founded {
                data.organizations.push(Organization {
                    id: OrganizationId::new(id.clone()),
                    name: r.name.value.clone(),
                    short_name: r.short_name.value.clone(),
                    other_names: r.other_names.clone(),
                    founded,
                    dissolved,
                    headquarters: r.headquarters.clone(),
                    wikidata: r.wikidata.as_ref().map(|q| q.value.clone()),
                    predecessor: r
                        .predecessor
                        .as_ref()
                        .map(|p| OrganizationId::new(p.value.clone())),
                    successor: r
                        .successor
                        .as_ref()
                        .map(|p| OrganizationId::new(p.value.clone())),
                    sources,
                    note: r.note.clone(),
                });
            }
        }
        diags.extend(ctx.diags);
    }
    // Links between organisations, once all are known.
    if orgs_ok {
        for (f, _, list) in &raw_orgs {
            let mut ctx = Ctx { diags: Vec::new(), path: &f.path };
            for r in list {
                for link in
                    [&r.predecessor, &r.successor].into_iter().flatten()
                {
                    if !org_ids.contains(&link.value) {
                        ctx.at(link, unknown_org(&link.value, &org_ids));
                    }
                }
            }
            diags.extend(ctx.diags);
        }
    }
    let orgs_by_id: BTreeMap<&str, &Organization> =
        data.organizations.iter().map(|o| (o.id.as_str(), o)).collect();

    // Summits, before the histories that refer to them.
    let mut summit_ids: BTreeMap<String, Summit> = BTreeMap::new();
    // Summits with a problem of their own: checks against their days would
    // only repeat it.
    let mut broken_summits: BTreeSet<String> = BTreeSet::new();
    for (f, folder, list) in &raw_summits {
        let mut ctx = Ctx { diags: Vec::new(), path: &f.path };
        let default_org = folder_default.get(folder).cloned();
        for r in list {
            let problems_before = ctx.diags.len();
            let org = org_of(
                &mut ctx,
                &r.organization,
                &default_org,
                &r.id,
                orgs_ok,
                &org_ids,
            );
            let id = &r.id.value;
            if summit_ids.contains_key(id) {
                ctx.at(
                    &r.id,
                    Diagnostic::new(
                        DiagnosticKind::DuplicateId,
                        format!("summit `{id}` is defined twice"),
                    )
                    .help("give each summit its own id"),
                );
            }
            if let Some(known) = known_states
                && !known.contains(&r.host.value)
            {
                ctx.at(&r.host, unknown_state(&r.host.value, known));
            }
            let start = r.start.as_ref().and_then(|d| date_of(&mut ctx, d));
            let end = r.end.as_ref().and_then(|d| date_of(&mut ctx, d));
            let council =
                r.council.as_ref().and_then(|d| date_of(&mut ctx, d));
            let status = match r.status.value.as_str() {
                "held" => Some(SummitStatus::Held),
                "planned" => Some(SummitStatus::Planned),
                other => {
                    ctx.at(&r.status, Diagnostic::new(
                        DiagnosticKind::InvalidValue,
                        format!("unknown summit status `{other}`: expected `held` or `planned`"),
                    ));
                    None
                }
            };
            let format = r.format.as_ref().and_then(|fm| match fm.value.as_str() {
                "in_person" => Some(SummitFormat::InPerson),
                "virtual" => Some(SummitFormat::Virtual),
                "hybrid" => Some(SummitFormat::Hybrid),
                other => {
                    ctx.at(fm, Diagnostic::new(
                        DiagnosticKind::InvalidValue,
                        format!("unknown summit format `{other}`: expected `in_person`, `virtual` or `hybrid`"),
                    ));
                    None
                }
            });
            if status == Some(SummitStatus::Held)
                && start.is_none()
                && r.start.is_none()
            {
                ctx.at(&r.id, Diagnostic::new(
                    DiagnosticKind::MissingField,
                    format!("held summit `{id}` has no `start` date"),
                ).help("give the first day (or the month or year the sources give)"));
            }
            if let (Some(a), Some(b), Some(e)) = (start, end, &r.end)
                && b.certainly_before(a)
            {
                ctx.at(e, Diagnostic::new(
                    DiagnosticKind::OutOfOrder,
                    format!("summit `{id}` ends on {b}, before it starts on {a}"),
                ));
            }
            if let (Some(c), Some(cs)) = (council, &r.council)
                && (start.is_some_and(|a| c.certainly_before(a))
                    || end.is_some_and(|b| b.certainly_before(c)))
            {
                ctx.at(cs, Diagnostic::new(
                    DiagnosticKind::OutOfOrder,
                    format!("the Council day {c} is outside summit `{id}`'s days"),
                ));
            }
            if let Some(o) = orgs_by_id.get(org.as_str()) {
                let first = start.or(end);
                let last = end.or(start);
                if last.is_some_and(|l| l.certainly_before(o.founded))
                    || o.dissolved.is_some_and(|d| {
                        first.is_some_and(|f| d.certainly_before(f) || d == f)
                    })
                {
                    ctx.at(&r.id, Diagnostic::new(
                        DiagnosticKind::Domain,
                        format!(
                            "summit `{id}` ({}) is outside the lifetime of `{}` ({} to {})",
                            first.map_or("?".to_string(), |d| d.to_string()),
                            o.id,
                            o.founded,
                            o.dissolved.map_or("today".to_string(), |d| d.to_string()),
                        ),
                    ).help("the meeting may belong to a predecessor organisation"));
                }
            }
            let sources = check_sources(&mut ctx, &r.sources, known_sources);
            if ctx.diags.len() > problems_before {
                broken_summits.insert(id.clone());
            }
            if let Some(status) = status {
                summit_ids.entry(id.clone()).or_insert(Summit {
                    id: SummitId::new(id.clone()),
                    organization: OrganizationId::new(org),
                    ordinal: r.ordinal,
                    start,
                    end,
                    council,
                    city: r.city.value.clone(),
                    host: StateId::new(r.host.value.clone()),
                    format,
                    status,
                    sources,
                    note: r.note.clone(),
                });
            }
        }
        diags.extend(ctx.diags);
    }
    // The summits as the checks see them: a summit with a problem of its
    // own keeps its id but shows no days, so that nothing is checked
    // against days already reported as wrong.
    let checked_summits: BTreeMap<String, Summit> = summit_ids
        .iter()
        .map(|(id, s)| {
            let mut s = s.clone();
            if broken_summits.contains(id) {
                s.start = None;
                s.end = None;
                s.council = None;
            }
            (id.clone(), s)
        })
        .collect();
    let known_summits = summits_ok.then_some(&checked_summits);

    // Status histories: the bulk of a large data set. Each file is parsed,
    // checked and turned into model values on its own, in parallel, so
    // that its raw form is dropped before the next is read.
    let problems_before_histories = diags.len();
    let check_file = |f: &InputFile, folder: &str| -> HistoryFile {
        let mut parse_diags = Vec::new();
        let Some(list) = parse::<RawAffiliation>(
            f,
            "state status histories",
            &mut parse_diags,
        ) else {
            return HistoryFile {
                diags: parse_diags,
                histories: Vec::new(),
                parsed: false,
            };
        };
        let mut ctx = Ctx { diags: parse_diags, path: &f.path };
        let default_org = folder_default.get(folder).cloned();
        let mut histories = Vec::with_capacity(list.len());
        for r in &list {
            let org = match (&r.organization, &default_org) {
                (Some(o), _) => {
                    if orgs_ok && !org_ids.contains(&o.value) {
                        ctx.at(o, unknown_org(&o.value, &org_ids));
                    }
                    o.value.clone()
                }
                (None, Some(d)) => d.clone(),
                (None, None) => {
                    if orgs_ok {
                        ctx.at(&r.state, Diagnostic::new(
                            DiagnosticKind::UnknownOrganization,
                            format!("folder `{folder}` defines no organisation for this history"),
                        ).help("add organization.yaml to the folder, or an `organization:` field"));
                    }
                    continue;
                }
            };
            let state = &r.state.value;
            if let Some(known) = known_states
                && !known.contains(state)
            {
                ctx.at(&r.state, unknown_state(state, known));
            }
            if r.transitions.value.is_empty() {
                ctx.at(
                    &r.transitions,
                    Diagnostic::new(
                        DiagnosticKind::MissingField,
                        format!("`{state}` has no transitions"),
                    ),
                );
            }
            let organization = orgs_by_id.get(org.as_str()).copied();
            let transitions = check_transitions(
                &mut ctx,
                state,
                organization,
                &r.transitions.value,
                known_sources,
                known_summits,
            );
            histories.push((
                Affiliation {
                    organization: OrganizationId::new(org),
                    state: StateId::new(state.clone()),
                    transitions,
                    note: r.note.clone(),
                },
                r.state.referenced.line() as u32,
                r.state.referenced.column() as u32,
            ));
        }
        HistoryFile { diags: ctx.diags, histories, parsed: true }
    };
    let total: usize = status_files.iter().map(|(f, _)| f.text.len()).sum();
    let threads = if total < PARALLEL_BYTES {
        1
    } else {
        std::thread::available_parallelism().map_or(1, |n| n.get())
    };
    let results: Vec<HistoryFile> = if threads <= 1 || status_files.len() < 2 {
        status_files.iter().map(|(f, folder)| check_file(f, folder)).collect()
    } else {
        let chunk = status_files.len().div_ceil(threads);
        std::thread::scope(|scope| {
            let handles: Vec<_> = status_files
                .chunks(chunk)
                .map(|part| {
                    let check_file = &check_file;
                    scope.spawn(move || {
                        part.iter()
                            .map(|(f, folder)| check_file(f, folder))
                            .collect::<Vec<_>>()
                    })
                })
                .collect();
            handles
                .into_iter()
                .flat_map(|h| h.join().expect("a checking thread panicked"))
                .collect()
        })
    };
    let mut seen_pairs: BTreeSet<(OrganizationId, StateId)> = BTreeSet::new();
    for ((f, _), result) in status_files.iter().zip(results) {
        statuses_ok &= result.parsed;
        diags.extend(result.diags);
        for (aff, line, column) in result.histories {
            if !seen_pairs
                .insert((aff.organization.clone(), aff.state.clone()))
            {
                diags.push(
                    Diagnostic::new(
                        DiagnosticKind::DuplicateId,
                        format!(
                            "`{}` has two status histories in `{}`",
                            aff.state, aff.organization
                        ),
                    )
                    .help("merge them into one list of transitions")
                    .at(&f.path, line, column),
                );
            }
            data.affiliations.push(aff);
        }
    }

    // Chairs, officials and events: checked against the histories, when
    // those are complete and valid (else every check would fail with them).
    let histories_ok = statuses_ok
        && orgs_ok
        && states_ok
        && diags.len() == problems_before_histories;
    let histories: BTreeMap<(&str, &str), &Vec<Transition>> = data
        .affiliations
        .iter()
        .map(|a| ((a.organization.as_str(), a.state.as_str()), &a.transitions))
        .collect();
    let member_on = |org: &str, state: &str, day: Date| -> bool {
        match (orgs_by_id.get(org), histories.get(&(org, state))) {
            (Some(o), Some(ts)) => {
                status_on(o, ts, day, Basis::Effective).0
                    == StatusOn::Certain(Status::Member)
            }
            _ => false,
        }
    };
    let mut chairs: Vec<ChairTerm> = Vec::new();
    for (f, folder, list) in &raw_chairs {
        let mut ctx = Ctx { diags: Vec::new(), path: &f.path };
        let default_org = folder_default.get(folder).cloned();
        let mut terms: Vec<(ChairTerm, &RawChair)> = Vec::new();
        for r in list {
            let org = org_of(
                &mut ctx,
                &r.organization,
                &default_org,
                &r.state,
                orgs_ok,
                &org_ids,
            );
            if let Some(known) = known_states
                && !known.contains(&r.state.value)
            {
                ctx.at(&r.state, unknown_state(&r.state.value, known));
            }
            let start = date_of(&mut ctx, &r.start);
            let evidence = match r.evidence.value.as_str() {
                "sourced" => Some(Evidence::Sourced),
                "inferred" => Some(Evidence::Inferred),
                other => {
                    ctx.at(&r.evidence, Diagnostic::new(
                        DiagnosticKind::InvalidValue,
                        format!("unknown evidence `{other}`: expected `sourced` or `inferred`"),
                    ));
                    None
                }
            };
            if let (Some(e), Some(known)) = (&r.ended_by, known_summits)
                && !known.contains_key(&e.value)
            {
                ctx.at(e, unknown_summit(&e.value, known));
            }
            let sources = check_sources(&mut ctx, &r.sources, known_sources);
            if let (Some(start), Some(evidence)) = (start, evidence) {
                terms.push((
                    ChairTerm {
                        organization: OrganizationId::new(org),
                        state: StateId::new(r.state.value.clone()),
                        start,
                        end: None,
                        ended_by: r
                            .ended_by
                            .as_ref()
                            .map(|e| SummitId::new(e.value.clone())),
                        evidence,
                        irregular: r.irregular.clone(),
                        sources,
                        note: r.note.clone(),
                    },
                    r,
                ));
            }
        }
        for i in 0..terms.len() {
            let next_start = terms.get(i + 1).map(|(t, _)| t.start);
            let (term, raw) = &terms[i];
            if let Some(next) = next_start {
                let next_raw = terms[i + 1].1;
                if next.certainly_before(term.start) || next == term.start {
                    ctx.at(&next_raw.start, Diagnostic::new(
                        DiagnosticKind::OutOfOrder,
                        format!("chair terms out of order: {next} is not after {}", term.start),
                    ).help("list chair terms oldest first"));
                } else if next_raw.irregular.is_none() {
                    // The term ends at its summit's Council; the next must
                    // start that day, or the data must say why not.
                    let ended = term
                        .ended_by
                        .as_ref()
                        .and_then(|s| checked_summits.get(s.as_str()))
                        .and_then(Summit::handover_day);
                    match ended {
                        Some(day) if day != next => {
                            let what = if day.certainly_before(next) {
                                "a gap"
                            } else {
                                "an overlap"
                            };
                            ctx.at(&next_raw.start, Diagnostic::new(
                                DiagnosticKind::Domain,
                                format!(
                                    "{what} between chair terms: `{}`'s term ended on {day}, `{}`'s starts on {next}",
                                    term.state, terms[i + 1].0.state
                                ),
                            ).help("correct the dates, or explain the exception in `irregular:`"));
                        }
                        None if term.ended_by.is_none() => {
                            ctx.at(&raw.start, Diagnostic::new(
                                DiagnosticKind::MissingField,
                                format!("`{}`'s chair term has a successor but no `ended_by` summit", term.state),
                            ).help("name the summit whose Council handed the chair over"));
                        }
                        _ => {}
                    }
                }
            }
            if histories_ok
                && !member_on(
                    term.organization.as_str(),
                    term.state.as_str(),
                    term.start,
                )
            {
                ctx.at(&raw.state, Diagnostic::new(
                    DiagnosticKind::Domain,
                    format!(
                        "chair `{}` was not a member of `{}` on {}",
                        term.state, term.organization, term.start
                    ),
                ).help("only member states chair; check the state and the start date"));
            }
        }
        for i in 0..terms.len() {
            let end = terms.get(i + 1).map(|(t, _)| t.start);
            terms[i].0.end = end;
        }
        chairs.extend(terms.into_iter().map(|(t, _)| t));
        diags.extend(ctx.diags);
    }

    let mut offices: Vec<OfficeTerm> = Vec::new();
    for (f, folder, list) in &raw_officials {
        let mut ctx = Ctx { diags: Vec::new(), path: &f.path };
        let default_org = folder_default.get(folder).cloned();
        let mut terms: Vec<(OfficeTerm, &RawOfficial)> = Vec::new();
        for r in list {
            let org = org_of(
                &mut ctx,
                &r.organization,
                &default_org,
                &r.person,
                orgs_ok,
                &org_ids,
            );
            let office = match r.office.value.as_str() {
                "secretary_general" => Some(Office::SecretaryGeneral),
                other => {
                    ctx.at(&r.office, Diagnostic::new(
                        DiagnosticKind::InvalidValue,
                        format!("unknown office `{other}`: expected `secretary_general`"),
                    ));
                    None
                }
            };
            if let Some(known) = known_states
                && !known.contains(&r.nationality.value)
            {
                ctx.at(
                    &r.nationality,
                    unknown_state(&r.nationality.value, known),
                );
            }
            let start = date_of(&mut ctx, &r.start);
            let scheduled_end =
                r.scheduled_end.as_ref().and_then(|d| date_of(&mut ctx, d));
            let appointed =
                r.appointed.as_ref().and_then(|d| date_of(&mut ctx, d));
            if let (Some(a), Some(s), Some(raw_a)) =
                (appointed, start, &r.appointed)
                && s.certainly_before(a)
            {
                ctx.at(
                    raw_a,
                    Diagnostic::new(
                        DiagnosticKind::OutOfOrder,
                        format!(
                            "appointed on {a}, after taking office on {s}"
                        ),
                    ),
                );
            }
            if let (Some(at), Some(known)) = (&r.appointed_at, known_summits) {
                match known.get(&at.value) {
                    None => ctx.at(at, unknown_summit(&at.value, known)),
                    Some(summit) => {
                        if let (Some(a), Some(x), Some(y)) =
                            (appointed, summit.start, summit.end)
                            && (a.certainly_before(x) || y.certainly_before(a))
                        {
                            ctx.at(at, Diagnostic::new(
                                DiagnosticKind::Domain,
                                format!("appointed on {a}, but summit `{}` met on {}", summit.id, summit.days()),
                            ));
                        }
                    }
                }
            }
            let pid = &r.person_id.value;
            if pid.is_empty()
                || !pid.bytes().all(|b| {
                    b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-'
                })
            {
                ctx.at(&r.person_id, Diagnostic::new(
                    DiagnosticKind::InvalidValue,
                    format!("person id `{pid}` must be lowercase letters, digits and `-`"),
                ));
            }
            let sources = check_sources(&mut ctx, &r.sources, known_sources);
            if let (Some(office), Some(start)) = (office, start) {
                terms.push((
                    OfficeTerm {
                        office,
                        organization: OrganizationId::new(org),
                        person: PersonId::new(pid.clone()),
                        name: r.person.value.clone(),
                        other_names: r.other_names.clone(),
                        nationality: StateId::new(r.nationality.value.clone()),
                        start,
                        end: None,
                        scheduled_end,
                        appointed,
                        appointed_at: r
                            .appointed_at
                            .as_ref()
                            .map(|s| SummitId::new(s.value.clone())),
                        sources,
                        note: r.note.clone(),
                    },
                    r,
                ));
            }
        }
        for i in 0..terms.len() {
            let (term, raw) = &terms[i];
            if let Some((next, next_raw)) =
                terms[i + 1..].iter().find(|(t, _)| {
                    t.office == term.office
                        && t.organization == term.organization
                })
                && (next.start.certainly_before(term.start)
                    || next.start == term.start)
            {
                ctx.at(
                    &next_raw.start,
                    Diagnostic::new(
                        DiagnosticKind::OutOfOrder,
                        format!(
                            "office terms out of order: {} is not after {}",
                            next.start, term.start
                        ),
                    )
                    .help("list office holders oldest first"),
                );
            }
            if histories_ok
                && !member_on(
                    term.organization.as_str(),
                    term.nationality.as_str(),
                    term.start.first_day(),
                )
            {
                ctx.at(&raw.nationality, Diagnostic::new(
                    DiagnosticKind::Domain,
                    format!(
                        "{} ({}) took office on {}, when `{}` was not a member of `{}`",
                        term.name, term.nationality, term.start, term.nationality, term.organization
                    ),
                ).help("the Secretary-General comes from a member state; check nationality and date"));
            }
        }
        for i in 0..terms.len() {
            let (office, org) =
                (terms[i].0.office, terms[i].0.organization.clone());
            let end = terms[i + 1..]
                .iter()
                .find(|(t, _)| t.office == office && t.organization == org)
                .map(|(t, _)| t.start);
            terms[i].0.end = end;
        }
        offices.extend(terms.into_iter().map(|(t, _)| t));
        diags.extend(ctx.diags);
    }

    let mut events: Vec<Event> = Vec::new();
    let mut event_ids = BTreeSet::new();
    for (f, folder, list) in &raw_events {
        let mut ctx = Ctx { diags: Vec::new(), path: &f.path };
        let default_org = folder_default.get(folder).cloned();
        for r in list {
            let org = org_of(
                &mut ctx,
                &r.organization,
                &default_org,
                &r.id,
                orgs_ok,
                &org_ids,
            );
            if !event_ids.insert(r.id.value.clone()) {
                ctx.at(
                    &r.id,
                    Diagnostic::new(
                        DiagnosticKind::DuplicateId,
                        format!("event `{}` is defined twice", r.id.value),
                    ),
                );
            }
            let kind = match r.kind.value.as_str() {
                "founding_act" => Some(EventKind::FoundingAct),
                "institution" => Some(EventKind::Institution),
                "other" => Some(EventKind::Other),
                other => {
                    ctx.at(&r.kind, Diagnostic::new(
                        DiagnosticKind::InvalidValue,
                        format!("unknown event kind `{other}`: expected `founding_act`, `institution` or `other`"),
                    ));
                    None
                }
            };
            let date = date_of(&mut ctx, &r.date);
            let sources = check_sources(&mut ctx, &r.sources, known_sources);
            if let (Some(kind), Some(date)) = (kind, date) {
                events.push(Event {
                    id: EventId::new(r.id.value.clone()),
                    organization: OrganizationId::new(org),
                    kind,
                    title: r.title.value.clone(),
                    date,
                    place: r.place.clone(),
                    sources,
                    note: r.note.clone(),
                });
            }
        }
        diags.extend(ctx.diags);
    }
    drop(histories);
    data.summits = summit_ids.into_values().collect();
    data.chairs = chairs;
    data.offices = offices;
    data.events = events;

    if diags.is_empty() {
        data.affiliations.sort_by(|a, b| {
            (&a.organization, &a.state).cmp(&(&b.organization, &b.state))
        });
        Ok(data)
    } else {
        Err(Error::new(diags))
    }
}

fn check_transitions(
    ctx: &mut Ctx<'_>,
    state: &str,
    org: Option<&Organization>,
    raw: &[S<RawTransition>],
    known_sources: Option<&BTreeSet<String>>,
    known_summits: Option<&BTreeMap<String, Summit>>,
) -> Vec<Transition> {
    let mut out: Vec<(Transition, &S<RawTransition>)> = Vec::new();
    for rt in raw {
        let t = &rt.value;
        let status = match t.status.value.parse::<Status>() {
            Ok(s) => Some(s),
            Err(msg) => {
                ctx.at(
                    &t.status,
                    Diagnostic::new(DiagnosticKind::InvalidValue, msg),
                );
                None
            }
        };
        let (decided, effective) = match (&t.date, &t.decided, &t.effective) {
            (Some(d), None, None) => {
                let d = date_of(ctx, d);
                (d, d)
            }
            (Some(d), _, _) => {
                ctx.at(d, Diagnostic::new(
                    DiagnosticKind::InvalidValue,
                    "`date` together with `decided`/`effective`",
                ).help("`date` is shorthand for both being the same day; write either `date`, or `decided` and `effective`"));
                (None, None)
            }
            (None, None, None) => {
                ctx.at(
                    rt,
                    Diagnostic::new(
                        DiagnosticKind::MissingField,
                        "transition without a date",
                    )
                    .help("add `date`, or `decided` and/or `effective`"),
                );
                (None, None)
            }
            (None, dec, eff) => (
                dec.as_ref().and_then(|d| date_of(ctx, d)),
                eff.as_ref().and_then(|d| date_of(ctx, d)),
            ),
        };
        if let (Some(dec), Some(eff), Some(eff_s)) =
            (decided, effective, &t.effective)
            && eff.certainly_before(dec)
        {
            ctx.at(
                eff_s,
                Diagnostic::new(
                    DiagnosticKind::OutOfOrder,
                    format!(
                        "takes effect on {eff}, before it was decided on {dec}"
                    ),
                )
                .help("check the two dates against the sources"),
            );
        }
        let sources = check_sources(ctx, &t.sources, known_sources);
        if let (Some(sref), Some(known)) = (&t.summit, known_summits) {
            match known.get(&sref.value) {
                None => ctx.at(sref, unknown_summit(&sref.value, known)),
                Some(summit) => {
                    // A decision taken at a summit falls on one of its days.
                    if let (Some(dec), Some(a), Some(b)) =
                        (decided.or(effective), summit.start, summit.end)
                        && (dec.certainly_before(a) || b.certainly_before(dec))
                    {
                        ctx.at(sref, Diagnostic::new(
                            DiagnosticKind::Domain,
                            format!(
                                "decided on {dec}, but summit `{}` met on {}",
                                summit.id,
                                summit.days()
                            ),
                        ).help("correct the decision date or the summit"));
                    }
                }
            }
        }
        if let Some(status) = status {
            out.push((
                Transition {
                    status,
                    decided,
                    effective,
                    sources: sources.into(),
                    note: t.note.as_deref().map(Arc::from),
                    summit: t
                        .summit
                        .as_ref()
                        .map(|s| SummitId::new(s.value.clone())),
                },
                rt,
            ));
        }
    }
    // Domain rules over the sequence.
    for (i, (t, rt)) in out.iter().enumerate() {
        if i == 0 && t.status == Status::None {
            ctx.at(
                &rt.value.status,
                Diagnostic::new(
                    DiagnosticKind::Domain,
                    format!("`{state}`'s first transition is to `none`"),
                )
                .help("a history starts with the first status the state held"),
            );
        }
        if i > 0 && out[i - 1].0.status == t.status {
            ctx.at(&rt.value.status, Diagnostic::new(
                DiagnosticKind::Domain,
                format!("`{state}` becomes {} again without leaving", t.status.label()),
            ).help("remove the repeated transition, or put the status in between"));
        }
        if t.is_pending() && i + 1 < out.len() {
            ctx.at(rt, Diagnostic::new(
                DiagnosticKind::Domain,
                format!("`{state}` has a transition after one that never took effect"),
            ).help("give the earlier transition its `effective` date"));
        }
        if let Some(org) = org {
            let mut dates: Vec<Date> =
                [t.decided, t.effective].into_iter().flatten().collect();
            dates.dedup();
            for date in dates {
                if date.certainly_before(org.founded) {
                    ctx.at(rt, Diagnostic::new(
                        DiagnosticKind::Domain,
                        format!("{date} is before `{}` was founded on {}", org.id, org.founded),
                    ).help("the transition may belong to a predecessor organisation"));
                } else if org.dissolved.is_some_and(|end| {
                    end.certainly_before(date) || end == date
                }) {
                    ctx.at(rt, Diagnostic::new(
                        DiagnosticKind::Domain,
                        format!("{date} is not before `{}` ceased to exist on {}", org.id, org.dissolved.unwrap_or(date)),
                    ));
                }
            }
        }
        if i > 0 {
            let prev = &out[i - 1].0;
            for basis in [Basis::Effective, Basis::Decided] {
                if let (Some(a), Some(b)) = (prev.start(basis), t.start(basis))
                {
                    if b.certainly_before(a) {
                        ctx.at(rt, Diagnostic::new(
                            DiagnosticKind::OutOfOrder,
                            format!("`{state}`'s transitions are out of order: {b} ({}) comes after {a} ({})", t.status, prev.status),
                        ).help("list transitions oldest first"));
                        break;
                    }
                    if a.is_day() && b.is_day() && a == b {
                        ctx.at(rt, Diagnostic::new(
                            DiagnosticKind::Domain,
                            format!("`{state}` would hold two statuses at once: {} and {} both start on {a}", prev.status, t.status),
                        ).help("a state holds one status a day; drop one transition or correct its date"));
                        break;
                    }
                }
            }
        }
    }
    out.into_iter().map(|(t, _)| t).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strips_saphyr_location_prefixes() {
        assert_eq!(
            clean_message("line 3 column 5: unclosed bracket '['"),
            "unclosed bracket '['"
        );
        assert_eq!(
            clean_message("error: missing field `x` at line 2 column 1"),
            "missing field `x`"
        );
    }

    #[test]
    fn counts_lines_and_columns() {
        assert_eq!(line_col(b"ab\ncd"), (2, 3));
        assert_eq!(line_col(b""), (1, 1));
    }
}
