//! The only file that names the YAML crate (serde-saphyr): text to schema
//! documents, the parser's budgets, and its typed errors turned into
//! diagnostics. A change of YAML crate is a change of this file.

use serde::Deserialize;
use serde::de::{DeserializeOwned, IgnoredAny};
use serde_saphyr::budget::BudgetBreach;
use serde_saphyr::granit_parser::ErrorKind as ScanKind;
use serde_saphyr::{Error as YamlError, ExternalMessageSource, Tagged};

use super::files::InputFile;
use super::schema::{Located, Text, Whole};
use super::sink::{Part, Sink};
use super::{
    MAX_ALIAS_EVENTS, MAX_ALIASES, MAX_DEPTH, MAX_FILE_BYTES, MAX_LINE_BYTES,
};
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

impl<'de, T: TryFrom<u64>> Deserialize<'de> for Whole<T> {
    fn deserialize<D: serde::Deserializer<'de>>(
        d: D,
    ) -> Result<Whole<T>, D::Error> {
        struct Number<T>(std::marker::PhantomData<T>);
        impl<T: TryFrom<u64>> serde::de::Visitor<'_> for Number<T> {
            type Value = Whole<T>;
            fn expecting(
                &self,
                f: &mut std::fmt::Formatter<'_>,
            ) -> std::fmt::Result {
                f.write_str("a whole number")
            }
            fn visit_u64<E: serde::de::Error>(
                self,
                v: u64,
            ) -> Result<Whole<T>, E> {
                T::try_from(v).map(Whole).map_err(|_| {
                    E::custom(format!(
                        "{NUMBER} {v} is too large for this field"
                    ))
                })
            }
            fn visit_i64<E: serde::de::Error>(
                self,
                v: i64,
            ) -> Result<Whole<T>, E> {
                match u64::try_from(v) {
                    Ok(v) => self.visit_u64(v),
                    Err(_) => {
                        Err(E::custom(format!("{NUMBER} {v} is negative")))
                    }
                }
            }
            fn visit_str<E: serde::de::Error>(
                self,
                v: &str,
            ) -> Result<Whole<T>, E> {
                let ty = std::any::type_name::<T>();
                if v.trim().parse::<u64>().is_ok() {
                    Err(E::custom(format!(
                        "{NUMBER} was expected, and `\"{v}\"` is text: a number in quotes is not read as one"
                    )))
                } else {
                    Err(E::custom(format!("{NOT_A_NUMBER} ({ty})")))
                }
            }
        }
        d.deserialize_any(Number(std::marker::PhantomData))
    }
}

/// The start of the message for a number in quotes.
const NUMBER: &str = "a whole number";

/// The start of the message for text where a number belongs.
const NOT_A_NUMBER: &str = "expected a whole number";

/// The start of the message for a tagged value, so that its diagnostic can
/// be told from the parser's own.
const TAGGED: &str = "a value tagged";

fn tagged<E: serde::de::Error>(tag: &str) -> E {
    E::custom(tag_message(tag))
}

/// What a value tagged `tag` is told.
fn tag_message(tag: &str) -> String {
    let tag = tag
        .strip_prefix("tag:yaml.org,2002:")
        .map_or(tag.to_string(), |t| format!("!!{t}"));
    format!(
        "{TAGGED} `{tag}`: data files hold plain values, without YAML tags"
    )
}

/// The parser's budgets: its own node and event counts are set so that
/// any valid file under [`MAX_FILE_BYTES`] loads (a node takes at least two
/// bytes of text); depth and aliases are the data format's limits.
fn budget() -> serde_saphyr::Budget {
    let bytes = MAX_FILE_BYTES as usize;
    let mut budget = serde_saphyr::Budget::default();
    budget.max_depth = MAX_DEPTH;
    budget.max_aliases = MAX_ALIASES;
    budget.max_nodes = bytes;
    budget.max_events = 2 * bytes;
    budget.max_anchors = bytes;
    budget.max_recorded_anchor_events = 2 * bytes;
    budget.max_recorded_anchor_bytes = 2 * bytes;
    budget
}

