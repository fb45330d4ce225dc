//! HTML pages: main-text extraction with trafilatura (a Rust port of Python
//! trafilatura). Its readability/baseline fallback, which costs about half
//! again as much, runs only when the precise pass finds too little.
//!
//! trafilatura drops navigation, scripts, styles, figure captions, related
//! links, comments, footers and bylines; the byline goes to
//! [`Document::author`]. Title, publication date (meta tags, OpenGraph,
//! JSON-LD), canonical URL and site name come from the page metadata.
//!
//! `text` is the selected main text as paragraphs separated by a blank line.
//! A leading heading equal to the title is left out, so the headline is not
//! coded twice. A page with no main text (or under 20 characters of it: a
//! menu, an error stub) is one [`DocumentError`].

use std::panic::{AssertUnwindSafe, catch_unwind};

use trafilatura::{ExtractResult, Metadata, Options, TrafilaturaError};

use crate::decode::{Markup, decode};
use crate::document::{Document, DocumentError, DocumentResult, Origin, non_empty};
use crate::html_text::paragraphs;
use crate::report_date::naive_to_string;

/// Main text shorter than this is a menu or an error stub, not an article.
const MIN_TEXT_CHARS: usize = 20;

/// Reads one HTML page from `bytes`; `path` names it in the origin and is its id.
pub fn read_html(bytes: &[u8], path: &str) -> DocumentResult {
    html_document(
        bytes,
        Origin::file(path),
        path.to_string(),
        &PageContext::default(),
    )
}

/// What the container of a page (a WARC record) knows about it.
#[derive(Clone, Debug, Default)]
pub(crate) struct PageContext {
    /// Charset label from an HTTP `Content-Type` header.
    pub(crate) charset: Option<String>,
    /// The URL the page was fetched from (used when it names no canonical URL).
    pub(crate) url: Option<String>,
}

/// One document from the HTML page in `bytes`.
pub(crate) fn html_document(
    bytes: &[u8],
    origin: Origin,
    id: String,
    context: &PageContext,
) -> DocumentResult {
    let fail = |message: String| DocumentError::new(origin.clone(), message);
    let html: String = decode(bytes, Markup::Html, context.charset.as_deref()).map_err(fail)?;
    // The readability/baseline fallback costs about half again as much, so
    // it runs only when the precise pass finds too little.
    let (result, text): (ExtractResult, String) = match extract(&html, false) {
        Ok((result, text)) if text.chars().count() >= MIN_TEXT_CHARS => (result, text),
        _ => extract(&html, true).map_err(fail)?,
    };
    if text.is_empty() {
        return Err(fail("no main text found in the page".to_string()));
    }
    if text.chars().count() < MIN_TEXT_CHARS {
        return Err(fail(format!("no article text in the page, only {text:?}")));
    }
    let metadata: &Metadata = &result.metadata;
    let mut document: Document = Document::new(id, text, origin.clone());
    document.title = non_empty(&metadata.title);
    document.date = metadata.date.and_then(naive_to_string);
    document.url = non_empty(&metadata.url).or_else(|| context.url.clone());
    document.source = non_empty(&metadata.sitename);
    document.author = non_empty(&metadata.author);
    Ok(document)
}

/// trafilatura's result and the main text as paragraphs, without a leading
/// heading that repeats the title.
fn extract(html: &str, fallback: bool) -> Result<(ExtractResult, String), String> {
    let options: Options = Options::default()
        .with_fallback(fallback)
        .with_exclude_comments(true);
    // trafilatura is young third-party code; a panic inside it must cost one
    // document, not the run.
    let extracted: Result<ExtractResult, TrafilaturaError> =
        catch_unwind(AssertUnwindSafe(|| trafilatura::extract(html, &options)))
            .map_err(|_| "the HTML extractor failed on this page".to_string())?;
    let result: ExtractResult = extracted.map_err(|error: TrafilaturaError| match error {
        TrafilaturaError::InsufficientContent { .. } => {
            "no main text found in the page".to_string()
        }
        other => format!("could not extract the main text: {other}"),
    })?;
    let mut blocks: Vec<String> = paragraphs(&result.content_html);
    if let (Some(first), false) = (blocks.first(), result.metadata.title.trim().is_empty())
        && same_words(&result.metadata.title, first)
    {
        blocks.remove(0);
    }
    let text: String = blocks.join("\n\n");
    Ok((result, text))
}

/// Equal ignoring case and whitespace runs.
fn same_words(left: &str, right: &str) -> bool {
    let words =
        |text: &str| -> Vec<String> { text.split_whitespace().map(str::to_lowercase).collect() };
    words(left) == words(right)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(html: &str) -> DocumentResult {
        read_html(html.as_bytes(), "p.html")
    }

    #[test]
    fn json_ld_date_and_banner() {
        let page: &str = r#"<html><head><title>Dale council votes to rebuild the bridge</title>
            <script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle",
            "headline":"Dale council votes to rebuild the bridge","datePublished":"2024-02-29T18:00:00Z"}</script></head>
            <body><div class="cookie-banner">We use cookies. <button>Accept</button></div>
            <article><h1>Dale council votes to rebuild the bridge</h1>
            <p>The council of Dale voted on Thursday to rebuild the bridge over the Running River, which was destroyed in the spring floods.</p>
            <p>Work will begin in April and is expected to take two years, the council said in a statement.</p></article></body></html>"#;
        let document: Document =
            read(page).unwrap_or_else(|error: DocumentError| panic!("{error}"));
        assert_eq!(document.date.as_deref(), Some("2024-02-29"));
        assert_eq!(
            document.title.as_deref(),
            Some("Dale council votes to rebuild the bridge")
        );
        assert!(
            document
                .text
                .starts_with("The council of Dale voted on Thursday"),
            "{:?}",
            document.text
        );
        assert!(!document.text.contains("cookies"));
    }

    #[test]
    fn pages_without_article_text() {
        assert!(read("").is_err_and(|error: DocumentError| error.message.contains("no main text")));
        assert!(read("<html><body><nav><a href='/'>Home</a></nav></body></html>").is_err());
        assert!(
            read("\u{0}\u{1}\u{2}")
                .is_err_and(|error: DocumentError| error.message.contains("binary"))
        );
    }
}
