//! Opening a store: connection settings and migrations.

use crate::error::Result;
use crate::schema;
use rusqlite::Connection;
use std::path::Path;
use std::time::Duration;

/// How long a writer waits for another connection's write lock before giving up.
const BUSY_TIMEOUT: Duration = Duration::from_secs(10);

/// The embedded event store: one SQLite database (file or memory).
///
/// One `Store` is one connection. Writes (`ingest_document`) need `&mut self`; reads take
/// `&self`. Several processes or threads may open the same file: WAL mode lets readers run
/// while one writer commits.
pub struct Store {
    pub(crate) conn: Connection,
}

impl Store {
    /// Opens (creating if needed) the store at `path` and applies any missing migrations.
    pub fn open(path: impl AsRef<Path>) -> Result<Store> {
        let conn: Connection = Connection::open(path)?;
        // WAL: readers do not block the writer; a killed writer leaves the last committed
        // transaction intact. synchronous=NORMAL is durable against process crashes (the
        // case we test) and loses at most the last commits on power loss, never consistency.
        conn.pragma_update(None, "journal_mode", "WAL")?;
        conn.pragma_update(None, "synchronous", "NORMAL")?;
        // 32 MiB page cache (negative = KiB): the dedup and mention lookups stay in memory.
        conn.pragma_update(None, "cache_size", -32_768)?;
        Store::configure(conn)
    }

    /// A fresh store in memory (tests, one-shot pipelines).
    pub fn open_in_memory() -> Result<Store> {
        Store::configure(Connection::open_in_memory()?)
    }

    fn configure(mut conn: Connection) -> Result<Store> {
        conn.busy_timeout(BUSY_TIMEOUT)?;
        conn.pragma_update(None, "foreign_keys", true)?;
        conn.pragma_update(None, "temp_store", "MEMORY")?;
        schema::migrate(&mut conn)?;
        Ok(Store { conn })
    }

    /// The schema version of the open file (equals [`schema::SCHEMA_VERSION`] after open).
    pub fn schema_version(&self) -> Result<i64> {
        schema::current_version(&self.conn)
    }

    /// Direct access for read-only SQL in tools and tests. Writing through it bypasses the
    /// deduplication and exactly-once guarantees.
    pub fn connection(&self) -> &Connection {
        &self.conn
    }
}
