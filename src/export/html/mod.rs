//! The explorer: a static web site of the whole record, written into a
//! folder (`igo export html -o DIR`).
//!
//! The folder holds the page (`index.html`, `igo.css`, `igo.js`), its
//! first data (`data.js`: each organisation's description and each
//! state's name) and, under `data/`, one file per organisation (its days),
//! per state (its spans and transitions) and per year of the region (its
//! overlap matrices), which the page loads when a view needs them: the
//! first load stays the same size however many organisations there are
//! (see [`files`]). Each data file is JavaScript, loaded by a `<script>`
//! element, so that the page also works from `file://`, where a page may
//! not fetch files. The page makes no network request beyond its own
//! folder; it works offline and on any static host. Its output is
//! deterministic: the same data gives the same bytes, because nothing in
//! it depends on the day it was written (the page asks the browser for
//! today).
//!
//! Every fact on the page is computed here, from the same graph and the
//! same queries as the CLI's answers: for each organisation, its
//! [`Snapshot`](crate::Snapshot) on every day on which anything
//! about it changes (a status, the start or end of an imprecise date, a
//! chair, a Secretary-General, the review day); between two such days
//! nothing changes, so the page shows the last one on or before the day
//! asked. The region's overlap matrix is kept the same way, and each
//! state's spans and transitions carry their sources in full.
//!
//! # Example
//!
//! ```
//! use igo_graph::KnowledgeGraph;
//! use igo_graph::export::html;
//!
//! let kg = KnowledgeGraph::bundled();
//! let site = html::site(&kg)?;
//! let sco = site.organizations.iter().find(|o| o.id == "SCO").unwrap();
//! // The SCO's picture on the day India and Pakistan became members.
//! let day = sco.day_on("2017-06-09".parse()?).unwrap();
//! assert_eq!(day.statuses["member"].len(), 8);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use std::collections::{BTreeMap, BTreeSet};

use serde::Serialize;

use crate::date::Date;
use crate::error::{DiagnosticKind, Error};
use crate::graph::KnowledgeGraph;
use crate::model::{
    Basis, Organization, OrganizationId, Source, SourceId, Span, StateId,
    Status,
};
use crate::query::{OverlapMatrix, Pending, Uncertain};

mod chunks;
mod map;

pub use chunks::{data_js, files, write_dir};
pub use map::{Shape, WorldMap, world};

const INDEX: &str = include_str!("index.html");
const STYLE: &str = include_str!("igo.css");
/// `igo.js`: the page's script, written as two files (the second half,
/// `igo-world.js`, has the map, search, downloads and the list of states).
const SCRIPT: &str =
    concat!(include_str!("igo.js"), include_str!("igo-world.js"));

/// The whole site's data: what `data.js` and the files of `data/` hold
/// between them (see [`files`]).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Site {
    /// `igo-graph` and its version.
    pub generator: String,
    /// The basis every day is counted by (`effective`).
    pub basis: Basis,
    /// The organisation the page opens on (`None`: the first by id).
    pub home: Option<OrganizationId>,
    /// Every organisation, by id.
    pub organizations: Vec<OrgPage>,
    /// Every state with a status in any organisation, by id.
    pub states: Vec<StatePage>,
    /// Every source cited on the site, by id.
    pub sources: BTreeMap<SourceId, Source>,
    /// The overlap matrix of every organisation existing on the day, on
    /// each day on which it changes.
    pub region: Vec<OverlapMatrix>,
    /// Every word the CLI resolves to a state or an organisation.
    pub search: Vec<crate::graph::SearchTerm>,
}

/// One status of an organisation's vocabulary, with its colour in the
/// diagrams (the same as `igo export svg`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct StatusInfo {
    /// The id (`member`).
    pub id: &'static str,
    /// The label (`member`).
    pub label: &'static str,
    /// The plural (`members`).
    pub plural: &'static str,
    /// The tier (`member`, `associate`, `observer`, `partner`).
    pub tier: &'static str,
    /// Fill colour.
    pub color: &'static str,
}

