//! Events for casualty reports the coder has no verb pattern for.
//!
//! "Four pedestrians were killed and several others injured", "the murder of six Jesuits",
//! "one person has died": a careful coder records a violent event with its toll even when
//! no actor is named. When a coded (not discarded) sentence holds a death or injury count
//! and none of its events is violent, the sentence gets one event with both actors null,
//! coded from the casualty trigger word; enrichment then attaches the counts to it, as it
//! does for any violent event of the sentence.

use annalist_code::{Acled, Event, PatternRef, Plover, Verb};
use annalist_enrich::casualties::{CasualtyKind, CasualtyMention, is_violent};
use annalist_text::Span;

/// The CAMEO code a casualty trigger stands for: the verbs' own codes in the default
/// dictionary (MURDER/SLAY 1823, ASSASSINATE 186, MASSACRE 202); any other death or injury
/// word ("killed", "dead", "died", "toll", "wounded") is the generic use of force, 190.
fn trigger_code(trigger: &str) -> &'static str {
    let word: String = trigger.to_ascii_lowercase();
    if word.starts_with("assassinat") {
        "186"
    } else if word.starts_with("massacre") {
        "202"
    } else if word.starts_with("murder") || word.starts_with("slay") || word.starts_with("slain") {
        "1823"
    } else {
        "190"
    }
}

/// True when one of a sentence's coded `events` is violent and so carries the sentence's
/// casualty counts: no casualty event is needed (and the sentence need not be scanned).
pub(crate) fn has_violent_event(events: &[Event]) -> bool {
    // Violent repression (175: "police fired tear gas ..., killing five") carries its
    // toll too.
    events
        .iter()
        .any(|e: &Event| is_violent(e) || e.cameo.starts_with("175"))
}

/// The casualty event of one sentence without a violent event (`sentence` is the text of
/// `span` in the document, `mentions` its casualty counts as `find_casualties` gives them),
/// or `None` when the sentence reports no deaths or injuries.
pub(crate) fn casualty_event(
    doc_id: &str,
    sentence_id: &str,
    report_date: Option<&str>,
    sentence: &str,
    span: Span,
    mentions: &[CasualtyMention],
) -> Option<Event> {
    let mention: &CasualtyMention = mentions.iter().find(|m: &&CasualtyMention| {
        matches!(m.kind, CasualtyKind::Fatalities | CasualtyKind::Injured)
            && m.count > 0
            && m.rule != "subset"
    })?;
    let (start, end) = mention.trigger_span;
    let offset: usize = span.start as usize;
    let trigger: &str = sentence.get(start.checked_sub(offset)?..end.checked_sub(offset)?)?;
    if adjectival(
        sentence.get(..start - offset).unwrap_or(""),
        sentence.get(end - offset..).unwrap_or(""),
    ) {
        return None;
    }
    let code: &'static str = trigger_code(trigger);
    let cameo = annalist_codebook::lookup(code)?;
    let acled = annalist_codebook::acled(code, sentence);
    let id: String = annalist_code::event_id(&[
        doc_id.as_bytes(),
        sentence_id.as_bytes(),
        code.as_bytes(),
        &(start as u64).to_le_bytes(),
    ]);
    Some(Event {
        id,
        doc_id: doc_id.to_string(),
        sentence_id: sentence_id.to_string(),
        report_date: report_date.map(str::to_string),
        event_date: None,
        source: None,
        target: None,
        cameo: code.to_string(),
        cameo_root: cameo.root.into(),
        cameo_name: Some(cameo.name.into()),
        goldstein: Some(cameo.goldstein),
        quad_class: Some(cameo.quad_class),
        penta_class: Some(cameo.penta_class),
        plover: annalist_codebook::plover(code).map(|p| Plover {
            event: p.event.into(),
            mode: p.mode.map(Into::into),
        }),
        acled: Some(Acled {
            event_type: acled.event_type.into(),
            sub_event_type: acled.sub_event_type.into(),
        }),
        fatalities: None,
        injured: None,
        captured: None,
        location: None,
        attribution: Vec::new(),
        verb: Some(Verb {
            text: trigger.to_string(),
            span: Span::from_usize(start, end),
        }),
        sentence: sentence.to_string(),
        sentence_span: Some(span),
        pattern: Some(PatternRef {
            file: "annalist.casualties".to_string(),
            line: 0,
            text: format!("casualty report ({}): {trigger}", mention.rule),
        }),
        background: false,
        issues: Vec::new(),
    })
}

/// Is the trigger used as an adjective ("had treated 200 injured people", "30 dead
/// civilians")? Such a count restates a toll; it goes to the story's violent event instead.
fn adjectival(before_trigger: &str, after_trigger: &str) -> bool {
    let previous: &str = before_trigger.split_whitespace().last().unwrap_or("");
    let counted: bool = !previous.is_empty()
        && (previous
            .chars()
            .all(|c: char| c.is_ascii_digit() || c == ',')
            || matches!(
                previous.to_ascii_lowercase().as_str(),
                "two"
                    | "three"
                    | "four"
                    | "five"
                    | "six"
                    | "seven"
                    | "eight"
                    | "nine"
                    | "ten"
                    | "dozens"
                    | "hundreds"
                    | "thousands"
                    | "many"
                    | "several"
            ));
    let next: &str = after_trigger
        .split(|c: char| !c.is_alphanumeric() && c != '-')
        .find(|w: &&str| !w.is_empty())
        .unwrap_or("");
    let directly: bool = after_trigger.starts_with(' ');
    counted
        && directly
        && next.chars().all(char::is_alphabetic)
        && !next.is_empty()
        && !matches!(
            next.to_ascii_lowercase().as_str(),
            "in" | "on"
                | "at"
                | "by"
                | "and"
                | "or"
                | "when"
                | "while"
                | "after"
                | "during"
                | "as"
                | "since"
                | "near"
                | "with"
                | "from"
                | "following"
                | "last"
                | "this"
                | "yesterday"
                | "today"
                | "overnight"
                | "early"
                | "late"
                | "earlier"
                | "later"
                | "so"
                | "but"
                | "before"
                | "across"
                | "around"
                | "outside"
                | "inside"
                | "over"
        )
}

#[cfg(test)]
mod tests {
    use super::*;
    use annalist_enrich::casualties::find_casualties;

    fn sentence_event(text: &str) -> Option<Event> {
        let span: Span = Span::from_usize(10, 10 + text.len())?;
        let mentions: Vec<CasualtyMention> = find_casualties(text, 10);
        casualty_event("d", "1", Some("2024-01-01"), text, span, &mentions)
    }

    #[test]
    fn actorless_reports_of_deaths_become_events() {
        let event: Option<Event> = sentence_event("Four pedestrians were killed on Monday.");
        assert_eq!(event.as_ref().map(|e| e.cameo.as_str()), Some("190"));
        assert_eq!(
            event
                .as_ref()
                .and_then(|e| e.verb.as_ref())
                .map(|v| v.text.as_str()),
            Some("killed")
        );
        assert!(event.is_some_and(|e| e.source.is_none() && e.target.is_none()));
        let murder: Option<Event> = sentence_event("They condemned the murder of six Jesuits.");
        assert_eq!(murder.map(|e| e.cameo), Some("1823".to_string()));
    }

    #[test]
    fn restated_tolls_are_not_events() {
        assert!(sentence_event("Volunteers had treated more than 200 injured people.").is_none());
    }

    #[test]
    fn no_event_without_casualties() {
        assert!(sentence_event("The talks ended on Monday.").is_none());
    }
}
