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

use std::collections::HashSet;

use annalist_code::Event;

use crate::numbers::{NumberMention, parse_number_at};
use crate::words::{Word, split_words};

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

fn trigger_kind(word: &str) -> Option<CasualtyKind> {
    let kind: CasualtyKind = match word {
        "killed" | "dead" | "died" | "die" | "dies" | "deaths" | "slain" | "murdered"
        | "massacred" | "executed" | "assassinated" | "perished" | "bodies" | "corpses"
        | "fatalities" | "death" | "lifeless" | "killing" | "kill" | "kills" | "murdering"
        | "murder" | "massacre" | "massacring" | "executing" | "assassinating"
        | "assassination" | "beheaded" | "lynched" | "drowned" | "burned" => {
            CasualtyKind::Fatalities
        }
        "wounded" | "injured" | "hurt" | "injuries" | "injuring" | "wounding" | "injure"
        | "wound" | "maimed" => CasualtyKind::Injured,
        "captured" | "capturing" | "abducted" | "abducting" | "kidnapped" | "kidnapping"
        | "kidnaps" | "kidnap" | "abduct" | "capture" | "seized" | "seizing" => {
            CasualtyKind::Captured
        }
        _ => return None,
    };
    Some(kind)
}

/// Triggers that may be followed directly by their number ("killing 12").
fn takes_object_number(word: &str) -> bool {
    matches!(
        word,
        "murder"
            | "assassinate"
            | "execute"
            | "massacre"
            | "killing"
            | "killed"
            | "kill"
            | "kills"
            | "murdered"
            | "murdering"
            | "massacred"
            | "massacring"
            | "executed"
            | "executing"
            | "wounding"
            | "wounded"
            | "injuring"
            | "injured"
            | "injure"
            | "captured"
            | "capturing"
            | "abducted"
            | "abducting"
            | "kidnapped"
            | "kidnapping"
            | "seized"
            | "seizing"
            | "capture"
            | "kidnap"
            | "abduct"
            | "left"
            | "leaving"
    )
}

/// Words after a number that say it is not a head count.
fn is_non_person_unit(word: &str) -> bool {
    matches!(
        word,
        "year"
            | "years"
            | "day"
            | "days"
            | "month"
            | "months"
            | "hour"
            | "hours"
            | "minute"
            | "minutes"
            | "week"
            | "weeks"
            | "km"
            | "kilometers"
            | "kilometres"
            | "miles"
            | "meters"
            | "metres"
            | "percent"
            | "%"
            | "per"
            | "times"
            | "tons"
            | "tonnes"
            | "dollars"
            | "rounds"
            | "shells"
            | "rockets"
            | "missiles"
            | "houses"
            | "homes"
            | "buildings"
            | "vehicles"
            | "tanks"
            | "cars"
            | "villages"
            | "o'clock"
            | "am"
            | "pm"
            | "a.m"
            | "p.m"
            | "kg"
            | "pounds"
            | "feet"
            | "acres"
            | "hectares"
            | "votes"
            | "seats"
            | "points"
            | "grenades"
            | "rifles"
            | "weapons"
            | "bombs"
            | "mines"
            | "towns"
            | "cities"
            | "provinces"
            | "districts"
            | "bridges"
            | "aircraft"
            | "planes"
            | "helicopters"
            | "ships"
            | "boats"
            | "trucks"
            | "pesos"
            | "euros"
            | "bolivares"
            | "hits"
            | "centimeters"
            | "mm"
            | "caliber"
            | "st"
            | "th"
    )
}

/// Nouns for people, for the triggers that also take things ("seized").
fn is_person_noun(word: &str) -> bool {
    matches!(
        word,
        "people"
            | "persons"
            | "civilians"
            | "soldiers"
            | "troops"
            | "servicemen"
            | "fighters"
            | "militants"
            | "rebels"
            | "guerrillas"
            | "policemen"
            | "officers"
            | "police"
            | "men"
            | "women"
            | "children"
            | "hostages"
            | "prisoners"
            | "workers"
            | "villagers"
            | "peasants"
            | "students"
            | "journalists"
            | "sailors"
            | "crew"
            | "tourists"
            | "foreigners"
            | "migrants"
            | "protesters"
            | "demonstrators"
            | "members"
    )
}

