//! Dictionary lint: problems a reader tolerates but a dictionary maintainer wants to fix.
//!
//! The readers already warn about lines they cannot read (bad dates, missing codes,
//! undefined synsets). The lint adds what needs the whole dictionary: codes the codebook
//! does not know, names and patterns written twice, and patterns that can never fire
//! because an identical earlier one in the same block always wins.

use std::collections::HashMap;
use std::fmt;

use crate::code::{DateRestriction, VerbCode};
use crate::set::Dictionaries;
use crate::source::SourceLoc;
use crate::verbs::VerbBlock;

/// How much a finding matters.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    /// Coding is wrong or impossible where this applies.
    Error,
    /// Probably a mistake; coding is unaffected or merely redundant.
    Warning,
}

/// One finding, at a file and line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LintFinding {
    pub loc: SourceLoc,
    pub severity: Severity,
    pub message: String,
}

impl fmt::Display for LintFinding {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let level: &str = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        write!(f, "{}: {level}: {}", self.loc, self.message)
    }
}

/// Lints a set. `is_event_code` says whether a verb code is a known event code (the
/// caller passes the CAMEO codebook, so this crate stays independent of it).
pub fn lint(dicts: &Dictionaries, is_event_code: &dyn Fn(&str) -> bool) -> Vec<LintFinding> {
    let mut findings: Vec<LintFinding> = Vec::new();
    for block in &dicts.verbs.blocks {
        lint_block(block, is_event_code, &mut findings);
    }
    lint_actors(dicts, &mut findings);
    lint_agents(dicts, &mut findings);
    findings.sort_by(|a, b| a.loc.cmp(&b.loc).then(a.message.cmp(&b.message)));
    findings
}

fn check_code(
    code: &VerbCode,
    loc: &SourceLoc,
    is_event_code: &dyn Fn(&str) -> bool,
    out: &mut Vec<LintFinding>,
) {
    for part in [&code.primary, &code.secondary].into_iter().flatten() {
        if !is_event_code(part) {
            out.push(LintFinding {
                loc: loc.clone(),
                severity: Severity::Error,
                message: format!("unknown event code `{part}` in [{}]", code.raw),
            });
        }
    }
}

fn lint_block(block: &VerbBlock, is_event_code: &dyn Fn(&str) -> bool, out: &mut Vec<LintFinding>) {
    check_code(&block.code, &block.loc, is_event_code, out);
    for verb in &block.verbs {
        if let Some(code) = &verb.code {
            check_code(code, &verb.loc, is_event_code, out);
        }
    }
    // Patterns are tried in file order; an identical earlier pattern shadows a later one.
    let mut first_seen: HashMap<&str, &SourceLoc> = HashMap::new();
    for pattern in &block.patterns {
        check_code(&pattern.code, &pattern.loc, is_event_code, out);
        let key: &str = pattern.raw.as_str();
        match first_seen.get(key) {
            Some(earlier) => out.push(LintFinding {
                loc: pattern.loc.clone(),
                severity: Severity::Warning,
                message: format!(
                    "unreachable pattern `{}` in block {}: the same pattern at {earlier} always matches first",
                    pattern.raw, block.name
                ),
            }),
            None => {
                first_seen.insert(key, &pattern.loc);
            }
        }
    }
}

