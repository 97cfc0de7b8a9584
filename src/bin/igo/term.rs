//! Text bound for a terminal: control characters shown, never sent.
//!
//! A name, note or file line in a data folder may hold ESC (colours, cursor
//! moves, a rewritten title bar), BEL, other C0 and C1 controls, or the
//! bidirectional overrides of "Trojan Source" (CVE-2021-42574) that make a
//! line read differently from what it holds. Tables and diagnostics pass
//! through [`printable`], which shows each as `\u{..}`. Newlines and tabs
//! stay: they only move the cursor on, and a tab in a YAML line is often
//! the very problem a diagnostic points at.

use std::borrow::Cow;

/// Whether `c` must not reach a terminal raw: C0 controls but newline and
/// tab,
/// DEL, C1 controls, and the bidirectional embeddings, overrides,
/// isolates and marks.
fn is_hazard(c: char) -> bool {
    (c.is_control() && c != '\n' && c != '\t')
        || matches!(
            c,
            '\u{202A}'..='\u{202E}'
                | '\u{2066}'..='\u{2069}'
                | '\u{200E}'
                | '\u{200F}'
                | '\u{061C}'
        )
}

/// `text` with every hazardous character written as `\u{1b}`.
pub fn printable(text: &str) -> Cow<'_, str> {
    if !text.chars().any(is_hazard) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if is_hazard(c) {
            out.push_str(&format!("\\u{{{:x}}}", c as u32));
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// JSON text with the characters JSON may carry raw but a terminal must
/// not (DEL, C1 controls, bidirectional controls) written as `\uXXXX`:
/// the same JSON value, safe to print. serde_json already escapes C0.
pub fn json_printable(json: &str) -> Cow<'_, str> {
    if !json.chars().any(is_hazard) {
        return Cow::Borrowed(json);
    }
    let mut out = String::with_capacity(json.len() + 8);
    for c in json.chars() {
        if is_hazard(c) {
            // Outside strings only `\n` and spaces occur in pretty JSON,
            // so every hazard is inside a string, where `\uXXXX` is valid.
            out.push_str(&format!("\\u{:04x}", c as u32));
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// The widest part of a source line a diagnostic shows.
pub const SNIPPET_COLUMNS: usize = 100;

/// The part of `line` a diagnostic shows, made printable, and the column
/// (0-based, in shown characters) of the caret under `column` (1-based,
/// in characters): at most [`SNIPPET_COLUMNS`] characters of the line
/// around the caret, with `…` where it is cut.
pub fn snippet(line: &str, column: usize) -> (String, usize) {
    let chars: Vec<char> = line.chars().collect();
    let at = column.saturating_sub(1).min(chars.len());
    let (mut from, mut to) = (0, chars.len());
    if chars.len() > SNIPPET_COLUMNS {
        from = at.saturating_sub(SNIPPET_COLUMNS / 2);
        to = (from + SNIPPET_COLUMNS).min(chars.len());
        from = to.saturating_sub(SNIPPET_COLUMNS);
    }
    let piece = |a: usize, b: usize| {
        printable(&chars[a..b].iter().collect::<String>()).into_owned()
    };
    let lead = if from > 0 { "…" } else { "" };
    let before = format!("{lead}{}", piece(from, at));
    let tail = if to < chars.len() { "…" } else { "" };
    let shown = format!("{before}{}{tail}", piece(at, to));
    (shown, before.chars().count())
}

#[cfg(test)]
mod tests {
    use super::{json_printable, printable, snippet};

    #[test]
    fn controls_are_shown_not_sent() {
        assert_eq!(printable("a\u{1b}[31mb"), "a\\u{1b}[31mb");
        assert_eq!(printable("bell\u{7}"), "bell\\u{7}");
        assert_eq!(printable("x\u{202e}y\u{2066}"), "x\\u{202e}y\\u{2066}");
        assert_eq!(printable("c1\u{9b}"), "c1\\u{9b}");
        assert_eq!(printable("tab\tcr\r"), "tab\tcr\\u{d}");
        assert_eq!(printable("two\nlines, Türkiye"), "two\nlines, Türkiye");
    }

    #[test]
    fn json_stays_the_same_value() {
        let raw = "\"a\u{202e}b\u{85}\"";
        let safe = json_printable(raw);
        assert_eq!(safe, "\"a\\u202eb\\u0085\"");
        let a: serde_json::Value = serde_json::from_str(raw).unwrap();
        let b: serde_json::Value = serde_json::from_str(&safe).unwrap();
        assert_eq!(a, b);
    }

    #[test]
    fn long_lines_are_cut_around_the_caret() {
        let (shown, caret) = snippet("key: value", 6);
        assert_eq!((shown.as_str(), caret), ("key: value", 5));
        let line = format!("{}X{}", "a".repeat(5000), "b".repeat(5000));
        let (shown, caret) = snippet(&line, 5001);
        assert!(shown.chars().count() <= 102, "{}", shown.len());
        assert_eq!(shown.chars().nth(caret), Some('X'));
        assert!(shown.starts_with('…') && shown.ends_with('…'));
        let (shown, caret) = snippet("\u{1b}x", 2);
        assert_eq!((shown.as_str(), caret), ("\\u{1b}x", 6));
    }
}
