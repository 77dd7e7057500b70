//! Saved drafts over HTTP: editing with the secret link, the exports, and what a draft's
//! location brings (remote hiring, pay transparency notices). Each runs against SQLite
//! and against PostgreSQL.

mod common;

use common::builder::{save_to, valid, with};
use common::{FormSession, TestServer, attrs, send, text};

on_both_engines!(
    editing_needs_the_secret_key_and_keeps_the_draft_id,
    exports_have_their_type_file_name_and_content,
    a_remote_job_exports_telecommute_and_where_it_can_hire,
    pay_transparency_notices_follow_the_location,
);

fn editing_needs_the_secret_key_and_keeps_the_draft_id(server: &TestServer) {
    let (id, key) = save_to(server, &valid());
    let edit = format!("/job-descriptions/drafts/{id}/edit");
    assert_eq!(server.get(&edit).status, 403);
    assert_eq!(
        server.get(&format!("{edit}?key={}", "0".repeat(64))).status,
        403
    );
    assert_eq!(
        server
            .get("/job-descriptions/drafts/00000000000000000000000000000000/edit?key=x")
            .status,
        404
    );
    let page = server.get(&format!("{edit}?key={key}"));
    assert_eq!(page.status, 200);
    assert_eq!(
        page.header("referrer-policy"),
        "same-origin",
        "the key in the address goes on to this site only, and Chromium still sends Origin"
    );
    let html = page.html();
    assert_eq!(attrs(&html, "#title", "value"), ["Senior Account Manager"]);
    assert_eq!(attrs(&html, "#pay_min", "value"), ["75000"]);
    assert_eq!(attrs(&html, "input[name=key]", "value"), [key.as_str()]);

    let session = FormSession::open(&server.base);
    let mut fields = with(&[("title", "Lead Account Manager")]);
    let without_key = session.post(&server.base, &edit, &fields);
    assert_eq!(without_key.status, 403);
    fields.push(("key", &key));
    let invalid = session.post(&server.base, &edit, &with(&[("title", ""), ("key", &key)]));
    assert_eq!(invalid.status, 422);
    assert_eq!(
        attrs(&invalid.html(), "input[name=key]", "value"),
        [key.as_str()],
        "the key survives an error"
    );
    let saved = session.post(&server.base, &edit, &fields);
    assert_eq!(saved.status, 303);
    assert_eq!(
        saved.header("location"),
        format!("/job-descriptions/drafts/{id}")
    );
    let flash = saved
        .cookies()
        .into_iter()
        .find(|c| c.starts_with("rolebook_changes_saved="))
        .expect("the saved flash");
    let after = send(
        &format!("{}/job-descriptions/drafts/{id}", server.base),
        "GET",
        &[("Cookie", &flash)],
        Vec::new(),
    );
    assert_eq!(text(&after.html(), ".notice.success"), "Changes saved.");
    assert!(
        !text(
            &server.get(&format!("/job-descriptions/drafts/{id}")).html(),
            "main"
        )
        .contains("Changes saved"),
        "said once"
    );
    assert_eq!(
        text(
            &server.get(&format!("/job-descriptions/drafts/{id}")).html(),
            ".posting-title"
        ),
        "Lead Account Manager"
    );
    let stored = server
        .store()
        .get(&id)
        .expect("read")
        .expect("the draft is stored");
    assert!(stored.posting.contains("Lead Account Manager"));
}

