//! annalist-ingest (placeholder, being written).
