//! Aligning tree tokens back to byte spans of the original text.
//!
//! Parsers escape and split tokens (`(` → `-LRB-`, `"` → ` `` ` / `''`,
//! `don't` → `do` + `n't`), and the original text may be wrapped across lines.
//! The aligner walks the text left to right, skips whitespace, and matches each
//! token allowing for those rewrites. A token that cannot be found gets `None`
//! and the next token is searched a little further ahead, so one odd token does
//! not derail the rest of the sentence.

use crate::span::Span;

/// How far ahead (in bytes, per consecutive miss) to look for a token that is
/// not at the cursor.
const RESYNC_WINDOW: usize = 96;

/// Alternatives in the text for tokens that parsers rewrite. Tried after a literal match.
fn escape_alternatives(word: &str) -> &'static [&'static str] {
    const LRB: &[&str] = &["(", "[", "{"];
    const RRB: &[&str] = &[")", "]", "}"];
    match word {
        "``" => &["\"", "“", "„", "«", "‘", "'", "`"],
        "''" => &["\"", "”", "»", "’", "'"],
        "`" => &["'", "‘"],
        "--" => &["—", "–", "-"],
        "..." => &["…", ". . ."],
        _ if word.eq_ignore_ascii_case("-LRB-") => LRB,
        _ if word.eq_ignore_ascii_case("-RRB-") => RRB,
        _ if word.eq_ignore_ascii_case("-LSB-") => &["["],
        _ if word.eq_ignore_ascii_case("-RSB-") => &["]"],
        _ if word.eq_ignore_ascii_case("-LCB-") => &["{"],
        _ if word.eq_ignore_ascii_case("-RCB-") => &["}"],
        _ => &[],
    }
}

/// Whether token char `word_char` may stand for text char `text_char`. Case is
/// ignored: record texts and their parses disagree on case (headlines in capitals,
/// parsers that lower-case), and a case-only difference is still the same token.
fn chars_match(word_char: char, text_char: char) -> bool {
    word_char == text_char
        || (word_char.is_alphabetic() && word_char.to_lowercase().eq(text_char.to_lowercase()))
        || match word_char {
            '\'' => matches!(text_char, '’' | '‘' | '`' | 'ʼ'),
            '`' => matches!(text_char, '\'' | '‘'),
            '"' => matches!(text_char, '“' | '”'),
            '-' => matches!(text_char, '‐' | '‑'),
            _ => false,
        }
}

/// Matches `word` at the very start of `rest`, allowing quote variants and the
/// PTB backslash escapes `\/` and `\*`. Returns the matched byte length.
fn flexible_match(rest: &str, word: &str) -> Option<usize> {
    let mut text_chars = rest.char_indices();
    let mut word_chars = word.chars().peekable();
    let mut matched: usize = 0;
    while let Some(word_char) = word_chars.next() {
        let wanted: char = match (word_char, word_chars.peek()) {
            ('\\', Some(&next)) if next == '/' || next == '*' => continue,
            _ => word_char,
        };
        let (offset, text_char) = text_chars.next()?;
        if !chars_match(wanted, text_char) {
            return None;
        }
        matched = offset + text_char.len_utf8();
    }
    Some(matched)
}

/// The end of `word` if it occurs in `text` starting exactly at byte `start`.
fn match_at(text: &str, start: usize, word: &str) -> Option<usize> {
    match_with(text, start, word, escape_alternatives(word))
}

