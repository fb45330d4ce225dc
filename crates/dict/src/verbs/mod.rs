//! The verb dictionary: synsets, verb blocks (verbs + patterns) and transformations.
//!
//! Two pattern dialects exist. The TABARI / PETRARCH-1 dialect (`PETR.Validate.verbs.txt`)
//! is a linear word pattern `- lower words * upper words [code]`; the PETRARCH-2 dialect
//! (`CAMEO.2.0.txt`) annotates the syntax: `{NOUN PHRASE}` (head noun last) and
//! `(PREP OBJECT)` prepositional phrases. Both are read into [`VerbPattern`]; the
//! dialect is recorded per pattern.

mod entry;
mod forms;
mod parse;
mod pattern;
mod transform;

use serde::{Deserialize, Serialize};

use crate::code::VerbCode;
use crate::phrase::Phrase;
use crate::source::SourceLoc;

pub use forms::verb_forms;
pub use parse::{parse_verbs, parse_verbs_with_dialect};
pub use pattern::{PatternParts, parse_pattern};
pub use transform::parse_transformation;

/// The whole verb dictionary of one file.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct VerbDictionary {
    /// `&NAME` synonym sets, in file order.
    pub synsets: Vec<Synset>,
    /// `--- NAME [code] ---` blocks, in file order.
    pub blocks: Vec<VerbBlock>,
    /// `~ ...` transformation lines (PETRARCH-2).
    pub transformations: Vec<Transformation>,
    /// The dialect chosen for the file (auto-detected unless forced).
    pub dialect: VerbDialect,
}

/// Which verb pattern syntax a file / pattern uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
pub enum VerbDialect {
    /// TABARI / PETRARCH-1 linear patterns.
    #[default]
    Tabari,
    /// PETRARCH-2 syntactic patterns with `{...}` noun phrases and `(...)` prep. phrases.
    Petrarch2,
}

/// A `&NAME` synonym set.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Synset {
    /// Line of the `&NAME` label.
    pub loc: SourceLoc,
    /// Name without `&` and without the trailing `_`, upper case (`&PREPOSIT1_` →
    /// `PREPOSIT1`).
    pub name: String,
    /// The label ended with `_`: no plurals for any member.
    pub no_plurals: bool,
    /// Comment after `#` on the label line.
    pub comment: Option<String>,
    /// The `+` members in file order.
    pub members: Vec<SynsetMember>,
}

/// One `+` line of a synset.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SynsetMember {
    /// Where it was written.
    pub loc: SourceLoc,
    /// The text after `+`, comment removed, trimmed.
    pub raw: String,
    /// Comment after `#`.
    pub comment: Option<String>,
    /// The member as written (`exact` when it ended with `_`). Empty when the member is
    /// a synset reference.
    pub phrase: Phrase,
    /// `+&OTHER`: the member is another synset (name without `&`, upper case).
    pub synset_ref: Option<String>,
    /// All surface forms: the phrase, plus its regular plural unless the member or the
    /// synset label ends with `_`. Empty for synset references.
    pub forms: Vec<Phrase>,
}

/// A `--- NAME [code] ---` block: synonymous verbs and their patterns.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct VerbBlock {
    /// Line of the `---` header.
    pub loc: SourceLoc,
    /// The header line as written (comment removed, trimmed).
    pub raw: String,
    /// The header's name (`ABANDON`, `ARM_`, `LASH OUT`), upper case, as written.
    pub name: String,
    /// The block code; `[---]` (null) when missing.
    pub code: VerbCode,
    /// Further bracketed codes on the header (`--- DELAY [120] [031:031] ---`): kept,
    /// not used by PETRARCH.
    pub extra_codes: Vec<VerbCode>,
    /// The verbs (primary verb first, then synonyms) in file order.
    pub verbs: Vec<VerbEntry>,
    /// The `-` patterns in file order.
    pub patterns: Vec<VerbPattern>,
}

/// One verb line in a block: `SAY {SAID} [010] # comment`, `+CORDON_OFF {...}`,
/// `KLM_NOP_+RST [002]`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct VerbEntry {
    /// Where it was written.
    pub loc: SourceLoc,
    /// The line as written (comment removed, trimmed).
    pub raw: String,
    /// Comment after `#`.
    pub comment: Option<String>,
    /// The words of the verb phrase (`+` markers removed).
    pub phrase: Phrase,
    /// Index in `phrase.words` of the inflected verb word: the word marked with `+`
    /// (`KLM_NOP_+RST` → 2, `+CORDON_OFF` → 0), else 0.
    pub verb_index: usize,
    /// True when a `+` marked the verb word (multi-word verb).
    pub marked_multiword: bool,
    /// `{...}` forms as written: `None` when absent, `Some(vec![])` for `{}` (no
    /// generated forms).
    pub irregular_forms: Option<Vec<Phrase>>,
    /// Every surface form: base, generated regular forms (`S`, `ED`, `ING`; only when
    /// no `{...}` was given) and the irregular forms. No duplicates, base first.
    pub forms: Vec<Phrase>,
    /// The verb's own code; when `None` the block code applies.
    pub code: Option<VerbCode>,
    /// True when this line was the first verb of its block (the primary verb).
    pub primary: bool,
}

