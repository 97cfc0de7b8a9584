//! Who held an office on a day: the rotating chair, and each office the
//! organisation declares (the Secretary-General ...).

use serde::Serialize;

use super::need_day;
use crate::date::Date;
use crate::error::Error;
use crate::graph::KnowledgeGraph;
use crate::model::{
    ChairTerm, OfficeId, OfficeTerm, PersonId, SECRETARY_GENERAL, StateId,
};

/// The holder of one office on a day: an entry of a snapshot's
/// `offices`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct OfficeHolder {
    /// The office's id (`secretary_general`).
    pub id: OfficeId,
    /// Its title, in the organisation's words (`Secretary-General`).
    pub label: String,
    /// The holder's id.
    pub person: PersonId,
    /// The holder's name.
    pub name: String,
    /// The holder's nationality.
    pub nationality: StateId,
    /// The first day of the term.
    pub since: Date,
    /// False when the day falls inside the imprecise start of the term.
    pub certain: bool,
}

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
///
/// Each term starts after the one before it and before the one after it,
/// so an imprecise start is narrowed by its neighbours: a term that
/// started in `2018`, after one that started on 2018-03-01, cannot have
/// started before 2018-03-02, and on the days before that the earlier
/// holder holds for certain.
fn holding<'a, T>(
    terms: impl Iterator<Item = &'a T>,
    start: impl Fn(&T) -> Date,
    day: Date,
) -> Option<Holding<'a, T>> {
    let terms: Vec<&T> = terms.collect();
    // The first and last day each term can have started on.
    let mut bounds: Vec<(Date, Date)> = terms
        .iter()
        .map(|t| (start(t).first_day(), start(t).last_day()))
        .collect();
    for i in 1..bounds.len() {
        let after = bounds[i - 1].0.next_day();
        if let Some(a) = after.filter(|a| *a > bounds[i].0) {
            bounds[i].0 = a.min(bounds[i].1);
        }
    }
    for i in (0..bounds.len().saturating_sub(1)).rev() {
        let before = bounds[i + 1].1.previous_day();
        if let Some(b) = before.filter(|b| *b < bounds[i].1) {
            bounds[i].1 = b.max(bounds[i].0);
        }
    }
    let i = bounds.iter().rposition(|(first, _)| *first <= day)?;
    Some(Holding { term: terms[i], certain: bounds[i].1 <= day })
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
        self.office_at(organization, SECRETARY_GENERAL, date)
    }

    /// The holder of the office `office` (an id the organisation
    /// declares) of `organization` on `date`, if the data has one.
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
    /// let sg = kg.office_at("SCO", "secretary_general", "2024-02-22".parse()?)?;
    /// assert_eq!(sg.unwrap().term.name, "Zhang Ming");
    /// assert!(kg.office_at("SCO", "director_general", "2024-02-22".parse()?)?.is_none());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn office_at(
        &self,
        organization: &str,
        office: &str,
        date: Date,
    ) -> Result<Option<Holding<'_, OfficeTerm>>, Error> {
        let org = self.resolve_organization(organization)?;
        need_day(date)?;
        if !org.existed_on(date) {
            return Ok(None);
        }
        let held = holding(
            self.officials(org.id.as_str())
                .into_iter()
                .filter(|t| t.office == office),
            |t| t.start,
            date,
        );
        // An office that ceased has no holder after (its last term ends
        // with it; no term starts later, the loader checks).
        let ceased = org.office(office).and_then(|o| o.until);
        Ok(held.and_then(|h| match ceased {
            Some(e) if date >= e.last_day() => None,
            Some(e) if date >= e.first_day() => {
                Some(Holding { certain: false, ..h })
            }
            _ => Some(h),
        }))
    }

    /// The holder of each office of `organization` on `date`, in the
    /// order the organisation declares its offices (an office without a
    /// holder that day is left out).
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
    /// let held = kg.offices_at("SCO", "2024-02-22".parse()?)?;
    /// assert_eq!(held.len(), 1);
    /// assert_eq!((held[0].label.as_str(), held[0].name.as_str()),
    ///            ("Secretary-General", "Zhang Ming"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn offices_at(
        &self,
        organization: &str,
        date: Date,
    ) -> Result<Vec<OfficeHolder>, Error> {
        let org = self.resolve_organization(organization)?;
        let mut out = Vec::new();
        for office in &org.offices {
            let id = office.id.as_str();
            if let Some(h) = self.office_at(org.id.as_str(), id, date)? {
                out.push(OfficeHolder {
                    id: office.id.clone(),
                    label: office.label.clone(),
                    person: h.term.person.clone(),
                    name: h.term.name.clone(),
                    nationality: h.term.nationality.clone(),
                    since: h.term.start,
                    certain: h.certain,
                });
            }
        }
        Ok(out)
    }
}
