//! Phrases, shared comment handling, and the file loaders.

use std::path::PathBuf;

use annalist_dict::{DictError, DictionaryPaths, Phrase, load_actors, load_set, parse_discards};

#[test]
fn phrase_records_underscores_and_exactness() {
    let p = Phrase::parse("united_states of  america_");
    assert_eq!(p.words, ["UNITED", "STATES", "OF", "AMERICA"]);
    assert_eq!(p.joined, [true, false, false]);
    assert!(p.exact);
    assert_eq!(p.to_string(), "UNITED_STATES OF AMERICA_");
    assert_eq!(p.text(), "UNITED STATES OF AMERICA");
    assert_eq!(p.regular_plural(), None, "exact phrases get no plural");
    let q = Phrase::parse("_lead__in ");
    assert_eq!(q.words, ["LEAD", "IN"]);
    assert_eq!(q.joined, [true]);
    assert!(!q.exact);
    assert_eq!(
        Phrase::parse("city")
            .regular_plural()
            .map(|p| p.text())
            .as_deref(),
        Some("CITIES")
    );
    assert!(Phrase::parse(" _ ").is_empty());
}

#[test]
fn inline_xml_comment_keeps_text_on_both_sides() {
    let loaded = parse_discards(
        "t",
        "CURLING <!-- winter --> FINAL # note\nA <!-- open\nstill\n--> B\n",
    );
    assert!(loaded.warnings.is_empty());
    let entries = &loaded.dict.entries;
    assert_eq!(entries[0].phrase.text(), "CURLING FINAL");
    assert_eq!(entries[1].phrase.text(), "A");
    assert_eq!(entries[2].phrase.text(), "B");
    assert_eq!(entries[2].loc.line, 4);
}

#[test]
fn unterminated_xml_comment_warns() {
    let loaded = parse_discards("t", "A\n<!-- never closed\nB\n");
    assert_eq!(loaded.dict.entries.len(), 1);
    assert_eq!(loaded.warnings.len(), 1);
    assert_eq!(loaded.warnings[0].line, 2);
}

fn temp_file(name: &str, bytes: &[u8]) -> PathBuf {
    let path: PathBuf =
        std::env::temp_dir().join(format!("annalist-dict-{}-{name}", std::process::id()));
    std::fs::write(&path, bytes).expect("temp file writable");
    path
}

#[test]
fn invalid_utf8_is_replaced_with_a_warning() {
    let path = temp_file("latin1.actors", b"ZURICH [CHE]\nZ\xdcRICH [CHE]\n");
    let loaded = load_actors(&path).expect("readable");
    let _ = std::fs::remove_file(&path);
    assert_eq!(loaded.dict.entries.len(), 2);
    assert_eq!(loaded.warnings.len(), 1);
    assert_eq!(loaded.warnings[0].line, 2);
    assert!(loaded.warnings[0].file.ends_with("latin1.actors"));
}

#[test]
fn missing_file_is_an_error_naming_the_path() {
    let path = PathBuf::from("/nonexistent/annalist/none.actors");
    match load_actors(&path) {
        Err(DictError::Io { path: p, .. }) => assert_eq!(p, path),
        Ok(_) => panic!("a missing file must be an error"),
    }
}

#[test]
fn load_set_reads_every_kind() {
    let verbs = temp_file("set.verbs", b"--- HELP [070] ---\nHELP\n- * FOOD [071]\n");
    let actors = temp_file("set.actors", b"ATLANTIS [ATL]\n");
    let agents = temp_file("set.agents", b"SCRIBE [~EDU]\n");
    let discards = temp_file("set.discards", b"+CHESS\n");
    let issues = temp_file("set.issues", b"n:tide [SEA]\nbroken line\n");
    let paths = DictionaryPaths {
        verbs: verbs.clone(),
        actors: vec![actors.clone(), actors.clone()],
        agents: agents.clone(),
        discards: discards.clone(),
        issues: Some(issues.clone()),
    };
    let loaded = load_set(&paths).expect("readable");
    for p in [verbs, actors, agents, discards, issues] {
        let _ = std::fs::remove_file(p);
    }
    let d = &loaded.dict;
    assert_eq!(d.verbs.pattern_count(), 1);
    assert_eq!(d.actors.entries.len(), 2, "actor files are combined");
    assert_eq!(d.agents.entries.len(), 1);
    assert_eq!(d.discards.entries.len(), 1);
    assert_eq!(d.issues.as_ref().map(|i| i.entries.len()), Some(1));
    assert_eq!(loaded.warnings.len(), 1);
    assert_eq!(loaded.warnings[0].line, 2);
}

#[test]
fn dictionaries_round_trip_through_json() {
    let verbs = annalist_dict::parse_verbs(
        "t",
        "&S\n+A_B\n--- X [010:011] ---\nX {XS}\n- $ * (TO {&S Y}) [012]\n~ a (a b X) X = a b 010\n",
    );
    assert!(verbs.warnings.is_empty());
    let json: String = serde_json::to_string(&verbs).expect("serialisable");
    let back: annalist_dict::Loaded<annalist_dict::VerbDictionary> =
        serde_json::from_str(&json).expect("deserialisable");
    assert_eq!(back, verbs);
    let actors = annalist_dict::parse_actors("t", "A [B >20200101]\n");
    let json: String = serde_json::to_string(&actors.dict).expect("serialisable");
    let back: annalist_dict::ActorDictionary = serde_json::from_str(&json).expect("ok");
    assert_eq!(back, actors.dict);
}