/// An organisation and its picture on every day of change.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct OrgPage {
    /// The id (`SCO`).
    pub id: OrganizationId,
    /// The full name.
    pub name: String,
    /// The short name.
    pub short_name: String,
    /// When founded.
    pub founded: Date,
    /// When dissolved.
    pub dissolved: Option<Date>,
    /// The day its data was last reviewed.
    pub reviewed: Option<Date>,
    /// The organisation it continued.
    pub predecessor: Option<OrganizationId>,
    /// The organisation that continued it.
    pub successor: Option<OrganizationId>,
    /// Its statuses, in the vocabulary's order.
    pub statuses: Vec<StatusInfo>,
    /// What it calls its chair (`chair`, `chairmanship`).
    pub chair_title: String,
    /// The name of its summit body, if the data gives one.
    pub summit_body: Option<String>,
    /// Its offices, in the order it declares them.
    pub offices: Vec<crate::model::Office>,
    /// Its own sources.
    pub sources: Vec<SourceId>,
    /// The days on which anything about it changes, oldest first, each
    /// with the picture from that day on.
    pub days: Vec<Day>,
}

impl OrgPage {
    /// The picture on `date`: the last day of change on or before it
    /// (`None` before the founding).
    pub fn day_on(&self, date: Date) -> Option<&Day> {
        let i = self.days.partition_point(|d| d.date <= date);
        i.checked_sub(1).map(|i| &self.days[i])
    }
}

/// An organisation from one day until the next day of change: the same
/// facts as [`Snapshot`](crate::Snapshot), without its copies by
/// tier.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Day {
    /// The first day this picture holds.
    pub date: Date,
    /// The last day on or before `date` on which a fact of the picture
    /// changed: `date`, unless only the caveat changed that day (the day
    /// after the data's review).
    pub changed: Date,
    /// Whether the organisation exists, or may (false once its end is
    /// certain).
    pub exists: bool,
    /// Every status of the vocabulary with its states (certain only).
    pub statuses: BTreeMap<String, Vec<StateId>>,
    /// States holding any status for certain.
    pub family_size: usize,
    /// The counts by status and by tier, certain and uncertain apart:
    /// the [`Counts`](crate::Counts) of `igo at` and the timeline, which
    /// the page shows.
    pub counts: crate::Counts,
    /// States whose status cannot be decided, with the reason.
    pub uncertain: Vec<Uncertain>,
    /// Decisions not yet in effect.
    pub pending: Vec<Pending>,
    /// The chair.
    pub chair: Option<StateId>,
    /// Whether the chair is certain.
    pub chair_certain: Option<bool>,
    /// Whether the chair's term is sourced or inferred.
    pub chair_evidence: Option<crate::model::Evidence>,
    /// The Secretary-General.
    pub secretary_general: Option<String>,
    /// Whether the Secretary-General is certain.
    pub secretary_general_certain: Option<bool>,
    /// The holder of each of its offices (as the snapshot's `offices`).
    pub offices: Vec<crate::query::OfficeHolder>,
    /// Why the answer may be stale.
    pub caveat: Option<String>,
    /// Why the answer may miss states (a partial list).
    pub coverage: Option<String>,
}

/// A state: its spans in every organisation and each transition with its
/// sources.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct StatePage {
    /// ISO alpha-3 id.
    pub id: StateId,
    /// Its name.
    pub name: String,
    /// Its official name.
    pub official_name: Option<String>,
    /// COW's numeric code.
    pub cow_code: Option<u16>,
    /// COW's abbreviation.
    pub cow_abbrev: Option<String>,
    /// Its Wikidata item.
    pub wikidata: Option<String>,
    /// Its status spans, by organisation then start.
    pub spans: Vec<Span>,
    /// Its transitions, by organisation then date.
    pub transitions: Vec<TransitionInfo>,
    /// Its own sources (for its names and codes).
    pub sources: Vec<SourceId>,
}

