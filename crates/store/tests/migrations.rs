//! Opening files: new, empty, existing, newer than this build, not a database.

use annalist_store::{DocumentMeta, Store, StoreError, schema::SCHEMA_VERSION};
use std::error::Error;
use std::path::PathBuf;

type TestResult = Result<(), Box<dyn Error>>;

fn meta(id: &str) -> DocumentMeta {
    DocumentMeta {
        id: id.to_string(),
        text: format!("text of {id}"),
        ..DocumentMeta::default()
    }
}

#[test]
fn a_new_file_and_an_empty_file_are_migrated_to_the_current_schema() -> TestResult {
    let dir = tempfile::tempdir()?;
    let new_path: PathBuf = dir.path().join("new.sqlite");
    let store: Store = Store::open(&new_path)?;
    assert_eq!(store.schema_version()?, SCHEMA_VERSION);
    let journal: String = store
        .connection()
        .query_row("PRAGMA journal_mode", [], |row| row.get(0))?;
    assert_eq!(journal, "wal");

    let empty_path: PathBuf = dir.path().join("empty.sqlite");
    std::fs::write(&empty_path, b"")?;
    let store: Store = Store::open(&empty_path)?;
    assert_eq!(store.schema_version()?, SCHEMA_VERSION);
    Ok(())
}

#[test]
fn reopening_keeps_data_and_does_not_migrate_again() -> TestResult {
    let dir = tempfile::tempdir()?;
    let path: PathBuf = dir.path().join("store.sqlite");
    {
        let mut store: Store = Store::open(&path)?;
        assert!(store.ingest_document(&meta("d1"), &[])?.new);
    }
    let mut store: Store = Store::open(&path)?;
    assert_eq!(store.schema_version()?, SCHEMA_VERSION);
    assert_eq!(store.stats()?.documents, 1);
    assert!(!store.ingest_document(&meta("d1"), &[])?.new);
    let tables: i64 = store.connection().query_row(
        "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name IN ('documents', 'events', 'mentions')",
        [],
        |row| row.get(0),
    )?;
    assert_eq!(tables, 3);
    Ok(())
}

#[test]
fn a_file_from_a_newer_build_is_refused() -> TestResult {
    let dir = tempfile::tempdir()?;
    let path: PathBuf = dir.path().join("future.sqlite");
    {
        let store: Store = Store::open(&path)?;
        store
            .connection()
            .execute_batch("PRAGMA user_version = 999")?;
    }
    match Store::open(&path) {
        Err(StoreError::SchemaTooNew { found, supported }) => {
            assert_eq!((found, supported), (999, SCHEMA_VERSION));
        }
        Err(other) => return Err(format!("unexpected error: {other}").into()),
        Ok(_) => return Err("a newer schema was accepted".into()),
    }
    Ok(())
}

#[test]
fn a_file_that_is_not_a_database_is_an_error_not_a_panic() -> TestResult {
    let dir = tempfile::tempdir()?;
    let path: PathBuf = dir.path().join("junk.sqlite");
    std::fs::write(
        &path,
        b"this is not an SQLite database, just some text padding it out",
    )?;
    assert!(matches!(Store::open(&path), Err(StoreError::Sqlite(_))));
    Ok(())
}

#[test]
fn a_read_only_store_reads_alongside_a_writer_and_cannot_write() -> TestResult {
    let dir = tempfile::tempdir()?;
    let path: PathBuf = dir.path().join("shared.sqlite");
    assert!(
        Store::open_read_only(&path).is_err(),
        "a missing file is not created read-only"
    );
    let mut writer: Store = Store::open(&path)?;
    writer.ingest_document(&meta("d1"), &[])?;
    let reader: Store = Store::open_read_only(&path)?;
    assert_eq!(reader.stats()?.documents, 1);
    writer.ingest_document(&meta("d2"), &[])?;
    assert_eq!(reader.stats()?.documents, 2);
    let mut reader: Store = reader;
    assert!(matches!(
        reader.ingest_document(&meta("d3"), &[]),
        Err(StoreError::Sqlite(_))
    ));

    let old_path: PathBuf = dir.path().join("old.sqlite");
    std::fs::write(&old_path, b"")?;
    assert!(matches!(
        Store::open_read_only(&old_path),
        Err(StoreError::InvalidArgument(_))
    ));
    Ok(())
}
