//! Shared by the integration tests: a real server on a loopback port over the real
//! `content/` directory, an HTTP client that shows responses exactly as sent, and
//! HTML helpers.
#![allow(dead_code, missing_docs)] // Each test binary uses a different subset.

pub mod browser;
pub mod builder;
pub mod oews_sample;
pub mod postgres;

use std::fs;
use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::sync::{OnceLock, mpsc};

use rolebook::config::{Config, ContentDir};
use rolebook::content::Library;
use rolebook::db::DatabaseUrl;
use scraper::{Html, Selector};

/// The repository's `content/` directory.
pub fn content_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("content")
}

/// The test fixtures directory.
pub fn fixtures() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

/// A copy of the valid fixture content with `extra` role files (paths under
/// `fixtures/invalid/`) added to its `roles/` folder.
pub fn content_with(extra: &[&str]) -> tempfile::TempDir {
    let files: Vec<(String, String)> = extra
        .iter()
        .map(|f| (format!("invalid/{f}"), format!("roles/{f}")))
        .collect();
    fixture_content(&files)
}

/// A copy of the valid fixture content with extra files: `(source under fixtures/,
/// destination under the content directory)`.
pub fn fixture_content(extra: &[(String, String)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    copy_dir(&fixtures().join("valid"), dir.path());
    for (source, destination) in extra {
        let target = dir.path().join(destination);
        fs::create_dir_all(target.parent().expect("parent")).expect("folder");
        fs::copy(fixtures().join(source), target).expect("copy fixture");
    }
    dir
}

/// Copies a directory tree.
pub fn copy_dir(from: &Path, to: &Path) {
    fs::create_dir_all(to).expect("create dir");
    for entry in fs::read_dir(from).expect("read dir") {
        let path = entry.expect("entry").path();
        let target = to.join(path.file_name().expect("name"));
        if path.is_dir() {
            copy_dir(&path, &target);
        } else {
            fs::copy(&path, &target).expect("copy file");
        }
    }
}

/// A loopback port nothing listens on (for a server a test starts itself).
pub fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .expect("bind a loopback port")
        .local_addr()
        .expect("local address")
        .port()
}

/// A tool a test needs is missing: in CI (`CI=true`) that fails the test; elsewhere the
/// test says what to install and passes.
pub fn missing_tool(message: &str) {
    if std::env::var("CI").is_ok_and(|v| v == "true") {
        panic!("{message}");
    }
    eprintln!("SKIPPED (not in CI): {message}");
}

/// The shipped content, loaded once.
pub fn library() -> &'static Library {
    static LIBRARY: OnceLock<Library> = OnceLock::new();
    LIBRARY.get_or_init(|| Library::load(&content_dir()).expect("shipped content is valid"))
}

/// A real server on a loopback port over the real content, with its own data directory.
pub struct TestServer {
    /// `http://127.0.0.1:41234`.
    pub base: String,
    /// Its data directory, where its SQLite database lives unless it uses PostgreSQL.
    pub data_dir: PathBuf,
    /// Its database.
    pub database_url: DatabaseUrl,
}

impl TestServer {
    /// Starts a server allowing `post_limit` form submissions a minute per address (0: any).
    pub fn start(post_limit: u32) -> Self {
        Self::with(|config| config.post_limit = post_limit)
    }

    /// Starts a server whose settings `adjust` changes from the defaults (no limit on
    /// form submissions, no site URL, no trusted proxies).
    pub fn with(adjust: impl FnOnce(&mut Config)) -> Self {
        static COUNT: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
        let listener = TcpListener::bind("127.0.0.1:0").expect("bind a loopback port");
        let addr = listener.local_addr().expect("local address");
        let n = COUNT.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
        let data_dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR"))
            .join(format!("data-{}-{n}", std::process::id()));
        let _ = fs::remove_dir_all(&data_dir);
        let mut config = Config {
            addr,
            content: ContentDir {
                path: content_dir(),
            },
            data_dir: data_dir.clone(),
            database_url: rolebook::db::DatabaseUrl::Sqlite,
            csrf_key: None,
            prerender: false,
            post_limit: 0,
            site_url: None,
            trusted_proxies: Vec::new(),
        };
        adjust(&mut config);
        let database_url = config.database_url.clone();
        let (ready, started) = mpsc::channel();
        std::thread::spawn(move || {
            actix_web::rt::System::new().block_on(async move {
                let server =
                    rolebook::server::start(&config, listener, Some(2)).expect("server starts");
                ready.send(()).expect("test waits for the server");
                server.await.expect("server runs");
            })
        });
        started.recv().expect("server started");
        Self {
            base: format!("http://{addr}"),
            data_dir,
            database_url,
        }
    }

