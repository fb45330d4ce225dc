//! JSON Lines: one document per line,
//! `{"id", "text", "date", "title", "url", "source", "author"}`.
//!
//! `text` is required and kept exactly as given (a producer may already hold
//! spans into it). `id` may be a string or a number; without one the id is
//! `path:line`. `date` is `YYYY-MM-DD`, an RFC 3339 or RFC 2822 timestamp,
//! or `YYYYMMDD` (string or number). Other fields are optional, `null` counts as absent, unknown
//! fields are ignored. Blank lines are skipped. A bad line (invalid UTF-8 or
//! JSON, not an object, a field of the wrong type, an unreadable date) becomes
//! one [`DocumentError`] naming `path:line`, and reading goes on.

use std::io::BufRead;

use serde_json::{Map, Value};

use crate::document::{Document, DocumentError, DocumentResult, Origin};
use crate::report_date::normalize_date;

/// Streams documents from JSON Lines input, one line in memory at a time.
pub struct JsonlReader<R: BufRead> {
    input: R,
    path: String,
    line: usize,
    buffer: Vec<u8>,
    finished: bool,
}

/// Reads JSON Lines from `input`; `path` names it in origins and errors.
pub fn read_jsonl<R: BufRead>(input: R, path: &str) -> JsonlReader<R> {
    JsonlReader {
        input,
        path: path.to_string(),
        line: 0,
        buffer: Vec::new(),
        finished: false,
    }
}

impl<R: BufRead> Iterator for JsonlReader<R> {
    type Item = DocumentResult;

    fn next(&mut self) -> Option<DocumentResult> {
        while !self.finished {
            self.buffer.clear();
            let read: usize = match self.input.read_until(b'\n', &mut self.buffer) {
                Ok(read) => read,
                Err(error) => {
                    self.finished = true;
                    let origin: Origin = Origin::line(self.path.clone(), self.line + 1);
                    return Some(Err(DocumentError::new(
                        origin,
                        format!("read failed: {error}"),
                    )));
                }
            };
            if read == 0 {
                self.finished = true;
                return None;
            }
            self.line += 1;
            let origin: Origin = Origin::line(self.path.clone(), self.line);
            let mut content: &[u8] = &self.buffer;
            if self.line == 1 {
                content = content.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(content);
            }
            if content.iter().all(u8::is_ascii_whitespace) {
                continue;
            }
            return Some(parse_line(content, origin));
        }
        None
    }
}

fn parse_line(content: &[u8], origin: Origin) -> DocumentResult {
    let fail = |message: String| DocumentError::new(origin.clone(), message);
    let line: &str = std::str::from_utf8(content).map_err(|error: std::str::Utf8Error| {
        fail(format!(
            "not valid UTF-8 at byte {} of the line",
            error.valid_up_to()
        ))
    })?;
    let value: Value = serde_json::from_str(line).map_err(|error: serde_json::Error| {
        fail(format!(
            "invalid JSON at column {}: {error}",
            error.column()
        ))
    })?;
    let Value::Object(fields) = value else {
        return Err(fail(format!(
            "expected a JSON object, found {}",
            kind(&value)
        )));
    };
    let text: String = match fields.get("text") {
        Some(Value::String(text)) if !text.trim().is_empty() => text.clone(),
        Some(Value::String(_)) => return Err(fail("\"text\" is empty".to_string())),
        Some(Value::Null) | None => return Err(fail("no \"text\" field".to_string())),
        Some(other) => {
            return Err(fail(format!(
                "\"text\" must be a string, found {}",
                kind(other)
            )));
        }
    };
    let id: String = match fields.get("id") {
        Some(Value::String(id)) if !id.trim().is_empty() => id.clone(),
        Some(Value::Number(number)) => number.to_string(),
        Some(Value::String(_) | Value::Null) | None => origin.to_string(),
        Some(other) => {
            return Err(fail(format!(
                "\"id\" must be a string or number, found {}",
                kind(other)
            )));
        }
    };
    let mut document: Document = Document::new(id, text, origin.clone());
    document.title = optional_string(&fields, "title").map_err(&fail)?;
    document.url = optional_string(&fields, "url").map_err(&fail)?;
    document.source = optional_string(&fields, "source").map_err(&fail)?;
    document.author = optional_string(&fields, "author").map_err(&fail)?;
    // A number date is taken as YYYYMMDD (20240312).
    let date: Option<String> = match fields.get("date") {
        Some(Value::Number(number)) => Some(number.to_string()),
        _ => optional_string(&fields, "date").map_err(&fail)?,
    };
    if let Some(date) = date {
        let normalized: String = normalize_date(&date)
            .ok_or_else(|| fail(format!("unrecognised \"date\" {date:?} (want YYYY-MM-DD)")))?;
        document.date = Some(normalized);
    }
    Ok(document)
}

