//! Ingesting one coded document: exactly once, deduplicated, in one transaction.

use crate::dedup::{dedup_key, effective_date};
use crate::error::Result;
use crate::hash::content_hash;
use crate::store::Store;
use crate::time::utc_now_rfc3339;
use annalist_code::{Acled, Actor, Event, Location, PatternRef, Plover};
use annalist_text::Span;
use rusqlite::{OptionalExtension, Transaction, TransactionBehavior, params};
use serde::{Deserialize, Serialize};

/// The document an event batch came from. Identity is `id` + a hash of `text`: the same id
/// with the same text is the same document; the same id with new text is a new revision.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DocumentMeta {
    pub id: String,
    pub title: Option<String>,
    /// Publication date, `YYYY-MM-DD` when known.
    pub date: Option<String>,
    pub url: Option<String>,
    /// The outlet ("AFP", "bbc.co.uk").
    pub source: Option<String>,
    /// Where annalist read it (file path, feed URL, WARC record).
    pub origin: Option<String>,
    /// The full document text that the events' spans point into.
    pub text: String,
}

/// What one `ingest_document` call changed.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct IngestOutcome {
    /// False when this document (same id and content hash) was already stored: nothing changed.
    pub new: bool,
    /// Events stored for the first time (the rest were merged into known events).
    pub events_added: u64,
    /// Mentions stored (one per coded event record not seen before).
    pub mentions_added: u64,
}

impl Store {
    /// Stores `meta` and its coded `events` in one transaction: either all of it is stored or
    /// none of it. Re-ingesting a stored document (same id and text) changes nothing, so a
    /// crashed run can simply be rerun.
    pub fn ingest_document(
        &mut self,
        meta: &DocumentMeta,
        events: &[Event],
    ) -> Result<IngestOutcome> {
        // IMMEDIATE takes the write lock up front, so a concurrent writer waits (busy
        // timeout) instead of failing half-way with SQLITE_BUSY on lock upgrade.
        let tx: Transaction<'_> = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let outcome: IngestOutcome = write_document(&tx, meta, events, &utc_now_rfc3339())?;
        tx.commit()?;
        Ok(outcome)
    }
}

impl Store {
    /// Stores several documents in one transaction (bulk loads: the shared index pages are
    /// written once per batch instead of once per document). Each document is still stored
    /// whole or not at all, and exactly once; a crash loses the whole uncommitted batch,
    /// which a rerun stores again. Outcomes are in input order.
    pub fn ingest_documents(
        &mut self,
        batch: &[(DocumentMeta, Vec<Event>)],
    ) -> Result<Vec<IngestOutcome>> {
        let tx: Transaction<'_> = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let now: String = utc_now_rfc3339();
        let outcomes: Vec<IngestOutcome> = batch
            .iter()
            .map(|(meta, events)| write_document(&tx, meta, events, &now))
            .collect::<Result<Vec<IngestOutcome>>>()?;
        tx.commit()?;
        Ok(outcomes)
    }
}

/// All writes of one document, inside the caller's transaction.
pub(crate) fn write_document(
    tx: &Transaction<'_>,
    meta: &DocumentMeta,
    events: &[Event],
    now: &str,
) -> Result<IngestOutcome> {
    let hash: String = content_hash(meta.text.as_bytes());
    let inserted: usize = tx
        .prepare_cached(
            "INSERT INTO documents (id, content_hash, title, date, url, source, origin, text, ingested_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)
             ON CONFLICT (id, content_hash) DO NOTHING",
        )?
        .execute(params![
            meta.id, hash, meta.title, meta.date, meta.url, meta.source, meta.origin, meta.text, now
        ])?;
    if inserted == 0 {
        return Ok(IngestOutcome::default());
    }
    let doc_pk: i64 = tx.last_insert_rowid();
    let mut outcome: IngestOutcome = IngestOutcome {
        new: true,
        ..IngestOutcome::default()
    };
    for event in events {
        if mention_exists(tx, &meta.id, &event.id)? {
            // The same coded record (e.g. an unchanged sentence in a document revision).
            continue;
        }
        let key: String = dedup_key(event, &meta.id)?;
        let event_pk: i64 = match find_event(tx, &key)? {
            Some(pk) => {
                merge_details(tx, pk, event)?;
                pk
            }
            None => {
                outcome.events_added += 1;
                insert_event(tx, event, &key, now)?
            }
        };
        insert_mention(tx, event, event_pk, doc_pk, &meta.id)?;
        outcome.mentions_added += 1;
    }
    Ok(outcome)
}

/// Whether document `doc_id` (any revision) already has the coded record `record_id`.
/// Record ids are 64-bit hashes; scoping them to the document makes collisions negligible.
fn mention_exists(tx: &Transaction<'_>, doc_id: &str, record_id: &str) -> Result<bool> {
    let found: Option<i64> = tx
        .prepare_cached("SELECT 1 FROM mentions WHERE doc_id = ?1 AND record_id = ?2")?
        .query_row([doc_id, record_id], |row| row.get(0))
        .optional()?;
    Ok(found.is_some())
}

