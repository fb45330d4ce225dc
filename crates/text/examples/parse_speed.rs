//! Rough timing of `Tree::parse_into` on the shared PETRARCH parses.
//!
//! `cargo run --release -p annalist-text --example parse_speed`
//! (prints a skip message when `../shared` is absent).

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use annalist_ingest::read_petrarch_xml;
use annalist_text::{Span, Tree, align_words};

fn main() {
    let dir: PathBuf =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data/petrarch2/text");
    for name in ["GigaWord.sample.PETR.xml", "PETR.UnitTest.records.xml"] {
        let path: PathBuf = dir.join(name);
        if !path.is_file() {
            println!("SKIPPED: {} is absent", path.display());
            return;
        }
        match read_petrarch_xml(&path) {
            Ok(file) => {
                let parses: Vec<(String, String)> = file
                    .sentences()
                    .filter_map(|s| Some((s.parse.clone()?, s.text.clone())))
                    .collect();
                println!("{name}:");
                time(&parses);
            }
            Err(error) => eprintln!("{error}"),
        }
    }
}

fn time(parses: &[(String, String)]) {
    let bytes: usize = parses.iter().map(|(p, _)| p.len()).sum::<usize>() / parses.len().max(1);
    let mut tree: Tree = Tree::new();
    let rounds: usize = 200;
    let mut leaves: usize = 0;
    let start: Instant = Instant::now();
    for _ in 0..rounds {
        for (parse, _) in parses {
            if tree.parse_into(parse).is_ok() {
                leaves += tree.leaves().len();
            }
        }
    }
    let parse_time: Duration = start.elapsed();
    let sentences: usize = rounds * parses.len();
    println!(
        "  parse_into: {:.2} µs/tree, {:.0} trees/s ({:.1} leaves, {bytes} bytes per tree)",
        parse_time.as_secs_f64() * 1e6 / sentences as f64,
        sentences as f64 / parse_time.as_secs_f64(),
        leaves as f64 / sentences as f64,
    );
    let start: Instant = Instant::now();
    let mut aligned: usize = 0;
    for _ in 0..rounds {
        for (parse, text) in parses {
            if tree.parse_into(parse).is_ok() {
                let spans: Vec<Option<Span>> = align_words(text, tree.words());
                aligned += spans.iter().flatten().count();
            }
        }
    }
    let both: Duration = start.elapsed();
    println!(
        "  parse_into + align_words: {:.2} µs/tree ({} aligned tokens per round)",
        both.as_secs_f64() * 1e6 / sentences as f64,
        aligned / rounds
    );
}
