//! What each output says of one organisation on one day, read the way a
//! researcher reads it: `igo at`'s JSON, the history formats (spans CSV,
//! GraphML, GEXF, Turtle through SPARQL), the explorer's data and the
//! state-year codes.

use std::collections::{BTreeMap, BTreeSet};

use igo_graph::Date;
use serde_json::Value;

/// The certain holders of each status and the uncertain states of one
/// organisation on one day.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Answer {
    /// Certain holders by status id (no empty entries).
    pub held: BTreeMap<String, BTreeSet<String>>,
    /// States whose status cannot be decided.
    pub uncertain: BTreeSet<String>,
}

impl Answer {
    /// States holding a status for certain.
    pub fn family(&self) -> usize {
        self.held.values().map(BTreeSet::len).sum()
    }

    /// The status `state` holds for certain, if any.
    pub fn status_of(&self, state: &str) -> Option<&str> {
        self.held
            .iter()
            .find(|(_, v)| v.contains(state))
            .map(|(s, _)| s.as_str())
    }

    fn hold(&mut self, status: &str, state: &str) {
        self.held.entry(status.to_string()).or_default().insert(state.into());
    }

    /// The answer of a snapshot's JSON (`igo at --format json`), or of
    /// one of the explorer's days (the same keys).
    pub fn of_snapshot(snap: &Value) -> Answer {
        let mut a = Answer::default();
        for (status, states) in snap["statuses"].as_object().unwrap() {
            for s in states.as_array().unwrap() {
                a.hold(status, s.as_str().unwrap());
            }
        }
        for u in snap["uncertain"].as_array().unwrap() {
            a.uncertain.insert(u["state"].as_str().unwrap().to_string());
        }
        a
    }
}

/// One status span as a history format writes it: its status, the first
/// and last day its start and its end may fall on (an imprecise date's
/// range, or the days the sources differ on), and whether the status and
/// the end are certain.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SpanRow {
    pub state: String,
    pub status: String,
    pub start: (Date, Date),
    pub end: Option<(Date, Date)>,
    pub certain: bool,
    pub end_certain: bool,
}

impl SpanRow {
    fn certainly_covers(&self, day: Date) -> bool {
        self.start.1 <= day && self.end.is_none_or(|e| day < e.0)
    }

    fn possibly_covers(&self, day: Date) -> bool {
        self.start.0 <= day && self.end.is_none_or(|e| day < e.1)
    }
}

/// The days a date written with its precision stands for.
fn range(d: Date) -> (Date, Date) {
    (d.first_day(), d.last_day())
}

/// A day written as text in an export.
fn day(text: &str) -> Date {
    let d: Date = text.parse().unwrap();
    assert!(d.is_day(), "{text} is not a day");
    d
}

/// What the spans say of `day`, read as the README says: a state holds a
/// status for certain when a span of that status whose status is certain
/// certainly covers the day and no other span (nor a disputed end) may;
/// it is uncertain when some span may cover the day and it holds nothing
/// for certain.
pub fn of_spans(rows: &[SpanRow], day: Date) -> Answer {
    let mut by_state: BTreeMap<&str, Vec<&SpanRow>> = BTreeMap::new();
    for r in rows {
        by_state.entry(&r.state).or_default().push(r);
    }
    let mut a = Answer::default();
    for (state, rows) in by_state {
        let possible: Vec<&&SpanRow> =
            rows.iter().filter(|r| r.possibly_covers(day)).collect();
        // A disputed end in force: the status before it may still stand,
        // until a later span has certainly begun.
        let open_dispute = rows.iter().any(|r| {
            !r.end_certain
                && r.end.is_some_and(|e| e.0 <= day)
                && !rows.iter().any(|later| {
                    later.start.0 >= r.end.unwrap().0 && later.start.1 <= day
                })
        });
        let certain = rows
            .iter()
            .find(|r| r.certain && r.certainly_covers(day))
            .filter(|c| {
                !open_dispute
                    && possible
                        .iter()
                        .all(|p| p.certain && p.status == c.status)
            });
        match certain {
            Some(c) => a.hold(&c.status, state),
            None if !possible.is_empty() || open_dispute => {
                a.uncertain.insert(state.to_string());
            }
            None => {}
        }
    }
    a
}

