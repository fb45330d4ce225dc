//! Each reader on the small made-up news inputs in `tests/fixtures/`.

mod common;

use std::io::Read;

use annalist_ingest::{
    Document, DocumentError, DocumentResult, InputFormat, Origin, Position, read_input, read_path,
};
use common::{default_date, documents, fixture, read_fixture, split};

fn position(document: &Document) -> Position {
    document.origin.position.clone()
}

#[test]
fn plain_text_with_headline() {
    let read: Vec<Document> = read_path(fixture("news.txt"), InputFormat::Auto, default_date())
        .collect::<Result<Vec<Document>, DocumentError>>()
        .unwrap_or_else(|error: DocumentError| panic!("{error}"));
    assert_eq!(read.len(), 1);
    let document: &Document = &read[0];
    assert_eq!(
        document.title.as_deref(),
        Some("Harad envoys arrive in Dol Amroth")
    );
    assert!(
        document
            .text
            .starts_with("Envoys from Harad arrived in Dol Amroth on Thursday")
    );
    assert!(document.text.ends_with("one sailor was wounded."));
    assert_eq!(
        document.date.as_deref(),
        Some("2024-03-20"),
        "default date applied"
    );
    assert_eq!(document.id, fixture("news.txt").display().to_string());
    assert_eq!(position(document), Position::File);
}

#[test]
fn jsonl_lines() {
    let read: Vec<Document> = documents("news.jsonl");
    let ids: Vec<&str> = read
        .iter()
        .map(|document: &Document| document.id.as_str())
        .collect();
    assert_eq!(ids, ["nc-001", "nc-002", "nc-003"]);
    let lines: Vec<Position> = read.iter().map(position).collect();
    assert_eq!(
        lines,
        [Position::Line(1), Position::Line(2), Position::Line(4)]
    );
    let first: &Document = &read[0];
    assert_eq!(
        first.text,
        "Gondor expelled two Umbar diplomats on Monday, accusing them of spying."
    );
    assert_eq!(
        first.title.as_deref(),
        Some("Gondor expels Umbar diplomats")
    );
    assert_eq!(first.date.as_deref(), Some("2024-03-11"));
    assert_eq!(first.url.as_deref(), Some("https://courier.example/nc-001"));
    assert_eq!(first.source.as_deref(), Some("Northern Courier"));
    assert_eq!(read[1].date, None, "no date and no default");
    assert_eq!(read[2].date.as_deref(), Some("2024-03-12"), "RFC 2822 date");
}

#[test]
fn html_main_text_and_metadata() {
    let read: Vec<Document> = documents("article.html");
    assert_eq!(read.len(), 1);
    let page: &Document = &read[0];
    assert_eq!(
        page.title.as_deref(),
        Some("Arnor and Gondor sign border accord")
    );
    assert_eq!(page.date.as_deref(), Some("2024-03-12"));
    assert_eq!(
        page.url.as_deref(),
        Some("https://courier.example/world/arnor-gondor-accord")
    );
    assert_eq!(page.author.as_deref(), Some("Bilba Underhill"));
    let paragraphs: Vec<&str> = page.text.split("\n\n").collect();
    assert_eq!(paragraphs.len(), 4, "{:?}", page.text);
    assert!(paragraphs[0].starts_with("Envoys from Arnor and Gondor signed an agreement"));
    assert!(
        paragraphs[2].starts_with("\u{201c}This is a day for the ferrymen"),
        "entities resolved"
    );
    assert!(paragraphs[3].ends_with("according to a statement from the Arnorian army."));
    for boilerplate in [
        "Home",
        "Weather",
        "tracking",
        "font-family",
        "Photo:",
        "Related stories",
        "Shire offers",
        "rights reserved",
        "Privacy",
        "Staff Reporter",
    ] {
        assert!(
            !page.text.contains(boilerplate),
            "{boilerplate:?} left in {:?}",
            page.text
        );
    }
}

#[test]
fn html_in_windows_1252() {
    let read: Vec<Document> = documents("second.html");
    let page: &Document = &read[0];
    assert_eq!(
        page.title.as_deref(),
        Some("Rohan farmers protest grain levy")
    );
    assert_eq!(page.date.as_deref(), Some("2024-03-10"));
    assert_eq!(page.source.as_deref(), Some("Edoras Daily"));
    assert!(
        page.text
            .contains("Edoras on Sunday \u{2013} the third march")
    );
    assert!(page.text.contains("The king\u{2019}s council"));
    assert!(!page.text.contains("Front page") && !page.text.contains('\u{a9}'));
}

