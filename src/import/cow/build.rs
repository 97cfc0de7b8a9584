//! The checked table as a data folder: one organisation per IGO column,
//! the states joined to ours by COW code, the sources of both.

use std::collections::{BTreeMap, BTreeSet};

use super::igos::IgoFacts;
use super::state_year::Table;
use super::{CowState, Import, organization_id};
use crate::export::yaml::document;
use crate::graph::KnowledgeGraph;
use crate::load::schema::{self, Located, Plain, Text, Whole};

/// The address of the COW IGO dataset.
const COW_URL: &str = "https://correlatesofwar.org/data-sets/igos/";

/// What every column is built with.
struct Cx<'a> {
    table: &'a Table,
    facts: &'a BTreeMap<String, IgoFacts>,
    known: &'a BTreeMap<u16, CowState>,
    bundled: &'a KnowledgeGraph,
    /// Each code's rows by the state of ours that holds it each year.
    split: Vec<super::holders::Holder<'a>>,
    /// The file's name (without its folder).
    file: &'a str,
    /// The caller's today, when given: no review day is later.
    today: Option<crate::Date>,
}

impl Cx<'_> {
    /// The review day: 31 December of the file's last year, or today when
    /// that is earlier.
    fn reviewed(&self) -> crate::Date {
        let end = crate::Date::from_ymd(self.table.years.1, 12, 31)
            .expect("a year of the file is a real year");
        self.today.map_or(end, |t| t.min(end))
    }
}

/// What the columns add up to.
#[derive(Default)]
struct Out {
    notes: Vec<String>,
    files: Vec<(String, String)>,
    sources: Vec<schema::Source>,
    transitions: usize,
    /// Organisation ids taken so far.
    used: BTreeSet<String>,
}

pub(crate) fn build(
    table: &Table,
    facts: &BTreeMap<String, IgoFacts>,
    known: &BTreeMap<u16, CowState>,
    (file, today): (&str, Option<crate::Date>),
) -> Import {
    // The data names the file, not where it was on the importer's disk.
    let file = std::path::Path::new(file)
        .file_name()
        .and_then(|f| f.to_str())
        .unwrap_or(file);
    let bundled = KnowledgeGraph::bundled();
    let ours: Vec<&crate::model::State> = bundled.states().collect();
    let split = super::holders::split(&table.rows, &ours, table.years);
    let cx = Cx { table, facts, known, bundled: &bundled, split, file, today };
    let mut out = Out::default();
    for (j, column) in table.columns.iter().enumerate() {
        organization(&cx, j, column, &mut out);
    }
    let (states, state_sources) = states(&cx);
    let n_states = states.len();
    out.sources.push(state_list_source());
    for s in bundled.sources() {
        if state_sources.contains(s.id.as_str()) {
            out.sources.push(bundled_source(s));
        }
    }
    out.sources.sort_by(|a, b| a.id.value.cmp(&b.id.value));
    let n_orgs = out.files.len() / 2;
    out.files.push(("states.yaml".into(), document(states)));
    out.files.push(("sources.yaml".into(), document(out.sources)));
    out.files.sort();
    Import {
        files: out.files,
        notes: out.notes,
        organizations: n_orgs,
        states: n_states,
        transitions: out.transitions,
    }
}

/// The id of column `column`: its short name in capitals, unless that is
/// a state's (ours, or a COW-only `COW255`) or an earlier column's: an id
/// is one node's of the graph.
fn free_id(cx: &Cx, column: &str, out: &mut Out) -> String {
    let id = organization_id(column);
    let taken = |id: &str| {
        cx.bundled.state(id).is_some()
            || crate::load::cow_state_id(id).is_some()
            || out.used.contains(id)
    };
    if !taken(&id) {
        out.used.insert(id.clone());
        return id;
    }
    let mut new = format!("{id}_IGO");
    while taken(&new) {
        new.push_str("_IGO");
    }
    out.notes.push(format!(
        "column `{column}`: `{id}` is a state's id or an earlier column's; \
         the organisation is `{new}`"
    ));
    out.used.insert(new.clone());
    new
}

