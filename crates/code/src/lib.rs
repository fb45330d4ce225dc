//! annalist-code (placeholder, being written).
