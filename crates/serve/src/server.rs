//! The router and the blocking `serve` entry point.

use crate::assets;
use crate::cache::ResponseCache;
use crate::config::{ServeConfig, ServeError};
use crate::export;
use crate::handlers::{self, AppState};
use crate::openapi;
use crate::pool::{DEFAULT_MAX_CONNECTIONS, StorePool};
use axum::Router;
use axum::http::{HeaderMap, HeaderValue, header};
use axum::response::Response;
use axum::routing::get;
use std::net::SocketAddr;
use std::path::Path;
use std::sync::Arc;
use tokio::net::TcpListener;
use tokio::runtime::Runtime;

/// Route paths (axum syntax), shared with the OpenAPI document.
pub(crate) mod paths {
    pub const EVENTS: &str = "/api/events";
    pub const EVENT: &str = "/api/events/{id}";
    pub const TIMELINE: &str = "/api/timeline";
    pub const NETWORK: &str = "/api/network";
    pub const STATS: &str = "/api/stats";
    pub const EXPORT: &str = "/api/export";
    pub const OPENAPI: &str = "/api/openapi.json";
}

/// Tuning of [`router_with`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RouterOptions {
    /// Bytes of JSON answers kept for repeated queries; 0 turns the cache off.
    pub cache_bytes: usize,
    /// Read-only SQLite connections opened at most.
    pub max_connections: usize,
}

impl Default for RouterOptions {
    fn default() -> RouterOptions {
        RouterOptions {
            cache_bytes: 64 * 1024 * 1024,
            max_connections: DEFAULT_MAX_CONNECTIONS,
        }
    }
}

/// The whole application over the store at `store_path`. Connections open lazily: a store
/// that cannot be opened makes each request fail with 500 (use [`try_router`] to fail early).
pub fn router(store_path: impl AsRef<Path>) -> Router {
    let options: RouterOptions = RouterOptions::default();
    build(
        Arc::new(StorePool::new(store_path.as_ref(), options.max_connections)),
        options.cache_bytes,
    )
}

/// As [`router`], but opens one connection first so a missing or incompatible store is an
/// error now.
pub fn try_router(store_path: impl AsRef<Path>) -> Result<Router, ServeError> {
    router_with(store_path, RouterOptions::default())
}

/// As [`try_router`], with explicit options.
pub fn router_with(
    store_path: impl AsRef<Path>,
    options: RouterOptions,
) -> Result<Router, ServeError> {
    let pool: Arc<StorePool> =
        Arc::new(StorePool::new(store_path.as_ref(), options.max_connections));
    pool.warm()?;
    Ok(build(pool, options.cache_bytes))
}

/// Downloads streaming at once (each holds one of the pool's connections).
const MAX_CONCURRENT_EXPORTS: usize = 2;

fn build(pool: Arc<StorePool>, cache_bytes: usize) -> Router {
    let state: AppState = AppState {
        pool,
        cache: Arc::new(ResponseCache::new(cache_bytes)),
        exports: Arc::new(tokio::sync::Semaphore::new(MAX_CONCURRENT_EXPORTS)),
    };
    Router::new()
        .route(paths::EVENTS, get(handlers::events))
        .route(paths::EVENT, get(handlers::event_detail))
        .route(paths::TIMELINE, get(handlers::timeline))
        .route(paths::NETWORK, get(handlers::network))
        .route(paths::STATS, get(handlers::stats))
        .route(paths::EXPORT, get(export::export))
        .route(paths::OPENAPI, get(openapi::handler))
        .route("/api", get(handlers::api_not_found))
        .route("/api/{*rest}", get(handlers::api_not_found))
        .with_state(state)
        .fallback(assets::handler)
        .layer(axum::middleware::map_response(security_headers))
}

/// Everything the page needs comes from this server: scripts only from files here (no inline
/// script, no eval), inline styles allowed (Leaflet and the markers set them), no framing.
const CONTENT_SECURITY_POLICY: &str = "default-src 'self'; script-src 'self'; \
    style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; \
    object-src 'none'; base-uri 'none'; frame-ancestors 'none'";

async fn security_headers(mut response: Response) -> Response {
    let headers: &mut HeaderMap = response.headers_mut();
    headers.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(CONTENT_SECURITY_POLICY),
    );
    headers.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    headers.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("no-referrer"),
    );
    response
}

/// Serves `config.db` on `config.addr` until Ctrl-C. Blocking: builds its own multi-threaded
/// tokio runtime. Prints the URL on stderr. Read-only: nothing is ever written to the store.
pub fn serve(config: ServeConfig) -> Result<(), ServeError> {
    let app: Router = try_router(&config.db)?;
    let runtime: Runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .thread_name("annalist-serve")
        .build()?;
    runtime.block_on(async move {
        let listener: TcpListener = TcpListener::bind(config.addr).await?;
        let bound: SocketAddr = listener.local_addr()?;
        if !bound.ip().is_loopback() {
            eprintln!("annalist serve: listening on a non-loopback address ({bound}); the API has no authentication");
        }
        eprintln!("annalist serve: http://{bound}/ (store {})", config.db.display());
        axum::serve(listener, app)
            .with_graceful_shutdown(async {
                // If the signal handler cannot be installed, run until killed.
                if tokio::signal::ctrl_c().await.is_err() {
                    std::future::pending::<()>().await;
                }
            })
            .await?;
        Ok(())
    })
}
