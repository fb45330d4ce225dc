//! The issues list: phrases mapped to issue codes, inside `<ISSUE CATEGORY=...>`
//! sections, with `n:` / `v:` / `+` expansions and `~` ignore phrases.

mod parse;

use serde::{Deserialize, Serialize};

use crate::discards::DiscardScope;
use crate::phrase::Phrase;
use crate::source::SourceLoc;

pub use parse::parse_issues;

/// All issue entries of a file.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct IssueDictionary {
    /// Entries (coding and ignore phrases) in file order.
    pub entries: Vec<IssueEntry>,
}

/// What an issue phrase does when found.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum IssueAction {
    /// Add this issue code.
    Code(String),
    /// `~phrase` (sentence) / `~~phrase` (story): cancel issue coding.
    Ignore(DiscardScope),
}

/// How one word of an issue phrase is expanded.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum IssueExpansion {
    /// Plain word.
    None,
    /// `n:` singular and plural.
    Noun,
    /// `v:` regular verb forms (`S`, `ED`, `ING`).
    Verb,
}

/// One word of an issue phrase as written.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct IssueWord {
    /// The word, upper case, without prefix.
    pub word: String,
    /// `n:` / `v:` prefix.
    pub expansion: IssueExpansion,
    /// `+` between this word and the next: both `"A B"` and `"A-B"` forms are made.
    pub hyphen_after: bool,
}

/// One issue line.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct IssueEntry {
    /// Where it was written.
    pub loc: SourceLoc,
    /// The phrase part as written (no comment, no code, no `~`), trimmed.
    pub raw: String,
    /// Comment after `#`.
    pub comment: Option<String>,
    /// The enclosing `<ISSUE CATEGORY="...">`, if any.
    pub category: Option<String>,
    /// Code or ignore.
    pub action: IssueAction,
    /// The words as written.
    pub words: Vec<IssueWord>,
    /// Every expanded surface form, upper case (hyphenated forms are single words).
    pub forms: Vec<Phrase>,
}
