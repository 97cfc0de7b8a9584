//! What an organisation declares about itself beside its statuses: its
//! offices, the names of its summit body and of its chair, and whether
//! its list of states is complete.

use std::fmt;
use std::sync::Arc;

use serde::{Deserialize, Serialize};

use super::Organization;
use crate::date::Date;

id_type!(
    /// An office's identifier, as its organisation declares it, e.g.
    /// `secretary_general`.
    OfficeId
);

/// The office an organisation has when it declares none.
pub const SECRETARY_GENERAL: &str = "secretary_general";

/// An office an organisation declares: what its terms in
/// `officials.yaml` name, and how people read it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Office {
    /// Identifier (`secretary_general`, `chairperson_commission`).
    pub id: OfficeId,
    /// The title, as a heading or a line shows it (`Secretary-General`).
    pub label: String,
    /// The title of several holders (`Secretaries-General`).
    pub plural: String,
    /// Whether each holder is a national of a member state on the first
    /// day of the term (checked against the histories when the data is
    /// loaded). True unless the organisation says otherwise.
    pub from_members: bool,
    /// The day the office ceased, replaced by another (ECOWAS's Executive
    /// Secretary by the President of the Commission): its last holder's
    /// term ends then. `None` for an office that still exists.
    pub until: Option<Date>,
}

impl Office {
    /// The office of an organisation that declares none: the
    /// Secretary-General, a national of a member state.
    pub fn secretary_general() -> Office {
        Office {
            id: OfficeId::new(SECRETARY_GENERAL),
            label: "Secretary-General".to_string(),
            plural: "Secretaries-General".to_string(),
            from_members: true,
            until: None,
        }
    }
}

/// Whether an organisation's list of states is complete: complete (from
/// its founding, or from a day on), or partial, with the reason. An
/// answer computed from a partial list says so.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Coverage {
    /// Whether the list is complete (from `from`, when given).
    pub complete: bool,
    /// The first day of a complete list: before it, the list is partial.
    pub from: Option<Date>,
    /// Why the list is partial (always, or before `from`).
    pub why: Option<String>,
}

impl Default for Coverage {
    /// Complete from the founding: what an organisation that says
    /// nothing has.
    fn default() -> Coverage {
        Coverage { complete: true, from: None, why: None }
    }
}

impl Coverage {
    /// Whether the list may miss states on `day`: always when partial;
    /// before `from` when complete from a day (a day inside an imprecise
    /// `from`, `1995`, is before it: the list is certainly complete only
    /// from its last day).
    pub fn partial_on(&self, day: Date) -> bool {
        !self.complete || self.from.is_some_and(|f| day < f.last_day())
    }

    /// Whether the list may miss states on some day.
    pub fn partial_anywhere(&self) -> bool {
        !self.complete || self.from.is_some()
    }
}

/// `word` in the plural, by the rules of English spelling that titles
/// follow (`chair` → `chairs`, `presidency` → `presidencies`); a title
/// that does not (`Secretary-General`) is given its plural in the data.
pub(crate) fn plural(word: &str) -> String {
    let lower = word.to_ascii_lowercase();
    let before_y = lower.strip_suffix('y').and_then(|w| w.chars().last());
    match before_y {
        Some(c) if !"aeiou".contains(c) => {
            format!("{}ies", &word[..word.len() - 1])
        }
        _ if ["s", "x", "z", "ch", "sh"]
            .iter()
            .any(|e| lower.ends_with(e)) =>
        {
            format!("{word}es")
        }
        _ => format!("{word}s"),
    }
}

/// What outputs call the summit body and the chair of an organisation
/// that names neither.
const SUMMITS: &str = "summits";
const CHAIR: &str = "chair";

impl Organization {
    /// Its office of id `id`, if it declares one.
    pub fn office(&self, id: &str) -> Option<&Office> {
        self.offices.iter().find(|o| o.id == id)
    }

    /// A meeting of its summit body in running text: `a meeting of the
    /// Collective Security Council`, or `a summit` when it names none.
    pub fn summit_meeting(&self) -> String {
        match &self.summit_body {
            Some(body) => format!("a meeting of the {body}"),
            None => "a summit".to_string(),
        }
    }

    /// The meetings of its summit body, as a legend names them:
    /// `Council of Heads of State meetings`, or `summits`.
    pub fn summit_meetings(&self) -> String {
        match &self.summit_body {
            Some(body) => format!("{body} meetings"),
            None => SUMMITS.to_string(),
        }
    }