/// A date from its first day and precision (`2010-05-01`, month:
/// `2010-05`).
fn with_precision(first: Date, precision: &str) -> Date {
    let text = first.to_string();
    let n = match precision {
        "day" => 10,
        "month" => 7,
        "year" => 4,
        other => panic!("precision {other}"),
    };
    text[..n].parse().unwrap()
}

/// The span rows of `igo export csv` (the spans table).
pub fn spans_csv(text: &str) -> Vec<SpanRow> {
    let mut r = csv::Reader::from_reader(text.as_bytes());
    let headers = r.headers().unwrap().clone();
    let col = |name: &str| headers.iter().position(|h| h == name).unwrap();
    let (state, status, start, end) =
        (col("state"), col("status"), col("start"), col("end"));
    let (certain, end_certain) = (col("certain"), col("end_certain"));
    let (s1, s2) = (col("start_earliest"), col("start_latest"));
    let (e1, e2) = (col("end_earliest"), col("end_latest"));
    r.records()
        .map(|rec| rec.unwrap())
        .filter(|rec| !rec[start].is_empty())
        .map(|rec| {
            // The days agree with the date and its precision, widened only
            // where the sources differ.
            let own = range(rec[start].parse().unwrap());
            let starts = (day(&rec[s1]), day(&rec[s2]));
            assert!(starts.0 <= own.0 && own.1 <= starts.1, "{rec:?}");
            let ends = (!rec[end].is_empty()).then(|| {
                let own = range(rec[end].parse().unwrap());
                let ends = (day(&rec[e1]), day(&rec[e2]));
                assert!(ends.0 <= own.0 && own.1 <= ends.1, "{rec:?}");
                ends
            });
            SpanRow {
                state: rec[state].to_string(),
                status: rec[status].to_string(),
                start: starts,
                end: ends,
                certain: &rec[certain] == "true",
                end_certain: &rec[end_certain] == "true",
            }
        })
        .collect()
}

/// The span rows of one organisation in the node-link JSON of the whole
/// graph (`igo export json`): its `status` edges.
pub fn node_link(doc: &Value, org: &str) -> Vec<SpanRow> {
    let date = |v: &Value| v.as_str().map(day);
    doc["edges"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["kind"] == "status" && e["target"] == org)
        .filter_map(|e| {
            Some(SpanRow {
                state: e["source"].as_str().unwrap().to_string(),
                status: e["status"].as_str().unwrap().to_string(),
                start: (
                    date(&e["start_earliest"])?,
                    date(&e["start_latest"])?,
                ),
                end: date(&e["end_earliest"]).zip(date(&e["end_latest"])),
                certain: e["certain"].as_bool().unwrap(),
                end_certain: e["end_certain"].as_bool().unwrap(),
            })
        })
        .collect()
}

/// The `data` children of an XML element, by key (`key="..."`), from a
/// GraphML edge.
fn graphml_data(edge: &str) -> BTreeMap<String, String> {
    let mut out = BTreeMap::new();
    for part in edge.split("<data key=\"").skip(1) {
        let (key, rest) = part.split_once("\">").unwrap();
        let value = rest.split("</data>").next().unwrap();
        out.insert(key.to_string(), value.to_string());
    }
    out
}

/// The span rows of a GraphML history export (`igo export graphml`).
pub fn graphml(text: &str) -> Vec<SpanRow> {
    let mut rows = Vec::new();
    for edge in text.split("<edge source=\"").skip(1) {
        let state = edge.split('"').next().unwrap().to_string();
        let body = edge.split("</edge>").next().unwrap();
        let d = graphml_data(body);
        rows.push(SpanRow {
            state,
            status: d["status"].clone(),
            start: (day(&d["start_earliest"]), day(&d["start_latest"])),
            end: d
                .get("end")
                .map(|_| (day(&d["end_earliest"]), day(&d["end_latest"]))),
            certain: d["certain"] == "true",
            end_certain: d.get("end_certain").is_none_or(|c| c == "true"),
        });
    }
    rows
}

/// An attribute's value in one XML start tag.
fn attr(tag: &str, name: &str) -> Option<String> {
    let tag = format!(" {tag}");
    let key = format!(" {name}=\"");
    let i = tag.find(&key)? + key.len();
    tag[i..].split('"').next().map(str::to_string)
}

