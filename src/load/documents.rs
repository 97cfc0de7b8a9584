//! Schema to model: one function per entity, each with its local checks
//! (values well formed, references known). Rules over several entries
//! are in `rules`.

use std::collections::{BTreeMap, BTreeSet};
use std::sync::Arc;

use super::refs::Refs;
use super::schema::{self, Located, Text};
use super::sink::{Cx, Part};
use super::vocabulary::{self, words};
use super::{alternatives, lineage, review, rules};
use crate::date::Date;
pub(crate) use crate::error::shown;
use crate::error::{Diagnostic, DiagnosticKind};
use crate::model::{
    Affiliation, ChairTerm, Dispute, Event, EventId, Evidence, OfficeId,
    OfficeTerm, Organization, OrganizationId, PersonId, Source, SourceId,
    State, StateId, Summit, SummitId, Transition,
};

fn is_upper_code(s: &str, len: usize) -> bool {
    s.len() == len && s.bytes().all(|b| b.is_ascii_uppercase())
}

/// The COW code of a state id of the form `COW255`, if it is one.
pub(crate) fn cow_state_id(s: &str) -> Option<u16> {
    let digits = s.strip_prefix("COW")?;
    (digits.len() == 3 && digits.bytes().all(|b| b.is_ascii_digit()))
        .then(|| digits.parse().ok())?
}

fn is_qid(s: &str) -> bool {
    s.len() > 1
        && s.starts_with('Q')
        && s[1..].bytes().all(|b| b.is_ascii_digit())
}

fn invalid(message: impl Into<String>) -> Diagnostic {
    Diagnostic::new(DiagnosticKind::InvalidValue, message)
}

fn wikidata(cx: &mut Cx<'_>, q: &Option<Located<String>>) -> Option<String> {
    let q = q.as_ref()?;
    if !is_qid(&q.value) {
        cx.at(
            q,
            invalid(format!("`{}` is not a Wikidata item id", q.value))
                .help("write the id as `Q` and digits, e.g. `Q668`"),
        );
    }
    Some(q.value.clone())
}

/// The organisation of an entry (see [`Refs::owner`]), or the empty id
/// after reporting that there is none.
pub(crate) fn owner<T>(
    cx: &mut Cx<'_>,
    refs: &Refs,
    field: &Option<Located<String>>,
    folder: Option<&str>,
    anchor: &Located<T>,
) -> String {
    let missing = (
        "this folder defines no organisation",
        "add organization.yaml to the folder",
    );
    refs.owner(cx, field, folder, anchor, missing).unwrap_or_default()
}

/// The longest text id accepted (sources, summits, events).
const MAX_ID_LEN: usize = 128;

/// Checks a text id (source, summit, event): ASCII letters and digits,
/// with `.`, `_` and `-` inside, at most [`MAX_ID_LEN`] long.
pub(crate) fn text_id(cx: &mut Cx<'_>, what: &str, id: &Located<String>) {
    let v = &id.value;
    let ok = v.len() <= MAX_ID_LEN
        && v.bytes().next().is_some_and(|b| b.is_ascii_alphanumeric())
        && v.bytes().all(|b| b.is_ascii_alphanumeric() || b"._-".contains(&b));
    if !ok {
        let d = invalid(format!(
            "{what} id `{}` must be ASCII letters and digits, with `.`, `_` or \
             `-` inside, at most {MAX_ID_LEN} characters",
            shown(v)
        ))
        .help("ids are typed, compared and linked: keep them to a plain alphabet");
        cx.at(id, d);
    }
}

