//! CAMEO code + sentence -> ACLED event type and sub-event type.
//!
//! ACLED types depend on how violence was done (air strike, IED, clash, riot), which a CAMEO code
//! alone rarely says, so the decision reads cue words from the sentence. The rules are one ordered
//! table, [`RULES`]; the first rule whose code prefixes and cue groups all match wins, and
//! anything unmatched is "Strategic developments / Other".
//!
//! Cues match at the start of a word in the lower-cased sentence ("shell" matches "shelling" and
//! "shells", "ied" matches "IEDs" but not "died").

use crate::cameo::resolve;

/// An ACLED event type and sub-event type, using ACLED's exact names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Acled {
    /// "Battles", "Explosions/Remote violence", "Violence against civilians", "Protests",
    /// "Riots" or "Strategic developments".
    pub event_type: &'static str,
    /// One of the 25 ACLED sub-event types, e.g. "Armed clash".
    pub sub_event_type: &'static str,
}

impl Acled {
    /// The CASE 2021 task 2 label for this sub-event type ("Mob violence" -> "MOB_VIOL").
    pub fn case2021_label(&self) -> &'static str {
        CASE2021_LABELS
            .iter()
            .find(|(sub_event, _): &&(&str, &str)| *sub_event == self.sub_event_type)
            .map_or("OTHER", |(_, label): &(&str, &'static str)| *label)
    }
}

/// ACLED event types.
pub mod event_type {
    /// Battles.
    pub const BATTLES: &str = "Battles";
    /// Explosions/Remote violence.
    pub const EXPLOSIONS: &str = "Explosions/Remote violence";
    /// Violence against civilians.
    pub const VIOLENCE_AGAINST_CIVILIANS: &str = "Violence against civilians";
    /// Protests.
    pub const PROTESTS: &str = "Protests";
    /// Riots.
    pub const RIOTS: &str = "Riots";
    /// Strategic developments.
    pub const STRATEGIC_DEVELOPMENTS: &str = "Strategic developments";
}

use event_type::{
    BATTLES, EXPLOSIONS, PROTESTS, RIOTS, STRATEGIC_DEVELOPMENTS, VIOLENCE_AGAINST_CIVILIANS,
};

/// Every (event type, sub-event type) pair ACLED defines.
pub const SUB_EVENT_TYPES: [(&str, &str); 25] = [
    (BATTLES, "Armed clash"),
    (BATTLES, "Government regains territory"),
    (BATTLES, "Non-state actor overtakes territory"),
    (EXPLOSIONS, "Chemical weapon"),
    (EXPLOSIONS, "Air/drone strike"),
    (EXPLOSIONS, "Suicide bomb"),
    (EXPLOSIONS, "Shelling/artillery/missile attack"),
    (EXPLOSIONS, "Remote explosive/landmine/IED"),
    (EXPLOSIONS, "Grenade"),
    (VIOLENCE_AGAINST_CIVILIANS, "Sexual violence"),
    (VIOLENCE_AGAINST_CIVILIANS, "Attack"),
    (VIOLENCE_AGAINST_CIVILIANS, "Abduction/forced disappearance"),
    (PROTESTS, "Peaceful protest"),
    (PROTESTS, "Protest with intervention"),
    (PROTESTS, "Excessive force against protesters"),
    (RIOTS, "Violent demonstration"),
    (RIOTS, "Mob violence"),
    (STRATEGIC_DEVELOPMENTS, "Agreement"),
    (STRATEGIC_DEVELOPMENTS, "Arrests"),
    (STRATEGIC_DEVELOPMENTS, "Change to group/activity"),
    (STRATEGIC_DEVELOPMENTS, "Disrupted weapons use"),
    (STRATEGIC_DEVELOPMENTS, "Headquarters or base established"),
    (STRATEGIC_DEVELOPMENTS, "Looting/property destruction"),
    (STRATEGIC_DEVELOPMENTS, "Non-violent transfer of territory"),
    (STRATEGIC_DEVELOPMENTS, "Other"),
];

/// ACLED sub-event type -> CASE 2021 task 2 label.
const CASE2021_LABELS: [(&str, &str); 25] = [
    ("Armed clash", "ARMED_CLASH"),
    ("Government regains territory", "GOV_REGAINS_TERIT"),
    (
        "Non-state actor overtakes territory",
        "NON_STATE_ACTOR_OVERTAKES_TER",
    ),
    ("Chemical weapon", "CHEM_WEAP"),
    ("Air/drone strike", "AIR_STRIKE"),
    ("Suicide bomb", "SUIC_BOMB"),
    ("Shelling/artillery/missile attack", "ART_MISS_ATTACK"),
    ("Remote explosive/landmine/IED", "REM_EXPLOS"),
    ("Grenade", "GRENADE"),
    ("Sexual violence", "SEX_VIOL"),
    ("Attack", "ATTACK"),
    ("Abduction/forced disappearance", "ABDUCT_DISSAP"),
    ("Peaceful protest", "PEACE_PROTEST"),
    ("Protest with intervention", "PROTEST_WITH_INTER"),
    (
        "Excessive force against protesters",
        "FORCE_AGAINST_PROTEST",
    ),
    ("Violent demonstration", "VIOL_DEMONSTR"),
    ("Mob violence", "MOB_VIOL"),
    ("Agreement", "AGREEMENT"),
    ("Arrests", "ARREST"),
    ("Change to group/activity", "CHANGE_TO_GROUP_ACT"),
    ("Disrupted weapons use", "DISR_WEAP"),
    ("Headquarters or base established", "HQ_ESTABLISHED"),
    ("Looting/property destruction", "PROPERTY_DISTRUCT"),
    (
        "Non-violent transfer of territory",
        "NON_VIOL_TERRIT_TRANSFER",
    ),
    ("Other", "OTHER"),
];

/// One decision rule. It fires when the code starts with one of `codes` (empty = any code, even
/// an unknown one), every group in `cues` has at least one cue in the sentence, and no cue in
/// `unless` is present.
pub struct Rule {
    /// CAMEO code prefixes; empty means any code.
    pub codes: &'static [&'static str],
    /// Cue groups: each group needs at least one matching cue.
    pub cues: &'static [&'static [&'static str]],
    /// Cues that veto the rule.
    pub unless: &'static [&'static str],
    /// The answer when the rule fires.
    pub acled: Acled,
}

