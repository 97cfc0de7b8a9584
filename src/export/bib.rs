//! The sources of the data as a bibliography: every source of
//! [`KnowledgeGraph::sources`], one entry each, as BibTeX for biblatex and
//! biber ([`write_bibtex`]), as CSL-JSON for Zotero and pandoc's citeproc
//! ([`write_csl_json`], feature `json`), and as a table ([`table`]).
//!
//! An entry's key is the source's id when that is a citation key that
//! BibTeX and pandoc read (ASCII letters, digits and `_`, with single `-`,
//! `:` or `.` inside: every id of the bundled data); another id is made
//! into one, unique among the keys ([`entries`] gives each source's key).
//!
//! A source is a document read at an address: its entry is `@online`
//! (CSL `webpage`) with `title`, `organization` (the publisher), `date`
//! (published, with its precision: `2010-05`), `url`, `note` (the
//! source's remarks) and `annotation` (the quote that supports the facts
//! citing it; CSL `annote`). The data records no day a source was read,
//! so no `urldate` is written.
//!
//! # Example
//!
//! ```
//! use igo_graph::KnowledgeGraph;
//! use igo_graph::export::bib;
//!
//! let kg = KnowledgeGraph::bundled();
//! let mut out = Vec::new();
//! bib::write_bibtex(&kg, &mut out)?;
//! let text = String::from_utf8(out)?;
//! assert!(text.contains("@online{mb-2022-06-03-turkey-turkiye-un,\n"));
//! assert!(text.contains("  date = {2022-06-03},\n"));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use std::collections::HashSet;
use std::io::Write;

use super::table::{Column, Kind, Table};
use crate::error::Error;
use crate::graph::KnowledgeGraph;
use crate::model::Source;

/// A source with its citation key.
#[derive(Clone, Debug)]
pub struct Entry<'a> {
    /// The key: the source's id, or one made from it (see the module).
    pub key: String,
    /// The source.
    pub source: &'a Source,
}

/// Every source of the data with its citation key, sorted by id.
///
/// # Example
///
/// ```
/// use igo_graph::KnowledgeGraph;
/// use igo_graph::export::bib;
///
/// let kg = KnowledgeGraph::bundled();
/// let entries = bib::entries(&kg);
/// assert_eq!(entries.len(), kg.sources().count());
/// // The bundled data's ids are keys already.
/// assert!(entries.iter().all(|e| e.key == e.source.id.as_str()));
/// ```
pub fn entries(kg: &KnowledgeGraph) -> Vec<Entry<'_>> {
    let keys = unique_keys(kg.sources().map(|s| s.id.as_str()));
    kg.sources().zip(keys).map(|(source, key)| Entry { key, source }).collect()
}

/// Keys for `ids`: an id that is a key stays itself; another is made into
/// one that no other id or key holds.
fn unique_keys<'a>(ids: impl Iterator<Item = &'a str>) -> Vec<String> {
    let ids: Vec<&str> = ids.collect();
    let mut taken: HashSet<String> =
        ids.iter().filter(|id| is_key(id)).map(|id| id.to_string()).collect();
    ids.iter()
        .map(|id| {
            if is_key(id) {
                return id.to_string();
            }
            let base = key_from(id);
            let mut key = base.clone();
            let mut n = 2;
            while taken.contains(&key) {
                key = format!("{base}-{n}");
                n += 1;
            }
            taken.insert(key.clone());
            key
        })
        .collect()
}

/// Whether `c` may stand between two word characters of a key.
fn is_inner(c: char) -> bool {
    matches!(c, '-' | ':' | '.')
}

fn is_word(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '_'
}

/// Whether `id` is a key BibTeX and pandoc both read whole: word
/// characters, with single `-`, `:` or `.` between them (pandoc ends a
/// key at punctuation not followed by a word character).
fn is_key(id: &str) -> bool {
    let mut prev_word = false;
    for c in id.chars() {
        if is_word(c) {
            prev_word = true;
        } else if is_inner(c) && prev_word {
            prev_word = false;
        } else {
            return false;
        }
    }
    prev_word
}

