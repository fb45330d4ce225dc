//! Segmentation, tokenisation, tagging and parsing of our own news-style examples.

use annalist_text::{
    Analyzer, SegmentKind, SentenceAnalysis, SentenceView, Tag, Token, analyze, segment, tokenize,
};

fn words(text: &str) -> Vec<&str> {
    tokenize(text)
        .iter()
        .map(|token: &Token<'_>| token.word)
        .collect()
}

fn sentences(text: &str) -> Vec<&str> {
    segment(text)
        .iter()
        .map(|segment| segment.span.slice(text).expect("span on char boundaries"))
        .collect()
}

#[test]
fn clitics_and_negation() {
    assert_eq!(
        words("Iran's envoy didn't come, and they'll say it can't."),
        [
            "Iran", "'s", "envoy", "did", "n't", "come", ",", "and", "they", "'ll", "say", "it",
            "ca", "n't", "."
        ]
    );
    assert_eq!(
        words("We won’t go; it’s over"),
        ["We", "wo", "n't", "go", ";", "it", "'s", "over"]
    );
    assert_eq!(
        words("the rebels' demands"),
        ["the", "rebels", "'", "demands"]
    );
    assert_eq!(words("They cannot agree"), ["They", "can", "not", "agree"]);
}

#[test]
fn hyphens_numbers_currency_percentages() {
    assert_eq!(
        words("A pro-government rally drew 12,500 people, up 3.5% from $1,200.50 (US$5m) in 2019."),
        [
            "A",
            "pro-government",
            "rally",
            "drew",
            "12,500",
            "people",
            ",",
            "up",
            "3.5",
            "%",
            "from",
            "$",
            "1,200.50",
            "-LRB-",
            "US$5m",
            "-RRB-",
            "in",
            "2019",
            "."
        ]
    );
    assert_eq!(words("at 10:30 on 5/11"), ["at", "10:30", "on", "5/11"]);
    assert_eq!(words("Paris,France"), ["Paris", ",", "France"]);
}

#[test]
fn quotes_and_dashes() {
    assert_eq!(
        words("He said: \"We will fight\" -- and left—quickly…"),
        [
            "He", "said", ":", "``", "We", "will", "fight", "''", "--", "and", "left", "--",
            "quickly", "..."
        ]
    );
    assert_eq!(
        words("“Stop,” she said."),
        ["``", "Stop", ",", "''", "she", "said", "."]
    );
    assert_eq!(words("``Peace'' now"), ["``", "Peace", "''", "now"]);
}

#[test]
fn abbreviations_and_initials_keep_their_period() {
    assert_eq!(
        words("Gen. John F. Kelly met U.S. officials at 9 a.m. on Jan. 5."),
        [
            "Gen.",
            "John",
            "F.",
            "Kelly",
            "met",
            "U.S.",
            "officials",
            "at",
            "9",
            "a.m.",
            "on",
            "Jan.",
            "5",
            "."
        ]
    );
}

#[test]
fn spans_point_into_the_original_text() {
    let text: &str = "Dr. Ñúñez didn't — “really” — agree.";
    for token in tokenize(text) {
        assert_eq!(token.span.slice(text), Some(token.text));
    }
}

#[test]
fn sentences_with_abbreviations_and_initials() {
    let text: &str =
        "Gen. Smith met Dr. Jones in the U.S. capital on Nov. 3. They talked. J. R. Smith left.";
    assert_eq!(
        sentences(text),
        [
            "Gen. Smith met Dr. Jones in the U.S. capital on Nov. 3.",
            "They talked.",
            "J. R. Smith left."
        ]
    );
}

#[test]
fn pre_tokenised_titles_keep_their_sentence() {
    let text: &str = "Mr . Sisi has rejected appeals . Sen . Mitch McConnell says no .";
    assert_eq!(
        sentences(text),
        [
            "Mr . Sisi has rejected appeals .",
            "Sen . Mitch McConnell says no ."
        ]
    );
}

#[test]
fn abbreviation_can_end_a_sentence() {
    let text: &str =
        "Shares rose at Acme Inc. The company said profits grew in the U.S. It gave no figures.";
    assert_eq!(
        sentences(text),
        [
            "Shares rose at Acme Inc.",
            "The company said profits grew in the U.S.",
            "It gave no figures."
        ]
    );
}

#[test]
fn quotes_spanning_sentences() {
    let text: &str =
        "\"We will not retreat. We will win,\" the commander said. \"Never.\" he added.";
    assert_eq!(
        sentences(text),
        [
            "\"We will not retreat.",
            "We will win,\" the commander said.",
            "\"Never.\" he added."
        ]
    );
}

#[test]
fn datelines_are_their_own_segment() {
    let text: &str = "BAKU, Nov 16 (Reuters) - Azerbaijan said on Monday it had closed the border.";
    let segments = segment(text);
    assert_eq!(segments.len(), 2);
    assert_eq!(segments[0].kind, SegmentKind::Dateline);
    assert_eq!(
        segments[0].span.slice(text),
        Some("BAKU, Nov 16 (Reuters) -")
    );
    assert_eq!(
        segments[1].span.slice(text),
        Some("Azerbaijan said on Monday it had closed the border.")
    );
    let text: &str = "WASHINGTON — The Senate voted on Tuesday.";
    assert_eq!(
        sentences(text),
        ["WASHINGTON —", "The Senate voted on Tuesday."]
    );
}

#[test]
fn headlines_and_bylines() {
    let text: &str = "Rebels Seize Northern Town\nBy Jane Smith and Omar Ali\nGOMA, March 3 (AFP) - Rebels seized the town of Kitchanga on Sunday, residents said.";
    let segments = segment(text);
    let kinds: Vec<SegmentKind> = segments.iter().map(|s| s.kind).collect();
    assert_eq!(
        kinds,
        [
            SegmentKind::Headline,
            SegmentKind::Byline,
            SegmentKind::Dateline,
            SegmentKind::Sentence
        ]
    );
    assert_eq!(
        segments[0].span.slice(text),
        Some("Rebels Seize Northern Town")
    );
    assert_eq!(
        segments[1].span.slice(text),
        Some("By Jane Smith and Omar Ali")
    );
}

#[test]
fn wrapped_lines_do_not_split() {
    let text: &str =
        "The minister met US Deputy\nSecretary of Energy Jeffrey Kupfer on\nWednesday in Baku.";
    assert_eq!(sentences(text).len(), 1);
}

#[test]
fn lists() {
    let text: &str =
        "The demands were:\n1. Release the prisoners\n2. Open the border\n- Pay the salaries";
    assert_eq!(
        sentences(text),
        [
            "The demands were:",
            "1. Release the prisoners",
            "2. Open the border",
            "- Pay the salaries"
        ]
    );
}

#[test]
fn missing_space_after_period() {
    let text: &str = "The talks failed.The army then attacked the city.";
    assert_eq!(
        sentences(text),
        ["The talks failed.", "The army then attacked the city."]
    );
}

#[test]
fn all_caps_wire_text() {
    let text: &str = "U.S. TROOPS LEAVE BASE. OFFICIALS SAY GEN. SMITH ORDERED THE MOVE.";
    assert_eq!(
        sentences(text),
        [
            "U.S. TROOPS LEAVE BASE.",
            "OFFICIALS SAY GEN. SMITH ORDERED THE MOVE."
        ]
    );
    let analyses: Vec<SentenceAnalysis<'_>> = analyze(text);
    let verbs: usize = analyses
        .iter()
        .flat_map(|analysis| analysis.tags.iter())
        .filter(|tag: &&Tag| tag.is_verb())
        .count();
    assert!(verbs >= 2, "{analyses:?}");
}

#[test]
fn paragraph_break_ends_a_sentence() {
    let text: &str = "Fighting continued in the north\n\nThe UN called for calm.";
    assert_eq!(
        sentences(text),
        ["Fighting continued in the north", "The UN called for calm."]
    );
}

#[test]
fn analyze_builds_ptb_trees_with_spans() {
    let text: &str = "Arnor's army attacked Gondor on Monday, the ministry said.";
    let analyses: Vec<SentenceAnalysis<'_>> = analyze(text);
    assert_eq!(analyses.len(), 1);
    let analysis: &SentenceAnalysis<'_> = &analyses[0];
    assert_eq!(analysis.tree.leaves().len(), analysis.tokens.len());
    assert_eq!(
        analysis.tree.to_bracketed(),
        "(ROOT (S (S (NP (NP (NNP Arnor) (POS 's)) (NN army)) (VP (VBD attacked) (NP (NNP Gondor)) \
         (PP (IN on) (NP (NNP Monday))))) (, ,) (NP (DT the) (NN ministry)) (VP (VBD said)) (. .)))"
    );
    assert_eq!(analysis.tokens[0].span.slice(text), Some("Arnor"));
}

#[test]
fn analyzer_reuses_buffers_across_texts() {
    let mut analyzer: Analyzer = Analyzer::new();
    let mut count: usize = 0;
    for text in ["One sentence here.", "Two. Sentences here."] {
        let owned: String = text.to_string();
        analyzer.for_each_sentence(&owned, |view: SentenceView<'_, '_>| {
            assert_eq!(view.tokens.len(), view.tree.leaves().len());
            count += 1;
        });
    }
    assert_eq!(count, 3);
}

#[test]
fn title_case_headlines_are_tagged_as_sentences() {
    let text: &str = "Rebels Seize Northern Town\n\nRebels seized the town on Sunday.";
    let analyses: Vec<SentenceAnalysis<'_>> = analyze(text);
    assert_eq!(analyses[0].kind, SegmentKind::Headline);
    let tags: Vec<&str> = analyses[0]
        .tags
        .iter()
        .map(|tag: &Tag| tag.as_str())
        .collect();
    assert_eq!(tags, ["NNS", "VBP", "JJ", "NN"]);
}

/// The bracketed tree of a one-sentence text.
fn tree_of(text: &str) -> String {
    analyze(text)
        .first()
        .map(|analysis: &SentenceAnalysis<'_>| analysis.tree.to_bracketed())
        .unwrap_or_default()
}

#[test]
fn pre_tokenized_possessive_is_one_token() {
    let text: &str = "Gondor ’ s army attacked Arnor ' s border .";
    let tokens: Vec<Token<'_>> = tokenize(text);
    let forms: Vec<&str> = tokens.iter().map(|t: &Token<'_>| t.word).collect();
    assert_eq!(
        forms,
        [
            "Gondor", "'s", "army", "attacked", "Arnor", "'s", "border", "."
        ]
    );
    assert_eq!(tokens[1].span.slice(text), Some("’ s"));
    // A closing quote before a word "s" elsewhere stays a quote.
    assert_eq!(words("the 'A' s"), ["the", "`", "A", "'", "s"]);
    assert!(tree_of(text).contains("(NP (NP (NNP Gondor) (POS 's)) (NN army))"));
}

#[test]
fn pre_tokenized_numbers_and_hyphens_stay_whole() {
    // "20 , 000": one number, not a clause break before "000 civilians".
    let tree: String = tree_of("Militants held around 20 , 000 civilians as human shields .");
    assert!(
        tree.contains("(CD 20) (CD ,) (CD 000) (NNS civilians)"),
        "{tree}"
    );
    // A date keeps its comma.
    let tree: String = tree_of("On May 12 , 2010 , Arnor attacked Gondor .");
    assert!(tree.contains("(CD 12)) (, ,)"), "{tree}");
    // "cruise - missile": one modifier inside the object.
    let tree: String = tree_of("Arnor launched a cruise - missile attack on Gondor .");
    assert!(
        tree.contains("(NP (DT a) (JJ cruise) (JJ -) (NN missile) (NN attack))"),
        "{tree}"
    );
    let tree: String = tree_of("Gondor - backed rebels attacked the town .");
    assert!(tree.contains("(VP (VBD attacked)"), "{tree}");
    // A dash between phrases is left alone.
    let tree: String = tree_of("The attack - the third this month - killed ten people .");
    assert!(!tree.contains("(JJ -)"), "{tree}");
}

#[test]
fn predicates_after_asides_and_modifiers_before_nouns() {
    // A participle aside closed by a comma: the verb after it is the predicate.
    let tree: String =
        tree_of("Turkish troops, backed by Syrian rebels, attacked Kurdish fighters.");
    assert!(tree.contains("(VP (VBD attacked)"), "{tree}");
    // "rejects and condemns": two verbs, not a plural noun.
    let tree: String = tree_of("The government, thus, rejects and condemns the decision.");
    assert!(tree.contains("(VBZ rejects)"), "{tree}");
    // "armed forces" before the verb: a modifier, not the verb.
    let tree: String = tree_of("The Afghan armed forces pounded the hideouts.");
    assert!(tree.contains("(VP (VBD pounded)"), "{tree}");
    assert!(!tree.contains("(VBD armed)"), "{tree}");
}
