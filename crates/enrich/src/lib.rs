//! annalist-enrich: fills the event fields the coder leaves empty.
//!
//! [`enrich`] runs every step over one document's coded events; each step is also public
//! on its own:
//!
//! | step | module | fills |
//! |---|---|---|
//! | boilerplate | [`boilerplate`] | which sentences are story text (captions, bylines, breadcrumbs, footers are not) |
//! | dates | [`dates`] | `event_date`, `background` (precision in [`EnrichReport::event_dates`]) |
//! | coreference | [`coref`] | missing `source` / `target` codes ("he", "the parliament", "the two sides") |
//! | casualties | [`casualties`] | `fatalities`, `injured`, `captured` |
//! | places | [`places`] over [`gazetteer`] | `location` |
//! | attribution | [`attribution`] | `attribution` chains |
//!
//! Enrichment is pure and deterministic, and never overwrites a field the coder set.
//! Spans are document byte offsets, as everywhere in annalist.
//!
//! The gazetteer embeds GeoNames data (CC BY 4.0): see [`gazetteer::GEONAMES_ATTRIBUTION`]
//! and `data/README.md`.

pub mod attribution;
pub mod boilerplate;
pub mod casualties;
pub mod coref;
pub mod dates;
pub mod gazetteer;
pub mod numbers;
pub mod places;
pub mod words;

use annalist_code::Event;
use annalist_text::Span;

use crate::attribution::AttributionChain;
use crate::boilerplate::Verdict;
use crate::casualties::{Assignment, CasualtyMention, PlacedMention};
use crate::coref::CorefFill;
use crate::dates::{DateExpression, EventDate, SimpleDate};
use crate::places::{PlaceMention, PreparedSentence};
use crate::words::Word;

/// One document as enrichment sees it.
#[derive(Debug, Clone, Copy)]
pub struct DocContext<'a> {
    /// The original document text; all spans point into it.
    pub text: &'a str,
    /// Report date `YYYY-MM-DD` (longer ISO timestamps are cut to the date).
    pub report_date: Option<&'a str>,
    pub title: Option<&'a str>,
    /// Sentence spans, in document order.
    pub sentences: &'a [Span],
}

/// What enrichment decided, beyond the fields written into the events.
#[derive(Debug, Clone, Default)]
pub struct EnrichReport {
    /// One verdict per sentence of the document.
    pub verdicts: Vec<Verdict>,
    /// Indices of events whose sentence is boilerplate: the pipeline should drop them.
    pub uncodable_events: Vec<usize>,
    /// Per event: the date decision with its precision (`None` when the event already had
    /// an `event_date`).
    pub event_dates: Vec<Option<EventDate>>,
    /// Every casualty count found and the event it went to.
    pub casualties: Vec<Assignment>,
    /// Actors filled by coreference.
    pub coref: Vec<CorefFill>,
    /// Countries of the story, most mentioned first.
    pub story_countries: Vec<String>,
}

/// Sentence spans for a document when the caller has none (annalist-text's segmenter).
pub fn sentences_of(text: &str) -> Vec<Span> {
    annalist_text::segment(text)
        .iter()
        .map(|s: &annalist_text::Segment| s.span)
        .collect()
}

/// The sentence index of each event: the sentence whose span equals the event's
/// `sentence_span`, else the one holding its verb.
pub fn event_sentences(doc: &DocContext<'_>, events: &[Event]) -> Vec<Option<usize>> {
    events
        .iter()
        .map(|event: &Event| {
            if let Some(span) = event.sentence_span
                && let Some(index) = doc.sentences.iter().position(|s: &Span| *s == span)
            {
                return Some(index);
            }
            let anchor: Option<Span> = event
                .verb
                .as_ref()
                .and_then(|v| v.span)
                .or(event.sentence_span);
            anchor.and_then(|a: Span| {
                doc.sentences
                    .iter()
                    .position(|s: &Span| s.start <= a.start && a.start < s.end.max(s.start + 1))
            })
        })
        .collect()
}

/// The date expressions of prepared sentence `index`, found on first use.
fn expressions_of<'c>(
    cache: &'c mut [Option<Vec<DateExpression>>],
    index: usize,
    sentence: &PreparedSentence<'_>,
    report: Option<SimpleDate>,
) -> &'c [DateExpression] {
    match cache.get_mut(index) {
        Some(slot) => {
            slot.get_or_insert_with(|| dates::find_date_expressions(&sentence.words, report))
        }
        None => &[],
    }
}

fn sentence_text<'a>(doc: &DocContext<'a>, index: usize) -> Option<(&'a str, usize)> {
    let span: &Span = doc.sentences.get(index)?;
    span.slice(doc.text).map(|s: &str| (s, span.start as usize))
}

