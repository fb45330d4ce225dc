//! Throughput of the English front end (segment + tokenize + tag + parse) on one
//! core, over the texts of the shared PETRARCH files (or a built-in sample).
//!
//! `cargo run --release -p annalist-text --example frontend_speed [-- SECONDS]`

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use annalist_ingest::read_petrarch_xml;
use annalist_text::{Analyzer, SentenceView, Tag, Tagger, Token, Tokenizer, segment_tokens};

const SAMPLE: &str = "The stopover came as the US leader prepared to attend the Beijing Olympics, an \
event which will test his vow to keep politics out of the Games. A court in Guyana has issued arrest \
warrants for two Brazilian men sought in the brutal slaying of two American missionaries in southern \
Guyana three years ago, a senior Guyanese police officer said Wednesday.";

fn texts() -> Vec<String> {
    let dir: PathBuf =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data/petrarch2/text");
    let mut texts: Vec<String> = Vec::new();
    for name in ["GigaWord.sample.PETR.xml", "PETR.UnitTest.records.xml"] {
        if let Ok(file) = read_petrarch_xml(dir.join(name)) {
            texts.extend(
                file.sentences()
                    .map(|record| record.text.clone())
                    .filter(|t| !t.trim().is_empty()),
            );
        }
    }
    if texts.is_empty() {
        println!("shared data absent: using the built-in sample");
        texts.push(SAMPLE.to_string());
    }
    texts
}

/// Seconds this thread has run on a CPU (Linux `/proc/thread-self/schedstat`), so that
/// figures stay meaningful on a shared, busy machine; wall time elsewhere.
struct Clock {
    wall: Instant,
    cpu: Option<f64>,
}

fn cpu_seconds() -> Option<f64> {
    let text: String = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    let nanos: f64 = text.split_whitespace().next()?.parse().ok()?;
    Some(nanos / 1e9)
}

impl Clock {
    fn start() -> Clock {
        Clock {
            wall: Instant::now(),
            cpu: cpu_seconds(),
        }
    }

    fn seconds(&self) -> f64 {
        match (self.cpu, cpu_seconds()) {
            (Some(start), Some(now)) => now - start,
            _ => self.wall.elapsed().as_secs_f64(),
        }
    }
}

fn main() {
    let seconds: f64 = std::env::args()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(3.0);
    let texts: Vec<String> = texts();
    let budget: Duration = Duration::from_secs_f64(seconds);

    let mut analyzer: Analyzer = Analyzer::new();
    let (mut sentences, mut tokens, mut leaves): (usize, usize, usize) = (0, 0, 0);
    let started: Instant = Instant::now();
    let clock: Clock = Clock::start();
    while started.elapsed() < budget {
        for text in &texts {
            analyzer.for_each_sentence(text, |view: SentenceView<'_, '_>| {
                sentences += 1;
                tokens += view.tokens.len();
                leaves += view.tree.leaves().len();
            });
        }
    }
    let elapsed: f64 = clock.seconds();
    println!(
        "full pipeline (CPU time): {sentences} sentences, {tokens} tokens in {elapsed:.2} s: {:.0} sentences/s, {:.0} tokens/s, {:.2} µs/sentence ({:.1} tokens/sentence)",
        sentences as f64 / elapsed,
        tokens as f64 / elapsed,
        1e6 * elapsed / sentences as f64,
        tokens as f64 / sentences as f64,
    );
    assert_eq!(tokens, leaves);

    // Stage breakdown.
    let mut buffer: Vec<Token<'_>> = Vec::new();
    let mut segments = Vec::new();
    let mut rounds: usize = 0;
    let started: Instant = Instant::now();
    let clock: Clock = Clock::start();
    while started.elapsed() < budget / 3 {
        for text in &texts {
            buffer.clear();
            segments.clear();
            Tokenizer::new().tokenize_into(text, &mut buffer);
            segment_tokens(text, &buffer, &mut segments);
        }
        rounds += 1;
    }
    let per_round: f64 = clock.seconds() / rounds as f64;
    println!(
        "tokenize + segment: {:.2} µs per text ({} texts)",
        1e6 * per_round / texts.len() as f64,
        texts.len()
    );

    let words: Vec<Vec<&str>> = texts
        .iter()
        .map(|text| {
            let mut toks: Vec<Token<'_>> = Vec::new();
            Tokenizer::new().tokenize_into(text, &mut toks);
            toks.iter().map(|t| t.word).collect()
        })
        .collect();
    let mut tagger: Tagger = Tagger::new();
    let mut tags: Vec<Tag> = Vec::new();
    let (mut tagged, mut rounds): (usize, usize) = (0, 0);
    let started: Instant = Instant::now();
    let clock: Clock = Clock::start();
    while started.elapsed() < budget / 3 {
        for sentence in &words {
            tagger.tag(sentence, &mut tags);
            tagged += tags.len();
        }
        rounds += 1;
    }
    let elapsed: f64 = clock.seconds();
    println!(
        "tagging: {:.0} tokens/s ({:.0} ns/token, {rounds} rounds)",
        tagged as f64 / elapsed,
        1e9 * elapsed / tagged as f64
    );
}
