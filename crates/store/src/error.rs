//! The one error type of the store.

use std::fmt;

/// Everything that can go wrong in the store.
#[derive(Debug)]
pub enum StoreError {
    /// SQLite refused an operation.
    Sqlite(rusqlite::Error),
    /// A stored or supplied record could not be (de)serialised.
    Json(serde_json::Error),
    /// Writing CSV / TSV output failed.
    Csv(csv::Error),
    /// Writing export output failed.
    Io(std::io::Error),
    /// The file was written by a newer annalist with a schema this build does not know.
    SchemaTooNew { found: i64, supported: i64 },
    /// A caller-supplied value is out of range (e.g. a bounding box with min > max).
    InvalidArgument(String),
}

pub type Result<T> = std::result::Result<T, StoreError>;

impl fmt::Display for StoreError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            StoreError::Sqlite(e) => write!(f, "store: sqlite: {e}"),
            StoreError::Json(e) => write!(f, "store: json: {e}"),
            StoreError::Csv(e) => write!(f, "store: csv: {e}"),
            StoreError::Io(e) => write!(f, "store: io: {e}"),
            StoreError::SchemaTooNew { found, supported } => write!(
                f,
                "store: schema version {found} is newer than this build supports ({supported}); \
                 upgrade annalist"
            ),
            StoreError::InvalidArgument(msg) => write!(f, "store: invalid argument: {msg}"),
        }
    }
}

impl std::error::Error for StoreError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            StoreError::Sqlite(e) => Some(e),
            StoreError::Json(e) => Some(e),
            StoreError::Csv(e) => Some(e),
            StoreError::Io(e) => Some(e),
            StoreError::SchemaTooNew { .. } | StoreError::InvalidArgument(_) => None,
        }
    }
}

impl From<rusqlite::Error> for StoreError {
    fn from(e: rusqlite::Error) -> Self {
        StoreError::Sqlite(e)
    }
}

impl From<serde_json::Error> for StoreError {
    fn from(e: serde_json::Error) -> Self {
        StoreError::Json(e)
    }
}

impl From<csv::Error> for StoreError {
    fn from(e: csv::Error) -> Self {
        StoreError::Csv(e)
    }
}

impl From<std::io::Error> for StoreError {
    fn from(e: std::io::Error) -> Self {
        StoreError::Io(e)
    }
}
