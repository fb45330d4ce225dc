//! Event filters and their translation into parameterised SQL.
//!
//! The SQL text is assembled only from the constant fragments below; every user value is a
//! bound parameter, so no filter value can change the statement.

use crate::error::{Result, StoreError};
use rusqlite::types::Value;
use serde::{Deserialize, Serialize};

/// A character above every other, so that `x <= prefix + MAX_CHAR` holds for every `x`
/// starting with `prefix` (binary collation compares UTF-8 bytes).
const MAX_CHAR: char = '\u{10FFFF}';

/// Which events a query, timeline, network or export covers. Every field is optional;
/// all given conditions must hold.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct EventFilter {
    /// First date (inclusive), compared with the event's effective date (`event_date`, else
    /// `report_date`). A prefix such as `2024-03` works.
    pub from: Option<String>,
    /// Last date (inclusive); a prefix such as `2024-03` covers the whole month.
    pub to: Option<String>,
    /// Country code of the source actor, the target actor or the location.
    pub country: Option<String>,
    /// Actor code prefix of the source or target (`RUS` matches `RUSGOV`).
    pub actor: Option<String>,
    /// Two-digit CAMEO root (`"19"`; `"9"` is read as `"09"`).
    pub cameo_root: Option<String>,
    /// Exact CAMEO code (`"190"`).
    pub cameo: Option<String>,
    /// PLOVER event type, exactly as coded (`"ASSAULT"`).
    pub plover: Option<String>,
    /// ACLED-style event type or sub-event type, exactly as coded.
    pub acled_type: Option<String>,
    /// Words that must all occur in one of the event's sentences (full-text search;
    /// each word is matched as a token, operators are not interpreted).
    pub text: Option<String>,
    /// `(min_lon, min_lat, max_lon, max_lat)` — GeoJSON order (west, south, east, north).
    /// `min_lon > max_lon` means the box crosses the antimeridian.
    pub bbox: Option<(f64, f64, f64, f64)>,
    /// Only background (`true`) or only current (`false`) events.
    pub background: Option<bool>,
    /// Page size for `query_events` (default 100, at most 10 000); row cap for export and
    /// network when given.
    pub limit: Option<u32>,
    /// Rows to skip.
    pub offset: Option<u64>,
    /// Order of `query_events` results (default newest first).
    pub sort: Option<SortOrder>,
}

/// Result order for `query_events`. Undated events come last in both date orders; ties are
/// broken by store id, so paging is stable.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SortOrder {
    #[default]
    Newest,
    Oldest,
    /// Most-reported first (by mention count), then newest.
    MostMentioned,
}

impl SortOrder {
    /// `ORDER BY` terms over a table (or subquery) aliased `alias` with columns `date`, `id`
    /// and `mention_count`; `alias` is one of our own constant names, never input.
    ///
    /// `date` orders match the `events_date` index (and every `(column, date)` index, whose
    /// last key is the rowid) read forwards or backwards, so SQLite needs no sort: `DESC`
    /// puts NULL (undated) last by itself, and `ASC NULLS LAST` is read as the non-NULL part
    /// of the index followed by the NULL part.
    pub(crate) fn order_by(self, alias: &str) -> String {
        match self {
            SortOrder::Newest => format!("{alias}.date DESC, {alias}.id DESC"),
            SortOrder::Oldest => format!("{alias}.date ASC NULLS LAST, {alias}.id ASC"),
            SortOrder::MostMentioned => {
                format!("{alias}.mention_count DESC, {alias}.date DESC, {alias}.id DESC")
            }
        }
    }
}

/// A `WHERE` clause over `events e` with its bound values, in placeholder order.
pub(crate) struct WhereClause {
    pub sql: String,
    pub params: Vec<Value>,
}

impl WhereClause {
    fn push(&mut self, sql: &str, values: Vec<Value>) {
        self.sql.push_str(" AND ");
        self.sql.push_str(sql);
        self.params.extend(values);
    }
}

