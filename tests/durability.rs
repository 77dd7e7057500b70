//! Durability: drafts answered with 303 survive the server being killed (SIGKILL)
//! in the middle of a burst of submissions from several clients, on SQLite and on
//! PostgreSQL; on PostgreSQL the database server is SIGKILLed and restarted mid-load too.

mod common;

use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::{Duration, Instant};

const CLIENTS: usize = 6;

fn start(data: &Path, port: u16, database: &str) -> Child {
    let child = Command::new(env!("CARGO_BIN_EXE_rolebook"))
        .args([
            "serve",
            "--addr",
            &format!("127.0.0.1:{port}"),
            "--post-limit",
            "0",
            "--database-url",
            database,
            "--data-dir",
        ])
        .arg(data)
        .arg("--content")
        .arg(Path::new(env!("CARGO_MANIFEST_DIR")).join("content"))
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("start the server");
    let agent = agent();
    let deadline = Instant::now() + Duration::from_secs(30);
    while agent
        .get(&format!("http://127.0.0.1:{port}/"))
        .call()
        .is_err()
    {
        assert!(Instant::now() < deadline, "the server did not start");
        thread::sleep(Duration::from_millis(20));
    }
    child
}

fn agent() -> ureq::Agent {
    ureq::Agent::config_builder()
        .http_status_as_error(false)
        .max_redirects(0)
        .max_redirects_will_error(false)
        .timeout_global(Some(Duration::from_secs(10)))
        .build()
        .new_agent()
}

/// Submits drafts until told to stop; returns (draft id, title) for every 303.
fn client(
    port: u16,
    number: usize,
    stop: Arc<AtomicBool>,
    saved: Arc<Mutex<Vec<(String, String)>>>,
) {
    let agent = agent();
    // A browser's first visit: the form sets the signed token's cookie.
    let Ok(form) = agent
        .get(&format!("http://127.0.0.1:{port}/job-descriptions/build"))
        .call()
    else {
        return;
    };
    let token = form
        .headers()
        .get("set-cookie")
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.split(';').next())
        .and_then(|kv| kv.strip_prefix("rolebook_csrf="))
        .expect("a CSRF cookie")
        .to_owned();
    let mut n = 0;
    while !stop.load(Ordering::Relaxed) {
        n += 1;
        let title = format!("Durable role {number}-{n}");
        let fields = [
            ("csrf", token.as_str()),
            ("title", title.as_str()),
            ("company", "Acme"),
            ("workplace", "on-site"),
            ("city", "Austin"),
            ("state", "texas"),
            ("employment_type", "full-time"),
            ("pay_min", "50000"),
            ("pay_max", "60000"),
            ("pay_period", "year"),
            ("summary", "Survives a crash."),
            ("duties", "Write to disk"),
            ("required", "Patience"),
            ("date_posted", "2026-11-23"),
        ];
        let body = serde_html_form::to_string(fields).expect("encode");
        let response = agent
            .post(&format!("http://127.0.0.1:{port}/job-descriptions/build"))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header("Cookie", &format!("rolebook_csrf={token}"))
            .send(body.as_bytes());
        let Ok(response) = response else { break };
        if response.status().as_u16() != 303 {
            continue;
        }
        let location = response
            .headers()
            .get("location")
            .and_then(|l| l.to_str().ok())
            .unwrap_or_default();
        let id = location
            .trim_start_matches("/job-descriptions/drafts/")
            .to_owned();
        saved.lock().expect("lock").push((id, title));
    }
}

#[test]
fn sqlite_every_draft_answered_with_303_survives_sigkill() {
    survives(None);
}

#[test]
fn postgres_every_draft_answered_with_303_survives_sigkill_of_the_server_and_the_database() {
    if let Some(postgres) = common::postgres::shared() {
        survives(Some((postgres, postgres.database())));
    }
}

fn survives(postgres: Option<(&common::postgres::Postgres, String)>) {
    let database = postgres
        .as_ref()
        .map_or_else(|| "sqlite:".to_owned(), |(_, url)| url.clone());
    let data = tempfile::tempdir().expect("data dir");
    let port = common::free_port();
    let mut server = start(data.path(), port, &database);
    let stop = Arc::new(AtomicBool::new(false));
    let saved = Arc::new(Mutex::new(Vec::new()));
    let clients: Vec<_> = (0..CLIENTS)
        .map(|number| {
            let (stop, saved) = (stop.clone(), saved.clone());
            thread::spawn(move || client(port, number, stop, saved))
        })
        .collect();
    thread::sleep(Duration::from_millis(750));
    if let Some((postgres, _)) = &postgres {
        postgres.kill();
        thread::sleep(Duration::from_millis(200));
        let while_down = saved.lock().expect("lock").len();
        postgres.restart();
        // Requests that waited for a connection while it was down finish first; then the
        // pool reconnects (within seconds on a loaded machine).
        let deadline = Instant::now() + Duration::from_secs(20);
        while saved.lock().expect("lock").len() <= while_down {
            assert!(
                Instant::now() < deadline,
                "no draft was saved in 20 s after PostgreSQL came back: the pool did not reconnect"
            );
            thread::sleep(Duration::from_millis(100));
        }
        thread::sleep(Duration::from_millis(500));
    } else {
        thread::sleep(Duration::from_millis(750));
    }
    server.kill().expect("SIGKILL the server mid-load");
    server.wait().expect("reap");
    stop.store(true, Ordering::Relaxed);
    for client in clients {
        client.join().expect("client thread");
    }
    let saved = saved.lock().expect("lock").clone();
    assert!(
        saved.len() >= 50,
        "only {} drafts were saved before the kill: not enough load",
        saved.len()
    );

    if postgres.is_some() {
        let mut db = common::postgres::Postgres::connect(&database);
        let commit: String = db
            .query_one("SHOW synchronous_commit", &[])
            .expect("setting")
            .get(0);
        assert_eq!(commit, "on", "a commit is on disk before its 303");
    } else {
        let db = rusqlite::Connection::open(data.path().join("rolebook.sqlite3"))
            .expect("open the database");
        let integrity: String = db
            .query_row("PRAGMA integrity_check", [], |r| r.get(0))
            .expect("integrity check");
        assert_eq!(integrity, "ok");
    }

    let port = common::free_port();
    let mut restarted = start(data.path(), port, &database);
    let agent = agent();
    let mut missing = Vec::new();
    for (id, title) in &saved {
        let mut response = agent
            .get(&format!(
                "http://127.0.0.1:{port}/job-descriptions/drafts/{id}.json"
            ))
            .call()
            .expect("fetch the draft");
        if response.status().as_u16() != 200 {
            missing.push(id.clone());
            continue;
        }
        let json: serde_json::Value =
            serde_json::from_str(&response.body_mut().read_to_string().expect("body"))
                .expect("JSON");
        assert_eq!(json["title"], title.as_str(), "draft {id} is intact");
    }
    restarted.kill().expect("stop");
    restarted.wait().expect("reap");
    assert!(
        missing.is_empty(),
        "{} of {} drafts that got a 303 were lost: {missing:?}",
        missing.len(),
        saved.len()
    );
}
