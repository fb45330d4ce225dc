//! A bounded cache of JSON response bodies for the aggregate and list routes.
//!
//! The store is append-only as far as reads can tell: events are inserted (never deleted),
//! a merge adds a mention, a new document adds a row. So every answer is a function of the
//! query and the *generation* `(max event id, max mention id, max document pk)`, which SQLite
//! reads from the three rowid b-trees in O(log n). An entry is served only while the
//! generation it was computed at is current; a running ingest therefore invalidates it.
//! Dashboards repeat the same filter for the map, the table pages and the charts, which is
//! what this saves (a `count(*)` over tens of thousands of matches costs 10-30 ms here).

use annalist_store::{Store, StoreError};
use axum::body::Bytes;
use std::collections::HashMap;
use std::sync::{Mutex, MutexGuard, PoisonError};

/// What the answers of one moment depend on.
pub(crate) type Generation = (Option<i64>, Option<i64>, Option<i64>);

/// The store's current generation.
pub(crate) fn generation(store: &Store) -> Result<Generation, StoreError> {
    let mut statement: rusqlite::CachedStatement<'_> = store.connection().prepare_cached(
        "SELECT (SELECT max(id) FROM events), (SELECT max(id) FROM mentions),
                (SELECT max(pk) FROM documents)",
    )?;
    let current: Generation =
        statement.query_row([], |row| Ok((row.get(0)?, row.get(1)?, row.get(2)?)))?;
    Ok(current)
}

struct Entry {
    generation: Generation,
    body: Bytes,
    last_used: u64,
}

struct Entries {
    map: HashMap<String, Entry>,
    bytes: usize,
    clock: u64,
}

/// Least-recently-used eviction once `max_bytes` of bodies are held.
pub(crate) struct ResponseCache {
    entries: Mutex<Entries>,
    max_bytes: usize,
}

/// Bodies larger than this are not cached (a 10 000-event page is better recomputed).
const MAX_ENTRY_BYTES: usize = 4 * 1024 * 1024;

impl ResponseCache {
    pub(crate) fn new(max_bytes: usize) -> ResponseCache {
        ResponseCache {
            entries: Mutex::new(Entries {
                map: HashMap::new(),
                bytes: 0,
                clock: 0,
            }),
            max_bytes,
        }
    }

    fn lock(&self) -> MutexGuard<'_, Entries> {
        // Entries stay consistent under panic: every update is a single insert or remove.
        self.entries.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// The body cached for `key` at `generation`, if any.
    pub(crate) fn get(&self, key: &str, generation: Generation) -> Option<Bytes> {
        let mut entries: MutexGuard<'_, Entries> = self.lock();
        entries.clock += 1;
        let now: u64 = entries.clock;
        let entry: &mut Entry = entries.map.get_mut(key)?;
        if entry.generation != generation {
            return None;
        }
        entry.last_used = now;
        Some(entry.body.clone())
    }

    pub(crate) fn put(&self, key: String, generation: Generation, body: Bytes) {
        if self.max_bytes == 0 || body.len() > MAX_ENTRY_BYTES.min(self.max_bytes) {
            return;
        }
        let mut entries: MutexGuard<'_, Entries> = self.lock();
        entries.clock += 1;
        let now: u64 = entries.clock;
        let size: usize = body.len();
        if let Some(old) = entries.map.insert(
            key,
            Entry {
                generation,
                body,
                last_used: now,
            },
        ) {
            entries.bytes -= old.body.len();
        }
        entries.bytes += size;
        while entries.bytes > self.max_bytes {
            let oldest: Option<String> = entries
                .map
                .iter()
                .min_by_key(|(_, entry)| entry.last_used)
                .map(|(key, _)| key.clone());
            let Some(oldest) = oldest else { break };
            if let Some(removed) = entries.map.remove(&oldest) {
                entries.bytes -= removed.body.len();
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::ResponseCache;
    use axum::body::Bytes;

    #[test]
    fn serves_only_the_current_generation_and_evicts_the_oldest() {
        let cache: ResponseCache = ResponseCache::new(10);
        let generation = (Some(1), Some(1), Some(1));
        cache.put("a".into(), generation, Bytes::from_static(b"12345"));
        assert_eq!(cache.get("a", generation).as_deref(), Some(&b"12345"[..]));
        assert_eq!(cache.get("a", (Some(2), Some(1), Some(1))), None);
        cache.put("b".into(), generation, Bytes::from_static(b"12345"));
        assert!(cache.get("a", generation).is_some());
        cache.put("c".into(), generation, Bytes::from_static(b"xy"));
        assert!(
            cache.get("b", generation).is_none(),
            "b was least recently used"
        );
        assert!(cache.get("a", generation).is_some());
        assert!(cache.get("c", generation).is_some());
    }
}
