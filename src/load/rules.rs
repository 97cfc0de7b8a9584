//! Rules over what an organisation has: a history as a sequence, summits
//! within the organisation's lifetime, decisions on a summit's days, and,
//! across all of an organisation's files, chair terms that follow each
//! other and are held by members, office terms in order, one history per
//! state.

use std::collections::{BTreeMap, BTreeSet};

use super::review;
use super::schema::{self, Located};
use super::sink::Cx;
use super::sink::{Part, Sink};
use crate::date::Date;
use crate::error::{Diagnostic, DiagnosticKind};
use crate::model::{
    Affiliation, Basis, ChairTerm, Office, OfficeTerm, Organization,
    OrganizationId, StateId, Status, Summit, SummitStatus, Transition,
};

fn rule(message: impl Into<String>) -> Diagnostic {
    Diagnostic::new(DiagnosticKind::Domain, message)
}

fn out_of_order(message: impl Into<String>) -> Diagnostic {
    Diagnostic::new(DiagnosticKind::OutOfOrder, message)
}

/// A summit's own dates in order and within its organisation's lifetime.
pub(crate) fn summit(
    cx: &mut Cx<'_>,
    r: &schema::Summit,
    s: &Summit,
    orgs: &BTreeMap<&str, &Organization>,
) {
    let id = &r.id.value;
    if s.status == SummitStatus::Held && s.start.is_none() && r.start.is_none()
    {
        cx.at(
            &r.id,
            Diagnostic::new(
                DiagnosticKind::MissingField,
                format!("held summit `{id}` has no `start` date"),
            )
            .help(
                "give the first day (or the month or year the sources give)",
            ),
        );
    }
    if s.status == SummitStatus::Held && r.city.is_none() {
        cx.at(
            &r.id,
            Diagnostic::new(
                DiagnosticKind::MissingField,
                format!("held summit `{id}` has no `city`"),
            )
            .help("give the city where it met (for a virtual one, the host's seat)"),
        );
    }
    if let (Some(a), Some(b), Some(e)) = (s.start, s.end, &r.end)
        && b.certainly_before(a)
    {
        cx.at(
            e,
            out_of_order(format!(
                "summit `{id}` ends on {b}, before it starts on {a}"
            )),
        );
    }
    if let (Some(c), Some(cs)) = (s.council, &r.council)
        && (s.start.is_some_and(|a| c.certainly_before(a))
            || s.end.is_some_and(|b| b.certainly_before(c)))
    {
        cx.at(
            cs,
            out_of_order(format!(
                "the Council day {c} is outside summit `{id}`'s days"
            )),
        );
    }
    let Some(o) = orgs.get(s.organization.as_str()) else { return };
    if let (SummitStatus::Held, Some(start)) = (s.status, s.start) {
        review::held(cx, o, (id, start), &r.status);
    }
    let first = s.start.or(s.end);
    let last = s.end.or(s.start);
    if last.is_some_and(|l| l.certainly_before(o.founded))
        || o.dissolved.is_some_and(|d| {
            first.is_some_and(|f| d.certainly_before(f) || d == f)
        })
    {
        cx.at(
            &r.id,
            rule(format!(
                "summit `{id}` ({}) is outside the lifetime of `{}` ({} to {})",
                first.map_or("?".to_string(), |d| d.to_string()),
                o.id,
                o.founded,
                o.dissolved.map_or("today".to_string(), |d| d.to_string()),
            ))
            .help("the meeting may belong to a predecessor organisation"),
        );
    }
}

/// A decision said to be taken at a summit falls on one of its days.
pub(crate) fn decided_at(
    cx: &mut Cx<'_>,
    at: &Located<String>,
    decided: Option<Date>,
    summits: &BTreeMap<String, Summit>,
) {
    let Some(summit) = summits.get(&at.value) else { return };
    if let (Some(dec), Some(a), Some(b)) = (decided, summit.start, summit.end)
        && (dec.certainly_before(a) || b.certainly_before(dec))
    {
        cx.at(
            at,
            rule(format!(
                "decided on {dec}, but summit `{}` met on {}",
                summit.id,
                summit.days()
            ))
            .help("correct the decision date or the summit"),
        );
    }
}

