//! Times the one-time gazetteer parse: `cargo run --release -p annalist-enrich --example gazetteer_load`
//! (or under `valgrind --tool=callgrind` for instruction counts).

use std::time::Instant;

use annalist_enrich::gazetteer::Gazetteer;

fn main() {
    let started: Instant = Instant::now();
    let gazetteer: &Gazetteer = Gazetteer::global();
    let elapsed = started.elapsed();
    println!(
        "gazetteer: {} places loaded in {:.1} ms",
        gazetteer.len(),
        elapsed.as_secs_f64() * 1000.0
    );
}
