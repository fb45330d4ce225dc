//! Filters, timeline, network and stats over the three-document fixture.

mod common;

use annalist_store::{
    ActorLevel, EventFilter, Interval, NetworkEdge, Store, StoreError, StoreStats, TimelinePoint,
    TypeKey,
};
use common::{E1, E2, E4, E5, fixture_store};
use std::error::Error;

type TestResult = Result<(), Box<dyn Error>>;

/// Store ids matching `filter`, in result order.
fn ids(store: &Store, filter: EventFilter) -> Result<Vec<i64>, StoreError> {
    let (total, events) = store.query_events(&filter)?;
    assert_eq!(
        total as usize,
        events.len(),
        "page smaller than total for {filter:?}"
    );
    Ok(events.iter().map(|e| e.id).collect())
}

fn all() -> EventFilter {
    EventFilter::default()
}

#[test]
fn default_order_is_newest_first() -> TestResult {
    let store: Store = fixture_store();
    assert_eq!(ids(&store, all())?, vec![E5, E4, E2, E1]);
    Ok(())
}

#[test]
fn date_filters_are_inclusive_and_accept_prefixes() -> TestResult {
    let store: Store = fixture_store();
    assert_eq!(
        ids(
            &store,
            EventFilter {
                from: Some("2024-03-02".into()),
                ..all()
            }
        )?,
        vec![E5, E4]
    );
    assert_eq!(
        ids(
            &store,
            EventFilter {
                to: Some("2024-03".into()),
                ..all()
            }
        )?,
        vec![E4, E2, E1]
    );
    assert_eq!(
        ids(
            &store,
            EventFilter {
                to: Some("2024-03-01".into()),
                ..all()
            }
        )?,
        vec![E2, E1]
    );
    let march_12 = EventFilter {
        from: Some("2024-03-12".into()),
        to: Some("2024-03-12".into()),
        ..all()
    };
    assert_eq!(ids(&store, march_12)?, vec![E4]);
    Ok(())
}

#[test]
fn country_and_actor_filters() -> TestResult {
    let store: Store = fixture_store();
    assert_eq!(
        ids(
            &store,
            EventFilter {
                country: Some("UKR".into()),
                ..all()
            }
        )?,
        vec![E5, E4, E1]
    );
    assert_eq!(
        ids(
            &store,
            EventFilter {
                country: Some("USA".into()),
                ..all()
            }
        )?,
        vec![E2]
    );
    assert_eq!(
        ids(
            &store,
            EventFilter {
                actor: Some("RUS".into()),
                ..all()
            }
        )?,
        vec![E5, E2, E1]
    );
    assert_eq!(
        ids(
            &store,
            EventFilter {
                actor: Some("RUSMIL".into()),
                ..all()
            }
        )?,
        vec![E5, E1]
    );
    assert_eq!(
        ids(
            &store,
            EventFilter {
                actor: Some("RUSMILX".into()),
                ..all()
            }
        )?,
        Vec::<i64>::new()
    );
    Ok(())
}

#[test]
fn type_filters() -> TestResult {
    let store: Store = fixture_store();
    assert_eq!(
        ids(
            &store,
            EventFilter {
                cameo_root: Some("19".into()),
                ..all()
            }
        )?,
        vec![E5, E1]
    );
    assert_eq!(
        ids(
            &store,
            EventFilter {
                cameo_root: Some("4".into()),
                ..all()
            }
        )?,
        vec![E4]
    );
    assert_eq!(
        ids(
            &store,
            EventFilter {
                cameo: Some("111".into()),
                ..all()
            }
        )?,
        vec![E2]
    );
    assert_eq!(
        ids(
            &store,
            EventFilter {
                plover: Some("ASSAULT".into()),
                ..all()
            }
        )?,
        vec![E5, E1]
    );
    assert_eq!(
        ids(
            &store,
            EventFilter {
                acled_type: Some("Battles".into()),
                ..all()
            }
        )?,
        vec![E5, E1]
    );
    assert_eq!(
        ids(
            &store,
            EventFilter {
                acled_type: Some("Armed clash".into()),
                ..all()
            }
        )?,
        vec![E5, E1]
    );
    assert_eq!(
        ids(
            &store,
            EventFilter {
                background: Some(true),
                ..all()
            }
        )?,
        vec![E5]
    );
    assert_eq!(
        ids(
            &store,
            EventFilter {
                background: Some(false),
                ..all()
            }
        )?,
        vec![E4, E2, E1]
    );
    Ok(())
}

