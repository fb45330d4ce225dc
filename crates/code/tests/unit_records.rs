//! Runs the PETRARCH unit-test records (shared data) through the coder with the
//! validation dictionaries and checks the pass count against a floor.
//!
//! `ANNALIST_VERBOSE=1` prints expected and produced triples of failing records,
//! `ANNALIST_ONLY=PREFIX` runs only records whose id starts with PREFIX, and
//! `ANNALIST_EXPLAIN=1` prints the linear form (`Coder::explain`) of failing records:
//! `ANNALIST_VERBOSE=1 cargo test -p annalist-code --test unit_records -- --nocapture`.

use std::path::{Path, PathBuf};

use annalist_code::{Coder, CodingOptions, SentenceInput};
use annalist_dict::{DictionaryPaths, load_set};
use annalist_ingest::{Record, read_petrarch_xml};

/// Passing records reached so far; raise as the coder improves.
const FLOOR: usize = 279;

fn shared() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data/petrarch2")
}

#[test]
fn petrarch_unit_records() {
    let dir: PathBuf = shared();
    let records: PathBuf = dir.join("text/PETR.UnitTest.records.xml");
    if !records.exists() {
        println!("skipping: {} not found", records.display());
        return;
    }
    let dicts =
        load_set(&DictionaryPaths::petr_validate(&dir.join("dictionaries"))).expect("dictionaries");
    let coder: Coder = Coder::new(&dicts.dict);
    let file = read_petrarch_xml(&records).expect("records");
    let mut options: CodingOptions = CodingOptions::default();
    let verbose: bool = std::env::var("ANNALIST_VERBOSE").is_ok();
    let only: Option<String> = std::env::var("ANNALIST_ONLY").ok();
    let (mut pass, mut total) = (0usize, 0usize);
    let mut failed: Vec<String> = Vec::new();
    for rec in &file.records {
        let s = match rec {
            Record::Config(c) => {
                options.apply(&c.option, &c.value);
                continue;
            }
            Record::Stop => break,
            Record::Sentence(s) => s,
        };
        if let Some(o) = &only
            && !s.id.starts_with(o.as_str())
        {
            continue;
        }
        total += 1;
        let input = SentenceInput {
            doc_id: "unit",
            sentence_id: &s.id,
            date: Some(&s.date),
            text: &s.text,
            parse: s.parse.as_deref().unwrap_or(""),
        };
        let mut got: Vec<(String, String, String)> = match coder.code_sentence(&input, &options) {
            Ok(events) => events
                .iter()
                .map(|e| {
                    let a = e
                        .source
                        .as_ref()
                        .and_then(|a| a.code.clone())
                        .unwrap_or_else(|| "---".to_string());
                    let b = e
                        .target
                        .as_ref()
                        .and_then(|a| a.code.clone())
                        .unwrap_or_else(|| "---".to_string());
                    (a, b, e.cameo.clone())
                })
                .collect(),
            Err(_) => Vec::new(),
        };
        let mut want: Vec<(String, String, String)> =
            if s.expects_no_events || s.expected_error.is_some() {
                Vec::new()
            } else {
                s.expected
                    .iter()
                    .map(|e| (e.source.clone(), e.target.clone(), e.code.clone()))
                    .collect()
            };
        got.sort();
        want.sort();
        if got == want {
            pass += 1;
        } else {
            failed.push(s.id.clone());
            if std::env::var("ANNALIST_EXPLAIN").is_ok() {
                println!(
                    "{}",
                    coder
                        .explain(&input, &options)
                        .unwrap_or_else(|e| e.to_string())
                );
            }
            if verbose {
                println!(
                    "FAIL {} [{}]\n  text: {}\n  want: {:?}\n  got:  {:?}",
                    s.id,
                    s.category.as_deref().unwrap_or(""),
                    s.text,
                    want,
                    got
                );
            }
        }
    }
    println!("passed {pass} of {total}");
    println!("failed: {}", failed.join(" "));
    if only.is_none() {
        assert!(pass >= FLOOR, "pass count {pass} fell below floor {FLOOR}");
    }
}
