//! The only file that names the YAML crate (serde-saphyr): text to schema
//! documents, the parser's budgets, and its typed errors turned into
//! diagnostics. A change of YAML crate is a change of this file.

use serde::Deserialize;
use serde::de::{DeserializeOwned, IgnoredAny};
use serde_saphyr::budget::BudgetBreach;
use serde_saphyr::granit_parser::ErrorKind as ScanKind;
use serde_saphyr::{Error as YamlError, ExternalMessageSource, Tagged};

use super::files::InputFile;
use super::schema::{Located, Text};
use super::sink::{Part, Sink};
use super::{MAX_ALIAS_EVENTS, MAX_ALIASES, MAX_DEPTH, MAX_LINE_BYTES};
use crate::error::{Diagnostic, DiagnosticKind};

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Located<T> {
    fn deserialize<D: serde::Deserializer<'de>>(
        d: D,
    ) -> Result<Located<T>, D::Error> {
        let Tagged(s, tag) =
            Tagged::<serde_saphyr::Spanned<T>>::deserialize(d)?;
        if let Some(tag) = tag {
            // A tag changes how a value is read (`!!binary` decodes
            // base64): data files hold values as written.
            return Err(tagged(&tag));
        }
        Ok(Located {
            value: s.value,
            line: s.referenced.line() as u32,
            column: s.referenced.column() as u32,
        })
    }
}

impl<'de> Deserialize<'de> for Text {
    fn deserialize<D: serde::Deserializer<'de>>(
        d: D,
    ) -> Result<Text, D::Error> {
        let Tagged(text, tag) = Tagged::<String>::deserialize(d)?;
        match tag {
            Some(tag) => Err(tagged(&tag)),
            None => Ok(Text(text)),
        }
    }
}

/// The start of the message for a tagged value, so that its diagnostic can
/// be told from the parser's own.
const TAGGED: &str = "a value tagged";

fn tagged<E: serde::de::Error>(tag: &str) -> E {
    let tag = tag
        .strip_prefix("tag:yaml.org,2002:")
        .map_or(tag.to_string(), |t| format!("!!{t}"));
    E::custom(format!(
        "{TAGGED} `{tag}`: data files hold plain values, without YAML tags"
    ))
}

fn options() -> serde_saphyr::Options {
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
}

/// The entries of one data file (a YAML list of `what`), or `None` after
/// reporting why the text cannot be read as such.
pub(crate) fn parse<T: DeserializeOwned>(
    file: &InputFile,
    part: Part,
    what: &str,
    sink: &mut Sink,
) -> Option<Vec<T>> {
    let text = file.text.strip_prefix('\u{FEFF}').unwrap_or(&file.text);
    if let Some(d) = shape_problem(text, &file.path, what) {
        sink.unread(part, d);
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
            sink.unread(part, diagnostic(&file.path, &e, what));
            None
        }
    }
}

/// A file with no data, or with a line too long to be data.
fn shape_problem(text: &str, path: &str, what: &str) -> Option<Diagnostic> {
    if text.lines().all(|l| {
        let l = l.trim();
        l.is_empty() || l.starts_with('#') || l == "---"
    }) {
        return Some(
            Diagnostic::new(
                DiagnosticKind::Syntax,
                format!("`{path}` holds no data"),
            )
            .at(path, 1, 1)
            .help(format!("write a YAML list of {what}, or `[]` for none")),
        );
    }
    let (i, line) = text
        .split('\n')
        .enumerate()
        .find(|(_, l)| l.len() > MAX_LINE_BYTES)?;
    Some(
        Diagnostic::new(
            DiagnosticKind::Limit,
            format!(
                "line {} is {} bytes long, over the limit of {MAX_LINE_BYTES}",
                i + 1,
                line.len()
            ),
        )
        .at(path, i as u32 + 1, 1)
        .help(
            "break the value over several lines, or check that this is a data file",
        ),
    )
}

const NO_ALIASES: &str =
    "data files need no anchors or aliases: write the values out";

/// A parser error as a diagnostic, classified by the error's variant.
fn diagnostic(path: &str, e: &YamlError, what: &str) -> Diagnostic {
    let (line, column) =
        e.location().map_or((0, 0), |l| (l.line() as u32, l.column() as u32));
    let message = clean_message(&e.without_snippet().to_string());
    let e = original(e);
    let (kind, message, help) = match e {
        YamlError::SerdeUnknownField { .. } => (
            DiagnosticKind::UnknownField,
            message,
            "check the spelling; the README lists the fields".to_string(),
        ),
        YamlError::SerdeMissingField { .. } => (
            DiagnosticKind::MissingField,
            message,
            "add the field; the README lists the required fields".to_string(),
        ),
        YamlError::DuplicateMappingKey { .. } => (
            DiagnosticKind::DuplicateKey,
            message,
            "keep one of the keys".to_string(),
        ),
        YamlError::RecursiveReferencesRequireWeakTypes { .. } => (
            DiagnosticKind::Limit,
            "an alias refers to the anchor that contains it (a cycle)"
                .to_string(),
            NO_ALIASES.to_string(),
        ),
        YamlError::Budget { breach: BudgetBreach::Depth { .. }, .. }
        | YamlError::AliasReplayStackDepthExceeded { .. } => (
            DiagnosticKind::Limit,
            format!("nested deeper than {MAX_DEPTH} levels"),
            "data files nest four levels deep; check for unclosed brackets"
                .to_string(),
        ),
        YamlError::ExternalMessage { source, .. }
            if matches!(
                &**source,
                ExternalMessageSource::Parser(scan)
                    if matches!(scan.kind(), ScanKind::RecursionLimitExceeded)
            ) =>
        (
            DiagnosticKind::Limit,
            format!("nested deeper than {MAX_DEPTH} levels"),
            "data files nest four levels deep; check for unclosed brackets"
                .to_string(),
        ),
        YamlError::Budget { .. }
        | YamlError::AliasReplayCounterOverflow { .. }
        | YamlError::AliasReplayLimitExceeded { .. }
        | YamlError::AliasExpansionLimitExceeded { .. } => (
            DiagnosticKind::Limit,
            format!(
                "aliases expand beyond the budget ({MAX_ALIASES} aliases, \
                 {MAX_ALIAS_EVENTS} replayed events)"
            ),
            NO_ALIASES.to_string(),
        ),
        YamlError::MultipleDocuments { .. } => (
            DiagnosticKind::Syntax,
            "more than one YAML document (a `---` line in the middle)"
                .to_string(),
            format!(
                "a data file is one YAML list of {what}: remove the `---` line"
            ),
        ),
        YamlError::SerdeInvalidType { .. }
        | YamlError::SerdeInvalidValue { .. }
        | YamlError::SerdeInvalidLength { .. }
        | YamlError::InvalidScalar { .. }
        | YamlError::Unexpected { .. }
        | YamlError::UnexpectedSequenceEnd { .. }
        | YamlError::UnexpectedMappingEnd { .. }
        | YamlError::NullIntoString { .. } => (
            DiagnosticKind::WrongType,
            message,
            format!(
                "the file is a YAML list of {what}; see the README for each field's type"
            ),
        ),
        _ => (
            DiagnosticKind::Syntax,
            message,
            "fix the YAML syntax at this place".to_string(),
        ),
    };
    Diagnostic::new(kind, message).help(help).at(path, line, column)
}

/// The error behind the alias and snippet wrappers.
fn original(mut e: &YamlError) -> &YamlError {
    while let YamlError::AliasError { error, .. }
    | YamlError::WithSnippet { error, .. } = e
    {
        e = error;
    }
    e
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
}
