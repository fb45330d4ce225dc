//! The JSON API against a small temporary store: filters, paging, 400s, event detail,
//! timeline, network and stats.

mod common;

use axum::Router;
use axum::http::StatusCode;
use common::{KHARKIV_2, fixture, get_json};
use serde_json::Value;

fn app() -> (common::Fixture, Router) {
    let fixture = fixture();
    let app: Router = match annalist_serve::try_router(&fixture.path) {
        Ok(app) => app,
        Err(e) => panic!("router: {e}"),
    };
    (fixture, app)
}

fn ids(page: &Value) -> Vec<String> {
    page["events"]
        .as_array()
        .map(|events| {
            events
                .iter()
                .map(|e| e["event"]["doc_id"].as_str().unwrap_or("").to_string())
                .collect()
        })
        .unwrap_or_default()
}

#[tokio::test]
async fn events_page_has_total_and_records() {
    let (_fixture, app) = app();
    let page: Value = get_json(&app, "/api/events", StatusCode::OK).await;
    assert_eq!(
        page["total"], 4,
        "two reports of the Kharkiv attack merge: {page}"
    );
    assert_eq!(page["limit"], 100);
    assert_eq!(page["offset"], 0);
    // Newest first; each item is {id, mention_count, event} with the event record inside.
    assert_eq!(ids(&page), ["afp-3", "afp-2", "ap-1", "afp-1"]);
    let attack: &Value = &page["events"][3];
    assert_eq!(attack["mention_count"], 2);
    assert!(attack["id"].is_i64());
    assert_eq!(attack["event"]["cameo"], "190");
    assert_eq!(attack["event"]["source"]["code"], "RUSMIL");

    let second: Value = get_json(&app, "/api/events?limit=2&offset=2", StatusCode::OK).await;
    assert_eq!(second["total"], 4);
    assert_eq!(ids(&second), ["ap-1", "afp-1"]);
    let oldest: Value = get_json(&app, "/api/events?sort=oldest&limit=1", StatusCode::OK).await;
    assert_eq!(ids(&oldest), ["afp-1"]);
    let most: Value = get_json(
        &app,
        "/api/events?sort=most_mentioned&limit=1",
        StatusCode::OK,
    )
    .await;
    assert_eq!(ids(&most), ["afp-1"]);
}

#[tokio::test]
async fn every_filter_narrows_the_events() {
    let (_fixture, app) = app();
    let cases: [(&str, &[&str]); 18] = [
        ("country=UKR", &["ap-1", "afp-1"]),
        ("country=ukr", &["ap-1", "afp-1"]),
        ("actor=RUS", &["afp-3", "afp-1"]),
        ("actor=SYRREB", &["afp-2"]),
        ("cameo_root=19", &["afp-2", "afp-1"]),
        ("cameo_root=4", &["ap-1"]),
        ("cameo=111", &["afp-3"]),
        ("plover=CONSULT", &["ap-1"]),
        ("acled_type=Battles", &["afp-2"]),
        ("acled_type=Armed%20clash", &["afp-2"]),
        ("q=Kharkiv", &["afp-1"]),
        ("q=three+died", &["afp-1"]),
        ("bbox=30,45,40,55", &["ap-1", "afp-1"]),
        ("from=2024-04", &["afp-3", "afp-2"]),
        ("to=2024-03", &["ap-1", "afp-1"]),
        ("from=2024-03-02&to=2024-04-05", &["afp-2", "ap-1"]),
        ("background=true", &["afp-3"]),
        (
            "country=UKR&cameo_root=19&from=2024-03-01&to=2024-03-01&q=troops&country=",
            &[],
        ),
    ];
    for (query, expected) in cases {
        let uri: String = format!("/api/events?{query}");
        let (status, _, body) = common::get(&app, &uri).await;
        if query.ends_with("country=") {
            // The same parameter twice is refused, even when the second one is empty.
            assert_eq!(status, StatusCode::BAD_REQUEST, "{uri}");
            continue;
        }
        assert_eq!(
            status,
            StatusCode::OK,
            "{uri}: {}",
            String::from_utf8_lossy(&body)
        );
        let page: Value = serde_json::from_slice(&body).unwrap_or(Value::Null);
        assert_eq!(ids(&page), expected, "{uri}");
        assert_eq!(page["total"], expected.len(), "{uri}");
    }
    // Empty values mean "not given" (as HTML forms send them).
    let page: Value = get_json(&app, "/api/events?country=&actor=&q=", StatusCode::OK).await;
    assert_eq!(page["total"], 4);
}

