//! A state's life in the data: its lifetimes as the lists date them, its
//! earlier names, its successions (each entry's own checks), and the rules
//! across states and histories: a code names one state on any day, and a
//! state holds no status outside its life.

use std::collections::BTreeMap;

use super::refs::Refs;
use super::rules::HistoryAt;
use super::schema::{self, Located};
use super::sink::{Cx, Part, Sink};
use super::vocabulary::words;
use crate::date::Date;
use crate::error::{Diagnostic, DiagnosticKind};
use crate::model::{
    Affiliation, DatedName, Lifetime, State, StateId, StateList, Status,
    Succession, SuccessionKind,
};

fn rule(message: impl Into<String>) -> Diagnostic {
    Diagnostic::new(DiagnosticKind::Domain, message)
}

fn invalid(message: impl Into<String>) -> Diagnostic {
    Diagnostic::new(DiagnosticKind::InvalidValue, message)
}

/// A state's lifetimes, each with its local checks: a known list, a first
/// day not after the last, sources and a note where neither list dates it.
pub(crate) fn lifetimes(
    cx: &mut Cx<'_>,
    refs: &Refs,
    r: &schema::State,
) -> Vec<Lifetime> {
    let mut out = Vec::with_capacity(r.lifetimes.len());
    for l in &r.lifetimes {
        let v = &l.value;
        let list = cx.keyword::<StateList>("list of states", &v.list);
        let from = cx.date(&v.from);
        let to = cx.opt_date(&v.to);
        if let (Some(a), Some(b), Some(at)) = (from, to, &v.to)
            && b.certainly_before(a)
        {
            cx.at(
                at,
                Diagnostic::new(
                    DiagnosticKind::OutOfOrder,
                    format!("a lifetime of `{}` ends on {b}, before it begins on {a}", r.id.value),
                ),
            );
        }
        if let Some(abb) = &v.abbrev
            && !(abb.value.len() == 3
                && abb.value.bytes().all(|b| b.is_ascii_uppercase()))
        {
            cx.at(abb, invalid(format!("`{}` is not a state's letters", abb.value))
                .help("COW and G&W letters are three capital letters, e.g. `GFR`"));
        }
        let sources = v
            .sources
            .as_ref()
            .map(|s| refs.sources(cx, s))
            .unwrap_or_default();
        if list == Some(StateList::Other)
            && (v.sources.is_none() || v.note.is_none())
        {
            cx.at(l, rule(format!(
                "a lifetime of `{}` that neither list gives needs `sources` and a `note`",
                r.id.value
            )).help("say why the state is taken to live then, and cite what says so"));
        }
        if list == Some(StateList::Other)
            && (v.code.is_some() || v.abbrev.is_some())
        {
            cx.at(
                l,
                invalid("a lifetime of list `other` has no code")
                    .help("codes belong to `cow` and `gw` lifetimes"),
            );
        }
        let (Some(list), Some(from)) = (list, from) else { continue };
        out.push(Lifetime {
            list,
            from,
            to,
            code: v.code.as_ref().map(|c| c.value.0),
            abbrev: v.abbrev.as_ref().map(|a| a.value.clone()),
            sources,
            note: super::schema::Text::of(&v.note),
        });
    }
    out
}

/// A state's earlier names: each in words, dated in order, sourced.
pub(crate) fn names(
    cx: &mut Cx<'_>,
    refs: &Refs,
    r: &schema::State,
) -> Vec<DatedName> {
    let mut out = Vec::with_capacity(r.names.len());
    for n in &r.names {
        let n = &n.value;
        words(cx, &format!("an earlier name of `{}`", r.id.value), &n.name);
        let from = cx.date(&n.from);
        let until = cx.opt_date(&n.until);
        if let (Some(a), Some(b), Some(u)) = (from, until, &n.until)
            && !a.certainly_before(b)
        {
            cx.at(u, Diagnostic::new(
                DiagnosticKind::OutOfOrder,
                format!("the name `{}` is used until {b}, not after it is first used on {a}", n.name.value),
            ));
        }
        let sources = refs.sources(cx, &n.sources);
        let Some(from) = from else { continue };
        out.push(DatedName {
            name: n.name.value.clone(),
            from,
            until,
            sources,
        });
    }
    out
}

/// A state's successions: a known kind, known successors other than
/// itself, sources.
pub(crate) fn successions(
    cx: &mut Cx<'_>,
    refs: &Refs,
    r: &schema::State,
) -> Vec<Succession> {
    let mut out = Vec::with_capacity(r.successions.len());
    for s in &r.successions {
        let v = &s.value;
        let kind = cx.keyword::<SuccessionKind>("succession kind", &v.kind);
        let date = cx.date(&v.date);
        for st in &v.states.value {
            refs.state(cx, st);
            if st.value == r.id.value {
                cx.at(
                    st,
                    rule(format!(
                        "`{}` is named as its own successor",
                        st.value
                    )),
                );
            }
        }
        if v.states.value.is_empty() {
            cx.at(
                &v.states,
                rule("a succession names no successor")
                    .help("list the states that took the state's place"),
            );
        }
        if kind == Some(SuccessionKind::ContinuedBy)
            && v.states.value.len() > 1
        {
            cx.at(&v.states, rule("only one state can continue another")
                .help("use `dissolved_into` for the others, in a second succession"));
        }
        let sources = refs.sources(cx, &v.sources);
        let (Some(kind), Some(date)) = (kind, date) else { continue };
        out.push(Succession {
            kind,
            date,
            states: v
                .states
                .value
                .iter()
                .map(|s| StateId::new(s.value.clone()))
                .collect(),
            sources,
            note: super::schema::Text::of(&v.note),
        });
    }
    out
}

