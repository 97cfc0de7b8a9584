//! A transition's `alternatives:`, the other days some sources give for
//! it: each names a day, differs from the kept one, and cites sources of
//! its own; and the days between stay clear of the transitions before
//! and after.

use std::sync::Arc;

use super::refs::Refs;
use super::schema::{self, Located};
use super::sink::Cx;
use crate::error::{Diagnostic, DiagnosticKind};
use crate::model::{Alternative, Basis, Transition};

fn invalid(message: impl Into<String>) -> Diagnostic {
    Diagnostic::new(DiagnosticKind::InvalidValue, message)
}

/// The alternatives of the transition `t`, whose kept dates are
/// `kept`; each unreadable one is reported and left out.
pub(super) fn read(
    cx: &mut Cx<'_>,
    refs: &Refs,
    t: &schema::Transition,
    kept: &Transition,
) -> Vec<Alternative> {
    t.alternatives.iter().filter_map(|ra| one(cx, refs, t, kept, ra)).collect()
}

fn one(
    cx: &mut Cx<'_>,
    refs: &Refs,
    t: &schema::Transition,
    kept: &Transition,
    ra: &Located<schema::Alternative>,
) -> Option<Alternative> {
    let a = &ra.value;
    let (decided, effective) = match (&a.date, &a.decided, &a.effective) {
        (Some(d), None, None) => {
            let d = cx.date(d)?;
            (Some(d), Some(d))
        }
        (Some(d), _, _) => {
            cx.at(d, invalid("`date` together with `decided`/`effective` in an alternative")
                .help("`date` is shorthand for both; write either `date`, or `decided` and/or `effective`"));
            return None;
        }
        (None, None, None) => {
            cx.at(ra, Diagnostic::new(DiagnosticKind::MissingField, "alternative without a date")
                .help("give the day the other sources give: `date`, or `decided` and/or `effective`"));
            return None;
        }
        (None, dec, eff) => (cx.opt_date(dec), cx.opt_date(eff)),
    };
    let alt = Alternative {
        decided,
        effective,
        note: a.note.as_ref().map(|n| Arc::from(n.0.as_str())),
        sources: Arc::from(refs.sources(cx, &a.sources)),
    };
    let differs = [Basis::Effective, Basis::Decided]
        .map(|b| alt.start(kept, b) != kept.start(b));
    if differs == [false, false] {
        cx.at(ra, invalid("the alternative gives the kept day")
            .help("an alternative records a day other sources give that differs from the kept one; remove it, or correct its date"));
        return None;
    }
    // A source may support the kept effective day and give another
    // decision day; one that differs on every day supports none of them.
    if differs == [true, true] {
        for s in &a.sources.value {
            if t.sources.value.iter().any(|k| k.value == s.value) {
                cx.at(s, invalid(format!(
                    "source `{}` is cited both for the kept day and for an alternative",
                    crate::error::shown(&s.value)
                ))
                .help("a source gives one day: cite it under the kept transition or under the alternative"));
            }
        }
    }
    Some(alt)
}

/// Whether the days of `prev` and of `next` overlap under some basis,
/// when either has alternatives: the two would each be possible on one
/// day. Returns the first day the windows share.
pub(super) fn overlap(
    prev: &Transition,
    next: &Transition,
) -> Option<crate::date::Date> {
    if !prev.has_alternatives() && !next.has_alternatives() {
        return None;
    }
    [Basis::Effective, Basis::Decided].into_iter().find_map(|b| {
        let (p, n) = (prev.window(b)?, next.window(b)?);
        (n.first <= p.last).then_some(n.first.max(p.first))
    })
}
