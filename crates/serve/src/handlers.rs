//! The JSON routes: events, one event with its mentions, timeline, network, stats.

use crate::cache::{self, Generation, ResponseCache};
use crate::error::ApiError;
use crate::params::{MAX_PAGE, QueryParams};
use crate::pool::StorePool;
use annalist_store::{
    ActorLevel, DEFAULT_LIMIT, EventFilter, EventWithMentions, Interval, NetworkEdge, Store,
    StoreStats, StoredEvent, TimelinePoint, TypeKey,
};
use axum::Json;
use axum::body::Bytes;
use axum::extract::{Path, RawQuery, State};
use axum::http::{HeaderValue, header};
use axum::response::{IntoResponse, Response};
use serde::Serialize;
use std::sync::Arc;

/// Edges `/api/network` returns when `limit` is not given.
pub(crate) const DEFAULT_NETWORK_EDGES: u32 = 200;

/// Shared by every handler.
#[derive(Clone)]
pub(crate) struct AppState {
    pub pool: Arc<StorePool>,
    pub cache: Arc<ResponseCache>,
    /// Exports hold a connection while the client downloads; at most this many at once, so
    /// slow downloads cannot starve the dashboard's queries.
    pub exports: Arc<tokio::sync::Semaphore>,
}

/// Runs `read` with a pooled connection on tokio's blocking pool.
pub(crate) async fn with_store<T, F>(state: &AppState, read: F) -> Result<T, ApiError>
where
    T: Send + 'static,
    F: FnOnce(&Store) -> Result<T, ApiError> + Send + 'static,
{
    let pool: Arc<StorePool> = Arc::clone(&state.pool);
    let joined = tokio::task::spawn_blocking(move || pool.with_store(read)).await;
    match joined {
        Ok(Ok(result)) => result,
        Ok(Err(store_error)) => Err(ApiError::Store(store_error)),
        Err(join_error) => Err(ApiError::Internal(format!(
            "query task failed: {join_error}"
        ))),
    }
}

/// Answers the JSON of `compute`, cached under `key` while the store's generation holds.
/// Both the query and the serialisation run on the blocking pool.
pub(crate) async fn cached_json<T, F>(
    state: &AppState,
    key: String,
    compute: F,
) -> Result<Response, ApiError>
where
    T: Serialize,
    F: FnOnce(&Store) -> Result<T, ApiError> + Send + 'static,
{
    let cache: Arc<ResponseCache> = Arc::clone(&state.cache);
    let body: Bytes = with_store(state, move |store| {
        let generation: Generation = cache::generation(store)?;
        if let Some(body) = cache.get(&key, generation) {
            return Ok(body);
        }
        let value: T = compute(store)?;
        let body: Bytes = Bytes::from(
            serde_json::to_vec(&value)
                .map_err(|e| ApiError::Internal(format!("serialising the answer: {e}")))?,
        );
        cache.put(key, generation, body.clone());
        Ok(body)
    })
    .await?;
    let content_type: HeaderValue = HeaderValue::from_static("application/json");
    Ok(([(header::CONTENT_TYPE, content_type)], body).into_response())
}

/// The cache key of `route` with a normalised filter and the route's own options.
fn cache_key(route: &str, filter: &EventFilter, options: &str) -> Result<String, ApiError> {
    let filter_json: String =
        serde_json::to_string(filter).map_err(|e| ApiError::Internal(format!("cache key: {e}")))?;
    Ok(format!("{route}|{filter_json}|{options}"))
}

/// `GET /api/events`: one page of matching events.
#[derive(Debug, Serialize)]
pub(crate) struct EventsPage {
    /// All matches, not just this page (exact; counted once per filter while the store is
    /// unchanged, see docs/STORE.md).
    pub total: u64,
    pub limit: u32,
    pub offset: u64,
    /// `{id, mention_count, event}` each, `event` being the event record as first coded,
    /// with casualty counts and missing location details filled in from later reports.
    pub events: Vec<StoredEvent>,
}

