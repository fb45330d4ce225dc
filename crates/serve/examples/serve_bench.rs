//! `cargo run --release -p annalist-serve --example serve_bench -- [DB|-] [EVENTS] [CLIENTS] [MAX_REQUESTS] [MAX_SECONDS] [PAGES]`
//!
//! Fills DB (default `-`: a temporary file) with EVENTS synthetic events (default 100 000),
//! serves it on an ephemeral 127.0.0.1 port and measures filtered `/api/events` queries
//! (6 filters x PAGES pages, default 3), once with the response cache and once without.

use annalist_serve::bench::{BenchConfig, BenchReport, QUERIES, bench_events};
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Duration;

fn arg<T: std::str::FromStr>(args: &[String], index: usize, default: T) -> Result<T, String> {
    match args.get(index) {
        None => Ok(default),
        Some(value) => value
            .parse()
            .map_err(|_| format!("argument {index}: cannot read {value:?}")),
    }
}

fn run() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().collect();
    let scratch: tempfile::TempDir = tempfile::tempdir()?;
    let db: PathBuf = match args.get(1) {
        Some(path) if path != "-" => PathBuf::from(path),
        _ => scratch.path().join("bench.sqlite"),
    };
    let mut config: BenchConfig = BenchConfig {
        db,
        events: arg(&args, 2, 100_000u64)?,
        clients: arg(&args, 3, 4usize)?,
        max_requests: arg(&args, 4, 30_000usize)?,
        max_duration: Duration::from_secs(arg(&args, 5, 20u64)?),
        cache: true,
        pages: arg(&args, 6, 3usize)?,
    };
    eprintln!("queries (round robin, each with offset 0, 50, ...): {QUERIES:#?}");
    for cache in [true, false] {
        config.cache = cache;
        let report: BenchReport = bench_events(&config)?;
        println!("{}", serde_json::to_string_pretty(&report)?);
    }
    Ok(())
}

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("serve_bench: {e}");
            ExitCode::FAILURE
        }
    }
}
