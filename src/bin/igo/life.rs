//! A state's life, names and successions, as the `history` table shows
//! them under the state's name.

use std::fmt::Write as _;

use igo_graph::{State, SuccessionKind};

use crate::report::Failure;

/// Writes the lines `life: ...`, `earlier names: ...` and one line per
/// succession, for the states the data dates.
pub fn describe(out: &mut String, s: &State) -> Result<(), Failure> {
    let life = s.life_text();
    if !life.is_empty() {
        writeln!(out, "life: {life}")?;
    }
    if let Some(code) = s.gw_code {
        let abbrev = s.gw_abbrev.as_deref().unwrap_or_default();
        writeln!(out, "G&W: {code} {abbrev}")?;
    }
    if !s.names.is_empty() {
        let names: Vec<String> = s
            .names
            .iter()
            .map(|n| match n.until {
                Some(u) => format!("{} ({} until {u})", n.name, n.from),
                None => format!("{} (from {})", n.name, n.from),
            })
            .collect();
        writeln!(out, "earlier names: {}", names.join("; "))?;
    }
    for x in &s.successions {
        let how = match x.kind {
            SuccessionKind::ContinuedBy => "continued by",
            SuccessionKind::MergedInto => "merged into",
            SuccessionKind::DissolvedInto => "dissolved into",
        };
        let to: Vec<&str> = x.states.iter().map(|s| s.as_str()).collect();
        writeln!(out, "{}: {how} {}", x.date, to.join(", "))?;
    }
    Ok(())
}
