//! Streaming reader: XML events in, records out, one at a time.

use std::collections::VecDeque;
use std::io::{self, BufRead};

use quick_xml::Reader;

use crate::environment::{EnvironmentBuilder, config_option};
use crate::lines::LineCounter;
use crate::model::{Environment, Record, RecordError};
use crate::sentence::SentenceBuilder;
use crate::xml::{Tag, XmlItem, next_item};

/// One thing read from a PETRARCH XML stream.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Item {
    /// The `<Environment>` block (with any problems in it reported as `Error`s).
    Environment(Environment),
    /// A `<Config>`, `<Sentence>` or `<Stop>` record.
    Record(Record),
    /// A record or piece of markup that could not be read; reading goes on.
    Error(RecordError),
}

/// Where the reader is.
#[derive(Debug)]
enum State {
    Top,
    Environment {
        builder: EnvironmentBuilder,
        line: usize,
    },
    Sentence(SentenceBuilder),
}

/// Reads PETRARCH XML records from any `BufRead`, in file order.
///
/// Malformed records come out as [`Item::Error`] and reading continues; only an
/// I/O failure of the underlying reader is returned as `Err` (after which the
/// reader is finished).
pub struct PetrarchReader<R: BufRead> {
    xml: Reader<LineCounter<R>>,
    buf: Vec<u8>,
    state: State,
    /// Items produced while handling one event but not yet returned.
    queued: VecDeque<Item>,
    /// An event to handle again after the record it cut short was returned.
    replay: Option<(XmlItem, usize)>,
    last_error_position: Option<u64>,
    finished: bool,
}

impl<R: BufRead> PetrarchReader<R> {
    /// Starts reading `input` from its current position.
    pub fn new(input: R) -> PetrarchReader<R> {
        let mut xml: Reader<LineCounter<R>> = Reader::from_reader(LineCounter::new(input));
        let config = xml.config_mut();
        // Record files are hand-edited: tolerate mismatched end tags and report
        // them per record instead of failing the whole stream.
        config.check_end_names = false;
        config.allow_unmatched_ends = true;
        PetrarchReader {
            xml,
            buf: Vec::new(),
            state: State::Top,
            queued: VecDeque::new(),
            replay: None,
            last_error_position: None,
            finished: false,
        }
    }

    /// The next item, `Ok(None)` at the end of the input.
    pub fn next_item(&mut self) -> io::Result<Option<Item>> {
        loop {
            if let Some(item) = self.queued.pop_front() {
                return Ok(Some(item));
            }
            if self.finished {
                return Ok(None);
            }
            let (event, line): (XmlItem, usize) = match self.replay.take() {
                Some(replayed) => replayed,
                None => {
                    let line: usize = self.xml.get_ref().line();
                    (next_item(&mut self.xml, &mut self.buf), line)
                }
            };
            self.handle(event, line)?;
        }
    }

    fn handle(&mut self, event: XmlItem, line: usize) -> io::Result<()> {
        match event {
            XmlItem::Io(error) => {
                self.finished = true;
                return Err(error);
            }
            XmlItem::Malformed(message) => self.malformed(message, line),
            XmlItem::Eof => self.end_of_input(line),
            XmlItem::Ignored => {}
            event => {
                let state: State = std::mem::replace(&mut self.state, State::Top);
                self.state = match state {
                    State::Top => self.at_top(event, line),
                    State::Environment {
                        builder,
                        line: start,
                    } => self.in_environment(builder, start, event, line),
                    State::Sentence(builder) => self.in_sentence(builder, event, line),
                };
            }
        }
        Ok(())
    }

    fn emit(&mut self, item: Item) {
        self.queued.push_back(item);
    }

    fn error(&mut self, line: usize, id: Option<String>, message: String) {
        self.emit(Item::Error(RecordError { line, id, message }));
    }

    fn malformed(&mut self, message: String, line: usize) {
        let position: u64 = self.xml.buffer_position();
        if self.last_error_position == Some(position) {
            // No progress since the last error: stop rather than loop forever.
            self.finished = true;
        }
        self.last_error_position = Some(position);
        match &mut self.state {
            State::Sentence(builder) => builder.problem(format!("line {line}: {message}")),
            State::Environment { builder, .. } => builder.problems.push(message),
            State::Top => self.error(line, None, message),
        }
        if self.finished {
            self.end_of_input(line);
        }
    }

    fn end_of_input(&mut self, line: usize) {
        self.finished = true;
        match std::mem::replace(&mut self.state, State::Top) {
            State::Top => {}
            State::Environment {
                builder,
                line: start,
            } => {
                let mut builder: EnvironmentBuilder = builder;
                builder
                    .problems
                    .push("input ends inside <Environment>".to_string());
                self.finish_environment(builder, start);
            }
            State::Sentence(mut builder) => {
                builder.problem(format!("input ends at line {line} inside <Sentence>"));
                self.finish_sentence(builder);
            }
        }
    }

