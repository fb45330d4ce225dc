//! `annalist code`: documents in, events out as JSON lines.

use std::io::Write;
use std::path::PathBuf;

use annalist_code::{CodingOptions, Event};
use annalist_ingest::{Date, Document, InputFormat, read_path};
use annalist_pipeline::{CodedDocument, Pipeline};
use annalist_text::Analyzer;
use clap::Args;

use crate::dicts::{self, DictArgs};
use crate::report::{Outcome, output, warn};

#[derive(Debug, Args)]
pub struct CodeArgs {
    /// auto (by extension and content), text, jsonl, html, rss, warc or petrarch-xml.
    #[arg(long, default_value = "auto")]
    pub input_format: InputFormat,
    /// Output format; only `jsonl` (one event record per line) for now.
    #[arg(long, default_value = "jsonl", value_parser = ["jsonl"])]
    pub format: String,
    /// Report date (YYYY-MM-DD) for documents that carry none.
    #[arg(long)]
    pub date: Option<Date>,
    /// Code PETRARCH XML from its text with annalist's own front end, not from <Parse>.
    #[arg(long)]
    pub ignore_parse: bool,
    /// Write events here instead of standard output.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    #[command(flatten)]
    pub dicts: DictArgs,
    /// Files or folders (read recursively), or `-` for standard input.
    #[arg(required = true)]
    pub inputs: Vec<PathBuf>,
}

pub fn run(args: &CodeArgs) -> Result<Outcome, String> {
    let dictionaries = dicts::for_coding(&args.dicts)?;
    let pipeline: Pipeline =
        Pipeline::new(&dictionaries, CodingOptions::news()).ignore_parses(args.ignore_parse);
    let mut out: Box<dyn Write> = output(args.output.as_deref())?;
    let mut analyzer: Analyzer = Analyzer::new();
    let mut failures: usize = 0;
    for input in &args.inputs {
        for document in read_path(input, args.input_format, args.date) {
            let document: Document = match document {
                Ok(document) => document,
                Err(error) => {
                    warn(&error);
                    failures += 1;
                    continue;
                }
            };
            let coded: CodedDocument = pipeline.code_document(&mut analyzer, &document);
            failures += report_skipped(&document, &coded);
            write_events(&coded.events, &mut out)?;
        }
    }
    out.flush().map_err(|e| e.to_string())?;
    Ok(Outcome::from_failures(failures))
}

/// Warns about sentences skipped for bad input; returns how many there were.
pub fn report_skipped(document: &Document, coded: &CodedDocument) -> usize {
    let mut bad: usize = 0;
    for skipped in coded.skipped.iter().filter(|s| s.bad_input) {
        warn(format_args!(
            "{}: document {} sentence {}: {}",
            document.origin, document.id, skipped.sentence_id, skipped.reason
        ));
        bad += 1;
    }
    bad
}

fn write_events(events: &[Event], out: &mut dyn Write) -> Result<(), String> {
    for event in events {
        serde_json::to_writer(&mut *out, event).map_err(|e| e.to_string())?;
        out.write_all(b"\n").map_err(|e| e.to_string())?;
    }
    Ok(())
}