#[test]
fn text_search_covers_every_mention_and_ignores_fts_syntax() -> TestResult {
    let store: Store = fixture_store();
    // "shelled" is only in doc-b's report of E1.
    assert_eq!(
        ids(
            &store,
            EventFilter {
                text: Some("shelled".into()),
                ..all()
            }
        )?,
        vec![E1]
    );
    assert_eq!(
        ids(
            &store,
            EventFilter {
                text: Some("Kharkiv".into()),
                ..all()
            }
        )?,
        vec![E1]
    );
    assert_eq!(
        ids(
            &store,
            EventFilter {
                text: Some("shelled Paris".into()),
                ..all()
            }
        )?,
        Vec::<i64>::new()
    );
    assert_eq!(
        ids(
            &store,
            EventFilter {
                text: Some("\"Washington AND".into()),
                ..all()
            }
        )?,
        Vec::<i64>::new()
    );
    assert_eq!(
        ids(
            &store,
            EventFilter {
                text: Some("washington*".into()),
                ..all()
            }
        )?,
        vec![E2]
    );
    assert_eq!(
        ids(
            &store,
            EventFilter {
                text: Some("   ".into()),
                ..all()
            }
        )?
        .len(),
        4
    );
    Ok(())
}

#[test]
fn bounding_boxes() -> TestResult {
    let store: Store = fixture_store();
    let ukraine = EventFilter {
        bbox: Some((22.0, 44.0, 41.0, 53.0)),
        ..all()
    };
    assert_eq!(ids(&store, ukraine)?, vec![E5, E1]);
    let france = EventFilter {
        bbox: Some((-5.0, 40.0, 10.0, 52.0)),
        ..all()
    };
    assert_eq!(ids(&store, france)?, vec![E4]);
    // Crossing the antimeridian: 170°E eastwards to 10°E covers Paris, not Ukraine.
    let across = EventFilter {
        bbox: Some((170.0, -90.0, 10.0, 90.0)),
        ..all()
    };
    assert_eq!(ids(&store, across)?, vec![E4]);
    let invalid = EventFilter {
        bbox: Some((0.0, 95.0, 10.0, 10.0)),
        ..all()
    };
    assert!(matches!(
        store.query_events(&invalid),
        Err(StoreError::InvalidArgument(_))
    ));
    let not_finite = EventFilter {
        bbox: Some((f64::NAN, 0.0, 10.0, 10.0)),
        ..all()
    };
    assert!(matches!(
        store.query_events(&not_finite),
        Err(StoreError::InvalidArgument(_))
    ));
    Ok(())
}

#[test]
fn paging_and_combined_filters() -> TestResult {
    let store: Store = fixture_store();
    let (total, page) = store.query_events(&EventFilter {
        limit: Some(2),
        ..all()
    })?;
    assert_eq!(total, 4);
    assert_eq!(
        page.iter().map(|e| e.id).collect::<Vec<i64>>(),
        vec![E5, E4]
    );
    let (total, page) = store.query_events(&EventFilter {
        limit: Some(2),
        offset: Some(2),
        ..all()
    })?;
    assert_eq!(total, 4);
    assert_eq!(
        page.iter().map(|e| e.id).collect::<Vec<i64>>(),
        vec![E2, E1]
    );
    let combined = EventFilter {
        actor: Some("RUS".into()),
        cameo_root: Some("19".into()),
        from: Some("2024-04".into()),
        ..all()
    };
    assert_eq!(ids(&store, combined)?, vec![E5]);
    Ok(())
}

#[test]
fn filter_values_are_bound_not_spliced() -> TestResult {
    let store: Store = fixture_store();
    let hostile = EventFilter {
        actor: Some("'; DROP TABLE events; --".into()),
        ..all()
    };
    assert_eq!(ids(&store, hostile)?, Vec::<i64>::new());
    let hostile = EventFilter {
        country: Some("x' OR '1'='1".into()),
        ..all()
    };
    assert_eq!(ids(&store, hostile)?, Vec::<i64>::new());
    assert_eq!(store.stats()?.events, 4);
    Ok(())
}

fn point(bucket: &str, kind: &str, events: u64, mentions: u64) -> TimelinePoint {
    TimelinePoint {
        bucket: bucket.into(),
        kind: kind.into(),
        events,
        mentions,
    }
}

