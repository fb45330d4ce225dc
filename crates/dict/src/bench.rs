//! Timed loading of a full dictionary set, for the lead's benchmarks.

use std::path::Path;
use std::time::{Duration, Instant};

use serde::{Deserialize, Serialize};

use crate::set::{Dictionaries, DictionaryPaths, load_set};
use crate::source::{DictError, Loaded};

/// What a timed load produced.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LoadReport {
    /// Wall time for reading and parsing all files.
    pub elapsed: Duration,
    /// Counts of what was read.
    pub counts: SetCounts,
    /// Number of warnings.
    pub warning_count: usize,
}

/// Sizes of a loaded set.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct SetCounts {
    /// Verb synsets.
    pub synsets: usize,
    /// Verb blocks.
    pub verb_blocks: usize,
    /// Verb lines.
    pub verbs: usize,
    /// Verb patterns.
    pub patterns: usize,
    /// Transformations.
    pub transformations: usize,
    /// Actor records.
    pub actors: usize,
    /// Actor names (primary + synonyms).
    pub actor_names: usize,
    /// Agent records.
    pub agents: usize,
    /// Discard phrases.
    pub discards: usize,
    /// Issue entries (codes and ignores).
    pub issues: usize,
}

impl SetCounts {
    /// Count the parts of `dicts`.
    pub fn of(dicts: &Dictionaries) -> SetCounts {
        SetCounts {
            synsets: dicts.verbs.synsets.len(),
            verb_blocks: dicts.verbs.blocks.len(),
            verbs: dicts.verbs.verb_count(),
            patterns: dicts.verbs.pattern_count(),
            transformations: dicts.verbs.transformations.len(),
            actors: dicts.actors.entries.len(),
            actor_names: dicts.actors.name_count(),
            agents: dicts.agents.entries.len(),
            discards: dicts.discards.entries.len(),
            issues: dicts.issues.as_ref().map_or(0, |i| i.entries.len()),
        }
    }
}

/// Load `paths` and time it.
pub fn time_load(paths: &DictionaryPaths) -> Result<(Loaded<Dictionaries>, LoadReport), DictError> {
    let start: Instant = Instant::now();
    let loaded: Loaded<Dictionaries> = load_set(paths)?;
    let elapsed: Duration = start.elapsed();
    let report: LoadReport = LoadReport {
        elapsed,
        counts: SetCounts::of(&loaded.dict),
        warning_count: loaded.warnings.len(),
    };
    Ok((loaded, report))
}

/// Load the Phoenix production set from `dir` (see [`DictionaryPaths::phoenix`]) and
/// time it.
pub fn time_phoenix_load(dir: &Path) -> Result<(Loaded<Dictionaries>, LoadReport), DictError> {
    time_load(&DictionaryPaths::phoenix(dir))
}
