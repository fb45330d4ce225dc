//! The `key-dev-*.muc4` answer keys: templates of numbered slots, values continued on
//! indented lines, `;` comment lines, and the death counts we score.

use std::collections::BTreeMap;
use std::path::Path;

use crate::muc4::texts::files_with_prefix;
use crate::read::{ReadSet, read_text};

/// The slot names, indexed by slot number (`21. HUM TGT: NUMBER`).
const SLOT_NAMES: [&str; 25] = [
    "MESSAGE: ID",
    "MESSAGE: TEMPLATE",
    "INCIDENT: DATE",
    "INCIDENT: LOCATION",
    "INCIDENT: TYPE",
    "INCIDENT: STAGE OF EXECUTION",
    "INCIDENT: INSTRUMENT ID",
    "INCIDENT: INSTRUMENT TYPE",
    "PERP: INCIDENT CATEGORY",
    "PERP: INDIVIDUAL ID",
    "PERP: ORGANIZATION ID",
    "PERP: ORGANIZATION CONFIDENCE",
    "PHYS TGT: ID",
    "PHYS TGT: TYPE",
    "PHYS TGT: NUMBER",
    "PHYS TGT: FOREIGN NATION",
    "PHYS TGT: EFFECT OF INCIDENT",
    "PHYS TGT: TOTAL NUMBER",
    "HUM TGT: NAME",
    "HUM TGT: DESCRIPTION",
    "HUM TGT: TYPE",
    "HUM TGT: NUMBER",
    "HUM TGT: FOREIGN NATION",
    "HUM TGT: EFFECT OF INCIDENT",
    "HUM TGT: TOTAL NUMBER",
];

const MESSAGE_ID: u32 = 0;
const TEMPLATE_NUMBER: u32 = 1;
const HUM_TGT_NUMBER: u32 = 21;
const HUM_TGT_EFFECT: u32 = 23;

/// One answer-key template: slot number → its values, one per line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Template {
    /// `DEV-MUC3-0001`.
    pub doc_id: String,
    /// `file:line` of the template's first slot.
    pub origin: String,
    pub slots: BTreeMap<u32, Vec<String>>,
}

/// One expected death count.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DeathCount {
    pub doc_id: String,
    /// The template's number (`1. MESSAGE: TEMPLATE`).
    pub template: String,
    pub origin: String,
    /// The target's strings (alternatives), e.g. `["JESUIT PRIESTS", "JESUITS"]`.
    pub target: Vec<String>,
    pub count: u32,
}

/// A numbered slot line (`21. HUM TGT: NUMBER      6: "JESUITS"`): number and value.
fn slot_line(line: &str) -> Option<(u32, String)> {
    let (number, rest) = line.split_once('.')?;
    let number: u32 = number.trim().parse().ok()?;
    let rest: &str = rest.trim_start();
    let value: &str = match SLOT_NAMES.get(number as usize) {
        Some(name) if rest.starts_with(name) => &rest[name.len()..],
        // An unknown slot name: the value follows the first run of two spaces.
        _ => rest.split_once("  ").map_or("", |(_, value)| value),
    };
    Some((number, value.trim().to_string()))
}

/// Parses one key file's text into templates; `name` labels the messages.
pub fn parse_templates(content: &str, name: &str) -> ReadSet<Template> {
    let mut set: ReadSet<Template> = ReadSet::default();
    let mut current: Option<Template> = None;
    let mut slot: Option<u32> = None;
    for (index, raw) in content.lines().enumerate() {
        let line: &str = raw.trim_end_matches('\r');
        if line.starts_with(';') {
            continue;
        }
        if line.trim().is_empty() {
            slot = None;
            continue;
        }
        if line.starts_with(char::is_whitespace) {
            match (current.as_mut(), slot) {
                (Some(template), Some(number)) => template
                    .slots
                    .entry(number)
                    .or_default()
                    .push(line.trim().to_string()),
                _ => set.problems.push(format!(
                    "{name}:{}: continuation line outside a slot",
                    index + 1
                )),
            }
            continue;
        }
        let Some((number, value)) = slot_line(line) else {
            set.problems.push(format!(
                "{name}:{}: not a numbered slot: {line:?}",
                index + 1
            ));
            slot = None;
            continue;
        };
        if number == MESSAGE_ID {
            set.items.extend(current.take());
            current = Some(Template {
                doc_id: value.split_whitespace().next().unwrap_or("").to_string(),
                origin: format!("{name}:{}", index + 1),
                slots: BTreeMap::new(),
            });
        }
        match current.as_mut() {
            Some(template) => template.slots.entry(number).or_default().push(value),
            None => set.problems.push(format!(
                "{name}:{}: slot before any `0. MESSAGE: ID`",
                index + 1
            )),
        }
        slot = Some(number);
    }
    set.items.extend(current);
    set
}

/// Splits a slot value `FILL: "A" / "B"` into the fill alternatives (`?` marks dropped) and
/// the quoted strings.
fn split_value(value: &str) -> (Vec<String>, Vec<String>) {
    let quote: usize = value.find('"').unwrap_or(value.len());
    let (fill, strings) = match value[..quote].rfind(':') {
        Some(colon) => (&value[..colon], &value[colon + 1..]),
        None if quote < value.len() => ("", &value[quote..]),
        None => (value, ""),
    };
    let fills: Vec<String> = fill
        .split('/')
        .map(|f: &str| f.trim().trim_start_matches('?').trim().to_string())
        .filter(|f: &String| !f.is_empty())
        .collect();
    let quoted: Vec<String> = strings
        .split('"')
        .skip(1)
        .step_by(2)
        .map(|s: &str| s.trim().to_string())
        .collect();
    (fills, quoted)
}

