//! `igo export html`: the explorer, a static site. Its files are checked
//! here; the page itself is opened in headless Chromium (through selenium
//! and Debian's chromedriver, `tests/explorer.py`) and what it shows is
//! compared with the `igo` binary's own answers.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::Value;

use crate::common::{json, root, run};
use crate::export::python_with;

pub(crate) fn export_site() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let site = dir.path().join("site");
    let (code, _, err) =
        run(&["export", "html", "-o", site.to_str().unwrap()]);
    assert_eq!(code, 0, "{err}");
    dir
}

/// Every file under `dir`, by its path from `dir` (`data/org-SCO.js`).
fn files(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    let mut out = BTreeMap::new();
    for e in std::fs::read_dir(dir).unwrap() {
        let e = e.unwrap();
        let name = e.file_name().into_string().unwrap();
        if e.file_type().unwrap().is_dir() {
            for (path, bytes) in files(&e.path()) {
                out.insert(format!("{name}/{path}"), bytes);
            }
        } else {
            out.insert(name, std::fs::read(e.path()).unwrap());
        }
    }
    out
}

/// The files the page loads before it shows anything.
const FIRST_LOAD: [&str; 4] = ["data.js", "igo.css", "igo.js", "index.html"];

#[test]
fn the_site_is_deterministic_and_asks_no_network() {
    let (a, b) = (export_site(), export_site());
    let fa = files(&a.path().join("site"));
    let fb = files(&b.path().join("site"));
    let (first, data): (Vec<&String>, Vec<&String>) =
        fa.keys().partition(|k| !k.starts_with("data/"));
    assert_eq!(first, FIRST_LOAD, "the page, then data/");
    // One file per organisation, per state, per year of the region.
    let site = site_data(&a.path().join("site"));
    let count = |key: &str| site[key].as_array().unwrap().len();
    let of = |kind: &str| data.iter().filter(|k| k.contains(kind)).count();
    assert_eq!(of("/org-"), count("organizations"), "{data:?}");
    assert_eq!(of("/state-"), count("states"), "{data:?}");
    assert_eq!(of("/region-"), count("region_years"), "{data:?}");
    assert!(fa == fb, "the same data gives the same bytes");
    let index = String::from_utf8(fa["index.html"].clone()).unwrap();
    // Every file the page loads is one of the folder's.
    for attr in ["src=\"", "href=\""] {
        for part in index.split(attr).skip(1) {
            let target = part.split('"').next().unwrap();
            assert!(
                target.starts_with('#')
                    || ["data.js", "igo.js", "igo.css", "data:,"]
                        .contains(&target),
                "index.html loads {target}"
            );
        }
    }
    let js = String::from_utf8(fa["igo.js"].clone()).unwrap();
    for call in ["fetch(", "XMLHttpRequest", "import(", "WebSocket", "@import"]
    {
        assert!(!js.contains(call), "igo.js uses {call}");
    }
    // The data files are loaded by the page's own script elements, from
    // its own folder.
    assert!(js.contains("`data/${key.replace(\"/\", \"-\")}.js`"));
    let css = String::from_utf8(fa["igo.css"].clone()).unwrap();
    assert!(!css.contains("url("), "the style loads nothing");
    // The data is the graph's: every source the site cites is there with
    // its address.
    let orgs: Vec<&str> = site["organizations"]
        .as_array()
        .unwrap()
        .iter()
        .map(|o| o["id"].as_str().unwrap())
        .collect();
    let kg = igo_graph::KnowledgeGraph::bundled();
    assert_eq!(orgs.len(), kg.organizations().count(), "{orgs:?}");
    let history = json(&["history", "ARM", "--format", "json"]);
    for entry in history["entries"].as_array().unwrap() {
        for s in entry["sources"].as_array().unwrap() {
            let id = s["id"].as_str().unwrap();
            assert_eq!(site["sources"][id]["url"], s["url"], "{id}");
        }
    }
}

