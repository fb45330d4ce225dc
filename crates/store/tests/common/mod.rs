//! Shared fixtures: events built from JSON as the coder would write them.
#![allow(dead_code)]

use annalist_code::Event;
use annalist_store::{DocumentMeta, Store};
use serde_json::{Value, json};

/// A complete event record for `doc_id` / sentence `n`, with `overrides` merged on top.
pub fn event(doc_id: &str, n: u32, overrides: Value) -> Event {
    let mut base: Value = json!({
        "id": format!("{doc_id}#{n}"),
        "doc_id": doc_id,
        "sentence_id": n.to_string(),
        "report_date": "2024-03-01",
        "event_date": null,
        "source": {"text": "Russian troops", "code": "RUSMIL", "country": "RUS", "sector": "MIL", "span": [0, 14]},
        "target": {"text": "Ukrainian positions", "code": "UKRMIL", "country": "UKR", "sector": "MIL", "span": [24, 43]},
        "cameo": "190",
        "cameo_root": "19",
        "cameo_name": "Use conventional military force",
        "goldstein": -10.0,
        "quad_class": 4,
        "penta_class": 4,
        "plover": {"event": "ASSAULT", "mode": null},
        "acled": null,
        "fatalities": null,
        "injured": null,
        "captured": null,
        "location": null,
        "attribution": [],
        "verb": {"text": "attacked", "span": [15, 23]},
        "sentence": "Russian troops attacked Ukrainian positions.",
        "sentence_span": [0, 44],
        "pattern": {"file": "CAMEO.verbs.txt", "line": 1200, "text": "- ATTACK [190]"},
        "background": false
    });
    if let (Some(base_map), Some(extra)) = (base.as_object_mut(), overrides.as_object()) {
        for (key, value) in extra {
            base_map.insert(key.clone(), value.clone());
        }
    }
    match serde_json::from_value(base) {
        Ok(event) => event,
        Err(e) => panic!("fixture event does not match the Event record: {e}"),
    }
}

pub fn location(name: &str, country: &str, lat: f64, lon: f64) -> Value {
    json!({"name": name, "country": country, "admin1": null, "lat": lat, "lon": lon,
           "precision": "city", "span": null})
}

pub fn doc(id: &str, date: &str, source: &str, text: &str) -> DocumentMeta {
    DocumentMeta {
        id: id.to_string(),
        title: Some(format!("Title of {id}")),
        date: Some(date.to_string()),
        url: Some(format!("https://news.example/{id}")),
        source: Some(source.to_string()),
        origin: Some("test".to_string()),
        text: text.to_string(),
    }
}

/// Three documents, five mentions, four stored events:
/// - E1 RUSMIL→UKRMIL 190 on 2024-03-01 at Kharkiv, reported in doc-a and doc-b (2 mentions);
/// - E2 USAGOV→RUSGOV 111 on 2024-03-01, no place, no PLOVER type;
/// - E4 FRAGOV→UKRGOV 042 on 2024-03-12 in Paris;
/// - E5 RUSMIL→UKRMIL 190 on 2024-04-05 at Odesa, background.
pub fn fixture_store() -> Store {
    let mut store: Store = match Store::open_in_memory() {
        Ok(store) => store,
        Err(e) => panic!("open: {e}"),
    };
    for (meta, events) in fixture_documents() {
        if let Err(e) = store.ingest_document(&meta, &events) {
            panic!("ingest {}: {e}", meta.id);
        }
    }
    store
}

pub fn fixture_documents() -> Vec<(DocumentMeta, Vec<Event>)> {
    let kharkiv: Value = location("Kharkiv", "UKR", 49.99, 36.23);
    let battles: Value = json!({"event_type": "Battles", "sub_event_type": "Armed clash"});
    let doc_a = doc(
        "doc-a",
        "2024-03-01",
        "AFP",
        "Russian troops attacked Ukrainian positions near Kharkiv. Washington accused Moscow of escalation.",
    );
    let a1 = event(
        "doc-a",
        1,
        json!({"event_date": "2024-03-01", "location": kharkiv, "acled": battles,
               "sentence": "Russian troops attacked Ukrainian positions near Kharkiv.",
               "sentence_span": [0, 56], "fatalities": 3}),
    );
    let a2 = event(
        "doc-a",
        2,
        json!({"event_date": "2024-03-01",
               "source": {"text": "Washington", "code": "USAGOV", "country": "USA", "sector": "GOV", "span": [57, 67]},
               "target": {"text": "Moscow", "code": "RUSGOV", "country": "RUS", "sector": "GOV", "span": [77, 83]},
               "cameo": "111", "cameo_root": "11", "goldstein": -2.0, "quad_class": 3, "plover": null,
               "verb": {"text": "accused", "span": [68, 75]},
               "sentence": "Washington accused Moscow of escalation.", "sentence_span": [57, 97]}),
    );
    let doc_b = doc(
        "doc-b",
        "2024-03-02",
        "Reuters",
        "Russian forces shelled Kharkiv on Friday. The French president met Ukrainian officials in Paris.",
    );
    let b1 = event(
        "doc-b",
        1,
        json!({"event_date": "2024-03-01", "report_date": "2024-03-02",
               "location": location("  KHARKIV ", "UKR", 49.99, 36.23), "acled": battles,
               "sentence": "Russian forces shelled Kharkiv on Friday.", "sentence_span": [0, 41]}),
    );
    let b2 = event(
        "doc-b",
        2,
        json!({"event_date": "2024-03-12", "report_date": "2024-03-02",
               "source": {"text": "The French president", "code": "FRAGOV", "country": "FRA", "sector": "GOV", "span": null},
               "target": {"text": "Ukrainian officials", "code": "UKRGOV", "country": "UKR", "sector": "GOV", "span": null},
               "cameo": "042", "cameo_root": "04", "goldstein": 1.9, "quad_class": 1,
               "plover": {"event": "CONSULT", "mode": "visit"},
               "location": location("Paris", "FRA", 48.86, 2.35),
               "verb": {"text": "met", "span": null},
               "sentence": "The French president met Ukrainian officials in Paris.", "sentence_span": [42, 96]}),
    );
    let doc_c = doc(
        "doc-c",
        "2024-04-05",
        "AP",
        "Russian troops had attacked Odesa before.",
    );
    let c1 = event(
        "doc-c",
        1,
        json!({"event_date": "2024-04-05", "report_date": "2024-04-05",
               "location": location("Odesa", "UKR", 46.48, 30.72), "background": true,
               "acled": battles,
               "sentence": "Russian troops had attacked Odesa before.", "sentence_span": [0, 41]}),
    );
    vec![
        (doc_a, vec![a1, a2]),
        (doc_b, vec![b1, b2]),
        (doc_c, vec![c1]),
    ]
}

/// Store ids of the stored events in fixture order (E1, E2, E4, E5 are inserted in order).
pub const E1: i64 = 1;
pub const E2: i64 = 2;
pub const E4: i64 = 3;
pub const E5: i64 = 4;
