//! The HTTP response stored in a WARC `response` record: status, the headers
//! the HTML reader needs, and the payload with chunking and gzip/deflate
//! content encoding undone.

use std::borrow::Cow;
use std::io::Read;

use flate2::read::{DeflateDecoder, MultiGzDecoder, ZlibDecoder};

use crate::decode::find;

/// Largest payload inflated from a compressed response (bounds zip bombs).
const MAX_INFLATED_BYTES: u64 = 64 * 1024 * 1024;

/// A parsed HTTP response (borrowing the record block).
#[derive(Debug)]
pub(crate) struct HttpResponse<'a> {
    /// Status code, e.g. 200.
    pub(crate) status: u16,
    /// The `Content-Type` header value.
    pub(crate) content_type: Option<String>,
    chunked: bool,
    content_encoding: Option<String>,
    body: &'a [u8],
}

/// Splits `block` into status line, headers and body.
pub(crate) fn parse_response(block: &[u8]) -> Result<HttpResponse<'_>, String> {
    let (head, body): (&[u8], &[u8]) = match find(block, b"\r\n\r\n") {
        Some(end) => (&block[..end], &block[end + 4..]),
        None => match find(block, b"\n\n") {
            Some(end) => (&block[..end], &block[end + 2..]),
            None => return Err("HTTP response has no end of headers".to_string()),
        },
    };
    let head: Cow<'_, str> = String::from_utf8_lossy(head);
    let mut lines = head.lines();
    let status_line: &str = lines.next().unwrap_or_default();
    let status: u16 = status_line
        .strip_prefix("HTTP/")
        .and_then(|rest: &str| rest.split_whitespace().nth(1))
        .and_then(|code: &str| code.parse().ok())
        .ok_or_else(|| format!("bad HTTP status line {:?}", truncate(status_line)))?;
    let mut response: HttpResponse<'_> = HttpResponse {
        status,
        content_type: None,
        chunked: false,
        content_encoding: None,
        body,
    };
    for line in lines {
        let Some((name, value)) = line.split_once(':') else {
            continue;
        };
        let value: String = value.trim().to_string();
        match name.trim().to_ascii_lowercase().as_str() {
            "content-type" => response.content_type = Some(value),
            "transfer-encoding" => {
                response.chunked = value.to_ascii_lowercase().contains("chunked")
            }
            "content-encoding" => response.content_encoding = Some(value.to_ascii_lowercase()),
            _ => {}
        }
    }
    Ok(response)
}

impl HttpResponse<'_> {
    /// The entity body: de-chunked and decompressed as the headers say.
    pub(crate) fn payload(&self) -> Result<Cow<'_, [u8]>, String> {
        let body: Cow<'_, [u8]> = if self.chunked {
            // Crawlers often store de-chunked bodies but keep the header, so
            // a body that does not parse as chunks is taken as it is.
            dechunk(self.body).map_or(Cow::Borrowed(self.body), Cow::Owned)
        } else {
            Cow::Borrowed(self.body)
        };
        match self.content_encoding.as_deref() {
            None | Some("" | "identity") => Ok(body),
            Some("gzip" | "x-gzip") => inflate(MultiGzDecoder::new(&body[..])).map(Cow::Owned),
            Some("deflate") => inflate(ZlibDecoder::new(&body[..]))
                .or_else(|_| inflate(DeflateDecoder::new(&body[..])))
                .map(Cow::Owned),
            Some(other) => Err(format!("unsupported HTTP content encoding {other:?}")),
        }
    }
}

fn inflate(decoder: impl Read) -> Result<Vec<u8>, String> {
    let mut inflated: Vec<u8> = Vec::new();
    decoder
        .take(MAX_INFLATED_BYTES + 1)
        .read_to_end(&mut inflated)
        .map_err(|error: std::io::Error| format!("cannot decompress the HTTP body: {error}"))?;
    if inflated.len() as u64 > MAX_INFLATED_BYTES {
        return Err(format!(
            "HTTP body inflates beyond {MAX_INFLATED_BYTES} bytes"
        ));
    }
    Ok(inflated)
}

/// Undoes `Transfer-Encoding: chunked`; `None` when the body is not chunked.
fn dechunk(mut body: &[u8]) -> Option<Vec<u8>> {
    let mut out: Vec<u8> = Vec::with_capacity(body.len());
    loop {
        let line_end: usize = find(body, b"\r\n")?;
        let size_text: &str = std::str::from_utf8(&body[..line_end]).ok()?;
        let size_text: &str = size_text.split(';').next().unwrap_or_default().trim();
        let size: usize = usize::from_str_radix(size_text, 16).ok()?;
        body = &body[line_end + 2..];
        if size == 0 {
            return Some(out);
        }
        let chunk: &[u8] = body.get(..size)?;
        out.extend_from_slice(chunk);
        body = body.get(size..)?;
        body = body.strip_prefix(b"\r\n").unwrap_or(body);
    }
}

/// The `charset` parameter of a content type.
pub(crate) fn charset(content_type: &str) -> Option<String> {
    content_type.split(';').skip(1).find_map(|parameter: &str| {
        let (name, value) = parameter.split_once('=')?;
        name.trim()
            .eq_ignore_ascii_case("charset")
            .then(|| value.trim().trim_matches(['"', '\'']).to_string())
    })
}

/// Whether a content type names HTML.
pub(crate) fn is_html(content_type: &str) -> bool {
    let essence: String = content_type
        .split(';')
        .next()
        .unwrap_or_default()
        .trim()
        .to_ascii_lowercase();
    essence == "text/html" || essence == "application/xhtml+xml"
}

fn truncate(text: &str) -> String {
    text.chars().take(60).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chunked_gzip_response() {
        let mut compressed: Vec<u8> = Vec::new();
        {
            use std::io::Write;
            let mut encoder =
                flate2::write::GzEncoder::new(&mut compressed, flate2::Compression::fast());
            assert!(encoder.write_all(b"<p>hello</p>").is_ok());
            assert!(encoder.finish().is_ok());
        }
        let mut block: Vec<u8> = b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=\"ISO-8859-1\"\r\nTransfer-Encoding: chunked\r\nContent-Encoding: gzip\r\n\r\n".to_vec();
        block.extend_from_slice(format!("{:x}\r\n", compressed.len()).as_bytes());
        block.extend_from_slice(&compressed);
        block.extend_from_slice(b"\r\n0\r\n\r\n");
        let response: HttpResponse<'_> = match parse_response(&block) {
            Ok(response) => response,
            Err(error) => panic!("{error}"),
        };
        assert_eq!(response.status, 200);
        let content_type: &str = response.content_type.as_deref().unwrap_or_default();
        assert!(is_html(content_type));
        assert_eq!(charset(content_type).as_deref(), Some("ISO-8859-1"));
        assert_eq!(response.payload().as_deref(), Ok(&b"<p>hello</p>"[..]));
    }

    #[test]
    fn bad_responses() {
        assert!(parse_response(b"no headers end").is_err());
        assert!(parse_response(b"SMTP nonsense\r\n\r\nbody").is_err());
    }
}
