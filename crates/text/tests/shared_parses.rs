//! Parses every `<Parse>` of the shared PETRARCH files, round-trips each tree and
//! aligns its words to the record text. Skipped when `../shared` is absent.

use std::path::{Path, PathBuf};

use annalist_ingest::{SentenceRecord, read_petrarch_xml};
use annalist_text::{Span, Tree, align_words, parse_ptb};

fn shared_records(name: &str) -> Option<Vec<SentenceRecord>> {
    let path: PathBuf = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared/data/petrarch2/text")
        .join(name);
    if !path.is_file() {
        println!("SKIPPED: shared data file {} is absent", path.display());
        return None;
    }
    match read_petrarch_xml(&path) {
        Ok(file) => {
            assert!(file.errors.is_empty(), "{:?}", file.errors);
            Some(file.sentences().cloned().collect())
        }
        Err(error) => panic!("{error}"),
    }
}

/// Parses all trees; returns (parsed, rejected ids). Every parsed tree must round-trip.
fn check_parses(records: &[SentenceRecord]) -> (Vec<(SentenceRecord, Tree)>, Vec<String>) {
    let mut parsed: Vec<(SentenceRecord, Tree)> = Vec::new();
    let mut rejected: Vec<String> = Vec::new();
    let mut reused: Tree = Tree::new();
    for record in records {
        let source: &str = record.parse.as_deref().unwrap_or_default();
        match parse_ptb(source) {
            Ok(tree) => {
                let printed: String = tree.to_bracketed();
                let again: Tree =
                    parse_ptb(&printed).unwrap_or_else(|e| panic!("{}: {e}", record.id));
                assert_eq!(again, tree, "{}: round trip", record.id);
                assert_eq!(again.to_bracketed(), printed, "{}", record.id);
                reused
                    .parse_into(source)
                    .unwrap_or_else(|e| panic!("{}: {e}", record.id));
                assert_eq!(reused, tree, "{}: parse_into", record.id);
                assert_eq!(tree.leaf_range(tree.root()), 0..tree.leaves().len());
                parsed.push((record.clone(), tree));
            }
            Err(error) => {
                println!("{}: {error}", record.id);
                rejected.push(record.id.clone());
            }
        }
    }
    (parsed, rejected)
}

/// Aligns every tree to its text; returns (aligned tokens, total tokens).
fn check_alignment(parsed: &[(SentenceRecord, Tree)]) -> (usize, usize) {
    let (mut aligned, mut total): (usize, usize) = (0, 0);
    for (record, tree) in parsed {
        if record.text.is_empty() {
            continue;
        }
        let spans: Vec<Option<Span>> = align_words(&record.text, tree.words());
        assert_eq!(spans.len(), tree.leaves().len());
        let mut previous_end: u32 = 0;
        for (word, span) in tree.words().zip(&spans) {
            total += 1;
            let Some(span) = span else {
                println!("{}: unaligned token {word:?}", record.id);
                continue;
            };
            aligned += 1;
            assert!(
                span.slice(&record.text).is_some(),
                "{}: {span:?}",
                record.id
            );
            assert!(
                span.start >= previous_end,
                "{}: spans go backwards",
                record.id
            );
            previous_end = span.end;
        }
    }
    (aligned, total)
}

#[test]
fn unit_test_parses() {
    let Some(records) = shared_records("PETR.UnitTest.records.xml") else {
        return;
    };
    assert_eq!(records.len(), 284);
    let (parsed, rejected) = check_parses(&records);
    // ERROR-02 and ERROR-03 are deliberately unbalanced (expected error bad_input_parse).
    for id in &rejected {
        let record = records.iter().find(|r| &r.id == id).expect("known id");
        assert_eq!(
            record.expected_error.as_deref(),
            Some("bad_input_parse"),
            "{id}"
        );
    }
    assert_eq!(parsed.len() + rejected.len(), 284);
    let (aligned, total) = check_alignment(&parsed);
    println!("unit tests: aligned {aligned} of {total} tokens");
    // A few unit-test records have text and parse that disagree (e.g. COMMA-11).
    assert!(
        aligned * 100 >= total * 99,
        "aligned only {aligned} of {total}"
    );
}

#[test]
fn gigaword_parses() {
    let Some(records) = shared_records("GigaWord.sample.PETR.xml") else {
        return;
    };
    assert_eq!(records.len(), 76);
    let (parsed, rejected) = check_parses(&records);
    assert!(rejected.is_empty(), "{rejected:?}");
    let (aligned, total) = check_alignment(&parsed);
    println!("gigaword: aligned {aligned} of {total} tokens");
    // Several sample records pair a text with the parse of a different sentence
    // (GOLD_5 has a headline as text, AFP0808020824_1 says "man" where the parse
    // says "Nigerian student"), so fewer tokens can be found.
    assert!(
        aligned * 100 >= total * 90,
        "aligned only {aligned} of {total}"
    );
}
