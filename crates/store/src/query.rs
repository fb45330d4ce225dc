//! Reading events back: filtered pages and one event with all its mentions.

use crate::error::Result;
use crate::filter::{EventFilter, SortOrder, WhereClause, where_clause};
use crate::store::Store;
use crate::totals::{self, Stamp};
use annalist_code::{Attribution, Event, PatternRef};
use annalist_text::Span;
use rusqlite::types::Value;
use rusqlite::{CachedStatement, OptionalExtension, Row, params_from_iter};
use serde::{Deserialize, Serialize};

/// Page size when the filter gives none.
pub const DEFAULT_LIMIT: u32 = 100;
/// Largest page `query_events` returns.
pub const MAX_LIMIT: u32 = 10_000;

/// A stored (deduplicated) event: the record of its first mention, its store id and how
/// many coded mentions it has.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StoredEvent {
    /// Store id: stable for the life of the file.
    pub id: i64,
    pub mention_count: u32,
    /// The event record as first coded (its `id` is that mention's record id).
    pub event: Event,
}

/// One report of a stored event: where it was found and why it was coded.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Mention {
    /// The coded record's id (`Event::id`).
    pub record_id: String,
    pub doc_id: String,
    pub doc_title: Option<String>,
    pub doc_date: Option<String>,
    pub doc_url: Option<String>,
    pub doc_source: Option<String>,
    pub sentence_id: String,
    pub sentence: String,
    pub sentence_span: Option<Span>,
    pub verb_text: Option<String>,
    pub verb_span: Option<Span>,
    pub source_span: Option<Span>,
    pub target_span: Option<Span>,
    pub pattern: Option<PatternRef>,
    pub attribution: Vec<Attribution>,
}

/// A stored event with every mention, in ingest order.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EventWithMentions {
    pub event: StoredEvent,
    pub mentions: Vec<Mention>,
}

/// Columns [`stored_event_from_row`] reads, in order.
pub(crate) const STORED_EVENT_COLUMNS: &str = "e.id, e.mention_count, e.first_json";

pub(crate) fn stored_event_from_row(row: &Row<'_>) -> rusqlite::Result<StoredEvent> {
    let id: i64 = row.get(0)?;
    let mention_count: u32 = row.get(1)?;
    let json: String = row.get(2)?;
    let event: Event = serde_json::from_str(&json).map_err(|e| {
        rusqlite::Error::FromSqlConversionFailure(2, rusqlite::types::Type::Text, Box::new(e))
    })?;
    Ok(StoredEvent {
        id,
        mention_count,
        event,
    })
}

fn span(row: &Row<'_>, start: usize, end: usize) -> rusqlite::Result<Option<Span>> {
    let start: Option<u32> = row.get(start)?;
    let end: Option<u32> = row.get(end)?;
    Ok(match (start, end) {
        (Some(s), Some(e)) => Span::new(s, e),
        _ => None,
    })
}

fn mention_from_row(row: &Row<'_>) -> rusqlite::Result<Mention> {
    let pattern_file: Option<String> = row.get(15)?;
    let pattern_line: Option<u32> = row.get(16)?;
    let pattern_text: Option<String> = row.get(17)?;
    let pattern: Option<PatternRef> = match (pattern_file, pattern_line, pattern_text) {
        (Some(file), Some(line), Some(text)) => Some(PatternRef { file, line, text }),
        _ => None,
    };
    let attribution_json: String = row.get(18)?;
    let attribution: Vec<Attribution> = serde_json::from_str(&attribution_json).map_err(|e| {
        rusqlite::Error::FromSqlConversionFailure(18, rusqlite::types::Type::Text, Box::new(e))
    })?;
    Ok(Mention {
        record_id: row.get(0)?,
        doc_id: row.get(1)?,
        doc_title: row.get(2)?,
        doc_date: row.get(3)?,
        doc_url: row.get(4)?,
        doc_source: row.get(5)?,
        sentence_id: row.get(6)?,
        sentence: row.get(7)?,
        sentence_span: span(row, 8, 9)?,
        verb_text: row.get(10)?,
        verb_span: span(row, 11, 12)?,
        source_span: span(row, 13, 14)?,
        target_span: span(row, 19, 20)?,
        pattern,
        attribution,
    })
}