/// One transition of a state, its sources by id.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct TransitionInfo {
    /// The organisation.
    pub organization: OrganizationId,
    /// The status taken.
    pub status: Status,
    /// When decided.
    pub decided: Option<Date>,
    /// When in effect (`None`: pending).
    pub effective: Option<Date>,
    /// The sources (ids into [`Site::sources`]); for a disputed status,
    /// the side that supports it.
    pub sources: Vec<SourceId>,
    /// For a disputed status: the sources that deny it.
    pub against: Vec<SourceId>,
    /// Remarks.
    pub note: Option<std::sync::Arc<str>>,
    /// Whether its days are sourced or inferred.
    pub evidence: crate::model::Evidence,
    /// Other days some sources give for it.
    pub alternatives: Vec<OtherDayInfo>,
}

impl TransitionInfo {
    /// A history entry with its sources by id.
    fn of(e: crate::query::HistoryEntry) -> TransitionInfo {
        let ids = |v: &[crate::model::Source]| -> Vec<SourceId> {
            v.iter().map(|s| s.id.clone()).collect()
        };
        let alternatives = e.alternatives.iter().map(|a| OtherDayInfo {
            days: a.days(),
            sources: ids(&a.sources),
            note: a.note.clone(),
        });
        TransitionInfo {
            organization: e.organization,
            status: e.status,
            decided: e.decided,
            effective: e.effective,
            sources: ids(&e.sources),
            against: ids(&e.against),
            note: e.note,
            evidence: e.evidence,
            alternatives: alternatives.collect(),
        }
    }
}

/// Another day some sources give for a transition, its sources by id.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct OtherDayInfo {
    /// The days, as `igo history` writes them (`2009-08-17`).
    pub days: String,
    /// The sources that give it (ids into [`Site::sources`]).
    pub sources: Vec<SourceId>,
    /// How they say it.
    pub note: Option<std::sync::Arc<str>>,
}

/// The most organisations the explorer is written for: its region view
/// sets every organisation beside every other on each day of change,
/// which for COW's 534 organisations would take gigabytes.
pub const MAX_ORGANIZATIONS: usize = 60;

/// The data of the site, computed from `kg`.
///
/// # Errors
///
/// More than [`MAX_ORGANIZATIONS`] organisations, or a query fails (it
/// does not, for a graph that loaded).
pub fn site(kg: &KnowledgeGraph) -> Result<Site, Error> {
    let n = kg.organizations().count();
    if n > MAX_ORGANIZATIONS {
        let d = crate::error::Diagnostic::new(
            DiagnosticKind::Export,
            format!(
                "the explorer shows at most {MAX_ORGANIZATIONS} \
                 organisations, and this data has {n}"
            ),
        )
        .help(
            "make a data folder of the organisations to show (their \
             folders, with states.yaml and sources.yaml) and export that; \
             for every organisation, use `igo export csv`, `json` or `cow`",
        );
        return Err(Error::one(d));
    }
    let mut sources = BTreeMap::new();
    let mut cite = |ids: &[SourceId]| {
        for id in ids {
            if let Some(s) = kg.source(id.as_str()) {
                sources.entry(id.clone()).or_insert_with(|| s.clone());
            }
        }
    };
    let mut organizations = Vec::new();
    let mut all_days = BTreeSet::new();
    for org in kg.organizations() {
        cite(&org.sources);
        let days = change_days(kg, org);
        all_days.extend(days.iter().copied());
        organizations.push(org_page(kg, org, &days)?);
    }
    for org in &organizations {
        for day in &org.days {
            for u in &day.uncertain {
                cite(&u.sources);
                cite(&u.against);
            }
        }
    }
    // Each state's spans, gathered in one pass over the graph's.
    let mut spans_by_state: BTreeMap<&StateId, Vec<Span>> = BTreeMap::new();
    for s in kg.spans() {
        spans_by_state.entry(&s.state).or_default().push(s.clone());
    }
    let mut states = Vec::new();
    for st in kg.states() {
        let spans = spans_by_state.remove(&st.id).unwrap_or_default();
        let history = kg.history(st.id.as_str())?;
        if spans.is_empty() && history.entries.is_empty() {
            continue;
        }
        cite(&st.sources);
        let transitions: Vec<TransitionInfo> =
            history.entries.into_iter().map(TransitionInfo::of).collect();
        for t in &transitions {
            cite(&t.sources);
            cite(&t.against);
            for a in &t.alternatives {
                cite(&a.sources);
            }
        }
        for s in &spans {
            cite(&s.sources);
        }
        states.push(StatePage {
            id: st.id.clone(),
            name: st.name.clone(),
            official_name: st.official_name.clone(),
            cow_code: st.cow_code,
            cow_abbrev: st.cow_abbrev.clone(),
            wikidata: st.wikidata.clone(),
            spans,
            transitions,
            sources: st.sources.clone(),
        });
    }
    let mut region: Vec<OverlapMatrix> = Vec::new();
    for day in all_days {
        let m = kg.overlap_matrix(&[], day, Basis::Effective)?;
        let same = region.last().is_some_and(|last| {
            last.organizations == m.organizations && last.cells == m.cells
        });
        if !same {
            region.push(m);
        }
    }
    Ok(Site {
        generator: format!("igo-graph {}", env!("CARGO_PKG_VERSION")),
        basis: Basis::Effective,
        home: None,
        organizations,
        states,
        sources,
        region,
        search: kg.search_terms(),
    })
}

