//! The actor dictionary: names (primary + `+` synonyms) with date-restricted codes.

mod dates;
mod parse;

use serde::{Deserialize, Serialize};

use crate::code::{ActorCode, DateRestriction, DictDate};
use crate::phrase::Phrase;
use crate::source::SourceLoc;

pub use dates::{parse_actor_code, parse_date};
pub use parse::parse_actors;

/// All actor records of one or more files.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct ActorDictionary {
    /// Records in file order (files in the order they were added).
    pub entries: Vec<ActorEntry>,
}

/// One actor record: a primary name, synonyms and codes.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ActorEntry {
    /// Line of the primary name.
    pub loc: SourceLoc,
    /// Primary name first, then the `+` synonyms, in file order.
    pub names: Vec<ActorName>,
    /// Codes in file order: the one on the name line, then indented `[...]` lines.
    /// Empty means the null code.
    pub codes: Vec<ActorCode>,
}

/// One name of an actor.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ActorName {
    /// Where it was written.
    pub loc: SourceLoc,
    /// The name as written (without `+`, code and comment), trimmed.
    pub raw: String,
    /// Comment after `#` / `;`.
    pub comment: Option<String>,
    /// The words. `exact` is set by a trailing `_` (no plural / must end at a word
    /// boundary).
    pub phrase: Phrase,
    /// True for `+` synonym lines.
    pub synonym: bool,
}

impl ActorEntry {
    /// The primary name (first of `names`).
    pub fn primary(&self) -> Option<&ActorName> {
        self.names.first()
    }

    /// The codes valid on `date`: the date-restricted codes that contain it, if any;
    /// otherwise the unrestricted (default) codes. PETRARCH applies the first restricted
    /// match, so callers wanting a single code take the first.
    pub fn codes_on(&self, date: DictDate) -> Vec<&ActorCode> {
        let restricted: Vec<&ActorCode> = self
            .codes
            .iter()
            .filter(|c| c.restriction != DateRestriction::Always && c.restriction.contains(date))
            .collect();
        if !restricted.is_empty() {
            return restricted;
        }
        self.codes
            .iter()
            .filter(|c| c.restriction == DateRestriction::Always)
            .collect()
    }
}

impl ActorDictionary {
    /// Append all entries of `other` (used to combine several actor files).
    pub fn extend(&mut self, other: ActorDictionary) {
        self.entries.extend(other.entries);
    }

    /// Total number of names (primary + synonyms).
    pub fn name_count(&self) -> usize {
        self.entries.iter().map(|e| e.names.len()).sum()
    }
}
