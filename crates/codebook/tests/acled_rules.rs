//! ACLED classification: the CASE 2021 task 2 worked examples plus our own cases.

use std::path::{Path, PathBuf};

use annalist_codebook::{ACLED_RULES, Acled, SUB_EVENT_TYPES, acled};

fn sub(code: &str, sentence: &str) -> &'static str {
    acled(code, sentence).sub_event_type
}

/// The CAMEO codes a coder would plausibly emit for each worked example, by example id. Each
/// example is checked under every listed code.
const EXAMPLE_CODES: [(&str, &[&str]); 5] = [
    ("1", &["190", "180"]),
    ("2", &["145", "141"]),
    ("3", &["182", "190"]),
    ("4", &["190", "193"]),
    ("5", &["182", "180"]),
];

fn sample_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared/data/gold-dev/case2021-task2-sample")
}

fn read_tsv(path: &Path) -> Vec<(String, String)> {
    let text: String = std::fs::read_to_string(path).unwrap_or_default();
    text.lines()
        .filter_map(|line| line.split_once('\t'))
        .map(|(id, rest)| (id.trim().to_string(), rest.trim().to_string()))
        .collect()
}

#[test]
fn case2021_worked_examples() {
    let dir: PathBuf = sample_dir();
    let input: PathBuf = dir.join("sample_input.txt");
    let output: PathBuf = dir.join("sample_output.txt");
    if !input.is_file() || !output.is_file() {
        eprintln!("skipping: CASE 2021 sample not found at {}", dir.display());
        return;
    }
    let sentences: Vec<(String, String)> = read_tsv(&input);
    let gold: Vec<(String, String)> = read_tsv(&output);
    assert_eq!(gold.len(), 5, "expected five worked examples");
    let labels: String = std::fs::read_to_string(dir.join("event_types.txt")).unwrap_or_default();
    let mut checked: usize = 0;
    for (id, label) in &gold {
        let sentence: &str = sentences
            .iter()
            .find(|(sid, _)| sid == id)
            .map(|(_, text)| text.as_str())
            .unwrap_or_else(|| panic!("no sentence for example {id}"));
        let codes: &[&str] = EXAMPLE_CODES
            .iter()
            .find(|(eid, _)| eid == id)
            .map(|(_, codes)| *codes)
            .unwrap_or_else(|| panic!("no CAMEO codes chosen for example {id}"));
        for code in codes {
            let got: Acled = acled(code, sentence);
            assert_eq!(
                got.case2021_label(),
                label,
                "example {id} with code {code}: {got:?}"
            );
            if !labels.is_empty() {
                assert!(
                    labels.lines().any(|l| l.trim() == label),
                    "{label} not in label list"
                );
            }
            checked += 1;
        }
    }
    assert_eq!(checked, 10);
}

#[test]
fn weapon_cues() {
    assert_eq!(
        sub("190", "A Saudi-led airstrike hit a market in Saada."),
        "Air/drone strike"
    );
    assert_eq!(
        sub("193", "A US drone killed three militants."),
        "Air/drone strike"
    );
    assert_eq!(
        sub("195", "Two were killed in the raid."),
        "Air/drone strike"
    );
    assert_eq!(
        sub("190", "Rebels fired mortar rounds at the airport."),
        "Shelling/artillery/missile attack"
    );
    assert_eq!(
        sub("194", "The town came under attack."),
        "Shelling/artillery/missile attack"
    );
    assert_eq!(
        sub(
            "183",
            "An IED exploded near a patrol, killing two soldiers."
        ),
        "Remote explosive/landmine/IED"
    );
    assert_eq!(
        sub("190", "Three people died in the attack."),
        "Armed clash"
    );
    assert_eq!(
        sub("180", "A suicide bomber blew himself up at a checkpoint."),
        "Suicide bomb"
    );
    assert_eq!(sub("1831", "An explosion hit the mosque."), "Suicide bomb");
    assert_eq!(
        sub("180", "Unknown men threw a grenade into a bar."),
        "Grenade"
    );
    assert_eq!(sub("2041", "Dozens were hurt."), "Chemical weapon");
    assert_eq!(
        sub("200", "Witnesses described a sarin attack."),
        "Chemical weapon"
    );
}

