//! Node-link JSON, the form networkx reads with `node_link_graph` (keys
//! `directed`, `edges`, `graph`, `multigraph`, `nodes`). The edge list is
//! `edges`, the default of networkx 3.6 and later; it was `links` before
//! (networkx up to 3.5 reads it with `edges="edges"` or `link="edges"`).
//!
//! Without a day: the whole knowledge graph, every organisation, lossless,
//! so that [`KnowledgeGraph::from_json`] reads it back into an equal graph.
//! Nodes have a `kind`: `organization` (its fields, plus `chairs` and
//! `officials`), `state` (its fields, plus `histories`: per organisation,
//! the transitions), `source`, `summit`, `event`, `person`. Ids are the
//! data's own for organisations and states, and `source:ID`, `summit:ID`,
//! `event:ID`, `person:ID` for the others (an event's own kind is
//! `event_kind`). Edges have a `kind`: `status`
//! (one per status span, with `start`/`end` under the basis, both ends'
//! decided and effective dates, sources and note), `chair`, `office`,
//! `hosted`, `meeting_of`, `cites`, `succeeded_by`.
//!
//! With a day: the organisation and the states of that day, one `status`
//! edge each.

use std::collections::{HashMap, HashSet};
use std::io::{BufWriter, Write};

use serde::Serialize;
use serde::ser::{SerializeMap, SerializeSeq, Serializer};
use serde_json::{Value, json};

use self::state::StateNode;
use super::{Options, day_picture, spans_of};
use crate::date::Date;
use crate::error::{DiagnosticKind, Error};
use crate::graph::KnowledgeGraph;
use crate::model::{
    ChairTerm, Event, OfficeTerm, Organization, Source, Span, State, StatusOn,
    Summit, Transition,
};

mod state;

fn state_node(st: &State) -> Value {
    let mut v = json!({
        "id": st.id,
        "kind": "state",
        "name": st.name,
        "iso2": st.iso2,
        "aliases": st.aliases,
        "cow_code": st.cow_code,
        "cow_abbrev": st.cow_abbrev,
        "wikidata": st.wikidata,
    });
    // A state known by its COW code alone (`COW255`) has no alpha-2.
    if st.iso2.is_empty()
        && let Some(m) = v.as_object_mut()
    {
        m.remove("iso2");
    }
    v
}

/// The node-link document as a JSON value.
///
/// # Errors
///
/// An unknown organisation.
pub fn to_value(kg: &KnowledgeGraph, opts: &Options) -> Result<Value, Error> {
    let org = asked(kg, opts)?;
    if opts.date.is_some() {
        return day_value(kg, opts);
    }
    serde_json::to_value(Document { kg, opts, org }).map_err(export_error)
}

/// The organisation asked about: needed for a day; for the whole graph,
/// only named when given (an empty `organization`: none).
fn asked<'a>(
    kg: &'a KnowledgeGraph,
    opts: &Options,
) -> Result<Option<&'a Organization>, Error> {
    match opts.organization.as_str() {
        "" if opts.date.is_none() => Ok(None),
        id => kg.resolve_organization(id).map(Some),
    }
}

fn export_error(e: serde_json::Error) -> Error {
    Error::msg(DiagnosticKind::Export, format!("cannot write JSON: {e}"))
}

/// A JSON object written entry by entry, straight to the serializer.
///
/// The keys must come in sorted order, the order `serde_json::Value`'s
/// map (a `BTreeMap`) prints them in, so that [`write`] and [`to_value`]
/// agree byte for byte; debug builds check it.
struct Obj<M> {
    map: M,
    last: &'static str,
}

impl<M: SerializeMap> Obj<M> {
    fn new<S>(s: S) -> Result<Self, S::Error>
    where
        S: Serializer<SerializeMap = M>,
    {
        Ok(Obj { map: s.serialize_map(None)?, last: "" })
    }

    fn field<T: Serialize + ?Sized>(
        &mut self,
        key: &'static str,
        value: &T,
    ) -> Result<(), M::Error> {
        debug_assert!(
            self.last < key,
            "JSON keys out of order: `{key}` after `{}`",
            self.last
        );
        self.last = key;
        self.map.serialize_entry(key, value)
    }

