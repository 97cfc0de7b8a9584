//! How a graph comes to be: the data compiled into the crate, a data
//! folder (or several, layered), in-memory files, or the node-link JSON.

use std::path::Path;

use super::{KnowledgeGraph, WRITTEN};
use crate::error::Error;
use crate::load::{self, LoadOptions};

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
        // build.rs loads and validates data/ with this crate's own loader
        // (the build fails, with located diagnostics, if the data is
        // invalid) and stores the result compactly: starting needs no YAML.
        static BUNDLED: &[u8] =
            include_bytes!(concat!(env!("OUT_DIR"), "/bundled.postcard"));
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

    /// Loads several data folders as one, each validated on its own, a
    /// later folder's states, organisations and sources taking the place
    /// of an earlier one's where both describe the same (a state by id or
    /// COW code, an organisation by id or COW column: COW's `EAEC` and our
    /// `EURASEC`). Returns the graph and one note per organisation left
    /// out for a later folder's.
    ///
    /// # Errors
    ///
    /// Any folder's problems, as [`KnowledgeGraph::load`] reports them.
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
    /// Any folder's problems, as
    /// [`load_with`](KnowledgeGraph::load_with) reports them.
    pub fn load_layers_with(
        dirs: &[impl AsRef<Path>],
        opts: &LoadOptions,
    ) -> Result<(KnowledgeGraph, Vec<String>), Error> {
        let mut layers = Vec::new();
        for dir in dirs {
            layers.push(load::load(load::Input::Folder(dir.as_ref()), opts)?);
        }
        let (data, notes) = load::layers::merge(layers);
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