/// An appointment said to be made at a summit falls on one of its days.
pub(crate) fn appointed_at(
    cx: &mut Cx<'_>,
    at: &Located<String>,
    appointed: Option<Date>,
    summits: &BTreeMap<String, Summit>,
) {
    let Some(summit) = summits.get(&at.value) else { return };
    if let (Some(a), Some(x), Some(y)) = (appointed, summit.start, summit.end)
        && (a.certainly_before(x) || y.certainly_before(a))
    {
        cx.at(
            at,
            rule(format!(
                "appointed on {a}, but summit `{}` met on {}",
                summit.id,
                summit.days()
            )),
        );
    }
}

/// A history as a sequence: it starts with a held status, no status
/// repeats, nothing follows a pending decision, every date falls in the
/// organisation's lifetime, and dates run forward under both bases.
pub(crate) fn transitions(
    cx: &mut Cx<'_>,
    state: &str,
    org: Option<&Organization>,
    ts: &[(Transition, &Located<schema::Transition>)],
) {
    for (i, (t, rt)) in ts.iter().enumerate() {
        let status_at = &rt.value.status;
        if i == 0 && t.status == Status::NONE {
            cx.at(
                status_at,
                rule(format!("`{state}`'s first transition is to `none`"))
                    .help("a history starts with the first status the state held"),
            );
        }
        if i > 0 && ts[i - 1].0.status == t.status {
            cx.at(
                status_at,
                rule(format!(
                    "`{state}` becomes {} again without leaving",
                    t.status.label()
                ))
                .help("remove the repeated transition, or put the status in between"),
            );
        }
        if t.is_pending() && i + 1 < ts.len() {
            cx.at(
                *rt,
                rule(format!(
                    "`{state}` has a transition after one that never took effect"
                ))
                .help("give the earlier transition its `effective` date"),
            );
        }
        if let Some(org) = org {
            lifetime(cx, t, rt, org);
            reviewed(cx, state, org, (t, &rt.value));
        }
        if i > 0 {
            forward(cx, state, &ts[i - 1].0, t, rt);
        }
    }
}

/// A transition's dates within the organisation's lifetime.
fn lifetime(
    cx: &mut Cx<'_>,
    t: &Transition,
    rt: &Located<schema::Transition>,
    org: &Organization,
) {
    // A decision may precede the founding (a state signs the founding
    // treaty before it is in force); its taking effect may not. A decision
    // without an effective date is checked as the only date there is.
    let dates: Vec<Date> = match (t.decided, t.effective) {
        (_, Some(e)) => vec![e],
        (Some(d), None) => vec![d],
        (None, None) => Vec::new(),
    };
    for date in dates {
        if date.certainly_before(org.founded) {
            cx.at(
                rt,
                rule(format!(
                    "{date} is before `{}` was founded on {}",
                    org.id, org.founded
                ))
                .help(
                    "the transition may belong to a predecessor organisation",
                ),
            );
        } else if let Some(end) = org.dissolved
            && (end.certainly_before(date)
                // Within one imprecise date (the year 2001 of both), the
                // status may have started before the end.
                || end == date && end.is_day() && t.status != Status::NONE)
        {
            cx.at(
                rt,
                rule(format!(
                    "{date} is not before `{}` ceased to exist on {end}",
                    org.id
                )),
            );
        }
    }
}

/// A transition known by its organisation's review day: decided by then,
/// or, when no decision day is known, in effect by then.
fn reviewed(
    cx: &mut Cx<'_>,
    state: &str,
    org: &Organization,
    (t, rt): (&Transition, &schema::Transition),
) {
    let (day, when, at) = match (t.decided, t.effective) {
        (Some(d), _) => (d, "decided on", rt.decided.as_ref()),
        (None, Some(e)) => (e, "in effect from", rt.effective.as_ref()),
        (None, None) => return,
    };
    let Some(at) = at.or(rt.date.as_ref()) else { return };
    let what = || format!("`{state}`'s transition to {}", t.status);
    review::check(cx, Some(org), what, (when, day), at);
}

