//! News coding: the party an event is directed at, when it is not the verb's object.
//!
//! The object of "returned six artifacts to the government of Iraq", "announced a
//! cease-fire with the Taliban" or "launched strikes on government troops" is the thing
//! given, agreed or carried out; the target is the party named by a prepositional phrase
//! of the verb phrase. Which preposition marks that party depends on the kind of event
//! (its CAMEO code): "to" a recipient of aid, "with" a partner in talks or a truce,
//! "against" or "on" the object of an attack or a sanction, "from" the place troops leave.

use crate::parselist::{Lab, Pi};
use crate::verbs::{Loc, SItem, loc_slots};

/// The prepositions (upper-cased) that mark the party an event with CAMEO code `code` is
/// directed at.
fn party_prepositions(code: &str) -> &'static [&'static str] {
    let code: &str = intended(code);
    match code.get(..2).unwrap_or("") {
        // "pessimistic about the deal", "skeptical of the government's ability".
        "01" if attitude(code) => &["ABOUT", "OF", "OVER"],
        // A claim of responsibility for an attack "on" or "at" a party or place.
        "01" if code == "015" => &["ON", "AGAINST", "AT"],
        // "expressed concern to the Council", "appealed to donors".
        "01" | "02" => &["TO"],
        // "offered aid to Haiti", "ready to resume talks with the rebels".
        "03" => &["TO", "WITH"],
        // "held talks with", "signed an agreement with", "pledged support to".
        "04" => &["WITH"],
        "05" | "06" => &["WITH", "TO"],
        // "provided aid to Lebanon", "immediate help for people affected", "sent
        // operatives into Libya".
        "07" => &["TO", "FOR", "INTO"],
        // Released people are the party ("released hostages to the Red Cross"); property
        // is returned to one.
        "08" if code.starts_with("0841") => &[],
        "08" if code.starts_with("084") => &["TO"],
        // "withdrew troops from", "a truce with", "lifted sanctions against/on".
        "08" if code.starts_with("087") => &["FROM", "WITH", "TO", "AGAINST", "ON"],
        "08" => &["TO", "WITH", "AGAINST", "ON"],
        // "demanded sanctions against".
        "10" => &["AGAINST", "ON"],
        // "filed a complaint against", "protest against"; "mobilized troops for an
        // assault against", "deployed troops into".
        "11" | "14" => &["AGAINST"],
        "15" => &["AGAINST", "INTO"],
        // "threatened sanctions against/on".
        "13" => &["AGAINST", "ON"],
        // "withdrew peacekeepers from".
        "16" if code.starts_with("166") => &["FROM", "TO", "WITH", "AGAINST", "ON"],
        // "suspended aid to", "cut ties with", "imposed sanctions on/against".
        "16" => &["TO", "WITH", "AGAINST", "ON"],
        // "launched a crackdown against", "strikes on".
        "17" | "18" | "19" | "20" => &["AGAINST", "ON"],
        _ => &[],
    }
}

/// The code of the action an intent or a refusal is about: intending to give aid (033)
/// is directed like giving it (07), refusing to ease sanctions (1244) like easing them.
fn intended(code: &str) -> &str {
    match code.get(..3).unwrap_or("") {
        "031" => "060",
        "032" => "050",
        "033" => "070",
        "035" => match code.get(3..4) {
            Some("1") => "081",
            Some("3") => "084",
            Some("4") => "085",
            Some("6") => "087",
            _ => "080",
        },
        "036" => "040",
        "124" => match code.get(3..4) {
            Some("2") => "084",
            Some("4") => "085",
            Some("6") => "087",
            _ => "080",
        },
        _ => code,
    }
}

/// An attitude (CAMEO 012 pessimism, 013 optimism) is about the object of its adjective,
/// whatever follows: "skeptical about Iranian motives in paying aides to Karzai".
fn attitude(code: &str) -> bool {
    matches!(code, "012" | "013")
}

/// Events whose object may be people sent or given ("sent a team of paratroopers to
/// Lebanon", "withdrew its troops from Iraq"), not the party acted on.
fn sends_people(code: &str) -> bool {
    matches!(code.get(..2), Some("03" | "06" | "07" | "15" | "16"))
        || code.starts_with("087")
        || code.starts_with("074")
}

/// Events of force, whose object is the party acted on unless the verb's pattern read it
/// ("launched an attack on X": the attack is no party).
fn force(code: &str) -> bool {
    matches!(code.get(..2), Some("17" | "18" | "19" | "20"))
}

/// Events whose object is a message or the thing acted on, not a thing handed over:
/// "claimed responsibility for the attacks in messages to the media" is not directed at
/// the media unless the verb's pattern read the object ("expressed concern to").
fn object_is_party(code: &str) -> bool {
    force(code) || matches!(code.get(..2), Some("01" | "02"))
}

