//! A server on an ephemeral 127.0.0.1 port on its own runtime thread, for tests, the browser
//! test and the benchmark (never another address).

use crate::config::ServeError;
use axum::Router;
use std::net::SocketAddr;
use std::thread::JoinHandle;

/// A server on an ephemeral loopback port, on its own runtime thread; stops when dropped.
pub struct TestServer {
    pub addr: SocketAddr,
    shutdown: Option<tokio::sync::oneshot::Sender<()>>,
    thread: Option<JoinHandle<()>>,
}

impl TestServer {
    /// Serves `app` on 127.0.0.1 with an ephemeral port, using `workers` runtime threads.
    pub fn start(app: Router, workers: usize) -> Result<TestServer, ServeError> {
        let runtime: tokio::runtime::Runtime = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(workers.max(1))
            .enable_all()
            .build()?;
        let listener: std::net::TcpListener = std::net::TcpListener::bind(("127.0.0.1", 0))?;
        listener.set_nonblocking(true)?;
        let addr: SocketAddr = listener.local_addr()?;
        let (shutdown, stopped) = tokio::sync::oneshot::channel::<()>();
        let thread: JoinHandle<()> = std::thread::spawn(move || {
            runtime.block_on(async move {
                let served = async {
                    let listener: tokio::net::TcpListener =
                        tokio::net::TcpListener::from_std(listener)?;
                    axum::serve(listener, app)
                        .with_graceful_shutdown(async {
                            let _closed = stopped.await;
                        })
                        .await
                };
                if let Err(e) = served.await {
                    eprintln!("test server: {e}");
                }
            });
        });
        Ok(TestServer {
            addr,
            shutdown: Some(shutdown),
            thread: Some(thread),
        })
    }
}

impl Drop for TestServer {
    fn drop(&mut self) {
        if let Some(shutdown) = self.shutdown.take() {
            let _already_stopped = shutdown.send(());
        }
        if let Some(thread) = self.thread.take() {
            let _panicked = thread.join();
        }
    }
}
