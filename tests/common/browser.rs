//! Headless Chromium driven over WebDriver (chromedriver), for the browser journeys
//! and the accessibility checks.
//!
//! Needs Debian's `chromium` and `chromium-driver` (or the paths in `CHROMIUM` and
//! `CHROMEDRIVER`). In CI (`CI=true`) a missing browser fails the test; elsewhere the
//! test says how to install it and stops.

use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use fantoccini::{Client, ClientBuilder, Locator};
use hyper_util::client::legacy::connect::HttpConnector;
use serde_json::json;

const INSTALL: &str = "install them with: sudo apt-get install -y chromium chromium-driver";

/// A program's path: the environment variable `var` if set, else Debian's path.
fn program(var: &str, default: &str) -> String {
    std::env::var(var).unwrap_or_else(|_| default.to_owned())
}

/// Flags that let Chromium run headless, as root, on a machine with no outside network.
const CHROMIUM_FLAGS: [&str; 9] = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
];

/// A chromedriver process and a browser session on it; both end when this is dropped.
pub struct Browser {
    /// The WebDriver session.
    pub client: Client,
    driver: Child,
    _profile: tempfile::TempDir,
    /// Where downloads land.
    downloads: tempfile::TempDir,
}

impl Drop for Browser {
    fn drop(&mut self) {
        let _ = self.driver.kill();
        let _ = self.driver.wait();
    }
}

