//! Small corrections to perceptron tags where the context rules are clear and
//! errors matter to the parser (and hence to event coding).

use crate::tag::Tag;
use crate::tokenize::Token;

/// Fixes `tags` in place for the sentence `words` (PTB forms). Dispatches on the tag first:
/// this runs on every sentence, and most words match no rule.
pub(crate) fn correct_tags(words: &[&str], tags: &mut [Tag]) {
    let len: usize = words.len().min(tags.len());
    let mut finite_before: bool = false;
    // Whether the sentence has any finite verb, found on first need.
    let mut any_finite: Option<bool> = None;
    for index in 0..len {
        let tag: Tag = tags[index];
        let next = || tags.get(index + 1).copied();
        let previous = || index.checked_sub(1).and_then(|i| tags.get(i)).copied();
        match tag {
            // "Ethiopia indicated ...": a capitalized sentence opener tagged RB before a verb.
            Tag::RB
                if index == 0
                    && is_capitalized_word(words[index])
                    && next().is_some_and(Tag::is_finite) =>
            {
                tags[index] = Tag::NNP;
            }
            Tag::VBD => {
                // "will abandon improved relations": a past form right after a base-form
                // verb and before a noun phrase is an adjectival participle.
                let after_base: bool = previous() == Some(Tag::VB)
                    && next().is_some_and(|t: Tag| t.is_adjective() || t.is_noun());
                if after_base || is_modifier_before_subject_noun(words, tags, index) {
                    tags[index] = Tag::JJ;
                }
            }
            // "The government, thus, rejects and condemns ...": a plural-looking word joined
            // to a present verb before any verb of its clause is that verb's twin.
            Tag::NNS
                if !finite_before
                    && matches!(previous(), Some(Tag::Comma | Tag::RB))
                    && next() == Some(Tag::CC)
                    && tags.get(index + 2) == Some(&Tag::VBZ) =>
            {
                tags[index] = Tag::VBZ;
            }
            // "Turkish troops, backed by rebels, attacked ...": with no finite verb anywhere,
            // a past form opening the part after a comma is the predicate, not an adjective.
            Tag::JJ | Tag::VBN
                if previous() == Some(Tag::Comma)
                    && words[index].ends_with("ed")
                    && next().is_some_and(|t: Tag| {
                        t.is_noun()
                            || t.is_adjective()
                            || matches!(t, Tag::DT | Tag::PRP | Tag::PRPS | Tag::CD)
                    })
                    && !*any_finite
                        .get_or_insert_with(|| tags[..len].iter().any(|t: &Tag| t.is_finite())) =>
            {
                tags[index] = Tag::VBD;
            }
            _ => {}
        }
        finite_before |= tags[index].is_finite();
    }
    correct_actor_nouns(words, tags);
    correct_split_names(words, tags);
}

/// "The Afghan armed forces pounded ...": a past form between a determiner or adjective and
/// the noun that its own finite verb follows is a modifier.
fn is_modifier_before_subject_noun(words: &[&str], tags: &[Tag], index: usize) -> bool {
    let before = |back: usize| index.checked_sub(back).and_then(|i| tags.get(i)).copied();
    let opener: bool = before(1).is_some_and(|t: Tag| {
        matches!(t, Tag::DT | Tag::PRPS | Tag::CD | Tag::POS) || t.is_adjective()
    }) || (before(1).is_some_and(Tag::is_proper) && before(2) == Some(Tag::DT));
    opener
        && tags.get(index + 1).is_some_and(|t: &Tag| t.is_noun())
        && tags.get(index + 2).is_some_and(|t: &Tag| t.is_finite())
        && words[index].ends_with("ed")
}

