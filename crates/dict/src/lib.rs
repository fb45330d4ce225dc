//! annalist-dict: readers for PETRARCH / TABARI dictionaries.
//!
//! Five kinds of dictionary are read into plain data types (the "dictionary AST") that
//! the event coder matches against:
//!
//! * verbs ([`VerbDictionary`]): synsets, verb blocks, patterns in both the TABARI /
//!   PETRARCH-1 linear dialect and the PETRARCH-2 syntactic dialect, transformations;
//! * actors ([`ActorDictionary`]): names with date-restricted codes;
//! * agents ([`AgentDictionary`]): role phrases with `~` codes;
//! * discards ([`DiscardDictionary`]): phrases that stop coding;
//! * issues ([`IssueDictionary`]): phrases mapped to issue codes.
//!
//! Every reader has a `parse_*(file_name, text)` form that never fails (malformed lines
//! become [`DictWarning`]s naming file and line, and are skipped) and a `load_*(path)`
//! form that only fails when the file cannot be read. Words are upper-cased; every entry
//! keeps its [`SourceLoc`], raw text and comment.
//!
//! Reading rules shared by all kinds (as PETRARCH, except where noted):
//!
//! * comments: `#` or `;` to the end of the line (not inside `[...]`, so the TABARI code
//!   `[###]` survives), `<!-- ... -->` inline or over several lines, any line starting
//!   with `<!`; blank lines are skipped;
//! * `_` and blanks both separate words; [`Phrase::joined`] remembers which was used and
//!   [`Phrase::exact`] a trailing `_`;
//! * regular plurals and verb forms come from [`forms`] (PETRARCH's rules with its
//!   spelling slips fixed, e.g. `DENY` → `DENIED`, `KEY` → `KEYS`);
//! * the whole Phoenix set loads in well under 300 ms in release; see [`mod@bench`].
//!
//! Start with [`load_set`] and [`DictionaryPaths::phoenix`] or
//! [`DictionaryPaths::petr_validate`].

pub mod actors;
pub mod agents;
pub mod bench;
pub mod code;
pub mod defaults;
pub mod discards;
pub mod forms;
pub mod issues;
mod lines;
pub mod lint;
pub mod phrase;
pub mod set;
pub mod source;
pub mod verbs;

pub use actors::{ActorDictionary, ActorEntry, ActorName, parse_actors};
pub use agents::{AgentDictionary, AgentEntry, Substitution, parse_agents};
pub use code::{ActorCode, AgentCode, AgentPosition, DateRestriction, DictDate, VerbCode};
pub use discards::{DiscardDictionary, DiscardEntry, DiscardScope, parse_discards};
pub use issues::{
    IssueAction, IssueDictionary, IssueEntry, IssueExpansion, IssueWord, parse_issues,
};
pub use phrase::Phrase;
pub use set::{
    Dictionaries, DictionaryPaths, load_actors, load_actors_files, load_agents, load_discards,
    load_issues, load_set, load_verbs,
};
pub use source::{DictError, DictWarning, Loaded, SourceLoc};
pub use verbs::{
    PatternElement, PatternParts, PatternToken, Synset, SynsetMember, TransformTerm,
    Transformation, VerbBlock, VerbDialect, VerbDictionary, VerbEntry, VerbPattern, parse_pattern,
    parse_transformation, parse_verbs, parse_verbs_with_dialect, verb_forms,
};
