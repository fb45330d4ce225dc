//! Reader for discard lists.

use std::sync::Arc;

use crate::lines::{loc, split_lines};
use crate::phrase::Phrase;
use crate::source::{DictWarning, Loaded, SourceLoc};

use super::{DiscardDictionary, DiscardEntry, DiscardScope};

/// Parse a discard list. `file` names the source in locations and warnings.
/// Never panics; malformed lines become warnings and are skipped.
///
/// Each line is a phrase; a leading `+` makes it a story-level discard; a trailing `_`
/// requires the match to end at a word boundary.
pub fn parse_discards(file: &str, text: &str) -> Loaded<DiscardDictionary> {
    let file: Arc<str> = Arc::from(file);
    let split = split_lines(&file, text);
    let mut warnings: Vec<DictWarning> = split.warnings;
    let mut entries: Vec<DiscardEntry> = Vec::new();
    for line in &split.lines {
        let here: SourceLoc = loc(&file, line.no);
        let (scope, body): (DiscardScope, &str) = match line.text.strip_prefix('+') {
            Some(rest) => (DiscardScope::Story, rest),
            None => (DiscardScope::Sentence, &line.text),
        };
        let raw: &str = body.trim();
        let phrase: Phrase = Phrase::parse(raw);
        if phrase.is_empty() {
            warnings.push(DictWarning::at(
                &here,
                "discard line has no phrase; skipped",
            ));
            continue;
        }
        entries.push(DiscardEntry {
            loc: here,
            raw: raw.to_string(),
            comment: line.comment.as_deref().map(str::to_string),
            phrase,
            scope,
        });
    }
    Loaded {
        dict: DiscardDictionary { entries },
        warnings,
    }
}
