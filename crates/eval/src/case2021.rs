//! CASE 2021 task 2 sample: ACLED sub-event type per snippet, as the task's labels
//! (`MOB_VIOL`, ...). The first event in text order with an ACLED type decides; none
//! means `OTHER`.

use std::collections::BTreeMap;
use std::fmt;
use std::path::Path;

use annalist_code::Event;
use annalist_codebook::{Acled, SUB_EVENT_TYPES};
use annalist_ingest::{Document, Origin};
use annalist_pipeline::{CodedDocument, Pipeline};
use annalist_text::Analyzer;
use serde_json::json;

use crate::first_event::first_event;
use crate::metrics::ratio;
use crate::read::{ReadSet, read_text};
use crate::record::{EventSummary, ItemRecord};

/// One snippet with its gold label.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Example {
    pub id: String,
    pub text: String,
    pub label: String,
}

/// Accuracy over the examples.
#[derive(Debug, Clone, PartialEq)]
pub struct Case2021Report {
    pub correct: usize,
    pub total: usize,
    pub items: Vec<ItemRecord>,
}

/// `id<TAB>value` lines of one file, keyed by id; bad lines become problems.
fn read_tab_file(path: &Path, problems: &mut Vec<String>) -> Result<Vec<(String, String)>, String> {
    let content: String = read_text(path)?;
    let mut rows: Vec<(String, String)> = Vec::new();
    for (index, line) in content.lines().enumerate() {
        let line: &str = line.trim_end_matches('\r');
        if line.trim().is_empty() {
            continue;
        }
        match line.split_once('\t') {
            Some((id, value)) => rows.push((id.trim().to_string(), value.trim().to_string())),
            None => problems.push(format!(
                "{}:{}: want `id<TAB>value`",
                path.display(),
                index + 1
            )),
        }
    }
    Ok(rows)
}

/// Reads `sample_input.txt` and `sample_output.txt` from `dir` and pairs them by id.
pub fn read(dir: &Path) -> Result<ReadSet<Example>, String> {
    let mut set: ReadSet<Example> = ReadSet::default();
    let inputs: Vec<(String, String)> =
        read_tab_file(&dir.join("sample_input.txt"), &mut set.problems)?;
    let outputs: BTreeMap<String, String> =
        read_tab_file(&dir.join("sample_output.txt"), &mut set.problems)?
            .into_iter()
            .collect();
    for (id, text) in inputs {
        match outputs.get(&id) {
            Some(label) => set.items.push(Example {
                id,
                text,
                label: label.clone(),
            }),
            None => set.problems.push(format!(
                "{}: no label for example {id}",
                dir.join("sample_output.txt").display()
            )),
        }
    }
    Ok(set)
}

/// The CASE 2021 label of an ACLED sub-event type name; unknown names are `OTHER`.
pub fn case2021_label(sub_event_type: &str) -> &'static str {
    SUB_EVENT_TYPES
        .iter()
        .find(|(_, sub): &&(&str, &str)| *sub == sub_event_type)
        .map_or(
            "OTHER",
            |(event_type, sub): &(&'static str, &'static str)| {
                Acled {
                    event_type,
                    sub_event_type: sub,
                }
                .case2021_label()
            },
        )
}

/// The predicted label of a coded snippet.
pub fn predicted_label(events: &[Event]) -> &'static str {
    first_event(events, |e: &Event| e.acled.is_some())
        .and_then(|e: &Event| e.acled.as_ref())
        .map_or("OTHER", |a| case2021_label(&a.sub_event_type))
}

/// Codes every example and compares labels.
pub fn score(pipeline: &Pipeline, examples: &[Example]) -> Case2021Report {
    let mut analyzer: Analyzer = Analyzer::new();
    let mut correct: usize = 0;
    let mut items: Vec<ItemRecord> = Vec::with_capacity(examples.len());
    for example in examples {
        let document: Document = Document::new(
            format!("case2021-{}", example.id),
            example.text.clone(),
            Origin::record("sample_input.txt", items.len() + 1),
        );
        let coded: CodedDocument = pipeline.code_document(&mut analyzer, &document);
        let predicted: &str = predicted_label(&coded.events);
        let hit: bool = predicted == example.label;
        correct += usize::from(hit);
        items.push(ItemRecord {
            task: "case2021",
            id: example.id.clone(),
            text: Some(example.text.clone()),
            gold: json!(example.label),
            predicted: json!(predicted),
            correct: hit,
            events: EventSummary::all(&coded.events),
        });
    }
    Case2021Report {
        correct,
        total: examples.len(),
        items,
    }
}

impl fmt::Display for Case2021Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "CASE 2021 task 2 sample: ACLED sub-event accuracy {}/{} = {:.1} %",
            self.correct,
            self.total,
            ratio(self.correct, self.total) * 100.0
        )?;
        for item in &self.items {
            writeln!(
                f,
                "  {}: gold {} predicted {}",
                item.id, item.gold, item.predicted
            )?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_from_sub_event_types() {
        assert_eq!(case2021_label("Mob violence"), "MOB_VIOL");
        assert_eq!(case2021_label("Armed clash"), "ARMED_CLASH");
        assert_eq!(case2021_label("Other"), "OTHER");
        assert_eq!(case2021_label("no such type"), "OTHER");
        assert_eq!(predicted_label(&[]), "OTHER");
    }
}
