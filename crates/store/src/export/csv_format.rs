//! Flat CSV: one row per stored event, the first mention's fields, with a header.

use super::ExportRow;
use crate::error::Result;
use annalist_code::{Actor, Event, Location};
use std::io::Write;

/// The CSV header, in column order.
pub const CSV_COLUMNS: [&str; 43] = [
    "id",
    "mention_count",
    "num_articles",
    "date",
    "event_date",
    "report_date",
    "cameo",
    "cameo_root",
    "cameo_name",
    "goldstein",
    "quad_class",
    "penta_class",
    "plover_event",
    "plover_mode",
    "acled_event_type",
    "acled_sub_event_type",
    "source_code",
    "source_country",
    "source_sector",
    "source_text",
    "target_code",
    "target_country",
    "target_sector",
    "target_text",
    "fatalities",
    "injured",
    "captured",
    "location_name",
    "location_country",
    "location_admin1",
    "location_lat",
    "location_lon",
    "location_precision",
    "background",
    "record_id",
    "doc_id",
    "sentence_id",
    "sentence",
    "verb",
    "pattern_file",
    "pattern_line",
    "doc_url",
    "first_seen",
];

pub(super) fn writer<W: Write>(out: W) -> Result<csv::Writer<W>> {
    let mut writer: csv::Writer<W> = csv::Writer::from_writer(out);
    writer.write_record(CSV_COLUMNS)?;
    Ok(writer)
}

fn opt<T: ToString>(value: Option<T>) -> String {
    value.map_or_else(String::new, |v| v.to_string())
}

pub(super) fn write_row<W: Write>(writer: &mut csv::Writer<W>, record: &ExportRow) -> Result<()> {
    writer.write_record(row_values(record))?;
    Ok(())
}

/// The flat columns of one record, in [`CSV_COLUMNS`] order; empty means unknown.
pub(super) fn row_values(record: &ExportRow) -> [String; 43] {
    let e: &Event = &record.stored.event;
    let source: Option<&Actor> = e.source.as_ref();
    let target: Option<&Actor> = e.target.as_ref();
    let location: Option<&Location> = e.location.as_ref();
    [
        record.stored.id.to_string(),
        record.stored.mention_count.to_string(),
        record.num_articles.to_string(),
        opt(crate::dedup::effective_date(e)),
        opt(e.event_date.as_deref()),
        opt(e.report_date.as_deref()),
        e.cameo.clone(),
        e.cameo_root.to_string(),
        opt(e.cameo_name.as_deref()),
        opt(e.goldstein),
        opt(e.quad_class),
        opt(e.penta_class),
        opt(e.plover.as_ref().map(|p| p.event.as_ref())),
        opt(e.plover.as_ref().and_then(|p| p.mode.as_deref())),
        opt(e.acled.as_ref().map(|a| a.event_type.as_ref())),
        opt(e.acled.as_ref().map(|a| a.sub_event_type.as_ref())),
        opt(source.and_then(|a| a.code.as_deref())),
        opt(source.and_then(|a| a.country.as_deref())),
        opt(source.and_then(|a| a.sector.as_deref())),
        opt(source.map(|a| a.text.as_str())),
        opt(target.and_then(|a| a.code.as_deref())),
        opt(target.and_then(|a| a.country.as_deref())),
        opt(target.and_then(|a| a.sector.as_deref())),
        opt(target.map(|a| a.text.as_str())),
        opt(e.fatalities),
        opt(e.injured),
        opt(e.captured),
        opt(location.map(|l| l.name.as_str())),
        opt(location.and_then(|l| l.country.as_deref())),
        opt(location.and_then(|l| l.admin1.as_deref())),
        opt(location.and_then(|l| l.lat)),
        opt(location.and_then(|l| l.lon)),
        opt(location.and_then(|l| l.precision.as_deref())),
        e.background.to_string(),
        e.id.clone(),
        e.doc_id.clone(),
        e.sentence_id.clone(),
        e.sentence.clone(),
        opt(e.verb.as_ref().map(|v| v.text.as_str())),
        opt(e.pattern.as_ref().map(|p| p.file.as_str())),
        opt(e.pattern.as_ref().map(|p| p.line)),
        opt(record.doc_url.as_deref()),
        record.first_seen.clone(),
    ]
}
