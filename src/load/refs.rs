//! Ids across files: which states, sources, organisations and summits a
//! data set defines (each once), and the checks of references to them.

use std::collections::{BTreeMap, BTreeSet};

use super::documents::Cx;
use super::schema::{Cites, Documents, Located};
use super::sink::{Part, Sink};
use crate::error::{Diagnostic, DiagnosticKind};
use crate::model::SourceId;

/// The ids of one kind, and whether every file defining them was read
/// (else a reference to an id not seen cannot be called unknown).
#[derive(Debug, Default)]
pub(crate) struct Ids {
    pub known: BTreeSet<String>,
    pub whole: bool,
}

impl Ids {
    /// `Some(ids)` when a reference can be checked against them.
    fn checkable(&self) -> Option<&BTreeSet<String>> {
        self.whole.then_some(&self.known)
    }

    fn names(&self) -> impl Iterator<Item = &str> {
        self.known.iter().map(String::as_str)
    }
}

/// Every id a data set defines.
#[derive(Debug, Default)]
pub(crate) struct Refs {
    pub states: Ids,
    pub sources: Ids,
    pub organizations: Ids,
    pub summits: Ids,
    /// Per organisation folder, its own organisation (the first its
    /// organization.yaml defines).
    pub folder_org: BTreeMap<String, String>,
}

/// Collects the ids, reporting each defined twice.
pub(crate) fn collect(docs: &Documents, sink: &mut Sink) -> Refs {
    let mut refs = Refs::default();
    refs.sources.whole = sink.read_whole(Part::Sources);
    for doc in &docs.sources {
        for s in &doc.entries {
            once(
                &mut refs.sources,
                &s.id,
                &doc.path,
                Part::Sources,
                sink,
                "source",
                "give each source its own id",
            );
        }
    }
    refs.states.whole = sink.read_whole(Part::States);
    for doc in &docs.states {
        for s in &doc.entries {
            once(
                &mut refs.states,
                &s.id,
                &doc.path,
                Part::States,
                sink,
                "state",
                "keep one entry per state",
            );
        }
    }
    refs.organizations.whole = sink.read_whole(Part::Organizations);
    for doc in &docs.organizations {
        for o in &doc.entries {
            if let Some(folder) = &doc.folder {
                refs.folder_org
                    .entry(folder.clone())
                    .or_insert_with(|| o.id.value.clone());
            }
            once(
                &mut refs.organizations,
                &o.id,
                &doc.path,
                Part::Organizations,
                sink,
                "organisation",
                "define each organisation once, in its own folder's organization.yaml",
            );
        }
    }
    refs.summits.whole = sink.read_whole(Part::Summits);
    for doc in &docs.summits {
        for s in &doc.entries {
            once(
                &mut refs.summits,
                &s.id,
                &doc.path,
                Part::Summits,
                sink,
                "summit",
                "give each summit its own id",
            );
        }
    }
    refs
}

/// Adds `id` to `ids`, reporting it when it is already there.
fn once(
    ids: &mut Ids,
    id: &Located<String>,
    path: &str,
    part: Part,
    sink: &mut Sink,
    what: &str,
    help: &str,
) {
    if !ids.known.insert(id.value.clone()) {
        let d = Diagnostic::new(
            DiagnosticKind::DuplicateId,
            format!("{what} `{}` is defined twice", id.value),
        )
        .help(help);
        sink.at(part, path, id, d);
    }
}

impl Refs {
    /// Checks a state id.
    pub fn state(&self, cx: &mut Cx<'_>, id: &Located<String>) {
        if let Some(known) = self.states.checkable()
            && !known.contains(&id.value)
        {
            let d = Diagnostic::new(
                DiagnosticKind::UnknownState,
                format!("state `{}` is not in states.yaml", id.value),
            )
            .suggest(
                &id.value,
                self.states.names(),
                "add the state to states.yaml, with its ISO 3166-1 alpha-3 code as id",
            );
            cx.at(id, d);
        }
    }

    /// Checks a `sources:` list: not empty, every id known.
    pub fn sources(&self, cx: &mut Cx<'_>, list: &Cites) -> Vec<SourceId> {
        if list.value.is_empty() {
            cx.at(
                list,
                Diagnostic::new(DiagnosticKind::MissingSource, "no source cited")
                    .help("cite at least one source id from sources.yaml that supports this fact"),
            );
        }
        let mut out = Vec::with_capacity(list.value.len());
        for s in &list.value {
            if let Some(known) = self.sources.checkable()
                && !known.contains(&s.value)
            {
                let d = Diagnostic::new(
                    DiagnosticKind::UnknownSource,
                    format!("source `{}` is not in sources.yaml", s.value),
                )
                .suggest(
                    &s.value,
                    self.sources.names(),
                    "add the source to sources.yaml (title, url of what you read)",
                );
                cx.at(s, d);
            }
            out.push(SourceId::new(s.value.clone()));
        }
        out
    }

    /// Checks an organisation id.
    pub fn organization(&self, cx: &mut Cx<'_>, id: &Located<String>) {
        if let Some(known) = self.organizations.checkable()
            && !known.contains(&id.value)
        {
            cx.at(id, self.unknown_organization(&id.value));
        }
    }

    fn unknown_organization(&self, id: &str) -> Diagnostic {
        Diagnostic::new(
            DiagnosticKind::UnknownOrganization,
            format!(
                "organisation `{id}` is not defined in any organization.yaml"
            ),
        )
        .suggest(
            id,
            self.organizations.names(),
            "define it in an organization.yaml",
        )
    }

    /// The organisation of an entry: its `organization:` field, or its
    /// folder's own; `None` (reported at `anchor`) when there is neither.
    pub fn owner<T>(
        &self,
        cx: &mut Cx<'_>,
        field: &Option<Located<String>>,
        folder: Option<&str>,
        anchor: &Located<T>,
        (missing, help): (&str, &str),
    ) -> Option<String> {
        if let Some(o) = field {
            self.organization(cx, o);
            return Some(o.value.clone());
        }
        if let Some(org) = folder.and_then(|f| self.folder_org.get(f)) {
            return Some(org.clone());
        }
        if self.organizations.whole {
            cx.at(
                anchor,
                Diagnostic::new(DiagnosticKind::UnknownOrganization, missing)
                    .help(help),
            );
        }
        None
    }

    /// Checks a summit id; whether it is known.
    pub fn summit(&self, cx: &mut Cx<'_>, id: &Located<String>) -> bool {
        let Some(known) = self.summits.checkable() else { return false };
        if known.contains(&id.value) {
            return true;
        }
        let d = Diagnostic::new(
            DiagnosticKind::UnknownSummit,
            format!("summit `{}` is not in any summits.yaml", id.value),
        )
        .suggest(
            &id.value,
            self.summits.names(),
            "add the summit to the organisation's summits.yaml",
        );
        cx.at(id, d);
        false
    }
}
