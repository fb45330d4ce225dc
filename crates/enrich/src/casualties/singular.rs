//! Single victims without a number: "a soldier was wounded", "the murder of Msgr
//! Romero", "killing Barillas", "his body was found", "shot to death".

use std::collections::HashSet;

use super::lexicon::{is_function_word, is_plural_people, takes_object_number, trigger_kind};
use super::{CasualtyKind, CasualtyMention, lower, span_of};
use crate::numbers::parse_number_at;
use crate::words::Word;

/// Does word `j` look plural? Known plural people nouns always; other words ending in
/// "s" only when written in lower case (in ALL-CAPS text they are often names).
pub(super) fn plural_at(words: &[Word<'_>], j: usize) -> bool {
    let Some(word) = words.get(j) else {
        return false;
    };
    let w: &str = word.lower.as_ref();
    if is_plural_people(w) {
        return true;
    }
    let lower_case: bool = word.text.chars().next().is_some_and(char::is_lowercase);
    lower_case && w.ends_with('s') && !w.ends_with("ss") && !w.ends_with("us") && w.len() > 3
}

/// The head (last word) of the noun phrase starting at `from` is plural.
pub(super) fn phrase_plural(words: &[Word<'_>], from: usize) -> bool {
    let end: usize = (from..(from + 6).min(words.len()))
        .take_while(|&j: &usize| {
            !words[j].is_punct()
                && !matches!(
                    lower(words, j),
                    "by" | "in"
                        | "at"
                        | "on"
                        | "and"
                        | "who"
                        | "which"
                        | "that"
                        | "was"
                        | "were"
                        | "during"
                        | "near"
                        | "from"
                        | "for"
                        | "with"
                        | "after"
                        | "last"
                        | "this"
                )
        })
        .last()
        .unwrap_or(from);
    (from..=end).any(|j: usize| is_plural_people(lower(words, j))) || plural_at(words, end)
}

/// "a (young) journalist": a singular person noun within the next three words. Captures
/// need it because "seized a house" and "captured a town" are not captives.
pub(super) fn singular_person_follows(words: &[Word<'_>], from: usize) -> bool {
    (from..(from + 3).min(words.len())).any(|j: usize| {
        matches!(
            lower(words, j),
            "soldier"
                | "journalist"
                | "reporter"
                | "policeman"
                | "officer"
                | "civilian"
                | "man"
                | "woman"
                | "child"
                | "boy"
                | "girl"
                | "worker"
                | "student"
                | "farmer"
                | "priest"
                | "teacher"
                | "doctor"
                | "nurse"
                | "diplomat"
                | "businessman"
                | "tourist"
                | "engineer"
                | "pilot"
                | "guard"
                | "official"
                | "leader"
                | "commander"
                | "judge"
                | "mayor"
                | "politician"
                | "activist"
                | "national"
                | "citizen"
                | "resident"
                | "villager"
                | "peasant"
                | "fighter"
                | "militant"
                | "rebel"
                | "member"
                | "person"
        )
    })
}

pub(super) fn push_singular(
    words: &[Word<'_>],
    trigger: usize,
    kind: CasualtyKind,
    rule: &'static str,
    out: &mut Vec<CasualtyMention>,
) {
    let (start, end) = span_of(words, trigger, trigger + 1);
    out.push(CasualtyMention {
        kind,
        count: 1,
        lower_bound: false,
        number_span: (start, end),
        trigger_span: (start, end),
        rule,
    });
}

/// Singular victims named by a noun phrase: "the murder of Msgr Romero", "killing a
/// police officer", "the murdered inspector", "his body", "shot to death".
pub(super) fn add_singular_phrases(words: &[Word<'_>], mentions: &mut Vec<CasualtyMention>) {
    let taken: HashSet<usize> = mentions
        .iter()
        .map(|m: &CasualtyMention| m.trigger_span.0)
        .collect();
    for (k, word) in words.iter().enumerate() {
        if taken.contains(&word.start) {
            continue;
        }
        let w: &str = word.lower.as_ref();
        // Every rule below starts at a trigger or one of these words.
        if trigger_kind(w).is_none()
            && !matches!(
                w,
                "execution" | "body" | "found" | "shot" | "gunned" | "ended" | "passed"
            )
        {
            continue;
        }
        let next: &str = lower(words, k + 1);
        let after: &str = lower(words, k + 2);
        let fatal_noun: bool = matches!(
            w,
            "murder" | "assassination" | "killing" | "death" | "execution"
        );
        if fatal_noun && next == "of" && parse_number_at(words, k + 2).is_none() {
            let head: usize = if matches!(after, "the" | "a" | "an" | "his" | "her") {
                k + 3
            } else {
                k + 2
            };
            let head_word: &str = lower(words, head);
            if phrase_plural(words, head) {
                continue;
            }
            let object_ok: bool =
                !head_word.is_empty() && !words.get(head).is_some_and(Word::is_punct);
            let death_ok: bool = w != "death"
                || (after != "penalty"
                    && matches!(lower(words, k.wrapping_sub(1)), "the" | "his" | "her"));
            if object_ok && death_ok {
                push_singular(
                    words,
                    k,
                    CasualtyKind::Fatalities,
                    "singular-noun",
                    mentions,
                );
            }
            continue;
        }
        if let Some(kind) = trigger_kind(w)
            && takes_object_number(w)
            && matches!(next, "a" | "an")
            && !matches!(after, "dozen" | "hundred" | "thousand" | "total" | "number")
            && (kind != CasualtyKind::Captured || singular_person_follows(words, k + 2))
        {
            push_singular(words, k, kind, "singular-object", mentions);
            continue;
        }
        // "killed him", "killing Barillas", "murdered Msgr Romero".
        if let Some(kind) = trigger_kind(w)
            && takes_object_number(w)
            && !matches!(w, "left" | "leaving")
            // "the massacre committed": base forms that are also nouns need "him"/"her".
            && (!matches!(w, "murder" | "massacre")
                || matches!(next, "him" | "her")
                || matches!(lower(words, k.wrapping_sub(1)), "to" | "would" | "will" | "did"))
            && let Some(object) = words.get(k + 1)
            && (matches!(next, "him" | "her")
                || (kind != CasualtyKind::Captured
                    && object.is_capitalized()
                    && !phrase_plural(words, k + 1)
                    && !is_function_word(next)
                    && parse_number_at(words, k + 1).is_none()
                    && trigger_kind(next).is_none()))
        {
            push_singular(words, k, kind, "singular-object", mentions);
            continue;
        }
        if matches!(
            w,
            "murdered" | "slain" | "assassinated" | "kidnapped" | "abducted"
        ) && matches!(lower(words, k.wrapping_sub(1)), "the" | "a")
            && !next.is_empty()
            && !phrase_plural(words, k + 1)
            && !words.get(k + 1).is_some_and(Word::is_punct)
        {
            let kind: CasualtyKind = trigger_kind(w).unwrap_or(CasualtyKind::Fatalities);
            push_singular(words, k, kind, "singular-adjective", mentions);
            continue;
        }
        let found_after: bool = matches!(next, "was" | "had" | "has")
            && (k + 2..(k + 5).min(words.len())).any(|j: usize| {
                matches!(
                    lower(words, j),
                    "found" | "discovered" | "recovered" | "identified"
                )
            });
        if w == "body"
            && ((next == "of" && lower(words, k.wrapping_sub(1)) == "the")
                || (matches!(lower(words, k.wrapping_sub(1)), "'s" | "his" | "her") && found_after))
            && !phrase_plural(words, k + 2)
        {
            push_singular(
                words,
                k,
                CasualtyKind::Fatalities,
                "singular-body",
                mentions,
            );
            continue;
        }
        if w == "found"
            && next == "dead"
            && matches!(lower(words, k.wrapping_sub(1)), "was" | "been")
        {
            push_singular(words, k, CasualtyKind::Fatalities, "singular", mentions);
            continue;
        }
        if (w == "shot" || w == "gunned")
            && (next == "dead" || (next == "to" && after == "death") || next == "down")
            && matches!(
                lower(words, k.wrapping_sub(1)),
                "was" | "been" | "he" | "she"
            )
        {
            push_singular(words, k, CasualtyKind::Fatalities, "singular", mentions);
            continue;
        }
        // "Pizarro's assassination", "his murder", "ended his life", "he passed away".
        let before: &str = lower(words, k.wrapping_sub(1));
        let possessive: bool = matches!(before, "his" | "her")
            || (matches!(before, "'s" | "'" | "’s" | "’")
                && words
                    .get(k.wrapping_sub(2))
                    .is_some_and(|name: &Word<'_>| name.is_capitalized())
                && !plural_at(words, k.wrapping_sub(2)));
        let ended_life: bool =
            w == "ended" && matches!(next, "his" | "her") && matches!(after, "life");
        let passed_away: bool = w == "passed" && next == "away" && matches!(before, "he" | "she");
        if (possessive && matches!(w, "murder" | "assassination" | "killing"))
            || ended_life
            || passed_away
        {
            push_singular(words, k, CasualtyKind::Fatalities, "singular", mentions);
            continue;
        }
        if w == "died" && k > 0 {
            let subject: &str = lower(words, k - 1);
            if matches!(subject, "he" | "she")
                || (words[k - 1].is_capitalized()
                    && !plural_at(words, k - 1)
                    && !is_plural_people(subject)
                    && !words[k - 1].is_punct()
                    && parse_number_at(words, k - 1).is_none())
            {
                push_singular(words, k, CasualtyKind::Fatalities, "singular", mentions);
            }
        }
    }
}

/// Singular subjects: "a soldier was wounded", "GALAN WAS ASSASSINATED" → 1.
pub(super) fn add_singulars(
    words: &[Word<'_>],
    used_triggers: &HashSet<(usize, CasualtyKind)>,
    mentions: &mut Vec<CasualtyMention>,
) {
    for (k, word) in words.iter().enumerate() {
        let Some(kind) = trigger_kind(&word.lower) else {
            continue;
        };
        if used_triggers.contains(&(k, kind)) || !word.lower.ends_with("ed") {
            continue;
        }
        // Walk back over adverbs to the auxiliary.
        let mut aux: usize = k;
        while aux > 0
            && matches!(
                lower(words, aux - 1),
                "reportedly"
                    | "allegedly"
                    | "also"
                    | "later"
                    | "apparently"
                    | "been"
                    | "shot"
                    | "brutally"
            )
        {
            aux -= 1;
        }
        if aux == 0 {
            continue;
        }
        let aux_word: &str = lower(words, aux - 1);
        let singular_aux: bool = matches!(aux_word, "was" | "has" | "had" | "is");
        if !singular_aux {
            continue;
        }
        // "had killed" is active: the subject killed someone.
        if matches!(aux_word, "has" | "had") && lower(words, aux) != "been" {
            continue;
        }
        // The subject must not be a plural count already used, nor "who"/"which" clauses
        // without a head we can see; a person's name or "a/the <noun>" is fine.
        let subject: usize = aux.saturating_sub(2);
        let subject_word: &str = lower(words, subject);
        if matches!(subject_word, "they" | "we" | "you" | "it") || lower(words, aux - 1) == "it" {
            continue;
        }
        let (start, end) = span_of(words, k, k + 1);
        mentions.push(CasualtyMention {
            kind,
            count: 1,
            lower_bound: false,
            number_span: (start, end),
            trigger_span: (start, end),
            rule: "singular",
        });
    }
}
