//! The builder's checks: pay typed as people type it, minimum wages, what a state's
//! posting law requires, titles without bidirectional tricks, and "Update suggested pay".

mod common;

use common::builder::{save, submit, with};
use common::{FormSession, attrs, base_url, get, library, page, text, texts};
use rolebook::wages::SocCode;

#[test]
fn pay_is_read_as_people_type_it_and_min_over_max_is_caught_whatever_the_scale() {
    let (id, _) = save(&with(&[("pay_min", "55k"), ("pay_max", "$65,000")]));
    let json: serde_json::Value =
        serde_json::from_slice(&get(&format!("/job-descriptions/drafts/{id}.json")).body)
            .expect("JSON");
    assert_eq!(json["baseSalary"]["value"]["minValue"], 55000);
    assert_eq!(json["baseSalary"]["value"]["maxValue"], 65000);

    for (min, max, period) in [
        ("80k", "60,000", "year"),
        ("90000", "25", "hour"),
        ("30", "20", "hour"),
    ] {
        let (response, _) = submit(&with(&[
            ("pay_min", min),
            ("pay_max", max),
            ("pay_period", period),
        ]));
        assert_eq!(response.status, 422, "{min}-{max}");
        let message = text(&response.html(), "#pay_max-error");
        assert!(
            message.contains("is less than the minimum"),
            "{min}-{max} {period}: {message}"
        );
    }
}

fn hourly(
    state: &'static str,
    city: &'static str,
    min: &'static str,
) -> Vec<(&'static str, &'static str)> {
    with(&[
        ("pay_period", "hour"),
        ("pay_min", min),
        ("pay_max", "30"),
        ("state", state),
        ("city", city),
    ])
}

#[test]
fn hourly_pay_under_the_federal_or_state_minimum_wage_is_flagged_with_its_source() {
    let (id, _) = save(&hourly("texas", "Austin", "7.00"));
    let warnings = texts(
        &page(&format!("/job-descriptions/drafts/{id}")),
        ".notice.warning p",
    );
    assert_eq!(warnings.len(), 1, "{warnings:?}");
    assert!(
        warnings[0].contains("$7.00 an hour is below the federal minimum wage of $7.25 an hour (Fair Labor Standards Act)"),
        "{warnings:?}"
    );

    let (id, _) = save(&hourly("california", "Fresno", "15.00"));
    let warnings = texts(
        &page(&format!("/job-descriptions/drafts/{id}")),
        ".notice.warning p",
    );
    assert_eq!(warnings.len(), 1, "{warnings:?}");
    assert!(
        warnings[0]
            .contains("below California's minimum wage, which was $16.50 an hour on July 1, 2025")
            && warnings[0].contains("U.S. Department of Labor"),
        "{warnings:?}"
    );

    let (id, _) = save(&hourly("california", "Fresno", "18.00"));
    assert!(
        texts(
            &page(&format!("/job-descriptions/drafts/{id}")),
            ".notice.warning p"
        )
        .is_empty()
    );
    let (id, _) = save(&with(&[("pay_min", "12000"), ("pay_max", "13000")]));
    assert!(
        texts(
            &page(&format!("/job-descriptions/drafts/{id}")),
            ".notice.warning p"
        )
        .is_empty(),
        "yearly pay is not compared with an hourly minimum"
    );
}

#[test]
fn colorado_requires_a_closing_date_and_benefits_and_says_why() {
    let colorado = with(&[
        ("state", "colorado"),
        ("city", "Denver"),
        ("closing_date", ""),
        ("benefits[]", ""),
        ("benefits_other", ""),
    ]);
    let fields: Vec<(&str, &str)> = colorado
        .into_iter()
        .filter(|(k, v)| !(*k == "benefits[]" && v.is_empty()))
        .collect();
    let (response, _) = submit(&fields);
    assert_eq!(response.status, 422);
    let html = response.html();
    let closing = text(&html, "#closing_date-error");
    assert!(
        closing.contains("Enter the date applications close: Colorado requires the date applications close in every posting (Colorado Equal Pay for Equal Work Act"),
        "{closing}"
    );
    assert!(
        text(&html, "#benefits-error")
            .contains("Colorado requires a general description of benefits")
    );
    assert_eq!(
        attrs(&html, "#city", "value"),
        ["Denver"],
        "everything typed is kept"
    );

    let (response, _) = submit(&with(&[
        ("state", "texas"),
        ("city", "Austin"),
        ("closing_date", ""),
    ]));
    assert_eq!(response.status, 303, "Texas has no such rule");
}