/// How `query_events` reads one page of matches.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum PagePlan {
    /// Walk `events_date` in the requested order, testing each event against the filter,
    /// until the page is full: about `(offset + limit) × events in the date range / matches`
    /// rows. Right for broad filters, whatever their indexes (an OR over three country
    /// columns can only be read through its indexes in rowid order, then sorted).
    DateWalk,
    /// Let SQLite pick the filter's own index: a `(column, date)` index yields an equality
    /// filter's matches already in date order; otherwise every match is read and sorted
    /// (only ids and sort keys; the records of the page are read after). Right for
    /// selective filters.
    FilterIndex,
}

/// The filter's conditions only (no page, no order): the key of its total.
fn conditions(filter: &EventFilter) -> EventFilter {
    EventFilter {
        limit: None,
        offset: None,
        sort: None,
        ..filter.clone()
    }
}

impl Store {
    /// One page of events matching `filter` in `filter.sort` order (default newest first,
    /// undated last), and the total number of matches.
    ///
    /// The total is counted once per filter and remembered on this connection until the
    /// file changes (any commit, by any connection); the page is read by the cheaper of two
    /// plans ([`PagePlan`]), chosen from that total.
    pub fn query_events(&self, filter: &EventFilter) -> Result<(u64, Vec<StoredEvent>)> {
        let total: u64 = self.count_matches(filter)?;
        let plan: PagePlan = self.page_plan(filter, total)?;
        let events: Vec<StoredEvent> = self.page(filter, plan)?;
        Ok((total, events))
    }

    /// The exact number of events matching `filter`'s conditions (memoised per file state).
    pub(crate) fn count_matches(&self, filter: &EventFilter) -> Result<u64> {
        let conditions: EventFilter = conditions(filter);
        let key: String = serde_json::to_string(&conditions)?;
        let stamp: Stamp = totals::stamp(&self.conn)?;
        if let Some(total) = self.totals.borrow_mut().get(stamp, &key) {
            return Ok(total);
        }
        let clause: WhereClause = where_clause(&conditions)?;
        let total: u64 = self
            .conn
            .prepare_cached(&format!(
                "SELECT count(*) FROM events e WHERE {}",
                clause.sql
            ))?
            .query_row(params_from_iter(clause.params.iter()), |row| row.get(0))?;
        self.totals.borrow_mut().put(stamp, key, total);
        Ok(total)
    }

    /// Picks the plan that reads fewer rows for this page, given the filter's `matches`.
    pub(crate) fn page_plan(&self, filter: &EventFilter, matches: u64) -> Result<PagePlan> {
        let sort: SortOrder = filter.sort.unwrap_or_default();
        let dates_only: EventFilter = EventFilter {
            from: filter.from.clone(),
            to: filter.to.clone(),
            ..EventFilter::default()
        };
        // No index is in mention order; with dates only, SQLite walks events_date anyway.
        if sort == SortOrder::MostMentioned || matches == 0 || conditions(filter) == dates_only {
            return Ok(PagePlan::FilterIndex);
        }
        let wanted: u128 = u128::from(filter.offset.unwrap_or(0)) + u128::from(page_size(filter));
        if u128::from(matches) <= wanted {
            // The walk would read the whole range to find them all.
            return Ok(PagePlan::FilterIndex);
        }
        let in_range: u64 = if dates_only == EventFilter::default() {
            // Every event: ids are never reused or deleted, so the largest is the count
            // (near enough for a cost estimate) at the price of one B-tree descent.
            self.conn
                .prepare_cached("SELECT coalesce(max(id), 0) FROM events")?
                .query_row([], |row| row.get(0))?
        } else {
            self.count_matches(&dates_only)?
        };
        // Rows the walk reads (matches spread evenly over the range) vs. matches to sort.
        let walked: u128 = wanted * u128::from(in_range) / u128::from(matches);
        Ok(if walked < u128::from(matches) {
            PagePlan::DateWalk
        } else {
            PagePlan::FilterIndex
        })
    }