/// Words that may stand between a number and its trigger ("15 Armenian soldiers had").
fn gap_breaks(word: &Word<'_>) -> bool {
    let w: &str = word.lower.as_str();
    if word.is_punct() {
        return !matches!(w, "-" | "\"" | "“" | "”");
    }
    if matches!(
        w,
        "and"
            | "or"
            | "but"
            | "while"
            | "when"
            | "where"
            | "after"
            | "before"
            | "because"
            | "that"
            | "which"
            | "said"
            | "says"
            | "told"
            | "reported"
            | "than"
            | "if"
            | "as"
            | "to"
            | "by"
            | "with"
            | "from"
            | "for"
            | "on"
            | "at"
            | "since"
    ) {
        return true;
    }
    if w.ends_with("ed")
        && !matches!(
            w,
            "armed"
                | "unarmed"
                | "uniformed"
                | "suspected"
                | "alleged"
                | "unidentified"
                | "hooded"
                | "masked"
                | "injured"
                | "wounded"
                | "unnamed"
                | "detained"
                | "displaced"
                | "retired"
                | "trained"
                | "united"
        )
    {
        return true;
    }
    false
}

fn is_year_like(word: &Word<'_>) -> bool {
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

/// "killed six priests and two women", "the murder of six Jesuits and the two women": a
/// number joined by "and" to the object of a trigger-first mention shares its kind.
fn coordinated(
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
        .any(|w: &Word<'_>| matches!(w.lower.as_str(), "including" | "among" | "whom" | "them"));
    let joined: bool = between
        .iter()
        .any(|w: &Word<'_>| w.lower == "and" || w.lower == ",");
    let clean: bool = between.iter().all(|w: &Word<'_>| {
        matches!(
            w.lower.as_str(),
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

fn span_of(words: &[Word<'_>], first: usize, end: usize) -> (usize, usize) {
    let start: usize = words.get(first).map_or(0, |w: &Word<'_>| w.start);
    let stop: usize = words
        .get(end.saturating_sub(1))
        .map_or(start, |w: &Word<'_>| w.end);
    (start, stop.max(start))
}

fn mention(
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

fn lower<'a>(words: &'a [Word<'_>], index: usize) -> &'a str {
    words.get(index).map_or("", |w: &Word<'_>| w.lower.as_str())
}

/// Tries the patterns around one number.
fn match_number(
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
        let w: &str = word.lower.as_str();
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

/// Plural nouns for people, known in any case (ALL-CAPS names ending in "s" such as
/// "CARLOS" or "PORRAS" must not look plural).
fn is_plural_people(word: &str) -> bool {
    matches!(
        word,
        "people"
            | "children"
            | "men"
            | "women"
            | "police"
            | "them"
            | "their"
            | "others"
            | "civilians"
            | "soldiers"
            | "officers"
            | "members"
            | "students"
            | "priests"
            | "jesuits"
            | "peasants"
            | "workers"
            | "persons"
            | "policemen"
            | "guerrillas"
            | "terrorists"
            | "rebels"
            | "militants"
            | "troops"
            | "fighters"
            | "relatives"
            | "leaders"
            | "journalists"
            | "employees"
            | "villagers"
            | "farmers"
            | "residents"
            | "passengers"
            | "citizens"
            | "youths"
            | "protesters"
            | "demonstrators"
            | "nuns"
            | "activists"
            | "officials"
            | "judges"
            | "agents"
            | "guards"
            | "bodyguards"
            | "policemen's"
            | "victims"
            | "families"
            | "family"
            | "spaniards"
            | "women's"
            | "servicemen"
            | "hostages"
            | "prisoners"
            | "detainees"
            | "sympathizers"
    )
}

/// Does word `j` look plural? Known plural people nouns always; other words ending in
/// "s" only when written in lower case (in ALL-CAPS text they are often names).
fn plural_at(words: &[Word<'_>], j: usize) -> bool {
    let Some(word) = words.get(j) else {
        return false;
    };
    let w: &str = word.lower.as_str();
    if is_plural_people(w) {
        return true;
    }
    let lower_case: bool = word.text.chars().next().is_some_and(char::is_lowercase);
    lower_case && w.ends_with('s') && !w.ends_with("ss") && !w.ends_with("us") && w.len() > 3
}

/// The head (last word) of the noun phrase starting at `from` is plural.
fn phrase_plural(words: &[Word<'_>], from: usize) -> bool {
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
fn singular_person_follows(words: &[Word<'_>], from: usize) -> bool {
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

fn is_function_word(word: &str) -> bool {
    matches!(
        word,
        "the"
            | "a"
            | "an"
            | "in"
            | "at"
            | "on"
            | "by"
            | "during"
            | "for"
            | "with"
            | "and"
            | "or"
            | "of"
            | "to"
            | "from"
            | "last"
            | "this"
            | "yesterday"
            | "today"
            | "when"
            | "while"
            | "after"
            | "before"
            | "near"
            | "outside"
            | "inside"
            | "there"
            | "here"
            | "them"
            | "it"
            | "its"
            | "their"
            | "his"
            | "her"
            | "some"
            | "several"
            | "many"
            | "all"
            | "both"
            | "more"
            | "most"
            | "no"
            | "not"
            | "as"
            | "since"
            | "because"
            | "but"
            | "early"
            | "late"
            | "without"
            | "against"
            | "four"
            | "people"
            | "civilians"
            | "soldiers"
            | "members"
            | "other"
            | "others"
            | "least"
    )
}

fn push_singular(
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
fn add_singular_phrases(words: &[Word<'_>], mentions: &mut Vec<CasualtyMention>) {
    let taken: HashSet<usize> = mentions
        .iter()
        .map(|m: &CasualtyMention| m.trigger_span.0)
        .collect();
    for (k, word) in words.iter().enumerate() {
        if taken.contains(&word.start) {
            continue;
        }
        let w: &str = word.lower.as_str();
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
fn add_singulars(
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

/// True for CAMEO roots whose events carry casualties: protest 14, assault 18, fight 19,
/// mass violence 20.
pub fn is_violent(event: &Event) -> bool {
    matches!(event.cameo_root.as_str(), "14" | "18" | "19" | "20")
        || ["14", "18", "19", "20"]
            .iter()
            .any(|root: &&str| event.cameo.starts_with(root))
}

/// Where a mention sits and whether its sentence is about the past.
#[derive(Debug, Clone)]
pub struct PlacedMention {
    pub mention: CasualtyMention,
    /// Index of the sentence holding the mention.
    pub sentence: usize,
    /// The mention's own sentence places it in the past (background).
    pub background: bool,
}

/// What happened to one mention.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Assignment {
    pub mention: CasualtyMention,
    /// Index into the events slice, or `None` when no event could take it.
    pub event: Option<usize>,
}

/// Attaches each mention to one event and fills `fatalities` / `injured` / `captured`.
/// `event_sentences[i]` is the sentence index of `events[i]` (when known).
pub fn assign_casualties(
    mentions: &[PlacedMention],
    events: &mut [Event],
    event_sentences: &[Option<usize>],
) -> Vec<Assignment> {
    let mut assignments: Vec<Assignment> = Vec::new();
    for placed in mentions {
        // "50 injured, including 6 police": the 6 are part of the 50, not more.
        if placed.mention.rule == "subset" {
            assignments.push(Assignment {
                mention: placed.mention.clone(),
                event: None,
            });
            continue;
        }
        let target: Option<usize> = choose_event(placed, events, event_sentences);
        if let Some(index) = target
            && let Some(event) = events.get_mut(index)
        {
            let field: &mut Option<u32> = match placed.mention.kind {
                CasualtyKind::Fatalities => &mut event.fatalities,
                CasualtyKind::Injured => &mut event.injured,
                CasualtyKind::Captured => &mut event.captured,
            };
            *field = Some(field.map_or(placed.mention.count, |old: u32| {
                old.max(placed.mention.count)
            }));
        }
        assignments.push(Assignment {
            mention: placed.mention.clone(),
            event: target,
        });
    }
    assignments
}

fn verb_start(event: &Event) -> Option<usize> {
    event
        .verb
        .as_ref()
        .and_then(|v| v.span)
        .map(|s| s.start as usize)
}

fn choose_event(
    placed: &PlacedMention,
    events: &[Event],
    event_sentences: &[Option<usize>],
) -> Option<usize> {
    let trigger: usize = placed.mention.trigger_span.0;
    let distance = |index: usize| -> usize {
        verb_start(&events[index]).map_or(usize::MAX / 2, |v: usize| v.abs_diff(trigger))
    };
    let compatible = |index: usize| -> bool { !placed.background || events[index].background };
    let same_sentence: Vec<usize> = (0..events.len())
        .filter(|&i: &usize| event_sentences.get(i).copied().flatten() == Some(placed.sentence))
        .collect();
    if let Some(best) = same_sentence
        .iter()
        .copied()
        .filter(|&i: &usize| is_violent(&events[i]) && compatible(i))
        .min_by_key(|&i: &usize| distance(i))
    {
        return Some(best);
    }
    // The closest preceding violent event of the document.
    let preceding: Option<usize> = (0..events.len())
        .filter(|&i: &usize| {
            is_violent(&events[i])
                && compatible(i)
                && event_sentences
                    .get(i)
                    .copied()
                    .flatten()
                    .is_some_and(|s: usize| s < placed.sentence)
        })
        .max_by_key(|&i: &usize| (event_sentences[i], verb_start(&events[i])));
    if preceding.is_some() {
        return preceding;
    }
    same_sentence
        .iter()
        .copied()
        .filter(|&i: &usize| compatible(i))
        .min_by_key(|&i: &usize| distance(i))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(sentence: &str) -> Vec<(CasualtyKind, u32)> {
        find_casualties(sentence, 0)
            .iter()
            .map(|m: &CasualtyMention| (m.kind, m.count))
            .collect()
    }

    use CasualtyKind::{Captured, Fatalities, Injured};

    #[test]
    fn number_first() {
        assert_eq!(
            found("15 Armenian soldiers had died in clashes on the border."),
            [(Fatalities, 15)]
        );
        assert_eq!(
            found("The parliament added that 12 of their soldiers had been captured."),
            [(Captured, 12)]
        );
        assert_eq!(
            found("THREE SUBVERSIVES WERE KILLED AND SEVEN OTHERS WERE WOUNDED DURING CLASHES."),
            [(Fatalities, 3), (Injured, 7)]
        );
        assert_eq!(
            found("The blast left 20 dead and dozens injured."),
            [(Fatalities, 20), (Injured, 24)]
        );
        assert_eq!(found("Two soldiers were taken prisoner."), [(Captured, 2)]);
        assert_eq!(found("Police found 11 bodies."), [(Fatalities, 11)]);
    }

    #[test]
    fn trigger_first_and_tolls() {
        assert_eq!(
            found("A car bomb exploded, killing at least twelve people."),
            [(Fatalities, 12)]
        );
        assert_eq!(found("Gunmen kidnapped 50 peasants."), [(Captured, 50)]);
        assert_eq!(
            found("The death toll rose to 41 on Monday."),
            [(Fatalities, 41)]
        );
        assert_eq!(
            found("The conflict claimed more than 6,500 lives."),
            [(Fatalities, 6_500)]
        );
        assert_eq!(
            found("THE MURDER OF SIX JESUITS SHOCKED THE COUNTRY."),
            [(Fatalities, 6)]
        );
        let hedged: Vec<CasualtyMention> =
            find_casualties("The war claimed more than 6,500 lives.", 0);
        assert!(hedged[0].lower_bound);
    }

    #[test]
    fn singulars_and_non_counts() {
        assert_eq!(
            found("A SOLDIER WAS WOUNDED AND TAKEN TO THE HOSPITAL."),
            [(Injured, 1)]
        );
        assert_eq!(
            found("Galan was assassinated in Soacha."),
            [(Fatalities, 1)]
        );
        assert!(
            found("The 2020 war killed thousands of people.").is_empty()
                || found("The 2020 war killed thousands of people.") == [(Fatalities, 2_000)]
        );
        assert!(found("Russia deployed 1,960 peacekeepers for five years.").is_empty());
        assert!(
            found("He was killed 2 years ago.")
                .iter()
                .all(|(_, n)| *n == 1)
        );
        assert!(found("Talks lasted 3 hours and 15 people attended.").is_empty());
        assert!(found("Police seized 300 kilograms of cocaine.").is_empty());
        assert!(found("Customs officers seized 40 rifles.").is_empty());
        assert_eq!(found("No one was reportedly hurt."), [(Injured, 0)]);
        assert_eq!(
            found("In 2005 four suicide bombers killed 52 people."),
            [(Fatalities, 52)]
        );
        let subset: Vec<CasualtyMention> = find_casualties(
            "The strikes killed four Palestinians, including three Hamas fighters.",
            0,
        );
        let rules: Vec<(u32, &str)> = subset
            .iter()
            .map(|m: &CasualtyMention| (m.count, m.rule))
            .collect();
        assert_eq!(rules, [(4, "object"), (3, "subset")]);
        assert_eq!(
            found("THE DEATH OF LIBERAL PARTY LEADER LUIS CARLOS GALAN SHOCKED THEM."),
            [(Fatalities, 1)]
        );
        assert!(found("THE KILLING OF SECURITY OFFICERS AND THEIR RELATIVES").is_empty());
        assert_eq!(
            found("THEIR ACTION CAUSED ONE UNFORTUNATE DEATH."),
            [(Fatalities, 1)]
        );
        assert_eq!(
            found("THE MURDER OF THE SIX JESUITS SHOCKED THEM."),
            [(Fatalities, 6)]
        );
        assert!(found("A SMOKE SCREEN AROUND THE MASSACRE COMMITTED BY TROOPS").is_empty());
        assert_eq!(
            found("FIVE POLICEMEN AND A CIVILIAN WERE KILLED."),
            [(Fatalities, 5)]
        );
        assert_eq!(
            found(
                "SIX JESUIT PRIESTS -- FIVE SPANIARDS AND ONE SALVADORAN -- AND TWO WOMEN WERE MURDERED."
            ),
            [(Fatalities, 6), (Fatalities, 2)]
        );
        assert_eq!(
            found(
                "THE OPERATION TO MURDER THE SIX JESUIT PRIESTS AND THE TWO MAIDS LASTED AN HOUR."
            ),
            [(Fatalities, 6), (Fatalities, 2)]
        );
        assert!(found("Taliban fighters seized a house and Russia seized Crimea.").is_empty());
        assert!(found("Hundreds of political prisoners have been released.").is_empty());
        assert!(found("The ruling endangered the lives of thousands of women.").is_empty());
        assert!(
            !found("He was wounded by splinters in various parts of his body.")
                .contains(&(Fatalities, 1))
        );
        assert_eq!(found("Gunmen kidnapped a journalist."), [(Captured, 1)]);
        assert_eq!(
            found("Rebels seized 12 soldiers near the base."),
            [(Captured, 12)]
        );
    }
}

#[cfg(test)]
mod coordination_tests {
    use super::*;

    fn found(sentence: &str) -> Vec<(CasualtyKind, u32)> {
        find_casualties(sentence, 0)
            .iter()
            .map(|m: &CasualtyMention| (m.kind, m.count))
            .collect()
    }

    #[test]
    fn coordinated_counts_share_the_trigger() {
        use CasualtyKind::Fatalities;
        assert_eq!(
            found("THE MURDER OF SIX JESUIT PRIESTS AND TWO WOMEN SHOCKED THEM."),
            [(Fatalities, 6), (Fatalities, 2)]
        );
        assert_eq!(
            found("Six Jesuit priests and two women who worked with them were murdered."),
            [(Fatalities, 6), (Fatalities, 2)]
        );
        assert_eq!(
            found("SOME 1,000 DEAD, INCLUDING 6 JESUIT PRIESTS WHO WERE ASSASSINATED."),
            [(Fatalities, 1_000), (Fatalities, 6)]
        );
        assert_eq!(
            found("THEY HAVE KILLED APPROXIMATELY 12 MINERS."),
            [(Fatalities, 12)]
        );
        assert_eq!(
            found("TWO OF THE MINISTER'S BODYGUARDS WERE ALSO KILLED."),
            [(Fatalities, 2)]
        );
        assert_eq!(
            found("Six Jesuits (five Spaniards and one Salvadoran) and two women were killed."),
            [(Fatalities, 6), (Fatalities, 2)]
        );
    }
}

#[cfg(test)]
mod assignment_tests {
    use super::*;
    use annalist_code::Verb;
    use annalist_text::Span;

    fn event(cameo: &str, verb_start: usize, background: bool) -> Event {
        Event {
            id: String::new(),
            doc_id: String::new(),
            sentence_id: String::new(),
            report_date: None,
            event_date: None,
            source: None,
            target: None,
            cameo: cameo.into(),
            cameo_root: cameo.get(..2).unwrap_or("").into(),
            cameo_name: None,
            goldstein: None,
            quad_class: None,
            penta_class: None,
            plover: None,
            acled: None,
            fatalities: None,
            injured: None,
            captured: None,
            location: None,
            attribution: Vec::new(),
            verb: Some(Verb {
                text: "v".into(),
                span: Span::from_usize(verb_start, verb_start + 1),
            }),
            sentence: String::new(),
            sentence_span: None,
            pattern: None,
            background,
            issues: Vec::new(),
        }
    }

    fn placed(
        kind: CasualtyKind,
        count: u32,
        at: usize,
        sentence: usize,
        background: bool,
    ) -> PlacedMention {
        PlacedMention {
            mention: CasualtyMention {
                kind,
                count,
                lower_bound: false,
                number_span: (at, at + 2),
                trigger_span: (at + 3, at + 9),
                rule: "number-first",
            },
            sentence,
            background,
        }
    }

    #[test]
    fn same_sentence_then_preceding_violent_then_background_guard() {
        // Sentence 0: a statement (010) and a clash (190); sentence 1: no event;
        // sentence 2: an old war (190, background) and a meeting (036).
        let mut events: Vec<Event> = vec![
            event("010", 5, false),
            event("190", 40, false),
            event("190", 300, true),
            event("036", 330, false),
        ];
        let sentences: Vec<Option<usize>> = vec![Some(0), Some(0), Some(2), Some(2)];
        let mentions: Vec<PlacedMention> = vec![
            placed(CasualtyKind::Fatalities, 15, 10, 0, false),
            placed(CasualtyKind::Captured, 12, 120, 1, false),
            placed(CasualtyKind::Fatalities, 6_500, 340, 2, true),
            placed(CasualtyKind::Fatalities, 3, 200, 1, true),
        ];
        let assignments: Vec<Assignment> = assign_casualties(&mentions, &mut events, &sentences);
        // The 15 goes to the clash, not to the nearer statement.
        assert_eq!(events[1].fatalities, Some(15));
        assert_eq!(events[0].fatalities, None);
        // No event in sentence 1: the closest preceding violent event takes the 12.
        assert_eq!(events[1].captured, Some(12));
        // A count in a past-tense sentence only goes to background events.
        assert_eq!(events[2].fatalities, Some(6_500));
        assert_eq!(
            assignments[3].event, None,
            "no background violent event precedes sentence 1"
        );
        assert_eq!(events[3].fatalities, None);
    }
}
