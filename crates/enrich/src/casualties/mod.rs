//! Casualty counts: fatalities, injured, captured.
//!
//! Patterns (case-insensitive, so ALL-CAPS wire copy works):
//! * number first: "15 Armenian soldiers had died", "three subversives were killed",
//!   "12 of their soldiers had been captured", "N dead", "N wounded", "N bodies";
//! * trigger first: "killing 12 people", "wounded at least 20", "kidnapped 50 peasants",
//!   "claimed the lives of N", "the murder of six Jesuits";
//! * lives: "claimed / cost / took more than 6,500 lives";
//! * tolls: "the death toll rose to N", "a toll of N";
//! * singular: "a soldier was wounded", "Galan was assassinated" → 1 when no number is
//!   attached to that trigger.
//!
//! Vague numbers use the lower bounds documented in [`crate::numbers`] ("dozens" = 24).
//! Every number is used at most once, so one number never feeds two fields.
//!
//! [`assign_casualties`] attaches each mention to one event: a violent event (CAMEO roots
//! 14, 18, 19, 20) in the same sentence (nearest verb), else the closest preceding violent
//! event of the document, else the nearest event of the same sentence. A mention in a
//! sentence that places it in the past ("in 2020", "last November") only attaches to
//! background events, so an old war's toll never lands on today's clash. When two
//! mentions of one kind reach the same event the larger count wins (they usually restate
//! one toll).

mod assign;
mod lexicon;
mod patterns;
mod singular;
#[cfg(test)]
mod tests;

use std::collections::HashSet;

pub use assign::{Assignment, PlacedMention, assign_casualties, is_violent};

use crate::numbers::{NumberMention, parse_number_at};
use crate::words::{Word, split_words};
use patterns::{coordinated, match_number};
use singular::{add_singular_phrases, add_singulars};

/// Which casualty field a number feeds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum CasualtyKind {
    Fatalities,
    Injured,
    Captured,
}

/// One casualty count found in the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CasualtyMention {
    pub kind: CasualtyKind,
    pub count: u32,
    /// "at least", "more than", "dozens": the count is a lower bound.
    pub lower_bound: bool,
    /// Document byte span of the number (hedge included); the trigger for singulars.
    pub number_span: (usize, usize),
    /// Document byte span of the word that says what happened ("killed", "toll").
    pub trigger_span: (usize, usize),
    /// Which rule matched.
    pub rule: &'static str,
}

pub(super) fn is_year_like(word: &Word<'_>) -> bool {
    word.text.len() == 4
        && word.text.chars().all(|c: char| c.is_ascii_digit())
        && word
            .text
            .parse::<u32>()
            .is_ok_and(|y: u32| (1800..=2199).contains(&y))
}

/// Finds the casualty counts of one sentence (`sentence` starts at byte `sentence_start`).
pub fn find_casualties(sentence: &str, sentence_start: usize) -> Vec<CasualtyMention> {
    let words: Vec<Word<'_>> = split_words(sentence, sentence_start);
    find_casualties_in_words(&words)
}

/// As [`find_casualties`], over words already split.
pub fn find_casualties_in_words(words: &[Word<'_>]) -> Vec<CasualtyMention> {
    let mut mentions: Vec<CasualtyMention> = Vec::new();
    let mut used_numbers: HashSet<usize> = HashSet::new();
    let mut used_triggers: HashSet<(usize, CasualtyKind)> = HashSet::new();
    let mut i: usize = 0;
    while i < words.len() {
        let Some(number) = parse_number_at(words, i) else {
            i += 1;
            continue;
        };
        let next: usize = number.end.max(i + 1);
        if is_year_like(&words[number.number_first]) || used_numbers.contains(&number.number_first)
        {
            i = next;
            continue;
        }
        let found: Option<CasualtyMention> = match_number(words, &number, &used_triggers)
            .or_else(|| coordinated(words, &number, mentions.last()));
        if let Some(mut mention) = found {
            let negated: bool = number.first > 0
                && words[number.first - 1].lower == "no"
                && words[number.number_first].lower == "one";
            if negated {
                mention.count = 0;
                mention.number_span.0 = words[number.first - 1].start;
            }
            used_numbers.insert(number.number_first);
            if let Some(t) = words
                .iter()
                .position(|w: &Word<'_>| w.start == mention.trigger_span.0)
            {
                used_triggers.insert((t, mention.kind));
            }
            mentions.push(mention);
        }
        i = next;
    }
    add_singulars(words, &used_triggers, &mut mentions);
    add_singular_phrases(words, &mut mentions);
    mentions.sort_by_key(|m: &CasualtyMention| m.number_span);
    mentions
}

pub(super) fn span_of(words: &[Word<'_>], first: usize, end: usize) -> (usize, usize) {
    let start: usize = words.get(first).map_or(0, |w: &Word<'_>| w.start);
    let stop: usize = words
        .get(end.saturating_sub(1))
        .map_or(start, |w: &Word<'_>| w.end);
    (start, stop.max(start))
}

pub(super) fn mention(
    words: &[Word<'_>],
    number: &NumberMention,
    trigger: usize,
    kind: CasualtyKind,
    rule: &'static str,
) -> CasualtyMention {
    CasualtyMention {
        kind,
        count: number.value,
        lower_bound: number.lower_bound,
        number_span: span_of(words, number.first, number.end),
        trigger_span: span_of(words, trigger, trigger + 1),
        rule,
    }
}

pub(super) fn lower<'a>(words: &'a [Word<'_>], index: usize) -> &'a str {
    words.get(index).map_or("", |w: &Word<'_>| w.lower.as_ref())
}
