//! A small pool of read-only store connections, used from tokio's blocking threads.
//!
//! A [`Store`] is one SQLite connection (`Send`, not `Sync`), so each request borrows one for
//! the duration of its query. Connections are opened lazily up to `max`; a request that finds
//! none idle and the pool full waits for one to come back.

use annalist_store::{Store, StoreError};
use std::path::{Path, PathBuf};
use std::sync::{Condvar, Mutex, MutexGuard, PoisonError};

/// Connections opened at most: enough for the blocking threads that 2-8 cores keep busy.
pub(crate) const DEFAULT_MAX_CONNECTIONS: usize = 8;

struct Slots {
    idle: Vec<Store>,
    opened: usize,
}

pub(crate) struct StorePool {
    path: PathBuf,
    max: usize,
    slots: Mutex<Slots>,
    returned: Condvar,
}

/// A borrowed connection; goes back to the pool when dropped (also on panic).
struct Lease<'a> {
    pool: &'a StorePool,
    store: Option<Store>,
}

impl Drop for Lease<'_> {
    fn drop(&mut self) {
        if let Some(store) = self.store.take() {
            self.pool.lock().idle.push(store);
            self.pool.returned.notify_one();
        }
    }
}

/// Memory-mapped reads: scans and counts read pages without a system call each.
const MMAP_BYTES: i64 = 256 * 1024 * 1024;
/// Page cache per connection (negative = KiB).
const CACHE_KIB: i64 = -32 * 1024;

/// A read-only connection with read-side tuning (per-connection pragmas; nothing written).
fn open_tuned(path: &Path) -> Result<Store, StoreError> {
    let store: Store = Store::open_read_only(path)?;
    store
        .connection()
        .pragma_update(None, "mmap_size", MMAP_BYTES)?;
    store
        .connection()
        .pragma_update(None, "cache_size", CACHE_KIB)?;
    Ok(store)
}

impl StorePool {
    pub(crate) fn new(path: &Path, max: usize) -> StorePool {
        StorePool {
            path: path.to_path_buf(),
            max: max.max(1),
            slots: Mutex::new(Slots {
                idle: Vec::new(),
                opened: 0,
            }),
            returned: Condvar::new(),
        }
    }

    /// Opens the first connection now, so a bad path fails at start-up, not on a request.
    pub(crate) fn warm(&self) -> Result<(), StoreError> {
        self.with_store(|_| ())
    }

    fn lock(&self) -> MutexGuard<'_, Slots> {
        // A panic while holding the lock cannot leave `Slots` inconsistent (plain push/pop).
        self.slots.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// Runs `f` with a connection. Blocks (call it on a blocking thread) while all are busy.
    pub(crate) fn with_store<T>(&self, f: impl FnOnce(&Store) -> T) -> Result<T, StoreError> {
        let lease: Lease<'_> = self.acquire()?;
        match lease.store.as_ref() {
            Some(store) => Ok(f(store)),
            None => Err(StoreError::InvalidArgument(
                "connection pool lease without a connection".to_string(),
            )),
        }
    }

    fn acquire(&self) -> Result<Lease<'_>, StoreError> {
        let mut slots: MutexGuard<'_, Slots> = self.lock();
        loop {
            if let Some(store) = slots.idle.pop() {
                return Ok(Lease {
                    pool: self,
                    store: Some(store),
                });
            }
            if slots.opened < self.max {
                slots.opened += 1;
                drop(slots);
                return match open_tuned(&self.path) {
                    Ok(store) => Ok(Lease {
                        pool: self,
                        store: Some(store),
                    }),
                    Err(e) => {
                        self.lock().opened -= 1;
                        Err(e)
                    }
                };
            }
            slots = self
                .returned
                .wait(slots)
                .unwrap_or_else(PoisonError::into_inner);
        }
    }
}
