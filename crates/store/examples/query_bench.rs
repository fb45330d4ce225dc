//! Time `Store::query_events` per filter on an existing store (e.g. the serve bench's).
//!
//! `cargo run --release -p annalist-store --example query_bench -- DB [REPEATS]`
//!
//! For each of the serve benchmark's six filters (page 1, `limit 50`) prints the median of
//! REPEATS (default 50) calls: **cold** = on a connection that has not counted the filter
//! yet (a fresh read-only connection per call; the open itself is timed apart and not
//! included), **warm** = the same connection again (its total is remembered; the page query
//! runs every time). Read-only: the store is not changed.

use annalist_store::{EventFilter, Store};
use std::error::Error;
use std::time::{Duration, Instant};

fn text(value: &str) -> Option<String> {
    Some(value.to_string())
}

/// The filters of `annalist_serve::bench::QUERIES`.
fn filters() -> Vec<(&'static str, EventFilter)> {
    let page = || EventFilter {
        limit: Some(50),
        ..EventFilter::default()
    };
    vec![
        (
            "country=UKR",
            EventFilter {
                country: text("UKR"),
                ..page()
            },
        ),
        (
            "cameo_root=19 + March",
            EventFilter {
                cameo_root: text("19"),
                from: text("2024-03-01"),
                to: text("2024-03-31"),
                ..page()
            },
        ),
        (
            "actor=RUS + June",
            EventFilter {
                actor: text("RUS"),
                from: text("2024-06"),
                to: text("2024-06"),
                ..page()
            },
        ),
        (
            "bbox=25,35,35,45",
            EventFilter {
                bbox: Some((25.0, 35.0, 35.0, 45.0)),
                ..page()
            },
        ),
        (
            "plover=ASSAULT + country=SYR + from 2024-10",
            EventFilter {
                plover: text("ASSAULT"),
                country: text("SYR"),
                from: text("2024-10"),
                ..page()
            },
        ),
        (
            "q=4242",
            EventFilter {
                text: text("4242"),
                ..page()
            },
        ),
    ]
}

fn median(mut times: Vec<Duration>) -> f64 {
    times.sort_unstable();
    times
        .get(times.len() / 2)
        .map_or(0.0, |t| t.as_secs_f64() * 1000.0)
}

fn main() -> Result<(), Box<dyn Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let db: &str = args.first().ok_or("usage: query_bench DB [REPEATS]")?;
    let repeats: usize = args.get(1).map(|a| a.parse()).transpose()?.unwrap_or(50);
    println!("filter | matches | cold ms (count + page) | warm ms (page) | open ms");
    for (label, filter) in filters() {
        let (mut cold, mut warm, mut open): (Vec<Duration>, Vec<Duration>, Vec<Duration>) =
            (Vec::new(), Vec::new(), Vec::new());
        let mut matches: u64 = 0;
        for _ in 0..repeats {
            let started: Instant = Instant::now();
            let store: Store = Store::open_read_only(db)?;
            store
                .connection()
                .pragma_update(None, "mmap_size", 256i64 * 1024 * 1024)?;
            open.push(started.elapsed());
            let started: Instant = Instant::now();
            matches = store.query_events(&filter)?.0;
            cold.push(started.elapsed());
            let started: Instant = Instant::now();
            store.query_events(&filter)?;
            warm.push(started.elapsed());
        }
        println!(
            "{label} | {matches} | {:.2} | {:.2} | {:.2}",
            median(cold),
            median(warm),
            median(open)
        );
    }
    Ok(())
}
