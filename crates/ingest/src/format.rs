//! Input formats and telling them apart by file name and first bytes.

use std::fmt;
use std::path::Path;
use std::str::FromStr;

use crate::decode::{find, looks_binary};

/// How many leading bytes [`InputFormat::detect`] wants to see.
pub const SNIFF_BYTES: usize = 4096;

/// The input formats [`crate::read_path`] understands.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum InputFormat {
    /// Decide per file with [`InputFormat::detect`].
    Auto,
    /// Plain text, one document per file.
    Text,
    /// JSON Lines, one document per line.
    Jsonl,
    /// One HTML page per file.
    Html,
    /// RSS, Atom or JSON Feed: one document per entry.
    Rss,
    /// WARC (`.warc`, `.warc.gz`): one document per HTML response.
    Warc,
    /// PETRARCH XML: one document per `<Sentence>`.
    PetrarchXml,
}

impl InputFormat {
    /// Every format, in the order `--format` help lists them.
    pub const ALL: [InputFormat; 7] = [
        InputFormat::Auto,
        InputFormat::Text,
        InputFormat::Jsonl,
        InputFormat::Html,
        InputFormat::Rss,
        InputFormat::Warc,
        InputFormat::PetrarchXml,
    ];

    /// The name used on the command line.
    pub fn name(self) -> &'static str {
        match self {
            InputFormat::Auto => "auto",
            InputFormat::Text => "text",
            InputFormat::Jsonl => "jsonl",
            InputFormat::Html => "html",
            InputFormat::Rss => "rss",
            InputFormat::Warc => "warc",
            InputFormat::PetrarchXml => "petrarch-xml",
        }
    }

    /// The format of a file from its name and its first bytes (already
    /// decompressed; a `.gz` suffix on `path` is ignored). `None` when
    /// neither tells (binary data, an unknown extension with unclear content).
    ///
    /// Unmistakable content wins over the extension (`WARC/1.0`, a feed or
    /// PETRARCH root element); then the extension; then weaker content hints
    /// (an HTML tag, a JSON object, plain text).
    pub fn detect(path: &Path, head: &[u8]) -> Option<InputFormat> {
        let head: &[u8] = &head[..head.len().min(SNIFF_BYTES)];
        let start: &[u8] = skip_preamble(head);
        if start.starts_with(b"WARC/") {
            return Some(InputFormat::Warc);
        }
        if let Some(format) = xml_root_format(start) {
            return Some(format);
        }
        if let Some(format) = extension_format(path) {
            return Some(format);
        }
        let lower: Vec<u8> = start[..start.len().min(512)].to_ascii_lowercase();
        let html_start: bool = [
            b"<!doctype html".as_slice(),
            b"<html",
            b"<head",
            b"<body",
            b"<meta",
        ]
        .iter()
        .any(|tag: &&[u8]| lower.starts_with(tag));
        if html_start || (lower.starts_with(b"<") && find(&lower, b"<body").is_some()) {
            return Some(InputFormat::Html);
        }
        if start.starts_with(b"{") {
            if find(start, b"jsonfeed.org").is_some() {
                return Some(InputFormat::Rss);
            }
            return Some(InputFormat::Jsonl);
        }
        // Other XML, a JSON array, binary data: nothing this crate reads as
        // such, and reading it as plain text would code markup.
        let other_markup: bool = start.starts_with(b"<") || start.starts_with(b"[");
        if other_markup || looks_binary(head) || head.is_empty() {
            return None;
        }
        Some(InputFormat::Text)
    }
}

impl fmt::Display for InputFormat {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl FromStr for InputFormat {
    type Err = String;