#[test]
fn export_html_needs_a_folder_and_refuses_flags_it_ignores() {
    let (code, _, err) = run(&["export", "html"]);
    assert_ne!(code, 0);
    assert!(err.contains("-o DIR"), "{err}");
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("notes.txt"), "mine").unwrap();
    let d = dir.path().to_str().unwrap();
    let (code, _, err) = run(&["export", "html", "-o", d]);
    assert_ne!(code, 0);
    assert!(err.contains("--force"), "{err}");
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
    let (code, _, err) = run(&["export", "html", "-o", d, "--force"]);
    assert_eq!(code, 0, "{err}");
    assert!(dir.path().join("index.html").is_file());
    assert!(dir.path().join("notes.txt").is_file(), "nothing else removed");
    for flags in [
        &["--at", "2017-06-09"][..],
        &["--org", "BRICS"][..],
        &["--basis", "decided"][..],
    ] {
        let mut args = vec!["export", "html", "-o", d, "--force"];
        args.extend(flags);
        let (code, _, err) = run(&args);
        assert_ne!(code, 0, "{flags:?}");
        assert!(err.contains(flags[0]), "{flags:?}: {err}");
    }
}

/// The system's Chromium and its driver, with selenium, or `None` after
/// saying how to install them.
pub(crate) fn browser() -> Option<String> {
    let chromium = std::env::var("IGO_CHROMIUM")
        .unwrap_or_else(|_| "/usr/bin/chromium".into());
    let driver = std::env::var("IGO_CHROMEDRIVER")
        .unwrap_or_else(|_| "/usr/bin/chromedriver".into());
    let py = python_with("selenium");
    if !Path::new(&chromium).exists() || !Path::new(&driver).exists() {
        skip!(
            "SKIPPED: no browser ({chromium}, {driver}): sudo apt-get install chromium chromium-driver (or set IGO_CHROMIUM and IGO_CHROMEDRIVER)"
        );
        return None;
    }
    if py.is_none() {
        skip!(
            "SKIPPED: selenium is not installed (python3 -m venv .venv && .venv/bin/pip install selenium, then IGO_PYTHON=.venv/bin/python3)"
        );
    }
    py
}

/// `igo at DAY --org ORG --format json`.
fn snapshot(org: &str, day: &str) -> Value {
    json(&["at", day, "--org", org, "--format", "json"])
}

/// What `igo at` says of `org` on `day`: every status's states (certain),
/// and the uncertain states.
fn at(org: &str, day: &str) -> (BTreeMap<String, Vec<String>>, Vec<String>) {
    let snap = snapshot(org, day);
    let statuses = snap["statuses"]
        .as_object()
        .unwrap()
        .iter()
        .map(|(k, v)| (k.clone(), strings(v)))
        .filter(|(_, v)| !v.is_empty())
        .collect();
    let mut uncertain: Vec<String> = snap["uncertain"]
        .as_array()
        .unwrap()
        .iter()
        .map(|u| u["state"].as_str().unwrap().to_string())
        .collect();
    uncertain.sort();
    (statuses, uncertain)
}

fn strings(v: &Value) -> Vec<String> {
    let mut out: Vec<String> = v
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s.as_str().unwrap().to_string())
        .collect();
    out.sort();
    out
}

/// Checks one view the page showed against `igo at`.
fn same_as_at(view: &str, shown: &Value) {
    let (org, day) = view.split_once('/').unwrap();
    let (statuses, uncertain) = at(org, day);
    let page: BTreeMap<String, Vec<String>> = shown["statuses"]
        .as_object()
        .unwrap()
        .iter()
        .map(|(k, v)| (k.clone(), strings(v)))
        .collect();
    assert_eq!(page, statuses, "{view}: the page's states by status");
    assert_eq!(strings(&shown["uncertain"]), uncertain, "{view}: uncertain");
    let mut drawn: Vec<String> =
        statuses.values().flatten().chain(&uncertain).cloned().collect();
    drawn.sort();
    assert_eq!(strings(&shown["drawn"]), drawn, "{view}: the diagram");
    assert_eq!(shown["date"], day, "{view}");
    let snap = snapshot(org, day);
    assert_eq!(shown["chair"], snap["chair"], "{view}: the chair");
    assert_eq!(
        shown["secretary_general"], snap["secretary_general"],
        "{view}: the Secretary-General"
    );
    match snap["caveat"].as_str() {
        Some(c) => {
            let text = shown["caveat"].as_str().unwrap_or_default();
            assert!(text.contains(c), "{view}: caveat {text:?}");
        }
        None => assert!(shown["caveat"].is_null(), "{view}: no caveat"),
    }
}

