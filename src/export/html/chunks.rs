//! The site's data, split into the files the page loads: `data.js`, what
//! the first view and the navigation need, and one file per organisation,
//! per state and per year of the region, each loaded when a view needs it.
//!
//! The first load (`index.html`, `igo.css`, `igo.js`, `data.js`) then
//! holds each organisation's description and each state's name, not their
//! histories: it grows by about a kilobyte per organisation, where the
//! histories grow by every day of change. A file is loaded by adding a `<script>`
//! element, which a page opened from `file://` may do where it may not
//! `fetch`; each file calls `IGO_LOAD(key, value)`, which `igo.js`
//! defines. The key names the file: `org/SCO` is `data/org-SCO.js`.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use serde::Serialize;

use super::{
    Day, INDEX, OrgPage, SCRIPT, STYLE, Site, StatePage, StatusInfo,
    TransitionInfo, site,
};
use crate::date::Date;
use crate::error::{DiagnosticKind, Error};
use crate::graph::KnowledgeGraph;
use crate::model::{
    Basis, Office, OrganizationId, Source, SourceId, Span, StateId,
};
use crate::query::OverlapMatrix;

/// `data.js`: what the first view and the navigation need.
#[derive(Serialize)]
struct Index<'a> {
    generator: &'a str,
    basis: Basis,
    home: Option<&'a OrganizationId>,
    organizations: Vec<OrgIndex<'a>>,
    states: Vec<StateIndex<'a>>,
    /// How many sources the site cites (the footer says it).
    source_count: usize,
    /// The years of `data/region-YEAR.js`, oldest first.
    region_years: Vec<i32>,
    /// Every word the CLI resolves to a state or an organisation: what
    /// the search box matches.
    search: Vec<crate::graph::SearchTerm>,
    /// How to cite a view: the project's `CITATION.cff`.
    citation: Citation,
}

/// What the page's "cite this view" line needs, read from the project's
/// `CITATION.cff` (its title, authors and version) and the data (the
/// latest review day).
#[derive(Serialize)]
struct Citation {
    title: String,
    authors: String,
    version: String,
    reviewed: Option<Date>,
}

const CITATION_CFF: &str = include_str!("../../../CITATION.cff");

/// The value of the first top-level `key:` of `CITATION.cff`, unquoted.
fn cff(key: &str) -> String {
    let v = CITATION_CFF
        .lines()
        .find_map(|l| l.strip_prefix(key)?.strip_prefix(':'))
        .unwrap_or_default();
    v.trim().trim_matches('"').to_string()
}

fn citation(site: &Site) -> Citation {
    // The authors are the `- name:` entries before `version:`.
    let head = CITATION_CFF.split("\nversion:").next().unwrap_or_default();
    let authors: Vec<&str> = head
        .lines()
        .filter_map(|l| l.trim().strip_prefix("- name:"))
        .map(|n| n.trim().trim_matches('"'))
        .collect();
    Citation {
        title: cff("title"),
        authors: authors.join(", "),
        version: cff("version"),
        reviewed: site.organizations.iter().filter_map(|o| o.reviewed).max(),
    }
}

/// An organisation without its days (those are `data/org-ID.js`).
#[derive(Serialize)]
struct OrgIndex<'a> {
    id: &'a OrganizationId,
    name: &'a str,
    short_name: &'a str,
    founded: Date,
    dissolved: Option<Date>,
    reviewed: Option<Date>,
    predecessor: Option<&'a OrganizationId>,
    successor: Option<&'a OrganizationId>,
    statuses: &'a [StatusInfo],
    chair_title: &'a str,
    summit_body: Option<&'a str>,
    offices: &'a [Office],
    sources: &'a [SourceId],
    /// Every state that ever held a status in it (the states list's
    /// filter).
    states: BTreeSet<&'a StateId>,
}

