//! The posting checker and the Word export in a real browser: findings on a form sent
//! back with errors, then on the saved draft, and the .docx downloaded.

mod common;

use std::time::Duration;

use common::browser::{Browser, until};

#[tokio::test(flavor = "multi_thread")]
async fn findings_follow_the_posting_from_the_form_to_the_draft_and_word_downloads() {
    let Some(browser) = Browser::start().await else {
        return;
    };
    let journey = async {
        browser
            .open("/job-descriptions/build?role=cashier&state=ohio")
            .await;
        browser.fill("#city", "Dayton").await;
        browser
            .fill(
                "#summary",
                "Be a rockstar at our busy store. You will ring up sales.",
            )
            .await;
        browser.click(".form-actions button").await;
        until("the form back with errors", || async {
            browser.count(".error-summary").await == 1
        })
        .await;
        let subjects = browser.texts(".review .finding-subject").await;
        assert!(
            subjects.iter().any(|s| s.contains("rockstar")),
            "{subjects:?}"
        );

        browser.fill("#company", "Buckeye Grocers").await;
        browser.click(".form-actions button").await;
        until("the saved draft", || async {
            browser.count(".job-posting").await == 1
        })
        .await;
        let subjects = browser.texts(".review .finding-subject").await;
        assert!(
            subjects.iter().any(|s| s.contains("rockstar")),
            "{subjects:?}"
        );
        assert_eq!(browser.count(".google-check").await, 1);

        browser.click("a[href$='.docx']").await;
        let bytes = browser.downloaded_bytes("cashier.docx").await;
        assert!(bytes.starts_with(b"PK"), "a zip file");
    };
    tokio::time::timeout(Duration::from_secs(90), journey)
        .await
        .expect("in time");
}
