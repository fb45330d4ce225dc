//! Export formats: header and column counts, content of key columns.

mod common;

use annalist_store::{CSV_COLUMNS, EventFilter, Format, GDELT_COLUMNS, Store, StoredEvent};
use common::{E1, E2, E5, fixture_store};
use serde_json::Value;
use std::error::Error;

type TestResult = Result<(), Box<dyn Error>>;

fn export(
    store: &Store,
    filter: &EventFilter,
    format: Format,
) -> Result<(u64, String), Box<dyn Error>> {
    let mut out: Vec<u8> = Vec::new();
    let written: u64 = store.export(filter, format, &mut out)?;
    Ok((written, String::from_utf8(out)?))
}

#[test]
fn csv_has_a_header_and_one_full_row_per_event() -> TestResult {
    let store: Store = fixture_store();
    let (written, text) = export(&store, &EventFilter::default(), Format::Csv)?;
    assert_eq!(written, 4);
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let header: Vec<String> = reader.headers()?.iter().map(str::to_string).collect();
    assert_eq!(header, CSV_COLUMNS.to_vec());
    let rows: Vec<csv::StringRecord> = reader.records().collect::<Result<Vec<_>, _>>()?;
    assert_eq!(rows.len(), 4);
    for row in &rows {
        assert_eq!(row.len(), CSV_COLUMNS.len());
    }
    let column = |name: &str| {
        CSV_COLUMNS
            .iter()
            .position(|c| *c == name)
            .unwrap_or(usize::MAX)
    };
    let first = &rows[0];
    assert_eq!(first.get(column("id")), Some(E1.to_string().as_str()));
    assert_eq!(first.get(column("mention_count")), Some("2"));
    assert_eq!(first.get(column("num_articles")), Some("2"));
    assert_eq!(first.get(column("fatalities")), Some("3"));
    assert_eq!(first.get(column("location_name")), Some("Kharkiv"));
    assert_eq!(
        first.get(column("doc_url")),
        Some("https://news.example/doc-a")
    );
    Ok(())
}

#[test]
fn jsonl_lines_are_stored_events() -> TestResult {
    let store: Store = fixture_store();
    let (written, text) = export(&store, &EventFilter::default(), Format::Jsonl)?;
    assert_eq!(written, 4);
    let events: Vec<StoredEvent> = text
        .lines()
        .map(serde_json::from_str)
        .collect::<Result<Vec<StoredEvent>, _>>()?;
    assert_eq!(
        events.iter().map(|e| e.id).collect::<Vec<i64>>(),
        vec![1, 2, 3, 4]
    );
    assert_eq!(Some(&events[0]), store.event(E1)?.as_ref());
    Ok(())
}

#[test]
fn gdelt_lines_have_the_61_event_table_columns() -> TestResult {
    let store: Store = fixture_store();
    let (written, text) = export(&store, &EventFilter::default(), Format::Gdelt)?;
    assert_eq!(written, 4);
    assert_eq!(GDELT_COLUMNS.len(), 61);
    let lines: Vec<Vec<&str>> = text.lines().map(|l| l.split('\t').collect()).collect();
    assert_eq!(lines.len(), 4);
    for line in &lines {
        assert_eq!(line.len(), 61);
    }
    let col = |name: &str| {
        GDELT_COLUMNS
            .iter()
            .position(|c| *c == name)
            .unwrap_or(usize::MAX)
    };
    let e1 = &lines[0];
    let expect = [
        ("GLOBALEVENTID", "1"),
        ("SQLDATE", "20240301"),
        ("MonthYear", "202403"),
        ("Year", "2024"),
        ("FractionDate", "2024.1671"),
        ("Actor1Code", "RUSMIL"),
        ("Actor1Name", "RUSSIAN TROOPS"),
        ("Actor1CountryCode", "RUS"),
        ("Actor1Type1Code", "MIL"),
        ("Actor2Code", "UKRMIL"),
        ("IsRootEvent", "1"),
        ("EventCode", "190"),
        ("EventBaseCode", "190"),
        ("EventRootCode", "19"),
        ("QuadClass", "4"),
        ("GoldsteinScale", "-10.0"),
        ("NumMentions", "2"),
        ("NumSources", "2"),
        ("NumArticles", "2"),
        ("AvgTone", ""),
        ("ActionGeo_Type", "4"),
        ("ActionGeo_FullName", "Kharkiv, UKR"),
        ("ActionGeo_CountryCode", "UKR"),
        ("ActionGeo_Lat", "49.99"),
        ("ActionGeo_Long", "36.23"),
        ("SOURCEURL", "https://news.example/doc-a"),
    ];
    for (name, value) in expect {
        assert_eq!(e1[col(name)], value, "{name}");
    }
    assert_eq!(e1[col("DATEADDED")].len(), 14);
    // E2 has no place: every ActionGeo column is empty.
    let e2 = &lines[(E2 - 1) as usize];
    assert!(
        e2[col("ActionGeo_Type")..col("DATEADDED")]
            .iter()
            .all(|c| c.is_empty())
    );
    assert_eq!(e2[col("IsRootEvent")], "0");
    Ok(())
}