const fn to(event_type: &'static str, sub_event_type: &'static str) -> Acled {
    Acled {
        event_type,
        sub_event_type,
    }
}

// Code families.
const VIOLENT: &[&str] = &["175", "18", "19", "20"];
const VIOLENT_OR_PROTEST: &[&str] = &["14", "175", "18", "19", "20"];
const PROTEST_CODES: &[&str] = &["14"];
const NON_VIOLENT: &[&str] = &[
    "02", "03", "04", "05", "06", "07", "08", "09", "10", "12", "13", "16",
];

// Cue families.
const RECAPTURE: &[&str] = &["recaptured", "retook", "regained control", "regained"];
const CAPTURE: &[&str] = &[
    "captured",
    "seized control",
    "took control",
    "taken control",
    "overran",
    "seized the town",
    "seized the city",
];
const NON_STATE: &[&str] = &[
    "rebel",
    "militant",
    "insurgent",
    "jihadist",
    "militia",
    "islamic state",
    "al-shabaab",
    "taliban",
    "fighters",
    "armed group",
];
const STATE_FORCES: &[&str] = &[
    "government",
    "army",
    "troops",
    "soldiers",
    "military",
    "security forces",
];
const CHEMICAL: &[&str] = &[
    "chemical weapon",
    "chemical attack",
    "sarin",
    "chlorine gas",
    "mustard gas",
    "nerve agent",
];
const AIR: &[&str] = &[
    "airstrike",
    "air strike",
    "air raid",
    "airstrikes",
    "drone",
    "warplane",
    "fighter jet",
    "aircraft",
    "jets",
    "helicopter gunship",
    "aerial bombardment",
    "bombed from the air",
];
const REMOTE_EXPLOSIVE: &[&str] = &[
    "ied",
    "improvised explosive",
    "roadside bomb",
    "landmine",
    "land mine",
    "explosive device",
    "car bomb",
    "booby trap",
    "booby-trap",
];
const DISRUPTED: &[&str] = &[
    "defused",
    "defuse",
    "weapons cache",
    "arms cache",
    "seized weapons",
    "seized arms",
    "foiled",
];
const CLASH_WITH_POLICE: &[&str] = &[
    "clashed with police",
    "clashes with police",
    "clashed with security forces",
    "clashes with security forces",
];
const PROTESTERS: &[&str] = &[
    "protest",
    "demonstrator",
    "demonstration",
    // Not bare "demonstrate": governments "demonstrate resolve".
    "demonstrate against",
    "demonstrated against",
    "demonstrating against",
    "to demonstrate",
    "procession",
    "rally",
    "rallies",
    // Not bare "march": ACLED-style sentences open with dates such as "On 3 March".
    "marchers",
    "sit-in",
    "hunger strike",
    "general strike",
    "on strike",
    "hartal",
    "human chain",
];
/// Perpetrators that are crowds or partisans, not organised armed groups: ACLED codes their
/// violence as mob violence.
const PARTISANS: &[&str] = &[
    "mob",
    "lynch",
    "vigilante",
    "supporters",
    "loyalist",
    "activists",
    "cadres",
    "followers",
    "faction",
    "rival group",
    "villagers",
    "students",
    "youths",
    "party workers",
    "rioters",
];
/// A cue list that starts with the weapons that make a fight an armed engagement (sticks
/// and machetes do not), followed by any extra cues: one spelling for both lists below.
macro_rules! firearms_or_bombs_and {
    ($($extra:literal),* $(,)?) => {
        &[
            "gun", "bullet", "rifle", "firearm", "shot", "shoot", "fired", "bomb", "explosive",
            $($extra),*
        ]
    };
}
/// Weapons that make a fight an armed engagement.
const FIREARMS_OR_BOMBS: &[&str] = firearms_or_bombs_and!();
/// Unarmed victims of one-sided violence.
const CIVILIANS: &[&str] = &[
    "civilian",
    "villager",
    "resident",
    "farmer",
    "trader",
    "shopkeeper",
    "businessman",
    "journalist",
    "teacher",
    "worshipper",
    "passenger",
    "herder",
    "woman",
    "women",
    "girl",
    "child",
];
/// Explosions of unspecified kind: ACLED's default is a remote explosive.
const EXPLOSION: &[&str] = &["bomb", "blast", "explosion", "exploded", "explosive"];
/// Incendiaries thrown by rioters are not remote explosives.
const INCENDIARY: &[&str] = &["petrol bomb", "molotov", "crude bomb", "cocktail"];
const ARREST: &[&str] = &["arrest", "detain", "detention"];
/// Words that report an agreement reached.
const AGREEMENT_WORDS: &[&str] = &[
    "agree",
    "agreed",
    "agreement",
    "accord",
    "deal",
    "pact",
    "treaty",
    "truce",
    "ceasefire",
    "cease-fire",
    "signed",
];
const CLASH_OR_FIGHT: &[&str] = &["clash", "fought", "fighting between", "skirmish", "scuffle"];
/// Partisans with guns or bombs, or state and armed groups, are not a mob.
const NOT_A_MOB: &[&str] = firearms_or_bombs_and!(
    "police",
    "soldier",
    "troops",
    "army",
    "military",
    "security forces",
    "rebel",
    "militant",
    "insurgent",
    "militia",
);
const NOT_A_CIVILIAN_ATTACK: &[&str] = &[
    "patrol",
    "checkpoint",
    "convoy",
    "outpost",
    "military post",
    "army post",
    "barracks",
    "positions",
    "clash",
    "exchange of fire",
    "exchanged fire",
    "gunfight",
    "gun battle",
    "firefight",
    "battle",
];
/// Words that name a protest as the reported event (stricter than [`PROTESTERS`]: no bare
/// "rally", which also means rallying support).
const PROTEST_EVENT: &[&str] = &[
    "protest",
    "demonstrator",
    "demonstration",
    "demonstrate against",
    "demonstrated against",
    "to demonstrate",
    "sit-in",
    "hunger strike",
    "general strike",
    "hartal",
    "human chain",
    "marchers",
];
const BATTLE: &[&str] = &[
    "exchange of fire",
    "exchanged fire",
    "gunfight",
    "gun battle",
    "firefight",
    "battle",
    "fighting between",
    "fought",
    "skirmish",
];
const CLASH: &[&str] = &["clash"];
/// Evidence that a clash was armed: weapons, or organised armed actors.
const ARMED: &[&str] = &[
    "bullet",
    "gun",
    "bomb",
    "rifle",
    "firearm",
    "armed",
    "rebel",
    "militant",
    "insurgent",
    "militia",
    "troops",
    "soldiers",
    "army",
];
const SHELLING: &[&str] = &["shell", "artillery", "rocket", "missile", "mortar"];
const SEXUAL: &[&str] = &[
    "rape",
    "raping",
    "sexual assault",
    "sexually assault",
    "sexual violence",
];
const ABDUCTION: &[&str] = &["kidnap", "abduct", "hostage", "disappeared"];
const RIOTING: &[&str] = &[
    "riot",
    "clashed with police",
    "set fire",
    "set ablaze",
    "torched",
    "stone",
    "pelted",
    "vandal",
    "hurled",
    "looted",
];
/// Lethal force by the authorities. Not bare "killed": people protest killings.
const EXCESSIVE_FORCE: &[&str] = &[
    "opened fire on",
    "fired on protesters",
    "fired on demonstrators",
    "live ammunition",
    "live rounds",
    "shot dead",
    "protesters were killed",
    "protesters killed",
];
const INTERVENTION: &[&str] = &[
    "police fired",
    "tear gas",
    "teargas",
    "dispersed",
    "disperse",
    "water cannon",
    "baton",
    "lathi",
    "rubber bullet",
    "arrest",
    "detain",
    "prevented",
    "blocked",
    "obstructed",
];
/// Serious harm, read only when a violent event's sentence names a protest.
const SERIOUS_HARM: &[&str] = &[
    "opened fire",
    "live fire",
    "live ammunition",
    "shot",
    "killed",
    "killing",
    "dead",
    "died",
    "injured",
    "injuring",
    "wounded",
    "hospital",
];
const LOOTING: &[&str] = &[
    "loot",
    "destroyed",
    "burned",
    "torched",
    "vandal",
    "demolished",
];
const HEADQUARTERS: &[&str] = &[
    "headquarters",
    "set up a base",
    "established a base",
    "base established",
];
const TERRITORY_HANDOVER: &[&str] = &["withdrew from", "handed over", "ceded", "pulled out of"];

