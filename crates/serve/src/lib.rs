//! annalist-serve: a read-only HTTP JSON API and an offline dashboard over an event store.
//!
//! [`serve`] runs the server (blocking; it builds its own tokio runtime); [`router`] and
//! [`try_router`] give the [`axum::Router`] for tests and embedding. Every store read runs on
//! tokio's blocking pool against a small pool of read-only SQLite connections
//! ([`Store::open_read_only`](annalist_store::Store::open_read_only)), so a running
//! `annalist ingest` can keep writing to the same file.
//!
//! Routes (all `GET`; see [`openapi::document`] and `docs/SERVE.md`):
//! `/api/events`, `/api/events/{id}`, `/api/timeline`, `/api/network`, `/api/stats`,
//! `/api/export`, `/api/openapi.json`, and the dashboard at `/` with its files under
//! `/assets/`. Bad query parameters are answered with 400 and a JSON body naming the parameter.

mod assets;
pub mod bench;
mod cache;
mod config;
mod error;
mod export;
mod handlers;
pub mod loopback;
pub mod openapi;
mod params;
mod pool;
mod server;
pub mod test_server;

pub use config::{DEFAULT_ADDR, ServeConfig, ServeError};
pub use server::{RouterOptions, router, router_with, serve, try_router};
