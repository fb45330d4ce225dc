//! `annalist serve` and `annalist run`: the HTTP API and dashboard over a store.

use std::net::SocketAddr;
use std::path::PathBuf;

use annalist_ingest::{Date, InputFormat};
use annalist_serve::{DEFAULT_ADDR, ServeConfig, serve};
use clap::Args;

use crate::dicts::DictArgs;
use crate::ingest::{IngestSummary, ingest};
use crate::report::Outcome;

#[derive(Debug, Args)]
pub struct ServeArgs {
    #[arg(long, default_value = "annalist.db")]
    pub db: PathBuf,
    /// Listen address (loopback unless you say otherwise).
    #[arg(long, default_value_t = DEFAULT_ADDR)]
    pub addr: SocketAddr,
}

#[derive(Debug, Args)]
pub struct RunArgs {
    #[arg(long, default_value = "annalist.db")]
    pub db: PathBuf,
    #[arg(long, default_value_t = DEFAULT_ADDR)]
    pub addr: SocketAddr,
    #[arg(long, default_value = "auto")]
    pub input_format: InputFormat,
    /// Report date (YYYY-MM-DD) for documents that carry none.
    #[arg(long)]
    pub date: Option<Date>,
    #[command(flatten)]
    pub dicts: DictArgs,
    /// Files or folders to ingest before serving.
    #[arg(required = true)]
    pub inputs: Vec<PathBuf>,
}

pub fn run_serve(args: &ServeArgs) -> Result<Outcome, String> {
    if !args.db.is_file() {
        return Err(format!(
            "{}: no such database (run `annalist ingest` first)",
            args.db.display()
        ));
    }
    start(&args.db, args.addr)
}

/// The main job: ingest the inputs, then serve the dashboard over the result.
pub fn run_all(args: &RunArgs) -> Result<Outcome, String> {
    let summary: IngestSummary = ingest(
        &args.db,
        &args.inputs,
        args.input_format,
        args.date,
        &args.dicts,
    )?;
    start(&args.db, args.addr)?;
    Ok(Outcome::from_failures(summary.failures))
}

fn start(db: &std::path::Path, addr: SocketAddr) -> Result<Outcome, String> {
    eprintln!(
        "annalist: serving {} at http://{addr}/ (Ctrl-C to stop)",
        db.display()
    );
    serve(ServeConfig {
        db: db.to_path_buf(),
        addr,
    })
    .map_err(|e| e.to_string())?;
    Ok(Outcome::Clean)
}
