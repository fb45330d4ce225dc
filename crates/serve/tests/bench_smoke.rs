//! The load benchmark runs end to end on a small store (numbers are not checked here; see
//! docs/SERVE.md for the 100 000-event run).

use annalist_serve::bench::{BenchConfig, BenchReport, bench_events};
use std::time::Duration;

#[test]
fn bench_runs_on_a_small_store() -> Result<(), Box<dyn std::error::Error>> {
    let scratch: tempfile::TempDir = tempfile::tempdir()?;
    for cache in [true, false] {
        let config: BenchConfig = BenchConfig {
            db: scratch.path().join("bench.sqlite"),
            events: 2_000,
            clients: 2,
            max_requests: 120,
            max_duration: Duration::from_secs(20),
            cache,
            pages: 2,
        };
        let report: BenchReport = bench_events(&config)?;
        assert!(report.events_in_store >= 2_000);
        assert_eq!(report.requests, 120);
        assert_eq!(report.non_200, 0);
        assert!(report.p99_ms >= report.p50_ms);
        assert!(report.mean_response_bytes > 100.0);
    }
    Ok(())
}