/// `t` starts after `prev` under both bases, and not on the same day;
/// where sources give other days, the days of the two stay apart.
fn forward(
    cx: &mut Cx<'_>,
    state: &str,
    prev: &Transition,
    t: &Transition,
    rt: &Located<schema::Transition>,
) {
    for basis in [Basis::Effective, Basis::Decided] {
        let (Some(a), Some(b)) = (prev.start(basis), t.start(basis)) else {
            continue;
        };
        if b.certainly_before(a) {
            cx.at(
                rt,
                out_of_order(format!(
                    "`{state}`'s transitions are out of order: {b} ({}) comes after {a} ({})",
                    t.status, prev.status
                ))
                .help("list transitions oldest first"),
            );
            return;
        }
        if a.is_day() && b.is_day() && a == b {
            cx.at(
                rt,
                rule(format!(
                    "`{state}` would hold two statuses at once: {} and {} both start on {a}",
                    prev.status, t.status
                ))
                .help("a state holds one status a day; drop one transition or correct its date"),
            );
            return;
        }
    }
    if let Some(day) = super::alternatives::overlap(prev, t) {
        cx.at(
            rt,
            out_of_order(format!(
                "`{state}`'s transitions to {} and to {} may fall on the same day ({day}): the days their sources give overlap",
                prev.status, t.status
            ))
            .help("an alternative's day must fall after the transition before it and before the one after; check its date against the sources"),
        );
    }
}

/// Where a history was given: its file and the place of its `state:`.
pub(crate) struct HistoryAt {
    pub path: String,
    pub state: Located<()>,
}

/// One history per state and organisation, over all files.
pub(crate) fn one_history_each(
    histories: &[(Affiliation, HistoryAt)],
    sink: &mut Sink,
) {
    let mut seen: BTreeSet<(&OrganizationId, &StateId)> = BTreeSet::new();
    for (a, at) in histories {
        if !seen.insert((&a.organization, &a.state)) {
            let d = Diagnostic::new(
                DiagnosticKind::DuplicateId,
                format!(
                    "`{}` has two status histories in `{}`",
                    a.state, a.organization
                ),
            )
            .help("merge them into one list of transitions");
            sink.at(Part::Histories, &at.path, &at.state, d);
        }
    }
}

/// Whether `state` was a member of `org` on `day`, by the histories.
pub(crate) struct Membership<'a> {
    orgs: BTreeMap<&'a str, &'a Organization>,
    histories: BTreeMap<(&'a str, &'a str), &'a [Transition]>,
}

impl<'a> Membership<'a> {
    pub fn new(
        orgs: &'a [Organization],
        histories: &'a [Affiliation],
    ) -> Membership<'a> {
        Membership {
            orgs: orgs.iter().map(|o| (o.id.as_str(), o)).collect(),
            histories: histories
                .iter()
                .map(|a| {
                    (
                        (a.organization.as_str(), a.state.as_str()),
                        a.transitions.as_slice(),
                    )
                })
                .collect(),
        }
    }

    /// The office `office` of `org`, if both are known.
    fn office(&self, org: &str, office: &str) -> Option<&'a Office> {
        self.orgs.get(org).and_then(|o| o.office(office))
    }

    fn member(&self, org: &str, state: &str, day: Date) -> bool {
        match (self.orgs.get(org), self.histories.get(&(org, state))) {
            (Some(o), Some(ts)) => {
                // Any status of the member or associate tier (the CSTO's
                // frozen one; the CIS's associate Turkmenistan chaired it),
                // held or possibly held: where the sources dispute an exit,
                // or date it only to a month, the rule cannot say that the
                // chair was not a member, so neither does this check.
                use crate::model::Tier;
                crate::rule::status_on(o, ts, day, Basis::Effective)
                    .possible()
                    .iter()
                    .any(|s| {
                        matches!(s.tier(), Tier::Member | Tier::Associate)
                    })
            }
            _ => false,
        }
    }
}

/// Where a chair term was given.
pub(crate) struct ChairAt {
    pub path: String,
    pub state: Located<()>,
    pub start: Located<()>,
    pub irregular: bool,
}

