//! Reader for issue lists.

use std::sync::Arc;

use crate::discards::DiscardScope;
use crate::forms::{noun_plural, past_tense, present_participle};
use crate::lines::{loc, split_lines};
use crate::phrase::{Phrase, upper};
use crate::source::{DictWarning, Loaded, SourceLoc};

use super::{IssueAction, IssueDictionary, IssueEntry, IssueExpansion, IssueWord};

/// Parse an issues file. `file` names the source in locations and warnings.
/// Never panics; malformed lines become warnings and are skipped.
///
/// Lines are `phrase [CODE]`, `~phrase` (sentence ignore) or `~~phrase` (story
/// ignore), optionally inside `<ISSUE CATEGORY="..."> ... </ISSUE>`. A phrase line
/// without `[CODE]` is skipped with a warning, as PETRARCH skips it.
pub fn parse_issues(file: &str, text: &str) -> Loaded<IssueDictionary> {
    let file: Arc<str> = Arc::from(file);
    let split = split_lines(&file, text);
    let mut warnings: Vec<DictWarning> = split.warnings;
    let mut entries: Vec<IssueEntry> = Vec::new();
    let mut category: Option<String> = None;
    for line in &split.lines {
        let here: SourceLoc = loc(&file, line.no);
        let text: &str = &line.text;
        if text.starts_with('<') {
            match read_tag(text) {
                Ok(tag) => category = tag,
                Err(message) => warnings.push(DictWarning::at(&here, message)),
            }
            continue;
        }
        let (action, phrase_text): (IssueAction, &str) = if let Some(rest) = text.strip_prefix("~~")
        {
            (IssueAction::Ignore(DiscardScope::Story), rest)
        } else if let Some(rest) = text.strip_prefix('~') {
            (IssueAction::Ignore(DiscardScope::Sentence), rest)
        } else {
            match read_code(text) {
                Ok((action, phrase, trailing)) => {
                    if !trailing.is_empty() {
                        warnings.push(DictWarning::at(
                            &here,
                            format!("text `{trailing}` after the code ignored (as PETRARCH does)"),
                        ));
                    }
                    (action, phrase)
                }
                Err(message) => {
                    warnings.push(DictWarning::at(&here, format!("{message}; line skipped")));
                    continue;
                }
            }
        };
        let raw: &str = phrase_text.trim();
        let words: Vec<IssueWord> = read_words(raw);
        if words.is_empty() {
            warnings.push(DictWarning::at(&here, "issue line has no phrase; skipped"));
            continue;
        }
        let forms: Vec<Phrase> = expand(&words);
        if forms.len() >= MAX_FORMS {
            warnings.push(DictWarning::at(
                &here,
                format!("phrase expands to too many forms; only the first {MAX_FORMS} kept"),
            ));
        }
        entries.push(IssueEntry {
            loc: here,
            raw: raw.to_string(),
            comment: line.comment.as_deref().map(str::to_string),
            category: category.clone(),
            action,
            words,
            forms,
        });
    }
    Loaded {
        dict: IssueDictionary { entries },
        warnings,
    }
}

/// `<ISSUE CATEGORY="X" ...>` → `Some(X)`; `</ISSUE>` → `None`.
fn read_tag(text: &str) -> Result<Option<String>, String> {
    // ASCII upper-casing keeps byte offsets valid for `text`.
    let upper: String = text.to_ascii_uppercase();
    if upper.starts_with("</ISSUE") {
        return Ok(None);
    }
    if !upper.starts_with("<ISSUE") {
        return Err(format!("unknown tag `{text}`; ignored"));
    }
    let Some(pos) = upper.find("CATEGORY") else {
        return Ok(None);
    };
    let after: &str = &text[pos + "CATEGORY".len()..];
    let value: Option<&str> = after
        .trim_start()
        .strip_prefix('=')
        .map(str::trim_start)
        .and_then(|v| v.strip_prefix('"'))
        .and_then(|v| v.split('"').next());
    match value {
        Some(v) => Ok(Some(v.trim().to_string())),
        None => Err(format!("cannot read CATEGORY in `{text}`; ignored")),
    }
}

/// `phrase [CODE] trailing` → (Code, phrase, trailing text).
fn read_code(text: &str) -> Result<(IssueAction, &str, &str), String> {
    let open: usize = text
        .find('[')
        .ok_or_else(|| "issue phrase has no [CODE] (PETRARCH ignores such lines)".to_string())?;
    let close: usize = text[open..]
        .find(']')
        .map(|p| p + open)
        .ok_or_else(|| "`[` without closing `]`".to_string())?;
    let code: &str = text[open + 1..close].trim();
    if code.is_empty() {
        return Err("empty issue code `[]`".to_string());
    }
    Ok((
        IssueAction::Code(upper(code)),
        &text[..open],
        text[close + 1..].trim(),
    ))
}

/// Split the phrase into words with `n:` / `v:` prefixes and `+` hyphen joins.
fn read_words(raw: &str) -> Vec<IssueWord> {
    let mut words: Vec<IssueWord> = Vec::new();
    for token in raw.split_whitespace() {
        let parts: Vec<&str> = token.split('+').collect();
        let count: usize = parts.len();
        for (i, part) in parts.into_iter().enumerate() {
            let upper_part: String = upper(part);
            let (expansion, word): (IssueExpansion, &str) =
                if let Some(w) = upper_part.strip_prefix("N:") {
                    (IssueExpansion::Noun, w)
                } else if let Some(w) = upper_part.strip_prefix("V:") {
                    (IssueExpansion::Verb, w)
                } else {
                    (IssueExpansion::None, upper_part.as_str())
                };
            if word.is_empty() {
                continue;
            }
            words.push(IssueWord {
                word: word.to_string(),
                expansion,
                hyphen_after: i + 1 < count,
            });
        }
    }
    // A `+` at the very end joins nothing.
    if let Some(last) = words.last_mut() {
        last.hyphen_after = false;
    }
    words
}

/// The alternatives for one word.
fn alternatives(word: &IssueWord) -> Vec<String> {
    let w: &str = &word.word;
    match word.expansion {
        IssueExpansion::None => vec![w.to_string()],
        IssueExpansion::Noun => vec![w.to_string(), noun_plural(w)],
        IssueExpansion::Verb => vec![
            w.to_string(),
            noun_plural(w),
            past_tense(w),
            present_participle(w),
        ],
    }
}

/// Upper bound on the forms made from one line (each `v:` multiplies by four).
const MAX_FORMS: usize = 1024;

/// Every surface form of the phrase (cartesian product of the alternatives; `+` gives
/// both the blank and the hyphen form).
fn expand(words: &[IssueWord]) -> Vec<Phrase> {
    let mut partial: Vec<Vec<String>> = vec![Vec::new()];
    let mut hyphen_before: bool = false;
    for word in words {
        let mut next: Vec<Vec<String>> = Vec::new();
        for prefix in &partial {
            for alt in alternatives(word) {
                let mut spaced: Vec<String> = prefix.clone();
                spaced.push(alt.clone());
                next.push(spaced);
                if hyphen_before && let Some(last) = prefix.last() {
                    let mut hyphened: Vec<String> = prefix.clone();
                    let index: usize = hyphened.len() - 1;
                    hyphened[index] = format!("{last}-{alt}");
                    next.push(hyphened);
                }
            }
        }
        next.truncate(MAX_FORMS);
        partial = next;
        hyphen_before = word.hyphen_after;
    }
    partial.into_iter().map(Phrase::from_words).collect()
}
