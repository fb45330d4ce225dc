//! PETRARCH XML as [`Document`]s: one document per `<Sentence>`.
//!
//! Choice: the full record model ([`crate::PetrarchReader`],
//! [`crate::read_petrarch_xml`]) stays as it is for validation runs that need
//! `<EventCoding>` expectations, `<Config>` changes and the environment. This
//! view is for coding: `text` is [`SentenceRecord::text`], the `<Parse>` goes
//! to [`Document::parses`] (one entry), `date` is the `YYYYMMDD` attribute as
//! `YYYY-MM-DD`, `source` the `source` attribute, and the origin the line of
//! the `<Sentence>` tag. Reading stops at `<Stop>`, as the coder would.
//! Malformed records become [`DocumentError`]s. A sentence whose `<Text>` is
//! blank (some GigaWord records carry only a parse) keeps an empty `text`
//! and its parse.
//!
//! The reader wants UTF-8; other encodings (BOM or XML declaration, else a
//! guess) are converted first.

use std::io::Cursor;

use crate::decode::{Markup, decode};
use crate::document::{Document, DocumentError, DocumentResult, Origin};
use crate::model::{Record, RecordError, SentenceRecord};
use crate::reader::{Item, PetrarchReader};

/// Streams the sentences of a PETRARCH XML file as documents.
pub struct PetrarchDocuments {
    reader: Option<PetrarchReader<Cursor<Vec<u8>>>>,
    path: String,
    /// An error to yield before anything else (undecodable input).
    pending: Option<DocumentError>,
}

/// Reads the PETRARCH XML in `bytes`; `path` names it in origins.
pub fn read_petrarch_documents(bytes: &[u8], path: &str) -> PetrarchDocuments {
    let (reader, pending) = match decode(bytes, Markup::Xml, None) {
        Ok(text) => (
            Some(PetrarchReader::new(Cursor::new(text.into_bytes()))),
            None,
        ),
        Err(message) => (None, Some(DocumentError::new(Origin::file(path), message))),
    };
    PetrarchDocuments {
        reader,
        path: path.to_string(),
        pending,
    }
}

impl Iterator for PetrarchDocuments {
    type Item = DocumentResult;

    fn next(&mut self) -> Option<DocumentResult> {
        if let Some(error) = self.pending.take() {
            return Some(Err(error));
        }
        loop {
            let item: Item = match self.reader.as_mut()?.next()? {
                Ok(item) => item,
                Err(error) => {
                    self.reader = None;
                    return Some(Err(DocumentError::new(
                        Origin::file(self.path.clone()),
                        format!("read failed: {error}"),
                    )));
                }
            };
            match item {
                Item::Record(Record::Sentence(sentence)) => {
                    return Some(Ok(self.document(sentence)));
                }
                Item::Record(Record::Stop) => {
                    self.reader = None;
                    return None;
                }
                Item::Error(error) => return Some(Err(self.error(error))),
                Item::Record(Record::Config(_)) | Item::Environment(_) => {}
            }
        }
    }
}

impl PetrarchDocuments {
    fn document(&self, sentence: SentenceRecord) -> Document {
        let origin: Origin = Origin::line(self.path.clone(), sentence.line);
        let id: String = if sentence.id.trim().is_empty() {
            origin.to_string()
        } else {
            sentence.id
        };
        let mut document: Document = Document::new(id, sentence.text, origin);
        document.date = sentence.parsed_date.map(|date| date.to_string());
        document.source = sentence.source;
        document.parses = sentence.parse.into_iter().collect();
        document
    }

    fn error(&self, error: RecordError) -> DocumentError {
        let message: String = match error.id {
            Some(id) => format!("record {id}: {}", error.message),
            None => error.message,
        };
        DocumentError::new(Origin::line(self.path.clone(), error.line), message)
    }
}
