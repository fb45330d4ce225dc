//! The discard list: phrases that stop a sentence (or, with `+`, a story) being coded.

mod parse;

use serde::{Deserialize, Serialize};

use crate::phrase::Phrase;
use crate::source::SourceLoc;

pub use parse::parse_discards;

/// All discard phrases of a file.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct DiscardDictionary {
    /// Entries in file order.
    pub entries: Vec<DiscardEntry>,
}

/// How much text a discard (or issue ignore) phrase removes from coding.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum DiscardScope {
    /// The sentence is not coded.
    Sentence,
    /// The whole story is not coded (`+` prefix).
    Story,
}

/// One discard phrase.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DiscardEntry {
    /// Where it was written.
    pub loc: SourceLoc,
    /// The line without comment and scope marker, trimmed.
    pub raw: String,
    /// Comment after `#` / `;`.
    pub comment: Option<String>,
    /// The phrase, upper case. `exact`: written with a trailing `_`, so the match must
    /// end at a blank or punctuation (otherwise it is a stem match).
    pub phrase: Phrase,
    /// Sentence or story.
    pub scope: DiscardScope,
}
