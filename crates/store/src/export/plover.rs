//! PLOVER JSON records (field names from the PLOVER manual's "JSON Data Fields" chapter).
//!
//! `source` / `recipient` are lists of actor objects `{code, sector, actor_text}` with the
//! three-letter top-level code split from the sector; `event` is a list; `context` gets
//! `"historical"` for background events; `event_loc` follows the manual's GeoNames-style
//! location object. Casualties use the manual's size-object names (`dead`, `injured`,
//! `arrested` ← annalist's `captured`). Extra annalist fields: `record_id`, `mention_count`.

use super::ExportRow;
use crate::dedup::effective_date;
use annalist_code::{Actor, Event, Location, Plover};
use serde_json::{Map, Value, json};

/// The PLOVER codebook this export maps to.
const CODEBOOK: &str = "PLOVER (from CAMEO 1.1b3 via annalist-codebook)";

fn actor(actor: &Actor) -> Value {
    // An uncoded actor (words only) has a null code.
    let (code, sector): (Option<&str>, Option<&str>) = match actor.country.as_deref() {
        Some(country) => (Some(country), actor.sector.as_deref()),
        None => (actor.code.as_deref(), actor.sector.as_deref()),
    };
    let mut object: Map<String, Value> = Map::new();
    object.insert("code".to_string(), json!(code));
    if let Some(sector) = sector.filter(|s| !s.is_empty()) {
        object.insert("sector".to_string(), json!(sector));
    }
    object.insert("actor_text".to_string(), json!(actor.text));
    Value::Object(object)
}

fn location(location: &Location) -> Value {
    let mut object: Map<String, Value> = Map::new();
    object.insert("name".to_string(), json!(location.name));
    if let (Some(lat), Some(lon)) = (location.lat, location.lon) {
        object.insert("latitude".to_string(), json!(lat));
        object.insert("longitude".to_string(), json!(lon));
    }
    if let Some(country) = location.country.as_deref() {
        // The manual keeps GeoNames' two-letter "country code" and adds "cc3" for alpha-3.
        let key: &str = if country.len() == 3 {
            "cc3"
        } else {
            "country code"
        };
        object.insert(key.to_string(), json!(country));
    }
    if let Some(admin1) = location.admin1.as_deref() {
        object.insert("admin1 code".to_string(), json!(admin1));
    }
    if let Some(precision) = location.precision.as_deref() {
        object.insert("precision".to_string(), json!(precision));
    }
    Value::Object(object)
}

/// The PLOVER record of `row`, or `None` when the event has no PLOVER type (CAMEO 01/02).
pub(super) fn record(row: &ExportRow) -> Option<Value> {
    let e: &Event = &row.stored.event;
    let plover: &Plover = e.plover.as_ref()?;
    let mut object: Map<String, Value> = Map::new();
    let mut put = |key: &str, value: Value| {
        object.insert(key.to_string(), value);
    };
    put("id", json!(row.stored.id.to_string()));
    if let Some(date) = effective_date(e) {
        put("date", json!(date));
    }
    put(
        "source",
        json!(e.source.iter().map(actor).collect::<Vec<Value>>()),
    );
    put(
        "recipient",
        json!(e.target.iter().map(actor).collect::<Vec<Value>>()),
    );
    put("event", json!([plover.event]));
    if let Some(mode) = plover.mode.as_deref() {
        put("mode", json!(mode));
    }
    let context: Vec<&str> = if e.background {
        vec!["historical"]
    } else {
        Vec::new()
    };
    put("context", json!(context));
    if let Some(verb) = e.verb.as_ref() {
        put("event_text", json!([verb.text]));
    }
    if let Some(quad) = e.quad_class {
        put("quad_code", json!(quad));
    }
    if let Some(goldstein) = e.goldstein {
        put("event_scale", json!(goldstein));
    }
    if let Some(loc) = e.location.as_ref() {
        put("event_loc", location(loc));
    }
    if let Some(dead) = e.fatalities {
        put("dead", json!(dead));
    }
    if let Some(injured) = e.injured {
        put("injured", json!(injured));
    }
    if let Some(arrested) = e.captured {
        put("arrested", json!(arrested));
    }
    put("text", json!(e.sentence));
    let mut text_info: Map<String, Value> = Map::new();
    text_info.insert("sequence".to_string(), json!(e.sentence_id));
    if let Some(span) = e.sentence_span {
        text_info.insert("start".to_string(), json!(span.start));
        text_info.insert("end".to_string(), json!(span.end));
    }
    put("text_info", Value::Object(text_info));
    let mut cite_info: Map<String, Value> = Map::new();
    if let Some(url) = row.doc_url.as_deref() {
        cite_info.insert("url".to_string(), json!(url));
    }
    if let Some(title) = row.doc_title.as_deref() {
        cite_info.insert("title".to_string(), json!(title));
    }
    if let Some(publication) = row.doc_source.as_deref() {
        cite_info.insert("publication".to_string(), json!(publication));
    }
    cite_info.insert("codebook".to_string(), json!(CODEBOOK));
    put("cite_info", Value::Object(cite_info));
    put(
        "coder",
        json!(concat!("annalist ", env!("CARGO_PKG_VERSION"))),
    );
    put(
        "coded_date",
        json!(row.first_seen.get(..10).unwrap_or(&row.first_seen)),
    );
    put("record_id", json!(e.id));
    put("mention_count", json!(row.stored.mention_count));
    Some(Value::Object(object))
}
