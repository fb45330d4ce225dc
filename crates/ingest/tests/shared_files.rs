//! Reads the real PETRARCH sample files from `../shared` (skipped when absent).

use std::path::{Path, PathBuf};

use annalist_ingest::{PetrarchFile, Record, SentenceRecord, read_petrarch_xml};

fn shared_file(name: &str) -> Option<PathBuf> {
    let path: PathBuf = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared/data/petrarch2/text")
        .join(name);
    if path.is_file() {
        Some(path)
    } else {
        println!("SKIPPED: shared data file {} is absent", path.display());
        None
    }
}

fn read(name: &str) -> Option<PetrarchFile> {
    let path: PathBuf = shared_file(name)?;
    match read_petrarch_xml(&path) {
        Ok(file) => Some(file),
        Err(error) => panic!("{error}"),
    }
}

#[test]
fn unit_test_records() {
    let Some(file) = read("PETR.UnitTest.records.xml") else {
        return;
    };
    assert!(file.errors.is_empty(), "{:#?}", file.errors);
    let sentences: Vec<&SentenceRecord> = file.sentences().collect();
    assert_eq!(sentences.len(), 284);
    let configs: usize = file
        .records
        .iter()
        .filter(|record| matches!(record, Record::Config(_)))
        .count();
    assert_eq!(
        configs, 28,
        "Config records outside the environment and comments"
    );
    assert!(
        !file
            .records
            .iter()
            .any(|record| matches!(record, Record::Stop))
    );

    let environment = file.environment.as_ref().expect("environment");
    assert_eq!(
        environment.verbfile.as_deref(),
        Some("PETR.Validate.verbs.txt")
    );
    assert_eq!(environment.actorfiles, ["PETR.Validate.actors.txt"]);
    assert_eq!(environment.include.len(), 12);
    assert_eq!(environment.config.len(), 1);
    assert_eq!(environment.config[0].option, "stop_on_error");

    let first: &SentenceRecord = sentences[0];
    assert_eq!(first.id, "DEMO-00");
    assert_eq!(first.line, 61);
    assert_eq!(first.category.as_deref(), Some("DEMO"));
    assert_eq!(first.expected.len(), 1);
    assert_eq!(
        (
            first.expected[0].source.as_str(),
            first.expected[0].code.as_str()
        ),
        ("ARN", "064")
    );
    assert!(first.text.starts_with("Arnor is about to restore"));
    assert!(first.text.ends_with("its embassy."));
    assert!(first.raw_text.starts_with('\n'));
    assert!(first.normalized_text().contains("Gondor almost five years"));
    assert!(
        first
            .parse
            .as_deref()
            .is_some_and(|parse| parse.starts_with("(ROOT"))
    );
    assert!(
        sentences
            .iter()
            .all(|s| s.parsed_date.is_some() && s.parse.is_some())
    );

    let no_events: usize = sentences.iter().filter(|s| s.expects_no_events).count();
    assert_eq!(no_events, 19 + 7);
    let errors: usize = sentences
        .iter()
        .filter(|s| s.expected_error.is_some())
        .count();
    assert_eq!(errors, 7);
    let expected: usize = sentences.iter().map(|s| s.expected.len()).sum();
    assert_eq!(expected, 385 - 19 - 7);
    // Single-quoted attribute values keep their double quotes.
    assert!(
        sentences
            .iter()
            .flat_map(|s| &s.expected)
            .any(|e| e.source == "\"INJURY TOLL\"")
    );
    // `&amp;` is resolved in text and parse.
    assert!(sentences.iter().any(|s| s.text.contains("&TIETYPE")));
    assert!(
        sentences
            .iter()
            .any(|s| s.parse.as_deref().is_some_and(|p| p.contains("(CC &)")))
    );

    let config_order: Vec<(String, String)> = file
        .records
        .iter()
        .filter_map(|record| match record {
            Record::Config(option) => Some((option.option.clone(), option.value.clone())),
            _ => None,
        })
        .take(3)
        .collect();
    assert_eq!(
        config_order[0],
        ("new_actor_length".to_string(), "4".to_string())
    );
    assert_eq!(
        config_order[2],
        ("require_dyad".to_string(), "false".to_string())
    );
    assert_eq!(
        sentences.last().map(|s| s.id.as_str()),
        Some("FINAL-RECORD")
    );
}

