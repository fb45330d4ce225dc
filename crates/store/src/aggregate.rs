//! Aggregates for charts: timeline buckets, the actor network, store statistics.

use crate::error::Result;
use crate::filter::{EventFilter, WhereClause, where_clause};
use crate::schema;
use crate::store::Store;
use rusqlite::types::Value;
use rusqlite::{CachedStatement, Statement, params_from_iter};
use serde::{Deserialize, Serialize};

/// Width of a timeline bucket.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Interval {
    /// Bucket label `YYYY-MM-DD`.
    Day,
    /// Bucket label: the Monday that starts the ISO week, `YYYY-MM-DD`.
    Week,
    /// Bucket label `YYYY-MM`.
    Month,
}

impl Interval {
    /// SQL for the bucket label of `e.date` (constant text; no user input).
    fn bucket_sql(self) -> &'static str {
        match self {
            Interval::Day => "e.date",
            Interval::Week => {
                "date(e.date, '-' || ((CAST(strftime('%w', e.date) AS INTEGER) + 6) % 7) || ' days')"
            }
            Interval::Month => "substr(e.date, 1, 7)",
        }
    }
}

/// What a timeline splits its counts by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TypeKey {
    /// Two-digit CAMEO root ("19").
    #[default]
    CameoRoot,
    /// QuadClass 1-4.
    QuadClass,
    /// PLOVER event type.
    Plover,
    /// ACLED-style event type.
    Acled,
}

impl TypeKey {
    fn sql(self) -> &'static str {
        match self {
            TypeKey::CameoRoot => "e.cameo_root",
            TypeKey::QuadClass => "COALESCE(CAST(e.quad_class AS TEXT), '')",
            TypeKey::Plover => "COALESCE(e.plover_event, '')",
            TypeKey::Acled => "COALESCE(e.acled_event_type, '')",
        }
    }
}

/// Events of one type in one date bucket.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TimelinePoint {
    pub bucket: String,
    /// The type value (`""` when the event has none, e.g. no PLOVER mapping).
    pub kind: String,
    /// Distinct (deduplicated) events.
    pub events: u64,
    /// Their mentions.
    pub mentions: u64,
}

/// Whether network nodes are full actor codes or their country part.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ActorLevel {
    /// `RUSGOV`.
    #[default]
    Code,
    /// `RUS` (actors without a country part are left out).
    Country,
}

/// Directed source → target edge.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct NetworkEdge {
    pub source: String,
    pub target: String,
    pub events: u64,
    pub mentions: u64,
    /// Mean Goldstein score of the edge's events that have one.
    pub mean_goldstein: Option<f64>,
}

/// Sizes and date range of the store.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StoreStats {
    pub schema_version: i64,
    pub documents: u64,
    pub events: u64,
    pub mentions: u64,
    pub events_with_location: u64,
    pub first_date: Option<String>,
    pub last_date: Option<String>,
    /// Events per CAMEO root, in root order.
    pub events_by_root: Vec<(String, u64)>,
}

impl Store {
    /// Event counts by date bucket and CAMEO root, for events with a date.
    pub fn timeline(&self, filter: &EventFilter, interval: Interval) -> Result<Vec<TimelinePoint>> {
        self.timeline_by(filter, interval, TypeKey::CameoRoot)
    }

    /// Event counts by date bucket and the chosen type, ordered by bucket then type.
    pub fn timeline_by(
        &self,
        filter: &EventFilter,
        interval: Interval,
        key: TypeKey,
    ) -> Result<Vec<TimelinePoint>> {
        let clause: WhereClause = where_clause(filter)?;
        let sql: String = format!(
            "SELECT {bucket} AS bucket, {kind} AS kind, count(*), sum(e.mention_count)
             FROM events e WHERE e.date IS NOT NULL AND {filter}
             GROUP BY bucket, kind HAVING bucket IS NOT NULL ORDER BY bucket, kind",
            bucket = interval.bucket_sql(),
            kind = key.sql(),
            filter = clause.sql,
        );
        let mut stmt: CachedStatement<'_> = self.conn.prepare_cached(&sql)?;
        let points: Vec<TimelinePoint> = stmt
            .query_map(params_from_iter(clause.params.iter()), |row| {
                Ok(TimelinePoint {
                    bucket: row.get(0)?,
                    kind: row.get(1)?,
                    events: row.get(2)?,
                    mentions: row.get(3)?,
                })
            })?
            .collect::<rusqlite::Result<Vec<TimelinePoint>>>()?;
        Ok(points)
    }

    /// Source → target edges between actor codes, most events first.
    pub fn network(&self, filter: &EventFilter) -> Result<Vec<NetworkEdge>> {
        self.network_by(filter, ActorLevel::Code)
    }

    /// Source → target edges at the chosen actor level, most events first; `filter.limit`
    /// caps the number of edges.
    pub fn network_by(&self, filter: &EventFilter, level: ActorLevel) -> Result<Vec<NetworkEdge>> {
        let clause: WhereClause = where_clause(filter)?;
        let (source, target): (&str, &str) = match level {
            ActorLevel::Code => ("e.source_code", "e.target_code"),
            ActorLevel::Country => ("e.source_country", "e.target_country"),
        };
        let mut params: Vec<Value> = clause.params;
        params.push(Value::Integer(filter.limit.map_or(-1, i64::from)));
        let sql: String = format!(
            "SELECT {source}, {target}, count(*), sum(e.mention_count), avg(e.goldstein)
             FROM events e
             WHERE {source} IS NOT NULL AND {target} IS NOT NULL AND {filter}
             GROUP BY 1, 2 ORDER BY 3 DESC, 1, 2 LIMIT ?",
            filter = clause.sql,
        );
        let mut stmt: CachedStatement<'_> = self.conn.prepare_cached(&sql)?;
        let edges: Vec<NetworkEdge> = stmt
            .query_map(params_from_iter(params.iter()), |row| {
                Ok(NetworkEdge {
                    source: row.get(0)?,
                    target: row.get(1)?,
                    events: row.get(2)?,
                    mentions: row.get(3)?,
                    mean_goldstein: row.get(4)?,
                })
            })?
            .collect::<rusqlite::Result<Vec<NetworkEdge>>>()?;
        Ok(edges)
    }

    /// Counts and date range of everything stored.
    pub fn stats(&self) -> Result<StoreStats> {
        let count =
            |sql: &str| -> Result<u64> { Ok(self.conn.query_row(sql, [], |row| row.get(0))?) };
        let (first_date, last_date): (Option<String>, Option<String>) =
            self.conn
                .query_row("SELECT min(date), max(date) FROM events", [], |row| {
                    Ok((row.get(0)?, row.get(1)?))
                })?;
        let mut stmt: Statement<'_> = self.conn.prepare(
            "SELECT cameo_root, count(*) FROM events GROUP BY cameo_root ORDER BY cameo_root",
        )?;
        let events_by_root: Vec<(String, u64)> = stmt
            .query_map([], |row| Ok((row.get(0)?, row.get(1)?)))?
            .collect::<rusqlite::Result<Vec<(String, u64)>>>()?;
        Ok(StoreStats {
            schema_version: schema::current_version(&self.conn)?,
            documents: count("SELECT count(*) FROM documents")?,
            events: count("SELECT count(*) FROM events")?,
            mentions: count("SELECT count(*) FROM mentions")?,
            events_with_location: count(
                "SELECT count(*) FROM events WHERE location_lat IS NOT NULL AND location_lon IS NOT NULL",
            )?,
            first_date,
            last_date,
            events_by_root,
        })
    }
}
