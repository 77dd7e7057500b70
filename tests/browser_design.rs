//! The layout in a real browser: what the stylesheet promises at desktop and phone widths.

mod common;

use common::browser::Browser;

/// Characters per line of the longest paragraph in `css`, counted from the line boxes.
const CHARACTERS_PER_LINE: &str = "const p = [...document.querySelectorAll(arguments[0])] \
    .sort((a, b) => b.textContent.length - a.textContent.length)[0]; \
    const range = document.createRange(); range.selectNodeContents(p); \
    const lines = new Set([...range.getClientRects()].map(r => Math.round(r.top))).size; \
    return p.textContent.length / lines;";

#[tokio::test(flavor = "multi_thread")]
async fn a_role_page_keeps_its_side_column_in_view_on_a_desktop_and_inline_on_a_phone() {
    let Some(browser) = Browser::start().await else {
        return;
    };
    let snapshot_top =
        "return document.querySelector('.pay-snapshot').getBoundingClientRect().top;";
    let sticky = "return getComputedStyle(document.querySelector('.aside-inner')).position === 'sticky' ? 1 : 0;";
    browser.resize(1280, 900).await;
    browser.open("/job-descriptions/account-manager").await;
    assert_eq!(browser.number(sticky).await, 1.0, "1280px: sticky");
    let measure = CHARACTERS_PER_LINE.replace("arguments[0]", "'#what-they-do p, #duties p'");
    let per_line = browser.number(&measure).await;
    assert!(
        (60.0..=75.0).contains(&per_line),
        "1280px: the reading column holds {per_line:.0} characters a line"
    );
    browser.click(".toc a[href='#faq']").await;
    let top = browser.number(snapshot_top).await;
    assert!(
        (0.0..400.0).contains(&top),
        "1280px: after jumping to the FAQ the pay snapshot is still in view (top {top}px)"
    );
    let aside_left = "return document.querySelector('.role-aside').getBoundingClientRect().left;";
    let main_right = "return document.querySelector('#duties').getBoundingClientRect().right;";
    assert!(browser.number(aside_left).await > browser.number(main_right).await);

    browser.resize(390, 900).await;
    browser.open("/job-descriptions/account-manager").await;
    assert_eq!(browser.number(sticky).await, 0.0, "390px: in the flow");
    let below_intro = "return document.querySelector('.role-aside').getBoundingClientRect().top \
        - document.querySelector('#intro').getBoundingClientRect().bottom;";
    assert!(
        browser.number(below_intro).await >= 0.0,
        "390px: after the introduction"
    );
    browser.click(".snapshot-build").await;
    browser.wait_for_heading("Build a job description").await;
    browser.resize(1280, 900).await;
}

#[tokio::test(flavor = "multi_thread")]
async fn the_salary_filter_narrows_the_table_as_you_type() {
    let Some(browser) = Browser::start().await else {
        return;
    };
    browser.open("/salaries").await;
    // A marker that a full page load would wipe out.
    browser
        .client
        .execute("window.stayed = true;", vec![])
        .await
        .expect("mark the page");
    browser.fill("#filter-q", "reg nur").await;
    common::browser::until("the filtered table", || async {
        browser.texts("#filter-results tbody th > a").await == ["Registered Nurses"]
    })
    .await;
    let stayed = browser
        .client
        .execute("return window.stayed === true;", vec![])
        .await
        .expect("read the marker");
    assert_eq!(stayed, serde_json::json!(true), "no page load");
    common::browser::until("the address to follow", || async {
        browser
            .client
            .current_url()
            .await
            .is_ok_and(|url| url.query() == Some("q=reg+nur") || url.query() == Some("q=reg%20nur"))
    })
    .await;

    // On a group page the same box stays in the group; the Filter button works too.
    browser
        .open("/salaries/group/healthcare-practitioners-and-technical")
        .await;
    browser.fill("#filter-q", "therap").await;
    browser.click(".filter-box button").await;
    common::browser::until("the group's therapists", || async {
        let links = browser.texts("#filter-results tbody th > a").await;
        !links.is_empty() && links.iter().all(|t| t.contains("Therap"))
    })
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn the_builder_previews_beside_the_form_as_you_type_and_on_request_on_a_phone() {
    let Some(browser) = Browser::start().await else {
        return;
    };
    browser
        .open("/job-descriptions/build?role=account-manager&state=texas")
        .await;
    let beside = "return document.querySelector('#preview').getBoundingClientRect().left \
        - document.querySelector('.job-form').getBoundingClientRect().right;";
    assert!(
        browser.number(beside).await > 0.0,
        "1280px: beside the form"
    );
    browser.fill("#company", "Buckeye Grocers").await;
    common::browser::until("the preview to show the company", || async {
        browser
            .texts("#preview .posting-meta strong")
            .await
            .concat()
            == "Buckeye Grocers"
    })
    .await;
    browser.fill("#pay_min", "50000").await;
    common::browser::until("the bar to show the typed range", || async {
        browser
            .texts("#pay-bar .range-legend dd")
            .await
            .iter()
            .any(|t| t.starts_with("$50,000 - "))
    })
    .await;
    let status = browser.texts("#preview .preview-status").await.concat();
    assert!(
        status.contains("city"),
        "the one gap left is named: {status}"
    );

    browser.resize(390, 844).await;
    browser
        .open("/job-descriptions/build?role=account-manager&state=texas")
        .await;
    let shown = "return document.querySelector('#preview').getBoundingClientRect().height;";
    assert_eq!(browser.number(shown).await, 0.0, "390px: not until asked");
    browser.fill("#company", "Buckeye Grocers").await;
    browser.click("button[name=preview]").await;
    common::browser::until("the preview on request", || async {
        browser.number(shown).await > 0.0
    })
    .await;
    assert_eq!(browser.value("#company").await, "Buckeye Grocers");
    browser.resize(1280, 900).await;
}

#[tokio::test(flavor = "multi_thread")]
async fn reading_pages_line_up_with_the_logo_and_put_their_tools_beside_the_text() {
    let Some(browser) = Browser::start().await else {
        return;
    };
    let left =
        |css: &str| format!("return document.querySelector('{css}').getBoundingClientRect().left;");
    let right = |css: &str| {
        format!("return document.querySelector('{css}').getBoundingClientRect().right;")
    };
    for path in [
        "/resources/how-to-write-a-job-description",
        "/about",
        "/search?q=electrician",
        "/no-such-page",
    ] {
        browser.open(path).await;
        let logo = browser.number(&left(".brand")).await;
        let heading = browser.number(&left("main h1")).await;
        assert!(
            (logo - heading).abs() < 1.0,
            "{path}: h1 at {heading}px, logo at {logo}px"
        );
    }
    browser
        .open("/resources/how-to-write-a-job-description")
        .await;
    assert!(
        browser.number(&left(".article > .toc")).await
            > browser.number(&right(".article-body")).await,
        "an article's contents sit beside it"
    );

    browser
        .open("/job-descriptions/build?role=cashier&state=ohio")
        .await;
    browser.fill("#company", "Buckeye Grocers").await;
    browser.fill("#city", "Dayton").await;
    browser.click(".form-actions .button:not(.secondary)").await;
    browser.wait_for_heading("Cashier").await;
    assert!(
        browser.number(&left(".draft-bar")).await > browser.number(&right(".job-posting")).await,
        "the draft's edit link and downloads sit beside the posting"
    );
}