#[tokio::test]
async fn bad_parameters_are_400_naming_the_parameter() {
    let (_fixture, app) = app();
    let cases: [(&str, &str); 20] = [
        ("/api/events?limit=0", "limit"),
        ("/api/events?limit=abc", "limit"),
        ("/api/events?limit=10001", "limit"),
        ("/api/events?offset=-1", "offset"),
        ("/api/events?from=2024-13", "from"),
        ("/api/events?to=yesterday", "to"),
        ("/api/events?bbox=1,2,3", "bbox"),
        ("/api/events?bbox=10,50,20,40", "bbox"),
        ("/api/events?bbox=10,0,200,10", "bbox"),
        ("/api/events?cameo_root=25", "cameo_root"),
        ("/api/events?cameo=19x", "cameo"),
        ("/api/events?country=U-K", "country"),
        ("/api/events?sort=random", "sort"),
        ("/api/events?background=maybe", "background"),
        ("/api/events?contry=UKR", "contry"),
        ("/api/events?q=a&q=b", "q"),
        ("/api/events/abc", "id"),
        ("/api/timeline?interval=year", "interval"),
        ("/api/network?level=group", "level"),
        ("/api/export?format=xlsx", "format"),
    ];
    for (uri, param) in cases {
        let body: Value = get_json(&app, uri, StatusCode::BAD_REQUEST).await;
        assert_eq!(body["error"], "bad_parameter", "{uri}: {body}");
        assert_eq!(body["parameter"], param, "{uri}: {body}");
        let message: &str = body["message"].as_str().unwrap_or("");
        assert!(message.contains(param), "{uri}: {message}");
    }
    let long_text: String = format!("/api/events?q={}", "a".repeat(201));
    let body: Value = get_json(&app, &long_text, StatusCode::BAD_REQUEST).await;
    assert_eq!(body["parameter"], "q");
    let body: Value = get_json(&app, "/api/stats?x=1", StatusCode::BAD_REQUEST).await;
    assert_eq!(body["parameter"], "x");
}

#[tokio::test]
async fn event_detail_has_every_mention_with_spans_and_pattern() {
    let (_fixture, app) = app();
    let page: Value = get_json(&app, "/api/events?q=Kharkiv", StatusCode::OK).await;
    let id: i64 = page["events"][0]["id"].as_i64().unwrap_or(-1);
    let detail: Value = get_json(&app, &format!("/api/events/{id}"), StatusCode::OK).await;
    assert_eq!(detail["event"]["id"], id);
    assert_eq!(
        detail["event"]["event"]["fatalities"], 3,
        "the first report's record, with the largest toll of any report (the second's three)"
    );
    assert_eq!(detail["event"]["event"]["doc_id"], "afp-1");
    let mentions: &Vec<Value> = match detail["mentions"].as_array() {
        Some(mentions) => mentions,
        None => panic!("no mentions: {detail}"),
    };
    assert_eq!(mentions.len(), 2);
    assert_eq!(mentions[0]["doc_id"], "afp-1");
    assert_eq!(mentions[0]["doc_source"], "AFP");
    assert_eq!(mentions[1]["doc_id"], "reu-1");
    assert_eq!(mentions[1]["doc_url"], "https://news.example/reu-1");
    assert_eq!(mentions[1]["sentence"], KHARKIV_2);
    // Byte offsets: "’" is three bytes, so the verb starts 2 bytes later than its char index.
    let verb_start: usize = KHARKIV_2.find("attacked").unwrap_or(0);
    assert_eq!(
        mentions[1]["verb_span"],
        serde_json::json!([verb_start, verb_start + 8])
    );
    assert_eq!(mentions[1]["pattern"]["file"], "CAMEO.verbs.txt");
    assert_eq!(mentions[1]["pattern"]["line"], 1200);
    assert_eq!(mentions[1]["attribution"][0]["code"], "UKRGOV");
    assert!(mentions[1]["source_span"].is_array());
    assert!(mentions[1]["target_span"].is_array());

    let missing: Value = get_json(&app, "/api/events/999999", StatusCode::NOT_FOUND).await;
    assert_eq!(missing["error"], "not_found");
    let extra: Value = get_json(
        &app,
        &format!("/api/events/{id}?country=UKR"),
        StatusCode::BAD_REQUEST,
    )
    .await;
    assert_eq!(extra["parameter"], "country");
}

