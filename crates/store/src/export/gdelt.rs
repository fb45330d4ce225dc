//! The GDELT 2.0 event table (61 tab-separated columns, no header), filled where it applies.
//!
//! Left empty: KnownGroup/Ethnic/Religion codes, AvgTone (annalist computes no tone),
//! Actor1Geo_* / Actor2Geo_* (only the action location is known), ADM2 codes and feature ids.
//! Country codes are annalist's (CAMEO three-letter for actors; the location's own code for
//! ActionGeo_CountryCode, where GDELT uses FIPS 10-4).

use super::ExportRow;
use crate::dedup::effective_date;
use crate::time::day_of_year;
use annalist_code::{Actor, Event, Location};

/// The GDELT 2.0 event table columns, in order.
pub const GDELT_COLUMNS: [&str; 61] = [
    "GLOBALEVENTID",
    "SQLDATE",
    "MonthYear",
    "Year",
    "FractionDate",
    "Actor1Code",
    "Actor1Name",
    "Actor1CountryCode",
    "Actor1KnownGroupCode",
    "Actor1EthnicCode",
    "Actor1Religion1Code",
    "Actor1Religion2Code",
    "Actor1Type1Code",
    "Actor1Type2Code",
    "Actor1Type3Code",
    "Actor2Code",
    "Actor2Name",
    "Actor2CountryCode",
    "Actor2KnownGroupCode",
    "Actor2EthnicCode",
    "Actor2Religion1Code",
    "Actor2Religion2Code",
    "Actor2Type1Code",
    "Actor2Type2Code",
    "Actor2Type3Code",
    "IsRootEvent",
    "EventCode",
    "EventBaseCode",
    "EventRootCode",
    "QuadClass",
    "GoldsteinScale",
    "NumMentions",
    "NumSources",
    "NumArticles",
    "AvgTone",
    "Actor1Geo_Type",
    "Actor1Geo_FullName",
    "Actor1Geo_CountryCode",
    "Actor1Geo_ADM1Code",
    "Actor1Geo_ADM2Code",
    "Actor1Geo_Lat",
    "Actor1Geo_Long",
    "Actor1Geo_FeatureID",
    "Actor2Geo_Type",
    "Actor2Geo_FullName",
    "Actor2Geo_CountryCode",
    "Actor2Geo_ADM1Code",
    "Actor2Geo_ADM2Code",
    "Actor2Geo_Lat",
    "Actor2Geo_Long",
    "Actor2Geo_FeatureID",
    "ActionGeo_Type",
    "ActionGeo_FullName",
    "ActionGeo_CountryCode",
    "ActionGeo_ADM1Code",
    "ActionGeo_ADM2Code",
    "ActionGeo_Lat",
    "ActionGeo_Long",
    "ActionGeo_FeatureID",
    "DATEADDED",
    "SOURCEURL",
];

/// Tabs and line breaks would break the format; GDELT has no quoting.
fn clean(text: &str) -> String {
    text.chars()
        .map(|c| {
            if c == '\t' || c == '\n' || c == '\r' {
                ' '
            } else {
                c
            }
        })
        .collect()
}

fn opt<T: ToString>(value: Option<T>) -> String {
    value.map_or_else(String::new, |v| clean(&v.to_string()))
}

/// The 10 actor columns: code, name, country, 4 empty group codes, 3 type codes.
fn actor_columns(actor: Option<&Actor>) -> [String; 10] {
    let sector: &str = actor.and_then(|a| a.sector.as_deref()).unwrap_or("");
    let type_code = |i: usize| -> String { sector.get(i * 3..i * 3 + 3).unwrap_or("").to_string() };
    [
        opt(actor.and_then(|a| a.code.as_deref())),
        opt(actor.map(|a| a.text.to_uppercase())),
        opt(actor.and_then(|a| a.country.as_deref())),
        String::new(),
        String::new(),
        String::new(),
        String::new(),
        type_code(0),
        type_code(1),
        type_code(2),
    ]
}

/// GDELT geo type: 1 country, 4 world city, 5 world state (ADM1); empty when unknown.
fn geo_type(location: &Location) -> String {
    match location.precision.as_deref() {
        Some("country") => "1".to_string(),
        Some("admin1") => "5".to_string(),
        Some("city") => "4".to_string(),
        _ => String::new(),
    }
}

fn full_name(location: &Location) -> String {
    let parts: Vec<&str> = [
        Some(location.name.as_str()),
        location.admin1.as_deref(),
        location.country.as_deref(),
    ]
    .into_iter()
    .flatten()
    .filter(|p| !p.is_empty())
    .collect();
    clean(&parts.join(", "))
}

/// YYYYMMDD, YYYYMM, YYYY and YYYY.FFFF (fraction = day of year / 365) of `date`.
fn date_columns(date: Option<&str>) -> [String; 4] {
    let Some(date) = date else {
        return [String::new(), String::new(), String::new(), String::new()];
    };
    let compact: String = date.replace('-', "");
    let year: String = compact.get(..4).unwrap_or("").to_string();
    let fraction: String = match (year.parse::<f64>(), day_of_year(date)) {
        (Ok(y), Some(day)) => format!("{:.4}", y + f64::from(day) / 365.0),
        _ => String::new(),
    };
    [
        compact.clone(),
        compact.get(..6).unwrap_or("").to_string(),
        year,
        fraction,
    ]
}

/// One GDELT line (without the newline).
pub(super) fn line(record: &ExportRow) -> String {
    let e: &Event = &record.stored.event;
    let date: Option<String> = effective_date(e);
    let mut columns: Vec<String> = Vec::with_capacity(GDELT_COLUMNS.len());
    columns.push(record.stored.id.to_string());
    columns.extend(date_columns(date.as_deref()));
    columns.extend(actor_columns(e.source.as_ref()));
    columns.extend(actor_columns(e.target.as_ref()));
    columns.push(if record.in_first_sentence { "1" } else { "0" }.to_string());
    columns.push(clean(&e.cameo));
    columns.push(clean(e.cameo.get(..3).unwrap_or(&e.cameo)));
    columns.push(clean(&e.cameo_root));
    columns.push(opt(e.quad_class));
    columns.push(opt(e.goldstein.map(|g| format!("{g:.1}"))));
    columns.push(record.stored.mention_count.to_string());
    columns.push(record.num_sources.to_string());
    columns.push(record.num_articles.to_string());
    columns.push(String::new()); // AvgTone
    // Actor1Geo_* and Actor2Geo_*: only the action location is known.
    columns.extend(std::iter::repeat_n(String::new(), 16));
    match e.location.as_ref() {
        Some(location) => {
            columns.push(geo_type(location));
            columns.push(full_name(location));
            columns.push(opt(location.country.as_deref()));
            columns.push(opt(location.admin1.as_deref()));
            columns.push(String::new()); // ActionGeo_ADM2Code
            columns.push(opt(location.lat));
            columns.push(opt(location.lon));
            columns.push(String::new()); // ActionGeo_FeatureID
        }
        None => columns.extend(std::iter::repeat_n(String::new(), 8)),
    }
    columns.push(
        record
            .first_seen
            .chars()
            .filter(char::is_ascii_digit)
            .collect(),
    );
    columns.push(opt(record.doc_url.as_deref()));
    columns.join("\t")
}
