//! Phrases: upper-cased word sequences with the `_` (adjacency) information kept.

use serde::{Deserialize, Serialize};

/// A sequence of upper-case words as written in a dictionary.
///
/// Underscores and blanks both split words, but they are remembered: `joined[i]` is
/// `true` when `words[i]` and `words[i + 1]` were written with `_` between them
/// (TABARI/PETRARCH "connector": the words must be consecutive). In actor and discard
/// entries the distinction is usually irrelevant; in agent phrases and verb patterns a
/// blank means other words may intervene.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
pub struct Phrase {
    /// The words, upper case, never empty strings.
    pub words: Vec<String>,
    /// `joined[i]`: `_` between `words[i]` and `words[i + 1]`; length `words.len() - 1`
    /// (0 for an empty phrase).
    pub joined: Vec<bool>,
    /// The phrase was written with a trailing `_`: match exactly (no plural / no stem,
    /// the match must end at a word boundary).
    pub exact: bool,
}

/// Upper-case `s`, with a fast path for ASCII (nearly all dictionary text).
pub fn upper(s: &str) -> String {
    if s.is_ascii() {
        s.to_ascii_uppercase()
    } else {
        s.to_uppercase()
    }
}

impl Phrase {
    /// Build a phrase from words that are all joined by blanks (not adjacency-marked).
    pub fn from_words(words: Vec<String>) -> Phrase {
        let joined: Vec<bool> = vec![false; words.len().saturating_sub(1)];
        Phrase {
            words,
            joined,
            exact: false,
        }
    }

    /// Split `text` on blanks and underscores, upper-casing each word. `_` between two
    /// words sets `joined`; a trailing `_` sets [`Phrase::exact`]; leading separators
    /// are ignored.
    pub fn parse(text: &str) -> Phrase {
        let mut words: Vec<String> = Vec::with_capacity(4);
        let mut joined: Vec<bool> = Vec::with_capacity(4);
        let mut underscore_since_word: bool = false;
        for piece in text.split_inclusive(|c: char| c == '_' || c.is_whitespace()) {
            let (word, sep): (&str, Option<char>) = match piece.chars().last() {
                Some(c) if c == '_' || c.is_whitespace() => {
                    (&piece[..piece.len() - c.len_utf8()], Some(c))
                }
                _ => (piece, None),
            };
            if !word.is_empty() {
                if !words.is_empty() {
                    joined.push(underscore_since_word);
                }
                words.push(upper(word));
                underscore_since_word = false;
            }
            if sep == Some('_') && !words.is_empty() {
                underscore_since_word = true;
            }
        }
        let exact: bool = text.trim_end().ends_with('_') && !words.is_empty();
        Phrase {
            words,
            joined,
            exact,
        }
    }

    /// Number of words.
    pub fn len(&self) -> usize {
        self.words.len()
    }

    /// True when there are no words.
    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }

    /// The words joined by single blanks, e.g. `"UNITED STATES"`.
    pub fn text(&self) -> String {
        self.words.join(" ")
    }

    /// The regular plural (PETRARCH rule, applied to the last word), or `None` when the
    /// phrase is exact or empty.
    pub fn regular_plural(&self) -> Option<Phrase> {
        if self.exact {
            return None;
        }
        let last: &String = self.words.last()?;
        let mut plural: Phrase = self.clone();
        let index: usize = plural.words.len() - 1;
        plural.words[index] = crate::forms::noun_plural(last);
        Some(plural)
    }
}

impl std::fmt::Display for Phrase {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        for (i, word) in self.words.iter().enumerate() {
            if i > 0 {
                let sep: &str = if self.joined.get(i - 1).copied().unwrap_or(false) {
                    "_"
                } else {
                    " "
                };
                f.write_str(sep)?;
            }
            f.write_str(word)?;
        }
        if self.exact {
            f.write_str("_")?;
        }
        Ok(())
    }
}
