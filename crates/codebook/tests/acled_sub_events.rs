//! One or more small sentences per ACLED sub-event type, following the ACLED codebook's
//! definitions: who acts (organised armed actor, crowd, partisans), with what (firearms and
//! bombs, sticks and stones), whether a demonstration is happening, and what it led to.

use annalist_codebook::acled;

/// (CAMEO code a coder would plausibly give, sentence, expected sub-event type).
const CASES: &[(&str, &str, &str)] = &[
    // Battles.
    (
        "190",
        "Soldiers clashed with Al Shabaab militants near Afgooye.",
        "Armed clash",
    ),
    (
        "190",
        "Police and armed robbers exchanged fire at a checkpoint.",
        "Armed clash",
    ),
    (
        "190",
        "Two factions of the student wing clashed; crude guns were fired.",
        "Armed clash",
    ),
    (
        "190",
        "Government forces recaptured Palmyra from IS.",
        "Government regains territory",
    ),
    (
        "190",
        "Taliban militants captured the district centre.",
        "Non-state actor overtakes territory",
    ),
    // Explosions/Remote violence.
    (
        "200",
        "Government forces used chlorine gas on the town.",
        "Chemical weapon",
    ),
    (
        "195",
        "A drone strike hit a compound, killing two.",
        "Air/drone strike",
    ),
    (
        "190",
        "A suicide bomber detonated his vest at a mosque.",
        "Suicide bomb",
    ),
    (
        "194",
        "Rebels fired mortars at the airport.",
        "Shelling/artillery/missile attack",
    ),
    (
        "190",
        "A roadside bomb hit a military vehicle.",
        "Remote explosive/landmine/IED",
    ),
    (
        "190",
        "A bomb exploded in the market, injuring five.",
        "Remote explosive/landmine/IED",
    ),
    ("180", "Unknown men hurled a grenade at a bar.", "Grenade"),
    // Violence against civilians.
    (
        "182",
        "Soldiers raped two women in the village.",
        "Sexual violence",
    ),
    ("190", "Gunmen shot dead a farmer in his field.", "Attack"),
    (
        "1823",
        "Unidentified men hacked a trader to death.",
        "Attack",
    ),
    (
        "181",
        "Militants abducted three aid workers.",
        "Abduction/forced disappearance",
    ),
    // Protests.
    (
        "141",
        "Teachers held a protest demanding unpaid salaries.",
        "Peaceful protest",
    ),
    (
        "1041",
        "Residents staged a demonstration demanding that the tax be withdrawn.",
        "Peaceful protest",
    ),
    (
        "141",
        "Police used tear gas to disperse the demonstrators.",
        "Protest with intervention",
    ),
    (
        "175",
        "Police baton-charged protesters and arrested 12.",
        "Protest with intervention",
    ),
    (
        "190",
        "Police opened fire on protesters, killing three.",
        "Excessive force against protesters",
    ),
    (
        "182",
        "Party cadres attacked a procession, injuring ten.",
        "Excessive force against protesters",
    ),
    // Riots.
    (
        "141",
        "Protesters pelted police with stones and set fire to tyres.",
        "Violent demonstration",
    ),
    (
        "1712",
        "Students vandalised the principal's office to demonstrate against the results.",
        "Violent demonstration",
    ),
    (
        "190",
        "Demonstrators clashed with police in the capital.",
        "Violent demonstration",
    ),
    (
        "190",
        "Two factions of the ruling party clashed over a tender, injuring eight.",
        "Mob violence",
    ),
    (
        "190",
        "Supporters of a local leader attacked an opposition activist.",
        "Mob violence",
    ),
    ("182", "A mob lynched a suspected thief.", "Mob violence"),
    (
        "190",
        "Villagers armed with sticks clashed over a land dispute.",
        "Mob violence",
    ),
    // Strategic developments.
    (
        "057",
        "The two sides signed a ceasefire agreement.",
        "Agreement",
    ),
    (
        "036",
        "The rebels agreed to hold talks with the government.",
        "Agreement",
    ),
    (
        "173",
        "Police arrested five suspected militants.",
        "Arrests",
    ),
    (
        "172",
        "Security forces detained two journalists.",
        "Arrests",
    ),
    (
        "154",
        "The group announced it would demobilise its fighters.",
        "Change to group/activity",
    ),
    (
        "190",
        "Soldiers defused an IED on the main road.",
        "Disrupted weapons use",
    ),
    (
        "042",
        "The militia set up a base near the river.",
        "Headquarters or base established",
    ),
    (
        "1712",
        "Militiamen burned houses in the village.",
        "Looting/property destruction",
    ),
    (
        "0874",
        "The militia withdrew from the town and handed over its positions.",
        "Non-violent transfer of territory",
    ),
    ("010", "The minister spoke on radio.", "Other"),
];

#[test]
fn every_sub_event_type_from_its_definition() {
    let mut wrong: Vec<String> = Vec::new();
    for (code, sentence, want) in CASES {
        let got: &str = acled(code, sentence).sub_event_type;
        if got != *want {
            wrong.push(format!("{code} {sentence:?}: got {got:?}, want {want:?}"));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn every_sub_event_type_is_covered() {
    for (_, sub_event) in annalist_codebook::SUB_EVENT_TYPES {
        assert!(
            CASES.iter().any(|(_, _, want)| *want == sub_event),
            "no case for {sub_event}"
        );
    }
}

#[test]
fn near_misses_keep_their_type() {
    // Bombs dropped from aircraft stay air strikes; bombs among civilians stay explosions.
    assert_eq!(
        acled(
            "195",
            "Military aircraft bombed a village, killing nine civilians."
        )
        .sub_event_type,
        "Air/drone strike"
    );
    assert_eq!(
        acled("190", "A bomb exploded near a bus, killing two women.").sub_event_type,
        "Remote explosive/landmine/IED"
    );
    // Crowd control alone is an intervention, not excessive force.
    assert_eq!(
        acled("175", "Police fired tear gas at demonstrators.").sub_event_type,
        "Protest with intervention"
    );
    // A statement that mentions protests is not a protest.
    assert_eq!(
        acled(
            "010",
            "The president said criminals had hijacked the protests."
        )
        .sub_event_type,
        "Other"
    );
    // Partisans with guns are not a mob.
    assert_eq!(
        acled(
            "190",
            "Supporters of the two candidates clashed and fired guns."
        )
        .sub_event_type,
        "Armed clash"
    );
}

#[test]
fn an_intent_without_an_agreement_is_not_one() {
    assert_eq!(
        acled(
            "033",
            "Iran is ready to help the two sides settle their differences."
        )
        .sub_event_type,
        "Other"
    );
}

#[test]
fn comments_on_protests_are_not_protests() {
    assert_eq!(
        acled(
            "112",
            "The president accused criminals of hijacking the protests."
        )
        .sub_event_type,
        "Other"
    );
}
