//! Plain text (`.txt`): one document per file.
//!
//! Line endings become `\n` and surrounding whitespace is trimmed. When the
//! first line looks like a headline (short, no sentence-ending punctuation,
//! more text after it) it becomes the title and is left out of `text`, so a
//! headline that restates the lead is not coded twice.

use crate::dateline::dateline_date;
use crate::decode::{Markup, decode};
use crate::document::{Document, DocumentError, DocumentResult, Origin};

/// Longest first line (in characters) still taken as a headline.
const MAX_TITLE_CHARS: usize = 200;

/// Reads one plain-text document from `bytes`; `path` names it in the origin
/// and is its id.
pub fn read_text(bytes: &[u8], path: &str) -> DocumentResult {
    let origin: Origin = Origin::file(path);
    let decoded: String = decode(bytes, Markup::Plain, None)
        .map_err(|message: String| DocumentError::new(origin.clone(), message))?;
    let normalized: String = normalize_line_endings(&decoded);
    let content: &str = normalized.trim();
    if content.is_empty() {
        return Err(DocumentError::new(origin, "empty document: no text"));
    }
    let (title, body): (Option<&str>, &str) = split_title(content);
    let mut document: Document = Document::new(path, body, origin);
    document.title = title.map(str::to_string);
    document.date = dateline_date(body);
    Ok(document)
}

/// `\r\n` and lone `\r` to `\n`.
pub(crate) fn normalize_line_endings(text: &str) -> String {
    if !text.contains('\r') {
        return text.to_string();
    }
    text.replace("\r\n", "\n").replace('\r', "\n")
}

/// `(Some(title), body)` when the first line of trimmed `content` looks like a
/// headline, else `(None, content)`.
fn split_title(content: &str) -> (Option<&str>, &str) {
    let Some((first, rest)) = content.split_once('\n') else {
        return (None, content);
    };
    let title: &str = first.trim();
    let body: &str = rest.trim();
    if body.is_empty() || !looks_like_title(title) {
        return (None, content);
    }
    (Some(title), body)
}

/// Short, at least three words (not a `News / Politics` breadcrumb), and not
/// ending like a sentence.
fn looks_like_title(line: &str) -> bool {
    let characters: usize = line.chars().count();
    let ends_like_sentence: bool = line.ends_with(['.', ',', ';', ':']) && !line.ends_with("...");
    let words: usize = line
        .split_whitespace()
        .filter(|word: &&str| word.chars().any(char::is_alphabetic))
        .count();
    characters <= MAX_TITLE_CHARS && words >= 3 && !ends_like_sentence
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headline_becomes_title() {
        let document: Document = match read_text(
            b"Gondor recalls envoy\r\n\r\nGondor recalled its envoy on Monday.\r\nMore later.\r\n",
            "a.txt",
        ) {
            Ok(document) => document,
            Err(error) => panic!("{error}"),
        };
        assert_eq!(document.title.as_deref(), Some("Gondor recalls envoy"));
        assert_eq!(
            document.text,
            "Gondor recalled its envoy on Monday.\nMore later."
        );
        assert_eq!(document.id, "a.txt");
    }

    #[test]
    fn sentence_first_line_is_not_a_title() {
        let document: Document = match read_text(
            b"Troops crossed the river.\nThey met no resistance.",
            "b.txt",
        ) {
            Ok(document) => document,
            Err(error) => panic!("{error}"),
        };
        assert_eq!(document.title, None);
        assert_eq!(
            document.text,
            "Troops crossed the river.\nThey met no resistance."
        );
    }

    #[test]
    fn breadcrumb_is_not_a_title() {
        let input: &str = "News \u{a0} / \u{a0} Politics\n\nRohan protested.";
        let document: Document = match read_text(input.as_bytes(), "c.txt") {
            Ok(document) => document,
            Err(error) => panic!("{error}"),
        };
        assert_eq!(document.title, None);
    }

    #[test]
    fn empty_and_binary_are_errors() {
        assert!(read_text(b"  \n\t ", "c.txt").is_err_and(|e| e.message.contains("empty")));
        assert!(
            read_text(b"\x00\x01\x02\x03", "d.txt").is_err_and(|e| e.message.contains("binary"))
        );
    }
}
