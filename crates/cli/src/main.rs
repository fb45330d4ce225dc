//! The `annalist` command: wires flags to the library crates and nothing more.

mod bench;
mod code;
mod dicts;
mod engine;
mod report;
mod validate;

use std::process::ExitCode;

use clap::{Parser, Subcommand};

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
    /// Measure dictionary loading and coding throughput.
    Bench(bench::BenchArgs),
}

fn main() -> ExitCode {
    let cli: Cli = Cli::parse();
    let outcome: Result<report::Outcome, String> = match cli.command {
        Command::Code(args) => code::run(&args),
        Command::Validate(args) => validate::run(&args),
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
