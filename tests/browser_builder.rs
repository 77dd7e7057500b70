//! Builder journeys in a real browser: editing a saved draft, the state (and metro
//! area) carried from a role page into the form and the pay following the place, focus after a failed
//! save, starting from an occupation we have no page for, and phone layouts.

mod common;

use std::time::Duration;

use common::browser::{Browser, until};
use common::library;

/// The 25th percentile of `slug`'s occupation in the metro area `metro`, as the form shows it.
fn metro_p25(slug: &str, metro: &str) -> String {
    let role = library().role(slug).expect("role");
    let areas = library().wages().metro();
    let area = areas.area(metro).expect("metro area").0;
    let wages = areas.wages(&role.soc, area).expect("read").expect("wages");
    common::form_amount(wages.annual.p25)
}

fn p25(slug: &str, state: &str) -> String {
    let role = library().role(slug).expect("role");
    let wages = library().wages();
    let area = wages.area(state).expect("state").0;
    common::form_amount(wages.wages(&role.soc, area).expect("wages").annual.p25)
}

#[tokio::test(flavor = "multi_thread")]
async fn edit_a_saved_draft_and_save_it_once() {
    let Some(browser) = Browser::start().await else {
        return;
    };
    let journey = browser.build_save_and_edit(common::base_url());
    tokio::time::timeout(Duration::from_secs(90), journey)
        .await
        .expect("in time");
}

#[tokio::test(flavor = "multi_thread")]
async fn the_state_chosen_on_a_role_page_reaches_the_form_and_pay_follows_the_state() {
    let Some(browser) = Browser::start().await else {
        return;
    };
    let journey = async {
        browser.open("/job-descriptions/registered-nurse").await;
        browser.choose_state("California").await;
        browser.click(".cta a").await;
        browser.wait_for_heading("Build a job description").await;
        assert_eq!(
            browser.value("#pay_min").await,
            p25("registered-nurse", "california")
        );
        assert_eq!(browser.value("#state").await, "california");
        assert!(browser.texts(".suggestion").await[0].contains("in California"));

        let state = browser
            .client
            .find(fantoccini::Locator::Css("#state"))
            .await
            .expect("state");
        state.select_by_label("Texas").await.expect("choose Texas");
        let texas = p25("registered-nurse", "texas");
        until("Texas pay", || async {
            browser.value("#pay_min").await == texas
        })
        .await;
        assert!(browser.texts(".suggestion").await[0].contains("in Texas"));
    };
    tokio::time::timeout(Duration::from_secs(90), journey)
        .await
        .expect("in time");
}

#[tokio::test(flavor = "multi_thread")]
async fn the_metro_chosen_on_a_role_page_reaches_the_form_and_pay_follows_the_place() {
    let Some(browser) = Browser::start().await else {
        return;
    };
    let select = |css: &'static str, label: &'static str| {
        let browser = &browser;
        async move {
            let element = browser
                .client
                .find(fantoccini::Locator::Css(css))
                .await
                .expect("selector");
            element.select_by_label(label).await.expect("choose");
        }
    };
    let journey = async {
        browser.open("/job-descriptions/electrician").await;
        browser.choose_state("Colorado").await;
        select("#metro", "Pueblo, CO").await;
        browser.click("form.state-picker button").await;
        until("the Pueblo panel", || async {
            browser.texts("#salary .panel-place").await.len() == 3
        })
        .await;
        browser.click(".cta a").await;
        browser.wait_for_heading("Build a job description").await;
        assert_eq!(browser.value("#metro").await, "pueblo-co");
        assert_eq!(
            browser.value("#pay_min").await,
            metro_p25("electrician", "pueblo-co")
        );

        // A new state: its areas are offered and its pay filled in, at once.
        select("#state", "Texas").await;
        let texas = p25("electrician", "texas");
        until("Texas pay", || async {
            browser.value("#pay_min").await == texas
        })
        .await;
        until("the Texas areas", || async {
            browser
                .texts("#metro option")
                .await
                .contains(&"Houston-Pasadena-The Woodlands, TX".to_owned())
        })
        .await;
        select("#metro", "Houston-Pasadena-The Woodlands, TX").await;
        let houston = metro_p25("electrician", "houston-pasadena-the-woodlands-tx");
        until("Houston pay", || async {
            browser.value("#pay_min").await == houston
        })
        .await;
        assert!(
            browser.texts(".suggestion").await[0].contains("Houston-Pasadena-The Woodlands, TX")
        );
    };
    tokio::time::timeout(Duration::from_secs(90), journey)
        .await
        .expect("in time");
}

