//! The job description builder over HTTP: the form, every validation rule, drafts in
//! the database, and the limits on POSTs.

mod common;

use common::builder::{database, edit_key, submit, valid, with};
use common::{FormSession, TestServer, attrs, base_url, get, library, send, text, texts};
use rolebook::builder::DEFAULT_EEO;
use sha2::{Digest, Sha256};

#[test]
fn the_form_opens_blank_with_defaults_and_a_csrf_cookie() {
    let response = get("/job-descriptions/build");
    assert_eq!(response.status, 200);
    let cookie = response.set_cookie("rolebook_csrf").expect("a CSRF cookie");
    assert!(
        cookie.contains("HttpOnly") && cookie.contains("SameSite=Lax"),
        "{cookie}"
    );
    assert!(response.header("cache-control").contains("no-store"));
    let html = response.html();
    assert_eq!(attrs(&html, "form.job-form", "method"), ["post"]);
    assert_eq!(attrs(&html, "#title", "value"), [""]);
    assert_eq!(
        attrs(&html, "#date_posted", "value"),
        [time::OffsetDateTime::now_utc().date().to_string()]
    );
    assert_eq!(text(&html, "#eeo"), DEFAULT_EEO);
    assert_eq!(attrs(&html, "#employment_type-full-time", "checked"), [""]);
    assert_eq!(html.select(&common::sel(".error-summary")).count(), 0);
    assert_eq!(
        html.select(&common::sel("select#start-role")).count(),
        0,
        "no role list that silently defaults to its first entry"
    );
    assert_eq!(
        attrs(&html, "#start-title", "value"),
        [""],
        "a title field, empty"
    );
    assert!(
        !text(&html, "main").contains("Year-month-day"),
        "no date hint that disagrees with the browser's date picker"
    );
    assert_eq!(
        attrs(&html, "input[name=csrf]", "value")[0].len(),
        64,
        "a nonce and its signature"
    );
}

#[test]
fn the_form_is_prefilled_from_a_role_with_its_pay_range() {
    let role = library().role("account-manager").expect("role");
    let national = library().wages().wages(&role.soc, 0).expect("data");
    let html = get("/job-descriptions/build?role=account-manager").html();
    assert_eq!(attrs(&html, "#title", "value"), [role.title.as_str()]);
    let duties: Vec<String> = role
        .body
        .duties
        .items
        .iter()
        .map(|i| i.text.clone())
        .collect();
    assert_eq!(text(&html, "#duties"), duties.join(" "));
    let skills: Vec<String> = role
        .body
        .skills
        .items
        .iter()
        .map(|i| i.text.clone())
        .collect();
    assert_eq!(text(&html, "#preferred"), skills.join(" "));
    let requirements: Vec<String> = role
        .body
        .requirements
        .iter()
        .map(|i| i.text.clone())
        .collect();
    assert_eq!(text(&html, "#required"), requirements.join(" "));
    assert_eq!(
        text(&html, "#summary"),
        role.body.posting_summary,
        "the candidate-facing summary, not the intro"
    );
    let money = common::form_amount;
    assert_eq!(
        attrs(&html, "#pay_min", "value"),
        [money(national.annual.p25)]
    );
    assert_eq!(
        attrs(&html, "#pay_max", "value"),
        [money(national.annual.p75)]
    );
    let source = text(&html, ".suggestion");
    assert!(
        source.contains("25th to 75th percentile")
            && source.contains("United States")
            && source.contains("May 2025"),
        "{source}"
    );

    let (texas, _) = library().wages().area("texas").expect("texas");
    let in_texas = library().wages().wages(&role.soc, texas).expect("data");
    let html = get("/job-descriptions/build?role=account-manager&state=texas").html();
    assert_eq!(
        attrs(&html, "#pay_min", "value"),
        [money(in_texas.annual.p25)]
    );
    assert_eq!(attrs(&html, "#state option[selected]", "value"), ["texas"]);
    assert!(text(&html, ".suggestion").contains("in Texas"));

    let html = get("/job-descriptions/build?role=no-such-role").html();
    assert!(text(&html, ".notice").contains("no-such-role"));
    assert_eq!(attrs(&html, "#title", "value"), [""]);
}

