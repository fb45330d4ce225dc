//! Parquet: the CSV columns with real types (integers, doubles, booleans, UTF-8 strings),
//! unknown values as nulls, Snappy-compressed, one row group per export.
//!
//! Rows are buffered in memory until `finish`, because a Parquet file is written column
//! by column; an export is bounded by the store's size.

use std::io::Write;
use std::sync::Arc;

use parquet::basic::Compression;
use parquet::data_type::{BoolType, ByteArray, ByteArrayType, DoubleType, Int64Type};
use parquet::file::properties::WriterProperties;
use parquet::file::writer::SerializedFileWriter;
use parquet::schema::parser::parse_message_type;
use parquet::schema::types::Type;

use super::ExportRow;
use super::csv_format::{CSV_COLUMNS, row_values};
use crate::error::{Result, StoreError};

/// The physical type of each flat column.
#[derive(Clone, Copy)]
enum Kind {
    Int,
    Double,
    Bool,
    Text,
}

fn kind(column: &str) -> Kind {
    match column {
        "id" | "mention_count" | "num_articles" | "quad_class" | "penta_class" | "fatalities"
        | "injured" | "captured" | "pattern_line" => Kind::Int,
        "goldstein" | "location_lat" | "location_lon" => Kind::Double,
        "background" => Kind::Bool,
        _ => Kind::Text,
    }
}

/// Collects rows, then writes them as one Parquet file.
pub(super) struct ParquetSink {
    rows: Vec<[String; 43]>,
}

impl ParquetSink {
    pub(super) fn new() -> ParquetSink {
        ParquetSink { rows: Vec::new() }
    }

    pub(super) fn push(&mut self, record: &ExportRow) {
        self.rows.push(row_values(record));
    }

    pub(super) fn finish<W: Write>(self, out: &mut W) -> Result<()> {
        let bytes: Vec<u8> = self
            .encode()
            .map_err(|e| StoreError::Io(std::io::Error::other(e.to_string())))?;
        out.write_all(&bytes)?;
        Ok(())
    }

    fn encode(&self) -> parquet::errors::Result<Vec<u8>> {
        let fields: Vec<String> = CSV_COLUMNS
            .iter()
            .map(|column| match kind(column) {
                Kind::Int => format!("OPTIONAL INT64 {column};"),
                Kind::Double => format!("OPTIONAL DOUBLE {column};"),
                Kind::Bool => format!("OPTIONAL BOOLEAN {column};"),
                Kind::Text => format!("OPTIONAL BINARY {column} (UTF8);"),
            })
            .collect();
        let schema: Arc<Type> = Arc::new(parse_message_type(&format!(
            "message annalist_event {{ {} }}",
            fields.join(" ")
        ))?);
        let properties = Arc::new(
            WriterProperties::builder()
                .set_compression(Compression::SNAPPY)
                .build(),
        );
        let mut buffer: Vec<u8> = Vec::new();
        let mut writer = SerializedFileWriter::new(&mut buffer, schema, properties)?;
        let mut group = writer.next_row_group()?;
        let mut index: usize = 0;
        while let Some(mut column) = group.next_column()? {
            let values = self.rows.iter().map(|row| row[index].as_str());
            let levels: Vec<i16> = values.clone().map(|v| i16::from(!v.is_empty())).collect();
            let present = values.filter(|v| !v.is_empty());
            match kind(CSV_COLUMNS[index]) {
                Kind::Int => {
                    let data: Vec<i64> = present.map(|v| v.parse().unwrap_or_default()).collect();
                    column
                        .typed::<Int64Type>()
                        .write_batch(&data, Some(&levels), None)?;
                }
                Kind::Double => {
                    let data: Vec<f64> = present.map(|v| v.parse().unwrap_or_default()).collect();
                    column
                        .typed::<DoubleType>()
                        .write_batch(&data, Some(&levels), None)?;
                }
                Kind::Bool => {
                    let data: Vec<bool> = present.map(|v| v == "true").collect();
                    column
                        .typed::<BoolType>()
                        .write_batch(&data, Some(&levels), None)?;
                }
                Kind::Text => {
                    let data: Vec<ByteArray> = present
                        .map(|v| ByteArray::from(v.as_bytes().to_vec()))
                        .collect();
                    column
                        .typed::<ByteArrayType>()
                        .write_batch(&data, Some(&levels), None)?;
                }
            }
            column.close()?;
            index += 1;
        }
        group.close()?;
        writer.close()?;
        Ok(buffer)
    }
}