    /// One page of `filter` read with `plan`. The subquery finds the page's ids in order
    /// (reading only keys and the filtered columns); the records are read for those alone.
    pub(crate) fn page(&self, filter: &EventFilter, plan: PagePlan) -> Result<Vec<StoredEvent>> {
        let sql: String = page_sql(filter, plan)?;
        let clause: WhereClause = where_clause(filter)?;
        let offset: i64 = i64::try_from(filter.offset.unwrap_or(0)).unwrap_or(i64::MAX);
        let mut params: Vec<Value> = clause.params;
        params.push(Value::Integer(i64::from(page_size(filter))));
        params.push(Value::Integer(offset));
        let mut stmt: CachedStatement<'_> = self.conn.prepare_cached(&sql)?;
        let events: Vec<StoredEvent> = stmt
            .query_map(params_from_iter(params.iter()), stored_event_from_row)?
            .collect::<rusqlite::Result<Vec<StoredEvent>>>()?;
        Ok(events)
    }
}

/// The page statement of `filter` under `plan`; its parameters are the filter's, then
/// `LIMIT` and `OFFSET`.
fn page_sql(filter: &EventFilter, plan: PagePlan) -> Result<String> {
    let clause: WhereClause = where_clause(filter)?;
    let sort: SortOrder = filter.sort.unwrap_or_default();
    let index: &str = match plan {
        PagePlan::DateWalk => "INDEXED BY events_date",
        PagePlan::FilterIndex => "",
    };
    Ok(format!(
        "SELECT {STORED_EVENT_COLUMNS}
         FROM (SELECT e.id AS id, e.date AS date, e.mention_count AS mention_count
               FROM events e {index} WHERE {}
               ORDER BY {} LIMIT ? OFFSET ?) p
         CROSS JOIN events e ON e.id = p.id
         ORDER BY {}",
        clause.sql,
        sort.order_by("e"),
        sort.order_by("p"),
    ))
}

/// Page size: `filter.limit`, else [`DEFAULT_LIMIT`], at most [`MAX_LIMIT`].
fn page_size(filter: &EventFilter) -> u32 {
    filter.limit.unwrap_or(DEFAULT_LIMIT).min(MAX_LIMIT)
}

impl Store {
    /// One stored event, or `None` when `id` is unknown.
    pub fn event(&self, id: i64) -> Result<Option<StoredEvent>> {
        let found: Option<StoredEvent> = self
            .conn
            .query_row(
                &format!("SELECT {STORED_EVENT_COLUMNS} FROM events e WHERE e.id = ?1"),
                [id],
                stored_event_from_row,
            )
            .optional()?;
        Ok(found)
    }

    /// A stored event with all its mentions, or `None` when `id` is unknown.
    pub fn event_with_mentions(&self, id: i64) -> Result<Option<EventWithMentions>> {
        let Some(event) = self.event(id)? else {
            return Ok(None);
        };
        let mut stmt: CachedStatement<'_> = self.conn.prepare_cached(
            "SELECT m.record_id, d.id, d.title, d.date, d.url, d.source,
                    m.sentence_id, m.sentence, m.sentence_start, m.sentence_end,
                    m.verb_text, m.verb_start, m.verb_end, m.source_start, m.source_end,
                    m.pattern_file, m.pattern_line, m.pattern_text, m.attribution,
                    m.target_start, m.target_end
             FROM mentions m JOIN documents d ON d.pk = m.doc_pk
             WHERE m.event_id = ?1 ORDER BY m.id",
        )?;
        let mentions: Vec<Mention> = stmt
            .query_map([id], mention_from_row)?
            .collect::<rusqlite::Result<Vec<Mention>>>()?;
        Ok(Some(EventWithMentions { event, mentions }))
    }
}

#[cfg(test)]
mod tests {
    use super::{PagePlan, page_sql};
    use crate::filter::{EventFilter, SortOrder, where_clause};
    use crate::store::Store;
    use annalist_code::Event;
    use rusqlite::params_from_iter;
    use rusqlite::types::Value;
    use std::error::Error;

    type TestResult = Result<(), Box<dyn Error>>;

    fn text(value: &str) -> Option<String> {
        Some(value.to_string())
    }

    /// The filters the plan tests run: broad, selective, OR-ed, ranged, full text.
    fn filters() -> Vec<EventFilter> {
        let all = EventFilter::default;
        vec![
            all(),
            EventFilter {
                country: text("UKR"),
                ..all()
            },
            EventFilter {
                actor: text("RUS"),
                from: text("2024-02"),
                to: text("2024-03"),
                ..all()
            },
            EventFilter {
                plover: text("ASSAULT"),
                country: text("SYR"),
                from: text("2024-03"),
                ..all()
            },
            EventFilter {
                cameo_root: text("4"),
                to: text("2024-04"),
                ..all()
            },
            EventFilter {
                cameo: text("111"),
                ..all()
            },
            EventFilter {
                bbox: Some((25.0, 35.0, 35.0, 45.0)),
                ..all()
            },
            EventFilter {
                text: text("forces"),
                ..all()
            },
        ]
    }

