//! `annalist export`: stored events out as CSV, JSON lines, GDELT or PLOVER records.

use std::io::Write;
use std::path::PathBuf;

use annalist_store::{EventFilter, Format, Store};
use clap::{Args, ValueEnum};

use crate::report::{Outcome, output};

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExportFormat {
    Csv,
    Jsonl,
    /// The GDELT 2.0 event table's columns (tab-separated, no header).
    Gdelt,
    /// PLOVER JSON records.
    Plover,
    /// Apache Parquet (typed columns; write it to a file with -o).
    Parquet,
}

#[derive(Debug, Args)]
pub struct ExportArgs {
    #[arg(long, default_value = "annalist.db")]
    pub db: PathBuf,
    #[arg(long, value_enum, default_value = "jsonl")]
    pub format: ExportFormat,
    /// Write here instead of standard output.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// First date (inclusive), YYYY-MM-DD or a prefix such as 2024-03.
    #[arg(long)]
    pub from: Option<String>,
    /// Last date (inclusive).
    #[arg(long)]
    pub to: Option<String>,
    /// Country code of either actor or the location.
    #[arg(long)]
    pub country: Option<String>,
    /// Two-digit CAMEO root.
    #[arg(long)]
    pub cameo_root: Option<String>,
}

pub fn run(args: &ExportArgs) -> Result<Outcome, String> {
    if !args.db.is_file() {
        return Err(format!(
            "{}: no such database (run `annalist ingest` first)",
            args.db.display()
        ));
    }
    let store: Store =
        Store::open_read_only(&args.db).map_err(|e| format!("{}: {e}", args.db.display()))?;
    let filter: EventFilter = EventFilter {
        from: args.from.clone(),
        to: args.to.clone(),
        country: args.country.clone(),
        cameo_root: args.cameo_root.clone(),
        ..EventFilter::default()
    };
    let format: Format = match args.format {
        ExportFormat::Csv => Format::Csv,
        ExportFormat::Jsonl => Format::Jsonl,
        ExportFormat::Gdelt => Format::Gdelt,
        ExportFormat::Plover => Format::Plover,
        ExportFormat::Parquet => Format::Parquet,
    };
    let mut out: Box<dyn Write> = output(args.output.as_deref())?;
    let rows: u64 = store
        .export(&filter, format, &mut out)
        .map_err(|e| e.to_string())?;
    out.flush().map_err(|e| e.to_string())?;
    eprintln!("annalist: exported {rows} events");
    Ok(Outcome::Clean)
}
