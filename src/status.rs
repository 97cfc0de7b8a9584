//! Statuses are the organisation's own: each organisation declares its
//! vocabulary (id, label, plural, the [`Tier`] questions across
//! organisations compare by, the COW IGO code), and `none` is common to
//! all. The SCO's four statuses are the default vocabulary of an
//! organisation that declares none.

use std::collections::HashSet;
use std::fmt;
use std::sync::{Mutex, OnceLock};

use serde::{Deserialize, Serialize};

/// What questions across organisations compare statuses by.
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
#[serde(rename_all = "snake_case")]
pub enum Tier {
    /// Full membership, or a status the organisation counts as such (the
    /// CSTO's frozen participation).
    Member,
    /// Associate membership.
    Associate,
    /// Observer.
    Observer,
    /// Partner or dialogue partner.
    Partner,
    /// No status.
    None,
}

impl Tier {
    /// Every tier of a held status, in display order.
    pub const HELD: [Tier; 4] =
        [Tier::Member, Tier::Associate, Tier::Observer, Tier::Partner];

    /// `member`, `associate`, `observer`, `partner` or `none`.
    pub fn as_str(self) -> &'static str {
        crate::serde_tree::variant_name(&self)
    }
}

impl fmt::Display for Tier {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One status of an organisation's vocabulary.
#[derive(Debug, PartialEq, Eq, Hash, Serialize)]
pub struct StatusDef {
    /// The id used in the data and in machine-readable output
    /// (`dialogue_partner`).
    pub id: &'static str,
    /// A human label (`dialogue partner`).
    pub label: &'static str,
    /// The plural label (`dialogue partners`).
    pub plural: &'static str,
    /// The tier it counts as.
    pub tier: Tier,
    /// The Correlates of War IGO code it maps to: 1 full, 2 associate,
    /// 3 observer, 0 otherwise.
    pub cow: u8,
    /// Its place in its organisation's vocabulary (display order); `none`
    /// comes last.
    pub rank: u8,
}

/// A status held in an organisation: one of its vocabulary, or
/// [`Status::NONE`]. Cheap to copy; compares by its definition.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct Status(&'static StatusDef);

const fn def(
    id: &'static str,
    label: &'static str,
    plural: &'static str,
    tier: Tier,
    cow: u8,
    rank: u8,
) -> StatusDef {
    StatusDef { id, label, plural, tier, cow, rank }
}

impl Status {
    /// No status (never held one, or left): common to every organisation.
    pub const NONE: Status =
        Status(&def("none", "none", "none", Tier::None, 0, u8::MAX));
    /// No information: the sources say nothing of the state's status for
    /// a time (COW IGO v3's code -9, "missing data"). Common to every
    /// organisation, like [`Status::NONE`]; never held for certain: a day
    /// it covers is answered as uncertain, any status being possible.
    pub const UNKNOWN: Status = Status(&def(
        "unknown",
        "unknown",
        "unknown",
        Tier::None,
        0,
        u8::MAX - 1,
    ));
    /// Full member state (the default vocabulary's first status).
    pub const MEMBER: Status =
        Status(&def("member", "member", "members", Tier::Member, 1, 0));
    /// Observer state.
    pub const OBSERVER: Status = Status(&def(
        "observer",
        "observer",
        "observers",
        Tier::Observer,
        3,
        1,
    ));
    /// Dialogue partner.
    pub const DIALOGUE_PARTNER: Status = Status(&def(
        "dialogue_partner",
        "dialogue partner",
        "dialogue partners",
        Tier::Partner,
        0,
        2,
    ));
    /// "SCO partner", the single status that replaced observer and
    /// dialogue partner by the SCO's decision of 2025-09-01.
    pub const PARTNER: Status =
        Status(&def("partner", "partner", "partners", Tier::Partner, 0, 3));

    /// The default vocabulary (the SCO's), for an organisation that
    /// declares none, in display order.
    pub const HELD: [Status; 4] = [
        Status::MEMBER,
        Status::OBSERVER,
        Status::DIALOGUE_PARTNER,
        Status::PARTNER,
    ];

    /// A status of `def`'s definition, shared by every equal definition.
    pub fn new(def: StatusDef) -> Status {
        if let Some(s) = Status::HELD
            .iter()
            .chain([&Status::NONE, &Status::UNKNOWN])
            .find(|s| *s.0 == def)
        {
            return *s;
        }
        static DEFS: OnceLock<Mutex<HashSet<&'static StatusDef>>> =
            OnceLock::new();
        let mut defs = DEFS
            .get_or_init(Default::default)
            .lock()
            .unwrap_or_else(|e| e.into_inner());
        if let Some(d) = defs.get(&def) {
            return Status(d);
        }
        // Each distinct definition is kept for the life of the process: a
        // vocabulary has a handful of statuses, so this is bounded by the
        // distinct vocabularies ever loaded.
        let d: &'static StatusDef = Box::leak(Box::new(def));
        defs.insert(d);
        Status(d)
    }

