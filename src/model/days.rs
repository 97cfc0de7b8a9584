//! The days a transition may fall on: the date kept, and the other days
//! some sources give for it.
//!
//! Where sources disagree on a day (Georgia left the CIS on 17, 18 or 19
//! August 2009, as the source is read), the data keeps the best-supported
//! day and records each other one as an [`Alternative`] with its sources.
//! The days between the earliest and the latest reading form the
//! transition's [`Window`] under a basis; the one rule answers a day
//! inside it as uncertain, as it does a day inside an imprecise date.

use std::sync::Arc;

use serde::{Deserialize, Serialize};

use super::{Basis, Boundary, SourceId, Transition};
use crate::date::Date;

/// Another day some sources give for a transition than the one kept.
///
/// A date it does not give is the kept one's: an alternative that names
/// only `effective` leaves the decision day as kept. Its fields are in
/// the order the node-link JSON writes them.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Alternative {
    /// The decision day these sources give, if other than the kept one.
    pub decided: Option<Date>,
    /// The effective day these sources give, if other than the kept one.
    pub effective: Option<Date>,
    /// How they say it, in the editors' words.
    pub note: Option<Arc<str>>,
    /// The sources that give it.
    pub sources: Arc<[SourceId]>,
}

/// The first and last day a boundary may fall on under a basis: the
/// range of an imprecise date, widened to the other days its sources
/// give.
#[derive(
    Clone,
    Copy,
    Debug,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    Serialize,
    Deserialize,
)]
pub struct Window {
    /// The earliest day.
    pub first: Date,
    /// The latest day.
    pub last: Date,
}

/// Whether a boundary's windows are its dates' own (for serde).
pub(super) fn agree(windows: &[Option<Window>; 2]) -> bool {
    windows.iter().all(Option::is_none)
}

/// Whether a list of sources is empty (for serde).
pub(super) fn none(sources: &Arc<[SourceId]>) -> bool {
    sources.is_empty()
}

impl Window {
    /// The days a date stands for: one day, or a month's or a year's.
    pub fn of(date: Date) -> Window {
        Window { first: date.first_day(), last: date.last_day() }
    }

    /// The smallest window holding both.
    pub fn join(self, other: Window) -> Window {
        Window {
            first: self.first.min(other.first),
            last: self.last.max(other.last),
        }
    }
}

impl Alternative {
    /// The day these sources give under `basis`, the kept transition's
    /// where they give none.
    pub fn start(&self, kept: &Transition, basis: Basis) -> Option<Date> {
        match basis {
            Basis::Effective => self.effective.or(kept.effective),
            Basis::Decided => self
                .decided
                .or(kept.decided)
                .or(self.effective)
                .or(kept.effective),
        }
    }
}

impl Transition {
    /// The days the transition may start on under `basis`: its date's
    /// own range, joined with every alternative's. `None` when it has not
    /// taken effect.
    ///
    /// # Example
    ///
    /// ```
    /// use igo_graph::{Basis, KnowledgeGraph};
    ///
    /// // Georgia left the CIS on 18 August 2009, or the 17th, or the 19th,
    /// // as the sources are read.
    /// let kg = KnowledgeGraph::bundled();
    /// let exit = kg.transitions("CIS", "GEO").last().unwrap();
    /// assert_eq!(exit.effective.unwrap().to_string(), "2009-08-18");
    /// let w = exit.window(Basis::Effective).unwrap();
    /// assert_eq!(w.first.to_string(), "2009-08-17");
    /// assert_eq!(w.last.to_string(), "2009-08-19");
    /// let on = |d: &str| kg.standing("CIS", "GEO", d.parse()?, Basis::Effective);
    /// assert!(!on("2009-08-18")?.is_certain());
    /// assert!(on("2009-08-19")?.is_certain());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn window(&self, basis: Basis) -> Option<Window> {
        let kept = Window::of(self.start(basis)?);
        Some(
            self.alternatives
                .iter()
                .filter_map(|a| a.start(self, basis))
                .fold(kept, |w, d| w.join(Window::of(d))),
        )
    }

    /// Whether sources give other days than the kept ones.
    pub fn has_alternatives(&self) -> bool {
        !self.alternatives.is_empty()
    }

    /// The sources of its alternatives, each once, in order.
    pub fn other_sources(&self) -> Vec<SourceId> {
        let mut out: Vec<SourceId> = Vec::new();
        for s in self.alternatives.iter().flat_map(|a| a.sources.iter()) {
            if !out.contains(s) {
                out.push(s.clone());
            }
        }
        out
    }

    /// The transition's dates as a span's boundary.
    pub fn boundary(&self) -> Boundary {
        let wide = |basis| {
            let w = self.window(basis)?;
            let own = Window::of(self.start(basis)?);
            (w != own).then_some(w)
        };
        Boundary {
            decided: self.decided,
            effective: self.effective,
            windows: match self.has_alternatives() {
                true => [wide(Basis::Effective), wide(Basis::Decided)],
                false => [None, None],
            },
        }
    }
}

impl Boundary {
    /// The days the boundary may fall on under `basis` (see
    /// [`Transition::window`]).
    pub fn window(&self, basis: Basis) -> Option<Window> {
        let own = Window::of(self.at(basis)?);
        Some(match basis {
            Basis::Effective => self.windows[0].unwrap_or(own),
            Basis::Decided => self.windows[1].unwrap_or(own),
        })
    }
}
