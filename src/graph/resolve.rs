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
        if let Some(s) = self.find_state(query) {
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

    /// The state `query` names, as [`KnowledgeGraph::resolve_state`]
    /// finds it, without the error's suggestions.
    fn find_state(&self, query: &str) -> Option<&State> {
        if let Some(s) = self.state(query) {
            return Some(s);
        }
        let q = query.trim();
        if let Some(s) = self.by_code(q) {
            return Some(s);
        }
        let lower = q.to_lowercase();
        self.states()
            .find(|s| s.all_names().any(|n| n.to_lowercase() == lower))
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

/// One word that names a state or an organisation, as the CLI reads it:
/// what the explorer's search box matches.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct SearchTerm {
    /// The word (`IND`, `in`, `750`, `GW:260`, `Burma`, `SCO`).
    pub term: String,
    /// `state` or `organization`.
    pub kind: &'static str,
    /// The id it resolves to.
    pub id: String,
}

impl KnowledgeGraph {
    /// Every word that [`KnowledgeGraph::resolve_state`] or
    /// [`KnowledgeGraph::resolve_organization`] resolves, with what it
    /// resolves to: each state's id, ISO alpha-2 code, COW and G&W
    /// numbers and letters (`GW:` before G&W's where COW's differ) and
    /// names; each organisation's id and short name. A code that passed
    /// from one state to another is listed only for the state the
    /// resolver picks, so the explorer's search and the CLI agree.
    ///
    /// # Example
    ///
    /// ```
    /// let kg = igo_graph::KnowledgeGraph::bundled();
    /// let terms = kg.search_terms();
    /// let burma = terms.iter().find(|t| t.term == "Burma").unwrap();
    /// assert_eq!((burma.kind, burma.id.as_str()), ("state", "MMR"));
    /// assert!(terms.iter().any(|t| t.term == "365" && t.id == "RUS"));
    /// ```
    pub fn search_terms(&self) -> Vec<SearchTerm> {
        let mut out = Vec::new();
        for s in self.states() {
            let mut words: Vec<String> = vec![s.id.to_string()];
            words.extend((!s.iso2.is_empty()).then(|| s.iso2.clone()));
            words.extend(s.all_names().map(str::to_string));
            for (list, prefix) in
                [(StateList::Cow, ""), (StateList::Gw, "GW:")]
            {
                for (held, _, _) in s.codes_in(list) {
                    words.push(format!("{prefix}{}", held.code));
                    words.extend(held.abbrev.map(|a| format!("{prefix}{a}")));
                }
            }
            let mut seen = std::collections::BTreeSet::new();
            for w in words {
                let picked = self.find_state(&w).map(|r| &r.id);
                if picked == Some(&s.id) && seen.insert(w.clone()) {
                    out.push(SearchTerm {
                        term: w,
                        kind: "state",
                        id: s.id.to_string(),
                    });
                }
            }
        }
        for o in self.organizations() {
            let mut words = vec![o.id.to_string(), o.short_name.clone()];
            words.dedup();
            for w in words {
                if self.resolve_organization(&w).is_ok_and(|r| r.id == o.id) {
                    out.push(SearchTerm {
                        term: w,
                        kind: "organization",
                        id: o.id.to_string(),
                    });
                }
            }
        }
        out
    }
}
