//! The whole data set as a data folder in canonical form: one folder per
//! organisation, every list sorted, every string double-quoted (keywords,
//! numbers and dates plain), `date:` wherever a transition's decision and
//! effect fall on the same day, and in every entry `sources` and `note`
//! after its other fields and nested lists last. Comments are not kept;
//! every fact, source and note is.
//!
//! The files are the loader's own data format (`load::schema`) printed by
//! a small serializer, so the format is written once. Loading the output
//! gives a graph equal to the one written, and writing that again gives
//! the same bytes.

use std::fmt::Write as _;
use std::path::Path;

use serde::Serialize;

use crate::error::Error;
use crate::graph::KnowledgeGraph;
use crate::load::schema::{self, Located, Plain, Text, Whole};
use crate::model::{self, SourceId};

mod printer;

pub(crate) use printer::{document, plain};

/// A YAML double-quoted scalar. Characters YAML cannot carry literally
/// (control characters, the byte-order mark, non-characters) are escaped.
pub fn quote(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            '\0' => out.push_str("\\0"),
            c if printable(c) => out.push(c),
            c if (c as u32) <= 0xFF => {
                let _ = write!(out, "\\x{:02X}", c as u32);
            }
            c if (c as u32) <= 0xFFFF => {
                let _ = write!(out, "\\u{:04X}", c as u32);
            }
            c => {
                let _ = write!(out, "\\U{:08X}", c as u32);
            }
        }
    }
    out.push('"');
    out
}

/// YAML 1.2 `c-printable`, less the byte-order mark.
fn printable(c: char) -> bool {
    let u = c as u32;
    matches!(u, 0x20..=0x7E | 0x85 | 0xA0..=0xD7FF | 0xE000..=0xFFFD | 0x10000..=0x10FFFF)
        && u != 0xFEFF
}

/// The folder name of an organisation.
fn folder(id: &str) -> String {
    id.to_ascii_lowercase()
}

fn text(s: &str) -> Located<String> {
    Located::new(s.to_string())
}

fn date(d: crate::Date) -> Located<Plain> {
    Located::new(Plain(d.to_string()))
}

fn cites(ids: &[SourceId]) -> schema::Cites {
    Located::new(ids.iter().map(|s| text(s.as_str())).collect())
}

fn keyword<T: Serialize>(v: &T) -> Located<Plain> {
    Located::new(plain(v))
}

/// The data set as `(path, text)` files of a data folder, sorted by path.
///
/// # Example
///
/// ```
/// use igo_graph::KnowledgeGraph;
/// use igo_graph::export::yaml;
///
/// let kg = KnowledgeGraph::bundled();
/// let files = yaml::files(&kg);
/// let again = KnowledgeGraph::from_texts(files.clone())?;
/// assert!(again == kg);
/// assert_eq!(yaml::files(&again), files);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn files(kg: &KnowledgeGraph) -> Vec<(String, String)> {
    let mut out = vec![
        ("states.yaml".to_string(), document(kg.states().map(state))),
        ("sources.yaml".to_string(), document(kg.sources().map(source))),
    ];
    for o in kg.organizations() {
        let dir = folder(o.id.as_str());
        let id = o.id.as_str();
        let file = |name: &str| format!("{dir}/{name}");
        out.push((file("organization.yaml"), document([organization(o)])));
        let histories = kg.affiliations_of(id).map(|(state, ts)| {
            history(state.as_str(), ts, kg.history_note(id, state.as_str()))
        });
        out.push((file("statuses.yaml"), document(histories)));
        let mut summits = kg.summits(id);
        summits.sort_by(|a, b| (a.start, &a.id).cmp(&(b.start, &b.id)));
        out.push((
            file("summits.yaml"),
            document(summits.into_iter().map(summit)),
        ));
        out.push((
            file("chairs.yaml"),
            document(kg.chairs(id).into_iter().map(chair)),
        ));
        out.push((
            file("officials.yaml"),
            document(kg.officials(id).into_iter().map(official)),
        ));
        out.push((
            file("events.yaml"),
            document(kg.events(id).into_iter().map(event)),
        ));
        if !kg.claims(id).is_empty() {
            out.push((
                file("claims.yaml"),
                document(kg.claims(id).iter().map(claim)),
            ));
        }
    }
    out.sort();
    out
}

