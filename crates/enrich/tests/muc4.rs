//! MUC-4 dev set: fatality counts in ALL-CAPS newswire (goal ≥ 70 %).
//! Run `cargo test -p annalist-enrich --test muc4 -- --nocapture` to see the rate.

#[path = "support/muc4_eval.rs"]
mod muc4_eval;

use std::path::{Path, PathBuf};

#[test]
fn muc4_fatality_counts() {
    let dir: PathBuf =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data/gold-dev/muc4-dev");
    if !dir.is_dir() {
        println!("SKIP: {} is absent", dir.display());
        return;
    }
    let outcome: muc4_eval::Outcome = muc4_eval::evaluate(&dir);
    let rate: f64 = outcome.found as f64 / outcome.total.max(1) as f64;
    println!(
        "MUC-4 dev fatality counts: {}/{} = {:.1} %",
        outcome.found,
        outcome.total,
        rate * 100.0
    );
    println!(
        "misses: {} (run the muc4_casualties example to list them)",
        outcome.misses.len()
    );
    assert!(
        outcome.total > 50,
        "too few templates parsed: {}",
        outcome.total
    );
    assert!(rate >= 0.70, "rate {rate:.3} below 0.70");
}