/// The span rows of a GEXF export (`igo export gexf`): each `status`
/// value with the precision values of the same range; GEXF's closed end
/// is the day before the end's first day.
pub fn gexf(text: &str) -> Vec<SpanRow> {
    let mut rows = Vec::new();
    for edge in text.split("<edge ").skip(1) {
        let state = attr(edge, "source").unwrap();
        let body = edge.split("</edge>").next().unwrap();
        // The values of one range, by attribute.
        let mut ranges: BTreeMap<(String, String), BTreeMap<String, String>> =
            BTreeMap::new();
        let values = body.split("</attvalues>").next().unwrap();
        for v in values.split("<attvalue ").skip(1) {
            let v = v.split("/>").next().unwrap();
            let range = (
                attr(v, "start").unwrap_or_default(),
                attr(v, "end").unwrap_or_default(),
            );
            let (name, value) =
                (attr(v, "for").unwrap(), attr(v, "value").unwrap());
            ranges.entry(range).or_default().insert(name, value);
        }
        // `certain` may be split in two ranges (false inside an imprecise
        // start, then the span's own): the span's is the one that ends it.
        let certain: Vec<((String, String), String)> = ranges
            .iter()
            .filter_map(|(r, v)| Some((r.clone(), v.get("certain")?.clone())))
            .collect();
        for ((start, end), v) in
            ranges.into_iter().filter(|(_, v)| v.contains_key("status"))
        {
            let span_certain = certain
                .iter()
                .filter(|((s, e), _)| *e == end && *s >= start)
                .max_by(|a, b| a.0.0.cmp(&b.0.0))
                .is_some_and(|(_, c)| c == "true");
            // The range runs from the first day the start may be to the
            // day before the first day the end may be; `start_latest` and
            // `end_latest` give the last days each may be, and agree with
            // the precisions where the sources do not differ.
            let first = day(&start);
            let latest = day(&v["start_latest"]);
            let own = range(with_precision(first, &v["start_precision"]));
            assert!(own.1 <= latest, "{v:?}");
            let end = (!end.is_empty()).then(|| {
                let next = day(&end).next_day().unwrap();
                let own = range(with_precision(next, &v["end_precision"]));
                let latest = day(&v["end_latest"]);
                assert!(own.1 <= latest, "{v:?}");
                (next, latest)
            });
            rows.push(SpanRow {
                state: state.clone(),
                status: v["status"].clone(),
                start: (first, latest),
                end,
                certain: span_certain,
                end_certain: v.get("end_certain").is_none_or(|c| c == "true"),
            });
        }
    }
    rows
}

/// The certain holders by role of `org` on `day`, by one SPARQL query
/// over the Turtle export: a membership whose status is certain, whose
/// whole beginning is on or before the day and whose end, if any, is
/// after it, with no other membership of the state that may cover the
/// day and no disputed end that may be in force.
pub fn sparql_held(
    store: &oxigraph::store::Store,
    org: &str,
    day: Date,
) -> BTreeMap<String, BTreeSet<String>> {
    let q = format!(
        r#"PREFIX org: <http://www.w3.org/ns/org#>
PREFIX time: <http://www.w3.org/2006/time#>
PREFIX igov: <urn:igo-graph:vocab:>
PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
SELECT ?state ?role WHERE {{
  ?m a org:Membership ; org:organization <urn:igo-graph:org:{org}> ;
     org:member ?state ; org:role ?role ; igov:certain true ;
     org:memberDuring ?i .
  ?i time:hasBeginning/igov:latestDay ?begin .
  FILTER(?begin <= "{day}"^^xsd:date)
  OPTIONAL {{ ?i time:hasEnd/igov:earliestDay ?end }}
  FILTER(!BOUND(?end) || ?end > "{day}"^^xsd:date)
  FILTER NOT EXISTS {{
    ?m2 org:organization <urn:igo-graph:org:{org}> ; org:member ?state ;
        org:memberDuring ?i2 .
    ?i2 time:hasBeginning/igov:earliestDay ?b2 .
    OPTIONAL {{ ?i2 time:hasEnd/igov:latestDay ?e2 }}
    OPTIONAL {{ ?m2 org:role ?r2 }}
    OPTIONAL {{ ?m2 igov:certain ?c2 }}
    FILTER(?m2 != ?m && ?b2 <= "{day}"^^xsd:date
           && (!BOUND(?e2) || ?e2 > "{day}"^^xsd:date)
           && (?r2 != ?role || ?c2 = false))
  }}
}}"#
    );
    let rows = select(store, &q);
    let mut held: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for row in rows {
        let row = row.unwrap();
        let iri = |k: &str| match row.get(k).unwrap() {
            oxigraph::model::Term::NamedNode(n) => n.as_str().to_string(),
            other => panic!("{other}"),
        };
        let state = iri("state").rsplit(':').next().unwrap().to_string();
        let role = iri("role").rsplit(':').next().unwrap().to_string();
        held.entry(role).or_default().insert(state);
    }
    held
}

