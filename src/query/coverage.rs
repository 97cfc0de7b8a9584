//! Whether an answer rests on a complete list of an organisation's
//! states: an organisation declares its `coverage` (complete, complete
//! from a day, or partial and why), and an answer about a day where the
//! list is partial carries a caveat that says so, as an answer after the
//! review day does (see [`KnowledgeGraph::caveat`]).

use crate::date::Date;
use crate::error::Error;
use crate::graph::KnowledgeGraph;
use crate::model::Organization;

/// The caveat of an answer about `org` on `day` (on any day of its life
/// when `None`), or `None` when its list is complete there.
pub(crate) fn caveat_of(
    org: &Organization,
    day: Option<Date>,
) -> Option<String> {
    let c = &org.coverage;
    let partial = match day {
        Some(d) => c.partial_on(d),
        None => c.partial_anywhere(),
    };
    if !partial {
        return None;
    }
    let why = c.why.as_ref().map_or(String::new(), |w| format!(" ({w})"));
    let id = &org.id;
    Some(match c.from {
        Some(from) if c.complete => format!(
            "the data lists all of {id}'s states only from {from}{why}: \
             before then a state it does not name may still have held a \
             status"
        ),
        _ => format!(
            "the data lists only part of {id}'s states{why}: a state it \
             does not name may still have held a status"
        ),
    })
}

impl KnowledgeGraph {
    /// Why an answer about `organization` on `date` may miss states: its
    /// list of states is partial on that day (the data says why); `None`
    /// when the list is complete there. The bundled organisations'
    /// lists are complete.
    ///
    /// # Errors
    ///
    /// An unknown organisation.
    ///
    /// # Example
    ///
    /// ```
    /// use igo_graph::KnowledgeGraph;
    ///
    /// let kg = KnowledgeGraph::bundled();
    /// assert!(kg.coverage_caveat("SCO", "2024-02-22".parse()?)?.is_none());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn coverage_caveat(
        &self,
        organization: &str,
        date: Date,
    ) -> Result<Option<String>, Error> {
        let org = self.resolve_organization(organization)?;
        Ok(caveat_of(org, Some(date)))
    }

    /// The caveats of every organisation whose list of states is partial
    /// on `date`, by organisation id: what an answer across
    /// organisations (`memberships`) carries.
    pub fn coverage_caveats(&self, date: Date) -> Vec<String> {
        self.organizations()
            .filter(|o| o.may_exist_on(date))
            .filter_map(|o| caveat_of(o, Some(date)))
            .collect()
    }
}