/// A source's address as the URL standard (WHATWG) serialises it: the
/// form every output writes. A space inside it becomes `%20`, as the
/// standard says, and so does any character outside ASCII in a path or
/// query. Refused: a tab, line break or other control character (the
/// standard would drop it in silence, joining what is around it), spaces
/// around the address, and anything that is not an http(s) URL with a
/// host.
fn address(cx: &mut Cx<'_>, url: &Located<String>) -> String {
    let v = &url.value;
    let help = "give the address where the source was read";
    if let Some(c) = v.chars().find(|c| c.is_control()) {
        let what = match c {
            '\t' => "a tab".to_string(),
            '\n' | '\r' => "a line break".to_string(),
            c => format!("a control character (`\\u{{{:x}}}`)", c as u32),
        };
        let d = invalid(format!(
            "source url `{}` holds {what}: an address is one line of printable characters",
            shown(v)
        ))
        .help("remove it (or write it percent-encoded: `%09` for a tab, `%0A` for a line break)");
        cx.at(url, d);
        return v.clone();
    }
    if v.trim() != v {
        let d =
            invalid(format!("source url `{}` has spaces around it", shown(v)))
                .help("remove the spaces before and after the address");
        cx.at(url, d);
        return v.clone();
    }
    let parsed = url::Url::parse(v);
    match &parsed {
        Ok(u)
            if matches!(u.scheme(), "http" | "https")
                && u.host().is_some() =>
        {
            return u.as_str().to_string();
        }
        _ => {}
    }
    let d = if v.starts_with("http://") || v.starts_with("https://") {
        let why = parsed
            .err()
            .map_or("it names no host".to_string(), |e| e.to_string());
        invalid(format!(
            "source url `{}` is not a valid address: {why}",
            shown(v)
        ))
    } else {
        invalid(format!("source url `{}` is not an http(s) address", shown(v)))
    };
    cx.at(url, d.help(help));
    v.clone()
}

/// A source.
pub(crate) fn source(cx: &mut Cx<'_>, r: &schema::Source) -> Source {
    text_id(cx, "source", &r.id);
    let url = address(cx, &r.url);
    words(
        cx,
        &format!("the title of source `{}`", shown(&r.id.value)),
        &r.title,
    );
    Source {
        id: SourceId::new(r.id.value.clone()),
        title: r.title.value.clone(),
        url,
        publisher: Text::of(&r.publisher),
        published: cx.opt_date(&r.published),
        quote: Text::of(&r.quote),
        note: Text::of(&r.note),
    }
}

/// A state; `iso2s` holds the alpha-2 codes seen so far.
pub(crate) fn state(
    cx: &mut Cx<'_>,
    refs: &Refs,
    r: &schema::State,
    iso2s: &mut BTreeSet<String>,
) -> State {
    let id = &r.id.value;
    let cow_id = cow_state_id(id);
    if !is_upper_code(id, 3) && cow_id.is_none() {
        cx.at(
            &r.id,
            invalid(format!(
                "state id `{}` is not an ISO 3166-1 alpha-3 code",
                shown(id)
            ))
            .help("use three capital letters, e.g. `IND`"),
        );
    }
    if let Some(code) = cow_id
        && r.cow_code.as_ref().map(|c| c.value.0) != Some(code)
    {
        cx.at(
            &r.id,
            invalid(format!(
                "state id `{}` names COW code {code}, but its `cow_code` \
                 is not {code}",
                shown(id)
            ))
            .help(format!("give it `cow_code: {code}`")),
        );
    }
    // A missing `iso2` is reported by `missing_iso2`, before the ids.
    match &r.iso2 {
        None => {}
        Some(iso2) if !is_upper_code(&iso2.value, 2) => {
            cx.at(
                iso2,
                invalid(format!(
                    "`{}` is not an ISO 3166-1 alpha-2 code",
                    iso2.value
                ))
                .help("use two capital letters, e.g. `IN`"),
            );
        }
        Some(iso2) if !iso2s.insert(iso2.value.clone()) => {
            cx.at(
                iso2,
                Diagnostic::new(
                    DiagnosticKind::DuplicateId,
                    format!("alpha-2 code `{}` is used twice", iso2.value),
                ),
            );
        }
        Some(_) => {}
    }
    for abb in [&r.cow_abbrev, &r.gw_abbrev]
        .into_iter()
        .flatten()
        .filter(|a| !is_upper_code(&a.value, 3))
    {
        cx.at(
            abb,
            invalid(format!(
                "`{}` is not a COW state abbreviation",
                abb.value
            ))
            .help("COW abbreviations are three capital letters, e.g. `KZK`"),
        );
    }
    let wikidata = wikidata(cx, &r.wikidata);
    words(cx, &format!("the name of state `{}`", shown(id)), &r.name);
    for a in &r.aliases {
        words(cx, &format!("an alias of state `{}`", shown(id)), a);
    }
    State {
        id: StateId::new(id.clone()),
        iso2: r.iso2.as_ref().map_or(String::new(), |i| i.value.clone()),
        name: r.name.value.clone(),
        official_name: Text::of(&r.official_name),
        aliases: r.aliases.iter().map(|a| a.value.clone()).collect(),
        cow_code: r.cow_code.as_ref().map(|c| c.value.0),
        cow_abbrev: r.cow_abbrev.as_ref().map(|c| c.value.clone()),
        wikidata,
        sources: refs.sources(cx, &r.sources),
        note: Text::of(&r.note),
        gw_code: r.gw_code.as_ref().map(|c| c.value.0),
        gw_abbrev: r.gw_abbrev.as_ref().map(|c| c.value.clone()),
        lifetimes: super::life::lifetimes(cx, refs, r),
        names: super::life::names(cx, refs, r),
        successions: super::life::successions(cx, refs, r),
    }
}

