//! annalist-eval: accuracy of the coder against gold sets.
//!
//! The scoring rule is fixed by the project: each sentence or snippet is coded as one
//! document; the first event in text order that has the scored field decides; no event
//! means PentaClass 0 and ACLED "Other"; actor spans are scored as exact token spans
//! (S, T, and R where one span is both). The sets live outside the repository
//! (`../shared/data/gold-dev`) and are never copied into it.

pub mod case2021;
pub mod conflibert;
pub mod first_event;
pub mod metrics;
pub mod muc4;
pub mod read;
pub mod record;

use std::fmt;
use std::path::Path;

use annalist_code::CodingOptions;
use annalist_dict::Dictionaries;
use annalist_pipeline::Pipeline;

pub use case2021::Case2021Report;
pub use conflibert::classes::ClassReport;
pub use conflibert::spans::SpanReport;
pub use muc4::Muc4Report;
pub use read::ReadSet;
pub use record::{EventSummary, ItemRecord};

/// One gold set.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Task {
    /// ConfliBERT CAMEO sentence classes (PentaClass).
    Classes,
    /// ConfliBERT CAMEO source/target spans.
    Spans,
    /// CASE 2021 task 2 sample (ACLED sub-event types).
    Case2021,
    /// MUC-4 dev death counts.
    Muc4,
}

impl Task {
    pub const ALL: [Task; 4] = [Task::Classes, Task::Spans, Task::Case2021, Task::Muc4];

    /// The set's file or folder under the data directory.
    pub fn location(self) -> &'static str {
        match self {
            Task::Classes => "conflibert-cameo/class-train.tsv",
            Task::Spans => "conflibert-cameo/ner-train.txt",
            Task::Case2021 => "case2021-task2-sample",
            Task::Muc4 => "muc4-dev",
        }
    }
}

/// The figures of every set that was run; `None` for sets not run.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct EvalReport {
    pub classes: Option<ClassReport>,
    pub spans: Option<SpanReport>,
    pub case2021: Option<Case2021Report>,
    pub muc4: Option<Muc4Report>,
    /// Sets asked for whose files are absent.
    pub absent: Vec<String>,
    /// Bad lines and unreadable files, each naming file and line.
    pub problems: Vec<String>,
}

impl EvalReport {
    /// Every per-item record of the sets that were run.
    pub fn items(&self) -> impl Iterator<Item = &ItemRecord> {
        let classes = self
            .classes
            .iter()
            .flat_map(|r: &ClassReport| r.items.iter());
        let spans = self.spans.iter().flat_map(|r: &SpanReport| r.items.iter());
        let case2021 = self
            .case2021
            .iter()
            .flat_map(|r: &Case2021Report| r.items.iter());
        let muc4 = self.muc4.iter().flat_map(|r: &Muc4Report| r.items.iter());
        classes.chain(spans).chain(case2021).chain(muc4)
    }
}

/// Runs every set found under `data_dir`.
pub fn run_all(dicts: &Dictionaries, data_dir: &Path) -> EvalReport {
    run(dicts, data_dir, &Task::ALL)
}

/// Runs the given sets; an absent set is listed in `absent`, not an error.
pub fn run(dicts: &Dictionaries, data_dir: &Path, tasks: &[Task]) -> EvalReport {
    let pipeline: Pipeline = Pipeline::new(dicts, CodingOptions::news());
    let mut report: EvalReport = EvalReport::default();
    for &task in tasks {
        let location: std::path::PathBuf = data_dir.join(task.location());
        if !location.exists() {
            report.absent.push(location.display().to_string());
            continue;
        }
        if let Err(problem) = run_task(&pipeline, task, &location, &mut report) {
            report.problems.push(problem);
        }
    }
    report
}

fn run_task(
    pipeline: &Pipeline,
    task: Task,
    location: &Path,
    report: &mut EvalReport,
) -> Result<(), String> {
    match task {
        Task::Classes => {
            let set: ReadSet<conflibert::ClassItem> = conflibert::read_classes(location)?;
            report.problems.extend(set.problems);
            report.classes = Some(conflibert::classes::score_classes(pipeline, &set.items));
        }
        Task::Spans => {
            let set: ReadSet<conflibert::SpanSentence> = conflibert::read_spans(location)?;
            report.problems.extend(set.problems);
            report.spans = Some(conflibert::spans::score_spans(pipeline, &set.items));
        }
        Task::Case2021 => {
            let set: ReadSet<case2021::Example> = case2021::read(location)?;
            report.problems.extend(set.problems);
            report.case2021 = Some(case2021::score(pipeline, &set.items));
        }
        Task::Muc4 => {
            let texts: ReadSet<muc4::MucText> = muc4::read_texts(location)?;
            let keys: ReadSet<muc4::DeathCount> = muc4::read_keys(location)?;
            report.problems.extend(texts.problems);
            report.problems.extend(keys.problems);
            report.muc4 = Some(muc4::score(pipeline, &texts.items, &keys.items));
        }
    }
    Ok(())
}

impl fmt::Display for EvalReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(classes) = &self.classes {
            writeln!(f, "{classes}")?;
        }
        if let Some(spans) = &self.spans {
            writeln!(f, "{spans}")?;
        }
        if let Some(case2021) = &self.case2021 {
            writeln!(f, "{case2021}")?;
        }
        if let Some(muc4) = &self.muc4 {
            write!(f, "{muc4}")?;
        }
        for absent in &self.absent {
            writeln!(f, "absent, skipped: {absent}")?;
        }
        if !self.problems.is_empty() {
            writeln!(
                f,
                "{} input problems (first shown): {}",
                self.problems.len(),
                self.problems[0]
            )?;
        }
        Ok(())
    }
}
