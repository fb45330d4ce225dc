//! Shared fixtures: a temporary store filled with events built from JSON, and a request helper.
#![allow(dead_code)]

use annalist_code::Event;
use annalist_store::{DocumentMeta, Store};
use axum::Router;
use axum::body::Body;
use axum::http::{Request, StatusCode};
use http_body_util::BodyExt;
use serde_json::{Value, json};
use std::path::PathBuf;
use tempfile::TempDir;
use tower::ServiceExt;

/// A store file in a temporary folder (removed on drop).
pub struct Fixture {
    pub dir: TempDir,
    pub path: PathBuf,
}

/// `[start, end)` byte span of `needle` in `text`.
pub fn span_of(text: &str, needle: &str) -> Value {
    match text.find(needle) {
        Some(start) => json!([start, start + needle.len()]),
        None => panic!("{needle:?} not in {text:?}"),
    }
}

/// One event record over `sentence` (the whole document text), with `overrides` on top.
pub fn event(
    doc_id: &str,
    sentence: &str,
    source: (&str, &str),
    verb: &str,
    target: (&str, &str),
    overrides: Value,
) -> Event {
    let actor = |(text, code): (&str, &str)| {
        json!({"text": text, "code": code, "country": &code[..3], "sector": &code[3..],
               "span": span_of(sentence, text)})
    };
    let mut base: Value = json!({
        "id": format!("{doc_id}-r1"),
        "doc_id": doc_id,
        "sentence_id": "1",
        "report_date": "2024-03-01",
        "event_date": null,
        "source": actor(source),
        "target": actor(target),
        "cameo": "190", "cameo_root": "19", "cameo_name": "Use conventional military force",
        "goldstein": -10.0, "quad_class": 4, "penta_class": 4,
        "plover": {"event": "ASSAULT", "mode": null},
        "acled": null, "fatalities": null, "injured": null, "captured": null,
        "location": null,
        "attribution": [],
        "verb": {"text": verb, "span": span_of(sentence, verb)},
        "sentence": sentence,
        "sentence_span": [0, sentence.len()],
        "pattern": {"file": "CAMEO.verbs.txt", "line": 1200, "text": "- ATTACK [190]"},
        "background": false
    });
    if let (Some(map), Some(extra)) = (base.as_object_mut(), overrides.as_object()) {
        for (key, value) in extra {
            map.insert(key.clone(), value.clone());
        }
    }
    match serde_json::from_value(base) {
        Ok(event) => event,
        Err(e) => panic!("fixture does not match the Event record: {e}"),
    }
}

pub fn location(name: &str, country: &str, lat: f64, lon: f64) -> Value {
    json!({"name": name, "country": country, "admin1": null, "lat": lat, "lon": lon,
           "precision": "city", "span": null})
}

pub fn doc(id: &str, date: &str, source: &str, text: &str) -> DocumentMeta {
    DocumentMeta {
        id: id.to_string(),
        title: Some(format!("Report {id}")),
        date: Some(date.to_string()),
        url: Some(format!("https://news.example/{id}")),
        source: Some(source.to_string()),
        origin: Some("test".to_string()),
        text: text.to_string(),
    }
}

pub const KHARKIV_1: &str = "Russian troops attacked Ukrainian positions near Kharkiv on Friday.";
/// Multi-byte characters before the spans: they are byte offsets, not characters.
pub const KHARKIV_2: &str = "Zelenskyy’s office said Russian troops attacked Ukrainian positions near Kharkiv — three died.";
pub const KYIV: &str = "American diplomats met Ukrainian officials in Kyiv.";
pub const ALEPPO: &str = "Syrian rebels clashed with Syrian soldiers in Aleppo.";
pub const PARIS: &str = "French ministers criticized Russian officials.";