    fn end(self) -> Result<M::Ok, M::Error> {
        self.map.end()
    }
}

/// An id with a prefix (`source:ID`), printed without building a string.
struct Prefixed<'a>(&'static str, &'a str);

impl Serialize for Prefixed<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(&format_args!("{}{}", self.0, self.1))
    }
}

/// A sequence serialized from a fresh iterator each time.
struct Seq<F>(F);

impl<F, I> Serialize for Seq<F>
where
    F: Fn() -> I,
    I: Iterator,
    I::Item: Serialize,
{
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq((self.0)())
    }
}

/// The whole graph: serializes straight from the graph, one node or link
/// at a time, never building the document.
struct Document<'a> {
    kg: &'a KnowledgeGraph,
    opts: &'a Options,
    org: Option<&'a Organization>,
}

impl Serialize for Document<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let Document { kg, opts, org } = *self;
        let mut m = Obj::new(s)?;
        m.field("directed", &true)?;
        m.field("edges", &Links { kg, opts })?;
        m.field("graph", &GraphInfo { opts, org })?;
        m.field("multigraph", &true)?;
        m.field("nodes", &Nodes { kg })?;
        m.end()
    }
}

struct GraphInfo<'a> {
    opts: &'a Options,
    org: Option<&'a Organization>,
}

impl Serialize for GraphInfo<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut m = Obj::new(s)?;
        m.field("basis", &self.opts.basis)?;
        m.field("date", &None::<Date>)?;
        m.field("format", "igo-graph")?;
        m.field("format_version", &1)?;
        m.field("organization", &self.org.map(|o| &o.id))?;
        m.end()
    }
}

struct Nodes<'a> {
    kg: &'a KnowledgeGraph,
}

impl Serialize for Nodes<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let kg = self.kg;
        let mut seq = s.serialize_seq(None)?;
        for o in kg.organizations() {
            seq.serialize_element(&OrgNode { kg, o })?;
        }
        for st in kg.states() {
            seq.serialize_element(&StateNode { kg, st })?;
        }
        for src in kg.sources() {
            seq.serialize_element(&SourceNode(src))?;
        }
        for o in kg.organizations() {
            for summit in kg.summits(o.id.as_str()) {
                seq.serialize_element(&SummitNode(summit))?;
            }
            for e in kg.events(o.id.as_str()) {
                seq.serialize_element(&EventNode(e))?;
            }
        }
        // Each person once, at their first term.
        let mut seen = HashSet::new();
        for o in kg.organizations() {
            for t in kg.officials(o.id.as_str()) {
                if seen.insert(&t.person) {
                    seq.serialize_element(&PersonNode(t))?;
                }
            }
        }
        seq.end()
    }
}

struct OrgNode<'a> {
    kg: &'a KnowledgeGraph,
    o: &'a Organization,
}

