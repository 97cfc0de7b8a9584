//! Every export format, checked by a real reader of that format: the DOT
//! parses with graphviz-rust and renders with Graphviz's `dot`; GEXF,
//! GraphML and JSON load in networkx, the GraphML in python-igraph too;
//! the CSVs read back with the csv crate and with pandas; the Turtle answers SPARQL in
//! oxigraph and in rdflib. The Python readers are the ones researchers
//! install (`.ci/run` takes the current PyPI releases); a test whose
//! reader is missing says so (`SKIPPED`) and passes.

use std::path::Path;
use std::process::Command;

use igo_graph::KnowledgeGraph;
use igo_graph::export::{self, Options};

use crate::common::{igo, root, run};

fn day(s: &str) -> igo_graph::Date {
    s.parse().unwrap()
}

fn sco_on(d: &str) -> Options {
    Options::new("SCO").at(day(d))
}

fn bytes(
    f: impl FnOnce(&mut Vec<u8>) -> Result<(), igo_graph::Error>,
) -> Vec<u8> {
    let mut out = Vec::new();
    f(&mut out).unwrap();
    out
}

fn has_dot() -> bool {
    Command::new("dot").arg("-V").output().is_ok_and(|o| o.status.success())
}

/// A Python library that reads one of our exports.
#[derive(Clone, Copy)]
struct Reader {
    /// What it is called.
    name: &'static str,
    /// What Python imports.
    module: &'static str,
    /// What pip installs (PyPI's name).
    pip: &'static str,
}

const NETWORKX: Reader =
    Reader { name: "networkx", module: "networkx", pip: "networkx" };
const IGRAPH: Reader =
    Reader { name: "python-igraph", module: "igraph", pip: "igraph" };
const RDFLIB: Reader =
    Reader { name: "rdflib", module: "rdflib", pip: "rdflib" };
const PANDAS: Reader =
    Reader { name: "pandas", module: "pandas", pip: "pandas" };

/// A Python that can import `module`: `$IGO_PYTHON` (`.ci/run` points it
/// at a virtual environment with the readers from PyPI), the first
/// `python3` on PATH, or Debian's.
pub(crate) fn python_with(module: &str) -> Option<String> {
    let env = std::env::var("IGO_PYTHON").ok();
    let candidates = env
        .into_iter()
        .chain(["python3", "/usr/bin/python3"].into_iter().map(String::from));
    candidates.into_iter().find(|py| {
        Command::new(py)
            .args(["-c", &format!("import {module}")])
            .output()
            .is_ok_and(|o| o.status.success())
    })
}

/// Runs a Python script with `reader` on `file`; returns its stdout, or
/// `None` (with a message saying how to install it) when the reader is
/// not installed.
fn python(reader: Reader, script: &str, file: &Path) -> Option<String> {
    let Some(py) = python_with(reader.module) else {
        skip!(
            "SKIPPED: {} is not installed (python3 -m venv .venv && .venv/bin/pip install {}, then IGO_PYTHON=.venv/bin/python3)",
            reader.name,
            reader.pip
        );
        return None;
    };
    let out =
        Command::new(&py).args(["-c", script]).arg(file).output().unwrap();
    assert!(
        out.status.success(),
        "{} on {}: {}",
        reader.name,
        file.display(),
        String::from_utf8_lossy(&out.stderr)
    );
    Some(String::from_utf8(out.stdout).unwrap())
}

fn networkx(script: &str, file: &Path) -> Option<String> {
    python(NETWORKX, script, file)
}

fn temp_file(
    name: &str,
    content: &[u8],
) -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join(name);
    std::fs::write(&p, content).unwrap();
    (dir, p)
}

