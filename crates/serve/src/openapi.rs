//! The OpenAPI 3.0 description of the JSON API, written by hand from the route table
//! (`server::paths`) and the parameter parser (`params`). A test requests every documented
//! path with every documented parameter's example, so the two cannot drift apart silently.

use crate::error::ApiError;
use crate::params::QueryParams;
use crate::server::paths;
use axum::Json;
use axum::extract::RawQuery;
use serde_json::{Value, json};

/// `(name, description, schema, example)` of the shared filter parameters.
fn filter_params() -> Vec<Value> {
    vec![
        query(
            "from",
            "First effective date, inclusive (YYYY, YYYY-MM or YYYY-MM-DD).",
            json!({"type": "string"}),
            json!("2024-03-01"),
        ),
        query(
            "to",
            "Last effective date, inclusive; a prefix covers the whole month/year.",
            json!({"type": "string"}),
            json!("2024-03"),
        ),
        query(
            "country",
            "Country code of the source, the target or the location.",
            json!({"type": "string"}),
            json!("UKR"),
        ),
        query(
            "actor",
            "Actor code prefix of the source or target (RUS matches RUSGOV).",
            json!({"type": "string"}),
            json!("RUS"),
        ),
        query(
            "cameo_root",
            "Two-digit CAMEO root, 01-20.",
            json!({"type": "string"}),
            json!("19"),
        ),
        query(
            "cameo",
            "Exact CAMEO code, 2-4 digits.",
            json!({"type": "string"}),
            json!("190"),
        ),
        query(
            "plover",
            "PLOVER event type, exact.",
            json!({"type": "string"}),
            json!("ASSAULT"),
        ),
        query(
            "acled_type",
            "ACLED-style event type or sub-event type, exact.",
            json!({"type": "string"}),
            json!("Battles"),
        ),
        query(
            "q",
            "Words that must all occur in one sentence of a mention (full text).",
            json!({"type": "string", "maxLength": 200}),
            json!("troops"),
        ),
        query(
            "bbox",
            "Bounding box west,south,east,north in degrees; west > east crosses the antimeridian.",
            json!({"type": "string"}),
            json!("20,40,45,55"),
        ),
        query(
            "background",
            "Only background (true) or only current (false) events.",
            json!({"type": "boolean"}),
            json!(false),
        ),
    ]
}

fn query(name: &str, description: &str, schema: Value, example: Value) -> Value {
    json!({"name": name, "in": "query", "required": false, "description": description,
           "schema": schema, "example": example})
}

fn limit(max: u32, default: Option<u32>) -> Value {
    let mut schema: Value = json!({"type": "integer", "minimum": 1, "maximum": max});
    if let (Some(map), Some(default)) = (schema.as_object_mut(), default) {
        map.insert("default".to_string(), json!(default));
    }
    query("limit", "Page size / row cap.", schema, json!(10))
}

fn offset() -> Value {
    query(
        "offset",
        "Rows to skip.",
        json!({"type": "integer", "minimum": 0, "default": 0}),
        json!(0),
    )
}

fn with(mut base: Vec<Value>, extra: Vec<Value>) -> Vec<Value> {
    base.extend(extra);
    base
}