#[test]
fn battles_and_territory() {
    assert_eq!(
        sub("190", "Troops and rebels exchanged fire for hours."),
        "Armed clash"
    );
    assert_eq!(
        sub("193", "Soldiers clashed with militants near the border."),
        "Armed clash"
    );
    assert_eq!(
        sub("190", "Rebels captured the town after heavy fighting."),
        "Non-state actor overtakes territory"
    );
    assert_eq!(
        sub(
            "192",
            "Government forces recaptured the district from the rebels."
        ),
        "Government regains territory"
    );
    assert_eq!(
        sub("190", "The army took control of the hill."),
        "Government regains territory"
    );
}

#[test]
fn civilians_and_protests() {
    assert_eq!(
        sub("181", "Gunmen seized a teacher on the road."),
        "Abduction/forced disappearance"
    );
    assert_eq!(
        sub("180", "Militants kidnapped two aid workers."),
        "Abduction/forced disappearance"
    );
    assert_eq!(sub("1821", "A woman was assaulted."), "Sexual violence");
    assert_eq!(
        sub("182", "Soldiers raped a girl in the village."),
        "Sexual violence"
    );
    assert_eq!(sub("1823", "A farmer was hacked to death."), "Attack");
    assert_eq!(
        sub("141", "Hundreds marched peacefully to parliament."),
        "Peaceful protest"
    );
    assert_eq!(
        sub("141", "Police dispersed the demonstrators with tear gas."),
        "Protest with intervention"
    );
    assert_eq!(
        sub(
            "141",
            "Security forces opened fire on the crowd, killing four."
        ),
        "Excessive force against protesters"
    );
    assert_eq!(
        sub(
            "141",
            "Protesters pelted police with stones and set fire to tyres."
        ),
        "Violent demonstration"
    );
    assert_eq!(
        sub("1454", "Crowds gathered downtown."),
        "Violent demonstration"
    );
    assert_eq!(
        sub("141", "Relatives protested the killing of a journalist."),
        "Peaceful protest"
    );
    assert_eq!(
        sub(
            "182",
            "On 3 March 2019, gunmen attacked a trader in his shop."
        ),
        "Attack"
    );
    assert_eq!(
        sub("190", "Students clashed with police outside the campus."),
        "Violent demonstration"
    );
}

#[test]
fn strategic_developments() {
    assert_eq!(
        sub("173", "Police arrested 12 opposition members."),
        "Arrests"
    );
    assert_eq!(
        sub("057", "The two sides signed a peace deal."),
        "Agreement"
    );
    assert_eq!(
        sub("0871", "The parties declared a ceasefire."),
        "Agreement"
    );
    assert_eq!(
        sub("1712", "Militiamen burned houses."),
        "Looting/property destruction"
    );
    assert_eq!(
        sub("171", "Soldiers looted shops in the market."),
        "Looting/property destruction"
    );
    assert_eq!(
        sub("154", "The group moved fighters into the valley."),
        "Change to group/activity"
    );
    assert_eq!(
        sub("173", "Police defused a bomb and seized weapons."),
        "Disrupted weapons use"
    );
    assert_eq!(
        sub(
            "0874",
            "The militia withdrew from the town and handed over the checkpoints."
        ),
        "Non-violent transfer of territory"
    );
    assert_eq!(
        sub("042", "The group established a base near the river."),
        "Headquarters or base established"
    );
    assert_eq!(sub("010", "The minister spoke on radio."), "Other");
    assert_eq!(sub("---", "Nothing to see."), "Other");
    assert_eq!(sub("", ""), "Other");
}

#[test]
fn every_answer_is_an_acled_pair() {
    for rule in ACLED_RULES {
        let pair: (&str, &str) = (rule.acled.event_type, rule.acled.sub_event_type);
        assert!(SUB_EVENT_TYPES.contains(&pair), "{pair:?}");
    }
    let got: Acled = acled("19", "anything");
    assert_eq!(got.event_type, "Battles");
}
