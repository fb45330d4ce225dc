//! Where an actor is named: the words of an event's source or target.
//!
//! An actor slot covers its whole noun phrase, prepositional phrases included; the words
//! that name the actor are often fewer or more:
//! * a target whose head names neither actor nor agent but whose prepositional phrase
//!   names an actor ("sanctions against Iran", "operations in Afghanistan") is named by
//!   the phrase's object ("Iran"); "48 people in Nairobi" stays whole;
//! * a possessor names the possessed noun phrase ("China's health ministry", "Iran's
//!   Supreme Leader Ayatollah Ali Khamenei"), up to its head noun;
//! * an acronym in parentheses belongs to the name ("Nigerian Air Force (NAF)");
//! * a source's apposition just before the verb belongs to it ("Francesco Rocca, the
//!   president of the Red Cross, said");
//! * a relative or infinitive clause after the head does not ("Germany's decision to
//!   take ...", "laws that discriminate ..."), nor does a trailing comma.
//!
//! Only the span and text change, never the code.

use annalist_dict::DictDate;
use annalist_text::Tree;

use crate::actors::resolve_phrase;
use crate::compile::{Compiled, in_bitset};
use crate::uncoded::{is_time_word, is_weekday_or_month};

/// Which side of an event an actor is on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Side {
    /// The source, with the leaf of the event's verb.
    Source {
        verb: usize,
    },
    Target,
}

