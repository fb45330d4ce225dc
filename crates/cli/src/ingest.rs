//! `annalist ingest`: code documents and store their events, exactly once per document.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use annalist_code::CodingOptions;
use annalist_ingest::{Date, Document, InputFormat, read_path};
use annalist_pipeline::{CodedDocument, Pipeline};
use annalist_store::{DocumentMeta, IngestOutcome, Store};
use annalist_text::Analyzer;
use clap::Args;
use indicatif::{ProgressBar, ProgressStyle};

use crate::code::report_skipped;
use crate::dicts::{self, DictArgs};
use crate::report::{Outcome, warn};

#[derive(Debug, Args)]
pub struct IngestArgs {
    /// The SQLite database (created when absent).
    #[arg(long, default_value = "annalist.db")]
    pub db: PathBuf,
    /// auto (by extension and content), text, jsonl, html, rss, warc or petrarch-xml.
    #[arg(long, default_value = "auto")]
    pub input_format: InputFormat,
    /// Report date (YYYY-MM-DD) for documents that carry none.
    #[arg(long)]
    pub date: Option<Date>,
    #[command(flatten)]
    pub dicts: DictArgs,
    /// Files or folders (read recursively), or `-` for standard input.
    #[arg(required = true)]
    pub inputs: Vec<PathBuf>,
}

/// What an ingest run did, for the closing line and for `run`.
#[derive(Debug, Default, Clone, Copy)]
pub struct IngestSummary {
    pub documents: u64,
    pub new_documents: u64,
    pub events_added: u64,
    pub mentions_added: u64,
    pub failures: usize,
}

pub fn run(args: &IngestArgs) -> Result<Outcome, String> {
    let summary: IngestSummary = ingest(
        &args.db,
        &args.inputs,
        args.input_format,
        args.date,
        &args.dicts,
    )?;
    Ok(Outcome::from_failures(summary.failures))
}

/// Codes every input document and stores it, one transaction per document, so an
/// interrupted run can simply be run again.
pub fn ingest(
    db: &Path,
    inputs: &[PathBuf],
    format: InputFormat,
    date: Option<Date>,
    dict_args: &DictArgs,
) -> Result<IngestSummary, String> {
    let mut store: Store = Store::open(db).map_err(|e| format!("{}: {e}", db.display()))?;
    let pipeline: Pipeline = Pipeline::new(&dicts::for_coding(dict_args)?, CodingOptions::news());
    let mut analyzer: Analyzer = Analyzer::new();
    let progress: ProgressBar = ProgressBar::new_spinner();
    progress.set_style(
        ProgressStyle::with_template("{spinner} {elapsed} {pos} documents ({per_sec}) {msg}")
            .unwrap_or_else(|_| ProgressStyle::default_spinner()),
    );
    progress.enable_steady_tick(Duration::from_millis(200));
    let started: Instant = Instant::now();
    let mut summary: IngestSummary = IngestSummary::default();
    for input in inputs {
        for document in read_path(input, format, date) {
            let document: Document = match document {
                Ok(document) => document,
                Err(error) => {
                    progress.suspend(|| warn(&error));
                    summary.failures += 1;
                    continue;
                }
            };
            let coded: CodedDocument = pipeline.code_document(&mut analyzer, &document);
            summary.failures += progress.suspend(|| report_skipped(&document, &coded));
            match store.ingest_document(&meta(&document), &coded.events) {
                Ok(outcome) => add(&mut summary, outcome),
                Err(error) => {
                    progress.suspend(|| {
                        warn(format_args!(
                            "{}: document {}: {error}",
                            document.origin, document.id
                        ))
                    });
                    summary.failures += 1;
                }
            }
            summary.documents += 1;
            progress.inc(1);
            progress.set_message(format!("{} events added", summary.events_added));
        }
    }
    progress.finish_and_clear();
    eprintln!(
        "annalist: ingested {} documents ({} new) into {} in {:.1} s: {} events added, {} mentions, {} failures",
        summary.documents,
        summary.new_documents,
        db.display(),
        started.elapsed().as_secs_f64(),
        summary.events_added,
        summary.mentions_added,
        summary.failures
    );
    Ok(summary)
}

fn add(summary: &mut IngestSummary, outcome: IngestOutcome) {
    summary.new_documents += u64::from(outcome.new);
    summary.events_added += outcome.events_added;
    summary.mentions_added += outcome.mentions_added;
}

fn meta(document: &Document) -> DocumentMeta {
    DocumentMeta {
        id: document.id.clone(),
        title: document.title.clone(),
        date: document.date.clone(),
        url: document.url.clone(),
        source: document.source.clone(),
        origin: Some(document.origin.to_string()),
        text: document.text.clone(),
    }
}
