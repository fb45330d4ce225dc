//! MUC-4 casualty check shared by `tests/muc4.rs` and `examples/muc4_casualties.rs`.
//!
//! For every answer-key template whose HUM TGT EFFECT says `DEATH: "X"` and whose
//! HUM TGT NUMBER gives a plain integer for the same `"X"`, we ask whether the casualty
//! extractor finds exactly that number as a fatality count anywhere in the document.

use std::collections::BTreeMap;
use std::path::Path;

use annalist_enrich::casualties::{CasualtyKind, CasualtyMention, find_casualties};

/// One expected fatality count.
pub struct Expected {
    pub doc_id: String,
    pub target: String,
    pub count: u32,
}

/// Result of the check.
pub struct Outcome {
    pub total: usize,
    pub found: usize,
    pub misses: Vec<String>,
}

/// Document id → text, from the `dev-muc3-*` files.
pub fn read_texts(dir: &Path) -> BTreeMap<String, String> {
    let mut texts: BTreeMap<String, String> = BTreeMap::new();
    let mut entries: Vec<std::path::PathBuf> = std::fs::read_dir(dir)
        .map(|it| it.filter_map(|e| e.ok()).map(|e| e.path()).collect())
        .unwrap_or_default();
    entries.sort();
    for path in entries {
        let name: String = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        if !name.starts_with("dev-muc3-") {
            continue;
        }
        let Ok(content) = std::fs::read_to_string(&path) else {
            continue;
        };
        let mut current: Option<String> = None;
        for line in content.lines() {
            if line.starts_with("DEV-MUC3-") {
                let id: String = line
                    .split_whitespace()
                    .next()
                    .unwrap_or_default()
                    .to_string();
                texts.insert(id.clone(), String::new());
                current = Some(id);
            } else if let Some(id) = &current
                && let Some(text) = texts.get_mut(id)
            {
                text.push_str(line);
                text.push('\n');
            }
        }
    }
    texts
}

/// Expected counts from the `key-dev-*.muc4` files.
pub fn read_keys(dir: &Path) -> Vec<Expected> {
    let mut expected: Vec<Expected> = Vec::new();
    let mut entries: Vec<std::path::PathBuf> = std::fs::read_dir(dir)
        .map(|it| it.filter_map(|e| e.ok()).map(|e| e.path()).collect())
        .unwrap_or_default();
    entries.sort();
    for path in entries {
        let name: String = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        if !name.starts_with("key-dev-") {
            continue;
        }
        let Ok(content) = std::fs::read_to_string(&path) else {
            continue;
        };
        for template in content.split("\n\n") {
            let fields: BTreeMap<u32, Vec<String>> = parse_template(template);
            let Some(id) = fields.get(&0).and_then(|v| v.first()) else {
                continue;
            };
            let doc_id: String = id.split_whitespace().next().unwrap_or_default().to_string();
            let deaths: Vec<String> = fields
                .get(&23)
                .map(|values| {
                    values
                        .iter()
                        .filter_map(|v| quoted_after(v, "DEATH:"))
                        .collect()
                })
                .unwrap_or_default();
            for value in fields.get(&21).into_iter().flatten() {
                let Some((number, target)) = value.split_once(':') else {
                    continue;
                };
                let Ok(count) = number.trim().parse::<u32>() else {
                    continue;
                };
                let target: String = target.trim().trim_matches('"').to_string();
                if deaths.contains(&target) {
                    expected.push(Expected {
                        doc_id: doc_id.clone(),
                        target,
                        count,
                    });
                }
            }
        }
    }
    expected
}

fn quoted_after(value: &str, label: &str) -> Option<String> {
    let rest: &str = value.split_once(label)?.1;
    Some(rest.trim().trim_matches('"').to_string())
}

fn parse_template(template: &str) -> BTreeMap<u32, Vec<String>> {
    let mut fields: BTreeMap<u32, Vec<String>> = BTreeMap::new();
    let mut current: Option<u32> = None;
    for line in template.lines() {
        if line.starts_with(';') {
            continue;
        }
        let trimmed: &str = line.trim_start();
        if line.len() == trimmed.len() {
            let Some((number, _)) = line.split_once('.') else {
                continue;
            };
            let Ok(number) = number.trim().parse::<u32>() else {
                continue;
            };
            // "21. HUM TGT: NUMBER                 6: "JESUITS"": the value starts at column 36.
            let value: String = line.get(36..).unwrap_or("").trim().to_string();
            fields.entry(number).or_default().push(value);
            current = Some(number);
        } else if let Some(number) = current {
            fields
                .entry(number)
                .or_default()
                .push(trimmed.trim().to_string());
        }
    }
    fields
}

/// Runs the extractor over each document's sentences and compares.
pub fn evaluate(dir: &Path) -> Outcome {
    let texts: BTreeMap<String, String> = read_texts(dir);
    let keys: Vec<Expected> = read_keys(dir);
    let mut found: usize = 0;
    let mut misses: Vec<String> = Vec::new();
    let mut cache: BTreeMap<String, Vec<CasualtyMention>> = BTreeMap::new();
    for key in &keys {
        let mentions: &Vec<CasualtyMention> =
            cache.entry(key.doc_id.clone()).or_insert_with(|| {
                let text: &str = texts.get(&key.doc_id).map_or("", String::as_str);
                annalist_text::segment(text)
                    .iter()
                    .flat_map(|s| {
                        let range = s.span.range();
                        find_casualties(text.get(range.clone()).unwrap_or(""), range.start)
                    })
                    .collect()
            });
        let hit: bool = mentions
            .iter()
            .any(|m| m.kind == CasualtyKind::Fatalities && m.count == key.count);
        if hit {
            found += 1;
        } else {
            let got: Vec<u32> = mentions
                .iter()
                .filter(|m| m.kind == CasualtyKind::Fatalities)
                .map(|m| m.count)
                .collect();
            misses.push(format!(
                "{} want {} ({}) got {:?}",
                key.doc_id, key.count, key.target, got
            ));
        }
    }
    Outcome {
        total: keys.len(),
        found,
        misses,
    }
}