impl Serialize for OrgNode<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        // Every field: a new one fails to compile here until it is written.
        let Organization {
            id,
            name,
            short_name,
            other_names,
            founded,
            dissolved,
            headquarters,
            wikidata,
            predecessor,
            successor,
            cow_column,
            cow_ionum,
            cow_earlier,
            sources,
            note,
            statuses,
            reviewed,
            names,
            offices,
            coverage,
            summit_body,
            chair_title,
            organization_members,
        } = self.o;
        let chairs = self.kg.chairs(id.as_str());
        let officials = self.kg.officials(id.as_str());
        let mut m = Obj::new(s)?;
        m.field("chair_title", chair_title)?;
        m.field("chairs", &Seq(|| chairs.iter().copied().map(ChairNode)))?;
        let claims = self.kg.claims(id.as_str());
        if !claims.is_empty() {
            m.field("claims", &Seq(|| claims.iter().map(ClaimNode)))?;
        }
        m.field("coverage", coverage)?;
        if cow_column.is_some() {
            m.field("cow_column", cow_column)?;
        }
        if !cow_earlier.is_empty() {
            m.field("cow_earlier", cow_earlier)?;
        }
        if cow_ionum.is_some() {
            m.field("cow_ionum", cow_ionum)?;
        }
        m.field("dissolved", dissolved)?;
        m.field("founded", founded)?;
        m.field("headquarters", headquarters)?;
        m.field("id", id)?;
        m.field("kind", "organization")?;
        m.field("name", name)?;
        if !names.is_empty() {
            m.field("names", &Seq(|| names.iter().map(DatedNameNode)))?;
        }
        m.field("note", note)?;
        // A JSON object: its keys sorted, as every node's.
        let office = |o: &crate::model::Office| {
            let mut v = json!({"from_members": o.from_members, "id": o.id,
                   "label": o.label, "plural": o.plural});
            // Only an office that ceased says so (the key is new).
            if let Some(u) = o.until {
                v["until"] = json!(u);
            }
            v
        };
        m.field("offices", &Seq(|| offices.iter().map(office)))?;
        m.field(
            "officials",
            &Seq(|| officials.iter().copied().map(OfficialNode)),
        )?;
        if !organization_members.is_empty() {
            let guest = |g: &crate::model::OrganizationMember| {
                json!({"decided": g.decided, "effective": g.effective,
                       "name": g.name, "note": g.note, "sources": g.sources,
                       "status": g.status.as_str(), "until": g.until})
            };
            m.field(
                "organization_members",
                &Seq(|| organization_members.iter().map(guest)),
            )?;
        }
        m.field("other_names", other_names)?;
        m.field("predecessor", predecessor)?;
        if reviewed.is_some() {
            m.field("reviewed", reviewed)?;
        }
        m.field("short_name", short_name)?;
        m.field("sources", sources)?;
        m.field(
            "statuses",
            &Seq(|| statuses.iter().map(|s| StatusDeclNode(*s))),
        )?;
        m.field("successor", successor)?;
        m.field("summit_body", summit_body)?;
        m.field("wikidata", wikidata)?;
        m.end()
    }
}

/// A chair term inside its organisation's node.
struct ChairNode<'a>(&'a ChairTerm);

impl Serialize for ChairNode<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let ChairTerm {
            organization,
            state,
            start,
            end,
            ended_by,
            evidence,
            irregular,
            sources,
            note,
        } = self.0;
        let mut m = Obj::new(s)?;
        m.field("end", end)?;
        m.field("ended_by", ended_by)?;
        m.field("evidence", evidence)?;
        m.field("irregular", irregular)?;
        m.field("note", note)?;
        m.field("organization", organization)?;
        m.field("sources", sources)?;
        m.field("start", start)?;
        m.field("state", state)?;
        m.end()
    }
}

/// An office term inside its organisation's node.
struct OfficialNode<'a>(&'a OfficeTerm);

impl Serialize for OfficialNode<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let OfficeTerm {
            office,
            organization,
            person,
            name,
            other_names,
            nationality,
            start,
            end,
            scheduled_end,
            appointed,
            appointed_at,
            sources,
            note,
        } = self.0;
        let mut m = Obj::new(s)?;
        m.field("appointed", appointed)?;
        m.field("appointed_at", appointed_at)?;
        m.field("end", end)?;
        m.field("name", name)?;
        m.field("nationality", nationality)?;
        m.field("note", note)?;
        m.field("office", office)?;
        m.field("organization", organization)?;
        m.field("other_names", other_names)?;
        m.field("person", person)?;
        m.field("scheduled_end", scheduled_end)?;
        m.field("sources", sources)?;
        m.field("start", start)?;
        m.end()
    }
}

/// A published count inside its organisation's node, as the data writes
/// it.
struct ClaimNode<'a>(&'a crate::model::Claim);

impl Serialize for ClaimNode<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let crate::model::Claim {
            organization: _,
            date,
            counts,
            number,
            sources,
            note,
        } = self.0;
        let mut m = Obj::new(s)?;
        m.field("counts", &counts.spelling())?;
        m.field("date", date)?;
        m.field("note", note)?;
        m.field("number", number)?;
        m.field("sources", sources)?;
        m.end()
    }
}

/// An earlier name of an organisation.
struct DatedNameNode<'a>(&'a crate::model::DatedName);

impl Serialize for DatedNameNode<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let crate::model::DatedName { name, from, until, sources } = self.0;
        let mut m = Obj::new(s)?;
        m.field("from", from)?;
        m.field("name", name)?;
        m.field("sources", sources)?;
        m.field("until", until)?;
        m.end()
    }
}

