//! The English front end end to end: raw text → segments → PTB tokens → POS tags →
//! phrase-structure trees, with byte spans back into the text. [`analyze`] returns
//! owned results; [`Analyzer::for_each_sentence`] reuses every buffer.

use crate::parse::Parser;
use crate::segment::{Segment, SegmentKind, segment_tokens};
use crate::span::Span;
use crate::tag::Tag;
use crate::tag_fixes::{correct_tags, join_spaced_compounds};
use crate::tagger::Tagger;
use crate::tokenize::{Token, Tokenizer};
use crate::tree::Tree;

/// One analysed sentence (owned form, from [`analyze`]).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SentenceAnalysis<'t> {
    /// From the first token's start to the last token's end.
    pub span: Span,
    /// Sentence, headline, dateline or byline.
    pub kind: SegmentKind,
    /// Tokens in order; leaf `i` of `tree` is `tokens[i]`.
    pub tokens: Vec<Token<'t>>,
    /// One Penn tag per token.
    pub tags: Vec<Tag>,
    /// `(ROOT (S ...))`, leaves are the tokens' PTB forms.
    pub tree: Tree,
}

/// A borrowed view of one sentence, valid during a [`Analyzer::for_each_sentence`] callback.
#[derive(Clone, Copy, Debug)]
pub struct SentenceView<'a, 't> {
    /// From the first token's start to the last token's end.
    pub span: Span,
    /// Sentence, headline, dateline or byline.
    pub kind: SegmentKind,
    /// Tokens in order; leaf `i` of `tree` is `tokens[i]`.
    pub tokens: &'a [Token<'t>],
    /// One Penn tag per token.
    pub tags: &'a [Tag],
    /// The phrase-structure tree.
    pub tree: &'a Tree,
}

impl<'t> SentenceView<'_, 't> {
    /// Copies the view into an owned [`SentenceAnalysis`].
    pub fn to_analysis(&self) -> SentenceAnalysis<'t> {
        SentenceAnalysis {
            span: self.span,
            kind: self.kind,
            tokens: self.tokens.to_vec(),
            tags: self.tags.to_vec(),
            tree: self.tree.clone(),
        }
    }
}

/// Analyses `text` into sentences. See [`Analyzer`] for the allocation-free path.
pub fn analyze(text: &str) -> Vec<SentenceAnalysis<'_>> {
    let mut out: Vec<SentenceAnalysis<'_>> = Vec::new();
    Analyzer::new().for_each_sentence(text, |view: SentenceView<'_, '_>| {
        out.push(view.to_analysis())
    });
    out
}

/// Reuses an empty vector's allocation for another element type of the same
/// layout (in-place collect), so buffers survive across texts with different lifetimes.
fn recycle<T, U>(mut buffer: Vec<T>) -> Vec<U> {
    buffer.clear();
    buffer.into_iter().filter_map(|_| None::<U>).collect()
}

/// Fraction of letters that must be upper case for a sentence to count as ALL CAPS.
fn is_all_caps_sentence(tokens: &[Token<'_>]) -> bool {
    let (mut letters, mut upper): (usize, usize) = (0, 0);
    for token in tokens {
        // ASCII tokens (most): the same counts without decoding chars.
        if token.text.is_ascii() {
            for b in token.text.bytes().filter(u8::is_ascii_alphabetic) {
                letters += 1;
                upper += usize::from(b.is_ascii_uppercase());
            }
            continue;
        }
        for c in token.text.chars().filter(|c: &char| c.is_alphabetic()) {
            letters += 1;
            upper += usize::from(c.is_uppercase());
        }
    }
    letters >= 12 && upper * 10 >= letters * 9
}

/// The full pipeline with reusable buffers; keep one per thread.
#[derive(Debug, Default)]
pub struct Analyzer {
    tagger: Tagger,
    parser: Parser,
    tree: Tree,
    tags: Vec<Tag>,
    segments: Vec<Segment>,
    tokens: Vec<Token<'static>>,
    words: Vec<&'static str>,
    lowered: String,
    lowered_ends: Vec<usize>,
}

impl Analyzer {
    /// A new analyzer (the tagger model is shared and loaded once per process).
    pub fn new() -> Analyzer {
        Analyzer::default()
    }

    /// Runs the pipeline over `text`, calling `visit` once per segment in order.
    pub fn for_each_sentence<'t>(
        &mut self,
        text: &'t str,
        mut visit: impl FnMut(SentenceView<'_, 't>),
    ) {
        let mut tokens: Vec<Token<'t>> = recycle(std::mem::take(&mut self.tokens));
        let mut words: Vec<&'t str> = recycle(std::mem::take(&mut self.words));
        Tokenizer::new().tokenize_into(text, &mut tokens);
        self.segments.clear();
        segment_tokens(text, &tokens, &mut self.segments);
        let segments: Vec<Segment> = std::mem::take(&mut self.segments);
        for segment in &segments {
            let sentence: &[Token<'t>] = &tokens[segment.tokens.clone()];
            self.tag_sentence(sentence, segment.kind);
            words.clear();
            words.extend(sentence.iter().map(|token: &Token<'t>| token.word));
            self.parser.parse_into(&words, &self.tags, &mut self.tree);
            visit(SentenceView {
                span: segment.span,
                kind: segment.kind,
                tokens: sentence,
                tags: &self.tags,
                tree: &self.tree,
            });
        }
        self.segments = segments;
        self.tokens = recycle(tokens);
        self.words = recycle(words);
    }

    /// Tags one sentence into `self.tags`; ALL-CAPS text and headlines are tagged lower-cased.
    fn tag_sentence(&mut self, sentence: &[Token<'_>], kind: SegmentKind) {
        // Capitals carry no information in ALL-CAPS text or Title Case headlines;
        // the tagger would call every word NNP.
        let lower: bool = kind == SegmentKind::Headline || is_all_caps_sentence(sentence);
        if !lower {
            let mut words: Vec<&str> = recycle(std::mem::take(&mut self.words));
            words.extend(sentence.iter().map(|token: &Token<'_>| token.word));
            self.tagger.tag(&words, &mut self.tags);
            correct_tags(&words, &mut self.tags);
            join_spaced_compounds(sentence, &mut self.tags);
            self.words = recycle(words);
            return;
        }
        self.lowered.clear();
        self.lowered_ends.clear();
        for token in sentence {
            self.lowered
                .extend(token.word.chars().flat_map(char::to_lowercase));
            self.lowered_ends.push(self.lowered.len());
        }
        let mut words: Vec<&str> = recycle(std::mem::take(&mut self.words));
        let mut start: usize = 0;
        for &end in &self.lowered_ends {
            words.push(self.lowered.get(start..end).unwrap_or_default());
            start = end;
        }
        self.tagger.tag(&words, &mut self.tags);
        correct_tags(&words, &mut self.tags);
        join_spaced_compounds(sentence, &mut self.tags);
        self.words = recycle(words);
    }
}