#[test]
fn gigaword_sample() {
    let Some(file) = read("GigaWord.sample.PETR.xml") else {
        return;
    };
    assert!(file.errors.is_empty(), "{:#?}", file.errors);
    assert!(file.environment.is_none());
    let sentences: Vec<&SentenceRecord> = file.sentences().collect();
    assert_eq!(sentences.len(), 76);
    assert_eq!(file.records.len(), 76);
    let first: &SentenceRecord = sentences[0];
    assert_eq!(first.id, "AFP0808020625_4");
    assert_eq!(first.date, "20080804");
    assert_eq!(first.source.as_deref(), Some("AFP"));
    assert_eq!(first.line, 13);
    assert!(
        sentences
            .iter()
            .all(|s| s.expected.is_empty() && !s.expects_no_events)
    );
    assert!(sentences.iter().all(|s| s.parse.is_some()));
    // Some sample records carry only a parse: their <Text> is blank.
    let blank: Vec<&str> = sentences
        .iter()
        .filter(|s| s.text.is_empty())
        .map(|s| s.id.as_str())
        .collect();
    println!("GigaWord records with blank <Text>: {blank:?}");
    assert!(blank.len() < sentences.len() / 2);
}

/// `../shared/data/<relative>`, or `None` (with a note) when absent.
fn shared_data(relative: &str) -> Option<PathBuf> {
    let path: PathBuf = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared/data")
        .join(relative);
    if path.exists() {
        Some(path)
    } else {
        println!("SKIPPED: shared data {} is absent", path.display());
        None
    }
}

#[test]
fn petrarch_folder_as_documents() {
    let Some(folder) = shared_data("petrarch2/text") else {
        return;
    };
    let results: Vec<annalist_ingest::DocumentResult> =
        annalist_ingest::read_path(&folder, annalist_ingest::InputFormat::Auto, None).collect();
    let errors: Vec<String> = results
        .iter()
        .filter_map(|result| result.as_ref().err().map(ToString::to_string))
        .collect();
    assert!(errors.is_empty(), "{errors:#?}");
    assert_eq!(
        results.len(),
        76 + 284,
        "GigaWord sample, then the unit-test records"
    );
    let first: &annalist_ingest::Document = match &results[0] {
        Ok(document) => document,
        Err(error) => panic!("{error}"),
    };
    assert_eq!(first.id, "AFP0808020625_4");
    assert_eq!(first.date.as_deref(), Some("2008-08-04"));
    assert_eq!(first.parses.len(), 1);
}

#[test]
fn seed_article_as_text_and_jsonl() {
    let Some(folder) = shared_data("seed") else {
        return;
    };
    let results: Vec<annalist_ingest::DocumentResult> =
        annalist_ingest::read_path(&folder, annalist_ingest::InputFormat::Auto, None).collect();
    let documents: Vec<&annalist_ingest::Document> = results
        .iter()
        .map(|result| match result {
            Ok(document) => document,
            Err(error) => panic!("{error}"),
        })
        .collect();
    assert_eq!(documents.len(), 2);
    let (jsonl, text) = (documents[0], documents[1]);
    assert_eq!(jsonl.id, "seed-1");
    assert_eq!(jsonl.date.as_deref(), Some("2021-11-16"));
    assert_eq!(jsonl.source.as_deref(), Some("Press TV"));
    assert_eq!(text.title, None, "the first line is a breadcrumb");
    assert!(text.text.contains("Iran has voiced concern"));
}
