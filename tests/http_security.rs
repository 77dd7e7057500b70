//! Security headers on every kind of response, cookie flags, and static files that
//! cannot be used to reach anything else.

mod common;

use std::sync::OnceLock;

use std::io::{Read, Write};
use std::net::TcpStream;
use std::time::{Duration, Instant};

use common::{FormSession, Response, base_url, get, request};

/// One response of every kind the site sends.
fn responses() -> &'static Vec<(String, Response)> {
    static RESPONSES: OnceLock<Vec<(String, Response)>> = OnceLock::new();
    RESPONSES.get_or_init(|| {
        let session = FormSession::open(base_url());
        let fields = [
            ("title", "Nurse"),
            ("company", "Clinic"),
            ("workplace", "on-site"),
            ("city", "Austin"),
            ("state", "texas"),
            ("employment_type", "full-time"),
            ("pay_min", "70000"),
            ("pay_max", "90000"),
            ("pay_period", "year"),
            ("summary", "Care for patients."),
            ("duties", "Assess patients"),
            ("required", "An RN license"),
            ("date_posted", "2026-11-23"),
        ];
        let saved = session.post(base_url(), "/job-descriptions/build", &fields);
        let draft = saved.header("location").to_owned();
        let invalid = session.post(base_url(), "/job-descriptions/build", &[("title", "")]);
        let too_big = session.post(
            base_url(),
            "/job-descriptions/build",
            &[("summary", &"x".repeat(rolebook::web::MAX_BODY + 1))],
        );
        let mut all = vec![
            ("303 after saving".to_owned(), saved),
            ("422 form".to_owned(), invalid),
            ("413".to_owned(), too_big),
        ];
        for path in [
            "/",
            "/job-descriptions",
            "/job-descriptions/accountant",
            "/salaries",
            "/salaries/accountant",
            "/resources",
            "/resources/how-to-read-salary-data",
            "/search?q=nurse",
            "/job-descriptions/build",
            "/about",
            "/sitemap.xml",
            "/robots.txt",
            "/feed.xml",
            "/favicon.ico",
            "/no-such-page",
            "/job-descriptions/",
            &draft,
            &format!("{draft}.md"),
            &format!("{draft}.json"),
            &format!("{draft}.html"),
        ] {
            all.push((path.to_owned(), get(path)));
        }
        let css = common::attrs(&get("/").html(), "link[rel=stylesheet]", "href").remove(0);
        all.push((css.clone(), get(&css)));
        all.push((
            "405".to_owned(),
            request("DELETE", "/job-descriptions", &[]),
        ));
        all
    })
}

fn each(check: impl Fn(&str, &Response)) {
    assert!(responses().len() > 20);
    for (what, response) in responses() {
        check(what, response);
    }
}

#[test]
fn every_response_has_a_strict_content_security_policy() {
    each(|what, r| {
        let csp = r.header("content-security-policy");
        assert!(csp.contains("default-src 'self'"), "{what}: {csp:?}");
        assert!(
            csp.contains("script-src 'self'") && csp.contains("style-src 'self'"),
            "{what}: {csp:?}"
        );
        assert!(
            !csp.contains("unsafe-inline") && !csp.contains("unsafe-eval"),
            "{what}: {csp:?}"
        );
    });
}

#[test]
fn every_response_forbids_framing() {
    each(|what, r| {
        assert!(
            r.header("content-security-policy")
                .contains("frame-ancestors 'none'"),
            "{what}"
        );
        assert_eq!(r.header("x-frame-options"), "DENY", "{what}");
    });
}

#[test]
fn every_response_forbids_content_sniffing() {
    each(|what, r| assert_eq!(r.header("x-content-type-options"), "nosniff", "{what}"));
}

#[test]
fn every_response_has_a_referrer_policy() {
    each(|what, r| {
        let policy = r.header("referrer-policy");
        assert!(
            ["strict-origin-when-cross-origin", "no-referrer"].contains(&policy),
            "{what}: {policy:?}"
        );
    });
}

#[test]
fn every_response_has_a_permissions_policy() {
    each(|what, r| {
        let policy = r.header("permissions-policy");
        assert!(
            policy.contains("camera=()") && policy.contains("geolocation=()"),
            "{what}: {policy:?}"
        );
    });
}

