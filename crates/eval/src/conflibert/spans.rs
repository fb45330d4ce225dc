//! Actor-span scoring: the first event's source and target spans, as token spans, must
//! match the gold S/T spans exactly; one span that is both is R.

use std::fmt;

use annalist_code::{Actor, Event};
use annalist_ingest::{Document, Origin};
use annalist_pipeline::{CodedDocument, Pipeline};
use annalist_text::Analyzer;
use serde_json::{Value, json};

use super::SpanSentence;
use super::bio::{Role, RoleSpan, decode_bio, token_span};
use crate::first_event::first_event;
use crate::metrics::{Counts, macro_f1};
use crate::record::{EventSummary, ItemRecord};

/// Per-role precision/recall/F1 over exact token spans.
#[derive(Debug, Clone, PartialEq)]
pub struct SpanReport {
    pub sentences: usize,
    /// Indexed like [`Role::ALL`]: S, T, R.
    pub per_role: [Counts; 3],
    /// Predicted spans that overlap a gold span of the same role without matching it.
    pub boundary_misses: [usize; 3],
    /// Sentences for which annalist coded no event.
    pub without_event: usize,
    pub items: Vec<ItemRecord>,
}

impl SpanReport {
    /// Macro-F1 over S and T.
    pub fn macro_f1_st(&self) -> f64 {
        macro_f1(&self.per_role[..2])
    }

    /// Macro-F1 over S, T and R.
    pub fn macro_f1_str(&self) -> f64 {
        macro_f1(&self.per_role)
    }
}

fn role_index(role: Role) -> usize {
    match role {
        Role::S => 0,
        Role::T => 1,
        Role::R => 2,
    }
}

fn actor_tokens(actor: Option<&Actor>, offsets: &[(u32, u32)]) -> Option<(usize, usize)> {
    let span = actor?.span?;
    token_span(offsets, span.start, span.end)
}

/// The predicted role spans of one sentence from its first event.
pub fn predicted_spans(event: Option<&Event>, offsets: &[(u32, u32)]) -> Vec<RoleSpan> {
    let Some(event) = event else {
        return Vec::new();
    };
    let source: Option<(usize, usize)> = actor_tokens(event.source.as_ref(), offsets);
    let target: Option<(usize, usize)> = actor_tokens(event.target.as_ref(), offsets);
    let span = |role: Role, (start, end): (usize, usize)| RoleSpan { role, start, end };
    match (source, target) {
        (Some(s), Some(t)) if s == t => vec![span(Role::R, s)],
        _ => source
            .map(|s| span(Role::S, s))
            .into_iter()
            .chain(target.map(|t| span(Role::T, t)))
            .collect(),
    }
}

/// Adds one sentence's gold and predicted spans to the per-role counts.
pub fn count_spans(
    gold: &[RoleSpan],
    predicted: &[RoleSpan],
    per_role: &mut [Counts; 3],
    boundary_misses: &mut [usize; 3],
) {
    for span in predicted {
        let counts: &mut Counts = &mut per_role[role_index(span.role)];
        if gold.contains(span) {
            counts.true_positives += 1;
        } else {
            counts.false_positives += 1;
            let overlaps: bool = gold.iter().any(|g: &RoleSpan| {
                g.role == span.role && g.start < span.end && span.start < g.end
            });
            if overlaps {
                boundary_misses[role_index(span.role)] += 1;
            }
        }
    }
    for span in gold.iter().filter(|g: &&RoleSpan| !predicted.contains(g)) {
        per_role[role_index(span.role)].false_negatives += 1;
    }
}

fn describe(spans: &[RoleSpan], tokens: &[String]) -> Value {
    spans
        .iter()
        .map(|span: &RoleSpan| {
            let words: String = tokens
                .get(span.start..span.end)
                .map(|t: &[String]| t.join(" "))
                .unwrap_or_default();
            json!({"role": span.role, "tokens": [span.start, span.end], "text": words})
        })
        .collect()
}

