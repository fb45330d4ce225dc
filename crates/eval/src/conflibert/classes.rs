//! PentaClass scoring: the first event (in text order) with a PentaClass decides; no
//! event means class 0 (statement).

use std::fmt;

use annalist_code::Event;
use annalist_ingest::{Document, Origin};
use annalist_pipeline::{CodedDocument, Pipeline};
use annalist_text::Analyzer;
use serde_json::json;

use super::{ClassItem, PENTA_CLASSES};
use crate::first_event::first_event;
use crate::metrics::{Confusion, ratio};
use crate::record::{EventSummary, ItemRecord};

/// Macro-F1, accuracy and confusion matrix over the five PentaClasses.
#[derive(Debug, Clone, PartialEq)]
pub struct ClassReport {
    pub confusion: Confusion,
    /// Sentences for which annalist coded no event with a PentaClass.
    pub without_event: usize,
    pub items: Vec<ItemRecord>,
}

/// The predicted class of a coded sentence.
pub fn predicted_class(events: &[Event]) -> Option<u8> {
    first_event(events, |e: &Event| e.penta_class.is_some()).and_then(|e: &Event| e.penta_class)
}

/// Codes every sentence and compares its class with the gold label.
pub fn score_classes(pipeline: &Pipeline, items: &[ClassItem]) -> ClassReport {
    let mut analyzer: Analyzer = Analyzer::new();
    let mut confusion: Confusion = Confusion::new(PENTA_CLASSES);
    let mut without_event: usize = 0;
    let mut records: Vec<ItemRecord> = Vec::with_capacity(items.len());
    for item in items {
        let document: Document = Document::new(
            format!("class-{}", item.line),
            item.sentence.clone(),
            Origin::line("class-train.tsv", item.line),
        );
        let coded: CodedDocument = pipeline.code_document(&mut analyzer, &document);
        let found: Option<u8> = predicted_class(&coded.events);
        if found.is_none() {
            without_event += 1;
        }
        let predicted: u8 = found.unwrap_or(0);
        confusion.add(usize::from(item.label), usize::from(predicted));
        records.push(ItemRecord {
            task: "conflibert",
            id: item.line.to_string(),
            text: Some(item.sentence.clone()),
            gold: json!(item.label),
            predicted: json!(predicted),
            correct: predicted == item.label,
            events: EventSummary::all(&coded.events),
        });
    }
    ClassReport {
        confusion,
        without_event,
        items: records,
    }
}

impl fmt::Display for ClassReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let total: usize = self.confusion.total();
        writeln!(
            f,
            "ConfliBERT CAMEO PentaClass: {total} sentences, macro-F1 {:.1} %, accuracy {:.1} %, no event {} ({:.1} %)",
            self.confusion.macro_f1() * 100.0,
            self.confusion.accuracy() * 100.0,
            self.without_event,
            ratio(self.without_event, total) * 100.0
        )?;
        for class in 0..PENTA_CLASSES {
            writeln!(f, "  class {class}: {}", self.confusion.counts_for(class))?;
        }
        write!(f, "{}", self.confusion)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::first_event::tests::event;

    #[test]
    fn no_event_or_no_class_means_statement() {
        assert_eq!(predicted_class(&[]), None);
        let events: Vec<Event> = vec![
            event(Some((30, 35)), None, Some(4)),
            event(Some((5, 9)), None, None),
            event(Some((12, 16)), None, Some(3)),
        ];
        assert_eq!(predicted_class(&events), Some(3));
    }
}
