//! Reader for agent dictionaries.

use std::sync::Arc;

use crate::code::{AgentCode, AgentPosition};
use crate::lines::{Line, loc, split_lines};
use crate::phrase::{Phrase, upper};
use crate::source::{DictWarning, Loaded, SourceLoc};

use super::{AgentDictionary, AgentEntry, Substitution};

/// Parse agent dictionary text. `file` names the source in locations and warnings.
/// Never panics; malformed lines become warnings and are skipped.
///
/// Records are `PHRASE {optional plural} [~CODE]` (or `[CODE~]`); lines
/// `!NAME! = A, B, C` define substitution markers used inside phrases.
pub fn parse_agents(file: &str, text: &str) -> Loaded<AgentDictionary> {
    let file: Arc<str> = Arc::from(file);
    let split = split_lines(&file, text);
    let mut warnings: Vec<DictWarning> = split.warnings;
    let mut dict: AgentDictionary = AgentDictionary::default();
    for line in &split.lines {
        let here: SourceLoc = loc(&file, line.no);
        let mut repairs: Vec<String> = Vec::new();
        let result: Result<(), String> = if line.text.contains('!') && line.text.contains('=') {
            parse_substitution(&here, &line.text).map(|s| dict.substitutions.push(s))
        } else {
            parse_entry(&here, line, &dict.substitutions, &mut repairs)
                .map(|e| dict.entries.push(e))
        };
        for repair in repairs {
            warnings.push(DictWarning::at(&here, repair));
        }
        if let Err(message) = result {
            warnings.push(DictWarning::at(&here, format!("{message}; line skipped")));
        }
    }
    Loaded { dict, warnings }
}

/// `!NAME! = A, B, C`.
fn parse_substitution(here: &SourceLoc, text: &str) -> Result<Substitution, String> {
    let (left, right): (&str, &str) = text
        .split_once('=')
        .ok_or_else(|| "substitution marker without `=`".to_string())?;
    let name: &str = left
        .trim()
        .strip_prefix('!')
        .and_then(|s| s.strip_suffix('!'))
        .ok_or_else(|| {
            format!(
                "substitution marker `{}` is not of the form !NAME!",
                left.trim()
            )
        })?;
    if name.is_empty() || name.contains('!') {
        return Err(format!("bad substitution marker name `{}`", left.trim()));
    }
    let values: Vec<String> = right
        .split(',')
        .map(|v| upper(&v.split_whitespace().collect::<String>()))
        .filter(|v| !v.is_empty())
        .collect();
    if values.is_empty() {
        return Err(format!("substitution marker !{name}! has no values"));
    }
    Ok(Substitution {
        loc: here.clone(),
        name: upper(name),
        values,
    })
}

/// `PHRASE {plural} [code]`.
fn parse_entry(
    here: &SourceLoc,
    line: &Line<'_>,
    substitutions: &[Substitution],
    repairs: &mut Vec<String>,
) -> Result<AgentEntry, String> {
    let text: &str = &line.text;
    let open: usize = text
        .find('[')
        .ok_or_else(|| "agent has no [code] (codes are required for agents)".to_string())?;
    let close: usize = match text[open..].find(']') {
        Some(p) => p + open,
        // `[~ENV}`: a typo PETRARCH tolerates; read `}` as `]` and say so.
        None => match text[open..].find('}') {
            Some(p) => {
                repairs.push("code `[` closed by `}`; read as `]`".to_string());
                p + open
            }
            None => return Err("`[` without closing `]`".to_string()),
        },
    };
    let code: AgentCode = parse_agent_code(&text[open + 1..close])?;
    if !text[close + 1..].trim().is_empty() {
        repairs.push(format!(
            "text `{}` after code ignored",
            text[close + 1..].trim()
        ));
    }
    let before: &str = &text[..open];
    let (phrase_text, plurals): (&str, Option<Vec<Phrase>>) = match before.find('{') {
        Some(brace) => {
            let end: usize = before[brace..]
                .find('}')
                .map(|p| p + brace)
                .ok_or_else(|| "missing `}`".to_string())?;
            let inner: &str = before[brace + 1..end].trim();
            let plurals: Vec<Phrase> = if inner.is_empty() {
                Vec::new()
            } else {
                vec![Phrase::parse(inner)]
            };
            (&before[..brace], Some(plurals))
        }
        None => (before, None),
    };
    let raw: &str = phrase_text.trim();
    let phrase: Phrase = Phrase::parse(raw);
    if phrase.is_empty() {
        return Err("agent has no phrase".to_string());
    }
    let forms: Vec<Phrase> = agent_forms(&phrase, plurals.as_deref(), substitutions)?;
    Ok(AgentEntry {
        loc: here.clone(),
        raw: raw.to_string(),
        comment: line.comment.as_deref().map(str::to_string),
        phrase,
        plurals,
        code,
        forms,
    })
}