/// Fixes the tags of compounds that pre-tokenized text splits with spaces: a number
/// "20 , 000" (the comma is part of the number, not a clause break) and a hyphenated word
/// "cruise - missile", "U.S. - backed", "Al - Mahmoud" (one modifier or one name, not a dash).
pub(crate) fn join_spaced_compounds(tokens: &[Token<'_>], tags: &mut [Tag]) {
    let len: usize = tokens.len().min(tags.len());
    for (at, window) in tokens[..len].windows(3).enumerate() {
        let index: usize = at + 1;
        let [before, token, after] = window else {
            continue;
        };
        // Cheapest test first: only a lone ',' or '-' can join.
        let joiner: u8 = match token.text.as_bytes() {
            [b @ (b',' | b'-')] => *b,
            _ => continue,
        };
        if before.span.end >= token.span.start || token.span.end >= after.span.start {
            continue;
        }
        if joiner == b',' {
            if is_digit_group(before.text, 1..=3) && is_digit_group(after.text, 3..=3) {
                tags[index] = Tag::CD;
            }
        } else {
            join_hyphen(before.text, after.text, index, tags);
        }
    }
}

/// Names split around their accented letters in pre-tokenised text ("Pe ñ a Nieto",
/// "L ó pez Obrador") and a title's detached period ("Mr . Sisi") stay proper nouns.
fn correct_split_names(words: &[&str], tags: &mut [Tag]) {
    let len: usize = words.len().min(tags.len());
    for index in 1..len {
        let previous: Tag = tags[index - 1];
        let word: &str = words[index];
        // Byte tests first: this runs on every word.
        let fix: bool = if word == "." {
            // "Mr . Sisi"
            crate::abbrev::is_title(words[index - 1])
                && words
                    .get(index + 1)
                    .is_some_and(|next: &&str| next.chars().next().is_some_and(char::is_uppercase))
        } else if previous != Tag::NNP {
            false
        } else if is_lone_accented_letter(word) {
            // "Pe ñ"
            true
        } else {
            // "ñ a"
            index >= 2
                && is_lone_accented_letter(words[index - 1])
                && word.chars().all(char::is_lowercase)
        };
        if fix {
            tags[index] = Tag::NNP;
        }
    }
}

/// One non-ASCII letter ("é", "ñ"), as pre-tokenised text splits names around them.
fn is_lone_accented_letter(word: &str) -> bool {
    let bytes: &[u8] = word.as_bytes();
    (2..=4).contains(&bytes.len()) && bytes[0] >= 0xC0 && {
        let mut chars = word.chars();
        chars.next().is_some_and(char::is_alphabetic) && chars.next().is_none()
    }
}

/// Nouns that head actor phrases, read as adjectives or verbs: "The Iraqi military has
/// carried out", "Iraqi armed forces have begun", "US envoy Richard Holbrooke ended".
fn correct_actor_nouns(words: &[&str], tags: &mut [Tag]) {
    let len: usize = words.len().min(tags.len());
    for index in 0..len {
        let word: &str = words[index];
        let next = || tags.get(index + 1).copied();
        let previous = || index.checked_sub(1).and_then(|i| tags.get(i)).copied();
        match tags[index] {
            // An adjective right before a finite verb is the head of the subject: attributive
            // adjectives precede a noun, predicative ones follow the verb.
            Tag::JJ
                if next().is_some_and(Tag::is_finite)
                    && previous().is_some_and(|t: Tag| {
                        t.is_proper() || t.is_adjective() || matches!(t, Tag::DT | Tag::POS)
                    })
                    && is_collective_actor_noun(word) =>
            {
                tags[index] = Tag::NN;
            }
            // "armed forces / groups / men": the participle of a noun compound, not a verb.
            Tag::VBD
                if word.eq_ignore_ascii_case("armed")
                    && next().is_some_and(|t: Tag| matches!(t, Tag::NNS | Tag::NN))
                    && previous().is_none_or(|t: Tag| !t.is_noun() || t.is_proper()) =>
            {
                tags[index] = Tag::JJ;
            }
            // Titles are never verbs: "envoy", "spokesman", "chief".
            t if t.is_verb() && is_title_noun(word) => tags[index] = Tag::NN,
            _ => {}
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

/// Tags for `before - after` read as one word: "U.S. - backed" and "cruise - missile" are
/// modifiers, "Al - Mahmoud" a name. A dash between phrases ("killed - police said", "the
/// attack - the third") keeps its tags.
fn join_hyphen(before: &str, after: &str, index: usize, tags: &mut [Tag]) {
    let word_end: bool = before.chars().last().is_some_and(char::is_alphanumeric);
    let word_start: bool = after.chars().next().is_some_and(char::is_alphanumeric);
    let range: bool = before.bytes().all(|b: u8| b.is_ascii_digit())
        && after.bytes().all(|b: u8| b.is_ascii_digit());
    if !word_end || !word_start || range {
        return;
    }
    let (left, right): (Tag, Tag) = (tags[index - 1], tags[index + 1]);
    let left_joins: bool = matches!(
        left,
        Tag::NN
            | Tag::NNS
            | Tag::NNP
            | Tag::NNPS
            | Tag::JJ
            | Tag::CD
            | Tag::SYM
            | Tag::IN
            | Tag::FW
    ) || (left == Tag::RB && before.len() <= 4);
    if !left_joins {
        return;
    }
    let noun_follows: bool = tags
        .get(index + 2)
        .is_some_and(|t: &Tag| t.is_noun() || t.is_adjective());
    // The sentence keeps a predicate when the participle joins the compound.
    let other_finite: bool = tags
        .iter()
        .enumerate()
        .any(|(at, t): (usize, &Tag)| at != index + 1 && (t.is_finite() || *t == Tag::VB));
    let joined: Tag = match right {
        // "Iran - backed rebels", "state - run media": a participle compound before its
        // noun is an adjective ("this month - killed ten people": a dash before the verb).
        Tag::VBN | Tag::VBD if noun_follows && other_finite => {
            tags[index + 1] = Tag::JJ;
            Tag::JJ
        }
        // "Al - Mahmoud", "Lee Nak - yon": parts of one name.
        _ if matches!(left, Tag::NNP | Tag::NNPS) && right.is_noun() => {
            tags[index + 1] = Tag::NNP;
            Tag::NNP
        }
        Tag::NN | Tag::NNS | Tag::NNP | Tag::NNPS | Tag::JJ | Tag::JJR | Tag::JJS => Tag::JJ,
        _ => return,
    };
    tags[index - 1] = joined;
    tags[index] = joined;
}

/// A run of ASCII digits whose length is in `lengths`.
fn is_digit_group(word: &str, lengths: std::ops::RangeInclusive<usize>) -> bool {
    lengths.contains(&word.len()) && word.bytes().all(|b: u8| b.is_ascii_digit())
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
