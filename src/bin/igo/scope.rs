//! What a command answers for, resolved once from `--org` and the
//! command: one organisation, every organisation, or the whole data set.
//! Each command declares which it takes ([`takes`]); commands ask the
//! resolved [`Scope`], never `--org` itself.

use igo_graph::KnowledgeGraph;
use igo_graph::export::dot::ALL;

use crate::args::{Cli, Command, ExportKind};
use crate::report::Failure;

/// The organisation asked about when `--org` is not given.
pub const DEFAULT_ORG: &str = "SCO";

/// What a command answers for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Scope {
    /// One organisation, by its id in the data.
    One(String),
    /// Every organisation, each on its own (`--org all`).
    All,
    /// The organisations named, in order (`--org SCO,CSTO,CIS`): each
    /// on its own for `at`, together for the region picture.
    Several(Vec<String>),
    /// The whole data set: every organisation, or those named as the
    /// command's arguments.
    Data,
}

/// Which scopes a command takes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Takes {
    /// One organisation (`--org`, else the default).
    One,
    /// One organisation, or every one with `--org all`.
    OneOrAll,
    /// The whole data set; `--org` is refused (see `flags`).
    Data,
    /// The whole data set, or one organisation when `--org` names it.
    DataOrOne,
}

/// The scopes `command` takes.
pub fn takes(command: &Command) -> Takes {
    match command {
        Command::At { .. }
        | Command::Export {
            kind: ExportKind::Dot | ExportKind::Svg | ExportKind::Png,
            ..
        } => Takes::OneOrAll,
        Command::Memberships { .. }
        | Command::Overlap { .. }
        | Command::Import { .. }
        | Command::Completions { .. }
        | Command::Man
        | Command::Export {
            kind:
                ExportKind::Yaml
                | ExportKind::Html
                | ExportKind::Cow
                | ExportKind::Counts
                | ExportKind::Dyads
                | ExportKind::Release
                | ExportKind::Bib
                | ExportKind::Csl,
            ..
        } => Takes::Data,
        // The whole graph as JSON names an organisation only when asked.
        Command::Export { kind: ExportKind::Json, at: None, .. }
        | Command::History { .. }
        | Command::Compare { .. }
        | Command::Validate { .. } => Takes::DataOrOne,
        _ => Takes::One,
    }
}

impl Scope {
    /// The scope of `cli`'s command over `kg`.
    ///
    /// # Errors
    ///
    /// `--org all` where the command answers for one organisation, or an
    /// organisation the data does not hold.
    pub fn resolve(cli: &Cli, kg: &KnowledgeGraph) -> Result<Scope, Failure> {
        let given = cli.org.as_deref();
        let all = given.is_some_and(|o| o.eq_ignore_ascii_case(ALL));
        let one = |id: &str| -> Result<Scope, Failure> {
            match kg.resolve_organization(id) {
                Ok(o) => Ok(Scope::One(o.id.to_string())),
                Err(_) if given.is_none() => {
                    let ids: Vec<&str> =
                        kg.organizations().map(|o| o.id.as_str()).collect();
                    let shown = match ids.len() {
                        0..=12 => ids.join(", "),
                        n => format!(
                            "{}, ... ({n} in all)",
                            ids[..12].join(", ")
                        ),
                    };
                    Err(Failure::Msg(format!(
                        "this command answers for one organisation, and this \
                         data has no {DEFAULT_ORG} (the one asked about when \
                         --org is not given): give --org with one of its \
                         organisations: {shown}"
                    )))
                }
                Err(e) => Err(e.into()),
            }
        };
        match (takes(&cli.command), given) {
            (Takes::Data, _) | (Takes::DataOrOne, None) => Ok(Scope::Data),
            (Takes::OneOrAll, _) if all => Ok(Scope::All),
            (Takes::OneOrAll, Some(list)) if list.contains(',') => {
                named(kg, list)
            }
            (Takes::One | Takes::DataOrOne, Some(list))
                if list.contains(',') =>
            {
                Err(Failure::Msg(
                    "a list of organisations (`--org SCO,CSTO`) applies to \
                     `at` and to `export dot|svg|png` (the region in one \
                     picture): name one organisation"
                        .into(),
                ))
            }
            (Takes::One | Takes::DataOrOne, _) if all => Err(Failure::Msg(
                "`--org all` applies to `at` and to `export \
                     dot|svg|png` (the region in one picture): name one \
                     organisation"
                    .into(),
            )),
            (_, given) => one(given.unwrap_or(DEFAULT_ORG)),
        }
    }

    /// The organisation, for a command that answers for one.
    ///
    /// # Errors
    ///
    /// The scope is not one organisation (the command did not declare
    /// that it takes one: a bug, said plainly).
    pub fn org(&self) -> Result<&str, Failure> {
        match self {
            Scope::One(id) => Ok(id),
            other => Err(Failure::Msg(format!(
                "this command answers for one organisation, not for {}",
                other.describe()
            ))),
        }
    }

    /// The organisation if the scope is one.
    pub fn one(&self) -> Option<&str> {
        match self {
            Scope::One(id) => Some(id),
            _ => None,
        }
    }

    /// The organisations `--org all` or a list asks about, in order.
    pub fn organizations(&self, kg: &KnowledgeGraph) -> Vec<String> {
        match self {
            Scope::One(id) => vec![id.clone()],
            Scope::Several(ids) => ids.clone(),
            Scope::All | Scope::Data => {
                kg.organizations().map(|o| o.id.to_string()).collect()
            }
        }
    }

    fn describe(&self) -> &'static str {
        match self {
            Scope::One(_) => "one organisation",
            Scope::All => "every organisation",
            Scope::Several(_) => "the organisations named",
            Scope::Data => "the whole data set",
        }
    }
}

/// The organisations of a list (`SCO,CSTO,CIS`), each resolved as `--org`
/// resolves one, none named twice.
fn named(kg: &KnowledgeGraph, list: &str) -> Result<Scope, Failure> {
    let mut ids: Vec<String> = Vec::new();
    for part in list.split(',').map(str::trim) {
        if part.is_empty() {
            return Err(Failure::Msg(format!(
                "`--org {list}` has an empty name: separate organisation \
                 ids by single commas (`--org SCO,CSTO,CIS`)"
            )));
        }
        let id = kg.resolve_organization(part)?.id.to_string();
        if ids.contains(&id) {
            return Err(Failure::Msg(format!(
                "`--org {list}` names {id} twice: name each organisation once"
            )));
        }
        ids.push(id);
    }
    Ok(Scope::Several(ids))
}
