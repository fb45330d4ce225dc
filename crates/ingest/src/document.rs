//! The one document type every reader produces, where it came from, and the
//! per-document error that readers yield instead of stopping.

use std::fmt;

use serde::Serialize;

use crate::date::Date;

/// Where inside an input a document (or an error) sits. Serialised as
/// `{"kind": "line", "at": 3}` (`at` absent for a whole file).
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(tag = "kind", content = "at", rename_all = "snake_case")]
pub enum Position {
    /// The whole file is the document (plain text, one HTML page).
    File,
    /// 1-based line (JSONL lines, PETRARCH `<Sentence>` tags).
    Line(usize),
    /// 1-based record number (feed entries, WARC records).
    Record(usize),
}

/// The input a document came from: a path (or `<stdin>`) and a position in it.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize)]
pub struct Origin {
    /// The path as given to the reader (joined with sub-paths inside folders),
    /// or `<stdin>`.
    pub path: String,
    /// Line or record within that input.
    pub position: Position,
}

impl Origin {
    /// The whole of `path`.
    pub fn file(path: impl Into<String>) -> Origin {
        Origin {
            path: path.into(),
            position: Position::File,
        }
    }

    /// Line `line` (1-based) of `path`.
    pub fn line(path: impl Into<String>, line: usize) -> Origin {
        Origin {
            path: path.into(),
            position: Position::Line(line),
        }
    }

    /// Record `record` (1-based) of `path`.
    pub fn record(path: impl Into<String>, record: usize) -> Origin {
        Origin {
            path: path.into(),
            position: Position::Record(record),
        }
    }
}

impl fmt::Display for Origin {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.position {
            Position::File => write!(f, "{}", self.path),
            Position::Line(line) => write!(f, "{}:{line}", self.path),
            Position::Record(record) => write!(f, "{}: record {record}", self.path),
        }
    }
}

/// One news document, whatever format it came in. Serialises (serde) to the
/// JSONL shape [`crate::read_jsonl`] reads, plus `author`, `parses` and `origin`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Document {
    /// Identifier: the input's own id (JSONL `id`, feed guid, WARC-Record-ID,
    /// PETRARCH `id`) or, when it has none, one derived from the origin.
    pub id: String,
    /// The document text. Every downstream byte span refers to this string.
    pub text: String,
    /// Headline, when the input has one.
    pub title: Option<String>,
    /// Report date as `YYYY-MM-DD`: from the input, else the caller's default.
    pub date: Option<String>,
    /// Canonical or item URL.
    pub url: Option<String>,
    /// Publisher or feed name (e.g. `AFP`, a site name).
    pub source: Option<String>,
    /// Byline, kept as metadata (it is removed from `text`).
    pub author: Option<String>,
    /// Penn Treebank parses supplied with the input, one per sentence. Only
    /// PETRARCH XML carries them; empty for every other format.
    pub parses: Vec<String>,
    /// Where the document was read from.
    pub origin: Origin,
}

impl Document {
    /// A document with the given id, text and origin and no metadata.
    pub fn new(id: impl Into<String>, text: impl Into<String>, origin: Origin) -> Document {
        Document {
            id: id.into(),
            text: text.into(),
            title: None,
            date: None,
            url: None,
            source: None,
            author: None,
            parses: Vec::new(),
            origin,
        }
    }

    /// Sets `date` to `default` when the input gave none.
    pub fn apply_default_date(&mut self, default: Option<Date>) {
        if self.date.is_none()
            && let Some(date) = default
        {
            self.date = Some(date.to_string());
        }
    }
}

/// A document (or a whole input) that could not be read. Readers yield it in
/// place of the document and carry on with the next one.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct DocumentError {
    /// The file and line/record at fault.
    pub origin: Origin,
    /// What was wrong, in words a user can act on.
    pub message: String,
}

impl DocumentError {
    /// An error at `origin`.
    pub fn new(origin: Origin, message: impl Into<String>) -> DocumentError {
        DocumentError {
            origin,
            message: message.into(),
        }
    }
}

impl fmt::Display for DocumentError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.origin, self.message)
    }
}

impl std::error::Error for DocumentError {}

/// What every reader yields.
pub type DocumentResult = Result<Document, DocumentError>;

/// `Some(trimmed)` when `value` has non-whitespace content.
pub(crate) fn non_empty(value: &str) -> Option<String> {
    let trimmed: &str = value.trim();
    (!trimmed.is_empty()).then(|| trimmed.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn serialises_to_the_jsonl_shape() {
        let mut document: Document =
            Document::new("a1", "Arnor met Gondor.", Origin::line("n.jsonl", 3));
        document.date = Some("2024-03-12".to_string());
        let json: String = serde_json::to_string(&document).unwrap_or_default();
        assert_eq!(
            json,
            r#"{"id":"a1","text":"Arnor met Gondor.","title":null,"date":"2024-03-12","url":null,"source":null,"author":null,"parses":[],"origin":{"path":"n.jsonl","position":{"kind":"line","at":3}}}"#
        );
        let whole: String = serde_json::to_string(&Origin::file("a.txt")).unwrap_or_default();
        assert_eq!(whole, r#"{"path":"a.txt","position":{"kind":"file"}}"#);
    }
}
