//! Load benchmark of `/api/events` over loopback: fills a store with synthetic events
//! ([`annalist_store::bench::synthetic_document`]), serves it on an ephemeral 127.0.0.1 port
//! and drives filtered queries from a few keep-alive client threads, bounded in request count
//! and time. Run with `cargo run --release -p annalist-serve --example serve_bench`.

use crate::config::ServeError;
use crate::loopback::{HttpResponse, LoopbackClient};
use crate::server::{RouterOptions, router_with};
use crate::test_server::TestServer;
use annalist_code::Event;
use annalist_store::{DocumentMeta, IngestOutcome, Store};
use serde::Serialize;
use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

/// The filtered queries the clients cycle through (the dashboard's kind of requests).
pub const QUERIES: [&str; 6] = [
    "/api/events?country=UKR&limit=50",
    "/api/events?cameo_root=19&from=2024-03-01&to=2024-03-31&limit=50",
    "/api/events?actor=RUS&from=2024-06&to=2024-06&limit=50",
    "/api/events?bbox=25,35,35,45&limit=50",
    "/api/events?plover=ASSAULT&country=SYR&from=2024-10&limit=50",
    "/api/events?q=4242&limit=50",
];

/// What to run.
#[derive(Debug, Clone)]
pub struct BenchConfig {
    /// Store file; filled when it holds fewer than `events` events, reused otherwise.
    pub db: PathBuf,
    pub events: u64,
    /// Concurrent keep-alive client threads.
    pub clients: usize,
    /// Stop after this many requests in all ...
    pub max_requests: usize,
    /// ... or after this long, whichever comes first.
    pub max_duration: Duration,
    /// Serve with the response cache (the dashboard's repeated queries hit it) or without
    /// (every request runs its SQL: the cold cost).
    pub cache: bool,
    /// Pages (offset 0, 50, ...) requested per query; the clients cycle through
    /// `QUERIES.len() * pages` distinct requests.
    pub pages: usize,
}

/// What a run measured.
#[derive(Debug, Clone, Serialize)]
pub struct BenchReport {
    pub cache: bool,
    pub distinct_requests: usize,
    pub events_in_store: u64,
    pub fill_seconds: f64,
    pub requests: usize,
    pub non_200: usize,
    pub seconds: f64,
    pub requests_per_second: f64,
    pub p50_ms: f64,
    pub p99_ms: f64,
    pub max_ms: f64,
    pub mean_response_bytes: f64,
}

/// Adds synthetic documents (10 events each, a third merging) until the store holds at least
/// `events` events. Returns the number of events stored.
pub fn fill_store(store: &mut Store, events: u64) -> Result<u64, ServeError> {
    let mut stored: u64 = store.stats()?.events;
    let mut next_document: usize = usize::try_from(store.stats()?.documents).unwrap_or(usize::MAX);
    while stored < events {
        let batch: Vec<(DocumentMeta, Vec<Event>)> = (next_document..next_document + 500)
            .map(|index| annalist_store::bench::synthetic_document(index, 10))
            .collect::<Result<Vec<(DocumentMeta, Vec<Event>)>, _>>()?;
        next_document += batch.len();
        let outcomes: Vec<IngestOutcome> = store.ingest_documents(&batch)?;
        stored += outcomes.iter().map(|o| o.events_added).sum::<u64>();
    }
    Ok(stored)
}

/// Per-client results.
struct ClientRun {
    latencies: Vec<Duration>,
    non_200: usize,
    bytes: usize,
}

/// The `n`-th request of the cycle: query `n % 6`, page `(n / 6) % pages`.
fn request_path(n: usize, pages: usize) -> String {
    let page: usize = (n / QUERIES.len()) % pages.max(1);
    format!("{}&offset={}", QUERIES[n % QUERIES.len()], page * 50)
}

