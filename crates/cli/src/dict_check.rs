//! `annalist dict check`: lint a dictionary folder (or the embedded set) with file:line.

use std::path::{Path, PathBuf};

use annalist_dict::lint::{LintFinding, Severity, lint};
use annalist_dict::{Dictionaries, DictionaryPaths, Loaded, load_set};
use clap::{Args, Subcommand};

use crate::report::Outcome;

#[derive(Debug, Args)]
pub struct DictArgs {
    #[command(subcommand)]
    pub command: DictCommand,
}

#[derive(Debug, Subcommand)]
pub enum DictCommand {
    /// Report unknown codes, duplicates, unreachable patterns and bad dates, with file:line.
    Check {
        /// Folder of PETRARCH-format dictionaries; files are recognised by name
        /// (verbs/CAMEO, actors, agents, discards, issues). Omit to check the embedded set.
        dir: Option<PathBuf>,
    },
}

pub fn run(args: &DictArgs) -> Result<Outcome, String> {
    match &args.command {
        DictCommand::Check { dir } => check(dir.as_deref()),
    }
}

fn check(dir: Option<&Path>) -> Result<Outcome, String> {
    let loaded: Loaded<Dictionaries> = match dir {
        Some(dir) => load_set(&paths_in(dir)?).map_err(|e| e.to_string())?,
        None => annalist_dict::defaults::load_defaults(),
    };
    let mut errors: usize = 0;
    for warning in &loaded.warnings {
        println!(
            "{}:{}: warning: {}",
            warning.file, warning.line, warning.message
        );
    }
    let is_event_code = |code: &str| annalist_codebook::lookup_exact(code).is_some();
    let findings: Vec<LintFinding> = lint(&loaded.dict, &is_event_code);
    for finding in &findings {
        println!("{finding}");
        errors += usize::from(finding.severity == Severity::Error);
    }
    println!(
        "{} reader warnings, {} lint findings ({errors} errors)",
        loaded.warnings.len(),
        findings.len()
    );
    Ok(Outcome::from_failures(errors))
}

/// Which file of `dir` plays which part, by name.
fn paths_in(dir: &Path) -> Result<DictionaryPaths, String> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .map_err(|e| format!("{}: {e}", dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.is_file())
        .collect();
    files.sort();
    let named = |needles: &[&str]| -> Vec<PathBuf> {
        files
            .iter()
            .filter(|p| {
                let name: String = p
                    .file_name()
                    .map(|n| n.to_string_lossy().to_lowercase())
                    .unwrap_or_default();
                needles.iter().any(|n| name.contains(n))
            })
            .cloned()
            .collect()
    };
    let one = |needles: &[&str], what: &str| -> Result<PathBuf, String> {
        named(needles).into_iter().next().ok_or(format!(
            "{}: no {what} dictionary (a file whose name contains {needles:?})",
            dir.display()
        ))
    };
    Ok(DictionaryPaths {
        verbs: one(&["verb", "cameo"], "verb")?,
        actors: named(&["actor"]),
        agents: one(&["agent"], "agent")?,
        discards: one(&["discard"], "discard")?,
        issues: named(&["issue"]).into_iter().next(),
    })
}