/// The leaf range `(first, last)` naming the actor of slot leaves `range`.
///
/// `upper(i)` is word `i` upper-cased (ASCII), empty when it is not ASCII: the word tests
/// read the sentence's words as upper-cased once for the dictionaries, as bytes (no
/// UTF-8 check per test).
#[allow(clippy::too_many_arguments)]
pub(crate) fn naming_range<'w>(
    c: &Compiled,
    tree: &'w Tree,
    ids: &[u32],
    upper: &dyn Fn(usize) -> &'w [u8],
    range: (usize, usize),
    side: Side,
    date: Option<DictDate>,
    code: &mut String,
) -> (usize, usize) {
    let (mut a, mut b) = range;
    let target: bool = side == Side::Target;
    let tag = |i: usize| -> &'w str {
        tree.leaves()
            .get(i)
            .map_or("", |&leaf| tree.base_label(leaf))
    };
    let word = |i: usize| -> &'w str {
        tree.leaves()
            .get(i)
            .and_then(|&leaf| tree.word(leaf))
            .unwrap_or("")
    };
    // "for" and "of" are told by their dictionary ids: no word fetch and case-blind
    // compare per word scanned.
    let is_word = |i: usize, id: u32| -> bool { ids.get(i) == Some(&id) };
    if target && b > a {
        // The first preposition: the head before it names no actor, its object does.
        if let Some(p) = (a + 1..b).find(|&i| matches!(tag(i), "IN" | "TO")) {
            // `Some(Some(_))`: an actor; `Some(None)`: agents only ("48 people").
            let found = |from: usize, to: usize, code: &mut String| -> Option<Option<u32>> {
                ids.get(from..to)
                    .and_then(|phrase| resolve_phrase(c, phrase, date, code))
            };
            // "its troops from Syria", "refugees from Myanmar": people moved from a place
            // are named by where they come from, even when the head is an agent.
            let from: bool = word(p).eq_ignore_ascii_case("from");
            // "the blockade of Qatar" names Qatar; "dozens of demonstrators", "an arms depot
            // of the Syrian army", "the Republic of San Marino" are named whole.
            let of_whole: bool = word(p).eq_ignore_ascii_case("of") && !event_noun(word(p - 1));
            // A head naming nothing is named by the agent it is for or from ("immediate
            // help for people affected", "demands from the rebels"); "others in his
            // party" stays whole.
            let beneficiary: bool = from || word(p).eq_ignore_ascii_case("for");
            // The phrases are resolved only when the answer can change the range.
            if !of_whole {
                let head: Option<Option<u32>> = found(a, p, code);
                if head.is_none() || (from && head == Some(None)) {
                    let object: Option<Option<u32>> = found(p + 1, b + 1, code);
                    let agents: bool = head.is_none() && beneficiary && object == Some(None);
                    if object.is_some_and(|actor| actor.is_some()) || agents {
                        a = p + 1;
                    }
                }
            }
        }
        // "the request for revocation", "troops for a possible order": a purpose or
        // beneficiary that names no actor is not part of the target's name.
        if let Some(p) = (a + 1..b).find(|&i| is_word(i, c.span_words.for_word) && tag(i) == "IN") {
            let names_actor: bool = ids
                .get(p + 1..b + 1)
                .and_then(|phrase| resolve_phrase(c, phrase, date, code))
                .is_some_and(|actor| actor.is_some());
            if !names_actor {
                b = p - 1;
            }
        }
    }
    if target {
        // A named actor's "of" phrase is a complement of the verb ("accused the army of
        // slaughter", "accusations by the US of genocide"), not part of its name.
        // Resolved only when an "of" phrase follows (most targets have none).
        let mut named = || -> bool {
            ids.get(a..b + 1)
                .and_then(|phrase| resolve_phrase(c, phrase, date, code))
                .is_some_and(|actor| actor.is_some())
        };
        let is_of = |i: usize| -> bool { is_word(i, c.span_words.of_word) };
        (a, b) = of_phrase(tree, (a, b), &mut named, (&word, &tag), &is_of);
    }
    // "China 's health ministry": over the possessive to the head noun.
    let possessive: usize = match (word(b + 1), word(b + 2)) {
        (_, _) if tag(b + 1) == "POS" => b + 1,
        ("'s" | "’s", _) => b + 1,
        // The front end may read a detached "’" as an opening quote "`".
        ("'" | "’" | "`", "s") => b + 2,
        _ => 0,
    };
    if possessive > b {
        let b_pos: usize = possessive - 1;
        let mut end: usize = possessive;
        while matches!(
            tag(end + 1),
            "NN" | "NNS" | "NNP" | "NNPS" | "JJ" | "JJR" | "JJS" | "VBN" | "CD"
        ) {
            end += 1;
        }
        if end > b_pos + 1 && matches!(tag(end), "NN" | "NNS" | "NNP" | "NNPS") {
            b = end;
        }
    }
    // Hyphenated compounds the front end splits: "the rebel - held eastern Ghouta region",
    // "US Vice - President Mike Pence", "al - Shabaab".
    let nominal = |i: usize| -> bool {
        matches!(
            tag(i),
            "NN" | "NNS" | "NNP" | "NNPS" | "JJ" | "VBN" | "VBD" | "CD" | "FW"
        ) && word(i).chars().any(char::is_alphanumeric)
    };
    if word(b + 1) == "-" && nominal(b + 2) {
        let mut end: usize = b + 2;
        while matches!(tag(end + 1), "NN" | "NNS" | "NNP" | "NNPS" | "JJ" | "VBN")
            || (word(end + 1) == "-" && nominal(end + 2))
        {
            end += if word(end + 1) == "-" { 2 } else { 1 };
        }
        // Back to the last noun ("a Japanese - drafted U.N. Security Council resolution").
        while end > b && !matches!(tag(end), "NN" | "NNS" | "NNP" | "NNPS" | "CD" | "FW") {
            end -= 1;
        }
        b = end;
    }
    while a >= 2 && word(a - 1) == "-" && nominal(a - 2) {
        a -= 2;
        if a >= 1 && tag(a - 1) == "DT" {
            a -= 1;
        }
    }
    // A quantity's modifier and the front end's split thousands belong to it: "at least 75
    // people", "more than 500 civilians", "about 3 , 000 members".
    if tag(a) == "CD" && a >= 2 && word(a - 1) == "," && tag(a - 2) == "CD" {
        a -= 2;
    }
    if a >= 2 && upper(a - 2) == b"AT" && upper(a - 1) == b"LEAST" && tag(a) == "CD" {
        a -= 2;
    } else if a >= 1 && upper(a) == b"LEAST" && upper(a - 1) == b"AT" {
        a -= 1;
    } else if a >= 2
        && matches!(upper(a - 2), b"MORE" | b"LESS" | b"FEWER")
        && upper(a - 1) == b"THAN"
        && tag(a) == "CD"
    {
        a -= 2;
    } else if a >= 1
        && tag(a) == "CD"
        && matches!(
            upper(a - 1),
            b"ABOUT" | b"AROUND" | b"NEARLY" | b"ALMOST" | b"OVER" | b"SOME" | b"APPROXIMATELY"
        )
    {
        a -= 1;
    }
    // A source's head nouns left outside its phrase before the verb: "The U.S. military
    // launched", "Syrian government shelling killed".
    if let Side::Source { verb } = side
        && verb > b + 1
        && verb - b <= 3
        && (b + 1..verb).all(|i| matches!(tag(i), "NN" | "NNS" | "JJ"))
        && matches!(tag(verb - 1), "NN" | "NNS" | "JJ")
    {
        b = verb - 1;
    }
    // A source in apposition right before its verb: "Francesco Rocca , the president of
    // the Red Cross , issued ..." names the source with the apposition.
    if let Side::Source { verb } = side
        && word(b + 1) == ","
        && verb > b + 2
        && word(verb - 1) == ","
    {
        let inside = b + 2..verb - 1;
        let short: bool = inside.len() <= 12;
        let nominal: bool = matches!(tag(b + 2), "DT" | "NNP" | "NNPS" | "NN" | "JJ" | "PRP$");
        let clause_free: bool = inside
            .clone()
            .all(|i| !tag(i).starts_with("VB") && !matches!(tag(i), "," | "WP" | "WDT" | "MD"));
        if short && nominal && clause_free {
            b = verb - 2;
        }
    }
    // A clause after the head is not part of the name: "Germany 's decision [to take ...]",
    // "US laws [that discriminate ...]"; nor is a trailing comma.
    if let Some(cut) = (a + 1..=b).find(|&i| {
        // One tag lookup per word: a lookup cuts the label from the tree.
        let t: &str = tag(i);
        matches!(t, "WDT" | "WP") || (t == "TO" && tag(i + 1).starts_with("VB"))
    }) {
        b = cut - 1;
    }
    // Nor is a time after the head: "1,141 Iraqi refugees in May", "an army base in
    // Kandahar province overnight", "Sergei Lavrov on October 31", "in response".
    // Most words start no time modifier: they are told apart by their dictionary id
    // (one bit test) before the word tests.
    let may_start_time = |i: usize| -> bool {
        ids.get(i)
            .is_some_and(|&id: &u32| in_bitset(&c.time_modifier_starts, id))
    };
    if let Some(cut) =
        (a + 1..=b).find(|&i| may_start_time(i) && starts_time_modifier((&word, upper), i, b))
    {
        b = cut - 1;
        // No preposition or article left hanging ("an attack on", "the").
        while b > a && matches!(tag(b), "IN" | "TO" | "DT" | "CC" | ",") {
            b -= 1;
        }
    }
    while b > a && word(b) == "," {
        b -= 1;
    }
    // "Nigerian Air Force ( NAF )".
    let acronym: &str = word(b + 2);
    if matches!(word(b + 1), "(" | "-LRB-")
        && matches!(word(b + 3), ")" | "-RRB-")
        && acronym.len() >= 2
        && acronym
            .chars()
            .all(|ch| ch.is_ascii_uppercase() || ch.is_ascii_digit() || ch == '-')
    {
        b += 3;
    }
    (a, b)
}

