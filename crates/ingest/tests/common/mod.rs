//! Helpers shared by the integration tests: fixture paths and reading them.

#![allow(
    dead_code,
    reason = "each test binary uses a different subset of the helpers"
)]

use std::path::{Path, PathBuf};

use annalist_ingest::{Date, Document, DocumentError, DocumentResult, InputFormat, read_path};

/// `tests/fixtures/<name>`.
pub fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

/// Every result of reading a fixture with auto-detection and no default date.
pub fn read_fixture(name: &str) -> Vec<DocumentResult> {
    read_path(fixture(name), InputFormat::Auto, None).collect()
}

/// The documents of a fixture that must read without errors.
pub fn documents(name: &str) -> Vec<Document> {
    read_fixture(name)
        .into_iter()
        .map(|result: DocumentResult| match result {
            Ok(document) => document,
            Err(error) => panic!("unexpected error: {error}"),
        })
        .collect()
}

/// Splits results into documents and errors.
pub fn split(results: Vec<DocumentResult>) -> (Vec<Document>, Vec<DocumentError>) {
    let mut documents: Vec<Document> = Vec::new();
    let mut errors: Vec<DocumentError> = Vec::new();
    for result in results {
        match result {
            Ok(document) => documents.push(document),
            Err(error) => errors.push(error),
        }
    }
    (documents, errors)
}

/// 2024-03-20, the default report date used by the tests.
pub fn default_date() -> Option<Date> {
    Date::new(2024, 3, 20)
}