/// The solutions of the SELECT query `q` over `store`.
pub(crate) fn select(
    store: &oxigraph::store::Store,
    q: &str,
) -> oxigraph::sparql::QuerySolutionIter<'static> {
    use oxigraph::sparql::{QueryResults, SparqlEvaluator};
    let QueryResults::Solutions(rows) = SparqlEvaluator::new()
        .parse_query(q)
        .unwrap()
        .on_store(store)
        .execute()
        .unwrap()
    else {
        panic!("not a SELECT")
    };
    rows
}

/// One membership of the Turtle export, as SPARQL reads it: its state,
/// role, whether certain, and its beginning's and end's earliest and
/// latest days (`YYYY-MM-DD`).
#[derive(Clone, Debug)]
pub struct SparqlMembership {
    state: String,
    role: String,
    certain: bool,
    begin: (String, String),
    end: Option<(String, String)>,
}

/// Every membership of `org` in the store, read once by SPARQL; the
/// holders on a day then follow by [`held_from`], the same rule as
/// [`sparql_held`]'s query (which joins every membership with every
/// other on each day asked: too slow for the UN on every day).
pub fn sparql_memberships(
    store: &oxigraph::store::Store,
    org: &str,
) -> Vec<SparqlMembership> {
    let q = format!(
        r#"PREFIX org: <http://www.w3.org/ns/org#>
PREFIX time: <http://www.w3.org/2006/time#>
PREFIX igov: <urn:igo-graph:vocab:>
SELECT ?state ?role ?certain ?b1 ?b2 ?e1 ?e2 WHERE {{
  ?m a org:Membership ; org:organization <urn:igo-graph:org:{org}> ;
     org:member ?state ; org:role ?role ; org:memberDuring ?i .
  OPTIONAL {{ ?m igov:certain ?certain }}
  ?i time:hasBeginning ?b .
  ?b igov:earliestDay ?b1 ; igov:latestDay ?b2 .
  OPTIONAL {{ ?i time:hasEnd ?e . ?e igov:earliestDay ?e1 ;
                                      igov:latestDay ?e2 }}
}}"#
    );
    let rows = select(store, &q);
    rows.map(|row| {
        let row = row.unwrap();
        let text = |k: &str| match row.get(k) {
            Some(oxigraph::model::Term::NamedNode(n)) => {
                Some(n.as_str().rsplit(':').next().unwrap().to_string())
            }
            Some(oxigraph::model::Term::Literal(l)) => {
                Some(l.value().to_string())
            }
            None => None,
            Some(other) => panic!("{other}"),
        };
        SparqlMembership {
            state: text("state").unwrap(),
            role: text("role").unwrap(),
            // Without `igov:certain`, certain (as the query's `?c2 = false`
            // reads it).
            certain: text("certain").as_deref() != Some("false"),
            begin: (text("b1").unwrap(), text("b2").unwrap()),
            end: text("e1").zip(text("e2")),
        }
    })
    .collect()
}