/// Every state of `doc` without an `iso2` whose id is not a COW id
/// (`COW255`: a state known by its COW code alone). Like a field serde
/// finds missing, it leaves the file unread, so that nothing is checked
/// against its states; hence checked before the ids are collected.
pub(crate) fn missing_iso2(
    doc: &schema::Document<schema::State>,
    sink: &mut super::sink::Sink,
) {
    for r in &doc.entries {
        // A state the lists date may never have had an alpha-2 code
        // (Bavaria, Abkhazia), or had one that passed on (SCG).
        let listed = !r.lifetimes.is_empty();
        if r.iso2.is_none() && cow_state_id(&r.id.value).is_none() && !listed {
            let d = Diagnostic::new(
                DiagnosticKind::MissingField,
                format!(
                    "missing field `iso2` in state `{}`",
                    shown(&r.id.value)
                ),
            )
            .help("add the field; the README lists the required fields")
            .at(&doc.path, r.id.line, r.id.column);
            sink.unread(Part::States, d);
        }
    }
}

/// An organisation, or `None` when its founding date is unreadable;
/// `today`, when the caller gives it, bounds its review day.
pub(crate) fn organization(
    cx: &mut Cx<'_>,
    refs: &Refs,
    r: &schema::Organization,
    today: Option<Date>,
) -> Option<Organization> {
    let id = &r.id.value;
    if id.is_empty()
        || !id
            .bytes()
            .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit() || b == b'_')
    {
        cx.at(
            &r.id,
            invalid(format!(
                "organisation id `{}` must be capital letters, digits or `_`",
                shown(id)
            )),
        );
    }
    let founded = cx.date(&r.founded);
    let dissolved = cx.opt_date(&r.dissolved);
    if let (Some(a), Some(b), Some(ds)) = (founded, dissolved, &r.dissolved)
        && (b.certainly_before(a)
            || b.first_day() == a.first_day() && a.is_day() && b.is_day())
    {
        cx.at(
            ds,
            Diagnostic::new(
                DiagnosticKind::OutOfOrder,
                format!(
                    "`{id}` is dissolved on {b}, not after its founding on {a}"
                ),
            ),
        );
    }
    if let Some(q) = &r.wikidata
        && !is_qid(&q.value)
    {
        cx.at(q, invalid(format!("`{}` is not a Wikidata item id", q.value)));
    }
    if refs.states.known.contains(id) {
        cx.at(
            &r.id,
            Diagnostic::new(
                DiagnosticKind::DuplicateId,
                format!("organisation id `{id}` is also a state's id"),
            )
            .help("an export names every node by its id: give the organisation another id"),
        );
    }
    lineage::own_links(cx, r);
    let shown_id = shown(id);
    words(cx, &format!("the name of `{shown_id}`"), &r.name);
    words(cx, &format!("the short name of `{shown_id}`"), &r.short_name);
    let sources = refs.sources(cx, &r.sources);
    let link = |l: &Option<Located<String>>| {
        l.as_ref().map(|p| OrganizationId::new(p.value.clone()))
    };
    let statuses = vocabulary::statuses(cx, &r.statuses);
    let cow_earlier = vocabulary::cow_earlier(cx, r, founded);
    let organization_members = super::guests::organization_members(
        cx,
        refs,
        r,
        &statuses,
        (founded, dissolved),
    );
    let offices = vocabulary::offices(cx, &r.offices);
    let coverage =
        vocabulary::coverage(cx, id, &r.coverage, (founded, dissolved));
    let summit_body = vocabulary::title(
        cx,
        &format!("the summit body of `{shown_id}`"),
        &r.summit_body,
    );
    let chair_title = vocabulary::title(
        cx,
        &format!("the chair title of `{shown_id}`"),
        &r.chair_title,
    );
    let reviewed = review::day(cx, r, founded, today);
    let names = lineage::names(cx, refs, r, (founded, dissolved, reviewed));
    Some(Organization {
        id: OrganizationId::new(id.clone()),
        name: r.name.value.clone(),
        short_name: r.short_name.value.clone(),
        other_names: Text::all(&r.other_names),
        founded: founded?,
        dissolved,
        headquarters: Text::of(&r.headquarters),
        wikidata: r.wikidata.as_ref().map(|q| q.value.clone()),
        predecessor: link(&r.predecessor),
        successor: link(&r.successor),
        cow_column: r.cow_column.as_ref().map(|c| c.value.clone()),
        cow_ionum: r.cow_ionum.as_ref().map(|c| c.value.0),
        cow_earlier,
        sources,
        note: Text::of(&r.note),
        statuses,
        reviewed,
        names,
        offices,
        coverage,
        summit_body,
        chair_title,
        organization_members,
    })
}