/// Where the screenshots go: `IGO_SHOTS` (the README's gallery is made
/// with `IGO_SHOTS=docs`), else `target/explorer`.
pub(crate) fn shots_dir() -> PathBuf {
    std::env::var_os("IGO_SHOTS")
        .map(PathBuf::from)
        .unwrap_or_else(|| root().join("target/explorer"))
}

/// The site's data, read back as the page puts it together: `data.js`,
/// then each organisation's days (`data/org-ID.js`) and each state's spans
/// and transitions (`data/state-ID.js`) in their places, the sources of
/// every file in `sources`, and the overlap matrices of every year's file
/// (`data/region-YEAR.js`) in `region`, each once.
pub fn site_data(site: &Path) -> Value {
    let data = std::fs::read_to_string(site.join("data.js")).unwrap();
    let json = data
        .strip_prefix("window.IGO_DATA = ")
        .and_then(|d| d.strip_suffix(";\n"))
        .expect("data.js is one assignment");
    let mut whole: Value = serde_json::from_str(json).unwrap();
    let mut sources = serde_json::Map::new();
    let mut region: Vec<Value> = Vec::new();
    let mut load = |key: String, whole: &mut Value| {
        let mut value = chunk(site, &key);
        if let Some(s) = value.get_mut("sources") {
            sources.extend(s.take().as_object().unwrap().clone());
        }
        for m in value["region"].as_array().into_iter().flatten() {
            if region.last() != Some(m) {
                region.push(m.clone());
            }
        }
        let (kind, id) = key.split_once('/').unwrap();
        let list = if kind == "org" { "organizations" } else { "states" };
        if let Some(item) = whole[list]
            .as_array_mut()
            .and_then(|l| l.iter_mut().find(|o| o["id"] == id))
        {
            for field in ["days", "starts", "spans", "transitions"] {
                if let Some(v) = value.get(field) {
                    item[field] = v.clone();
                }
            }
        }
    };
    let mut keys = Vec::new();
    for (list, kind) in [("organizations", "org"), ("states", "state")] {
        for item in whole[list].as_array().unwrap() {
            keys.push(format!("{kind}/{}", item["id"].as_str().unwrap()));
        }
    }
    for year in whole["region_years"].as_array().unwrap() {
        keys.push(format!("region/{year}"));
    }
    for key in keys {
        load(key, &mut whole);
    }
    whole["sources"] = Value::Object(sources);
    whole["region"] = Value::Array(region);
    whole
}

/// The value of the data file of `key` (`org/SCO`: `data/org-SCO.js`,
/// which is `IGO_LOAD("org/SCO", value);`), as the page names and reads
/// it.
fn chunk(site: &Path, key: &str) -> Value {
    let name = format!("data/{}.js", key.replacen('/', "-", 1));
    let text = std::fs::read_to_string(site.join(&name)).unwrap();
    let call = format!("IGO_LOAD({}, ", serde_json::json!(key));
    let json = text
        .strip_prefix(&call)
        .and_then(|t| t.strip_suffix(");\n"))
        .unwrap_or_else(|| panic!("{name} is one call of IGO_LOAD"));
    serde_json::from_str(json).unwrap()
}

/// Runs `tests/explorer.py` on the site in `site` with `args`; what the
/// page showed.
fn drive(py: &str, site: &Path, shots: &Path, args: &[&str]) -> Value {
    drive_script(py, "explorer.py", site, shots, args)
}

