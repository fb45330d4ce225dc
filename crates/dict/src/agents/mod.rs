//! The agent dictionary: `PHRASE {plurals} [~CODE]` records and `!MARKER!` sets.

mod parse;

use serde::{Deserialize, Serialize};

use crate::code::AgentCode;
use crate::phrase::Phrase;
use crate::source::SourceLoc;

pub use parse::parse_agents;

/// All agent records of a file.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct AgentDictionary {
    /// `!NAME! = A, B, C` substitution sets, in file order.
    pub substitutions: Vec<Substitution>,
    /// Agent records in file order.
    pub entries: Vec<AgentEntry>,
}

/// A substitution marker set `!PERSON! = MAN, MEN, WOMAN`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Substitution {
    /// Where it was written.
    pub loc: SourceLoc,
    /// The marker name without `!`, upper case.
    pub name: String,
    /// The replacement strings, upper case, blanks stripped.
    pub values: Vec<String>,
}

/// One agent record.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AgentEntry {
    /// Where it was written.
    pub loc: SourceLoc,
    /// The phrase part as written (before `{` / `[`), trimmed.
    pub raw: String,
    /// Comment after `#`.
    pub comment: Option<String>,
    /// The phrase as written, `!MARKER!`s left in place (as part of words).
    pub phrase: Phrase,
    /// `{...}` as written: `None` when absent (regular plural generated), `Some(vec![])`
    /// for `{}` (no plural).
    pub plurals: Option<Vec<Phrase>>,
    /// The code.
    pub code: AgentCode,
    /// All surface forms: each substitution expansion of the phrase (or the phrase),
    /// each followed by its plural(s) (regular unless `{...}` given; none for
    /// expansions of a marker, which are used as written).
    pub forms: Vec<Phrase>,
}