    /// GET `path` on this server.
    pub fn get(&self, path: &str) -> Response {
        send(&format!("{}{path}", self.base), "GET", &[], Vec::new())
    }

    /// The server's database, opened as the server opens it.
    pub fn store(&self) -> Box<dyn rolebook::db::DraftStore> {
        rolebook::db::open(&self.database_url, &self.data_dir).expect("the server's database")
    }
}

/// The engines that hold drafts.
#[derive(Debug, Clone, Copy)]
pub enum Engine {
    Sqlite,
    Postgres,
}

/// A server shared by the test binary storing drafts in `engine`; `None` when
/// PostgreSQL is not installed outside CI (see [`postgres::shared`]).
pub fn server_on(engine: Engine) -> Option<&'static TestServer> {
    static ON_POSTGRES: OnceLock<Option<TestServer>> = OnceLock::new();
    match engine {
        Engine::Sqlite => Some(server()),
        Engine::Postgres => ON_POSTGRES
            .get_or_init(|| {
                let url = postgres::shared()?.database();
                Some(TestServer::with(|config| {
                    config.database_url = DatabaseUrl::Postgres(url);
                }))
            })
            .as_ref(),
    }
}

/// Runs each named test, a function taking `&TestServer`, once per engine: as
/// `sqlite::name` and `postgres::name`.
#[macro_export]
macro_rules! on_both_engines {
    ($($name:ident),* $(,)?) => {
        mod sqlite {
            $(#[test]
            fn $name() {
                super::$name(super::common::server_on(super::common::Engine::Sqlite).expect("SQLite"));
            })*
        }
        mod postgres {
            $(#[test]
            fn $name() {
                if let Some(server) = super::common::server_on(super::common::Engine::Postgres) {
                    super::$name(server);
                }
            })*
        }
    };
}

/// The server shared by a test binary, with no limit on form submissions.
pub fn server() -> &'static TestServer {
    static SERVER: OnceLock<TestServer> = OnceLock::new();
    SERVER.get_or_init(|| TestServer::start(0))
}

/// The shared server's base URL.
pub fn base_url() -> &'static str {
    &server().base
}

/// A response, read whole.
pub struct Response {
    pub status: u16,
    pub headers: ureq::http::HeaderMap,
    pub body: Vec<u8>,
}

impl Response {
    /// A header's value, or "" when absent.
    pub fn header(&self, name: &str) -> &str {
        self.headers
            .get(name)
            .and_then(|v| v.to_str().ok())
            .unwrap_or("")
    }

    /// The body as text.
    pub fn text(&self) -> String {
        String::from_utf8(self.body.clone()).expect("body is UTF-8")
    }

    /// The body parsed as HTML.
    pub fn html(&self) -> Html {
        Html::parse_document(&self.text())
    }
}

fn agent() -> &'static ureq::Agent {
    static AGENT: OnceLock<ureq::Agent> = OnceLock::new();
    AGENT.get_or_init(|| {
        ureq::Agent::config_builder()
            .http_status_as_error(false)
            .max_redirects(0)
            .max_redirects_will_error(false)
            .build()
            .new_agent()
    })
}

/// Sends `method` to `path` on the shared test server with extra headers.
pub fn request(method: &str, path: &str, headers: &[(&str, &str)]) -> Response {
    send(
        &format!("{}{path}", base_url()),
        method,
        headers,
        Vec::new(),
    )
}

/// Sends a request with a body to a full URL.
pub fn send(url: &str, method: &str, headers: &[(&str, &str)], body: Vec<u8>) -> Response {
    let mut builder = ureq::http::Request::builder().method(method).uri(url);
    for (name, value) in headers {
        builder = builder.header(*name, *value);
    }
    let request = builder.body(body).expect("valid request");
    let mut response = agent()
        .run(request)
        .unwrap_or_else(|e| panic!("{method} {url} failed: {e}"));
    let status = response.status().as_u16();
    let headers = response.headers().clone();
    let body = response
        .body_mut()
        .with_config()
        .limit(50 * 1024 * 1024)
        .read_to_vec()
        .expect("read body");
    Response {
        status,
        headers,
        body,
    }
}