const NO_CUES: &[&[&str]] = &[];
const NONE: &[&str] = &[];

/// The ordered decision table. Specific weapons and targets come before generic clashes, and
/// code-only defaults come last.
pub static RULES: &[Rule] = &[
    // Territory changes hands.
    Rule {
        codes: &["19", "20", "18"],
        cues: &[RECAPTURE],
        unless: NONE,
        acled: to(BATTLES, "Government regains territory"),
    },
    Rule {
        codes: &["19", "20", "18"],
        cues: &[CAPTURE, NON_STATE],
        unless: NONE,
        acled: to(BATTLES, "Non-state actor overtakes territory"),
    },
    Rule {
        codes: &["19", "20", "18"],
        cues: &[CAPTURE, STATE_FORCES],
        unless: NONE,
        acled: to(BATTLES, "Government regains territory"),
    },
    // Weapons seized or defused before use.
    Rule {
        codes: &[],
        cues: &[DISRUPTED],
        unless: NONE,
        acled: to(STRATEGIC_DEVELOPMENTS, "Disrupted weapons use"),
    },
    // Remote violence, by weapon.
    Rule {
        codes: &["2041"],
        cues: NO_CUES,
        unless: NONE,
        acled: to(EXPLOSIONS, "Chemical weapon"),
    },
    Rule {
        codes: VIOLENT,
        cues: &[CHEMICAL],
        unless: NONE,
        acled: to(EXPLOSIONS, "Chemical weapon"),
    },
    Rule {
        codes: &["1831"],
        cues: NO_CUES,
        unless: NONE,
        acled: to(EXPLOSIONS, "Suicide bomb"),
    },
    Rule {
        codes: VIOLENT,
        cues: &[&["suicide"]],
        unless: NONE,
        acled: to(EXPLOSIONS, "Suicide bomb"),
    },
    Rule {
        codes: VIOLENT,
        cues: &[AIR],
        unless: NONE,
        acled: to(EXPLOSIONS, "Air/drone strike"),
    },
    Rule {
        codes: VIOLENT,
        cues: &[REMOTE_EXPLOSIVE],
        unless: NONE,
        acled: to(EXPLOSIONS, "Remote explosive/landmine/IED"),
    },
    Rule {
        codes: VIOLENT,
        cues: &[&["grenade"]],
        unless: NONE,
        acled: to(EXPLOSIONS, "Grenade"),
    },
    // Crowds. Demonstrators who fight police, vandalise or burn are a violent demonstration
    // (riot); violence done *to* a protest is excessive force when people are killed or hurt,
    // and an intervention when it only disperses or detains them.
    Rule {
        codes: VIOLENT_OR_PROTEST,
        cues: &[CLASH_WITH_POLICE],
        unless: NONE,
        acled: to(RIOTS, "Violent demonstration"),
    },
    Rule {
        codes: &["171"],
        cues: &[PROTESTERS],
        unless: NONE,
        acled: to(RIOTS, "Violent demonstration"),
    },
    Rule {
        codes: VIOLENT,
        cues: &[PROTESTERS, RIOTING],
        unless: NONE,
        acled: to(RIOTS, "Violent demonstration"),
    },
    Rule {
        codes: VIOLENT,
        cues: &[CLASH, PROTESTERS],
        unless: NONE,
        acled: to(RIOTS, "Violent demonstration"),
    },
    Rule {
        codes: VIOLENT,
        cues: &[PROTESTERS, SERIOUS_HARM],
        unless: NONE,
        acled: to(PROTESTS, "Excessive force against protesters"),
    },
    Rule {
        codes: VIOLENT,
        cues: &[PROTESTERS, INTERVENTION],
        unless: NONE,
        acled: to(PROTESTS, "Protest with intervention"),
    },
    Rule {
        codes: VIOLENT,
        cues: &[PROTESTERS],
        unless: NONE,
        acled: to(PROTESTS, "Excessive force against protesters"),
    },
    // Mobs and partisans (supporters, factions, students, villagers) are not organised armed
    // groups: their fights are mob violence unless firearms or bombs make them armed clashes.
    Rule {
        codes: VIOLENT,
        cues: &[&["mob", "lynch", "vigilante"]],
        unless: NONE,
        acled: to(RIOTS, "Mob violence"),
    },
    Rule {
        codes: VIOLENT,
        cues: &[CLASH_OR_FIGHT, PARTISANS],
        unless: FIREARMS_OR_BOMBS,
        acled: to(RIOTS, "Mob violence"),
    },
    // Two-sided fighting: armed clash when weapons or armed groups are named, mob violence
    // otherwise.
    Rule {
        codes: VIOLENT,
        cues: &[BATTLE],
        unless: NONE,
        acled: to(BATTLES, "Armed clash"),
    },
    Rule {
        codes: VIOLENT,
        cues: &[CLASH, ARMED],
        unless: NONE,
        acled: to(BATTLES, "Armed clash"),
    },
    Rule {
        codes: VIOLENT,
        cues: &[CLASH],
        unless: NONE,
        acled: to(RIOTS, "Mob violence"),
    },
    // "Tear gas shells" are crowd control, not artillery.
    Rule {
        codes: VIOLENT,
        cues: &[SHELLING],
        unless: &["tear gas", "teargas"],
        acled: to(EXPLOSIONS, "Shelling/artillery/missile attack"),
    },
    // One-sided violence against people.
    Rule {
        codes: &["1821"],
        cues: NO_CUES,
        unless: NONE,
        acled: to(VIOLENCE_AGAINST_CIVILIANS, "Sexual violence"),
    },
    Rule {
        codes: VIOLENT,
        cues: &[SEXUAL],
        unless: NONE,
        acled: to(VIOLENCE_AGAINST_CIVILIANS, "Sexual violence"),
    },
    Rule {
        codes: &["181"],
        cues: NO_CUES,
        unless: NONE,
        acled: to(VIOLENCE_AGAINST_CIVILIANS, "Abduction/forced disappearance"),
    },
    Rule {
        codes: &["17", "18", "19", "20"],
        cues: &[ABDUCTION],
        unless: NONE,
        acled: to(VIOLENCE_AGAINST_CIVILIANS, "Abduction/forced disappearance"),
    },
    // Partisans attacking someone without firearms or bombs; armed actors and the police are
    // not a mob.
    Rule {
        codes: VIOLENT,
        cues: &[PARTISANS],
        unless: NOT_A_MOB,
        acled: to(RIOTS, "Mob violence"),
    },
    // Protests: violence by protesters, then lethal force, then intervention, else peaceful.
    Rule {
        codes: &["145"],
        cues: NO_CUES,
        unless: NONE,
        acled: to(RIOTS, "Violent demonstration"),
    },
    Rule {
        codes: PROTEST_CODES,
        cues: &[RIOTING],
        unless: NONE,
        acled: to(RIOTS, "Violent demonstration"),
    },
    Rule {
        codes: PROTEST_CODES,
        cues: &[EXCESSIVE_FORCE],
        unless: NONE,
        acled: to(PROTESTS, "Excessive force against protesters"),
    },
    Rule {
        codes: PROTEST_CODES,
        cues: &[INTERVENTION],
        unless: NONE,
        acled: to(PROTESTS, "Protest with intervention"),
    },
    Rule {
        codes: PROTEST_CODES,
        cues: NO_CUES,
        unless: NONE,
        acled: to(PROTESTS, "Peaceful protest"),
    },
    // Strategic developments.
    Rule {
        codes: &["1712"],
        cues: NO_CUES,
        unless: NONE,
        acled: to(STRATEGIC_DEVELOPMENTS, "Looting/property destruction"),
    },
    Rule {
        codes: &["171"],
        cues: &[LOOTING],
        unless: NONE,
        acled: to(STRATEGIC_DEVELOPMENTS, "Looting/property destruction"),
    },
    Rule {
        codes: &["173"],
        cues: NO_CUES,
        unless: NONE,
        acled: to(STRATEGIC_DEVELOPMENTS, "Arrests"),
    },
    Rule {
        codes: &["17"],
        cues: &[ARREST],
        unless: NONE,
        acled: to(STRATEGIC_DEVELOPMENTS, "Arrests"),
    },
    Rule {
        codes: &[],
        cues: &[HEADQUARTERS],
        unless: NONE,
        acled: to(STRATEGIC_DEVELOPMENTS, "Headquarters or base established"),
    },
    Rule {
        codes: &["0874", "0872", "087"],
        cues: &[TERRITORY_HANDOVER],
        unless: NONE,
        acled: to(STRATEGIC_DEVELOPMENTS, "Non-violent transfer of territory"),
    },
    Rule {
        codes: &["057", "0871"],
        cues: NO_CUES,
        unless: NONE,
        acled: to(STRATEGIC_DEVELOPMENTS, "Agreement"),
    },
    // An expressed intent (03) is an agreement only when the report says one was reached
    // ("agreed to a ceasefire"); "is ready to help" is not.
    Rule {
        codes: &["03"],
        cues: &[AGREEMENT_WORDS],
        unless: NONE,
        acled: to(STRATEGIC_DEVELOPMENTS, "Agreement"),
    },
    Rule {
        codes: &["15"],
        cues: NO_CUES,
        unless: NONE,
        acled: to(STRATEGIC_DEVELOPMENTS, "Change to group/activity"),
    },
    // A non-violent event in a sentence about a protest reports the protest itself; not a
    // statement (root 01) or a disapproval (root 11), which mostly comment on one.
    Rule {
        codes: NON_VIOLENT,
        cues: &[PROTEST_EVENT],
        unless: NONE,
        acled: to(PROTESTS, "Peaceful protest"),
    },
    // Code-only defaults for violent codes with no telling cue.
    Rule {
        codes: &["195"],
        cues: NO_CUES,
        unless: NONE,
        acled: to(EXPLOSIONS, "Air/drone strike"),
    },
    Rule {
        codes: &["194"],
        cues: NO_CUES,
        unless: NONE,
        acled: to(EXPLOSIONS, "Shelling/artillery/missile attack"),
    },
    Rule {
        codes: &["183"],
        cues: NO_CUES,
        unless: NONE,
        acled: to(EXPLOSIONS, "Remote explosive/landmine/IED"),
    },
    // An explosion with no telling weapon: ACLED's default is a remote explosive (after the
    // air and artillery codes, whose bombs are theirs).
    Rule {
        codes: VIOLENT,
        cues: &[EXPLOSION],
        unless: INCENDIARY,
        acled: to(EXPLOSIONS, "Remote explosive/landmine/IED"),
    },
    // A fight-coded event against civilians away from any military target is one-sided.
    Rule {
        codes: &["190", "193"],
        cues: &[CIVILIANS],
        unless: NOT_A_CIVILIAN_ATTACK,
        acled: to(VIOLENCE_AGAINST_CIVILIANS, "Attack"),
    },
    Rule {
        codes: &["191", "192"],
        cues: NO_CUES,
        unless: NONE,
        acled: to(STRATEGIC_DEVELOPMENTS, "Other"),
    },
    Rule {
        codes: &["19"],
        cues: NO_CUES,
        unless: NONE,
        acled: to(BATTLES, "Armed clash"),
    },
    Rule {
        codes: &["175", "18", "20"],
        cues: NO_CUES,
        unless: NONE,
        acled: to(VIOLENCE_AGAINST_CIVILIANS, "Attack"),
    },
];