fn lint_actors(dicts: &Dictionaries, out: &mut Vec<LintFinding>) {
    let mut names: HashMap<String, (&SourceLoc, Vec<String>)> = HashMap::new();
    for entry in &dicts.actors.entries {
        let codes: Vec<String> = entry
            .codes
            .iter()
            .flat_map(|c| c.codes.iter().cloned())
            .collect();
        for code in &entry.codes {
            for value in &code.codes {
                if !is_actor_code(value) {
                    out.push(LintFinding {
                        loc: code.loc.clone(),
                        severity: Severity::Error,
                        message: format!("malformed actor code `{value}`"),
                    });
                }
            }
            if let DateRestriction::Between(from, to) = code.restriction
                && from.0 > to.0
            {
                out.push(LintFinding {
                    loc: code.loc.clone(),
                    severity: Severity::Error,
                    message: format!("date range ends before it starts: [{}]", code.raw),
                });
            }
        }
        for name in &entry.names {
            let key: String = name.phrase.text();
            match names.get(&key) {
                Some((earlier, earlier_codes)) => out.push(LintFinding {
                    loc: name.loc.clone(),
                    severity: if *earlier_codes == codes {
                        Severity::Warning
                    } else {
                        Severity::Error
                    },
                    message: format!(
                        "actor name `{}` already defined at {earlier}{}",
                        name.raw,
                        if *earlier_codes == codes {
                            " with the same codes"
                        } else {
                            " with other codes; the first wins"
                        }
                    ),
                }),
                None => {
                    names.insert(key, (&name.loc, codes.clone()));
                }
            }
        }
    }
}

fn lint_agents(dicts: &Dictionaries, out: &mut Vec<LintFinding>) {
    let mut seen: HashMap<String, &SourceLoc> = HashMap::new();
    for entry in &dicts.agents.entries {
        let key: String = entry.phrase.text();
        if let Some(earlier) = seen.get(&key) {
            out.push(LintFinding {
                loc: entry.loc.clone(),
                severity: Severity::Warning,
                message: format!(
                    "agent `{}` already defined at {earlier}; the first wins",
                    entry.raw
                ),
            });
        } else {
            seen.insert(key, &entry.loc);
        }
    }
}

/// Actor codes are upper-case letters, digits and `-` (the null country `---`), or a
/// quoted new-actor phrase.
fn is_actor_code(code: &str) -> bool {
    !code.is_empty()
        && (code.starts_with('"')
            || code
                .bytes()
                .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit() || b == b'-'))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{parse_actors, parse_agents, parse_verbs};

    fn set(verbs: &str, actors: &str, agents: &str) -> Dictionaries {
        Dictionaries {
            verbs: parse_verbs("v.txt", verbs).dict,
            actors: parse_actors("a.txt", actors).dict,
            agents: parse_agents("g.txt", agents).dict,
            ..Dictionaries::default()
        }
    }

    fn known(code: &str) -> bool {
        matches!(code, "010" | "112" | "190")
    }

    #[test]
    fn unknown_codes_duplicates_and_unreachable_patterns_are_found() {
        let dicts: Dictionaries = set(
            "--- BLAME [112] ---\nBLAME\n- * RIVALS [999]\n- * RIVALS [112]\n--- SAY [010] ---\nSAY\n",
            "ATLANTIS [ATL]\nATLANTIS [ATX]\nMU [mu*]\nLEMURIA\n  [LEM 20200101-20100101]\n",
            "SPOKESMAN [~GOV]\nSPOKESMAN [~GOV]\n",
        );
        let findings: Vec<LintFinding> = lint(&dicts, &known);
        let text: Vec<String> = findings.iter().map(ToString::to_string).collect();
        let has = |needle: &str| text.iter().any(|t| t.contains(needle));
        assert!(has("v.txt:3: error: unknown event code `999`"), "{text:#?}");
        assert!(
            has("v.txt:4: warning: unreachable pattern `* RIVALS`"),
            "{text:#?}"
        );
        assert!(
            has(
                "a.txt:2: error: actor name `ATLANTIS` already defined at a.txt:1 with other codes"
            ),
            "{text:#?}"
        );
        assert!(
            has("g.txt:2: warning: agent `SPOKESMAN` already defined"),
            "{text:#?}"
        );
        assert!(!has("SAY"), "a clean block gives nothing: {text:#?}");
    }

    #[test]
    fn actor_codes_are_checked_for_shape() {
        assert!(is_actor_code("RUSGOV"));
        assert!(is_actor_code("---GOV"));
        assert!(is_actor_code("\"NEW ACTOR\""));
        assert!(!is_actor_code("rus gov"));
        assert!(!is_actor_code(""));
    }
}