fn options() -> serde_saphyr::Options {
    let mut aliases = serde_saphyr::options::AliasLimits::default();
    aliases.max_total_replayed_events = MAX_ALIAS_EVENTS;
    serde_saphyr::options! {
        strict_booleans: true,
        with_snippet: false,
        budget: Some(budget()),
        alias_limits: aliases,
        // `<<` would copy keys from an anchor, so a key could be given
        // twice without a duplicate-key error.
        merge_keys: serde_saphyr::MergeKeyPolicy::Error,
        reject_unsupported_tags: true,
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
            sink.unread(part, diagnostic(&file.path, text, &e, what));
            None
        }
    }
}

/// A file with no data, or with a line too long to be data.
fn shape_problem(text: &str, path: &str, what: &str) -> Option<Diagnostic> {
    // A line ends at LF, CRLF or a lone CR (old Mac files).
    let lines = || text.split(['\n', '\r']);
    if lines().all(|l| {
        let l = l.trim();
        l.is_empty() || l.starts_with('#') || l == "---" || l == "..."
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

/// A parser error as a diagnostic, classified by the error's variant.
fn diagnostic(
    path: &str,
    text: &str,
    e: &YamlError,
    what: &str,
) -> Diagnostic {
    let (line, column) =
        e.location().map_or((0, 0), |l| (l.line() as u32, l.column() as u32));
    let message = clean_message(&e.without_snippet().to_string());
    let e = original(e);
    let (kind, message, help) = limit(e)
        .or_else(|| meaning(e, text, line, &message))
        .unwrap_or_else(|| shape(e, message, what));
    Diagnostic::new(kind, message).help(help).at(path, line, column)
}

type Found = (DiagnosticKind, String, String);

const NO_ALIASES: &str =
    "data files need no anchors or aliases: write the values out";

/// A budget of the parser or of the data format, with its numbers.
fn limit(e: &YamlError) -> Option<Found> {
    let found = |message: String, help: &str| {
        Some((DiagnosticKind::Limit, message, help.to_string()))
    };
    let budget = budget();
    match e {
        YamlError::RecursiveReferencesRequireWeakTypes { .. } => found(
            "an alias refers to the anchor that contains it (a cycle)".into(),
            NO_ALIASES,
        ),
        YamlError::Budget { breach: BudgetBreach::Depth { .. }, .. }
        | YamlError::AliasReplayStackDepthExceeded { .. } => found(
            format!("nested deeper than {MAX_DEPTH} levels"),
            "data files nest four levels deep; check for unclosed brackets",
        ),
        YamlError::ExternalMessage { source, .. }
            if matches!(
                &**source,
                ExternalMessageSource::Parser(scan)
                    if matches!(scan.kind(), ScanKind::RecursionLimitExceeded)
            ) =>
        {
            found(
                format!("nested deeper than {MAX_DEPTH} levels"),
                "data files nest four levels deep; check for unclosed brackets",
            )
        }
        YamlError::Budget { breach: BudgetBreach::Aliases { .. }, .. }
        | YamlError::AliasReplayCounterOverflow { .. }
        | YamlError::AliasReplayLimitExceeded { .. }
        | YamlError::AliasExpansionLimitExceeded { .. } => found(
            format!(
                "aliases expand beyond the budget ({MAX_ALIASES} aliases, \
                 {MAX_ALIAS_EVENTS} replayed events)"
            ),
            NO_ALIASES,
        ),
        YamlError::Budget { breach, .. } => {
            let (what, limit) = match breach {
                BudgetBreach::Nodes { .. } => ("values", budget.max_nodes),
                BudgetBreach::Events { .. } => {
                    ("parser events", budget.max_events)
                }
                BudgetBreach::Anchors { .. } => {
                    ("anchors", budget.max_anchors)
                }
                BudgetBreach::Documents { .. } => {
                    ("documents", budget.max_documents)
                }
                BudgetBreach::ScalarBytes { .. } => {
                    ("bytes of text in values", budget.max_total_scalar_bytes)
                }
                _ => ("units of the YAML parser's budget", 0),
            };
            let message = if limit > 0 {
                format!(
                    "the file holds more than {limit} {what}, the YAML parser's limit"
                )
            } else {
                format!(
                    "the file exceeds a limit of the YAML parser ({breach:?})"
                )
            };
            found(message, "split the data into smaller files")
        }
        _ => None,
    }
}

/// Values whose meaning YAML would change, or that say nothing.
fn meaning(
    e: &YamlError,
    text: &str,
    line: u32,
    message: &str,
) -> Option<Found> {
    let found = |kind, message: String, help: &str| {
        Some((kind, message, help.to_string()))
    };
    match e {
        YamlError::MergeKeyNotAllowed { .. } => found(
            DiagnosticKind::DuplicateKey,
            "a merge key (`<<`) copies keys from an anchor, so a key could be given twice".into(),
            "write each key out once",
        ),
        YamlError::UnknownAnchor { .. } => found(
            DiagnosticKind::Syntax,
            "an alias (`*name`) whose anchor (`&name`) is not in this file: anchors do not cross files".into(),
            NO_ALIASES,
        ),
        YamlError::NullIntoString { .. } => {
            let field = key_on_line(text, line);
            let message = match field {
                Some(k) => format!("`{k}` is empty (null): it needs a value"),
                None => "an empty (null) value where a value is needed".into(),
            };
            found(
                DiagnosticKind::MissingField,
                message,
                "give the value; leave an optional field out rather than empty",
            )
        }
        YamlError::Message { msg, .. } if msg.starts_with(NUMBER) => found(
            DiagnosticKind::WrongType,
            message.to_string(),
            "write the number without quotes",
        ),
        YamlError::Message { msg, .. } if msg.starts_with(TAGGED) => found(
            DiagnosticKind::WrongType,
            message.to_string(),
            "write the value as plain text, without `!tag`",
        ),
        // `!!binary` of bytes that are not text, or not even base64: the
        // parser decodes before our own refusal of tags can speak.
        YamlError::BinaryNotUtf8 { .. }
        | YamlError::InvalidBinaryBase64 { .. } => found(
            DiagnosticKind::WrongType,
            tag_message("tag:yaml.org,2002:binary"),
            "write the value as plain text, without `!tag`",
        ),
        YamlError::TaggedScalarCannotDeserializeIntoString { .. }
        | YamlError::BytesNotSupportedMissingBinaryTag { .. }
        | YamlError::UnsupportedTag { .. } => found(
            DiagnosticKind::WrongType,
            "a tagged value where text was expected".into(),
            "write the value as plain text, without `!tag`",
        ),
        _ => None,
    }
}

/// The key of a `key: value` line of `text`.
fn key_on_line(text: &str, line: u32) -> Option<String> {
    let l = text.lines().nth(line.checked_sub(1)? as usize)?;
    let l = l.trim_start().trim_start_matches("- ");
    let (key, _) = l.split_once(':')?;
    let key = key.trim();
    (!key.is_empty() && key.len() <= 64).then(|| key.to_string())
}

/// The file's shape: fields unknown, missing, of the wrong type; syntax.
fn shape(e: &YamlError, message: String, what: &str) -> Found {
    match e {
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
        YamlError::MultipleDocuments { .. } => (
            DiagnosticKind::Syntax,
            "more than one YAML document (a `---` line in the middle)"
                .to_string(),
            format!(
                "a data file is one YAML list of {what}: remove the `---` line"
            ),
        ),
        YamlError::Message { msg, .. } if msg.starts_with(NOT_A_NUMBER) => (
            DiagnosticKind::WrongType,
            message,
            format!(
                "the file is a YAML list of {what}; see the README for each field's type"
            ),
        ),
        YamlError::SerdeInvalidType { .. }
        | YamlError::SerdeInvalidValue { .. }
        | YamlError::SerdeInvalidLength { .. }
        | YamlError::InvalidScalar { .. }
        | YamlError::Unexpected { .. }
        | YamlError::UnexpectedSequenceEnd { .. }
        | YamlError::UnexpectedMappingEnd { .. } => (
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
    }
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