fn text(value: &str) -> Value {
    Value::Text(value.to_string())
}

/// The non-empty, trimmed value of an optional filter field.
fn given(field: &Option<String>) -> Option<&str> {
    field.as_deref().map(str::trim).filter(|v| !v.is_empty())
}

/// `words` as an FTS5 query in which every word is a quoted string: all must occur, and
/// nothing in the input is read as FTS syntax (`"`, `*`, `NEAR`, `OR`, column filters).
/// Control characters separate words (FTS5 reads a NUL as the end of the query).
pub(crate) fn fts_query(words: &str) -> Option<String> {
    let quoted: Vec<String> = words
        .split(|c: char| c.is_whitespace() || c.is_control())
        .filter(|word| !word.is_empty())
        .map(|word| format!("\"{}\"", word.replace('"', "\"\"")))
        .collect();
    (!quoted.is_empty()).then(|| quoted.join(" "))
}

fn check_bbox(bbox: (f64, f64, f64, f64)) -> Result<()> {
    let (min_lon, min_lat, max_lon, max_lat) = bbox;
    let finite: bool = [min_lon, min_lat, max_lon, max_lat]
        .iter()
        .all(|v| v.is_finite());
    let lat_ok: bool = (-90.0..=90.0).contains(&min_lat) && (-90.0..=90.0).contains(&max_lat);
    let lon_ok: bool = (-180.0..=180.0).contains(&min_lon) && (-180.0..=180.0).contains(&max_lon);
    if !finite || !lat_ok || !lon_ok || min_lat > max_lat {
        return Err(StoreError::InvalidArgument(format!(
            "bbox {bbox:?} is not (min_lon, min_lat, max_lon, max_lat) in degrees"
        )));
    }
    Ok(())
}

/// Translates `filter` (ignoring `limit` / `offset`) into a clause starting with `1 = 1`.
pub(crate) fn where_clause(filter: &EventFilter) -> Result<WhereClause> {
    let mut clause: WhereClause = WhereClause {
        sql: String::from("1 = 1"),
        params: Vec::new(),
    };
    if let Some(from) = given(&filter.from) {
        clause.push("e.date >= ?", vec![text(from)]);
    }
    if let Some(to) = given(&filter.to) {
        clause.push("e.date <= ?", vec![Value::Text(format!("{to}{MAX_CHAR}"))]);
    }
    if let Some(country) = given(&filter.country) {
        clause.push(
            "(e.source_country = ? OR e.target_country = ? OR e.location_country = ?)",
            vec![text(country), text(country), text(country)],
        );
    }
    if let Some(actor) = given(&filter.actor) {
        let upper: String = format!("{actor}{MAX_CHAR}");
        clause.push(
            "((e.source_code >= ? AND e.source_code < ?) OR (e.target_code >= ? AND e.target_code < ?))",
            vec![text(actor), text(&upper), text(actor), text(&upper)],
        );
    }
    if let Some(root) = given(&filter.cameo_root) {
        let padded: String = if root.len() == 1 {
            format!("0{root}")
        } else {
            root.to_string()
        };
        clause.push("e.cameo_root = ?", vec![Value::Text(padded)]);
    }
    if let Some(cameo) = given(&filter.cameo) {
        clause.push("e.cameo = ?", vec![text(cameo)]);
    }
    if let Some(plover) = given(&filter.plover) {
        clause.push("e.plover_event = ?", vec![text(plover)]);
    }
    if let Some(acled) = given(&filter.acled_type) {
        clause.push(
            "(e.acled_event_type = ? OR e.acled_sub_event_type = ?)",
            vec![text(acled), text(acled)],
        );
    }
    if let Some(query) = given(&filter.text).and_then(fts_query) {
        clause.push(
            "e.id IN (SELECT m.event_id FROM mentions_fts f JOIN mentions m ON m.id = f.rowid
                      WHERE mentions_fts MATCH ?)",
            vec![Value::Text(query)],
        );
    }
    if let Some(bbox) = filter.bbox {
        check_bbox(bbox)?;
        let (min_lon, min_lat, max_lon, max_lat) = bbox;
        clause.push(
            "e.location_lat BETWEEN ? AND ?",
            vec![Value::Real(min_lat), Value::Real(max_lat)],
        );
        if min_lon <= max_lon {
            clause.push(
                "e.location_lon BETWEEN ? AND ?",
                vec![Value::Real(min_lon), Value::Real(max_lon)],
            );
        } else {
            clause.push(
                "(e.location_lon >= ? OR e.location_lon <= ?)",
                vec![Value::Real(min_lon), Value::Real(max_lon)],
            );
        }
    }
    if let Some(background) = filter.background {
        clause.push(
            "e.background = ?",
            vec![Value::Integer(i64::from(background))],
        );
    }
    Ok(clause)
}