/// A summit, or `None` when its status is unreadable; its lifetime is
/// checked against its organisation's.
pub(crate) fn summit(
    cx: &mut Cx<'_>,
    refs: &Refs,
    folder: Option<&str>,
    (orgs, published): (
        &BTreeMap<&str, &Organization>,
        &BTreeMap<&str, Option<Date>>,
    ),
    r: &schema::Summit,
) -> Option<Summit> {
    let org = owner(cx, refs, &r.organization, folder, &r.id);
    text_id(cx, "summit", &r.id);
    let id = &r.id.value;
    refs.state(cx, &r.host);
    if let Some(city) = &r.city {
        words(cx, &format!("the city of summit `{}`", shown(id)), city);
    }
    let start = cx.opt_date(&r.start);
    let end = cx.opt_date(&r.end);
    let council = cx.opt_date(&r.council);
    let status = cx.keyword("summit status", &r.status);
    let format =
        r.format.as_ref().and_then(|f| cx.keyword("summit format", f));
    let evidence = match &r.evidence {
        Some(e) => cx.keyword("evidence", e)?,
        None => Evidence::Sourced,
    };
    let summit = Summit {
        id: SummitId::new(id.clone()),
        organization: OrganizationId::new(org),
        ordinal: r.ordinal.map(|n| n.0),
        start,
        end,
        council,
        city: r.city.as_ref().map_or(String::new(), |c| c.value.clone()),
        host: StateId::new(r.host.value.clone()),
        format,
        status: status?,
        sources: Vec::new(),
        note: Text::of(&r.note),
        evidence,
    };
    rules::summit(cx, r, &summit, orgs);
    rules::held_after_sources(cx, r, &summit, published);
    let sources = refs.sources(cx, &r.sources);
    Some(Summit { sources, ..summit })
}

/// A chair term (its end is set by the next term), or `None` when its
/// start or evidence is unreadable.
pub(crate) fn chair(
    cx: &mut Cx<'_>,
    refs: &Refs,
    folder: Option<&str>,
    r: &schema::Chair,
) -> Option<ChairTerm> {
    let org = owner(cx, refs, &r.organization, folder, &r.state);
    refs.state(cx, &r.state);
    let start = cx.date(&r.start);
    let evidence = cx.keyword("evidence", &r.evidence);
    if let Some(e) = &r.ended_by {
        refs.summit(cx, e);
    }
    let sources = refs.sources(cx, &r.sources);
    Some(ChairTerm {
        organization: OrganizationId::new(org),
        state: StateId::new(r.state.value.clone()),
        start: start?,
        end: None,
        ended_by: r.ended_by.as_ref().map(|e| SummitId::new(e.value.clone())),
        evidence: evidence?,
        irregular: Text::of(&r.irregular),
        sources,
        note: Text::of(&r.note),
    })
}

/// The office a term names: one its organisation declares (unchecked
/// when the organisation is unknown, which is reported already), or
/// `None` after reporting the ones it declares.
fn office(
    cx: &mut Cx<'_>,
    org: Option<&Organization>,
    at: &Located<schema::Plain>,
) -> Option<OfficeId> {
    let id = at.value.0.as_str();
    let Some(org) = org else { return Some(OfficeId::new(id)) };
    if org.office(id).is_some() {
        return Some(OfficeId::new(id));
    }
    let declared: Vec<&str> =
        org.offices.iter().map(|o| o.id.as_str()).collect();
    let listed: Vec<String> =
        declared.iter().map(|o| format!("`{o}`")).collect();
    let d = invalid(format!(
        "unknown office `{}`: `{}` declares {}",
        shown(id),
        org.id,
        listed.join(", ")
    ))
    .suggest(
        id,
        declared.iter().copied(),
        format!(
            "declare the office in the `offices:` of `{}` in its organization.yaml",
            org.id
        ),
    );
    cx.at(at, d);
    None
}

