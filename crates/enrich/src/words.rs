//! A small word splitter shared by the enrichment rules.
//!
//! The rules here look at words, numbers and a little punctuation, never at a parse, so a
//! deliberately simple splitter is enough; what matters is that every word carries its
//! byte span in the *document* (the `base` offset is added) so results point back into
//! the original text. Possessive `'s` / `’s` is split off ("Armenia’s" → "Armenia", "’s")
//! so names match the gazetteer and actor lists.

use std::borrow::Cow;

/// One word or punctuation mark with its byte span in the document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Word<'t> {
    /// The word as written.
    pub text: &'t str,
    /// Lower-cased, with typographic apostrophes folded to `'`; borrowed from the text when
    /// the word already is (most words), so splitting allocates once per sentence.
    pub lower: Cow<'t, str>,
    /// Byte offset of the first byte in the document.
    pub start: usize,
    /// Byte offset one past the last byte in the document.
    pub end: usize,
}

impl Word<'_> {
    /// True for a single punctuation or symbol character.
    pub fn is_punct(&self) -> bool {
        match self.text.as_bytes().first() {
            Some(b) if b.is_ascii() => !b.is_ascii_alphanumeric(),
            _ => !self.text.chars().next().is_some_and(char::is_alphanumeric),
        }
    }

    /// True when the word starts with an upper-case letter.
    pub fn is_capitalized(&self) -> bool {
        match self.text.as_bytes().first() {
            Some(b) if b.is_ascii() => b.is_ascii_uppercase(),
            _ => self.text.chars().next().is_some_and(char::is_uppercase),
        }
    }

    /// True when the word is all digits (commas and one dot allowed: "6,500", "1.5").
    pub fn is_numeric(&self) -> bool {
        self.text
            .as_bytes()
            .first()
            .is_some_and(|b: &u8| b.is_ascii_digit())
            && self
                .text
                .bytes()
                .all(|b: u8| b.is_ascii_digit() || b == b',' || b == b'.')
    }
}

/// Folds typographic apostrophes and lower-cases.
pub fn normalize(text: &str) -> String {
    normalize_cow(text).into_owned()
}

/// [`normalize`] without allocating when `text` is already folded (ASCII fast path).
pub fn normalize_cow(text: &str) -> Cow<'_, str> {
    let bytes: &[u8] = text.as_bytes();
    if bytes.is_ascii() {
        if !bytes.iter().any(u8::is_ascii_uppercase) {
            return Cow::Borrowed(text);
        }
        return Cow::Owned(text.to_ascii_lowercase());
    }
    let folded: bool = !text
        .chars()
        .any(|c: char| c == '’' || c == '‘' || c.is_uppercase());
    if folded {
        // No upper-case letter and no typographic apostrophe: lower-casing is a no-op
        // (every char whose `to_lowercase` differs from itself is upper case).
        let unchanged: bool = text.chars().all(|c: char| {
            let mut lower = c.to_lowercase();
            lower.next() == Some(c) && lower.next().is_none()
        });
        if unchanged {
            return Cow::Borrowed(text);
        }
    }
    Cow::Owned(
        text.chars()
            .map(|c: char| if c == '’' || c == '‘' { '\'' } else { c })
            .flat_map(char::to_lowercase)
            .collect(),
    )
}

fn joins(prev: char, joiner: char, next: char) -> bool {
    match joiner {
        ',' => prev.is_ascii_digit() && next.is_ascii_digit(),
        '.' => next.is_alphanumeric() && !(prev.is_ascii_digit() ^ next.is_ascii_digit()),
        '-' | '\'' | '’' | '&' => prev.is_alphanumeric() && next.is_alphanumeric(),
        _ => false,
    }
}

/// The char at byte `at` of `text` (which must be a char boundary) and its length.
#[inline]
fn char_at(text: &str, at: usize) -> Option<(char, usize)> {
    let bytes: &[u8] = text.as_bytes();
    let first: u8 = *bytes.get(at)?;
    if first.is_ascii() {
        return Some((char::from(first), 1));
    }
    let c: char = text.get(at..)?.chars().next()?;
    Some((c, c.len_utf8()))
}

#[inline]
fn is_alphanumeric(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphanumeric()
    } else {
        c.is_alphanumeric()
    }
}