/// Where each state's entry is, for the rules across states.
type Places<'a> = BTreeMap<&'a str, (&'a str, &'a Located<String>)>;

fn places(docs: &[schema::Document<schema::State>]) -> Places<'_> {
    let mut out = BTreeMap::new();
    for d in docs {
        for r in &d.entries {
            out.entry(r.id.value.as_str()).or_insert((d.path.as_str(), &r.id));
        }
    }
    out
}

/// No two states hold one COW code, or one G&W code, on one day. A state
/// without lifetimes holds its codes on every day. `states` may hold
/// states that `docs` does not define (a layer's checked with those of
/// the folders below): a problem is reported at the entry `docs`
/// defines, and one between two states defined elsewhere is not (it was
/// reported where they are).
pub(crate) fn codes_apart(
    docs: &[schema::Document<schema::State>],
    states: &[State],
    sink: &mut Sink,
) {
    let places = places(docs);
    for list in [StateList::Cow, StateList::Gw] {
        let mut holders: BTreeMap<u16, Vec<(&State, Period)>> =
            BTreeMap::new();
        for s in states {
            for p in periods(s, list) {
                holders.entry(p.0).or_default().push((s, p));
            }
        }
        for (code, mut periods) in holders {
            periods.sort_by_key(|(_, p)| p.1);
            for pair in periods.windows(2) {
                let ((a, (_, _, a_to)), (b, (_, b_from, _))) =
                    (pair[0], pair[1]);
                let overlap =
                    a_to.is_none_or(|t| b_from.is_none_or(|f| f <= t));
                if !overlap || a.id == b.id {
                    continue;
                }
                let place = places.get(b.id.as_str());
                let Some(&(path, at)) =
                    place.or_else(|| places.get(a.id.as_str()))
                else {
                    continue;
                };
                let d = Diagnostic::new(
                    DiagnosticKind::DuplicateId,
                    format!(
                        "{} code {code} names both `{}` ({}) and `{}` ({}) on the same days{}",
                        list_name(list), a.id, a.name, b.id, b.name,
                        b_from.map(|f| format!(" (from {f})")).unwrap_or_default()
                    ),
                )
                .help("a code names one state on any day: date the lifetimes so that it passes from one to the other, or correct the code");
                sink.at(Part::States, path, at, d);
            }
        }
    }
}

fn list_name(list: StateList) -> &'static str {
    match list {
        StateList::Cow => "COW",
        StateList::Gw => "G&W",
        StateList::Other => "other",
    }
}

/// A code held from a day (`None`: always) to a day (`None`: today).
pub(crate) type Period = (u16, Option<Date>, Option<Date>);

/// The periods in which `s` holds a code of `list`: its lifetimes in the
/// list, or every day when it has no lifetime at all.
pub(crate) fn periods(s: &State, list: StateList) -> Vec<Period> {
    s.codes_in(list)
        .into_iter()
        .map(|(held, from, to)| (held.code, from, to))
        .collect()
}

/// No state holds a status outside its life: every held status begins
/// on a day the state may live (an imprecise start, `1964`, on a day of
/// its range), and a state whose life ends holds none after its last day
/// (a status that runs to its organisation's dissolution ends there).
/// `below`: the histories are those of the folders below a layer, placed
/// at the layer's entry of the state (whose life the layer gives).
/// `dissolved`: each organisation's dissolution day.
pub(crate) fn statuses_within_life(
    states: &[State],
    located: &[(Affiliation, HistoryAt)],
    (below, dissolved): (bool, &BTreeMap<&str, Date>),
    sink: &mut Sink,
) {
    let of = |a: &Affiliation| match below {
        true => format!("`{}` below", a.organization),
        false => format!("`{}`", a.organization),
    };
    let by_id: BTreeMap<&str, &State> =
        states.iter().map(|s| (s.id.as_str(), s)).collect();
    for (a, at) in located {
        let Some(state) = by_id.get(a.state.as_str()) else { continue };
        let Some((_, last)) = state.life() else { continue };
        for (i, t) in a.transitions.iter().enumerate() {
            let Some(start) = t.effective.or(t.decided) else { continue };
            if t.status == Status::NONE {
                continue;
            }
            let (first, last_day) = (start.first_day(), start.last_day());
            if !state.lifetimes.is_empty()
                && !state.lifetimes.iter().any(|l| {
                    l.from.first_day() <= last_day
                        && l.to.is_none_or(|to| to.last_day() >= first)
                })
            {
                let d = rule(format!(
                    "`{}` holds {} of {} from {start}, when it did not exist ({})",
                    a.state, t.status.label(), of(a), state.life_text()
                ))
                .help("check the state and the date; a state's life is in states.yaml (`lifetimes`)");
                sink.at(Part::Histories, &at.path, &at.state, d);
            }
            let ended = a
                .transitions
                .get(i + 1)
                .and_then(|n| n.effective.or(n.decided))
                .or_else(|| dissolved.get(a.organization.as_str()).copied());
            let past = |last: Date| match ended {
                None => true,
                Some(e) => {
                    last.next_day().is_some_and(|n| n.certainly_before(e))
                }
            };
            if let Some(last) = last
                && past(last)
            {
                let d = rule(format!(
                    "`{}` holds {} of {} after its life ended on {last}",
                    a.state, t.status.label(), of(a)
                ))
                .help("end the status with `none` by that day (a successor that continues it has its own history)");
                sink.at(Part::Histories, &at.path, &at.state, d);
            }
        }
    }
}