/// Column `j` as an organisation: its files, its source and notes.
fn organization(cx: &Cx, j: usize, column: &str, out: &mut Out) {
    let id = free_id(cx, column, out);
    let cite = source_id(column);
    let last_year = cx.table.years.1;
    // The lifetime: the years any state has a code other than -1.
    let alive: BTreeSet<i32> = cx
        .table
        .rows
        .values()
        .flat_map(|years| years.iter())
        .filter(|(_, codes)| codes[j] != -1)
        .map(|(&y, _)| y)
        .collect();
    let (Some(&founded), Some(&end)) = (alive.first(), alive.last()) else {
        out.notes.push(format!(
            "column `{column}` codes every year -1 (not in existence): not \
             imported"
        ));
        return;
    };
    if alive.len() as i32 != end - founded + 1 {
        out.notes.push(format!(
            "column `{column}`: some years between {founded} and {end} are \
             coded -1 for every state; imported as `unknown` (export cow \
             gives -9 there)"
        ));
    }
    let f = cx.facts.get(&organization_id(column));
    let dead = (end < last_year).then_some(end);
    if let Some(f) = f
        && (f.sdate != Some(founded) || f.deaddate != dead)
    {
        out.notes.push(format!(
            "column `{column}`: the IGO-year file gives sdate {} and \
             deaddate {}, the state-year codes {founded}-{end}; the codes \
             are kept (both are in the organisation's note)",
            or_none(f.sdate),
            or_none(f.deaddate)
        ));
    }
    let mut histories = Vec::new();
    let mut odd = 0;
    for h in &cx.split {
        let column = Column { j, column, cite: &cite, years: (founded, end) };
        let life_end = h.state.and_then(|s| s.life()).and_then(|l| l.1);
        let (ts, minus_one) = history(&column, (&h.years, life_end), &alive);
        odd += minus_one;
        if ts.is_empty() {
            continue;
        }
        out.transitions += ts.len();
        histories.push(schema::History {
            state: text(h.id()),
            organization: None,
            transitions: Located::new(ts),
            note: None,
        });
    }
    if odd > 0 {
        out.notes.push(format!(
            "column `{column}`: {odd} state-years coded -1 while other states \
             have codes; imported as `unknown` (export cow gives -9 there)"
        ));
    }
    histories.sort_by(|a, b| a.state.value.cmp(&b.state.value));
    let name = f
        .map(|f| f.orgname.clone())
        .filter(|n| !n.is_empty())
        .unwrap_or_else(|| id.clone());
    let org = Facts {
        id: &id,
        name: &name,
        column,
        cite: &cite,
        years: (founded, end),
        dead,
    };
    let org = organization_doc(cx, &org, f);
    let dir = id.to_ascii_lowercase();
    out.files.push((format!("{dir}/organization.yaml"), document([org])));
    out.files.push((format!("{dir}/statuses.yaml"), document(histories)));
    out.sources.push(column_source(cx, column, cite, &name, &id));
}

/// A state the bundled data does not know, by its COW code alone.
fn cow_only(ccode: u16, cow: &super::CowState) -> schema::State {
    schema::State {
        id: text(format!("COW{ccode:03}")),
        iso2: None,
        name: text(cow.name.clone()),
        official_name: None,
        aliases: Vec::new(),
        cow_code: Some(Located::new(Whole(ccode))),
        cow_abbrev: Some(text(cow.abbrev.clone())),
        wikidata: None,
        sources: cites(&["cow-state-list-igor"]),
        note: None,
        gw_code: None,
        gw_abbrev: None,
        lifetimes: Vec::new(),
        names: Vec::new(),
        successions: Vec::new(),
    }
}

/// The sources a state's lifetimes, names and successions cite.
fn lifetime_sources(s: &crate::model::State) -> impl Iterator<Item = String> {
    let l = s.lifetimes.iter().flat_map(|l| &l.sources);
    let n = s.names.iter().flat_map(|n| &n.sources);
    let x = s.successions.iter().flat_map(|x| &x.sources);
    l.chain(n).chain(x).map(|id| id.to_string())
}

/// The source every transition of a column cites.
fn column_source(
    cx: &Cx,
    column: &str,
    cite: String,
    name: &str,
    id: &str,
) -> schema::Source {
    let (first_year, last_year) = cx.table.years;
    let title = if name != id { format!(" ({name})") } else { String::new() };
    schema::Source {
        id: text(cite),
        title: text(format!(
            "Correlates of War IGO v3.0, state-year data, column \
             `{column}`{title}"
        )),
        url: text(COW_URL),
        publisher: Some(Text("Correlates of War Project".into())),
        published: None,
        quote: Some(Text(format!(
            "column `{column}` of `{}`, years {first_year}-{last_year}",
            cx.file
        ))),
        note: Some(Text(
            "Pevehouse, Nordstrom, McManus and Jamison (2020), \
             'Tracking organizations in the world: The Correlates of \
             War IGO Version 3.0 datasets', Journal of Peace Research \
             57(3): 492-503, doi:10.1177/0022343319881175."
                .into(),
        )),
    }
}

/// What an organisation's document says of it.
struct Facts<'a> {
    id: &'a str,
    name: &'a str,
    column: &'a str,
    cite: &'a str,
    /// The first and last year of its lifetime.
    years: (i32, i32),
    /// Its last year, when it ended before the file's.
    dead: Option<i32>,
}

