//! The canonical YAML of the data format: strings double-quoted, plain
//! scalars, numbers and enum variants plain, lists of scalars in flow
//! style, lists of mappings as block lists, absent values left out. In a
//! mapping, `sources` and `note` follow its other scalar fields, and nested
//! block lists come last.

use std::fmt::Write as _;

use serde::Serialize;

use super::quote;
use crate::load::schema::Plain;
use crate::serde_tree::{Tree, tree};

/// The plain spelling of a value: a unit enum variant's serde name, a
/// number, a text.
pub(crate) fn plain<T: Serialize + ?Sized>(v: &T) -> Plain {
    match tree(v) {
        Tree::Text(s) | Tree::Plain(s) => Plain(s),
        Tree::Variant(s) => Plain(s.to_string()),
        _ => Plain(String::new()),
    }
}

/// A data file: a YAML list of `entries` (`[]` when there are none).
pub(crate) fn document<T: Serialize>(
    entries: impl IntoIterator<Item = T>,
) -> String {
    let mut out = String::new();
    for e in entries {
        if let Tree::Map(fields) = tree(&e) {
            map(&mut out, 0, &fields);
        }
    }
    if out.is_empty() { "[]\n".to_string() } else { out }
}

fn is_block(t: &Tree) -> bool {
    match t {
        Tree::Seq(items) => items.iter().any(|i| matches!(i, Tree::Map(_))),
        Tree::Map(_) => true,
        _ => false,
    }
}

/// One mapping as a list item at `indent`.
fn map(out: &mut String, indent: usize, fields: &[(String, Tree)]) {
    mapping(out, indent, fields, true);
}

/// One mapping at `indent`: a list item (`- ` before its first key), or
/// the value of a key (every key indented alike).
fn mapping(
    out: &mut String,
    indent: usize,
    fields: &[(String, Tree)],
    item: bool,
) {
    let last = |k: &str| k == "sources" || k == "note";
    let present = fields.iter().filter(|(_, v)| !matches!(v, Tree::Absent));
    let scalars = present.clone().filter(|(k, v)| !is_block(v) && !last(k));
    let closing = ["sources", "note"].into_iter().filter_map(|name| {
        present.clone().find(|(k, v)| k == name && !is_block(v))
    });
    let blocks = present.clone().filter(|(_, v)| is_block(v));
    let pad = " ".repeat(indent);
    let mut first = true;
    for (key, value) in scalars.chain(closing).chain(blocks) {
        let lead = if first && item { "- " } else { "  " };
        first = false;
        if let Tree::Map(f) = value {
            let _ = writeln!(out, "{pad}{lead}{key}:");
            mapping(out, indent + 2, f, false);
        } else if let Tree::Seq(items) = value
            && is_block(value)
        {
            let _ = writeln!(out, "{pad}{lead}{key}:");
            for item in items {
                if let Tree::Map(f) = item {
                    map(out, indent + 4, f);
                }
            }
        } else {
            let _ = writeln!(out, "{pad}{lead}{key}: {}", inline(value));
        }
    }
}

fn inline(t: &Tree) -> String {
    match t {
        Tree::Text(s) => quote(s),
        Tree::Plain(s) => s.clone(),
        Tree::Variant(s) => s.to_string(),
        Tree::Seq(items) => {
            let items: Vec<String> = items.iter().map(inline).collect();
            format!("[{}]", items.join(", "))
        }
        Tree::Map(_) | Tree::Absent => String::new(),
    }
}