/// Splits `text` (which starts at byte `base` of the document) into words and
/// punctuation marks.
pub fn split_words(text: &str, base: usize) -> Vec<Word<'_>> {
    if text.is_ascii() {
        return split_ascii(text, None, base);
    }
    split_unicode(text, base)
}

/// [`split_words`] with `lower`, the caller's `text.to_ascii_lowercase()` (or a slice of
/// the whole document's, which has the same byte layout): ASCII words then borrow their
/// lower-case forms from it instead of allocating one per capitalized word.
pub fn split_words_lowered<'t>(text: &'t str, lower: &'t str, base: usize) -> Vec<Word<'t>> {
    if text.is_ascii() && lower.len() == text.len() {
        return split_ascii(text, Some(lower), base);
    }
    split_unicode(text, base)
}

fn split_unicode(text: &str, base: usize) -> Vec<Word<'_>> {
    let mut words: Vec<Word<'_>> = Vec::with_capacity(text.len() / 4 + 4);
    let mut at: usize = 0;
    while let Some((c, len)) = char_at(text, at) {
        let start: usize = at;
        if c.is_whitespace() {
            at += len;
            continue;
        }
        if !is_alphanumeric(c) {
            push_word(text, base, start, start + len, &mut words);
            at += len;
            continue;
        }
        // Extend over alphanumerics and joiners ("6,500", "U.S", "al-Assad", "Russia's").
        let mut prev: char = c;
        let mut end: usize = start + len;
        while let Some((here, here_len)) = char_at(text, end) {
            if is_alphanumeric(here) {
                prev = here;
                end += here_len;
            } else if let Some((next, next_len)) = char_at(text, end + here_len)
                && joins(prev, here, next)
            {
                prev = next;
                end += here_len + next_len;
            } else {
                break;
            }
        }
        push_word_split_possessive(text, base, start, end, &mut words);
        at = end;
    }
    words
}

/// [`split_words`] for ASCII text (most news copy): the same rules on bytes, without
/// decoding chars or looking up Unicode tables.
fn split_ascii<'t>(text: &'t str, lower: Option<&'t str>, base: usize) -> Vec<Word<'t>> {
    let bytes: &[u8] = text.as_bytes();
    // A word's lower-case form: borrowed from `lower` when given (same byte layout).
    // Inlined: it runs once per word, from three places.
    #[inline(always)]
    fn push<'t>(
        (text, lower, base): (&'t str, Option<&'t str>, usize),
        start: usize,
        end: usize,
        words: &mut Vec<Word<'t>>,
    ) {
        match lower.and_then(|l: &'t str| l.get(start..end)) {
            Some(folded) => words.push(Word {
                text: &text[start..end],
                lower: Cow::Borrowed(folded),
                start: base + start,
                end: base + end,
            }),
            None => push_word(text, base, start, end, words),
        }
    }
    let source: (&'t str, Option<&'t str>, usize) = (text, lower, base);
    let mut words: Vec<Word<'_>> = Vec::with_capacity(text.len() / 4 + 4);
    let joins_ascii = |prev: u8, joiner: u8, next: u8| -> bool {
        match joiner {
            b',' => prev.is_ascii_digit() && next.is_ascii_digit(),
            b'.' => {
                next.is_ascii_alphanumeric() && !(prev.is_ascii_digit() ^ next.is_ascii_digit())
            }
            b'-' | b'\'' | b'&' => prev.is_ascii_alphanumeric() && next.is_ascii_alphanumeric(),
            _ => false,
        }
    };
    let mut at: usize = 0;
    while let Some(&b) = bytes.get(at) {
        let start: usize = at;
        // `char::is_whitespace` on ASCII: space, \t, \n, \x0B, \x0C, \r.
        if matches!(b, b' ' | b'\t' | b'\n' | 0x0B | 0x0C | b'\r') {
            at += 1;
            continue;
        }
        if !b.is_ascii_alphanumeric() {
            push(source, start, start + 1, &mut words);
            at += 1;
            continue;
        }
        let mut prev: u8 = b;
        let mut end: usize = start + 1;
        while let Some(&here) = bytes.get(end) {
            if here.is_ascii_alphanumeric() {
                prev = here;
                end += 1;
            } else if let Some(&next) = bytes.get(end + 1)
                && joins_ascii(prev, here, next)
            {
                prev = next;
                end += 2;
            } else {
                break;
            }
        }
        match possessive_at(&text[start..end]) {
            Some(apostrophe) => {
                push(source, start, start + apostrophe, &mut words);
                push(source, start + apostrophe, end, &mut words);
            }
            None => push(source, start, end, &mut words),
        }
        at = end;
    }
    words
}

