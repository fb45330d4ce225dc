//! The dashboard's files, embedded in the binary (no CDN, no network at run time).
//! Third-party files and their licences are listed in `assets/vendor/README.md`.

use axum::body::Body;
use axum::http::{HeaderValue, StatusCode, Uri, header};
use axum::response::{IntoResponse, Response};

/// One embedded file.
pub(crate) struct Asset {
    /// URL path it is served at.
    pub path: &'static str,
    pub content_type: &'static str,
    pub body: &'static [u8],
}

macro_rules! asset {
    ($url:expr, $file:expr, $type:expr) => {
        Asset {
            path: $url,
            content_type: $type,
            body: include_bytes!(concat!(env!("CARGO_MANIFEST_DIR"), "/assets/", $file)),
        }
    };
}

const JS: &str = "text/javascript; charset=utf-8";
const CSS: &str = "text/css; charset=utf-8";

/// Everything the dashboard loads.
pub(crate) const ASSETS: &[Asset] = &[
    asset!("/", "index.html", "text/html; charset=utf-8"),
    asset!("/assets/app.css", "app.css", CSS),
    asset!("/assets/api.js", "api.js", JS),
    asset!("/assets/map.js", "map.js", JS),
    asset!("/assets/timeline.js", "timeline.js", JS),
    asset!("/assets/network.js", "network.js", JS),
    asset!("/assets/table.js", "table.js", JS),
    asset!("/assets/detail.js", "detail.js", JS),
    asset!("/assets/app.js", "app.js", JS),
    asset!(
        "/assets/vendor/leaflet/leaflet.js",
        "vendor/leaflet/leaflet.js",
        JS
    ),
    asset!(
        "/assets/vendor/leaflet/leaflet.css",
        "vendor/leaflet/leaflet.css",
        CSS
    ),
    asset!(
        "/assets/vendor/topojson-client/topojson-client.min.js",
        "vendor/topojson-client/topojson-client.min.js",
        JS
    ),
    asset!(
        "/assets/vendor/world-atlas/countries-110m.json",
        "vendor/world-atlas/countries-110m.json",
        "application/json"
    ),
    asset!(
        "/assets/vendor/README.md",
        "vendor/README.md",
        "text/markdown; charset=utf-8"
    ),
    asset!(
        "/assets/vendor/leaflet/LICENSE",
        "vendor/leaflet/LICENSE",
        "text/plain; charset=utf-8"
    ),
    asset!(
        "/assets/vendor/topojson-client/LICENSE",
        "vendor/topojson-client/LICENSE",
        "text/plain; charset=utf-8"
    ),
    asset!(
        "/assets/vendor/world-atlas/LICENSE",
        "vendor/world-atlas/LICENSE",
        "text/plain; charset=utf-8"
    ),
];

/// Serves an embedded file, or 404.
pub(crate) async fn handler(uri: Uri) -> Response {
    let path: &str = match uri.path() {
        "/index.html" => "/",
        other => other,
    };
    match ASSETS.iter().find(|asset| asset.path == path) {
        Some(asset) => {
            let mut response: Response = Body::from(asset.body).into_response();
            let headers = response.headers_mut();
            headers.insert(
                header::CONTENT_TYPE,
                HeaderValue::from_static(asset.content_type),
            );
            // Vendored files never change within a build; the app's own files may while
            // developing, so browsers revalidate them.
            let cache: &str = if asset.path.starts_with("/assets/vendor/") {
                "public, max-age=86400"
            } else {
                "no-cache"
            };
            headers.insert(header::CACHE_CONTROL, HeaderValue::from_static(cache));
            response
        }
        None => (StatusCode::NOT_FOUND, "not found").into_response(),
    }
}
