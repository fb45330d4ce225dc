//! Ingest N synthetic documents into a fresh store and print the rate.
//!
//! `cargo run --release -p annalist-store --example ingest_bench -- [DOCS] [EVENTS_PER_DOC] [PATH|:memory:|-] [BATCH]`
//! (defaults: 5000 documents, 10 events each, a temporary file (`-`), one document per
//! transaction).

use annalist_store::Store;
use annalist_store::bench::{BenchReport, bench_ingest_batched};
use std::error::Error;
use std::path::PathBuf;

fn main() -> Result<(), Box<dyn Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let documents: usize = args.first().map(|a| a.parse()).transpose()?.unwrap_or(5000);
    let events_per_doc: usize = args.get(1).map(|a| a.parse()).transpose()?.unwrap_or(10);
    let target: Option<&String> = args.get(2).filter(|a| a.as_str() != "-");
    let batch: usize = args.get(3).map(|a| a.parse()).transpose()?.unwrap_or(1);
    let scratch: PathBuf =
        std::env::temp_dir().join(format!("annalist-bench-{}.sqlite", std::process::id()));
    let (mut store, label): (Store, String) = match target.map(String::as_str) {
        Some(":memory:") => (Store::open_in_memory()?, ":memory:".to_string()),
        Some(path) => (Store::open(path)?, path.to_string()),
        None => (Store::open(&scratch)?, scratch.display().to_string()),
    };
    let report: BenchReport = bench_ingest_batched(&mut store, documents, events_per_doc, batch)?;
    println!(
        "store ingest: {} documents ({} events each, {} per transaction) into {label}: {:.2} s, \
         {:.0} documents/s, {:.0} mentions/s ({} distinct events)",
        report.documents,
        events_per_doc,
        batch.max(1),
        report.seconds,
        report.documents_per_second,
        report.mentions_per_second,
        report.events_added
    );
    drop(store);
    if target.is_none() {
        for suffix in ["", "-wal", "-shm"] {
            let _ = std::fs::remove_file(format!("{}{suffix}", scratch.display()));
        }
    }
    Ok(())
}