/// The organisation's document, with the IGO-year file's facts when
/// given.
fn organization_doc(
    cx: &Cx,
    o: &Facts,
    f: Option<&IgoFacts>,
) -> schema::Organization {
    let (founded, end) = o.years;
    let mut note = format!(
        "Imported from COW IGO v3, column `{}` of `{}`: {founded}-{end}.",
        o.column, cx.file
    );
    if let Some(f) = f {
        note.push_str(&format!(
            " IGO-year file: sdate {}, deaddate {}.",
            or_none(f.sdate),
            or_none(f.deaddate)
        ));
    }
    let other_names = f
        .map(|f| f.longnames.as_slice())
        .unwrap_or_default()
        .iter()
        .filter(|n| *n != o.name)
        .map(|n| Text(n.clone()))
        .collect();
    schema::Organization {
        id: text(o.id),
        name: text(o.name),
        short_name: text(organization_id(o.column)),
        other_names,
        founded: plain(founded.to_string()),
        dissolved: o.dead.map(|y| plain(y.to_string())),
        headquarters: None,
        wikidata: None,
        predecessor: None,
        successor: None,
        cow_column: Some(text(o.column)),
        cow_ionum: f.and_then(|f| f.ionum).map(|n| Located::new(Whole(n))),
        cow_earlier: Vec::new(),
        sources: cites(&[o.cite]),
        note: Some(Text(note)),
        // COW's data speaks of its last year, no later (and of no day
        // after today).
        reviewed: Some(plain(cx.reviewed().to_string())),
        names: Vec::new(),
        statuses: vocabulary(),
        offices: Vec::new(),
        coverage: None,
        summit_body: None,
        chair_title: None,
        organization_members: Vec::new(),
    }
}

/// The column a history is built from.
struct Column<'a> {
    j: usize,
    column: &'a str,
    cite: &'a str,
    /// The IGO's first and last year.
    years: (i32, i32),
}

/// A state's transitions in one column, and how many of its years inside
/// the lifetime are coded -1.
/// A state's transitions in one column. `life_end`: the last day of the
/// state's life, when it ends: a status the state holds in the year its
/// life ends ends the day after (COW codes the year; the state holds
/// nothing once it is gone).
fn history(
    c: &Column,
    (years, life_end): (&BTreeMap<i32, &Vec<i8>>, Option<crate::Date>),
    alive: &BTreeSet<i32>,
) -> (Vec<Located<schema::Transition>>, usize) {
    let (founded, end) = c.years;
    // The state's codes year by year; a year without a row (it was not in
    // the state system) is `none`, with `false`.
    let mut seq: Vec<(i32, i8, bool)> = Vec::new();
    let mut odd = 0;
    for (&y, codes) in years.range(founded..=end) {
        // -1 for this state alone, or in a gap of the lifetime: no
        // information (`unknown`, as -9 is), its own run, so that its note
        // quotes COW's code.
        let code = codes[c.j];
        if code == -1 {
            odd += usize::from(alive.contains(&y));
        }
        if let Some(&(p, _, _)) = seq.last()
            && y > p + 1
        {
            seq.push((p + 1, 0, false));
        }
        seq.push((y, code, true));
    }
    let Some(&(last_row, _, _)) = seq.last() else {
        return (Vec::new(), odd);
    };
    if last_row < end {
        seq.push((last_row + 1, 0, false));
    }
    let mut changes: Vec<(i32, i8, bool)> = Vec::new();
    let mut current = 0;
    for &(y, code, row) in &seq {
        if code != current {
            changes.push((y, code, row));
            current = code;
        }
    }
    let ended_in = life_end.filter(|d| d.year() == last_row && last_row < end);
    let ts = changes
        .iter()
        .enumerate()
        .map(|(k, &(from, code, row))| {
            if let Some(d) = ended_in.filter(|_| !row && from == last_row + 1)
            {
                return Located::new(life_ended(d, c.cite, last_row));
            }
            let to = changes.get(k + 1).map_or(end, |n| n.0 - 1);
            let years = if from == to {
                from.to_string()
            } else {
                format!("{from}-{to}")
            };
            let note = if row {
                format!(
                    "COW IGO v3 `{}`: {code} ({}) in {years}",
                    c.column,
                    status_of(code).1
                )
            } else {
                format!(
                    "COW IGO v3 has no row for this state in {years} (not \
                     in the state system)"
                )
            };
            Located::new(transition(status_of(code).0, from, c.cite, note))
        })
        .collect();
    (ts, odd)
}