/// Waits until `check` holds, or fails saying `what`.
pub async fn until<F, Fut>(what: &str, mut check: F)
where
    F: FnMut() -> Fut,
    Fut: std::future::Future<Output = bool>,
{
    let deadline = Instant::now() + Duration::from_secs(10);
    while !check().await {
        assert!(Instant::now() < deadline, "timed out waiting for {what}");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

impl Browser {
    /// Starts chromedriver and a headless Chromium, or explains what is missing.
    pub async fn start() -> Option<Self> {
        let chromium = program("CHROMIUM", "/usr/bin/chromium");
        let chromedriver = program("CHROMEDRIVER", "/usr/bin/chromedriver");
        let missing: Vec<&str> = [chromium.as_str(), chromedriver.as_str()]
            .into_iter()
            .filter(|p| !Path::new(p).exists())
            .collect();
        if !missing.is_empty() {
            super::missing_tool(&format!(
                "browser tests need {}; {INSTALL}",
                missing.join(" and ")
            ));
            return None;
        }
        let port = super::free_port();
        let driver = Command::new(&chromedriver)
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("start chromedriver");
        let profile = tempfile::tempdir().expect("profile dir");
        let mut args: Vec<String> = CHROMIUM_FLAGS.iter().map(|f| f.to_string()).collect();
        args.push(format!("--user-data-dir={}", profile.path().display()));
        args.push("--window-size=1280,900".to_owned());
        let downloads = tempfile::tempdir().expect("downloads dir");
        let capabilities = json!({
            "goog:chromeOptions": {
                "binary": chromium,
                "args": args,
                "prefs": {
                    "download.default_directory": downloads.path(),
                    "download.prompt_for_download": false
                }
            }
        });
        let capabilities = capabilities.as_object().expect("object").clone();
        let url = format!("http://127.0.0.1:{port}");
        let deadline = Instant::now() + Duration::from_secs(30);
        let client = loop {
            match ClientBuilder::new(HttpConnector::new())
                .capabilities(capabilities.clone())
                .connect(&url)
                .await
            {
                Ok(client) => break client,
                Err(error) if Instant::now() > deadline => {
                    panic!("could not start Chromium: {error}")
                }
                Err(_) => tokio::time::sleep(Duration::from_millis(100)).await,
            }
        };
        Some(Self {
            client,
            driver,
            _profile: profile,
            downloads,
        })
    }

    /// Builds a cashier's description on `base`, saves it, edits its title through the
    /// edit link and saves it once more, checking each step.
    pub async fn build_save_and_edit(&self, base: &str) {
        self.open_url(&format!(
            "{base}/job-descriptions/build?role=cashier&state=ohio"
        ))
        .await;
        self.fill("#company", "Buckeye Grocers").await;
        self.fill("#city", "Dayton").await;
        self.click(".form-actions button").await;
        until("the draft", || async {
            self.count(".job-posting").await == 1
        })
        .await;
        let edit = self.value("#edit-url").await;
        assert!(edit.starts_with(base), "the full public address: {edit}");
        self.click(".edit-href").await;
        self.wait_for_heading("Edit your job description").await;
        self.fill("#title", "Head Cashier").await;
        self.click(".form-actions button").await;
        // One save: no "send the form again" (Chromium sends Origin: null under no-referrer).
        until("the saved draft", || async {
            self.count(".job-posting").await == 1
        })
        .await;
        assert_eq!(self.texts(".posting-title").await, ["Head Cashier"]);
        assert_eq!(self.texts(".notice.success").await, ["Changes saved."]);
    }

    pub async fn open(&self, path: &str) {
        self.open_url(&format!("{}{path}", super::base_url())).await;
    }

    /// Opens a full address (another server than the shared one: nginx, say).
    pub async fn open_url(&self, url: &str) {
        self.client.goto(url).await.expect("navigate");
    }

    /// Waits for the page's `<h1>` to read `expected` (after a click that navigates).
    pub async fn wait_for_heading(&self, expected: &str) {
        let deadline = Instant::now() + Duration::from_secs(10);
        loop {
            let heading = match self.client.find(Locator::Css("h1")).await {
                Ok(h1) => h1.text().await.unwrap_or_default(),
                Err(_) => String::new(),
            };
            if heading == expected {
                return;
            }
            assert!(
                Instant::now() < deadline,
                "expected the heading {expected:?}, saw {heading:?}"
            );
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }

    pub async fn click(&self, css: &str) {
        self.client
            .find(Locator::Css(css))
            .await
            .unwrap_or_else(|e| panic!("no {css}: {e}"))
            .click()
            .await
            .unwrap_or_else(|e| panic!("cannot click {css}: {e}"));
    }

    /// Types `text` into the field `css`, replacing what it held.
    pub async fn fill(&self, css: &str, text: &str) {
        let field = self
            .client
            .find(Locator::Css(css))
            .await
            .unwrap_or_else(|e| panic!("no {css}: {e}"));
        field.clear().await.expect("clear");
        field.send_keys(text).await.expect("type");
    }

    pub async fn value(&self, css: &str) -> String {
        let field = self
            .client
            .find(Locator::Css(css))
            .await
            .unwrap_or_else(|e| panic!("no {css}: {e}"));
        field
            .prop("value")
            .await
            .expect("value")
            .unwrap_or_default()
    }

    /// Waits for a file to finish downloading, and returns its text.
    pub async fn downloaded(&self, name: &str) -> String {
        String::from_utf8(self.downloaded_bytes(name).await).expect("a text file")
    }

    /// Waits for a file to finish downloading, and returns its bytes.
    pub async fn downloaded_bytes(&self, name: &str) -> Vec<u8> {
        let path = self.downloads.path().join(name);
        let deadline = Instant::now() + Duration::from_secs(15);
        loop {
            // Chromium writes to a .crdownload file and renames it when done.
            if let Ok(bytes) = std::fs::read(&path) {
                return bytes;
            }
            assert!(Instant::now() < deadline, "{name} was not downloaded");
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    /// Picks a state in the salary section's selector and submits the form.
    pub async fn choose_state(&self, name: &str) {
        let select = self
            .client
            .find(Locator::Css("#state"))
            .await
            .expect("state selector");
        select
            .select_by_label(name)
            .await
            .expect("choose the state");
        self.click("form.state-picker button").await;
        let deadline = Instant::now() + Duration::from_secs(10);
        while self.texts("#salary .panel-place").await.len() < 2 {
            assert!(Instant::now() < deadline, "the state panel did not appear");
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }

    /// Sets the window to `width` by `height` CSS pixels.
    pub async fn resize(&self, width: u32, height: u32) {
        self.client
            .set_window_size(width, height)
            .await
            .expect("resize");
    }

    /// Runs `script` in the page and returns the number it returns (NaN for anything else).
    pub async fn number(&self, script: &str) -> f64 {
        let value = self.client.execute(script, vec![]).await.expect("measure");
        value.as_f64().unwrap_or(f64::NAN)
    }

    /// The rendered text of every element matching `css`, read in one script, so that a
    /// page loading or a part swapped in meanwhile cannot leave a stale element.
    pub async fn texts(&self, css: &str) -> Vec<String> {
        let script =
            "return [...document.querySelectorAll(arguments[0])].map(e => e.innerText.trim());";
        let value = self
            .client
            .execute(script, vec![serde_json::json!(css)])
            .await
            .expect("read texts");
        serde_json::from_value(value).expect("a list of strings")
    }

    pub async fn count(&self, css: &str) -> usize {
        self.client
            .find_all(Locator::Css(css))
            .await
            .expect("find_all")
            .len()
    }

    pub async fn path(&self) -> String {
        self.client
            .current_url()
            .await
            .expect("url")
            .path()
            .to_owned()
    }
}