/// A state without its spans and transitions (`data/state-ID.js`).
#[derive(Serialize)]
struct StateIndex<'a> {
    id: &'a StateId,
    name: &'a str,
    official_name: Option<&'a str>,
    cow_code: Option<u16>,
    cow_abbrev: Option<&'a str>,
    wikidata: Option<&'a str>,
    sources: &'a [SourceId],
    /// Its region, by the Correlates of War's numbering (see [`region`]).
    region: &'static str,
}

/// `data/org-ID.js`: an organisation's days.
#[derive(Serialize)]
struct OrgChunk<'a> {
    days: &'a [Day],
    /// For each state, the first day of each of its spans in the
    /// organisation, in the spans' order: the "since" of the page's table
    /// (the spans themselves are in the state's file).
    starts: BTreeMap<&'a StateId, Vec<Date>>,
    /// The sources its days cite, and its own.
    sources: BTreeMap<&'a SourceId, &'a Source>,
}

/// `data/state-ID.js`: a state's spans and transitions.
#[derive(Serialize)]
struct StateChunk<'a> {
    spans: &'a [Span],
    transitions: &'a [TransitionInfo],
    /// The sources its spans and transitions cite, and its own.
    sources: BTreeMap<&'a SourceId, &'a Source>,
}

/// `data/region-YEAR.js`: the overlap matrices in force on some day of
/// the year, the first one possibly from an earlier year.
#[derive(Serialize)]
struct RegionChunk<'a> {
    region: &'a [OverlapMatrix],
}

/// JSON that is safe inside a `<script>`: `</` and the two JavaScript line
/// terminators are escaped.
fn script_json(value: &impl Serialize) -> Result<String, Error> {
    let json = serde_json::to_string(value)
        .map_err(|e| Error::msg(DiagnosticKind::Export, e.to_string()))?;
    Ok(json
        .replace("</", "<\\/")
        .replace('\u{2028}', "\\u2028")
        .replace('\u{2029}', "\\u2029"))
}

/// A data file: `IGO_LOAD("key", value);`, and its name in the folder.
fn chunk(
    key: &str,
    value: &impl Serialize,
) -> Result<(String, String), Error> {
    let name = format!("data/{}.js", key.replacen('/', "-", 1));
    let (key, value) = (script_json(&key)?, script_json(value)?);
    Ok((name, format!("IGO_LOAD({key}, {value});\n")))
}

/// The sources of `ids` that the site holds, by id.
fn cited<'a>(
    site: &'a Site,
    ids: impl IntoIterator<Item = &'a SourceId>,
) -> BTreeMap<&'a SourceId, &'a Source> {
    ids.into_iter().filter_map(|id| site.sources.get_key_value(id)).collect()
}

fn index(site: &Site) -> Index<'_> {
    let organizations = site
        .organizations
        .iter()
        .map(|o| OrgIndex {
            id: &o.id,
            name: &o.name,
            short_name: &o.short_name,
            founded: o.founded,
            dissolved: o.dissolved,
            reviewed: o.reviewed,
            predecessor: o.predecessor.as_ref(),
            successor: o.successor.as_ref(),
            statuses: &o.statuses,
            chair_title: &o.chair_title,
            summit_body: o.summit_body.as_deref(),
            offices: &o.offices,
            sources: &o.sources,
            states: site
                .states
                .iter()
                .filter(|s| s.spans.iter().any(|sp| sp.organization == o.id))
                .map(|s| &s.id)
                .collect(),
        })
        .collect();
    let states = site
        .states
        .iter()
        .map(|s| StateIndex {
            id: &s.id,
            name: &s.name,
            official_name: s.official_name.as_deref(),
            cow_code: s.cow_code,
            cow_abbrev: s.cow_abbrev.as_deref(),
            wikidata: s.wikidata.as_deref(),
            sources: &s.sources,
            region: region(s.cow_code, &s.id),
        })
        .collect();
    Index {
        generator: &site.generator,
        basis: site.basis,
        home: site.home.as_ref(),
        organizations,
        states,
        source_count: site.sources.len(),
        region_years: region_years(&site.region).into_keys().collect(),
        search: site.search.clone(),
        citation: citation(site),
    }
}