/// Codes every sentence and scores the first event's actor spans.
pub fn score_spans(pipeline: &Pipeline, sentences: &[SpanSentence]) -> SpanReport {
    let mut analyzer: Analyzer = Analyzer::new();
    let mut per_role: [Counts; 3] = [Counts::default(); 3];
    let mut boundary_misses: [usize; 3] = [0; 3];
    let mut without_event: usize = 0;
    let mut records: Vec<ItemRecord> = Vec::with_capacity(sentences.len());
    for sentence in sentences {
        let (text, offsets) = sentence.text_and_offsets();
        let document: Document = Document::new(
            format!("ner-{}", sentence.line),
            text.clone(),
            Origin::line("ner-train.txt", sentence.line),
        );
        let coded: CodedDocument = pipeline.code_document(&mut analyzer, &document);
        let first: Option<&Event> = first_event(&coded.events, |e: &Event| e.penta_class.is_some());
        if first.is_none() {
            without_event += 1;
        }
        let gold: Vec<RoleSpan> = decode_bio(&sentence.tags);
        let predicted: Vec<RoleSpan> = predicted_spans(first, &offsets);
        count_spans(&gold, &predicted, &mut per_role, &mut boundary_misses);
        let mut sorted_gold: Vec<RoleSpan> = gold.clone();
        sorted_gold.sort();
        let mut sorted_predicted: Vec<RoleSpan> = predicted.clone();
        sorted_predicted.sort();
        records.push(ItemRecord {
            task: "spans",
            id: sentence.line.to_string(),
            text: Some(text),
            gold: describe(&gold, &sentence.tokens),
            predicted: describe(&predicted, &sentence.tokens),
            correct: sorted_gold == sorted_predicted,
            events: EventSummary::all(&coded.events),
        });
    }
    SpanReport {
        sentences: sentences.len(),
        per_role,
        boundary_misses,
        without_event,
        items: records,
    }
}

impl fmt::Display for SpanReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "ConfliBERT CAMEO spans: {} sentences, macro-F1 (S, T) {:.1} %, macro-F1 (S, T, R) {:.1} %, no event {}",
            self.sentences,
            self.macro_f1_st() * 100.0,
            self.macro_f1_str() * 100.0,
            self.without_event
        )?;
        for role in Role::ALL {
            let index: usize = role_index(role);
            writeln!(
                f,
                "  {role}: {}; overlapping but inexact {}",
                self.per_role[index], self.boundary_misses[index]
            )?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::first_event::tests::event;
    use annalist_code::Actor;
    use annalist_text::Span;

    fn actor(start: u32, end: u32) -> Actor {
        Actor {
            text: String::new(),
            code: Some("X".to_string()),
            country: None,
            sector: None,
            span: Some(Span { start, end }),
        }
    }

    #[test]
    fn same_span_for_both_is_r() {
        // "the court met the court"
        let offsets: [(u32, u32); 5] = [(0, 3), (4, 9), (10, 13), (14, 17), (18, 23)];
        let mut coded: Event = event(Some((10, 13)), Some((4, 9)), Some(1));
        coded.target = Some(actor(4, 9));
        let spans: Vec<RoleSpan> = predicted_spans(Some(&coded), &offsets);
        assert_eq!(
            spans,
            vec![RoleSpan {
                role: Role::R,
                start: 1,
                end: 2
            }]
        );
        coded.target = Some(actor(14, 23));
        let spans: Vec<RoleSpan> = predicted_spans(Some(&coded), &offsets);
        assert_eq!(
            spans,
            vec![
                RoleSpan {
                    role: Role::S,
                    start: 1,
                    end: 2
                },
                RoleSpan {
                    role: Role::T,
                    start: 3,
                    end: 5
                }
            ]
        );
        assert!(predicted_spans(None, &offsets).is_empty());
    }

    #[test]
    fn exact_match_counting() {
        let gold: Vec<RoleSpan> = decode_bio(&["B-S", "I-S", "O", "B-T", "O", "B-R"]);
        let predicted: Vec<RoleSpan> = vec![
            RoleSpan {
                role: Role::S,
                start: 1,
                end: 2,
            },
            RoleSpan {
                role: Role::T,
                start: 3,
                end: 4,
            },
        ];
        let mut per_role: [Counts; 3] = [Counts::default(); 3];
        let mut boundary: [usize; 3] = [0; 3];
        count_spans(&gold, &predicted, &mut per_role, &mut boundary);
        assert_eq!(
            per_role[0],
            Counts {
                true_positives: 0,
                false_positives: 1,
                false_negatives: 1
            }
        );
        assert_eq!(
            per_role[1],
            Counts {
                true_positives: 1,
                false_positives: 0,
                false_negatives: 0
            }
        );
        assert_eq!(
            per_role[2],
            Counts {
                true_positives: 0,
                false_positives: 0,
                false_negatives: 1
            }
        );
        assert_eq!(boundary, [1, 0, 0]);
    }
}
