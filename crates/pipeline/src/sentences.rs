//! Raw text through the front end, one coded sentence at a time.

use annalist_code::{CodeError, Coder, CodingOptions, Event, SentenceInput};
use annalist_text::{Analyzer, SegmentKind, SentenceView, Span};

/// What happened to one segment of the text.
pub struct SentenceOutcome {
    /// 1-based segment number: the sentence id.
    pub index: usize,
    /// The segment's span in the text.
    pub span: Span,
    /// `None` for segments that are not coded (datelines, bylines); else the coder's answer,
    /// with spans relative to the sentence.
    pub result: Option<Result<Vec<Event>, CodeError>>,
}

/// Segments, tags and parses `text`, codes every sentence and headline with `coder`, and
/// hands each segment's outcome to `visit` in text order. `date` is `YYYYMMDD`.
pub fn code_text_sentences(
    coder: &Coder,
    options: &CodingOptions,
    analyzer: &mut Analyzer,
    text: &str,
    doc_id: &str,
    date: Option<&str>,
    mut visit: impl FnMut(SentenceOutcome),
) {
    let mut index: usize = 0;
    analyzer.for_each_sentence(text, |view: SentenceView<'_, '_>| {
        index += 1;
        let codable: bool = matches!(view.kind, SegmentKind::Sentence | SegmentKind::Headline);
        let result = match view.span.slice(text) {
            Some(sentence) if codable => {
                let sentence_id: String = index.to_string();
                let input: SentenceInput<'_> = SentenceInput {
                    doc_id,
                    sentence_id: &sentence_id,
                    date,
                    text: sentence,
                    parse: "",
                };
                Some(coder.code_tree(&input, view.tree, options))
            }
            _ => None,
        };
        visit(SentenceOutcome {
            index,
            span: view.span,
            result,
        });
    });
}
