//! The main journeys in a real browser, against the real server.

mod common;

use std::time::{Duration, Instant};

use common::browser::{Browser, until};
use fantoccini::Locator;

#[tokio::test(flavor = "multi_thread")]
async fn find_a_role_read_it_and_follow_a_similar_role() {
    let Some(browser) = Browser::start().await else {
        return;
    };
    let journey = async {
        browser.open("/").await;
        browser
            .wait_for_heading("Job descriptions and pay data for employers")
            .await;
        assert_eq!(
            browser.count("main form[role=search] input[name=q]").await,
            1
        );

        browser.click(".site-nav a[href='/job-descriptions']").await;
        browser.wait_for_heading("Job descriptions A-Z").await;
        assert_eq!(browser.path().await, "/job-descriptions");

        browser
            .click(".letter-group a[href='/job-descriptions/account-manager']")
            .await;
        browser
            .wait_for_heading("Account Manager job description")
            .await;
        let title = browser.client.title().await.expect("title");
        assert!(
            title.starts_with("Account Manager job description"),
            "{title}"
        );
        assert!(browser.count("#duties li").await >= 6);
        assert!(browser.count("#skills li").await >= 8);
        assert!(browser.count("#faq h3").await >= 4);
        browser.choose_state("Texas").await;
        let places: Vec<String> = browser.texts("#salary .panel-place").await;
        assert_eq!(
            places,
            ["United States", "Texas"],
            "the chosen state shows beside the nation"
        );
        assert!(
            browser
                .path()
                .await
                .ends_with("/job-descriptions/account-manager")
        );

        let similar = browser
            .client
            .find(Locator::Css("#similar-roles .card a"))
            .await
            .expect("a similar role");
        let similar_title = similar.text().await.expect("link text");
        let similar_href = similar.attr("href").await.expect("href").expect("has href");

        similar.click().await.expect("follow the similar role");
        browser
            .wait_for_heading(&format!("{similar_title} job description"))
            .await;
        assert_eq!(browser.path().await, similar_href);
        assert!(browser.count("#duties li").await >= 6);
        let cta = browser
            .client
            .find(Locator::Css(".cta a"))
            .await
            .expect("call to action");
        let slug = similar_href.trim_start_matches("/job-descriptions/");
        assert_eq!(
            cta.attr("href").await.expect("href"),
            Some(format!("/job-descriptions/build?role={slug}"))
        );
    };
    tokio::time::timeout(Duration::from_secs(90), journey)
        .await
        .expect("journey finished in time");
}

