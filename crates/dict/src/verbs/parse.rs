//! Reader for verb dictionaries: the line-level state machine.

use std::collections::HashSet;
use std::sync::Arc;

use crate::code::VerbCode;
use crate::lines::{Line, loc, split_lines};
use crate::phrase::{Phrase, upper};
use crate::source::{DictWarning, Loaded, SourceLoc};

use super::entry::parse_verb_entry;
use super::pattern::parse_pattern;
use super::transform::parse_transformation;
use super::{
    PatternElement, PatternToken, Synset, SynsetMember, Transformation, VerbBlock, VerbDialect,
    VerbDictionary, VerbPattern,
};

/// Parse a verb dictionary, auto-detecting the pattern dialect for the file.
pub fn parse_verbs(file: &str, text: &str) -> Loaded<VerbDictionary> {
    parse_verbs_with_dialect(file, text, None)
}

/// Parse a verb dictionary; `dialect` forces the pattern syntax (`None`: detect: a file
/// with any `~` transformation or any pattern using `(` or `{` is PETRARCH-2).
/// Never panics; malformed lines become warnings and are skipped.
pub fn parse_verbs_with_dialect(
    file: &str,
    text: &str,
    dialect: Option<VerbDialect>,
) -> Loaded<VerbDictionary> {
    let file: Arc<str> = Arc::from(file);
    let split = split_lines(&file, text);
    let dialect: VerbDialect = dialect.unwrap_or_else(|| detect_dialect(&split.lines));
    let mut reader: Reader = Reader {
        file,
        dict: VerbDictionary {
            dialect,
            ..VerbDictionary::default()
        },
        warnings: split.warnings,
        in_synset: None,
    };
    for line in &split.lines {
        reader.line(line);
    }
    reader.drop_undefined_synsets();
    Loaded {
        dict: reader.dict,
        warnings: reader.warnings,
    }
}

