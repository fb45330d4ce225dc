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
//! undecoded. A file feed-rs cannot parse is one [`DocumentError`].

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
    let parsed: Result<Feed, ParseFeedError> =
        match catch_unwind(AssertUnwindSafe(|| feed_rs::parser::parse(bytes))) {
            Ok(parsed) => parsed,
            Err(_) => return fail("the feed parser failed on this file".to_string()),
        };
    let feed: Feed = match parsed {
        Ok(feed) => feed,
        Err(error) => return fail(format!("not a readable RSS/Atom feed: {error}")),
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