/// One status of an organisation's vocabulary, as the data declares it.
struct StatusDeclNode(crate::model::Status);

impl Serialize for StatusDeclNode {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let d = self.0.definition();
        let mut m = Obj::new(s)?;
        m.field("cow", &d.cow)?;
        m.field("id", d.id)?;
        m.field("label", d.label)?;
        m.field("plural", d.plural)?;
        m.field("tier", &d.tier)?;
        m.end()
    }
}

struct TransitionNode<'a>(&'a Transition);

impl Serialize for TransitionNode<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let Transition {
            status,
            decided,
            effective,
            sources,
            note,
            summit,
            disputed,
            evidence,
            alternatives,
        } = self.0;
        let mut m = Obj::new(s)?;
        if !alternatives.is_empty() {
            m.field("alternatives", alternatives)?;
        }
        m.field("decided", decided)?;
        if let Some(d) = disputed {
            m.field("disputed", &**d)?;
        }
        m.field("effective", effective)?;
        m.field("evidence", evidence)?;
        m.field("note", note)?;
        m.field("sources", sources)?;
        m.field("status", status)?;
        m.field("summit", summit)?;
        m.end()
    }
}

struct SourceNode<'a>(&'a Source);

impl Serialize for SourceNode<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let Source { id, title, url, publisher, published, quote, note } =
            self.0;
        let mut m = Obj::new(s)?;
        m.field("id", &Prefixed("source:", id.as_str()))?;
        m.field("kind", "source")?;
        m.field("note", note)?;
        m.field("published", published)?;
        m.field("publisher", publisher)?;
        m.field("quote", quote)?;
        m.field("source_id", id)?;
        m.field("title", title)?;
        m.field("url", url)?;
        m.end()
    }
}

struct SummitNode<'a>(&'a Summit);

impl Serialize for SummitNode<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let Summit {
            id,
            organization,
            ordinal,
            start,
            end,
            council,
            city,
            host,
            format,
            status,
            sources,
            note,
            evidence,
        } = self.0;
        let mut m = Obj::new(s)?;
        m.field("city", city)?;
        m.field("council", council)?;
        m.field("end", end)?;
        m.field("evidence", evidence)?;
        m.field("format", format)?;
        m.field("host", host)?;
        m.field("id", &Prefixed("summit:", id.as_str()))?;
        m.field("kind", "summit")?;
        m.field("note", note)?;
        m.field("ordinal", ordinal)?;
        m.field("organization", organization)?;
        m.field("sources", sources)?;
        m.field("start", start)?;
        m.field("status", status)?;
        m.field("summit_id", id)?;
        m.end()
    }
}

struct EventNode<'a>(&'a Event);

impl Serialize for EventNode<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let Event {
            id,
            organization,
            kind,
            title,
            date,
            place,
            sources,
            note,
        } = self.0;
        let mut m = Obj::new(s)?;
        m.field("date", date)?;
        m.field("event_id", id)?;
        // `kind` names the node kind; the event's own kind moves aside.
        m.field("event_kind", kind)?;
        m.field("id", &Prefixed("event:", id.as_str()))?;
        m.field("kind", "event")?;
        m.field("note", note)?;
        m.field("organization", organization)?;
        m.field("place", place)?;
        m.field("sources", sources)?;
        m.field("title", title)?;
        m.end()
    }
}

/// A person, from their first office term.
struct PersonNode<'a>(&'a OfficeTerm);

impl Serialize for PersonNode<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let t = self.0;
        let mut m = Obj::new(s)?;
        m.field("id", &Prefixed("person:", t.person.as_str()))?;
        m.field("kind", "person")?;
        m.field("name", &t.name)?;
        m.field("nationality", &t.nationality)?;
        m.field("other_names", &t.other_names)?;
        m.end()
    }
}

/// The multigraph `key` of each link: how many links with the same
/// source and target came before it.
///
/// Counts are kept per target, and a target's counts are dropped once no
/// later link can point at it, so memory stays at one organisation's
/// worth of status links, not the whole graph's.
#[derive(Default)]
struct Keys(HashMap<String, HashMap<String, u32>>);