#[tokio::test]
async fn timeline_counts_by_bucket_and_type() {
    let (_fixture, app) = app();
    let month: Value = get_json(&app, "/api/timeline?interval=month", StatusCode::OK).await;
    assert_eq!(month["interval"], "month");
    assert_eq!(month["by"], "cameo_root");
    let points: Vec<(String, String, u64, u64)> = month["points"]
        .as_array()
        .map(|points| {
            points
                .iter()
                .map(|p| {
                    (
                        p["bucket"].as_str().unwrap_or("").to_string(),
                        p["kind"].as_str().unwrap_or("").to_string(),
                        p["events"].as_u64().unwrap_or(0),
                        p["mentions"].as_u64().unwrap_or(0),
                    )
                })
                .collect()
        })
        .unwrap_or_default();
    let expected: Vec<(String, String, u64, u64)> = [
        ("2024-03", "04", 1, 1),
        ("2024-03", "19", 1, 2),
        ("2024-04", "11", 1, 1),
        ("2024-04", "19", 1, 1),
    ]
    .iter()
    .map(|(b, k, e, m)| (b.to_string(), k.to_string(), *e, *m))
    .collect();
    assert_eq!(points, expected);

    let by_quad: Value = get_json(
        &app,
        "/api/timeline?interval=week&by=quad_class&country=UKR",
        StatusCode::OK,
    )
    .await;
    assert_eq!(
        by_quad["points"][0]["bucket"], "2024-02-26",
        "weeks start on Monday"
    );
    assert_eq!(by_quad["points"][0]["kind"], "4");
    assert_eq!(by_quad["points"].as_array().map(Vec::len), Some(2));
    let day: Value = get_json(&app, "/api/timeline", StatusCode::OK).await;
    assert_eq!(day["interval"], "day");
    assert_eq!(day["points"][0]["bucket"], "2024-03-01");
}

#[tokio::test]
async fn network_has_edges_with_counts_and_mean_goldstein() {
    let (_fixture, app) = app();
    let network: Value = get_json(&app, "/api/network", StatusCode::OK).await;
    assert_eq!(network["level"], "code");
    let edges: &Vec<Value> = match network["edges"].as_array() {
        Some(edges) => edges,
        None => panic!("{network}"),
    };
    assert_eq!(edges.len(), 4);
    let attack: Option<&Value> = edges
        .iter()
        .find(|e| e["source"] == "RUSMIL" && e["target"] == "UKRMIL");
    let attack: &Value = match attack {
        Some(edge) => edge,
        None => panic!("no RUSMIL→UKRMIL edge: {network}"),
    };
    assert_eq!(attack["events"], 1);
    assert_eq!(attack["mentions"], 2);
    assert_eq!(attack["mean_goldstein"], -10.0);

    let countries: Value = get_json(
        &app,
        "/api/network?level=country&cameo_root=19",
        StatusCode::OK,
    )
    .await;
    let pairs: Vec<(String, String)> = countries["edges"]
        .as_array()
        .map(|edges| {
            edges
                .iter()
                .map(|e| {
                    (
                        e["source"].as_str().unwrap_or("").to_string(),
                        e["target"].as_str().unwrap_or("").to_string(),
                    )
                })
                .collect()
        })
        .unwrap_or_default();
    assert_eq!(
        pairs,
        [
            ("RUS".to_string(), "UKR".to_string()),
            ("SYR".to_string(), "SYR".to_string())
        ]
    );
    let capped: Value = get_json(&app, "/api/network?limit=1", StatusCode::OK).await;
    assert_eq!(capped["edges"].as_array().map(Vec::len), Some(1));
}

