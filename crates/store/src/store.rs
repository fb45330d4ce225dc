//! Opening a store: connection settings and migrations.

use crate::error::{Result, StoreError};
use crate::schema;
use crate::totals::Totals;
use rusqlite::{Connection, OpenFlags};
use std::cell::RefCell;
use std::path::Path;
use std::time::Duration;

/// How long a writer waits for another connection's write lock before giving up.
const BUSY_TIMEOUT: Duration = Duration::from_secs(10);
/// Prepared statements kept per connection (rusqlite's default is 16).
const STATEMENT_CACHE: usize = 64;
/// WAL pages (4 KiB) between automatic checkpoints.
const WAL_AUTOCHECKPOINT_PAGES: i64 = 10_000;

/// The embedded event store: one SQLite database (file or memory).
///
/// One `Store` is one connection. Writes (`ingest_document`) need `&mut self`; reads take
/// `&self`. Several processes or threads may open the same file: WAL mode lets readers run
/// while one writer commits.
pub struct Store {
    pub(crate) conn: Connection,
    /// Exact match counts of recent filters while the file is unchanged (`query_events`).
    pub(crate) totals: RefCell<Totals>,
}

impl Store {
    /// Opens (creating if needed) the store at `path` and applies any missing migrations.
    pub fn open(path: impl AsRef<Path>) -> Result<Store> {
        let conn: Connection = Connection::open(path)?;
        // Before anything that takes a lock: another process may be migrating the new file.
        conn.busy_timeout(BUSY_TIMEOUT)?;
        // WAL: readers do not block the writer; a killed writer leaves the last committed
        // transaction intact. synchronous=NORMAL is durable against process crashes (the
        // case we test) and loses at most the last commits on power loss, never consistency.
        conn.pragma_update(None, "journal_mode", "WAL")?;
        conn.pragma_update(None, "synchronous", "NORMAL")?;
        // 32 MiB page cache (negative = KiB): the dedup and mention lookups stay in memory.
        conn.pragma_update(None, "cache_size", -32_768)?;
        // Checkpoint every ~40 MB of WAL instead of ~4 MB: one-document commits rewrite the
        // same index pages, which a checkpoint then copies (and fsyncs) once, not ten times.
        conn.pragma_update(None, "wal_autocheckpoint", WAL_AUTOCHECKPOINT_PAGES)?;
        Store::configure(conn)
    }

    /// Opens an existing store for reading only (e.g. one per HTTP worker while an ingest
    /// runs). Never migrates: a file newer than this build, or older than
    /// [`schema::MIN_READABLE_VERSION`], is refused (open it once with [`Store::open`] to
    /// migrate); an older readable file is read with its own (fewer) indexes. Writes fail
    /// with a SQLite error.
    pub fn open_read_only(path: impl AsRef<Path>) -> Result<Store> {
        let conn: Connection = Connection::open_with_flags(
            path,
            OpenFlags::SQLITE_OPEN_READ_ONLY
                | OpenFlags::SQLITE_OPEN_NO_MUTEX
                | OpenFlags::SQLITE_OPEN_URI,
        )?;
        conn.busy_timeout(BUSY_TIMEOUT)?;
        let found: i64 = schema::current_version(&conn)?;
        if found > schema::SCHEMA_VERSION {
            return Err(StoreError::SchemaTooNew {
                found,
                supported: schema::SCHEMA_VERSION,
            });
        }
        if found < schema::MIN_READABLE_VERSION {
            return Err(StoreError::InvalidArgument(format!(
                "store schema version {found} is older than {}: open it for writing once to migrate",
                schema::MIN_READABLE_VERSION
            )));
        }
        // Sorts and the FTS subquery's row set stay in memory (reads only; nothing written).
        conn.pragma_update(None, "temp_store", "MEMORY")?;
        Ok(Store::new(conn))
    }

    fn new(conn: Connection) -> Store {
        // Statement text varies with the filter's fields, the sort and the page plan, and each
        // filter has a count and a page statement: room for a dashboard's working set.
        conn.set_prepared_statement_cache_capacity(STATEMENT_CACHE);
        Store {
            conn,
            totals: RefCell::new(Totals::default()),
        }
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
        Ok(Store::new(conn))
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
