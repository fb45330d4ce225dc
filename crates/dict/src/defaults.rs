//! annalist's own default dictionaries, compiled into the binary.
//!
//! The files live in `crates/dict/defaults/` (see the README there); they are written for
//! annalist in the PETRARCH formats, so the same readers serve them and users' files.

use std::sync::Arc;

use crate::set::Dictionaries;
use crate::source::{DictWarning, Loaded};
use crate::{parse_actors, parse_agents, parse_discards, parse_issues, parse_verbs};

/// One embedded dictionary file: its name (used in `file:line` provenance) and text.
#[derive(Debug, Clone, Copy)]
pub struct EmbeddedFile {
    pub name: &'static str,
    pub text: &'static str,
}

pub const VERBS: EmbeddedFile = EmbeddedFile {
    name: "annalist.verbs.txt",
    text: include_str!("../defaults/verbs.txt"),
};
pub const ACTORS: EmbeddedFile = EmbeddedFile {
    name: "annalist.actors.txt",
    text: include_str!("../defaults/actors.txt"),
};
pub const AGENTS: EmbeddedFile = EmbeddedFile {
    name: "annalist.agents.txt",
    text: include_str!("../defaults/agents.txt"),
};
pub const DISCARDS: EmbeddedFile = EmbeddedFile {
    name: "annalist.discards.txt",
    text: include_str!("../defaults/discards.txt"),
};
pub const ISSUES: EmbeddedFile = EmbeddedFile {
    name: "annalist.issues.txt",
    text: include_str!("../defaults/issues.txt"),
};

/// Every embedded file, for `dict check` and tests.
pub const ALL: [EmbeddedFile; 5] = [VERBS, ACTORS, AGENTS, DISCARDS, ISSUES];

/// Reads the embedded default set. Warnings name the embedded file and line.
pub fn load_defaults() -> Loaded<Dictionaries> {
    let mut warnings: Vec<DictWarning> = Vec::new();
    let mut take = |w: Vec<DictWarning>| warnings.extend(w);
    let verbs = parse_verbs(VERBS.name, VERBS.text);
    take(verbs.warnings);
    let actors = parse_actors(ACTORS.name, ACTORS.text);
    take(actors.warnings);
    let agents = parse_agents(AGENTS.name, AGENTS.text);
    take(agents.warnings);
    let discards = parse_discards(DISCARDS.name, DISCARDS.text);
    take(discards.warnings);
    let issues = parse_issues(ISSUES.name, ISSUES.text);
    take(issues.warnings);
    Loaded {
        dict: Dictionaries {
            verbs: verbs.dict,
            actors: actors.dict,
            agents: agents.dict,
            discards: discards.dict,
            issues: Some(issues.dict),
        },
        warnings,
    }
}

/// Names the embedded files use in provenance, for callers that want to tell them apart.
pub fn is_embedded(file: &Arc<str>) -> bool {
    ALL.iter().any(|f| f.name == file.as_ref())
}