/// A key made from `id`: each run of other characters becomes one `-`,
/// none at either end (`source` when nothing is left).
fn key_from(id: &str) -> String {
    let mut key = String::new();
    for c in id.chars() {
        if is_word(c) {
            key.push(c);
        } else if key.chars().last().is_some_and(is_word) {
            key.push(if is_inner(c) { c } else { '-' });
        }
    }
    while key.chars().last().is_some_and(|c| !is_word(c)) {
        key.pop();
    }
    if key.is_empty() { "source".to_string() } else { key }
}

/// Writes every source as a biblatex `@online` entry (UTF-8, for biber).
///
/// # Errors
///
/// The writer fails.
pub fn write_bibtex<W: Write>(
    kg: &KnowledgeGraph,
    mut out: W,
) -> Result<(), Error> {
    out.write_all(
        b"% The sources of the igo-graph data: biblatex entries, UTF-8 (biber).\n",
    )?;
    for e in entries(kg) {
        out.write_all(b"\n")?;
        out.write_all(bibtex_entry(&e).as_bytes())?;
    }
    out.flush()?;
    Ok(())
}

/// One entry, its fields in a fixed order.
fn bibtex_entry(e: &Entry<'_>) -> String {
    let s = e.source;
    let mut fields = vec![("title", title(&s.title))];
    if let Some(p) = &s.publisher {
        fields.push(("organization", escape(p)));
    }
    if let Some(d) = s.published {
        fields.push(("date", d.to_string()));
    }
    fields.push(("url", url(&s.url)));
    if let Some(n) = &s.note {
        fields.push(("note", escape(n)));
    }
    if let Some(q) = &s.quote {
        fields.push(("annotation", escape(q)));
    }
    let mut text = format!("@online{{{},\n", e.key);
    for (name, value) in fields {
        text.push_str(&format!("  {name} = {{{value}}},\n"));
    }
    text.push_str("}\n");
    text
}

/// Text as a BibTeX field holds it: LaTeX's special characters as
/// commands, braces among them (BibTeX counts even an escaped brace, so a
/// lone `\{` would unbalance the field); line breaks and tabs as spaces,
/// other control characters dropped; everything else as it is (UTF-8).
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut after_hyphen = false;
    for c in text.chars() {
        // `--` and `---` are dashes to TeX: a hyphen after a hyphen is
        // kept apart, as the source wrote it.
        if c == '-' && after_hyphen {
            out.push_str("{}");
        }
        after_hyphen = c == '-';
        match c {
            '\\' => out.push_str("\\textbackslash{}"),
            '{' => out.push_str("\\textbraceleft{}"),
            '}' => out.push_str("\\textbraceright{}"),
            '^' => out.push_str("\\textasciicircum{}"),
            '~' => out.push_str("\\textasciitilde{}"),
            '%' | '&' | '$' | '#' | '_' => {
                out.push('\\');
                out.push(c);
            }
            '\n' | '\r' | '\t' => out.push(' '),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// A title: escaped, and each word with a capital after its first letter
/// (`SCO`, `McManus`) in braces, so that a style that lowercases titles
/// keeps it.
fn title(text: &str) -> String {
    let escaped = escape(text);
    let words = escaped.split(' ').map(|w| {
        let mut seen = false;
        let inner_capital = w.chars().any(|c| {
            let capital = seen && c.is_uppercase();
            seen |= c.is_alphabetic();
            capital
        });
        if inner_capital { format!("{{{w}}}") } else { w.to_string() }
    });
    words.collect::<Vec<_>>().join(" ")
}

/// An address as biblatex's verbatim `url` field holds it: as it is, but
/// with the characters that would end or break the field (braces,
/// backslash, spaces) percent-encoded.
fn url(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '{' => out.push_str("%7B"),
            '}' => out.push_str("%7D"),
            '\\' => out.push_str("%5C"),
            c if c.is_whitespace() || c.is_control() => {
                let mut buf = [0; 4];
                for b in c.encode_utf8(&mut buf).bytes() {
                    out.push_str(&format!("%{b:02X}"));
                }
            }
            c => out.push(c),
        }
    }
    out
}

