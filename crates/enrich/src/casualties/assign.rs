//! Attaching casualty counts to events.

use annalist_code::Event;

use super::{CasualtyKind, CasualtyMention};

/// True for CAMEO roots whose events carry casualties: protest 14, assault 18, fight 19,
/// mass violence 20.
pub fn is_violent(event: &Event) -> bool {
    matches!(event.cameo_root.as_ref(), "14" | "18" | "19" | "20")
        || ["14", "18", "19", "20"]
            .iter()
            .any(|root: &&str| event.cameo.starts_with(root))
}

/// Where a mention sits and whether its sentence is about the past.
#[derive(Debug, Clone)]
pub struct PlacedMention {
    pub mention: CasualtyMention,
    /// Index of the sentence holding the mention.
    pub sentence: usize,
    /// The mention's own sentence places it in the past (background).
    pub background: bool,
}

/// What happened to one mention.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Assignment {
    pub mention: CasualtyMention,
    /// Index into the events slice, or `None` when no event could take it.
    pub event: Option<usize>,
}

/// Attaches each mention to one event and fills `fatalities` / `injured` / `captured`.
/// `event_sentences[i]` is the sentence index of `events[i]` (when known).
pub fn assign_casualties(
    mentions: &[PlacedMention],
    events: &mut [Event],
    event_sentences: &[Option<usize>],
) -> Vec<Assignment> {
    let mut assignments: Vec<Assignment> = Vec::new();
    for placed in mentions {
        // "50 injured, including 6 police": the 6 are part of the 50, not more.
        if placed.mention.rule == "subset" {
            assignments.push(Assignment {
                mention: placed.mention.clone(),
                event: None,
            });
            continue;
        }
        let target: Option<usize> = choose_event(placed, events, event_sentences);
        if let Some(index) = target
            && let Some(event) = events.get_mut(index)
        {
            let field: &mut Option<u32> = match placed.mention.kind {
                CasualtyKind::Fatalities => &mut event.fatalities,
                CasualtyKind::Injured => &mut event.injured,
                CasualtyKind::Captured => &mut event.captured,
            };
            *field = Some(field.map_or(placed.mention.count, |old: u32| {
                old.max(placed.mention.count)
            }));
        }
        assignments.push(Assignment {
            mention: placed.mention.clone(),
            event: target,
        });
    }
    assignments
}

pub(super) fn verb_start(event: &Event) -> Option<usize> {
    event
        .verb
        .as_ref()
        .and_then(|v| v.span)
        .map(|s| s.start as usize)
}

pub(super) fn choose_event(
    placed: &PlacedMention,
    events: &[Event],
    event_sentences: &[Option<usize>],
) -> Option<usize> {
    let trigger: usize = placed.mention.trigger_span.0;
    let distance = |index: usize| -> usize {
        verb_start(&events[index]).map_or(usize::MAX / 2, |v: usize| v.abs_diff(trigger))
    };
    // An event coded from the mention's own trigger word ("the assassination of six
    // Jesuits on 16 November") is the mention's event, whatever its date.
    let compatible = |index: usize| -> bool {
        !placed.background
            || events[index].background
            || verb_start(&events[index]) == Some(trigger)
    };
    let same_sentence: Vec<usize> = (0..events.len())
        .filter(|&i: &usize| event_sentences.get(i).copied().flatten() == Some(placed.sentence))
        .collect();
    if let Some(best) = same_sentence
        .iter()
        .copied()
        .filter(|&i: &usize| is_violent(&events[i]) && compatible(i))
        .min_by_key(|&i: &usize| distance(i))
    {
        return Some(best);
    }
    // "12 soldiers had been captured by Azerbaijan": a capture (seize 17x) in the sentence
    // takes its captives.
    if placed.mention.kind == CasualtyKind::Captured
        && let Some(best) = same_sentence
            .iter()
            .copied()
            .filter(|&i: &usize| events[i].cameo_root == "17" && compatible(i))
            .min_by_key(|&i: &usize| distance(i))
    {
        return Some(best);
    }
    // The closest preceding violent event of the document.
    let preceding: Option<usize> = (0..events.len())
        .filter(|&i: &usize| {
            is_violent(&events[i])
                && compatible(i)
                && event_sentences
                    .get(i)
                    .copied()
                    .flatten()
                    .is_some_and(|s: usize| s < placed.sentence)
        })
        .max_by_key(|&i: &usize| (event_sentences[i], verb_start(&events[i])));
    if preceding.is_some() {
        return preceding;
    }
    same_sentence
        .iter()
        .copied()
        .filter(|&i: &usize| compatible(i))
        .min_by_key(|&i: &usize| distance(i))
}
