//! News coding: which uncoded noun phrase may stand as an event's target.
//!
//! PETRARCH falls back to the first uncoded noun phrase after the verb (then one before
//! it) and reports it as the null actor. With uncoded actors reported by their words
//! (`CodingOptions::uncoded_actors`), that fallback must pick the verb's object:
//! * not a noun phrase the verb pattern itself matched ("launched an attack on X",
//!   "expressed concern"): the object is the first uncoded phrase after the pattern;
//! * not a time expression ("on Thursday", "17 July") or a bare number ("352");
//! * not the subject of a clause after the verb ("said they hoped");
//! * not a phrase before the verb (PETRARCH's last resort), which is not its object.

use crate::parselist::{Lab, Pi};
use crate::verbs::{Loc, SItem};

/// The target for news coding, given PETRARCH's choice `target`: a coded actor stays;
/// an uncoded one moves to the first usable uncoded phrase at or after `lower_end`, or
/// becomes `None` (no words) when there is none; an object naming no actor gives way to
/// its recipient. `unnamed`: the slot's code is an agent only (`---MIL`); `timeish`: the
/// slot cannot be the object ([`not_object`]); `to`: the word is "to".
pub(crate) fn news_target(
    target: Option<Loc>,
    (upper, lower): (&[SItem], &[SItem]),
    lower_end: usize,
    (coded, unnamed): (&dyn Fn(u32) -> bool, &dyn Fn(u32) -> bool),
    (timeish, to): (&dyn Fn(u32) -> bool, &dyn Fn(u32) -> bool),
) -> Option<Loc> {
    let loc: Loc = target?;
    let seq: &[SItem] = if loc.upper { upper } else { lower };
    let object: Loc = match seq.get(loc.at) {
        Some(SItem::Ne { slot }) if !coded(*slot) => {
            if loc.upper {
                // An uncoded phrase before the verb is not its object: unknown, as before.
                return None;
            }
            (lower_end.max(loc.at)..lower.len()).find_map(|at| match lower.get(at) {
                Some(SItem::Ne { slot }) if !coded(*slot) && !timeish(*slot) => {
                    Some(Loc { upper: false, at })
                }
                _ => None,
            })?
        }
        Some(SItem::Ne { slot }) if !loc.upper && unnamed(*slot) => loc,
        // A named actor or a compound stays.
        _ => return Some(loc),
    };
    Some(recipient(lower, object.at, to, coded).unwrap_or(object))
}

/// "sent 300 troops to Mali", "provided aid to Haiti": a coded actor right after an
/// object that names no actor (or only an agent) and the word "to" is the recipient ("sent
/// peacekeepers to the region" keeps the peacekeepers).
fn recipient(
    lower: &[SItem],
    object: usize,
    to: &dyn Fn(u32) -> bool,
    coded: &dyn Fn(u32) -> bool,
) -> Option<Loc> {
    // The end of the object phrase (phrases nest: count the markers).
    let mut depth: i32 = 0;
    let mut end: Option<usize> = None;
    for (i, item) in lower.iter().enumerate().skip(object) {
        match item {
            SItem::Ne { .. } => depth += 1,
            SItem::NeEnd => {
                depth -= 1;
                if depth == 0 {
                    end = Some(i);
                    break;
                }
            }
            _ => {}
        }
    }
    let end: usize = end?;
    match (lower.get(end + 1), lower.get(end + 2)) {
        (Some(SItem::Word { w, .. }), Some(SItem::Ne { slot })) if to(*w) && coded(*slot) => {
            Some(Loc {
                upper: false,
                at: end + 2,
            })
        }
        _ => None,
    }
}

