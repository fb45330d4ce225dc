//! Reading events back: filtered pages and one event with all its mentions.

use crate::error::Result;
use crate::filter::{EventFilter, WhereClause, where_clause};
use crate::store::Store;
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

impl Store {
    /// One page of events matching `filter` in `filter.sort` order (default newest first,
    /// undated last), and the total number of matches.
    pub fn query_events(&self, filter: &EventFilter) -> Result<(u64, Vec<StoredEvent>)> {
        let clause: WhereClause = where_clause(filter)?;
        let total: u64 = self.conn.query_row(
            &format!("SELECT count(*) FROM events e WHERE {}", clause.sql),
            params_from_iter(clause.params.iter()),
            |row| row.get(0),
        )?;
        let limit: u32 = filter.limit.unwrap_or(DEFAULT_LIMIT).min(MAX_LIMIT);
        let offset: i64 = i64::try_from(filter.offset.unwrap_or(0)).unwrap_or(i64::MAX);
        let mut params: Vec<Value> = clause.params;
        params.push(Value::Integer(i64::from(limit)));
        params.push(Value::Integer(offset));
        let sql: String = format!(
            "SELECT {STORED_EVENT_COLUMNS} FROM events e WHERE {}
             ORDER BY {} LIMIT ? OFFSET ?",
            clause.sql,
            filter.sort.unwrap_or_default().sql()
        );
        let mut stmt: CachedStatement<'_> = self.conn.prepare_cached(&sql)?;
        let events: Vec<StoredEvent> = stmt
            .query_map(params_from_iter(params.iter()), stored_event_from_row)?
            .collect::<rusqlite::Result<Vec<StoredEvent>>>()?;
        Ok((total, events))
    }

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
