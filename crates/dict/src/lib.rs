//! annalist-dict (placeholder, being written).
