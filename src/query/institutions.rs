//! Who held an office on a day: the rotating chair and the
//! Secretary-General.

use serde::Serialize;

use super::need_day;
use crate::date::Date;
use crate::error::Error;
use crate::graph::KnowledgeGraph;
use crate::model::{ChairTerm, Office, OfficeTerm};

/// Who held a term on a day, and whether that is certain (a term starting
/// in a month or year makes the days of that month or year uncertain).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Holding<'a, T> {
    /// The term.
    pub term: &'a T,
    /// False when the day falls inside an imprecise start date.
    pub certain: bool,
}

/// The holder of a sequence of terms (each ending where the next begins)
/// on `day`.
fn holding<'a, T>(
    terms: impl Iterator<Item = &'a T>,
    start: impl Fn(&T) -> Date,
    day: Date,
) -> Option<Holding<'a, T>> {
    let mut found = None;
    for t in terms {
        let s = start(t);
        if s.first_day() <= day {
            found = Some(Holding { term: t, certain: s.last_day() <= day });
        }
    }
    found
}

impl KnowledgeGraph {
    /// The chair of `organization` on `date`, if the data has one. The day
    /// the chair passes belongs to the incoming chair.
    ///
    /// # Errors
    ///
    /// An unknown organisation, or a `date` that is not a day.
    ///
    /// # Example
    ///
    /// ```
    /// use igo_graph::KnowledgeGraph;
    ///
    /// let kg = KnowledgeGraph::bundled();
    /// let chair = kg.chair_at("SCO", "2024-02-22".parse()?)?.unwrap();
    /// assert_eq!(chair.term.state, "KAZ");
    /// let ends = kg.summit(chair.term.ended_by.as_ref().unwrap().as_str()).unwrap();
    /// assert_eq!(ends.city, "Astana");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn chair_at(
        &self,
        organization: &str,
        date: Date,
    ) -> Result<Option<Holding<'_, ChairTerm>>, Error> {
        let org = self.resolve_organization(organization)?;
        need_day(date)?;
        if !org.existed_on(date) {
            return Ok(None);
        }
        Ok(holding(
            self.chairs(org.id.as_str()).into_iter(),
            |t| t.start,
            date,
        ))
    }

    /// The Secretary-General of `organization` on `date`, if the data has
    /// one.
    ///
    /// # Errors
    ///
    /// An unknown organisation, or a `date` that is not a day.
    ///
    /// # Example
    ///
    /// ```
    /// use igo_graph::KnowledgeGraph;
    ///
    /// let kg = KnowledgeGraph::bundled();
    /// let sg = kg.secretary_general_at("SCO", "2024-02-22".parse()?)?.unwrap();
    /// assert_eq!(sg.term.name, "Zhang Ming");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn secretary_general_at(
        &self,
        organization: &str,
        date: Date,
    ) -> Result<Option<Holding<'_, OfficeTerm>>, Error> {
        let org = self.resolve_organization(organization)?;
        need_day(date)?;
        if !org.existed_on(date) {
            return Ok(None);
        }
        Ok(holding(
            self.officials(org.id.as_str())
                .into_iter()
                .filter(|t| t.office == Office::SecretaryGeneral),
            |t| t.start,
            date,
        ))
    }
}