/// Runs every enrichment step over `events` (all from the document `doc`).
/// When `doc.sentences` is empty the text is segmented here (see [`sentences_of`]).
pub fn enrich(doc: &DocContext<'_>, events: &mut [Event]) -> EnrichReport {
    enrich_scanned(doc, events, Vec::new())
}

/// A sentence the caller has already split and scanned for casualty counts.
#[derive(Debug, Clone)]
pub struct ScannedSentence<'t> {
    /// `words::split_words` over the sentence (document spans).
    pub words: Vec<Word<'t>>,
    /// `casualties::find_casualties_in_words` over `words`.
    pub casualties: Vec<CasualtyMention>,
}

/// [`enrich`] with some sentences already split and scanned by the caller: `scanned[i]`,
/// when `Some`, is sentence `i` of `doc.sentences` (the pipeline scans sentences for its
/// casualty events first, so they are neither split nor scanned twice).
pub fn enrich_scanned<'t>(
    doc: &DocContext<'t>,
    events: &mut [Event],
    scanned: Vec<Option<ScannedSentence<'t>>>,
) -> EnrichReport {
    let segmented: Vec<Span> = if doc.sentences.is_empty() {
        sentences_of(doc.text)
    } else {
        Vec::new()
    };
    let with_sentences: DocContext<'_> = DocContext {
        sentences: if doc.sentences.is_empty() {
            &segmented
        } else {
            doc.sentences
        },
        ..*doc
    };
    // With sentences found here, the caller's scans do not line up with them.
    let scanned: Vec<Option<ScannedSentence<'t>>> = if doc.sentences.is_empty() {
        Vec::new()
    } else {
        scanned
    };
    enrich_segmented(&with_sentences, events, scanned)
}

/// The caller's scans as split words and casualty counts, by sentence.
type Scans<'t> = (
    Vec<Option<Vec<Word<'t>>>>,
    Vec<Option<Vec<CasualtyMention>>>,
);

