//! Abbreviations that keep their period in news text, and words that typically
//! start a sentence (used to decide whether an abbreviation also ends one).

/// Abbreviations (lower case, without the final period) that may end a sentence:
/// "... shares of Acme Inc. The company said".
const CLOSING: &[&str] = &[
    "inc", "corp", "co", "ltd", "llc", "plc", "bros", "jr", "sr", "etc", "al", "esq", "cos",
];

/// Abbreviations that are (almost) never sentence-final: titles, months, `No.`, `vs.`.
const NON_FINAL: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "gen", "lt", "col", "maj", "capt", "cpt", "sgt", "cmdr",
    "cdr", "adm", "brig", "gov", "sen", "sens", "rep", "reps", "rev", "hon", "pres", "supt",
    "insp", "cpl", "pvt", "messrs", "mme", "mlle", "st", "ste", "mt", "ft", "fr", "gens", "amb",
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "no",
    "nos", "vs", "v", "fig", "figs", "approx", "dept", "univ", "assn", "ave", "blvd", "rd",
    "calif", "conn", "fla", "ariz", "ark", "colo", "okla", "tenn", "tex", "neb", "nev", "minn",
    "mich", "wis", "wyo", "mont", "kan", "ky", "e.g", "i.e", "cf", "op", "vol", "pp", "ch",
];

/// What kind of abbreviation a word-with-period is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Abbreviation {
    /// Not an abbreviation: the period is punctuation.
    None,
    /// Keeps its period and never ends a sentence (titles, months, initials).
    NonFinal,
    /// Keeps its period and may end a sentence (`Inc.`, `U.S.`, `a.m.`).
    MayEnd,
}

/// Byte length of the longest word of `list`.
const fn longest(list: &[&str]) -> usize {
    let mut longest: usize = 0;
    let mut index: usize = 0;
    while index < list.len() {
        if list[index].len() > longest {
            longest = list[index].len();
        }
        index += 1;
    }
    longest
}

const NON_FINAL_LONGEST: usize = longest(NON_FINAL);
const CLOSING_LONGEST: usize = longest(CLOSING);
const STARTERS_LONGEST: usize = longest(STARTERS);

/// Whether `word` is in `list`; `list_longest` (the list's longest word) turns longer
/// words away without a walk over the list (equal ignoring ASCII case means equal length).
fn equals_ignoring_case(word: &str, list: &[&str], list_longest: usize) -> bool {
    word.len() <= list_longest
        && list
            .iter()
            .any(|candidate: &&str| candidate.eq_ignore_ascii_case(word))
}

/// Classifies `stem`, the word before a final period (`"U.S"` for `"U.S."`).
pub(crate) fn classify(stem: &str) -> Abbreviation {
    let mut chars = stem.chars();
    let Some(first) = chars.next() else {
        return Abbreviation::None;
    };
    if chars.next().is_none() {
        // A single letter: an initial ("John F. Kennedy"), never "I." as a sentence end.
        return if first.is_alphabetic() {
            Abbreviation::NonFinal
        } else {
            Abbreviation::None
        };
    }
    if equals_ignoring_case(stem, NON_FINAL, NON_FINAL_LONGEST) {
        return Abbreviation::NonFinal;
    }
    if equals_ignoring_case(stem, CLOSING, CLOSING_LONGEST) {
        return Abbreviation::MayEnd;
    }
    let dotted: bool = stem.contains('.')
        && stem.chars().all(|c: char| c.is_alphabetic() || c == '.')
        && !stem.contains("..")
        && stem.split('.').all(|part: &str| part.chars().count() <= 3);
    if dotted {
        return Abbreviation::MayEnd;
    }
    Abbreviation::None
}

/// Frequent capitalized sentence openers: after a `MayEnd` abbreviation, one of
/// these means the abbreviation also ended the sentence.
const STARTERS: &[&str] = &[
    "the",
    "a",
    "an",
    "he",
    "she",
    "it",
    "they",
    "we",
    "i",
    "you",
    "but",
    "and",
    "in",
    "on",
    "at",
    "this",
    "that",
    "these",
    "those",
    "there",
    "his",
    "her",
    "its",
    "their",
    "our",
    "officials",
    "meanwhile",
    "however",
    "after",
    "before",
    "when",
    "while",
    "if",
    "as",
    "since",
    "although",
    "some",
    "many",
    "most",
    "no",
    "one",
    "two",
    "three",
    "earlier",
    "later",
    "last",
    "on",
    "police",
    "witnesses",
    "other",
    "both",
    "several",
    "about",
    "more",
    "for",
    "with",
    "from",
];

/// A title before a name ("Mr", "Sen", "Gen"), case-insensitive: in pre-tokenised text
/// ("Mr . Sisi") its detached period ends no sentence.
pub(crate) fn is_title(word: &str) -> bool {
    [
        "mr", "mrs", "ms", "dr", "prof", "gen", "lt", "col", "maj", "capt", "sgt", "adm", "gov",
        "sen", "rep", "rev", "hon", "pres", "amb",
    ]
    .iter()
    .any(|title: &&str| word.eq_ignore_ascii_case(title))
}

/// Whether `word` is a typical sentence opener (case-insensitive).
pub(crate) fn is_sentence_starter(word: &str) -> bool {
    equals_ignoring_case(word, STARTERS, STARTERS_LONGEST)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classifies() {
        assert_eq!(classify("U.S"), Abbreviation::MayEnd);
        assert_eq!(classify("Gen"), Abbreviation::NonFinal);
        assert_eq!(classify("GEN"), Abbreviation::NonFinal);
        assert_eq!(classify("J"), Abbreviation::NonFinal);
        assert_eq!(classify("Inc"), Abbreviation::MayEnd);
        assert_eq!(classify("said"), Abbreviation::None);
        assert_eq!(classify("5"), Abbreviation::None);
        assert_eq!(classify(""), Abbreviation::None);
        assert_eq!(classify("a.m"), Abbreviation::MayEnd);
    }
}
