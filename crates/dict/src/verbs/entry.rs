//! Verb lines inside a block: `SAY {SAID} [010]`, `+CORDON_OFF {...}`, `KLM_NOP_+RST`.

use crate::code::VerbCode;
use crate::lines::Line;
use crate::phrase::Phrase;
use crate::source::SourceLoc;

use super::VerbEntry;
use super::forms::verb_forms;

/// A verb phrase with its `+` marker resolved.
struct MarkedPhrase {
    phrase: Phrase,
    verb_index: usize,
    marked: bool,
}

/// Parse `WORD_WORD_+VERB` / `+VERB_PARTICLE` / `VERB`: strip `+` from the marked word.
fn read_marked(text: &str) -> Result<MarkedPhrase, String> {
    let mut phrase: Phrase = Phrase::parse(text);
    let mut verb_index: Option<usize> = None;
    for (i, word) in phrase.words.iter_mut().enumerate() {
        if let Some(rest) = word.strip_prefix('+') {
            if verb_index.is_some() {
                return Err(format!("`{text}` marks more than one verb word with `+`"));
            }
            *word = rest.to_string();
            verb_index = Some(i);
        }
    }
    if phrase.words.iter().any(|w| w.is_empty() || w.contains('+')) {
        return Err(format!("misplaced `+` in verb `{text}`"));
    }
    if phrase.is_empty() {
        return Err("verb line has no verb".to_string());
    }
    Ok(MarkedPhrase {
        phrase,
        verb_index: verb_index.unwrap_or(0),
        marked: verb_index.is_some(),
    })
}

/// Parse a verb line (the `+` multi-word marker, if any, still in `text`).
pub(super) fn parse_verb_entry(
    here: &SourceLoc,
    line: &Line<'_>,
    primary: bool,
) -> Result<VerbEntry, String> {
    let text: &str = &line.text;
    let stop: usize = text.find(['{', '[']).unwrap_or(text.len());
    let head: &str = text[..stop].trim();
    let mut rest: &str = &text[stop..];
    let marked: MarkedPhrase = read_marked(head)?;
    let mut irregular_forms: Option<Vec<Phrase>> = None;
    if let Some(after) = rest.strip_prefix('{') {
        let close: usize = after
            .find('}')
            .ok_or_else(|| "`{` without closing `}`".to_string())?;
        let mut forms: Vec<Phrase> = Vec::new();
        for token in after[..close].split_whitespace() {
            forms.push(read_marked(token)?.phrase);
        }
        irregular_forms = Some(forms);
        rest = after[close + 1..].trim_start();
    }
    let mut code: Option<VerbCode> = None;
    if let Some(after) = rest.strip_prefix('[') {
        let close: usize = after
            .find(']')
            .ok_or_else(|| "`[` without closing `]`".to_string())?;
        code = Some(VerbCode::parse(&after[..close]));
        rest = after[close + 1..].trim_start();
    }
    if !rest.trim().is_empty() {
        return Err(format!("unexpected text `{}` after verb", rest.trim()));
    }
    let forms: Vec<Phrase> = all_forms(&marked, irregular_forms.as_deref());
    Ok(VerbEntry {
        loc: here.clone(),
        raw: text.to_string(),
        comment: line.comment.as_deref().map(str::to_string),
        phrase: marked.phrase,
        verb_index: marked.verb_index,
        marked_multiword: marked.marked,
        irregular_forms,
        forms,
        code,
        primary,
    })
}

/// Base form, then regular forms of the verb word (only without `{...}`), then the
/// irregular forms; duplicates removed.
fn all_forms(marked: &MarkedPhrase, irregular: Option<&[Phrase]>) -> Vec<Phrase> {
    let mut forms: Vec<Phrase> = vec![marked.phrase.clone()];
    match irregular {
        Some(given) => forms.extend(given.iter().cloned()),
        None => {
            if let Some(verb) = marked.phrase.words.get(marked.verb_index) {
                for form in verb_forms(verb).into_iter().skip(1) {
                    let mut phrase: Phrase = marked.phrase.clone();
                    phrase.words[marked.verb_index] = form;
                    forms.push(phrase);
                }
            }
        }
    }
    let mut unique: Vec<Phrase> = Vec::with_capacity(forms.len());
    for form in forms {
        if !unique.contains(&form) {
            unique.push(form);
        }
    }
    unique
}