/// Runs `tests/SCRIPT` on the site in `site`, with `shots` and `args`;
/// what it prints, as JSON.
pub(crate) fn drive_script(
    py: &str,
    script: &str,
    site: &Path,
    shots: &Path,
    args: &[&str],
) -> Value {
    let out = Command::new(py)
        .arg(root().join("tests").join(script))
        .arg(site)
        .arg(shots)
        .args(args)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{script}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

#[test]
fn the_page_shows_what_igo_at_says_in_a_real_browser() {
    let Some(py) = browser() else { return };
    let dir = export_site();
    let site = dir.path().join("site");
    // Days the sources count, days between two changes, a day inside a
    // month-only date (Sri Lanka, 2010-05), Georgia's last day in the CIS
    // and the first without it, BRICS's disputed partners.
    let views = [
        "SCO/2017-06-09",
        "SCO/2001-06-15",
        "SCO/2010-05-20",
        "SCO/2024-07-04",
        "SCO/2025-09-01",
        "BRICS/2025-01-01",
        "CIS/2009-08-16",
        "CIS/2009-08-17",
        "CIS/2009-08-19",
        "EAEU/2015-08-12",
        "CSTO/2024-03-01",
        "SCO/2027-01-01",
    ];
    for name in [
        "explorer-desktop",
        "explorer-region",
        "explorer-phone",
        "explorer-state-phone",
    ] {
        let _ = std::fs::remove_file(shots_dir().join(format!("{name}.png")));
    }
    let page = drive(&py, &site, &shots_dir(), &views);
    for view in views {
        same_as_at(view, &page["views"][view]);
    }
    let cis = |d: &str| page["views"][format!("CIS/{d}")]["statuses"].clone();
    // Georgia left the CIS on the 17th, 18th or 19th of August 2009, as
    // the source is read: a member before, uncertain between, gone after.
    assert!(strings(&cis("2009-08-16")["member"]).contains(&"GEO".into()));
    assert!(!cis("2009-08-17").to_string().contains("GEO"));
    let between = &page["views"]["CIS/2009-08-17"]["uncertain"];
    assert!(strings(between).contains(&"GEO".into()), "{between}");
    assert!(!cis("2009-08-19").to_string().contains("GEO"));
    let later = &page["views"]["SCO/2027-01-01"]["caveat"];
    assert!(later.as_str().unwrap().contains("last reviewed"), "{later}");
    let sl = &page["views"]["SCO/2010-05-20"]["uncertain"];
    assert!(strings(sl).contains(&"LKA".into()), "{sl}");

    check_controls(&page);
    check_odd_addresses(&page);
    check_uncertain_links(&page, &site);
    check_armenia(&page);
    check_region(&page);
    check_loads(&page);
}

/// The slider, the buttons, the keyboard and a typed day.
fn check_controls(page: &serde_json::Value) {
    // The slider, moved one step by the keyboard, shows the next day of
    // change, and that day's states are `igo at`'s.
    let (before, after) =
        (&page["slider"]["before"], &page["slider"]["after"]);
    let (b, a) =
        (before["date"].as_str().unwrap(), after["date"].as_str().unwrap());
    assert!(a > b, "the slider moved forward: {b} -> {a}");
    assert_eq!(after["hash"], format!("#SCO/{a}"), "the address follows");
    same_as_at(&format!("SCO/{a}"), after);
    // Tab reaches the controls in order; Enter on "Next change" is the
    // slider's step.
    let order: Vec<&str> = page["tab_order"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap())
        .collect();
    let pos = |id: &str| order.iter().position(|o| *o == id);
    let ids = ["prev", "slider", "next", "day"].map(pos);
    assert!(ids.iter().all(Option::is_some), "{order:?}");
    assert!(ids.windows(2).all(|w| w[0] < w[1]), "{order:?}");
    assert!(order.contains(&"a #state/IND"), "the table's links: {order:?}");
    assert_eq!(page["next_by_enter"], a, "Enter on Next change");
    // The back button after two more steps of the slider: one step back.
    let back = &page["slider_back"];
    assert!(back["third"].as_str() > back["second"].as_str(), "{back}");
    assert_eq!(back["after_back"]["date"], back["second"], "Back: {back}");
    // Between two days of change, Previous goes to the one shown.
    let between = &page["prev_between"];
    assert_eq!(between["after"], between["since"], "{between}");
    // A typed day, and a day that does not exist.
    same_as_at("SCO/2001-06-15", &page["typed"]);
    assert_eq!(page["typed"]["hash"], "#SCO/2001-06-15");
    let bad = page["typed_bad"].as_str().unwrap();
    assert!(bad.contains("2001-02-30") && bad.contains("YYYY-MM-DD"), "{bad}");
    let short = page["typed_short"].as_str().unwrap();
    assert!(
        short.contains("2017-6-9") && short.contains("YYYY-MM-DD"),
        "{short}"
    );
}

/// Addresses that name no view or no day: a notice and a view.
fn check_odd_addresses(page: &serde_json::Value) {
    let today = snapshot("SCO", "today")["date"].clone();
    let odd = &page["odd"];
    // The region's record begins with the first organisation founded.
    let first: serde_json::Value = igo_graph::KnowledgeGraph::bundled()
        .organizations()
        .map(|o| o.founded.first_day())
        .min()
        .unwrap()
        .to_string()
        .into();
    for (hash, date, says) in [
        ("%", Some(&today), "No view"),
        ("SCO/%E0", Some(&today), "%E0"),
        ("SCO/2017-02-30", Some(&today), "2017-02-30"),
        ("SHANGHAI5/1990-01-01", Some(&"1996-04-26".into()), "1990-01-01"),
        ("region/1900-01-01", Some(&first), "1900-01-01"),
        ("state/%ZZ", None, "%ZZ"),
        ("state/XXX", None, "XXX"),
    ] {
        let v = &odd[hash];
        assert!(v["notice"].as_str().unwrap().contains(says), "#{hash}: {v}");
        if let Some(date) = date {
            assert_eq!(&v["date"], date, "#{hash}: {v}");
        }
        assert!(!v["h1"].as_str().unwrap().is_empty(), "#{hash}: {v}");
    }
    assert!(
        odd["state/XXX"]["title"].as_str().unwrap().starts_with("No such")
    );
}

/// The uncertain states' sources are links to them; a state's page from
/// the table, and back.
fn check_uncertain_links(page: &serde_json::Value, site: &Path) {
    let site = site_data(site);
    let brics = snapshot("BRICS", "2025-01-01");
    let mut urls = Vec::new();
    for u in brics["uncertain"].as_array().unwrap() {
        for id in strings(&u["sources"]).iter().chain(&strings(&u["against"]))
        {
            urls.push(
                site["sources"][id]["url"].as_str().unwrap().to_string(),
            );
        }
    }
    let mut links = strings(&page["uncertain_links"]);
    urls.sort();
    links.sort();
    assert!(!urls.is_empty());
    assert_eq!(links, urls, "the uncertain states' sources");

    // A state's page from the table, and back.
    assert_eq!(page["state_hash"], "#state/IND");
    assert_eq!(page["state_title"], "IND");
    assert_eq!(page["back_hash"], "#SCO/2017-06-09");
    assert_eq!(page["back_shown"], "2017-06-09");
}

/// Armenia's page: its spans are `igo`'s, its source links and quotes
/// those of its transitions, its timeline what took effect.
fn check_armenia(page: &serde_json::Value) {
    // Armenia's page: its spans are `igo`'s, and each organisation's
    // source links are the addresses of the sources of its transitions.
    let history = json(&["history", "ARM", "--format", "json"]);
    let mut want: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for e in history["entries"].as_array().unwrap() {
        let org = e["organization"].as_str().unwrap().to_string();
        for s in e["sources"].as_array().unwrap() {
            want.entry(org.clone())
                .or_default()
                .insert(s["url"].as_str().unwrap().to_string());
        }
    }
    let got: BTreeMap<String, BTreeSet<String>> = page["state"]["sources"]
        .as_object()
        .unwrap()
        .iter()
        .map(|(k, v)| (k.clone(), strings(v).into_iter().collect()))
        .collect();
    assert_eq!(got, want, "Armenia's source links");
    // And every quote of those sources is on the page.
    let mut quotes: BTreeSet<String> = BTreeSet::new();
    for e in history["entries"].as_array().unwrap() {
        for s in e["sources"].as_array().unwrap() {
            if let Some(q) = s["quote"].as_str() {
                quotes.insert(q.to_string());
            }
        }
    }
    let shown: BTreeSet<String> =
        strings(&page["state"]["quotes"]).into_iter().collect();
    assert_eq!(shown, quotes, "Armenia's quotes");
    // The timeline draws what took effect: Laos's SCO partnership is
    // pending (no bar), Moldova's exit from the CIS too (its bar runs on).
    let lao = page["timeline"]["LAO"]["bars"].as_array().unwrap();
    assert!(lao.iter().all(|b| b[0] != "SCO"), "{lao:?}");
    assert!(lao.iter().any(|b| b[0] == "UN"), "{lao:?}");
    let mda = strings(&page["timeline"]["MDA"]["titles"]);
    assert!(
        mda.iter()
            .any(|t| t.starts_with("CIS: member state")
                && t.ends_with("to today")),
        "{mda:?}"
    );
    assert!(page["state"]["spans"].as_array().unwrap().len() >= 8);
    let followed = &page["followed"];
    assert_eq!(followed["url"], followed["href"], "the link was followed");
    assert!(followed["url"].as_str().unwrap().starts_with("http"));
}

/// The region on 2025-01-01: the organisations of `igo at --org all`,
/// each state's status in each, and the overlap matrix's counts.
fn check_region(page: &serde_json::Value) {
    // The region on 2025-01-01: the organisations of `igo at --org all`,
    // each state's status in each, and the overlap matrix's counts.
    let all = json(&["at", "2025-01-01", "--org", "all", "--format", "json"]);
    let region = &page["region"];
    let matrix = json(&[
        "overlap",
        "--matrix",
        "--at",
        "2025-01-01",
        "--format",
        "json",
    ]);
    // One picture per organisation existing on the day.
    assert_eq!(strings(&region["cards"]), strings(&matrix["organizations"]));
    // Who holds what: exactly `igo at --org all`'s states, each cell its
    // status (certain), `uncertain`, or `none`.
    let mut want: BTreeMap<String, BTreeMap<String, String>> = BTreeMap::new();
    let cards = strings(&region["cards"]);
    for snap in all.as_array().unwrap() {
        let org = snap["organization"].as_str().unwrap().to_string();
        if !cards.contains(&org) {
            continue;
        }
        for (status, ids) in snap["statuses"].as_object().unwrap() {
            for id in strings(ids) {
                want.entry(id)
                    .or_default()
                    .insert(org.clone(), status.clone());
            }
        }
        for u in snap["uncertain"].as_array().unwrap() {
            let id = u["state"].as_str().unwrap().to_string();
            want.entry(id)
                .or_default()
                .insert(org.clone(), "uncertain".into());
        }
    }
    for row in want.values_mut() {
        for org in &cards {
            row.entry(org.clone()).or_insert_with(|| "none".into());
        }
    }
    let got: BTreeMap<String, BTreeMap<String, String>> =
        serde_json::from_value(region["holdings"].clone()).unwrap();
    assert_eq!(got, want, "who holds what on 2025-01-01");
    for cell in matrix["cells"].as_array().unwrap() {
        let key = format!(
            "{}/{}",
            cell["a"].as_str().unwrap(),
            cell["b"].as_str().unwrap()
        );
        assert_eq!(region["matrix"][&key], cell["shared"], "{key}");
    }
}

/// What each view loaded, the console, and the widths.
fn check_loads(page: &serde_json::Value) {
    // The first view loaded the page and its organisation's file, and
    // nothing else.
    let mut first: Vec<&str> = page["first_load"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r.as_str().unwrap().rsplit("/site/").next().unwrap())
        .collect();
    first.sort_unstable();
    let want = [
        "data.js",
        "data/map.js",
        "data/org-SCO.js",
        "igo.css",
        "igo.js",
        "index.html",
    ];
    assert_eq!(first, want, "the first view's files");
    // No console errors or warnings; nothing loaded from outside the
    // folder; no sideways scrolling at a phone's width or a wide screen.
    assert_eq!(page["console"], serde_json::json!([]), "console");
    let asked = page["resources"].as_array().unwrap();
    for r in asked {
        assert!(r.as_str().unwrap().starts_with("file://"), "{r}");
    }
    // Among them each view's own files: a state's, every organisation's
    // for the region, and the region's year.
    for file in ["data/state-ARM.js", "data/org-CIS.js", "data/region-2025.js"]
    {
        let asked = asked.iter().any(|r| r.as_str().unwrap().ends_with(file));
        assert!(asked, "{file}");
    }
    for (name, w) in page["widths"].as_object().unwrap() {
        let (inner, scroll) = (w[0].as_u64().unwrap(), w[1].as_u64().unwrap());
        assert!(scroll <= inner, "{name}: {scroll} px wide in {inner} px");
        assert!(shots_dir().join(format!("{name}.png")).is_file());
    }
}

#[test]
fn names_that_are_markup_stay_text_in_the_page() {
    let Some(py) = browser() else { return };
    let dir = tempfile::tempdir().unwrap();
    let site = dir.path().join("site");
    let data = root().join("tests/data/hostile");
    let (code, _, err) = run(&[
        "--data",
        data.to_str().unwrap(),
        "export",
        "html",
        "-o",
        site.to_str().unwrap(),
    ]);
    assert_eq!(code, 0, "{err}");
    let views =
        ["ORG/2020-01-01", "state/IND", "state/PAK", "region/2020-01-01"];
    let mut args = vec!["--hostile"];
    args.extend(views);
    let page = drive(&py, &site, &dir.path().join("shots"), &args);
    assert_eq!(page["console"], serde_json::json!([]), "console");
    for view in views {
        let v = &page["hostile"][view];
        assert_eq!(v["scripts"], 2, "{view}: only the page's own scripts");
        assert_eq!(v["bold"], 0, "{view}: no markup from the data");
    }
    let ind = page["hostile"]["state/IND"]["text"].as_str().unwrap();
    assert!(ind.contains("<b>&amp;</b>"), "the name as text: {ind}");
    let org = page["hostile"]["ORG/2020-01-01"]["text"].as_str().unwrap();
    assert!(org.contains("Org </name> & \"co\""), "{org}");

    // A file of data/ missing: the page says which, and draws the rest.
    std::fs::remove_file(site.join("data/state-PAK.js")).unwrap();
    let args = ["--hostile", "state/PAK", "state/IND"];
    let page = drive(&py, &site, &dir.path().join("shots"), &args);
    let pak = page["hostile"]["state/PAK"]["text"].as_str().unwrap();
    assert!(pak.contains("Could not load data/state-PAK.js"), "{pak}");
    let ind = page["hostile"]["state/IND"]["text"].as_str().unwrap();
    assert!(ind.contains("<b>&amp;</b>"), "{ind}");
    for line in page["console"].as_array().unwrap() {
        assert!(line.as_str().unwrap().contains("state-PAK.js"), "{line}");
    }
}

/// The size of the first load (the page and `data.js`) and of the whole
/// folder that `igo export html` writes from `data` (`None`: the bundled
/// data).
fn site_sizes(data: Option<&Path>) -> (usize, usize) {
    let dir = tempfile::tempdir().unwrap();
    let site = dir.path().join("site");
    let mut args = Vec::new();
    if let Some(data) = data {
        args.extend(["--data", data.to_str().unwrap()]);
    }
    args.extend(["export", "html", "-o", site.to_str().unwrap()]);
    let (code, _, err) = run(&args);
    assert_eq!(code, 0, "{err}");
    let files = files(&site);
    let first = FIRST_LOAD.iter().map(|f| files[*f].len()).sum();
    (first, files.values().map(Vec::len).sum())
}

/// What a browser loads before the page shows anything.
const MAX_FIRST_LOAD: usize = 1_500_000;

/// The first load holds no organisation's days and no state's history:
/// it stays under 1.5 MB for the bundled data, and from 6 generated
/// organisations to 25 (the world's record) it grows by their
/// descriptions only, where the whole folder grows with their days, the
/// states' histories and the region's matrices.
#[cfg(feature = "synth")]
#[test]
fn the_first_load_does_not_grow_with_the_organisations() {
    use igo_graph::synth::{Spec, generate};
    let (first, total) = site_sizes(None);
    assert!(first < MAX_FIRST_LOAD, "bundled: first load {first} B");
    assert!(total > 10 * first, "bundled: {first} B of {total} B");
    // Few transitions each: the region's matrices cost the cube of the
    // organisations.
    let sizes = |organizations: usize| {
        let spec = Spec {
            organizations,
            transitions: 10 * organizations,
            states: 100,
            ..Spec::world()
        };
        let dir = tempfile::tempdir().unwrap();
        for (path, text) in generate(&spec) {
            let p = dir.path().join(path);
            std::fs::create_dir_all(p.parent().unwrap()).unwrap();
            std::fs::write(p, text).unwrap();
        }
        site_sizes(Some(dir.path()))
    };
    let (few, many) = (sizes(6), sizes(25));
    assert!(many.0 < MAX_FIRST_LOAD, "25 organisations: {many:?}");
    let grew = (many.0 - few.0, many.1 - few.1);
    assert!(grew.0 < 2_000 * 19, "a description each: {few:?} {many:?}");
    assert!(grew.0 * 20 < grew.1, "the rest is in data/: {few:?} {many:?}");
}
