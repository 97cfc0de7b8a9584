//! An organisation through time: the names it bore, each within its life
//! and one at a time; and the organisations before and after it, which
//! are founded in that order, end before their successors take over the
//! record, and never run in a circle.

use std::collections::{BTreeMap, BTreeSet};

use super::refs::Refs;
use super::review;
use super::schema::{self, Document, Located};
use super::sink::{Cx, Part, Sink};
use super::vocabulary::words;
use crate::date::Date;
use crate::error::{Diagnostic, DiagnosticKind, shown};
use crate::model::{DatedName, Organization};

fn rule(message: impl Into<String>) -> Diagnostic {
    Diagnostic::new(DiagnosticKind::Domain, message)
}

/// An organisation that names itself as its predecessor or successor.
pub(crate) fn own_links(cx: &mut Cx<'_>, r: &schema::Organization) {
    let id = &r.id.value;
    for (link, what) in
        [(&r.predecessor, "predecessor"), (&r.successor, "successor")]
    {
        if let Some(l) = link
            && l.value == *id
        {
            cx.at(
                l,
                rule(format!("`{}` is its own {what}", shown(id))).help(
                    "a predecessor or successor is another organisation",
                ),
            );
        }
    }
}

/// An organisation's earlier names, each checked, then together: within
/// its life (`founded`, `dissolved`), first used by its review day
/// (`reviewed`), and never two on one day.
pub(crate) fn names(
    cx: &mut Cx<'_>,
    refs: &Refs,
    r: &schema::Organization,
    (founded, dissolved, reviewed): (Option<Date>, Option<Date>, Option<Date>),
) -> Vec<DatedName> {
    let org = shown(&r.id.value);
    let mut out: Vec<(DatedName, &schema::DatedName)> = Vec::new();
    for n in &r.names {
        let n = &n.value;
        words(cx, &format!("an earlier name of `{org}`"), &n.name);
        let from = cx.date(&n.from);
        let until = cx.opt_date(&n.until);
        if let (Some(a), Some(b), Some(u)) = (from, until, &n.until)
            && !a.certainly_before(b)
        {
            cx.at(u, Diagnostic::new(
                DiagnosticKind::OutOfOrder,
                format!("the name `{}` is used until {b}, not after it is first used on {a}", shown(&n.name.value)),
            ));
        }
        let sources = refs.sources(cx, &n.sources);
        let Some(from) = from else { continue };
        let name =
            DatedName { name: n.name.value.clone(), from, until, sources };
        within_life(cx, &org, (&name, n), (founded, dissolved));
        if let Some(rev) = review::after(reviewed, from) {
            let what = format!("the name `{}`", shown(&name.name));
            review::late(
                cx,
                (&r.id.value, rev),
                &what,
                ("used from", from),
                &n.from,
            );
        }
        if until.is_none() && n.name.value != r.name.value {
            cx.at(&n.name, rule(format!(
                "the earlier name `{}` has no `until`: it would be in use to this day, in place of `{}`",
                shown(&n.name.value),
                shown(&r.name.value)
            ))
            .help("give the day the next name took over (`until`)"));
        }
        out.push((name, n));
    }
    one_at_a_time(cx, &out);
    out.into_iter().map(|(n, _)| n).collect()
}

/// A name is used between the founding and the end.
fn within_life(
    cx: &mut Cx<'_>,
    org: &str,
    (name, at): (&DatedName, &schema::DatedName),
    (founded, dissolved): (Option<Date>, Option<Date>),
) {
    let shown_name = shown(&name.name);
    if let Some(f) = founded
        && name.from.certainly_before(f)
    {
        cx.at(&at.from, rule(format!(
            "the name `{shown_name}` is used from {}, before `{org}` was founded on {f}",
            name.from
        ))
        .help("a name of the organisation is used within its life: check the day against the sources"));
    }
    let Some(end) = dissolved else { return };
    let after_end = |d: Date| {
        end.certainly_before(d) || (d == end && d.is_day() && end.is_day())
    };
    if after_end(name.from) {
        cx.at(&at.from, rule(format!(
            "the name `{shown_name}` is used from {}, after `{org}` ceased to exist on {end}",
            name.from
        ))
        .help("a name of the organisation is used within its life: check the day against the sources"));
    } else if let (Some(u), Some(u_at)) = (name.until, &at.until)
        && end.certainly_before(u)
    {
        cx.at(u_at, rule(format!(
            "the name `{shown_name}` is used until {u}, after `{org}` ceased to exist on {end}"
        ))
        .help("a name ends at the latest when the organisation does"));
    }
}

/// No two names are certainly in use on one day (a name holds from
/// `from`, inclusive, to `until`, exclusive).
fn one_at_a_time(cx: &mut Cx<'_>, names: &[(DatedName, &schema::DatedName)]) {
    let mut order: Vec<usize> = (0..names.len()).collect();
    order.sort_by_key(|&i| (names[i].0.from.first_day(), i));
    for (k, &i) in order.iter().enumerate() {
        for &j in &order[k + 1..] {
            let (a, b) = (&names[i].0, &names[j].0);
            // The first day certainly in both, and the first day after
            // either certainly ends.
            let both = a.from.last_day().max(b.from.last_day());
            let ends = [a.until, b.until].into_iter().flatten();
            let end = ends.map(|u| u.first_day()).min();
            if end.is_none_or(|e| both < e) {
                cx.at(&names[j].1.from, rule(format!(
                    "the names `{}` and `{}` would both be in use on {both}",
                    shown(&a.name),
                    shown(&b.name)
                ))
                .help("a name is used until the next one takes over: correct its `until` or the next one's `from`"));
            }
        }
    }
}

