//! The horizon: the day an organisation's data was last checked against
//! the sources (`reviewed:`) is not after today, when the caller says
//! which day that is (the library never reads the clock), and not before
//! anything it reviewed: the founding, the names, every decision (or a
//! status taking effect, when no decision day is known), every summit
//! marked held, chair and office term, event and published count, and
//! every source these cite. What was decided by the review day may take
//! effect after it (a status from next January); a summit still to meet
//! is `planned`.

use std::collections::{BTreeMap, BTreeSet};

use super::Dataset;
use super::schema::{self, Document, Located};
use super::sink::{Cx, Part, Sink};
use crate::date::Date;
use crate::error::{Diagnostic, DiagnosticKind, shown};
use crate::model::{ChairTerm, Event, OfficeTerm, Organization, SourceId};

fn rule(message: impl Into<String>) -> Diagnostic {
    Diagnostic::new(DiagnosticKind::Domain, message)
}

/// The help of every fact dated after its review day.
fn move_review(org: &str) -> String {
    format!(
        "the review day covers what it reviewed: correct the date, or move \
         `reviewed:` of `{org}` to the day the data was checked"
    )
}

/// The review day of `r`: not after `today`, not before the founding.
pub(crate) fn day(
    cx: &mut Cx<'_>,
    r: &schema::Organization,
    founded: Option<Date>,
    today: Option<Date>,
) -> Option<Date> {
    let at = r.reviewed.as_ref()?;
    let reviewed = cx.date(at)?;
    let org = shown(&r.id.value);
    if let Some(today) = today
        && today.certainly_before(reviewed)
    {
        cx.at(
            at,
            rule(format!(
                "`{org}`'s data was reviewed on {reviewed}, after today ({today})"
            ))
            .help("give the day the data was last checked against the sources (if that is right, the computer's clock is not)"),
        );
    }
    if let Some(f) = founded
        && reviewed.certainly_before(f)
    {
        cx.at(
            at,
            rule(format!(
                "`{org}`'s data was reviewed on {reviewed}, before `{org}` was founded on {f}"
            ))
            .help(move_review(&org)),
        );
    }
    Some(reviewed)
}

/// The review day `reviewed`, when `day` is after it.
pub(crate) fn after(reviewed: Option<Date>, day: Date) -> Option<Date> {
    reviewed.filter(|r| r.certainly_before(day))
}

/// Reports `what` (`` `IND`'s transition to member ``), `when` `day`
/// (`decided on`, 2017-06-09), at `at`: it is after the review day
/// `reviewed` of `org` (see [`after`]).
pub(crate) fn late<T>(
    cx: &mut Cx<'_>,
    (org, reviewed): (&str, Date),
    what: &str,
    (when, day): (&str, Date),
    at: &Located<T>,
) {
    let org = shown(org);
    cx.at(
        at,
        rule(format!(
            "{what}, {when} {day}, is after `{org}`'s data was reviewed on {reviewed}"
        ))
        .help(move_review(&org)),
    );
}

/// Reports `what`, `when` `day`, at `at`, when it is after the review day
/// of `org` (when the organisation is known).
pub(crate) fn check<T>(
    cx: &mut Cx<'_>,
    org: Option<&Organization>,
    what: impl FnOnce() -> String,
    (when, day): (&str, Date),
    at: &Located<T>,
) {
    let Some(o) = org else { return };
    if let Some(r) = after(o.reviewed, day) {
        late(cx, (o.id.as_str(), r), &what(), (when, day), at);
    }
}

/// A chair term that started by the review day.
pub(crate) fn chair(
    cx: &mut Cx<'_>,
    org: Option<&Organization>,
    t: &ChairTerm,
    r: &schema::Chair,
) {
    let what = || format!("the chair term of `{}`", t.state);
    check(cx, org, what, ("starting on", t.start), &r.start);
}