/// An office term (its end is set by the next term), or `None` when its
/// office or start is unreadable.
pub(crate) fn official(
    cx: &mut Cx<'_>,
    refs: &Refs,
    (folder, orgs): (Option<&str>, &BTreeMap<&str, &Organization>),
    summits: &BTreeMap<String, Summit>,
    r: &schema::Official,
) -> Option<OfficeTerm> {
    let org = owner(cx, refs, &r.organization, folder, &r.person);
    let office = office(cx, orgs.get(org.as_str()).copied(), &r.office);
    refs.state(cx, &r.nationality);
    let start = cx.date(&r.start);
    let scheduled_end = cx.opt_date(&r.scheduled_end);
    if let (Some(s), Some(e), Some(at)) =
        (start, scheduled_end, &r.scheduled_end)
        && e.certainly_before(s)
    {
        cx.at(
            at,
            Diagnostic::new(
                DiagnosticKind::OutOfOrder,
                format!("the term is scheduled to end on {e}, before it starts on {s}"),
            )
            .help("check the two dates against the sources"),
        );
    }
    let appointed = cx.opt_date(&r.appointed);
    if let (Some(a), Some(s), Some(raw_a)) = (appointed, start, &r.appointed)
        && s.certainly_before(a)
    {
        cx.at(
            raw_a,
            Diagnostic::new(
                DiagnosticKind::OutOfOrder,
                format!("appointed on {a}, after taking office on {s}"),
            ),
        );
    }
    if let Some(at) = &r.appointed_at
        && refs.summit(cx, at)
    {
        rules::appointed_at(cx, at, appointed, summits);
    }
    let pid = &r.person_id.value;
    if pid.is_empty()
        || !pid
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
    {
        cx.at(
            &r.person_id,
            invalid(format!(
                "person id `{}` must be lowercase letters, digits and `-`",
                shown(pid)
            )),
        );
    }
    words(
        cx,
        &format!("the name of office holder `{}`", shown(pid)),
        &r.person,
    );
    let sources = refs.sources(cx, &r.sources);
    Some(OfficeTerm {
        office: office?,
        organization: OrganizationId::new(org),
        person: PersonId::new(pid.clone()),
        name: r.person.value.clone(),
        other_names: Text::all(&r.other_names),
        nationality: StateId::new(r.nationality.value.clone()),
        start: start?,
        end: None,
        scheduled_end,
        appointed,
        appointed_at: r
            .appointed_at
            .as_ref()
            .map(|s| SummitId::new(s.value.clone())),
        sources,
        note: Text::of(&r.note),
    })
}

/// An event, or `None` when its kind or date is unreadable.
pub(crate) fn event(
    cx: &mut Cx<'_>,
    refs: &Refs,
    folder: Option<&str>,
    r: &schema::Event,
) -> Option<Event> {
    let org = owner(cx, refs, &r.organization, folder, &r.id);
    text_id(cx, "event", &r.id);
    words(
        cx,
        &format!("the title of event `{}`", shown(&r.id.value)),
        &r.title,
    );
    let kind = cx.keyword("event kind", &r.kind);
    let date = cx.date(&r.date);
    let sources = refs.sources(cx, &r.sources);
    Some(Event {
        id: EventId::new(r.id.value.clone()),
        organization: OrganizationId::new(org),
        kind: kind?,
        title: r.title.value.clone(),
        date: date?,
        place: Text::of(&r.place),
        sources,
        note: Text::of(&r.note),
    })
}

/// A state's status history: its transitions converted and checked one by
/// one, then as a sequence. `None` when it names no organisation.
pub(crate) fn history(
    cx: &mut Cx<'_>,
    refs: &Refs,
    folder: Option<&str>,
    orgs: &BTreeMap<&str, &Organization>,
    summits: &BTreeMap<String, Summit>,
    r: &schema::History,
) -> Option<Affiliation> {
    let missing = format!(
        "folder `{}` defines no organisation for this history",
        folder.unwrap_or_default()
    );
    let org = refs.owner(
        cx,
        &r.organization,
        folder,
        &r.state,
        (
            &missing,
            "add organization.yaml to the folder, or an `organization:` field",
        ),
    )?;
    let state = &r.state.value;
    refs.state(cx, &r.state);
    if r.transitions.value.is_empty() {
        cx.at(
            &r.transitions,
            Diagnostic::new(
                DiagnosticKind::MissingField,
                format!("`{state}` has no transitions"),
            ),
        );
    }
    let mut transitions = Vec::with_capacity(r.transitions.value.len());
    let organization = orgs.get(org.as_str()).copied();
    for t in &r.transitions.value {
        if let Some(converted) =
            transition(cx, refs, (organization, summits), t)
        {
            transitions.push((converted, t));
        }
    }
    rules::transitions(
        cx,
        state,
        orgs.get(org.as_str()).copied(),
        &transitions,
    );
    Some(Affiliation {
        organization: OrganizationId::new(org),
        state: StateId::new(state.clone()),
        transitions: transitions.into_iter().map(|(t, _)| t).collect(),
        note: Text::of(&r.note),
    })
}

