//! An organisation's words: the statuses it declares, each with an id, a
//! label and a plural that name it and no other status, one of the four
//! tiers that questions across organisations compare, and a COW code;
//! and what every text a person reads must be: not blank.

use std::collections::BTreeMap;

use super::schema::{self, Located};
use super::sink::Cx;
use crate::error::{Diagnostic, DiagnosticKind, shown};
use crate::model::{Status, Tier, status_key};

/// The tiers a declared status may have, as messages list them.
pub(crate) const TIERS: &str =
    "`member`, `associate`, `observer` or `partner`";

/// The tier of a held status that `text` names (never `none`).
pub(crate) fn held_tier(text: &str) -> Option<Tier> {
    Tier::HELD.into_iter().find(|t| t.as_str() == text)
}

fn invalid(message: impl Into<String>) -> Diagnostic {
    Diagnostic::new(DiagnosticKind::InvalidValue, message)
}

/// A character that shows nothing: a control or format character, or
/// one of the invisible separators and joiners.
fn invisible(c: char) -> bool {
    c.is_control()
        || matches!(
            c,
            '\u{ad}'
                | '\u{34f}'
                | '\u{61c}'
                | '\u{115f}'
                | '\u{1160}'
                | '\u{17b4}'
                | '\u{17b5}'
                | '\u{180b}'..='\u{180f}'
                | '\u{200b}'..='\u{200f}'
                | '\u{202a}'..='\u{202e}'
                | '\u{2060}'..='\u{206f}'
                | '\u{3164}'
                | '\u{fe00}'..='\u{fe0f}'
                | '\u{feff}'
                | '\u{ffa0}'
                | '\u{fff0}'..='\u{fffb}'
                | '\u{2800}'
                | '\u{1d173}'..='\u{1d17a}'
                | '\u{e0000}'..='\u{e007f}'
                | '\u{e0100}'..='\u{e01ef}'
        )
}

/// Checks a text that people read (a label, a name, a title): it says
/// something. `what` names it (`the label of status `member``). Whether
/// it does. (Any character may stand in it: every output shows or escapes
/// it safely.)
pub(crate) fn words(
    cx: &mut Cx<'_>,
    what: &str,
    text: &Located<String>,
) -> bool {
    let t = &text.value;
    let problem = if t.is_empty() {
        format!("{what} is empty")
    } else if t.chars().all(|c| c.is_whitespace() || invisible(c)) {
        format!(
            "{what} is blank (`{}`): only spaces or invisible characters",
            shown(t)
        )
    } else {
        return true;
    };
    cx.at(
        text,
        invalid(problem).help("write the words a reader should see here"),
    );
    false
}

/// An organisation's statuses, each checked: the SCO's four when it
/// declares none.
pub(crate) fn statuses(
    cx: &mut Cx<'_>,
    decls: &[Located<schema::StatusDecl>],
) -> Vec<Status> {
    if decls.is_empty() {
        return Status::HELD.to_vec();
    }
    let mut out: Vec<Status> = Vec::with_capacity(decls.len());
    // Every word a person may type for a status (`igo members --status`),
    // and the status it names; `none` and `unknown` are everyone's.
    let mut named: BTreeMap<String, String> = [Status::NONE, Status::UNKNOWN]
        .into_iter()
        .map(|s| (s.as_str().to_string(), s.as_str().to_string()))
        .collect();
    for (rank, d) in decls.iter().enumerate() {
        let d = &d.value;
        let id = &d.id.value;
        well_formed(cx, &d.id);
        if out.iter().any(|s| s.as_str() == id) {
            cx.at(
                &d.id,
                Diagnostic::new(
                    DiagnosticKind::DuplicateId,
                    format!("status `{}` is declared twice", shown(id)),
                ),
            );
        }
        let shown_id = shown(id);
        let label =
            words(cx, &format!("the label of status `{shown_id}`"), &d.label);
        let plural = words(
            cx,
            &format!("the plural of status `{shown_id}`"),
            &d.plural,
        );
        if label && plural {
            apart(cx, &mut named, d);
        }
        let tier = tier(cx, &d.tier);
        let cow = d.cow.value.0;
        if cow > 3 {
            cx.at(&d.cow, invalid(format!(
                "COW IGO code {cow}: expected 1 (full), 2 (associate), 3 (observer) or 0"
            )));
        }
        // A status with a wrong tier is still declared (the data set is
        // refused already), so that its uses are not called unknown.
        let tier = tier.unwrap_or(Tier::None);
        let rank = u8::try_from(rank).unwrap_or(u8::MAX - 1);
        out.push(Status::define(
            id,
            &d.label.value,
            &d.plural.value,
            tier,
            cow,
            rank,
        ));
    }
    out
}

