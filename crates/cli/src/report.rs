//! How a command ended, and how problems are printed.

use std::fmt::Display;

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
