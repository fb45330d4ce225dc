//! annalist-store: the embedded event store (SQLite).
//!
//! [`Store::ingest_document`] stores one coded document and its events in one transaction,
//! exactly once (a document is identified by its id and a hash of its text), and merges
//! events that report the same real-world event into one stored event with a mention count
//! and a link to every mention (rule in [`dedup`]). Reads: [`Store::query_events`],
//! [`Store::event_with_mentions`], [`Store::timeline`], [`Store::network`], [`Store::stats`];
//! output: [`Store::export`] as CSV, JSON Lines, GDELT 2.0 event table or PLOVER JSON.
//! The schema and its migrations are in [`schema`] and `docs/STORE.md`.
//!
//! All SQL is parameterised: filter values are bound, never spliced into statements.

mod aggregate;
pub mod bench;
pub mod dedup;
mod document;
mod error;
mod export;
mod filter;
mod hash;
mod ingest;
mod query;
pub mod schema;
mod store;
mod time;
mod totals;

pub use aggregate::{ActorLevel, Interval, NetworkEdge, StoreStats, TimelinePoint, TypeKey};
pub use document::StoredDocument;
pub use error::{Result, StoreError};
pub use export::{CSV_COLUMNS, Format, GDELT_COLUMNS};
pub use filter::{EventFilter, SortOrder};
pub use hash::content_hash;
pub use ingest::{DocumentMeta, IngestOutcome};
pub use query::{DEFAULT_LIMIT, EventWithMentions, MAX_LIMIT, Mention, StoredEvent};
pub use store::Store;
