//! Regression guard for the front end's accuracy against the shared PETRARCH
//! `<Parse>` trees (figures: `cargo run --release -p annalist-text --example
//! frontend_eval`). Skipped when `../shared` is absent.

#[path = "../examples/common/mod.rs"]
mod common;

use std::path::{Path, PathBuf};

use common::scoring::{Totals, score_file};

fn shared(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared/data/petrarch2/text")
        .join(name)
}

#[test]
fn unit_test_records_stay_accurate() {
    let Some(totals) = score_file(&shared("PETR.UnitTest.records.xml"), 0, None) else {
        return;
    };
    let totals: Totals = totals;
    let (_, _, f1) = totals.bracket_scores();
    assert!(totals.token_match() > 0.99, "{}", totals.token_match());
    assert!(totals.tag_accuracy() > 0.95, "{}", totals.tag_accuracy());
    assert!(f1 > 0.86, "bracket F1 {f1}");
}

#[test]
fn gigaword_sample_stays_accurate() {
    let Some(totals) = score_file(&shared("GigaWord.sample.PETR.xml"), 0, None) else {
        return;
    };
    let (_, _, f1) = totals.bracket_scores();
    assert!(totals.tag_accuracy() > 0.94, "{}", totals.tag_accuracy());
    assert!(f1 > 0.80, "bracket F1 {f1}");
}
