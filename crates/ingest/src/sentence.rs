//! Assembling one `<Sentence>` record from its child elements.

use crate::date::Date;
use crate::model::{ExpectedEvent, RecordError, SentenceRecord};
use crate::xml::Tag;

/// Which child element of `<Sentence>` is open.
#[derive(Debug, PartialEq, Eq)]
enum Field {
    None,
    Text,
    Parse,
    EventCoding,
    /// An element the format does not define; its content is ignored.
    Unknown(String),
}

/// A `<Sentence>` being read. Problems are collected, not fatal, so the reader
/// can always advance to the record's end tag.
#[derive(Debug)]
pub(crate) struct SentenceBuilder {
    line: usize,
    attributes: Vec<(String, String)>,
    raw_text: Option<String>,
    parse: Option<String>,
    expected: Vec<ExpectedEvent>,
    expects_no_events: bool,
    expected_error: Option<String>,
    field: Field,
    content: String,
    problems: Vec<String>,
}

impl SentenceBuilder {
    pub(crate) fn new(tag: Tag, line: usize) -> SentenceBuilder {
        SentenceBuilder {
            line,
            attributes: tag.attributes,
            raw_text: None,
            parse: None,
            expected: Vec::new(),
            expects_no_events: false,
            expected_error: None,
            field: Field::None,
            content: String::new(),
            problems: Vec::new(),
        }
    }

    pub(crate) fn problem(&mut self, message: impl Into<String>) {
        self.problems.push(message.into());
    }

    fn id(&self) -> Option<&str> {
        self.attribute("id")
    }

    fn attribute(&self, key: &str) -> Option<&str> {
        self.attributes
            .iter()
            .find(|(name, _): &&(String, String)| name == key)
            .map(|(_, value): &(String, String)| value.as_str())
    }

    /// An element opened inside the sentence (`empty` for `<X/>`).
    pub(crate) fn open(&mut self, tag: &Tag, empty: bool) {
        if self.field != Field::None {
            if matches!(self.field, Field::Text | Field::Parse) {
                self.problem(format!(
                    "unexpected <{}> inside {}",
                    tag.name,
                    self.field_name()
                ));
            }
            return;
        }
        let field: Field = match tag.name.as_str() {
            "Text" => Field::Text,
            "Parse" => Field::Parse,
            "EventCoding" => {
                self.event_coding(tag);
                Field::EventCoding
            }
            other => Field::Unknown(other.to_string()),
        };
        if !empty {
            self.content.clear();
            self.field = field;
        }
    }

    /// Character data inside the sentence.
    pub(crate) fn text(&mut self, text: &str) {
        match self.field {
            Field::Text | Field::Parse => self.content.push_str(text),
            Field::None if !text.trim().is_empty() => {
                self.problem(format!("stray text {:?} inside <Sentence>", shorten(text)));
            }
            _ => {}
        }
    }

    /// A closing tag other than `</Sentence>`.
    pub(crate) fn close(&mut self, name: &str) {
        if self.field_name_is(name) {
            let content: String = std::mem::take(&mut self.content);
            match self.field {
                Field::Text if self.raw_text.is_some() => self.problem("more than one <Text>"),
                Field::Text => self.raw_text = Some(content),
                Field::Parse if self.parse.is_some() => self.problem("more than one <Parse>"),
                Field::Parse => self.parse = Some(content.trim().to_string()),
                _ => {}
            }
            self.field = Field::None;
        } else if matches!(self.field, Field::Text | Field::Parse | Field::None) {
            self.problem(format!("unexpected </{name}>"));
        }
    }

    fn field_name(&self) -> &str {
        match &self.field {
            Field::None => "<Sentence>",
            Field::Text => "<Text>",
            Field::Parse => "<Parse>",
            Field::EventCoding => "<EventCoding>",
            Field::Unknown(name) => name,
        }
    }

    fn field_name_is(&self, name: &str) -> bool {
        match &self.field {
            Field::None => false,
            Field::Text => name == "Text",
            Field::Parse => name == "Parse",
            Field::EventCoding => name == "EventCoding",
            Field::Unknown(open) => open == name,
        }
    }

    fn event_coding(&mut self, tag: &Tag) {
        if let Some(error) = tag.attribute("error") {
            self.expects_no_events = true;
            self.expected_error = Some(error.to_string());
            return;
        }
        if let Some(flag) = tag.attribute("noevents") {
            match flag.trim().to_ascii_lowercase().as_str() {
                "true" => self.expects_no_events = true,
                "false" => {}
                _ => self.problem(format!("noevents must be True or False, not {flag:?}")),
            }
            return;
        }
        let codes = (
            tag.attribute("sourcecode"),
            tag.attribute("targetcode"),
            tag.attribute("eventcode"),
        );
        match codes {
            (Some(source), Some(target), Some(code)) => self.expected.push(ExpectedEvent {
                source: source.to_string(),
                target: target.to_string(),
                code: code.to_string(),
            }),
            _ => self.problem(
                "<EventCoding> needs sourcecode, targetcode and eventcode, or noevents, or error",
            ),
        }
    }

    /// Completes the record at `</Sentence>` (or where the record was cut off).
    pub(crate) fn finish(mut self) -> Result<SentenceRecord, RecordError> {
        if self.field != Field::None {
            let unclosed: String = self.field_name().to_string();
            self.problem(format!("unclosed {unclosed}"));
        }
        let id: Option<String> = self.id().map(str::to_string);
        if id.is_none() {
            self.problem("missing id attribute");
        }
        let date: Option<String> = self.attribute("date").map(str::to_string);
        if date.is_none() {
            self.problem("missing date attribute");
        }
        if self.raw_text.is_none() {
            self.problem("missing <Text>");
        }
        if self.expects_no_events && !self.expected.is_empty() {
            self.problem("expects both events and no events");
        }
        let (Some(id), Some(date), Some(raw_text), true) = (
            id.clone(),
            date,
            self.raw_text.take(),
            self.problems.is_empty(),
        ) else {
            return Err(RecordError {
                line: self.line,
                id,
                message: self.problems.join("; "),
            });
        };
        let other_attributes: Vec<(String, String)> = self
            .attributes
            .iter()
            .filter(|(key, _)| !matches!(key.as_str(), "id" | "date" | "category" | "source"))
            .cloned()
            .collect();
        Ok(SentenceRecord {
            parsed_date: Date::parse_yyyymmdd(&date),
            category: self.attribute("category").map(str::to_string),
            source: self.attribute("source").map(str::to_string),
            other_attributes,
            id,
            date,
            text: raw_text.trim().to_string(),
            raw_text,
            parse: self.parse,
            expected: self.expected,
            expects_no_events: self.expects_no_events,
            expected_error: self.expected_error,
            line: self.line,
        })
    }
}

/// The first few characters of `text`, for error messages.
fn shorten(text: &str) -> String {
    let trimmed: &str = text.trim();
    match trimmed.char_indices().nth(40) {
        Some((cut, _)) => format!("{}...", &trimmed[..cut]),
        None => trimmed.to_string(),
    }
}
