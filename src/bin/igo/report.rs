//! What goes to stderr: a library error's diagnostics with the offending
//! line and a caret, or a plain `igo: message`.

use std::collections::{BTreeMap, BTreeSet};
use std::io::{BufRead, Read};

use igo_graph::Error;

use crate::term::{printable, snippet};

/// A failure: a library error (with diagnostics) or a plain message.
pub enum Failure {
    Lib(Error),
    Msg(String),
}

impl From<Error> for Failure {
    fn from(e: Error) -> Failure {
        Failure::Lib(e)
    }
}

impl From<serde_json::Error> for Failure {
    fn from(e: serde_json::Error) -> Failure {
        Failure::Msg(format!("cannot write JSON: {e}"))
    }
}

impl From<std::fmt::Error> for Failure {
    fn from(_: std::fmt::Error) -> Failure {
        Failure::Msg("cannot format output".to_string())
    }
}

/// The most diagnostics printed in full; the rest are counted.
const MAX_SHOWN: usize = 50;

/// Prints a failure to stderr, every character printable (`term`).
pub fn failure(f: &Failure) {
    let text = match f {
        Failure::Lib(e) => diagnostics(e),
        Failure::Msg(m) => format!("igo: {m}\n"),
    };
    eprint!("{}", printable(&text));
}

/// Prints advice that goes with an answer: `igo: note: ...`.
pub fn note(text: &str) {
    eprintln!("{}", printable(&format!("igo: note: {text}")));
}

/// Each diagnostic, the offending line with a caret under it, and the
/// advice; after [`MAX_SHOWN`], only how many more there are.
fn diagnostics(e: &Error) -> String {
    let mut out = String::new();
    let n = e.diagnostics().len();
    let places = e.diagnostics().iter().take(MAX_SHOWN);
    let lines = source_lines(
        places
            .filter_map(|d| d.location.as_ref())
            .map(|l| (l.path.as_str(), l.line)),
    );
    for d in e.diagnostics().iter().take(MAX_SHOWN) {
        let head = format!("error[{}]: {}", d.kind.code(), d.message);
        match &d.location {
            None => out.push_str(&format!("igo: {head}\n")),
            Some(loc) => {
                out.push_str(&format!("{loc}: {head}\n"));
                let line = lines.get(&(loc.path.as_str(), loc.line));
                if let Some(line) = line.filter(|l| {
                    l.chars().count() >= loc.column as usize
                        || l.len() < MAX_LINE_SHOWN
                }) {
                    let (shown, caret) = snippet(line, loc.column as usize);
                    let pad = " ".repeat(caret);
                    out.push_str(&format!("   | {shown}\n   | {pad}^\n"));
                }
            }
        }
        if let Some(help) = &d.help {
            out.push_str(&format!("  = help: {help}\n"));
        }
    }
    if n > MAX_SHOWN {
        out.push_str(&format!("... and {} more problems\n", n - MAX_SHOWN));
    }
    if n > 1 {
        out.push_str(&format!("igo: {n} problems found\n"));
    }
    out
}

/// The most bytes of a line kept to show a snippet of it: a caret
/// further along a longer line gets none.
const MAX_LINE_SHOWN: usize = 64 * 1024;

/// The lines the diagnostics point at, each file read once, as far as
/// the last of them: a regular file only (a device or a pipe is not read
/// again: `/dev/zero` never ends), a line kept to [`MAX_LINE_SHOWN`]
/// bytes, so that a diagnostic in a file of any shape costs little.
fn source_lines<'a>(
    places: impl Iterator<Item = (&'a str, u32)>,
) -> BTreeMap<(&'a str, u32), String> {
    let mut wanted: BTreeMap<&str, BTreeSet<u32>> = BTreeMap::new();
    for (path, line) in places {
        if line > 0 {
            wanted.entry(path).or_default().insert(line);
        }
    }
    let mut out = BTreeMap::new();
    for (path, lines) in wanted {
        let Ok(file) = std::fs::File::open(path) else { continue };
        if !file.metadata().is_ok_and(|m| m.is_file()) {
            continue;
        }
        let mut reader = std::io::BufReader::new(file);
        // The line the reader is at the start of, or inside of (after a
        // line cut at MAX_LINE_SHOWN, whose rest is read only when a later
        // line is wanted).
        let (mut at, mut inside) = (1, false);
        for line in lines {
            while inside || at < line {
                match reader.skip_until(b'\n') {
                    Ok(n) if n > 0 => (at, inside) = (at + 1, false),
                    _ => break,
                }
            }
            if inside || at != line {
                break;
            }
            let mut bytes = Vec::new();
            let mut head = (&mut reader).take(MAX_LINE_SHOWN as u64);
            if !head.read_until(b'\n', &mut bytes).is_ok_and(|n| n > 0) {
                break;
            }
            if bytes.last() == Some(&b'\n') {
                at += 1;
            } else {
                inside = true;
            }
            // A line that is not UTF-8 is not shown: its columns would
            // not be the diagnostic's (a character cut by the limit is
            // left out).
            let text = match std::str::from_utf8(&bytes) {
                Ok(t) => t,
                Err(e) if e.error_len().is_none() => {
                    std::str::from_utf8(&bytes[..e.valid_up_to()])
                        .unwrap_or("")
                }
                Err(_) => continue,
            };
            let text = text.trim_end_matches(['\n', '\r']).to_string();
            out.insert((path, line), text);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::{MAX_LINE_SHOWN, source_lines};

    #[test]
    fn lines_are_read_once_and_cut() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("f.csv");
        let long = "x".repeat(MAX_LINE_SHOWN + 10);
        std::fs::write(&path, format!("a\n{long}\nc\r\nd")).unwrap();
        let p = path.to_str().unwrap();
        let got = source_lines([(p, 4), (p, 2), (p, 3), (p, 9)].into_iter());
        assert_eq!(got[&(p, 2)].len(), MAX_LINE_SHOWN);
        assert_eq!(got[&(p, 3)], "c");
        assert_eq!(got[&(p, 4)], "d");
        assert!(!got.contains_key(&(p, 9)));
        // Nothing for a line past the end, or one that is not UTF-8.
        std::fs::write(&path, b"a\n\xffb\n").unwrap();
        let got = source_lines([(p, 1), (p, 2), (p, 3)].into_iter());
        assert_eq!(got.into_values().collect::<Vec<_>>(), ["a"]);
        // A device is not read: /dev/zero would never end.
        let zero = source_lines([("/dev/zero", 1)].into_iter());
        assert!(zero.is_empty());
    }
}
