//! Every way a researcher names a state, resolved in one place: ISO
//! 3166-1 alpha-3 and alpha-2, the Correlates of War number and letters,
//! Gleditsch and Ward's number and letters, English names, official
//! names, aliases and earlier names. The CLI and the explorer ask this.

use super::KnowledgeGraph;
use crate::error::{Diagnostic, DiagnosticKind, Error};
use crate::model::{State, StateList};

/// Which list a number or letters are read in: `COW:365`, `GW:260`, or
/// either (COW first).
#[derive(Clone, Copy, PartialEq, Eq)]
enum Lists {
    Cow,
    Gw,
    Both,
}

impl KnowledgeGraph {
    /// Finds a state by any name a researcher gives it, in any case:
    /// its id or ISO 3166-1 alpha-2 code (`IND`, `in`), its Correlates
    /// of War number or letters (`750`, `UKG`), its Gleditsch and Ward
    /// number or letters (prefixed `GW:` where they differ from COW's:
    /// `GW:260`), its English, official, other or earlier name (`India`,
    /// `Türkiye`, `Turkey`, `Burma`). A number that passed from one state
    /// to another (COW's 365: the USSR, then Russia) names the state that
    /// holds it today, or held it last.
    ///
    /// # Errors
    ///
    /// When nothing matches; the message suggests the nearest code or
    /// name (codes first).
    ///
    /// # Example
    ///
    /// ```
    /// use igo_graph::KnowledgeGraph;
    ///
    /// let kg = KnowledgeGraph::bundled();
    /// assert_eq!(kg.resolve_state("in")?.id, "IND");
    /// assert_eq!(kg.resolve_state("Türkiye")?.id, "TUR");
    /// assert_eq!(kg.resolve_state("750")?.id, "IND");
    /// assert_eq!(kg.resolve_state("KZK")?.id, "KAZ");
    /// let err = kg.resolve_state("Indai").unwrap_err();
    /// assert!(err.to_string().contains("did you mean `India`?"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn resolve_state(&self, query: &str) -> Result<&State, Error> {
        if let Some(s) = self.state(query) {
            return Ok(s);
        }
        let q = query.trim();
        if let Some(s) = self.by_code(q) {
            return Ok(s);
        }
        let lower = q.to_lowercase();
        if let Some(s) = self
            .states()
            .find(|s| s.all_names().any(|n| n.to_lowercase() == lower))
        {
            return Ok(s);
        }
        if let Some(c) = crate::countries::find(query) {
            return Err(Error::msg(
                DiagnosticKind::Query,
                format!(
                    "`{query}`: {} ({}, {}) holds no status in this data: \
                     no organisation here has had it as a member, observer \
                     or partner",
                    c.name, c.alpha3, c.alpha2
                ),
            ));
        }
        Err(Error::one(self.unknown_state(query)))
    }

    /// The state a code names: ISO alpha-3 or alpha-2 in any case, COW
    /// or G&W number or letters (`COW:` or `GW:` first to say which),
    /// and the `COW255` ids of a COW import.
    fn by_code(&self, q: &str) -> Option<&State> {
        let upper = q.to_ascii_uppercase();
        let (lists, code) = if let Some(rest) = upper.strip_prefix("COW:") {
            (Lists::Cow, rest.trim())
        } else if let Some(rest) = upper.strip_prefix("GW:") {
            (Lists::Gw, rest.trim())
        } else if let Some(rest) = upper
            .strip_prefix("COW")
            .filter(|r| r.len() == 3 && r.bytes().all(|b| b.is_ascii_digit()))
        {
            (Lists::Cow, rest)
        } else {
            (Lists::Both, upper.as_str())
        };
        if lists == Lists::Both {
            let iso = match code.len() {
                3 => self.states().find(|s| s.id.as_str() == code),
                2 => self.states().find(|s| s.iso2 == code),
                _ => None,
            };
            if iso.is_some() {
                return iso;
            }
        }
        let wanted: &[StateList] = match lists {
            Lists::Cow => &[StateList::Cow],
            Lists::Gw => &[StateList::Gw],
            Lists::Both => &[StateList::Cow, StateList::Gw],
        };
        if let Ok(n) = code.parse::<u16>() {
            return wanted.iter().find_map(|&l| self.holder(l, |c, _| c == n));
        }
        if code.len() == 3 && code.bytes().all(|b| b.is_ascii_uppercase()) {
            return wanted
                .iter()
                .find_map(|&l| self.holder(l, |_, a| a == Some(code)));
        }
        None
    }

    /// The state that holds a code of `list` matching `is`: the one
    /// holding it today, else the one that held it last.
    fn holder(
        &self,
        list: StateList,
        is: impl Fn(u16, Option<&str>) -> bool,
    ) -> Option<&State> {
        let mut best: Option<(&State, Option<crate::Date>)> = None;
        for s in self.states() {
            for (held, _, to) in s.codes_in(list) {
                if !is(held.code, held.abbrev) {
                    continue;
                }
                let later = match (&best, to) {
                    (None, _) => true,
                    (Some((_, None)), _) => false,
                    (Some(_), None) => true,
                    (Some((_, Some(b))), Some(t)) => *b < t,
                };
                if later {
                    best = Some((s, to));
                }
            }
        }
        best.map(|(s, _)| s)
    }

    /// "Unknown state", with the nearest code (when the query looks like
    /// one) or name.
    fn unknown_state(&self, query: &str) -> Diagnostic {
        let q = query.trim();
        let code_like =
            q.len() <= 3 && q.bytes().all(|b| b.is_ascii_alphanumeric());
        let mut codes: Vec<&str> = Vec::new();
        let mut names: Vec<&str> = Vec::new();
        for s in self.states() {
            codes.push(s.id.as_str());
            codes.extend(s.cow_abbrev.as_deref());
            codes.extend(s.gw_abbrev.as_deref());
            names.extend(s.all_names());
        }
        let known: Vec<&str> = if code_like {
            codes.into_iter().chain(names).collect()
        } else {
            names.into_iter().chain(codes).collect()
        };
        Diagnostic::new(
            DiagnosticKind::Query,
            format!("unknown state `{query}`"),
        )
        .suggest(
            query,
            known,
            "give an ISO 3166-1 alpha-3 or alpha-2 code, a COW or G&W \
                 number or letters (`COW:365`, `GW:260`), or an English name",
        )
    }
}