fn find_event(tx: &Transaction<'_>, key: &str) -> Result<Option<i64>> {
    let found: Option<i64> = tx
        .prepare_cached("SELECT id FROM events WHERE dedup_key = ?1")?
        .query_row([key], |row| row.get(0))
        .optional()?;
    Ok(found)
}

/// Fills in what a later mention of stored event `event_pk` adds (rule in [`fill_details`]):
/// the columns and `first_json` are rewritten only when something changes.
fn merge_details(tx: &Transaction<'_>, event_pk: i64, incoming: &Event) -> Result<()> {
    let brings_details: bool = incoming.fatalities.is_some()
        || incoming.injured.is_some()
        || incoming.captured.is_some()
        || incoming.location.is_some();
    if !brings_details {
        return Ok(());
    }
    let json: String = tx
        .prepare_cached("SELECT first_json FROM events WHERE id = ?1")?
        .query_row([event_pk], |row| row.get(0))?;
    let mut stored: Event = serde_json::from_str(&json)?;
    if !fill_details(&mut stored, incoming) {
        return Ok(());
    }
    let location: Option<&Location> = stored.location.as_ref();
    tx.prepare_cached(
        "UPDATE events SET fatalities = ?2, injured = ?3, captured = ?4, location_name = ?5,
            location_country = ?6, location_admin1 = ?7, location_lat = ?8, location_lon = ?9,
            location_precision = ?10, first_json = ?11
         WHERE id = ?1",
    )?
    .execute(params![
        event_pk,
        stored.fatalities,
        stored.injured,
        stored.captured,
        location.map(|l| l.name.as_str()),
        location.and_then(|l| l.country.as_deref()),
        location.and_then(|l| l.admin1.as_deref()),
        location.and_then(|l| l.lat),
        location.and_then(|l| l.lon),
        location.and_then(|l| l.precision.as_deref()),
        serde_json::to_string(&stored)?,
    ])?;
    Ok(())
}

/// The larger of two counts; a missing count is unknown, not zero.
fn max_count(stored: Option<u32>, incoming: Option<u32>) -> Option<u32> {
    match (stored, incoming) {
        (Some(a), Some(b)) => Some(a.max(b)),
        (a, b) => a.or(b),
    }
}

/// The merge rule for a later mention of a stored event (docs/STORE.md, "Later mentions"):
/// - casualty counts (`fatalities`, `injured`, `captured`) become the largest reported
///   value: tolls rise as reports come in, and a mention without a count says nothing;
/// - location details the stored record lacks come from the first mention that has them:
///   `country`, `admin1`, the coordinates (as a pair, with that mention's `precision`),
///   else `precision`. A stored location is never overwritten, and its span is kept; a
///   location adopted whole (both names empty, so the dedup key agreed) has no span, since
///   spans point into the first mention's document.
///
/// Everything else stays the first mention's. Returns whether `stored` changed.
pub(crate) fn fill_details(stored: &mut Event, incoming: &Event) -> bool {
    let before: (Option<u32>, Option<u32>, Option<u32>, Option<Location>) = (
        stored.fatalities,
        stored.injured,
        stored.captured,
        stored.location.clone(),
    );
    stored.fatalities = max_count(stored.fatalities, incoming.fatalities);
    stored.injured = max_count(stored.injured, incoming.injured);
    stored.captured = max_count(stored.captured, incoming.captured);
    match (stored.location.as_mut(), incoming.location.as_ref()) {
        (Some(have), Some(new)) => {
            if have.country.is_none() {
                have.country.clone_from(&new.country);
            }
            if have.admin1.is_none() {
                have.admin1.clone_from(&new.admin1);
            }
            let have_point: bool = have.lat.is_some() && have.lon.is_some();
            let new_point: bool = new.lat.is_some() && new.lon.is_some();
            if !have_point && new_point {
                have.lat = new.lat;
                have.lon = new.lon;
                if new.precision.is_some() {
                    have.precision.clone_from(&new.precision);
                }
            }
            if have.precision.is_none() {
                have.precision.clone_from(&new.precision);
            }
        }
        (None, Some(new)) => {
            stored.location = Some(Location {
                span: None,
                ..new.clone()
            });
        }
        _ => {}
    }
    before
        != (
            stored.fatalities,
            stored.injured,
            stored.captured,
            stored.location.clone(),
        )
}

