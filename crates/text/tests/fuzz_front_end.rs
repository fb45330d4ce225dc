//! Property tests: the front end never panics, and every span it reports lies on
//! char boundaries of the original text and matches the token's text.

use annalist_text::{Analyzer, SentenceView, Tag, Tagger, segment, tokenize};
use proptest::prelude::*;

/// Words and marks that exercise the tokenizer, segmenter and parser together.
const VOCABULARY: &[&str] = &[
    "the",
    "The",
    "army",
    "Arnor",
    "'s",
    "said",
    "U.S.",
    "Gen.",
    "Dr.",
    "Inc.",
    "J.",
    "didn't",
    "won't",
    "\"",
    "“",
    "”",
    "'",
    "(",
    ")",
    "--",
    "—",
    "-",
    ",",
    ".",
    "?",
    "!",
    ";",
    ":",
    "...",
    "and",
    "but",
    "which",
    "who",
    "that",
    "to",
    "attack",
    "attacked",
    "has",
    "been",
    "will",
    "not",
    "of",
    "in",
    "on",
    "according",
    "\n",
    "\n\n",
    "BAKU",
    "(Reuters)",
    "By",
    "1.",
    "12,000",
    "3.5%",
    "$5",
    "é",
    "Ωmega",
    "said.The",
    "WASHINGTON",
    "NOV.",
    "pro-government",
    "\u{a0}",
    "\t",
    "•",
];

fn check(text: &str) {
    for token in tokenize(text) {
        assert_eq!(token.span.slice(text), Some(token.text), "{text:?}");
        assert!(!token.text.is_empty());
    }
    for segment in segment(text) {
        assert!(segment.span.slice(text).is_some(), "{text:?}");
    }
    let mut analyzer: Analyzer = Analyzer::new();
    let mut previous_end: u32 = 0;
    analyzer.for_each_sentence(text, |view: SentenceView<'_, '_>| {
        assert!(view.span.slice(text).is_some());
        assert!(view.span.start >= previous_end, "{text:?}");
        previous_end = view.span.end;
        assert_eq!(view.tokens.len(), view.tags.len());
        assert_eq!(view.tree.leaves().len(), view.tokens.len(), "{text:?}");
        for (token, word) in view.tokens.iter().zip(view.tree.words()) {
            assert_eq!(token.span.slice(text), Some(token.text));
            assert_eq!(token.word, word);
        }
        // Every tree the parser builds prints and reads back.
        let printed: String = view.tree.to_bracketed();
        if !printed.is_empty() {
            assert!(annalist_text::parse_ptb(&printed).is_ok(), "{printed}");
        }
    });
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn arbitrary_unicode(text in "\\PC{0,200}") {
        check(&text);
    }

    #[test]
    fn arbitrary_bytes(bytes in prop::collection::vec(any::<u8>(), 0..300)) {
        check(&String::from_utf8_lossy(&bytes));
    }

    #[test]
    fn news_like_word_salad(words in prop::collection::vec(prop::sample::select(VOCABULARY), 0..80)) {
        check(&words.join(" "));
        check(&words.concat());
    }

    #[test]
    fn arbitrary_tag_sequences(tags in prop::collection::vec(0usize..45, 0..120)) {
        let tags: Vec<Tag> = tags.iter().map(|&i| annalist_text::ALL_TAGS[i]).collect();
        let words: Vec<&str> = tags.iter().map(|tag: &Tag| tag.as_str()).collect();
        let tree = annalist_text::parse_tags(&words, &tags);
        prop_assert_eq!(tree.leaves().len(), tags.len());
    }

    #[test]
    fn tagger_takes_any_words(words in prop::collection::vec("\\PC{0,8}", 0..40)) {
        let mut tags: Vec<Tag> = Vec::new();
        Tagger::new().tag(&words, &mut tags);
        prop_assert_eq!(tags.len(), words.len());
    }
}

/// Repetitive input once made speculative NP parsing exponential; these must
/// finish quickly (a hang here is the failure).
#[test]
fn pathological_repetition_stays_linear() {
    let patterns: [&str; 6] = [
        "the man of Arnor ,",
        "the man , who attacked the city of Arnor ,",
        "Arnor and Gondor and",
        "( the ( man",
        ", according to the man of Arnor ,",
        "said that the man",
    ];
    let mut analyzer: Analyzer = Analyzer::new();
    for pattern in patterns {
        let text: String = vec![pattern; 600].join(" ");
        let started = std::time::Instant::now();
        let mut tokens: usize = 0;
        analyzer.for_each_sentence(&text, |view: SentenceView<'_, '_>| {
            tokens += view.tokens.len()
        });
        assert!(tokens > 0);
        assert!(started.elapsed().as_secs() < 20, "{pattern}");
    }
}