/// The certain holders on `day` of the memberships SPARQL read: held
/// when certainly begun and not certainly ended, and no other membership
/// of the state that may cover the day has another role or is uncertain.
pub fn held_from(
    all: &[SparqlMembership],
    day: Date,
) -> BTreeMap<String, BTreeSet<String>> {
    let day = day.to_string();
    let day = day.as_str();
    let mut held: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for (i, m) in all.iter().enumerate() {
        let on = m.certain
            && m.begin.1.as_str() <= day
            && m.end.as_ref().is_none_or(|e| e.0.as_str() > day);
        let rival = all.iter().enumerate().any(|(j, o)| {
            j != i
                && o.state == m.state
                && o.begin.0.as_str() <= day
                && o.end.as_ref().is_none_or(|e| e.1.as_str() > day)
                && (o.role != m.role || !o.certain)
        });
        if on && !rival {
            held.entry(m.role.clone()).or_default().insert(m.state.clone());
        }
    }
    held
}

/// `igo export cow`'s codes, by (organisation column, COW code, year).
pub fn cow_codes(text: &str) -> BTreeMap<(String, u16, i32), i8> {
    let mut r = csv::Reader::from_reader(text.as_bytes());
    let headers = r.headers().unwrap().clone();
    let mut out = BTreeMap::new();
    for rec in r.records() {
        let rec = rec.unwrap();
        let (ccode, year) = (rec[0].parse().unwrap(), rec[1].parse().unwrap());
        for (k, h) in headers.iter().enumerate().skip(3) {
            out.insert((h.to_string(), ccode, year), rec[k].parse().unwrap());
        }
    }
    out
}

/// On a 31 December: the panel (status, certain) and the COW codes (the
/// status's code, -9 when uncertain, 0 without a status) agree with the
/// day's answer.
pub fn check_year_codes(
    kg: &igo_graph::KnowledgeGraph,
    want: &Answer,
    org: &igo_graph::Organization,
    day: Date,
    panel: &BTreeMap<(String, i32), (String, bool)>,
    cow: &BTreeMap<(String, u16, i32), i8>,
) {
    if (day.month(), day.day()) != (Some(12), Some(31)) {
        return;
    }
    let year = day.year();
    let column = org.id.as_str().to_ascii_lowercase();
    let last = org.dissolved.map(|d| d.year());
    // COW's state-years of the year, once (not once per state).
    let rows = igo_graph::cow_state_years(kg.states(), year..=year);
    for st in kg.states() {
        let id = st.id.as_str();
        // A state that ceased within the year is answered on its last
        // day by the year rules (research::a_state_that_ceased_within_the_year_is_asked_on_its_last_day), not
        // on 31 December.
        if st.exists_on(day) == Some(false)
            && st.lifetimes.iter().any(|l| l.touches_year(year))
        {
            continue;
        }
        let (status, certain) = match want.status_of(id) {
            Some(s) => (s, true),
            None if want.uncertain.contains(id) => ("", false),
            None => ("none", true),
        };
        let existed = org.founded.year() <= year;
        let code = match (status, certain) {
            _ if !existed => -1,
            (_, false) => -9,
            (s, true) => org
                .statuses
                .iter()
                .find(|x| x.as_str() == s)
                .map_or(0, |x| x.cow_code() as i8),
        };
        if let Some((p_status, p_certain)) = panel.get(&(id.to_string(), year))
        {
            assert_eq!(*p_certain, certain, "panel {id} {year} in {}", org.id);
            if certain {
                assert_eq!(
                    p_status, status,
                    "panel {id} {year} in {}",
                    org.id
                );
            }
        } else {
            assert!(
                status == "none" && certain,
                "panel has no {id} {year} in {}",
                org.id
            );
        }
        // COW codes an organisation's members through its last year.
        // A row only where the state holds a COW code that year (by its
        // lifetimes).
        if let Some(sy) = rows.iter().find(|sy| sy.state.id == st.id)
            && last != Some(year)
        {
            let got = cow.get(&(column.clone(), sy.ccode, year));
            assert_eq!(got, Some(&code), "cow {id} {year} in {}", org.id);
        }
    }
}

/// A status as a diff or a snapshot of one state writes it: an id, or
/// the possible ones.
fn status_text(v: &Value) -> Option<String> {
    v.as_str().map(str::to_string)
}