#[test]
fn every_rule_that_covers_all_employers_is_checked_for_what_it_requires() {
    // Maryland and the District of Columbia cover every employer and require benefits.
    for (state, city) in [
        ("maryland", "Baltimore"),
        ("district-of-columbia", "Washington"),
    ] {
        let fields: Vec<(&str, &str)> =
            with(&[("state", state), ("city", city), ("benefits_other", "")])
                .into_iter()
                .filter(|(k, _)| *k != "benefits[]")
                .collect();
        let (response, _) = submit(&fields);
        assert_eq!(response.status, 422, "{state}");
        assert!(
            text(&response.html(), "#benefits-error").contains("general description of benefits"),
            "{state}"
        );
    }
    let rules = library().pay_rules();
    let enforced: Vec<&str> = rules
        .rules()
        .iter()
        .filter(|r| r.min_employees <= 1 && !r.includes.is_empty())
        .map(|r| r.jurisdiction.as_str())
        .collect();
    assert_eq!(enforced, ["Colorado", "District of Columbia", "Maryland"]);
}

#[test]
fn titles_lose_bidirectional_overrides() {
    let (id, _) = save(&with(&[("title", "Nurse \u{202E}reganaM\u{202C}")]));
    let json: serde_json::Value =
        serde_json::from_slice(&get(&format!("/job-descriptions/drafts/{id}.json")).body)
            .expect("JSON");
    assert_eq!(json["title"], "Nurse reganaM");
}

#[test]
fn update_suggested_pay_offers_the_chosen_states_range_without_javascript() {
    let role = library().role("registered-nurse").expect("role");
    let wages = library().wages();
    let california = wages.area("california").expect("california").0;
    let figures = wages.wages(&role.soc, california).expect("wages");
    let money = common::form_amount;

    let html = page("/job-descriptions/build?role=registered-nurse");
    assert_eq!(attrs(&html, "#update-pay", "name"), ["update_pay"]);
    let session = FormSession::open(base_url());
    let fields = with(&[
        ("role", "registered-nurse"),
        ("state", "california"),
        ("pay_min", "1"),
        ("pay_max", "2"),
        ("title", "Kept title"),
        ("update_pay", "1"),
    ]);
    let response = session.post(base_url(), "/job-descriptions/build", &fields);
    assert_eq!(response.status, 200, "shown again, not saved");
    let html = response.html();
    assert_eq!(
        attrs(&html, "#pay_min", "value"),
        [money(figures.annual.p25)]
    );
    assert_eq!(
        attrs(&html, "#pay_max", "value"),
        [money(figures.annual.p75)]
    );
    assert!(text(&html, ".suggestion").contains("in California"));
    assert_eq!(attrs(&html, "#title", "value"), ["Kept title"]);

    let json: serde_json::Value = serde_json::from_slice(
        &get("/job-descriptions/suggested-pay?role=registered-nurse&state=california").body,
    )
    .expect("JSON");
    assert_eq!(json["min"], money(figures.annual.p25));
    assert_eq!(json["period"], "year");
    let soc = SocCode::parse("47-3013").expect("code");
    assert!(wages.has(&soc));
    let none: serde_json::Value =
        serde_json::from_slice(&get("/job-descriptions/suggested-pay?role=nope").body)
            .expect("JSON");
    assert!(none.is_null());
}

#[test]
fn the_state_on_a_role_page_is_carried_into_every_builder_link() {
    let html = page("/job-descriptions/registered-nurse?state=california");
    let links = attrs(&html, "main a[href^='/job-descriptions/build']", "href");
    assert!(links.len() >= 3, "{links:?}");
    for link in &links {
        assert_eq!(
            link,
            "/job-descriptions/build?role=registered-nurse&state=california"
        );
    }
    let form = page(&links[0]);
    assert!(text(&form, ".suggestion").contains("in California"));
}