#[tokio::test]
async fn stats_describe_the_store() {
    let (_fixture, app) = app();
    let stats: Value = get_json(&app, "/api/stats", StatusCode::OK).await;
    assert_eq!(stats["documents"], 5);
    assert_eq!(stats["events"], 4);
    assert_eq!(stats["mentions"], 5);
    assert_eq!(stats["events_with_location"], 3);
    assert_eq!(stats["first_date"], "2024-03-01");
    assert_eq!(stats["last_date"], "2024-04-10");
}

#[tokio::test]
async fn unknown_api_paths_are_json_404s_and_missing_stores_fail_early() {
    let (_fixture, app) = app();
    let body: Value = get_json(&app, "/api/nothing", StatusCode::NOT_FOUND).await;
    assert_eq!(body["error"], "not_found");
    let missing = annalist_serve::try_router("/nonexistent/dir/events.sqlite");
    assert!(missing.is_err());
    // The lazy router answers 500 with a message instead.
    let lazy: Router = annalist_serve::router("/nonexistent/dir/events.sqlite");
    let body: Value = get_json(&lazy, "/api/stats", StatusCode::INTERNAL_SERVER_ERROR).await;
    assert_eq!(body["error"], "internal");
}

/// Cached answers are dropped as soon as another process ingests into the store.
#[tokio::test]
async fn answers_follow_an_ingest_while_serving() {
    let (fixture, app) = app();
    let before: Value = get_json(&app, "/api/events?country=UKR", StatusCode::OK).await;
    assert_eq!(before["total"], 2);
    let stats: Value = get_json(&app, "/api/stats", StatusCode::OK).await;
    assert_eq!(stats["documents"], 5);

    let text: &str = "Russian troops attacked Ukrainian positions near Kharkiv again.";
    let repeat = common::event(
        "bbc-1",
        text,
        ("Russian troops", "RUSMIL"),
        "attacked",
        ("Ukrainian positions", "UKRMIL"),
        serde_json::json!({"event_date": "2024-03-01", "location": common::location("Kharkiv", "UKR", 49.99, 36.23)}),
    );
    let mut fresh = repeat.clone();
    fresh.id = "bbc-1-r2".to_string();
    fresh.event_date = Some("2024-05-05".to_string());
    let written = annalist_store::Store::open(&fixture.path).and_then(|mut store| {
        store.ingest_document(
            &common::doc("bbc-1", "2024-05-05", "BBC", text),
            &[repeat, fresh],
        )
    });
    assert!(written.is_ok(), "{written:?}");

    let after: Value = get_json(&app, "/api/events?country=UKR", StatusCode::OK).await;
    assert_eq!(after["total"], 3);
    let merged: Value = get_json(
        &app,
        "/api/events?country=UKR&from=2024-03-01&to=2024-03-01",
        StatusCode::OK,
    )
    .await;
    assert_eq!(merged["events"][0]["mention_count"], 3);
    let stats: Value = get_json(&app, "/api/stats", StatusCode::OK).await;
    assert_eq!(stats["documents"], 6);
}
