//! Ingest: round trip, exactly-once, deduplication.

mod common;

use annalist_code::Event;
use annalist_store::{
    DocumentMeta, EventFilter, EventWithMentions, IngestOutcome, Store, StoredEvent,
};
use common::{E1, E2, doc, event, fixture_documents, fixture_store, location};
use serde_json::json;
use std::error::Error;

type TestResult = Result<(), Box<dyn Error>>;

#[test]
fn round_trip_returns_the_event_record_unchanged() -> TestResult {
    let mut store: Store = Store::open_in_memory()?;
    let original: Event = event(
        "d1",
        1,
        json!({"event_date": "2024-05-01", "location": location("Kyiv", "UKR", 50.45, 30.52),
               "attribution": [{"text": "officials said", "code": "UKRGOV", "span": [50, 64]}],
               "issues": ["REFUGEES"], "injured": 4}),
    );
    let meta: DocumentMeta = doc(
        "d1",
        "2024-05-01",
        "AFP",
        "Russian troops attacked Ukrainian positions.",
    );
    let outcome: IngestOutcome = store.ingest_document(&meta, std::slice::from_ref(&original))?;
    assert_eq!(
        outcome,
        IngestOutcome {
            new: true,
            events_added: 1,
            mentions_added: 1
        }
    );
    let (total, events): (u64, Vec<StoredEvent>) = store.query_events(&EventFilter::default())?;
    assert_eq!(total, 1);
    assert_eq!(events[0].event, original);
    assert_eq!(events[0].mention_count, 1);

    let detail: EventWithMentions = store
        .event_with_mentions(events[0].id)?
        .ok_or("stored event not found")?;
    assert_eq!(detail.mentions.len(), 1);
    let mention = &detail.mentions[0];
    assert_eq!(mention.record_id, original.id);
    assert_eq!(mention.doc_id, "d1");
    assert_eq!(mention.doc_title.as_deref(), Some("Title of d1"));
    assert_eq!(mention.sentence, original.sentence);
    assert_eq!(mention.sentence_span, original.sentence_span);
    assert_eq!(mention.verb_text.as_deref(), Some("attacked"));
    assert_eq!(
        mention.verb_span,
        original.verb.as_ref().and_then(|v| v.span)
    );
    assert_eq!(
        mention.source_span,
        original.source.as_ref().and_then(|a| a.span)
    );
    assert_eq!(
        mention.target_span,
        original.target.as_ref().and_then(|a| a.span)
    );
    assert_eq!(mention.pattern, original.pattern);
    assert_eq!(mention.attribution, original.attribution);
    assert!(store.event_with_mentions(999)?.is_none());

    let stored = store.document("d1")?.ok_or("document not found")?;
    assert_eq!(stored.text, meta.text);
    assert_eq!(
        stored.content_hash,
        annalist_store::content_hash(meta.text.as_bytes())
    );
    assert_eq!(stored.ingested_at.len(), 20);
    assert!(store.document("nope")?.is_none());
    Ok(())
}

#[test]
fn reingesting_a_stored_document_adds_nothing() -> TestResult {
    let mut store: Store = fixture_store();
    let before = store.stats()?;
    for (meta, events) in fixture_documents() {
        let outcome: IngestOutcome = store.ingest_document(&meta, &events)?;
        assert_eq!(outcome, IngestOutcome::default(), "{}", meta.id);
    }
    assert_eq!(store.stats()?, before);
    assert_eq!(before.documents, 3);
    assert_eq!(before.events, 4);
    assert_eq!(before.mentions, 5);
    Ok(())
}

#[test]
fn the_same_event_in_two_documents_is_stored_once_with_two_mentions() -> TestResult {
    let store: Store = fixture_store();
    let detail: EventWithMentions = store.event_with_mentions(E1)?.ok_or("E1 missing")?;
    assert_eq!(detail.event.mention_count, 2);
    let docs: Vec<&str> = detail.mentions.iter().map(|m| m.doc_id.as_str()).collect();
    assert_eq!(docs, vec!["doc-a", "doc-b"]);
    // The stored record is the first mention's.
    assert_eq!(detail.event.event.doc_id, "doc-a");
    let e2: StoredEvent = store.event(E2)?.ok_or("E2 missing")?;
    assert_eq!(e2.mention_count, 1);
    Ok(())
}