    /// One meeting of its summit body as running text shortens it, with
    /// its article: the words before ` of ` (`a Council meeting` for the
    /// `Council of Heads of State`, `an Assembly meeting`), else the whole
    /// name; `a summit` when it names none.
    pub fn summit_meeting_short(&self) -> String {
        let Some(body) = &self.summit_body else {
            return "a summit".to_string();
        };
        let short = body.split(" of ").next().unwrap_or(body);
        let vowel = short
            .starts_with(['A', 'E', 'I', 'O', 'U', 'a', 'e', 'i', 'o', 'u']);
        format!("{} {short} meeting", if vowel { "an" } else { "a" })
    }

    /// What it calls its chair (`chair`, `chairmanship`, `presidency`),
    /// written as it reads inside a sentence; `chair` when it names none.
    pub fn chair_word(&self) -> &str {
        self.chair_title.as_deref().unwrap_or(CHAIR)
    }

    /// The plural of [`chair_word`](Organization::chair_word)
    /// (`chairs`, `presidencies`).
    pub fn chair_plural(&self) -> String {
        plural(self.chair_word())
    }
}

#[cfg(test)]
mod tests {
    use super::{Coverage, plural};
    use crate::model::Organization;

    fn named(body: Option<&str>, chair: Option<&str>) -> Organization {
        Organization {
            id: crate::model::OrganizationId::new("ORG"),
            name: "Test".into(),
            short_name: "T".into(),
            other_names: Vec::new(),
            founded: "2001".parse().unwrap(),
            dissolved: None,
            headquarters: None,
            wikidata: None,
            predecessor: None,
            successor: None,
            cow_column: None,
            cow_earlier: Vec::new(),
            cow_ionum: None,
            sources: Vec::new(),
            note: None,
            statuses: Vec::new(),
            reviewed: None,
            names: Vec::new(),
            offices: Vec::new(),
            coverage: Coverage::default(),
            summit_body: body.map(str::to_string),
            chair_title: chair.map(str::to_string),
            organization_members: Vec::new(),
        }
    }

    #[test]
    fn a_summit_body_and_a_chair_read_in_running_text() {
        let sco = named(Some("Council of Heads of State"), Some("chair"));
        assert_eq!(sco.summit_meeting_short(), "a Council meeting");
        assert_eq!(
            sco.summit_meeting(),
            "a meeting of the Council of Heads of State"
        );
        assert_eq!(
            sco.summit_meetings(),
            "Council of Heads of State meetings"
        );
        assert_eq!(sco.chair_plural(), "chairs");
        let au = named(Some("Assembly of the Union"), Some("presidency"));
        assert_eq!(au.summit_meeting_short(), "an Assembly meeting");
        assert_eq!(au.chair_plural(), "presidencies");
        let csto = named(Some("Collective Security Council"), None);
        assert_eq!(
            csto.summit_meeting_short(),
            "a Collective Security Council meeting"
        );
        assert_eq!(csto.chair_word(), "chair");
        let plain = named(None, None);
        assert_eq!(plain.summit_meeting_short(), "a summit");
        assert_eq!(plain.summit_meetings(), "summits");
    }

    #[test]
    fn titles_take_english_plurals() {
        assert_eq!(plural("chair"), "chairs");
        assert_eq!(plural("presidency"), "presidencies");
        assert_eq!(plural("chairmanship"), "chairmanships");
        assert_eq!(plural("Director-General"), "Director-Generals");
        assert_eq!(plural("day"), "days");
        assert_eq!(plural("Executive Secretary"), "Executive Secretaries");
        assert_eq!(plural("Boss"), "Bosses");
    }

    #[test]
    fn a_list_complete_from_a_year_is_partial_until_its_last_day() {
        let c = Coverage {
            complete: true,
            from: Some("1995".parse().unwrap()),
            why: None,
        };
        assert!(c.partial_on("1994-12-31".parse().unwrap()));
        assert!(c.partial_on("1995-06-01".parse().unwrap()));
        assert!(!c.partial_on("1995-12-31".parse().unwrap()));
        assert!(c.partial_anywhere());
        let whole = Coverage::default();
        assert!(!whole.partial_on("1900-01-01".parse().unwrap()));
        assert!(!whole.partial_anywhere());
        let partial = Coverage { complete: false, ..Coverage::default() };
        assert!(partial.partial_on("2020-01-01".parse().unwrap()));
    }
}
