//! How a graph comes to be: the data compiled into the crate, a data
//! folder (or several, layered), in-memory files, or the node-link JSON.

use std::path::Path;

use super::{KnowledgeGraph, WRITTEN};
use crate::error::Error;
use crate::load::{self, LoadOptions};

// build.rs loads and validates data/ with this crate's own loader (the
// build fails, with located diagnostics, if the data is invalid) and
// stores the result compactly: starting needs no YAML.
static BUNDLED: &[u8] =
    include_bytes!(concat!(env!("OUT_DIR"), "/bundled.postcard"));

/// The bundled data set whole, sources included: the data that layers
/// are loaded over when no folder is given (every part decoded: only a
/// question with `--layer` needs it).
fn bundled_data() -> load::Dataset {
    let kg = KnowledgeGraph::bundled();
    let mut d = load::Dataset {
        states: kg.states().cloned().collect(),
        sources: kg.sources().cloned().collect(),
        organizations: kg.organizations().cloned().collect(),
        ..load::Dataset::default()
    };
    for o in &d.organizations {
        let id = o.id.as_str();
        for (state, transitions) in kg.affiliations_of(id) {
            d.affiliations.push(crate::model::Affiliation {
                organization: o.id.clone(),
                state: state.clone(),
                transitions: transitions.clone(),
                note: kg.history_note(id, state.as_str()).map(str::to_string),
            });
        }
        d.summits.extend(kg.summits(id).into_iter().cloned());
        d.chairs.extend(kg.chairs(id).into_iter().cloned());
        d.offices.extend(kg.officials(id).into_iter().cloned());
        d.events.extend(kg.events(id).into_iter().cloned());
        d.claims.extend(kg.claims(id).iter().cloned());
    }
    d
}

impl KnowledgeGraph {
    /// The data compiled into the crate (the `data/` folder of this
    /// repository).
    ///
    /// The bundled data is validated when the crate is built (an invalid
    /// data folder fails the build), so this cannot fail at run time.
    /// It decodes the organisations alone: a state when first asked for,
    /// an organisation's histories, summits, chairs, offices, events and
    /// counts when a question first needs them, the sources when one is
    /// first shown. Starting costs the same however many states and
    /// organisations the data holds.
    pub fn bundled() -> KnowledgeGraph {
        KnowledgeGraph::from_bundle(BUNDLED)
    }

    /// The graph of `bytes`, written by `crate::bundle::encode` (build.rs's
    /// bundle, or a synthetic one).
    pub(crate) fn from_bundle(bytes: &'static [u8]) -> KnowledgeGraph {
        KnowledgeGraph::from_opened(
            crate::bundle::decode(bytes).expect(WRITTEN),
        )
    }

