//! Data to model. Every problem becomes a [`Diagnostic`] with
//! `file:line:column`; loading reports all of them and never returns a
//! half-loaded data set.
//!
//! Loading runs in phases, each writing to one [`Sink`]:
//!
//! 1. `files`: which files a folder holds, what each is for, their limits;
//! 2. `yaml` / `json`: the text as `schema` documents (the data format);
//! 3. `refs`: the ids each kind defines, across files;
//! 4. `documents`: schema to model, one entity at a time, local checks;
//! 5. `rules`: sequences and domain rules over all an organisation has.
//!
//! [`Diagnostic`]: crate::Diagnostic

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

mod alternatives;
mod claims;
mod documents;
// For the importer (the build script's copy of the loader has none).
#[allow(unused_imports)]
pub(crate) use documents::cow_state_id;
pub(crate) mod files;
mod guests;
#[cfg(feature = "json")]
mod json;
pub(crate) mod layers;
mod life;
mod lineage;
mod refs;
mod review;
mod rules;
pub(crate) mod schema;
mod sink;
mod vocabulary;
mod yaml;

use self::files::{InputFile, Role};
use self::refs::Refs;
use self::rules::{ChairAt, HistoryAt, Membership, OfficeAt};
use self::schema::{Document, Documents, Located};
use self::sink::Cx;
use self::sink::{Part, Sink};
use crate::error::Error;
use crate::model::{
    Affiliation, ChairTerm, Claim, Event, OfficeTerm, Organization,
    OrganizationId, Source, State, Summit,
};

/// The largest data file accepted, in bytes (16 MiB). Larger files are
/// refused before parsing, so a stray download cannot exhaust memory.
pub const MAX_FILE_BYTES: u64 = 16 * 1024 * 1024;

/// The deepest nesting of YAML collections accepted. The data format needs
/// four levels; the limit guards the parser against hostile input.
pub const MAX_DEPTH: usize = 32;

/// The longest line accepted, in bytes (64 KiB): data files are edited by
/// hand, and a longer line is almost surely not data.
pub const MAX_LINE_BYTES: usize = 64 * 1024;

/// The most alias (`*name`) uses a file may hold. The data format needs
/// none; a few are harmless, an alias bomb is refused.
pub const MAX_ALIASES: usize = 1_000;

/// The most YAML events that alias expansion may replay in one file.
pub const MAX_ALIAS_EVENTS: usize = 10_000;

/// Above this many bytes of status histories, they are checked in
/// parallel.
const PARALLEL_BYTES: usize = 1 << 20;

/// A validated data set, ready to become a graph. Only the loader makes
/// one, so every id in it refers to something it defines. The build
/// script serializes the bundled one, so that the binary starts without
/// parsing YAML.
#[derive(Debug, Default, serde::Serialize, serde::Deserialize)]
pub(crate) struct Dataset {
    pub states: Vec<State>,
    pub sources: Vec<Source>,
    pub organizations: Vec<Organization>,
    pub affiliations: Vec<Affiliation>,
    pub summits: Vec<Summit>,
    pub chairs: Vec<ChairTerm>,
    pub offices: Vec<OfficeTerm>,
    pub events: Vec<Event>,
    pub claims: Vec<Claim>,
}

/// Where a data set comes from.
pub(crate) enum Input<'a> {
    /// A data folder on disk.
    Folder(&'a Path),
    /// In-memory files, each named by its path inside a data folder.
    Texts(Vec<(String, String)>),
    /// The node-link JSON of `export::json`, named `name` in diagnostics.
    #[cfg(feature = "json")]
    Json { name: &'a str, text: &'a str },
}

/// A status-history document, still text (read file by file, so that a
/// large data set is never held whole in its parsed form), or parsed.
enum Histories {
    Yaml(InputFile),
    #[cfg_attr(not(feature = "json"), allow(dead_code))]
    Parsed(Document<schema::History>),
}

/// What the caller knows that a data set cannot say of itself.
#[derive(Clone, Copy, Debug, Default)]
#[non_exhaustive]
pub struct LoadOptions {
    /// The day the caller calls today: no organisation's data may have
    /// been reviewed after it. `None` (the default) leaves review days
    /// unchecked against the calendar, since the library never reads the
    /// clock.
    pub today: Option<crate::date::Date>,
}

impl LoadOptions {
    /// No today: what [`KnowledgeGraph::load`] checks.
    ///
    /// [`KnowledgeGraph::load`]: crate::KnowledgeGraph::load
    pub fn new() -> LoadOptions {
        LoadOptions::default()
    }

    /// The same options with `today` as the caller's today: a review day
    /// after it is an error.
    pub fn today(mut self, today: crate::date::Date) -> LoadOptions {
        self.today = Some(today);
        self
    }
}

