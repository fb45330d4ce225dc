//! Reads a path (file, folder or `-`) with format detection, repeatedly, and
//! prints documents, errors and throughput. A quick check until the CLI's
//! `annalist bench` covers ingest.
//!
//! `cargo run --release -p annalist-ingest --example ingest_throughput -- PATH [REPEAT]`

use std::path::PathBuf;
use std::time::{Duration, Instant};

use annalist_ingest::{InputFormat, read_path};

fn main() {
    let mut arguments = std::env::args().skip(1);
    let Some(path) = arguments.next().map(PathBuf::from) else {
        eprintln!("usage: ingest_throughput PATH [REPEAT]");
        std::process::exit(2);
    };
    let repeat: u32 = arguments
        .next()
        .and_then(|value: String| value.parse().ok())
        .unwrap_or(1)
        .max(1);
    let started: Instant = Instant::now();
    let (mut documents, mut errors, mut text_bytes): (usize, usize, usize) = (0, 0, 0);
    for _ in 0..repeat {
        for result in read_path(&path, InputFormat::Auto, None) {
            match result {
                Ok(document) => {
                    documents += 1;
                    text_bytes += document.text.len();
                }
                Err(error) => {
                    errors += 1;
                    if errors <= 5 {
                        eprintln!("{error}");
                    }
                }
            }
        }
    }
    let elapsed: Duration = started.elapsed();
    let seconds: f64 = elapsed.as_secs_f64().max(1e-9);
    println!(
        "{documents} documents, {errors} errors, {text_bytes} text bytes in {elapsed:.2?}: {:.0} documents/s, {:.3} ms/document",
        documents as f64 / seconds,
        1000.0 * seconds / documents.max(1) as f64
    );
}
