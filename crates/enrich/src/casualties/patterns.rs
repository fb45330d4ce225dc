//! Patterns around one number: tolls, lives, "the murder of N", "killing N", and
//! "N soldiers were killed" with coordinated counts, asides and relative clauses.

use std::collections::HashSet;

use super::lexicon::{
    gap_breaks, is_non_person_unit, is_person_noun, takes_object_number, trigger_kind,
};
use super::{CasualtyKind, CasualtyMention, lower, mention, span_of};
use crate::numbers::{NumberMention, parse_number_at};
use crate::words::Word;

/// "killed six priests and two women", "the murder of six Jesuits and the two women": a
/// number joined by "and" to the object of a trigger-first mention shares its kind.
pub(super) fn coordinated(
    words: &[Word<'_>],
    number: &NumberMention,
    previous: Option<&CasualtyMention>,
) -> Option<CasualtyMention> {
    let previous: &CasualtyMention = previous?;
    if !matches!(previous.rule, "object" | "noun-of" | "coordinated") {
        return None;
    }
    let previous_end: usize = words
        .iter()
        .position(|w: &Word<'_>| w.end == previous.number_span.1)?;
    if number.first <= previous_end || number.first > previous_end + 7 {
        return None;
    }
    let between: &[Word<'_>] = &words[previous_end + 1..number.first];
    let subset: bool = between
        .iter()
        .any(|w: &Word<'_>| matches!(w.lower.as_ref(), "including" | "among" | "whom" | "them"));
    let joined: bool = between
        .iter()
        .any(|w: &Word<'_>| w.lower == "and" || w.lower == ",");
    let clean: bool = between.iter().all(|w: &Word<'_>| {
        matches!(
            w.lower.as_ref(),
            "and" | "," | "the" | "their" | "his" | "her" | "'s" | "'"
        ) || (!w.is_punct() && !gap_breaks(w) && trigger_kind(&w.lower).is_none())
    });
    if !joined || !clean || is_non_person_unit(lower(words, number.end)) {
        return None;
    }
    Some(CasualtyMention {
        kind: previous.kind,
        count: number.value,
        lower_bound: number.lower_bound,
        number_span: span_of(words, number.first, number.end),
        trigger_span: previous.trigger_span,
        rule: if subset { "subset" } else { "coordinated" },
    })
}

/// Tries the patterns around one number.
pub(super) fn match_number(
    words: &[Word<'_>],
    number: &NumberMention,
    used_triggers: &HashSet<(usize, CasualtyKind)>,
) -> Option<CasualtyMention> {
    let after: &str = lower(words, number.end);
    if is_non_person_unit(after) {
        return None;
    }
    // "the murder of the six Jesuits", "killed the 77 followers": look past one determiner.
    let determiner: bool = number.first > 0
        && matches!(
            lower(words, number.first - 1),
            "the" | "these" | "those" | "its" | "their" | "his"
        );
    let before: usize = number.first.wrapping_sub(if determiner { 2 } else { 1 });
    let before_word: &str = lower(words, before);
    // Tolls: "death toll rose to N", "toll of N", "number of dead reached N".
    for k in (number.first.saturating_sub(6)..number.first).rev() {
        let w: &str = lower(words, k);
        if w == "toll" || (w == "dead" && lower(words, k.wrapping_sub(1)) == "of") {
            let kind: CasualtyKind = if lower(words, k.wrapping_sub(1)) == "injury" {
                CasualtyKind::Injured
            } else {
                CasualtyKind::Fatalities
            };
            return Some(mention(words, number, k, kind, "toll"));
        }
        if words[k].is_punct() && w != "-" {
            break;
        }
    }
    // Lives: "claimed / cost / took more than 6,500 lives", "N people lost their lives".
    if after == "lives"
        && (number.first.saturating_sub(3)..number.first).any(|k: usize| {
            matches!(
                lower(words, k),
                "claimed"
                    | "claiming"
                    | "cost"
                    | "costing"
                    | "took"
                    | "taking"
                    | "claim"
                    | "claims"
            )
        })
    {
        return Some(mention(
            words,
            number,
            number.end,
            CasualtyKind::Fatalities,
            "lives",
        ));
    }
    // "the lives of N", "the murder of N", "the deaths of N".
    if before_word == "of" {
        let head: &str = lower(words, before.wrapping_sub(1));
        let taker: &str = lower(words, before.wrapping_sub(3));
        if head == "lives"
            && matches!(
                taker,
                "claimed"
                    | "claiming"
                    | "claim"
                    | "claims"
                    | "took"
                    | "taking"
                    | "cost"
                    | "costing"
            )
        {
            return Some(mention(
                words,
                number,
                before - 1,
                CasualtyKind::Fatalities,
                "lives-of",
            ));
        }
        if let Some(kind) =
            trigger_kind(head).or((head == "death").then_some(CasualtyKind::Fatalities))
            && matches!(
                head,
                "murder"
                    | "massacre"
                    | "killing"
                    | "death"
                    | "deaths"
                    | "assassination"
                    | "kidnapping"
                    | "capture"
                    | "bodies"
                    | "murders"
                    | "killings"
            )
        {
            return Some(mention(words, number, before - 1, kind, "noun-of"));
        }
    }
    // Trigger first: "killing 12 people", "left 3 dead" (handled below as number first).
    if takes_object_number(before_word) && !matches!(before_word, "left" | "leaving") {
        let kind: CasualtyKind = trigger_kind(before_word)?;
        // "seized 300 kilograms": seizing counts people only when people follow.
        if matches!(before_word, "seized" | "seizing") && !is_person_noun(after) && after != "of" {
            return None;
        }
        // "killed 2 of them" and "killed 12 people" both count; "killed 2 years" was refused above.
        if !used_triggers.contains(&(before, kind)) {
            return Some(mention(words, number, before, kind, "object"));
        }
    }
    // Number first: scan a short gap for the trigger.
    let mut k: usize = number.end;
    let limit: usize = (number.end + 20).min(words.len());
    let mut gap: usize = 0;
    while k < limit {
        let word: &Word<'_> = &words[k];
        let w: &str = word.lower.as_ref();
        if let Some(kind) = trigger_kind(w) {
            let possessive: bool = matches!(lower(words, k - 1), "'" | "'s");
            if matches!(
                w,
                "killing"
                    | "kill"
                    | "kills"
                    | "murder"
                    | "massacre"
                    | "assassination"
                    | "kidnapping"
                    | "capture"
            ) && k > number.end
                && !possessive
            {
                // A verb or noun trigger after a gap belongs to another clause.
                return None;
            }
            // "four bombers killed 52 people": an active verb with its own object means the
            // number counted the perpetrators.
            let has_object: bool = k > number.end
                && !matches!(
                    lower(words, k - 1),
                    "were" | "was" | "been" | "are" | "is" | "be"
                )
                && (parse_number_at(words, k + 1).is_some()
                    || matches!(
                        lower(words, k + 1),
                        "the" | "a" | "an" | "his" | "her" | "their" | "him" | "them"
                    ));
            if has_object {
                return None;
            }
            return Some(mention(words, number, k, kind, "number-first"));
        }
        if matches!(w, "taken" | "held")
            && matches!(
                lower(words, k + 1),
                "prisoner" | "prisoners" | "captive" | "hostage" | "hostages"
            )
        {
            return Some(mention(
                words,
                number,
                k,
                CasualtyKind::Captured,
                "number-first",
            ));
        }
        if (w == "lost" || w == "lose")
            && matches!(lower(words, k + 1), "their" | "his" | "her")
            && lower(words, k + 2) == "lives"
        {
            return Some(mention(
                words,
                number,
                k,
                CasualtyKind::Fatalities,
                "lost-lives",
            ));
        }
        if (w == "shot" || w == "gunned") && matches!(lower(words, k + 1), "dead" | "down" | "to") {
            return Some(mention(
                words,
                number,
                k,
                CasualtyKind::Fatalities,
                "number-first",
            ));
        }
        // "six priests and two women ... were murdered": a coordinated count shares the verb.
        if matches!(w, "and" | ",")
            && let Some(other) = parse_number_at(words, k + 1)
        {
            k = other.end;
            continue;
        }
        // "five policemen and a civilian were killed".
        if w == "and" && matches!(lower(words, k + 1), "a" | "an" | "another") {
            k += 2;
            continue;
        }
        // "six Jesuit priests -- five Spaniards and one Salvadoran -- and two women".
        if w == "-" && lower(words, k + 1) == "-" {
            match (k + 2..(k + 14).min(words.len()))
                .find(|&j: &usize| lower(words, j) == "-" && lower(words, j + 1) == "-")
            {
                Some(end) => {
                    k = end + 2;
                    continue;
                }
                // A lone "--" closes an aside the number sits in, or opens a new clause.
                None => return None,
            }
        }
        // "six Jesuits (five Spaniards and one Salvadoran) were killed": skip the aside.
        if w == "(" || w == "[" {
            let close: &str = if w == "(" { ")" } else { "]" };
            if let Some(end) =
                (k + 1..(k + 12).min(words.len())).find(|&j: &usize| lower(words, j) == close)
            {
                k = end + 1;
                continue;
            }
        }
        // "15 rebels who attacked the post were captured": skip the relative clause.
        if matches!(w, "who" | "whom" | "which") {
            match (k + 1..(k + 12).min(words.len()))
                .find(|&j: &usize| matches!(lower(words, j), "were" | "was" | "had" | "have"))
            {
                Some(aux) => {
                    k = aux;
                    continue;
                }
                None => return None,
            }
        }
        if k > number.end
            && w != "'"
            && w != "'s"
            && (gap_breaks(word)
                || word.is_numeric()
                || parse_number_at(words, k)
                    .is_some_and(|n| n.number_first == k && !matches!(w, "one")))
        {
            return None;
        }
        if k == number.end && gap_breaks(word) && !matches!(w, "of") {
            return None;
        }
        k += 1;
        gap += 1;
        if gap > 8 {
            return None;
        }
    }
    None
}
