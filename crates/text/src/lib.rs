//! Text primitives for annalist: byte [`Span`]s into original documents, Penn
//! Treebank parse trees, alignment of tree tokens back to the source text, and the
//! in-process English front end (raw text → sentences → tokens → tags → trees).
//!
//! * [`Span`] — `[start, end)` byte offsets into the original document text,
//!   serialized as `[start, end]`.
//! * [`Tree`] — an arena tree built for speed: one `String` holds every label and
//!   word, nodes are plain `Copy` records addressed by [`NodeId`], and children are
//!   contiguous slices. [`parse_ptb`] reads one bracketed tree; [`Tree::parse_into`]
//!   reuses an existing tree's buffers so a stream of sentences parses without
//!   per-sentence allocation. The reader never panics; bad input gives a
//!   [`TreeError`] with a byte offset.
//! * [`align_leaves`] — maps tree tokens (with PTB escapes such as `-LRB-`, ` `` `,
//!   `n't`) to [`Span`]s of messy original text, resynchronising after tokens that
//!   cannot be found.
//! * Front end, each step public: [`tokenize`] / [`Tokenizer`] (PTB tokens with
//!   spans), [`segment`] / [`segment_tokens`] (sentences, headlines, datelines,
//!   bylines), [`Tagger`] (Honnibal's averaged perceptron with the converted
//!   textblob-aptagger weights, MIT, in `data/`), [`parse_tags`] / [`Parser`]
//!   (deterministic rules producing CoreNLP-shaped `(ROOT (S ...))` trees), and
//!   [`analyze`] / [`Analyzer`] for all of it, the latter reusing every buffer.
//!
//! ```
//! use annalist_text::{analyze, SentenceAnalysis};
//!
//! let text = "BAKU, Nov 16 (Reuters) - Azerbaijan's army shelled the town, officials said.";
//! let sentences: Vec<SentenceAnalysis<'_>> = analyze(text);
//! let story = &sentences[1];
//! assert_eq!(story.span.slice(text), Some("Azerbaijan's army shelled the town, officials said."));
//! assert_eq!(story.tokens[1].word, "'s");
//! assert_eq!(story.tags[1].as_str(), "POS");
//! assert!(story.tree.to_bracketed().starts_with("(ROOT (S (S (NP (NP (NNP Azerbaijan) (POS 's))"));
//! ```
//!
//! ```
//! use annalist_text::{align_words, parse_ptb, Span, Tree};
//!
//! let tree: Tree = parse_ptb("(ROOT (S (NP-SBJ (NNP Arnor)) (VP (VBD left)) (. .)))").unwrap();
//! let subject = tree.children(tree.top()).next().unwrap();
//! assert_eq!(tree.label(subject), "NP-SBJ");
//! assert_eq!(tree.base_label(subject), "NP");
//! assert_eq!(tree.words().collect::<Vec<_>>(), ["Arnor", "left", "."]);
//!
//! let spans = align_words("Arnor left.", tree.words());
//! assert_eq!(spans[1], Some(Span { start: 6, end: 10 }));
//! ```

mod abbrev;
mod align;
mod analyze;
mod parse;
mod ptb;
mod segment;
mod span;
mod tag;
mod tag_fixes;
mod tagger;
mod tagger_hash;
mod tagger_model;
mod tokenize;
mod tree;
mod tree_build;

#[cfg(test)]
mod ptb_tests;

pub use align::{Aligner, align_leaves, align_words};
pub use analyze::{Analyzer, SentenceAnalysis, SentenceView, analyze};
pub use parse::{Parser, parse_tags};
pub use ptb::{MAX_DEPTH, TreeError, TreeErrorKind, parse_ptb};
pub use segment::{Segment, SegmentKind, segment, segment_tokens};
pub use span::Span;
pub use tag::{ALL_TAGS, Tag};
pub use tagger::Tagger;
pub use tokenize::{Token, Tokenizer, tokenize};
pub use tree::{NodeId, PreorderNode, Tree, base_label};
