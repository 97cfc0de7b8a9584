//! SVG and PNG, rendered from the DOT diagram by Graphviz's own `dot`
//! program (which must be installed).

use std::io::Write;
use std::process::{Command, Stdio};

use super::Options;
use crate::date::Date;
use crate::error::{Diagnostic, DiagnosticKind, Error};
use crate::graph::KnowledgeGraph;

/// An image format Graphviz renders.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ImageFormat {
    /// Scalable vector graphics.
    Svg,
    /// Portable network graphics.
    Png,
}

impl ImageFormat {
    fn flag(self) -> &'static str {
        match self {
            ImageFormat::Svg => "-Tsvg",
            ImageFormat::Png => "-Tpng",
        }
    }
}

/// Renders DOT text with Graphviz's `dot`.
///
/// # Errors
///
/// `dot` is not installed (the message says how to install it), or it
/// fails (the message carries its error output).
pub fn render_dot(dot: &str, format: ImageFormat) -> Result<Vec<u8>, Error> {
    let child = Command::new("dot")
        .arg(format.flag())
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn();
    let mut child = match child {
        Ok(c) => c,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            return Err(Error::one(
                Diagnostic::new(
                    DiagnosticKind::Export,
                    "Graphviz's `dot` program is not installed (or not on PATH)",
                )
                .help(
                    "install Graphviz (`apt-get install graphviz`, `brew install graphviz`), \
                     or export `dot` and render it elsewhere",
                ),
            ));
        }
        Err(e) => {
            return Err(Error::msg(
                DiagnosticKind::Export,
                format!("cannot run Graphviz's `dot`: {e}"),
            ));
        }
    };
    // Write on another thread so that a large output cannot deadlock on
    // full pipes.
    let mut stdin = child.stdin.take().expect("stdin is piped");
    let input = dot.as_bytes().to_vec();
    let writer = std::thread::spawn(move || stdin.write_all(&input));
    let output = child.wait_with_output().map_err(|e| {
        Error::msg(
            DiagnosticKind::Export,
            format!("Graphviz's `dot` failed: {e}"),
        )
    })?;
    let _ = writer.join();
    if !output.status.success() {
        return Err(Error::msg(
            DiagnosticKind::Export,
            format!(
                "Graphviz's `dot` failed ({}): {}",
                output.status,
                String::from_utf8_lossy(&output.stderr).trim()
            ),
        ));
    }
    Ok(output.stdout)
}

/// Renders the organisation on a day (see [`super::dot`]) as SVG or PNG.
///
/// # Errors
///
/// An unknown organisation, `dot` missing or failing, or the writer
/// fails.
pub fn write<W: Write>(
    kg: &KnowledgeGraph,
    opts: &Options,
    format: ImageFormat,
    mut out: W,
) -> Result<(), Error> {
    if opts.organization.eq_ignore_ascii_case(super::dot::ALL) {
        refuse_large_region(kg, opts.day()?)?;
    }
    let dot = super::dot::to_string(kg, opts)?;
    out.write_all(&render_dot(&dot, format)?)?;
    Ok(())
}

/// The most organisations the region picture is rendered with: Graphviz's
/// spring layout (`neato`) takes minutes well before a few hundred
/// organisations and their states (COW's 534 gave no answer in 30 s).
pub const REGION_MAX: usize = 40;

/// Refuses to render the region of more than [`REGION_MAX`]
/// organisations, saying what to do instead.
fn refuse_large_region(kg: &KnowledgeGraph, day: Date) -> Result<(), Error> {
    let n = kg.organizations().filter(|o| o.may_exist_on(day)).count();
    if n <= REGION_MAX {
        return Ok(());
    }
    let d = Diagnostic::new(
        DiagnosticKind::Export,
        format!(
            "the region on {day} holds {n} organisations, more than \
             Graphviz lays out in one picture in reasonable time (at most \
             {REGION_MAX})"
        ),
    )
    .help(
        "draw one organisation at a time (--org ID), or write the region \
         as DOT (`igo export dot --org all`) and render a part of it",
    );
    Err(Error::one(d))
}