/// An organisation's chair terms in order, each starting where the last
/// ended (at its summit's Council) unless marked `irregular`, each held by
/// a member (when the histories are sound enough to say); sets each
/// term's end. Terms given in several files are checked in order of
/// their starts, over all the files; each file lists its own in order.
pub(crate) fn chairs(
    terms: &mut [(ChairTerm, ChairAt)],
    summits: &BTreeMap<String, Summit>,
    members: Option<&Membership<'_>>,
    sink: &mut Sink,
) {
    if spans_files(terms.iter().map(|(_, at)| at.path.as_str())) {
        for w in terms.windows(2) {
            let ((a, _), (b, b_at)) = (&w[0], &w[1]);
            if w[0].1.path == b_at.path && !after(b.start, a.start) {
                sink.at(
                    Part::Chairs,
                    &b_at.path,
                    &b_at.start,
                    listed_out_of_order("chair", b.start, a.start),
                );
            }
        }
        terms.sort_by_key(|(t, _)| (t.start.first_day(), t.start));
    }
    for i in 0..terms.len() {
        let (term, at) = &terms[i];
        if let Some((next, next_at)) = terms.get(i + 1)
            && let Some((place, d)) = handover(term, next, next_at, summits)
        {
            sink.at(Part::Chairs, &next_at.path, place, d);
        }
        if let Some(m) = members
            && !m.member(
                term.organization.as_str(),
                term.state.as_str(),
                term.start,
            )
        {
            let d = rule(format!(
                "chair `{}` was not a member of `{}` on {}",
                term.state, term.organization, term.start
            ))
            .help(
                "only member (or associate) states chair; check the state and the start date",
            );
            sink.at(Part::Chairs, &at.path, &at.state, d);
        }
    }
    for i in 0..terms.len() {
        let end = terms.get(i + 1).map(|(t, _)| t.start);
        terms[i].0.end = end;
    }
}

/// Whether entries come from more than one file.
fn spans_files<'a>(mut paths: impl Iterator<Item = &'a str>) -> bool {
    let first = paths.next();
    paths.any(|p| Some(p) != first)
}

/// Whether `b` can start after `a`: some day `b` may stand for is after
/// some day `a` may (`2018` can follow 2018-03-01; `2018` cannot follow
/// 2018-12-31).
fn after(b: Date, a: Date) -> bool {
    b.last_day() > a.first_day()
}

fn listed_out_of_order(what: &str, next: Date, start: Date) -> Diagnostic {
    out_of_order(format!(
        "{what} terms out of order: {next} is not after {start}"
    ))
    .help(format!("list {what} terms oldest first"))
}

/// What is wrong between a chair term and the next, and where.
fn handover<'a>(
    term: &ChairTerm,
    next: &ChairTerm,
    next_at: &'a ChairAt,
    summits: &BTreeMap<String, Summit>,
) -> Option<(&'a Located<()>, Diagnostic)> {
    let (start, next_start) = (term.start, next.start);
    if !after(next_start, start) {
        return Some((
            &next_at.start,
            listed_out_of_order("chair", next_start, start),
        ));
    }
    if next_at.irregular {
        return None;
    }
    // The term ends at its summit's Council; the next must start that day,
    // or the data must say why not.
    let ended = term
        .ended_by
        .as_ref()
        .and_then(|s| summits.get(s.as_str()))
        .and_then(Summit::handover_day);
    match ended {
        Some(day) if day != next_start => {
            let what = if day.certainly_before(next_start) {
                "a gap"
            } else {
                "an overlap"
            };
            let d = rule(format!(
                "{what} between chair terms: `{}`'s term ended on {day}, `{}`'s starts on {next_start}",
                term.state, next.state
            ))
            .help("correct the dates, or explain the exception in `irregular:`");
            Some((&next_at.start, d))
        }
        // Without `ended_by`, a term ends where the next begins (BRICS
        // chairs by calendar year).
        _ => None,
    }
}

/// Where an office term was given.
pub(crate) struct OfficeAt {
    pub path: String,
    pub nationality: Located<()>,
    pub start: Located<()>,
}

