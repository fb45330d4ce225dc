//! Accuracy of the English front end against the `<Parse>` trees of the shared
//! PETRARCH files: POS tag accuracy on tokens whose spans match, token span
//! agreement, and labelled bracket F1 (PARSEVAL over character spans, ignoring
//! punctuation, preterminals and the ROOT label).
//!
//! `cargo run --release -p annalist-text --example frontend_eval [-- --show N]`

mod common;

use std::path::{Path, PathBuf};

use common::scoring;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let show: usize = args
        .iter()
        .position(|a| a == "--show")
        .and_then(|i| args.get(i + 1))
        .and_then(|n| n.parse().ok())
        .unwrap_or(0);
    let miss: Option<&str> = args
        .iter()
        .position(|a| a == "--miss")
        .and_then(|i| args.get(i + 1))
        .map(String::as_str);
    let dir: PathBuf =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data/petrarch2/text");
    for name in ["PETR.UnitTest.records.xml", "GigaWord.sample.PETR.xml"] {
        let Some(totals) = scoring::score_file(&dir.join(name), show, miss) else {
            continue;
        };
        let (precision, recall, f1) = totals.bracket_scores();
        println!(
            "{name}: {} sentences ({} kept as one segment); tokens: {}/{} spans match ({:.1}%), tag accuracy {:.2}% on matched; brackets P {:.1}% R {:.1}% F1 {:.1}%",
            totals.sentences,
            totals.one_sentence,
            totals.span_matched,
            totals.gold_tokens,
            100.0 * totals.token_match(),
            100.0 * totals.tag_accuracy(),
            100.0 * precision,
            100.0 * recall,
            100.0 * f1,
        );
        if args.iter().any(|a| a == "--labels") {
            let mut labels: Vec<(&String, &(usize, usize, usize))> = totals.labels.iter().collect();
            labels.sort_by_key(|entry| std::cmp::Reverse(entry.1.0 + entry.1.1));
            for (label, (gold, ours, matched)) in labels.iter().take(14) {
                println!("  {label:6} gold {gold:5} ours {ours:5} matched {matched:5}");
            }
        }
    }
}
