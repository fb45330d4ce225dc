//! Small corrections to perceptron tags where the context rules are clear and
//! errors matter to the parser (and hence to event coding).

use crate::tag::Tag;

/// Fixes `tags` in place for the sentence `words` (PTB forms).
pub(crate) fn correct_tags(words: &[&str], tags: &mut [Tag]) {
    let len: usize = words.len().min(tags.len());
    for index in 0..len {
        let next: Option<Tag> = tags.get(index + 1).copied();
        let previous: Option<Tag> = index.checked_sub(1).and_then(|i| tags.get(i)).copied();
        let tag: Tag = tags[index];
        // "Ethiopia indicated ...": a capitalized sentence opener tagged RB before a verb.
        if index == 0
            && tag == Tag::RB
            && is_capitalized_word(words[index])
            && next.is_some_and(|t: Tag| t.is_finite())
        {
            tags[index] = Tag::NNP;
        }
        // "will abandon improved relations": a past form right after a base-form
        // verb and before a noun phrase is an adjectival participle.
        if tag == Tag::VBD
            && previous == Some(Tag::VB)
            && next.is_some_and(|t: Tag| t.is_adjective() || t.is_noun())
        {
            tags[index] = Tag::JJ;
        }
    }
}

/// `Ethiopia`, not `ETHIOPIA` or `ethiopia`.
fn is_capitalized_word(word: &str) -> bool {
    let mut chars = word.chars();
    chars.next().is_some_and(char::is_uppercase) && chars.any(char::is_lowercase)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fixes_sentence_initial_name_and_participle() {
        let words: [&str; 4] = ["Ethiopia", "indicated", "improved", "ties"];
        let mut tags: [Tag; 4] = [Tag::RB, Tag::VBD, Tag::VBD, Tag::NNS];
        correct_tags(&words, &mut tags);
        assert_eq!(tags, [Tag::NNP, Tag::VBD, Tag::VBD, Tag::NNS]);
        let words: [&str; 3] = ["abandon", "improved", "ties"];
        let mut tags: [Tag; 3] = [Tag::VB, Tag::VBD, Tag::NNS];
        correct_tags(&words, &mut tags);
        assert_eq!(tags[1], Tag::JJ);
    }
}
