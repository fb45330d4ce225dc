//! `annalist code` on the real example article (Press TV, 2021-11-16) with the embedded
//! default dictionaries: what a careful human coder records from it. Skips when
//! ../shared is absent.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use serde_json::Value;

fn seed() -> Option<PathBuf> {
    let path: PathBuf =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data/seed/article.jsonl");
    if path.exists() {
        Some(path)
    } else {
        eprintln!("skipped: {} is absent", path.display());
        None
    }
}

fn code_of(event: &Value, side: &str) -> String {
    event[side]["code"].as_str().unwrap_or("").to_string()
}

/// Is there an event with CAMEO code starting `cameo`, source code starting `source`
/// and target code starting `target`?
fn has(events: &[Value], cameo: &str, source: &str, target: &str) -> bool {
    events.iter().any(|e: &Value| {
        e["cameo"].as_str().unwrap_or("").starts_with(cameo)
            && code_of(e, "source").starts_with(source)
            && code_of(e, "target").starts_with(target)
    })
}

#[test]
fn the_seed_article_codes_what_a_careful_coder_records() {
    let Some(path) = seed() else {
        return;
    };
    let output: Output = Command::new(env!("CARGO_BIN_EXE_annalist"))
        .args(["code", path.to_str().expect("utf-8 path")])
        .output()
        .expect("the annalist binary runs");
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let events: Vec<Value> = String::from_utf8_lossy(&output.stdout)
        .lines()
        .map(|l: &str| serde_json::from_str(l).expect("a JSON event per line"))
        .collect();
    let listing: String = events
        .iter()
        .map(|e: &Value| {
            format!(
                "{} {} -> {} | {}\n",
                e["cameo"],
                code_of(e, "source"),
                code_of(e, "target"),
                e["verb"]["text"]
            )
        })
        .collect();
    // Iran's appeals to both sides and its offer to help them settle.
    assert!(has(&events, "02", "IRN", "AZE"), "{listing}");
    assert!(has(&events, "02", "IRN", "ARM"), "{listing}");
    assert!(has(&events, "039", "IRN", "AZE"), "{listing}");
    assert!(has(&events, "039", "IRN", "ARM"), "{listing}");
    // The mutual accusations, both directions, twice.
    assert!(has(&events, "112", "ARM", "AZE"), "{listing}");
    assert!(has(&events, "112", "AZE", "ARM"), "{listing}");
    let breaches = |s: &str, t: &str| {
        events.iter().any(|e: &Value| {
            e["cameo"].as_str().unwrap_or("").starts_with("112")
                && e["source"]["text"] == "the two sides"
                && code_of(e, "source") == s
                && code_of(e, "target") == t
        })
    };
    assert!(
        breaches("ARM", "AZE") && breaches("AZE", "ARM"),
        "{listing}"
    );
    // The fighting: 15 Armenian soldiers dead, 12 captured by Azerbaijan.
    assert!(
        events.iter().any(|e: &Value| e["fatalities"] == 15),
        "{listing}"
    );
    assert!(
        events
            .iter()
            .any(|e: &Value| e["captured"] == 12 && code_of(e, "source") == "AZE"),
        "{listing}"
    );
    // Armenia's request to Russia; Russia's peacekeepers.
    assert!(has(&events, "02", "ARM", "RUS"), "{listing}");
    assert!(has(&events, "074", "RUS", ""), "{listing}");
    // "spoke of a tense situation on the border with Armenia" is no consultation.
    assert!(!has(&events, "04", "AZE", "ARM"), "{listing}");
    // Nothing from the two image captions of other stories.
    for caption in ["Pelosi", "procession"] {
        assert!(
            !events
                .iter()
                .any(|e: &Value| e["sentence"].as_str().unwrap_or("").contains(caption)),
            "{listing}"
        );
    }
}
