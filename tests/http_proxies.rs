//! Behind a reverse proxy: forwarding headers count only from `--trusted-proxies`,
//! rate limits count the real client (IPv6 by /64), an https:// site address always
//! brings HSTS and Secure cookies, and the CSRF token is signed and kept in a
//! `__Host-` cookie over HTTPS.

mod common;

use common::builder::valid;
use common::{FormSession, TestServer, attrs, send};
use rolebook::config::parse_proxy;

fn get_from(server: &TestServer, path: &str, headers: &[(&str, &str)]) -> common::Response {
    send(
        &format!("{}{path}", server.base),
        "GET",
        headers,
        Vec::new(),
    )
}

#[test]
fn forwarding_headers_from_an_untrusted_peer_are_ignored() {
    let server = TestServer::with(|_| {});
    let spoofed = get_from(
        &server,
        "/job-descriptions/build",
        &[
            ("X-Forwarded-Proto", "https"),
            ("X-Forwarded-Host", "evil.example"),
        ],
    );
    assert_eq!(
        spoofed.header("strict-transport-security"),
        "",
        "no HSTS on a claim"
    );
    let cookie = spoofed
        .set_cookie("rolebook_csrf")
        .expect("the plain cookie");
    assert!(!cookie.contains("Secure"), "{cookie}");
    assert!(spoofed.set_cookie("__Host-rolebook_csrf").is_none());

    // A form posted with the Origin a spoofed X-Forwarded-Host names is still cross-site.
    let session = FormSession::open(&server.base);
    let mut body = format!("csrf={}&", session.csrf);
    body.push_str(&serde_html_form::to_string(valid()).expect("encode"));
    let refused = send(
        &format!("{}/job-descriptions/build", server.base),
        "POST",
        &[
            ("Content-Type", "application/x-www-form-urlencoded"),
            ("Cookie", &session.cookie),
            ("Origin", "http://evil.example"),
            ("X-Forwarded-Host", "evil.example"),
        ],
        body.into_bytes(),
    );
    assert_eq!(refused.status, 403);
}

#[test]
fn a_trusted_proxy_brings_https_a_host_only_cookie_and_hsts() {
    let server =
        TestServer::with(|c| c.trusted_proxies = vec![parse_proxy("127.0.0.1").expect("proxy")]);
    let response = get_from(
        &server,
        "/job-descriptions/build",
        &[("X-Forwarded-Proto", "https")],
    );
    assert!(
        response
            .header("strict-transport-security")
            .starts_with("max-age=")
    );
    let cookie = response
        .set_cookie("__Host-rolebook_csrf")
        .expect("the __Host- cookie");
    for flag in ["Secure", "HttpOnly", "SameSite=Lax", "Path=/"] {
        assert!(cookie.contains(flag), "{flag} in {cookie}");
    }
    assert!(!cookie.contains("Domain"), "{cookie}");
}

#[test]
fn an_https_site_address_always_sends_hsts_and_secure_cookies() {
    let server = TestServer::with(|c| c.site_url = Some("https://rolebook.example".into()));
    for path in ["/", "/job-descriptions/build", "/nope"] {
        let response = get_from(&server, path, &[]);
        assert!(
            response
                .header("strict-transport-security")
                .starts_with("max-age="),
            "{path}"
        );
    }
    let cookie = get_from(&server, "/job-descriptions/build", &[])
        .set_cookie("__Host-rolebook_csrf")
        .expect("cookie");
    assert!(cookie.contains("Secure"), "{cookie}");
}

fn post_as(server: &TestServer, session: &FormSession, forwarded_for: &str) -> u16 {
    let mut body = format!("csrf={}&", session.csrf);
    body.push_str(&serde_html_form::to_string(valid()).expect("encode"));
    send(
        &format!("{}/job-descriptions/build", server.base),
        "POST",
        &[
            ("Content-Type", "application/x-www-form-urlencoded"),
            ("Cookie", &session.cookie),
            ("X-Forwarded-For", forwarded_for),
        ],
        body.into_bytes(),
    )
    .status
}

#[test]
fn behind_a_trusted_proxy_each_client_has_its_own_limit_and_ipv6_counts_by_64() {
    let server = TestServer::with(|c| {
        c.post_limit = 2;
        c.trusted_proxies = vec![parse_proxy("127.0.0.0/8").expect("proxy")];
    });
    let session = FormSession::open(&server.base);
    for client in ["198.51.100.1", "198.51.100.2"] {
        assert_eq!(post_as(&server, &session, client), 303, "{client}");
        assert_eq!(post_as(&server, &session, client), 303, "{client}");
        assert_eq!(
            post_as(&server, &session, client),
            429,
            "{client}: its own bucket"
        );
    }
    assert_eq!(post_as(&server, &session, "2001:db8:7:7::1"), 303);
    assert_eq!(post_as(&server, &session, "2001:db8:7:7:ffff::2"), 303);
    assert_eq!(
        post_as(&server, &session, "2001:db8:7:7:1234::3"),
        429,
        "the same /64"
    );
    assert_eq!(
        post_as(&server, &session, "2001:db8:7:8::1"),
        303,
        "another /64"
    );
}

#[test]
fn without_trust_forwarded_for_cannot_buy_a_fresh_limit() {
    let server = TestServer::start(2);
    let session = FormSession::open(&server.base);
    assert_eq!(post_as(&server, &session, "203.0.113.1"), 303);
    assert_eq!(post_as(&server, &session, "203.0.113.2"), 303);
    assert_eq!(
        post_as(&server, &session, "203.0.113.3"),
        429,
        "one peer, one bucket"
    );
}

#[test]
fn a_planted_cookie_with_a_matching_field_is_refused() {
    let server = TestServer::with(|_| {});
    let planted = "0".repeat(64);
    let mut body = format!("csrf={planted}&");
    body.push_str(&serde_html_form::to_string(valid()).expect("encode"));
    let response = send(
        &format!("{}/job-descriptions/build", server.base),
        "POST",
        &[
            ("Content-Type", "application/x-www-form-urlencoded"),
            ("Cookie", &format!("rolebook_csrf={planted}")),
        ],
        body.into_bytes(),
    );
    assert_eq!(response.status, 403, "an unsigned token never passes");
    let html = response.html();
    let fresh = attrs(&html, "input[name=csrf]", "value").remove(0);
    assert_ne!(fresh, planted, "the form comes back with a signed token");
    let key = server.store().secret("csrf", &[0; 32]).expect("the key");
    assert_ne!(
        key, [0; 32],
        "the key was made at start-up and kept in the database"
    );
}
