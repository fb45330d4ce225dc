//! Input readers for annalist: every common news format into one [`Document`].
//!
//! * [`read_path`] reads a file, a folder (recursively, sorted) or `-` (stdin)
//!   in a given [`InputFormat`] or with [`InputFormat::Auto`] detection, and
//!   yields `Result<Document, DocumentError>`: a bad document, line, record or
//!   file is one [`DocumentError`] naming file and line/record, and reading
//!   goes on. No input makes a reader panic.
//! * One reader per format, each from bytes or a reader plus an origin name:
//!   [`read_text`], [`read_jsonl`], [`read_html`] (trafilatura main-text
//!   extraction), [`read_feed`] (RSS/Atom/JSON Feed), [`read_warc`],
//!   [`read_petrarch_documents`].
//! * Non-UTF-8 input is decoded (BOM, HTTP/HTML/XML charset declarations,
//!   else a chardetng guess); binary or damaged input is one clear error.
//! * [`Document::text`] is the text all downstream byte spans refer to.
//!
//! ```
//! use annalist_ingest::{Date, Document, InputFormat, read_input};
//!
//! let jsonl = "{\"id\":\"a1\",\"text\":\"Arnor restored ties with Gondor.\"}\n";
//! let report_date: Option<Date> = Date::new(2024, 3, 12);
//! let documents: Vec<Document> =
//!     read_input(Box::new(jsonl.as_bytes()), "news.jsonl", InputFormat::Auto, report_date)
//!         .collect::<Result<_, _>>()
//!         .unwrap();
//! assert_eq!(documents[0].text, "Arnor restored ties with Gondor.");
//! assert_eq!(documents[0].date.as_deref(), Some("2024-03-12"));
//! ```
//!
//! # Choices
//!
//! * HTML main text: trafilatura (Rust port) only. Its own readability and
//!   baseline fallbacks run when the precise pass finds too little, so
//!   dom_smoothie (a second html5ever version to build) is not needed.
//! * Headlines: a title found in the input is kept in [`Document::title`] and
//!   left out of `text` (first line of a `.txt`, leading `<h1>` of a page), so
//!   a headline restating the lead is not coded twice. JSONL text is taken
//!   exactly as given.
//! * Dates: the input's own publication date, as `YYYY-MM-DD`; else the
//!   caller's default report date. A WARC capture date is not a publication
//!   date and is not used.
//! * Gzip: any input starting with the gzip magic is decompressed first
//!   (`.warc.gz`, `.jsonl.gz`, ...).
//!
//! # PETRARCH XML
//!
//! The full record model of PETRARCH validation files is kept beside the
//! document view ([`read_petrarch_documents`] gives one [`Document`] per
//! sentence, with its parse in [`Document::parses`]).
//!
//! A PETRARCH file is an optional `<Validation>` wrapper holding an optional
//! `<Environment>` (dictionary file names, include/exclude categories, options)
//! and a `<Sentences>` block of records in order: `<Sentence>` (attributes, expected
//! `<EventCoding>`s, `<Text>`, `<Parse>`), `<Config>` option changes that apply to
//! the records after them, and `<Stop>`.
//!
//! * [`PetrarchReader`] streams [`Item`]s from any `BufRead`.
//! * [`read_petrarch_xml`] reads a whole file into a [`PetrarchFile`].
//!
//! Hand-edited record files are messy, so a malformed record becomes a
//! [`RecordError`] (line, id, message) and reading continues with the next record;
//! only an I/O failure stops reading. No input bytes make the reader panic.
//!
//! The document text of a sentence is [`SentenceRecord::text`]: the `<Text>`
//! content with XML escapes resolved and surrounding whitespace trimmed. Byte
//! spans produced downstream refer to that string.
//!
//! ```
//! use annalist_ingest::{read_petrarch, Record};
//!
//! let xml = r#"<Sentences>
//! <Sentence date = "20080804" id ="AFP-1" source = "AFP">
//! <EventCoding sourcecode="ARN" targetcode="GON" eventcode="064"></EventCoding>
//! <Text>
//! Arnor restored ties with Gondor.
//! </Text>
//! <Parse>(ROOT (S (NP (NNP Arnor)) (VP (VBD restored))))</Parse>
//! </Sentence>
//! <Config option="require_dyad" value="false"></Config>
//! </Sentences>"#;
//! let file = read_petrarch(xml.as_bytes()).unwrap();
//! assert!(file.errors.is_empty());
//! let sentence = file.sentences().next().unwrap();
//! assert_eq!(sentence.text, "Arnor restored ties with Gondor.");
//! assert_eq!(sentence.expected[0].code, "064");
//! assert!(matches!(file.records[1], Record::Config(_)));
//! ```

mod date;
mod dateline;
mod decode;
mod document;
mod environment;
mod feed;
mod file;
mod format;
mod html;
mod html_text;
mod http;
mod jsonl;
mod lines;
mod model;
mod path;
mod petrarch_documents;
mod reader;
mod report_date;
mod sentence;
mod text;
mod warc;
mod xml;

#[cfg(test)]
mod reader_tests;

pub use date::Date;
pub use document::{Document, DocumentError, DocumentResult, Origin, Position};
pub use feed::read_feed;
pub use file::{IngestError, PetrarchFile, read_petrarch, read_petrarch_xml};
pub use format::{InputFormat, SNIFF_BYTES};
pub use html::read_html;
pub use jsonl::{JsonlReader, read_jsonl};
pub use model::{ConfigOption, Environment, ExpectedEvent, Record, RecordError, SentenceRecord};
pub use path::{Documents, MAX_WHOLE_FILE_BYTES, PathDocuments, STDIN_NAME, read_input, read_path};
pub use petrarch_documents::{PetrarchDocuments, read_petrarch_documents};
pub use reader::{Item, PetrarchReader};
pub use text::read_text;
pub use warc::{WarcReader, read_warc};