/// A source on one side of a dispute only: it supports the status or
/// denies it.
fn both_sides(
    cx: &mut Cx<'_>,
    status: &str,
    sources: &schema::Cites,
    against: &schema::Cites,
) {
    for a in &against.value {
        if sources.value.iter().any(|s| s.value == a.value) {
            let d = invalid(format!(
                "source `{}` is on both sides of the dispute: it is cited for status `{}` and against it",
                shown(&a.value),
                shown(status)
            ))
            .help("a source supports the status or denies it: keep it on the side it takes");
            cx.at(a, d);
        }
    }
}

/// One transition, or `None` when its status is unknown.
fn transition(
    cx: &mut Cx<'_>,
    refs: &Refs,
    (org, summits): (Option<&Organization>, &BTreeMap<String, Summit>),
    rt: &Located<schema::Transition>,
) -> Option<Transition> {
    let t = &rt.value;
    let id = t.status.value.0.as_str();
    let status = match org {
        Some(o) => {
            let s = o.status(id);
            if s.is_none() {
                cx.at(&t.status, invalid(format!(
                    "unknown status `{}`: expected one of {}",
                    shown(id),
                    o.vocabulary()
                )).help(format!("`{}` gives these statuses; declare a new one in its organization.yaml", o.id)));
            }
            s
        }
        // The organisation is unknown (reported already): no vocabulary
        // to check against.
        None => None,
    };
    let disputed = t.disputed.as_ref().map(|d| {
        both_sides(cx, &t.status.value.0, &t.sources, &d.value.against);
        Arc::new(Dispute {
            against: refs.sources(cx, &d.value.against).into(),
            note: d.value.note.as_ref().map(|n| Arc::from(n.0.as_str())),
        })
    });
    let (decided, effective) = match (&t.date, &t.decided, &t.effective) {
        (Some(d), None, None) => {
            let d = cx.date(d);
            (d, d)
        }
        (Some(d), _, _) => {
            cx.at(d, invalid("`date` together with `decided`/`effective`")
                .help("`date` is shorthand for both being the same day; write either `date`, or `decided` and `effective`"));
            (None, None)
        }
        (None, None, None) => {
            cx.at(
                rt,
                Diagnostic::new(
                    DiagnosticKind::MissingField,
                    "transition without a date",
                )
                .help("add `date`, or `decided` and/or `effective`"),
            );
            (None, None)
        }
        (None, dec, eff) => (cx.opt_date(dec), cx.opt_date(eff)),
    };
    if let (Some(dec), Some(eff), Some(eff_s)) =
        (decided, effective, &t.effective)
        && eff.certainly_before(dec)
    {
        cx.at(
            eff_s,
            Diagnostic::new(
                DiagnosticKind::OutOfOrder,
                format!(
                    "takes effect on {eff}, before it was decided on {dec}"
                ),
            )
            .help("check the two dates against the sources"),
        );
    }
    let sources = refs.sources(cx, &t.sources);
    if let Some(sref) = &t.summit
        && refs.summit(cx, sref)
    {
        rules::decided_at(cx, sref, decided.or(effective), summits);
    }
    let evidence = match &t.evidence {
        Some(e) => cx.keyword("evidence", e)?,
        None => Evidence::Sourced,
    };
    let mut kept = Transition {
        status: status?,
        decided,
        effective,
        sources: sources.into(),
        note: t.note.as_ref().map(|n| Arc::from(n.0.as_str())),
        summit: t.summit.as_ref().map(|s| SummitId::new(s.value.clone())),
        disputed,
        evidence,
        alternatives: Vec::new(),
    };
    kept.alternatives = alternatives::read(cx, refs, t, &kept);
    Some(kept)
}