fn enrich_segmented<'t>(
    doc: &DocContext<'t>,
    events: &mut [Event],
    scanned: Vec<Option<ScannedSentence<'t>>>,
) -> EnrichReport {
    let (mut split, found_casualties): Scans<'t> = scanned
        .into_iter()
        .map(|s: Option<ScannedSentence<'t>>| match s {
            Some(s) => (Some(s.words), Some(s.casualties)),
            None => (None, None),
        })
        .unzip();
    let report_text: Option<&str> = doc
        .report_date
        .or_else(|| events.iter().find_map(|e: &Event| e.report_date.as_deref()));
    let report: Option<SimpleDate> = report_text.and_then(dates::parse_iso_date);
    let verdicts: Vec<Verdict> =
        boilerplate::classify_sentences(doc.text, doc.sentences, report_text);
    let codable: Vec<bool> = verdicts.iter().map(|v: &Verdict| v.codable).collect();
    let sentence_of: Vec<Option<usize>> = event_sentences(doc, events);
    let uncodable_events: Vec<usize> = sentence_of
        .iter()
        .enumerate()
        .filter(|(_, s)| s.is_some_and(|i: usize| !codable.get(i).copied().unwrap_or(true)))
        .map(|(i, _)| i)
        .collect();

    // Each story sentence is split once for every step; ASCII words take their lower-case
    // forms from one lower-cased copy of the document.
    let lowered: String = doc.text.to_ascii_lowercase();
    let prepared: Vec<Option<PreparedSentence<'_>>> = codable
        .iter()
        .enumerate()
        .map(|(index, ok)| {
            sentence_text(doc, index)
                .filter(|_| *ok)
                .map(|(text, start)| {
                    match (
                        split.get_mut(index).and_then(Option::take),
                        lowered.get(start..start + text.len()),
                    ) {
                        (Some(words), _) => PreparedSentence::from_words(text, start, words),
                        (None, Some(lower)) => PreparedSentence::new_lowered(text, lower, start),
                        (None, None) => PreparedSentence::new(text, start),
                    }
                })
        })
        .collect();
    // Dates and background. A sentence's date expressions are found once, however many
    // events and casualty counts it holds.
    let mut expressions: Vec<Option<Vec<DateExpression>>> = vec![None; prepared.len()];
    let mut event_dates: Vec<Option<EventDate>> = Vec::with_capacity(events.len());
    for (event, sentence) in events.iter_mut().zip(&sentence_of) {
        let Some((text, start)) = sentence.and_then(|i: usize| sentence_text(doc, i)) else {
            event_dates.push(None);
            continue;
        };
        let verb: Option<(usize, usize)> = event
            .verb
            .as_ref()
            .and_then(|v| v.span)
            .map(|s: Span| (s.start as usize, s.end as usize));
        let decided: EventDate =
            match sentence.and_then(|i: usize| Some((i, prepared.get(i)?.as_ref()?))) {
                Some((i, p)) => dates::date_event_with_expressions(
                    &p.words,
                    expressions_of(&mut expressions, i, p, report),
                    verb,
                    report,
                ),
                None => dates::date_event(text, start, verb, report),
            };
        event.background |= decided.background;
        if event.event_date.is_none() {
            event.event_date = decided.date.as_ref().map(|d| d.date.iso());
            event_dates.push(Some(decided));
        } else {
            event_dates.push(None);
        }
    }

    let mut story_countries: Vec<String> =
        places::story_countries_prepared(prepared.iter().flatten(), events);
    // The title counts too when it is not part of the text (only its countries are used).
    if let Some(title) = doc.title.filter(|t: &&str| !doc.text.contains(*t)) {
        for mention in places::find_places(title, 0, &[]) {
            let iso3: String = mention.place.iso3;
            if mention.place.kind == gazetteer::PlaceKind::Country
                && !story_countries.contains(&iso3)
            {
                story_countries.push(iso3);
            }
        }
    }

    // Coreference before attribution, so speakers can be coded from filled actors.
    // Sentences are in document order: a span is found by binary search.
    let split = |span: Span| -> Option<&[Word<'_>]> {
        let index: usize = doc
            .sentences
            .binary_search_by_key(&span.start, |s: &Span| s.start)
            .ok()?;
        if doc.sentences.get(index) != Some(&span) {
            return None;
        }
        prepared
            .get(index)?
            .as_ref()
            .map(|p: &PreparedSentence<'_>| p.words.as_slice())
    };
    let coref: Vec<CorefFill> = coref::resolve_coreference_split(doc.text, events, split);

    // Casualties.
    let mut mentions: Vec<PlacedMention> = Vec::new();
    for (index, p) in prepared.iter().enumerate() {
        let Some(p) = p else {
            continue;
        };
        let found: Vec<CasualtyMention> = match found_casualties.get(index) {
            Some(Some(known)) => known.clone(),
            _ => casualties::find_casualties_in_words(&p.words),
        };
        for mention in found {
            let background: bool = dates::date_event_with_expressions(
                &p.words,
                expressions_of(&mut expressions, index, p, report),
                Some(mention.trigger_span),
                report,
            )
            .background;
            mentions.push(PlacedMention {
                mention,
                sentence: index,
                background,
            });
        }
    }
    let casualties: Vec<Assignment> =
        casualties::assign_casualties(&mentions, events, &sentence_of);

    // Places.
    let sentence_places: Vec<Vec<PlaceMention>> = prepared
        .iter()
        .map(|p: &Option<PreparedSentence<'_>>| {
            p.as_ref()
                .map_or_else(Vec::new, |p: &PreparedSentence<'_>| {
                    places::find_places_prepared(p, &story_countries)
                })
        })
        .collect();
    let inherited: Option<PlaceMention> = places::story_place_prepared(
        doc.text,
        prepared
            .iter()
            .zip(&sentence_places)
            .zip(&codable)
            .filter(|(_, ok)| **ok)
            .map(|((p, m), _)| p.as_ref().map(|p| (p, m.as_slice()))),
    );
    for (event, sentence) in events.iter_mut().zip(&sentence_of) {
        let here: &[PlaceMention] = sentence
            .and_then(|i: usize| sentence_places.get(i))
            .map_or(&[], Vec::as_slice);
        places::locate_event(event, here, inherited.as_ref());
    }

    // Attribution.
    let mut chains: Vec<Vec<AttributionChain>> = doc
        .sentences
        .iter()
        .zip(&codable)
        .zip(&prepared)
        .map(|((span, ok), p)| match p {
            Some(p) => attribution::find_attributions_in_words(doc.text, &p.words),
            None if *ok => attribution::find_attributions(doc.text, *span),
            None => Vec::new(),
        })
        .collect();
    attribution::extend_from_previous(&mut chains);
    for sentence_chains in chains.iter_mut() {
        attribution::code_speakers(sentence_chains, events);
    }
    for (event, sentence) in events.iter_mut().zip(&sentence_of) {
        if let Some(found) = sentence.and_then(|i: usize| chains.get(i)) {
            attribution::attribute_event(event, found);
        }
    }

    EnrichReport {
        verdicts,
        uncodable_events,
        event_dates,
        casualties,
        coref,
        story_countries,
    }
}
