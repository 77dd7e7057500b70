//! The builder's numbered steps, pay range bar and preview over HTTP: the live preview
//! address the form's script uses, and the "Preview without saving" button.

mod common;

use common::builder::{valid, with};
use common::{FormSession, attrs, base_url, page, send, text, texts};
use scraper::Html;

const PREVIEW: &str = "/job-descriptions/preview";

/// POSTs `fields` to the live preview address as the script does: no token, no cookie.
fn live(fields: &[(&str, &str)]) -> common::Response {
    let body = serde_html_form::to_string(fields).expect("form encoding");
    send(
        &format!("{}{PREVIEW}", base_url()),
        "POST",
        &[("Content-Type", "application/x-www-form-urlencoded")],
        body.into_bytes(),
    )
}

/// The legend's value for `label`.
fn legend(html: &Html, label: &str) -> Option<String> {
    html.select(&common::sel("#pay-bar .range-legend div"))
        .find(|row| row.text().any(|t| t == label))
        .map(|row| {
            row.select(&common::sel("dd"))
                .flat_map(|d| d.text())
                .collect::<String>()
        })
}

#[test]
fn the_form_has_eight_numbered_steps_a_pay_bar_and_a_preview() {
    let html = page("/job-descriptions/build?role=account-manager&state=texas");
    assert_eq!(
        texts(&html, ".job-form legend .step"),
        ["1", "2", "3", "4", "5", "6", "7", "8"]
    );
    let min = attrs(&html, "#pay_min", "value").concat();
    let max = attrs(&html, "#pay_max", "value").concat();
    assert_eq!(
        legend(&html, "Middle half (suggested)"),
        Some(format!("${min} - ${max} per year")),
        "the bar shows the range the fields were filled with"
    );
    assert_eq!(
        legend(&html, "Your range"),
        Some(format!("${min} - ${max} per year"))
    );
    assert!(legend(&html, "Median").is_some());
    assert_eq!(
        attrs(&html, "#pay-bar svg", "aria-hidden"),
        ["true"],
        "the legend is the text"
    );
    assert_eq!(text(&html, "#preview .posting-title"), "Account Manager");
    assert!(text(&html, "#preview .posting-meta").contains("[Company name]"));
    assert!(text(&html, "#preview .preview-status").starts_with("Before you can save:"));
    assert!(
        attrs(&html, "#preview", "class").concat() == "form-preview",
        "not asked for: hidden on narrow screens"
    );
    // A blank form has no occupation, so no bar, but still a preview.
    let blank = page("/job-descriptions/build");
    assert!(blank.select(&common::sel("#pay-bar svg")).next().is_none());
    assert_eq!(text(&blank, "#preview .posting-title"), "[Job title]");
}

#[test]
fn the_live_preview_shows_a_complete_form_exactly_as_it_will_be_saved() {
    let response = live(&valid());
    assert_eq!(response.status, 200);
    assert!(response.header("cache-control").contains("no-store"));
    let html = response.html();
    assert_eq!(
        text(&html, "#preview .preview-status"),
        "Ready to save: this is the posting as it will be saved."
    );
    assert_eq!(text(&html, ".posting-title"), "Senior Account Manager");
    assert_eq!(
        text(&html, ".posting-pay"),
        "Pay: $75,000 - $95,000 per year"
    );
    assert_eq!(
        texts(&html, "h4"),
        [
            "About the role",
            "What you will do",
            "What you need",
            "Nice to have",
            "Benefits",
            "About Acme & Sons",
            "How to apply"
        ]
    );
    // Typed pay outside the suggestion widens the bar and is drawn on it.
    let high = live(&with(&[("pay_min", "150000"), ("pay_max", "190,000")])).html();
    assert_eq!(
        legend(&high, "Your range"),
        Some("$150,000 - $190,000 per year".to_owned())
    );
    let hourly = live(&with(&[
        ("pay_min", "30"),
        ("pay_max", "40"),
        ("pay_period", "hour"),
    ]))
    .html();
    assert_eq!(legend(&hourly, "Your range"), None);
    assert!(text(&hourly, "#pay-bar .hint").contains("different period"));
}

#[test]
fn an_unfinished_form_previews_with_its_gaps_named_and_its_text_escaped() {
    let html = live(&with(&[
        ("company", ""),
        ("title", "<script>alert(1)</script> Lead"),
        ("pay_min", ""),
    ]))
    .html();
    assert_eq!(
        text(&html, ".posting-title"),
        "<script>alert(1)</script> Lead"
    );
    assert!(
        html.select(&common::sel("#preview script"))
            .next()
            .is_none()
    );
    assert!(text(&html, ".posting-meta").starts_with("[Company name]"));
    assert_eq!(text(&html, ".posting-pay"), "Pay: [Pay range]");
    let status = text(&html, ".preview-status");
    assert!(status.starts_with("Before you can save:"), "{status}");
    assert!(status.to_lowercase().contains("company"), "{status}");
}

#[test]
fn the_live_preview_is_not_rate_limited_but_is_size_limited() {
    // A server that allows 3 saves a minute still previews as often as someone types.
    let server = common::TestServer::start(3);
    let body = serde_html_form::to_string(valid()).expect("form encoding");
    for n in 0..12 {
        let response = send(
            &format!("{}{PREVIEW}", server.base),
            "POST",
            &[("Content-Type", "application/x-www-form-urlencoded")],
            body.clone().into_bytes(),
        );
        assert_eq!(response.status, 200, "preview {n}");
    }
    let huge = send(
        &format!("{}{PREVIEW}", server.base),
        "POST",
        &[("Content-Type", "application/x-www-form-urlencoded")],
        format!("summary={}", "x".repeat(1_000_000)).into_bytes(),
    );
    assert_eq!(huge.status, 413);
    assert_eq!(common::get(PREVIEW).status, 405, "GET is not a preview");
}

#[test]
fn the_preview_button_shows_the_form_again_with_everything_typed_and_saves_nothing() {
    let session = FormSession::open(base_url());
    let mut fields = with(&[("city", ""), ("company", "Dayton Tool & Die")]);
    fields.push(("preview", "1"));
    let response = session.post(base_url(), "/job-descriptions/build", &fields);
    assert_eq!(response.status, 200, "not a save, not an error");
    assert!(response.header("location").is_empty());
    let html = response.html();
    assert_eq!(attrs(&html, "#company", "value"), ["Dayton Tool & Die"]);
    assert_eq!(attrs(&html, "#title", "value"), ["Senior Account Manager"]);
    assert!(html.select(&common::sel(".error-summary")).next().is_none());
    assert_eq!(
        attrs(&html, "#preview", "class"),
        ["form-preview requested"]
    );
    assert!(text(&html, "#preview .posting-meta").starts_with("Dayton Tool & Die"));
    assert_eq!(
        attrs(&html, "button[name=preview]", "formaction"),
        ["/job-descriptions/build#preview"]
    );
    let saved: i64 = common::builder::database()
        .query_row(
            "SELECT COUNT(*) FROM drafts WHERE posting LIKE '%Dayton Tool%'",
            [],
            |row| row.get(0),
        )
        .expect("count drafts");
    assert_eq!(saved, 0, "nothing was saved");
}