    /// A status defined by owned texts (interned; see [`Status::new`]).
    pub fn define(
        id: &str,
        label: &str,
        plural: &str,
        tier: Tier,
        cow: u8,
        rank: u8,
    ) -> Status {
        let leak = |s: &str| -> &'static str { intern(s) };
        Status::new(StatusDef {
            id: leak(id),
            label: leak(label),
            plural: leak(plural),
            tier,
            cow,
            rank,
        })
    }

    /// The id used in the data and in machine-readable output.
    pub fn as_str(self) -> &'static str {
        self.0.id
    }

    /// A human label, e.g. "dialogue partner".
    pub fn label(self) -> &'static str {
        self.0.label
    }

    /// The plural human label, e.g. "dialogue partners".
    pub fn plural(self) -> &'static str {
        self.0.plural
    }

    /// The tier it counts as across organisations.
    pub fn tier(self) -> Tier {
        self.0.tier
    }

    /// The COW IGO code it maps to (1 full, 2 associate, 3 observer, 0
    /// otherwise).
    pub fn cow_code(self) -> u8 {
        self.0.cow
    }

    /// Whether the status makes a state part of the organisation's family.
    pub fn is_held(self) -> bool {
        self != Status::NONE && self != Status::UNKNOWN
    }

    /// Its definition.
    pub fn definition(self) -> &'static StatusDef {
        self.0
    }
}

/// One shared copy of each text a vocabulary uses.
fn intern(s: &str) -> &'static str {
    static TEXTS: OnceLock<Mutex<HashSet<&'static str>>> = OnceLock::new();
    let mut texts = TEXTS
        .get_or_init(Default::default)
        .lock()
        .unwrap_or_else(|e| e.into_inner());
    if let Some(t) = texts.get(s) {
        return t;
    }
    let t: &'static str = Box::leak(s.to_string().into_boxed_str());
    texts.insert(t);
    t
}

impl PartialOrd for Status {
    fn partial_cmp(&self, other: &Status) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

/// In display order: by place in the vocabulary, `none` last.
impl Ord for Status {
    fn cmp(&self, other: &Status) -> std::cmp::Ordering {
        (self.0.rank, self.0.id).cmp(&(other.0.rank, other.0.id))
    }
}

impl fmt::Debug for Status {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.0.id)
    }
}

impl fmt::Display for Status {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.0.id)
    }
}

/// As its id in readable formats (JSON, YAML): the contract; whole in
/// binary ones, so that it reads back with its label; by its number in
/// the bundled data's table of statuses (`crate::bundle`).
impl Serialize for Status {
    fn serialize<S: serde::Serializer>(
        &self,
        s: S,
    ) -> Result<S::Ok, S::Error> {
        if let Some(n) = crate::bundle::status_number(*self) {
            s.serialize_u32(n)
        } else if s.is_human_readable() {
            s.serialize_str(self.0.id)
        } else {
            self.0.serialize(s)
        }
    }
}

impl<'de> Deserialize<'de> for Status {
    fn deserialize<D: serde::Deserializer<'de>>(
        d: D,
    ) -> Result<Status, D::Error> {
        if crate::bundle::reading() {
            let n = u32::deserialize(d)?;
            return crate::bundle::status(n).ok_or_else(|| {
                serde::de::Error::custom(format!("no status number {n}"))
            });
        }
        if d.is_human_readable() {
            let id = String::deserialize(d)?;
            let known = Status::HELD
                .iter()
                .chain([&Status::NONE])
                .find(|s| s.as_str() == id);
            return Ok(match known {
                Some(s) => *s,
                None => {
                    Status::define(&id, &id, &id, Tier::None, 0, u8::MAX - 1)
                }
            });
        }
        // Borrowed from the input where it allows (the bundled data).
        #[derive(Deserialize)]
        struct Parts<'a> {
            #[serde(borrow)]
            id: std::borrow::Cow<'a, str>,
            #[serde(borrow)]
            label: std::borrow::Cow<'a, str>,
            #[serde(borrow)]
            plural: std::borrow::Cow<'a, str>,
            tier: Tier,
            cow: u8,
            rank: u8,
        }
        let o = Parts::deserialize(d)?;
        Ok(Status::define(&o.id, &o.label, &o.plural, o.tier, o.cow, o.rank))
    }
}