/// [`match_at`] with the word's escape alternatives looked up by the caller (once per
/// word, not once per position tried).
fn match_with(
    text: &str,
    start: usize,
    word: &str,
    alternatives: &[&'static str],
) -> Option<usize> {
    let rest: &str = text.get(start..)?;
    if rest.starts_with(word) {
        return Some(start + word.len());
    }
    if let Some(len) = flexible_match(rest, word) {
        return Some(start + len);
    }
    alternatives
        .iter()
        .find(|alternative: &&&str| rest.starts_with(**alternative))
        .map(|alternative: &&str| start + alternative.len())
}

fn skip_whitespace(text: &str, from: usize) -> usize {
    match text.get(from..) {
        Some(rest) => rest
            .char_indices()
            .find(|&(_, c): &(usize, char)| !c.is_whitespace())
            .map_or(text.len(), |(offset, _)| from + offset),
        None => text.len(),
    }
}

/// Whether a forward (resync) match may start at `start`: a token beginning with
/// a letter or digit (`word_is_alnum`) must not start in the middle of a text word.
fn at_token_boundary(text: &str, start: usize, word_is_alnum: bool) -> bool {
    let previous: Option<char> = text
        .get(..start)
        .and_then(|before| before.chars().next_back());
    !word_is_alnum || !previous.is_some_and(char::is_alphanumeric)
}

/// Whether an ASCII text character can match the ASCII word character `word_char`
/// under [`chars_match`] (the same character, a letter in the other case, or the
/// backquote for a quote and back).
fn ascii_may_match(word_char: u8, text_char: u8) -> bool {
    word_char.eq_ignore_ascii_case(&text_char)
        || matches!((word_char, text_char), (b'`', b'\'') | (b'\'', b'`'))
}

/// The two ASCII bytes that [`ascii_may_match`] accepts for `word_char` (the same byte
/// twice when it has no twin).
fn ascii_twins(word_char: u8) -> (u8, u8) {
    match word_char {
        b'`' => (b'`', b'\''),
        b'\'' => (b'\'', b'`'),
        c => (c.to_ascii_lowercase(), c.to_ascii_uppercase()),
    }
}

/// The first position in `bytes[from..to]` holding `x` or `y`, eight bytes at a time.
fn find_either(bytes: &[u8], (from, to): (usize, usize), x: u8, y: u8) -> Option<usize> {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    // The high bit of each zero byte of `v`; exact up to the first zero byte, which is
    // all that is read.
    let zero_bytes = |v: u64| -> u64 { v.wrapping_sub(ONES) & !v & HIGH };
    let (px, py) = (ONES * u64::from(x), ONES * u64::from(y));
    let hay: &[u8] = bytes.get(from..to)?;
    let mut chunks = hay.chunks_exact(8);
    let mut base: usize = from;
    for chunk in &mut chunks {
        let v: u64 = chunk
            .first_chunk::<8>()
            .map_or(0, |c| u64::from_le_bytes(*c));
        let hits: u64 = zero_bytes(v ^ px) | zero_bytes(v ^ py);
        if hits != 0 {
            return Some(base + (hits.trailing_zeros() / 8) as usize);
        }
        base += 8;
    }
    chunks
        .remainder()
        .iter()
        .position(|&b: &u8| b == x || b == y)
        .map(|i: usize| base + i)
}

/// Looks for `word` after `from` within `window` bytes; returns `(start, end)`.
fn search_ahead(text: &str, from: usize, window: usize, word: &str) -> Option<(usize, usize)> {
    let limit: usize = from.saturating_add(window).min(text.len());
    // `from` must be a character boundary of `text`.
    text.get(from..)?;
    let alternatives: &[&'static str] = escape_alternatives(word);
    let word_is_alnum: bool = word.chars().next().is_some_and(char::is_alphanumeric);
    // Most positions fail on their first character: when the word starts with a plain
    // ASCII character (no `\` escape, no alternatives) an ASCII text character is
    // tested in place before the full match is tried.
    let first: Option<u8> = word
        .as_bytes()
        .first()
        .copied()
        .filter(|&b: &u8| b.is_ascii() && b != b'\\' && alternatives.is_empty());
    let bytes: &[u8] = text.as_bytes();
    let mut start: usize = from + 1;
    // In an ASCII window such a word can start only where its first byte (or that
    // byte's case or quote twin) stands: jump from one to the next, eight bytes at a
    // time. Most searches are for words the text does not have, and cross the window.
    let end: usize = limit.saturating_add(1).min(bytes.len());
    let twins: Option<(u8, u8)> = first
        .filter(|_| bytes.get(start..end).is_some_and(<[u8]>::is_ascii))
        .map(ascii_twins);
    if let Some((x, y)) = twins {
        while let Some(at) = find_either(bytes, (start, end), x, y) {
            if at_token_boundary(text, at, word_is_alnum)
                && let Some(found) = match_with(text, at, word, alternatives)
            {
                return Some((at, found));
            }
            start = at + 1;
        }
        return None;
    }
    // Every character start after `from`, up to `limit`, byte by byte: a UTF-8
    // continuation byte (0x80..0xc0) starts none.
    while start <= limit {
        let Some(&b) = bytes.get(start) else { break };
        let candidate: bool = if b.is_ascii() {
            first.is_none_or(|w: u8| ascii_may_match(w, b))
        } else {
            b >= 0xc0
        };
        if candidate
            && at_token_boundary(text, start, word_is_alnum)
            && let Some(end) = match_with(text, start, word, alternatives)
        {
            return Some((start, end));
        }
        start += 1;
    }
    None
}

/// Streaming aligner: feed tokens in order with [`Aligner::next_span`].
#[derive(Clone, Debug)]
pub struct Aligner<'t> {
    text: &'t str,
    cursor: usize,
    misses: usize,
}

impl<'t> Aligner<'t> {
    /// Starts aligning at the beginning of `text`.
    pub fn new(text: &'t str) -> Aligner<'t> {
        Aligner {
            text,
            cursor: 0,
            misses: 0,
        }
    }

    /// The span of the next token, or `None` if it cannot be found (the cursor then stays put).
    #[inline]
    pub fn next_span(&mut self, word: &str) -> Option<Span> {
        if word.is_empty() {
            return None;
        }
        // The common case inline in the caller's loop; the rest out of line.
        match self.literal_after_ascii_space(word) {
            Some(end) => self.found(end - word.len(), end),
            None => self.next_span_searched(word),
        }
    }

    /// [`Aligner::next_span`] of a token that is not literally at the cursor.
    #[inline(never)]
    fn next_span_searched(&mut self, word: &str) -> Option<Span> {
        let start: usize = skip_whitespace(self.text, self.cursor);
        if start >= self.text.len() {
            // Only whitespace is left, and every token needs a character (a parse often
            // has words its record's text lacks): no match and no search.
            self.misses += 1;
            return None;
        }
        let found: Option<(usize, usize)> = match match_at(self.text, start, word) {
            Some(end) => Some((start, end)),
            None => {
                let window: usize = RESYNC_WINDOW * (self.misses + 1) + word.len();
                search_ahead(self.text, start, window, word)
            }
        };
        let Some((start, end)) = found else {
            self.misses += 1;
            return None;
        };
        self.found(start, end)
    }

    fn found(&mut self, start: usize, end: usize) -> Option<Span> {
        let span: Span = Span::from_usize(start, end)?;
        self.cursor = end;
        self.misses = 0;
        Some(span)
    }

    /// The common case, in bytes: ASCII whitespace, then `word` literally. `None` sends
    /// the token down the general path (which would find the same start: a non-ASCII
    /// byte may begin Unicode whitespace, so the fast path stops there).
    #[inline]
    fn literal_after_ascii_space(&self, word: &str) -> Option<usize> {
        let bytes: &[u8] = self.text.as_bytes();
        let mut start: usize = self.cursor;
        while let Some(&b) = bytes.get(start)
            && matches!(b, b' ' | b'\t'..=b'\r')
        {
            start += 1;
        }
        let rest: &[u8] = bytes.get(start..)?;
        let first: u8 = *rest.first()?;
        (first.is_ascii() && rest.starts_with(word.as_bytes())).then_some(start + word.len())
    }
}

/// Maps each token to its byte span in `text` (`None` when it cannot be found).
/// Every span lies on char boundaries of `text`.
pub fn align_leaves(text: &str, words: &[&str]) -> Vec<Option<Span>> {
    align_words(text, words.iter().copied())
}

/// [`align_leaves`] over any token iterator, e.g. [`crate::Tree::words`].
pub fn align_words<'w>(text: &str, words: impl IntoIterator<Item = &'w str>) -> Vec<Option<Span>> {
    let mut aligner: Aligner<'_> = Aligner::new(text);
    words
        .into_iter()
        .map(|word: &str| aligner.next_span(word))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The resync search as first written: every character position, full match.
    fn search_ahead_reference(
        text: &str,
        from: usize,
        window: usize,
        word: &str,
    ) -> Option<(usize, usize)> {
        let limit: usize = from.saturating_add(window).min(text.len());
        let rest: &str = text.get(from..)?;
        let word_is_alnum: bool = word.chars().next().is_some_and(char::is_alphanumeric);
        rest.char_indices()
            .map(|(offset, _)| from + offset)
            .skip(1)
            .take_while(|&start: &usize| start <= limit)
            .filter(|&start: &usize| at_token_boundary(text, start, word_is_alnum))
            .find_map(|start: usize| match_at(text, start, word).map(|end: usize| (start, end)))
    }

    #[test]
    fn search_ahead_agrees_with_the_reference() {
        let pieces: [&str; 16] = [
            "a", "K", "\u{212a}", "’", "'", "`", "\"", "“", "—", "-", " ", "é", "(", "Kab", "ul",
            "1",
        ];
        let words: [&str; 14] = [
            "k", "Kabul", "'s", "``", "''", "`", "--", "-LRB-", "é", "1\\/2", "\"", "ul", "x", "-",
        ];
        let mut state: u64 = 0x9e37_79b9_7f4a_7c15;
        for _ in 0..2000 {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            let mut text: String = String::new();
            for k in 0..(state % 24) {
                let pick: u64 = state.rotate_left(k as u32 * 7) ^ k.wrapping_mul(0x2545_f491);
                text.push_str(pieces[(pick % pieces.len() as u64) as usize]);
            }
            for word in words {
                for (from, _) in text.char_indices() {
                    for window in [0, 3, 96] {
                        assert_eq!(
                            search_ahead(&text, from, window, word),
                            search_ahead_reference(&text, from, window, word),
                            "{text:?} {from} {window} {word:?}"
                        );
                    }
                }
            }
        }
    }

    #[test]
    fn ascii_prefilter_agrees_with_chars_match() {
        // The resync search skips a position when `ascii_may_match` says no: it must
        // never say no where `chars_match` says yes.
        for w in 0u8..128 {
            for t in 0u8..128 {
                assert_eq!(
                    ascii_may_match(w, t),
                    chars_match(char::from(w), char::from(t)),
                    "word {w:?} text {t:?}"
                );
            }
        }
    }

    fn spans_as_text<'t>(text: &'t str, words: &[&str]) -> Vec<Option<&'t str>> {
        align_leaves(text, words)
            .into_iter()
            .map(|span: Option<Span>| span.and_then(|s: Span| s.slice(text)))
            .collect()
    }

    #[test]
    fn plain_words_across_lines() {
        let text: &str = "\nArnor is about to restore\n  full ties.\n";
        let words: [&str; 7] = ["Arnor", "is", "about", "to", "restore", "full", "ties"];
        let got = spans_as_text(text, &words);
        assert_eq!(got, words.iter().map(|w| Some(*w)).collect::<Vec<_>>());
        let spans = align_leaves(text, &["Arnor"]);
        assert_eq!(spans[0], Some(Span { start: 1, end: 6 }));
    }

    #[test]
    fn contiguous_splits_and_escapes() {
        let text: &str = "Gondor's chief (Aragorn) didn't say \"no\" -- or [yes]...";
        let words = [
            "Gondor", "'s", "chief", "-LRB-", "Aragorn", "-RRB-", "did", "n't", "say", "``", "no",
            "''", "--", "or", "-LSB-", "yes", "-RSB-", "...",
        ];
        let got = spans_as_text(text, &words);
        let want = [
            "Gondor", "'s", "chief", "(", "Aragorn", ")", "did", "n't", "say", "\"", "no", "\"",
            "--", "or", "[", "yes", "]", "...",
        ];
        assert_eq!(got, want.iter().map(|w| Some(*w)).collect::<Vec<_>>());
    }

    #[test]
    fn curly_quotes_and_dashes() {
        let text: &str = "“Gondor’s ally” — he said… a\\/b";
        let words = [
            "``", "Gondor", "'s", "ally", "''", "--", "he", "said", "...", "a\\/b",
        ];
        let got = spans_as_text(text, &words);
        let want = [
            "“", "Gondor", "’s", "ally", "”", "—", "he", "said", "…", "a\\/b",
        ];
        assert_eq!(got, want.iter().map(|w| Some(*w)).collect::<Vec<_>>());
        assert_eq!(spans_as_text("a/b", &["a\\/b"]), vec![Some("a/b")]);
    }

    #[test]
    fn unmatched_token_resynchronises() {
        let text: &str = "Arnor attacked Gondor.";
        let words = ["Arnor", "*T*-1", "attacked", "XYZ", "Gondor", ".", "."];
        let got = spans_as_text(text, &words);
        assert_eq!(
            got,
            vec![
                Some("Arnor"),
                None,
                Some("attacked"),
                None,
                Some("Gondor"),
                Some("."),
                None
            ]
        );
    }

    #[test]
    fn tokens_past_the_text_end_have_no_span() {
        let text: &str = "Arnor attacked \n ";
        let got = spans_as_text(text, &["Arnor", "attacked", "Gondor", "\\/", "-LRB-", "."]);
        assert_eq!(
            got,
            vec![Some("Arnor"), Some("attacked"), None, None, None, None]
        );
        // A miss at the end counts, as a searched miss does (the resync window grows).
        let mut aligner: Aligner<'_> = Aligner::new("a b");
        assert_eq!(aligner.next_span("a"), Some(Span { start: 0, end: 1 }));
        assert_eq!(aligner.next_span("b"), Some(Span { start: 2, end: 3 }));
        assert_eq!(aligner.next_span("c"), None);
        assert_eq!(aligner.misses, 1);
    }

    #[test]
    fn skipped_text_is_jumped_over() {
        let text: &str = "Arnor ( reportedly ) attacked Gondor";
        let got = spans_as_text(text, &["Arnor", "attacked", "Gondor"]);
        assert_eq!(got, vec![Some("Arnor"), Some("attacked"), Some("Gondor")]);
    }

    #[test]
    fn forward_search_respects_word_boundaries() {
        // "is" must not be found inside "this".
        let text: &str = "Arnor this is";
        let got = align_leaves(text, &["Arnor", "is"]);
        assert_eq!(got[1], Some(Span { start: 11, end: 13 }));
    }

    #[test]
    fn case_differences_still_align() {
        let text: &str = "ALL OF THE TESTS, Wednesday";
        let got = spans_as_text(text, &["All", "of", "the", "tests", ",", "wednesday"]);
        let want = ["ALL", "OF", "THE", "TESTS", ",", "Wednesday"];
        assert_eq!(got, want.iter().map(|w| Some(*w)).collect::<Vec<_>>());
    }

    #[test]
    fn empty_inputs() {
        assert_eq!(align_leaves("", &["a"]), vec![None]);
        assert_eq!(align_leaves("abc", &[""]), vec![None]);
        assert!(align_leaves("abc", &[]).is_empty());
    }
}