impl Keys {
    fn next(&mut self, source: &str, target: &str) -> u32 {
        let by_source = match self.0.get_mut(target) {
            Some(m) => m,
            None => self.0.entry(target.to_owned()).or_default(),
        };
        match by_source.get_mut(source) {
            Some(k) => {
                *k += 1;
                *k - 1
            }
            None => {
                by_source.insert(source.to_owned(), 1);
                0
            }
        }
    }

    fn forget(&mut self, target: &str) {
        self.0.remove(target);
    }
}

/// `prefix` and `id` in `buf`.
fn prefixed<'b>(buf: &'b mut String, prefix: &str, id: &str) -> &'b str {
    buf.clear();
    buf.push_str(prefix);
    buf.push_str(id);
    buf
}

struct Links<'a> {
    kg: &'a KnowledgeGraph,
    opts: &'a Options,
}

impl Serialize for Links<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let Links { kg, opts } = *self;
        let mut keys = Keys::default();
        let mut seq = s.serialize_seq(None)?;
        let link = |seq: &mut S::SerializeSeq,
                    keys: &mut Keys,
                    source: &str,
                    target: &str,
                    what: What<'_>| {
            let key = keys.next(source, target);
            seq.serialize_element(&Link { source, target, key, what })
        };
        let k = &mut keys;
        // One buffer for the prefixed ids, not a string per link.
        let mut buf = String::new();
        for o in kg.organizations() {
            let org = o.id.as_str();
            if let Some(next) = &o.successor {
                link(&mut seq, k, org, next.as_str(), What::SucceededBy)?;
            }
            for src in &o.sources {
                let target = prefixed(&mut buf, "source:", src.as_str());
                link(&mut seq, k, org, target, What::Cites)?;
            }
        }
        for st in kg.states() {
            for src in &st.sources {
                let target = prefixed(&mut buf, "source:", src.as_str());
                link(&mut seq, k, st.id.as_str(), target, What::Cites)?;
            }
        }
        for o in kg.organizations() {
            let org = o.id.as_str();
            for summit in kg.summits(org) {
                let id = prefixed(&mut buf, "summit:", summit.id.as_str());
                link(&mut seq, k, id, org, What::MeetingOf)?;
                link(&mut seq, k, summit.host.as_str(), id, What::Hosted)?;
            }
        }
        for o in kg.organizations() {
            let org = o.id.as_str();
            for span in spans_of(kg, o) {
                let what = What::Status(span, opts);
                link(&mut seq, k, span.state.as_str(), org, what)?;
            }
            for c in kg.chairs(org) {
                link(&mut seq, k, c.state.as_str(), org, What::Chair(c))?;
            }
            for t in kg.officials(org) {
                let person = prefixed(&mut buf, "person:", t.person.as_str());
                link(&mut seq, k, person, org, What::Office(t))?;
            }
            // Every later link points at a later organisation.
            k.forget(org);
        }
        seq.end()
    }
}

/// What a link says, besides its ends.
#[derive(Clone, Copy)]
enum What<'a> {
    SucceededBy,
    Cites,
    MeetingOf,
    Hosted,
    Status(&'a Span, &'a Options),
    Chair(&'a ChairTerm),
    Office(&'a OfficeTerm),
}

struct Link<'a> {
    source: &'a str,
    target: &'a str,
    key: u32,
    what: What<'a>,
}

