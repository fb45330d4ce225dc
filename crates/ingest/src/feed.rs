//! RSS 0.x/1.0/2.0, Atom and JSON Feed through feed-rs: one document per
//! entry.
//!
//! * text: `content:encoded` / Atom `content`, else the summary/description,
//!   with HTML reduced to plain text; an entry with neither is coded from its
//!   title (headline-only feeds are common).
//! * date: `published`, else `updated` (UTC calendar date).
//! * url: the entry's alternate link; source: the feed title; id: guid/id.
//!
//! feed-rs reads the XML declaration's encoding itself, so the bytes go in
//! undecoded. A feed that fails to parse is retried once with bare `&`s
//! escaped; a file that still fails is one [`DocumentError`].

use std::panic::{AssertUnwindSafe, catch_unwind};

use feed_rs::model::{Entry, Feed, Link};
use feed_rs::parser::ParseFeedError;

use crate::decode::looks_binary;
use crate::document::{Document, DocumentError, DocumentResult, Origin, non_empty};
use crate::html_text::html_to_text;
use crate::report_date::naive_to_string;

/// Reads every entry of the feed in `bytes`; `path` names it in origins.
pub fn read_feed(bytes: &[u8], path: &str) -> Vec<DocumentResult> {
    let fail = |message: String| vec![Err(DocumentError::new(Origin::file(path), message))];
    if looks_binary(bytes) && !bytes.starts_with(b"\xFF\xFE") && !bytes.starts_with(b"\xFE\xFF") {
        return fail("looks like binary data, not a feed".to_string());
    }
    let feed: Feed = match parse(bytes) {
        Ok(feed) => feed,
        // Hand-made feeds often carry a bare `&` ("Troops & tanks"); escape
        // those and try once more before giving up on the file.
        Err(error) => match escape_bare_ampersands(bytes).map(|repaired: Vec<u8>| parse(&repaired))
        {
            Some(Ok(feed)) => feed,
            _ => return fail(error),
        },
    };
    let source: Option<String> = feed
        .title
        .as_ref()
        .and_then(|title| non_empty(&html_to_text(&title.content)));
    feed.entries
        .iter()
        .enumerate()
        .map(|(index, entry): (usize, &Entry)| {
            entry_document(entry, Origin::record(path, index + 1), source.clone())
        })
        .collect()
}

fn parse(bytes: &[u8]) -> Result<Feed, String> {
    let parsed: Result<Feed, ParseFeedError> =
        catch_unwind(AssertUnwindSafe(|| feed_rs::parser::parse(bytes)))
            .map_err(|_| "the feed parser failed on this file".to_string())?;
    parsed.map_err(|error: ParseFeedError| format!("not a readable RSS/Atom feed: {error}"))
}

/// `bytes` with every `&` that does not start an entity or character
/// reference written as `&amp;`; `None` when there is none.
fn escape_bare_ampersands(bytes: &[u8]) -> Option<Vec<u8>> {
    let mut repaired: Vec<u8> = Vec::with_capacity(bytes.len() + 64);
    let mut changed: bool = false;
    for (index, &byte) in bytes.iter().enumerate() {
        repaired.push(byte);
        if byte == b'&' && !starts_reference(&bytes[index + 1..]) {
            repaired.extend_from_slice(b"amp;");
            changed = true;
        }
    }
    changed.then_some(repaired)
}

/// Whether `rest` (after a `&`) is `name;`, `#digits;` or `#xhex;`.
fn starts_reference(rest: &[u8]) -> bool {
    let (body, valid): (&[u8], fn(&u8) -> bool) = match rest {
        [b'#', b'x' | b'X', hex @ ..] => (hex, u8::is_ascii_hexdigit),
        [b'#', digits @ ..] => (digits, u8::is_ascii_digit),
        [first, ..] if first.is_ascii_alphabetic() => (rest, u8::is_ascii_alphanumeric),
        _ => return false,
    };
    let length: usize = body
        .iter()
        .take(32)
        .take_while(|byte: &&u8| valid(byte))
        .count();
    length > 0 && body.get(length) == Some(&b';')
}

fn entry_document(entry: &Entry, origin: Origin, source: Option<String>) -> DocumentResult {
    let title: Option<String> = entry
        .title
        .as_ref()
        .and_then(|title| non_empty(&html_to_text(&title.content)));
    let body: Option<String> = entry
        .content
        .as_ref()
        .and_then(|content| content.body.as_deref())
        .and_then(|body: &str| non_empty(&html_to_text(body)))
        .or_else(|| {
            entry
                .summary
                .as_ref()
                .and_then(|summary| non_empty(&html_to_text(&summary.content)))
        });
    let Some(text) = body.or_else(|| title.clone()) else {
        return Err(DocumentError::new(
            origin,
            "feed entry has no content, summary or title",
        ));
    };
    let id: String = non_empty(&entry.id).unwrap_or_else(|| origin.to_string());
    let mut document: Document = Document::new(id, text, origin);
    document.title = title;
    document.date = entry
        .published
        .or(entry.updated)
        .and_then(|moment| naive_to_string(moment.date_naive()));
    document.url = alternate_link(&entry.links);
    document.source = source;
    document.author = entry
        .authors
        .iter()
        .find_map(|person| person.name.as_deref().and_then(non_empty));
    Ok(document)
}

/// The `alternate` link (or one without `rel`), else the first link.
fn alternate_link(links: &[Link]) -> Option<String> {
    links
        .iter()
        .find(|link: &&Link| matches!(link.rel.as_deref(), None | Some("alternate")))
        .or_else(|| links.first())
        .and_then(|link: &Link| non_empty(&link.href))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bare_ampersands_are_repaired() {
        let feed: &[u8] = b"<rss version=\"2.0\"><channel><title>Dale &amp; Esgaroth</title>\
            <item><title>Troops & tanks &mdash; and &#8212; more</title><description>Bree & the Shire</description></item></channel></rss>";
        let results: Vec<DocumentResult> = read_feed(feed, "f.rss");
        let document: &Document = match results.first() {
            Some(Ok(document)) => document,
            other => panic!("{other:?}"),
        };
        assert_eq!(document.text, "Bree & the Shire");
        assert_eq!(
            document.title.as_deref(),
            Some("Troops & tanks \u{2014} and \u{2014} more")
        );
        assert_eq!(document.source.as_deref(), Some("Dale & Esgaroth"));
        assert_eq!(
            escape_bare_ampersands(b"a &amp; b &#65; &#x41; &nbsp;"),
            None
        );
        assert_eq!(
            escape_bare_ampersands(b"a & b &#; &x").as_deref(),
            Some(&b"a &amp; b &amp;#; &amp;x"[..])
        );
    }
}
