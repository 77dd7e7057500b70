//! HTTP behaviour over a real connection: errors, HEAD, redirects, compression,
//! conditional requests and static files.

mod common;

use std::io::Read;

use common::{attrs, get, library, request, text};

#[test]
fn unknown_role_gives_the_404_page_with_search_and_popular_roles() {
    for path in ["/job-descriptions/no-such-role", "/no-such-page", "/a/b/c"] {
        let response = get(path);
        assert_eq!(response.status, 404, "{path}");
        assert!(
            response.header("content-type").starts_with("text/html"),
            "{path}"
        );
        let html = response.html();
        assert_eq!(text(&html, "h1"), "Page not found");
        assert_eq!(
            attrs(&html, "main form[role=search]", "action"),
            ["/search"]
        );
        let popular = attrs(&html, "main .cards a", "href");
        assert_eq!(popular.len(), library().featured().count());
        assert!(
            popular
                .iter()
                .all(|href| href.starts_with("/job-descriptions/"))
        );
        assert_eq!(
            attrs(&html, "a.skip-link", "href"),
            ["#main"],
            "rendered through the layout"
        );
    }
}

#[test]
fn head_works_wherever_get_does() {
    let role = format!("/job-descriptions/{}", library().roles()[0].slug);
    for path in [
        "/",
        "/job-descriptions",
        role.as_str(),
        "/about",
        "/favicon.ico",
    ] {
        let get = get(path);
        let head = request("HEAD", path, &[]);
        assert_eq!(head.status, 200, "HEAD {path}");
        assert!(head.body.is_empty(), "HEAD {path} has no body");
        assert_eq!(
            head.header("content-type"),
            get.header("content-type"),
            "{path}"
        );
        assert_eq!(head.header("etag"), get.header("etag"), "{path}");
    }
    assert_eq!(
        request("HEAD", "/job-descriptions/no-such-role", &[]).status,
        404
    );
}

#[test]
fn other_methods_are_refused_with_the_error_page() {
    let response = request("POST", "/job-descriptions", &[]);
    assert_eq!(response.status, 405);
    assert!(response.header("content-type").starts_with("text/html"));
    assert!(!text(&response.html(), "h1").is_empty());
}

#[test]
fn trailing_slashes_redirect_to_the_canonical_url() {
    for (path, location) in [
        ("/job-descriptions/", "/job-descriptions"),
        (
            "/job-descriptions/account-manager/",
            "/job-descriptions/account-manager",
        ),
        ("/about/?ref=x", "/about?ref=x"),
        ("//evil.example/", "/evil.example"),
    ] {
        let response = get(path);
        assert_eq!(response.status, 301, "{path}");
        assert_eq!(response.header("location"), location, "{path}");
    }
    assert_eq!(get("/").status, 200, "the root keeps its slash");
}

fn gunzip(bytes: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    flate2::read::GzDecoder::new(bytes)
        .read_to_end(&mut out)
        .expect("valid gzip");
    out
}

fn unbrotli(bytes: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    brotli::Decompressor::new(bytes, 4096)
        .read_to_end(&mut out)
        .expect("valid brotli");
    out
}

#[test]
fn pages_are_compressed_when_the_client_accepts_it() {
    let path = "/job-descriptions/account-manager";
    let plain = get(path);
    assert_eq!(plain.header("content-encoding"), "");
    assert!(
        plain
            .header("vary")
            .to_lowercase()
            .contains("accept-encoding")
    );

    let gzip = request("GET", path, &[("Accept-Encoding", "gzip")]);
    assert_eq!(gzip.header("content-encoding"), "gzip");
    assert_eq!(
        gzip.headers.get_all("vary").iter().count(),
        1,
        "one Vary header"
    );
    assert!(
        gzip.body.len() * 2 < plain.body.len(),
        "gzip at least halves the page"
    );
    assert_eq!(gunzip(&gzip.body), plain.body);

    let br = request("GET", path, &[("Accept-Encoding", "br, gzip")]);
    assert_eq!(br.header("content-encoding"), "br");
    assert_eq!(unbrotli(&br.body), plain.body);

    let css_url = attrs(&plain.html(), "link[rel=stylesheet]", "href").remove(0);
    let css = request("GET", &css_url, &[("Accept-Encoding", "gzip")]);
    assert_eq!(css.header("content-encoding"), "gzip");
}

#[test]
fn repeat_visits_get_304_not_modified() {
    let path = "/job-descriptions/account-manager";
    let first = get(path);
    let etag = first.header("etag").to_owned();
    assert!(etag.starts_with("W/\""), "weak ETag: {etag}");
    assert_eq!(first.header("cache-control"), SHARED_CACHE);
    let again = request("GET", path, &[("If-None-Match", &etag)]);
    assert_eq!(again.status, 304);
    assert!(again.body.is_empty());
    assert_eq!(again.header("etag"), etag);
    let gzip_again = request(
        "GET",
        path,
        &[("If-None-Match", &etag), ("Accept-Encoding", "gzip")],
    );
    assert_eq!(
        gzip_again.status, 304,
        "the ETag holds whatever the encoding"
    );
    let other = request("GET", path, &[("If-None-Match", "W/\"0000\"")]);
    assert_eq!(other.status, 200);
    let other_page = get("/job-descriptions/accountant");
    assert_ne!(
        other_page.header("etag"),
        etag,
        "ETags differ between pages"
    );
}

