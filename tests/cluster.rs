//! The cluster of `scripts/cluster` (PostgreSQL, two instances, nginx with
//! `deploy/nginx/rolebook.conf`), on loopback: drafts saved through nginx by several
//! clients are readable through each instance; one instance is SIGKILLed mid-load and
//! saving goes on through the other; no acknowledged draft is lost, and no user sees an
//! error beyond the requests in flight on the killed instance. Pages are cached by
//! nginx; drafts and requests with cookies never are.

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::thread;
use std::time::Duration;

use common::FormSession;
use common::browser::Browser;
use common::builder::{edit_key, with};

const CLIENTS: usize = 6;

/// The cluster's directory and ports; stopped when dropped.
struct Cluster {
    dir: tempfile::TempDir,
    nginx: String,
    instances: [String; 2],
}

impl Cluster {
    fn script(&self, args: &[&str]) {
        run_script(self.dir.path(), args, &[]);
    }
}

impl Drop for Cluster {
    fn drop(&mut self) {
        let _ = Command::new(script())
            .arg("stop")
            .arg(self.dir.path())
            .status();
    }
}

fn script() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("scripts/cluster")
}

fn run_script(dir: &Path, args: &[&str], env: &[(&str, String)]) {
    let (command, rest) = args.split_first().expect("a command");
    let output = Command::new(script())
        .arg(command)
        .arg(dir)
        .args(rest)
        .envs(env.iter().map(|(k, v)| (*k, v.as_str())))
        .output()
        .expect("run scripts/cluster");
    assert!(
        output.status.success(),
        "scripts/cluster {command} failed:\n{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
}

/// Starts the cluster with nginx allowing `post_rate` form posts per client address
/// (`30r/m` as deployed), or `None` outside CI when nginx or PostgreSQL is missing.
fn start(post_rate: &str) -> Option<Cluster> {
    let has_nginx = ["/usr/sbin/nginx", "/usr/bin/nginx"]
        .iter()
        .any(|p| Path::new(p).exists());
    common::postgres::shared()?;
    if !has_nginx {
        let message = "the cluster test needs nginx; apt-get install nginx-light (.ci/run does)";
        assert!(
            std::env::var("CI").map_or(true, |v| v != "true"),
            "{message}"
        );
        eprintln!("SKIPPED (not in CI): {message}");
        return None;
    }
    let dir = tempfile::tempdir().expect("cluster dir");
    // PostgreSQL and nginx's workers run unprivileged: they must reach the directory.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(dir.path(), std::fs::Permissions::from_mode(0o755))
            .expect("chmod");
    }
    let (nginx, one, two, pg) = (
        common::free_port(),
        common::free_port(),
        common::free_port(),
        common::free_port(),
    );
    run_script(
        dir.path(),
        &["start"],
        &[
            ("ROLEBOOK_BIN", env!("CARGO_BIN_EXE_rolebook").to_owned()),
            ("NGINX_PORT", nginx.to_string()),
            ("INSTANCE_PORTS", format!("{one} {two}")),
            ("PG_PORT", pg.to_string()),
            ("POST_RATE", post_rate.to_owned()),
        ],
    );
    Some(Cluster {
        dir,
        nginx: format!("http://127.0.0.1:{nginx}"),
        instances: [
            format!("http://127.0.0.1:{one}"),
            format!("http://127.0.0.1:{two}"),
        ],
    })
}

/// What the clients saw.
#[derive(Default)]
struct Outcome {
    saved: Mutex<Vec<(String, String)>>,
    errors: Mutex<Vec<String>>,
    attempts: AtomicUsize,
}

/// Saves drafts through nginx until told to stop, as one browser.
fn client(nginx: &str, number: usize, stop: &AtomicBool, outcome: &Outcome) {
    let session = FormSession::open(nginx);
    let mut n = 0;
    while !stop.load(Ordering::Relaxed) {
        n += 1;
        let title = format!("Cluster role {number}-{n}");
        let fields = with(&[("title", title.as_str())]);
        outcome.attempts.fetch_add(1, Ordering::Relaxed);
        let response = session.post(nginx, "/job-descriptions/build", &fields);
        if response.status == 303 {
            let id = response
                .header("location")
                .trim_start_matches("/job-descriptions/drafts/")
                .to_owned();
            assert!(!edit_key(&response).is_empty());
            outcome.saved.lock().expect("lock").push((id, title));
        } else {
            let error = format!(
                "{} {}",
                response.status,
                response.text().chars().take(120).collect::<String>()
            );
            outcome.errors.lock().expect("lock").push(error);
        }
    }
}

