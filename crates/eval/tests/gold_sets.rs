//! Runs each gold set that is present and prints its figures; asserts only sanity (how
//! many items were read). Run with `cargo test -p annalist-eval --release -- --nocapture`.

use std::path::{Path, PathBuf};

use annalist_dict::Dictionaries;
use annalist_eval::{EvalReport, ReadSet, Task, case2021, conflibert, muc4, run};

fn data_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data/gold-dev")
}

/// The set's location, or `None` (with a printed message) when it is absent.
fn present(task: Task) -> Option<PathBuf> {
    let location: PathBuf = data_dir().join(task.location());
    if location.exists() {
        Some(location)
    } else {
        println!("SKIP: {} is absent", location.display());
        None
    }
}

fn defaults() -> Dictionaries {
    annalist_dict::defaults::load_defaults().dict
}

#[test]
fn conflibert_classes() {
    let Some(path) = present(Task::Classes) else {
        return;
    };
    let set: ReadSet<conflibert::ClassItem> = conflibert::read_classes(&path).unwrap_or_default();
    assert_eq!(set.items.len(), 1349, "problems: {:?}", set.problems);
    let report: EvalReport = run(&defaults(), &data_dir(), &[Task::Classes]);
    println!("{report}");
    assert_eq!(report.classes.map(|c| c.confusion.total()), Some(1349));
}

#[test]
fn conflibert_spans() {
    let Some(path) = present(Task::Spans) else {
        return;
    };
    let set: ReadSet<conflibert::SpanSentence> = conflibert::read_spans(&path).unwrap_or_default();
    assert_eq!(set.items.len(), 1153, "problems: {:?}", set.problems);
    assert!(set.problems.is_empty(), "{:?}", set.problems);
    let report: EvalReport = run(&defaults(), &data_dir(), &[Task::Spans]);
    println!("{report}");
    assert_eq!(report.spans.map(|s| s.sentences), Some(1153));
}

#[test]
fn case2021_sample() {
    let Some(path) = present(Task::Case2021) else {
        return;
    };
    let set: ReadSet<case2021::Example> = case2021::read(&path).unwrap_or_default();
    assert_eq!(set.items.len(), 5, "problems: {:?}", set.problems);
    let report: EvalReport = run(&defaults(), &data_dir(), &[Task::Case2021]);
    println!("{report}");
    assert_eq!(report.case2021.map(|c| c.total), Some(5));
}

#[test]
fn muc4_death_counts() {
    let Some(path) = present(Task::Muc4) else {
        return;
    };
    let texts: ReadSet<muc4::MucText> = muc4::read_texts(&path).unwrap_or_default();
    assert_eq!(texts.items.len(), 1300, "problems: {:?}", texts.problems);
    let dated: usize = texts.items.iter().filter(|t| t.date.is_some()).count();
    println!(
        "MUC-4 texts: {} read, {dated} with a dateline date",
        texts.items.len()
    );
    let templates: ReadSet<muc4::Template> = muc4::keys::read_templates(&path).unwrap_or_default();
    println!(
        "MUC-4 keys: {} templates, {} problems",
        templates.items.len(),
        templates.problems.len()
    );
    assert!(templates.items.len() >= 1700, "{}", templates.items.len());
    let keys: ReadSet<muc4::DeathCount> = muc4::read_keys(&path).unwrap_or_default();
    println!("MUC-4 death counts selected: {}", keys.items.len());
    assert!(
        keys.items.len() > 200,
        "too few death counts: {}",
        keys.items.len()
    );
    let report: EvalReport = run(&defaults(), &data_dir(), &[Task::Muc4]);
    println!("{report}");
    assert_eq!(report.muc4.map(|m| m.total), Some(keys.items.len()));
}
