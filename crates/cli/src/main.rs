//! The `annalist` command: wires flags to the library crates and nothing more.

mod bench;
mod bench_text;
mod code;
mod dict_check;
mod dicts;
mod engine;
mod eval;
mod export;
mod ingest;
mod report;
mod serve;
mod validate;

use std::process::ExitCode;

use clap::{Parser, Subcommand};

/// mimalloc: the coder and the front end allocate many short strings per sentence, and the
/// system allocator was a third of the coder's remaining cost (docs/BENCHMARKS.md).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// Political event data from the news.
#[derive(Debug, Parser)]
#[command(name = "annalist", version, about)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Code documents into events, written as JSON lines.
    Code(code::CodeArgs),
    /// Run a PETRARCH unit-test records file and compare with its expected codings.
    Validate(validate::ValidateArgs),
    /// Code documents and store their events in a SQLite database.
    Ingest(ingest::IngestArgs),
    /// Write stored events as CSV, JSON lines, GDELT or PLOVER records.
    Export(export::ExportArgs),
    /// Serve the HTTP API and the dashboard over a database.
    Serve(serve::ServeArgs),
    /// The main job: ingest the inputs, then serve the dashboard.
    Run(serve::RunArgs),
    /// Work with dictionaries (`dict check DIR`).
    Dict(dict_check::DictArgs),
    /// Score the coder against the gold sets (ConfliBERT CAMEO, CASE 2021, MUC-4).
    Eval(eval::EvalArgs),
    /// Measure the hot paths (dictionary loading, coding, the front end, ingest).
    Bench(bench::BenchArgs),
}

fn main() -> ExitCode {
    let cli: Cli = Cli::parse();
    let outcome: Result<report::Outcome, String> = match cli.command {
        Command::Code(args) => code::run(&args),
        Command::Validate(args) => validate::run(&args),
        Command::Ingest(args) => ingest::run(&args),
        Command::Export(args) => export::run(&args),
        Command::Serve(args) => serve::run_serve(&args),
        Command::Run(args) => serve::run_all(&args),
        Command::Dict(args) => dict_check::run(&args),
        Command::Eval(args) => eval::run(&args),
        Command::Bench(args) => bench::run(&args),
    };
    match outcome {
        Ok(report::Outcome::Clean) => ExitCode::SUCCESS,
        Ok(report::Outcome::SomeFailed) => ExitCode::from(1),
        Err(message) => {
            eprintln!("annalist: error: {message}");
            ExitCode::from(2)
        }
    }
}
