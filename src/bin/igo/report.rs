//! What goes to stderr: a library error's diagnostics with the offending
//! line and a caret, or a plain `igo: message`.

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
    for d in e.diagnostics().iter().take(MAX_SHOWN) {
        let head = format!("error[{}]: {}", d.kind.code(), d.message);
        match &d.location {
            None => out.push_str(&format!("igo: {head}\n")),
            Some(loc) => {
                out.push_str(&format!("{loc}: {head}\n"));
                if let Some(line) = source_line(&loc.path, loc.line) {
                    let (shown, caret) = snippet(&line, loc.column as usize);
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

/// Line `line` (1-based) of the file at `path`, when it can be read.
fn source_line(path: &str, line: u32) -> Option<String> {
    if line == 0 {
        return None;
    }
    let text = std::fs::read_to_string(path).ok()?;
    text.lines().nth(line as usize - 1).map(str::to_string)
}