#[test]
fn drafts_saved_through_nginx_survive_losing_an_instance() {
    // Every client is 127.0.0.1 here: lift the per-address limit on posts.
    let Some(cluster) = start("100000r/s") else {
        return;
    };
    let stop = AtomicBool::new(false);
    let outcome = Outcome::default();
    let at_kill = thread::scope(|threads| {
        for number in 0..CLIENTS {
            let (nginx, stop, outcome) = (&cluster.nginx, &stop, &outcome);
            threads.spawn(move || client(nginx, number, stop, outcome));
        }
        thread::sleep(Duration::from_millis(1500));
        let pid =
            std::fs::read_to_string(cluster.dir.path().join("instance-1.pid")).expect("pid file");
        let killed = Command::new("kill")
            .args(["-KILL", pid.trim()])
            .status()
            .expect("kill");
        assert!(killed.success(), "SIGKILL instance 1");
        let at_kill = outcome.saved.lock().expect("lock").len();
        thread::sleep(Duration::from_millis(2000));
        stop.store(true, Ordering::Relaxed);
        at_kill
    });
    let saved = outcome.saved.lock().expect("lock").clone();
    let errors = outcome.errors.lock().expect("lock").clone();
    assert!(
        at_kill >= 20,
        "only {at_kill} drafts saved before the kill: not enough load"
    );
    assert!(
        saved.len() >= at_kill + 20,
        "saving did not go on through the other instance: {at_kill} before the kill, {} in all",
        saved.len()
    );
    assert!(
        errors.len() <= CLIENTS,
        "{} errors in {} attempts, more than the {CLIENTS} requests that can be in flight on the killed instance: {errors:?}",
        errors.len(),
        outcome.attempts.load(Ordering::Relaxed)
    );

    eprintln!(
        "{} drafts saved through nginx ({at_kill} before the kill) in {} attempts; errors: {errors:?}",
        saved.len(),
        outcome.attempts.load(Ordering::Relaxed)
    );
    cluster.script(&["instance", "1"]);
    for base in &cluster.instances {
        for (id, title) in &saved {
            let json = common::send(
                &format!("{base}/job-descriptions/drafts/{id}.json"),
                "GET",
                &[],
                Vec::new(),
            );
            assert_eq!(json.status, 200, "draft {id} through {base}");
            let value: serde_json::Value = serde_json::from_slice(&json.body).expect("JSON");
            assert_eq!(value["title"], title.as_str(), "draft {id} is whole");
        }
    }
}

#[test]
fn nginx_caches_pages_but_never_drafts_and_limits_posts_across_instances() {
    let Some(cluster) = start("30r/m") else {
        return;
    };
    let page = format!("{}/job-descriptions/account-manager", cluster.nginx);
    let status = |headers: &[(&str, &str)]| {
        common::send(&page, "GET", headers, Vec::new())
            .header("x-cache-status")
            .to_owned()
    };
    assert_eq!(status(&[]), "MISS");
    assert_eq!(status(&[]), "HIT");
    assert_eq!(status(&[("Cookie", "rolebook_csrf=x")]), "BYPASS");

    let session = FormSession::open(&cluster.nginx);
    let saved = session.post(&cluster.nginx, "/job-descriptions/build", &with(&[]));
    assert_eq!(saved.status, 303);
    let draft = format!("{}{}", cluster.nginx, saved.header("location"));
    for _ in 0..2 {
        let response = common::send(&draft, "GET", &[], Vec::new());
        assert_eq!(response.status, 200);
        assert_eq!(
            response.header("x-cache-status"),
            "",
            "drafts never reach the cache"
        );
    }
    let form = common::send(
        &format!("{}/job-descriptions/build", cluster.nginx),
        "GET",
        &[],
        Vec::new(),
    );
    assert_ne!(form.header("x-cache-status"), "HIT");
    let again = common::send(
        &format!("{}/job-descriptions/build", cluster.nginx),
        "GET",
        &[],
        Vec::new(),
    );
    assert_ne!(
        again.header("x-cache-status"),
        "HIT",
        "a form with a token is never shared"
    );

    // 30 a minute with a burst of 10, counted by nginx for both instances together.
    let statuses: Vec<u16> = (0..12)
        .map(|_| {
            session
                .post(&cluster.nginx, "/job-descriptions/build", &with(&[]))
                .status
        })
        .collect();
    assert!(statuses.contains(&429), "{statuses:?}");
    assert!(
        statuses.iter().all(|s| [303, 429].contains(s)),
        "{statuses:?}"
    );
    // The live preview is sent while someone types: never counted, never refused.
    let previews: Vec<u16> = (0..15)
        .map(|_| {
            session
                .post(&cluster.nginx, "/job-descriptions/preview", &with(&[]))
                .status
        })
        .collect();
    assert!(previews.iter().all(|s| *s == 200), "{previews:?}");
}

#[tokio::test(flavor = "multi_thread")]
async fn a_browser_builds_saves_and_edits_a_draft_through_nginx() {
    let Some(browser) = Browser::start().await else {
        return;
    };
    let Some(cluster) = start("30r/m") else {
        return;
    };
    let journey = async {
        // Cached by nginx for visitors without cookies; this browser soon has one.
        browser
            .open_url(&format!("{}/job-descriptions/cashier", cluster.nginx))
            .await;
        browser.wait_for_heading("Cashier job description").await;
        browser.build_save_and_edit(&cluster.nginx).await;
    };
    tokio::time::timeout(Duration::from_secs(90), journey)
        .await
        .expect("in time");
}
