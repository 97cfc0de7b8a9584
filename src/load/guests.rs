//! Organisations that hold a status in another (the European Union and
//! the African Union in the G20): each names a status of the host's
//! vocabulary, starts within the host's life, and ends after it starts.

use super::refs::Refs;
use super::schema::{self, Text};
use super::sink::Cx;
use super::vocabulary::words;
use crate::date::Date;
use crate::error::{Diagnostic, DiagnosticKind, shown};
use crate::model::{OrganizationMember, Status};

fn rule(message: impl Into<String>) -> Diagnostic {
    Diagnostic::new(DiagnosticKind::Domain, message)
}

/// The organisation members of `r`, whose vocabulary is `statuses`.
pub(crate) fn organization_members(
    cx: &mut Cx<'_>,
    refs: &Refs,
    r: &schema::Organization,
    statuses: &[Status],
    (founded, dissolved): (Option<Date>, Option<Date>),
) -> Vec<OrganizationMember> {
    let host = shown(&r.id.value);
    let mut out = Vec::new();
    for m in &r.organization_members {
        let m = &m.value;
        words(cx, &format!("an organisation member of `{host}`"), &m.name);
        let status =
            statuses.iter().copied().find(|s| s.as_str() == m.status.value);
        if status.is_none() {
            let known: Vec<&str> =
                statuses.iter().map(|s| s.as_str()).collect();
            cx.at(
                &m.status,
                rule(format!(
                    "`{}` is not a status of `{host}`",
                    shown(&m.status.value)
                ))
                .help(format!(
                    "give one of its statuses: {}",
                    known.join(", ")
                )),
            );
        }
        let decided = cx.opt_date(&m.decided);
        let effective = cx.date(&m.effective);
        let until = cx.opt_date(&m.until);
        let sources = refs.sources(cx, &m.sources);
        let (Some(status), Some(effective)) = (status, effective) else {
            continue;
        };
        let name = shown(&m.name.value);
        if let (Some(d), Some(at)) = (decided, &m.decided)
            && effective.certainly_before(d)
        {
            cx.at(at, out_of_order(format!(
                "`{name}` in `{host}` is decided on {d}, after it took effect on {effective}"
            )));
        }
        if let (Some(u), Some(at)) = (until, &m.until)
            && !effective.certainly_before(u)
        {
            cx.at(at, out_of_order(format!(
                "`{name}` in `{host}` ends on {u}, not after it took effect on {effective}"
            )));
        }
        let outside = founded.is_some_and(|f| effective.certainly_before(f))
            || dissolved.is_some_and(|d| !effective.certainly_before(d));
        if outside {
            cx.at(&m.effective, rule(format!(
                "`{name}` takes effect in `{host}` on {effective}, outside its life"
            )).help("an organisation member starts after the founding and before the end"));
        }
        out.push(OrganizationMember {
            name: m.name.value.clone(),
            status,
            decided,
            effective,
            until,
            sources,
            note: Text::of(&m.note),
        });
    }
    out
}

fn out_of_order(message: String) -> Diagnostic {
    Diagnostic::new(DiagnosticKind::OutOfOrder, message)
}
