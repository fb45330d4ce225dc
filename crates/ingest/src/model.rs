//! The records of a PETRARCH XML file.

use std::fmt;

use crate::date::Date;

/// An option change: `<Config option="require_dyad" value="false"></Config>`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ConfigOption {
    /// Option name as written, e.g. `require_dyad`.
    pub option: String,
    /// Value as written, e.g. `false`, `FALSE`, `4` (case is not normalised).
    pub value: String,
}

/// The `<Environment>` block: dictionaries and run settings named by the file.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Environment {
    /// `<Verbfile>`.
    pub verbfile: Option<String>,
    /// Every `<Actorfile>`, in order (the element may repeat).
    pub actorfiles: Vec<String>,
    /// `<Agentfile>`.
    pub agentfile: Option<String>,
    /// `<Discardfile>`.
    pub discardfile: Option<String>,
    /// `<Issuefile>`.
    pub issuefile: Option<String>,
    /// `<Errorfile>`.
    pub errorfile: Option<String>,
    /// `<Include>` categories, split on whitespace.
    pub include: Vec<String>,
    /// `<Exclude>` categories, split on whitespace.
    pub exclude: Vec<String>,
    /// `<Pause>`.
    pub pause: Option<String>,
    /// `<Config>` options given inside the environment.
    pub config: Vec<ConfigOption>,
    /// Any other child element: (name, trimmed text).
    pub other: Vec<(String, String)>,
}

/// One expected event from `<EventCoding sourcecode targetcode eventcode>`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ExpectedEvent {
    /// Source actor code as written. May be a quoted new-actor phrase such as
    /// `"INJURY TOLL"` (quotes included) when the record tests `new_actor_length`.
    pub source: String,
    /// Target actor code as written (same quoting rule as `source`).
    pub target: String,
    /// CAMEO event code, e.g. `064`.
    pub code: String,
}

/// One `<Sentence>` record.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SentenceRecord {
    /// The `id` attribute.
    pub id: String,
    /// The `date` attribute exactly as given.
    pub date: String,
    /// `date` parsed as `YYYYMMDD`; `None` when it is not a valid calendar date.
    pub parsed_date: Option<Date>,
    /// The `category` attribute (unit-test files).
    pub category: Option<String>,
    /// The `source` attribute (e.g. `AFP`).
    pub source: Option<String>,
    /// Other attributes (e.g. `sentence="true"`), in file order.
    pub other_attributes: Vec<(String, String)>,
    /// The document text: the `<Text>` content with XML escapes resolved and
    /// leading/trailing whitespace removed. All spans refer to this string.
    pub text: String,
    /// The `<Text>` content exactly as in the file (escapes resolved, not trimmed).
    pub raw_text: String,
    /// The `<Parse>` content (escapes resolved, trimmed), if present.
    pub parse: Option<String>,
    /// Events the record expects, in file order.
    pub expected: Vec<ExpectedEvent>,
    /// `true` when an `<EventCoding noevents="True">` or `<EventCoding error="...">`
    /// says the record must produce no events. A record with no `<EventCoding>`
    /// at all (plain input such as the GigaWord sample) has `false` and no expectations.
    pub expects_no_events: bool,
    /// The `error` attribute of an `<EventCoding error="...">`, e.g. `bad_input_parse`.
    pub expected_error: Option<String>,
    /// 1-based line of the `<Sentence` tag.
    pub line: usize,
}

impl SentenceRecord {
    /// [`SentenceRecord::text`] with every whitespace run collapsed to one space.
    pub fn normalized_text(&self) -> String {
        self.text
            .split_whitespace()
            .collect::<Vec<&str>>()
            .join(" ")
    }
}

/// One record of a `<Sentences>` block, in file order.
#[derive(Clone, Debug, PartialEq, Eq)]
#[expect(
    clippy::large_enum_variant,
    reason = "almost every record is a sentence; boxing would only add an allocation"
)]
pub enum Record {
    /// An option change that applies to the records after it.
    Config(ConfigOption),
    /// A sentence to code.
    Sentence(SentenceRecord),
    /// `<Stop>`: the coder should stop here.
    Stop,
}

/// A record that could not be read. Reading continues with the next record.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RecordError {
    /// 1-based line where the record (or the bad markup) starts.
    pub line: usize,
    /// The sentence `id`, when it was readable.
    pub id: Option<String>,
    /// What was wrong.
    pub message: String,
}

impl fmt::Display for RecordError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.id {
            Some(id) => write!(f, "line {}: record {}: {}", self.line, id, self.message),
            None => write!(f, "line {}: {}", self.line, self.message),
        }
    }
}

impl std::error::Error for RecordError {}
