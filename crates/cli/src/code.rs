//! `annalist code`: documents in, events out as JSON lines.

use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};

use annalist_code::Event;
use annalist_ingest::{PetrarchFile, Record, read_petrarch_xml};
use clap::{Args, ValueEnum};

use crate::dicts::{self, DictArgs};
use crate::engine::{Engine, is_bad_input};
use crate::report::{Outcome, warn};

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum InputFormat {
    /// Decide by file extension.
    Auto,
    /// PETRARCH XML: <Sentence> records with <Text> and a Penn Treebank <Parse>.
    PetrarchXml,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum OutputFormat {
    /// One event record per line.
    Jsonl,
}

#[derive(Debug, Args)]
pub struct CodeArgs {
    #[arg(long, value_enum, default_value = "auto")]
    pub input_format: InputFormat,
    #[arg(long, value_enum, default_value = "jsonl")]
    pub format: OutputFormat,
    /// Write events here instead of standard output.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    #[command(flatten)]
    pub dicts: DictArgs,
    /// Files or folders (searched recursively) to code.
    #[arg(required = true)]
    pub inputs: Vec<PathBuf>,
}

pub fn run(args: &CodeArgs) -> Result<Outcome, String> {
    let dictionaries = if args.dicts.any() {
        dicts::load(&args.dicts.paths()?)?
    } else {
        dicts::embedded_defaults()?
    };
    let mut engine: Engine = Engine::new(&dictionaries);
    let mut out: Box<dyn Write> = match &args.output {
        Some(path) => Box::new(BufWriter::new(
            File::create(path).map_err(|e| format!("{}: {e}", path.display()))?,
        )),
        None => Box::new(BufWriter::new(std::io::stdout().lock())),
    };
    let mut failures: usize = 0;
    for input in expand_inputs(&args.inputs, &mut failures) {
        let format: InputFormat = match args.input_format {
            InputFormat::Auto => match detect(&input) {
                Some(format) => format,
                None => {
                    warn(format_args!(
                        "{}: unknown input format (give --input-format)",
                        input.display()
                    ));
                    failures += 1;
                    continue;
                }
            },
            format => format,
        };
        match format {
            InputFormat::PetrarchXml | InputFormat::Auto => {
                failures += code_petrarch_xml(&mut engine, &input, &mut out)?;
            }
        }
    }
    out.flush().map_err(|e| e.to_string())?;
    Ok(Outcome::from_failures(failures))
}

/// Codes one PETRARCH XML file; returns how many records failed.
fn code_petrarch_xml(
    engine: &mut Engine,
    path: &Path,
    out: &mut dyn Write,
) -> Result<usize, String> {
    let name: String = path.display().to_string();
    let file: PetrarchFile = match read_petrarch_xml(path) {
        Ok(file) => file,
        Err(error) => {
            warn(error);
            return Ok(1);
        }
    };
    let mut failures: usize = file.errors.len();
    for error in &file.errors {
        warn(format_args!("{name}: {error}"));
    }
    for record in &file.records {
        match record {
            Record::Config(option) => {
                if let Err(message) = engine.configure(&option.option, &option.value) {
                    warn(format_args!("{name}: <Config>: {message}"));
                }
            }
            Record::Stop => break,
            Record::Sentence(sentence) => match engine.code_record(sentence) {
                Ok(events) => write_events(&events, out)?,
                Err(error) if is_bad_input(&error) => {
                    warn(format_args!(
                        "{name}: line {}: record {}: {error}",
                        sentence.line, sentence.id
                    ));
                    failures += 1;
                }
                // Discards and PETRARCH's deliberate skips (datelines) are not failures.
                Err(_) => {}
            },
        }
    }
    Ok(failures)
}

fn write_events(events: &[Event], out: &mut dyn Write) -> Result<(), String> {
    for event in events {
        serde_json::to_writer(&mut *out, event).map_err(|e| e.to_string())?;
        out.write_all(b"\n").map_err(|e| e.to_string())?;
    }
    Ok(())
}

fn detect(path: &Path) -> Option<InputFormat> {
    match path.extension()?.to_str()?.to_ascii_lowercase().as_str() {
        "xml" => Some(InputFormat::PetrarchXml),
        _ => None,
    }
}

/// Files as given, folders expanded recursively in name order (so output order is stable).
fn expand_inputs(inputs: &[PathBuf], failures: &mut usize) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = Vec::new();
    for input in inputs {
        if input.is_dir() {
            collect_dir(input, &mut files, failures);
        } else {
            files.push(input.clone());
        }
    }
    files
}

fn collect_dir(dir: &Path, files: &mut Vec<PathBuf>, failures: &mut usize) {
    let entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(error) => {
            warn(format_args!("{}: {error}", dir.display()));
            *failures += 1;
            return;
        }
    };
    let mut paths: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    paths.sort();
    for path in paths {
        if path.is_dir() {
            collect_dir(&path, files, failures);
        } else if detect(&path).is_some() {
            files.push(path);
        }
    }
}
