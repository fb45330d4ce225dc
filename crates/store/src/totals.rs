//! Per-connection memo of exact match counts, valid while the file is unchanged.
//!
//! `count(*)` over a broad filter visits every match (31 000 rows for one country of the
//! 100 000-event bench store, ~10-20 ms), while the page itself costs well under a
//! millisecond; a dashboard pages through and redraws the same filter many times. A total is
//! a function of the filter and the file's contents, so it is kept under the filter and a
//! *stamp* of the contents: `PRAGMA data_version` (changes when another connection commits)
//! and `total_changes()` (rows this connection has written). Any write anywhere changes the
//! stamp, and the next query counts again.

use rusqlite::Connection;
use std::collections::HashMap;

/// Totals kept per connection (a few KB); the memo is emptied when it is full.
const MAX_ENTRIES: usize = 512;

/// What the file's contents are known by: another connection's commit changes the first,
/// a write on this connection the second.
pub(crate) type Stamp = (i64, u64);

pub(crate) fn stamp(conn: &Connection) -> rusqlite::Result<Stamp> {
    let data_version: i64 = conn.query_row("PRAGMA data_version", [], |row| row.get(0))?;
    Ok((data_version, conn.total_changes()))
}

#[derive(Default)]
pub(crate) struct Totals {
    stamp: Option<Stamp>,
    counts: HashMap<String, u64>,
}

impl Totals {
    /// The total memoised for `key` under `stamp`; forgets everything of older stamps.
    pub(crate) fn get(&mut self, stamp: Stamp, key: &str) -> Option<u64> {
        if self.stamp != Some(stamp) {
            self.stamp = Some(stamp);
            self.counts.clear();
            return None;
        }
        self.counts.get(key).copied()
    }

    pub(crate) fn put(&mut self, stamp: Stamp, key: String, total: u64) {
        if self.stamp != Some(stamp) || self.counts.len() >= MAX_ENTRIES {
            self.stamp = Some(stamp);
            self.counts.clear();
        }
        self.counts.insert(key, total);
    }
}

#[cfg(test)]
mod tests {
    use super::Totals;

    #[test]
    fn a_new_stamp_forgets_old_totals() {
        let mut totals: Totals = Totals::default();
        assert_eq!(totals.get((1, 0), "a"), None);
        totals.put((1, 0), "a".to_string(), 7);
        assert_eq!(totals.get((1, 0), "a"), Some(7));
        assert_eq!(totals.get((1, 1), "a"), None);
        assert_eq!(totals.get((1, 0), "a"), None);
    }
}