pub(crate) fn state(s: &model::State) -> schema::State {
    schema::State {
        id: text(s.id.as_str()),
        iso2: (!s.iso2.is_empty()).then(|| text(&s.iso2)),
        name: text(&s.name),
        official_name: Text::opt(s.official_name.as_deref()),
        aliases: s.aliases.iter().map(|a| text(a)).collect(),
        cow_code: s.cow_code.map(|c| Located::new(Whole(c))),
        cow_abbrev: s.cow_abbrev.as_deref().map(text),
        wikidata: s.wikidata.as_deref().map(text),
        sources: cites(&s.sources),
        note: Text::opt(s.note.as_deref()),
        gw_code: s.gw_code.map(|c| Located::new(Whole(c))),
        gw_abbrev: s.gw_abbrev.as_deref().map(text),
        lifetimes: s
            .lifetimes
            .iter()
            .map(|l| Located::new(lifetime(l)))
            .collect(),
        names: s.names.iter().map(|n| Located::new(dated_name(n))).collect(),
        successions: s
            .successions
            .iter()
            .map(|x| Located::new(succession(x)))
            .collect(),
    }
}

fn lifetime(l: &model::Lifetime) -> schema::Lifetime {
    schema::Lifetime {
        list: Located::new(Plain(l.list.as_str().to_string())),
        from: date(l.from),
        to: l.to.map(date),
        code: l.code.map(|c| Located::new(Whole(c))),
        abbrev: l.abbrev.as_deref().map(text),
        sources: (!l.sources.is_empty()).then(|| cites(&l.sources)),
        note: Text::opt(l.note.as_deref()),
    }
}

fn succession(x: &model::Succession) -> schema::Succession {
    schema::Succession {
        kind: Located::new(Plain(x.kind.as_str().to_string())),
        date: date(x.date),
        states: Located::new(
            x.states.iter().map(|s| text(s.as_str())).collect(),
        ),
        sources: cites(&x.sources),
        note: Text::opt(x.note.as_deref()),
    }
}

fn source(s: &model::Source) -> schema::Source {
    schema::Source {
        id: text(s.id.as_str()),
        title: text(&s.title),
        url: text(&s.url),
        publisher: Text::opt(s.publisher.as_deref()),
        published: s.published.map(date),
        quote: Text::opt(s.quote.as_deref()),
        note: Text::opt(s.note.as_deref()),
    }
}

fn organization(o: &model::Organization) -> schema::Organization {
    let id = |i: &Option<model::OrganizationId>| {
        i.as_ref().map(|i| text(i.as_str()))
    };
    schema::Organization {
        id: text(o.id.as_str()),
        name: text(&o.name),
        short_name: text(&o.short_name),
        other_names: Text::list(&o.other_names),
        founded: date(o.founded),
        dissolved: o.dissolved.map(date),
        headquarters: Text::opt(o.headquarters.as_deref()),
        wikidata: o.wikidata.as_deref().map(text),
        predecessor: id(&o.predecessor),
        successor: id(&o.successor),
        cow_column: o.cow_column.as_deref().map(text),
        cow_ionum: o.cow_ionum.map(|n| Located::new(Whole(n))),
        cow_earlier: o
            .cow_earlier
            .iter()
            .map(|e| {
                Located::new(schema::CowEarlier {
                    column: text(&e.column),
                    ionum: e.ionum.map(|n| Located::new(Whole(n))),
                    until: Located::new(Whole(
                        u16::try_from(e.until).unwrap_or_default(),
                    )),
                })
            })
            .collect(),
        sources: cites(&o.sources),
        note: Text::opt(o.note.as_deref()),
        reviewed: o.reviewed.map(date),
        names: o.names.iter().map(|n| Located::new(dated_name(n))).collect(),
        statuses: o
            .statuses
            .iter()
            .map(|s| Located::new(status_decl(*s)))
            .collect(),
        // The Secretary-General alone, and a complete list, go unsaid.
        offices: if o.offices == [model::Office::secretary_general()] {
            Vec::new()
        } else {
            o.offices.iter().map(|f| Located::new(office_decl(f))).collect()
        },
        coverage: (o.coverage != model::Coverage::default())
            .then(|| Located::new(coverage_decl(&o.coverage))),
        summit_body: o.summit_body.as_deref().map(text),
        chair_title: o.chair_title.as_deref().map(text),
        organization_members: o
            .organization_members
            .iter()
            .map(|m| Located::new(guest(m)))
            .collect(),
    }
}

