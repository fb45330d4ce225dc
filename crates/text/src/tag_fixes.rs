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
    correct_actor_nouns(words, tags);
    correct_split_names(words, tags);
}

/// Names split around their accented letters in pre-tokenised text ("Pe ñ a Nieto",
/// "L ó pez Obrador") and a title's detached period ("Mr . Sisi") stay proper nouns.
fn correct_split_names(words: &[&str], tags: &mut [Tag]) {
    let len: usize = words.len().min(tags.len());
    for index in 1..len {
        let previous: Tag = tags[index - 1];
        let word: &str = words[index];
        let mut chars = word.chars();
        let lone_accent: bool = chars
            .next()
            .is_some_and(|c: char| c.is_alphabetic() && !c.is_ascii())
            && chars.next().is_none();
        let after_accent: bool = index >= 2
            && words[index - 1].chars().count() == 1
            && !words[index - 1].is_ascii()
            && previous == Tag::NNP
            && word.chars().all(char::is_lowercase);
        let title_period: bool = word == "."
            && crate::abbrev::is_title(words[index - 1])
            && words
                .get(index + 1)
                .is_some_and(|next: &&str| next.chars().next().is_some_and(char::is_uppercase));
        if (previous == Tag::NNP && (lone_accent || after_accent)) || title_period {
            tags[index] = Tag::NNP;
        }
    }
}

/// Nouns that head actor phrases, read as adjectives or verbs: "The Iraqi military has
/// carried out", "Iraqi armed forces have begun", "US envoy Richard Holbrooke ended".
fn correct_actor_nouns(words: &[&str], tags: &mut [Tag]) {
    let len: usize = words.len().min(tags.len());
    for index in 0..len {
        let word: &str = words[index];
        let next: Option<Tag> = tags.get(index + 1).copied();
        let previous: Option<Tag> = index.checked_sub(1).and_then(|i| tags.get(i)).copied();
        let after_modifier: bool = previous.is_some_and(|t: Tag| {
            t.is_proper() || t.is_adjective() || matches!(t, Tag::DT | Tag::POS)
        });
        // An adjective right before a finite verb is the head of the subject: attributive
        // adjectives precede a noun, predicative ones follow the verb.
        if tags[index] == Tag::JJ
            && after_modifier
            && next.is_some_and(Tag::is_finite)
            && is_collective_actor_noun(word)
        {
            tags[index] = Tag::NN;
        }
        // "armed forces / groups / men": the participle of a noun compound, not a verb.
        if tags[index] == Tag::VBD
            && word.eq_ignore_ascii_case("armed")
            && next.is_some_and(|t: Tag| matches!(t, Tag::NNS | Tag::NN))
            && previous.is_none_or(|t: Tag| !t.is_noun() || t.is_proper())
        {
            tags[index] = Tag::JJ;
        }
        // Titles are never verbs: "envoy", "spokesman", "chief".
        if tags[index].is_verb() && is_title_noun(word) {
            tags[index] = Tag::NN;
        }
    }
}

/// Collective nouns for an armed or governing body that also read as adjectives.
fn is_collective_actor_noun(word: &str) -> bool {
    [
        "military",
        "paramilitary",
        "militia",
        "opposition",
        "government",
        "police",
    ]
    .iter()
    .any(|noun: &&str| word.eq_ignore_ascii_case(noun))
}

/// Titles of people that the tagger sometimes reads as verbs.
fn is_title_noun(word: &str) -> bool {
    [
        "envoy",
        "spokesman",
        "spokeswoman",
        "spokesperson",
        "ambassador",
        "chief",
        "minister",
        "premier",
        "president",
        "commander",
        "lawmaker",
        "diplomat",
    ]
    .iter()
    .any(|noun: &&str| word.eq_ignore_ascii_case(noun))
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

    #[test]
    fn fixes_actor_nouns_read_as_adjectives_or_verbs() {
        let words: [&str; 4] = ["The", "Iraqi", "military", "has"];
        let mut tags: [Tag; 4] = [Tag::DT, Tag::NNP, Tag::JJ, Tag::VBZ];
        correct_tags(&words, &mut tags);
        assert_eq!(tags[2], Tag::NN);
        // "military" before a noun stays an adjective.
        let words: [&str; 3] = ["Iraqi", "military", "statements"];
        let mut tags: [Tag; 3] = [Tag::NNP, Tag::JJ, Tag::NNS];
        correct_tags(&words, &mut tags);
        assert_eq!(tags[1], Tag::JJ);
        let words: [&str; 4] = ["Iraqi", "armed", "forces", "have"];
        let mut tags: [Tag; 4] = [Tag::NNP, Tag::VBD, Tag::NNS, Tag::VBP];
        correct_tags(&words, &mut tags);
        assert_eq!(tags[1], Tag::JJ);
        // "Iran armed the rebels" keeps its verb.
        let words: [&str; 4] = ["Iran", "armed", "the", "rebels"];
        let mut tags: [Tag; 4] = [Tag::NNP, Tag::VBD, Tag::DT, Tag::NNS];
        correct_tags(&words, &mut tags);
        assert_eq!(tags[1], Tag::VBD);
        let words: [&str; 4] = ["US", "envoy", "Richard", "Holbrooke"];
        let mut tags: [Tag; 4] = [Tag::NNP, Tag::VBP, Tag::NNP, Tag::NNP];
        correct_tags(&words, &mut tags);
        assert_eq!(tags[1], Tag::NN);
    }

    #[test]
    fn split_names_stay_proper_nouns() {
        let words: [&str; 6] = ["Enrique", "Pe", "ñ", "a", "Nieto", "said"];
        let mut tags: [Tag; 6] = [Tag::NNP, Tag::NNP, Tag::JJ, Tag::DT, Tag::NNP, Tag::VBD];
        correct_tags(&words, &mut tags);
        assert_eq!(tags[2], Tag::NNP);
        assert_eq!(tags[3], Tag::NNP);
        let words: [&str; 4] = ["Mr", ".", "Sisi", "said"];
        let mut tags: [Tag; 4] = [Tag::NNP, Tag::Period, Tag::NNP, Tag::VBD];
        correct_tags(&words, &mut tags);
        assert_eq!(tags[1], Tag::NNP);
        // A lower-case word after an ASCII name is left alone.
        let words: [&str; 3] = ["Nieto", "a", "said"];
        let mut tags: [Tag; 3] = [Tag::NNP, Tag::DT, Tag::VBD];
        correct_tags(&words, &mut tags);
        assert_eq!(tags[1], Tag::DT);
    }
}