#[tokio::test(flavor = "multi_thread")]
async fn pages_fit_a_phone_screen_without_sideways_scrolling() {
    let Some(browser) = Browser::start().await else {
        return;
    };
    browser.resize(390, 844).await;
    for path in [
        "/",
        "/job-descriptions",
        "/job-descriptions/customer-service-representative?state=ohio",
        "/job-descriptions/electrician?state=ohio&metro=cincinnati-oh-ky-in",
        "/salaries/soc/47-2111?state=colorado",
        "/salaries/soc/47-2111/washington-arlington-alexandria-dc-va-md-wv",
        "/job-descriptions/build?soc=47-2111&state=colorado&metro=pueblo-co",
        "/salaries",
        "/salaries?q=nurse",
        "/salaries/group/healthcare-practitioners-and-technical",
        "/salaries/account-manager",
        "/job-descriptions/build?role=account-manager",
        "/job-descriptions/build?soc=47-2111&state=texas",
        "/job-descriptions/registered-nurse?state=california",
        "/salaries/soc/47-2111",
        "/search?q=electrician",
        "/search?q=zzqxv",
        "/about",
        "/no-such-page",
    ] {
        browser.open(path).await;
        let overflow = browser
            .client
            .execute(
                "return document.documentElement.scrollWidth - window.innerWidth;",
                vec![],
            )
            .await
            .expect("measure");
        assert!(
            overflow.as_i64().unwrap_or(i64::MAX) <= 0,
            "{path} scrolls sideways by {overflow}px"
        );
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn build_a_job_description_from_a_role_and_download_it() {
    let Some(browser) = Browser::start().await else {
        return;
    };
    let journey = async {
        browser.open("/job-descriptions/account-manager").await;
        browser
            .wait_for_heading("Account Manager job description")
            .await;
        browser.click(".cta a").await;
        browser.wait_for_heading("Build a job description").await;
        assert_eq!(browser.value("#title").await, "Account Manager");
        assert!(
            browser.value("#duties").await.lines().count() >= 6,
            "duties prefilled"
        );
        assert!(!browser.value("#pay_min").await.is_empty(), "pay suggested");
        assert!(browser.texts(".suggestion").await[0].contains("May 2025"));

        browser.click(".form-actions button").await;
        let deadline = Instant::now() + Duration::from_secs(10);
        while browser.count(".error-summary").await == 0 {
            assert!(Instant::now() < deadline, "no error summary");
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        let problems = browser.texts(".error-summary li").await;
        assert!(
            problems.iter().any(|p| p == "Enter the company name"),
            "{problems:?}"
        );
        assert!(
            problems.iter().any(|p| p == "Enter the city"),
            "{problems:?}"
        );
        assert_eq!(
            browser.value("#title").await,
            "Account Manager",
            "what was typed is kept"
        );

        browser.click(".error-summary a[href='#company']").await;
        browser.fill("#company", "Buckeye Staffing").await;
        browser.fill("#city", "Columbus").await;
        let state = browser
            .client
            .find(Locator::Css("#state"))
            .await
            .expect("state");
        state.select_by_label("Ohio").await.expect("choose Ohio");
        browser.click(".form-actions button").await;

        let deadline = Instant::now() + Duration::from_secs(10);
        while browser.count(".job-posting").await == 0 {
            assert!(Instant::now() < deadline, "the draft did not open");
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        assert!(
            browser
                .path()
                .await
                .starts_with("/job-descriptions/drafts/")
        );
        assert_eq!(browser.texts(".posting-title").await, ["Account Manager"]);
        assert!(browser.texts(".posting-meta").await[0].contains("Buckeye Staffing"));
        assert_eq!(
            browser.count(".edit-link").await,
            1,
            "the edit link is shown after saving"
        );

        browser.click(".exports a[href$='.md']").await;
        let markdown = browser.downloaded("account-manager.md").await;
        assert!(markdown.starts_with("# Account Manager\n"), "{markdown}");
        assert!(
            markdown.contains("**Buckeye Staffing** · Columbus, Ohio"),
            "{markdown}"
        );
    };
    tokio::time::timeout(Duration::from_secs(90), journey)
        .await
        .expect("journey finished in time");
}

#[tokio::test(flavor = "multi_thread")]
async fn search_from_the_header_and_follow_a_suggestion() {
    let Some(browser) = Browser::start().await else {
        return;
    };
    let journey = async {
        browser.open("/about").await;
        browser.fill("#site-search", "acount manger").await;
        browser.click(".header-search button").await;
        browser
            .wait_for_heading("Results for “acount manger”")
            .await;
        assert!(
            browser.count(".result").await > 0,
            "corrected results are shown"
        );
        browser.click(".did-you-mean a").await;
        browser
            .wait_for_heading("Account Manager job description")
            .await;
    };
    tokio::time::timeout(Duration::from_secs(60), journey)
        .await
        .expect("journey finished in time");
}

#[tokio::test(flavor = "multi_thread")]
async fn the_header_is_one_row_on_a_desktop_and_a_short_menu_on_a_phone() {
    let Some(browser) = Browser::start().await else {
        return;
    };
    let header = "return document.querySelector('.site-header').getBoundingClientRect().height;";
    browser.resize(1280, 900).await;
    browser.open("/job-descriptions/account-manager").await;
    let tall = browser.number(header).await;
    assert!(
        tall < 80.0,
        "1280px: the header is {tall}px, more than one row"
    );
    assert_eq!(browser.count(".menu-link").await, 1);
    let menu_shown =
        "return getComputedStyle(document.querySelector('.menu-link')).display !== 'none';";
    assert!(
        browser
            .client
            .execute(menu_shown, vec![])
            .await
            .expect("style")
            == serde_json::json!(false),
        "1280px: the navigation is shown, not the menu link"
    );

    browser.resize(390, 900).await;
    browser.open("/job-descriptions/account-manager").await;
    let short = browser.number(header).await;
    assert!(short < 100.0, "390px: the header is {short}px");
    // The menu works without script: a link to the footer's navigation.
    browser.click(".menu-link").await;
    until("the footer menu", || async {
        browser
            .client
            .current_url()
            .await
            .is_ok_and(|url| url.fragment() == Some("site-menu"))
    })
    .await;
    browser.click("#site-menu a[href='/salaries']").await;
    browser.wait_for_heading("Salaries by occupation").await;
    browser.resize(1280, 900).await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_whole_card_is_its_link() {
    let Some(browser) = Browser::start().await else {
        return;
    };
    browser.open("/").await;
    // What a click in the card's bottom right corner, far from the title, lands on.
    let script = "const card = document.querySelector('#featured-title + .cards .card'); \
        card.scrollIntoView(); const r = card.getBoundingClientRect(); \
        const hit = document.elementFromPoint(r.right - 8, r.bottom - 8); \
        return [hit && hit.closest('a') && hit.closest('a').getAttribute('href'), \
        card.querySelector('.card-title a').getAttribute('href')];";
    let hrefs = browser
        .client
        .execute(script, vec![])
        .await
        .expect("measure");
    assert!(
        hrefs[0].is_string() && hrefs[0] == hrefs[1],
        "the corner opens the card's own page: {hrefs}"
    );
}
