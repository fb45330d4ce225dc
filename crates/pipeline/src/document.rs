//! Coding whole documents.

use annalist_code::{CodeError, Coder, CodingOptions, Event, SentenceInput};
use annalist_dict::Dictionaries;
use annalist_enrich::casualties::{CasualtyMention, find_casualties_in_words};
use annalist_enrich::coref::{CorefFill, pair_copy};
use annalist_enrich::words::{Word, split_words, split_words_lowered};
use annalist_enrich::{DocContext, EnrichReport, ScannedSentence, enrich_scanned};
use annalist_ingest::Document;
use annalist_text::{Analyzer, Span, Tree};

use crate::casualty_events;
use crate::sentences::{SentenceOutcome, code_text_sentences};
use crate::shift;

/// The coder and its options, ready to code documents.
#[derive(Debug)]
pub struct Pipeline {
    coder: Coder,
    options: CodingOptions,
    ignore_parses: bool,
}

/// A sentence that was not coded, and why (a discard, a bad supplied parse, ...).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SkippedSentence {
    pub sentence_id: String,
    pub reason: String,
    /// True when the input itself was bad (an unreadable parse), not a deliberate skip.
    pub bad_input: bool,
}

/// The events of one document, in text order, and the sentences that were skipped.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct CodedDocument {
    pub doc_id: String,
    pub events: Vec<Event>,
    pub skipped: Vec<SkippedSentence>,
}

impl Pipeline {
    pub fn new(dictionaries: &Dictionaries, options: CodingOptions) -> Pipeline {
        Pipeline {
            coder: Coder::new(dictionaries),
            options,
            ignore_parses: false,
        }
    }

    /// Codes every document from its text through the front end, even when the input
    /// supplies parse trees (PETRARCH XML).
    pub fn ignore_parses(mut self, ignore: bool) -> Pipeline {
        self.ignore_parses = ignore;
        self
    }

    /// Codes a batch; the result depends only on the documents (pure, order-preserving).
    pub fn code_documents(&self, documents: &[Document]) -> Vec<CodedDocument> {
        let mut analyzer: Analyzer = Analyzer::new();
        documents
            .iter()
            .map(|document| self.code_document(&mut analyzer, document))
            .collect()
    }

    /// Codes one document, reusing the analyzer's buffers.
    pub fn code_document(&self, analyzer: &mut Analyzer, document: &Document) -> CodedDocument {
        let mut coded: CodedDocument = CodedDocument {
            doc_id: document.id.clone(),
            ..CodedDocument::default()
        };
        if document.parses.is_empty() || self.ignore_parses {
            self.code_raw_text(analyzer, document, &mut coded);
        } else {
            self.code_supplied_parses(document, &mut coded);
        }
        coded
    }