/// The fallback when no rule fires.
const OTHER: Acled = to(STRATEGIC_DEVELOPMENTS, "Other");

/// Classify an event into ACLED's taxonomy from its CAMEO code and source sentence.
///
/// The code is resolved leniently (see [`crate::resolve`]); an unknown code can still match the
/// code-independent cue rules, and otherwise yields "Strategic developments / Other".
pub fn acled(code: &str, sentence: &str) -> Acled {
    let resolved_code: &str = resolve(code).map_or("", |resolved| resolved.entry.code);
    let text: String = sentence.to_lowercase();
    RULES
        .iter()
        .find(|rule: &&Rule| rule_fires(rule, resolved_code, &text))
        .map_or(OTHER, |rule: &Rule| rule.acled)
}

fn rule_fires(rule: &Rule, code: &str, text: &str) -> bool {
    let code_ok: bool = rule.codes.is_empty()
        || (!code.is_empty()
            && rule
                .codes
                .iter()
                .any(|prefix: &&str| code.starts_with(prefix)));
    code_ok
        && rule
            .cues
            .iter()
            .all(|group: &&[&str]| group.iter().any(|cue: &&str| has_cue(text, cue)))
        && !rule.unless.iter().any(|cue: &&str| has_cue(text, cue))
}

/// True when `cue` occurs in `text` starting at a word boundary.
fn has_cue(text: &str, cue: &str) -> bool {
    text.match_indices(cue).any(|(start, _): (usize, &str)| {
        text[..start]
            .chars()
            .next_back()
            .is_none_or(|before: char| !before.is_alphanumeric())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cues_match_at_word_starts_only() {
        assert!(has_cue("an ied exploded", "ied"));
        assert!(has_cue("two ieds", "ied"));
        assert!(!has_cue("three people died", "ied"));
        assert!(has_cue("heavy shelling", "shell"));
        assert!(has_cue("ied", "ied"));
        assert!(!has_cue("", "ied"));
    }

    #[test]
    fn every_rule_answer_is_an_acled_pair() {
        for rule in RULES {
            assert!(
                SUB_EVENT_TYPES.contains(&(rule.acled.event_type, rule.acled.sub_event_type)),
                "{:?}",
                rule.acled
            );
            for prefix in rule.codes {
                assert!(
                    crate::cameo::lookup_exact(prefix).is_some(),
                    "rule code {prefix} is not a CAMEO code"
                );
            }
        }
    }

    #[test]
    fn every_sub_event_has_a_case_label() {
        for (_, sub_event) in SUB_EVENT_TYPES {
            let acled: Acled = to("", sub_event);
            assert!(
                sub_event == "Other" || acled.case2021_label() != "OTHER",
                "{sub_event}"
            );
        }
    }
}
