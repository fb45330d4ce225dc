//! `annalist bench`: the hot paths measured in-process, one core, wall clock.
//!
//! Numbers are only comparable within one run on one machine; record them with the
//! command line in docs/BENCHMARKS.md.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use annalist_ingest::{InputFormat, PetrarchFile, Record, SentenceRecord, read_petrarch_xml};
use clap::{Args, Subcommand};

use crate::dicts::{self, DictArgs};
use crate::engine::Engine;
use crate::report::Outcome;

#[derive(Debug, Args)]
pub struct BenchArgs {
    #[command(subcommand)]
    pub what: BenchWhat,
}

#[derive(Debug, Subcommand)]
pub enum BenchWhat {
    /// Load a dictionary set repeatedly and report the time per load.
    Load {
        #[command(flatten)]
        dicts: DictArgs,
        /// How many loads to time (the best and the median are reported).
        #[arg(long, default_value_t = 5)]
        runs: usize,
    },
    /// Raw text to coded, enriched events: the documents of a JSONL (or other document)
    /// file, or each sentence of a PETRARCH XML file as a document of its own (its <Parse>
    /// ignored), repeated; embedded dictionaries unless named.
    Text {
        #[command(flatten)]
        dicts: DictArgs,
        /// Repeat until at least this many sentences have been coded.
        #[arg(long, default_value_t = 50_000)]
        sentences: usize,
        /// The JSONL documents or the PETRARCH XML file whose <Text>s are coded.
        input: PathBuf,
    },
    /// Ingest a file of JSONL documents into a fresh database and report documents/s.
    Ingest {
        #[command(flatten)]
        dicts: DictArgs,
        /// Where to put the temporary database (removed afterwards).
        #[arg(long, default_value = "annalist-bench.db")]
        db: PathBuf,
        /// The JSONL (or any other readable) input.
        input: PathBuf,
    },
    /// Code the sentences of a PETRARCH XML file, repeated, from their parse trees.
    Code {
        #[command(flatten)]
        dicts: DictArgs,
        /// Repeat the file's sentences until at least this many have been coded.
        #[arg(long, default_value_t = 50_000)]
        sentences: usize,
        /// The PETRARCH XML file whose <Parse> trees are coded.
        input: PathBuf,
    },
}

pub fn run(args: &BenchArgs) -> Result<Outcome, String> {
    match &args.what {
        BenchWhat::Load { dicts, runs } => bench_load(dicts, *runs),
        BenchWhat::Code {
            dicts,
            sentences,
            input,
        } => bench_code(dicts, *sentences, input),
        BenchWhat::Text {
            dicts,
            sentences,
            input,
        } => crate::bench_text::bench_text(dicts, *sentences, input),
        BenchWhat::Ingest { dicts, db, input } => bench_ingest(dicts, db, input),
    }
}

fn bench_load(args: &DictArgs, runs: usize) -> Result<Outcome, String> {
    let paths = args.paths()?;
    let mut times: Vec<Duration> = Vec::new();
    for _ in 0..runs.max(1) {
        let start: Instant = Instant::now();
        let dictionaries = dicts::load(&paths)?;
        let engine: Engine = Engine::new(&dictionaries);
        times.push(start.elapsed());
        drop(engine);
    }
    times.sort();
    println!(
        "load+compile: best {:.1} ms, median {:.1} ms over {} runs; peak RSS {}",
        ms(times[0]),
        ms(times[times.len() / 2]),
        times.len(),
        peak_rss()
    );
    Ok(Outcome::Clean)
}

fn bench_code(args: &DictArgs, target: usize, input: &PathBuf) -> Result<Outcome, String> {
    let file: PetrarchFile = read_petrarch_xml(input).map_err(|e| e.to_string())?;
    let sentences: Vec<&SentenceRecord> = file
        .records
        .iter()
        .filter_map(|r| match r {
            Record::Sentence(s) if s.parse.is_some() => Some(s),
            _ => None,
        })
        .collect();
    if sentences.is_empty() {
        return Err(format!("{}: no sentences with a <Parse>", input.display()));
    }
    let mut engine: Engine = Engine::new(&dicts::load(&args.paths()?)?);
    // One warm-up pass so that first-touch costs are not measured.
    for sentence in &sentences {
        let _ = engine.code_record(sentence);
    }
    let cpu_start: Option<Duration> = thread_cpu_time();
    let start: Instant = Instant::now();
    let (mut coded, mut events, mut errors) = (0usize, 0usize, 0usize);
    while coded < target {
        for sentence in &sentences {
            match engine.code_record(sentence) {
                Ok(found) => events += found.len(),
                Err(_) => errors += 1,
            }
            coded += 1;
        }
    }
    let elapsed: Duration = start.elapsed();
    println!(
        "coded {coded} sentences ({} distinct) in {:.1} ms: {:.0} sentences/s wall clock, {}; {events} events, {errors} errors; peak RSS {}",
        sentences.len(),
        ms(elapsed),
        coded as f64 / elapsed.as_secs_f64(),
        cpu_rate(coded, cpu_start),
        peak_rss()
    );
    Ok(Outcome::Clean)
}

fn bench_ingest(args: &DictArgs, db: &Path, input: &Path) -> Result<Outcome, String> {
    if db.exists() {
        return Err(format!("{}: exists; give --db a new path", db.display()));
    }
    let start: Instant = Instant::now();
    let summary = crate::ingest::ingest(db, &[input.to_path_buf()], InputFormat::Auto, None, args);
    let elapsed: Duration = start.elapsed();
    for suffix in ["", "-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{suffix}", db.display()));
    }
    let summary = summary?;
    println!(
        "ingest: {} documents in {:.1} ms: {:.0} documents/s, {} mentions stored as {} distinct events; peak RSS {}",
        summary.documents,
        ms(elapsed),
        summary.documents as f64 / elapsed.as_secs_f64(),
        summary.mentions_added,
        summary.events_added,
        peak_rss()
    );
    Ok(Outcome::Clean)
}

pub(crate) fn ms(duration: Duration) -> f64 {
    duration.as_secs_f64() * 1000.0
}

/// Peak resident memory of this process (Linux `VmHWM`), or "unknown".
pub(crate) fn peak_rss() -> String {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|status| {
            status
                .lines()
                .find(|line| line.starts_with("VmHWM:"))
                .map(|line| line.trim_start_matches("VmHWM:").trim().to_string())
        })
        .unwrap_or_else(|| "unknown".to_string())
}

/// Time this thread has run on a CPU (Linux `/proc/thread-self/schedstat`, nanoseconds).
/// On a shared machine this leaves out the time spent waiting for a core, which the wall
/// clock counts.
pub(crate) fn thread_cpu_time() -> Option<Duration> {
    let text: String = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    let nanos: u64 = text.split_whitespace().next()?.parse().ok()?;
    Some(Duration::from_nanos(nanos))
}

/// `count` sentences over the CPU time this thread used since `cpu_start`, as text.
pub(crate) fn cpu_rate(count: usize, cpu_start: Option<Duration>) -> String {
    match thread_cpu_time().zip(cpu_start) {
        Some((end, begin)) => {
            let cpu: Duration = end.saturating_sub(begin);
            format!(
                "{:.0} sentences/s on CPU ({:.1} ms)",
                count as f64 / cpu.as_secs_f64(),
                ms(cpu)
            )
        }
        None => "CPU time unknown".to_string(),
    }
}