impl Serialize for Link<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let Link { source, target, key, what } = *self;
        let mut m = Obj::new(s)?;
        match what {
            What::SucceededBy
            | What::Cites
            | What::MeetingOf
            | What::Hosted => {
                let kind = match what {
                    What::SucceededBy => "succeeded_by",
                    What::Cites => "cites",
                    What::MeetingOf => "meeting_of",
                    _ => "hosted",
                };
                m.field("key", &key)?;
                m.field("kind", kind)?;
                m.field("source", source)?;
                m.field("target", target)?;
            }
            What::Status(span, opts) => {
                let end = span.end;
                let against = span.disputed.as_ref().map(|d| &d.against);
                m.field("against", &against.map_or(&[][..], |a| &a[..]))?;
                m.field("certain", &span.is_certain())?;
                m.field("decided", &span.start.decided)?;
                m.field("effective", &span.start.effective)?;
                let ends = end.and_then(|b| b.window(opts.basis));
                let starts = span.start.window(opts.basis);
                m.field("end", &end.and_then(|b| b.at(opts.basis)))?;
                m.field("end_certain", &span.end_disputed.is_none())?;
                m.field("end_decided", &end.and_then(|b| b.decided))?;
                m.field("end_earliest", &ends.map(|w| w.first))?;
                m.field("end_effective", &end.and_then(|b| b.effective))?;
                m.field("end_latest", &ends.map(|w| w.last))?;
                m.field("end_other_sources", &span.end_other_sources)?;
                m.field("key", &key)?;
                m.field("kind", "status")?;
                m.field("note", &span.note)?;
                m.field("other_sources", &span.other_sources)?;
                m.field("source", source)?;
                m.field("sources", &span.sources)?;
                m.field("start", &span.start.at(opts.basis))?;
                m.field("start_earliest", &starts.map(|w| w.first))?;
                m.field("start_latest", &starts.map(|w| w.last))?;
                m.field("status", &span.status)?;
                m.field("target", target)?;
            }
            What::Chair(c) => {
                m.field("end", &c.end)?;
                m.field("ended_by", &c.ended_by)?;
                m.field("key", &key)?;
                m.field("kind", "chair")?;
                m.field("source", source)?;
                m.field("start", &c.start)?;
                m.field("target", target)?;
            }
            What::Office(t) => {
                m.field("end", &t.end)?;
                m.field("key", &key)?;
                m.field("kind", "office")?;
                m.field("office", &t.office)?;
                m.field("source", source)?;
                m.field("start", &t.start)?;
                m.field("target", target)?;
            }
        }
        m.end()
    }
}

/// One organisation on one day.
fn day_value(kg: &KnowledgeGraph, opts: &Options) -> Result<Value, Error> {
    let (org, day, held) = day_picture(kg, opts)?;
    let mut nodes = vec![json!({
        "id": org.id,
        "kind": "organization",
        "name": org.name,
        "short_name": org.short_name,
        "founded": org.founded,
        "dissolved": org.dissolved,
        "wikidata": org.wikidata,
    })];
    let mut links = Vec::new();
    for h in &held {
        if let Some(st) = kg.state(h.state.as_str()) {
            nodes.push(state_node(st));
        }
        links.push(json!({
            "source": h.state,
            "target": org.id,
            "key": 0,
            "kind": "status",
            "status": h.status.label(),
            "certain": matches!(h.status, StatusOn::Certain(_)),
            "possible": h.status.possible(),
            "since": h.since,
        }));
    }
    Ok(json!({
        "directed": true,
        "multigraph": true,
        "graph": {"organization": org.id, "basis": opts.basis, "date": day},
        "nodes": nodes,
        "edges": links,
    }))
}

/// Writes the node-link JSON (pretty-printed, keys in a fixed order).
///
/// # Errors
///
/// An unknown organisation, or the writer fails.
///
/// # Example
///
/// ```
/// use igo_graph::KnowledgeGraph;
/// use igo_graph::export::{Options, json};
///
/// let kg = KnowledgeGraph::bundled();
/// let v = json::to_value(&kg, &Options::new("SCO").at("2024-02-22".parse()?))?;
/// assert_eq!(v["nodes"].as_array().unwrap().len(), 1 + 26);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn write<W: Write>(
    kg: &KnowledgeGraph,
    opts: &Options,
    out: W,
) -> Result<(), Error> {
    let org = asked(kg, opts)?;
    // serde_json writes each token by itself: buffer them for writers
    // that do not (a file, stdout); a `Vec` loses only a copy.
    let mut out = BufWriter::with_capacity(1 << 16, out);
    let formatter = serde_json::ser::PrettyFormatter::new();
    let mut ser = serde_json::Serializer::with_formatter(&mut out, formatter);
    if opts.date.is_some() {
        day_value(kg, opts)?.serialize(&mut ser)
    } else {
        Document { kg, opts, org }.serialize(&mut ser)
    }
    .map_err(export_error)?;
    out.write_all(b"\n")?;
    out.flush()?;
    Ok(())
}
