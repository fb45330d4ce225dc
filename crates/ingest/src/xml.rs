//! Thin owned view of quick-xml events: names and attribute values as `String`s,
//! text with character and predefined entity references resolved.

use std::io::BufRead;

use quick_xml::Reader;
use quick_xml::events::{BytesRef, BytesStart, Event};

use crate::lines::LineCounter;

/// An element tag with its attributes (values unescaped).
#[derive(Debug)]
pub(crate) struct Tag {
    pub(crate) name: String,
    pub(crate) attributes: Vec<(String, String)>,
}

impl Tag {
    pub(crate) fn attribute(&self, key: &str) -> Option<&str> {
        self.attributes
            .iter()
            .find(|(name, _): &&(String, String)| name == key)
            .map(|(_, value): &(String, String)| value.as_str())
    }
}

/// What the record reader needs to know about one XML event.
#[derive(Debug)]
pub(crate) enum XmlItem {
    Start(Tag),
    Empty(Tag),
    End(String),
    /// Character data: text, CDATA, or a resolved entity reference.
    Text(String),
    /// Comments, processing instructions, declarations.
    Ignored,
    Eof,
    /// Markup that could not be read; reading may continue after it.
    Malformed(String),
    /// The underlying reader failed; reading stops.
    Io(std::io::Error),
}

/// Reads the next event at the given reader, converting it to an owned item.
pub(crate) fn next_item<R: BufRead>(
    xml: &mut Reader<LineCounter<R>>,
    buf: &mut Vec<u8>,
) -> XmlItem {
    buf.clear();
    match xml.read_event_into(buf) {
        Ok(Event::Start(start)) => tag(&start).map_or_else(XmlItem::Malformed, XmlItem::Start),
        Ok(Event::Empty(start)) => tag(&start).map_or_else(XmlItem::Malformed, XmlItem::Empty),
        Ok(Event::End(end)) => {
            XmlItem::End(String::from_utf8_lossy(end.name().as_ref()).into_owned())
        }
        Ok(Event::Text(text)) => match text.decode() {
            Ok(decoded) => XmlItem::Text(decoded.into_owned()),
            Err(error) => XmlItem::Malformed(format!("text is not valid UTF-8: {error}")),
        },
        Ok(Event::CData(data)) => match data.decode() {
            Ok(decoded) => XmlItem::Text(decoded.into_owned()),
            Err(error) => XmlItem::Malformed(format!("CDATA is not valid UTF-8: {error}")),
        },
        Ok(Event::GeneralRef(reference)) => resolve_reference(&reference),
        Ok(Event::Comment(_) | Event::Decl(_) | Event::PI(_) | Event::DocType(_)) => {
            XmlItem::Ignored
        }
        Ok(Event::Eof) => XmlItem::Eof,
        Err(quick_xml::Error::Io(error)) => {
            XmlItem::Io(std::io::Error::new(error.kind(), error.to_string()))
        }
        Err(error) => XmlItem::Malformed(format!("malformed XML: {error}")),
    }
}

fn tag(start: &BytesStart<'_>) -> Result<Tag, String> {
    let name: String = std::str::from_utf8(start.name().as_ref())
        .map_err(|_| "element name is not valid UTF-8".to_string())?
        .to_string();
    let mut attributes: Vec<(String, String)> = Vec::new();
    for attribute in start.attributes() {
        let attribute = attribute.map_err(|error| format!("bad attribute in <{name}>: {error}"))?;
        let key: String = std::str::from_utf8(attribute.key.as_ref())
            .map_err(|_| format!("attribute name in <{name}> is not valid UTF-8"))?
            .to_string();
        let value: String = attribute
            .unescape_value()
            .map_err(|error| format!("bad value of {key} in <{name}>: {error}"))?
            .into_owned();
        attributes.push((key, value));
    }
    Ok(Tag { name, attributes })
}

fn resolve_reference(reference: &BytesRef<'_>) -> XmlItem {
    if reference.is_char_ref() {
        return match reference.resolve_char_ref() {
            Ok(Some(character)) => XmlItem::Text(character.to_string()),
            Ok(None) | Err(_) => XmlItem::Malformed("invalid character reference".to_string()),
        };
    }
    let name: String = String::from_utf8_lossy(&reference[..]).into_owned();
    match quick_xml::escape::resolve_predefined_entity(&name) {
        Some(value) => XmlItem::Text(value.to_string()),
        None => XmlItem::Malformed(format!("unknown entity &{name};")),
    }
}