fn exports_have_their_type_file_name_and_content(server: &TestServer) {
    let (id, _) = save_to(server, &valid());
    let url = |ext: &str| format!("/job-descriptions/drafts/{id}.{ext}");
    for (ext, content_type) in [
        ("md", "text/markdown; charset=utf-8"),
        ("txt", "text/plain; charset=utf-8"),
        ("html", "text/html; charset=utf-8"),
        ("json", "application/ld+json; charset=utf-8"),
    ] {
        let response = server.get(&url(ext));
        assert_eq!(response.status, 200, "{ext}");
        assert_eq!(response.header("content-type"), content_type);
        assert_eq!(
            response.header("content-disposition"),
            format!("attachment; filename=\"senior-account-manager.{ext}\"")
        );
        assert_eq!(response.header("x-robots-tag"), "noindex");
    }
    let md = server.get(&url("md")).text();
    assert!(md.starts_with("# Senior Account Manager\n"), "{md}");
    assert!(
        md.contains("**Acme & Sons**")
            && md.contains("- Renew contracts on time\n")
            && md.contains("jobs@acme.example")
            && !md.contains("\\@")
            && !md.contains("\\&"),
        "{md}"
    );
    let txt = server.get(&url("txt")).text();
    assert!(
        txt.starts_with("Senior Account Manager\n======================\n")
            && txt.contains("Pay: $75,000 - $95,000 per year"),
        "{txt}"
    );

    let json: serde_json::Value =
        serde_json::from_str(&server.get(&url("json")).text()).expect("JSON parses");
    assert_eq!(json["@type"], "JobPosting");
    assert_eq!(json["title"], "Senior Account Manager");
    assert_eq!(json["datePosted"], "2026-11-23");
    assert_eq!(json["validThrough"], "2026-12-31T23:59:59");
    assert_eq!(json["employmentType"], "FULL_TIME");
    assert_eq!(json["hiringOrganization"]["name"], "Acme & Sons");
    assert_eq!(
        json["jobLocation"]["address"]["addressLocality"],
        "Los Angeles"
    );
    assert_eq!(json["baseSalary"]["value"]["minValue"], 75000);
    assert_eq!(json["baseSalary"]["value"]["unitText"], "YEAR");
    assert_eq!(json["directApply"], true);
    assert!(
        json["description"]
            .as_str()
            .is_some_and(|d| d.contains("<li>Keep clients happy</li>"))
    );

    let page = server.get(&url("html")).html();
    assert_eq!(text(&page, "h1"), "Senior Account Manager");
    let script = text(&page, "script[type='application/ld+json']");
    let embedded: serde_json::Value =
        serde_json::from_str(&script).expect("embedded JSON-LD parses");
    assert_eq!(embedded, json);
    assert_eq!(
        server
            .get(&format!("/job-descriptions/drafts/{id}.exe"))
            .status,
        404
    );
}

fn a_remote_job_exports_telecommute_and_where_it_can_hire(server: &TestServer) {
    let (id, _) = save_to(
        server,
        &with(&[
            ("workplace", "remote"),
            ("city", ""),
            ("state", ""),
            ("remote_regions", "United States; Canada"),
        ]),
    );
    let json: serde_json::Value = serde_json::from_str(
        &server
            .get(&format!("/job-descriptions/drafts/{id}.json"))
            .text(),
    )
    .expect("JSON");
    assert_eq!(json["jobLocationType"], "TELECOMMUTE");
    assert_eq!(
        json["applicantLocationRequirements"][0],
        serde_json::json!({"@type": "Country", "name": "US"})
    );
    assert_eq!(json["applicantLocationRequirements"][1]["name"], "Canada");
    assert!(json.get("jobLocation").is_none());
    let notices = text(
        &server.get(&format!("/job-descriptions/drafts/{id}")).html(),
        ".draft-bar",
    );
    assert!(
        notices.contains("Colorado") && notices.contains("California"),
        "a nationwide remote job meets several state rules"
    );
}

fn pay_transparency_notices_follow_the_location(server: &TestServer) {
    let (texas, _) = save_to(server, &with(&[("city", "Austin"), ("state", "texas")]));
    assert!(
        !text(
            &server
                .get(&format!("/job-descriptions/drafts/{texas}"))
                .html(),
            ".draft-bar"
        )
        .contains("Pay transparency")
    );
    let (nyc, _) = save_to(
        server,
        &with(&[("city", "Brooklyn"), ("state", "new-york")]),
    );
    let notices = text(
        &server
            .get(&format!("/job-descriptions/drafts/{nyc}"))
            .html(),
        ".draft-bar",
    );
    assert!(
        notices.contains("New York City: Since November 1, 2022")
            && notices.contains("New York State"),
        "{notices}"
    );
}

#[test]
fn instances_on_one_postgres_database_share_drafts_and_the_form_key() {
    let Some(postgres) = common::postgres::shared() else {
        return;
    };
    let url = postgres.database();
    let on_shared_database = || {
        TestServer::with(|config| {
            config.database_url = rolebook::db::DatabaseUrl::Postgres(url.clone());
        })
    };
    let (first, second) = (on_shared_database(), on_shared_database());
    // The form comes from one instance, and the save goes to the other.
    let session = FormSession::open(&first.base);
    let saved = session.post(&second.base, "/job-descriptions/build", &valid());
    assert_eq!(
        saved.status, 303,
        "the second instance accepts the first one's token"
    );
    let draft = saved.header("location").to_owned();
    assert_eq!(
        first.get(&draft).status,
        200,
        "and the first reads what the second saved"
    );
}