fn insert_event(tx: &Transaction<'_>, event: &Event, key: &str, now: &str) -> Result<i64> {
    let json: String = serde_json::to_string(event)?;
    let source: Option<&Actor> = event.source.as_ref();
    let target: Option<&Actor> = event.target.as_ref();
    let location: Option<&Location> = event.location.as_ref();
    let plover: Option<&Plover> = event.plover.as_ref();
    let acled: Option<&Acled> = event.acled.as_ref();
    tx.prepare_cached(
        "INSERT INTO events (
            dedup_key, date, event_date, report_date, cameo, cameo_root, cameo_name,
            goldstein, quad_class, penta_class, plover_event, plover_mode,
            acled_event_type, acled_sub_event_type,
            source_code, source_country, source_sector, source_text,
            target_code, target_country, target_sector, target_text,
            fatalities, injured, captured,
            location_name, location_country, location_admin1, location_lat, location_lon,
            location_precision, background, first_json, first_seen, mention_count)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17,
                 ?18, ?19, ?20, ?21, ?22, ?23, ?24, ?25, ?26, ?27, ?28, ?29, ?30, ?31, ?32,
                 ?33, ?34, 0)",
    )?
    .execute(params![
        key,
        effective_date(event),
        event.event_date,
        event.report_date,
        event.cameo,
        event.cameo_root,
        event.cameo_name,
        event.goldstein.map(f64::from),
        event.quad_class,
        event.penta_class,
        plover.map(|p| p.event.as_ref()),
        plover.and_then(|p| p.mode.as_deref()),
        acled.map(|a| a.event_type.as_ref()),
        acled.map(|a| a.sub_event_type.as_ref()),
        source.and_then(|a| a.code.as_deref()),
        source.and_then(|a| a.country.as_deref()),
        source.and_then(|a| a.sector.as_deref()),
        source.map(|a| a.text.as_str()),
        target.and_then(|a| a.code.as_deref()),
        target.and_then(|a| a.country.as_deref()),
        target.and_then(|a| a.sector.as_deref()),
        target.map(|a| a.text.as_str()),
        event.fatalities,
        event.injured,
        event.captured,
        location.map(|l| l.name.as_str()),
        location.and_then(|l| l.country.as_deref()),
        location.and_then(|l| l.admin1.as_deref()),
        location.and_then(|l| l.lat),
        location.and_then(|l| l.lon),
        location.and_then(|l| l.precision.as_deref()),
        event.background,
        json,
        now,
    ])?;
    Ok(tx.last_insert_rowid())
}

fn span_start(span: Option<Span>) -> Option<u32> {
    span.map(|s| s.start)
}

fn span_end(span: Option<Span>) -> Option<u32> {
    span.map(|s| s.end)
}

fn insert_mention(
    tx: &Transaction<'_>,
    event: &Event,
    event_pk: i64,
    doc_pk: i64,
    doc_id: &str,
) -> Result<()> {
    let attribution: String = serde_json::to_string(&event.attribution)?;
    let verb_span: Option<Span> = event.verb.as_ref().and_then(|v| v.span);
    let source_span: Option<Span> = event.source.as_ref().and_then(|a| a.span);
    let target_span: Option<Span> = event.target.as_ref().and_then(|a| a.span);
    let pattern: Option<&PatternRef> = event.pattern.as_ref();
    tx.prepare_cached(
        "INSERT INTO mentions (
            event_id, doc_pk, doc_id, record_id, sentence_id, sentence, sentence_start, sentence_end,
            verb_text, verb_start, verb_end, source_start, source_end, target_start, target_end,
            pattern_file, pattern_line, pattern_text, attribution)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18,
                 ?19)",
    )?
    .execute(params![
        event_pk,
        doc_pk,
        doc_id,
        event.id,
        event.sentence_id,
        event.sentence,
        span_start(event.sentence_span),
        span_end(event.sentence_span),
        event.verb.as_ref().map(|v| v.text.as_str()),
        span_start(verb_span),
        span_end(verb_span),
        span_start(source_span),
        span_end(source_span),
        span_start(target_span),
        span_end(target_span),
        pattern.map(|p| p.file.as_str()),
        pattern.map(|p| p.line),
        pattern.map(|p| p.text.as_str()),
        attribution,
    ])?;
    let mention_pk: i64 = tx.last_insert_rowid();
    tx.prepare_cached("INSERT INTO mentions_fts (rowid, sentence) VALUES (?1, ?2)")?
        .execute(params![mention_pk, event.sentence])?;
    tx.prepare_cached("UPDATE events SET mention_count = mention_count + 1 WHERE id = ?1")?
        .execute([event_pk])?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::{DocumentMeta, write_document};
    use crate::store::Store;
    use rusqlite::Transaction;
    use std::error::Error;

    /// An ingest whose transaction is dropped before commit (what a crash amounts to) leaves
    /// no trace, and the rerun stores the document exactly once.
    #[test]
    fn an_uncommitted_ingest_leaves_nothing_behind() -> Result<(), Box<dyn Error>> {
        let dir = tempfile::tempdir()?;
        let path = dir.path().join("tx.sqlite");
        let (meta, events): (DocumentMeta, _) = crate::bench::synthetic_document(7, 5)?;
        {
            let mut store: Store = Store::open(&path)?;
            let tx: Transaction<'_> = store.conn.transaction()?;
            let outcome = write_document(&tx, &meta, &events, "2026-01-01T00:00:00Z")?;
            assert_eq!(outcome.mentions_added, 5);
            drop(tx); // rollback, as if the process died here
        }
        let mut store: Store = Store::open(&path)?;
        let stats = store.stats()?;
        assert_eq!((stats.documents, stats.events, stats.mentions), (0, 0, 0));
        assert!(store.ingest_document(&meta, &events)?.new);
        assert!(!store.ingest_document(&meta, &events)?.new);
        let stats = store.stats()?;
        assert_eq!((stats.documents, stats.mentions), (1, 5));
        Ok(())
    }
}