#[cfg(test)]
mod tests {
    use super::{EventFilter, fts_query, where_clause};
    use crate::store::Store;
    use rusqlite::params_from_iter;
    use std::error::Error;

    /// The query plan of the real filter SQL.
    fn plan(store: &Store, filter: &EventFilter) -> Result<String, Box<dyn Error>> {
        let clause = where_clause(filter)?;
        let sql: String = format!(
            "EXPLAIN QUERY PLAN SELECT e.id FROM events e WHERE {} ORDER BY e.date DESC, e.id DESC",
            clause.sql
        );
        let mut stmt = store.conn.prepare(&sql)?;
        let details: Vec<String> = stmt
            .query_map(params_from_iter(clause.params.iter()), |row| {
                row.get::<_, String>(3)
            })?
            .collect::<Result<Vec<String>, _>>()?;
        Ok(details.join(" | "))
    }

    #[test]
    fn filters_are_served_by_indexes() -> Result<(), Box<dyn Error>> {
        let store: Store = Store::open_in_memory()?;
        let text = |v: &str| Some(v.to_string());
        let all = EventFilter::default;
        let cases: Vec<(EventFilter, &str)> = vec![
            (all(), "events_date"),
            (
                EventFilter {
                    plover: text("ASSAULT"),
                    ..all()
                },
                "events_plover_date",
            ),
            (
                EventFilter {
                    actor: text("RUS"),
                    ..all()
                },
                "events_source_code_date",
            ),
            (
                EventFilter {
                    actor: text("RUS"),
                    ..all()
                },
                "events_target_code_date",
            ),
            (
                EventFilter {
                    country: text("UKR"),
                    ..all()
                },
                "events_location_country_date",
            ),
            (
                EventFilter {
                    bbox: Some((20.0, 40.0, 40.0, 55.0)),
                    ..all()
                },
                "events_lat_lon",
            ),
            (
                EventFilter {
                    cameo_root: text("19"),
                    ..all()
                },
                "events_cameo_root_date",
            ),
            (
                EventFilter {
                    cameo: text("190"),
                    ..all()
                },
                "events_cameo_date",
            ),
            (
                EventFilter {
                    acled_type: text("Battles"),
                    ..all()
                },
                "events_acled_sub_date",
            ),
            (
                EventFilter {
                    text: text("troops"),
                    ..all()
                },
                "VIRTUAL TABLE INDEX 0:M",
            ),
        ];
        for (filter, index) in cases {
            let plan: String = plan(&store, &filter)?;
            assert!(plan.contains(index), "{filter:?}\n  plan: {plan}");
        }
        Ok(())
    }

    #[test]
    fn fts_query_quotes_every_word() {
        assert_eq!(fts_query("  "), None);
        assert_eq!(fts_query("a\0b"), Some(r#""a" "b""#.to_string()));
        assert_eq!(
            fts_query(r#"troops NEAR "border*"#),
            Some(r#""troops" "NEAR" """border*""#.to_string())
        );
    }
}
