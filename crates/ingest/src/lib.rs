//! Input readers for annalist. For now: the PETRARCH XML record format used by
//! PETRARCH/TABARI validation suites and pre-parsed news (e.g. the GigaWord sample).
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
mod environment;
mod file;
mod lines;
mod model;
mod reader;
mod sentence;
mod xml;

#[cfg(test)]
mod reader_tests;

pub use date::Date;
pub use file::{IngestError, PetrarchFile, read_petrarch, read_petrarch_xml};
pub use model::{ConfigOption, Environment, ExpectedEvent, Record, RecordError, SentenceRecord};
pub use reader::{Item, PetrarchReader};