/// Byte offset of the apostrophe of a possessive `'s` / `’s` / `'S` ending `word` (the
/// lower-cased word is longer than 2 bytes and ends with `'s`).
#[inline]
fn possessive_at(word: &str) -> Option<usize> {
    let bytes: &[u8] = word.as_bytes();
    let last: u8 = *bytes.last()?;
    if last != b's' && last != b'S' {
        // Only a non-ASCII char lower-casing to "s" could end "'s" here: none does but
        // 'ſ'-like oddities, which the slow path handles.
        if last.is_ascii() {
            return None;
        }
        return possessive_slow(word);
    }
    let body: &[u8] = &bytes[..bytes.len() - 1];
    let apostrophe: usize = if body.ends_with(b"'") {
        body.len() - 1
    } else if body.ends_with("’".as_bytes()) || body.ends_with("‘".as_bytes()) {
        body.len() - 3
    } else {
        return None;
    };
    // The lower-cased word must be longer than "'s": something before the apostrophe
    // whose lower case is not empty (every char's is).
    (apostrophe > 0).then_some(apostrophe)
}

fn possessive_slow(word: &str) -> Option<usize> {
    let lower: String = normalize(word);
    if lower.len() > 2 && lower.ends_with("'s") {
        Some(
            word.char_indices()
                .rev()
                .nth(1)
                .map_or(word.len(), |(offset, _)| offset),
        )
    } else {
        None
    }
}

#[inline]
/// The word `text[start..end]`, with a possessive split off so the name before it
/// stands alone ("Russia's" → "Russia", "'s").
fn push_word_split_possessive<'t>(
    text: &'t str,
    base: usize,
    start: usize,
    end: usize,
    out: &mut Vec<Word<'t>>,
) {
    match possessive_at(&text[start..end]) {
        Some(apostrophe) => {
            push_word(text, base, start, start + apostrophe, out);
            push_word(text, base, start + apostrophe, end, out);
        }
        None => push_word(text, base, start, end, out),
    }
}

fn push_word<'t>(text: &'t str, base: usize, start: usize, end: usize, out: &mut Vec<Word<'t>>) {
    let slice: &'t str = &text[start..end];
    out.push(Word {
        text: slice,
        lower: normalize_cow(slice),
        start: base + start,
        end: base + end,
    });
}

/// A fixed list of words, sorted once so that membership is a binary search rather than
/// a comparison with every entry (the rules test every word of every sentence). Most
/// words are turned away before the search by their first byte and length.
#[derive(Debug, Clone)]
pub struct WordSet {
    sorted: Vec<&'static str>,
    /// Bit `min(len, 63)` of `shapes[first byte]` is set when some entry starts with that
    /// byte and has that length.
    shapes: Box<[u64; 256]>,
}

