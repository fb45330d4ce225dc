//! Bytes to text: byte-order marks, declared charsets (HTTP header, HTML
//! `<meta charset>`, XML declaration), then a chardetng guess.
//!
//! Rules, in order:
//! 1. A BOM decides (UTF-8, UTF-16LE/BE); the rest must be valid in it.
//! 2. Binary data (NUL bytes, many control bytes) is refused.
//! 3. Valid UTF-8 is UTF-8, whatever is declared: mislabelled pages usually
//!    say `iso-8859-1` and are UTF-8, never the other way round.
//! 4. Otherwise a declared encoding decides. A declared UTF-8 that does not
//!    validate, or input that is mostly UTF-8 with broken sequences, is an
//!    error naming the first bad byte, not silent mojibake.
//! 5. Otherwise chardetng guesses a legacy encoding (windows-1252, Shift_JIS...).

use encoding_rs::{Encoding, UTF_8, UTF_16BE, UTF_16LE};

/// Which kind of in-band declaration to look for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Markup {
    /// No in-band declaration (plain text).
    Plain,
    /// `<meta charset=...>` or `http-equiv` content type in the first 1024 bytes.
    Html,
    /// `<?xml ... encoding="..."?>`.
    Xml,
}

/// How many leading bytes the binary check and the meta prescan look at.
const PRESCAN_BYTES: usize = 8192;
const META_PRESCAN_BYTES: usize = 1024;

/// Decodes `bytes` to a `String`, or says why it cannot.
///
/// `transport_charset` is a charset label from outside the bytes (an HTTP
/// `Content-Type`); it outranks in-band declarations.
pub(crate) fn decode(
    bytes: &[u8],
    markup: Markup,
    transport_charset: Option<&str>,
) -> Result<String, String> {
    if let Some((encoding, bom_length)) = Encoding::for_bom(bytes) {
        let body: &[u8] = &bytes[bom_length..];
        let decoded = encoding
            .decode_without_bom_handling_and_without_replacement(body)
            .ok_or_else(|| format!("not valid {} after its byte-order mark", encoding.name()))?;
        let text: String = decoded.into_owned();
        if text.contains('\0') {
            return Err(binary_message());
        }
        return Ok(text);
    }
    if looks_binary(bytes) {
        return Err(binary_message());
    }
    if let Ok(text) = std::str::from_utf8(bytes) {
        return Ok(text.to_string());
    }
    let declared: Option<&'static Encoding> = transport_charset
        .and_then(|label: &str| Encoding::for_label(label.trim().as_bytes()))
        .or_else(|| declared_in_band(bytes, markup));
    let evidence: Utf8Evidence = utf8_evidence(bytes);
    match declared {
        // A UTF-16 label on bytes without a BOM means UTF-8 (HTML standard).
        Some(encoding) if encoding == UTF_8 || encoding == UTF_16LE || encoding == UTF_16BE => {
            Err(format!(
                "declared UTF-8 but byte {} is not valid UTF-8",
                evidence.first_invalid
            ))
        }
        Some(encoding) => encoding
            .decode_without_bom_handling_and_without_replacement(bytes)
            .map(|text| text.into_owned())
            .ok_or_else(|| {
                format!(
                    "declared {} but the bytes are not valid in it",
                    encoding.name()
                )
            }),
        None if evidence.multibyte_characters > 0 => Err(format!(
            "not valid UTF-8 at byte {} (the rest looks like UTF-8, so the file is probably damaged)",
            evidence.first_invalid
        )),
        None => guess_and_decode(bytes),
    }
}

fn binary_message() -> String {
    "looks like binary data, not text (or UTF-16 without a byte-order mark)".to_string()
}

/// NUL bytes or more than 5 % C0 control bytes (other than tab, newlines,
/// form feed and escape) in the first 8 KiB.
pub(crate) fn looks_binary(bytes: &[u8]) -> bool {
    let head: &[u8] = &bytes[..bytes.len().min(PRESCAN_BYTES)];
    if head.contains(&0) {
        return true;
    }
    let controls: usize = head
        .iter()
        .filter(|&&byte: &&u8| {
            (byte < 0x20 && !matches!(byte, b'\t' | b'\n' | b'\r' | 0x0c | 0x1b)) || byte == 0x7f
        })
        .count();
    controls * 20 > head.len()
}

fn guess_and_decode(bytes: &[u8]) -> Result<String, String> {
    let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    detector.feed(bytes, true);
    let encoding: &'static Encoding = detector.guess(None, chardetng::Utf8Detection::Allow);
    encoding
        .decode_without_bom_handling_and_without_replacement(bytes)
        .map(|text| text.into_owned())
        .ok_or_else(|| {
            format!(
                "not valid UTF-8, and not valid {} either (the best guess)",
                encoding.name()
            )
        })
}

/// What the bytes say about being UTF-8.
struct Utf8Evidence {
    /// Valid multi-byte UTF-8 sequences seen.
    multibyte_characters: usize,
    /// Offset of the first invalid byte.
    first_invalid: usize,
}

fn utf8_evidence(bytes: &[u8]) -> Utf8Evidence {
    let mut evidence: Utf8Evidence = Utf8Evidence {
        multibyte_characters: 0,
        first_invalid: bytes.len(),
    };
    let mut offset: usize = 0;
    while offset < bytes.len() {
        let rest: &[u8] = &bytes[offset..];
        let (valid, skip): (&str, usize) = match std::str::from_utf8(rest) {
            Ok(valid) => (valid, rest.len()),
            Err(error) => {
                let valid_up_to: usize = error.valid_up_to();
                evidence.first_invalid = evidence.first_invalid.min(offset + valid_up_to);
                let bad: usize = error.error_len().unwrap_or(rest.len() - valid_up_to);
                // `valid_up_to` bytes are valid UTF-8 by the error's contract.
                let valid: &str = std::str::from_utf8(&rest[..valid_up_to]).unwrap_or_default();
                (valid, valid_up_to + bad)
            }
        };
        evidence.multibyte_characters += valid.chars().filter(|c: &char| !c.is_ascii()).count();
        offset += skip.max(1);
    }
    evidence
}

