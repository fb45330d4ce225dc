//! Code shared by the examples and tests (not an example itself).

pub mod scoring;