/// Verbs of a purpose clause after a thing given: "donated ventilators to assist Ethiopia".
fn helping_verb(word: &str) -> bool {
    matches!(
        word,
        "HELP" | "ASSIST" | "AID" | "SUPPORT" | "BOLSTER" | "STRENGTHEN"
    )
}

/// A preposition of place: the noun phrase after it is where, not whom ("held talks in
/// Jerusalem with ...").
fn place_preposition(word: &str) -> bool {
    matches!(
        word,
        "IN" | "AT" | "NEAR" | "INSIDE" | "OUTSIDE" | "ACROSS" | "THROUGHOUT" | "AROUND"
    )
}

/// What the caller knows about the sentence.
pub(crate) struct Sentence<'a> {
    pub(crate) pl: &'a [Pi],
    /// ParseList positions of the words after the verb, to the end of its phrase.
    pub(crate) after_verb: (usize, usize),
    /// The code of an actor slot ("---" uncoded, "---MIL" an agent only).
    pub(crate) code_of: &'a dyn Fn(u32) -> &'a str,
    /// The slot is a time or a number ("on April 18", "352").
    pub(crate) time: &'a dyn Fn(u32) -> bool,
    /// The upper-cased word with sentence index `w`.
    pub(crate) word: &'a dyn Fn(u32) -> &'a str,
}

/// The labels open at the word with sentence index `word`, from the verb phrase down,
/// with the ParseList position of each opening.
fn enclosing(s: &Sentence<'_>, word: u32) -> Option<Vec<(Lab, usize)>> {
    let (from, end) = s.after_verb;
    let mut stack: Vec<(Lab, usize)> = Vec::new();
    for (k, p) in s.pl.get(from..end)?.iter().enumerate() {
        match *p {
            Pi::Open(l) => stack.push((l, from + k)),
            // The verb's own closes come first and close nothing opened here.
            Pi::Close(_) => {
                stack.pop();
            }
            Pi::Word(w) if w == word => return Some(stack),
            _ => {}
        }
    }
    None
}

/// Is the preposition `word` the head of a prepositional phrase of the verb phrase or of
/// its object noun phrase, not of a deeper phrase ("in the attack against the convoy")?
/// A purpose "for" may stand between: "mobilized troops for an assault against X".
/// `nested`: the phrase may belong to the verb of an infinitive complement ("is willing
/// [to withdraw its troops from X]").
fn verb_level_preposition(s: &Sentence<'_>, word: u32, nested: bool) -> bool {
    let pp = |l: &(Lab, usize)| l.0.starts_with("PP");
    let np = |l: &(Lab, usize)| l.0.starts_with("NP");
    // The word heading a prepositional phrase: `(PP (IN word`.
    let head = |l: &(Lab, usize)| match s.pl.get(l.1 + 2) {
        Some(Pi::Word(w)) => (s.word)(*w),
        _ => "",
    };
    let level = |stack: &[(Lab, usize)]| match stack {
        [a, _] => pp(a),
        [a, b, _] => np(a) && pp(b),
        [a, b, c, _] => pp(a) && head(a) == "FOR" && np(b) && pp(c),
        _ => false,
    };
    enclosing(s, word).is_some_and(|stack| within(&stack, nested, level))
}

/// Does `shape` hold of the labels `stack`, or (`nested`) of what is left of them below
/// clauses and verb phrases?
fn within(stack: &[(Lab, usize)], nested: bool, shape: impl Fn(&[(Lab, usize)]) -> bool) -> bool {
    if !nested {
        return shape(stack);
    }
    let clausal = |l: &(Lab, usize)| l.0.starts_with("S") || l.0.starts_with("VP");
    (0..stack.len())
        .take_while(|&k| k == 0 || clausal(&stack[k - 1]))
        .any(|k| shape(&stack[k..]))
}

/// Is `word` the "to" of a purpose clause of the verb phrase ("to help Haiti")?
fn purpose_to(s: &Sentence<'_>, word: u32, nested: bool) -> bool {
    let shape = |stack: &[(Lab, usize)]| matches!(stack, [clause, vp, _] if clause.0.starts_with("S") && vp.0.starts_with("VP"));
    enclosing(s, word).is_some_and(|stack| within(&stack, nested, shape))
}

/// The index of the end marker of the phrase opening at `at` (phrases nest).
fn phrase_end(lower: &[SItem], at: usize) -> usize {
    let mut depth: i32 = 0;
    for (i, item) in lower.iter().enumerate().skip(at) {
        match item {
            SItem::Ne { .. } | SItem::Nec => depth += 1,
            SItem::NeEnd | SItem::NecEnd => {
                depth -= 1;
                if depth <= 0 {
                    return i;
                }
            }
            SItem::Word { .. } => {}
        }
    }
    lower.len()
}

