//! Sentence segmentation over tokens: terminal punctuation with closing quotes,
//! abbreviations and initials, paragraph breaks, headlines without final
//! punctuation, datelines ("BAKU, Nov 16 (Reuters) -"), bylines and list items.

use std::ops::Range;

use crate::abbrev::{Abbreviation, classify, is_sentence_starter, is_title};
use crate::span::Span;
use crate::tokenize::{Token, Tokenizer};

/// What a segment is: most are sentences; wire-story furniture is marked so
/// that callers can skip it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum SegmentKind {
    /// An ordinary sentence (including list items).
    Sentence,
    /// A line without final punctuation, mostly capitalized: a title or headline.
    Headline,
    /// A dateline such as `BAKU, Nov 16 (Reuters) -` or `WASHINGTON —`.
    Dateline,
    /// A byline such as `By Jane Smith`.
    Byline,
}

/// One segment: its span in the text and its token range.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Segment {
    /// From the first token's start to the last token's end.
    pub span: Span,
    /// Indices into the token list the segment was cut from.
    pub tokens: Range<usize>,
    /// Sentence or wire furniture.
    pub kind: SegmentKind,
}

/// Longest sentence, in tokens, before a forced break.
const MAX_SENTENCE_TOKENS: usize = 400;

/// Tokenizes and segments `text`.
pub fn segment(text: &str) -> Vec<Segment> {
    let mut tokens: Vec<Token<'_>> = Vec::new();
    Tokenizer::new().tokenize_into(text, &mut tokens);
    let mut segments: Vec<Segment> = Vec::new();
    segment_tokens(text, &tokens, &mut segments);
    segments
}

/// Cuts `tokens` (from [`crate::tokenize`] over `text`) into segments, appended to `out`.
pub fn segment_tokens(text: &str, tokens: &[Token<'_>], out: &mut Vec<Segment>) {
    let cutter: Cutter<'_, '_> = Cutter { text, tokens };
    let mut start: usize = 0;
    let mut index: usize = 0;
    while index < tokens.len() {
        if index == start {
            if let Some(end) = cutter.dateline_end(start) {
                cutter.push(start, end, SegmentKind::Dateline, out);
                (start, index) = (end, end);
                continue;
            }
            if let Some(end) = cutter.byline_end(start) {
                cutter.push(start, end, SegmentKind::Byline, out);
                (start, index) = (end, end);
                continue;
            }
        }
        let (end, kind): (Option<usize>, SegmentKind) = cutter.boundary_after(start, index);
        let end: Option<usize> =
            end.or_else(|| (index + 1 - start >= MAX_SENTENCE_TOKENS).then_some(index + 1));
        match end {
            Some(end) if end > start => {
                cutter.push(start, end, kind, out);
                (start, index) = (end, end);
            }
            _ => index += 1,
        }
    }
    if start < tokens.len() {
        let kind: SegmentKind = cutter.unterminated_kind(start, tokens.len());
        cutter.push(start, tokens.len(), kind, out);
    }
}

struct Cutter<'a, 't> {
    text: &'t str,
    tokens: &'a [Token<'t>],
}

fn is_terminal(word: &str) -> bool {
    matches!(word, "." | "?" | "!" | "...")
}

fn is_closing(word: &str) -> bool {
    matches!(word, "''" | "'" | "-RRB-" | "-RSB-" | "-RCB-")
}

fn is_dash(token: &Token<'_>) -> bool {
    matches!(token.text, "-" | "--" | "—" | "–" | "_")
}

fn is_bullet(word: &str) -> bool {
    matches!(word, "-" | "--" | "*" | "•" | "·")
}

fn first_char(token: &Token<'_>) -> Option<char> {
    token.text.chars().next()
}

fn is_capitalized(token: &Token<'_>) -> bool {
    first_char(token).is_some_and(char::is_uppercase)
}

/// All letters upper case and at least two of them.
fn is_all_caps(token: &Token<'_>) -> bool {
    let letters: usize = token
        .text
        .chars()
        .filter(|c: &char| c.is_alphabetic())
        .count();
    letters >= 2 && !token.text.chars().any(char::is_lowercase)
}