/// A target and the "of" phrase joined to it in one noun phrase name one party: "the
/// government [of Iraq]", "the rebel-held enclave [of Eastern Ghouta]", "[dozens of]
/// demonstrators", "[positions of] Hezbollah". An action's "of" phrase ("the blockade of
/// Qatar") is named by its object alone, as [`naming_range`] does within one phrase;
/// `named`: the target names an actor, whose "of" phrase is the verb's ("accused X of").
fn of_phrase<'w>(
    tree: &Tree,
    (a, b): (usize, usize),
    named: &mut dyn FnMut() -> bool,
    (word, tag): (&dyn Fn(usize) -> &'w str, &dyn Fn(usize) -> &'w str),
    is_of: &dyn Fn(usize) -> bool,
) -> (usize, usize) {
    let leaves = tree.leaves();
    // The prepositional phrase headed by the "of" at leaf `i`, and the noun phrase it
    // modifies.
    let of_pp = |i: usize| -> Option<(std::ops::Range<usize>, std::ops::Range<usize>)> {
        if !is_of(i) || tag(i) != "IN" {
            return None;
        }
        let pp = tree.parent(*leaves.get(i)?)?;
        let np = tree.parent(pp)?;
        (tree.base_label(pp) == "PP" && tree.base_label(np) == "NP")
            .then(|| (tree.leaf_range(pp), tree.leaf_range(np)))
    };
    let mut range: (usize, usize) = (a, b);
    if let Some((pp, np)) = of_pp(b + 1)
        && np.start <= a
        && !event_noun(word(b))
        && pp.end > b + 2
        && !named()
    {
        range.1 = pp.end - 1;
    }
    if a >= 2
        && let Some((pp, np)) = of_pp(a - 1)
        && pp.start == a - 1
        && np.start < a - 1
        && !event_noun(word(a - 2))
    {
        range.0 = np.start;
    }
    range
}