    fn explain(
        store: &Store,
        filter: &EventFilter,
        plan: PagePlan,
    ) -> Result<String, Box<dyn Error>> {
        let mut params: Vec<Value> = where_clause(filter)?.params;
        params.extend([Value::Integer(50), Value::Integer(0)]);
        let sql: String = format!("EXPLAIN QUERY PLAN {}", page_sql(filter, plan)?);
        let mut stmt = store.conn.prepare(&sql)?;
        let details: Vec<String> = stmt
            .query_map(params_from_iter(params.iter()), |row| {
                row.get::<_, String>(3)
            })?
            .collect::<Result<Vec<String>, _>>()?;
        Ok(details.join(" | "))
    }

    /// The date walk reads `events_date` in either date order, and an equality filter's own
    /// `(column, date)` index is read in order too: no temp B-tree sorts the matches.
    #[test]
    fn page_plans_read_in_order_without_sorting() -> TestResult {
        let store: Store = Store::open_in_memory()?;
        for sort in [SortOrder::Newest, SortOrder::Oldest] {
            for filter in filters() {
                let filter = EventFilter {
                    sort: Some(sort),
                    ..filter
                };
                let plan: String = explain(&store, &filter, PagePlan::DateWalk)?;
                assert!(
                    plan.contains("USING INDEX events_date") && !plan.contains("TEMP B-TREE"),
                    "{filter:?}\n  plan: {plan}"
                );
            }
            let ordered: [(EventFilter, &str); 4] = [
                (
                    EventFilter {
                        plover: text("ASSAULT"),
                        from: text("2024-03"),
                        ..EventFilter::default()
                    },
                    "events_plover_date (plover_event=? AND date>?)",
                ),
                (
                    EventFilter {
                        cameo_root: text("19"),
                        ..EventFilter::default()
                    },
                    "events_cameo_root_date",
                ),
                (
                    EventFilter {
                        cameo: text("190"),
                        ..EventFilter::default()
                    },
                    "events_cameo_date",
                ),
                (
                    EventFilter {
                        plover: text("ASSAULT"),
                        country: text("SYR"),
                        ..EventFilter::default()
                    },
                    "events_plover_date",
                ),
            ];
            for (filter, index) in ordered {
                let filter = EventFilter {
                    sort: Some(sort),
                    ..filter
                };
                let plan: String = explain(&store, &filter, PagePlan::FilterIndex)?;
                assert!(
                    plan.contains(index) && !plan.contains("TEMP B-TREE"),
                    "{filter:?}\n  plan: {plan}"
                );
            }
        }
        Ok(())
    }

    /// 150 synthetic documents (~1 000 events) and three undated events.
    fn store_with_undated() -> Result<Store, Box<dyn Error>> {
        let mut store: Store = Store::open_in_memory()?;
        let mut batch = (0..150)
            .map(|index| crate::bench::synthetic_document(index, 10))
            .collect::<crate::error::Result<Vec<_>>>()?;
        let (mut meta, mut events) = crate::bench::synthetic_document(10_000, 3)?;
        meta.id = "undated".to_string();
        for event in &mut events {
            let event: &mut Event = event;
            event.event_date = None;
            event.report_date = None;
        }
        batch.push((meta, events));
        store.ingest_documents(&batch)?;
        Ok(store)
    }

    /// The page as the original statement computed it: every match sorted.
    fn reference_ids(store: &Store, filter: &EventFilter) -> Result<Vec<i64>, Box<dyn Error>> {
        let clause = where_clause(filter)?;
        let order: &str = match filter.sort.unwrap_or_default() {
            SortOrder::Newest => "e.date DESC, e.id DESC",
            SortOrder::Oldest => "e.date IS NULL, e.date ASC, e.id ASC",
            SortOrder::MostMentioned => "e.mention_count DESC, e.date DESC, e.id DESC",
        };
        let mut params: Vec<Value> = clause.params;
        params.push(Value::Integer(i64::from(filter.limit.unwrap_or(100))));
        params.push(Value::Integer(filter.offset.unwrap_or(0) as i64));
        let sql: String = format!(
            "SELECT e.id FROM events e NOT INDEXED WHERE {} ORDER BY {order} LIMIT ? OFFSET ?",
            clause.sql
        );
        let mut stmt = store.conn.prepare(&sql)?;
        let ids: Vec<i64> = stmt
            .query_map(params_from_iter(params.iter()), |row| row.get(0))?
            .collect::<Result<Vec<i64>, _>>()?;
        Ok(ids)
    }

