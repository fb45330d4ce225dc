//! Where things came from, and what went wrong while reading them.

use std::fmt;
use std::path::PathBuf;
use std::sync::Arc;

use serde::{Deserialize, Serialize};

/// A position in a dictionary file: the file's name (as given to the parser) and the
/// 1-based line number.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct SourceLoc {
    /// File name as passed to `parse_*` / taken from the path by `load_*`.
    pub file: Arc<str>,
    /// 1-based line number.
    pub line: u32,
}

impl fmt::Display for SourceLoc {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}", self.file, self.line)
    }
}

/// A recoverable problem found while reading a dictionary: the offending line was
/// skipped (or partly used, as the message says) and reading went on.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DictWarning {
    /// File name as given to the parser.
    pub file: Arc<str>,
    /// 1-based line number.
    pub line: u32,
    /// What was wrong and what was done about it.
    pub message: String,
}

impl DictWarning {
    /// A warning at `loc`.
    pub fn at(loc: &SourceLoc, message: impl Into<String>) -> DictWarning {
        DictWarning {
            file: Arc::clone(&loc.file),
            line: loc.line,
            message: message.into(),
        }
    }
}

impl fmt::Display for DictWarning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}: {}", self.file, self.line, self.message)
    }
}

/// A dictionary together with the warnings produced while reading it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Loaded<T> {
    /// The dictionary.
    pub dict: T,
    /// Lines that were skipped or repaired, in file order.
    pub warnings: Vec<DictWarning>,
}

/// A fatal error: the file could not be read at all.
#[derive(Debug)]
pub enum DictError {
    /// I/O failure reading `path`.
    Io {
        /// The file that could not be read.
        path: PathBuf,
        /// The underlying error.
        source: std::io::Error,
    },
}

impl fmt::Display for DictError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DictError::Io { path, source } => {
                write!(f, "cannot read dictionary {}: {source}", path.display())
            }
        }
    }
}

impl std::error::Error for DictError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            DictError::Io { source, .. } => Some(source),
        }
    }
}
