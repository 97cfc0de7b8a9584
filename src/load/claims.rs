//! Published counts: what a count counts (`family`, a tier, or statuses,
//! each once; never `none`), on a day the organisation existed and its
//! review covers.

use std::collections::BTreeMap;

use super::documents::owner;
use super::refs::Refs;
use super::review;
use super::schema::{self, Located, Plain, Text};
use super::sink::Cx;
use super::vocabulary::{TIERS, held_tier};
use crate::date::Date;
use crate::error::{Diagnostic, DiagnosticKind, shown};
use crate::model::{Claim, Counted, Organization, OrganizationId, Status};

fn invalid(message: impl Into<String>) -> Diagnostic {
    Diagnostic::new(DiagnosticKind::InvalidValue, message)
}

/// What a count may count, as the help of a wrong one says.
fn choices(org: &Organization) -> String {
    let ids: Vec<&str> = org.statuses.iter().map(|s| s.as_str()).collect();
    format!(
        "count `family`, a tier (`tier:member`; tiers are {TIERS}), or statuses of `{}` joined by `+` ({})",
        org.id,
        ids.join(", ")
    )
}

/// A published count, or `None` when its day or target is unreadable.
pub(crate) fn claim(
    cx: &mut Cx<'_>,
    refs: &Refs,
    folder: Option<&str>,
    orgs: &BTreeMap<&str, &Organization>,
    r: &schema::Claim,
) -> Option<Claim> {
    let org = owner(cx, refs, &r.organization, folder, &r.date);
    let date = cx.date(&r.date);
    let o = orgs.get(org.as_str()).copied();
    let counts = counted(cx, o, &r.counts);
    if let (Some(o), Some(day)) = (o, date) {
        within_life(cx, o, day, &r.date);
        let what = || {
            format!(
                "the published count of `{}` ({})",
                shown(&r.counts.value.0),
                r.number.value.0
            )
        };
        review::check(cx, Some(o), what, ("for", day), &r.date);
    }
    let sources = refs.sources(cx, &r.sources);
    Some(Claim {
        organization: OrganizationId::new(org),
        date: date?,
        counts: counts?,
        number: r.number.value.0,
        sources,
        note: Text::of(&r.note),
    })
}

/// A count speaks of a day the organisation existed.
fn within_life(
    cx: &mut Cx<'_>,
    o: &Organization,
    day: Date,
    at: &Located<Plain>,
) {
    let message = if day.certainly_before(o.founded) {
        format!(
            "a count for {day}, before `{}` was founded on {}",
            o.id, o.founded
        )
    } else if let Some(end) = o.dissolved
        && (end.certainly_before(day)
            || (end == day && end.is_day() && day.is_day()))
    {
        format!("a count for {day}, after `{}` ceased to exist on {end}", o.id)
    } else {
        return;
    };
    cx.at(
        at,
        Diagnostic::new(DiagnosticKind::Domain, message).help(
            "a published count speaks of a day the organisation existed: check the day against the source",
        ),
    );
}

/// What `at` says a count counts, or `None` after saying why it cannot
/// be one. Without the organisation (unknown, reported already), only
/// `family` and tiers can be read.
fn counted(
    cx: &mut Cx<'_>,
    org: Option<&Organization>,
    at: &Located<Plain>,
) -> Option<Counted> {
    let text = at.value.0.as_str();
    if text == "family" {
        return Some(Counted::Family);
    }
    if let Some(t) = text.strip_prefix("tier:") {
        if let Some(tier) = held_tier(t) {
            return Some(Counted::Tier(tier));
        }
        let d = if t == "none" {
            invalid(
                "a count of `tier:none`: `none` is the tier of no status, and a published count counts states that hold a status",
            )
        } else {
            invalid(format!(
                "unknown tier `{}` in a count: expected {TIERS}",
                shown(t)
            ))
        };
        let help = org.map_or_else(
            || format!("count `family`, a tier (`tier:member`; tiers are {TIERS}), or statuses"),
            choices,
        );
        cx.at(at, d.help(help));
        return None;
    }
    let o = org?;
    let mut statuses: Vec<Status> = Vec::new();
    for id in text.split('+') {
        let problem = match o.status(id) {
            Some(s) if s == Status::NONE || s == Status::UNKNOWN => {
                let said = match text == id {
                    true => format!("a count of `{id}`: `{id}`"),
                    false => format!(
                        "a count of `{}` includes `{id}`, which",
                        shown(text)
                    ),
                };
                format!(
                    "{said} is no status, and a published count counts states that hold a status"
                )
            }
            Some(s) if statuses.contains(&s) => format!(
                "a count of `{}` counts status `{id}` twice",
                shown(text)
            ),
            Some(s) => {
                statuses.push(s);
                continue;
            }
            None => format!(
                "a count of `{}`: `{}` is not a status of `{}`",
                shown(text),
                shown(id),
                o.id
            ),
        };
        cx.at(at, invalid(problem).help(choices(o)));
        return None;
    }
    match statuses[..] {
        [one] => Some(Counted::Status(one)),
        _ => Some(Counted::Statuses(statuses)),
    }
}
