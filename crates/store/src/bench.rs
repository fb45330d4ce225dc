//! Benchmark hook: ingest synthetic documents and report the rate (for `annalist bench`).

use crate::error::Result;
use crate::ingest::{DocumentMeta, IngestOutcome};
use crate::store::Store;
use annalist_code::Event;
use serde::{Deserialize, Serialize};
use serde_json::json;
use std::time::{Duration, Instant};

/// Actor codes the synthetic events draw from.
const ACTORS: [(&str, &str, &str); 6] = [
    ("RUSGOV", "RUS", "GOV"),
    ("UKRMIL", "UKR", "MIL"),
    ("USAGOV", "USA", "GOV"),
    ("FRAGOV", "FRA", "GOV"),
    ("SYRREB", "SYR", "REB"),
    ("ISRMIL", "ISR", "MIL"),
];
const CAMEO: [(&str, &str, f32, u8, &str); 5] = [
    ("190", "19", -10.0, 4, "ASSAULT"),
    ("042", "04", 1.9, 1, "CONSULT"),
    ("111", "11", -2.0, 3, "ACCUSE"),
    ("0874", "08", 10.0, 2, "RETREAT"),
    ("173", "17", -5.0, 4, "COERCE"),
];

/// A deterministic synthetic document with `events_per_doc` events. Every third event repeats
/// one of the previous document's events (same date, actors, code and place), so about a third
/// of the mentions merge into known events and the rest are new.
pub fn synthetic_document(
    index: usize,
    events_per_doc: usize,
) -> Result<(DocumentMeta, Vec<Event>)> {
    let doc_id: String = format!("bench-{index:08}");
    let report_date: String = synthetic_date(index);
    let mut text: String = String::new();
    let mut events: Vec<Event> = Vec::with_capacity(events_per_doc);
    for n in 0..events_per_doc {
        let repeat: bool = n % 3 == 2 && index > 0;
        // A repeat copies the previous document's event n - 1 (itself never a repeat).
        let (origin, m): (usize, usize) = if repeat {
            (index - 1, n - 1)
        } else {
            (index, n)
        };
        let seed: usize = origin * 7 + m;
        let (source_code, source_country, source_sector) = ACTORS[seed % ACTORS.len()];
        let (target_code, target_country, target_sector) = ACTORS[(seed / 6 + 1) % ACTORS.len()];
        let (cameo, root, goldstein, quad, plover) = CAMEO[(seed / 36) % CAMEO.len()];
        let place: String = format!("Place {origin}-{m}");
        let sentence: String = format!(
            "Sentence {n} of {doc_id}: {source_code} forces acted against {target_code} near {place}. "
        );
        let start: usize = text.len();
        text.push_str(&sentence);
        let trimmed: &str = sentence.trim_end();
        let value: serde_json::Value = json!({
            "id": format!("{doc_id}-{n}"),
            "doc_id": doc_id,
            "sentence_id": n.to_string(),
            "report_date": report_date,
            "event_date": synthetic_date(origin),
            "source": {"text": source_code, "code": source_code, "country": source_country,
                       "sector": source_sector, "span": [start, start + 6]},
            "target": {"text": target_code, "code": target_code, "country": target_country,
                       "sector": target_sector, "span": null},
            "cameo": cameo, "cameo_root": root, "cameo_name": null,
            "goldstein": goldstein, "quad_class": quad, "penta_class": null,
            "plover": {"event": plover, "mode": null},
            "acled": null, "fatalities": null, "injured": null, "captured": null,
            "location": {"name": place, "country": target_country, "admin1": null,
                         "lat": 30.0 + (seed % 200) as f64 / 10.0, "lon": 20.0 + (seed % 300) as f64 / 10.0,
                         "precision": "city", "span": null},
            "attribution": [],
            "verb": {"text": "acted", "span": null},
            "sentence": trimmed,
            "sentence_span": [start, start + trimmed.len()],
            "pattern": {"file": "bench.verbs", "line": 1, "text": "ACT AGAINST"},
            "background": false,
        });
        events.push(serde_json::from_value(value)?);
    }
    let meta: DocumentMeta = DocumentMeta {
        id: doc_id,
        title: Some(format!("Synthetic report {index}")),
        date: Some(report_date),
        url: Some(format!("https://example.invalid/{index}")),
        source: Some(["AFP", "Reuters", "AP"][index % 3].to_string()),
        origin: Some("synthetic".to_string()),
        text,
    };
    Ok((meta, events))
}

/// A date in 2024 that moves one day per document.
fn synthetic_date(index: usize) -> String {
    let month: usize = 1 + (index / 28) % 12;
    let day: usize = 1 + index % 28;
    format!("2024-{month:02}-{day:02}")
}

/// What a benchmark run measured.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct BenchReport {
    pub documents: u64,
    pub events_added: u64,
    pub mentions_added: u64,
    pub seconds: f64,
    pub documents_per_second: f64,
    pub mentions_per_second: f64,
}

/// Ingests `documents` synthetic documents of `events_per_doc` events each into `store`
/// (one transaction per document, as in production) and times only the ingest.
pub fn bench_ingest(
    store: &mut Store,
    documents: usize,
    events_per_doc: usize,
) -> Result<BenchReport> {
    bench_ingest_batched(store, documents, events_per_doc, 1)
}

/// As [`bench_ingest`], committing `batch` documents per transaction
/// ([`Store::ingest_documents`]; `batch` 1 uses [`Store::ingest_document`]).
pub fn bench_ingest_batched(
    store: &mut Store,
    documents: usize,
    events_per_doc: usize,
    batch: usize,
) -> Result<BenchReport> {
    let inputs: Vec<(DocumentMeta, Vec<Event>)> = (0..documents)
        .map(|i| synthetic_document(i, events_per_doc))
        .collect::<Result<Vec<(DocumentMeta, Vec<Event>)>>>()?;
    let started: Instant = Instant::now();
    let mut report: BenchReport = BenchReport {
        documents: 0,
        events_added: 0,
        mentions_added: 0,
        seconds: 0.0,
        documents_per_second: 0.0,
        mentions_per_second: 0.0,
    };
    let mut outcomes: Vec<IngestOutcome> = Vec::with_capacity(inputs.len());
    if batch <= 1 {
        for (meta, events) in &inputs {
            outcomes.push(store.ingest_document(meta, events)?);
        }
    } else {
        for chunk in inputs.chunks(batch) {
            outcomes.extend(store.ingest_documents(chunk)?);
        }
    }
    for outcome in outcomes {
        report.documents += u64::from(outcome.new);
        report.events_added += outcome.events_added;
        report.mentions_added += outcome.mentions_added;
    }
    let elapsed: Duration = started.elapsed();
    report.seconds = elapsed.as_secs_f64();
    if report.seconds > 0.0 {
        report.documents_per_second = report.documents as f64 / report.seconds;
        report.mentions_per_second = report.mentions_added as f64 / report.seconds;
    }
    Ok(report)
}
