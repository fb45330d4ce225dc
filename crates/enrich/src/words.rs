//! A small word splitter shared by the enrichment rules.
//!
//! The rules here look at words, numbers and a little punctuation, never at a parse, so a
//! deliberately simple splitter is enough; what matters is that every word carries its
//! byte span in the *document* (the `base` offset is added) so results point back into
//! the original text. Possessive `'s` / `’s` is split off ("Armenia’s" → "Armenia", "’s")
//! so names match the gazetteer and actor lists.

/// One word or punctuation mark with its byte span in the document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Word<'t> {
    /// The word as written.
    pub text: &'t str,
    /// Lower-cased, with typographic apostrophes folded to `'`.
    pub lower: String,
    /// Byte offset of the first byte in the document.
    pub start: usize,
    /// Byte offset one past the last byte in the document.
    pub end: usize,
}

impl Word<'_> {
    /// True for a single punctuation or symbol character.
    pub fn is_punct(&self) -> bool {
        !self.text.chars().next().is_some_and(char::is_alphanumeric)
    }

    /// True when the word starts with an upper-case letter.
    pub fn is_capitalized(&self) -> bool {
        self.text.chars().next().is_some_and(char::is_uppercase)
    }

    /// True when the word is all digits (commas and one dot allowed: "6,500", "1.5").
    pub fn is_numeric(&self) -> bool {
        self.text
            .chars()
            .next()
            .is_some_and(|c: char| c.is_ascii_digit())
            && self
                .text
                .chars()
                .all(|c: char| c.is_ascii_digit() || c == ',' || c == '.')
    }
}

/// Folds typographic apostrophes and lower-cases.
pub fn normalize(text: &str) -> String {
    text.chars()
        .map(|c: char| if c == '’' || c == '‘' { '\'' } else { c })
        .flat_map(char::to_lowercase)
        .collect()
}

fn joins(prev: char, joiner: char, next: char) -> bool {
    match joiner {
        ',' => prev.is_ascii_digit() && next.is_ascii_digit(),
        '.' => next.is_alphanumeric() && !(prev.is_ascii_digit() ^ next.is_ascii_digit()),
        '-' | '\'' | '’' | '&' => prev.is_alphanumeric() && next.is_alphanumeric(),
        _ => false,
    }
}

/// Splits `text` (which starts at byte `base` of the document) into words and
/// punctuation marks.
pub fn split_words(text: &str, base: usize) -> Vec<Word<'_>> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut words: Vec<Word<'_>> = Vec::new();
    let mut i: usize = 0;
    while i < chars.len() {
        let (start, c) = chars[i];
        if c.is_whitespace() {
            i += 1;
            continue;
        }
        if !c.is_alphanumeric() {
            let end: usize = start + c.len_utf8();
            push_word(text, base, start, end, &mut words);
            i += 1;
            continue;
        }
        let mut j: usize = i + 1;
        while j < chars.len() {
            let here: char = chars[j].1;
            if here.is_alphanumeric() {
                j += 1;
            } else if j + 1 < chars.len() && joins(chars[j - 1].1, here, chars[j + 1].1) {
                j += 2;
            } else {
                break;
            }
        }
        let end: usize = chars.get(j).map_or(text.len(), |&(offset, _)| offset);
        let word: &str = &text[start..end];
        // Split the possessive so the name before it stands alone.
        let lower: String = normalize(word);
        if lower.len() > 2 && lower.ends_with("'s") {
            let apostrophe: usize = word
                .char_indices()
                .rev()
                .nth(1)
                .map_or(word.len(), |(offset, _)| offset);
            push_word(text, base, start, start + apostrophe, &mut words);
            push_word(text, base, start + apostrophe, end, &mut words);
        } else {
            push_word(text, base, start, end, &mut words);
        }
        i = j;
    }
    words
}

fn push_word<'t>(text: &'t str, base: usize, start: usize, end: usize, out: &mut Vec<Word<'t>>) {
    let slice: &'t str = &text[start..end];
    out.push(Word {
        text: slice,
        lower: normalize(slice),
        start: base + start,
        end: base + end,
    });
}

/// True when letters in `text` are (almost) all upper case: old wire copy such as MUC-4.
pub fn is_all_caps(text: &str) -> bool {
    let mut upper: usize = 0;
    let mut lower: usize = 0;
    for c in text.chars() {
        if c.is_uppercase() {
            upper += 1;
        } else if c.is_lowercase() {
            lower += 1;
        }
    }
    upper > 20 && lower * 20 < upper
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_numbers_possessives_and_punctuation() {
        let words: Vec<Word<'_>> = split_words("Russia’s 6,500 lives, U.S. Nov. 16.", 10);
        let texts: Vec<&str> = words.iter().map(|w: &Word<'_>| w.text).collect();
        assert_eq!(
            texts,
            [
                "Russia", "’s", "6,500", "lives", ",", "U.S", ".", "Nov", ".", "16", "."
            ]
        );
        assert_eq!(words[0].start, 10);
        assert_eq!(words[1].lower, "'s");
        assert!(words[2].is_numeric());
    }

    #[test]
    fn detects_all_caps() {
        assert!(is_all_caps(
            "THREE SUBVERSIVES WERE KILLED AND SEVEN OTHERS WERE WOUNDED"
        ));
        assert!(!is_all_caps("Three subversives were killed."));
    }
}
