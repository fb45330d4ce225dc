//! Shapes the rule parser must produce for typical news sentences.

use super::parse_tags;
use crate::tag::Tag;

fn parse(tagged: &str) -> String {
    let mut words: Vec<&str> = Vec::new();
    let mut tags: Vec<Tag> = Vec::new();
    for item in tagged.split_whitespace() {
        let (word, tag) = item.rsplit_once('/').expect("word/TAG");
        words.push(word);
        tags.push(Tag::from_label(tag).expect("known tag"));
    }
    parse_tags(&words, &tags).to_bracketed()
}

#[test]
fn simple_clause() {
    assert_eq!(
        parse("Arnor/NNP restored/VBD ties/NNS with/IN Gondor/NNP ./."),
        "(ROOT (S (NP (NNP Arnor)) (VP (VBD restored) (NP (NNS ties)) (PP (IN with) (NP (NNP Gondor)))) (. .)))"
    );
}

#[test]
fn empty_sentence() {
    assert_eq!(parse(""), "");
}