    fn from_str(name: &str) -> Result<InputFormat, String> {
        let wanted: String = name.trim().to_ascii_lowercase().replace('_', "-");
        let alias: &str = match wanted.as_str() {
            "txt" => "text",
            "atom" | "feed" => "rss",
            "petrarch" | "xml" => "petrarch-xml",
            other => other,
        };
        InputFormat::ALL
            .into_iter()
            .find(|format: &InputFormat| format.name() == alias)
            .ok_or_else(|| {
                let names: Vec<&str> = InputFormat::ALL
                    .iter()
                    .map(|format| format.name())
                    .collect();
                format!(
                    "unknown input format {name:?} (known: {})",
                    names.join(", ")
                )
            })
    }
}

/// The format named by the extension (after dropping `.gz`).
fn extension_format(path: &Path) -> Option<InputFormat> {
    let name: String = path.file_name()?.to_string_lossy().to_ascii_lowercase();
    let name: &str = name.strip_suffix(".gz").unwrap_or(&name);
    let extension: &str = name.rsplit_once('.')?.1;
    match extension {
        "txt" | "text" => Some(InputFormat::Text),
        "jsonl" | "ndjson" => Some(InputFormat::Jsonl),
        "html" | "htm" | "xhtml" => Some(InputFormat::Html),
        "rss" | "atom" => Some(InputFormat::Rss),
        "warc" => Some(InputFormat::Warc),
        _ => None,
    }
}

/// Skips a BOM, whitespace, the XML declaration, comments and a doctype
/// other than HTML's.
fn skip_preamble(mut head: &[u8]) -> &[u8] {
    head = head.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(head);
    loop {
        head = head.trim_ascii_start();
        let end_marker: &[u8] = if head.starts_with(b"<?") {
            b"?>"
        } else if head.starts_with(b"<!--") {
            b"-->"
        } else if head.starts_with(b"<!")
            && !head[..head.len().min(14)].eq_ignore_ascii_case(b"<!doctype html")
        {
            b">"
        } else {
            return head;
        };
        match find(head, end_marker) {
            Some(end) => head = &head[end + end_marker.len()..],
            None => return head,
        }
    }
}

/// The format given away by the first element name.
fn xml_root_format(start: &[u8]) -> Option<InputFormat> {
    let name: &[u8] = start.strip_prefix(b"<")?;
    let length: usize = name
        .iter()
        .position(|&byte: &u8| byte.is_ascii_whitespace() || byte == b'>' || byte == b'/')
        .unwrap_or(name.len());
    match &name[..length] {
        b"rss" | b"feed" | b"rdf:RDF" | b"RDF" | b"channel" => Some(InputFormat::Rss),
        b"Sentences" | b"Validation" | b"Sentence" => Some(InputFormat::PetrarchXml),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn detect(name: &str, head: &str) -> Option<InputFormat> {
        InputFormat::detect(Path::new(name), head.as_bytes())
    }

    #[test]
    fn by_extension_and_content() {
        assert_eq!(detect("a.txt", "Troops left."), Some(InputFormat::Text));
        assert_eq!(
            detect("a.jsonl.gz", "{\"text\":1}"),
            Some(InputFormat::Jsonl)
        );
        assert_eq!(detect("a", "{\"text\":1}"), Some(InputFormat::Jsonl));
        assert_eq!(
            detect(
                "a.json",
                "{\"version\":\"https://jsonfeed.org/version/1.1\"}"
            ),
            Some(InputFormat::Rss)
        );
        assert_eq!(
            detect("page", "<!DOCTYPE html><html>"),
            Some(InputFormat::Html)
        );
        assert_eq!(detect("a.htm", "hello"), Some(InputFormat::Html));
        assert_eq!(detect("x.dat", "WARC/1.0\r\n"), Some(InputFormat::Warc));
        assert_eq!(detect("x.warc.gz", ""), Some(InputFormat::Warc));
        assert_eq!(
            detect(
                "f.xml",
                "\u{feff}<?xml version=\"1.0\"?>\n<!-- c -->\n<rss version=\"2.0\">"
            ),
            Some(InputFormat::Rss)
        );
        assert_eq!(
            detect("f.xml", "<feed xmlns=\"http://www.w3.org/2005/Atom\">"),
            Some(InputFormat::Rss)
        );
        assert_eq!(
            detect("f.xml", "<?xml version=\"1.0\"?><Validation>"),
            Some(InputFormat::PetrarchXml)
        );
        assert_eq!(
            detect("f.txt", "<Sentences>\n<Sentence"),
            Some(InputFormat::PetrarchXml)
        );
        assert_eq!(
            InputFormat::detect(Path::new("junk.bin"), b"\x00\x01\x02"),
            None
        );
        assert_eq!(detect("empty", ""), None);
        assert_eq!(detect("other.xml", "<?xml version=\"1.0\"?><kml>"), None);
        assert_eq!(detect("array.json", "[{\"text\":1}]"), None);
        assert_eq!(
            detect("fragment", "<div><p>x</p></div><body>"),
            Some(InputFormat::Html)
        );
    }

    #[test]
    fn names_round_trip() {
        for format in InputFormat::ALL {
            assert_eq!(format.name().parse::<InputFormat>(), Ok(format));
        }
        assert_eq!("ATOM".parse::<InputFormat>(), Ok(InputFormat::Rss));
        assert!("pdf".parse::<InputFormat>().is_err());
    }
}
