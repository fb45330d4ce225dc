//! End-to-end: the dashboard in headless Chromium, driven through chromedriver's WebDriver
//! HTTP API with the crate's loopback client. Skips (with a message) when `/usr/bin/chromium`
//! or `chromedriver` is missing. Set `ANNALIST_SCREENSHOTS=DIR` to keep the PNGs of each view
//! (the committed ones are in `docs/screenshots/`).

mod common;

use annalist_serve::loopback::{HttpResponse, LoopbackClient};
use annalist_serve::test_server::TestServer;
use annalist_store::Store;
use serde_json::{Value, json};
use std::net::{SocketAddr, TcpListener};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

const CHROMIUM: &str = "/usr/bin/chromium";
const CHROMEDRIVERS: [&str; 2] = ["/usr/bin/chromedriver", "/usr/lib/chromium/chromedriver"];

type Result<T> = std::result::Result<T, String>;

/// A WebDriver session on a chromedriver child process; both end on drop.
struct Driver {
    client: LoopbackClient,
    session: String,
    process: Child,
}

impl Driver {
    fn start(chromedriver: &str, profile: &Path) -> Result<Driver> {
        let port: u16 = TcpListener::bind(("127.0.0.1", 0))
            .and_then(|listener| listener.local_addr())
            .map_err(|e| format!("free port: {e}"))?
            .port();
        let process: Child = Command::new(chromedriver)
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .map_err(|e| format!("starting {chromedriver}: {e}"))?;
        let addr: SocketAddr = SocketAddr::from(([127, 0, 0, 1], port));
        let mut client: LoopbackClient = LoopbackClient::new(addr).map_err(|e| e.to_string())?;
        let started: Instant = Instant::now();
        while client
            .get("/status")
            .map(|r| r.status != 200)
            .unwrap_or(true)
        {
            if started.elapsed() > Duration::from_secs(20) {
                return Err("chromedriver did not come up in 20 s".to_string());
            }
            std::thread::sleep(Duration::from_millis(100));
        }
        let mut driver: Driver = Driver {
            client,
            session: String::new(),
            process,
        };
        let capabilities: Value = json!({"capabilities": {"alwaysMatch": {
            "browserName": "chrome",
            "goog:chromeOptions": {"binary": CHROMIUM, "args": [
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--hide-scrollbars", "--window-size=1400,1250",
                format!("--user-data-dir={}", profile.display())
            ]}
        }}});
        let created: Value = driver.command("POST", "/session", Some(capabilities))?;
        driver.session = created["sessionId"]
            .as_str()
            .ok_or_else(|| format!("no session id in {created}"))?
            .to_string();
        Ok(driver)
    }

    /// One WebDriver command; returns its `value`.
    fn command(&mut self, method: &str, path: &str, body: Option<Value>) -> Result<Value> {
        let bytes: Option<Vec<u8>> = body.map(|b| b.to_string().into_bytes());
        let response: HttpResponse = self
            .client
            .request(method, path, bytes.as_deref())
            .map_err(|e| format!("{method} {path}: {e}"))?;
        let value: Value =
            serde_json::from_slice(&response.body).map_err(|e| format!("{path}: {e}"))?;
        if response.status != 200 {
            return Err(format!(
                "{method} {path}: {} {}",
                response.status, value["value"]
            ));
        }
        Ok(value["value"].clone())
    }

    fn session_path(&self, rest: &str) -> String {
        format!("/session/{}{rest}", self.session)
    }

    fn goto(&mut self, url: &str) -> Result<()> {
        let path: String = self.session_path("/url");
        self.command("POST", &path, Some(json!({"url": url})))
            .map(|_| ())
    }

    fn exec(&mut self, script: &str) -> Result<Value> {
        let path: String = self.session_path("/execute/sync");
        self.command("POST", &path, Some(json!({"script": script, "args": []})))
    }