/// One link of a lineage: `from` came before `to`, as the data says at
/// `at` (a `predecessor:` or `successor:` value) in `path`.
struct Link<'a> {
    from: &'a str,
    to: &'a str,
    path: &'a str,
    at: &'a Located<String>,
}

/// Predecessors and successors over all organisations: no circle of any
/// length, a predecessor founded before its successor, and ended.
pub(crate) fn links(
    docs: &[Document<schema::Organization>],
    orgs: &BTreeMap<&str, &Organization>,
    sink: &mut Sink,
) {
    let mut links: Vec<Link<'_>> = Vec::new();
    for doc in docs {
        for r in &doc.entries {
            let id = r.id.value.as_str();
            let declared = [
                r.predecessor.as_ref().map(|p| (p.value.as_str(), id, p)),
                r.successor.as_ref().map(|s| (id, s.value.as_str(), s)),
            ];
            for (from, to, at) in declared.into_iter().flatten() {
                let known = orgs.contains_key(from) && orgs.contains_key(to);
                let seen = links.iter().any(|l| (l.from, l.to) == (from, to));
                if from != to && known && !seen {
                    links.push(Link { from, to, path: &doc.path, at });
                }
            }
        }
    }
    let circles = circles(&links);
    for c in &circles {
        let first = links
            .iter()
            .find(|l| (l.from, l.to) == (c[0], c[1]))
            .expect("a circle is made of links");
        let d = rule(format!(
            "predecessors and successors run in a circle: {}",
            around(c)
        ))
        .help("an organisation comes after its predecessor and before its successor: correct the link that leads back");
        sink.at(Part::Organizations, first.path, first.at, d);
    }
    let in_circle: BTreeSet<&str> =
        circles.iter().flatten().copied().collect();
    for l in &links {
        if in_circle.contains(l.from) && in_circle.contains(l.to) {
            continue;
        }
        if let Some(d) = in_order(orgs[l.from], orgs[l.to]) {
            sink.at(Part::Organizations, l.path, l.at, d);
        }
    }
}

/// `` `A` comes before `B`, `B` before `C`, and `C` before `A` ``.
fn around(circle: &[&str]) -> String {
    let steps: Vec<String> = circle
        .windows(2)
        .enumerate()
        .map(|(i, w)| match i {
            0 => format!("`{}` comes before `{}`", w[0], w[1]),
            _ => format!("`{}` before `{}`", w[0], w[1]),
        })
        .collect();
    match steps.split_last() {
        Some((last, rest)) if !rest.is_empty() => {
            format!("{}, and {last}", rest.join(", "))
        }
        _ => steps.join(""),
    }
}

/// What is wrong with `p` as the predecessor of `s`, if anything.
fn in_order(p: &Organization, s: &Organization) -> Option<Diagnostic> {
    let (pf, sf) = (p.founded, s.founded);
    if sf.certainly_before(pf) || (pf == sf && pf.is_day()) {
        return Some(
            rule(format!(
                "`{}` is the predecessor of `{}`, but it was founded on {pf}, not before `{}` (founded on {sf})",
                p.id, s.id, s.id
            ))
            .help("check both founding days against the sources, and which organisation took over from which"),
        );
    }
    if p.dissolved.is_none() {
        return Some(
            rule(format!(
                "`{}` is the predecessor of `{}`, but it never ended: it has no `dissolved` day",
                p.id, s.id
            ))
            .help(format!("give `{}` the day it ceased to exist (or was superseded), or remove the link", p.id)),
        );
    }
    None
}

/// Every circle of links, each once, as the ids around it from the
/// smallest, back to it (`A`, `B`, `A`).
fn circles<'a>(links: &[Link<'a>]) -> Vec<Vec<&'a str>> {
    let mut next: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
    for l in links {
        next.entry(l.from).or_default().push(l.to);
    }
    let reach = |from: &'a str| -> BTreeMap<&'a str, &'a str> {
        // Each node reached, with the node it was reached from.
        let mut came: BTreeMap<&str, &str> = BTreeMap::new();
        let mut todo = vec![from];
        while let Some(n) = todo.pop() {
            for &m in next.get(n).into_iter().flatten() {
                if !came.contains_key(m) {
                    came.insert(m, n);
                    todo.push(m);
                }
            }
        }
        came
    };
    let mut out = Vec::new();
    let mut done: BTreeSet<&str> = BTreeSet::new();
    for &start in next.keys() {
        if done.contains(start) {
            continue;
        }
        let came = reach(start);
        if !came.contains_key(start) {
            continue;
        }
        // The way back to `start`, walked backwards.
        let mut circle = vec![start];
        let mut at = came[start];
        while at != start {
            circle.push(at);
            at = came[at];
        }
        circle.push(start);
        circle.reverse();
        // Everything on a circle through `start` (its strongly connected
        // part) is reported with it.
        done.extend(came.keys().filter(|&&m| reach(m).contains_key(start)));
        out.push(circle);
    }
    out
}
