//! Crash safety: a writer killed with SIGKILL mid-ingest, then a rerun, stores every document
//! exactly once and leaves counts identical to an uninterrupted run.

use annalist_store::bench::synthetic_document;
use annalist_store::{Store, StoreStats};
use std::error::Error;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

type TestResult = Result<(), Box<dyn Error>>;

const DOCUMENTS: usize = 1500;
const EVENTS_PER_DOC: usize = 8;
const CHILD_ENV: &str = "ANNALIST_STORE_CRASH_CHILD_DB";

/// The child half: when started by `killed_writer_then_rerun_stores_each_document_once`, ingest
/// until killed. Under a normal test run it does nothing.
#[test]
fn crash_child_writer() -> TestResult {
    let Some(path) = std::env::var_os(CHILD_ENV) else {
        return Ok(());
    };
    let mut store: Store = Store::open(PathBuf::from(path))?;
    for index in 0..DOCUMENTS {
        let (meta, events) = synthetic_document(index, EVENTS_PER_DOC)?;
        store.ingest_document(&meta, &events)?;
    }
    Ok(())
}

fn stored_documents(path: &Path) -> i64 {
    // A plain connection: the child may be mid-migration, and Store::open would join in.
    rusqlite::Connection::open(path)
        .and_then(|conn| conn.query_row("SELECT count(*) FROM documents", [], |row| row.get(0)))
        .unwrap_or(0)
}

fn ingest_all(store: &mut Store) -> Result<(), Box<dyn Error>> {
    for index in 0..DOCUMENTS {
        let (meta, events) = synthetic_document(index, EVENTS_PER_DOC)?;
        store.ingest_document(&meta, &events)?;
    }
    Ok(())
}

#[test]
fn killed_writer_then_rerun_stores_each_document_once() -> TestResult {
    let dir = tempfile::tempdir()?;
    let path: PathBuf = dir.path().join("crash.sqlite");
    let mut child: Child = Command::new(std::env::current_exe()?)
        .args(["--exact", "crash_child_writer", "--test-threads=1"])
        .env(CHILD_ENV, &path)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()?;
    let started: Instant = Instant::now();
    while stored_documents(&path) < 200 && started.elapsed() < Duration::from_secs(120) {
        if child.try_wait()?.is_some() {
            break;
        }
        std::thread::sleep(Duration::from_millis(5));
    }
    child.kill()?; // SIGKILL on Unix: no destructors, no rollback, mid-transaction.
    child.wait()?;
    let before_rerun: i64 = stored_documents(&path);
    assert!(
        before_rerun > 0,
        "the child stored nothing before it was killed"
    );
    eprintln!("killed the writer after {before_rerun} of {DOCUMENTS} documents");

    let mut store: Store = Store::open(&path)?;
    ingest_all(&mut store)?;
    // A second rerun must change nothing at all.
    let after_rerun: StoreStats = store.stats()?;
    ingest_all(&mut store)?;
    assert_eq!(store.stats()?, after_rerun);

    let mut clean: Store = Store::open_in_memory()?;
    ingest_all(&mut clean)?;
    let expected: StoreStats = clean.stats()?;
    assert_eq!(after_rerun.documents, DOCUMENTS as u64);
    assert_eq!(after_rerun.mentions, (DOCUMENTS * EVENTS_PER_DOC) as u64);
    assert_eq!(
        (after_rerun.events, after_rerun.mentions),
        (expected.events, expected.mentions)
    );

    let conn = store.connection();
    let duplicated_docs: i64 = conn.query_row(
        "SELECT count(*) FROM (SELECT id FROM documents GROUP BY id HAVING count(*) > 1)",
        [],
        |row| row.get(0),
    )?;
    assert_eq!(duplicated_docs, 0);
    let inconsistent: i64 = conn.query_row(
        "SELECT count(*) FROM events e
         WHERE e.mention_count != (SELECT count(*) FROM mentions m WHERE m.event_id = e.id)",
        [],
        |row| row.get(0),
    )?;
    assert_eq!(inconsistent, 0);
    let mention_counts: i64 =
        conn.query_row("SELECT sum(mention_count) FROM events", [], |row| {
            row.get(0)
        })?;
    let clean_counts: i64 =
        clean
            .connection()
            .query_row("SELECT sum(mention_count) FROM events", [], |row| {
                row.get(0)
            })?;
    assert_eq!(mention_counts, clean_counts);
    conn.execute_batch("INSERT INTO mentions_fts (mentions_fts) VALUES ('integrity-check')")?;
    let integrity: String = conn.query_row("PRAGMA integrity_check", [], |row| row.get(0))?;
    assert_eq!(integrity, "ok");
    Ok(())
}
