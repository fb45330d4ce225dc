//! The deduplication rule: when two coded events are the same real-world event.
//!
//! Key = (date, source code, target code, CAMEO code, location name), where
//! - date is `event_date`, else `report_date` (each only when it is a valid `YYYY-MM-DD`);
//! - codes are compared exactly (`RUSGOV` and `RUSMIL` are different actors);
//! - the location name is case-folded with white space collapsed, empty when unknown.
//!
//! When neither date is known the key also carries the document id, so undated events only
//! collapse within their own document: without a date there is nothing to say that two
//! reports of "Russia attacked Ukraine" describe the same attack.

use crate::error::Result;
use crate::time::normalise_date;
use annalist_code::Event;

/// The effective date of an event: its `event_date`, else its `report_date`.
pub fn effective_date(event: &Event) -> Option<String> {
    event
        .event_date
        .as_deref()
        .and_then(normalise_date)
        .or_else(|| event.report_date.as_deref().and_then(normalise_date))
}

/// A location name reduced to what should compare equal: lower case, single spaces.
pub fn normalise_place(name: &str) -> String {
    name.split_whitespace()
        .map(str::to_lowercase)
        .collect::<Vec<String>>()
        .join(" ")
}

/// The stored dedup key of `event` found in document `doc_id` (a JSON array string, so that
/// no separator character inside a field can make two keys collide).
pub fn dedup_key(event: &Event, doc_id: &str) -> Result<String> {
    let date: Option<String> = effective_date(event);
    let source: &str = event
        .source
        .as_ref()
        .and_then(|a| a.code.as_deref())
        .unwrap_or("");
    let target: &str = event
        .target
        .as_ref()
        .and_then(|a| a.code.as_deref())
        .unwrap_or("");
    let place: String = event
        .location
        .as_ref()
        .map_or_else(String::new, |l| normalise_place(&l.name));
    let undated_doc: &str = if date.is_some() { "" } else { doc_id };
    let parts: [&str; 6] = [
        date.as_deref().unwrap_or(""),
        source,
        target,
        event.cameo.as_str(),
        place.as_str(),
        undated_doc,
    ];
    Ok(serde_json::to_string(&parts)?)
}