    /// Polls `script` until it returns true (10 s).
    fn wait_for(&mut self, script: &str) -> Result<()> {
        let started: Instant = Instant::now();
        loop {
            if self.exec(script)? == Value::Bool(true) {
                return Ok(());
            }
            if started.elapsed() > Duration::from_secs(10) {
                return Err(format!("timed out waiting for: {script}"));
            }
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    fn wait_ready(&mut self) -> Result<()> {
        self.wait_for("return document.body.dataset.ready === 'yes'")
    }

    fn find(&mut self, css: &str) -> Result<String> {
        let path: String = self.session_path("/element");
        let found: Value = self.command(
            "POST",
            &path,
            Some(json!({"using": "css selector", "value": css})),
        )?;
        // The W3C element reference is the object's only value.
        found
            .as_object()
            .and_then(|object| object.values().next())
            .and_then(Value::as_str)
            .map(str::to_string)
            .ok_or_else(|| format!("no element id for {css}: {found}"))
    }

    fn click(&mut self, css: &str) -> Result<()> {
        let element: String = self.find(css)?;
        let path: String = self.session_path(&format!("/element/{element}/click"));
        self.command("POST", &path, Some(json!({}))).map(|_| ())
    }

    fn type_into(&mut self, css: &str, text: &str) -> Result<()> {
        let element: String = self.find(css)?;
        let clear: String = self.session_path(&format!("/element/{element}/clear"));
        self.command("POST", &clear, Some(json!({})))?;
        let path: String = self.session_path(&format!("/element/{element}/value"));
        self.command("POST", &path, Some(json!({"text": text})))
            .map(|_| ())
    }

    /// A PNG of the page, or of the element matching `css`.
    fn screenshot(&mut self, css: Option<&str>, file: &Path) -> Result<()> {
        let path: String = match css {
            Some(css) => {
                let element: String = self.find(css)?;
                self.session_path(&format!("/element/{element}/screenshot"))
            }
            None => self.session_path("/screenshot"),
        };
        let encoded: Value = self.command("GET", &path, None)?;
        let png: Vec<u8> = base64_decode(encoded.as_str().unwrap_or(""))?;
        std::fs::write(file, png).map_err(|e| format!("{}: {e}", file.display()))
    }
}

impl Drop for Driver {
    fn drop(&mut self) {
        if !self.session.is_empty() {
            let path: String = self.session_path("");
            let _ended = self.command("DELETE", &path, None);
        }
        let _killed = self.process.kill();
        let _reaped = self.process.wait();
    }
}

fn base64_decode(text: &str) -> Result<Vec<u8>> {
    let value = |c: u8| -> Result<u32> {
        Ok(match c {
            b'A'..=b'Z' => c - b'A',
            b'a'..=b'z' => c - b'a' + 26,
            b'0'..=b'9' => c - b'0' + 52,
            b'+' => 62,
            b'/' => 63,
            _ => return Err(format!("bad base64 byte {c}")),
        } as u32)
    };
    let clean: Vec<u8> = text
        .bytes()
        .filter(|b| !b.is_ascii_whitespace() && *b != b'=')
        .collect();
    let mut out: Vec<u8> = Vec::with_capacity(clean.len() * 3 / 4);
    for chunk in clean.chunks(4) {
        let mut bits: u32 = 0;
        for (i, c) in chunk.iter().enumerate() {
            bits |= value(*c)? << (18 - 6 * i);
        }
        let bytes: [u8; 3] = [(bits >> 16) as u8, (bits >> 8) as u8, bits as u8];
        out.extend_from_slice(&bytes[..chunk.len().saturating_sub(1)]);
    }
    Ok(out)
}

fn count(driver: &mut Driver, script: &str) -> Result<u64> {
    driver
        .exec(script)?
        .as_u64()
        .ok_or_else(|| format!("not a count: {script}"))
}

fn texts(driver: &mut Driver, css: &str) -> Result<Vec<String>> {
    let value: Value = driver.exec(&format!(
        "return [...document.querySelectorAll({css:?})].map((e) => e.textContent)"
    ))?;
    Ok(value
        .as_array()
        .map(|items| {
            items
                .iter()
                .map(|v| v.as_str().unwrap_or("").to_string())
                .collect()
        })
        .unwrap_or_default())
}

const ROWS: &str = "return document.querySelectorAll('#events tbody tr[data-id]').length";

/// Map, timeline, network, table filtering and the drill-down on the small fixture store.
fn check_dashboard(driver: &mut Driver, base: &str) -> Result<()> {
    driver.goto(&format!("{base}/"))?;
    driver.wait_ready()?;
    driver.wait_for("return Number(document.getElementById('map').dataset.countries) > 150")?;
    let marker_events: u64 = count(
        driver,
        "return [...document.querySelectorAll('#map .ann-marker')].reduce((s, m) => s + Number(m.textContent), 0)",
    )?;
    assert_eq!(marker_events, 3, "the three located events are on the map");
    assert!(
        count(
            driver,
            "return document.querySelectorAll('#map .ann-marker').length"
        )? >= 2
    );
    assert!(
        count(
            driver,
            "return document.querySelectorAll('#map path.leaflet-interactive, #map svg path').length"
        )? > 100,
        "country shapes drawn"
    );
    assert!(
        count(
            driver,
            "return document.querySelectorAll('#timeline rect.bar').length"
        )? >= 4
    );
    assert_eq!(
        count(
            driver,
            "return Number(document.getElementById('network').dataset.nodes)"
        )?,
        8
    );
    assert_eq!(count(driver, ROWS)?, 4);

    // Table filtering through the form; the URL follows the filter.
    driver.type_into("input[name=country]", "SYR")?;
    driver.click("#filters button[type=submit]")?;
    driver.wait_for(&format!(
        "{ROWS} === 1 && document.body.dataset.ready === 'yes'"
    ))?;
    assert!(
        texts(driver, "#events tbody td")?
            .iter()
            .any(|t| t.contains("Aleppo"))
    );
    assert_eq!(driver.exec("return location.search")?, "?country=SYR");
    assert_eq!(
        count(
            driver,
            "return Number(document.getElementById('network').dataset.nodes)"
        )?,
        2
    );
    driver.click("#reset")?;
    driver.wait_for(&format!("{ROWS} === 4 && location.search === ''"))?;

    // Timeline: clicking the first bar (2024-03-01) narrows the dates to it.
    driver.click("#timeline rect.bar")?;
    driver.wait_for(&format!(
        "{ROWS} === 1 && location.search === '?from=2024-03-01&to=2024-03-01'"
    ))?;
    driver.click("#reset")?;
    driver.wait_for(&format!("{ROWS} === 4 && location.search === ''"))?;

    // Network: clicking a node filters by that actor.
    driver.exec(
        "const canvas = document.getElementById('network');
         const node = Annalist.network.positions().find((n) => n.id === 'SYRREB');
         const box = canvas.getBoundingClientRect();
         canvas.dispatchEvent(new MouseEvent('click', {clientX: box.left + node.x, clientY: box.top + node.y, bubbles: true}));
         return true",
    )?;
    driver.wait_for(&format!(
        "{ROWS} === 1 && location.search === '?actor=SYRREB'"
    ))?;
    driver.click("#reset")?;
    driver.wait_for(&format!("{ROWS} === 4 && location.search === ''"))?;

    // Drill-down: full-text search from the table, then open the merged Kharkiv event.
    driver.type_into("#table-search", "Kharkiv\u{E007}")?;
    driver.wait_for(&format!(
        "{ROWS} === 1 && document.body.dataset.ready === 'yes'"
    ))?;
    driver.click("#events tbody tr[data-id]")?;
    driver.wait_for("return !document.getElementById('detail').hidden && document.querySelectorAll('#detail .mention').length === 2")?;
    assert_eq!(
        texts(driver, "#detail .sentence mark.hl-verb")?,
        ["attacked", "attacked"]
    );
    assert_eq!(
        texts(driver, "#detail .sentence mark.hl-source")?,
        ["Russian troops", "Russian troops"]
    );
    assert_eq!(
        texts(driver, "#detail .sentence mark.hl-target")?,
        ["Ukrainian positions", "Ukrainian positions"]
    );
    assert_eq!(
        texts(driver, "#detail .sentence mark.hl-attribution")?,
        ["Zelenskyy’s office"]
    );
    let detail: String = texts(driver, "#detail-body")?.concat();
    for expected in [
        "CAMEO.verbs.txt:1200",
        "- ATTACK [190]",
        // The largest toll of the two reports (docs/STORE.md, "Later mentions").
        "3 killed",
        "Reuters",
        "Zelenskyy’s office UKRGOV",
        "Kharkiv",
    ] {
        assert!(
            detail.contains(expected),
            "drill-down lacks {expected:?}: {detail}"
        );
    }
    Ok(())
}

/// Screenshots of each view over a richer store (fixture + synthetic events).
fn screenshots(driver: &mut Driver, base: &str, dir: &Path) -> Result<()> {
    driver.goto(&format!("{base}/"))?;
    driver.wait_ready()?;
    driver.wait_for("return Number(document.getElementById('map').dataset.countries) > 150")?;
    std::thread::sleep(Duration::from_millis(300));
    driver.screenshot(None, &dir.join("dashboard.png"))?;
    driver.screenshot(Some("#map-panel"), &dir.join("map.png"))?;
    driver.screenshot(Some("#timeline-panel"), &dir.join("timeline.png"))?;
    driver.screenshot(Some("#network-panel"), &dir.join("network.png"))?;
    driver.type_into("input[name=country]", "UKR")?;
    driver.click("#filters button[type=submit]")?;
    driver.wait_for(
        "return document.body.dataset.ready === 'yes' && location.search === '?country=UKR'",
    )?;
    driver.screenshot(Some("#table-panel"), &dir.join("table-filtered.png"))?;
    driver.type_into("#table-search", "Kharkiv\u{E007}")?;
    driver.wait_for(&format!(
        "{ROWS} === 1 && document.body.dataset.ready === 'yes'"
    ))?;
    driver.click("#events tbody tr[data-id]")?;
    driver.wait_for("return !document.getElementById('detail').hidden")?;
    driver.screenshot(None, &dir.join("drilldown.png"))?;
    Ok(())
}

fn serve(path: &Path) -> Result<TestServer> {
    let app = annalist_serve::try_router(path).map_err(|e| e.to_string())?;
    TestServer::start(app, 2).map_err(|e| e.to_string())
}

#[test]
fn dashboard_in_headless_chromium() -> Result<()> {
    let Some(chromedriver) = CHROMEDRIVERS.iter().find(|p| Path::new(p).exists()) else {
        println!(
            "SKIPPED dashboard_in_headless_chromium: no chromedriver (apt-get install chromium chromium-driver)"
        );
        return Ok(());
    };
    if !Path::new(CHROMIUM).exists() {
        println!(
            "SKIPPED dashboard_in_headless_chromium: no {CHROMIUM} (apt-get install chromium chromium-driver)"
        );
        return Ok(());
    }
    let scratch: tempfile::TempDir = tempfile::tempdir().map_err(|e| e.to_string())?;
    let fixture = common::fixture();
    let small: TestServer = serve(&fixture.path)?;
    let mut driver: Driver = Driver::start(chromedriver, &scratch.path().join("profile"))?;
    check_dashboard(&mut driver, &format!("http://{}", small.addr))?;
    drop(small);

    // A richer store for the pictures: the fixture plus 300 synthetic documents.
    let rich_path: PathBuf = scratch.path().join("rich.sqlite");
    std::fs::copy(&fixture.path, &rich_path).map_err(|e| e.to_string())?;
    {
        let mut store: Store = Store::open(&rich_path).map_err(|e| e.to_string())?;
        let documents = (0..300)
            .map(|i| annalist_store::bench::synthetic_document(i, 6))
            .collect::<std::result::Result<Vec<_>, _>>()
            .map_err(|e| e.to_string())?;
        store
            .ingest_documents(&documents)
            .map_err(|e| e.to_string())?;
    }
    let rich: TestServer = serve(&rich_path)?;
    let dir: PathBuf = match std::env::var_os("ANNALIST_SCREENSHOTS") {
        Some(dir) => PathBuf::from(dir),
        None => scratch.path().join("screenshots"),
    };
    std::fs::create_dir_all(&dir).map_err(|e| e.to_string())?;
    screenshots(&mut driver, &format!("http://{}", rich.addr), &dir)?;
    for name in [
        "dashboard",
        "map",
        "timeline",
        "network",
        "table-filtered",
        "drilldown",
    ] {
        let size: u64 = std::fs::metadata(dir.join(format!("{name}.png")))
            .map(|m| m.len())
            .unwrap_or(0);
        assert!(size > 1000, "{name}.png is {size} bytes");
    }
    Ok(())
}
