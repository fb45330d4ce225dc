//! Word lists for casualty patterns: triggers, units, people nouns, clause breakers.

use super::CasualtyKind;
use crate::words::Word;

pub(super) fn trigger_kind(word: &str) -> Option<CasualtyKind> {
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
pub(super) fn takes_object_number(word: &str) -> bool {
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
pub(super) fn is_non_person_unit(word: &str) -> bool {
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
pub(super) fn is_person_noun(word: &str) -> bool {
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
pub(super) fn gap_breaks(word: &Word<'_>) -> bool {
    let w: &str = word.lower.as_ref();
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

/// Plural nouns for people, known in any case (ALL-CAPS names ending in "s" such as
/// "CARLOS" or "PORRAS" must not look plural).
pub(super) fn is_plural_people(word: &str) -> bool {
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

pub(super) fn is_function_word(word: &str) -> bool {
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