/// An organisation's office terms in order per office, each holder of an
/// office whose holders come from members (`from_members`, the default)
/// from a member state (when the histories are sound enough to say);
/// sets each term's end.
pub(crate) fn offices(
    terms: &mut [(OfficeTerm, OfficeAt)],
    orgs: &[Organization],
    members: Option<&Membership<'_>>,
    sink: &mut Sink,
) {
    let until = |t: &OfficeTerm| {
        orgs.iter()
            .find(|o| o.id == t.organization)
            .and_then(|o| o.office(t.office.as_str()))
            .and_then(|o| o.until)
    };
    if spans_files(terms.iter().map(|(_, at)| at.path.as_str())) {
        terms.sort_by_key(|(t, _)| (t.start.first_day(), t.start));
    }
    let next_of = |terms: &[(OfficeTerm, OfficeAt)], i: usize| {
        let t = &terms[i].0;
        terms[i + 1..]
            .iter()
            .position(|(n, _)| {
                n.office == t.office && n.organization == t.organization
            })
            .map(|k| i + 1 + k)
    };
    for i in 0..terms.len() {
        let (term, at) = &terms[i];
        if let Some(j) = next_of(terms, i) {
            let (next, next_at) = &terms[j];
            if !after(next.start, term.start) {
                let d = out_of_order(format!(
                    "office terms out of order: {} is not after {}",
                    next.start, term.start
                ))
                .help("list office holders oldest first");
                sink.at(Part::Officials, &next_at.path, &next_at.start, d);
            }
        }
        let org = term.organization.as_str();
        if let Some(m) = members
            && let Some(office) = m.office(org, term.office.as_str())
            && office.from_members
            && !m.member(
                org,
                term.nationality.as_str(),
                term.start.first_day(),
            )
        {
            let d = rule(format!(
                "{} ({}) took office on {}, when `{}` was not a member of `{}`",
                term.name, term.nationality, term.start, term.nationality, term.organization
            ))
            .help(format!(
                "the {} comes from a member state; check nationality and date \
                 (or say `from_members: false` for the office)",
                office.label
            ));
            sink.at(Part::Officials, &at.path, &at.nationality, d);
        }
    }
    for i in 0..terms.len() {
        let ceased = until(&terms[i].0);
        if let Some(u) = ceased
            && !after(u, terms[i].0.start)
        {
            let (t, at) = &terms[i];
            let d = rule(format!(
                "{} took office on {}, but the office ceased on {u}",
                t.name, t.start
            ))
            .help("check the start, or the office's `until` in organization.yaml");
            sink.at(Part::Officials, &at.path, &at.start, d);
        }
        let end = next_of(terms, i).map(|j| terms[j].0.start).or(ceased);
        terms[i].0.end = end;
    }
}

/// Every name, alias, official name and code stands for one state: `igo
/// history Congo` must not depend on which of two states comes first.
pub(crate) fn names_apart(
    docs: &[super::schema::Document<schema::State>],
    sink: &mut Sink,
) {
    let mut seen: BTreeMap<String, &str> = BTreeMap::new();
    for doc in docs {
        for st in &doc.entries {
            let id = st.id.value.as_str();
            let mut names: Vec<(&str, &Located<String>)> =
                vec![(st.id.value.as_str(), &st.id)];
            names.extend(st.iso2.iter().map(|i| (i.value.as_str(), i)));
            names.push((st.name.value.as_str(), &st.name));
            names.extend(st.aliases.iter().map(|a| (a.value.as_str(), a)));
            if let Some(o) = &st.official_name {
                names.push((o.0.as_str(), &st.name));
            }
            let mut own = BTreeSet::new();
            for (name, at) in names {
                let key = name.trim().to_lowercase();
                if !own.insert(key.clone()) {
                    continue;
                }
                match seen.get(&key) {
                    Some(other) if *other != id => {
                        let d = Diagnostic::new(
                            DiagnosticKind::DuplicateId,
                            format!(
                                "`{}` would stand for two states, `{other}` and `{id}`",
                                crate::error::shown(name)
                            ),
                        )
                        .help("give each name, alias and code to one state only");
                        sink.at(Part::States, &doc.path, at, d);
                    }
                    _ => {
                        seen.insert(key, id);
                    }
                }
            }
        }
    }
}

/// A summit marked held must be one its sources could have reported: not
/// one that began after the newest of them was published.
pub(crate) fn held_after_sources(
    cx: &mut Cx<'_>,
    r: &schema::Summit,
    s: &Summit,
    published: &BTreeMap<&str, Option<Date>>,
) {
    let (SummitStatus::Held, Some(start)) = (s.status, s.start) else {
        return;
    };
    let mut newest: Option<Date> = None;
    for c in &r.sources.value {
        match published.get(c.value.as_str()) {
            Some(Some(p)) => {
                newest = Some(newest.map_or(*p, |n| n.max(*p)));
            }
            // An undated or unknown source could have reported it.
            _ => return,
        }
    }
    if let Some(n) = newest
        && n.last_day() < start.first_day()
    {
        cx.at(
            &r.status,
            rule(format!(
                "summit `{}` is marked held, but it began on {start}, after \
                 every source cited was published (the newest on {n})",
                s.id
            ))
            .help("cite a report of the summit, or mark it `planned`"),
        );
    }
}
