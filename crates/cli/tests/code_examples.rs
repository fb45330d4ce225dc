//! `annalist code` on the bundled examples with the embedded default dictionaries.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn examples() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples")
}

fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_annalist"))
        .args(args)
        .output()
        .expect("the annalist binary runs")
}

#[test]
fn examples_code_into_event_records_with_provenance() {
    let dir: PathBuf = examples();
    let output: Output = run(&["code", dir.to_str().expect("utf-8 path")]);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let stdout: String = String::from_utf8_lossy(&output.stdout).into_owned();
    let events: Vec<serde_json::Value> = stdout
        .lines()
        .map(|l| serde_json::from_str(l).expect("each line is a JSON event"))
        .collect();
    assert!(!events.is_empty(), "the examples yield events");
    for event in &events {
        for key in [
            "id",
            "doc_id",
            "cameo",
            "cameo_root",
            "sentence",
            "pattern",
            "verb",
        ] {
            assert!(!event[key].is_null(), "event lacks {key}: {event}");
        }
        let file: &str = event["pattern"]["file"].as_str().unwrap_or("");
        assert!(
            file.starts_with("annalist."),
            "codes come from the embedded dictionaries: {event}"
        );
    }
    // Deterministic: the same input gives the same ids in the same order.
    let again: Output = run(&["code", dir.to_str().expect("utf-8 path")]);
    assert_eq!(stdout, String::from_utf8_lossy(&again.stdout));
}

#[test]
fn a_broken_record_is_reported_and_the_run_goes_on() {
    let dir: PathBuf = std::env::temp_dir().join(format!("annalist-broken-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let file: PathBuf = dir.join("broken.xml");
    std::fs::write(
        &file,
        r#"<Sentences>
<Sentence date="20200101" id="BAD_1" sentence="True">
<Text>Broken tree.</Text>
<Parse>(ROOT (S (NP (NN Broken) (NN tree)</Parse>
</Sentence>
<Sentence date="20200101" id="GOOD_1" sentence="True">
<Text>Armenia accused Azerbaijan.</Text>
<Parse>(ROOT (S (NP (NNP Armenia)) (VP (VBD accused) (NP (NNP Azerbaijan))) (. .)))</Parse>
</Sentence>
</Sentences>
"#,
    )
    .expect("write fixture");
    let output: Output = run(&["code", file.to_str().expect("utf-8 path")]);
    let _ = std::fs::remove_dir_all(&dir);
    let stderr: String = String::from_utf8_lossy(&output.stderr).into_owned();
    assert_eq!(
        output.status.code(),
        Some(1),
        "a failed record sets the exit code"
    );
    assert!(
        stderr.contains("BAD_1") && stderr.contains("broken.xml:2"),
        "names the file, line and record: {stderr}"
    );
    assert_eq!(
        stderr.matches("BAD_1").count(),
        1,
        "one message per bad record: {stderr}"
    );
}
