//! The whole data set as a data folder in canonical form: one folder per
//! organisation, every list sorted, every string double-quoted, `date:`
//! wherever a transition's decision and effect fall on the same day.
//! Comments are not kept; every fact, source and note is.
//!
//! Loading the output gives a graph equal to the one written, and writing
//! that again gives the same bytes.

use std::fmt::Write as _;
use std::path::Path;

use crate::date::Date;
use crate::error::{DiagnosticKind, Error};
use crate::graph::KnowledgeGraph;
use crate::model::SourceId;

/// A YAML double-quoted scalar. Characters YAML cannot carry literally
/// (control characters, the byte-order mark, non-characters) are escaped.
pub fn quote(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            '\0' => out.push_str("\\0"),
            c if printable(c) => out.push(c),
            c if (c as u32) <= 0xFF => {
                let _ = write!(out, "\\x{:02X}", c as u32);
            }
            c if (c as u32) <= 0xFFFF => {
                let _ = write!(out, "\\u{:04X}", c as u32);
            }
            c => {
                let _ = write!(out, "\\U{:08X}", c as u32);
            }
        }
    }
    out.push('"');
    out
}

/// YAML 1.2 `c-printable`, less the byte-order mark.
fn printable(c: char) -> bool {
    let u = c as u32;
    matches!(u, 0x20..=0x7E | 0x85 | 0xA0..=0xD7FF | 0xE000..=0xFFFD | 0x10000..=0x10FFFF)
        && u != 0xFEFF
}

fn list(items: impl IntoIterator<Item = impl AsRef<str>>) -> String {
    let v: Vec<String> =
        items.into_iter().map(|s| quote(s.as_ref())).collect();
    format!("[{}]", v.join(", "))
}

fn sources(ids: &[SourceId]) -> String {
    list(ids.iter().map(|s| s.as_str()))
}

struct Doc {
    text: String,
    first: bool,
}

impl Doc {
    fn new() -> Doc {
        Doc { text: String::new(), first: true }
    }

    /// Starts a list item.
    fn item(&mut self) {
        self.first = true;
    }

    fn field(&mut self, indent: usize, key: &str, value: &str) {
        let pad = " ".repeat(indent);
        if self.first {
            let _ = writeln!(self.text, "{pad}- {key}: {value}");
            self.first = false;
        } else {
            let _ = writeln!(self.text, "{pad}  {key}: {value}");
        }
    }

    fn opt_str(&mut self, indent: usize, key: &str, value: Option<&str>) {
        if let Some(v) = value {
            self.field(indent, key, &quote(v));
        }
    }

    fn opt_date(&mut self, indent: usize, key: &str, value: Option<Date>) {
        if let Some(v) = value {
            self.field(indent, key, &v.to_string());
        }
    }

    fn finish(self) -> String {
        if self.text.is_empty() { "[]\n".to_string() } else { self.text }
    }
}

/// The folder name of an organisation.
fn folder(id: &str) -> String {
    id.to_ascii_lowercase()
}

