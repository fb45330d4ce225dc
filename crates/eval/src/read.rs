//! What every gold-set reader returns: the items, and one message per bad line.

use std::path::Path;

/// Items read from a gold set, with a `file:line: problem` message for every line skipped.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReadSet<T> {
    pub items: Vec<T>,
    pub problems: Vec<String>,
}

impl<T> Default for ReadSet<T> {
    fn default() -> ReadSet<T> {
        ReadSet {
            items: Vec::new(),
            problems: Vec::new(),
        }
    }
}

/// The whole file as text, or a message naming it.
pub fn read_text(path: &Path) -> Result<String, String> {
    std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))
}
