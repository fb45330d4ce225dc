//! `annalist validate`: run a PETRARCH unit-test records file and compare every record's
//! produced (source, target, code) triples with its expected `<EventCoding>`s.

use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};

use annalist_code::Event;
use annalist_ingest::{PetrarchFile, Record, SentenceRecord, read_petrarch_xml};
use clap::Args;
use serde::Serialize;

use crate::dicts;
use crate::engine::Engine;
use crate::report::{Outcome, warn};

#[derive(Debug, Args)]
pub struct ValidateArgs {
    /// Where the dictionaries named by the file's <Environment> are (default: the file's folder).
    #[arg(long, value_name = "DIR")]
    pub dict_dir: Option<PathBuf>,
    /// Write one JSON line per record (id, category, expected, produced, pass) here.
    #[arg(long, value_name = "FILE")]
    pub details: Option<PathBuf>,
    /// Code each record from its text with annalist's own front end, not from <Parse>.
    #[arg(long)]
    pub ignore_parse: bool,
    /// Print every record, not only the failing ones.
    #[arg(long)]
    pub verbose: bool,
    /// The PETRARCH XML records file.
    pub records: PathBuf,
}

/// A (source, target, event code) triple as PETRARCH prints it ("---" for no actor).
type Triple = [String; 3];

#[derive(Debug, Serialize)]
struct Detail<'r> {
    id: &'r str,
    category: Option<&'r str>,
    expected: Vec<Triple>,
    produced: Vec<Triple>,
    pass: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    error: Option<String>,
}

pub fn run(args: &ValidateArgs) -> Result<Outcome, String> {
    let file: PetrarchFile = read_petrarch_xml(&args.records).map_err(|e| e.to_string())?;
    let records_name: String = args.records.display().to_string();
    for error in &file.errors {
        warn(format_args!("{records_name}: {error}"));
    }
    let environment = file.environment.clone().ok_or(format!(
        "{records_name}: no <Environment> naming the dictionaries"
    ))?;
    let dict_dir: PathBuf = match &args.dict_dir {
        Some(dir) => dir.clone(),
        None => args
            .records
            .parent()
            .map(Path::to_path_buf)
            .unwrap_or_default(),
    };
    let paths = dicts::from_environment(&environment, &dict_dir)?;
    let mut engine: Engine = Engine::new(&dicts::load(&paths)?).ignore_parses(args.ignore_parse);
    for option in &environment.config {
        if let Err(message) = engine.configure(&option.option, &option.value) {
            warn(format_args!(
                "{records_name}: <Environment> <Config>: {message}"
            ));
        }
    }

    let mut details: Option<BufWriter<File>> = match &args.details {
        Some(path) => Some(BufWriter::new(
            File::create(path).map_err(|e| format!("{}: {e}", path.display()))?,
        )),
        None => None,
    };
    let (mut passed, mut failed) = (0usize, file.errors.len());
    for record in &file.records {
        match record {
            Record::Config(option) => {
                if let Err(message) = engine.configure(&option.option, &option.value) {
                    warn(format_args!("{records_name}: <Config>: {message}"));
                }
            }
            Record::Stop => break,
            Record::Sentence(sentence) => {
                let detail: Detail = check(&mut engine, sentence);
                if detail.pass {
                    passed += 1;
                } else {
                    failed += 1;
                }
                if !detail.pass || args.verbose {
                    print_detail(sentence, &detail);
                }
                if let Some(out) = details.as_mut() {
                    let line: String = serde_json::to_string(&detail).map_err(|e| e.to_string())?;
                    writeln!(out, "{line}").map_err(|e| e.to_string())?;
                }
            }
        }
    }
    if let Some(mut out) = details {
        out.flush().map_err(|e| e.to_string())?;
    }
    println!("{passed} passed, {failed} failed");
    Ok(Outcome::from_failures(failed))
}

fn check<'r>(engine: &mut Engine, sentence: &'r SentenceRecord) -> Detail<'r> {
    let mut expected: Vec<Triple> = if sentence.expects_no_events {
        Vec::new()
    } else {
        sentence
            .expected
            .iter()
            .map(|e| [e.source.clone(), e.target.clone(), e.code.clone()])
            .collect()
    };
    let (mut produced, error): (Vec<Triple>, Option<String>) = match engine.code_record(sentence) {
        Ok(events) => (events.iter().map(triple).collect(), None),
        Err(error) => (Vec::new(), Some(error.to_string())),
    };
    expected.sort();
    produced.sort();
    // A record that expects an error passes when nothing is coded from it.
    let pass: bool = expected == produced && (error.is_none() || expected.is_empty());
    Detail {
        id: &sentence.id,
        category: sentence.category.as_deref(),
        expected,
        produced,
        pass,
        error,
    }
}

fn triple(event: &Event) -> Triple {
    let code = |actor: &Option<annalist_code::Actor>| -> String {
        actor
            .as_ref()
            .and_then(|a| a.code.clone())
            .unwrap_or_else(|| "---".to_string())
    };
    [
        code(&event.source),
        code(&event.target),
        event.cameo.clone(),
    ]
}

fn print_detail(sentence: &SentenceRecord, detail: &Detail) {
    let verdict: &str = if detail.pass { "pass" } else { "FAIL" };
    println!(
        "{verdict} {} [{}] line {}: expected {:?} produced {:?}{}",
        detail.id,
        detail.category.unwrap_or("-"),
        sentence.line,
        detail.expected,
        detail.produced,
        detail
            .error
            .as_deref()
            .map(|e| format!(" error: {e}"))
            .unwrap_or_default()
    );
}
