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

/// All migrations, oldest first. The schema version equals `MIGRATIONS.len()`.
const MIGRATIONS: &[&str] = &[V1];

/// The schema version this build writes.
pub const SCHEMA_VERSION: i64 = MIGRATIONS.len() as i64;

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