/// The death counts a template gives: a HUM TGT NUMBER that is a plain integer for a target
/// (any of its strings) whose HUM TGT EFFECT includes DEATH.
pub fn death_counts(template: &Template) -> Vec<DeathCount> {
    let values = |slot: u32| template.slots.get(&slot).into_iter().flatten();
    let dead: Vec<String> = values(HUM_TGT_EFFECT)
        .map(|v: &String| split_value(v))
        .filter(|(fills, _)| fills.iter().any(|f: &String| f == "DEATH"))
        .flat_map(|(_, strings)| strings)
        .collect();
    let template_number: String = values(TEMPLATE_NUMBER).next().cloned().unwrap_or_default();
    values(HUM_TGT_NUMBER)
        .filter_map(|value: &String| {
            let (fills, strings) = split_value(value);
            let [fill] = fills.as_slice() else {
                return None;
            };
            let plain: bool = !fill.is_empty() && fill.bytes().all(|b: u8| b.is_ascii_digit());
            let count: u32 = if plain {
                fill.parse().ok()?
            } else {
                return None;
            };
            strings
                .iter()
                .any(|s: &String| dead.contains(s))
                .then(|| DeathCount {
                    doc_id: template.doc_id.clone(),
                    template: template_number.clone(),
                    origin: template.origin.clone(),
                    target: strings,
                    count,
                })
        })
        .collect()
}

/// Reads every `key-dev-*` file in `dir`: all templates, and the problems met.
pub fn read_templates(dir: &Path) -> Result<ReadSet<Template>, String> {
    let mut set: ReadSet<Template> = ReadSet::default();
    for path in files_with_prefix(dir, "key-dev-")? {
        let content: String = read_text(&path)?;
        let file: ReadSet<Template> = parse_templates(&content, &path.display().to_string());
        set.items.extend(file.items);
        set.problems.extend(file.problems);
    }
    Ok(set)
}

/// The death counts of every key file in `dir`.
pub fn read_keys(dir: &Path) -> Result<ReadSet<DeathCount>, String> {
    let templates: ReadSet<Template> = read_templates(dir)?;
    Ok(ReadSet {
        items: templates.items.iter().flat_map(death_counts).collect(),
        problems: templates.problems,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const KEY: &str = "\
0.  MESSAGE: ID                     DEV-MUC3-0007 (NCCOSC)
1.  MESSAGE: TEMPLATE               2
;;; a comment
21. HUM TGT: NUMBER                 6: \"JESUIT PRIESTS\" / \"JESUITS\"
                                    2: \"WOMEN\"
                                    7 - 10: \"PEASANTS\"
                                    PLURAL: \"SOLDIERS\"
                                    1: \"DRIVER\"
22. HUM TGT: FOREIGN NATION         -
23. HUM TGT: EFFECT OF INCIDENT      DEATH: \"JESUITS\"
                                    ? INJURY / DEATH: \"WOMEN\"
                                    DEATH: \"PEASANTS\" / \"SOLDIERS\"
                                    NO INJURY OR DEATH: \"DRIVER\"
24. HUM TGT: TOTAL NUMBER           -

0.  MESSAGE: ID                     DEV-MUC3-0008 (NCCOSC)
1.  MESSAGE: TEMPLATE               *
21. HUM TGT: NUMBER                 *
23. HUM TGT: EFFECT OF INCIDENT     *
";

    #[test]
    fn multi_line_slots() {
        let set: ReadSet<Template> = parse_templates(KEY, "key");
        assert!(set.problems.is_empty(), "{:?}", set.problems);
        assert_eq!(set.items.len(), 2);
        let first: &Template = &set.items[0];
        assert_eq!(first.doc_id, "DEV-MUC3-0007");
        assert_eq!(first.slots[&21].len(), 5);
        assert_eq!(first.slots[&23][0], "DEATH: \"JESUITS\"");
        assert_eq!(first.slots[&23].len(), 4);
    }

    #[test]
    fn death_counts_need_plain_integers_and_death() {
        let set: ReadSet<Template> = parse_templates(KEY, "key");
        let counts: Vec<(u32, Vec<String>)> = death_counts(&set.items[0])
            .into_iter()
            .map(|c: DeathCount| (c.count, c.target))
            .collect();
        assert_eq!(
            counts,
            vec![
                (6, vec!["JESUIT PRIESTS".to_string(), "JESUITS".to_string()]),
                (2, vec!["WOMEN".to_string()]),
            ]
        );
        assert!(death_counts(&set.items[1]).is_empty());
    }

    #[test]
    fn values_split_into_fill_and_strings() {
        assert_eq!(
            split_value("? INJURY / DEATH: \"A\" / \"B\""),
            (
                vec!["INJURY".to_string(), "DEATH".to_string()],
                vec!["A".to_string(), "B".to_string()]
            )
        );
        assert_eq!(split_value("*"), (vec!["*".to_string()], Vec::new()));
        assert_eq!(
            split_value("? \"TERRORIST\""),
            (Vec::new(), vec!["TERRORIST".to_string()])
        );
        assert_eq!(split_value("7 - 10: \"X\"").0, vec!["7 - 10".to_string()]);
    }
}