/// Loads and validates a data set, or reports every problem found.
pub(crate) fn load(
    input: Input<'_>,
    opts: &LoadOptions,
) -> Result<Dataset, Error> {
    load_over(input, None, opts)
}

/// Loads and validates a data set as [`load`] does; when it is a layer
/// over `below` (see [`layers`]), together with it: it may cite the
/// states and sources below and name an organisation below as its
/// predecessor or successor, and no state of it may take the place of
/// one below in silence.
pub(crate) fn load_over(
    input: Input<'_>,
    below: Option<&Dataset>,
    opts: &LoadOptions,
) -> Result<Dataset, Error> {
    let mut sink = Sink::default();
    let (docs, histories) = match read(input, below.is_some(), &mut sink) {
        Some(read) => read,
        None => return Err(sink.finish(()).unwrap_err()),
    };
    for doc in &docs.states {
        documents::missing_iso2(doc, &mut sink);
    }
    let mut refs = refs::collect(&docs, &mut sink);
    if let Some(below) = below {
        layers::know(&mut refs, below);
    }
    let mut data = Dataset::default();
    let (checked, states) =
        convert(&docs, (&refs, opts, below), &mut data, &mut sink);
    let mut located =
        check_histories(histories, &refs, &data, &checked, &mut sink);
    rules::one_history_each(&located, &mut sink);
    let states = states.as_deref().unwrap_or(&data.states);
    let dissolved: BTreeMap<&str, crate::date::Date> = data
        .organizations
        .iter()
        .chain(below.iter().flat_map(|b| &b.organizations))
        .filter_map(|o| Some((o.id.as_str(), o.dissolved?)))
        .collect();
    life::statuses_within_life(
        states,
        &located,
        (false, &dissolved),
        &mut sink,
    );
    if let Some(below) = below {
        let theirs = layers::histories_below(&docs.states, &data, below);
        life::statuses_within_life(
            states,
            &theirs,
            (true, &dissolved),
            &mut sink,
        );
    }
    located.sort_by(|(a, _), (b, _)| {
        (&a.organization, &a.state).cmp(&(&b.organization, &b.state))
    });
    data.affiliations = located.into_iter().map(|(a, _)| a).collect();
    across_files(&docs, &refs, &checked, &mut data, &mut sink);
    review::sources(&docs.sources, &data, &mut sink);
    sink.finish(data)
}

/// Phases 1 and 2: the files, and their text as documents. `None` when
/// the files themselves are wrong (nothing further is worth checking).
fn read(
    input: Input<'_>,
    layer: bool,
    sink: &mut Sink,
) -> Option<(Documents, Vec<Histories>)> {
    let files = match input {
        Input::Folder(dir) => files::read_dir(dir, sink, layer),
        Input::Texts(texts) => files::from_texts(texts, sink),
        #[cfg(feature = "json")]
        Input::Json { name, text } => {
            let (docs, histories) = json::documents(name, text, sink)?;
            let histories = histories.into_iter().map(Histories::Parsed);
            return Some((docs, histories.collect()));
        }
    };
    if !sink.is_empty() {
        return None;
    }
    let mut docs = Documents::default();
    let mut histories = Vec::new();
    for f in files {
        fn doc<T>(f: &InputFile) -> impl FnOnce(Vec<T>) -> Document<T> + '_ {
            |entries| Document {
                path: f.path.clone(),
                folder: f.role.folder().map(str::to_string),
                entries,
            }
        }
        match &f.role {
            Role::States => docs.states.extend(
                yaml::parse(&f, Part::States, "states", sink).map(doc(&f)),
            ),
            Role::Sources => docs.sources.extend(
                yaml::parse(&f, Part::Sources, "sources", sink).map(doc(&f)),
            ),
            Role::Organizations(_) => docs.organizations.extend(
                yaml::parse(&f, Part::Organizations, "organisations", sink)
                    .map(doc(&f)),
            ),
            Role::Summits(_) => docs.summits.extend(
                yaml::parse(&f, Part::Summits, "summits", sink).map(doc(&f)),
            ),
            Role::Chairs(_) => docs.chairs.extend(
                yaml::parse(&f, Part::Chairs, "chair terms", sink)
                    .map(doc(&f)),
            ),
            Role::Officials(_) => docs.officials.extend(
                yaml::parse(&f, Part::Officials, "office terms", sink)
                    .map(doc(&f)),
            ),
            Role::Claims(_) => docs.claims.extend(
                yaml::parse(&f, Part::Claims, "published counts", sink)
                    .map(doc(&f)),
            ),
            Role::Events(_) => docs.events.extend(
                yaml::parse(&f, Part::Events, "events", sink).map(doc(&f)),
            ),
            // Parsed later, file by file and in parallel, once the files
            // they refer to are known.
            Role::Statuses(_) => histories.push(Histories::Yaml(f)),
        }
    }
    Some((docs, histories))
}