/// A status id: lowercase letters and `_`, not one of everyone's.
fn well_formed(cx: &mut Cx<'_>, id: &Located<String>) {
    let v = &id.value;
    let ok = !v.is_empty()
        && v.len() <= 32
        && v.bytes().all(|b| b.is_ascii_lowercase() || b == b'_')
        && v != Status::NONE.as_str()
        && v != Status::UNKNOWN.as_str();
    if !ok {
        cx.at(id, invalid(format!(
            "status id `{}` must be lowercase letters and `_`, and not `none` or `unknown` (common to every organisation)",
            shown(v)
        )));
    }
}

/// The tier a declaration names: one of the four of a held status.
fn tier(cx: &mut Cx<'_>, value: &Located<schema::Plain>) -> Option<Tier> {
    let text = value.value.0.as_str();
    if let Some(t) = held_tier(text) {
        return Some(t);
    }
    let message = if text == Tier::None.as_str() {
        format!(
            "tier `none` is the tier of no status: a declared status has one of {TIERS}"
        )
    } else {
        format!("unknown tier `{}`: expected {TIERS}", shown(text))
    };
    cx.at(
        value,
        invalid(message).help(
            "the tier says how questions across organisations count the status",
        ),
    );
    None
}

/// Each of a status's id, label and plural names it alone: `igo members
/// --status observers` must not depend on the order of declarations.
fn apart(
    cx: &mut Cx<'_>,
    named: &mut BTreeMap<String, String>,
    d: &schema::StatusDecl,
) {
    let id = &d.id.value;
    for (field, word) in
        [("id", &d.id), ("label", &d.label), ("plural", &d.plural)]
    {
        let key = status_key(&word.value);
        match named.get(&key) {
            Some(other) if other == id => {}
            Some(other) => {
                let message = if other == Status::NONE.as_str()
                    || other == Status::UNKNOWN.as_str()
                {
                    format!(
                        "the {field} `{}` of status `{}` is `{other}`, the word common to every organisation",
                        shown(&word.value),
                        shown(id)
                    )
                } else {
                    format!(
                        "the {field} `{}` of status `{}` also names status `{other}`",
                        shown(&word.value),
                        shown(id)
                    )
                };
                let d = Diagnostic::new(DiagnosticKind::DuplicateId, message)
                    .help("give each status its own id, label and plural: a person asks for a status by any of them");
                cx.at(word, d);
            }
            None => {
                named.insert(key, id.clone());
            }
        }
    }
}

#[cfg(test)]
mod blank {
    use super::invisible;

    /// Characters that show nothing, from the blocks a name could hide in:
    /// a name of only these is blank.
    #[test]
    fn invisible_characters_show_nothing() {
        for c in [
            '\u{200b}',
            '\u{2060}',
            '\u{feff}',
            '\u{3164}',
            '\u{2800}',
            '\u{fff9}',
            '\u{fffb}',
            '\u{1d173}',
            '\u{e0020}',
            '\u{e0101}',
        ] {
            assert!(invisible(c), "{:?}", c);
        }
        for c in ['a', 'Ж', '中', '\u{2801}', '-'] {
            assert!(!invisible(c), "{c:?}");
        }
    }
}