/// Every upper-cased word at which [`starts_time_modifier`] can return true (its
/// time adverbs, "last"-like words, prepositions, weekdays and months but "May" and
/// "March"): interned at dictionary load, so that other words are passed over by id.
pub(crate) const TIME_MODIFIER_STARTS: [&str; 40] = [
    "TODAY",
    "YESTERDAY",
    "TONIGHT",
    "TOMORROW",
    "OVERNIGHT",
    "LAST",
    "NEXT",
    "THIS",
    "EARLIER",
    "EARLY",
    "LATE",
    "MID",
    "IN",
    "ON",
    "DURING",
    "SINCE",
    "UNTIL",
    "AT",
    "FROM",
    "BY",
    "BEFORE",
    "AFTER",
    "BETWEEN",
    "MONDAY",
    "TUESDAY",
    "WEDNESDAY",
    "THURSDAY",
    "FRIDAY",
    "SATURDAY",
    "SUNDAY",
    "JANUARY",
    "FEBRUARY",
    "APRIL",
    "JUNE",
    "JULY",
    "AUGUST",
    "SEPTEMBER",
    "OCTOBER",
    "NOVEMBER",
    "DECEMBER",
];

/// Word `i` of the sentence.
type WordOf<'f, 'w> = &'f dyn Fn(usize) -> &'w str;
/// Word `i` upper-cased (ASCII), empty when it is not ASCII.
type UpperOf<'f, 'w> = &'f dyn Fn(usize) -> &'w [u8];

/// Does a time modifier start at leaf `i` (the phrase ending at leaf `last`): a time
/// adverb ("today", "overnight"), "last/next/this" with a time word ("next Wednesday"), a
/// weekday or month, a preposition whose object is a time ("in May", "on October 31",
/// "in the early hours", "in 2020"), or "in response/retaliation/connection"?
fn starts_time_modifier<'w>(
    (word, upper): (WordOf<'_, 'w>, UpperOf<'_, 'w>),
    i: usize,
    last: usize,
) -> bool {
    let time = |w: &[u8]| -> bool {
        upper_is(w, is_time_word)
            || matches!(
                w,
                b"HOURS" | b"HOUR" | b"OVERNIGHT" | b"DECADE" | b"DECADES"
            )
            || (w.len() == 4 && w.iter().all(u8::is_ascii_digit))
    };
    let here: &[u8] = upper(i);
    match here {
        b"TODAY" | b"YESTERDAY" | b"TONIGHT" | b"TOMORROW" | b"OVERNIGHT" => true,
        b"LAST" | b"NEXT" | b"THIS" | b"EARLIER" | b"EARLY" | b"LATE" | b"MID" => {
            upper_is(upper(i + 1), is_time_word)
        }
        b"IN"
            if matches!(
                upper(i + 1),
                b"RESPONSE" | b"RETALIATION" | b"CONNECTION" | b"RETURN"
            ) =>
        {
            true
        }
        b"IN" | b"ON" | b"DURING" | b"SINCE" | b"UNTIL" | b"AT" | b"FROM" | b"BY" | b"BEFORE"
        | b"AFTER" | b"BETWEEN" => {
            // The object: up to the next preposition, conjunction or comma; a time when its
            // head is one ("the early hours") or it names a day or month ("October 31").
            let end: usize = (i + 1..=last)
                .find(|&k| {
                    matches!(
                        upper(k),
                        b"," | b"OF"
                            | b"IN"
                            | b"ON"
                            | b"AT"
                            | b"NEAR"
                            | b"FOR"
                            | b"FROM"
                            | b"TO"
                            | b"WITH"
                            | b"AFTER"
                            | b"BEFORE"
                            | b"AS"
                            | b"WHEN"
                            | b"WHILE"
                            | b"THAT"
                            | b"WHICH"
                    )
                })
                .map_or(last, |k| k - 1);
            end > i && (time(upper(end)) || (i + 1..=end).any(|k| calendar_name(word(k), upper(k))))
        }
        // A weekday or month right after the head ("Mohammad Zarif Monday").
        _ => {
            let after_number: bool = i > 0 && word(i - 1).starts_with(|c: char| c.is_ascii_digit());
            calendar_name(word(i), here) && !after_number && !matches!(here, b"MAY" | b"MARCH")
        }
    }
}