/// A trimmed, non-empty string field; `null`, absent or blank are `None`.
fn optional_string(fields: &Map<String, Value>, name: &str) -> Result<Option<String>, String> {
    match fields.get(name) {
        Some(Value::String(value)) => Ok(crate::document::non_empty(value)),
        Some(Value::Null) | None => Ok(None),
        Some(other) => Err(format!(
            "\"{name}\" must be a string, found {}",
            kind(other)
        )),
    }
}

fn kind(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(input: &str) -> Vec<DocumentResult> {
        read_jsonl(input.as_bytes(), "n.jsonl").collect()
    }

    #[test]
    fn good_lines_and_defaults() {
        let results: Vec<DocumentResult> = read(
            "{\"id\":\"a\",\"text\":\" Gondor protested. \",\"date\":\"2024-03-12T10:00:00Z\",\"title\":\"T\",\"url\":\"u\",\"source\":\"S\",\"extra\":[1]}\n\
             \n\
             {\"id\":7,\"text\":\"Arnor agreed.\",\"title\":null}\r\n\
             {\"text\":\"No id.\",\"date\":20240313}",
        );
        assert_eq!(results.len(), 3);
        let first: &Document = results[0].as_ref().expect("line 1");
        assert_eq!(first.text, " Gondor protested. ");
        assert_eq!(first.date.as_deref(), Some("2024-03-12"));
        assert_eq!(
            (
                first.title.as_deref(),
                first.url.as_deref(),
                first.source.as_deref()
            ),
            (Some("T"), Some("u"), Some("S"))
        );
        let second: &Document = results[1].as_ref().expect("line 3");
        assert_eq!(
            (second.id.as_str(), second.origin.clone()),
            ("7", Origin::line("n.jsonl", 3))
        );
        assert_eq!(second.title, None);
        assert_eq!(results[2].as_ref().map(|d| d.id.as_str()), Ok("n.jsonl:4"));
        assert_eq!(
            results[2].as_ref().map(|d| d.date.as_deref()),
            Ok(Some("2024-03-13"))
        );
    }

    #[test]
    fn bad_lines_are_errors_and_reading_goes_on() {
        let results: Vec<DocumentResult> = read(
            "{\"text\": \n[1,2]\n{\"id\":\"x\"}\n{\"text\":5}\n{\"text\":\"t\",\"date\":\"soon\"}\n{\"text\":\"ok\"}\n",
        );
        let errors: Vec<String> = results
            .iter()
            .filter_map(|result: &DocumentResult| result.as_ref().err().map(ToString::to_string))
            .collect();
        assert_eq!(errors.len(), 5, "{errors:#?}");
        assert!(errors[0].starts_with("n.jsonl:1: invalid JSON"));
        assert!(errors[1].contains("expected a JSON object, found an array"));
        assert!(errors[2].contains("no \"text\" field"));
        assert!(errors[3].contains("\"text\" must be a string, found a number"));
        assert!(errors[4].contains("unrecognised \"date\""));
        assert!(results[5].is_ok());
    }

    #[test]
    fn invalid_utf8_line() {
        let results: Vec<DocumentResult> =
            read_jsonl(&b"{\"text\":\"caf\xE9\"}\n"[..], "n.jsonl").collect();
        assert_eq!(
            results[0]
                .as_ref()
                .err()
                .map(ToString::to_string)
                .as_deref(),
            Some("n.jsonl:1: not valid UTF-8 at byte 12 of the line")
        );
    }
}