#[test]
fn events_with_the_same_key_in_one_document_collapse() -> TestResult {
    let mut store: Store = Store::open_in_memory()?;
    let first: Event = event("d1", 1, json!({"event_date": "2024-05-01"}));
    let second: Event = event(
        "d1",
        2,
        json!({"event_date": "2024-05-01", "sentence": "Again, Russian troops attacked.", "sentence_span": [45, 76]}),
    );
    let other_day: Event = event("d1", 3, json!({"event_date": "2024-05-02"}));
    let meta: DocumentMeta = doc("d1", "2024-05-02", "AFP", "text");
    let outcome: IngestOutcome = store.ingest_document(&meta, &[first, second, other_day])?;
    assert_eq!(
        outcome,
        IngestOutcome {
            new: true,
            events_added: 2,
            mentions_added: 3
        }
    );
    let (_, events) = store.query_events(&EventFilter::default())?;
    let counts: Vec<(String, u32)> = events
        .iter()
        .map(|e| {
            (
                e.event.event_date.clone().unwrap_or_default(),
                e.mention_count,
            )
        })
        .collect();
    assert_eq!(
        counts,
        vec![("2024-05-02".to_string(), 1), ("2024-05-01".to_string(), 2)]
    );
    Ok(())
}

#[test]
fn undated_events_only_collapse_within_their_document() -> TestResult {
    let mut store: Store = Store::open_in_memory()?;
    let undated = json!({"report_date": null, "event_date": null});
    store.ingest_document(
        &doc("d1", "", "AFP", "one"),
        &[
            event("d1", 1, undated.clone()),
            event("d1", 2, undated.clone()),
        ],
    )?;
    store.ingest_document(&doc("d2", "", "AFP", "two"), &[event("d2", 1, undated)])?;
    let stats = store.stats()?;
    assert_eq!((stats.events, stats.mentions), (2, 3));
    Ok(())
}

#[test]
fn a_revised_document_adds_only_its_new_mentions() -> TestResult {
    let mut store: Store = Store::open_in_memory()?;
    let e1: Event = event("d1", 1, json!({"event_date": "2024-05-01"}));
    let e2: Event = event(
        "d1",
        2,
        json!({"event_date": "2024-05-01", "cameo": "193", "cameo_root": "19"}),
    );
    store.ingest_document(
        &doc("d1", "2024-05-01", "AFP", "first version"),
        std::slice::from_ref(&e1),
    )?;
    let outcome: IngestOutcome =
        store.ingest_document(&doc("d1", "2024-05-01", "AFP", "second version"), &[e1, e2])?;
    assert_eq!(
        outcome,
        IngestOutcome {
            new: true,
            events_added: 1,
            mentions_added: 1
        }
    );
    let stats = store.stats()?;
    assert_eq!((stats.documents, stats.events, stats.mentions), (2, 2, 2));
    Ok(())
}

#[test]
fn a_document_without_events_is_still_recorded_once() -> TestResult {
    let mut store: Store = Store::open_in_memory()?;
    let meta: DocumentMeta = doc("empty", "2024-05-01", "AFP", "Nothing happened.");
    assert!(store.ingest_document(&meta, &[])?.new);
    assert!(!store.ingest_document(&meta, &[])?.new);
    assert_eq!(store.stats()?.documents, 1);
    Ok(())
}

#[test]
fn malformed_dates_do_not_become_filterable_dates() -> TestResult {
    let mut store: Store = Store::open_in_memory()?;
    let odd: Event = event(
        "d1",
        1,
        json!({"event_date": "last Tuesday", "report_date": "2024-05-07"}),
    );
    store.ingest_document(&doc("d1", "2024-05-07", "AFP", "text"), &[odd])?;
    let filter: EventFilter = EventFilter {
        from: Some("2024-05-07".into()),
        ..EventFilter::default()
    };
    let (total, events) = store.query_events(&filter)?;
    assert_eq!(total, 1);
    // The record itself is returned exactly as coded.
    assert_eq!(events[0].event.event_date.as_deref(), Some("last Tuesday"));
    Ok(())
}

#[test]
fn a_batch_is_stored_like_single_documents() -> TestResult {
    let mut batched: Store = Store::open_in_memory()?;
    let mut batch: Vec<(DocumentMeta, Vec<Event>)> = fixture_documents();
    // The same document twice in one batch is still stored once.
    batch.push(batch[0].clone());
    let outcomes: Vec<IngestOutcome> = batched.ingest_documents(&batch)?;
    assert_eq!(
        outcomes.iter().map(|o| o.new).collect::<Vec<bool>>(),
        vec![true, true, true, false]
    );
    assert_eq!(
        outcomes[1],
        IngestOutcome {
            new: true,
            events_added: 1,
            mentions_added: 2
        }
    );
    assert_eq!(batched.stats()?, fixture_store().stats()?);
    Ok(())
}