/// PETRARCH-2 when a transformation or a bracketed pattern appears.
fn detect_dialect(lines: &[Line<'_>]) -> VerbDialect {
    let syntactic: bool = lines.iter().any(|l| {
        l.text.starts_with('~')
            || (l.text.starts_with('-')
                && !l.text.starts_with("---")
                && l.text.contains(['(', '{']))
    });
    if syntactic {
        VerbDialect::Petrarch2
    } else {
        VerbDialect::Tabari
    }
}

/// Parser state.
struct Reader {
    file: Arc<str>,
    dict: VerbDictionary,
    warnings: Vec<DictWarning>,
    /// `+` lines currently belong to a synset (not to the current block): `Some(Some(i))`
    /// adds them to `dict.synsets[i]`, `Some(None)` drops them (bad label).
    in_synset: Option<Option<usize>>,
}

impl Reader {
    fn warn(&mut self, here: &SourceLoc, message: impl Into<String>) {
        self.warnings.push(DictWarning::at(here, message));
    }

    /// Handle one content line.
    fn line(&mut self, line: &Line<'_>) {
        let here: SourceLoc = loc(&self.file, line.no);
        let text: &str = &line.text;
        if text.starts_with("---") {
            self.in_synset = None;
            self.header(here, line);
        } else if let Some(label) = text.strip_prefix('&') {
            self.synset_label(here, line, label);
        } else if let Some(member) = text.strip_prefix('+').filter(|_| self.in_synset.is_some()) {
            self.synset_member(here, line, member);
        } else if let Some(pattern) = text.strip_prefix('-') {
            self.in_synset = None;
            self.pattern(here, line, pattern);
        } else if let Some(body) = text.strip_prefix('~') {
            self.in_synset = None;
            self.transformation(here, line, body);
        } else {
            self.in_synset = None;
            self.verb(here, line);
        }
    }

    /// `--- NAME [code] [more codes] ---`
    fn header(&mut self, here: SourceLoc, line: &Line<'_>) {
        let inner: &str = line
            .text
            .trim_start_matches('-')
            .trim_end_matches('-')
            .trim();
        let name_end: usize = inner.find('[').unwrap_or(inner.len());
        let name: String = upper(inner[..name_end].trim());
        let mut codes: Vec<VerbCode> = Vec::new();
        let mut rest: &str = &inner[name_end..];
        while let Some(after) = rest.strip_prefix('[') {
            let Some(close) = after.find(']') else {
                self.warn(
                    &here,
                    "`[` without closing `]` in block header; code ignored",
                );
                break;
            };
            codes.push(VerbCode::parse(&after[..close]));
            rest = after[close + 1..].trim_start();
        }
        if !rest.trim().trim_matches('-').trim().is_empty() {
            self.warn(
                &here,
                format!("unexpected text `{}` in block header; ignored", rest.trim()),
            );
        }
        if name.is_empty() {
            self.warn(&here, "block header has no name");
        }
        let mut codes = codes.into_iter();
        let code: VerbCode = codes.next().unwrap_or_else(VerbCode::null);
        self.dict.blocks.push(VerbBlock {
            loc: here,
            raw: line.text.to_string(),
            name,
            code,
            extra_codes: codes.collect(),
            verbs: Vec::new(),
            patterns: Vec::new(),
        });
    }

    /// `&NAME` or `&NAME_`
    fn synset_label(&mut self, here: SourceLoc, line: &Line<'_>, label: &str) {
        let mut parts = label.split_whitespace();
        let word: &str = parts.next().unwrap_or("");
        if parts.next().is_some() {
            self.warn(&here, "text after synset label ignored");
        }
        let (name, no_plurals): (&str, bool) = match word.strip_suffix('_') {
            Some(stripped) => (stripped, true),
            None => (word, false),
        };
        if name.is_empty() || name.contains(['&', '[', '{', '(', '*']) {
            self.warn(&here, format!("bad synset label `&{word}`; synset skipped"));
            // Swallow its members so they are not read as verbs.
            self.in_synset = Some(None);
            return;
        }
        let name: String = upper(name);
        if let Some(index) = self.dict.synsets.iter().position(|s| s.name == name) {
            self.warn(
                &here,
                format!("synset &{name} defined again; members added to the first definition"),
            );
            self.in_synset = Some(Some(index));
            return;
        }
        self.in_synset = Some(Some(self.dict.synsets.len()));
        self.dict.synsets.push(Synset {
            loc: here,
            name,
            no_plurals,
            comment: line.comment.as_deref().map(str::to_string),
            members: Vec::new(),
        });
    }

    /// `+WORDS` inside a synset.
    fn synset_member(&mut self, here: SourceLoc, line: &Line<'_>, member: &str) {
        let raw: &str = member.trim();
        let Some(Some(index)) = self.in_synset else {
            return;
        };
        let Some(no_plurals) = self.dict.synsets.get(index).map(|s| s.no_plurals) else {
            return;
        };
        let member: SynsetMember = if let Some(reference) = raw.strip_prefix('&') {
            let name: String = upper(reference.trim_end_matches('_'));
            SynsetMember {
                loc: here.clone(),
                raw: raw.to_string(),
                comment: line.comment.as_deref().map(str::to_string),
                phrase: Phrase::default(),
                synset_ref: Some(name),
                forms: Vec::new(),
            }
        } else {
            let phrase: Phrase = Phrase::parse(raw);
            let mut forms: Vec<Phrase> = vec![phrase.clone()];
            if !no_plurals && let Some(plural) = phrase.regular_plural() {
                forms.push(plural);
            }
            SynsetMember {
                loc: here.clone(),
                raw: raw.to_string(),
                comment: line.comment.as_deref().map(str::to_string),
                phrase,
                synset_ref: None,
                forms,
            }
        };
        if member.synset_ref.is_none() && member.phrase.is_empty() {
            self.warn(&here, "empty synset member; skipped");
            return;
        }
        if member.raw.contains(['[', '{', '(', '*', '$', '%', '^']) {
            self.warn(
                &here,
                "synset members may only contain words; member skipped",
            );
            return;
        }
        if let Some(synset) = self.dict.synsets.get_mut(index) {
            synset.members.push(member);
        }
    }

    /// `- pattern [code] # comment`
    fn pattern(&mut self, here: SourceLoc, line: &Line<'_>, body: &str) {
        let dialect: VerbDialect = self.dict.dialect;
        let Some(block) = self.dict.blocks.last_mut() else {
            self.warn(&here, "pattern before any `---` verb block; skipped");
            return;
        };
        let Some(open) = body.find('[') else {
            self.warn(&here, "pattern has no [code]; skipped");
            return;
        };
        let Some(len) = body[open + 1..].find(']') else {
            self.warn(&here, "`[` without closing `]`; pattern skipped");
            return;
        };
        let close: usize = open + 1 + len;
        let after: &str = body[close + 1..].trim();
        let raw: &str = body[..open].trim();
        let code: VerbCode = VerbCode::parse(&body[open + 1..close]);
        match parse_pattern(raw, dialect) {
            Ok((lower, upper, verb_connected_before, verb_connected_after)) => {
                block.patterns.push(VerbPattern {
                    loc: here.clone(),
                    raw: raw.to_string(),
                    comment: line.comment.as_deref().map(str::to_string),
                    code,
                    dialect,
                    lower,
                    upper,
                    verb_connected_before,
                    verb_connected_after,
                });
                if !after.is_empty() {
                    self.warn(&here, format!("text `{after}` after pattern code ignored"));
                }
            }
            Err(message) => self.warn(&here, format!("{message}; pattern skipped")),
        }
    }

    /// `~ lhs = rhs`
    fn transformation(&mut self, here: SourceLoc, line: &Line<'_>, body: &str) {
        match parse_transformation(body) {
            Ok((lhs, rhs)) => self.dict.transformations.push(Transformation {
                loc: here,
                raw: body.trim().to_string(),
                comment: line.comment.as_deref().map(str::to_string),
                lhs,
                rhs,
            }),
            Err(message) => self.warn(&here, format!("{message}; line skipped")),
        }
    }

    /// A verb line inside a block.
    fn verb(&mut self, here: SourceLoc, line: &Line<'_>) {
        let Some(block) = self.dict.blocks.last_mut() else {
            self.warn(&here, "verb before any `---` verb block; skipped");
            return;
        };
        let primary: bool = block.verbs.is_empty();
        match parse_verb_entry(&here, line, primary) {
            Ok(entry) => block.verbs.push(entry),
            Err(message) => self.warn(&here, format!("{message}; verb skipped")),
        }
    }

    /// Remove placeholder synsets and patterns that use a synset never defined.
    fn drop_undefined_synsets(&mut self) {
        let defined: HashSet<String> = self.dict.synsets.iter().map(|s| s.name.clone()).collect();
        for synset in &self.dict.synsets {
            for member in &synset.members {
                if let Some(name) = &member.synset_ref
                    && !defined.contains(name)
                {
                    self.warnings.push(DictWarning::at(
                        &member.loc,
                        format!("synset &{name} is never defined; member unusable"),
                    ));
                }
            }
        }
        let mut dropped: Vec<DictWarning> = Vec::new();
        for block in &mut self.dict.blocks {
            block.patterns.retain(|p| {
                let missing: Option<String> = p
                    .lower
                    .iter()
                    .chain(p.upper.iter())
                    .find_map(|e| undefined_synset(e, &defined));
                match missing {
                    Some(name) => {
                        dropped.push(DictWarning::at(
                            &p.loc,
                            format!("synset &{name} is never defined; pattern skipped"),
                        ));
                        false
                    }
                    None => true,
                }
            });
        }
        dropped.sort_by_key(|w| w.line);
        self.warnings.extend(dropped);
    }
}

/// The first undefined synset used in `element`, if any.
fn undefined_synset(element: &PatternElement, defined: &HashSet<String>) -> Option<String> {
    match &element.token {
        PatternToken::Synset(name) if !defined.contains(name) => Some(name.clone()),
        PatternToken::NounPhrase(inner) => inner.iter().find_map(|e| undefined_synset(e, defined)),
        PatternToken::PrepPhrase { object, .. } => {
            object.iter().find_map(|e| undefined_synset(e, defined))
        }
        _ => None,
    }
}