fn office_decl(o: &model::Office) -> schema::OfficeDecl {
    // The plural goes unsaid where English spelling gives it.
    let plural =
        (o.plural != model::plural(&o.label)).then(|| text(&o.plural));
    schema::OfficeDecl {
        id: text(o.id.as_str()),
        label: text(&o.label),
        plural,
        from_members: (!o.from_members).then(|| Located::new(false)),
        until: o.until.map(date),
    }
}

fn coverage_decl(c: &model::Coverage) -> schema::CoverageDecl {
    schema::CoverageDecl {
        complete: Located::new(c.complete),
        from: c.from.map(date),
        why: c.why.as_deref().map(text),
    }
}

fn dated_name(n: &model::DatedName) -> schema::DatedName {
    schema::DatedName {
        name: text(&n.name),
        from: date(n.from),
        until: n.until.map(date),
        sources: cites(&n.sources),
    }
}

fn guest(m: &model::OrganizationMember) -> schema::OrganizationMember {
    schema::OrganizationMember {
        name: text(&m.name),
        status: text(m.status.as_str()),
        decided: m.decided.map(date),
        effective: date(m.effective),
        until: m.until.map(date),
        sources: cites(&m.sources),
        note: Text::opt(m.note.as_deref()),
    }
}

fn status_decl(s: model::Status) -> schema::StatusDecl {
    schema::StatusDecl {
        id: text(s.as_str()),
        label: text(s.label()),
        plural: text(s.plural()),
        tier: keyword(&s.tier()),
        cow: Located::new(Whole(s.cow_code())),
    }
}

fn history(
    state: &str,
    ts: &[model::Transition],
    note: Option<&str>,
) -> schema::History {
    schema::History {
        state: text(state),
        organization: None,
        transitions: Located::new(
            ts.iter().map(|t| Located::new(transition(t))).collect(),
        ),
        note: Text::opt(note),
    }
}

fn transition(t: &model::Transition) -> schema::Transition {
    let same = t.decided.is_some() && t.decided == t.effective;
    schema::Transition {
        status: keyword(&t.status),
        date: if same { t.decided.map(date) } else { None },
        decided: if same { None } else { t.decided.map(date) },
        effective: if same { None } else { t.effective.map(date) },
        sources: cites(&t.sources),
        note: Text::opt(t.note.as_deref()),
        summit: t.summit.as_ref().map(|s| text(s.as_str())),
        disputed: t.disputed.as_ref().map(|d| {
            Located::new(schema::Dispute {
                against: cites(&d.against),
                note: Text::opt(d.note.as_deref()),
            })
        }),
        evidence: (t.evidence == model::Evidence::Inferred)
            .then(|| keyword(&t.evidence)),
        alternatives: t.alternatives.iter().map(alternative).collect(),
    }
}

