//! Reading stored documents back (for showing a mention in its context).

use crate::error::Result;
use crate::store::Store;
use rusqlite::OptionalExtension;
use serde::{Deserialize, Serialize};

/// A stored document revision.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StoredDocument {
    pub id: String,
    pub content_hash: String,
    pub title: Option<String>,
    pub date: Option<String>,
    pub url: Option<String>,
    pub source: Option<String>,
    pub origin: Option<String>,
    pub text: String,
    pub ingested_at: String,
}

impl Store {
    /// The latest stored revision of document `id`, or `None`.
    pub fn document(&self, id: &str) -> Result<Option<StoredDocument>> {
        let found: Option<StoredDocument> = self
            .conn
            .prepare_cached(
                "SELECT id, content_hash, title, date, url, source, origin, text, ingested_at
                 FROM documents WHERE id = ?1 ORDER BY pk DESC LIMIT 1",
            )?
            .query_row([id], |row| {
                Ok(StoredDocument {
                    id: row.get(0)?,
                    content_hash: row.get(1)?,
                    title: row.get(2)?,
                    date: row.get(3)?,
                    url: row.get(4)?,
                    source: row.get(5)?,
                    origin: row.get(6)?,
                    text: row.get(7)?,
                    ingested_at: row.get(8)?,
                })
            })
            .optional()?;
        Ok(found)
    }
}