#[test]
fn rss_items() {
    let read: Vec<Document> = documents("feed.rss");
    assert_eq!(read.len(), 3);
    let accord: &Document = &read[0];
    assert_eq!(accord.id, "nc-accord-2024");
    assert_eq!(
        accord.text,
        "Envoys from Arnor and Gondor signed an agreement on Tuesday.\n\nTroops will withdraw within thirty days & the bridge will reopen."
    );
    assert_eq!(accord.date.as_deref(), Some("2024-03-12"));
    assert_eq!(
        accord.url.as_deref(),
        Some("https://courier.example/world/arnor-gondor-accord")
    );
    assert_eq!(accord.source.as_deref(), Some("Northern Courier: World"));
    assert_eq!(accord.author.as_deref(), Some("Bilba Underhill"));
    assert_eq!(position(accord), Position::Record(1));
    let tolls: &Document = &read[1];
    assert_eq!(
        tolls.title.as_deref(),
        Some("Shire & Bree agree on road tolls")
    );
    assert_eq!(
        tolls.text,
        "The Shire and Bree agreed to halve tolls on the East Road."
    );
    assert_eq!(tolls.date.as_deref(), Some("2024-03-11"));
    let headline_only: &Document = &read[2];
    assert_eq!(headline_only.text, "Rebels attack border post in Rhudaur");
    assert_eq!(headline_only.date, None);
    assert_eq!(
        headline_only.id,
        "https://courier.example/world/rhudaur-attack"
    );
}

#[test]
fn atom_entries() {
    let read: Vec<Document> = documents("feed.atom");
    assert_eq!(read.len(), 2);
    assert_eq!(
        read[0].text,
        "Hundreds of farmers marched through Edoras on Sunday.\n\nPolice detained four protesters."
    );
    assert_eq!(
        read[0].date.as_deref(),
        Some("2024-03-10"),
        "published wins over updated"
    );
    assert_eq!(read[0].url.as_deref(), Some("https://edoras.example/levy"));
    assert_eq!(read[0].author.as_deref(), Some("Eomund Horsefield"));
    assert_eq!(read[0].source.as_deref(), Some("Edoras Daily"));
    assert_eq!(
        read[1].text,
        "The king's council will meet the farmers' representatives on Wednesday."
    );
    assert_eq!(
        read[1].date.as_deref(),
        Some("2024-03-11"),
        "updated when not published"
    );
}

fn check_crawl(name: &str) {
    let (read, errors): (Vec<Document>, Vec<DocumentError>) = split(read_fixture(name));
    let ids: Vec<&str> = read
        .iter()
        .map(|document: &Document| document.id.as_str())
        .collect();
    assert_eq!(
        ids,
        [
            "urn:uuid:00000000-0000-4000-8000-000000000003",
            "urn:uuid:00000000-0000-4000-8000-000000000004",
            "urn:uuid:00000000-0000-4000-8000-000000000007",
        ]
    );
    let records: Vec<Position> = read.iter().map(position).collect();
    assert_eq!(
        records,
        [
            Position::Record(3),
            Position::Record(4),
            Position::Record(7)
        ]
    );
    // The canonical link outranks the fetched URL; without one the fetched URL is kept.
    assert_eq!(
        read[0].url.as_deref(),
        Some("https://courier.example/world/arnor-gondor-accord")
    );
    assert_eq!(read[0].date.as_deref(), Some("2024-03-12"));
    assert_eq!(read[1].url.as_deref(), Some("https://edoras.example/levy"));
    assert!(
        read[1].text.contains("The king\u{2019}s council"),
        "chunked, gzip, windows-1252"
    );
    assert_eq!(
        read[2].text,
        "Dwarves of Erebor reopened the mines on Friday after a week-long strike over wages ended with an agreement."
    );
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert_eq!(
        errors[0].origin,
        Origin::record(fixture(name).display().to_string(), 9)
    );
    assert!(
        errors[0].message.contains("no article text"),
        "{}",
        errors[0]
    );
}

#[test]
fn warc_plain_and_gzip() {
    check_crawl("crawl.warc");
    check_crawl("crawl.warc.gz");
}

#[test]
fn petrarch_sentences() {
    let (read, errors): (Vec<Document>, Vec<DocumentError>) = split(read_fixture("petrarch.xml"));
    let ids: Vec<&str> = read
        .iter()
        .map(|document: &Document| document.id.as_str())
        .collect();
    assert_eq!(
        ids,
        ["AFP-1", "AFP-3"],
        "AFP-2 has no text; AFP-4 is after <Stop>"
    );
    let first: &Document = &read[0];
    assert_eq!(first.text, "Arnor restored diplomatic ties with Gondor.");
    assert_eq!(first.date.as_deref(), Some("2008-08-04"));
    assert_eq!(first.source.as_deref(), Some("AFP"));
    assert_eq!(first.parses.len(), 1);
    assert!(first.parses[0].starts_with("(ROOT (S (NP (NNP Arnor))"));
    assert_eq!(position(first), Position::Line(2));
    assert_eq!(read[1].date, None, "date 2008 is not YYYYMMDD");
    assert_eq!(errors.len(), 1);
    assert_eq!(errors[0].origin.position, Position::Line(9));
    assert_eq!(errors[0].message, "record AFP-2: missing <Text>");
}