pub(crate) async fn events(
    State(state): State<AppState>,
    RawQuery(raw): RawQuery,
) -> Result<Response, ApiError> {
    let mut params: QueryParams = QueryParams::parse(raw.as_deref())?;
    let mut filter: EventFilter = params.filter()?;
    filter.limit = Some(params.limit(MAX_PAGE)?.unwrap_or(DEFAULT_LIMIT));
    filter.offset = params.offset()?;
    filter.sort = params.sort()?;
    params.finish()?;
    let key: String = cache_key("events", &filter, "")?;
    cached_json(&state, key, move |store| {
        let (total, events): (u64, Vec<StoredEvent>) = store.query_events(&filter)?;
        Ok(EventsPage {
            total,
            limit: filter.limit.unwrap_or(DEFAULT_LIMIT),
            offset: filter.offset.unwrap_or(0),
            events,
        })
    })
    .await
}

/// `GET /api/events/{id}`: the event and every mention.
pub(crate) async fn event_detail(
    State(state): State<AppState>,
    Path(id): Path<String>,
    RawQuery(raw): RawQuery,
) -> Result<Json<EventWithMentions>, ApiError> {
    QueryParams::parse(raw.as_deref())?.finish()?;
    let id: i64 = id
        .parse::<i64>()
        .map_err(|_| ApiError::bad("id", format!("expected an integer event id, got {id:?}")))?;
    let found: Option<EventWithMentions> =
        with_store(&state, move |store| Ok(store.event_with_mentions(id)?)).await?;
    found
        .map(Json)
        .ok_or_else(|| ApiError::NotFound(format!("no event with id {id}")))
}

#[derive(Debug, Serialize)]
pub(crate) struct Timeline {
    pub interval: Interval,
    pub by: TypeKey,
    /// Ordered by bucket, then kind; buckets without events are absent.
    pub points: Vec<TimelinePoint>,
}

/// `GET /api/timeline`: event counts per date bucket and type.
pub(crate) async fn timeline(
    State(state): State<AppState>,
    RawQuery(raw): RawQuery,
) -> Result<Response, ApiError> {
    let mut params: QueryParams = QueryParams::parse(raw.as_deref())?;
    let filter: EventFilter = params.filter()?;
    let interval: Interval = params.interval()?.unwrap_or(Interval::Day);
    let by: TypeKey = params.type_key()?.unwrap_or_default();
    params.finish()?;
    let key: String = cache_key("timeline", &filter, &format!("{interval:?}|{by:?}"))?;
    cached_json(&state, key, move |store| {
        Ok(Timeline {
            interval,
            by,
            points: store.timeline_by(&filter, interval, by)?,
        })
    })
    .await
}

#[derive(Debug, Serialize)]
pub(crate) struct Network {
    pub level: ActorLevel,
    /// Directed source → target edges, most events first.
    pub edges: Vec<NetworkEdge>,
}

/// `GET /api/network`: actor-to-actor edges with counts and mean Goldstein.
pub(crate) async fn network(
    State(state): State<AppState>,
    RawQuery(raw): RawQuery,
) -> Result<Response, ApiError> {
    let mut params: QueryParams = QueryParams::parse(raw.as_deref())?;
    let mut filter: EventFilter = params.filter()?;
    filter.limit = Some(params.limit(MAX_PAGE)?.unwrap_or(DEFAULT_NETWORK_EDGES));
    let level: ActorLevel = params.level()?.unwrap_or_default();
    params.finish()?;
    let key: String = cache_key("network", &filter, &format!("{level:?}"))?;
    cached_json(&state, key, move |store| {
        Ok(Network {
            level,
            edges: store.network_by(&filter, level)?,
        })
    })
    .await
}

/// `GET /api/stats`: sizes and date range of the store.
pub(crate) async fn stats(
    State(state): State<AppState>,
    RawQuery(raw): RawQuery,
) -> Result<Response, ApiError> {
    QueryParams::parse(raw.as_deref())?.finish()?;
    cached_json(
        &state,
        "stats".to_string(),
        |store| -> Result<StoreStats, ApiError> { Ok(store.stats()?) },
    )
    .await
}

/// Any other `/api/...` path.
pub(crate) async fn api_not_found() -> ApiError {
    ApiError::NotFound("no such API route; see /api/openapi.json".to_string())
}
