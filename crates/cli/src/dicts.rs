//! Which dictionaries a command uses: explicit files, a directory, or a PETRARCH
//! `<Environment>`.

use std::path::{Path, PathBuf};

use annalist_dict::{Dictionaries, DictionaryPaths, Loaded, load_set};
use clap::Args;

use crate::report::warn;

/// Dictionary flags shared by the commands that code.
#[derive(Debug, Clone, Args)]
pub struct DictArgs {
    /// Directory holding a Phoenix-style set (CAMEO.2.0.txt, Phoenix.*.txt); single-file
    /// flags below override its members.
    #[arg(long, value_name = "DIR")]
    pub dict_dir: Option<PathBuf>,
    /// Verb dictionary (PETRARCH-2 or TABARI/PETRARCH-1 patterns).
    #[arg(long, value_name = "FILE")]
    pub verbs: Option<PathBuf>,
    /// Actor dictionary; repeat for several.
    #[arg(long, value_name = "FILE")]
    pub actors: Vec<PathBuf>,
    /// Agent dictionary.
    #[arg(long, value_name = "FILE")]
    pub agents: Option<PathBuf>,
    /// Discard dictionary.
    #[arg(long, value_name = "FILE")]
    pub discards: Option<PathBuf>,
    /// Issue dictionary.
    #[arg(long, value_name = "FILE")]
    pub issues: Option<PathBuf>,
}

impl DictArgs {
    /// True when the user named any dictionary at all.
    pub fn any(&self) -> bool {
        self.dict_dir.is_some()
            || self.verbs.is_some()
            || !self.actors.is_empty()
            || self.agents.is_some()
            || self.discards.is_some()
            || self.issues.is_some()
    }

    /// The paths to load: the directory's Phoenix set with single-file overrides.
    pub fn paths(&self) -> Result<DictionaryPaths, String> {
        let mut paths: DictionaryPaths = match &self.dict_dir {
            Some(dir) => DictionaryPaths::phoenix(dir),
            None => {
                let verbs: PathBuf = self
                    .verbs
                    .clone()
                    .ok_or("no verb dictionary: give --verbs FILE or --dict-dir DIR".to_string())?;
                DictionaryPaths {
                    verbs,
                    ..DictionaryPaths::default()
                }
            }
        };
        if let Some(verbs) = &self.verbs {
            paths.verbs = verbs.clone();
        }
        if !self.actors.is_empty() {
            paths.actors = self.actors.clone();
        }
        if let Some(agents) = &self.agents {
            paths.agents = agents.clone();
        }
        if let Some(discards) = &self.discards {
            paths.discards = discards.clone();
        }
        if self.issues.is_some() {
            paths.issues = self.issues.clone();
        }
        Ok(paths)
    }
}

/// Loads a set, printing every dictionary warning with its file:line.
pub fn load(paths: &DictionaryPaths) -> Result<Dictionaries, String> {
    let loaded: Loaded<Dictionaries> = load_set(paths).map_err(|e| e.to_string())?;
    for warning in &loaded.warnings {
        warn(warning);
    }
    Ok(loaded.dict)
}

/// The dictionaries a PETRARCH `<Environment>` names, looked up in `dir`.
pub fn from_environment(
    environment: &annalist_ingest::Environment,
    dir: &Path,
) -> Result<DictionaryPaths, String> {
    let file = |name: &Option<String>, what: &str| -> Result<PathBuf, String> {
        name.as_deref()
            .map(|n| dir.join(n.trim()))
            .ok_or(format!("the <Environment> names no {what} file"))
    };
    Ok(DictionaryPaths {
        verbs: file(&environment.verbfile, "Verbfile")?,
        actors: environment
            .actorfiles
            .iter()
            .map(|n| dir.join(n.trim()))
            .collect(),
        agents: file(&environment.agentfile, "Agentfile")?,
        discards: file(&environment.discardfile, "Discardfile")?,
        issues: environment.issuefile.as_deref().map(|n| dir.join(n.trim())),
    })
}

/// annalist's own dictionaries, compiled into the binary.
pub fn embedded_defaults() -> Result<Dictionaries, String> {
    let loaded: Loaded<Dictionaries> = annalist_dict::defaults::load_defaults();
    for warning in &loaded.warnings {
        warn(warning);
    }
    Ok(loaded.dict)
}

/// The dictionaries a coding command uses: the user's when named, else the embedded set.
pub fn for_coding(args: &DictArgs) -> Result<Dictionaries, String> {
    if args.any() {
        load(&args.paths()?)
    } else {
        embedded_defaults()
    }
}
