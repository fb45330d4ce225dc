//! Per-item records for error analysis: what the gold says, what annalist said, and the
//! events behind the answer. Written as JSON lines by `annalist eval --errors FILE`.

use annalist_code::Event;
use serde::Serialize;
use serde_json::Value;

/// One scored item.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ItemRecord {
    /// "conflibert", "spans", "case2021" or "muc4".
    pub task: &'static str,
    /// The item's id in its set (line number, sentence number, example id, template).
    pub id: String,
    /// The coded text; omitted for whole MUC documents.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
    pub gold: Value,
    pub predicted: Value,
    pub correct: bool,
    /// The events annalist coded for the item (for MUC: only those carrying fatalities).
    pub events: Vec<EventSummary>,
}

/// The parts of an event that explain a prediction.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct EventSummary {
    pub cameo: String,
    pub penta_class: Option<u8>,
    pub verb: Option<String>,
    pub source: Option<String>,
    pub target: Option<String>,
    pub acled: Option<String>,
    pub fatalities: Option<u32>,
    pub pattern: Option<String>,
    /// The sentence, for events from multi-sentence documents.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sentence: Option<String>,
}

impl EventSummary {
    /// Summarises `event`; `with_sentence` keeps its sentence text.
    pub fn of(event: &Event, with_sentence: bool) -> EventSummary {
        EventSummary {
            cameo: event.cameo.clone(),
            penta_class: event.penta_class,
            verb: event.verb.as_ref().map(|v| v.text.clone()),
            source: event
                .source
                .as_ref()
                .map(|a| format!("{} [{}]", a.text, a.code.as_deref().unwrap_or("-"))),
            target: event
                .target
                .as_ref()
                .map(|a| format!("{} [{}]", a.text, a.code.as_deref().unwrap_or("-"))),
            acled: event.acled.as_ref().map(|a| a.sub_event_type.to_string()),
            fatalities: event.fatalities,
            pattern: event
                .pattern
                .as_ref()
                .map(|p| format!("{}:{}: {}", p.file, p.line, p.text)),
            sentence: with_sentence.then(|| event.sentence.clone()),
        }
    }

    /// Summaries of all `events`.
    pub fn all(events: &[Event]) -> Vec<EventSummary> {
        events
            .iter()
            .map(|e: &Event| EventSummary::of(e, false))
            .collect()
    }
}