    /// Loads and validates the data folder `dir` (see the README for its
    /// layout).
    ///
    /// # Errors
    ///
    /// Every problem found in the folder, each with its file, line and
    /// column: unreadable files, YAML syntax, unknown fields, unknown
    /// state, organisation or source ids, impossible dates, transitions out
    /// of order, duplicate ids and keys, facts without a source. Nothing is
    /// half-loaded: either the whole folder is valid or an error is
    /// returned.
    ///
    /// # Example
    ///
    /// ```
    /// use igo_graph::KnowledgeGraph;
    ///
    /// let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/data");
    /// let kg = KnowledgeGraph::load(dir)?;
    /// assert!(kg.state("PAK").is_some());
    ///
    /// let err = KnowledgeGraph::load("/no/such/folder").unwrap_err();
    /// assert!(err.to_string().contains("cannot read data folder"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn load(dir: impl AsRef<Path>) -> Result<KnowledgeGraph, Error> {
        KnowledgeGraph::load_with(dir, &LoadOptions::new())
    }

    /// Loads and validates the data folder `dir` as
    /// [`load`](KnowledgeGraph::load) does, with what the caller knows:
    /// given today, a review day (`reviewed:`) after it is an error (the
    /// library never reads the clock; `igo` passes the system's today).
    ///
    /// # Errors
    ///
    /// Those of [`load`](KnowledgeGraph::load), and a review day after
    /// `opts`' today.
    ///
    /// # Example
    ///
    /// ```
    /// use igo_graph::{KnowledgeGraph, LoadOptions};
    ///
    /// let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/data");
    /// let opts = LoadOptions::new().today("2026-01-01".parse()?);
    /// let err = KnowledgeGraph::load_with(dir, &opts).unwrap_err();
    /// assert!(err.to_string().contains("after today (2026-01-01)"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn load_with(
        dir: impl AsRef<Path>,
        opts: &LoadOptions,
    ) -> Result<KnowledgeGraph, Error> {
        let data = load::load(load::Input::Folder(dir.as_ref()), opts)?;
        Ok(KnowledgeGraph::build(data))
    }

    /// Loads several data folders as one: the first on its own, each
    /// later one (a layer) checked together with the folders below it. A
    /// layer may cite their states and sources, and name their
    /// organisations as predecessor or successor; its states,
    /// organisations and sources take the place of those below that
    /// describe the same (a state by id, or by COW code on the same days;
    /// an organisation by id or COW column: COW's `EAEC` and our
    /// `EURASEC`; a source by id). Returns the graph and one note per
    /// replacement that changes anything, saying what differs.
    ///
    /// # Errors
    ///
    /// Any folder's problems, as [`KnowledgeGraph::load`] reports them,
    /// the first folder's alone, a layer's with the folders below it;
    /// among them a layer's state that would take the place of a state
    /// below of another id and change its name or life (unless the layer
    /// gives the entry the state's id), or two states that hold one code
    /// on one day.
    ///
    /// # Example
    ///
    /// ```no_run
    /// use igo_graph::KnowledgeGraph;
    ///
    /// // COW's organisations, then ours over them.
    /// let (kg, notes) = KnowledgeGraph::load_layers(&["cow", "data"])?;
    /// assert!(kg.organization("EURASEC").is_some());
    /// assert!(kg.organization("EAEC").is_none());
    /// assert!(notes.iter().any(|n| n.contains("EAEC")));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn load_layers(
        dirs: &[impl AsRef<Path>],
    ) -> Result<(KnowledgeGraph, Vec<String>), Error> {
        KnowledgeGraph::load_layers_with(dirs, &LoadOptions::new())
    }

    /// Loads several data folders as one, as
    /// [`load_layers`](KnowledgeGraph::load_layers) does, each folder
    /// checked with `opts` (see [`load_with`](KnowledgeGraph::load_with)).
    ///
    /// # Errors
    ///
    /// Those of [`load_layers`](KnowledgeGraph::load_layers), and of
    /// [`load_with`](KnowledgeGraph::load_with).
    pub fn load_layers_with(
        dirs: &[impl AsRef<Path>],
        opts: &LoadOptions,
    ) -> Result<(KnowledgeGraph, Vec<String>), Error> {
        let Some((first, layers)) = dirs.split_first() else {
            return Ok((
                KnowledgeGraph::build(load::Dataset::default()),
                Vec::new(),
            ));
        };
        let first = load::load(load::Input::Folder(first.as_ref()), opts)?;
        let (data, notes) = load::layers::over(first, layers, opts)?;
        Ok((KnowledgeGraph::build(data), notes))
    }

    /// Loads data folders as layers over the bundled data, as
    /// [`load_layers_with`](KnowledgeGraph::load_layers_with) loads them
    /// over its first folder: a layer may cite the bundled states and
    /// sources, and name a bundled organisation as its predecessor or
    /// successor. Returns the graph and one note per replacement that
    /// changes anything.
    ///
    /// # Errors
    ///
    /// Those of [`load_layers_with`](KnowledgeGraph::load_layers_with).
    ///
    /// # Example
    ///
    /// ```
    /// use igo_graph::{KnowledgeGraph, LoadOptions};
    ///
    /// // An organisation the bundled data does not hold, in a folder of
    /// // its own that cites the bundled states.
    /// let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/examples/union-state");
    /// let opts = LoadOptions::new();
    /// let (kg, notes) = KnowledgeGraph::bundled_with_layers(&[dir], &opts)?;
    /// assert!(kg.organization("UNIONSTATE").is_some());
    /// assert!(kg.organization("SCO").is_some());
    /// assert!(notes.is_empty());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn bundled_with_layers(
        dirs: &[impl AsRef<Path>],
        opts: &LoadOptions,
    ) -> Result<(KnowledgeGraph, Vec<String>), Error> {
        let (data, notes) = load::layers::over(bundled_data(), dirs, opts)?;
        Ok((KnowledgeGraph::build(data), notes))
    }

    /// Loads a data set from in-memory files, each named by its path inside
    /// a data folder (`states.yaml`, `sources.yaml`, `sco/organization.yaml`
    /// ...). Diagnostics name these paths.
    ///
    /// # Errors
    ///
    /// The same as [`KnowledgeGraph::load`], plus a path that is not a data
    /// file.
    ///
    /// # Example
    ///
    /// ```
    /// use igo_graph::KnowledgeGraph;
    ///
    /// let err = KnowledgeGraph::from_texts([
    ///     ("states.yaml", "[]"),
    ///     ("sources.yaml", "- id: s\n  title: t\n  url: ftp://x\n"),
    ///     ("org/organization.yaml", "[]"),
    /// ])
    /// .unwrap_err();
    /// assert!(err.to_string().contains("sources.yaml:3:8: error[invalid-value]"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn from_texts<I, P, T>(files: I) -> Result<KnowledgeGraph, Error>
    where
        I: IntoIterator<Item = (P, T)>,
        P: Into<String>,
        T: Into<String>,
    {
        let texts =
            files.into_iter().map(|(p, t)| (p.into(), t.into())).collect();
        let data = load::load(load::Input::Texts(texts), &LoadOptions::new())?;
        Ok(KnowledgeGraph::build(data))
    }

    /// Reads the JSON written by [`export::json`](crate::export::json)
    /// for the whole graph (no day) back into a graph, through the same
    /// checks as a data folder.
    ///
    /// # Errors
    ///
    /// The text is not that JSON (with line and column), or the data in it
    /// breaks a rule of the data format (each diagnostic names the JSON,
    /// as `<json>`, and the node).
    ///
    /// # Example
    ///
    /// ```
    /// use igo_graph::KnowledgeGraph;
    /// use igo_graph::export::{Options, json};
    ///
    /// let kg = KnowledgeGraph::bundled();
    /// let mut out = Vec::new();
    /// json::write(&kg, &Options::new("SCO"), &mut out)?;
    /// let back = KnowledgeGraph::from_json(std::str::from_utf8(&out)?)?;
    /// assert!(back == kg);
    ///
    /// let err = KnowledgeGraph::from_json("{\"nodes\": 1}").unwrap_err();
    /// assert!(err.to_string().starts_with("<json>: error[syntax]"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[cfg(feature = "json")]
    pub fn from_json(text: &str) -> Result<KnowledgeGraph, Error> {
        let input = load::Input::Json { name: "<json>", text };
        Ok(KnowledgeGraph::build(load::load(input, &LoadOptions::new())?))
    }
}