    /// Raw text through the front end: datelines and bylines are not coded; captions,
    /// breadcrumbs and footers are dropped by enrichment's boilerplate verdicts.
    fn code_raw_text(
        &self,
        analyzer: &mut Analyzer,
        document: &Document,
        coded: &mut CodedDocument,
    ) {
        let mut sentences: Vec<Span> = Vec::new();
        // Casualty counts of the sentences scanned for casualty events, by sentence index,
        // handed to enrichment so no sentence is scanned twice.
        let mut scanned: Vec<Option<ScannedSentence<'_>>> = Vec::new();
        let lowered: String = document.text.to_ascii_lowercase();
        let date: Option<String> = document.date.as_deref().map(compact_date);
        // The report date as event records carry it, for the pipeline's own casualty events.
        let report_date: Option<String> = date
            .as_deref()
            .and_then(annalist_code::parse_date)
            .map(annalist_code::date_string);
        code_text_sentences(
            &self.coder,
            &self.options,
            analyzer,
            &document.text,
            &document.id,
            date.as_deref(),
            |outcome: SentenceOutcome| {
                sentences.push(outcome.span);
                scanned.push(None);
                if let Some(result) = outcome.result {
                    let first: usize = coded.events.len();
                    let codable: bool = result.is_ok();
                    let sentence_id: String = outcome.index.to_string();
                    record(coded, result, &sentence_id, outcome.span);
                    if codable {
                        let sentence: Sentence<'_> = Sentence {
                            id: &sentence_id,
                            span: outcome.span,
                            first_event: first,
                        };
                        let mentions: Option<ScannedSentence<'_>> = add_casualty_event(
                            document,
                            &lowered,
                            report_date.as_deref(),
                            &sentence,
                            coded,
                        );
                        if let Some(slot) = scanned.last_mut() {
                            *slot = mentions;
                        }
                    }
                }
            },
        );
        self.enrich(document, &sentences, scanned, coded);
    }

    /// Fills dates, casualties, places and attribution, and drops events found in
    /// boilerplate (captions, footers, breadcrumbs).
    fn enrich<'d>(
        &self,
        document: &'d Document,
        sentences: &'d [Span],
        scanned: Vec<Option<ScannedSentence<'d>>>,
        coded: &mut CodedDocument,
    ) {
        let context: DocContext<'_> = DocContext {
            text: &document.text,
            report_date: document.date.as_deref(),
            title: document.title.as_deref(),
            sentences,
        };
        let report: EnrichReport = enrich_scanned(&context, &mut coded.events, scanned);
        if report.coref.iter().all(|f: &CorefFill| f.partner.is_none()) {
            let mut index: usize = 0;
            coded.events.retain(|event: &Event| {
                let keep: bool = report.uncodable_events.binary_search(&index).is_err()
                    && !actorless_without_casualties(event);
                index += 1;
                keep
            });
            return;
        }
        // "The two sides accused each other": one event per member of the pair, the
        // partner's right after the first (rare: the events are rebuilt only then).
        let events: Vec<Event> = std::mem::take(&mut coded.events);
        coded.events.reserve(events.len());
        for (index, event) in events.into_iter().enumerate() {
            if report.uncodable_events.binary_search(&index).is_ok()
                || actorless_without_casualties(&event)
            {
                continue;
            }
            let copies: Vec<Event> = report
                .coref
                .iter()
                .filter(|fill: &&CorefFill| fill.event == index)
                .filter_map(|fill: &CorefFill| pair_copy(&event, fill))
                .collect();
            coded.events.push(event);
            coded.events.extend(copies);
        }
    }

    /// PETRARCH XML: the document text is the sentence, with one or more supplied parses.
    fn code_supplied_parses(&self, document: &Document, coded: &mut CodedDocument) {
        let date: Option<String> = document.date.as_deref().map(compact_date);
        let mut tree: Tree = Tree::new();
        let whole: Span =
            Span::from_usize(0, document.text.len()).unwrap_or(Span { start: 0, end: 0 });
        for (index, parse) in document.parses.iter().enumerate() {
            let sentence_id: String = (index + 1).to_string();
            if let Err(error) = tree.parse_into(parse) {
                coded.skipped.push(SkippedSentence {
                    sentence_id,
                    reason: format!(
                        "unreadable parse tree: {} at byte {}",
                        error.message(),
                        error.offset
                    ),
                    bad_input: true,
                });
                continue;
            }
            let input: SentenceInput<'_> = SentenceInput {
                doc_id: &document.id,
                sentence_id: &sentence_id,
                date: date.as_deref(),
                text: &document.text,
                parse,
            };
            let result = self.coder.code_tree(&input, &tree, &self.options);
            record(coded, result, &sentence_id, whole);
        }
        self.enrich(document, &[whole], Vec::new(), coded);
    }
}

fn record(
    coded: &mut CodedDocument,
    result: Result<Vec<Event>, CodeError>,
    sentence_id: &str,
    span: Span,
) {
    match result {
        Ok(events) => {
            for mut event in events {
                shift::to_document(&mut event, span.start, span);
                coded.events.push(event);
            }
        }
        Err(error) => coded.skipped.push(SkippedSentence {
            sentence_id: sentence_id.to_string(),
            bad_input: matches!(error, CodeError::BadTree { .. }),
            reason: error.to_string(),
        }),
    }
}

/// A coded sentence as the casualty-event step sees it.
struct Sentence<'a> {
    id: &'a str,
    span: Span,
    /// Index of the sentence's first event in `coded.events`.
    first_event: usize,
}

/// Gives a coded sentence that reports deaths or injuries but has no violent event an
/// actorless event for them (see [`crate::casualty_events`]). Returns the sentence split
/// and scanned for casualty counts when it was (`lowered` is the document text
/// ASCII-lower-cased), for enrichment to reuse.
fn add_casualty_event<'d>(
    document: &'d Document,
    lowered: &'d str,
    report_date: Option<&str>,
    sentence: &Sentence<'_>,
    coded: &mut CodedDocument,
) -> Option<ScannedSentence<'d>> {
    let events: &[Event] = coded.events.get(sentence.first_event..).unwrap_or(&[]);
    if casualty_events::has_violent_event(events) {
        return None;
    }
    let span: Span = sentence.span;
    let text: &'d str = span.slice(&document.text)?;
    let start: usize = span.start as usize;
    let words: Vec<Word<'d>> = match lowered.get(start..span.end as usize) {
        Some(lower) => split_words_lowered(text, lower, start),
        None => split_words(text, start),
    };
    let casualties: Vec<CasualtyMention> = find_casualties_in_words(&words);
    let event: Option<Event> = casualty_events::casualty_event(
        &document.id,
        sentence.id,
        report_date,
        text,
        span,
        &casualties,
    );
    coded.events.extend(event);
    Some(ScannedSentence { words, casualties })
}

/// An event with neither actor known says little unless it counts casualties ("six
/// Jesuits were murdered"): the coder's one-sided events that remain actorless after
/// coreference are dropped when enrichment found no casualty count for them.
fn actorless_without_casualties(event: &Event) -> bool {
    event.source.is_none()
        && event.target.is_none()
        && event.fatalities.is_none()
        && event.injured.is_none()
        && event.captured.is_none()
}

/// `YYYY-MM-DD` → `YYYYMMDD`, the form the coder's date-restricted actor codes use.
fn compact_date(date: &str) -> String {
    date.chars().filter(|c| *c != '-').collect()
}
