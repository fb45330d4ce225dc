//! Property: any filter text is data, never SQL or FTS syntax — queries succeed and the
//! store is unchanged.

mod common;

use annalist_store::{EventFilter, Format, Interval, Store};
use common::fixture_store;
use proptest::prelude::*;

fn any_text() -> impl Strategy<Value = Option<String>> {
    prop_oneof![
        Just(None),
        any::<String>().prop_map(Some),
        prop::sample::select(vec![
            "'",
            "\"",
            "%",
            "_",
            "*",
            "NEAR(a b)",
            "a OR b",
            "sentence:x",
            "-x",
            "^x",
            "(",
            ")",
            "'; DROP TABLE events; --",
            "\u{10FFFF}",
            "\0",
        ])
        .prop_map(|s| Some(s.to_string())),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn arbitrary_filter_text_never_breaks_a_query(
        from in any_text(), to in any_text(), country in any_text(), actor in any_text(),
        cameo_root in any_text(), cameo in any_text(), plover in any_text(),
        acled_type in any_text(), text in any_text(),
        limit in proptest::option::of(0u32..20), offset in proptest::option::of(0u64..10),
    ) {
        let store: Store = fixture_store();
        let filter = EventFilter {
            from, to, country, actor, cameo_root, cameo, plover, acled_type, text,
            bbox: None, background: None, limit, offset, sort: None,
        };
        let result = store.query_events(&filter);
        prop_assert!(result.is_ok(), "{:?}: {:?}", filter, result.err());
        prop_assert!(store.timeline(&filter, Interval::Week).is_ok());
        prop_assert!(store.network(&filter).is_ok());
        prop_assert!(store.export(&filter, Format::Gdelt, std::io::sink()).is_ok());
        let stats = store.stats();
        prop_assert!(stats.is_ok());
        prop_assert_eq!(stats.map(|s| s.events).unwrap_or(0), 4);
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn any_bounding_box_is_answered_or_refused_cleanly(
        a in prop_oneof![any::<f64>(), -200.0f64..200.0], b in prop_oneof![any::<f64>(), -100.0f64..100.0],
        c in prop_oneof![any::<f64>(), -200.0f64..200.0], d in prop_oneof![any::<f64>(), -100.0f64..100.0],
    ) {
        let store: Store = fixture_store();
        let filter = EventFilter { bbox: Some((a, b, c, d)), ..EventFilter::default() };
        match store.query_events(&filter) {
            Ok(_) | Err(annalist_store::StoreError::InvalidArgument(_)) => {}
            Err(other) => prop_assert!(false, "{:?}: {}", filter.bbox, other),
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(60))]

    /// Whatever strings the coder puts in the key fields, the record round-trips unchanged
    /// and a second ingest of the same document adds nothing.
    #[test]
    fn any_event_round_trips_and_reingests_to_nothing(
        date in any::<String>(), source in any::<String>(), cameo in any::<String>(),
        place in any::<String>(), sentence in any::<String>(), text in any::<String>(),
    ) {
        let mut store: Store = Store::open_in_memory().map_err(|e| TestCaseError::fail(e.to_string()))?;
        let event = common::event("p1", 1, serde_json::json!({
            "event_date": date, "cameo": cameo, "sentence": sentence,
            "source": {"text": source, "code": source, "country": null, "sector": null, "span": null},
            "location": common::location(&place, "UKR", 1.0, 2.0),
        }));
        let meta = common::doc("p1", "2024-01-01", "AFP", &text);
        let first = store.ingest_document(&meta, std::slice::from_ref(&event));
        prop_assert!(first.is_ok(), "{:?}", first.err());
        let again = store.ingest_document(&meta, std::slice::from_ref(&event));
        prop_assert_eq!(again.ok().map(|o| o.new), Some(false));
        let found = store.query_events(&EventFilter::default());
        prop_assert!(found.is_ok());
        let (total, events) = found.unwrap_or_default();
        prop_assert_eq!(total, 1);
        prop_assert_eq!(&events[0].event, &event);
        for format in [Format::Csv, Format::Jsonl, Format::Gdelt, Format::Plover, Format::Parquet] {
            let mut out: Vec<u8> = Vec::new();
            prop_assert!(store.export(&EventFilter::default(), format, &mut out).is_ok());
            if format == Format::Gdelt {
                let text: String = String::from_utf8_lossy(&out).into_owned();
                prop_assert_eq!(text.lines().count(), 1);
                prop_assert!(text.lines().all(|line| line.split('\t').count() == 61));
            }
        }
    }
}