/// Every day on which something about `org` may change: each date of its
/// transitions (and the other days sources give for them), terms, summits, names, founding, end and review, taken as
/// its first day, its last and the day after (an imprecise date opens and
/// closes a window of uncertainty). More days than needed is harmless:
/// [`org_page`] keeps only the days whose picture differs from the day
/// before.
fn change_days(kg: &KnowledgeGraph, org: &Organization) -> BTreeSet<Date> {
    let mut days = BTreeSet::new();
    let mut add = |d: Option<Date>| {
        if let Some(d) = d {
            days.insert(d.first_day());
            // On the last day of an imprecise date the change has
            // certainly happened; the day after, an end has.
            days.insert(d.last_day());
            if let Some(next) = d.last_day().next_day() {
                days.insert(next);
            }
        }
    };
    let id = org.id.as_str();
    add(Some(org.founded));
    add(org.dissolved);
    add(org.reviewed);
    add(org.coverage.from);
    for n in &org.names {
        add(Some(n.from));
        add(n.until);
    }
    for st in kg.states() {
        for t in kg.transitions(id, st.id.as_str()) {
            add(t.decided);
            add(t.effective);
            for a in &t.alternatives {
                add(a.decided);
                add(a.effective);
            }
        }
    }
    for c in kg.chairs(id) {
        add(Some(c.start));
        add(c.end);
    }
    for o in kg.officials(id) {
        add(Some(o.start));
        add(o.end);
        add(o.appointed);
    }
    for s in kg.summits(id) {
        add(s.start);
        add(s.end);
    }
    let founded = org.founded.first_day();
    days.retain(|d| *d >= founded);
    days
}

fn org_page(
    kg: &KnowledgeGraph,
    org: &Organization,
    days: &BTreeSet<Date>,
) -> Result<OrgPage, Error> {
    let mut out: Vec<Day> = Vec::new();
    for &date in days {
        let s = kg.snapshot(org.id.as_str(), date, Basis::Effective)?;
        let mut day = Day {
            date,
            changed: date,
            exists: org.may_exist_on(date),
            statuses: s.statuses,
            family_size: s.family_size,
            counts: s.counts,
            uncertain: s.uncertain,
            pending: s.pending,
            chair: s.chair,
            chair_certain: s.chair_certain,
            chair_evidence: s.chair_evidence,
            secretary_general: s.secretary_general,
            secretary_general_certain: s.secretary_general_certain,
            offices: s.offices,
            caveat: s.caveat,
            coverage: s.coverage,
        };
        let Some(last) = out.last() else {
            out.push(day);
            continue;
        };
        let as_last =
            |caveat| Day { date, changed: date, caveat, ..last.clone() };
        if as_last(last.caveat.clone()) == day {
            continue;
        }
        if as_last(day.caveat.clone()) == day {
            day.changed = last.changed;
        }
        out.push(day);
    }
    Ok(OrgPage {
        id: org.id.clone(),
        name: org.name.clone(),
        short_name: org.short_name.clone(),
        founded: org.founded,
        dissolved: org.dissolved,
        reviewed: org.reviewed,
        predecessor: org.predecessor.clone(),
        successor: org.successor.clone(),
        statuses: status_infos(&org.statuses),
        chair_title: org.chair_word().to_string(),
        summit_body: org.summit_body.clone(),
        offices: org.offices.clone(),
        sources: org.sources.clone(),
        days: out,
    })
}

