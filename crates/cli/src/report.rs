//! How a command ended, and how problems are printed.

use std::fmt::Display;
use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::Path;

/// A command that ran to its end says whether every input went through.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// Everything was read and coded.
    Clean,
    /// Some inputs or records failed; each was reported on stderr and skipped.
    SomeFailed,
}

impl Outcome {
    pub fn from_failures(failures: usize) -> Outcome {
        if failures == 0 {
            Outcome::Clean
        } else {
            Outcome::SomeFailed
        }
    }
}

/// One line on stderr per problem, prefixed so it can be grepped.
pub fn warn(problem: impl Display) {
    eprintln!("annalist: warning: {problem}");
}

/// A buffered writer to `path`, or to standard output when there is none.
pub fn output(path: Option<&Path>) -> Result<Box<dyn Write>, String> {
    Ok(match path {
        Some(path) => Box::new(BufWriter::new(
            File::create(path).map_err(|e| format!("{}: {e}", path.display()))?,
        )),
        None => Box::new(BufWriter::new(std::io::stdout().lock())),
    })
}