#[test]
fn plover_records_use_plover_field_names_and_skip_unmapped_events() -> TestResult {
    let store: Store = fixture_store();
    let (written, text) = export(&store, &EventFilter::default(), Format::Plover)?;
    // E2 (CAMEO 111 here without a PLOVER type) is left out.
    assert_eq!(written, 3);
    let records: Vec<Value> = text
        .lines()
        .map(serde_json::from_str)
        .collect::<Result<Vec<Value>, _>>()?;
    assert_eq!(records.len(), 3);
    let e1 = &records[0];
    assert_eq!(e1["id"], "1");
    assert_eq!(e1["date"], "2024-03-01");
    assert_eq!(e1["event"], serde_json::json!(["ASSAULT"]));
    assert_eq!(e1["source"][0]["code"], "RUS");
    assert_eq!(e1["source"][0]["sector"], "MIL");
    assert_eq!(e1["source"][0]["actor_text"], "Russian troops");
    assert_eq!(e1["recipient"][0]["code"], "UKR");
    assert_eq!(e1["quad_code"], 4);
    assert_eq!(e1["event_loc"]["cc3"], "UKR");
    assert_eq!(e1["event_loc"]["latitude"], 49.99);
    assert_eq!(e1["dead"], 3);
    assert_eq!(e1["text_info"]["start"], 0);
    assert_eq!(e1["cite_info"]["url"], "https://news.example/doc-a");
    assert_eq!(e1["mention_count"], 2);
    let consult = &records[1];
    assert_eq!(consult["mode"], "visit");
    let e5 = &records[2];
    assert_eq!(e5["id"], E5.to_string());
    assert_eq!(e5["context"], serde_json::json!(["historical"]));
    Ok(())
}

#[test]
fn export_respects_filters_limit_and_offset() -> TestResult {
    let store: Store = fixture_store();
    let filter = EventFilter {
        cameo_root: Some("19".into()),
        ..EventFilter::default()
    };
    let (written, text) = export(&store, &filter, Format::Gdelt)?;
    assert_eq!(written, 2);
    assert_eq!(text.lines().count(), 2);
    let page = EventFilter {
        limit: Some(1),
        offset: Some(1),
        ..EventFilter::default()
    };
    let (written, text) = export(&store, &page, Format::Jsonl)?;
    assert_eq!(written, 1);
    let only: StoredEvent = serde_json::from_str(text.trim_end())?;
    assert_eq!(only.id, E2);
    let (written, text) = export(
        &store,
        &EventFilter {
            actor: Some("NOBODY".into()),
            ..EventFilter::default()
        },
        Format::Csv,
    )?;
    assert_eq!(written, 0);
    assert_eq!(
        text.lines().count(),
        1,
        "an empty CSV export still has its header"
    );
    Ok(())
}

#[test]
fn parquet_is_a_readable_file_with_one_typed_row_per_event() -> TestResult {
    use parquet::file::reader::{FileReader, SerializedFileReader};
    use parquet::record::Field;

    let store: Store = fixture_store();
    let mut out: Vec<u8> = Vec::new();
    let written: u64 = store.export(&EventFilter::default(), Format::Parquet, &mut out)?;
    assert_eq!(written, 4);
    assert_eq!(&out[..4], b"PAR1");
    assert_eq!(&out[out.len() - 4..], b"PAR1");
    let mut file: std::fs::File = tempfile::tempfile()?;
    std::io::Write::write_all(&mut file, &out)?;
    let reader = SerializedFileReader::new(file)?;
    let columns: Vec<String> = reader
        .metadata()
        .file_metadata()
        .schema_descr()
        .columns()
        .iter()
        .map(|c| c.name().to_string())
        .collect();
    assert_eq!(columns, CSV_COLUMNS.to_vec());
    let rows: Vec<parquet::record::Row> =
        reader.get_row_iter(None)?.collect::<Result<Vec<_>, _>>()?;
    assert_eq!(rows.len(), 4);
    for row in &rows {
        let id: Option<&Field> = row
            .get_column_iter()
            .find(|(name, _)| *name == "id")
            .map(|(_, f)| f);
        assert!(
            matches!(id, Some(Field::Long(n)) if *n > 0),
            "id is an INT64: {row:?}"
        );
        let cameo = row
            .get_column_iter()
            .find(|(name, _)| *name == "cameo")
            .map(|(_, f)| f);
        assert!(
            matches!(cameo, Some(Field::Str(_))),
            "cameo is a string: {row:?}"
        );
    }
    Ok(())
}