#[test]
fn the_benchmark_hook_reports_what_it_stored() -> TestResult {
    let mut store: Store = Store::open_in_memory()?;
    let report = annalist_store::bench::bench_ingest(&mut store, 30, 6)?;
    assert_eq!(report.documents, 30);
    assert_eq!(report.mentions_added, 180);
    // Events 2 and 5 of every document after the first repeat the previous document's.
    assert_eq!(report.events_added, 180 - 29 * 2);
    assert_eq!(store.stats()?.events, report.events_added);
    let batched =
        annalist_store::bench::bench_ingest_batched(&mut Store::open_in_memory()?, 30, 6, 7)?;
    assert_eq!(
        (batched.documents, batched.events_added),
        (30, report.events_added)
    );
    Ok(())
}

#[test]
fn a_store_can_move_to_another_thread() {
    fn assert_send<T: Send>() {}
    assert_send::<Store>();
}

/// A later mention of a stored event fills in casualty counts (largest wins) and location
/// details the first mention lacked; the rest stays the first mention's.
#[test]
fn later_mentions_fill_in_casualties_and_location_details() -> TestResult {
    let mut store: Store = Store::open_in_memory()?;
    let bare_place = json!({"name": "Kharkiv", "country": null, "admin1": null, "lat": null,
                            "lon": null, "precision": null, "span": [30, 37]});
    let first: Event = event(
        "d1",
        1,
        json!({"event_date": "2024-05-01", "location": bare_place, "injured": 4}),
    );
    let fuller: Event = event(
        "d2",
        1,
        json!({"event_date": "2024-05-01", "location": location("kharkiv", "UKR", 49.99, 36.23),
               "fatalities": 5, "injured": 2, "sentence": "Five were killed in Kharkiv."}),
    );
    let later: Event = event(
        "d3",
        1,
        json!({"event_date": "2024-05-01", "location": location("Kharkiv", "RUS", 1.0, 2.0),
               "fatalities": 3, "captured": 1}),
    );
    store.ingest_document(
        &doc("d1", "2024-05-01", "AFP", "t1"),
        std::slice::from_ref(&first),
    )?;
    let before: StoredEvent = store.query_events(&EventFilter::default())?.1.remove(0);
    assert_eq!(before.event, first, "a single mention is stored as coded");
    for (id, record) in [("d2", fuller), ("d3", later)] {
        let outcome: IngestOutcome =
            store.ingest_document(&doc(id, "2024-05-02", "AP", id), &[record])?;
        assert_eq!((outcome.events_added, outcome.mentions_added), (0, 1));
    }
    let (total, events): (u64, Vec<StoredEvent>) = store.query_events(&EventFilter::default())?;
    assert_eq!(total, 1);
    let merged: &Event = &events[0].event;
    assert_eq!(events[0].mention_count, 3);
    assert_eq!(
        (merged.fatalities, merged.injured, merged.captured),
        (Some(5), Some(4), Some(1))
    );
    let place = merged.location.as_ref().ok_or("location lost")?;
    assert_eq!(place.name, "Kharkiv", "the first mention's name is kept");
    assert_eq!(
        place.country.as_deref(),
        Some("UKR"),
        "first mention with a country"
    );
    assert_eq!((place.lat, place.lon), (Some(49.99), Some(36.23)));
    assert_eq!(place.precision.as_deref(), Some("city"));
    assert_eq!(place.span, first.location.as_ref().and_then(|l| l.span));
    assert_eq!(merged.id, first.id, "otherwise the first mention's record");
    assert_eq!(merged.sentence, first.sentence);
    // The columns follow, so filters see the filled-in values.
    let by_country: EventFilter = EventFilter {
        country: Some("UKR".to_string()),
        bbox: Some((36.0, 49.0, 37.0, 50.0)),
        ..EventFilter::default()
    };
    assert_eq!(store.query_events(&by_country)?.0, 1);
    let fatalities: Option<u32> =
        store
            .connection()
            .query_row("SELECT fatalities FROM events", [], |row| row.get(0))?;
    assert_eq!(fatalities, Some(5));
    Ok(())
}
