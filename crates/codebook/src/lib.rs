//! annalist-codebook (placeholder, being written).