/// `~GOV` → suffix, `NGO~` → prefix.
fn parse_agent_code(inner: &str) -> Result<AgentCode, String> {
    let inner: &str = inner.trim();
    let (code, position): (&str, AgentPosition) = if let Some(c) = inner.strip_prefix('~') {
        (c, AgentPosition::Suffix)
    } else if let Some(c) = inner.strip_suffix('~') {
        (c, AgentPosition::Prefix)
    } else {
        return Err(format!("agent code `[{inner}]` has no `~`"));
    };
    let code: &str = code.trim();
    if code.is_empty() || code.contains(['~', ' ', '\t']) {
        return Err(format!("bad agent code `[{inner}]`"));
    }
    Ok(AgentCode {
        code: upper(code),
        position,
    })
}

/// Expand markers; add plurals for unmarked phrases.
fn agent_forms(
    phrase: &Phrase,
    plurals: Option<&[Phrase]>,
    substitutions: &[Substitution],
) -> Result<Vec<Phrase>, String> {
    if phrase.words.iter().any(|w| w.contains('!')) {
        return expand_markers(phrase, substitutions);
    }
    let mut forms: Vec<Phrase> = vec![phrase.clone()];
    match plurals {
        Some(given) => forms.extend(given.iter().cloned()),
        None => forms.extend(phrase.regular_plural()),
    }
    Ok(forms)
}

/// Replace each `!NAME!` inside words by every value of the set (no plurals).
fn expand_markers(phrase: &Phrase, substitutions: &[Substitution]) -> Result<Vec<Phrase>, String> {
    let mut done: Vec<Phrase> = Vec::new();
    let mut pending: Vec<Phrase> = vec![phrase.clone()];
    // Each round removes one marker from every pending phrase; the bound stops loops.
    for _ in 0..8 {
        let mut next: Vec<Phrase> = Vec::new();
        for candidate in pending {
            let Some((index, word)) = candidate
                .words
                .iter()
                .enumerate()
                .find(|(_, w)| w.contains('!'))
            else {
                done.push(candidate);
                continue;
            };
            let start: usize = word.find('!').unwrap_or(0);
            let Some(len) = word[start + 1..].find('!') else {
                return Err(format!(
                    "substitution marker in `{word}` is not closed with `!`"
                ));
            };
            let name: &str = &word[start + 1..start + 1 + len];
            let set: &Substitution = substitutions
                .iter()
                .find(|s| s.name == name)
                .ok_or_else(|| format!("substitution marker !{name}! is not defined"))?;
            for value in &set.values {
                let mut replaced: Phrase = candidate.clone();
                let new_word: String =
                    format!("{}{}{}", &word[..start], value, &word[start + len + 2..]);
                replaced.words[index] = new_word;
                next.push(replaced);
            }
        }
        if next.is_empty() {
            return Ok(done);
        }
        pending = next;
    }
    Err("too many nested substitution markers".to_string())
}
