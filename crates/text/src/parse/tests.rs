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

#[test]
fn help_takes_a_bare_infinitive() {
    // Tagged present tense after the object of "to help": still help's complement.
    let tree: String = parse(
        "Iran/NNP is/VBZ ready/JJ to/TO help/VB the/DT sides/NNS settle/VBP differences/NNS ./.",
    );
    assert!(
        tree.contains("(VB help) (S (NP (DT the) (NNS sides)) (VP (VBP settle)"),
        "{tree}"
    );
    // Without an object.
    let tree: String =
        parse("Armenia/NNP asked/VBD Moscow/NNP to/TO help/VB defend/VB its/PRP$ territory/NN ./.");
    assert!(tree.contains("(VB help) (VP (VB defend)"), "{tree}");
    // After a noun the infinitive is part of the subject: the verb is the predicate.
    let tree: String =
        parse("Efforts/NNS to/TO help/VB the/DT refugees/NNS remain/VBP stalled/JJ ./.");
    assert!(!tree.contains("(NNS refugees)) (VP (VBP remain)"), "{tree}");
    assert!(tree.contains("(VP (VBP remain)"), "{tree}");
}

#[test]
fn fronted_phrase_before_a_reporting_verb_is_no_report() {
    let tree: String =
        parse("In/IN Colombia/NNP ,/, the/DT ELN/NNP declared/VBD a/DT ceasefire/NN ./.");
    assert!(
        tree.starts_with("(ROOT (S (PP (IN In) (NP (NNP Colombia))) (, ,) (NP (DT the) (NNP ELN)) (VP (VBD declared)"),
        "{tree}"
    );
    // A clause before the comma is what the speaker reported.
    let tree: String = parse("Talks/NNS will/MD resume/VB ,/, the/DT minister/NN said/VBD ./.");
    assert!(tree.starts_with("(ROOT (S (S (NP (NNS Talks))"), "{tree}");
}