#[test]
fn cookies_are_http_only_same_site_and_secure_over_https() {
    let plain = get("/job-descriptions/build");
    let cookie = plain.set_cookie("rolebook_csrf").expect("a cookie");
    assert!(
        cookie.contains("HttpOnly") && cookie.contains("SameSite=Lax"),
        "{cookie}"
    );
    assert!(
        !cookie.contains("Secure"),
        "plain HTTP cannot send a Secure cookie back: {cookie}"
    );
    assert_eq!(plain.header("strict-transport-security"), "");

    // Over HTTPS (behind a trusted proxy, or with an https:// site address) the cookie
    // is `__Host-` and Secure: tests/http_proxies.rs.
    let spoofed = request(
        "GET",
        "/job-descriptions/build",
        &[("X-Forwarded-Proto", "https")],
    );
    assert_eq!(
        spoofed.header("strict-transport-security"),
        "",
        "a forwarding header from anyone is not believed"
    );

    let saved = responses()
        .iter()
        .find(|(what, _)| what == "303 after saving")
        .map(|(_, r)| r)
        .expect("saved");
    let flash = saved
        .set_cookie("rolebook_new_draft")
        .expect("the edit key cookie");
    assert!(
        flash.contains("HttpOnly") && flash.contains("SameSite=Lax"),
        "{flash}"
    );
}

#[test]
fn static_paths_cannot_reach_other_files() {
    for path in [
        "/static/../Cargo.toml",
        "/static/%2e%2e/Cargo.toml",
        "/static/%2e%2e%2fCargo.toml",
        "/static/..%2fCargo.toml",
        "/static/%252e%252e%252fCargo.toml",
        "/static/..%5cCargo.toml",
        "/static/style.css%00.css",
        "/static//etc/passwd",
        "/static/%2fetc%2fpasswd",
    ] {
        let response = request("GET", path, &[]);
        assert!(
            [301, 404].contains(&response.status) && !response.text().contains("[package]"),
            "{path}: {}",
            response.status
        );
        if response.status == 301 {
            let location = response.header("location").to_owned();
            assert!(
                location.starts_with('/') && !location.starts_with("//"),
                "{path} -> {location}"
            );
            assert_eq!(get(&location).status, 404, "{path} -> {location}");
        }
    }
}

#[test]
fn a_backslash_never_makes_an_off_site_redirect() {
    for path in [
        "/\\evil.example/",
        "/\\evil.example",
        "/\\/evil.example/",
        "//\\evil.example/",
        "/%5Cevil.example/",
        "/%5C%5Cevil.example/",
        "//evil.example/",
        "///evil.example/",
        "/.\\evil.example/",
    ] {
        let response = request("GET", path, &[]);
        let location = response.header("location");
        assert!(
            !location.starts_with("//") && !location.starts_with("/\\") && !location.contains('\\'),
            "{path} -> {} {location}",
            response.status
        );
        if response.status == 301 {
            assert!(location.starts_with('/'), "{path} -> {location}");
        }
    }
    assert_eq!(
        request("GET", "/\\evil.example/", &[]).header("location"),
        "/evil.example"
    );
}

#[test]
fn a_body_sent_too_slowly_is_cut_off() {
    let address = base_url().trim_start_matches("http://").to_owned();
    let mut stream = TcpStream::connect(&address).expect("connect");
    stream
        .set_read_timeout(Some(Duration::from_secs(30)))
        .expect("timeout");
    let head = format!(
        "POST /job-descriptions/build HTTP/1.1\r\nHost: {address}\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: 1000\r\n\r\n"
    );
    stream.write_all(head.as_bytes()).expect("head");
    let started = Instant::now();
    let mut answer = Vec::new();
    // One byte every two seconds: the server must stop waiting, not hold the socket.
    while started.elapsed() < Duration::from_secs(25) {
        if stream.write_all(b"x").is_err() {
            break;
        }
        std::thread::sleep(Duration::from_secs(2));
        stream.set_nonblocking(true).expect("nonblocking");
        let mut buffer = [0u8; 4096];
        let read = stream.read(&mut buffer);
        stream.set_nonblocking(false).expect("blocking");
        match read {
            Ok(0) => break,
            Ok(n) => {
                answer.extend_from_slice(&buffer[..n]);
                break;
            }
            Err(_) => {}
        }
    }
    let elapsed = started.elapsed();
    let answer = String::from_utf8_lossy(&answer);
    assert!(
        answer.starts_with("HTTP/1.1 408"),
        "after {elapsed:?}: {answer:?}"
    );
    assert!(
        elapsed < Duration::from_secs(20),
        "cut off after {elapsed:?}"
    );
}