    #[test]
    fn both_plans_return_the_pages_of_a_full_sort() -> TestResult {
        let store: Store = store_with_undated()?;
        let pages: [(u32, u64); 4] = [(50, 0), (7, 3), (100, 950), (1, 1_000_000)];
        for filter in filters() {
            for sort in [
                SortOrder::Newest,
                SortOrder::Oldest,
                SortOrder::MostMentioned,
            ] {
                for (limit, offset) in pages {
                    let filter = EventFilter {
                        sort: Some(sort),
                        limit: Some(limit),
                        offset: Some(offset),
                        ..filter.clone()
                    };
                    let expected: Vec<i64> = reference_ids(&store, &filter)?;
                    for plan in [PagePlan::DateWalk, PagePlan::FilterIndex] {
                        let got: Vec<i64> =
                            store.page(&filter, plan)?.iter().map(|e| e.id).collect();
                        assert_eq!(got, expected, "{plan:?} {filter:?}");
                    }
                    let (total, page) = store.query_events(&filter)?;
                    assert_eq!(page.iter().map(|e| e.id).collect::<Vec<i64>>(), expected);
                    assert_eq!(total, reference_total(&store, &filter)?);
                }
            }
        }
        Ok(())
    }

    fn reference_total(store: &Store, filter: &EventFilter) -> Result<u64, Box<dyn Error>> {
        let clause = where_clause(filter)?;
        let sql: String = format!("SELECT count(*) FROM events e WHERE {}", clause.sql);
        Ok(store
            .conn
            .query_row(&sql, params_from_iter(clause.params.iter()), |row| {
                row.get(0)
            })?)
    }

    /// Broad filters walk the date index; selective ones (and mention order) use their own.
    #[test]
    fn the_plan_follows_the_share_of_matches() -> TestResult {
        let store: Store = store_with_undated()?;
        let choose = |filter: EventFilter| -> Result<PagePlan, Box<dyn Error>> {
            let total: u64 = store.count_matches(&filter)?;
            Ok(store.page_plan(&filter, total)?)
        };
        let all = EventFilter::default;
        let country = || EventFilter {
            country: text("UKR"),
            limit: Some(50),
            ..all()
        };
        assert_eq!(choose(country())?, PagePlan::DateWalk);
        let most_mentioned = EventFilter {
            sort: Some(SortOrder::MostMentioned),
            ..country()
        };
        assert_eq!(choose(most_mentioned)?, PagePlan::FilterIndex);
        let deep = EventFilter {
            offset: Some(100_000),
            ..country()
        };
        assert_eq!(choose(deep)?, PagePlan::FilterIndex);
        let rare = EventFilter {
            text: text("42"),
            ..all()
        };
        assert_eq!(choose(rare)?, PagePlan::FilterIndex);
        Ok(())
    }

    /// A total is counted once per file state: a commit by another connection is seen.
    #[test]
    fn totals_follow_other_connections_commits() -> TestResult {
        let dir = tempfile::tempdir()?;
        let path = dir.path().join("totals.sqlite");
        let mut writer: Store = Store::open(&path)?;
        let reader: Store = Store::open_read_only(&path)?;
        let all: EventFilter = EventFilter::default();
        assert_eq!(reader.query_events(&all)?.0, 0);
        let (meta, events) = crate::bench::synthetic_document(0, 4)?;
        writer.ingest_document(&meta, &events)?;
        assert_eq!(reader.query_events(&all)?.0, 4);
        assert_eq!(writer.query_events(&all)?.0, 4);
        let (meta, events) = crate::bench::synthetic_document(5, 4)?;
        writer.ingest_document(&meta, &events)?;
        assert_eq!(writer.query_events(&all)?.0, 8, "own writes are seen too");
        assert_eq!(reader.query_events(&all)?.0, 8);
        Ok(())
    }
}
