//! The coder with its current options: what `code`, `validate` and `bench` drive.

use annalist_code::{CodeError, Coder, CodingOptions, Event, SentenceInput};
use annalist_dict::Dictionaries;
use annalist_ingest::SentenceRecord;
use annalist_text::Tree;

/// Compiled dictionaries, the options in force, and a tree buffer reused across sentences.
pub struct Engine {
    coder: Coder,
    options: CodingOptions,
    tree: Tree,
}

impl Engine {
    pub fn new(dictionaries: &Dictionaries) -> Engine {
        Engine {
            coder: Coder::new(dictionaries),
            options: CodingOptions::default(),
            tree: Tree::new(),
        }
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

/// Whether a coding error means the input was bad (rather than deliberately skipped).
pub fn is_bad_input(error: &CodeError) -> bool {
    matches!(error, CodeError::BadTree { .. })
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