impl WordSet {
    pub fn new(list: &[&'static str]) -> WordSet {
        let mut sorted: Vec<&'static str> = list.to_vec();
        sorted.sort_unstable();
        sorted.dedup();
        let mut shapes: Box<[u64; 256]> = Box::new([0; 256]);
        for word in &sorted {
            // The empty word has no first byte: slot 0 with length 0 stands for it.
            let first: usize = word.as_bytes().first().map_or(0, |b: &u8| usize::from(*b));
            shapes[first] |= 1 << word.len().min(63);
        }
        WordSet { sorted, shapes }
    }

    #[inline]
    pub fn contains(&self, word: &str) -> bool {
        let first: usize = word.as_bytes().first().map_or(0, |b: &u8| usize::from(*b));
        if self.shapes[first] >> word.len().min(63) & 1 == 0 {
            return false;
        }
        self.sorted.binary_search(&word).is_ok()
    }
}

/// True when letters in `text` are (almost) all upper case: old wire copy such as MUC-4.
pub fn is_all_caps(text: &str) -> bool {
    let mut upper: usize = 0;
    let mut lower: usize = 0;
    if text.is_ascii() {
        // Upper-case letters are at most the bytes not yet seen: once even all of them
        // could not outnumber the lower-case ones twenty to one, the answer is no.
        for (seen, b) in text.bytes().enumerate() {
            upper += usize::from(b.is_ascii_uppercase());
            lower += usize::from(b.is_ascii_lowercase());
            if lower > 0 && lower * 20 >= upper + (text.len() - seen - 1) {
                return false;
            }
        }
        return upper > 20 && lower * 20 < upper;
    }
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

    /// The char-by-char splitter the fast one must agree with.
    fn reference_split(text: &str, base: usize) -> Vec<(String, String, usize, usize)> {
        let fold = |t: &str| -> String {
            t.chars()
                .map(|c: char| if c == '’' || c == '‘' { '\'' } else { c })
                .flat_map(char::to_lowercase)
                .collect()
        };
        let chars: Vec<(usize, char)> = text.char_indices().collect();
        let mut out: Vec<(String, String, usize, usize)> = Vec::new();
        let mut push = |s: usize, e: usize| {
            out.push((
                text[s..e].to_string(),
                fold(&text[s..e]),
                base + s,
                base + e,
            ));
        };
        let mut i: usize = 0;
        while i < chars.len() {
            let (start, c) = chars[i];
            if c.is_whitespace() {
                i += 1;
                continue;
            }
            if !c.is_alphanumeric() {
                push(start, start + c.len_utf8());
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
            let lower: String = fold(word);
            if lower.len() > 2 && lower.ends_with("'s") {
                let apostrophe: usize = word
                    .char_indices()
                    .rev()
                    .nth(1)
                    .map_or(word.len(), |(offset, _)| offset);
                push(start, start + apostrophe);
                push(start + apostrophe, end);
            } else {
                push(start, end);
            }
            i = j;
        }
        out
    }

    #[test]
    fn fast_split_matches_reference() {
        for text in [
            "Russia’s 6,500 lives, U.S. Nov. 16.",
            "ARMENIA'S TROOPS, AZERBAIJAN’S ARMY; al-Assad & Co. 1.5 km",
            "Côte d’Ivoire’s İSTANBUL ǅemal's x's 's '’ 3,a a.1 1.a",
            "  tabs\tand\nnew lines — dashes – “quotes” (parens) [1] A&B",
            "",
            "’s",
            "Gen. al-Sisi's U.S.-backed forces killed 1,200 (of 3,a4) at 5.30 p.m. A&B 'x' s's",
            "x\u{b}y\u{c}z\r\n1.a a.1 a..b 1,,2 -a a- 'a a' &a a& .5 5. ,1 1,",
        ] {
            let fast: Vec<(String, String, usize, usize)> = split_words(text, 7)
                .into_iter()
                .map(|w: Word<'_>| (w.text.to_string(), w.lower.into_owned(), w.start, w.end))
                .collect();
            assert_eq!(fast, reference_split(text, 7), "{text:?}");
            let lower: String = text.to_ascii_lowercase();
            let lowered: Vec<(String, String, usize, usize)> = split_words_lowered(text, &lower, 7)
                .into_iter()
                .map(|w: Word<'_>| (w.text.to_string(), w.lower.into_owned(), w.start, w.end))
                .collect();
            assert_eq!(lowered, fast, "{text:?}");
        }
    }

    #[test]
    fn word_set_agrees_with_the_list() {
        let list: [&'static str; 5] = ["said", "told", "added", "said", "according"];
        let set: WordSet = WordSet::new(&list);
        for word in [
            "said",
            "told",
            "added",
            "according",
            "",
            "\0",
            "s",
            "say",
            "saidx",
            "Said",
        ] {
            assert_eq!(set.contains(word), list.contains(&word), "{word:?}");
        }
    }

    #[test]
    fn detects_all_caps() {
        assert!(is_all_caps(
            "THREE SUBVERSIVES WERE KILLED AND SEVEN OTHERS WERE WOUNDED"
        ));
        assert!(!is_all_caps("Three subversives were killed."));
    }
}
