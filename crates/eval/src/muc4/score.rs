//! Codes each MUC document that has an expected death count and checks whether some
//! event carries exactly that count in `fatalities`.

use std::collections::BTreeMap;
use std::fmt;

use annalist_code::Event;
use annalist_ingest::{Document, Origin};
use annalist_pipeline::{CodedDocument, Pipeline};
use annalist_text::Analyzer;
use serde_json::json;

use super::{DeathCount, MucText};
use crate::metrics::ratio;
use crate::record::{EventSummary, ItemRecord};

/// Found / total expected death counts.
#[derive(Debug, Clone, PartialEq)]
pub struct Muc4Report {
    pub found: usize,
    pub total: usize,
    /// Distinct templates behind the expected counts.
    pub templates: usize,
    pub documents: usize,
    /// Documents whose dateline gave a report date.
    pub dated: usize,
    /// Expected counts whose document text is missing.
    pub missing_texts: usize,
    pub items: Vec<ItemRecord>,
}

/// The document for a MUC text, dated by its dateline.
pub fn document(text: &MucText) -> Document {
    let mut document: Document = Document::new(
        text.id.clone(),
        text.text.clone(),
        Origin::line(text.path.clone(), text.line),
    );
    document.date = text.date.clone();
    document
}

/// Scores `keys` against the coded `texts`.
pub fn score(pipeline: &Pipeline, texts: &[MucText], keys: &[DeathCount]) -> Muc4Report {
    let by_id: BTreeMap<&str, &MucText> =
        texts.iter().map(|t: &MucText| (t.id.as_str(), t)).collect();
    let mut analyzer: Analyzer = Analyzer::new();
    let mut coded: BTreeMap<&str, Option<Vec<Event>>> = BTreeMap::new();
    let mut dated: usize = 0;
    for key in keys {
        coded.entry(key.doc_id.as_str()).or_insert_with(|| {
            let text: &MucText = by_id.get(key.doc_id.as_str())?;
            dated += usize::from(text.date.is_some());
            let result: CodedDocument = pipeline.code_document(&mut analyzer, &document(text));
            Some(
                result
                    .events
                    .into_iter()
                    .filter(|e: &Event| e.fatalities.is_some())
                    .collect(),
            )
        });
    }
    let mut found: usize = 0;
    let mut missing_texts: usize = 0;
    let mut items: Vec<ItemRecord> = Vec::with_capacity(keys.len());
    for key in keys {
        let events: &[Event] = match coded.get(key.doc_id.as_str()) {
            Some(Some(events)) => events,
            _ => {
                missing_texts += 1;
                &[]
            }
        };
        let predicted: Vec<u32> = events.iter().filter_map(|e: &Event| e.fatalities).collect();
        let hit: bool = predicted.contains(&key.count);
        found += usize::from(hit);
        items.push(ItemRecord {
            task: "muc4",
            id: format!("{} template {}", key.doc_id, key.template),
            text: None,
            gold: json!({"count": key.count, "target": key.target, "key": key.origin}),
            predicted: json!(predicted),
            correct: hit,
            events: events
                .iter()
                .map(|e: &Event| EventSummary::of(e, true))
                .collect(),
        });
    }
    let templates: usize = keys
        .iter()
        .map(|k: &DeathCount| (k.doc_id.as_str(), k.origin.as_str()))
        .collect::<std::collections::BTreeSet<(&str, &str)>>()
        .len();
    Muc4Report {
        found,
        total: keys.len(),
        templates,
        documents: coded.len(),
        dated,
        missing_texts,
        items,
    }
}

impl fmt::Display for Muc4Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "MUC-4 dev death counts: found {}/{} = {:.1} % (goal >= 70 %); {} templates in {} documents ({} dated from the dateline), {} without text",
            self.found,
            self.total,
            ratio(self.found, self.total) * 100.0,
            self.templates,
            self.documents,
            self.dated,
            self.missing_texts
        )
    }
}
