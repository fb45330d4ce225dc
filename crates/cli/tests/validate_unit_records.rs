//! `annalist validate` on PETRARCH's own unit-test suite (from ../shared), and the
//! agreement between its printed count and its `--details` lines.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn shared() -> Option<PathBuf> {
    let dir: PathBuf = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data/petrarch2");
    if dir.is_dir() {
        Some(dir)
    } else {
        println!("SKIPPED: {} is absent", dir.display());
        None
    }
}

/// The `N passed, M failed` line, parsed.
fn counts(stdout: &str) -> Option<(usize, usize)> {
    let last: &str = stdout.lines().rev().find(|l| l.contains(" passed, "))?;
    let (passed, rest) = last.split_once(" passed, ")?;
    let failed: &str = rest.strip_suffix(" failed")?;
    Some((passed.trim().parse().ok()?, failed.trim().parse().ok()?))
}

#[test]
fn unit_records_pass_and_details_agree() {
    let Some(data) = shared() else { return };
    let details: PathBuf =
        std::env::temp_dir().join(format!("annalist-details-{}.jsonl", std::process::id()));
    let output: Output = Command::new(env!("CARGO_BIN_EXE_annalist"))
        .arg("validate")
        .arg("--dict-dir")
        .arg(data.join("dictionaries"))
        .arg("--details")
        .arg(&details)
        .arg(data.join("text/PETR.UnitTest.records.xml"))
        .output()
        .expect("the annalist binary runs");
    let stdout: String = String::from_utf8_lossy(&output.stdout).into_owned();
    let (passed, failed) = counts(&stdout).expect("a closing `N passed, M failed` line");
    assert_eq!(
        passed + failed,
        284,
        "every record is counted once:\n{stdout}"
    );
    assert!(
        passed >= 275,
        "only {passed} of 284 unit records pass:\n{stdout}"
    );
    assert_eq!(output.status.code(), Some(if failed == 0 { 0 } else { 1 }));

    let lines: String = std::fs::read_to_string(&details).expect("details file written");
    let _ = std::fs::remove_file(&details);
    let mut detail_passed: usize = 0;
    let mut detail_total: usize = 0;
    for line in lines.lines() {
        let value: serde_json::Value =
            serde_json::from_str(line).expect("each details line is JSON");
        for key in ["id", "category", "expected", "produced", "pass"] {
            assert!(value.get(key).is_some(), "details line lacks {key}: {line}");
        }
        detail_total += 1;
        if value["pass"] == serde_json::Value::Bool(true) {
            detail_passed += 1;
        }
    }
    assert_eq!((detail_passed, detail_total), (passed, passed + failed));
}
