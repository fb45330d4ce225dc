//! Property tests: arbitrary bytes, and damaged copies of the fixtures, go
//! into every reader; none panics, every stream ends, and every error names
//! its input.

mod common;

use std::io::Cursor;

use annalist_ingest::{
    DocumentResult, InputFormat, read_feed, read_html, read_input, read_jsonl,
    read_petrarch_documents, read_text, read_warc,
};
use proptest::prelude::*;

/// More results than any test input can give; reaching it means a loop.
const RESULT_LIMIT: usize = 10_000;

/// Reads `bytes` as `format` through the whole pipeline (gzip sniffing,
/// detection, decoding) and checks the stream ends.
fn read_all(bytes: Vec<u8>, name: &str, format: InputFormat) -> Vec<DocumentResult> {
    let results: Vec<DocumentResult> = read_input(Box::new(Cursor::new(bytes)), name, format, None)
        .take(RESULT_LIMIT)
        .collect();
    assert!(
        results.len() < RESULT_LIMIT,
        "{name}: the stream does not end"
    );
    for result in &results {
        if let Err(error) = result {
            assert_eq!(error.origin.path, name);
            assert!(!error.message.is_empty());
        }
    }
    results
}

fn fixture_bytes(name: &str) -> Vec<u8> {
    std::fs::read(common::fixture(name)).unwrap_or_else(|error| panic!("{name}: {error}"))
}

const FIXTURES: [&str; 9] = [
    "news.txt",
    "news.jsonl",
    "article.html",
    "second.html",
    "feed.rss",
    "feed.atom",
    "crawl.warc",
    "crawl.warc.gz",
    "petrarch.xml",
];

const FORMATS: [InputFormat; 7] = InputFormat::ALL;

/// 48 cases keep `cargo test` fast; set `PROPTEST_CASES` for a deeper run.
fn cases() -> u32 {
    std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|value: String| value.parse().ok())
        .unwrap_or(48)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: cases(), ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_bytes_into_every_format(bytes in proptest::collection::vec(any::<u8>(), 0..600), format in 0..FORMATS.len()) {
        read_all(bytes, "fuzz.bin", FORMATS[format]);
    }

    #[test]
    fn arbitrary_bytes_into_every_reader(bytes in proptest::collection::vec(any::<u8>(), 0..600)) {
        let _ = read_text(&bytes, "t");
        let _ = read_html(&bytes, "h");
        let _ = read_feed(&bytes, "f");
        prop_assert!(read_jsonl(&bytes[..], "j").take(RESULT_LIMIT).count() < RESULT_LIMIT);
        prop_assert!(read_warc(&bytes[..], "w").take(RESULT_LIMIT).count() < RESULT_LIMIT);
        prop_assert!(read_petrarch_documents(&bytes, "p").take(RESULT_LIMIT).count() < RESULT_LIMIT);
    }

    #[test]
    fn markup_soup_never_panics(pieces in proptest::collection::vec(prop_oneof![
        Just("<html>".to_string()), Just("<body>".to_string()), Just("<p>".to_string()), Just("</p>".to_string()),
        Just("<rss version=\"2.0\"><channel>".to_string()), Just("<item><title>".to_string()), Just("</item>".to_string()),
        Just("<feed xmlns=\"http://www.w3.org/2005/Atom\"><entry>".to_string()), Just("<content type=\"html\">".to_string()),
        Just("WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 20\r\n\r\n".to_string()),
        Just("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n".to_string()),
        Just("{\"text\":\"x\"}\n".to_string()), Just("<Sentence id=\"a\" date=\"20200101\"><Text>".to_string()),
        Just("<meta charset=\"utf-8\">".to_string()), Just("&amp;".to_string()), Just("<![CDATA[".to_string()),
        Just("\r\n".to_string()), "[ -~]{0,16}", any::<String>(),
    ], 0..30), format in 0..FORMATS.len()) {
        read_all(pieces.concat().into_bytes(), "soup.xml", FORMATS[format]);
    }

    #[test]
    fn damaged_fixtures_never_panic(
        fixture in 0..FIXTURES.len(),
        cut in any::<prop::sample::Index>(),
        keep in any::<prop::sample::Index>(),
        insert in proptest::collection::vec(any::<u8>(), 0..8),
    ) {
        let name: &str = FIXTURES[fixture];
        let mut bytes: Vec<u8> = fixture_bytes(name);
        let at: usize = cut.index(bytes.len() + 1);
        bytes.splice(at..at, insert);
        let length: usize = keep.index(bytes.len() + 1).max(at);
        bytes.truncate(length);
        read_all(bytes, name, InputFormat::Auto);
    }
}

#[test]
fn every_fixture_reads_through_read_input() {
    for name in FIXTURES {
        let results: Vec<DocumentResult> = read_all(fixture_bytes(name), name, InputFormat::Auto);
        assert!(results.iter().any(Result::is_ok), "{name}");
    }
}