/// A state's region by the hundreds of its Correlates of War number, as
/// COW groups them: the Americas below 200, Europe 200-399, Africa
/// 400-599, the Middle East 600-699 (North Africa with it, as in COW),
/// Asia 700-899, Oceania from 900; the states COW does not number
/// (Palestine, the Sahrawi Republic, the Holy See) by where they are.
pub(super) fn region(cow: Option<u16>, id: &StateId) -> &'static str {
    match (cow, id.as_str()) {
        (Some(2..=199), _) => "Americas",
        (Some(200..=399), _) | (None, "VAT") => "Europe",
        (Some(400..=599), _) | (None, "ESH") => "Africa",
        (Some(600..=699), _) | (None, "PSE") => "Middle East",
        (Some(700..=899), _) => "Asia",
        (Some(900..), _) => "Oceania",
        _ => "other",
    }
}

/// For each year in which the region changes, the matrices in force on
/// its days: the one in force on its first day (from an earlier year,
/// unless it changes that day), then the year's own. A year without a
/// change has no file: the page takes the last matrix of the last year
/// before it that has one.
fn region_years(region: &[OverlapMatrix]) -> BTreeMap<i32, &[OverlapMatrix]> {
    let mut years = BTreeMap::new();
    let mut i = 0;
    while i < region.len() {
        let year = region[i].date.year();
        let end = i + region[i..].partition_point(|m| m.date.year() == year);
        let from =
            if i > 0 && !is_new_year(region[i].date) { i - 1 } else { i };
        years.insert(year, &region[from..end]);
        i = end;
    }
    years
}

fn is_new_year(d: Date) -> bool {
    d.month() == Some(1) && d.day() == Some(1)
}

fn org_chunk<'a>(site: &'a Site, org: &'a OrgPage) -> OrgChunk<'a> {
    let mut starts: BTreeMap<&StateId, Vec<Date>> = BTreeMap::new();
    for st in &site.states {
        for sp in st.spans.iter().filter(|s| s.organization == org.id) {
            if let Some(d) = sp.start.effective.or(sp.start.decided) {
                starts.entry(&st.id).or_default().push(d);
            }
        }
    }
    let days_cite = org.days.iter().flat_map(|d| &d.uncertain);
    let ids = days_cite
        .flat_map(|u| u.sources.iter().chain(&u.against))
        .chain(&org.sources);
    OrgChunk { days: &org.days, starts, sources: cited(site, ids) }
}

fn state_chunk<'a>(site: &'a Site, st: &'a StatePage) -> StateChunk<'a> {
    let ids: BTreeSet<&SourceId> = st
        .transitions
        .iter()
        .flat_map(|t| {
            let others = t.alternatives.iter().flat_map(|a| &a.sources);
            t.sources.iter().chain(&t.against).chain(others)
        })
        .chain(st.spans.iter().flat_map(|s| s.sources.iter()))
        .chain(&st.sources)
        .collect();
    StateChunk {
        spans: &st.spans,
        transitions: &st.transitions,
        sources: cited(site, ids),
    }
}

/// The data files of `site`: `data.js`, then `data/org-ID.js` for each
/// organisation, `data/state-ID.js` for each state and
/// `data/region-YEAR.js` for each year in which the region changes.
fn data_files(site: &Site) -> Result<Vec<(String, String)>, Error> {
    let head = format!("window.IGO_DATA = {};\n", script_json(&index(site))?);
    let mut out = vec![("data.js".to_string(), head)];
    for org in &site.organizations {
        out.push(chunk(&format!("org/{}", org.id), &org_chunk(site, org))?);
    }
    for st in &site.states {
        out.push(chunk(&format!("state/{}", st.id), &state_chunk(site, st))?);
    }
    for (year, region) in region_years(&site.region) {
        out.push(chunk(&format!("region/{year}"), &RegionChunk { region })?);
    }
    Ok(out)
}

/// One answer of the CLI in both formats, as it prints them.
#[derive(Serialize)]
struct Download {
    json: String,
    csv: String,
}

