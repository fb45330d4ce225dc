//! Server configuration and the errors that stop the server from starting or running.

use annalist_store::StoreError;
use std::fmt;
use std::net::{IpAddr, Ipv4Addr, SocketAddr};
use std::path::PathBuf;

/// Where the server listens unless told otherwise: loopback only.
pub const DEFAULT_ADDR: SocketAddr = SocketAddr::new(IpAddr::V4(Ipv4Addr::LOCALHOST), 8080);

/// What [`serve`](crate::serve) needs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ServeConfig {
    /// The store file (opened read-only; it must exist and be at this build's schema version).
    pub db: PathBuf,
    /// Listen address; [`DEFAULT_ADDR`] (127.0.0.1:8080) by default.
    pub addr: SocketAddr,
}

impl ServeConfig {
    /// Serve `db` on [`DEFAULT_ADDR`].
    pub fn new(db: impl Into<PathBuf>) -> ServeConfig {
        ServeConfig {
            db: db.into(),
            addr: DEFAULT_ADDR,
        }
    }
}

/// Why the server could not start or stopped with an error.
#[derive(Debug)]
pub enum ServeError {
    /// The store could not be opened (missing file, not a store, wrong schema version).
    Store(StoreError),
    /// Binding the address, building the runtime or serving failed.
    Io(std::io::Error),
}

impl fmt::Display for ServeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ServeError::Store(e) => write!(f, "serve: {e}"),
            ServeError::Io(e) => write!(f, "serve: {e}"),
        }
    }
}

impl std::error::Error for ServeError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            ServeError::Store(e) => Some(e),
            ServeError::Io(e) => Some(e),
        }
    }
}

impl From<StoreError> for ServeError {
    fn from(e: StoreError) -> Self {
        ServeError::Store(e)
    }
}

impl From<std::io::Error> for ServeError {
    fn from(e: std::io::Error) -> Self {
        ServeError::Io(e)
    }
}
