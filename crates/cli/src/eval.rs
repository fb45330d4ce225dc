//! `annalist eval`: score the coder against the gold sets and print the figures.

use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};

use annalist_dict::Dictionaries;
use annalist_eval::{EvalReport, ItemRecord, Task};
use clap::{Args, ValueEnum};

use crate::dicts::{self, DictArgs};
use crate::report::{Outcome, warn};

/// Which gold set to run.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum EvalSet {
    /// ConfliBERT CAMEO sentence classes: PentaClass macro-F1, accuracy, confusion matrix.
    Conflibert,
    /// ConfliBERT CAMEO source/target spans: exact token-span P/R/F1.
    Spans,
    /// CASE 2021 task 2 sample: ACLED sub-event type accuracy.
    Case2021,
    /// MUC-4 dev: death counts found in events' `fatalities`.
    Muc4,
    /// Every set that is present.
    All,
}

impl EvalSet {
    fn tasks(self) -> Vec<Task> {
        match self {
            EvalSet::Conflibert => vec![Task::Classes],
            EvalSet::Spans => vec![Task::Spans],
            EvalSet::Case2021 => vec![Task::Case2021],
            EvalSet::Muc4 => vec![Task::Muc4],
            EvalSet::All => Task::ALL.to_vec(),
        }
    }
}

#[derive(Debug, Args)]
pub struct EvalArgs {
    /// The gold set to score.
    #[arg(value_enum, default_value = "all")]
    pub set: EvalSet,
    /// Folder holding the gold sets (conflibert-cameo/, case2021-task2-sample/, muc4-dev/).
    #[arg(long, value_name = "DIR", default_value = "../shared/data/gold-dev")]
    pub data: PathBuf,
    /// Write one JSON line per scored item (gold, predicted, the events) here.
    #[arg(long, value_name = "FILE")]
    pub errors: Option<PathBuf>,
    #[command(flatten)]
    pub dicts: DictArgs,
}

pub fn run(args: &EvalArgs) -> Result<Outcome, String> {
    let dictionaries: Dictionaries = dicts::for_coding(&args.dicts)?;
    let tasks: Vec<Task> = args.set.tasks();
    let report: EvalReport = annalist_eval::run(&dictionaries, &args.data, &tasks);
    print!("{report}");
    if args.set != EvalSet::All && !report.absent.is_empty() {
        return Err(format!("gold set absent: {}", report.absent.join(", ")));
    }
    if let Some(path) = &args.errors {
        write_items(path, report.items())?;
    }
    for problem in &report.problems {
        warn(problem);
    }
    Ok(Outcome::from_failures(report.problems.len()))
}

fn write_items<'r>(path: &Path, items: impl Iterator<Item = &'r ItemRecord>) -> Result<(), String> {
    let describe = |e: std::io::Error| format!("{}: {e}", path.display());
    let mut out: BufWriter<File> = BufWriter::new(File::create(path).map_err(describe)?);
    for item in items {
        serde_json::to_writer(&mut out, item).map_err(|e| format!("{}: {e}", path.display()))?;
        out.write_all(b"\n").map_err(describe)?;
    }
    out.flush().map_err(describe)
}
