//! The schema and its versioned migrations.
//!
//! The schema version lives in `PRAGMA user_version`. Migration `n` (1-based) takes the file
//! from version `n - 1` to `n`; [`migrate`] applies the missing ones in order, each in its own
//! transaction together with the version bump, so a crash mid-migration leaves the previous
//! version intact. Never edit a released migration: append a new one.

use crate::error::{Result, StoreError};
use rusqlite::Connection;

/// Migration 1: documents, deduplicated events, mentions, full-text index, query indexes.
const V1: &str = r#"
CREATE TABLE documents (
    pk            INTEGER PRIMARY KEY,
    id            TEXT NOT NULL,
    content_hash  TEXT NOT NULL,
    title         TEXT,
    date          TEXT,
    url           TEXT,
    source        TEXT,
    origin        TEXT,
    text          TEXT NOT NULL,
    ingested_at   TEXT NOT NULL,
    UNIQUE (id, content_hash)
);

CREATE TABLE events (
    id                    INTEGER PRIMARY KEY,
    dedup_key             TEXT NOT NULL UNIQUE,
    date                  TEXT,
    event_date            TEXT,
    report_date           TEXT,
    cameo                 TEXT NOT NULL,
    cameo_root            TEXT NOT NULL,
    cameo_name            TEXT,
    goldstein             REAL,
    quad_class            INTEGER,
    penta_class           INTEGER,
    plover_event          TEXT,
    plover_mode           TEXT,
    acled_event_type      TEXT,
    acled_sub_event_type  TEXT,
    source_code           TEXT,
    source_country        TEXT,
    source_sector         TEXT,
    source_text           TEXT,
    target_code           TEXT,
    target_country        TEXT,
    target_sector         TEXT,
    target_text           TEXT,
    fatalities            INTEGER,
    injured               INTEGER,
    captured              INTEGER,
    location_name         TEXT,
    location_country      TEXT,
    location_admin1       TEXT,
    location_lat          REAL,
    location_lon          REAL,
    location_precision    TEXT,
    background            INTEGER NOT NULL,
    first_json            TEXT NOT NULL,
    first_seen            TEXT NOT NULL,
    mention_count         INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE mentions (
    id              INTEGER PRIMARY KEY,
    event_id        INTEGER NOT NULL REFERENCES events (id),
    doc_pk          INTEGER NOT NULL REFERENCES documents (pk),
    doc_id          TEXT NOT NULL,
    record_id       TEXT NOT NULL,
    sentence_id     TEXT NOT NULL,
    sentence        TEXT NOT NULL,
    sentence_start  INTEGER,
    sentence_end    INTEGER,
    verb_text       TEXT,
    verb_start      INTEGER,
    verb_end        INTEGER,
    source_start    INTEGER,
    source_end      INTEGER,
    target_start    INTEGER,
    target_end      INTEGER,
    pattern_file    TEXT,
    pattern_line    INTEGER,
    pattern_text    TEXT,
    attribution     TEXT NOT NULL,
    UNIQUE (doc_id, record_id)
);

CREATE INDEX events_date ON events (date);
CREATE INDEX events_cameo_root_date ON events (cameo_root, date);
CREATE INDEX events_cameo ON events (cameo);
-- Partial indexes: events without the field (no target, no place, no PLOVER type...) cost
-- no index write; `col = ?` and range terms imply `col IS NOT NULL`, so queries use them.
CREATE INDEX events_source_code ON events (source_code) WHERE source_code IS NOT NULL;
CREATE INDEX events_target_code ON events (target_code) WHERE target_code IS NOT NULL;
CREATE INDEX events_source_country ON events (source_country) WHERE source_country IS NOT NULL;
CREATE INDEX events_target_country ON events (target_country) WHERE target_country IS NOT NULL;
CREATE INDEX events_location_country ON events (location_country)
    WHERE location_country IS NOT NULL;
CREATE INDEX events_plover ON events (plover_event) WHERE plover_event IS NOT NULL;
CREATE INDEX events_acled ON events (acled_event_type) WHERE acled_event_type IS NOT NULL;
CREATE INDEX events_acled_sub ON events (acled_sub_event_type)
    WHERE acled_sub_event_type IS NOT NULL;
CREATE INDEX events_lat_lon ON events (location_lat, location_lon)
    WHERE location_lat IS NOT NULL;
CREATE INDEX mentions_event ON mentions (event_id);
CREATE INDEX mentions_doc ON mentions (doc_pk);

CREATE VIRTUAL TABLE mentions_fts USING fts5 (
    sentence,
    content = 'mentions',
    content_rowid = 'id'
);
"#;

/// Migration 2: (filter column, date) indexes in place of the single-column ones.
///
/// An equality filter then walks its matches already in `date, id` order (the rowid is the
/// last key of every index), so a page of `col = ? ORDER BY date DESC, id DESC LIMIT n` reads
/// `n` index entries instead of sorting every match, and date terms next to the filter
/// (`from`, `to`) are checked inside the index. The old indexes are dropped, so an ingest
/// writes as many index entries as before.
const V2: &str = r#"
DROP INDEX events_cameo;
CREATE INDEX events_cameo_date ON events (cameo, date);
DROP INDEX events_source_code;
CREATE INDEX events_source_code_date ON events (source_code, date)
    WHERE source_code IS NOT NULL;
DROP INDEX events_target_code;
CREATE INDEX events_target_code_date ON events (target_code, date)
    WHERE target_code IS NOT NULL;
DROP INDEX events_source_country;
CREATE INDEX events_source_country_date ON events (source_country, date)
    WHERE source_country IS NOT NULL;
DROP INDEX events_target_country;
CREATE INDEX events_target_country_date ON events (target_country, date)
    WHERE target_country IS NOT NULL;
DROP INDEX events_location_country;
CREATE INDEX events_location_country_date ON events (location_country, date)
    WHERE location_country IS NOT NULL;
DROP INDEX events_plover;
CREATE INDEX events_plover_date ON events (plover_event, date)
    WHERE plover_event IS NOT NULL;
DROP INDEX events_acled;
CREATE INDEX events_acled_date ON events (acled_event_type, date)
    WHERE acled_event_type IS NOT NULL;
DROP INDEX events_acled_sub;
CREATE INDEX events_acled_sub_date ON events (acled_sub_event_type, date)
    WHERE acled_sub_event_type IS NOT NULL;
"#;

/// All migrations, oldest first. The schema version equals `MIGRATIONS.len()`.
const MIGRATIONS: &[&str] = &[V1, V2];

/// The schema version this build writes.
pub const SCHEMA_VERSION: i64 = MIGRATIONS.len() as i64;

/// The oldest schema version this build reads without migrating (`Store::open_read_only`):
/// migration 2 only replaces indexes, so a version-1 file answers every query correctly,
/// just without the `(column, date)` indexes until it is opened once for writing.
pub const MIN_READABLE_VERSION: i64 = 1;

/// The schema version recorded in the file (0 for a new file).
pub fn current_version(conn: &Connection) -> Result<i64> {
    let version: i64 = conn.query_row("PRAGMA user_version", [], |row| row.get(0))?;
    Ok(version)
}

/// Brings the file up to [`SCHEMA_VERSION`]; refuses files from a newer build.
///
/// Each step runs in an IMMEDIATE transaction and re-reads the version inside it, so two
/// processes opening a new file at once cannot both apply the same migration.
pub fn migrate(conn: &mut Connection) -> Result<()> {
    // Fast path without the write lock: an up-to-date file (the usual case) is left alone.
    if current_version(conn)? == SCHEMA_VERSION {
        return Ok(());
    }
    for (index, sql) in MIGRATIONS.iter().enumerate() {
        let target: i64 = index as i64 + 1;
        let tx: rusqlite::Transaction<'_> =
            conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
        let found: i64 = current_version(&tx)?;
        if found > SCHEMA_VERSION {
            return Err(StoreError::SchemaTooNew {
                found,
                supported: SCHEMA_VERSION,
            });
        }
        if target <= found {
            continue;
        }
        tx.execute_batch(sql)?;
        // PRAGMA takes no bound parameters; `target` is our own integer, not input.
        tx.execute_batch(&format!("PRAGMA user_version = {target}"))?;
        tx.commit()?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::{MIGRATIONS, SCHEMA_VERSION, current_version};
    use crate::filter::EventFilter;
    use crate::store::Store;
    use rusqlite::Connection;
    use std::error::Error;

    fn index_names(store: &Store) -> Result<Vec<String>, Box<dyn Error>> {
        let mut stmt = store.connection().prepare(
            "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'events'
               AND name NOT LIKE 'sqlite_%' ORDER BY name",
        )?;
        let names: Vec<String> = stmt
            .query_map([], |row| row.get(0))?
            .collect::<Result<Vec<String>, _>>()?;
        Ok(names)
    }

    /// A file written by a version-1 build: readable as it is, migrated on a writable open
    /// with its data intact and the version-2 indexes in place of the old ones.
    #[test]
    fn a_version_1_file_is_read_then_migrated() -> Result<(), Box<dyn Error>> {
        let dir = tempfile::tempdir()?;
        let path = dir.path().join("v1.sqlite");
        {
            let mut v2: Store = Store::open_in_memory()?;
            let (meta, events) = crate::bench::synthetic_document(3, 6)?;
            v2.ingest_document(&meta, &events)?;
            let conn: Connection = Connection::open(&path)?;
            conn.execute_batch("PRAGMA journal_mode = WAL")?;
            conn.execute_batch(MIGRATIONS[0])?;
            conn.execute_batch("PRAGMA user_version = 1")?;
            let mut v1: Store = Store::open_read_only(&path)?;
            assert_eq!(v1.schema_version()?, 1);
            assert!(
                v1.ingest_document(&meta, &events).is_err(),
                "read-only stays read-only"
            );
            drop(v1);
            // Fill the version-1 tables with the rows a build writes (the columns are the
            // same in both versions), as a version-1 build would have.
            let writer: Connection = conn;
            let source: &Connection = v2.connection();
            let dump = |table: &str| -> Result<Vec<Vec<rusqlite::types::Value>>, Box<dyn Error>> {
                let mut stmt = source.prepare(&format!("SELECT * FROM {table}"))?;
                let width: usize = stmt.column_count();
                let rows = stmt
                    .query_map([], |row| {
                        (0..width)
                            .map(|i| row.get::<_, rusqlite::types::Value>(i))
                            .collect()
                    })?
                    .collect::<Result<Vec<Vec<rusqlite::types::Value>>, _>>()?;
                Ok(rows)
            };
            for table in ["documents", "events", "mentions"] {
                for row in dump(table)? {
                    let marks: Vec<&str> = row.iter().map(|_| "?").collect();
                    writer.execute(
                        &format!("INSERT INTO {table} VALUES ({})", marks.join(", ")),
                        rusqlite::params_from_iter(row.iter()),
                    )?;
                }
            }
            writer.execute_batch("INSERT INTO mentions_fts (mentions_fts) VALUES ('rebuild')")?;
        }
        let reader: Store = Store::open_read_only(&path)?;
        let filter: EventFilter = EventFilter {
            country: Some("UKR".to_string()),
            ..EventFilter::default()
        };
        let before = reader.query_events(&filter)?;
        assert!(before.0 > 0);
        assert!(index_names(&reader)?.contains(&"events_plover".to_string()));
        drop(reader);

        let store: Store = Store::open(&path)?;
        assert_eq!(current_version(store.connection())?, SCHEMA_VERSION);
        let names: Vec<String> = index_names(&store)?;
        assert!(
            names.contains(&"events_plover_date".to_string()),
            "{names:?}"
        );
        assert!(!names.contains(&"events_plover".to_string()), "{names:?}");
        assert_eq!(store.query_events(&filter)?, before);
        Ok(())
    }
}