/// A `- ... [code]` pattern line.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct VerbPattern {
    /// Where it was written.
    pub loc: SourceLoc,
    /// The pattern text after `-` and before `[`, trimmed, as written.
    pub raw: String,
    /// Comment after `#`.
    pub comment: Option<String>,
    /// The code in brackets.
    pub code: VerbCode,
    /// Which syntax the pattern was read with.
    pub dialect: VerbDialect,
    /// Elements before the verb `*`, in order.
    pub lower: Vec<PatternElement>,
    /// Elements after the verb `*`, in order.
    pub upper: Vec<PatternElement>,
    /// `_` written directly before `*` (`IN_*`): the last lower element must be
    /// adjacent to the verb. Same as `lower.last().connected_after`.
    pub verb_connected_before: bool,
    /// `_` written directly after `*` (`*_OUT`): the first upper element must be
    /// adjacent to the verb.
    pub verb_connected_after: bool,
}

/// One element of a pattern, with its connector flag.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct PatternElement {
    /// What must match.
    pub token: PatternToken,
    /// A `_` followed this element: the next element (or the verb) must follow it
    /// immediately (TABARI connector). For the last element of `upper`, a trailing `_`
    /// means "exact word" (no stem match).
    pub connected_after: bool,
}

/// What a pattern element matches.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum PatternToken {
    /// A literal word, upper case.
    Word(String),
    /// `&NAME`: any member of the synset (name without `&`, upper case).
    Synset(String),
    /// `$`: the source actor.
    Source,
    /// `+`: the target actor.
    Target,
    /// `%`: a compound actor (both source and target).
    Compound,
    /// `^`: skip to the end of the next noun phrase / actor.
    Skip,
    /// PETRARCH-2 `{...}`: a noun phrase; its head noun is the last element.
    NounPhrase(Vec<PatternElement>),
    /// PETRARCH-2 `(PREP ...)`: a prepositional phrase.
    PrepPhrase {
        /// The preposition, upper case, as written (may hold `/` alternatives such as
        /// `BY/WITH`).
        preposition: String,
        /// The object of the preposition (may be empty: `(TO)`).
        object: Vec<PatternElement>,
    },
}

/// A PETRARCH-2 transformation `~ a (a b ATTACK) SAY = a b 015`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Transformation {
    /// Where it was written.
    pub loc: SourceLoc,
    /// The line after `~`, comment removed, trimmed.
    pub raw: String,
    /// Comment after `#`.
    pub comment: Option<String>,
    /// The left side (before `=`) as a term tree.
    pub lhs: Vec<TransformTerm>,
    /// The right side (after `=`): tokens as written (variables lower case, codes and
    /// `Q` as written).
    pub rhs: Vec<String>,
}

/// A term of a transformation's left side.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum TransformTerm {
    /// A lower-case variable (`a`, `b`), `_` (any) or `.` (none).
    Var(String),
    /// A verb / verb-class name, upper case (`SAY`, `ATTACK`, `WILL_ATTACK`, `Q`).
    Verb(String),
    /// A parenthesised sub-event `( ... )`.
    Group(Vec<TransformTerm>),
}

impl VerbDictionary {
    /// Look a synset up by name (without `&`, upper case).
    pub fn synset(&self, name: &str) -> Option<&Synset> {
        self.synsets.iter().find(|s| s.name == name)
    }

    /// Total number of patterns over all blocks.
    pub fn pattern_count(&self) -> usize {
        self.blocks.iter().map(|b| b.patterns.len()).sum()
    }

    /// Total number of verb lines over all blocks.
    pub fn verb_count(&self) -> usize {
        self.blocks.iter().map(|b| b.verbs.len()).sum()
    }
}

impl VerbEntry {
    /// The code that applies to the isolated verb: its own, else the block's.
    pub fn effective_code<'a>(&'a self, block: &'a VerbBlock) -> &'a VerbCode {
        self.code.as_ref().unwrap_or(&block.code)
    }
}