fn json_response(description: &str, schema: Value) -> Value {
    json!({
        "200": {"description": description, "content": {"application/json": {"schema": schema}}},
        "400": {"description": "A bad parameter (named in the body).",
                "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}}
    })
}

fn get(summary: &str, parameters: Vec<Value>, responses: Value) -> Value {
    json!({"get": {"summary": summary, "parameters": parameters, "responses": responses}})
}

/// The OpenAPI 3.0.3 document served at `/api/openapi.json`.
pub fn document() -> Value {
    let page_params: Vec<Value> = with(
        filter_params(),
        vec![
            limit(
                annalist_store::MAX_LIMIT,
                Some(annalist_store::DEFAULT_LIMIT),
            ),
            offset(),
            query(
                "sort",
                "Result order.",
                json!({"type": "string", "enum": ["newest", "oldest", "most_mentioned"], "default": "newest"}),
                json!("newest"),
            ),
        ],
    );
    let timeline_params: Vec<Value> = with(
        filter_params(),
        vec![
            query(
                "interval",
                "Bucket width.",
                json!({"type": "string", "enum": ["day", "week", "month"], "default": "day"}),
                json!("month"),
            ),
            query(
                "by",
                "What the counts are split by.",
                json!({"type": "string", "enum": ["cameo_root", "quad_class", "plover", "acled"], "default": "cameo_root"}),
                json!("quad_class"),
            ),
        ],
    );
    let network_params: Vec<Value> = with(
        filter_params(),
        vec![
            limit(
                annalist_store::MAX_LIMIT,
                Some(crate::handlers::DEFAULT_NETWORK_EDGES),
            ),
            query(
                "level",
                "Nodes are full actor codes or their country part.",
                json!({"type": "string", "enum": ["code", "country"], "default": "code"}),
                json!("country"),
            ),
        ],
    );
    let export_params: Vec<Value> = with(
        filter_params(),
        vec![
            query(
                "format",
                "Download format.",
                json!({"type": "string", "enum": ["csv", "jsonl", "gdelt", "plover", "parquet"], "default": "csv"}),
                json!("jsonl"),
            ),
            limit(u32::MAX, None),
            offset(),
        ],
    );
    let id_param: Value = json!({"name": "id", "in": "path", "required": true,
        "description": "Store id of the event.", "schema": {"type": "integer", "format": "int64"}, "example": 1});
    let mut paths_object: serde_json::Map<String, Value> = serde_json::Map::new();
    paths_object.insert(
        paths::EVENTS.to_string(),
        get(
            "Events matching the filter, one page, newest first.",
            page_params,
            json_response(
                "A page of events and the total.",
                json!({"$ref": "#/components/schemas/EventsPage"}),
            ),
        ),
    );
    paths_object.insert(
        paths::EVENT.to_string(),
        get("One event with every mention (document, sentence, spans, pattern, attribution).", vec![id_param],
            json!({
                "200": {"description": "The event and its mentions.", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/EventWithMentions"}}}},
                "400": {"description": "The id is not an integer.", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}},
                "404": {"description": "No such event.", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}}
            })),
    );
    paths_object.insert(
        paths::TIMELINE.to_string(),
        get("Event counts per date bucket and type (events without a date are left out).", timeline_params,
            json_response("Timeline points.", json!({"type": "object", "properties": {
                "interval": {"type": "string"}, "by": {"type": "string"},
                "points": {"type": "array", "items": {"$ref": "#/components/schemas/TimelinePoint"}}}}))),
    );
    paths_object.insert(
        paths::NETWORK.to_string(),
        get("Directed actor-to-actor edges, most events first.", network_params,
            json_response("Edges.", json!({"type": "object", "properties": {
                "level": {"type": "string"},
                "edges": {"type": "array", "items": {"$ref": "#/components/schemas/NetworkEdge"}}}}))),
    );
    paths_object.insert(
        paths::STATS.to_string(),
        get(
            "Store sizes and date range.",
            vec![],
            json_response("Statistics.", json!({"$ref": "#/components/schemas/Stats"})),
        ),
    );
    paths_object.insert(
        paths::EXPORT.to_string(),
        get("Download every event matching the filter (store id order).", export_params,
            json!({
                "200": {"description": "The export, streamed.", "content": {
                    "text/csv": {"schema": {"type": "string"}},
                    "application/x-ndjson": {"schema": {"type": "string"}},
                    "text/tab-separated-values": {"schema": {"type": "string"}},
                    "application/vnd.apache.parquet": {"schema": {"type": "string", "format": "binary"}}}},
                "400": {"description": "A bad parameter.", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}},
                "503": {"description": "Too many exports running at once.", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}}
            })),
    );
    paths_object.insert(
        paths::OPENAPI.to_string(),
        get("This document.", vec![], json!({"200": {"description": "OpenAPI 3.0 document.", "content": {"application/json": {}}}})),
    );
    json!({
        "openapi": "3.0.3",
        "info": {"title": "annalist", "version": env!("CARGO_PKG_VERSION"),
                 "description": "Read-only API over an annalist event store. Event records follow docs/EVENT_RECORD.md; spans are [start, end) UTF-8 byte offsets into the document text."},
        "paths": Value::Object(paths_object),
        "components": {"schemas": schemas()},
    })
}

