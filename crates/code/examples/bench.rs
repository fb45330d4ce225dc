//! Throughput of the coder on the GigaWord sample with the Phoenix dictionaries:
//! `cargo run --release -p annalist-code --example bench [N]` (default 50,000
//! sentences, the sample repeated), timing tree parsing plus coding on one core.

use std::path::{Path, PathBuf};
use std::time::Instant;

use annalist_code::{Coder, CodingOptions, SentenceInput};
use annalist_dict::{DictionaryPaths, load_set};
use annalist_ingest::read_petrarch_xml;

fn main() {
    let n: usize = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(50_000);
    let dir: PathBuf = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data/petrarch2");
    let t0: Instant = Instant::now();
    let dicts = match load_set(&DictionaryPaths::phoenix(&dir.join("dictionaries"))) {
        Ok(d) => d,
        Err(e) => {
            eprintln!("cannot load dictionaries: {e}");
            return;
        }
    };
    let coder: Coder = Coder::new(&dicts.dict);
    drop(dicts);
    let load: f64 = t0.elapsed().as_secs_f64();
    let file = match read_petrarch_xml(dir.join("text/GigaWord.sample.PETR.xml")) {
        Ok(f) => f,
        Err(e) => {
            eprintln!("cannot read sample: {e}");
            return;
        }
    };
    let sample: Vec<SentenceInput<'_>> = file
        .sentences()
        .map(|s| SentenceInput {
            doc_id: &s.id,
            sentence_id: &s.id,
            date: Some(&s.date),
            text: &s.text,
            parse: s.parse.as_deref().unwrap_or(""),
        })
        .collect();
    if sample.is_empty() {
        eprintln!("no sentences");
        return;
    }
    let inputs: Vec<SentenceInput<'_>> = sample.iter().cycle().take(n).copied().collect();
    let options: CodingOptions = CodingOptions::default();
    let one = coder.code_batch(&sample, &options);
    // Tree parsing alone, for reference.
    let t0: Instant = Instant::now();
    let mut tree: annalist_text::Tree = annalist_text::Tree::new();
    let mut nodes: usize = 0;
    for s in &inputs {
        if tree.parse_into(s.parse).is_ok() {
            nodes += tree.node_count();
        }
    }
    let parse_secs: f64 = t0.elapsed().as_secs_f64();
    let t1: Instant = Instant::now();
    let out = coder.code_batch(&inputs, &options);
    let secs: f64 = t1.elapsed().as_secs_f64();
    println!("parsing alone: {parse_secs:.3}s ({nodes} nodes)");
    println!(
        "dictionaries compiled in {load:.2}s; sample: {} sentences, {} events, {} skipped",
        sample.len(),
        one.events.len(),
        one.errors.len()
    );
    println!(
        "{} sentences in {secs:.3}s = {:.0} sentences/s ({} events)",
        inputs.len(),
        inputs.len() as f64 / secs,
        out.events.len()
    );
}