#[test]
fn content_sniffing_without_a_name() {
    for (name, expected) in [
        ("news.jsonl", 3),
        ("article.html", 1),
        ("feed.rss", 3),
        ("feed.atom", 2),
        ("crawl.warc.gz", 4),
        ("crawl.warc", 4),
        ("petrarch.xml", 3),
        ("news.txt", 1),
    ] {
        let mut bytes: Vec<u8> = Vec::new();
        let opened =
            std::fs::File::open(fixture(name)).and_then(|mut file| file.read_to_end(&mut bytes));
        assert!(opened.is_ok(), "{name}");
        let results: Vec<DocumentResult> = read_input(
            Box::new(std::io::Cursor::new(bytes)),
            "<stdin>",
            InputFormat::Auto,
            None,
        )
        .collect();
        assert_eq!(results.len(), expected, "{name}: {results:#?}");
    }
}

#[test]
fn explicit_format_matches_detection() {
    for (name, format) in [
        ("news.jsonl", InputFormat::Jsonl),
        ("feed.atom", InputFormat::Rss),
        ("crawl.warc.gz", InputFormat::Warc),
        ("petrarch.xml", InputFormat::PetrarchXml),
    ] {
        let explicit: Vec<DocumentResult> = read_path(fixture(name), format, None).collect();
        assert_eq!(explicit, read_fixture(name), "{name}");
    }
}

#[test]
fn encodings_from_boms_and_declarations() {
    let read = |bytes: Vec<u8>, name: &str| -> Document {
        let mut results: Vec<DocumentResult> = read_input(
            Box::new(std::io::Cursor::new(bytes)),
            name,
            InputFormat::Auto,
            None,
        )
        .collect();
        assert_eq!(results.len(), 1);
        results
            .remove(0)
            .unwrap_or_else(|error: DocumentError| panic!("{error}"))
    };
    let mut utf16: Vec<u8> = vec![0xFF, 0xFE];
    utf16.extend(
        "Kyiv \u{2013} \u{41a}\u{438}\u{457}\u{432} talks resumed."
            .encode_utf16()
            .flat_map(u16::to_le_bytes),
    );
    assert_eq!(
        read(utf16, "u16.txt").text,
        "Kyiv \u{2013} \u{41a}\u{438}\u{457}\u{432} talks resumed."
    );
    let latin2: Vec<u8> =
        b"<html><head><meta charset=\"iso-8859-2\"><title>x</title></head><body><p>Protesters gathered in \xA3\xF3d\xBC on Monday to demand new elections.</p></body></html>".to_vec();
    assert!(
        read(latin2, "p.html")
            .text
            .contains("in \u{141}\u{f3}d\u{17a} on Monday")
    );
    let xml_1251: Vec<u8> = b"<?xml version=\"1.0\" encoding=\"windows-1251\"?>\n<Sentences><Sentence date=\"20240101\" id=\"R1\"><Text>\xCA\xE8\xE5\xE2 protested.</Text></Sentence></Sentences>".to_vec();
    assert_eq!(
        read(xml_1251, "r.xml").text,
        "\u{41a}\u{438}\u{435}\u{432} protested."
    );
}

fn read_bytes(bytes: &[u8], name: &str) -> Vec<DocumentResult> {
    read_input(
        Box::new(std::io::Cursor::new(bytes.to_vec())),
        name,
        InputFormat::Auto,
        None,
    )
    .collect()
}

#[test]
fn json_feed_and_latin1_rss() {
    let json_feed: &str = r#"{"version": "https://jsonfeed.org/version/1.1", "title": "Dale Herald",
        "items": [{"id": "dh-1", "url": "https://dale.example/1", "date_published": "2024-03-08T10:00:00Z",
                   "title": "Dale market reopens", "content_html": "<p>The market in Dale reopened after the flood.</p>"}]}"#;
    let (read, errors): (Vec<Document>, Vec<DocumentError>) =
        split(read_bytes(json_feed.as_bytes(), "feed.json"));
    assert!(errors.is_empty(), "{errors:?}");
    assert_eq!(read.len(), 1);
    assert_eq!(read[0].text, "The market in Dale reopened after the flood.");
    assert_eq!(read[0].date.as_deref(), Some("2024-03-08"));
    assert_eq!(read[0].source.as_deref(), Some("Dale Herald"));

    let latin1: &[u8] = b"<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n<rss version=\"2.0\"><channel><title>Caf\xe9 News</title>\
        <item><title>Caf\xe9 reopens</title><description>The caf\xe9 by the Dale gate reopened.</description></item></channel></rss>";
    let (read, errors): (Vec<Document>, Vec<DocumentError>) =
        split(read_bytes(latin1, "latin1.rss"));
    assert!(errors.is_empty(), "{errors:?}");
    assert_eq!(read[0].text, "The caf\u{e9} by the Dale gate reopened.");
    assert_eq!(read[0].source.as_deref(), Some("Caf\u{e9} News"));
}

#[test]
fn streams_can_move_between_threads() {
    fn assert_send<T: Send>(_: &T) {}
    let documents = read_path(fixture("news.jsonl"), InputFormat::Auto, None);
    assert_send(&documents);
    let handle = std::thread::spawn(move || documents.count());
    assert_eq!(handle.join().ok(), Some(3));
}
