//! Ids across files: which states, sources, organisations and summits a
//! data set defines (each once), and the checks of references to them.

use std::collections::{BTreeMap, BTreeSet};
use std::sync::atomic::{AtomicUsize, Ordering};

use super::schema::{Cites, Document, Documents, Located};
use super::sink::Cx;
use super::sink::{Part, Sink};
use crate::error::{Diagnostic, DiagnosticKind, shown};
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
#[derive(Debug)]
pub(crate) struct Refs {
    pub states: Ids,
    pub sources: Ids,
    pub organizations: Ids,
    pub summits: Ids,
    /// Per organisation folder, its own organisation (the first its
    /// organization.yaml defines).
    pub folder_org: BTreeMap<String, String>,
    /// For a layer, the organisations of the folders below it: a
    /// predecessor or successor may name one.
    pub below_organizations: BTreeSet<String>,
    /// Whether the data set is a layer, whose states and sources may be
    /// those of the folders below (the messages say so).
    pub layered: bool,
    /// How many "did you mean" suggestions are left to make: each costs a
    /// comparison with every known id, so a file of thousands of unknown
    /// ids stays cheap to report.
    suggestions: AtomicUsize,
}

/// The most "did you mean" suggestions one load makes.
const MAX_SUGGESTIONS: usize = 100;

/// Collects the ids, reporting each defined twice.
pub(crate) fn collect(docs: &Documents, sink: &mut Sink) -> Refs {
    let mut folder_org = BTreeMap::new();
    for doc in &docs.organizations {
        if let (Some(folder), Some(first)) = (&doc.folder, doc.entries.first())
        {
            folder_org
                .entry(folder.clone())
                .or_insert_with(|| first.id.value.clone());
        }
    }
    Refs {
        sources: ids(
            &docs.sources,
            |s| &s.id,
            Part::Sources,
            sink,
            ("source", "give each source its own id"),
        ),
        states: ids(
            &docs.states,
            |s| &s.id,
            Part::States,
            sink,
            ("state", "keep one entry per state"),
        ),
        organizations: ids(
            &docs.organizations,
            |o| &o.id,
            Part::Organizations,
            sink,
            (
                "organisation",
                "define each organisation once, in its own folder's organization.yaml",
            ),
        ),
        summits: ids(
            &docs.summits,
            |s| &s.id,
            Part::Summits,
            sink,
            ("summit", "give each summit its own id"),
        ),
        folder_org,
        below_organizations: BTreeSet::new(),
        layered: false,
        suggestions: AtomicUsize::new(MAX_SUGGESTIONS),
    }
}

/// The ids of one kind, each reported when defined twice.
fn ids<T>(
    docs: &[Document<T>],
    id: impl Fn(&T) -> &Located<String>,
    part: Part,
    sink: &mut Sink,
    (what, help): (&str, &str),
) -> Ids {
    let mut ids = Ids { known: BTreeSet::new(), whole: sink.read_whole(part) };
    for doc in docs {
        for entry in &doc.entries {
            once(&mut ids, id(entry), &doc.path, part, sink, what, help);
        }
    }
    ids
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
            format!("{what} `{}` is defined twice", shown(&id.value)),
        )
        .help(help);
        sink.at(part, path, id, d);
    }
}

impl Refs {
    /// `d` with a suggestion among `known` while the budget lasts, else
    /// with `otherwise`.
    fn hint<'a>(
        &self,
        d: Diagnostic,
        wanted: &str,
        known: impl IntoIterator<Item = &'a str>,
        otherwise: &str,
    ) -> Diagnostic {
        let left = self.suggestions.fetch_update(
            Ordering::Relaxed,
            Ordering::Relaxed,
            |n| n.checked_sub(1),
        );
        match left {
            Ok(_) => d.suggest(wanted, known, otherwise),
            Err(_) => d.help(otherwise),
        }
    }

    /// Checks a state id.
    pub fn state(&self, cx: &mut Cx<'_>, id: &Located<String>) {
        if let Some(known) = self.states.checkable()
            && !known.contains(&id.value)
        {
            let d = self.hint(
                Diagnostic::new(
                    DiagnosticKind::UnknownState,
                    format!(
                        "state `{}` is not in states.yaml{}",
                        shown(&id.value),
                        self.below()
                    ),
                ),
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
                let d = self.hint(
                    Diagnostic::new(
                        DiagnosticKind::UnknownSource,
                        format!(
                            "source `{}` is not in sources.yaml{}",
                            shown(&s.value),
                            self.below()
                        ),
                    ),
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
        let d = Diagnostic::new(
            DiagnosticKind::UnknownOrganization,
            format!(
                "organisation `{}` is not defined in any organization.yaml",
                shown(id)
            ),
        );
        let otherwise = "define it in an organization.yaml";
        self.hint(d, id, self.organizations.names(), otherwise)
    }

    /// Checks the `predecessor:` or `successor:` of the organisation
    /// `own`: an organisation of this data set or of a folder below it,
    /// other than `own` (which no suggestion names).
    pub fn link(&self, cx: &mut Cx<'_>, id: &Located<String>, own: &str) {
        let Some(known) = self.organizations.checkable() else { return };
        if known.contains(&id.value)
            || self.below_organizations.contains(&id.value)
        {
            return;
        }
        let d = Diagnostic::new(
            DiagnosticKind::UnknownOrganization,
            format!(
                "organisation `{}` is not defined in any organization.yaml{}",
                shown(&id.value),
                self.below()
            ),
        );
        let names = known
            .iter()
            .chain(&self.below_organizations)
            .map(String::as_str)
            .filter(|n| *n != own);
        let otherwise = "define it in an organization.yaml";
        cx.at(id, self.hint(d, &id.value, names, otherwise));
    }

    /// `, here or below` in a layer's messages: an id may be defined in
    /// the folders below it.
    fn below(&self) -> &'static str {
        if self.layered { ", here or below" } else { "" }
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
        let d = self.hint(
            Diagnostic::new(
                DiagnosticKind::UnknownSummit,
                format!(
                    "summit `{}` is not in any summits.yaml",
                    shown(&id.value)
                ),
            ),
            &id.value,
            self.summits.names(),
            "add the summit to the organisation's summits.yaml",
        );
        cx.at(id, d);
        false
    }
}
