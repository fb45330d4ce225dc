//! annalist-text (placeholder, being written).