/// An alternative as written: `date` where it gives both days alike.
fn alternative(a: &model::Alternative) -> Located<schema::Alternative> {
    let same = a.decided.is_some() && a.decided == a.effective;
    Located::new(schema::Alternative {
        date: if same { a.decided.map(date) } else { None },
        decided: if same { None } else { a.decided.map(date) },
        effective: if same { None } else { a.effective.map(date) },
        sources: cites(&a.sources),
        note: Text::opt(a.note.as_deref()),
    })
}

fn summit(s: &model::Summit) -> schema::Summit {
    schema::Summit {
        id: text(s.id.as_str()),
        organization: None,
        ordinal: s.ordinal.map(Whole),
        start: s.start.map(date),
        end: s.end.map(date),
        council: s.council.map(date),
        city: (!s.city.is_empty()).then(|| text(&s.city)),
        host: text(s.host.as_str()),
        format: s.format.as_ref().map(keyword),
        status: keyword(&s.status),
        sources: cites(&s.sources),
        note: Text::opt(s.note.as_deref()),
        evidence: (s.evidence == model::Evidence::Inferred)
            .then(|| keyword(&s.evidence)),
    }
}

fn chair(c: &model::ChairTerm) -> schema::Chair {
    schema::Chair {
        state: text(c.state.as_str()),
        organization: None,
        start: date(c.start),
        ended_by: c.ended_by.as_ref().map(|s| text(s.as_str())),
        evidence: keyword(&c.evidence),
        irregular: Text::opt(c.irregular.as_deref()),
        sources: cites(&c.sources),
        note: Text::opt(c.note.as_deref()),
    }
}

fn official(t: &model::OfficeTerm) -> schema::Official {
    schema::Official {
        office: Located::new(Plain(t.office.to_string())),
        organization: None,
        person: text(&t.name),
        person_id: text(t.person.as_str()),
        other_names: Text::list(&t.other_names),
        nationality: text(t.nationality.as_str()),
        start: date(t.start),
        scheduled_end: t.scheduled_end.map(date),
        appointed: t.appointed.map(date),
        appointed_at: t.appointed_at.as_ref().map(|s| text(s.as_str())),
        sources: cites(&t.sources),
        note: Text::opt(t.note.as_deref()),
    }
}

fn event(e: &model::Event) -> schema::Event {
    schema::Event {
        id: text(e.id.as_str()),
        organization: None,
        kind: keyword(&e.kind),
        title: text(&e.title),
        date: date(e.date),
        place: Text::opt(e.place.as_deref()),
        sources: cites(&e.sources),
        note: Text::opt(e.note.as_deref()),
    }
}

fn claim(c: &model::Claim) -> schema::Claim {
    schema::Claim {
        date: date(c.date),
        organization: None,
        counts: Located::new(Plain(c.counts.spelling())),
        number: Located::new(Whole(c.number)),
        sources: cites(&c.sources),
        note: Text::opt(c.note.as_deref()),
    }
}

/// Writes the data folder under `dir` (created if missing).
///
/// # Errors
///
/// A file or folder cannot be written.
pub fn write_dir(kg: &KnowledgeGraph, dir: &Path) -> Result<(), Error> {
    for (path, text) in files(kg) {
        let p = dir.join(&path);
        let io = |e| Error::io(format!("cannot write `{}`", p.display()), e);
        if let Some(parent) = p.parent() {
            std::fs::create_dir_all(parent).map_err(io)?;
        }
        std::fs::write(&p, text).map_err(io)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::schema::PLAIN;

    #[test]
    fn quotes_everything_yaml_cannot_hold() {
        assert_eq!(
            quote("a\"b\\c\nd\0\u{7}\u{FEFF}\u{202E}"),
            "\"a\\\"b\\\\c\\nd\\0\\x07\\uFEFF\u{202E}\""
        );
    }

    #[test]
    fn keywords_are_the_model_serde_names() {
        assert_eq!(
            plain(&model::Status::DIALOGUE_PARTNER).0,
            "dialogue_partner"
        );
        assert_eq!(plain(&model::SummitFormat::InPerson).0, "in_person");
        assert_eq!(PLAIN, "igo::plain");
    }
}
