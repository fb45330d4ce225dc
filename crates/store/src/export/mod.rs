//! Exporting filtered events: CSV, JSON Lines, GDELT 2.0 event table, PLOVER JSON.

mod csv_format;
mod gdelt;
mod parquet_format;
mod plover;

use crate::error::Result;
use crate::filter::{EventFilter, WhereClause, where_clause};
use crate::query::{STORED_EVENT_COLUMNS, StoredEvent, stored_event_from_row};
use crate::store::Store;
use rusqlite::types::Value;
use rusqlite::{CachedStatement, Row, Rows, params_from_iter};
use serde::{Deserialize, Serialize};
use std::io::Write;

pub use csv_format::CSV_COLUMNS;
pub use gdelt::GDELT_COLUMNS;

/// Output format of [`Store::export`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    /// Flat CSV with a header row ([`CSV_COLUMNS`]).
    Csv,
    /// One [`StoredEvent`] JSON object per line.
    Jsonl,
    /// GDELT 2.0 event table: 61 tab-separated columns, no header ([`GDELT_COLUMNS`]).
    Gdelt,
    /// PLOVER JSON records, one per line; events without a PLOVER type are skipped.
    Plover,
    /// Apache Parquet with the CSV columns, typed, unknown values as nulls.
    Parquet,
}

/// A stored event with the per-event facts that exports need beyond the record itself.
pub(crate) struct ExportRow {
    pub stored: StoredEvent,
    /// When the event was first stored (`YYYY-MM-DDThh:mm:ssZ`).
    pub first_seen: String,
    /// Distinct documents that mention it.
    pub num_articles: u64,
    /// Distinct outlets (`documents.source`) that mention it.
    pub num_sources: u64,
    /// Whether some mention is the first sentence of its document (span starts at byte 0).
    pub in_first_sentence: bool,
    /// URL, title and outlet of the first mention's document.
    pub doc_url: Option<String>,
    pub doc_title: Option<String>,
    pub doc_source: Option<String>,
}

const EXPORT_EXTRA_COLUMNS: &str = "e.first_seen,
    (SELECT count(DISTINCT m.doc_pk) FROM mentions m WHERE m.event_id = e.id),
    (SELECT count(DISTINCT d.source) FROM mentions m JOIN documents d ON d.pk = m.doc_pk
       WHERE m.event_id = e.id),
    EXISTS (SELECT 1 FROM mentions m WHERE m.event_id = e.id AND m.sentence_start = 0),
    fd.url, fd.title, fd.source";

fn export_row(row: &Row<'_>) -> rusqlite::Result<ExportRow> {
    Ok(ExportRow {
        stored: stored_event_from_row(row)?,
        first_seen: row.get(3)?,
        num_articles: row.get(4)?,
        num_sources: row.get(5)?,
        in_first_sentence: row.get(6)?,
        doc_url: row.get(7)?,
        doc_title: row.get(8)?,
        doc_source: row.get(9)?,
    })
}

impl Store {
    /// Writes every event matching `filter` (in store id order; `limit` / `offset` apply when
    /// given) to `out` in `format`. Returns the number of records written.
    pub fn export<W: Write>(&self, filter: &EventFilter, format: Format, out: W) -> Result<u64> {
        let clause: WhereClause = where_clause(filter)?;
        let mut params: Vec<Value> = clause.params;
        params.push(Value::Integer(filter.limit.map_or(-1, i64::from)));
        params.push(Value::Integer(
            i64::try_from(filter.offset.unwrap_or(0)).unwrap_or(i64::MAX),
        ));
        // The first mention's document, for SOURCEURL and citations.
        let sql: String = format!(
            "SELECT {STORED_EVENT_COLUMNS}, {EXPORT_EXTRA_COLUMNS}
             FROM events e
             LEFT JOIN documents fd ON fd.pk =
                 (SELECT m.doc_pk FROM mentions m WHERE m.event_id = e.id ORDER BY m.id LIMIT 1)
             WHERE {} ORDER BY e.id LIMIT ? OFFSET ?",
            clause.sql
        );
        let mut stmt: CachedStatement<'_> = self.conn.prepare_cached(&sql)?;
        let mut rows: Rows<'_> = stmt.query(params_from_iter(params.iter()))?;
        let mut sink: Sink<W> = Sink::new(format, out)?;
        let mut written: u64 = 0;
        while let Some(row) = rows.next()? {
            let record: ExportRow = export_row(row)?;
            if sink.write(&record)? {
                written += 1;
            }
        }
        sink.finish()?;
        Ok(written)
    }
}

/// A format-specific writer.
enum Sink<W: Write> {
    Csv(Box<csv::Writer<W>>),
    Lines(Format, W),
    Parquet(parquet_format::ParquetSink, W),
}

impl<W: Write> Sink<W> {
    fn new(format: Format, out: W) -> Result<Sink<W>> {
        Ok(match format {
            Format::Csv => Sink::Csv(Box::new(csv_format::writer(out)?)),
            Format::Jsonl | Format::Gdelt | Format::Plover => Sink::Lines(format, out),
            Format::Parquet => Sink::Parquet(parquet_format::ParquetSink::new(), out),
        })
    }

    /// Writes one record; false when the format has no representation for it.
    fn write(&mut self, record: &ExportRow) -> Result<bool> {
        match self {
            Sink::Csv(writer) => {
                csv_format::write_row(writer, record)?;
                Ok(true)
            }
            Sink::Parquet(sink, _) => {
                sink.push(record);
                Ok(true)
            }
            Sink::Lines(Format::Jsonl, out) => {
                serde_json::to_writer(&mut *out, &record.stored)?;
                out.write_all(b"\n")?;
                Ok(true)
            }
            Sink::Lines(Format::Gdelt, out) => {
                let line: String = gdelt::line(record);
                out.write_all(line.as_bytes())?;
                out.write_all(b"\n")?;
                Ok(true)
            }
            Sink::Lines(_, out) => match plover::record(record) {
                Some(value) => {
                    serde_json::to_writer(&mut *out, &value)?;
                    out.write_all(b"\n")?;
                    Ok(true)
                }
                None => Ok(false),
            },
        }
    }

    fn finish(self) -> Result<()> {
        match self {
            Sink::Csv(mut writer) => writer.flush()?,
            Sink::Lines(_, mut out) => out.flush()?,
            Sink::Parquet(sink, mut out) => {
                sink.finish(&mut out)?;
                out.flush()?;
            }
        }
        Ok(())
    }
}
