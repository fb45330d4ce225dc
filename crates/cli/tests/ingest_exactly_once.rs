//! `annalist ingest` stores every document exactly once: running it twice adds nothing,
//! and a run killed with SIGKILL mid-ingest, run again, ends with the same store as a
//! clean run.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::Duration;

use annalist_store::{Store, StoreStats};

fn annalist() -> Command {
    Command::new(env!("CARGO_BIN_EXE_annalist"))
}

fn scratch(name: &str) -> PathBuf {
    let dir: PathBuf = std::env::temp_dir().join(format!("annalist-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("scratch dir");
    dir
}

fn ingest(db: &Path, input: &Path) -> Output {
    annalist()
        .arg("ingest")
        .arg("--db")
        .arg(db)
        .arg(input)
        .output()
        .expect("annalist runs")
}

fn stats(db: &Path) -> StoreStats {
    Store::open(db)
        .expect("store opens")
        .stats()
        .expect("stats")
}

/// Many small documents, so that a kill lands in the middle of the run.
fn write_corpus(path: &Path, documents: usize) {
    let sentences: [&str; 4] = [
        "Armenia accused Azerbaijan of shelling its border villages on Tuesday.",
        "Iran urged Armenia and Azerbaijan to exercise restraint.",
        "Russian troops shelled villages near Kharkiv, killing three civilians.",
        "Kenyan police arrested dozens of protesters in Nairobi.",
    ];
    let mut file = std::fs::File::create(path).expect("corpus file");
    for i in 0..documents {
        let line = serde_json::json!({
            "id": format!("doc-{i}"),
            "date": "2024-03-05",
            "text": format!("{} Report number {i}.", sentences[i % sentences.len()]),
        });
        writeln!(file, "{line}").expect("write corpus");
    }
}

#[test]
fn ingesting_the_same_folder_twice_adds_nothing() {
    let dir: PathBuf = scratch("twice");
    let db: PathBuf = dir.join("annalist.db");
    let examples: PathBuf = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples");
    let first: Output = ingest(&db, &examples);
    assert!(
        first.status.success(),
        "{}",
        String::from_utf8_lossy(&first.stderr)
    );
    let once: StoreStats = stats(&db);
    assert!(once.events > 0, "the examples yield events");
    let second: Output = ingest(&db, &examples);
    assert!(
        second.status.success(),
        "{}",
        String::from_utf8_lossy(&second.stderr)
    );
    let twice: StoreStats = stats(&db);
    assert_eq!(
        (once.documents, once.events, once.mentions),
        (twice.documents, twice.events, twice.mentions)
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_killed_ingest_rerun_stores_every_document_exactly_once() {
    let dir: PathBuf = scratch("kill9");
    let corpus: PathBuf = dir.join("corpus.jsonl");
    let documents: usize = 3000;
    write_corpus(&corpus, documents);

    let clean_db: PathBuf = dir.join("clean.db");
    assert!(ingest(&clean_db, &corpus).status.success());
    let clean: StoreStats = stats(&clean_db);
    assert_eq!(clean.documents, documents as u64);

    let db: PathBuf = dir.join("killed.db");
    let mut killed_once: bool = false;
    for delay_ms in [150u64, 400, 900, 2000] {
        let mut child = annalist()
            .arg("ingest")
            .arg("--db")
            .arg(&db)
            .arg(&corpus)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("annalist starts");
        std::thread::sleep(Duration::from_millis(delay_ms));
        // `kill` sends SIGKILL: no destructor, no flush, no rollback runs.
        let finished_early: bool = child.try_wait().expect("wait").is_some();
        if !finished_early {
            child.kill().expect("SIGKILL");
            killed_once = true;
        }
        let _ = child.wait();
        if killed_once {
            break;
        }
        let _ = std::fs::remove_file(&db);
    }
    assert!(killed_once, "the ingest finished before it could be killed");
    let rerun: Output = ingest(&db, &corpus);
    assert!(
        rerun.status.success(),
        "{}",
        String::from_utf8_lossy(&rerun.stderr)
    );
    let after: StoreStats = stats(&db);
    assert_eq!(
        (after.documents, after.events, after.mentions),
        (clean.documents, clean.events, clean.mentions),
        "a killed and re-run ingest equals a clean one"
    );
    let _ = std::fs::remove_dir_all(&dir);
}