fn run_client(
    addr: SocketAddr,
    first_query: usize,
    pages: usize,
    budget: Arc<AtomicUsize>,
    deadline: Instant,
) -> Result<ClientRun, ServeError> {
    let mut client: LoopbackClient = LoopbackClient::new(addr)?;
    let mut run: ClientRun = ClientRun {
        latencies: Vec::new(),
        non_200: 0,
        bytes: 0,
    };
    let mut query: usize = first_query;
    while Instant::now() < deadline
        && budget
            .fetch_update(Ordering::Relaxed, Ordering::Relaxed, |left| {
                left.checked_sub(1)
            })
            .is_ok()
    {
        let started: Instant = Instant::now();
        let response: HttpResponse = client.get(&request_path(query, pages))?;
        run.latencies.push(started.elapsed());
        run.non_200 += usize::from(response.status != 200);
        run.bytes += response.body.len();
        query += 1;
    }
    Ok(run)
}

fn percentile_ms(sorted: &[Duration], fraction: f64) -> f64 {
    if sorted.is_empty() {
        return 0.0;
    }
    let rank: usize = ((sorted.len() as f64 * fraction).ceil() as usize).clamp(1, sorted.len());
    sorted[rank - 1].as_secs_f64() * 1000.0
}

/// Fills the store, serves it on loopback and measures `/api/events` under load.
pub fn bench_events(config: &BenchConfig) -> Result<BenchReport, ServeError> {
    let fill_started: Instant = Instant::now();
    let events_in_store: u64 = {
        let mut store: Store = Store::open(&config.db)?;
        fill_store(&mut store, config.events)?
    };
    let fill_seconds: f64 = fill_started.elapsed().as_secs_f64();
    let options: RouterOptions = RouterOptions {
        cache_bytes: if config.cache {
            RouterOptions::default().cache_bytes
        } else {
            0
        },
        ..RouterOptions::default()
    };
    let server: TestServer = TestServer::start(router_with(&config.db, options)?, 2)?;
    // Warm-up: every distinct request once (page cache, prepared statements, the cache).
    let distinct_requests: usize = QUERIES.len() * config.pages.max(1);
    let mut warm: LoopbackClient = LoopbackClient::new(server.addr)?;
    for n in 0..distinct_requests {
        warm.get(&request_path(n, config.pages))?;
    }
    let budget: Arc<AtomicUsize> = Arc::new(AtomicUsize::new(config.max_requests));
    let started: Instant = Instant::now();
    let deadline: Instant = started + config.max_duration;
    let addr: SocketAddr = server.addr;
    let handles: Vec<JoinHandle<Result<ClientRun, ServeError>>> = (0..config.clients.max(1))
        .map(|n| {
            let budget: Arc<AtomicUsize> = Arc::clone(&budget);
            let pages: usize = config.pages;
            std::thread::spawn(move || run_client(addr, n, pages, budget, deadline))
        })
        .collect();
    let mut latencies: Vec<Duration> = Vec::new();
    let (mut non_200, mut bytes): (usize, usize) = (0, 0);
    for handle in handles {
        let run: ClientRun = handle
            .join()
            .map_err(|_| ServeError::Io(std::io::Error::other("client thread panicked")))??;
        latencies.extend(run.latencies);
        non_200 += run.non_200;
        bytes += run.bytes;
    }
    let seconds: f64 = started.elapsed().as_secs_f64();
    drop(server);
    latencies.sort_unstable();
    let requests: usize = latencies.len();
    Ok(BenchReport {
        cache: config.cache,
        distinct_requests,
        events_in_store,
        fill_seconds,
        requests,
        non_200,
        seconds,
        requests_per_second: if seconds > 0.0 {
            requests as f64 / seconds
        } else {
            0.0
        },
        p50_ms: percentile_ms(&latencies, 0.50),
        p99_ms: percentile_ms(&latencies, 0.99),
        max_ms: percentile_ms(&latencies, 1.0),
        mean_response_bytes: if requests > 0 {
            bytes as f64 / requests as f64
        } else {
            0.0
        },
    })
}
