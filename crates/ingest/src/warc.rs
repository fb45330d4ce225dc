//! WARC 1.0/1.1 (ISO 28500): a thin streaming reader. Each `response` record
//! holding a 2xx HTML page, and each `resource` record of type `text/html`,
//! goes through the HTML reader; other records (requests, metadata, images,
//! redirects) are skipped without a word. For `.warc.gz` the caller wraps the
//! input in a multi-member gzip decoder.
//!
//! The document id is the `WARC-Record-ID` (without `<>`), the fallback URL the
//! `WARC-Target-URI`. A malformed record header is one [`DocumentError`]; the
//! reader then skips ahead to the next line starting with `WARC/`. A truncated
//! record or a failing input (corrupt gzip) is one error and ends the file.

use std::io::{self, BufRead, Read};

use crate::document::{DocumentError, DocumentResult, Origin};
use crate::html::{PageContext, html_document};
use crate::http::{HttpResponse, charset, is_html, parse_response};

/// Longest header line kept; longer lines are cut (and the record refused).
const MAX_LINE_BYTES: u64 = 64 * 1024;
/// Most header lines in one record.
const MAX_HEADER_LINES: usize = 1024;
/// Largest record block read into memory; larger HTML records are refused.
const MAX_BLOCK_BYTES: u64 = 64 * 1024 * 1024;

/// Streams documents from a WARC file.
pub struct WarcReader<R: BufRead> {
    input: R,
    path: String,
    /// 1-based number of the record being read.
    record: usize,
    /// After a malformed header: skip to the next `WARC/` line.
    resync: bool,
    finished: bool,
}

/// Reads WARC records from `input` (already decompressed); `path` names it.
pub fn read_warc<R: BufRead>(input: R, path: &str) -> WarcReader<R> {
    WarcReader {
        input,
        path: path.to_string(),
        record: 0,
        resync: false,
        finished: false,
    }
}

/// The WARC headers of one record that matter here.
#[derive(Debug, Default)]
struct RecordHeader {
    kind: String,
    record_id: Option<String>,
    target_uri: Option<String>,
    content_type: Option<String>,
    content_length: Option<u64>,
}

/// What reading one record gave.
#[expect(
    clippy::large_enum_variant,
    reason = "a Step is returned and consumed at once; boxing would only add an allocation"
)]
enum Step {
    Document(DocumentResult),
    Skipped,
    End,
}

impl<R: BufRead> Iterator for WarcReader<R> {
    type Item = DocumentResult;

    fn next(&mut self) -> Option<DocumentResult> {
        while !self.finished {
            match self.step() {
                Ok(Step::Document(result)) => return Some(result),
                Ok(Step::Skipped) => {}
                Ok(Step::End) => self.finished = true,
                Err(error) => return Some(Err(error)),
            }
        }
        None
    }
}

impl<R: BufRead> WarcReader<R> {
    fn origin(&self) -> Origin {
        Origin::record(self.path.clone(), self.record.max(1))
    }

    fn error(&self, message: impl Into<String>) -> DocumentError {
        DocumentError::new(self.origin(), message)
    }

    /// An error that ends the file.
    fn fatal(&mut self, message: impl Into<String>) -> DocumentError {
        self.finished = true;
        self.error(message)
    }

    fn read_line(&mut self, line: &mut Vec<u8>) -> Result<usize, DocumentError> {
        line.clear();
        let read: io::Result<usize> = (&mut self.input)
            .take(MAX_LINE_BYTES)
            .read_until(b'\n', line);
        read.map_err(|error: io::Error| self.fatal(format!("read failed: {error}")))
    }

    /// Reads the next record; `Err` is an error for this record (reading goes
    /// on unless it was fatal).
    fn step(&mut self) -> Result<Step, DocumentError> {
        let mut line: Vec<u8> = Vec::new();
        // Numbered before reading, so a failure names the record it hit.
        self.record += 1;
        // Version line, after the blank lines that end the previous record.
        loop {
            if self.read_line(&mut line)? == 0 {
                return Ok(Step::End);
            }
            if line.starts_with(b"WARC/") {
                break;
            }
            if self.resync || line.iter().all(u8::is_ascii_whitespace) {
                continue;
            }
            self.resync = true;
            let error: DocumentError = self.error(format!(
                "expected a WARC record header (WARC/1.x), found {:?}",
                preview(&line)
            ));
            // The junk stands where this record should be; the record found
            // after it keeps the number.
            self.record -= 1;
            return Err(error);
        }
        self.resync = false;
        let header: RecordHeader = self.read_header(&mut line)?;
        let Some(length) = header.content_length else {
            self.resync = true;
            return Err(self.error("record header has no valid Content-Length"));
        };
        let wanted: bool = match header.kind.as_str() {
            "response" => header
                .content_type
                .as_deref()
                .is_none_or(|content_type: &str| content_type.starts_with("application/http")),
            "resource" => header.content_type.as_deref().is_some_and(is_html),
            _ => false,
        };
        if !wanted {
            self.skip_block(length)?;
            return Ok(Step::Skipped);
        }
        if length > MAX_BLOCK_BYTES {
            self.skip_block(length)?;
            return Err(self.error(format!("record of {length} bytes is too large to read")));
        }
        let block: Vec<u8> = self.read_block(length)?;
        Ok(self.record_document(&header, &block))
    }