/// Can actor slot `slot` not be the object of the verb ending at ParseList position
/// `verb_end`? It cannot when a clause opens between them ("said they hoped": the
/// clause's subject), when it is a time expression ("on Thursday", "the day"), or when
/// it has no letters ("352", "€ 3"). Words are upper-cased, as the coder keeps them.
pub(crate) fn not_object<'a>(
    pl: &[Pi],
    verb_end: usize,
    slot: u32,
    word_of: &dyn Fn(u32) -> &'a str,
) -> bool {
    let Some(at) = pl.iter().position(|p| *p == Pi::Code(slot)) else {
        return true;
    };
    let between: &[Pi] = pl.get(verb_end..at).unwrap_or(&[]);
    let clauses: usize = between
        .iter()
        .filter(|p| matches!(p, Pi::Open(l) if l.starts_with("S")))
        .count();
    if clauses > 0 && !(clauses == 1 && infinitive_subject(pl, at)) {
        return true;
    }
    time_or_number(pl, at, word_of)
}

/// Is the actor phrase whose code sits at ParseList position `at` the first item of a
/// clause whose verb is an infinitive ("urged [the government] to review")? Such a
/// subject is the object of the verb before the clause.
fn infinitive_subject(pl: &[Pi], at: usize) -> bool {
    let opens_clause: bool = at >= 2
        && matches!(pl[at - 1], Pi::Open(Lab::Ne))
        && matches!(pl[at - 2], Pi::Open(l) if l.starts_with("S"));
    let Some(close) = pl[at..].iter().position(|p| *p == Pi::Close(Lab::Ne)) else {
        return false;
    };
    let after: usize = at + close;
    opens_clause
        && matches!(pl.get(after + 1), Some(Pi::Open(l)) if l.starts_with("VP"))
        && pl.get(after + 2).is_some_and(|p| p.is_open_tag("TO"))
}

/// Is the actor phrase whose code sits at ParseList position `at` a time expression ("the
/// day", "17 July") or a number ("352")?
pub(crate) fn time_or_number<'a>(pl: &[Pi], at: usize, word_of: &dyn Fn(u32) -> &'a str) -> bool {
    // The phrase's own words, up to a nested phrase ("the day", "17 July").
    let mut words = pl[at + 1..]
        .iter()
        .take_while(|p| !matches!(p, Pi::Open(Lab::Ne) | Pi::Close(Lab::Ne)))
        .filter_map(|p| match p {
            Pi::Word(i) => Some(word_of(*i)),
            _ => None,
        });
    let mut lettered: bool = false;
    let mut last: &str = "";
    // A date: a month next to a number ("April 18", "3 May").
    let mut date: bool = false;
    for word in words.by_ref() {
        let number = |w: &str| w.starts_with(|c: char| c.is_ascii_digit());
        date |= (is_weekday_or_month(last) && number(word))
            || (number(last) && is_weekday_or_month(word));
        lettered |= word.chars().any(char::is_alphabetic);
        last = word;
    }
    !lettered || date || is_time_word(last)
}

/// A weekday, month or calendar word: the head of a time expression, not an actor.
pub(crate) fn is_time_word(word: &str) -> bool {
    is_weekday_or_month(word)
        || matches!(
            word,
            "DAY"
                | "DAYS"
                | "WEEK"
                | "WEEKS"
                | "WEEKEND"
                | "MONTH"
                | "MONTHS"
                | "YEAR"
                | "YEARS"
                | "TODAY"
                | "YESTERDAY"
                | "TOMORROW"
                | "TONIGHT"
                | "MORNING"
                | "AFTERNOON"
                | "EVENING"
                | "NIGHT"
                | "TIME"
                // A frequency: "violated the ceasefire about 80 times".
                | "TIMES"
        )
}

/// An upper-cased weekday or month name ("FRIDAY", "OCTOBER").
pub(crate) fn is_weekday_or_month(word: &str) -> bool {
    matches!(
        word,
        "MONDAY"
            | "TUESDAY"
            | "WEDNESDAY"
            | "THURSDAY"
            | "FRIDAY"
            | "SATURDAY"
            | "SUNDAY"
            | "JANUARY"
            | "FEBRUARY"
            | "MARCH"
            | "APRIL"
            | "MAY"
            | "JUNE"
            | "JULY"
            | "AUGUST"
            | "SEPTEMBER"
            | "OCTOBER"
            | "NOVEMBER"
            | "DECEMBER"
    )
}
