//! The coder with its current options: what `code`, `validate` and `bench` drive.

use annalist_code::{CodeError, Coder, CodingOptions, Event, SentenceInput};
use annalist_dict::Dictionaries;
use annalist_ingest::SentenceRecord;
use annalist_pipeline::{SentenceOutcome, code_text_sentences};
use annalist_text::{Analyzer, Tree};

/// Compiled dictionaries, the options in force, and a tree buffer reused across sentences.
pub struct Engine {
    coder: Coder,
    options: CodingOptions,
    tree: Tree,
    /// When set, records are coded from their text by annalist's front end.
    front_end: Option<Analyzer>,
}

impl Engine {
    pub fn new(dictionaries: &Dictionaries) -> Engine {
        Engine {
            coder: Coder::new(dictionaries),
            options: CodingOptions::default(),
            tree: Tree::new(),
            front_end: None,
        }
    }

    /// Codes records from their text with annalist's own front end instead of `<Parse>`.
    pub fn ignore_parses(mut self, ignore: bool) -> Engine {
        self.front_end = ignore.then(Analyzer::new);
        self
    }

    /// Applies a PETRARCH `<Config option value>` setting.
    pub fn configure(&mut self, option: &str, value: &str) -> Result<(), String> {
        if self.options.apply(option, value) {
            Ok(())
        } else {
            Err(format!(
                "ignored unknown option or bad value: {option}={value}"
            ))
        }
    }

    /// Codes one PETRARCH record from its `<Parse>`.
    pub fn code_record(&mut self, record: &SentenceRecord) -> Result<Vec<Event>, CodeError> {
        let (doc_id, sentence_id) = split_record_id(&record.id);
        if let Some(analyzer) = self.front_end.as_mut() {
            return Ok(code_text(
                &self.coder,
                &self.options,
                analyzer,
                record,
                doc_id,
            ));
        }
        let input: SentenceInput = SentenceInput {
            doc_id,
            sentence_id,
            date: Some(record.date.as_str()),
            text: &record.text,
            parse: record.parse.as_deref().unwrap_or(""),
        };
        if let Err(error) = self.tree.parse_into(input.parse) {
            return Err(CodeError::BadTree {
                doc_id: doc_id.to_string(),
                sentence_id: sentence_id.to_string(),
                message: format!("{} at byte {}", error.message(), error.offset),
            });
        }
        self.coder.code_tree(&input, &self.tree, &self.options)
    }
}

/// Codes a record's text sentence by sentence through the front end. A sentence the
/// coder skips (a discard) contributes nothing, as it would from its parse.
fn code_text(
    coder: &Coder,
    options: &CodingOptions,
    analyzer: &mut Analyzer,
    record: &SentenceRecord,
    doc_id: &str,
) -> Vec<Event> {
    let mut events: Vec<Event> = Vec::new();
    code_text_sentences(
        coder,
        options,
        analyzer,
        &record.text,
        doc_id,
        Some(record.date.as_str()),
        |outcome: SentenceOutcome| {
            if let Some(Ok(found)) = outcome.result {
                events.extend(found);
            }
        },
    );
    events
}

/// PETRARCH ids are `STORY_N` (e.g. `AFP0808020625_4`); others name one-sentence documents.
fn split_record_id(id: &str) -> (&str, &str) {
    match id.rsplit_once('_') {
        Some((story, n))
            if !story.is_empty() && !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()) =>
        {
            (story, n)
        }
        _ => (id, "0"),
    }
}

#[cfg(test)]
mod tests {
    use super::split_record_id;

    #[test]
    fn record_ids_split_into_story_and_sentence() {
        assert_eq!(split_record_id("AFP0808020625_4"), ("AFP0808020625", "4"));
        assert_eq!(split_record_id("DEMO-00"), ("DEMO-00", "0"));
        assert_eq!(split_record_id("A_B"), ("A_B", "0"));
        assert_eq!(split_record_id("_7"), ("_7", "0"));
    }
}
