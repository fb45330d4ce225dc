//! Downloads of the current filter, the OpenAPI document against the real routes, and the
//! embedded dashboard files.

mod common;

use axum::Router;
use axum::http::StatusCode;
use common::{fixture, get, get_json};
use serde_json::Value;

fn app() -> (common::Fixture, Router) {
    let fixture = fixture();
    let app: Router = match annalist_serve::try_router(&fixture.path) {
        Ok(app) => app,
        Err(e) => panic!("router: {e}"),
    };
    (fixture, app)
}

#[tokio::test]
async fn exports_follow_the_filter_in_every_format() {
    let (_fixture, app) = app();
    let (status, content_type, body) = get(&app, "/api/export?format=csv&country=UKR").await;
    assert_eq!(status, StatusCode::OK);
    assert!(content_type.starts_with("text/csv"), "{content_type}");
    let csv: String = String::from_utf8_lossy(&body).into_owned();
    let lines: Vec<&str> = csv.lines().collect();
    assert_eq!(lines.len(), 3, "header + 2 events:\n{csv}");
    assert_eq!(
        lines[0].split(',').count(),
        annalist_store::CSV_COLUMNS.len()
    );

    let (_, _, all_csv) = get(&app, "/api/export").await;
    assert_eq!(
        String::from_utf8_lossy(&all_csv).lines().count(),
        5,
        "csv is the default"
    );

    let (status, content_type, body) = get(&app, "/api/export?format=jsonl&cameo_root=19").await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(content_type, "application/x-ndjson");
    let records: Vec<Value> = String::from_utf8_lossy(&body)
        .lines()
        .map(|line| serde_json::from_str(line).unwrap_or(Value::Null))
        .collect();
    assert_eq!(records.len(), 2);
    assert!(records.iter().all(|r| r["event"]["cameo_root"] == "19"));

    let (status, _, body) = get(&app, "/api/export?format=gdelt").await;
    assert_eq!(status, StatusCode::OK);
    let gdelt: String = String::from_utf8_lossy(&body).into_owned();
    assert_eq!(gdelt.lines().count(), 4);
    assert!(
        gdelt
            .lines()
            .all(|line| line.split('\t').count() == annalist_store::GDELT_COLUMNS.len())
    );

    let (status, _, body) = get(&app, "/api/export?format=plover&limit=1").await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(String::from_utf8_lossy(&body).lines().count(), 1);

    let (status, _, body) = get(&app, "/api/export?format=jsonl&country=NOR").await;
    assert_eq!(status, StatusCode::OK);
    assert!(body.is_empty(), "no match, empty download");
}

#[tokio::test]
async fn export_names_the_download() {
    let (_fixture, app) = app();
    let request = match axum::http::Request::get("/api/export?format=gdelt")
        .body(axum::body::Body::empty())
    {
        Ok(request) => request,
        Err(e) => panic!("{e}"),
    };
    let response = match tower::ServiceExt::oneshot(app, request).await {
        Ok(response) => response,
        Err(e) => panic!("{e}"),
    };
    let disposition: &str = response
        .headers()
        .get("content-disposition")
        .and_then(|v| v.to_str().ok())
        .unwrap_or("");
    assert_eq!(
        disposition,
        "attachment; filename=\"annalist-events.gdelt.tsv\""
    );
}

