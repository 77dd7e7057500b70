//! The main journeys in a real browser: headless Chromium driven over WebDriver
//! (chromedriver) against the real server.
//!
//! Needs Debian's `chromium` and `chromium-driver` (or the paths in `CHROMIUM` and
//! `CHROMEDRIVER`). In CI (`CI=true`) a missing browser fails the test; elsewhere the
//! test says how to install it and stops.

mod common;

use std::net::TcpListener;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use fantoccini::{Client, ClientBuilder, Locator};
use hyper_util::client::legacy::connect::HttpConnector;
use serde_json::json;

/// A program's path: the environment variable `var` if set, else Debian's path.
fn program(var: &str, default: &str) -> String {
    std::env::var(var).unwrap_or_else(|_| default.to_owned())
}
const INSTALL: &str = "install them with: sudo apt-get install -y chromium chromium-driver";

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
struct Browser {
    client: Client,
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

impl Browser {
    /// Starts chromedriver and a headless Chromium, or explains what is missing.
    async fn start() -> Option<Self> {
        let chromium = program("CHROMIUM", "/usr/bin/chromium");
        let chromedriver = program("CHROMEDRIVER", "/usr/bin/chromedriver");
        let missing: Vec<&str> = [chromium.as_str(), chromedriver.as_str()]
            .into_iter()
            .filter(|p| !Path::new(p).exists())
            .collect();
        if !missing.is_empty() {
            let message = format!("browser tests need {}; {INSTALL}", missing.join(" and "));
            if std::env::var("CI").is_ok_and(|v| v == "true") {
                panic!("{message}");
            }
            eprintln!("SKIPPED (not in CI): {message}");
            return None;
        }
        let port = TcpListener::bind("127.0.0.1:0")
            .expect("free port")
            .local_addr()
            .expect("addr")
            .port();
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

    async fn open(&self, path: &str) {
        self.client
            .goto(&format!("{}{path}", common::base_url()))
            .await
            .expect("navigate");
    }

    /// Waits for the page's `<h1>` to read `expected` (after a click that navigates).
    async fn wait_for_heading(&self, expected: &str) {
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

    async fn click(&self, css: &str) {
        self.client
            .find(Locator::Css(css))
            .await
            .unwrap_or_else(|e| panic!("no {css}: {e}"))
            .click()
            .await
            .unwrap_or_else(|e| panic!("cannot click {css}: {e}"));
    }

    /// Types `text` into the field `css`, replacing what it held.
    async fn fill(&self, css: &str, text: &str) {
        let field = self
            .client
            .find(Locator::Css(css))
            .await
            .unwrap_or_else(|e| panic!("no {css}: {e}"));
        field.clear().await.expect("clear");
        field.send_keys(text).await.expect("type");
    }

    async fn value(&self, css: &str) -> String {
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
    async fn downloaded(&self, name: &str) -> String {
        let path = self.downloads.path().join(name);
        let deadline = Instant::now() + Duration::from_secs(15);
        loop {
            if let Ok(text) = std::fs::read_to_string(&path) {
                return text;
            }
            assert!(Instant::now() < deadline, "{name} was not downloaded");
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    /// Picks a state in the salary section's selector and submits the form.
    async fn choose_state(&self, name: &str) {
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

    async fn texts(&self, css: &str) -> Vec<String> {
        let mut texts = Vec::new();
        for element in self
            .client
            .find_all(Locator::Css(css))
            .await
            .expect("find_all")
        {
            texts.push(element.text().await.expect("text"));
        }
        texts
    }

    async fn count(&self, css: &str) -> usize {
        self.client
            .find_all(Locator::Css(css))
            .await
            .expect("find_all")
            .len()
    }

    async fn path(&self) -> String {
        self.client
            .current_url()
            .await
            .expect("url")
            .path()
            .to_owned()
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn find_a_role_read_it_and_follow_a_similar_role() {
    let Some(browser) = Browser::start().await else {
        return;
    };
    let journey = async {
        browser.open("/").await;
        browser
            .wait_for_heading("Job descriptions and pay data for employers")
            .await;
        assert_eq!(
            browser.count("main form[role=search] input[name=q]").await,
            1
        );

        browser.click(".site-nav a[href='/job-descriptions']").await;
        browser.wait_for_heading("Job descriptions A-Z").await;
        assert_eq!(browser.path().await, "/job-descriptions");

        browser
            .click(".letter-group a[href='/job-descriptions/account-manager']")
            .await;
        browser
            .wait_for_heading("Account Manager job description")
            .await;
        let title = browser.client.title().await.expect("title");
        assert!(
            title.starts_with("Account Manager job description"),
            "{title}"
        );
        assert!(browser.count("#duties li").await >= 6);
        assert!(browser.count("#skills li").await >= 8);
        assert!(browser.count("#faq h3").await >= 4);
        browser.choose_state("Texas").await;
        let places: Vec<String> = browser.texts("#salary .panel-place").await;
        assert_eq!(
            places,
            ["United States", "Texas"],
            "the chosen state shows beside the nation"
        );
        assert!(
            browser
                .path()
                .await
                .ends_with("/job-descriptions/account-manager")
        );

        let similar = browser
            .client
            .find(Locator::Css("#similar-roles .card a"))
            .await
            .expect("a similar role");
        let similar_title = similar.text().await.expect("link text");
        let similar_href = similar.attr("href").await.expect("href").expect("has href");

        similar.click().await.expect("follow the similar role");
        browser
            .wait_for_heading(&format!("{similar_title} job description"))
            .await;
        assert_eq!(browser.path().await, similar_href);
        assert!(browser.count("#duties li").await >= 6);
        let cta = browser
            .client
            .find(Locator::Css(".cta a"))
            .await
            .expect("call to action");
        let slug = similar_href.trim_start_matches("/job-descriptions/");
        assert_eq!(
            cta.attr("href").await.expect("href"),
            Some(format!("/job-descriptions/build?role={slug}"))
        );
    };
    tokio::time::timeout(Duration::from_secs(90), journey)
        .await
        .expect("journey finished in time");
}

#[tokio::test(flavor = "multi_thread")]
async fn pages_fit_a_phone_screen_without_sideways_scrolling() {
    let Some(browser) = Browser::start().await else {
        return;
    };
    browser
        .client
        .set_window_size(390, 844)
        .await
        .expect("resize");
    for path in [
        "/",
        "/job-descriptions",
        "/job-descriptions/customer-service-representative?state=ohio",
        "/salaries",
        "/salaries/account-manager",
        "/job-descriptions/build?role=account-manager",
        "/no-such-page",
    ] {
        browser.open(path).await;
        let overflow = browser
            .client
            .execute(
                "return document.documentElement.scrollWidth - window.innerWidth;",
                vec![],
            )
            .await
            .expect("measure");
        assert!(
            overflow.as_i64().unwrap_or(i64::MAX) <= 0,
            "{path} scrolls sideways by {overflow}px"
        );
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn build_a_job_description_from_a_role_and_download_it() {
    let Some(browser) = Browser::start().await else {
        return;
    };
    let journey = async {
        browser.open("/job-descriptions/account-manager").await;
        browser
            .wait_for_heading("Account Manager job description")
            .await;
        browser.click(".cta a").await;
        browser.wait_for_heading("Build a job description").await;
        assert_eq!(browser.value("#title").await, "Account Manager");
        assert!(
            browser.value("#duties").await.lines().count() >= 6,
            "duties prefilled"
        );
        assert!(!browser.value("#pay_min").await.is_empty(), "pay suggested");
        assert!(browser.texts(".suggestion").await[0].contains("May 2025"));

        browser.click(".form-actions button").await;
        let deadline = Instant::now() + Duration::from_secs(10);
        while browser.count(".error-summary").await == 0 {
            assert!(Instant::now() < deadline, "no error summary");
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        let problems = browser.texts(".error-summary li").await;
        assert!(
            problems.iter().any(|p| p == "Enter the company name"),
            "{problems:?}"
        );
        assert!(
            problems.iter().any(|p| p == "Enter the city"),
            "{problems:?}"
        );
        assert_eq!(
            browser.value("#title").await,
            "Account Manager",
            "what was typed is kept"
        );

        browser.click(".error-summary a[href='#company']").await;
        browser.fill("#company", "Buckeye Staffing").await;
        browser.fill("#city", "Columbus").await;
        let state = browser
            .client
            .find(Locator::Css("#state"))
            .await
            .expect("state");
        state.select_by_label("Ohio").await.expect("choose Ohio");
        browser.click(".form-actions button").await;

        let deadline = Instant::now() + Duration::from_secs(10);
        while browser.count(".job-posting").await == 0 {
            assert!(Instant::now() < deadline, "the draft did not open");
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        assert!(
            browser
                .path()
                .await
                .starts_with("/job-descriptions/drafts/")
        );
        assert_eq!(browser.texts(".posting-title").await, ["Account Manager"]);
        assert!(browser.texts(".posting-meta").await[0].contains("Buckeye Staffing"));
        assert_eq!(
            browser.count(".edit-link").await,
            1,
            "the edit link is shown after saving"
        );

        browser.click(".exports a[href$='.md']").await;
        let markdown = browser.downloaded("account-manager.md").await;
        assert!(markdown.starts_with("# Account Manager\n"), "{markdown}");
        assert!(
            markdown.contains("**Buckeye Staffing** · Columbus, Ohio"),
            "{markdown}"
        );
    };
    tokio::time::timeout(Duration::from_secs(90), journey)
        .await
        .expect("journey finished in time");
}

#[tokio::test(flavor = "multi_thread")]
async fn search_from_the_header_and_follow_a_suggestion() {
    let Some(browser) = Browser::start().await else {
        return;
    };
    let journey = async {
        browser.open("/about").await;
        browser.fill("#site-search", "acount manger").await;
        browser.click(".header-search button").await;
        browser
            .wait_for_heading("Results for “acount manger”")
            .await;
        assert!(
            browser.count(".result").await > 0,
            "corrected results are shown"
        );
        browser.click(".did-you-mean a").await;
        browser
            .wait_for_heading("Account Manager job description")
            .await;
    };
    tokio::time::timeout(Duration::from_secs(60), journey)
        .await
        .expect("journey finished in time");
}