fn declared_in_band(bytes: &[u8], markup: Markup) -> Option<&'static Encoding> {
    match markup {
        Markup::Plain => None,
        Markup::Html => meta_charset(&bytes[..bytes.len().min(META_PRESCAN_BYTES)])
            .or_else(|| xml_encoding(bytes)),
        Markup::Xml => xml_encoding(bytes),
    }
}

/// The label after the first `charset` (`<meta charset="..">` or an
/// `http-equiv` content type), looked up as an encoding.
fn meta_charset(head: &[u8]) -> Option<&'static Encoding> {
    let lower: Vec<u8> = head.to_ascii_lowercase();
    let mut from: usize = 0;
    while let Some(found) = find(&lower[from..], b"charset") {
        let mut index: usize = from + found + b"charset".len();
        from = index;
        while lower.get(index).is_some_and(u8::is_ascii_whitespace) {
            index += 1;
        }
        if lower.get(index) != Some(&b'=') {
            continue;
        }
        index += 1;
        while lower
            .get(index)
            .is_some_and(|&byte: &u8| byte.is_ascii_whitespace() || byte == b'"' || byte == b'\'')
        {
            index += 1;
        }
        let end: usize = lower[index..]
            .iter()
            .position(|&byte: &u8| {
                matches!(byte, b'"' | b'\'' | b';' | b'>' | b'/') || byte.is_ascii_whitespace()
            })
            .map_or(lower.len(), |length: usize| index + length);
        if let Some(encoding) = Encoding::for_label(&lower[index..end]) {
            return Some(encoding);
        }
    }
    None
}

/// The `encoding` pseudo-attribute of a leading XML declaration.
fn xml_encoding(bytes: &[u8]) -> Option<&'static Encoding> {
    let head: &[u8] = &bytes[..bytes.len().min(256)];
    if !head.starts_with(b"<?xml") {
        return None;
    }
    let declaration: &[u8] = &head[..find(head, b"?>")?];
    let at: usize = find(declaration, b"encoding")? + b"encoding".len();
    let rest: &[u8] = &declaration[at..];
    let open: usize = rest
        .iter()
        .position(|&byte: &u8| byte == b'"' || byte == b'\'')?;
    let quote: u8 = rest[open];
    let value: &[u8] = &rest[open + 1..];
    let close: usize = value.iter().position(|&byte: &u8| byte == quote)?;
    Encoding::for_label(&value[..close])
}

pub(crate) fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack
        .windows(needle.len())
        .position(|window: &[u8]| window == needle)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn plain(bytes: &[u8]) -> Result<String, String> {
        decode(bytes, Markup::Plain, None)
    }

    #[test]
    fn utf8_and_boms() {
        assert_eq!(
            plain("Kyiv – Київ".as_bytes()),
            Ok("Kyiv – Київ".to_string())
        );
        assert_eq!(plain(b"\xEF\xBB\xBFhello"), Ok("hello".to_string()));
        assert_eq!(plain(b"\xFF\xFEh\0i\0"), Ok("hi".to_string()));
        assert_eq!(plain(b"\xFE\xFF\0h\0i"), Ok("hi".to_string()));
    }

    #[test]
    fn legacy_encodings() {
        // windows-1252 "café" guessed.
        assert_eq!(
            plain(b"Le caf\xE9 de la gare"),
            Ok("Le café de la gare".to_string())
        );
        let declared: Result<String, String> = decode(
            b"<meta charset=\"iso-8859-2\"><p>\xA3\xF3d\xBC</p>",
            Markup::Html,
            None,
        );
        assert_eq!(
            declared,
            Ok("<meta charset=\"iso-8859-2\"><p>Łódź</p>".to_string())
        );
        let xml: Result<String, String> = decode(
            b"<?xml version='1.0' encoding='windows-1251'?><t>\xCA\xE8\xE5\xE2</t>",
            Markup::Xml,
            None,
        );
        assert_eq!(
            xml,
            Ok("<?xml version='1.0' encoding='windows-1251'?><t>Киев</t>".to_string())
        );
        let transport: Result<String, String> = decode(b"\xE9t\xE9", Markup::Html, Some("latin1"));
        assert_eq!(transport, Ok("été".to_string()));
    }

    #[test]
    fn refusals() {
        assert!(plain(b"\x00\x01\x02binary").is_err());
        let declared_utf8: Result<String, String> =
            decode(b"<meta charset=utf-8>caf\xE9", Markup::Html, None);
        assert_eq!(
            declared_utf8,
            Err("declared UTF-8 but byte 23 is not valid UTF-8".to_string())
        );
        // "Київ – " is 13 bytes of UTF-8; byte 13 is a stray 0xFF.
        let damaged: Result<String, String> =
            plain(b"\xD0\x9A\xD0\xB8\xD1\x97\xD0\xB2 \xE2\x80\x93 \xFFx");
        assert!(damaged.is_err_and(|message: String| message.contains("byte 13")));
        assert!(
            plain(b"\xFF\xFE\x00\xD8").is_err(),
            "unpaired UTF-16 surrogate"
        );
    }
}