    fn at_top(&mut self, event: XmlItem, line: usize) -> State {
        match event {
            XmlItem::Start(tag) => self.top_tag(tag, line, false),
            XmlItem::Empty(tag) => self.top_tag(tag, line, true),
            XmlItem::Text(text) if !text.trim().is_empty() => {
                self.error(
                    line,
                    None,
                    format!("stray text outside records: {:?}", text.trim()),
                );
                State::Top
            }
            // End tags of containers, `</Config>`, `</Stop>`, whitespace.
            _ => State::Top,
        }
    }

    fn top_tag(&mut self, tag: Tag, line: usize, empty: bool) -> State {
        match tag.name.as_str() {
            "Validation" | "Sentences" => State::Top,
            "Environment" if empty => {
                self.emit(Item::Environment(Environment::default()));
                State::Top
            }
            "Environment" => State::Environment {
                builder: EnvironmentBuilder::default(),
                line,
            },
            "Sentence" => {
                let builder: SentenceBuilder = SentenceBuilder::new(tag, line);
                if empty {
                    self.finish_sentence(builder);
                    return State::Top;
                }
                State::Sentence(builder)
            }
            "Config" => {
                match config_option(&tag) {
                    Ok(option) => self.emit(Item::Record(Record::Config(option))),
                    Err(message) => self.error(line, None, message),
                }
                State::Top
            }
            "Stop" => {
                self.emit(Item::Record(Record::Stop));
                State::Top
            }
            other => {
                self.error(line, None, format!("unexpected element <{other}>"));
                State::Top
            }
        }
    }

    fn in_environment(
        &mut self,
        mut builder: EnvironmentBuilder,
        start: usize,
        event: XmlItem,
        line: usize,
    ) -> State {
        match &event {
            XmlItem::End(name) if name == "Environment" => {
                self.finish_environment(builder, start);
                return State::Top;
            }
            XmlItem::Start(tag) | XmlItem::Empty(tag)
                if matches!(tag.name.as_str(), "Sentences" | "Sentence" | "Stop") =>
            {
                builder
                    .problems
                    .push(format!("missing </Environment> before <{}>", tag.name));
                self.finish_environment(builder, start);
                self.replay = Some((event, line));
                return State::Top;
            }
            XmlItem::Start(tag) => builder.open(tag, false),
            XmlItem::Empty(tag) => builder.open(tag, true),
            XmlItem::Text(text) => builder.text(text),
            XmlItem::End(name) => builder.close(name),
            _ => {}
        }
        State::Environment {
            builder,
            line: start,
        }
    }

    fn finish_environment(&mut self, builder: EnvironmentBuilder, line: usize) {
        let (environment, problems): (Environment, Vec<String>) = builder.finish();
        self.emit(Item::Environment(environment));
        if !problems.is_empty() {
            self.error(
                line,
                None,
                format!("in <Environment>: {}", problems.join("; ")),
            );
        }
    }

    fn in_sentence(&mut self, mut builder: SentenceBuilder, event: XmlItem, line: usize) -> State {
        match &event {
            XmlItem::End(name) if name == "Sentence" => {
                self.finish_sentence(builder);
                return State::Top;
            }
            XmlItem::Start(tag) | XmlItem::Empty(tag) if starts_record(tag) => {
                // A record starts before this one ended: report this one, then
                // read the new record normally.
                builder.problem(format!(
                    "missing </Sentence> before <{}> at line {line}",
                    tag.name
                ));
                self.finish_sentence(builder);
                self.replay = Some((event, line));
                return State::Top;
            }
            XmlItem::End(name) if name == "Sentences" => {
                builder.problem("missing </Sentence>");
                self.finish_sentence(builder);
                return State::Top;
            }
            XmlItem::Start(tag) => builder.open(tag, false),
            XmlItem::Empty(tag) => builder.open(tag, true),
            XmlItem::Text(text) => builder.text(text),
            XmlItem::End(name) => builder.close(name),
            _ => {}
        }
        State::Sentence(builder)
    }

    fn finish_sentence(&mut self, builder: SentenceBuilder) {
        match builder.finish() {
            Ok(record) => self.emit(Item::Record(Record::Sentence(record))),
            Err(error) => self.emit(Item::Error(error)),
        }
    }
}

/// Whether `tag` opens a new top-level record (so the current one must have ended).
fn starts_record(tag: &Tag) -> bool {
    matches!(
        tag.name.as_str(),
        "Sentence" | "Config" | "Stop" | "Sentences"
    )
}

impl<R: BufRead> Iterator for PetrarchReader<R> {
    type Item = io::Result<Item>;

    fn next(&mut self) -> Option<io::Result<Item>> {
        self.next_item().transpose()
    }
}
