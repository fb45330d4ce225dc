//! A folder mixing good files with a truncated gzip, binary junk, invalid
//! UTF-8 and malformed XML: the good documents come out in sorted path order,
//! each bad file is one clear error, and reading never stops early.

mod common;

use std::path::PathBuf;

use annalist_ingest::{DocumentResult, InputFormat, read_path};
use common::{default_date, fixture};

/// What one result looks like with the folder prefix removed.
fn describe(result: &DocumentResult, folder: &str) -> String {
    match result {
        Ok(document) => format!(
            "ok {} {}",
            document.origin.to_string().replacen(folder, "", 1),
            document.id.replacen(folder, "", 1)
        ),
        Err(error) => format!("error {}", error.to_string().replacen(folder, "", 1)),
    }
}

#[test]
fn good_documents_and_one_error_per_bad_file() {
    let folder: PathBuf = fixture("mixed");
    let prefix: String = format!("{}/", folder.display());
    let results: Vec<DocumentResult> =
        read_path(&folder, InputFormat::Auto, default_date()).collect();
    let described: Vec<String> = results
        .iter()
        .map(|result: &DocumentResult| describe(result, &prefix))
        .collect();
    let expected: [&str; 11] = [
        "ok a-good.txt a-good.txt",
        "error bad-utf8.html: declared UTF-8 but byte 116 is not valid UTF-8",
        "error damaged-utf8.txt: not valid UTF-8 at byte 66 (the rest looks like UTF-8, so the file is probably damaged)",
        "ok good.jsonl:1 m-1",
        "ok good.jsonl:2 m-2",
        "error junk.bin: looks like binary data, not a news format",
        "ok latin1.txt latin1.txt",
        "error malformed.xml: not a readable RSS/Atom feed: unable to parse XML: Parser error: syntax error: tag not closed: `>` not found before end of input",
        "ok sub/page.html sub/page.html",
        "ok truncated.warc.gz: record 3 urn:uuid:00000000-0000-4000-8000-000000000003",
        "error truncated.warc.gz: record 4: read failed: gzip data truncated or corrupt (incomplete deflate stream)",
    ];
    assert_eq!(described, expected, "{described:#?}");
    let dates: Vec<Option<&str>> = results
        .iter()
        .filter_map(|result: &DocumentResult| result.as_ref().ok())
        .map(|document| document.date.as_deref())
        .collect();
    assert_eq!(
        dates,
        [
            Some("2024-03-20"),
            Some("2024-03-20"),
            Some("2024-03-09"),
            Some("2024-03-20"),
            Some("2024-03-12"),
            Some("2024-03-12")
        ],
        "the default date fills only missing dates"
    );
    let latin1: Option<&str> = results
        .iter()
        .filter_map(|result: &DocumentResult| result.as_ref().ok())
        .find(|document| document.id.ends_with("latin1.txt"))
        .map(|document| document.text.as_str());
    assert_eq!(
        latin1,
        Some("Le conseil de Dale a condamn\u{e9} l'attaque contre le march\u{e9} de Laketown.")
    );
}

#[test]
fn missing_path_is_one_error() {
    let results: Vec<DocumentResult> =
        read_path(fixture("no-such-file.txt"), InputFormat::Auto, None).collect();
    assert_eq!(results.len(), 1);
    let message: String = results[0]
        .as_ref()
        .err()
        .map(ToString::to_string)
        .unwrap_or_default();
    assert!(
        message.contains("no-such-file.txt: cannot open:"),
        "{message}"
    );
}