/// Summits as the checks of other entries see them: a summit with a
/// problem of its own keeps its id but shows no days, so that nothing is
/// checked against days already reported as wrong.
struct Checked {
    summits: BTreeMap<String, Summit>,
}

/// Phase 4 for everything but the histories: sources, states,
/// organisations and summits (chairs, officials and events follow the
/// histories, which their rules need). For a layer, also the states as
/// they will be once it is merged with those `below`.
fn convert(
    docs: &Documents,
    (refs, opts, below): (&Refs, &LoadOptions, Option<&Dataset>),
    data: &mut Dataset,
    sink: &mut Sink,
) -> (Checked, Option<Vec<State>>) {
    for doc in &docs.sources {
        let mut cx = Cx::new(sink, &doc.path, Part::Sources);
        data.sources
            .extend(doc.entries.iter().map(|r| documents::source(&mut cx, r)));
    }
    let mut iso2s = BTreeSet::new();
    for doc in &docs.states {
        let mut cx = Cx::new(sink, &doc.path, Part::States);
        for r in &doc.entries {
            data.states.push(documents::state(&mut cx, refs, r, &mut iso2s));
        }
    }
    for doc in &docs.organizations {
        let mut cx = Cx::new(sink, &doc.path, Part::Organizations);
        if doc.entries.is_empty() {
            let d = crate::error::Diagnostic::new(
                crate::error::DiagnosticKind::MissingField,
                format!("`{}` defines no organisation", doc.path),
            );
            cx.at(&Located { value: (), line: 1, column: 1 }, d);
        }
        for r in &doc.entries {
            data.organizations
                .extend(documents::organization(&mut cx, refs, r, opts.today));
            for link in [&r.predecessor, &r.successor].into_iter().flatten() {
                refs.link(&mut cx, link, &r.id.value);
            }
        }
    }
    rules::names_apart(&docs.states, sink);
    let merged = match below {
        None => {
            life::codes_apart(&docs.states, &data.states, sink);
            None
        }
        Some(b) => {
            Some(layers::states(&docs.states, &data.states, &b.states, sink))
        }
    };
    let orgs = by_id(&data.organizations);
    lineage::links(&docs.organizations, &layers::linkable(&orgs, below), sink);
    let published: BTreeMap<&str, Option<crate::date::Date>> =
        data.sources.iter().map(|s| (s.id.as_str(), s.published)).collect();
    let mut summits = BTreeMap::new();
    let mut checked = BTreeMap::new();
    for doc in &docs.summits {
        let mut cx = Cx::new(sink, &doc.path, Part::Summits);
        for r in &doc.entries {
            cx.flagged = false;
            let Some(s) = documents::summit(
                &mut cx,
                refs,
                doc.folder.as_deref(),
                (&orgs, &published),
                r,
            ) else {
                continue;
            };
            let mut view = s.clone();
            if cx.flagged {
                (view.start, view.end, view.council) = (None, None, None);
            }
            checked.entry(s.id.to_string()).or_insert(view);
            summits.entry(s.id.to_string()).or_insert(s);
        }
    }
    data.summits = summits.into_values().collect();
    (Checked { summits: checked }, merged)
}

fn by_id(orgs: &[Organization]) -> BTreeMap<&str, &Organization> {
    orgs.iter().map(|o| (o.id.as_str(), o)).collect()
}

/// Phases 2, 4 and 5 for the status histories, file by file: parsed,
/// converted and checked as sequences; in parallel for large data sets,
/// so that each file's parsed form is dropped before the next is read.
fn check_histories(
    histories: Vec<Histories>,
    refs: &Refs,
    data: &Dataset,
    checked: &Checked,
    sink: &mut Sink,
) -> Vec<(Affiliation, HistoryAt)> {
    let orgs = by_id(&data.organizations);
    let one = |h: &Histories| -> (Sink, Vec<(Affiliation, HistoryAt)>) {
        let mut sink = Sink::default();
        let parsed;
        let doc = match h {
            Histories::Parsed(doc) => doc,
            Histories::Yaml(f) => {
                let what = "state status histories";
                let Some(entries) =
                    yaml::parse(f, Part::Histories, what, &mut sink)
                else {
                    return (sink, Vec::new());
                };
                parsed = Document {
                    path: f.path.clone(),
                    folder: f.role.folder().map(str::to_string),
                    entries,
                };
                &parsed
            }
        };
        let mut cx = Cx::new(&mut sink, &doc.path, Part::Histories);
        let mut out = Vec::with_capacity(doc.entries.len());
        for r in &doc.entries {
            let folder = doc.folder.as_deref();
            if let Some(a) = documents::history(
                &mut cx,
                refs,
                folder,
                &orgs,
                &checked.summits,
                r,
            ) {
                let state = Located {
                    value: (),
                    line: r.state.line,
                    column: r.state.column,
                };
                out.push((a, HistoryAt { path: doc.path.clone(), state }));
            }
        }
        (sink, out)
    };
    let bytes: usize = histories
        .iter()
        .map(|h| match h {
            Histories::Yaml(f) => f.text.len(),
            Histories::Parsed(_) => 0,
        })
        .sum();
    let threads = if bytes < PARALLEL_BYTES {
        1
    } else {
        std::thread::available_parallelism().map_or(1, |n| n.get())
    };
    let results: Vec<(Sink, Vec<_>)> = if threads <= 1 || histories.len() < 2 {
        histories.iter().map(one).collect()
    } else {
        let chunk = histories.len().div_ceil(threads);
        std::thread::scope(|scope| {
            let handles: Vec<_> = histories
                .chunks(chunk)
                .map(|part| {
                    let one = &one;
                    scope.spawn(move || {
                        part.iter().map(one).collect::<Vec<_>>()
                    })
                })
                .collect();
            handles
                .into_iter()
                .flat_map(|h| h.join().expect("a checking thread panicked"))
                .collect()
        })
    };
    let mut all = Vec::new();
    for (found, histories) in results {
        sink.merge(found);
        all.extend(histories);
    }
    all
}