#[tokio::test(flavor = "multi_thread")]
async fn after_a_failed_save_focus_is_on_the_list_of_what_to_fix() {
    let Some(browser) = Browser::start().await else {
        return;
    };
    let journey = async {
        browser.open("/job-descriptions/build").await;
        browser.click(".form-actions button").await;
        until("the error summary", || async {
            browser.count(".error-summary").await == 1
        })
        .await;
        let focused = browser
            .client
            .execute("return document.activeElement.className;", vec![])
            .await
            .expect("focus");
        assert_eq!(focused.as_str(), Some("error-summary"));
        browser.click(".error-summary a[href='#title']").await;
        let focused = browser
            .client
            .execute("return document.activeElement.id;", vec![])
            .await
            .expect("focus");
        assert_eq!(
            focused.as_str(),
            Some("title"),
            "each message leads to its field"
        );
    };
    tokio::time::timeout(Duration::from_secs(60), journey)
        .await
        .expect("in time");
}

#[tokio::test(flavor = "multi_thread")]
async fn start_from_an_occupation_we_have_no_page_for() {
    let Some(browser) = Browser::start().await else {
        return;
    };
    let journey = async {
        browser.open("/").await;
        // The home page has its own search box, and none in the header.
        assert_eq!(browser.count("#site-search").await, 0);
        browser.fill("#home-search", "electrician's helper").await;
        browser.click(".search-box button").await;
        browser
            .wait_for_heading("Results for “electrician's helper”")
            .await;
        assert_eq!(
            browser.texts(".result-kind").await[0].to_lowercase(),
            "official pay data; no written job description yet",
            "(shown in capitals by the style sheet)"
        );
        browser.click(".result .result-links a").await;
        browser.wait_for_heading("Build a job description").await;
        assert_eq!(browser.value("#title").await, "Electrician's Helper");
        assert!(!browser.value("#pay_min").await.is_empty());

        browser.open("/job-descriptions/build").await;
        browser.fill("#start-title", "Prep Cook").await;
        browser.click(".start-from button").await;
        // The start page has no #title: wait for the form to replace it.
        until("the prep cook form", || async {
            browser.count("#title").await == 1 && browser.value("#title").await == "Prep Cook"
        })
        .await;
        assert!(browser.value("#duties").await.lines().count() >= 6);
    };
    tokio::time::timeout(Duration::from_secs(90), journey)
        .await
        .expect("in time");
}

#[tokio::test(flavor = "multi_thread")]
async fn on_a_phone_the_salary_chart_is_a_ranked_list_and_the_table_fits() {
    let Some(browser) = Browser::start().await else {
        return;
    };
    let shown = |css: &'static str| {
        let browser = &browser;
        async move {
            let script = format!(
                "var e = document.querySelector('{css}'); return e !== null && getComputedStyle(e).display !== 'none';"
            );
            browser
                .client
                .execute(&script, vec![])
                .await
                .expect("style")
                .as_bool()
                .unwrap_or(false)
        }
    };
    browser.resize(390, 844).await;
    browser.open("/salaries/soc/47-2111").await;
    assert!(shown(".ranked-list").await && !shown(".salary-chart svg").await);
    let fits = browser
        .client
        .execute(
            "return [...document.querySelectorAll('.data-table td')].every(td => td.getBoundingClientRect().right <= window.innerWidth);",
            vec![],
        )
        .await
        .expect("measure");
    assert_eq!(fits.as_bool(), Some(true), "every figure is on screen");
    let label = browser
        .client
        .execute(
            "return parseFloat(getComputedStyle(document.querySelector('.ranked-name')).fontSize);",
            vec![],
        )
        .await
        .expect("font size");
    assert!(
        label.as_f64().unwrap_or(0.0) >= 14.0,
        "readable labels: {label}"
    );

    browser.resize(1280, 900).await;
    browser.open("/salaries/soc/47-2111").await;
    assert!(shown(".salary-chart svg").await && !shown(".ranked-list").await);
}

#[tokio::test(flavor = "multi_thread")]
async fn the_form_keeps_its_inputs_in_line_at_phone_and_desktop_widths() {
    let Some(browser) = Browser::start().await else {
        return;
    };
    let measure = |script: &'static str| {
        let browser = &browser;
        async move {
            browser
                .client
                .execute(script, vec![])
                .await
                .expect("measure")
        }
    };
    for width in [390, 1280] {
        browser.resize(width, 900).await;
        browser.open("/job-descriptions/build").await;
        let button = measure(
            "var b = document.querySelector('.start-from button'); return b.getBoundingClientRect().height / parseFloat(getComputedStyle(b).lineHeight || 20);",
        )
        .await;
        assert!(
            button.as_f64().unwrap_or(9.0) < 2.5,
            "{width}px: the Start button wraps ({button})"
        );
        browser
            .open("/job-descriptions/build?role=account-manager")
            .await;
        browser.fill("#pay_min", "lots").await;
        browser.click(".form-actions button").await;
        until("the error summary", || async {
            browser.count(".error-summary").await == 1
        })
        .await;
        let offset = measure(
            "return Math.abs(document.getElementById('pay_min').getBoundingClientRect().bottom - document.getElementById('pay_max').getBoundingClientRect().bottom);",
        )
        .await;
        if width > 400 {
            assert!(
                offset.as_f64().unwrap_or(99.0) < 1.0,
                "{width}px: a pay error pushes its input out of line by {offset}px"
            );
        }
    }
}
