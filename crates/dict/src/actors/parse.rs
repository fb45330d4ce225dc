//! Reader for actor dictionaries (TABARI / PETRARCH format).

use std::sync::Arc;

use crate::code::ActorCode;
use crate::lines::{Line, loc, split_lines};
use crate::phrase::Phrase;
use crate::source::{DictWarning, Loaded, SourceLoc};

use super::dates::parse_actor_code;
use super::{ActorDictionary, ActorEntry, ActorName};

/// Parse actor dictionary text. `file` names the source in locations and warnings.
/// Never panics; malformed lines become warnings and are skipped.
///
/// A line starting with `[` (usually indented) adds a code to the current actor; a line
/// starting with `+` adds a synonym; any other line starts a new actor, optionally with
/// codes in `[...]` after the name.
pub fn parse_actors(file: &str, text: &str) -> Loaded<ActorDictionary> {
    let file: Arc<str> = Arc::from(file);
    let split = split_lines(&file, text);
    let mut warnings: Vec<DictWarning> = split.warnings;
    let mut entries: Vec<ActorEntry> = Vec::new();
    for line in &split.lines {
        let here: SourceLoc = loc(&file, line.no);
        if line.text.starts_with('[') {
            match entries.last_mut() {
                Some(entry) => add_codes(&here, &line.text, &mut entry.codes, &mut warnings),
                None => warnings.push(DictWarning::at(
                    &here,
                    "code line before any actor name; skipped",
                )),
            }
            continue;
        }
        if let Some(synonym) = line.text.strip_prefix('+') {
            let Some(entry) = entries.last_mut() else {
                warnings.push(DictWarning::at(
                    &here,
                    "synonym before any actor name; skipped",
                ));
                continue;
            };
            if let Some(name) =
                read_name(&here, line, synonym, true, &mut entry.codes, &mut warnings)
            {
                entry.names.push(name);
            }
            continue;
        }
        let mut codes: Vec<ActorCode> = Vec::new();
        if let Some(name) = read_name(&here, line, &line.text, false, &mut codes, &mut warnings) {
            entries.push(ActorEntry {
                loc: here,
                names: vec![name],
                codes,
            });
        }
    }
    Loaded {
        dict: ActorDictionary { entries },
        warnings,
    }
}

/// Read a name (with optional trailing code brackets) from `body`.
fn read_name(
    here: &SourceLoc,
    line: &Line<'_>,
    body: &str,
    synonym: bool,
    codes: &mut Vec<ActorCode>,
    warnings: &mut Vec<DictWarning>,
) -> Option<ActorName> {
    let (name_part, code_part): (&str, &str) = match body.find('[') {
        Some(pos) => (&body[..pos], &body[pos..]),
        None => (body, ""),
    };
    let raw: &str = name_part.trim();
    let phrase: Phrase = Phrase::parse(raw);
    if phrase.is_empty() {
        warnings.push(DictWarning::at(here, "actor line has no name; skipped"));
        return None;
    }
    if !code_part.is_empty() {
        add_codes(here, code_part, codes, warnings);
    }
    Some(ActorName {
        loc: here.clone(),
        raw: raw.to_string(),
        comment: line.comment.as_deref().map(str::to_string),
        phrase,
        synonym,
    })
}

/// Parse one or more `[...]` groups from `text` into `codes`.
fn add_codes(
    here: &SourceLoc,
    text: &str,
    codes: &mut Vec<ActorCode>,
    warnings: &mut Vec<DictWarning>,
) {
    let mut rest: &str = text.trim();
    while !rest.is_empty() {
        let Some(after_open) = rest.strip_prefix('[') else {
            warnings.push(DictWarning::at(
                here,
                format!("unexpected text `{rest}` after actor code; ignored"),
            ));
            return;
        };
        let Some(close) = after_open.find(']') else {
            warnings.push(DictWarning::at(
                here,
                "`[` without closing `]`; code skipped",
            ));
            return;
        };
        let inner: &str = &after_open[..close];
        match parse_actor_code(inner) {
            Ok((list, restriction)) => codes.push(ActorCode {
                loc: here.clone(),
                raw: inner.trim().to_string(),
                codes: list,
                restriction,
            }),
            Err(message) => {
                warnings.push(DictWarning::at(here, format!("{message}; code skipped")))
            }
        }
        rest = after_open[close + 1..].trim_start();
    }
}
