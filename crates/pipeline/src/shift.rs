//! Moving an event's spans from sentence coordinates to document coordinates.

use annalist_code::Event;
use annalist_text::Span;

/// Adds `offset` to every span of `event` and sets its sentence span.
pub(crate) fn to_document(event: &mut Event, offset: u32, sentence_span: Span) {
    let shift = |span: &mut Option<Span>| {
        if let Some(s) = span.as_mut() {
            s.start = s.start.saturating_add(offset);
            s.end = s.end.saturating_add(offset);
        }
    };
    if let Some(actor) = event.source.as_mut() {
        shift(&mut actor.span);
    }
    if let Some(actor) = event.target.as_mut() {
        shift(&mut actor.span);
    }
    if let Some(verb) = event.verb.as_mut() {
        shift(&mut verb.span);
    }
    if let Some(location) = event.location.as_mut() {
        shift(&mut location.span);
    }
    for link in &mut event.attribution {
        shift(&mut link.span);
    }
    event.sentence_span = Some(sentence_span);
}
