//! Codes attached to dictionary entries: event codes, actor codes with date
//! restrictions, agent codes.

use serde::{Deserialize, Serialize};

use crate::phrase::upper;
use crate::source::SourceLoc;

/// An event code in `[...]` on a verb block header, verb line or pattern.
///
/// Forms seen: `[064]`, `[---]` (null: no event), `[013:012]` (two codes),
/// `[:173]`, `[174L]`, `[def]`. The text between brackets is split at the first `:`;
/// each side is upper-cased; an empty side or `---` becomes `None`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct VerbCode {
    /// The text between the brackets, trimmed, as written.
    pub raw: String,
    /// The code before `:` (the event code); `None` for `---` or empty.
    pub primary: Option<String>,
    /// The code after `:`, when a `:` is present; `None` for `---` or empty.
    /// (TABARI: the code of the reciprocal/second event.)
    pub secondary: Option<String>,
    /// True when the raw code contained `:`.
    pub compound: bool,
}

impl VerbCode {
    /// The null code `---`.
    pub fn null() -> VerbCode {
        VerbCode {
            raw: "---".to_string(),
            primary: None,
            secondary: None,
            compound: false,
        }
    }

    /// True when neither side carries a code (`[---]`, `[]`, `[:]`, `[---:---]`).
    pub fn is_null(&self) -> bool {
        self.primary.is_none() && self.secondary.is_none()
    }

    /// Parse the text inside the brackets. Never fails: anything is a code.
    pub fn parse(inner: &str) -> VerbCode {
        let raw: String = inner.trim().to_string();
        let side = |s: &str| -> Option<String> {
            let t: &str = s.trim();
            if t.is_empty() || t == "---" {
                None
            } else {
                Some(upper(t))
            }
        };
        match raw.split_once(':') {
            Some((a, b)) => VerbCode {
                primary: side(a),
                secondary: side(b),
                compound: true,
                raw,
            },
            None => VerbCode {
                primary: side(&raw),
                secondary: None,
                compound: false,
                raw,
            },
        }
    }
}

/// A calendar date stored as the number `YYYYMMDD` (so dates compare as numbers).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct DictDate(pub u32);

impl DictDate {
    /// Year part.
    pub fn year(self) -> u32 {
        self.0 / 10_000
    }
    /// Month part (1-12).
    pub fn month(self) -> u32 {
        (self.0 / 100) % 100
    }
    /// Day part (1-31).
    pub fn day(self) -> u32 {
        self.0 % 100
    }
}

/// When an actor code applies. Limits are inclusive ("or equal to").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum DateRestriction {
    /// No restriction: the default code.
    Always,
    /// `[CODE <date]`: on or before `date`.
    Before(DictDate),
    /// `[CODE >date]`: on or after `date`.
    After(DictDate),
    /// `[CODE date-date]`: between the dates, inclusive.
    Between(DictDate, DictDate),
}

impl DateRestriction {
    /// Does the restriction hold on `date`?
    pub fn contains(self, date: DictDate) -> bool {
        match self {
            DateRestriction::Always => true,
            DateRestriction::Before(d) => date <= d,
            DateRestriction::After(d) => date >= d,
            DateRestriction::Between(a, b) => a <= date && date <= b,
        }
    }
}

/// One `[...]` code of an actor, e.g. `[USAGOV 19450703-19470121]`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct ActorCode {
    /// Where the bracket was written.
    pub loc: SourceLoc,
    /// The text between the brackets, trimmed, as written.
    pub raw: String,
    /// The code(s), upper case. Usually one; `[ELR/GAL]` gives two (TABARI `/`
    /// multiple codes). `[---]` gives `["---"]` (null actor).
    pub codes: Vec<String>,
    /// When the code applies.
    pub restriction: DateRestriction,
}

/// Where an agent code goes relative to the actor's code.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum AgentPosition {
    /// `[~GOV]`: appended after the actor code (`USA` + `GOV` = `USAGOV`).
    Suffix,
    /// `[NGO~]`: put before the actor code (`NGO` + `USA`).
    Prefix,
}

/// An agent code such as `[~GOV]` or `[NGO~]`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct AgentCode {
    /// The code without `~`, upper case.
    pub code: String,
    /// Where it is attached.
    pub position: AgentPosition,
}