/// `igo diff A B`: its changes are exactly the states whose answer
/// differs between the two days, each with both days' statuses.
pub fn check_diff(d: &Value, a: &Value, b: &Value) {
    let (a, b) = (Answer::of_snapshot(a), Answer::of_snapshot(b));
    let say = |x: &Answer, state: &str| -> Option<String> {
        match x.status_of(state) {
            Some(s) => Some(s.to_string()),
            None if x.uncertain.contains(state) => None,
            None => Some("none".to_string()),
        }
    };
    let mut states: BTreeSet<String> = BTreeSet::new();
    for x in [&a, &b] {
        states.extend(x.held.values().flatten().cloned());
        states.extend(x.uncertain.iter().cloned());
    }
    let mut want: BTreeSet<String> = BTreeSet::new();
    for s in &states {
        let (sa, sb) = (say(&a, s), say(&b, s));
        // Two uncertain days may differ in what is possible: the diff
        // says so; only a certain status on either side is checked here.
        if sa != sb || sa.is_none() {
            want.insert(s.clone());
        }
    }
    let changes = d["changes"].as_array().unwrap();
    for c in changes {
        let state = c["state"].as_str().unwrap();
        assert_eq!(status_text(&c["before"]), say(&a, state), "{d}");
        assert_eq!(status_text(&c["after"]), say(&b, state), "{d}");
    }
    let got: BTreeSet<String> =
        changes.iter().map(|c| c["state"].as_str().unwrap().into()).collect();
    let certain_changes: BTreeSet<&String> = want
        .iter()
        .filter(|s| say(&a, s).is_some() || say(&b, s).is_some())
        .collect();
    for s in certain_changes {
        assert!(got.contains(s), "diff misses {s}: {d}");
    }
}

/// `igo overlap --matrix`: the diagonal is each organisation's family and
/// tiers; a cell counts the states holding a status for certain in both.
pub fn check_matrix(
    kg: &igo_graph::KnowledgeGraph,
    m: &Value,
    answers: &BTreeMap<&String, Answer>,
) {
    let tier = |org: &str, status: &str| -> String {
        let o = kg.organization(org).unwrap();
        let s = o.statuses.iter().find(|s| s.as_str() == status).unwrap();
        s.tier().to_string()
    };
    let held = |org: &str| -> BTreeMap<String, String> {
        answers
            .iter()
            .find(|(o, _)| o.as_str() == org)
            .map(|(_, a)| {
                a.held
                    .iter()
                    .flat_map(|(st, v)| {
                        v.iter().map(move |s| (s.clone(), tier(org, st)))
                    })
                    .collect()
            })
            .unwrap_or_default()
    };
    for cell in m["cells"].as_array().unwrap() {
        let (a, b) =
            (cell["a"].as_str().unwrap(), cell["b"].as_str().unwrap());
        let (ha, hb) = (held(a), held(b));
        let shared: Vec<&String> =
            ha.keys().filter(|s| hb.contains_key(*s)).collect();
        assert_eq!(cell["shared"], shared.len(), "{a} x {b} on {}", m["date"]);
        for (t, n) in cell["by_tier"].as_object().unwrap() {
            let same = shared
                .iter()
                .filter(|s| &ha[**s] == t && &hb[**s] == t)
                .count();
            assert_eq!(
                n,
                &Value::from(same),
                "{a} x {b} {t} on {}",
                m["date"]
            );
        }
    }
}

/// `igo memberships STATE --at DAY`: certain where `at` is certain,
/// uncertain where it is uncertain, and nothing else.
pub fn check_memberships(
    m: &Value,
    state: &str,
    answers: &BTreeMap<&String, Answer>,
) {
    let mut want: BTreeMap<String, Option<String>> = BTreeMap::new();
    for (org, a) in answers {
        if let Some(s) = a.status_of(state) {
            want.insert(org.to_string(), Some(s.to_string()));
        } else if a.uncertain.contains(state) {
            want.insert(org.to_string(), None);
        }
    }
    let got: BTreeMap<String, Option<String>> = m["memberships"]
        .as_array()
        .unwrap()
        .iter()
        .map(|x| {
            let certain = x["certain"].as_bool().unwrap();
            let status = x["status"].as_str().unwrap().to_string();
            (
                x["organization"].as_str().unwrap().to_string(),
                certain.then_some(status),
            )
        })
        .collect();
    assert_eq!(got, want, "memberships of {state} on {}", m["date"]);
}
