//! The builder's limits: every field's maxlength is the server's own limit, a field
//! over it keeps the form and says by how much, an oversized body gets a page that
//! explains and links back, and a field that is not UTF-8 is named.

mod common;

use common::builder::with;
use common::{FormSession, attrs, base_url, page, text};
use rolebook::builder::{LINE_MAX, LIST_MAX, LONG_MAX, MEDIUM_MAX, SHORT_MAX};
use rolebook::web::MAX_BODY;

#[test]
fn a_too_long_field_keeps_the_form_and_says_which_and_by_how_much() {
    let session = FormSession::open(base_url());
    let long = "x".repeat(100_000);
    let response = session.post(
        base_url(),
        "/job-descriptions/build",
        &with(&[("summary", &long), ("company", "Kept Co")]),
    );
    assert_eq!(response.status, 422);
    let html = response.html();
    assert_eq!(
        text(&html, "#summary-error"),
        "Error: Shorten the summary by 98000 characters: the limit is 2000"
    );
    assert_eq!(
        attrs(&html, "#company", "value"),
        ["Kept Co"],
        "the rest is kept"
    );
}

#[test]
fn every_text_field_carries_the_servers_limit_as_maxlength() {
    let html = page("/job-descriptions/build");
    for (id, limit) in [
        ("title", SHORT_MAX),
        ("company", SHORT_MAX),
        ("city", SHORT_MAX),
        ("about_company", LONG_MAX),
        ("summary", LONG_MAX),
        ("eeo", LONG_MAX),
        ("remote_regions", MEDIUM_MAX),
        ("benefits_other", MEDIUM_MAX),
        ("apply", MEDIUM_MAX),
        ("duties", LIST_MAX * (LINE_MAX + 1)),
        ("required", LIST_MAX * (LINE_MAX + 1)),
        ("preferred", LIST_MAX * (LINE_MAX + 1)),
    ] {
        assert_eq!(
            attrs(&html, &format!("#{id}"), "maxlength"),
            [limit.to_string()],
            "#{id}"
        );
    }
}

#[test]
fn bodies_over_the_limit_get_a_413_page_that_explains_and_links_back() {
    let session = FormSession::open(base_url());
    let huge = "x".repeat(MAX_BODY + 1);
    let response = session.post(
        base_url(),
        "/job-descriptions/build",
        &with(&[("summary", &huge)]),
    );
    assert_eq!(response.status, 413);
    let html = response.html();
    assert_eq!(text(&html, "h1"), "That was too much to send");
    assert!(
        text(&html, ".lede").contains(&format!("larger than the {} KB we accept", MAX_BODY / 1024)),
        "{}",
        text(&html, ".lede")
    );
    assert_eq!(
        attrs(&html, "main a.button", "href"),
        ["/job-descriptions/build"]
    );
    let just_under = "x".repeat(1900);
    assert_eq!(
        session
            .post(
                base_url(),
                "/job-descriptions/build",
                &with(&[("summary", &just_under)])
            )
            .status,
        303
    );
}

#[test]
fn a_field_that_is_not_utf8_gets_422_naming_it() {
    let session = FormSession::open(base_url());
    let response = session.post_raw(
        base_url(),
        "/job-descriptions/build",
        b"title=ok&summary=bad%FF%FE".to_vec(),
    );
    assert_eq!(response.status, 422);
    let html = response.html();
    assert!(
        text(&html, ".lede").contains("The field \"summary\" is not valid text"),
        "{}",
        text(&html, ".lede")
    );
}
