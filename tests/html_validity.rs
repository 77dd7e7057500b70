//! Every page type passes html-validate (npm) with its recommended rules.
//! Needs `npm ci`; in CI (`CI=true`) a missing tool fails the test.

mod common;

use std::path::PathBuf;
use std::process::Command;

use common::{FormSession, base_url, get};

/// `node_modules/.bin/html-validate`, or why the test cannot run.
fn html_validate() -> Option<PathBuf> {
    let tool = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("node_modules/.bin/html-validate");
    if tool.exists() {
        return Some(tool);
    }
    let message = "HTML validity checks need html-validate: run `npm ci` in the repository";
    if std::env::var("CI").is_ok_and(|v| v == "true") {
        panic!("{message}");
    }
    eprintln!("SKIPPED (not in CI): {message}");
    None
}

/// The HTML of every page type, named.
fn pages() -> Vec<(&'static str, String)> {
    let session = FormSession::open(base_url());
    let fields = [
        ("title", "Registered Nurse"),
        ("company", "Clinic & Co"),
        ("workplace", "remote"),
        ("remote_regions", "United States"),
        ("employment_type", "part-time"),
        ("pay_min", "40"),
        ("pay_max", "55.50"),
        ("pay_period", "hour"),
        ("summary", "Care for patients.\n\nSecond paragraph."),
        ("duties", "Assess patients\nChart care"),
        ("required", "An RN license"),
        ("preferred", "ICU experience"),
        ("benefits[]", "health"),
        ("benefits_other", "Scrubs"),
        ("apply", "https://clinic.example/jobs"),
        ("date_posted", "2026-11-23"),
        ("closing_date", "2026-12-31"),
        ("about_company", "A clinic."),
    ];
    let saved = session.post(base_url(), "/job-descriptions/build", &fields);
    assert_eq!(saved.status, 303);
    let draft = saved.header("location").to_owned();
    let invalid = session.post(
        base_url(),
        "/job-descriptions/build",
        &[("title", ""), ("pay_min", "9"), ("pay_max", "1")],
    );
    assert_eq!(invalid.status, 422);
    let draft_with_edit_link = {
        let cookie = format!("rolebook_new_draft={}", common::builder::edit_key(&saved));
        common::send(
            &format!("{}{draft}", base_url()),
            "GET",
            &[("Cookie", &cookie)],
            Vec::new(),
        )
        .text()
    };
    let get_text = |path: &str| {
        let response = get(path);
        assert!([200, 404].contains(&response.status), "{path}");
        response.text()
    };
    vec![
        ("home", get_text("/")),
        ("role index", get_text("/job-descriptions")),
        (
            "role",
            get_text("/job-descriptions/account-manager?state=texas"),
        ),
        (
            "salary",
            get_text("/salaries/account-manager?sort=median&order=desc"),
        ),
        ("salary, hourly", get_text("/salaries/soc/27-2011")),
        ("salary index", get_text("/salaries")),
        ("salary index, filtered", get_text("/salaries?q=nurse")),
        ("salary index, no match", get_text("/salaries?q=zzqxv")),
        ("salary group", get_text("/salaries/group/production")),
        ("search with results", get_text("/search?q=acount+manger")),
        ("search without results", get_text("/search?q=zzqxv")),
        ("search, empty", get_text("/search")),
        ("search with occupations", get_text("/search?q=electrician")),
        (
            "occupation salary",
            get_text("/salaries/soc/47-3013?state=ohio"),
        ),
        (
            "role with a metro area",
            get_text("/job-descriptions/electrician?state=ohio&metro=cincinnati-oh-ky-in"),
        ),
        (
            "metro area pay",
            get_text("/salaries/soc/47-2111/washington-arlington-alexandria-dc-va-md-wv"),
        ),
        (
            "metro area pay, hourly and imprecise",
            get_text("/salaries/soc/27-2011/atlanta-sandy-springs-roswell-ga"),
        ),
        (
            "builder with a metro area",
            get_text("/job-descriptions/build?soc=11-2021&state=colorado&metro=pueblo-co"),
        ),
        (
            "builder from an occupation",
            get_text("/job-descriptions/build?soc=47-3013&state=ohio"),
        ),
        (
            "builder with close titles",
            get_text("/job-descriptions/build?from=nurs"),
        ),
        ("about", get_text("/about")),
        (
            "builder",
            get_text("/job-descriptions/build?role=registered-nurse"),
        ),
        ("builder with errors", invalid.text()),
        ("draft", get_text(&draft)),
        ("draft just saved", draft_with_edit_link),
        ("draft HTML export", get_text(&format!("{draft}.html"))),
        ("resources", get_text("/resources")),
        (
            "article",
            get_text("/resources/pay-transparency-laws-by-state"),
        ),
        ("page", get_text("/privacy")),
        ("404", get_text("/no-such-page")),
    ]
}

#[test]
fn every_page_type_is_valid_html() {
    let Some(tool) = html_validate() else { return };
    let dir = tempfile::tempdir().expect("temp dir");
    let mut files = Vec::new();
    for (name, html) in pages() {
        let file = dir
            .path()
            .join(format!("{}.html", name.replace([' ', ','], "-")));
        std::fs::write(&file, html).expect("write");
        files.push(file);
    }
    let config = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(".htmlvalidate.json");
    let output = Command::new(tool)
        .arg("--config")
        .arg(config)
        .args(["--formatter", "text"])
        .args(&files)
        .output()
        .expect("run html-validate");
    let report = String::from_utf8_lossy(&output.stdout);
    assert!(
        output.status.success(),
        "html-validate found problems:\n{report}{}",
        String::from_utf8_lossy(&output.stderr)
    );
}
