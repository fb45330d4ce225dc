//! The word lists the grammar tests, looked up once per token: each token gets a bit
//! mask of the lists holding it (ASCII case-insensitive), so a rule's test is one AND
//! instead of a walk over the list's strings.

use std::sync::OnceLock;

use super::clauses::REPORTING_VERBS;
use super::phrases::{NOUN_PREPOSITIONS, STANDALONE_DETERMINERS, TIME_WORDS};
use super::verbs::{
    AUXILIARIES, CLAUSE_VERBS, OBJECT_CONTROL_VERBS, SMALL_CLAUSE_VERBS, SUBORDINATORS,
};

/// A word list with its bit in the per-token masks. Words are lower-case.
#[derive(Clone, Copy, Debug)]
pub(crate) struct WordList {
    pub(crate) bit: u32,
    pub(crate) words: &'static [&'static str],
}

pub(crate) const ACCORDING: WordList = WordList {
    bit: 1 << 9,
    words: &["according"],
};
pub(crate) const AMPERSAND: WordList = WordList {
    bit: 1 << 10,
    words: &["&"],
};
pub(crate) const THAT: WordList = WordList {
    bit: 1 << 11,
    words: &["that"],
};
pub(crate) const OF: WordList = WordList {
    bit: 1 << 12,
    words: &["of"],
};
pub(crate) const NEGATIONS: WordList = WordList {
    bit: 1 << 13,
    words: &["not", "n't", "never"],
};
pub(crate) const ABOUT: WordList = WordList {
    bit: 1 << 14,
    words: &["about"],
};
/// Nouns measuring a time clause: "five years after X happened".
pub(crate) const TIME_MEASURES: WordList = WordList {
    bit: 1 << 15,
    words: &[
        "years", "year", "days", "day", "weeks", "week", "months", "month", "hours", "hour",
        "minutes", "decades", "decade",
    ],
};
/// Subordinators after a time measure.
pub(crate) const TIME_LINKS: WordList = WordList {
    bit: 1 << 16,
    words: &["after", "before", "since", "until"],
};

/// Every list (each with its own bit).
const ALL_LISTS: [WordList; 17] = [
    SUBORDINATORS,
    REPORTING_VERBS,
    TIME_WORDS,
    STANDALONE_DETERMINERS,
    NOUN_PREPOSITIONS,
    CLAUSE_VERBS,
    AUXILIARIES,
    SMALL_CLAUSE_VERBS,
    OBJECT_CONTROL_VERBS,
    ACCORDING,
    AMPERSAND,
    THAT,
    OF,
    NEGATIONS,
    ABOUT,
    TIME_MEASURES,
    TIME_LINKS,
];

/// Open-addressing table from a listed word to the mask of its lists.
struct WordTable {
    slots: Vec<(&'static str, u32)>,
    /// Longest listed word: longer tokens are in no list.
    max_len: usize,
}

/// FxHash of the ASCII-lower-cased bytes.
fn lower_hash(bytes: &[u8]) -> u64 {
    let mut hash: u64 = 0;
    for &byte in bytes {
        hash = (hash.rotate_left(5) ^ u64::from(byte.to_ascii_lowercase()))
            .wrapping_mul(0x517c_c1b7_2722_0a95);
    }
    hash
}

const TABLE_SLOTS: usize = 1024;

impl WordTable {
    fn get() -> &'static WordTable {
        static TABLE: OnceLock<WordTable> = OnceLock::new();
        TABLE.get_or_init(WordTable::build)
    }

    fn build() -> WordTable {
        let mut table: WordTable = WordTable {
            slots: vec![("", 0); TABLE_SLOTS],
            max_len: 0,
        };
        for list in ALL_LISTS {
            for &word in list.words {
                table.max_len = table.max_len.max(word.len());
                let mut slot: usize = table.slot_of(word.as_bytes());
                while !table.slots[slot].0.is_empty() && table.slots[slot].0 != word {
                    slot = (slot + 1) % TABLE_SLOTS;
                }
                table.slots[slot].0 = word;
                table.slots[slot].1 |= list.bit;
            }
        }
        table
    }

    fn slot_of(&self, bytes: &[u8]) -> usize {
        (lower_hash(bytes) >> 54) as usize % TABLE_SLOTS
    }

    /// Mask of the lists holding `word`.
    fn mask(&self, word: &str) -> u32 {
        if word.is_empty() || word.len() > self.max_len {
            return 0;
        }
        let mut slot: usize = self.slot_of(word.as_bytes());
        loop {
            let (listed, mask) = self.slots[slot];
            if listed.is_empty() {
                return 0;
            }
            if listed.eq_ignore_ascii_case(word) {
                return mask;
            }
            slot = (slot + 1) % TABLE_SLOTS;
        }
    }
}

/// Writes the list mask of each word into `masks` (cleared first).
pub(crate) fn word_masks(words: &[&str], masks: &mut Vec<u32>) {
    let table: &WordTable = WordTable::get();
    masks.clear();
    masks.extend(words.iter().map(|word: &&str| table.mask(word)));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bits_are_distinct_and_words_lower_case() {
        let mut seen: u32 = 0;
        for list in ALL_LISTS {
            assert_eq!(list.bit.count_ones(), 1);
            assert_eq!(seen & list.bit, 0);
            seen |= list.bit;
            for word in list.words {
                assert_eq!(word.to_ascii_lowercase(), *word);
            }
        }
    }

    #[test]
    fn masks_match_the_lists() {
        let words: [&str; 6] = ["Said", "THAT", "n't", "friday", "elephant", ""];
        let mut masks: Vec<u32> = Vec::new();
        word_masks(&words, &mut masks);
        for (word, mask) in words.iter().zip(&masks) {
            for list in ALL_LISTS {
                let listed: bool = list.words.iter().any(|w| w.eq_ignore_ascii_case(word));
                assert_eq!(mask & list.bit != 0, listed, "{word}");
            }
        }
    }
}
