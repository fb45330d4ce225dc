//! Prints the MUC-4 dev fatality-count rate and the misses:
//! `cargo run -p annalist-enrich --example muc4_casualties [DIR]`.

#[path = "../tests/support/muc4_eval.rs"]
mod muc4_eval;

use std::path::PathBuf;

fn main() {
    let dir: PathBuf = std::env::args()
        .nth(1)
        .map(PathBuf::from)
        .unwrap_or_else(|| {
            PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data/gold-dev/muc4-dev")
        });
    if !dir.is_dir() {
        println!("SKIP: {} is absent", dir.display());
        return;
    }
    let outcome: muc4_eval::Outcome = muc4_eval::evaluate(&dir);
    for miss in &outcome.misses {
        println!("MISS {miss}");
    }
    let rate: f64 = outcome.found as f64 / outcome.total.max(1) as f64;
    println!(
        "MUC-4 dev fatality counts: {}/{} = {:.1} %",
        outcome.found,
        outcome.total,
        rate * 100.0
    );
}