/// The party the event with CAMEO code `code` is directed at, when a prepositional phrase
/// of its verb phrase (sequence `lower`) names it and the chosen `target` is not it: the
/// target is missing, names no actor ("six artifacts", "a weeklong cease-fire"), was read
/// by the verb's pattern (`lower_end`: "launched an attack"), or is a place ("talks in
/// Jerusalem"). `None` keeps `target`.
pub(crate) fn directed_party(
    code: &str,
    lower: &[SItem],
    target: Option<Loc>,
    lower_end: usize,
    s: &Sentence<'_>,
) -> Option<Loc> {
    // An intent or a refusal is directed like the action in its complement clause.
    let nested: bool = intended(code) != code;
    let code: &str = intended(code);
    let preps: &[&str] = party_prepositions(code);
    if preps.is_empty() {
        return None;
    }
    let word_at = |at: usize| -> Option<(u32, &str)> {
        match lower.get(at) {
            Some(SItem::Word { w, .. }) => Some((*w, (s.word)(*w))),
            _ => None,
        }
    };
    // The first slot of the phrase opening at `at` (a compound's first member).
    let first_slot = |at: usize| -> Option<u32> {
        match lower.get(at)? {
            SItem::Ne { slot } => Some(*slot),
            SItem::Nec => lower.get(at..)?.iter().find_map(|item| match item {
                SItem::Ne { slot } => Some(*slot),
                _ => None,
            }),
            _ => None,
        }
    };
    let named = |slot: u32| !(s.code_of)(slot).starts_with("---");
    let thing = |slot: u32| {
        let code_of: &str = (s.code_of)(slot);
        code_of == "---" || (sends_people(code) && code_of.starts_with("---"))
    };
    // Where a party may stand, and whether it must name an actor.
    let (from, must_name): (usize, bool) = match target {
        None => (0, false),
        // An actor before the verb is PETRARCH's last resort, not a party of its phrase.
        Some(t) if t.upper || attitude(code) => (0, false),
        Some(t) => {
            let mut slots: Vec<u32> = Vec::new();
            loc_slots(lower, t.at, false, &mut slots);
            // The pattern's last word lies inside the object: "launched an attack".
            let read: bool = lower_end > t.at && lower_end <= phrase_end(lower, t.at);
            let things: bool = !object_is_party(code) && slots.iter().all(|s| thing(*s));
            let place: bool =
                t.at.checked_sub(1)
                    .and_then(word_at)
                    .is_some_and(|(_, w)| place_preposition(w));
            if read || things {
                (0, false)
            } else if place {
                (t.at + 1, slots.iter().any(|s| named(*s)))
            } else {
                return None;
            }
        }
    };
    let current: Option<usize> = target.filter(|t| !t.upper).map(|t| t.at);
    let party = |at: usize| -> bool {
        Some(at) != current
            && first_slot(at).is_some_and(|slot| !(s.time)(slot) && (!must_name || named(slot)))
    };
    // A directed prepositional phrase: "to Lebanon", "with the Taliban".
    let by_preposition: Option<usize> = (from.max(1)..lower.len()).find(|&at| {
        word_at(at - 1).is_some_and(|(w, word)| {
            preps.contains(&word) && party(at) && verb_level_preposition(s, w, nested)
        })
    });
    // A purpose clause of a thing given or offered: "to assist Ethiopia", "to help Haiti".
    let giving: bool = matches!(code.get(..2), Some("03" | "06" | "07"));
    let by_purpose = || -> Option<usize> {
        (from.max(2)..lower.len()).find(|&at| {
            word_at(at - 1).is_some_and(|(_, w)| helping_verb(w))
                && word_at(at - 2).is_some_and(|(w, word)| word == "TO" && purpose_to(s, w, nested))
                && party(at)
        })
    };
    let at: usize = match by_preposition {
        Some(at) => at,
        None if giving => by_purpose()?,
        None => return None,
    };
    Some(Loc { upper: false, at })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_preposition_depends_on_the_event() {
        assert_eq!(party_prepositions("073"), ["TO", "FOR", "INTO"]);
        assert!(party_prepositions("0871").contains(&"WITH"));
        assert!(party_prepositions("0874").contains(&"FROM"));
        // Released prisoners are the party, not whom they are handed to or freed from.
        assert!(party_prepositions("0841").is_empty());
        assert!(party_prepositions("0842").contains(&"TO"));
        // An intent to yield is directed like yielding: "willing to withdraw from X".
        assert!(party_prepositions("0356").contains(&"FROM"));
        assert!(party_prepositions("033").contains(&"TO"));
        // A claim of responsibility for an attack on a party; a plain statement has none.
        assert!(party_prepositions("015").contains(&"ON"));
        assert!(!party_prepositions("010").contains(&"ON"));
        // An attack "with" rockets, a statement "with" someone: no party.
        assert!(!party_prepositions("190").contains(&"WITH"));
        assert!(!party_prepositions("010").contains(&"WITH"));
    }
}
