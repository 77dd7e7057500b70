//! The builder's form in the integration tests: a valid submission, and submitting or
//! saving one with a fresh session.

use rusqlite::Connection;

use super::{FormSession, Response, TestServer, base_url, server};

/// A complete, valid submission.
pub fn valid() -> Vec<(&'static str, &'static str)> {
    vec![
        ("title", "Senior Account Manager"),
        ("company", "Acme & Sons"),
        (
            "about_company",
            "We make anvils.\n\nFamily owned since 1950.",
        ),
        ("workplace", "hybrid"),
        ("city", "Los Angeles"),
        ("state", "california"),
        ("remote_regions", ""),
        ("employment_type", "full-time"),
        ("pay_min", "75,000"),
        ("pay_max", "$95000"),
        ("pay_period", "year"),
        ("summary", "Own our largest accounts and keep them growing."),
        ("duties", "- Keep clients happy\n- Renew contracts on time"),
        ("required", "Five years in B2B sales\nA driver's license"),
        ("preferred", "Experience with Salesforce"),
        ("benefits[]", "health"),
        ("benefits[]", "dental"),
        ("benefits_other", "Free lunch on Fridays"),
        ("apply", "jobs@acme.example"),
        ("direct_apply", "on"),
        ("date_posted", "2026-11-23"),
        ("closing_date", "2026-12-31"),
        ("eeo", "We welcome everyone."),
        ("role", "account-manager"),
    ]
}

/// `valid()` with some fields replaced (an empty value blanks the field).
pub fn with<'a>(changes: &[(&'a str, &'a str)]) -> Vec<(&'a str, &'a str)> {
    let mut fields: Vec<(&'a str, &'a str)> = valid()
        .into_iter()
        .filter(|(k, _)| !changes.iter().any(|(c, _)| c == k))
        .collect();
    fields.extend(changes.iter().copied());
    fields
}

/// Submits a form; returns the response and the session used.
pub fn submit(fields: &[(&str, &str)]) -> (Response, FormSession) {
    let session = FormSession::open(base_url());
    (
        session.post(base_url(), "/job-descriptions/build", fields),
        session,
    )
}

/// Saves a valid draft on the shared server: its id and edit key.
pub fn save(fields: &[(&str, &str)]) -> (String, String) {
    save_to(server(), fields)
}

/// Saves a valid draft on `server`: its id and edit key.
pub fn save_to(server: &TestServer, fields: &[(&str, &str)]) -> (String, String) {
    let session = FormSession::open(&server.base);
    let response = session.post(&server.base, "/job-descriptions/build", fields);
    assert_eq!(response.status, 303, "{}", response.text());
    let location = response.header("location").to_owned();
    let id = location
        .strip_prefix("/job-descriptions/drafts/")
        .expect("a draft URL")
        .to_owned();
    (id, edit_key(&response))
}

/// The edit key in a save's `rolebook_new_draft` cookie.
pub fn edit_key(response: &Response) -> String {
    let flash = response
        .set_cookie("rolebook_new_draft")
        .expect("the edit key cookie");
    flash
        .split(';')
        .next()
        .and_then(|kv| kv.split_once('='))
        .map(|(_, v)| v.to_owned())
        .expect("key")
}

/// The test server's own database.
pub fn database() -> Connection {
    Connection::open(server().data_dir.join("rolebook.sqlite3")).expect("the server's database")
}