/// `GET path`.
pub fn get(path: &str) -> Response {
    request("GET", path, &[])
}

/// `GET path`, asserting 200, parsed as HTML.
pub fn page(path: &str) -> Html {
    let response = get(path);
    assert_eq!(response.status, 200, "GET {path}");
    response.html()
}

impl Response {
    /// The `name=value` pairs of every `Set-Cookie`, ready for a `Cookie` header.
    pub fn cookies(&self) -> Vec<String> {
        self.headers
            .get_all("set-cookie")
            .iter()
            .filter_map(|v| v.to_str().ok())
            .filter_map(|v| v.split(';').next())
            .map(str::to_owned)
            .collect()
    }

    /// The full `Set-Cookie` header for cookie `name`.
    pub fn set_cookie(&self, name: &str) -> Option<String> {
        self.headers
            .get_all("set-cookie")
            .iter()
            .filter_map(|v| v.to_str().ok())
            .find(|v| v.starts_with(&format!("{name}=")))
            .map(str::to_owned)
    }
}

/// A browser's session with the form: the CSRF cookie and the token the form carries.
pub struct FormSession {
    /// The `Cookie` header value.
    pub cookie: String,
    /// The hidden `csrf` field's value.
    pub csrf: String,
}

impl FormSession {
    /// Opens the blank form on `base` as a new browser would.
    pub fn open(base: &str) -> Self {
        let response = send(
            &format!("{base}/job-descriptions/build"),
            "GET",
            &[],
            Vec::new(),
        );
        assert_eq!(response.status, 200);
        let csrf = attrs(&response.html(), "input[name=csrf]", "value").remove(0);
        Self {
            cookie: response.cookies().join("; "),
            csrf,
        }
    }

    /// POSTs `raw` (after the CSRF token) as a form body to `path` on `base`.
    pub fn post_raw(&self, base: &str, path: &str, raw: Vec<u8>) -> Response {
        let mut body = format!("csrf={}&", self.csrf).into_bytes();
        body.extend(raw);
        send(
            &format!("{base}{path}"),
            "POST",
            &[
                ("Content-Type", "application/x-www-form-urlencoded"),
                ("Cookie", &self.cookie),
            ],
            body,
        )
    }

    /// POSTs `fields` (plus the CSRF token) as a form to `path` on `base`.
    pub fn post(&self, base: &str, path: &str, fields: &[(&str, &str)]) -> Response {
        let mut all: Vec<(&str, &str)> = vec![("csrf", self.csrf.as_str())];
        all.extend_from_slice(fields);
        let body = serde_html_form::to_string(&all).expect("form encoding");
        send(
            &format!("{base}{path}"),
            "POST",
            &[
                ("Content-Type", "application/x-www-form-urlencoded"),
                ("Cookie", &self.cookie),
            ],
            body.into_bytes(),
        )
    }
}

/// A published figure as the builder's pay fields show it ("69,990").
pub fn form_amount(figure: rolebook::wages::Figure) -> String {
    rolebook::wages::money::thousands(figure.value().expect("a published figure"))
}

/// A CSS selector (panics on a typo in the test).
pub fn sel(selector: &str) -> Selector {
    Selector::parse(selector).unwrap_or_else(|e| panic!("bad selector {selector}: {e}"))
}

/// The text of every element matching `selector`, whitespace collapsed.
pub fn texts(html: &Html, selector: &str) -> Vec<String> {
    html.select(&sel(selector))
        .map(|el| {
            el.text()
                .collect::<String>()
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
        })
        .collect()
}

/// The text of the first element matching `selector`.
pub fn text(html: &Html, selector: &str) -> String {
    texts(html, selector)
        .into_iter()
        .next()
        .unwrap_or_else(|| panic!("no element matches {selector}"))
}

/// The `attr` of every element matching `selector`.
pub fn attrs(html: &Html, selector: &str, attr: &str) -> Vec<String> {
    html.select(&sel(selector))
        .filter_map(|el| el.value().attr(attr).map(str::to_owned))
        .collect()
}