impl<'t> Cutter<'_, 't> {
    fn push(&self, start: usize, end: usize, kind: SegmentKind, out: &mut Vec<Segment>) {
        let span: Span = Span {
            start: self.tokens[start].span.start,
            end: self.tokens[end - 1].span.end,
        };
        out.push(Segment {
            span,
            tokens: start..end,
            kind,
        });
    }

    /// Newlines in the whitespace between token `index - 1` and token `index`
    /// (for `index == 0`, before the first token).
    fn newlines_before(&self, index: usize) -> usize {
        let from: usize = match index {
            0 => 0,
            _ => self.tokens[index - 1].span.end as usize,
        };
        let to: usize = self.tokens[index].span.start as usize;
        self.text.get(from..to).map_or(0, |gap: &str| {
            gap.bytes().filter(|&b: &u8| b == b'\n').count()
        })
    }

    fn at_line_start(&self, index: usize) -> bool {
        index == 0 || self.newlines_before(index) > 0
    }

    /// Whether token `index` can open a sentence.
    fn can_start(&self, index: usize) -> bool {
        let token: &Token<'_> = &self.tokens[index];
        match first_char(token) {
            Some(c) if c.is_uppercase() || c.is_ascii_digit() => true,
            _ => {
                matches!(token.word, "``" | "`" | "-LRB-" | "-LSB-")
                    && self.tokens.get(index + 1).is_some_and(|next: &Token<'_>| {
                        first_char(next)
                            .is_some_and(|c: char| c.is_uppercase() || c.is_ascii_digit())
                    })
            }
        }
    }

    /// A list marker at line start: a bullet, or `1.` / `a)`.
    fn list_marker_len(&self, index: usize) -> Option<usize> {
        if !self.at_line_start(index) {
            return None;
        }
        let token: &Token<'_> = &self.tokens[index];
        if is_bullet(token.text) && self.tokens.len() > index + 1 {
            return Some(1);
        }
        let short_label: bool = (token.text.len() <= 3
            && token.text.bytes().all(|b: u8| b.is_ascii_digit()))
            || (token.text.len() == 1 && token.text.bytes().all(|b: u8| b.is_ascii_lowercase()));
        let next: &Token<'_> = self.tokens.get(index + 1)?;
        let closes: bool = matches!(next.text, "." | ")") && next.span.start == token.span.end;
        (short_label && closes && self.tokens.len() > index + 2).then_some(2)
    }

    /// Decides whether a segment ends after token `index`; returns its end and kind.
    fn boundary_after(&self, start: usize, index: usize) -> (Option<usize>, SegmentKind) {
        let tokens: &[Token<'_>] = self.tokens;
        let token: &Token<'_> = &tokens[index];
        let next_index: usize = index + 1;
        let in_marker: bool =
            index > start && index == start + 1 && self.list_marker_len(start) == Some(2);
        // "Mr . Sisi": a title's detached period in pre-tokenised text.
        let after_title: bool = token.word == "."
            && index > start
            && is_title(tokens[index - 1].text)
            && tokens.get(next_index).is_some_and(is_capitalized);
        if is_terminal(token.word) && !in_marker && !after_title {
            let mut end: usize = next_index;
            while end < tokens.len()
                && is_closing(tokens[end].word)
                && self.newlines_before(end) == 0
            {
                end += 1;
            }
            if end >= tokens.len() || self.can_start(end) || self.newlines_before(end) >= 2 {
                return (Some(end), SegmentKind::Sentence);
            }
        }
        if next_index >= tokens.len() {
            return (None, SegmentKind::Sentence);
        }
        if let Some(stem) = token.text.strip_suffix('.') {
            let ends: bool = classify(stem) == Abbreviation::MayEnd
                && is_capitalized(&tokens[next_index])
                && (is_sentence_starter(tokens[next_index].text)
                    || self.newlines_before(next_index) >= 2);
            if ends {
                return (Some(next_index), SegmentKind::Sentence);
            }
        }
        let newlines: usize = self.newlines_before(next_index);
        if newlines >= 2 {
            return (Some(next_index), self.unterminated_kind(start, next_index));
        }
        if newlines == 1 {
            if self.list_marker_len(next_index).is_some() || self.dateline_end(next_index).is_some()
            {
                return (Some(next_index), self.unterminated_kind(start, next_index));
            }
            if self.is_headline(start, next_index) && self.can_start(next_index) {
                return (Some(next_index), SegmentKind::Headline);
            }
        }
        (None, SegmentKind::Sentence)
    }

    /// Kind of a segment `start..end` cut without terminal punctuation.
    fn unterminated_kind(&self, start: usize, end: usize) -> SegmentKind {
        let last: &Token<'_> = &self.tokens[end - 1];
        if is_terminal(last.word) || is_closing(last.word) {
            SegmentKind::Sentence
        } else if self.is_headline(start, end) {
            SegmentKind::Headline
        } else {
            SegmentKind::Sentence
        }
    }

    /// A single line, mostly capitalized, not ending in a comma or function word.
    fn is_headline(&self, start: usize, end: usize) -> bool {
        if end <= start || end - start > 25 || !self.at_line_start(start) {
            return false;
        }
        if (start + 1..end).any(|index: usize| self.newlines_before(index) > 0) {
            return false;
        }
        let last: &Token<'_> = &self.tokens[end - 1];
        let dangling: bool = matches!(last.word, "," | ":" | ";" | "--" | "-" | "``")
            || [
                "and", "or", "of", "the", "a", "to", "in", "for", "with", "by",
            ]
            .iter()
            .any(|word: &&str| last.text.eq_ignore_ascii_case(word) && !is_all_caps(last));
        if dangling {
            return false;
        }
        // The first word is capitalized anyway; judge the rest.
        let rest: &[Token<'_>] = &self.tokens[start + 1..end];
        let words: usize = rest
            .iter()
            .filter(|token: &&Token<'_>| first_char(token).is_some_and(char::is_alphabetic))
            .count();
        let capitalized: usize = rest
            .iter()
            .filter(|token: &&Token<'_>| is_capitalized(token))
            .count();
        words == 0 || capitalized * 10 >= words * 7
    }

    /// `PLACE[, Date] [(Agency)] -` at the start of a segment: the index after the dash.
    fn dateline_end(&self, start: usize) -> Option<usize> {
        let tokens: &[Token<'_>] = self.tokens;
        let first: &Token<'_> = tokens.get(start)?;
        if !is_capitalized(first) {
            return None;
        }
        let mut agency: bool = false;
        let mut all_caps: bool = true;
        for index in start..tokens.len().min(start + 14) {
            let token: &Token<'_> = &tokens[index];
            if index > start && self.newlines_before(index) >= 2 {
                return None;
            }
            if index > start && is_dash(token) {
                let has_rest: bool = index + 1 < tokens.len();
                return (has_rest && (agency || (all_caps && is_all_caps(first))))
                    .then_some(index + 1);
            }
            match token.word {
                "," | "." | "-RRB-" | "/" => {}
                "-LRB-" => agency = true,
                _ if is_capitalized(token) => all_caps &= is_all_caps(token) || agency,
                _ if first_char(token).is_some_and(|c: char| c.is_ascii_digit()) => {}
                _ => return None,
            }
        }
        None
    }

    /// `By Jane Smith` alone on a line at the start of a segment.
    fn byline_end(&self, start: usize) -> Option<usize> {
        let tokens: &[Token<'_>] = self.tokens;
        let first: &Token<'_> = tokens.get(start)?;
        if !first.text.eq_ignore_ascii_case("by")
            || !is_capitalized(first)
            || !self.at_line_start(start)
        {
            return None;
        }
        let mut index: usize = start + 1;
        while index < tokens.len() && index <= start + 8 {
            if self.newlines_before(index) > 0 {
                break;
            }
            let token: &Token<'_> = &tokens[index];
            let name_part: bool = is_capitalized(token)
                || matches!(token.word, "," | "and" | "-LRB-" | "-RRB-" | "." | "'s")
                || token.text.eq_ignore_ascii_case("and");
            if !name_part {
                return None;
            }
            index += 1;
        }
        let at_line_end: bool = index >= tokens.len() || self.newlines_before(index) > 0;
        (index > start + 1 && at_line_end).then_some(index)
    }
}