/// The data set as `(path, text)` files of a data folder, sorted by path.
///
/// # Example
///
/// ```
/// use igo_graph::KnowledgeGraph;
/// use igo_graph::export::yaml;
///
/// let kg = KnowledgeGraph::bundled();
/// let files = yaml::files(&kg);
/// let again = KnowledgeGraph::from_texts(files.clone())?;
/// assert!(again == kg);
/// assert_eq!(yaml::files(&again), files);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn files(kg: &KnowledgeGraph) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut d = Doc::new();
    for s in kg.states() {
        d.item();
        d.field(0, "id", &quote(s.id.as_str()));
        d.field(0, "iso2", &quote(&s.iso2));
        d.field(0, "name", &quote(&s.name));
        d.opt_str(0, "official_name", s.official_name.as_deref());
        if !s.aliases.is_empty() {
            d.field(0, "aliases", &list(&s.aliases));
        }
        if let Some(c) = s.cow_code {
            d.field(0, "cow_code", &c.to_string());
        }
        d.opt_str(0, "cow_abbrev", s.cow_abbrev.as_deref());
        d.opt_str(0, "wikidata", s.wikidata.as_deref());
        d.field(0, "sources", &sources(&s.sources));
        d.opt_str(0, "note", s.note.as_deref());
    }
    out.push(("states.yaml".to_string(), d.finish()));
    let mut d = Doc::new();
    for s in kg.sources() {
        d.item();
        d.field(0, "id", &quote(s.id.as_str()));
        d.field(0, "title", &quote(&s.title));
        d.field(0, "url", &quote(&s.url));
        d.opt_str(0, "publisher", s.publisher.as_deref());
        d.opt_date(0, "published", s.published);
        d.opt_str(0, "quote", s.quote.as_deref());
        d.opt_str(0, "note", s.note.as_deref());
    }
    out.push(("sources.yaml".to_string(), d.finish()));
    for o in kg.organizations() {
        let dir = folder(o.id.as_str());
        let id = o.id.as_str();
        let mut d = Doc::new();
        d.item();
        d.field(0, "id", &quote(id));
        d.field(0, "name", &quote(&o.name));
        d.field(0, "short_name", &quote(&o.short_name));
        if !o.other_names.is_empty() {
            d.field(0, "other_names", &list(&o.other_names));
        }
        d.field(0, "founded", &o.founded.to_string());
        d.opt_date(0, "dissolved", o.dissolved);
        d.opt_str(0, "headquarters", o.headquarters.as_deref());
        d.opt_str(0, "wikidata", o.wikidata.as_deref());
        d.opt_str(
            0,
            "predecessor",
            o.predecessor.as_ref().map(|p| p.as_str()),
        );
        d.opt_str(0, "successor", o.successor.as_ref().map(|p| p.as_str()));
        d.field(0, "sources", &sources(&o.sources));
        d.opt_str(0, "note", o.note.as_deref());
        out.push((format!("{dir}/organization.yaml"), d.finish()));

        let mut d = Doc::new();
        for (state, ts) in kg.affiliations_of(id) {
            d.item();
            d.field(0, "state", &quote(state.as_str()));
            d.opt_str(0, "note", kg.history_note(id, state.as_str()));
            d.field(0, "transitions", "");
            // Trim the trailing space of "transitions: ".
            d.text.truncate(d.text.trim_end().len());
            d.text.push('\n');
            for t in ts {
                d.item();
                d.field(4, "status", t.status.as_str());
                match (t.decided, t.effective) {
                    (Some(a), Some(b)) if a == b => {
                        d.field(4, "date", &a.to_string())
                    }
                    (a, b) => {
                        d.opt_date(4, "decided", a);
                        d.opt_date(4, "effective", b);
                    }
                }
                d.opt_str(4, "summit", t.summit.as_ref().map(|s| s.as_str()));
                d.field(4, "sources", &sources(&t.sources));
                d.opt_str(4, "note", t.note.as_deref());
            }
        }
        out.push((format!("{dir}/statuses.yaml"), d.finish()));

        let mut d = Doc::new();
        let mut summits = kg.summits(id);
        summits.sort_by(|a, b| (a.start, &a.id).cmp(&(b.start, &b.id)));
        for s in summits {
            d.item();
            d.field(0, "id", &quote(s.id.as_str()));
            if let Some(n) = s.ordinal {
                d.field(0, "ordinal", &n.to_string());
            }
            d.opt_date(0, "start", s.start);
            d.opt_date(0, "end", s.end);
            d.opt_date(0, "council", s.council);
            d.field(0, "city", &quote(&s.city));
            d.field(0, "host", &quote(s.host.as_str()));
            if let Some(f) = s.format {
                d.field(0, "format", f.as_str());
            }
            d.field(0, "status", s.status.as_str());
            d.field(0, "sources", &sources(&s.sources));
            d.opt_str(0, "note", s.note.as_deref());
        }
        out.push((format!("{dir}/summits.yaml"), d.finish()));

        let mut d = Doc::new();
        for c in kg.chairs(id) {
            d.item();
            d.field(0, "state", &quote(c.state.as_str()));
            d.field(0, "start", &c.start.to_string());
            d.opt_str(0, "ended_by", c.ended_by.as_ref().map(|s| s.as_str()));
            d.field(0, "evidence", c.evidence.as_str());
            d.opt_str(0, "irregular", c.irregular.as_deref());
            d.field(0, "sources", &sources(&c.sources));
            d.opt_str(0, "note", c.note.as_deref());
        }
        out.push((format!("{dir}/chairs.yaml"), d.finish()));

        let mut d = Doc::new();
        for t in kg.officials(id) {
            d.item();
            d.field(0, "office", t.office.as_str());
            d.field(0, "person", &quote(&t.name));
            d.field(0, "person_id", &quote(t.person.as_str()));
            if !t.other_names.is_empty() {
                d.field(0, "other_names", &list(&t.other_names));
            }
            d.field(0, "nationality", &quote(t.nationality.as_str()));
            d.field(0, "start", &t.start.to_string());
            d.opt_date(0, "scheduled_end", t.scheduled_end);
            d.opt_date(0, "appointed", t.appointed);
            d.opt_str(
                0,
                "appointed_at",
                t.appointed_at.as_ref().map(|s| s.as_str()),
            );
            d.field(0, "sources", &sources(&t.sources));
            d.opt_str(0, "note", t.note.as_deref());
        }
        out.push((format!("{dir}/officials.yaml"), d.finish()));

        let mut d = Doc::new();
        for e in kg.events(id) {
            d.item();
            d.field(0, "id", &quote(e.id.as_str()));
            d.field(0, "kind", e.kind.as_str());
            d.field(0, "title", &quote(&e.title));
            d.field(0, "date", &e.date.to_string());
            d.opt_str(0, "place", e.place.as_deref());
            d.field(0, "sources", &sources(&e.sources));
            d.opt_str(0, "note", e.note.as_deref());
        }
        out.push((format!("{dir}/events.yaml"), d.finish()));
    }
    out.sort();
    out
}

/// Writes the data folder under `dir` (created if missing).
///
/// # Errors
///
/// A file or folder cannot be written.
pub fn write_dir(kg: &KnowledgeGraph, dir: &Path) -> Result<(), Error> {
    for (path, text) in files(kg) {
        let p = dir.join(&path);
        let io = |e: std::io::Error| {
            Error::msg(
                DiagnosticKind::Export,
                format!("cannot write `{}`: {e}", p.display()),
            )
        };
        if let Some(parent) = p.parent() {
            std::fs::create_dir_all(parent).map_err(io)?;
        }
        std::fs::write(&p, text).map_err(io)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::quote;

    #[test]
    fn quotes_everything_yaml_cannot_hold() {
        assert_eq!(
            quote("a\"b\\c\nd\0\u{7}\u{FEFF}\u{202E}"),
            "\"a\\\"b\\\\c\\nd\\0\\x07\\uFEFF\u{202E}\""
        );
    }
}
