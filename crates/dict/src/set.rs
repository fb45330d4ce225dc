//! Loading dictionaries from files, singly or as a complete set.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::actors::{ActorDictionary, parse_actors};
use crate::agents::{AgentDictionary, parse_agents};
use crate::discards::{DiscardDictionary, parse_discards};
use crate::issues::{IssueDictionary, parse_issues};
use crate::source::{DictError, DictWarning, Loaded};
use crate::verbs::{VerbDictionary, parse_verbs};

/// Everything the coder needs, read from one set of files.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Dictionaries {
    /// The verb dictionary.
    pub verbs: VerbDictionary,
    /// All actor files combined, in the order given.
    pub actors: ActorDictionary,
    /// The agent dictionary.
    pub agents: AgentDictionary,
    /// The discard list.
    pub discards: DiscardDictionary,
    /// The issues list, when one was given.
    pub issues: Option<IssueDictionary>,
}

/// The files making up a dictionary set.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct DictionaryPaths {
    /// Verb dictionary file.
    pub verbs: PathBuf,
    /// Actor dictionary files, combined in this order.
    pub actors: Vec<PathBuf>,
    /// Agent dictionary file.
    pub agents: PathBuf,
    /// Discard list file.
    pub discards: PathBuf,
    /// Optional issues file.
    pub issues: Option<PathBuf>,
}

impl DictionaryPaths {
    /// The Phoenix / PETRARCH-2 production set in `dir`: `CAMEO.2.0.txt`, the three
    /// `Phoenix.*.actors.txt`, `Phoenix.agents.txt`, `Phoenix.discards.txt`,
    /// `Phoenix.IssueCoding.txt`.
    pub fn phoenix(dir: &Path) -> DictionaryPaths {
        DictionaryPaths {
            verbs: dir.join("CAMEO.2.0.txt"),
            actors: vec![
                dir.join("Phoenix.Countries.actors.txt"),
                dir.join("Phoenix.International.actors.txt"),
                dir.join("Phoenix.MilNonState.actors.txt"),
            ],
            agents: dir.join("Phoenix.agents.txt"),
            discards: dir.join("Phoenix.discards.txt"),
            issues: Some(dir.join("Phoenix.IssueCoding.txt")),
        }
    }

    /// The PETRARCH validation set in `dir`: `PETR.Validate.{verbs,actors,agents,
    /// discards}.txt`, no issues.
    pub fn petr_validate(dir: &Path) -> DictionaryPaths {
        DictionaryPaths {
            verbs: dir.join("PETR.Validate.verbs.txt"),
            actors: vec![dir.join("PETR.Validate.actors.txt")],
            agents: dir.join("PETR.Validate.agents.txt"),
            discards: dir.join("PETR.Validate.discards.txt"),
            issues: None,
        }
    }
}

/// Read a file as text (invalid UTF-8 is replaced, with a warning) and hand it to
/// `parse` under the file's name.
fn load_with<T>(path: &Path, parse: fn(&str, &str) -> Loaded<T>) -> Result<Loaded<T>, DictError> {
    let bytes: Vec<u8> = std::fs::read(path).map_err(|source| DictError::Io {
        path: path.to_path_buf(),
        source,
    })?;
    let name: String = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| path.display().to_string());
    match String::from_utf8(bytes) {
        Ok(text) => Ok(parse(&name, &text)),
        Err(err) => {
            let text: String = String::from_utf8_lossy(err.as_bytes()).into_owned();
            let mut loaded: Loaded<T> = parse(&name, &text);
            let line: u32 = first_bad_utf8_line(err.as_bytes());
            loaded.warnings.insert(
                0,
                DictWarning {
                    file: name.as_str().into(),
                    line,
                    message: "file is not valid UTF-8; bad bytes replaced with U+FFFD".to_string(),
                },
            );
            Ok(loaded)
        }
    }
}

/// 1-based line of the first invalid UTF-8 sequence.
fn first_bad_utf8_line(bytes: &[u8]) -> u32 {
    let valid_up_to: usize = match std::str::from_utf8(bytes) {
        Ok(_) => bytes.len(),
        Err(e) => e.valid_up_to(),
    };
    let newlines: usize = bytes[..valid_up_to].iter().filter(|b| **b == b'\n').count();
    u32::try_from(newlines)
        .unwrap_or(u32::MAX)
        .saturating_add(1)
}

/// Read a verb dictionary file (dialect auto-detected).
pub fn load_verbs(path: &Path) -> Result<Loaded<VerbDictionary>, DictError> {
    load_with(path, parse_verbs)
}

/// Read one actor dictionary file.
pub fn load_actors(path: &Path) -> Result<Loaded<ActorDictionary>, DictError> {
    load_with(path, parse_actors)
}

/// Read several actor files and combine them in order.
pub fn load_actors_files(paths: &[PathBuf]) -> Result<Loaded<ActorDictionary>, DictError> {
    let mut dict: ActorDictionary = ActorDictionary::default();
    let mut warnings: Vec<DictWarning> = Vec::new();
    for path in paths {
        let loaded: Loaded<ActorDictionary> = load_actors(path)?;
        dict.extend(loaded.dict);
        warnings.extend(loaded.warnings);
    }
    Ok(Loaded { dict, warnings })
}

/// Read an agent dictionary file.
pub fn load_agents(path: &Path) -> Result<Loaded<AgentDictionary>, DictError> {
    load_with(path, parse_agents)
}

/// Read a discard list file.
pub fn load_discards(path: &Path) -> Result<Loaded<DiscardDictionary>, DictError> {
    load_with(path, parse_discards)
}

/// Read an issues file.
pub fn load_issues(path: &Path) -> Result<Loaded<IssueDictionary>, DictError> {
    load_with(path, parse_issues)
}

/// Read a whole set. Fails only when a file cannot be read; warnings from all files are
/// collected in the order verbs, actors, agents, discards, issues.
pub fn load_set(paths: &DictionaryPaths) -> Result<Loaded<Dictionaries>, DictError> {
    let mut warnings: Vec<DictWarning> = Vec::new();
    let verbs: Loaded<VerbDictionary> = load_verbs(&paths.verbs)?;
    warnings.extend(verbs.warnings);
    let actors: Loaded<ActorDictionary> = load_actors_files(&paths.actors)?;
    warnings.extend(actors.warnings);
    let agents: Loaded<AgentDictionary> = load_agents(&paths.agents)?;
    warnings.extend(agents.warnings);
    let discards: Loaded<DiscardDictionary> = load_discards(&paths.discards)?;
    warnings.extend(discards.warnings);
    let issues: Option<IssueDictionary> = match &paths.issues {
        Some(path) => {
            let loaded: Loaded<IssueDictionary> = load_issues(path)?;
            warnings.extend(loaded.warnings);
            Some(loaded.dict)
        }
        None => None,
    };
    Ok(Loaded {
        dict: Dictionaries {
            verbs: verbs.dict,
            actors: actors.dict,
            agents: agents.dict,
            discards: discards.dict,
            issues,
        },
        warnings,
    })
}