/// The states of the file, bundled ones by their ISO id with their own
/// entry; and the sources those cite.
fn states(cx: &Cx) -> (Vec<schema::State>, BTreeSet<String>) {
    let mut states = Vec::new();
    let mut sources = BTreeSet::new();
    let mut seen = BTreeSet::new();
    for h in &cx.split {
        if !seen.insert(h.id()) {
            continue;
        }
        if let Some(s) = h.state {
            sources.extend(s.sources.iter().map(|s| s.to_string()));
            sources.extend(lifetime_sources(s));
            states.push(bundled_state(s));
            continue;
        }
        states.push(cow_only(h.ccode, &cx.known[&h.ccode]));
    }
    // The states the successions of those name, so that each reads.
    let mut i = 0;
    while i < states.len() {
        let named: Vec<String> = states[i]
            .successions
            .iter()
            .flat_map(|x| x.value.states.value.iter().map(|s| s.value.clone()))
            .collect();
        for id in named {
            if let Some(s) = cx.bundled.state(&id)
                && seen.insert(id)
            {
                sources.extend(s.sources.iter().map(|s| s.to_string()));
                sources.extend(lifetime_sources(s));
                states.push(bundled_state(s));
            }
        }
        i += 1;
    }
    states.sort_by(|a, b| a.id.value.cmp(&b.id.value));
    (states, sources)
}

fn state_list_source() -> schema::Source {
    schema::Source {
        id: text("cow-state-list-igor"),
        title: text("COW country codes.csv (the Correlates of War state list) in igoR"),
        url: text("https://github.com/dieghernan/igoR/blob/c9936cac3f0fc117520e89f9a232e62dde1ce3e9/data-raw/COW%20country%20codes.csv"),
        publisher: Some(Text("dieghernan (igoR), copy of Correlates of War Project data".into())),
        published: None,
        quote: Some(Text("StateAbb,CCode,StateNme ... GMY,255,Germany ... KZK,705,Kazakhstan".into())),
        note: None,
    }
}

fn bundled_source(s: &crate::model::Source) -> schema::Source {
    schema::Source {
        id: text(s.id.as_str()),
        title: text(s.title.clone()),
        url: text(s.url.clone()),
        publisher: Text::opt(s.publisher.as_deref()),
        published: s.published.map(|d| plain(d.to_string())),
        quote: Text::opt(s.quote.as_deref()),
        note: Text::opt(s.note.as_deref()),
    }
}

fn text(s: impl Into<String>) -> Located<String> {
    Located::new(s.into())
}

fn plain(s: impl Into<String>) -> Located<Plain> {
    Located::new(Plain(s.into()))
}

fn cites(ids: &[&str]) -> schema::Cites {
    Located::new(ids.iter().map(|s| text(*s)).collect())
}

/// A status by COW code: its id and COW's words for the code.
fn status_of(code: i8) -> (&'static str, &'static str) {
    match code {
        1 => ("member", "full membership"),
        2 => ("associate", "associate membership"),
        3 => ("observer", "observer"),
        0 => ("none", "no membership"),
        -1 => (
            "unknown",
            "IGO not in existence, for this state inside the IGO's lifetime",
        ),
        _ => ("unknown", "missing data"),
    }
}

fn source_id(column: &str) -> String {
    format!("cow-igo-v3-{}", organization_id(column).to_ascii_lowercase())
}

fn or_none(year: Option<i32>) -> String {
    year.map_or("none".to_string(), |y| y.to_string())
}

fn transition(
    status: &str,
    year: i32,
    cite: &str,
    note: String,
) -> schema::Transition {
    schema::Transition {
        status: plain(status),
        date: Some(plain(year.to_string())),
        decided: None,
        effective: None,
        sources: cites(&[cite]),
        note: Some(Text(note)),
        summit: None,
        disputed: None,
        evidence: None,
        alternatives: Vec::new(),
    }
}

/// `none` from the day after a state's life ended (`last`), in the last
/// year COW has a row for it.
fn life_ended(last: crate::Date, cite: &str, year: i32) -> schema::Transition {
    let day = last.next_day().unwrap_or(last);
    let mut t = transition(
        "none",
        year,
        cite,
        format!(
            "the state's life ended on {last} (COW's state system); COW IGO \
             v3 codes it through {year} and has no row for it after"
        ),
    );
    t.date = Some(plain(day.to_string()));
    t
}

/// COW's three codes of membership as a vocabulary.
fn vocabulary() -> Vec<Located<schema::StatusDecl>> {
    [
        ("member", "full member", "full members", "member", 1),
        ("associate", "associate member", "associate members", "associate", 2),
        ("observer", "observer", "observers", "observer", 3),
    ]
    .into_iter()
    .map(|(id, label, plural, tier, cow)| {
        Located::new(schema::StatusDecl {
            id: text(id),
            label: text(label),
            plural: text(plural),
            tier: plain(tier),
            cow: Located::new(Whole(cow)),
        })
    })
    .collect()
}

fn bundled_state(s: &crate::model::State) -> schema::State {
    crate::export::yaml::state(s)
}