/// Fills for the statuses of one organisation that `export::dot` colours
/// alike (by tier): the first keeps the diagram's colour, the others take
/// the next of these.
const MORE_FILLS: [&str; 6] =
    ["#fc9272", "#bcbddc", "#fdae6b", "#74c476", "#fdd0a2", "#d9d9d9"];

/// The vocabulary with a fill per status, distinct within the
/// organisation.
fn status_infos(statuses: &[Status]) -> Vec<StatusInfo> {
    let mut used: Vec<&'static str> = Vec::new();
    statuses
        .iter()
        .map(|&s| {
            let mut color = super::dot::color(s);
            if used.contains(&color) {
                color = MORE_FILLS
                    .iter()
                    .copied()
                    .find(|c| !used.contains(c))
                    .unwrap_or(color);
            }
            used.push(color);
            StatusInfo {
                id: s.as_str(),
                label: s.label(),
                plural: s.plural(),
                tier: s.tier().as_str(),
                color,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The page shows the last day of change on or before the day asked:
    /// that must be the snapshot of the day asked, on every day.
    #[test]
    fn every_day_is_its_last_day_of_change() {
        let kg = KnowledgeGraph::bundled();
        let site = site(&kg).unwrap();
        let end: Date = "2027-12-31".parse().unwrap();
        for org in &site.organizations {
            // Every fifth day, and the days on both sides of each change.
            let mut sample = BTreeSet::new();
            let mut day = org.founded.first_day();
            while day <= end {
                sample.insert(day);
                for _ in 0..5 {
                    day = day.next_day().unwrap();
                }
            }
            for d in &org.days {
                sample.extend(d.date.previous_day());
                sample.insert(d.date);
                sample.extend(d.date.next_day());
            }
            for &day in &sample {
                if day < org.founded.first_day() {
                    continue;
                }
                let s = kg.snapshot(org.id.as_str(), day, Basis::Effective);
                let s = s.unwrap();
                let page = org.day_on(day).unwrap();
                assert_eq!(
                    (&page.statuses, &page.uncertain, &page.chair),
                    (&s.statuses, &s.uncertain, &s.chair),
                    "{} on {day}",
                    org.id
                );
                assert_eq!(page.secretary_general, s.secretary_general);
                assert_eq!(page.caveat, s.caveat, "{} on {day}", org.id);
                assert_eq!(page.pending, s.pending, "{} on {day}", org.id);
            }
        }
    }

    /// Names that hold `</` (the hostile data set's organisation is
    /// `Org </name> & ...`) cannot end the script that carries the data.
    #[test]
    fn data_cannot_close_the_script() {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/hostile");
        let kg = KnowledgeGraph::load(dir).unwrap();
        let json = serde_json::to_string(&site(&kg).unwrap()).unwrap();
        assert!(json.contains("Org </name>"), "the data holds `</`");
        let js = data_js(&kg, None).unwrap();
        assert!(js.contains(r"Org <\/name>"));
        assert!(js.starts_with("window.IGO_DATA = {"));
        let files = files(&kg, None).unwrap();
        for (name, text) in files.iter().filter(|(n, _)| n.ends_with(".js")) {
            assert!(!text.contains("</"), "{name}");
        }
    }

    #[test]
    fn each_status_of_an_organisation_has_its_own_fill() {
        let kg = KnowledgeGraph::bundled();
        for org in site(&kg).unwrap().organizations {
            let fills: BTreeSet<&str> =
                org.statuses.iter().map(|s| s.color).collect();
            assert_eq!(fills.len(), org.statuses.len(), "{}", org.id);
        }
    }
}