#[test]
fn dot_parses_shows_the_day_and_is_deterministic() {
    let kg = KnowledgeGraph::bundled();
    let a = export::dot::to_string(&kg, &sco_on("2024-02-22")).unwrap();
    let b = export::dot::to_string(&kg, &sco_on("2024-02-22")).unwrap();
    assert_eq!(a, b);
    graphviz_rust::parse(&a).expect("graphviz-rust parses our DOT");
    assert!(a.contains("on 2024-02-22\\nfamily of 26"), "{a}");
    assert!(
        a.contains("\"KAZ\"[label=\"Kazakhstan\\n(chair)\""),
        "the chair is marked"
    );
    assert!(
        a.contains("cluster_member") && a.contains("cluster_dialogue_partner")
    );
    assert!(a.contains("cluster_legend"));
    assert_eq!(
        a.matches(" -> ").count(),
        26,
        "one edge per state of the family"
    );
    assert!(a.contains("\"IND\" -> \"SCO\" [label=\"2017-06-09\"]"), "{a}");
}

#[test]
fn dot_of_hostile_names_parses_and_renders() {
    let kg = KnowledgeGraph::load(root().join("tests/data/hostile")).unwrap();
    let text = export::dot::to_string(
        &kg,
        &Options::new("ORG").at(day("2024-01-01")),
    )
    .unwrap();
    graphviz_rust::parse(&text).expect("hostile names are escaped");
    assert!(text.contains(r#"In\"dia <b>&amp;</b> \\ {a}"#), "{text}");
    if has_dot() {
        let svg = export::render::render_dot(
            &text,
            export::render::ImageFormat::Svg,
        )
        .unwrap();
        assert!(String::from_utf8(svg).unwrap().contains("<svg"));
    } else {
        skip!("SKIPPED rendering: Graphviz `dot` is not installed");
    }
}

#[test]
fn svg_and_png_render_with_graphviz() {
    if !has_dot() {
        skip!(
            "SKIPPED: Graphviz `dot` is not installed (apt-get install graphviz)"
        );
        return;
    }
    let (code, svg, err) = run(&["export", "svg", "--at", "2024-02-22"]);
    assert_eq!(code, 0, "{err}");
    assert!(svg.contains("<svg") && svg.contains("Kazakhstan"), "{svg}");
    let out =
        igo().args(["export", "png", "--at", "2024-02-22"]).output().unwrap();
    assert!(out.status.success());
    assert_eq!(&out.stdout[..8], b"\x89PNG\r\n\x1a\n");
}

#[test]
fn missing_graphviz_is_a_clear_error() {
    let out = igo()
        .env("PATH", "/nonexistent")
        .args(["export", "svg", "--at", "2024-02-22"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(
        err.contains("Graphviz's `dot` program is not installed"),
        "{err}"
    );
    assert!(
        err.contains("apt-get install graphviz")
            && err.contains("brew install graphviz")
    );
}

#[test]
fn chart_is_well_formed_svg_with_labelled_bands() {
    let kg = KnowledgeGraph::bundled();
    let svg = bytes(|o| export::chart::write(&kg, &sco_on("2026-06-01"), o));
    let text = String::from_utf8(svg).unwrap();
    let mut reader = quick_xml::Reader::from_str(&text);
    loop {
        match reader.read_event() {
            Ok(quick_xml::events::Event::Eof) => break,
            Ok(_) => {}
            Err(e) => panic!("chart is not well-formed XML: {e}"),
        }
    }
    for label in [
        "members 10",
        "partners 16",
        "dialogue partners (up to 14)",
        "observers (up to 6)",
        "family 26",
    ] {
        assert!(text.contains(label), "{label}");
    }
    // One triangle per held summit up to the end of the chart.
    assert_eq!(text.matches("<path d=").count(), 25);
}

#[test]
fn gexf_loads_in_networkx_as_a_dynamic_graph() {
    let kg = KnowledgeGraph::bundled();
    let g = bytes(|o| export::gexf::write(&kg, &Options::new("SCO"), o));
    let text = String::from_utf8(g.clone()).unwrap();
    assert!(text.contains(r#"<graph mode="dynamic" defaultedgetype="directed" timeformat="date">"#));
    let (_dir, p) = temp_file("sco.gexf", &g);
    let script = "import sys, networkx as nx\n\
        g = nx.read_gexf(sys.argv[1])\n\
        print(g.graph['mode'], g.number_of_nodes(), g.number_of_edges())\n\
        print(g['IND']['SCO']['status'])\n\
        print(g.nodes['IND']['label'], '|', g.nodes['SCO']['label'])";
    if let Some(out) = networkx(script, &p) {
        let lines: Vec<&str> = out.lines().collect();
        // SCO and the 26 states whose statuses took effect (Laos pending).
        assert_eq!(lines[0], "dynamic 27 26");
        assert_eq!(
            lines[1],
            "[('observer', '2005-07-05', '2017-06-08'), ('member', '2017-06-09', 'None')]"
        );
        // GEXF's own `label`, which Gephi shows.
        assert_eq!(lines[2], "India | Shanghai Cooperation Organisation");
    }
}

#[test]
fn graphml_loads_in_networkx_for_a_day_and_for_the_history() {
    let kg = KnowledgeGraph::bundled();
    let day_g =
        bytes(|o| export::graphml::write(&kg, &sco_on("2024-02-22"), o));
    let all_g =
        bytes(|o| export::graphml::write(&kg, &Options::new("SCO"), o));
    let script = "import sys, collections, networkx as nx\n\
        g = nx.read_graphml(sys.argv[1])\n\
        c = collections.Counter(d['status'] for _, _, d in g.edges(data=True))\n\
        print(g.number_of_nodes(), g.number_of_edges(), sorted(c.items()))\n\
        print(g.nodes['IND']['label'], '|', g.nodes['SCO']['label'])\n\
        print(all(d['label'] == d['name'] for _, d in g.nodes(data=True)))";
    let (_d1, p1) = temp_file("day.graphml", &day_g);
    if let Some(out) = networkx(script, &p1) {
        let lines: Vec<&str> = out.lines().collect();
        assert_eq!(
            lines[0],
            "27 26 [('dialogue_partner', 14), ('member', 9), ('observer', 3)]"
        );
        assert_eq!(lines[1], "India | Shanghai Cooperation Organisation");
        assert_eq!(lines[2], "True", "every node's label is its name");
    }
    let (_d2, p2) = temp_file("all.graphml", &all_g);
    if let Some(out) = networkx(script, &p2) {
        // 54 spans less the Shanghai Five's 6 and Laos's pending one.
        assert!(out.starts_with("27 47 "), "{out}");
        assert!(out.ends_with("True\n"), "{out}");
    }
}

#[test]
fn graphml_loads_in_igraph_with_labels() {
    let kg = KnowledgeGraph::bundled();
    let day_g =
        bytes(|o| export::graphml::write(&kg, &sco_on("2024-02-22"), o));
    let all_g =
        bytes(|o| export::graphml::write(&kg, &Options::new("SCO"), o));
    let script = "import sys, collections, igraph\n\
        g = igraph.Graph.Read_GraphML(sys.argv[1])\n\
        c = collections.Counter(g.es['status'])\n\
        print(g.is_directed(), g.vcount(), g.ecount(), sorted(c.items()))\n\
        ind = g.vs.find(id='IND')\n\
        print(ind['label'], '|', g.vs.find(id='SCO')['label'])\n\
        print(g.vs[g.es[0].target]['kind'])";
    let (_d1, p1) = temp_file("day.graphml", &day_g);
    if let Some(out) = python(IGRAPH, script, &p1) {
        let lines: Vec<&str> = out.lines().collect();
        assert_eq!(
            lines[0],
            "True 27 26 [('dialogue_partner', 14), ('member', 9), ('observer', 3)]"
        );
        assert_eq!(lines[1], "India | Shanghai Cooperation Organisation");
        assert_eq!(lines[2], "organization", "edges point at the SCO");
    }
    let (_d2, p2) = temp_file("all.graphml", &all_g);
    if let Some(out) = python(IGRAPH, script, &p2) {
        // As networkx sees it: 54 spans less the Shanghai Five's 6 and
        // Laos's pending one.
        assert!(out.starts_with("True 27 47 "), "{out}");
    }
}

#[test]
fn json_loads_in_networkx_node_link() {
    let kg = KnowledgeGraph::bundled();
    let all = bytes(|o| export::json::write(&kg, &Options::new("SCO"), o));
    let day_j = bytes(|o| export::json::write(&kg, &sco_on("2024-02-22"), o));
    // networkx 3.6 and later read it with default arguments; older
    // releases with what the README tells them to pass. Without a
    // warning either way.
    let script = "import sys, json, warnings, collections, networkx as nx\n\
        v = tuple(int(x) for x in nx.__version__.split('.')[:2])\n\
        if v >= (3, 6): kw = {}\n\
        elif v >= (3, 4): kw = {'edges': 'edges'}\n\
        elif v >= (2, 8): kw = {'link': 'edges'}\n\
        else: kw = {'attrs': {'link': 'edges'}}\n\
        data = json.load(open(sys.argv[1]))\n\
        with warnings.catch_warnings():\n\
        \x20   warnings.simplefilter('error')\n\
        \x20   g = nx.node_link_graph(data, **kw)\n\
        kinds = collections.Counter(d['kind'] for _, d in g.nodes(data=True))\n\
        links = collections.Counter(d['kind'] for _, _, d in g.edges(data=True))\n\
        print(type(g).__name__, g.number_of_nodes(), g.number_of_edges())\n\
        print(sorted(kinds.items()))\n\
        print(links['status'], links['chair'], links['office'])";
    let (_d1, p1) = temp_file("all.json", &all);
    if let Some(out) = networkx(script, &p1) {
        let lines: Vec<&str> = out.lines().collect();
        assert!(lines[0].starts_with("MultiDiGraph "), "{out}");
        let kinds = format!(
            "[('event', {}), ('organization', {}), ('person', {}), ('source', {}), ('state', {}), ('summit', {})]",
            kg.organizations()
                .map(|o| kg.events(o.id.as_str()).len())
                .sum::<usize>(),
            kg.organizations().count(),
            kg.organizations()
                .flat_map(|o| kg.officials(o.id.as_str()))
                .map(|t| t.person.as_str())
                .collect::<std::collections::BTreeSet<_>>()
                .len(),
            kg.sources().count(),
            kg.states().count(),
            kg.organizations()
                .map(|o| kg.summits(o.id.as_str()).len())
                .sum::<usize>(),
        );
        assert_eq!(lines[1], kinds);
        // One edge per span, chair term and office term of the graph.
        let chairs: usize =
            kg.organizations().map(|o| kg.chairs(o.id.as_str()).len()).sum();
        let offices: usize = kg
            .organizations()
            .map(|o| kg.officials(o.id.as_str()).len())
            .sum();
        assert_eq!(
            lines[2],
            format!("{} {chairs} {offices}", kg.spans().len())
        );
    }
    let (_d2, p2) = temp_file("day.json", &day_j);
    if let Some(out) = networkx(script, &p2) {
        assert_eq!(out.lines().next(), Some("MultiDiGraph 27 26"));
    }
    let v: serde_json::Value = serde_json::from_slice(&all).unwrap();
    assert!(v.get("links").is_none(), "`links` is now `edges`");
    let india: Vec<&serde_json::Value> = v["edges"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|l| {
            l["source"] == "IND"
                && l["target"] == "SCO"
                && l["kind"] == "status"
        })
        .collect();
    assert_eq!(india[0]["status"], "observer");
    assert_eq!(india[0]["end"], "2017-06-09");
    let src = india[1]["sources"][0].as_str().unwrap();
    let node = v["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .find(|n| n["id"] == format!("source:{src}"))
        .unwrap();
    assert!(node["url"].as_str().unwrap().starts_with("http"));
    // And it reads back into the same graph.
    let text = std::str::from_utf8(&all).unwrap();
    let back = KnowledgeGraph::from_json(text).unwrap();
    assert!(back == kg);
    // So does a file written before `links` became `edges`.
    let mut old = v.clone();
    let edges = old.as_object_mut().unwrap().remove("edges").unwrap();
    old["links"] = edges;
    let back = KnowledgeGraph::from_json(&old.to_string()).unwrap();
    assert!(back == kg);
}

#[test]
fn json_value_and_writer_agree_byte_for_byte() {
    let kg = KnowledgeGraph::bundled();
    for opts in [Options::new("SCO"), sco_on("2024-02-22")] {
        let written = bytes(|o| export::json::write(&kg, &opts, o));
        let value = export::json::to_value(&kg, &opts).unwrap();
        let keys: Vec<&str> =
            value.as_object().unwrap().keys().map(String::as_str).collect();
        assert_eq!(
            keys,
            ["directed", "edges", "graph", "multigraph", "nodes"]
        );
        let mut printed = serde_json::to_string_pretty(&value).unwrap();
        printed.push('\n');
        assert!(
            printed.as_bytes() == written.as_slice(),
            "to_value and write differ"
        );
    }
}

fn read_csv(data: &[u8]) -> (Vec<String>, Vec<Vec<String>>) {
    let mut r = ::csv::Reader::from_reader(data);
    let header = r.headers().unwrap().iter().map(String::from).collect();
    let rows = r
        .records()
        .map(|r| r.unwrap().iter().map(String::from).collect())
        .collect();
    (header, rows)
}

#[test]
fn panel_is_a_cow_style_state_year_table() {
    let kg = KnowledgeGraph::bundled();
    let opts = sco_on("2026-06-01");
    let dec = bytes(|o| {
        export::panel::write(&kg, &opts, export::panel::Rule::December31, o)
    });
    let any = bytes(|o| {
        export::panel::write(&kg, &opts, export::panel::Rule::Any, o)
    });
    let (header, rows) = read_csv(&dec);
    assert_eq!(
        header,
        [
            "ccode", "stateabb", "iso3", "year", "ioname", "status",
            "cow_code", "certain", "rule"
        ]
    );
    // 27 states x 2001..=2026.
    assert_eq!(rows.len(), 27 * 26);
    let get = |rows: &[Vec<String>], iso: &str, year: &str| {
        rows.iter().find(|r| r[2] == iso && r[3] == year).unwrap().clone()
    };
    assert_eq!(
        get(&rows, "KAZ", "2001")[..7],
        ["705", "KZK", "KAZ", "2001", "SCO", "member", "1"]
    );
    assert_eq!(get(&rows, "MNG", "2024")[5..7], ["observer", "3"]);
    assert_eq!(get(&rows, "MNG", "2025")[5..7], ["partner", "0"]);
    assert_eq!(get(&rows, "IND", "2016")[5..7], ["observer", "3"]);
    assert_eq!(get(&rows, "IND", "2017")[5..7], ["member", "1"]);
    let (_, any_rows) = read_csv(&any);
    // Mongolia was an observer until 1 September 2025: the highest status
    // of 2025 is observer, the one on 31 December partner.
    assert_eq!(get(&any_rows, "MNG", "2025")[5..7], ["observer", "3"]);
    assert_eq!(get(&any_rows, "MNG", "2025")[8], "any");
}

#[test]
fn csv_tables_read_back() {
    let kg = KnowledgeGraph::bundled();
    let spans = bytes(|o| export::csv::write(&kg, &Options::new("SCO"), o));
    let (header, rows) = read_csv(&spans);
    assert_eq!(header, export::csv::SPAN_COLUMNS);
    assert_eq!(rows.len(), 48);
    let lka = rows
        .iter()
        .find(|r| r[1] == "LKA" && r[2] == "dialogue_partner")
        .unwrap();
    assert_eq!((lka[3].as_str(), lka[4].as_str()), ("2010-05", "month"));
    assert_eq!(lka[7], "2009-06-16");
    let lao = rows.iter().find(|r| r[1] == "LAO").unwrap();
    assert_eq!(
        (lao[3].as_str(), lao[7].as_str()),
        ("", "2025-09-01"),
        "pending: no effective start"
    );
    let events =
        bytes(|o| export::csv::write_events(&kg, &Options::new("SCO"), o));
    let (header, rows) = read_csv(&events);
    assert_eq!(header, export::csv::EVENT_COLUMNS);
    assert_eq!(rows.first().unwrap()[9], "6");
    assert!(rows.iter().any(|r| r[3] == "IND"
        && r[5] == "member"
        && r[10] == "sco-2017-astana"));
}

fn sparql_count(store: &oxigraph::store::Store, query: &str) -> i64 {
    let row = crate::one_answer::readers::select(store, query)
        .next()
        .unwrap()
        .unwrap();
    match row.get("n").unwrap() {
        oxigraph::model::Term::Literal(l) => l.value().parse().unwrap(),
        other => panic!("{other}"),
    }
}

fn family_query(day: &str) -> String {
    format!(
        "PREFIX org: <http://www.w3.org/ns/org#>
         PREFIX time: <http://www.w3.org/2006/time#>
         PREFIX igov: <urn:igo-graph:vocab:>
         PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
         SELECT (COUNT(DISTINCT ?state) AS ?n) WHERE {{
           ?m a org:Membership ; org:organization <urn:igo-graph:org:SCO> ;
              org:member ?state ; igov:certain true ; org:memberDuring ?i .
           ?i time:hasBeginning/igov:latestDay ?begin .
           FILTER(?begin <= \"{day}\"^^xsd:date)
           OPTIONAL {{ ?i time:hasEnd/igov:earliestDay ?end }}
           FILTER(!BOUND(?end) || ?end > \"{day}\"^^xsd:date)
         }}"
    )
}

#[test]
fn turtle_answers_sparql_the_family_of_26() {
    let kg = KnowledgeGraph::bundled();
    let ttl = bytes(|o| export::ttl::write(&kg, &Options::new("SCO"), o));
    let store = oxigraph::store::Store::new().unwrap();
    store
        .load_from_slice(oxigraph::io::RdfFormat::Turtle, &ttl)
        .expect("valid Turtle");
    assert_eq!(sparql_count(&store, &family_query("2024-02-22")), 26);
    assert_eq!(sparql_count(&store, &family_query("2001-06-15")), 6);
    assert_eq!(sparql_count(&store, &family_query("2001-06-14")), 0);
    // Members on India's accession day, through org:role.
    let members = "PREFIX org: <http://www.w3.org/ns/org#>
        PREFIX time: <http://www.w3.org/2006/time#>
        PREFIX igov: <urn:igo-graph:vocab:>
        PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
        SELECT (COUNT(DISTINCT ?s) AS ?n) WHERE {
          ?m org:member ?s ; org:role <urn:igo-graph:role:member> ; org:memberDuring ?i .
          ?i time:hasBeginning/igov:latestDay ?b . FILTER(?b <= \"2017-06-09\"^^xsd:date)
          OPTIONAL { ?i time:hasEnd/igov:earliestDay ?e }
          FILTER(!BOUND(?e) || ?e > \"2017-06-09\"^^xsd:date)
        }";
    assert_eq!(sparql_count(&store, members), 8);
}

/// The README's SPARQL query, as printed there.
fn readme_query() -> String {
    let readme = std::fs::read_to_string(root().join("README.md")).unwrap();
    let start = readme.find("```sparql\n").expect("a SPARQL block") + 10;
    let len = readme[start..].find("```").unwrap();
    readme[start..start + len].to_string()
}

#[test]
fn the_readmes_sparql_query_counts_what_at_counts() {
    let (code, ttl, _) = run(&["export", "ttl", "--org", "BRICS"]);
    assert_eq!(code, 0);
    let store = oxigraph::store::Store::new().unwrap();
    store
        .load_from_slice(oxigraph::io::RdfFormat::Turtle, ttl.as_bytes())
        .unwrap();
    let query = readme_query();
    assert!(query.contains("\"2024-06-01\""), "{query}");
    let (_d, p) = temp_file("brics.ttl", ttl.as_bytes());
    let mut queries = Vec::new();
    let mut counts = Vec::new();
    for d in ["2024-06-01", "2023-12-31", "2025-01-03", "2025-12-01"] {
        let q = query.replace("2024-06-01", d);
        let (_, at, _) = run(&["at", d, "--org", "BRICS", "--format", "json"]);
        let at: serde_json::Value = serde_json::from_str(&at).unwrap();
        let members = at["members"].as_array().unwrap().len() as i64;
        assert_eq!(sparql_count(&store, &q), members, "on {d}");
        queries.push(q);
        counts.push(members.to_string());
    }
    assert_eq!(counts[0], "9", "BRICS on 2024-06-01, Saudi Arabia uncertain");
    let script = format!(
        "import sys, rdflib\n\
         g = rdflib.Graph()\n\
         g.parse(sys.argv[1], format='turtle')\n\
         for q in {queries:?}:\n\
         \x20   print(int(next(iter(g.query(q)))[0]))"
    );
    if let Some(out) = python(RDFLIB, &script, &p) {
        assert_eq!(out.lines().collect::<Vec<_>>(), counts);
    }
}

#[test]
fn turtle_answers_sparql_in_rdflib() {
    let kg = KnowledgeGraph::bundled();
    let ttl = bytes(|o| export::ttl::write(&kg, &Options::new("SCO"), o));
    let (_d, p) = temp_file("sco.ttl", &ttl);
    // The same query as in Oxigraph, for three days.
    let script = format!(
        "import sys, rdflib\n\
         g = rdflib.Graph()\n\
         g.parse(sys.argv[1], format='turtle')\n\
         for q in {:?}:\n\
         \x20   print(int(next(iter(g.query(q)))[0]))",
        [
            family_query("2024-02-22"),
            family_query("2001-06-15"),
            family_query("2001-06-14"),
        ]
    );
    if let Some(out) = python(RDFLIB, &script, &p) {
        assert_eq!(out.lines().collect::<Vec<_>>(), ["26", "6", "0"]);
    }
}

#[test]
fn exports_of_hostile_names_stay_well_formed() {
    let kg = KnowledgeGraph::load(root().join("tests/data/hostile")).unwrap();
    let opts = Options::new("ORG").at(day("2024-01-01"));
    let all = Options::new("ORG");
    // XML formats parse.
    for (name, data) in [
        ("gexf", bytes(|o| export::gexf::write(&kg, &all, o))),
        ("graphml", bytes(|o| export::graphml::write(&kg, &all, o))),
        ("graphml-day", bytes(|o| export::graphml::write(&kg, &opts, o))),
        ("chart", bytes(|o| export::chart::write(&kg, &opts, o))),
    ] {
        let text = String::from_utf8(data).unwrap();
        assert!(!text.contains('\0'), "{name}: NUL is not XML");
        let mut reader = quick_xml::Reader::from_str(&text);
        loop {
            match reader.read_event() {
                Ok(quick_xml::events::Event::Eof) => break,
                Ok(_) => {}
                Err(e) => panic!("{name} is not well-formed: {e}"),
            }
        }
        if name == "graphml" {
            let (_d, p) = temp_file("h.graphml", text.as_bytes());
            let script = "import sys, networkx as nx\n\
                g = nx.read_graphml(sys.argv[1])\nprint(g.nodes['IND']['name'])";
            if let Some(out) = networkx(script, &p) {
                assert_eq!(
                    out.trim_end(),
                    "=HYPERLINK(\"x\") In\"dia <b>&amp;</b> \\ {a}"
                );
            }
        }
    }
    let json = bytes(|o| export::json::write(&kg, &all, o));
    let v: serde_json::Value = serde_json::from_slice(&json).unwrap();
    assert_eq!(
        v["nodes"][1]["name"],
        "=HYPERLINK(\"x\") In\"dia <b>&amp;</b> \\ {a}"
    );
    let ttl = bytes(|o| export::ttl::write(&kg, &all, o));
    oxigraph::store::Store::new()
        .unwrap()
        .load_from_slice(oxigraph::io::RdfFormat::Turtle, &ttl)
        .expect("Turtle parses");
    // CSV: formula cells neutralised, numbers untouched.
    let spans = bytes(|o| export::csv::write(&kg, &all, o));
    let (_, rows) = read_csv(&spans);
    assert!(rows[0][12].starts_with("'=HYPERLINK"), "{:?}", rows[0]);
    assert!(rows[0][15].starts_with("'=cmd"), "{:?}", rows[0]);
    let panel = bytes(|o| {
        export::panel::write(&kg, &opts, export::panel::Rule::December31, o)
    });
    let (_, rows) = read_csv(&panel);
    assert_eq!(rows[0][0], "750");
    assert_eq!(rows[0][4], "'+ORG");
}

#[test]
fn cli_export_writes_files_and_reports_unwritable_paths() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("panel.csv");
    let (code, stdout, err) =
        run(&["export", "panel", "-o", &out.display().to_string()]);
    assert_eq!(code, 0, "{err}");
    assert!(stdout.is_empty());
    assert!(
        std::fs::read_to_string(&out).unwrap().starts_with("ccode,stateabb,")
    );
    let bad = dir.path().join("no/such/dir/x.csv");
    let (code, _, err) =
        run(&["export", "csv", "-o", &bad.display().to_string()]);
    assert_eq!(code, 2);
    assert!(err.starts_with("igo: cannot write `"), "{err}");
    let (code, csv, _) = run(&["export", "csv", "--table", "events"]);
    assert_eq!(code, 0);
    assert!(csv.starts_with("organization,date,precision,state,from,to,"));
}

#[test]
fn the_gallery_chart_is_up_to_date() {
    // README shows docs/growth.svg; regenerate it with
    // `igo export chart --at 2026-11-27 -o docs/growth.svg` after a data change.
    let kg = KnowledgeGraph::bundled();
    let fresh = bytes(|o| export::chart::write(&kg, &sco_on("2026-11-27"), o));
    let committed = std::fs::read(root().join("docs/growth.svg")).unwrap();
    assert!(fresh == committed, "docs/growth.svg is stale: regenerate it");
    let svg = std::fs::read_to_string(root().join("docs/sco-2024-02-22.svg"))
        .unwrap();
    assert!(svg.contains("family of 26"));
}

/// The three CSV layouts as pandas reads them with default arguments:
/// every code column of the COW layout an integer column (no stray text),
/// the COW codes of a few state-years the sources fix, the spans with their
/// quoted notes intact, the panel's flags as booleans.
#[test]
fn the_csv_layouts_load_in_pandas() {
    let dir = tempfile::tempdir().unwrap();
    let write = |name: &str, args: &[&str]| {
        let (code, out, err) = run(args);
        assert_eq!(code, 0, "{err}");
        std::fs::write(dir.path().join(name), out).unwrap();
    };
    write("cow.csv", &["export", "cow", "--at", "2025-12-31"]);
    write("spans.csv", &["export", "csv"]);
    write("panel.csv", &["export", "panel"]);
    let script = "import sys, os, pandas as pd\n\
        d = sys.argv[1]\n\
        cow = pd.read_csv(os.path.join(d, 'cow.csv'))\n\
        print(all(str(cow[c].dtype) == 'int64' for c in cow.columns[3:]), cow.year.min(), cow.year.max())\n\
        at = lambda cc, y, o: int(cow.loc[(cow.ccode == cc) & (cow.year == y), o].iloc[0])\n\
        print(at(750, 2016, 'sco'), at(750, 2017, 'sco'), at(372, 2008, 'cis'), at(372, 2009, 'cis'))\n\
        sp = pd.read_csv(os.path.join(d, 'spans.csv'))\n\
        ind = sp[(sp.organization == 'SCO') & (sp.state == 'IND') & (sp.status == 'member')]\n\
        print(len(sp), ind.start.iloc[0], sp.sources.isna().sum(), sp.note.str.len().max() > 500)\n\
        pa = pd.read_csv(os.path.join(d, 'panel.csv'))\n\
        print(str(pa.cow_code.dtype), str(pa.certain.dtype), len(pa))";
    let Some(out) = python(PANDAS, script, dir.path()) else { return };
    let lines: Vec<&str> = out.lines().collect();
    // Rows run from the first organisation's founding year (the UN's,
    // 1945) to the year of --at.
    let first = igo_graph::KnowledgeGraph::bundled()
        .organizations()
        .map(|o| o.founded.year())
        .min()
        .unwrap();
    assert_eq!(lines[0], format!("True {first} 2025"), "{out}");
    // India: SCO observer from 2005, member from 2017-06-09. Georgia:
    // out of the CIS from 2009-08-18, so not a member on 31 December 2009.
    assert_eq!(lines[1], "3 1 1 0", "{out}");
    let spans = csv::Reader::from_path(dir.path().join("spans.csv"))
        .unwrap()
        .records()
        .count();
    assert_eq!(
        lines[2],
        format!("{spans} 2017-06-09 0 True"),
        "pandas reads every span, none without sources: {out}"
    );
    let panel = csv::Reader::from_path(dir.path().join("panel.csv"))
        .unwrap()
        .records()
        .count();
    assert_eq!(lines[3], format!("int64 bool {panel}"), "{out}");
}
