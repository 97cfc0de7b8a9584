//! The node-link JSON of `export::json` (the whole graph) as schema
//! documents, which then go through the same checks as a data folder.
//! Diagnostics name the JSON and the node (JSON carries no line numbers
//! into the values).

use serde::de::DeserializeOwned;
use serde_json::{Map, Value};

use super::schema::{self, Document, Documents};
use super::sink::{Part, Sink};
use crate::error::{Diagnostic, DiagnosticKind};

/// The documents of the JSON text `text` (named `name` in diagnostics):
/// everything but the histories, and the histories; `None` when the text
/// is not that JSON.
pub(crate) fn documents(
    name: &str,
    text: &str,
    sink: &mut Sink,
) -> Option<(Documents, Vec<Document<schema::History>>)> {
    let syntax = |message: String, line, column| {
        Diagnostic::new(DiagnosticKind::Syntax, message).at(name, line, column)
    };
    let v: Value = match serde_json::from_str(text) {
        Ok(v) => v,
        Err(e) => {
            let (line, column) = (e.line() as u32, e.column() as u32);
            sink.unread(Part::Files, syntax(e.to_string(), line, column));
            return None;
        }
    };
    let Some(nodes) = v.get("nodes").and_then(Value::as_array) else {
        let d = syntax("the JSON has no `nodes` list".into(), 0, 0)
            .help("read the JSON that `export::json` writes for the whole graph (no day)");
        sink.unread(Part::Files, d);
        return None;
    };
    let mut reader = Reader {
        name,
        sink,
        docs: Documents::default(),
        histories: Vec::new(),
    };
    for node in nodes {
        reader.node(node);
    }
    let Reader { docs, histories, .. } = reader;
    let doc =
        |entries| Document { path: name.to_string(), folder: None, entries };
    Some((docs, vec![doc(histories)]))
}

struct Reader<'a> {
    name: &'a str,
    sink: &'a mut Sink,
    docs: Documents,
    histories: Vec<schema::History>,
}

/// Pushes `entry` as the single entry of a one-entry document, so that
/// every kind keeps its own documents.
fn push<T>(docs: &mut Vec<Document<T>>, name: &str, entry: T) {
    match docs.last_mut() {
        Some(doc) => doc.entries.push(entry),
        None => docs.push(Document {
            path: name.to_string(),
            folder: None,
            entries: vec![entry],
        }),
    }
}

impl Reader<'_> {
    fn node(&mut self, node: &Value) {
        let Some(obj) = node.as_object() else {
            self.problem(Part::Files, "a node is not an object".into());
            return;
        };
        let mut obj = obj.clone();
        let kind = obj.remove("kind");
        let id = obj.get("id").cloned().unwrap_or(Value::Null);
        let name = self.name;
        match kind.as_ref().and_then(Value::as_str) {
            Some("organization") => {
                let chairs = obj.remove("chairs");
                let officials = obj.remove("officials");
                let claims = obj.remove("claims");
                for mut c in list(claims) {
                    c.insert("organization".into(), id.clone());
                    if let Some(c) =
                        self.entry(Part::Claims, "count of", &id, c)
                    {
                        push(&mut self.docs.claims, name, c);
                    }
                }
                if let Some(o) =
                    self.entry(Part::Organizations, "organization", &id, obj)
                {
                    push(&mut self.docs.organizations, name, o);
                }
                for c in list(chairs) {
                    let mut c = c;
                    c.remove("end");
                    if let Some(c) =
                        self.entry(Part::Chairs, "chair term of", &id, c)
                    {
                        push(&mut self.docs.chairs, name, c);
                    }
                }
                for t in list(officials) {
                    if let Some(t) = self.official(&id, t) {
                        push(&mut self.docs.officials, name, t);
                    }
                }
            }
            Some("state") => {
                let histories = obj.remove("histories");
                for mut h in list(histories) {
                    h.insert("state".into(), id.clone());
                    if let Some(h) =
                        self.entry(Part::Histories, "history of", &id, h)
                    {
                        self.histories.push(h);
                    }
                }
                if let Some(s) = self.entry(Part::States, "state", &id, obj) {
                    push(&mut self.docs.states, name, s);
                }
            }
            Some("source") => {
                rename(&mut obj, "source_id", "id");
                if let Some(s) = self.entry(Part::Sources, "source", &id, obj)
                {
                    push(&mut self.docs.sources, name, s);
                }
            }
            Some("summit") => {
                rename(&mut obj, "summit_id", "id");
                // The export writes a summit without a city (a planned
                // one) with an empty city.
                if obj.get("city").is_some_and(|c| c == "") {
                    obj.remove("city");
                }
                if let Some(s) = self.entry(Part::Summits, "summit", &id, obj)
                {
                    push(&mut self.docs.summits, name, s);
                }
            }
            Some("event") => {
                rename(&mut obj, "event_id", "id");
                rename(&mut obj, "event_kind", "kind");
                if let Some(e) = self.entry(Part::Events, "event", &id, obj) {
                    push(&mut self.docs.events, name, e);
                }
            }
            // People are read from the office terms.
            Some("person") => {}
            other => {
                let other = other.unwrap_or("(none)");
                self.problem(
                    Part::Files,
                    format!("node {id} has unknown kind `{other}`"),
                );
            }
        }
    }

    /// An office term: the model's `person` (the id) and `name` are the
    /// format's `person_id` and `person`.
    fn official(
        &mut self,
        id: &Value,
        mut t: Map<String, Value>,
    ) -> Option<schema::Official> {
        t.remove("end");
        let person = t.remove("person");
        rename(&mut t, "name", "person");
        if let Some(p) = person {
            t.insert("person_id".into(), p);
        }
        self.entry(Part::Officials, "office term of", id, t)
    }

    fn entry<T: DeserializeOwned>(
        &mut self,
        part: Part,
        what: &str,
        id: &Value,
        obj: Map<String, Value>,
    ) -> Option<T> {
        match serde_json::from_value(Value::Object(obj)) {
            Ok(v) => Some(v),
            Err(e) => {
                self.problem(part, format!("{what} node {id}: {e}"));
                None
            }
        }
    }

    fn problem(&mut self, part: Part, message: String) {
        let d = Diagnostic::new(DiagnosticKind::WrongType, message)
            .at(self.name, 0, 0)
            .help("the JSON must be as `export::json` writes the whole graph");
        self.sink.unread(part, d);
    }
}

fn rename(obj: &mut Map<String, Value>, from: &str, to: &str) {
    obj.remove(to);
    let v = obj.remove(from).unwrap_or(Value::Null);
    obj.insert(to.into(), v);
}

fn list(v: Option<Value>) -> Vec<Map<String, Value>> {
    match v {
        Some(Value::Array(items)) => items
            .into_iter()
            .filter_map(|i| match i {
                Value::Object(o) => Some(o),
                _ => None,
            })
            .collect(),
        _ => Vec::new(),
    }
}