/// Writes every source as a CSL-JSON item (type `webpage`), an array.
///
/// # Errors
///
/// The writer fails.
///
/// # Example
///
/// ```
/// use igo_graph::KnowledgeGraph;
/// use igo_graph::export::bib;
///
/// let kg = KnowledgeGraph::bundled();
/// let mut out = Vec::new();
/// bib::write_csl_json(&kg, &mut out)?;
/// let items: serde_json::Value = serde_json::from_slice(&out)?;
/// let item = items
///     .as_array()
///     .unwrap()
///     .iter()
///     .find(|i| i["id"] == "mb-2022-06-03-turkey-turkiye-un")
///     .unwrap();
/// assert_eq!(item["type"], "webpage");
/// assert_eq!(item["issued"]["date-parts"][0][1], 6);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[cfg(feature = "json")]
pub fn write_csl_json<W: Write>(
    kg: &KnowledgeGraph,
    mut out: W,
) -> Result<(), Error> {
    let entries = entries(kg);
    let items: Vec<csl::Item<'_>> =
        entries.iter().map(csl::Item::from).collect();
    serde_json::to_writer_pretty(&mut out, &items).map_err(|e| {
        Error::msg(
            crate::error::DiagnosticKind::Export,
            format!("cannot write JSON: {e}"),
        )
    })?;
    out.write_all(b"\n")?;
    out.flush()?;
    Ok(())
}

/// CSL-JSON items, their fields in a fixed order.
#[cfg(feature = "json")]
mod csl {
    use serde::Serialize;

    use super::Entry;

    /// One item (CSL 1.0.2 `csl-data.json`).
    #[derive(Serialize)]
    pub(super) struct Item<'a> {
        id: &'a str,
        #[serde(rename = "type")]
        kind: &'static str,
        title: &'a str,
        #[serde(skip_serializing_if = "Option::is_none")]
        publisher: Option<&'a str>,
        #[serde(skip_serializing_if = "Option::is_none")]
        issued: Option<Issued>,
        #[serde(rename = "URL")]
        url: &'a str,
        #[serde(skip_serializing_if = "Option::is_none")]
        note: Option<&'a str>,
        #[serde(skip_serializing_if = "Option::is_none")]
        annote: Option<&'a str>,
    }

    /// A date as its parts, as precise as it is known (`[[2010, 5]]`).
    #[derive(Serialize)]
    struct Issued {
        #[serde(rename = "date-parts")]
        parts: [Vec<i64>; 1],
    }

    impl<'a> From<&'a Entry<'a>> for Item<'a> {
        fn from(e: &'a Entry<'a>) -> Item<'a> {
            let s = e.source;
            let issued = s.published.map(|d| {
                let parts = [
                    Some(i64::from(d.year())),
                    d.month().map(i64::from),
                    d.day().map(i64::from),
                ];
                Issued { parts: [parts.into_iter().flatten().collect()] }
            });
            Item {
                id: &e.key,
                kind: "webpage",
                title: &s.title,
                publisher: s.publisher.as_deref(),
                issued,
                url: &s.url,
                note: s.note.as_deref(),
                annote: s.quote.as_deref(),
            }
        }
    }
}