/// A capitalised weekday or month name ("Friday", "October"); not "day" or "week".
/// `upper` is the word upper-cased.
fn calendar_name(word: &str, upper: &[u8]) -> bool {
    word.starts_with(|c: char| c.is_ascii_uppercase()) && upper_is(upper, is_weekday_or_month)
}

/// `test` of an upper-cased word given as bytes.
fn upper_is(upper: &[u8], test: fn(&str) -> bool) -> bool {
    std::str::from_utf8(upper).is_ok_and(test)
}

/// A noun naming an action ("blockade", "deployment", "withdrawal", "imports"), whose
/// "of" phrase is what the action is done to.
fn event_noun(word: &str) -> bool {
    // Compared without case in place: no lower-cased copy per test.
    let bytes: &[u8] = word.as_bytes();
    let stem: &[u8] = match bytes.split_last() {
        Some((last, rest)) if last.eq_ignore_ascii_case(&b's') => rest,
        _ => bytes,
    };
    let ends_with = |suffix: &str| -> bool {
        stem.len()
            .checked_sub(suffix.len())
            .and_then(|at: usize| stem.get(at..))
            .is_some_and(|tail: &[u8]| tail.eq_ignore_ascii_case(suffix.as_bytes()))
    };
    [
        "tion", "sion", "ment", "ade", "ance", "ence", "ure", "port", "al", "ing",
    ]
    .iter()
    .any(|suffix: &&str| stem.len() >= suffix.len() + 2 && ends_with(suffix))
        || ["return", "release", "access", "arrest", "siege", "ban"]
            .iter()
            .any(|noun: &&str| stem.eq_ignore_ascii_case(noun.as_bytes()))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The id filter in [`naming_range`] is exact: no word outside
    /// [`TIME_MODIFIER_STARTS`] starts a time modifier, in any of these contexts.
    #[test]
    fn time_modifiers_start_only_at_listed_words() {
        let probes: [&str; 16] = [
            "Monday", "May", "March", "today", "in", "at", "last", "army", "response", "week",
            "2020", "hours", "morning", "October", "the", "of",
        ];
        let nexts: [&str; 6] = ["May", "week", "response", "31", "the", "army"];
        let mut listed: usize = 0;
        for probe in probes {
            for next in nexts {
                let words: [&str; 4] = ["the", probe, next, "hours"];
                let uppers: Vec<String> = words.iter().map(|w| w.to_ascii_uppercase()).collect();
                let word = |i: usize| -> &str { words.get(i).copied().unwrap_or("") };
                let upper = |i: usize| -> &[u8] { uppers.get(i).map_or(&[], |u| u.as_bytes()) };
                let starts: bool = starts_time_modifier((&word, &upper), 1, 3);
                let in_list: bool = TIME_MODIFIER_STARTS.contains(&uppers[1].as_str());
                assert!(!starts || in_list, "{probe} {next}");
                listed += usize::from(starts);
            }
        }
        // The contexts do reach the listed words.
        assert!(listed > 10);
    }
}