#[test]
fn timeline_counts_by_bucket_and_type() -> TestResult {
    let store: Store = fixture_store();
    let month: Vec<TimelinePoint> = store.timeline(&all(), Interval::Month)?;
    assert_eq!(
        month,
        vec![
            point("2024-03", "04", 1, 1),
            point("2024-03", "11", 1, 1),
            point("2024-03", "19", 1, 2),
            point("2024-04", "19", 1, 1),
        ]
    );
    // 2024-03-01 and 2024-04-05 are Fridays, 2024-03-12 a Tuesday: weeks start on Monday.
    let week: Vec<TimelinePoint> = store.timeline(&all(), Interval::Week)?;
    let buckets: Vec<&str> = week.iter().map(|p| p.bucket.as_str()).collect();
    assert_eq!(
        buckets,
        vec!["2024-02-26", "2024-02-26", "2024-03-11", "2024-04-01"]
    );
    let day: Vec<TimelinePoint> = store.timeline(
        &EventFilter {
            cameo_root: Some("19".into()),
            ..all()
        },
        Interval::Day,
    )?;
    assert_eq!(
        day,
        vec![
            point("2024-03-01", "19", 1, 2),
            point("2024-04-05", "19", 1, 1)
        ]
    );
    let plover: Vec<TimelinePoint> = store.timeline_by(&all(), Interval::Month, TypeKey::Plover)?;
    assert_eq!(
        plover,
        vec![
            point("2024-03", "", 1, 1),
            point("2024-03", "ASSAULT", 1, 2),
            point("2024-03", "CONSULT", 1, 1),
            point("2024-04", "ASSAULT", 1, 1),
        ]
    );
    Ok(())
}

fn edge(source: &str, target: &str, events: u64, mentions: u64, goldstein: f64) -> NetworkEdge {
    NetworkEdge {
        source: source.into(),
        target: target.into(),
        events,
        mentions,
        mean_goldstein: Some(goldstein),
    }
}

#[test]
fn network_edges_with_counts_and_mean_goldstein() -> TestResult {
    let store: Store = fixture_store();
    let edges: Vec<NetworkEdge> = store.network(&all())?;
    assert_eq!(
        edges,
        vec![
            edge("RUSMIL", "UKRMIL", 2, 3, -10.0),
            edge("FRAGOV", "UKRGOV", 1, 1, f64::from(1.9_f32)),
            edge("USAGOV", "RUSGOV", 1, 1, -2.0),
        ]
    );
    let countries: Vec<NetworkEdge> = store.network_by(
        &EventFilter {
            limit: Some(2),
            ..all()
        },
        ActorLevel::Country,
    )?;
    assert_eq!(
        countries,
        vec![
            edge("RUS", "UKR", 2, 3, -10.0),
            edge("FRA", "UKR", 1, 1, f64::from(1.9_f32))
        ]
    );
    let march: Vec<NetworkEdge> = store.network(&EventFilter {
        to: Some("2024-03-01".into()),
        ..all()
    })?;
    assert_eq!(march.len(), 2);
    assert_eq!(march[0].events, 1);
    Ok(())
}

#[test]
fn stats_summarise_the_store() -> TestResult {
    let store: Store = fixture_store();
    let stats: StoreStats = store.stats()?;
    assert_eq!(stats.schema_version, annalist_store::schema::SCHEMA_VERSION);
    assert_eq!((stats.documents, stats.events, stats.mentions), (3, 4, 5));
    assert_eq!(stats.events_with_location, 3);
    assert_eq!(stats.first_date.as_deref(), Some("2024-03-01"));
    assert_eq!(stats.last_date.as_deref(), Some("2024-04-05"));
    assert_eq!(
        stats.events_by_root,
        vec![
            ("04".to_string(), 1),
            ("11".to_string(), 1),
            ("19".to_string(), 2)
        ]
    );
    Ok(())
}

#[test]
fn filters_deserialise_from_json_with_defaults() -> TestResult {
    let filter: EventFilter =
        serde_json::from_str(r#"{"actor": "RUS", "bbox": [22, 44, 41, 53]}"#)?;
    assert_eq!(filter.actor.as_deref(), Some("RUS"));
    assert_eq!(filter.bbox, Some((22.0, 44.0, 41.0, 53.0)));
    assert_eq!(filter.limit, None);
    let store: Store = fixture_store();
    assert_eq!(ids(&store, filter)?, vec![E5, E1]);
    Ok(())
}

#[test]
fn sort_orders() -> TestResult {
    use annalist_store::SortOrder;
    let store: Store = fixture_store();
    let sorted = |sort: SortOrder| {
        ids(
            &store,
            EventFilter {
                sort: Some(sort),
                ..all()
            },
        )
    };
    assert_eq!(sorted(SortOrder::Newest)?, vec![E5, E4, E2, E1]);
    assert_eq!(sorted(SortOrder::Oldest)?, vec![E1, E2, E4, E5]);
    assert_eq!(sorted(SortOrder::MostMentioned)?, vec![E1, E5, E4, E2]);
    let parsed: EventFilter = serde_json::from_str(r#"{"sort": "most_mentioned"}"#)?;
    assert_eq!(parsed.sort, Some(SortOrder::MostMentioned));
    Ok(())
}
