//! `GET /api/export`: the current filter as a CSV, JSON Lines, GDELT or PLOVER download,
//! streamed while the store writes it (memory stays bounded for large exports).

use crate::error::ApiError;
use crate::handlers::AppState;
use crate::params::QueryParams;
use crate::pool::StorePool;
use annalist_store::{EventFilter, Format, StoreError};
use axum::body::{Body, Bytes};
use axum::extract::{RawQuery, State};
use axum::http::{HeaderValue, header};
use axum::response::{IntoResponse, Response};
use std::io::{self, Write};
use std::sync::Arc;
use tokio::sync::{OwnedSemaphorePermit, mpsc};

/// Bytes collected before a chunk goes to the client.
const CHUNK_BYTES: usize = 64 * 1024;
/// Chunks in flight between the store thread and the socket (back-pressure beyond that).
const CHANNEL_CHUNKS: usize = 4;

/// What the store thread sends: a chunk of output or the error that ended it.
type Chunk = Result<Bytes, String>;

/// A `Write` that forwards full chunks to the response body; blocks when the client is slow.
struct ChannelWriter {
    sender: mpsc::Sender<Chunk>,
    buffer: Vec<u8>,
}

impl ChannelWriter {
    fn send_buffer(&mut self) -> io::Result<()> {
        if self.buffer.is_empty() {
            return Ok(());
        }
        let chunk: Bytes = Bytes::from(std::mem::take(&mut self.buffer));
        self.sender
            .blocking_send(Ok(chunk))
            .map_err(|_| io::Error::new(io::ErrorKind::BrokenPipe, "client went away"))
    }
}

impl Write for ChannelWriter {
    fn write(&mut self, bytes: &[u8]) -> io::Result<usize> {
        self.buffer.extend_from_slice(bytes);
        if self.buffer.len() >= CHUNK_BYTES {
            self.send_buffer()?;
        }
        Ok(bytes.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        self.send_buffer()
    }
}

fn content_type_and_name(format: Format) -> (&'static str, &'static str) {
    match format {
        Format::Csv => ("text/csv; charset=utf-8", "annalist-events.csv"),
        Format::Jsonl => ("application/x-ndjson", "annalist-events.jsonl"),
        Format::Gdelt => (
            "text/tab-separated-values; charset=utf-8",
            "annalist-events.gdelt.tsv",
        ),
        Format::Plover => ("application/x-ndjson", "annalist-events.plover.jsonl"),
        Format::Parquet => ("application/vnd.apache.parquet", "annalist-events.parquet"),
    }
}

/// Runs the export on a blocking thread, sending chunks and, on failure, a final error.
fn spawn_export(
    permit: OwnedSemaphorePermit,
    pool: Arc<StorePool>,
    filter: EventFilter,
    format: Format,
    sender: mpsc::Sender<Chunk>,
) {
    tokio::task::spawn_blocking(move || {
        // Held until the export ends (or the client goes away).
        let _permit: OwnedSemaphorePermit = permit;
        let mut writer: ChannelWriter = ChannelWriter {
            sender: sender.clone(),
            buffer: Vec::with_capacity(CHUNK_BYTES),
        };
        let result: Result<(), StoreError> = pool
            .with_store(|store| store.export(&filter, format, &mut writer).map(|_| ()))
            .and_then(|written| written)
            .and_then(|()| writer.flush().map_err(StoreError::Io));
        if let Err(e) = result {
            // A vanished client is not an error worth reporting; nobody is listening anyway.
            let _ignored = sender.blocking_send(Err(e.to_string()));
        }
    });
}

pub(crate) async fn export(
    State(state): State<AppState>,
    RawQuery(raw): RawQuery,
) -> Result<Response, ApiError> {
    let mut params: QueryParams = QueryParams::parse(raw.as_deref())?;
    let mut filter: EventFilter = params.filter()?;
    filter.limit = params.limit(u32::MAX)?;
    filter.offset = params.offset()?;
    let format: Format = params.format()?.unwrap_or(Format::Csv);
    params.finish()?;
    let permit: OwnedSemaphorePermit = Arc::clone(&state.exports)
        .try_acquire_owned()
        .map_err(|_| ApiError::Busy("too many exports running; retry shortly".to_string()))?;
    let (sender, mut receiver) = mpsc::channel::<Chunk>(CHANNEL_CHUNKS);
    spawn_export(permit, Arc::clone(&state.pool), filter, format, sender);
    // Wait for the first chunk so that an early failure is still a proper error response.
    let first: Option<Bytes> = match receiver.recv().await {
        None => None,
        Some(Ok(chunk)) => Some(chunk),
        Some(Err(message)) => return Err(ApiError::Internal(format!("export failed: {message}"))),
    };
    let rest = futures_util::stream::unfold(receiver, |mut receiver| async move {
        let item: Chunk = receiver.recv().await?;
        Some((item.map_err(io::Error::other), receiver))
    });
    let head = futures_util::stream::iter(first.map(Ok::<Bytes, io::Error>));
    let body: Body = Body::from_stream(futures_util::StreamExt::chain(head, rest));
    let (content_type, file_name): (&str, &str) = content_type_and_name(format);
    let mut response: Response = body.into_response();
    let headers = response.headers_mut();
    headers.insert(header::CONTENT_TYPE, HeaderValue::from_static(content_type));
    if let Ok(disposition) = HeaderValue::from_str(&format!("attachment; filename=\"{file_name}\""))
    {
        headers.insert(header::CONTENT_DISPOSITION, disposition);
    }
    Ok(response)
}