/// Five reports of four events: two reports of one attack near Kharkiv (merged), a
/// consultation in Kyiv, a clash in Aleppo, an undated-location criticism.
pub fn fixture() -> Fixture {
    let dir: TempDir = match tempfile::tempdir() {
        Ok(dir) => dir,
        Err(e) => panic!("tempdir: {e}"),
    };
    let path: PathBuf = dir.path().join("events.sqlite");
    let kharkiv = location("Kharkiv", "UKR", 49.99, 36.23);
    let attack = |fatalities: u32| json!({"event_date": "2024-03-01", "fatalities": fatalities, "location": kharkiv});
    let mut second = attack(3);
    if let Some(map) = second.as_object_mut() {
        map.insert(
            "attribution".into(),
            json!([{"text": "Zelenskyy’s office", "code": "UKRGOV", "span": span_of(KHARKIV_2, "Zelenskyy’s office")}]),
        );
    }
    let documents: Vec<(DocumentMeta, Vec<Event>)> = vec![
        (
            doc("afp-1", "2024-03-01", "AFP", KHARKIV_1),
            vec![event(
                "afp-1",
                KHARKIV_1,
                ("Russian troops", "RUSMIL"),
                "attacked",
                ("Ukrainian positions", "UKRMIL"),
                attack(2),
            )],
        ),
        (
            doc("reu-1", "2024-03-02", "Reuters", KHARKIV_2),
            vec![event(
                "reu-1",
                KHARKIV_2,
                ("Russian troops", "RUSMIL"),
                "attacked",
                ("Ukrainian positions", "UKRMIL"),
                json!({"event_date": "2024-03-01", "report_date": "2024-03-02", "fatalities": 3,
                       "location": kharkiv, "attribution": second["attribution"]}),
            )],
        ),
        (
            doc("ap-1", "2024-03-15", "AP", KYIV),
            vec![event(
                "ap-1",
                KYIV,
                ("American diplomats", "USAGOV"),
                "met",
                ("Ukrainian officials", "UKRGOV"),
                json!({"report_date": "2024-03-15", "cameo": "042", "cameo_root": "04", "cameo_name": "Make a visit",
                       "goldstein": 1.9, "quad_class": 1, "penta_class": 1,
                       "plover": {"event": "CONSULT", "mode": "visit"},
                       "location": location("Kyiv", "UKR", 50.45, 30.52),
                       "pattern": {"file": "CAMEO.verbs.txt", "line": 310, "text": "- MEET [042]"}}),
            )],
        ),
        (
            doc("afp-2", "2024-04-02", "AFP", ALEPPO),
            vec![event(
                "afp-2",
                ALEPPO,
                ("Syrian rebels", "SYRREB"),
                "clashed",
                ("Syrian soldiers", "SYRMIL"),
                json!({"report_date": "2024-04-02",
                       "acled": {"event_type": "Battles", "sub_event_type": "Armed clash"},
                       "location": location("Aleppo", "SYR", 36.2, 37.16)}),
            )],
        ),
        (
            doc("afp-3", "2024-04-10", "AFP", PARIS),
            vec![event(
                "afp-3",
                PARIS,
                ("French ministers", "FRAGOV"),
                "criticized",
                ("Russian officials", "RUSGOV"),
                json!({"report_date": "2024-04-10", "cameo": "111", "cameo_root": "11", "cameo_name": "Criticize or denounce",
                       "goldstein": -2.0, "quad_class": 3, "penta_class": 3,
                       "plover": {"event": "ACCUSE", "mode": null}, "background": true}),
            )],
        ),
    ];
    let result = Store::open(&path).and_then(|mut store| store.ingest_documents(&documents));
    if let Err(e) = result {
        panic!("filling the fixture store: {e}");
    }
    Fixture { dir, path }
}

/// `GET uri` through the router: status, content type and body.
pub async fn get(app: &Router, uri: &str) -> (StatusCode, String, Vec<u8>) {
    let request: Request<Body> = match Request::get(uri).body(Body::empty()) {
        Ok(request) => request,
        Err(e) => panic!("request {uri}: {e}"),
    };
    let response = match app.clone().oneshot(request).await {
        Ok(response) => response,
        Err(e) => panic!("{uri}: {e}"),
    };
    let status: StatusCode = response.status();
    let content_type: String = response
        .headers()
        .get("content-type")
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
        .to_string();
    let body: Vec<u8> = match response.into_body().collect().await {
        Ok(collected) => collected.to_bytes().to_vec(),
        Err(e) => panic!("{uri}: body: {e}"),
    };
    (status, content_type, body)
}

/// `GET uri` expecting JSON with `status`.
pub async fn get_json(app: &Router, uri: &str, status: StatusCode) -> Value {
    let (got, content_type, body) = get(app, uri).await;
    assert_eq!(got, status, "{uri}: {}", String::from_utf8_lossy(&body));
    assert!(
        content_type.starts_with("application/json"),
        "{uri}: {content_type}"
    );
    match serde_json::from_slice(&body) {
        Ok(value) => value,
        Err(e) => panic!("{uri}: not JSON: {e}"),
    }
}