/// Phases 4 and 5 for chairs, officials and events: converted, then
/// checked per organisation across all its files, against the histories
/// when those are sound (else every check would fail with them).
fn across_files(
    docs: &Documents,
    refs: &Refs,
    checked: &Checked,
    data: &mut Dataset,
    sink: &mut Sink,
) {
    // Membership by tier needs the histories and the vocabularies whole.
    let sound = sink.clean(Part::Histories)
        && sink.clean(Part::Organizations)
        && sink.read_whole(Part::States);
    let orgs = by_id(&data.organizations);
    let org = |id: &OrganizationId| orgs.get(id.as_str()).copied();
    let mut chairs: BTreeMap<String, Vec<(ChairTerm, ChairAt)>> =
        BTreeMap::new();
    for doc in &docs.chairs {
        let mut cx = Cx::new(sink, &doc.path, Part::Chairs);
        for r in &doc.entries {
            let Some(t) =
                documents::chair(&mut cx, refs, doc.folder.as_deref(), r)
            else {
                continue;
            };
            review::chair(&mut cx, org(&t.organization), &t, r);
            let at = ChairAt {
                path: doc.path.clone(),
                state: place(&r.state),
                start: place(&r.start),
                irregular: r.irregular.is_some(),
            };
            chairs
                .entry(t.organization.to_string())
                .or_default()
                .push((t, at));
        }
    }
    let mut offices: BTreeMap<String, Vec<(OfficeTerm, OfficeAt)>> =
        BTreeMap::new();
    for doc in &docs.officials {
        let mut cx = Cx::new(sink, &doc.path, Part::Officials);
        for r in &doc.entries {
            let Some(t) = documents::official(
                &mut cx,
                refs,
                (doc.folder.as_deref(), &orgs),
                &checked.summits,
                r,
            ) else {
                continue;
            };
            review::office(&mut cx, org(&t.organization), &t, r);
            let at = OfficeAt {
                path: doc.path.clone(),
                nationality: place(&r.nationality),
                start: place(&r.start),
            };
            offices
                .entry(t.organization.to_string())
                .or_default()
                .push((t, at));
        }
    }
    for doc in &docs.events {
        let mut cx = Cx::new(sink, &doc.path, Part::Events);
        for r in &doc.entries {
            let Some(e) =
                documents::event(&mut cx, refs, doc.folder.as_deref(), r)
            else {
                continue;
            };
            review::event(&mut cx, org(&e.organization), &e, r);
            data.events.push(e);
        }
    }
    let mut claims = Vec::new();
    for doc in &docs.claims {
        let mut cx = Cx::new(sink, &doc.path, Part::Claims);
        claims.extend(doc.entries.iter().filter_map(|r| {
            claims::claim(&mut cx, refs, doc.folder.as_deref(), &orgs, r)
        }));
    }
    data.claims = claims;
    let members = Membership::new(&data.organizations, &data.affiliations);
    let members = sound.then_some(&members);
    for terms in chairs.values_mut() {
        rules::chairs(terms, &checked.summits, members, sink);
    }
    for terms in offices.values_mut() {
        rules::offices(terms, &data.organizations, members, sink);
    }
    data.chairs = chairs.into_values().flatten().map(|(t, _)| t).collect();
    data.offices = offices.into_values().flatten().map(|(t, _)| t).collect();
}

fn place<T>(v: &Located<T>) -> Located<()> {
    Located { value: (), line: v.line, column: v.column }
}
