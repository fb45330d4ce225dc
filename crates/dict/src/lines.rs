//! Line splitting and comment removal shared by all readers.
//!
//! Comments (as in PETRARCH): `<!-- ... -->` (inline or spanning lines; a line starting
//! with `<!` whose `-->` is missing opens a multi-line comment), `#` to end of line, and
//! the legacy KEDS/TABARI `;` to end of line. Blank lines are dropped.

use std::borrow::Cow;
use std::sync::Arc;

use crate::source::{DictWarning, SourceLoc};

/// One content line with its comment removed.
#[derive(Debug, Clone)]
pub(crate) struct Line<'a> {
    /// 1-based line number.
    pub no: u32,
    /// The content: comments removed, leading and trailing blanks removed. Borrowed
    /// unless an inline `<!-- -->` had to be cut out of the middle.
    pub text: Cow<'a, str>,
    /// The comment text after `#` / `;` (trimmed), when non-empty.
    pub comment: Option<Cow<'a, str>>,
}

/// Content lines of `text`, plus warnings (e.g. an unterminated `<!--`).
pub(crate) struct Lines<'a> {
    /// Non-blank content lines in order.
    pub lines: Vec<Line<'a>>,
    /// Problems found while splitting.
    pub warnings: Vec<DictWarning>,
}

/// Position of the first comment marker (`#` or `;`) in `s` outside `[...]`, if any.
/// (`[###]` is the TABARI discard code, not a comment.)
fn comment_start(s: &str) -> Option<usize> {
    let mut in_bracket: bool = false;
    for (pos, ch) in s.char_indices() {
        match ch {
            '[' => in_bracket = true,
            ']' => in_bracket = false,
            '#' | ';' if !in_bracket => return Some(pos),
            _ => {}
        }
    }
    None
}

/// Split `text` into content lines. `file` names the source in warnings.
pub(crate) fn split_lines<'a>(file: &Arc<str>, text: &'a str) -> Lines<'a> {
    let mut lines: Vec<Line<'a>> = Vec::new();
    let mut warnings: Vec<DictWarning> = Vec::new();
    let mut in_block_comment: Option<u32> = None;
    for (index, raw) in text.lines().enumerate() {
        let no: u32 = u32::try_from(index + 1).unwrap_or(u32::MAX);
        let mut rest: &'a str = raw;
        if in_block_comment.is_some() {
            match rest.find("-->") {
                Some(end) => {
                    in_block_comment = None;
                    rest = &rest[end + 3..];
                }
                None => continue,
            }
        }
        // Whole-line `#` comments are skipped before looking for `<!--`, so that
        // `# -->` lines inside a block comment work as in PETRARCH.
        let trimmed_start: &str = rest.trim_start();
        if trimmed_start.starts_with('#') || trimmed_start.is_empty() {
            continue;
        }
        let piece: Cow<'a, str> = strip_xml_comments(rest, &mut in_block_comment, no);
        let (content, comment): (Cow<'a, str>, Option<Cow<'a, str>>) = split_comment(piece);
        if content.is_empty() {
            continue;
        }
        lines.push(Line {
            no,
            text: content,
            comment: comment.filter(|c| !c.is_empty()),
        });
    }
    if let Some(start) = in_block_comment {
        warnings.push(DictWarning::at(
            &SourceLoc {
                file: Arc::clone(file),
                line: start,
            },
            "comment opened with `<!` is never closed with `-->`; rest of file ignored",
        ));
    }
    Lines { lines, warnings }
}

/// Cut `piece` at the first `#` / `;` comment marker; both parts trimmed.
fn split_comment(piece: Cow<'_, str>) -> (Cow<'_, str>, Option<Cow<'_, str>>) {
    match piece {
        Cow::Borrowed(s) => match comment_start(s) {
            Some(pos) => (
                Cow::Borrowed(s[..pos].trim()),
                Some(Cow::Borrowed(s[pos + 1..].trim())),
            ),
            None => (Cow::Borrowed(s.trim()), None),
        },
        Cow::Owned(s) => match comment_start(&s) {
            Some(pos) => (
                Cow::Owned(s[..pos].trim().to_string()),
                Some(Cow::Owned(s[pos + 1..].trim().to_string())),
            ),
            None => (Cow::Owned(s.trim().to_string()), None),
        },
    }
}

/// Remove `<!-- ... -->` comments from a line: inline ones are cut out (text on both
/// sides kept); one left open starts a multi-line comment (`open` is set). A line that
/// starts with `<!` is a comment even without `--` (PETRARCH's rule).
fn strip_xml_comments<'a>(line: &'a str, open: &mut Option<u32>, no: u32) -> Cow<'a, str> {
    let mut piece: Cow<'a, str> = Cow::Borrowed(line);
    loop {
        let start: Option<usize> = if piece.trim_start().starts_with("<!") {
            piece.find("<!")
        } else {
            piece.find("<!--")
        };
        let Some(start) = start else {
            return piece;
        };
        match piece[start..].find("-->") {
            Some(len) => {
                let joined: String = format!("{} {}", &piece[..start], &piece[start + len + 3..]);
                piece = Cow::Owned(joined);
            }
            None => {
                *open = Some(no);
                return match piece {
                    Cow::Borrowed(s) => Cow::Borrowed(&s[..start]),
                    Cow::Owned(s) => Cow::Owned(s[..start].to_string()),
                };
            }
        }
    }
}

/// A location helper.
pub(crate) fn loc(file: &Arc<str>, no: u32) -> SourceLoc {
    SourceLoc {
        file: Arc::clone(file),
        line: no,
    }
}