/// The files of the page's downloads, loaded when one is asked for:
/// `data/at-ORG.js`, `igo at` on each of the organisation's days of
/// change (the page puts the day asked in place of the day of change),
/// and `data/history-ID.js`, `igo history ID`; each in JSON and CSV, the
/// bytes the CLI prints.
fn downloads(
    kg: &KnowledgeGraph,
    site: &Site,
) -> Result<Vec<(String, String)>, Error> {
    use crate::export::answers;
    let mut out = Vec::new();
    for org in &site.organizations {
        let mut days = Vec::with_capacity(org.days.len());
        for day in &org.days {
            let snap = kg.snapshot(org.id.as_str(), day.date, site.basis)?;
            days.push(Download {
                json: answers::json(&snap)?,
                csv: answers::at_csv(kg, &snap)?,
            });
        }
        out.push(chunk(&format!("at/{}", org.id), &days)?);
    }
    for st in &site.states {
        let h = kg.history(st.id.as_str())?;
        let d = Download {
            json: answers::json(&h)?,
            csv: answers::history_csv(&h)?,
        };
        out.push(chunk(&format!("history/{}", st.id), &d)?);
    }
    Ok(out)
}

fn site_for(kg: &KnowledgeGraph, home: Option<&str>) -> Result<Site, Error> {
    let mut site = site(kg)?;
    site.home = home
        .and_then(|h| kg.resolve_organization(h).ok())
        .map(|o| o.id.clone());
    Ok(site)
}

/// `data.js`: what the page's first view and its navigation need, as one
/// JavaScript assignment (`window.IGO_DATA = {...};`): each organisation
/// without its days, each state without its spans and transitions. The
/// rest is in the files of `data/` (see [`files`]). The JSON is made safe
/// inside a `<script>`: `</` and the two JavaScript line terminators are
/// escaped.
///
/// # Errors
///
/// A query fails.
pub fn data_js(
    kg: &KnowledgeGraph,
    home: Option<&str>,
) -> Result<String, Error> {
    script_json(&index(&site_for(kg, home)?))
        .map(|json| format!("window.IGO_DATA = {json};\n"))
}

/// The files of the site: (path in the folder, text), opening on `home`
/// (see [`Site::home`](super::Site::home)). The first four are the first
/// load (`index.html`, `igo.css`, `igo.js`, `data.js`); each of the others,
/// under `data/`, is loaded when a view needs it: `org-ID.js` (an
/// organisation's days), `state-ID.js` (a state's spans and transitions)
/// and `region-YEAR.js` (the overlap matrices of a year), each with the
/// sources it cites.
///
/// # Errors
///
/// A query fails.
pub fn files(
    kg: &KnowledgeGraph,
    home: Option<&str>,
) -> Result<Vec<(String, String)>, Error> {
    let mut out = vec![
        ("index.html".to_string(), INDEX.to_string()),
        ("igo.css".to_string(), STYLE.to_string()),
        ("igo.js".to_string(), SCRIPT.to_string()),
    ];
    let site = site_for(kg, home)?;
    out.extend(data_files(&site)?);
    out.extend(downloads(kg, &site)?);
    out.push(chunk("map", &super::world(kg)?)?);
    Ok(out)
}

/// Writes the site into `dir` (created if missing), opening on `home`
/// (see [`Site::home`](super::Site::home)); the bytes written.
///
/// # Errors
///
/// A file cannot be written.
pub fn write_dir(
    kg: &KnowledgeGraph,
    dir: &Path,
    home: Option<&str>,
) -> Result<u64, Error> {
    let io = |p: &Path| {
        let p = p.display().to_string();
        move |e| Error::io(format!("cannot write `{p}`"), e)
    };
    // Everything is made before anything is written.
    let files = files(kg, home)?;
    let data = dir.join("data");
    std::fs::create_dir_all(&data).map_err(io(&data))?;
    let mut total = 0;
    for (name, text) in files {
        let p = dir.join(name);
        std::fs::write(&p, &text).map_err(io(&p))?;
        total += text.len() as u64;
    }
    Ok(total)
}