/// What every page that depends only on the content tells caches.
const SHARED_CACHE: &str = "public, max-age=300, s-maxage=3600, stale-while-revalidate=86400";

#[test]
fn shared_caches_may_keep_pages_but_never_forms_or_drafts() {
    // Not in the page cache (it has a query string), still public with a validator.
    let path = "/salaries/soc/47-2111?state=colorado";
    let first = get(path);
    assert_eq!(first.header("cache-control"), SHARED_CACHE);
    let etag = first.header("etag").to_owned();
    assert!(etag.starts_with("W/\""), "{etag}");
    assert_eq!(
        request("GET", path, &[("If-None-Match", &etag)]).status,
        304
    );
    for private in [
        "/job-descriptions/build",
        "/job-descriptions/build?soc=47-2111",
    ] {
        let form = get(private);
        assert_eq!(
            form.header("cache-control"),
            "no-store, private",
            "{private}"
        );
    }
    let (id, _) = common::builder::save(&common::builder::valid());
    for draft in [
        format!("/job-descriptions/drafts/{id}"),
        format!("/job-descriptions/drafts/{id}.md"),
    ] {
        let page = get(&draft);
        assert_eq!(page.status, 200);
        assert!(
            page.header("cache-control").contains("no-store"),
            "{draft}: {}",
            page.header("cache-control")
        );
        assert!(page.header("cache-control").contains("private"), "{draft}");
    }
}

#[test]
fn the_etag_changes_when_the_content_does() {
    let content = common::fixture_content(&[]);
    let before = common::TestServer::with(|c| c.content.path = content.path().to_owned());
    let page = "/job-descriptions/alpha";
    let old = before.get(page);
    assert_eq!(old.status, 200);
    let file = content.path().join("roles/alpha.md");
    let text = std::fs::read_to_string(&file).expect("read");
    let changed = text.replace(
        "The intro paragraph of the fixture.",
        "The intro paragraph of the fixture, changed in this release.",
    );
    assert_ne!(changed, text);
    std::fs::write(&file, changed).expect("write");
    let after = common::TestServer::with(|c| c.content.path = content.path().to_owned());
    let new = after.get(page);
    assert_eq!(new.status, 200, "{}", new.text());
    assert!(new.text().contains("changed in this release."));
    assert_ne!(new.header("etag"), old.header("etag"));
}

#[test]
fn static_files_have_hashed_urls_and_long_lived_caching() {
    let html = get("/").html();
    let css_url = attrs(&html, "link[rel=stylesheet]", "href").remove(0);
    assert!(
        css_url.starts_with("/static/style.") && css_url.ends_with(".css"),
        "{css_url}"
    );
    let css = get(&css_url);
    assert_eq!(css.status, 200);
    assert_eq!(css.header("content-type"), "text/css; charset=utf-8");
    assert!(css.header("cache-control").contains("max-age=31536000"));
    assert!(css.header("cache-control").contains("immutable"));
    let etag = css.header("etag").to_owned();
    assert_eq!(
        request("GET", &css_url, &[("If-None-Match", &etag)]).status,
        304
    );

    for href in attrs(&html, "link[rel=icon]", "href") {
        assert_eq!(get(&href).status, 200, "{href}");
    }
    for path in [
        "/static/style.css",
        "/static/style.000000000000.css",
        "/static/../Cargo.toml",
        "/static/%2e%2e/Cargo.toml",
    ] {
        assert_eq!(get(path).status, 404, "{path}");
    }
}

#[test]
fn the_icon_set_and_manifest_are_served_and_linked() {
    let html = common::page("/");
    let touch = attrs(&html, "link[rel=apple-touch-icon]", "href").concat();
    assert!(touch.starts_with("/static/apple-touch-icon."), "{touch}");
    assert_eq!(
        attrs(&html, "link[rel=manifest]", "href"),
        ["/site.webmanifest"]
    );
    assert_eq!(
        attrs(&html, "meta[name=theme-color]", "content"),
        ["#0b4f8a"]
    );
    for path in [touch.as_str(), "/apple-touch-icon.png"] {
        let icon = get(path);
        assert_eq!(icon.status, 200, "{path}");
        assert_eq!(icon.header("content-type"), "image/png", "{path}");
        assert_eq!(&icon.body[1..4], b"PNG", "{path}");
    }
    let manifest = get("/site.webmanifest");
    assert_eq!(manifest.header("content-type"), "application/manifest+json");
    let manifest: serde_json::Value =
        serde_json::from_slice(&manifest.body).expect("the manifest is JSON");
    assert_eq!(manifest["name"], "Rolebook");
    let icons = manifest["icons"].as_array().expect("icons");
    let sizes: Vec<&str> = icons.iter().filter_map(|i| i["sizes"].as_str()).collect();
    assert_eq!(sizes, ["192x192", "512x512", "512x512"]);
    for icon in icons {
        let src = icon["src"].as_str().expect("src");
        let response = get(src);
        assert_eq!(response.status, 200, "{src}");
        // PNG stores width and height at bytes 16-23, big-endian.
        let width = u32::from_be_bytes(response.body[16..20].try_into().expect("4 bytes"));
        assert_eq!(format!("{width}x{width}"), icon["sizes"], "{src}");
    }
    assert_eq!(get("/icon-192.png").status, 404, "only the hashed name");
}