fn schemas() -> Value {
    let span: Value = json!({"type": "array", "items": {"type": "integer"}, "minItems": 2, "maxItems": 2, "nullable": true,
        "description": "[start, end) UTF-8 byte offsets into the document text"});
    json!({
        "Error": {"type": "object", "required": ["error", "message"], "properties": {
            "error": {"type": "string", "enum": ["bad_parameter", "not_found", "busy", "internal"]},
            "parameter": {"type": "string"}, "message": {"type": "string"}}},
        "Event": {"type": "object", "description": "The event record (docs/EVENT_RECORD.md) as first coded, with casualty counts (largest reported) and missing location details filled in from later reports (docs/STORE.md, \"Later mentions\").", "additionalProperties": true},
        "StoredEvent": {"type": "object", "required": ["id", "mention_count", "event"], "properties": {
            "id": {"type": "integer", "format": "int64"}, "mention_count": {"type": "integer"},
            "event": {"$ref": "#/components/schemas/Event"}}},
        "EventsPage": {"type": "object", "required": ["total", "limit", "offset", "events"], "properties": {
            "total": {"type": "integer"}, "limit": {"type": "integer"}, "offset": {"type": "integer"},
            "events": {"type": "array", "items": {"$ref": "#/components/schemas/StoredEvent"}}}},
        "Mention": {"type": "object", "properties": {
            "record_id": {"type": "string"}, "doc_id": {"type": "string"},
            "doc_title": {"type": "string", "nullable": true}, "doc_date": {"type": "string", "nullable": true},
            "doc_url": {"type": "string", "nullable": true}, "doc_source": {"type": "string", "nullable": true},
            "sentence_id": {"type": "string"}, "sentence": {"type": "string"},
            "sentence_span": span, "verb_text": {"type": "string", "nullable": true},
            "verb_span": span, "source_span": span, "target_span": span,
            "pattern": {"type": "object", "nullable": true, "properties": {
                "file": {"type": "string"}, "line": {"type": "integer"}, "text": {"type": "string"}}},
            "attribution": {"type": "array", "items": {"type": "object", "properties": {
                "text": {"type": "string"}, "code": {"type": "string", "nullable": true}, "span": span}}}}},
        "EventWithMentions": {"type": "object", "required": ["event", "mentions"], "properties": {
            "event": {"$ref": "#/components/schemas/StoredEvent"},
            "mentions": {"type": "array", "items": {"$ref": "#/components/schemas/Mention"}}}},
        "TimelinePoint": {"type": "object", "properties": {
            "bucket": {"type": "string"}, "kind": {"type": "string"},
            "events": {"type": "integer"}, "mentions": {"type": "integer"}}},
        "NetworkEdge": {"type": "object", "properties": {
            "source": {"type": "string"}, "target": {"type": "string"},
            "events": {"type": "integer"}, "mentions": {"type": "integer"},
            "mean_goldstein": {"type": "number", "nullable": true}}},
        "Stats": {"type": "object", "properties": {
            "schema_version": {"type": "integer"}, "documents": {"type": "integer"},
            "events": {"type": "integer"}, "mentions": {"type": "integer"},
            "events_with_location": {"type": "integer"},
            "first_date": {"type": "string", "nullable": true}, "last_date": {"type": "string", "nullable": true},
            "events_by_root": {"type": "array", "items": {"type": "array", "items": {}}}}},
    })
}

/// `GET /api/openapi.json` (takes no parameters).
pub(crate) async fn handler(RawQuery(raw): RawQuery) -> Result<Json<Value>, ApiError> {
    QueryParams::parse(raw.as_deref())?.finish()?;
    Ok(Json(document()))
}