#[cfg(test)]
mod tests {
    use serde_json::Value;

    use super::*;

    /// A data file's key and value: `IGO_LOAD("key", value);`.
    fn parse(text: &str) -> (String, Value) {
        let inner = text
            .strip_prefix("IGO_LOAD(")
            .and_then(|t| t.strip_suffix(");\n"))
            .expect("a data file is one call");
        let (key, value) = inner.split_once(", ").unwrap();
        (
            serde_json::from_str(key).unwrap(),
            serde_json::from_str(value).unwrap(),
        )
    }

    /// Put back together as the page does, the files hold the whole site:
    /// every organisation's days, every state's spans and transitions,
    /// every source and every matrix of the region.
    #[test]
    fn the_files_hold_the_whole_site() {
        let kg = KnowledgeGraph::bundled();
        let site = site_for(&kg, Some("SCO")).unwrap();
        let files = data_files(&site).unwrap();
        let head = files[0].1.strip_prefix("window.IGO_DATA = ").unwrap();
        let mut whole: Value =
            serde_json::from_str(head.strip_suffix(";\n").unwrap()).unwrap();
        let mut sources = serde_json::Map::new();
        let mut region: Vec<Value> = Vec::new();
        for (name, text) in &files[1..] {
            let (key, mut value) = parse(text);
            assert_eq!(
                *name,
                format!("data/{}.js", key.replacen('/', "-", 1))
            );
            if let Some(s) = value.get_mut("sources") {
                sources.extend(s.take().as_object().unwrap().clone());
            }
            let (kind, id) = key.split_once('/').unwrap();
            let list = match kind {
                "org" => "organizations",
                "state" => "states",
                _ => {
                    for m in value["region"].as_array().unwrap() {
                        if region.last() != Some(m) {
                            region.push(m.clone());
                        }
                    }
                    continue;
                }
            };
            let items = whole[list].as_array_mut().unwrap();
            let item = items.iter_mut().find(|o| o["id"] == id).unwrap();
            for field in ["days", "spans", "transitions"] {
                if let Some(v) = value.get(field) {
                    item[field] = v.clone();
                }
            }
        }
        // What only the index holds: the filters' states and regions, and
        // the citation.
        for (list, field) in
            [("organizations", "states"), ("states", "region")]
        {
            for item in whole[list].as_array_mut().unwrap() {
                assert!(item.as_object_mut().unwrap().remove(field).is_some());
            }
        }
        let top = whole.as_object_mut().unwrap();
        assert!(top.remove("citation").is_some());
        assert_eq!(
            top.remove("source_count"),
            Some(site.sources.len().into())
        );
        top.remove("region_years");
        top.insert("region".into(), region.into());
        top.insert("sources".into(), sources.into());
        let want = serde_json::to_value(&site).unwrap();
        for (key, value) in want.as_object().unwrap() {
            assert!(whole[key] == *value, "{key}");
        }
        assert_eq!(whole, want);
    }

    /// The page takes a day's matrix from the file of the last year with
    /// one on or before the day's: that is the matrix in force that day.
    #[test]
    fn each_day_finds_its_matrix_in_one_year_file() {
        let kg = KnowledgeGraph::bundled();
        let site = site(&kg).unwrap();
        let years = region_years(&site.region);
        let last = |list: &[OverlapMatrix], d: Date| {
            let i = list.partition_point(|m| m.date <= d);
            i.checked_sub(1).map(|i| list[i].date)
        };
        let mut days: Vec<Date> = Vec::new();
        for m in &site.region {
            days.extend(
                [Some(m.date), m.date.previous_day()].iter().flatten(),
            );
        }
        for y in 1940..2030 {
            days.push(format!("{y}-01-01").parse().unwrap());
        }
        for d in days {
            let file = years.range(..=d.year()).next_back();
            let picked = file.and_then(|(_, list)| last(list, d));
            assert_eq!(picked, last(&site.region, d), "{d}");
        }
    }
}