/// The sources as a table (`sources`): one row per source, with its
/// citation key in `sources.bib` and `sources.json`.
///
/// # Example
///
/// ```
/// use igo_graph::KnowledgeGraph;
/// use igo_graph::export::bib;
///
/// let kg = KnowledgeGraph::bundled();
/// let table = bib::table(&kg);
/// assert_eq!(table.header()[..3], ["id", "key", "title"]);
/// assert_eq!(table.rows.count(), kg.sources().count());
/// ```
pub fn table(kg: &KnowledgeGraph) -> Table<'_> {
    let rows: Vec<Vec<String>> = entries(kg)
        .into_iter()
        .map(|e| {
            let s = e.source;
            vec![
                s.id.to_string(),
                e.key,
                s.title.clone(),
                s.url.clone(),
                s.publisher.clone().unwrap_or_default(),
                s.published.map(|d| d.to_string()).unwrap_or_default(),
                s.quote.clone().unwrap_or_default(),
                s.note.clone().unwrap_or_default(),
            ]
        })
        .collect();
    let columns = vec![
        Column::new(
            "id",
            Kind::Text,
            "the source's id, as the data's facts cite it",
        ),
        Column::new(
            "key",
            Kind::Text,
            "its citation key in sources.bib and sources.json (the id, unless the id is not a key)",
        ),
        Column::new(
            "title",
            Kind::Text,
            "the document's own title or headline",
        ),
        Column::new("url", Kind::Text, "where it was read"),
        Column::new(
            "publisher",
            Kind::Text,
            "who published it (agency, ministry, newspaper)",
        ),
        Column::new(
            "published",
            Kind::Date,
            "when it was published, as precise as known (2010-05-12, 2010-05, 2010)",
        ),
        Column::new(
            "quote",
            Kind::Text,
            "the words that support the facts citing it (translated where marked)",
        ),
        Column::new("note", Kind::Text, "remarks"),
    ];
    Table::new("sources", "one row per source the data cites", columns, rows)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn special_characters_are_escaped_and_braces_stay_balanced() {
        assert_eq!(
            escape(r"50% & $5 #1 a_b ^ ~ \ {x}"),
            r"50\% \& \$5 \#1 a\_b \textasciicircum{} \textasciitilde{} \textbackslash{} \textbraceleft{}x\textbraceright{}"
        );
        assert_eq!(escape("Türkiye\n«Шанхай»\u{7}"), "Türkiye «Шанхай»");
        let unbalanced = escape("a } b { c }}");
        assert_eq!(
            unbalanced.matches('{').count(),
            unbalanced.matches('}').count()
        );
    }

    #[test]
    fn two_hyphens_stay_two_hyphens_not_a_dash() {
        assert_eq!(escape("EU -- live"), "EU -{}- live");
        assert_eq!(escape("a---b"), "a-{}-{}-b");
        assert_eq!(escape("well-known"), "well-known");
    }

    #[test]
    fn titles_keep_their_capitals() {
        assert_eq!(
            title("The SCO and McManus: a Summit"),
            "The {SCO} and {McManus:} a Summit"
        );
        assert_eq!(title("BRICS_2024"), "{BRICS\\_2024}");
    }

    #[test]
    fn addresses_keep_percent_and_lose_braces() {
        assert_eq!(
            url("https://x.org/a%20b?q={1}#f"),
            "https://x.org/a%20b?q=%7B1%7D#f"
        );
    }

    #[test]
    fn ids_become_unique_keys() {
        let ids = ["sco-2001", "a b", "a-b", "a,b", "ü", "-x-", "", "x:1.y"];
        assert_eq!(
            unique_keys(ids.into_iter()),
            [
                "sco-2001", "a-b-2", "a-b", "a-b-3", "source", "x",
                "source-2", "x:1.y"
            ]
        );
        for bad in ["a--b", "a-", "-a", "a b", "a{b", "ü", ""] {
            assert!(!is_key(bad), "{bad}");
        }
    }

    #[test]
    fn an_entry_has_its_fields_in_order() {
        let s = Source {
            id: crate::model::SourceId::new("x"),
            title: "T".into(),
            url: "https://x.org/".into(),
            publisher: Some("P & Q".into()),
            published: Some("2010-05".parse().unwrap()),
            quote: Some("said".into()),
            note: Some("n".into()),
        };
        assert_eq!(
            bibtex_entry(&Entry { key: "x".into(), source: &s }),
            "@online{x,\n  title = {T},\n  organization = {P \\& Q},\n  \
             date = {2010-05},\n  url = {https://x.org/},\n  note = {n},\n  \
             annotation = {said},\n}\n"
        );
    }

    #[test]
    fn biblatex_reads_back_every_character() {
        use biblatex::ChunksExt;
        let text = r"50% & $5 #1 a_b ^ ~ \ {x} }{ Türkiye «ШОС» SCO";
        let s = Source {
            id: crate::model::SourceId::new("x"),
            title: text.into(),
            url: "https://x.org/a%20b?q={1}".into(),
            publisher: Some(text.into()),
            published: None,
            quote: Some(text.into()),
            note: Some(text.into()),
        };
        let bib = bibtex_entry(&Entry { key: "x".into(), source: &s });
        let parsed = biblatex::Bibliography::parse(&bib).unwrap();
        let e = parsed.get("x").unwrap();
        assert_eq!(e.entry_type, biblatex::EntryType::Online);
        assert_eq!(e.title().unwrap().format_verbatim(), text);
        for field in ["organization", "note", "annotation"] {
            assert_eq!(
                e.get(field).unwrap().format_verbatim(),
                text,
                "{field}"
            );
        }
        assert_eq!(e.url().unwrap(), "https://x.org/a%20b?q=%7B1%7D");
    }
}