    fn read_header(&mut self, line: &mut Vec<u8>) -> Result<RecordHeader, DocumentError> {
        let mut header: RecordHeader = RecordHeader::default();
        for _ in 0..MAX_HEADER_LINES {
            if self.read_line(line)? == 0 {
                return Err(self.fatal("input ends inside a record header"));
            }
            let text: String = String::from_utf8_lossy(line)
                .trim_end_matches(['\r', '\n'])
                .to_string();
            if text.is_empty() {
                return Ok(header);
            }
            let Some((name, value)) = text.split_once(':') else {
                continue;
            };
            let value: String = value.trim().to_string();
            match name.trim().to_ascii_lowercase().as_str() {
                "warc-type" => header.kind = value.to_ascii_lowercase(),
                "warc-record-id" => {
                    header.record_id = Some(
                        value
                            .trim_start_matches('<')
                            .trim_end_matches('>')
                            .to_string(),
                    );
                }
                "warc-target-uri" => {
                    header.target_uri = Some(
                        value
                            .trim_start_matches('<')
                            .trim_end_matches('>')
                            .to_string(),
                    );
                }
                "content-type" => header.content_type = Some(value),
                "content-length" => header.content_length = value.parse().ok(),
                _ => {}
            }
        }
        self.resync = true;
        Err(self.error(format!(
            "record header has more than {MAX_HEADER_LINES} lines"
        )))
    }

    fn read_block(&mut self, length: u64) -> Result<Vec<u8>, DocumentError> {
        let mut block: Vec<u8> = Vec::new();
        let read: io::Result<usize> = (&mut self.input).take(length).read_to_end(&mut block);
        match read {
            Ok(count) if count as u64 == length => Ok(block),
            Ok(count) => Err(self.fatal(format!(
                "record truncated: {count} of {length} bytes present"
            ))),
            Err(error) => Err(self.fatal(format!("read failed: {error}"))),
        }
    }

    fn skip_block(&mut self, length: u64) -> Result<(), DocumentError> {
        let copied: io::Result<u64> =
            io::copy(&mut (&mut self.input).take(length), &mut io::sink());
        match copied {
            Ok(count) if count == length => Ok(()),
            Ok(count) => Err(self.fatal(format!(
                "record truncated: {count} of {length} bytes present"
            ))),
            Err(error) => Err(self.fatal(format!("read failed: {error}"))),
        }
    }

    fn record_document(&self, header: &RecordHeader, block: &[u8]) -> Step {
        let origin: Origin = self.origin();
        let id: String = header
            .record_id
            .clone()
            .unwrap_or_else(|| origin.to_string());
        let mut context: PageContext = PageContext {
            charset: None,
            url: header.target_uri.clone(),
        };
        if header.kind == "resource" {
            context.charset = header.content_type.as_deref().and_then(charset);
            return Step::Document(html_document(block, origin, id, &context));
        }
        let response: HttpResponse<'_> = match parse_response(block) {
            Ok(response) => response,
            Err(message) => return Step::Document(Err(DocumentError::new(origin, message))),
        };
        let html: bool = match response.content_type.as_deref() {
            Some(content_type) => is_html(content_type),
            None => true,
        };
        if !(200..300).contains(&response.status) || !html {
            return Step::Skipped;
        }
        context.charset = response.content_type.as_deref().and_then(charset);
        match response.payload() {
            Ok(payload) => Step::Document(html_document(&payload, origin, id, &context)),
            Err(message) => Step::Document(Err(DocumentError::new(origin, message))),
        }
    }
}

fn preview(line: &[u8]) -> String {
    String::from_utf8_lossy(line)
        .trim_end()
        .chars()
        .take(40)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::Position;

    fn resource(id: &str, html: &str) -> String {
        format!(
            "WARC/1.0\r\nWARC-Type: resource\r\nWARC-Record-ID: <{id}>\r\nContent-Type: text/html\r\nContent-Length: {}\r\n\r\n{html}\r\n\r\n",
            html.len()
        )
    }

    const PAGE: &str =
        "<html><body><p>Gondor and Rohan renewed their old alliance at Edoras.</p></body></html>";

    #[test]
    fn junk_between_records_is_one_error_and_numbering_holds() {
        let input: String = format!(
            "{}garbage line\r\nmore garbage\r\n{}WARC/1.0\r\nWARC-Type: resource\r\nContent-Length: x\r\n\r\n{}",
            resource("a", PAGE),
            resource("b", PAGE),
            resource("c", PAGE)
        );
        let results: Vec<DocumentResult> = read_warc(input.as_bytes(), "w.warc").collect();
        let summary: Vec<(Position, bool)> = results
            .iter()
            .map(|result: &DocumentResult| match result {
                Ok(document) => (document.origin.position.clone(), true),
                Err(error) => (error.origin.position.clone(), false),
            })
            .collect();
        assert_eq!(
            summary,
            [
                (Position::Record(1), true),
                (Position::Record(2), false),
                (Position::Record(2), true),
                (Position::Record(3), false),
                (Position::Record(4), true),
            ],
            "{results:#?}"
        );
    }

    #[test]
    fn truncated_block_ends_the_file() {
        let input: String = resource("a", PAGE);
        let cut: &str = &input[..input.len() - 30];
        let results: Vec<DocumentResult> = read_warc(cut.as_bytes(), "w.warc").collect();
        assert_eq!(results.len(), 1);
        let message: String = results[0]
            .as_ref()
            .err()
            .map(ToString::to_string)
            .unwrap_or_default();
        assert!(
            message.starts_with("w.warc: record 1: record truncated"),
            "{message}"
        );
    }
}
