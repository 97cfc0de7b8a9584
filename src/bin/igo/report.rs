//! What goes to stderr: a library error's diagnostics with the offending
//! line and a caret, or a plain `igo: message`.

use igo_graph::Error;

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

impl From<csv::Error> for Failure {
    fn from(e: csv::Error) -> Failure {
        Failure::Msg(format!("cannot write CSV: {e}"))
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

/// Prints a failure to stderr.
pub fn failure(f: &Failure) {
    match f {
        Failure::Lib(e) => diagnostics(e),
        Failure::Msg(m) => eprintln!("igo: {m}"),
    }
}

/// Prints each diagnostic, the offending line with a caret under it, and
/// the advice.
fn diagnostics(e: &Error) {
    let n = e.diagnostics().len();
    for d in e.diagnostics() {
        let head = format!("error[{}]: {}", d.kind.code(), d.message);
        match &d.location {
            None => eprintln!("igo: {head}"),
            Some(loc) => {
                eprintln!("{loc}: {head}");
                let line = (loc.line > 0)
                    .then(|| std::fs::read_to_string(&loc.path).ok())
                    .flatten()
                    .and_then(|t| {
                        t.lines()
                            .nth(loc.line as usize - 1)
                            .map(str::to_string)
                    });
                if let Some(line) = line {
                    let pad =
                        " ".repeat(loc.column.saturating_sub(1) as usize);
                    eprintln!("   | {line}\n   | {pad}^");
                }
            }
        }
        if let Some(help) = &d.help {
            eprintln!("  = help: {help}");
        }
    }
    if n > 1 {
        eprintln!("igo: {n} problems found");
    }
}