#[test]
fn a_valid_submission_is_stored_and_its_draft_shows_every_field() {
    let (response, _) = submit(&valid());
    assert_eq!(response.status, 303);
    let location = response.header("location").to_owned();
    let id = location
        .trim_start_matches("/job-descriptions/drafts/")
        .to_owned();
    assert!(
        id.len() == 32 && id.bytes().all(|b| b.is_ascii_hexdigit()),
        "{location}"
    );
    let flash = response
        .set_cookie("rolebook_new_draft")
        .expect("edit key cookie");
    assert!(
        flash.contains("HttpOnly") && flash.contains(&format!("Path={location}")),
        "{flash}"
    );
    let key = edit_key(&response);

    let (hash, posting): (String, String) = database()
        .query_row(
            "SELECT edit_key_sha256, posting FROM drafts WHERE id = ?1",
            [&id],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .expect("the draft is in the database");
    let expected: String = Sha256::digest(key.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    assert_eq!(hash, expected, "only a hash of the key is stored");
    assert!(!posting.contains(&key));
    assert!(
        posting.contains("\"title\":\"Senior Account Manager\""),
        "{posting}"
    );

    let first = send(
        &format!("{}{location}", base_url()),
        "GET",
        &[("Cookie", flash.split(';').next().expect("kv"))],
        Vec::new(),
    );
    assert_eq!(first.status, 200);
    assert!(first.header("cache-control").contains("no-store"));
    assert_eq!(first.header("x-robots-tag"), "noindex");
    let html = first.html();
    assert_eq!(attrs(&html, "meta[name=robots]", "content"), ["noindex"]);
    let edit_url = format!("{}{location}/edit?key={key}", base_url());
    assert_eq!(
        attrs(&html, ".edit-link a", "href"),
        std::slice::from_ref(&edit_url)
    );
    assert_eq!(
        attrs(&html, "#edit-url", "value"),
        [edit_url],
        "a full address to copy"
    );
    let posting = text(&html, ".job-posting");
    for expected in [
        "Senior Account Manager",
        "Acme & Sons",
        "Los Angeles, California",
        "Full-time · Hybrid",
        "$75,000 - $95,000 per year",
        "Own our largest accounts",
        "Keep clients happy",
        "Renew contracts on time",
        "Five years in B2B sales",
        "A driver's license",
        "Experience with Salesforce",
        "Health insurance",
        "Dental insurance",
        "Free lunch on Fridays",
        "We make anvils.",
        "Family owned since 1950.",
        "jobs@acme.example",
        "Posted November 23, 2026. Applications close December 31, 2026.",
        "We welcome everyone.",
    ] {
        assert!(
            posting.contains(expected),
            "the draft lacks {expected:?}:\n{posting}"
        );
    }
    assert!(
        text(&html, ".draft-bar").contains("California: Since January 1, 2023"),
        "pay transparency notice"
    );
    let again = get(&location);
    assert_eq!(
        again.html().select(&common::sel(".edit-link")).count(),
        0,
        "the edit link is shown once"
    );
}

/// Fields to change, the field that should then have a problem, and part of its message.
type Case<'a> = (Vec<(&'a str, &'a str)>, &'a str, &'a str);

#[test]
fn each_validation_rule_gives_422_with_its_message_at_its_field_and_keeps_the_input() {
    let long_title = "T".repeat(121);
    let long_summary = "S".repeat(2001);
    let long_duty = format!("- {}", "D".repeat(301));
    let many_duties = (1..=21)
        .map(|n| format!("Duty {n}"))
        .collect::<Vec<_>>()
        .join("\n");
    let cases: Vec<Case<'_>> = vec![
        (vec![("title", "")], "title", "Enter the job title"),
        (
            vec![("title", &long_title)],
            "title",
            "Shorten the job title by 1 character: the limit is 120",
        ),
        (vec![("company", "")], "company", "Enter the company name"),
        (
            vec![("employment_type", "")],
            "employment_type",
            "Choose the type of employment",
        ),
        (
            vec![("workplace", "underwater")],
            "workplace",
            "Choose on-site, hybrid or remote",
        ),
        (vec![("city", "")], "city", "Enter the city"),
        (
            vec![("state", "atlantis")],
            "state",
            "Choose the state the job is in",
        ),
        (
            vec![("workplace", "remote"), ("remote_regions", "")],
            "remote_regions",
            "Enter where a remote hire can live",
        ),
        (vec![("pay_min", "")], "pay_min", "Enter the minimum pay"),
        (
            vec![("pay_max", "lots")],
            "pay_max",
            "Enter the maximum pay as a number",
        ),
        (
            vec![("pay_min", "-5")],
            "pay_min",
            "The minimum pay must be more than $0",
        ),
        (
            vec![("pay_min", "0")],
            "pay_min",
            "The minimum pay must be more than $0",
        ),
        (
            vec![("pay_min", "99000")],
            "pay_max",
            "The maximum ($95,000) is less than the minimum ($99,000)",
        ),
        (
            vec![
                ("pay_period", "hour"),
                ("pay_min", "70000"),
                ("pay_max", "90000"),
            ],
            "pay_min",
            "$70,000 an hour looks like a yearly salary",
        ),
        (
            vec![("pay_min", "25"), ("pay_max", "30")],
            "pay_min",
            "$25 a year looks like an hourly rate",
        ),
        (vec![("summary", "")], "summary", "Enter the summary"),
        (
            vec![("summary", &long_summary)],
            "summary",
            "Shorten the summary by 1 character: the limit is 2000",
        ),
        (
            vec![("duties", "")],
            "duties",
            "Enter at least one duty, one per line",
        ),
        (
            vec![("duties", &many_duties)],
            "duties",
            "List at most 20 duties; there are 21",
        ),
        (
            vec![("duties", &long_duty)],
            "duties",
            "Shorten line 1 to 300 characters or fewer",
        ),
        (
            vec![("required", " \n ")],
            "required",
            "Enter at least one required qualification",
        ),
        (
            vec![("benefits[]", "free-yacht")],
            "benefits",
            "Choose benefits from the list",
        ),
        (
            vec![("apply", "javascript:alert(1)")],
            "apply",
            "Enter a web address starting with https://",
        ),
        (
            vec![("apply", "jobs at acme")],
            "apply",
            "Enter a web address starting with https://",
        ),
        (
            vec![("date_posted", "")],
            "date_posted",
            "Enter the date the job is posted",
        ),
        (
            vec![("date_posted", "23/11/2026")],
            "date_posted",
            "Enter a real date, like 11/23/2026",
        ),
        (
            vec![("closing_date", "2026-11-01")],
            "closing_date",
            "The closing date must be after the date posted (November 23, 2026)",
        ),
    ];
    for (changes, field, message) in cases {
        let fields = with(&changes);
        let (response, _) = submit(&fields);
        assert_eq!(response.status, 422, "{changes:?}");
        let html = response.html();
        let summary = attrs(&html, ".error-summary a", "href");
        assert!(
            summary.contains(&format!("#{field}")),
            "{changes:?}: summary links {summary:?}"
        );
        let at_field = texts(&html, &format!("#{field}-error"));
        assert_eq!(at_field.len(), 1, "{changes:?}: no message at #{field}");
        assert!(
            at_field[0].contains(message),
            "{changes:?}: {:?} lacks {message:?}",
            at_field[0]
        );
        assert!(text(&html, "title").starts_with("Error: "));
        for (name, value) in &fields {
            match *name {
                "title" | "company" | "city" | "pay_min" | "pay_max" | "apply" | "date_posted"
                | "closing_date" => {
                    assert_eq!(
                        attrs(&html, &format!("input#{name}"), "value"),
                        [*value],
                        "{changes:?}: {name} kept"
                    );
                }
                "summary" | "duties" | "required" | "preferred" | "benefits_other" | "eeo"
                | "about_company" => {
                    let shown = html
                        .select(&common::sel(&format!("textarea#{name}")))
                        .next()
                        .expect("textarea");
                    let shown: String = shown.text().collect();
                    assert_eq!(shown.trim(), value.trim(), "{changes:?}: {name} kept");
                }
                _ => {}
            }
        }
    }
}

#[test]
fn posts_without_a_matching_token_or_from_another_site_are_refused_and_keep_the_input() {
    let fields = valid();
    let body = serde_html_form::to_string(&fields)
        .expect("encode")
        .into_bytes();
    let url = format!("{}/job-descriptions/build", base_url());
    let form = [("Content-Type", "application/x-www-form-urlencoded")];
    let no_token = send(&url, "POST", &form, body);
    assert_eq!(no_token.status, 403);
    let html = no_token.html();
    assert!(text(&html, ".error-summary").contains("Please send the form again"));
    assert_eq!(
        attrs(&html, "#title", "value"),
        ["Senior Account Manager"],
        "input kept"
    );
    assert!(
        no_token.set_cookie("rolebook_csrf").is_some(),
        "a fresh token comes with the page"
    );

    let session = FormSession::open(base_url());
    let mut signed: Vec<(&str, &str)> = vec![("csrf", &session.csrf)];
    signed.extend(fields.iter().copied());
    let body = serde_html_form::to_string(&signed)
        .expect("encode")
        .into_bytes();
    let cross_site = send(
        &url,
        "POST",
        &[
            ("Content-Type", "application/x-www-form-urlencoded"),
            ("Cookie", &session.cookie),
            ("Origin", "https://evil.example"),
        ],
        body,
    );
    assert_eq!(cross_site.status, 403);
    let before: i64 = database()
        .query_row("SELECT count(*) FROM drafts", [], |r| r.get(0))
        .expect("count");
    let _ = session.post(
        base_url(),
        "/job-descriptions/build",
        &with(&[("title", "")]),
    );
    let after: i64 = database()
        .query_row("SELECT count(*) FROM drafts", [], |r| r.get(0))
        .expect("count");
    assert_eq!(before, after, "refused and invalid forms store nothing");
}

#[test]
fn posts_are_rate_limited_per_address_with_a_429_page() {
    let limited = TestServer::start(3);
    let session = FormSession::open(&limited.base);
    for _ in 0..3 {
        assert_eq!(
            session
                .post(&limited.base, "/job-descriptions/build", &valid())
                .status,
            303
        );
    }
    let refused = session.post(&limited.base, "/job-descriptions/build", &valid());
    assert_eq!(refused.status, 429);
    assert_eq!(refused.header("retry-after"), "20");
    assert_eq!(text(&refused.html(), "h1"), "Too many forms sent at once");
    assert_eq!(
        send(
            &format!("{}/job-descriptions/build", limited.base),
            "GET",
            &[],
            Vec::new()
        )
        .status,
        200,
        "reading is never limited"
    );
}

#[test]
fn role_pages_never_carry_job_posting_markup() {
    for role in library().roles() {
        let body = get(&format!("/job-descriptions/{}", role.slug)).text();
        assert!(!body.contains("JobPosting"), "{}", role.slug);
    }
}
