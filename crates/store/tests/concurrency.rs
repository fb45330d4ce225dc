//! Two writers and a reader on one file: every document once, counts as if serial.

use annalist_store::bench::synthetic_document;
use annalist_store::{EventFilter, Store, StoreStats};
use std::error::Error;
use std::path::PathBuf;
use std::thread::JoinHandle;

type TestResult = Result<(), Box<dyn Error>>;

const DOCUMENTS: usize = 150;
const EVENTS_PER_DOC: usize = 6;

fn write_all(path: PathBuf, reverse: bool) -> Result<(), String> {
    let mut store: Store = Store::open(&path).map_err(|e| e.to_string())?;
    let order: Vec<usize> = if reverse {
        (0..DOCUMENTS).rev().collect()
    } else {
        (0..DOCUMENTS).collect()
    };
    for index in order {
        let (meta, events) =
            synthetic_document(index, EVENTS_PER_DOC).map_err(|e| e.to_string())?;
        store
            .ingest_document(&meta, &events)
            .map_err(|e| e.to_string())?;
    }
    Ok(())
}

#[test]
fn concurrent_writers_store_each_document_once() -> TestResult {
    let dir = tempfile::tempdir()?;
    let path: PathBuf = dir.path().join("shared.sqlite");
    Store::open(&path)?; // create and migrate first, so both writers find the schema
    let writers: Vec<JoinHandle<Result<(), String>>> = [false, true]
        .into_iter()
        .map(|reverse| {
            let path: PathBuf = path.clone();
            std::thread::spawn(move || write_all(path, reverse))
        })
        .collect();
    // A reader keeps querying while the writers run.
    let reader: Store = Store::open_read_only(&path)?;
    for _ in 0..20 {
        reader.query_events(&EventFilter {
            actor: Some("RUS".into()),
            ..EventFilter::default()
        })?;
    }
    for writer in writers {
        writer.join().map_err(|_| "writer thread panicked")??;
    }
    let stats: StoreStats = Store::open(&path)?.stats()?;
    let mut serial: Store = Store::open_in_memory()?;
    for index in 0..DOCUMENTS {
        let (meta, events) = synthetic_document(index, EVENTS_PER_DOC)?;
        serial.ingest_document(&meta, &events)?;
    }
    let expected: StoreStats = serial.stats()?;
    assert_eq!(stats.documents, DOCUMENTS as u64);
    assert_eq!(stats.mentions, (DOCUMENTS * EVENTS_PER_DOC) as u64);
    assert_eq!(stats.events, expected.events);
    assert_eq!(stats.events_by_root, expected.events_by_root);
    Ok(())
}
