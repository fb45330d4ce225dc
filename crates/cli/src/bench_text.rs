//! `annalist bench text`: raw text → coded, enriched events, one thread.
//!
//! Input is either a PETRARCH XML file (each `<Text>` becomes a one-sentence document, its
//! `<Parse>` ignored) or any document file annalist reads (JSONL, text, HTML, ...). The
//! documents are coded again and again until at least the requested number of sentences
//! went through the front end. Both wall-clock and on-CPU rates are printed: the project's
//! machine is shared, and the CPU time of the benchmark thread is what one core gives.

use std::io::Read;
use std::path::Path;
use std::time::{Duration, Instant};

use annalist_code::CodingOptions;
use annalist_ingest::{
    Document, InputFormat, Origin, PetrarchFile, SNIFF_BYTES, read_path, read_petrarch_xml,
};
use annalist_pipeline::Pipeline;
use annalist_text::Analyzer;

use crate::bench::{cpu_rate, ms, peak_rss, thread_cpu_time};
use crate::dicts::{self, DictArgs};
use crate::report::Outcome;

/// Enough documents to load every lazily built table once.
const WARM_UP_DOCUMENTS: usize = 500;

pub fn bench_text(args: &DictArgs, target: usize, input: &Path) -> Result<Outcome, String> {
    let documents: Vec<Document> = read_documents(input)?;
    // Sentences as the front end counts them (every segment is tagged and parsed).
    let sentences: Vec<usize> = documents
        .iter()
        .map(|d: &Document| annalist_text::segment(&d.text).len())
        .collect();
    let distinct_sentences: usize = sentences.iter().sum();
    if distinct_sentences == 0 {
        return Err(format!("{}: no sentences with text", input.display()));
    }
    let pipeline: Pipeline = Pipeline::new(&dicts::for_coding(args)?, CodingOptions::news());
    let mut analyzer: Analyzer = Analyzer::new();
    // A warm-up so that first-touch costs (gazetteer, tagger model) are not measured.
    for document in documents.iter().take(WARM_UP_DOCUMENTS) {
        let _ = pipeline.code_document(&mut analyzer, document);
    }
    let cpu_start: Option<Duration> = thread_cpu_time();
    let start: Instant = Instant::now();
    let (mut coded, mut documents_coded, mut events) = (0usize, 0usize, 0usize);
    while coded < target {
        for (document, count) in documents.iter().zip(&sentences) {
            events += pipeline.code_document(&mut analyzer, document).events.len();
            coded += count;
            documents_coded += 1;
        }
    }
    let elapsed: Duration = start.elapsed();
    let cpu_rate: String = cpu_rate(coded, cpu_start);
    println!(
        "raw text -> events: {coded} sentences in {documents_coded} documents (input: {} documents, {distinct_sentences} sentences) in {:.1} ms: {:.0} sentences/s wall clock, {cpu_rate}; {events} events; peak RSS {}",
        documents.len(),
        ms(elapsed),
        coded as f64 / elapsed.as_secs_f64(),
        peak_rss()
    );
    Ok(Outcome::Clean)
}

/// The documents of `input`: PETRARCH XML by sentence, anything else as its reader gives.
fn read_documents(input: &Path) -> Result<Vec<Document>, String> {
    let mut head: Vec<u8> = Vec::with_capacity(SNIFF_BYTES);
    std::fs::File::open(input)
        .and_then(|file| file.take(SNIFF_BYTES as u64).read_to_end(&mut head))
        .map_err(|e| format!("{}: {e}", input.display()))?;
    if InputFormat::detect(input, &head) == Some(InputFormat::PetrarchXml) {
        return petrarch_sentences(input);
    }
    let mut documents: Vec<Document> = Vec::new();
    for result in read_path(input, InputFormat::Auto, None) {
        let document: Document = result.map_err(|e| e.to_string())?;
        if !document.text.trim().is_empty() {
            documents.push(document);
        }
    }
    Ok(documents)
}

/// Each `<Text>` of a PETRARCH XML file as a document of its own (its parse ignored).
fn petrarch_sentences(input: &Path) -> Result<Vec<Document>, String> {
    let file: PetrarchFile = read_petrarch_xml(input).map_err(|e| e.to_string())?;
    Ok(file
        .sentences()
        .filter(|s| !s.text.trim().is_empty())
        .map(|s| {
            let mut document: Document = Document::new(
                s.id.clone(),
                s.text.clone(),
                Origin::line(input.display().to_string(), s.line),
            );
            document.date = s.parsed_date.map(|d| d.to_string());
            document
        })
        .collect())
}
