//! An organisation's words: the statuses it declares, each with an id, a
//! label and a plural that name it and no other status, one of the four
//! tiers that questions across organisations compare, and a COW code; its
//! offices, its summit body and chair, and the coverage of its list of
//! states; and what every text a person reads must be: not blank.

use std::collections::BTreeMap;

use super::schema::{self, Located};
use super::sink::Cx;
use crate::date::Date;
use crate::error::{Diagnostic, DiagnosticKind, shown};
use crate::model::{
    Coverage, CowEarlier, Office, OfficeId, Status, Tier, status_key,
};

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

/// An organisation's offices, each checked: the Secretary-General alone
/// when it declares none.
pub(crate) fn offices(
    cx: &mut Cx<'_>,
    decls: &[Located<schema::OfficeDecl>],
) -> Vec<Office> {
    if decls.is_empty() {
        return vec![Office::secretary_general()];
    }
    let mut out: Vec<Office> = Vec::with_capacity(decls.len());
    for d in decls {
        let d = &d.value;
        let id = &d.id.value;
        let ok = !id.is_empty()
            && id.len() <= 32
            && id.bytes().all(|b| b.is_ascii_lowercase() || b == b'_');
        if !ok {
            cx.at(
                &d.id,
                invalid(format!(
                    "office id `{}` must be lowercase letters and `_`, at most 32",
                    shown(id)
                ))
                .help("e.g. `secretary_general`, `director_general`"),
            );
        }
        if out.iter().any(|o| o.id == id.as_str()) {
            cx.at(
                &d.id,
                Diagnostic::new(
                    DiagnosticKind::DuplicateId,
                    format!("office `{}` is declared twice", shown(id)),
                ),
            );
        }
        let shown_id = shown(id);
        words(cx, &format!("the label of office `{shown_id}`"), &d.label);
        if let Some(p) = &d.plural {
            words(cx, &format!("the plural of office `{shown_id}`"), p);
        }
        let label = d.label.value.clone();
        out.push(Office {
            id: OfficeId::new(id.clone()),
            plural: d.plural.as_ref().map_or_else(
                || crate::model::plural(&label),
                |p| p.value.clone(),
            ),
            label,
            from_members: d.from_members.as_ref().is_none_or(|f| f.value),
            until: d.until.as_ref().and_then(|u| cx.date(u)),
        });
    }
    out
}

/// A name an organisation gives itself (its summit body, its chair): not
/// blank.
pub(crate) fn title(
    cx: &mut Cx<'_>,
    what: &str,
    value: &Option<Located<String>>,
) -> Option<String> {
    let v = value.as_ref()?;
    words(cx, what, v);
    Some(v.value.clone())
}

/// The coverage of an organisation's list of states, checked against its
/// life (`founded`, `dissolved`): complete when it says nothing.
pub(crate) fn coverage(
    cx: &mut Cx<'_>,
    id: &str,
    decl: &Option<Located<schema::CoverageDecl>>,
    (founded, dissolved): (Option<Date>, Option<Date>),
) -> Coverage {
    let Some(decl) = decl else { return Coverage::default() };
    let c = &decl.value;
    let complete = c.complete.value;
    let from = cx.opt_date(&c.from);
    let why = c.why.as_ref().map(|w| {
        words(cx, &format!("why the list of `{}` is partial", shown(id)), w);
        w.value.clone()
    });
    match (complete, &c.from, &c.why) {
        (false, _, None) => cx.at(
            &c.complete,
            Diagnostic::new(
                DiagnosticKind::MissingField,
                format!(
                    "the list of `{}` is partial (`complete: false`), but \
                     the data says not why",
                    shown(id)
                ),
            )
            .help("add `why:`, the reason every answer from the list will give"),
        ),
        (false, Some(at), _) => cx.at(
            at,
            invalid("`from` is the first day of a complete list, but `complete` is false")
                .help("remove `from`, or write `complete: true` if the list is complete from that day"),
        ),
        (true, None, Some(w)) => cx.at(
            w,
            invalid("`why` explains a partial list, but the list is complete from the founding")
                .help("remove `why`, or give `from:`, the day the list becomes complete"),
        ),
        _ => {}
    }
    if let (Some(f), Some(at)) = (from, &c.from) {
        within_life(cx, id, (f, at), (founded, dissolved));
    }
    Coverage { complete, from: from.filter(|_| complete), why }
}

/// The day a list becomes complete falls in the organisation's life.
fn within_life(
    cx: &mut Cx<'_>,
    id: &str,
    (from, at): (Date, &Located<schema::Plain>),
    (founded, dissolved): (Option<Date>, Option<Date>),
) {
    if let Some(a) = founded
        && from.certainly_before(a)
    {
        cx.at(
            at,
            Diagnostic::new(
                DiagnosticKind::Domain,
                format!(
                    "the list of `{}` is complete from {from}, before it was founded on {a}",
                    shown(id)
                ),
            )
            .help("a list complete from the founding needs no `from`"),
        );
    }
    if let Some(end) = dissolved
        && !from.certainly_before(end)
    {
        cx.at(
            at,
            Diagnostic::new(
                DiagnosticKind::Domain,
                format!(
                    "the list of `{}` is complete from {from}, not before it ceased to exist on {end}",
                    shown(id)
                ),
            )
            .help("a list never complete is `complete: false`, with `why`"),
        );
    }
}

/// The earlier COW columns of an organisation, oldest first: each ends
/// in a year from its founding on, after the one before, and names a
/// column other than `cow_column`.
pub(crate) fn cow_earlier(
    cx: &mut Cx<'_>,
    r: &schema::Organization,
    founded: Option<Date>,
) -> Vec<CowEarlier> {
    let mut out: Vec<CowEarlier> = Vec::new();
    let main = r.cow_column.as_ref().map(|c| c.value.as_str());
    for e in &r.cow_earlier {
        let until = i32::from(e.value.until.value.0);
        let column = e.value.column.value.trim();
        let after = out.last().map(|p| p.until).or_else(|| {
            founded.map(|f| f.year() - 1) // a column may end in the founding year
        });
        if column.is_empty()
            || main.is_some_and(|m| m.eq_ignore_ascii_case(column))
        {
            cx.at(
                &e.value.column,
                invalid(format!(
                    "earlier COW column `{column}` must be named, and not be \
                     `cow_column` itself"
                )),
            );
        } else if after.is_some_and(|a| until <= a) {
            cx.at(
                &e.value.until,
                Diagnostic::new(
                    DiagnosticKind::OutOfOrder,
                    format!(
                        "earlier COW column `{column}` ends in {until}: give \
                         the columns oldest first, each ending after the one \
                         before and not before the founding"
                    ),
                ),
            );
        }
        out.push(CowEarlier {
            column: column.to_string(),
            ionum: e.value.ionum.as_ref().map(|n| n.value.0),
            until,
        });
    }
    out
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
