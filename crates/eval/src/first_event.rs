//! The scoring rule's "first event in text order": the one whose verb starts first.

use annalist_code::Event;

/// Where an event sits in the text: its verb's start, then its source's start. Events
/// without a verb span sort after all others.
fn text_order(event: &Event) -> (u32, u32) {
    let verb: u32 = event
        .verb
        .as_ref()
        .and_then(|v| v.span)
        .map_or(u32::MAX, |s| s.start);
    let source: u32 = event
        .source
        .as_ref()
        .and_then(|a| a.span)
        .map_or(u32::MAX, |s| s.start);
    (verb, source)
}

/// The first event in text order among those `has_field` accepts; on a full tie the one
/// the pipeline gave first.
pub fn first_event(events: &[Event], has_field: impl Fn(&Event) -> bool) -> Option<&Event> {
    events
        .iter()
        .filter(|event: &&Event| has_field(event))
        .min_by_key(|event: &&Event| text_order(event))
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use annalist_code::{Actor, Verb};
    use annalist_text::Span;

    /// A minimal event with a verb span, optional source span and PentaClass.
    pub(crate) fn event(
        verb: Option<(u32, u32)>,
        source: Option<(u32, u32)>,
        penta: Option<u8>,
    ) -> Event {
        let actor = |span: (u32, u32)| Actor {
            text: String::new(),
            code: Some("X".to_string()),
            country: None,
            sector: None,
            span: Some(Span {
                start: span.0,
                end: span.1,
            }),
        };
        Event {
            id: String::new(),
            doc_id: String::new(),
            sentence_id: String::new(),
            report_date: None,
            event_date: None,
            source: source.map(actor),
            target: None,
            cameo: "010".to_string(),
            cameo_root: "01".into(),
            cameo_name: None,
            goldstein: None,
            quad_class: None,
            penta_class: penta,
            plover: None,
            acled: None,
            fatalities: None,
            injured: None,
            captured: None,
            location: None,
            attribution: Vec::new(),
            verb: verb.map(|(start, end)| Verb {
                text: String::new(),
                span: Some(Span { start, end }),
            }),
            sentence: String::new(),
            sentence_span: None,
            pattern: None,
            background: false,
            issues: Vec::new(),
        }
    }

    #[test]
    fn earliest_verb_wins_then_source() {
        let events: Vec<Event> = vec![
            event(Some((20, 25)), Some((0, 3)), Some(4)),
            event(Some((10, 15)), Some((5, 8)), Some(2)),
            event(Some((10, 15)), Some((0, 3)), Some(1)),
            event(None, Some((0, 1)), Some(3)),
        ];
        let first: Option<&Event> = first_event(&events, |e: &Event| e.penta_class.is_some());
        assert_eq!(first.and_then(|e| e.penta_class), Some(1));
    }

    #[test]
    fn field_filter_skips_events_without_it() {
        let events: Vec<Event> = vec![
            event(Some((0, 5)), None, None),
            event(Some((10, 15)), None, Some(2)),
        ];
        let first: Option<&Event> = first_event(&events, |e: &Event| e.penta_class.is_some());
        assert_eq!(first.and_then(|e| e.penta_class), Some(2));
        assert!(first_event(&[], |_: &Event| true).is_none());
    }
}