/// An office term whose holder was appointed by the review day, or, when
/// no appointment day is known, took office by then.
pub(crate) fn office(
    cx: &mut Cx<'_>,
    org: Option<&Organization>,
    t: &OfficeTerm,
    r: &schema::Official,
) {
    let what = || format!("the office term of {}", shown(&t.name));
    match (t.appointed, &r.appointed) {
        (Some(a), Some(at)) => check(cx, org, what, ("appointed on", a), at),
        _ => check(cx, org, what, ("starting on", t.start), &r.start),
    }
}

/// An event that happened by the review day.
pub(crate) fn event(
    cx: &mut Cx<'_>,
    org: Option<&Organization>,
    e: &Event,
    r: &schema::Event,
) {
    let what = || format!("event `{}`", e.id);
    check(cx, org, what, ("dated", e.date), &r.date);
}

/// A summit marked held that began after its organisation's review day:
/// the review could not have seen it.
pub(crate) fn held(
    cx: &mut Cx<'_>,
    org: &Organization,
    (id, start): (&str, Date),
    status: &Located<schema::Plain>,
) {
    let Some(reviewed) = org.reviewed else { return };
    if reviewed.certainly_before(start) {
        cx.at(
            status,
            rule(format!(
                "summit `{id}` is marked held, from {start}, after `{}`'s data was reviewed on {reviewed}",
                org.id
            ))
            .help(format!(
                "mark it `planned` until a review covers it, or move `reviewed:` of `{}` to the day the data was checked",
                org.id
            )),
        );
    }
}

/// Every source that an organisation's facts cite and that was published
/// after its review day, reported once per organisation at the source's
/// `published:`.
pub(crate) fn sources(
    docs: &[Document<schema::Source>],
    data: &Dataset,
    sink: &mut Sink,
) {
    let mut published: BTreeMap<&str, (&str, &Located<schema::Plain>)> =
        BTreeMap::new();
    for doc in docs {
        for s in &doc.entries {
            if let Some(p) = &s.published {
                published.entry(&s.id.value).or_insert((&doc.path, p));
            }
        }
    }
    let dates: BTreeMap<&str, Date> = data
        .sources
        .iter()
        .filter_map(|s| s.published.map(|p| (s.id.as_str(), p)))
        .collect();
    for (org, cited) in cited(data) {
        let Some(reviewed) = org.reviewed else { continue };
        for id in cited {
            let (Some(&p), Some(&(path, at))) =
                (dates.get(id), published.get(id))
            else {
                continue;
            };
            if reviewed.certainly_before(p) {
                let d = rule(format!(
                    "source `{}` was published on {p}, after `{}`'s data was reviewed on {reviewed}, and `{}` cites it",
                    shown(id),
                    org.id,
                    org.id
                ))
                .help(move_review(org.id.as_str()));
                sink.at(Part::Sources, path, at, d);
            }
        }
    }
}

/// Every organisation with the ids of the sources its facts cite.
fn cited<'a>(data: &'a Dataset) -> Vec<(&'a Organization, BTreeSet<&'a str>)> {
    let mut by_org: BTreeMap<&str, BTreeSet<&str>> = BTreeMap::new();
    let mut cite = |org: &'a str, ids: &'a [SourceId]| {
        let set = by_org.entry(org).or_default();
        set.extend(ids.iter().map(SourceId::as_str));
    };
    for o in &data.organizations {
        cite(o.id.as_str(), &o.sources);
        for n in &o.names {
            cite(o.id.as_str(), &n.sources);
        }
    }
    for a in &data.affiliations {
        for t in &a.transitions {
            cite(a.organization.as_str(), &t.sources);
            if let Some(d) = &t.disputed {
                cite(a.organization.as_str(), &d.against);
            }
        }
    }
    for s in &data.summits {
        cite(s.organization.as_str(), &s.sources);
    }
    for c in &data.chairs {
        cite(c.organization.as_str(), &c.sources);
    }
    for t in &data.offices {
        cite(t.organization.as_str(), &t.sources);
    }
    for e in &data.events {
        cite(e.organization.as_str(), &e.sources);
    }
    for c in &data.claims {
        cite(c.organization.as_str(), &c.sources);
    }
    data.organizations
        .iter()
        .filter_map(|o| Some((o, by_org.remove(o.id.as_str())?)))
        .collect()
}