/// Every documented path answers 200 with every documented parameter set to its example, and
/// every API route is documented.
#[tokio::test]
async fn openapi_document_matches_the_routes() {
    let (_fixture, app) = app();
    let doc: Value = get_json(&app, "/api/openapi.json", StatusCode::OK).await;
    assert_eq!(doc["openapi"], "3.0.3");
    assert_eq!(doc, annalist_serve::openapi::document());
    let paths = match doc["paths"].as_object() {
        Some(paths) => paths,
        None => panic!("no paths"),
    };
    let mut documented: Vec<&str> = paths.keys().map(String::as_str).collect();
    documented.sort_unstable();
    assert_eq!(
        documented,
        [
            "/api/events",
            "/api/events/{id}",
            "/api/export",
            "/api/network",
            "/api/openapi.json",
            "/api/stats",
            "/api/timeline"
        ]
    );
    let page: Value = get_json(&app, "/api/events?limit=1", StatusCode::OK).await;
    let id: String = page["events"][0]["id"].to_string();
    for (path, item) in paths {
        let operation: &Value = &item["get"];
        assert!(operation["responses"]["200"].is_object(), "{path}");
        let concrete: String = path.replace("{id}", &id);
        let (status, _, body) = get(&app, &concrete).await;
        assert_eq!(
            status,
            StatusCode::OK,
            "{concrete}: {}",
            String::from_utf8_lossy(&body)
        );
        let parameters: Vec<Value> = operation["parameters"]
            .as_array()
            .cloned()
            .unwrap_or_default();
        let mut all: Vec<String> = Vec::new();
        for parameter in parameters.iter().filter(|p| p["in"] == "query") {
            let name: &str = parameter["name"].as_str().unwrap_or("");
            let example: String = match &parameter["example"] {
                Value::String(text) => text.clone(),
                other => other.to_string(),
            };
            let uri: String = format!("{concrete}?{name}={example}");
            let (status, _, body) = get(&app, &uri).await;
            assert_eq!(
                status,
                StatusCode::OK,
                "{uri}: {}",
                String::from_utf8_lossy(&body)
            );
            all.push(format!("{name}={example}"));
            // And the parser knows no parameter the document leaves out: a bad value is a
            // 400 that names it (not "unknown parameter").
            let (status, _, body) = get(&app, &format!("{concrete}?{name}=%00bad%00")).await;
            if status == StatusCode::BAD_REQUEST {
                let error: Value = serde_json::from_slice(&body).unwrap_or(Value::Null);
                assert_eq!(error["parameter"], name, "{path}");
                assert!(
                    !error["message"].as_str().unwrap_or("").contains("unknown"),
                    "{path} {name}: {error}"
                );
            }
        }
        if !all.is_empty() {
            let uri: String = format!("{concrete}?{}", all.join("&"));
            let (status, _, body) = get(&app, &uri).await;
            assert_eq!(
                status,
                StatusCode::OK,
                "{uri}: {}",
                String::from_utf8_lossy(&body)
            );
        }
        let (status, _, _) = get(&app, &format!("{concrete}?undocumented=1")).await;
        assert_eq!(
            status,
            StatusCode::BAD_REQUEST,
            "{path} accepts an undocumented parameter"
        );
    }
}

#[tokio::test]
async fn dashboard_and_every_file_it_loads_are_embedded() {
    let (_fixture, app) = app();
    let (status, content_type, body) = get(&app, "/").await;
    assert_eq!(status, StatusCode::OK);
    assert!(content_type.starts_with("text/html"));
    let html: String = String::from_utf8_lossy(&body).into_owned();
    assert!(
        !html.contains("http://") && !html.contains("https://"),
        "no external resources"
    );
    let mut referenced: Vec<String> = Vec::new();
    for attribute in ["src=\"", "href=\""] {
        for part in html.split(attribute).skip(1) {
            if let Some(end) = part.find('"') {
                referenced.push(part[..end].to_string());
            }
        }
    }
    referenced.push("/assets/vendor/world-atlas/countries-110m.json".to_string());
    assert!(referenced.len() >= 10, "{referenced:?}");
    for path in referenced {
        let (status, _, body) = get(&app, &path).await;
        assert_eq!(status, StatusCode::OK, "{path}");
        assert!(!body.is_empty(), "{path}");
    }
    for license in ["leaflet", "topojson-client", "world-atlas"] {
        let (status, _, _) = get(&app, &format!("/assets/vendor/{license}/LICENSE")).await;
        assert_eq!(status, StatusCode::OK, "{license}");
    }
    let (status, _, _) = get(&app, "/assets/nothing.js").await;
    assert_eq!(status, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn responses_carry_security_headers() {
    let (_fixture, app) = app();
    for uri in ["/", "/api/stats"] {
        let request = match axum::http::Request::get(uri).body(axum::body::Body::empty()) {
            Ok(request) => request,
            Err(e) => panic!("{e}"),
        };
        let response = match tower::ServiceExt::oneshot(app.clone(), request).await {
            Ok(response) => response,
            Err(e) => panic!("{e}"),
        };
        let header = |name: &str| -> String {
            response
                .headers()
                .get(name)
                .and_then(|v| v.to_str().ok())
                .unwrap_or("")
                .to_string()
        };
        assert!(
            header("content-security-policy").contains("script-src 'self'"),
            "{uri}"
        );
        assert_eq!(header("x-content-type-options"), "nosniff", "{uri}");
    }
}
