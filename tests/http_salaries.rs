//! Salary panels and salary pages over HTTP, their figures parsed back from the HTML
//! and compared with the shipped wage data.

mod common;

use common::{attrs, get, library, page, sel, text};
use rolebook::wages::{Figure, Level, SocCode, Unit, Wages};
use scraper::{ElementRef, Html};

/// "$69,990" -> 69990; "$33.65 per hour" -> 3365 (cents); "1,256,010" -> 1256010.
fn number(text: &str) -> Option<u64> {
    let digits: String = text
        .trim()
        .trim_start_matches('$')
        .trim_end_matches(" per hour")
        .chars()
        .filter(|c| *c != ',')
        .collect();
    match digits.split_once('.') {
        Some((whole, cents)) => Some(whole.parse::<u64>().ok()? * 100 + cents.parse::<u64>().ok()?),
        None => digits.parse().ok(),
    }
}

/// What a shown figure must read for `figure`: its number, "or more" when top-coded,
/// "Not available" when not published.
fn check(shown: &str, figure: Figure, context: &str) {
    match figure {
        Figure::Value(value) => {
            assert_eq!(number(shown), Some(value), "{context}: shown {shown:?}")
        }
        Figure::TopCoded => assert!(shown.ends_with("or more"), "{context}: shown {shown:?}"),
        Figure::NotReleased | Figure::NotPublished => {
            assert_eq!(shown, "Not available", "{context}")
        }
    }
}

fn check_range(shown: &str, low: Figure, high: Figure, context: &str) {
    match shown.split_once(" - ") {
        Some((l, h)) => {
            check(l, low, context);
            check(h.trim_end_matches(" per hour"), high, context);
        }
        None => assert_eq!(shown, "Not available", "{context}: {low:?}-{high:?}"),
    }
}

fn figure_text(panel: &ElementRef<'_>, name: &str) -> Option<String> {
    panel
        .select(&sel(&format!("[data-figure={name}]")))
        .next()
        .map(|el| el.text().collect::<String>().trim().to_owned())
}

/// Checks a rendered panel against the data it claims to show.
fn check_panel(panel: &ElementRef<'_>, wages: &Wages, context: &str) {
    let (unit, p) = wages.basis();
    let shown = |name| figure_text(panel, name).unwrap_or_else(|| panic!("{context}: no {name}"));
    check(&shown("median"), p.median, &format!("{context} median"));
    check_range(
        &shown("middle-half"),
        p.p25,
        p.p75,
        &format!("{context} middle half"),
    );
    check_range(
        &shown("wide-range"),
        p.p10,
        p.p90,
        &format!("{context} 10th-90th"),
    );
    check(
        &shown("employment"),
        wages.employment,
        &format!("{context} employment"),
    );
    match unit {
        Unit::Annual => check(
            &shown("hourly-median"),
            wages.hourly.median,
            &format!("{context} hourly"),
        ),
        _ => assert!(
            figure_text(panel, "hourly-median").is_none(),
            "{context}: hourly-only shows no second hourly row"
        ),
    }
    if unit == Unit::Hourly {
        assert!(
            shown("median").ends_with("per hour") || shown("median") == "Not available",
            "{context}"
        );
    }
}

fn panels(html: &Html) -> Vec<ElementRef<'_>> {
    html.select(&sel("#salary .salary-panel")).collect()
}

#[test]
fn every_role_panel_shows_the_shipped_figures_nationally_and_for_two_states() {
    let data = library().wages();
    for role in library().roles() {
        let national = data.wages(&role.soc, 0).expect("national figures");
        let html = page(&format!("/job-descriptions/{}", role.slug));
        let shown = panels(&html);
        assert_eq!(
            shown.len(),
            1,
            "{}: only the national panel without a state",
            role.slug
        );
        assert_eq!(shown[0].value().attr("data-place"), Some("United States"));
        check_panel(&shown[0], national, &format!("{} national", role.slug));

        for state in ["california", "texas"] {
            let (index, area) = data.area(state).expect("state exists");
            let html = page(&format!("/job-descriptions/{}?state={state}", role.slug));
            let shown = panels(&html);
            assert_eq!(
                shown.len(),
                2,
                "{} {state}: national and state panels",
                role.slug
            );
            assert_eq!(
                shown[1].value().attr("data-place"),
                Some(area.name.as_str())
            );
            match data.wages(&role.soc, index) {
                Some(wages) => check_panel(&shown[1], wages, &format!("{} {state}", role.slug)),
                None => assert_eq!(
                    figure_text(&shown[1], "median").as_deref(),
                    Some("Not available")
                ),
            }
            let selected = attrs(&html, "#state option[selected]", "value");
            assert_eq!(selected, [state], "the chosen state stays selected");
        }
    }
}

#[test]
fn the_only_pay_in_prose_is_the_sentence_built_from_the_panel() {
    for role in library().roles() {
        let html = page(&format!("/job-descriptions/{}", role.slug));
        let sentence = text(&html, "#salary .salary-sentence");
        let headline = figure_text(&panels(&html)[0], "median").expect("headline");
        let amounts: Vec<&str> = sentence
            .split_whitespace()
            .filter(|w| w.starts_with('$'))
            .collect();
        assert_eq!(amounts.len(), 1, "{}: {sentence}", role.slug);
        assert_eq!(
            number(amounts[0].trim_end_matches([':', '.'])),
            number(&headline),
            "{}: {sentence}",
            role.slug
        );
        for id in [
            "intro",
            "duties",
            "what-they-do",
            "skills",
            "education",
            "experience",
            "faq",
        ] {
            assert!(
                !text(&html, &format!("#{id}")).contains('$'),
                "{}: a pay figure in #{id}",
                role.slug
            );
        }
    }
}

#[test]
fn the_salary_section_names_its_source_period_and_occupation() {
    let data = library().wages();
    for role in library().roles() {
        let html = page(&format!("/job-descriptions/{}", role.slug));
        let source = text(&html, "#salary .salary-whose");
        let occupation = data.occupation(&role.soc).expect("occupation");
        assert!(source.contains(
            "U.S. Bureau of Labor Statistics, Occupational Employment and Wage Statistics, May 2025"
        ));
        assert!(
            source.contains(&format!("{} (SOC {})", occupation.title, role.soc)),
            "{source}"
        );
        assert_eq!(
            attrs(&html, "#salary a[href^='/salaries/']", "href").len(),
            2,
            "{}",
            role.slug
        );
        assert!(attrs(&html, "#salary a", "href").contains(&format!("/salaries/{}", role.slug)));
    }
}

#[test]
fn the_state_selector_is_a_plain_form_and_survives_bad_input() {
    let html = page("/job-descriptions/accountant");
    assert_eq!(attrs(&html, "form.state-picker", "method"), ["get"]);
    assert_eq!(attrs(&html, "form.state-picker select", "name"), ["state"]);
    assert_eq!(
        html.select(&sel("#state option[value]")).count(),
        55,
        "a blank choice and 54 states"
    );
    let response = get("/job-descriptions/accountant?state=%3Cscript%3Ealert(1)%3C%2Fscript%3E");
    assert_eq!(response.status, 200);
    let body = response.text();
    assert!(
        !body.contains("<script>alert(1)"),
        "the unknown state is escaped"
    );
    let html = response.html();
    assert!(text(&html, "#salary .notice").contains("<script>alert(1)</script>"));
    assert_eq!(panels(&html).len(), 1);
    assert_eq!(
        page("/job-descriptions/accountant?state=")
            .select(&sel("#salary .notice"))
            .count(),
        0
    );
}

fn table_rows(html: &Html) -> Vec<Vec<String>> {
    html.select(&sel("#states tbody tr"))
        .map(|row| {
            row.select(&sel("th, td"))
                .map(|c| c.text().collect::<String>().trim().to_owned())
                .collect()
        })
        .collect()
}

#[test]
fn every_role_has_a_salary_page_with_chart_and_state_table() {
    let data = library().wages();
    for role in library().roles() {
        let path = format!("/salaries/{}", role.slug);
        let html = page(&path);
        assert_eq!(text(&html, "h1"), format!("{} salary", role.title));
        check_panel(
            &html.select(&sel(".salary-panel")).next().expect("panel"),
            data.wages(&role.soc, 0).expect("data"),
            &path,
        );
        let rows = table_rows(&html);
        assert_eq!(
            rows.len(),
            data.areas().len(),
            "{path}: the nation and every state"
        );
        assert_eq!(rows[0][0], "United States");
        let complete = (0..data.areas().len())
            .filter(|&i| {
                data.wages(&role.soc, i).is_some_and(|w| {
                    let (unit, p) = w.basis();
                    let release = data.release();
                    [p.p10, p.p25, p.median, p.p75, p.p90]
                        .iter()
                        .all(|f| release.comparable(*f, unit).is_some())
                })
            })
            .count();
        assert_eq!(
            html.select(&sel("svg .bar")).count(),
            complete,
            "{path}: one bar per complete area"
        );
        assert!(attrs(&html, "a", "href").contains(&format!("/job-descriptions/{}", role.slug)));
    }
}

#[test]
fn the_chart_is_well_formed_svg_with_a_text_alternative() {
    let body = get("/salaries/account-manager").text();
    let start = body.find("<svg").expect("an svg");
    let end = body.find("</svg>").expect("svg end") + "</svg>".len();
    let svg = &body[start..end];
    let doc = roxmltree::Document::parse(svg)
        .unwrap_or_else(|e| panic!("not well-formed XML: {e}\n{svg}"));
    let root = doc.root_element();
    assert_eq!(root.tag_name().name(), "svg");
    assert_eq!(root.attribute("role"), Some("img"));
    let title = root
        .children()
        .find(|n| n.has_tag_name("title"))
        .expect("a <title>");
    assert!(
        title
            .text()
            .is_some_and(|t| t.contains("Account Manager salary by state"))
    );
    let desc = root
        .children()
        .find(|n| n.has_tag_name("desc"))
        .expect("a <desc>");
    assert!(
        desc.text()
            .is_some_and(|t| t.contains("10th to the 90th percentile"))
    );
    assert_eq!(
        root.attribute("aria-labelledby"),
        Some("chart-title chart-desc")
    );
}

#[test]
fn the_state_table_sorts_by_a_query_parameter() {
    let data = library().wages();
    let column = |rows: &[Vec<String>], i: usize| {
        rows[1..].iter().map(|r| number(&r[i])).collect::<Vec<_>>()
    };

    let html = page("/salaries/registered-nurse?sort=median&order=desc");
    let medians: Vec<u64> = column(&table_rows(&html), 4)
        .into_iter()
        .flatten()
        .collect();
    assert!(
        medians.windows(2).all(|w| w[0] >= w[1]),
        "descending medians: {medians:?}"
    );
    assert_eq!(attrs(&html, "th[aria-sort]", "aria-sort"), ["descending"]);
    assert_eq!(text(&html, "th[aria-sort]"), "Median");

    let html = page("/salaries/registered-nurse?sort=employment&order=asc");
    let jobs: Vec<u64> = column(&table_rows(&html), 1)
        .into_iter()
        .flatten()
        .collect();
    assert!(
        jobs.windows(2).all(|w| w[0] <= w[1]),
        "ascending employment: {jobs:?}"
    );

    let html = page("/salaries/registered-nurse");
    let names: Vec<String> = table_rows(&html)[1..]
        .iter()
        .map(|r| r[0].clone())
        .collect();
    let mut sorted = names.clone();
    sorted.sort();
    assert_eq!(names, sorted, "states A-Z by default");
    assert_eq!(names.len(), data.areas().len() - 1);
    let median_link = attrs(&html, "th a", "href")
        .into_iter()
        .find(|h| h.contains("sort=median"))
        .expect("a link");
    assert_eq!(
        median_link,
        "/salaries/registered-nurse?sort=median&order=desc#states"
    );
    assert_eq!(
        get("/salaries/registered-nurse?sort=bogus&order=sideways").status,
        200
    );
}

#[test]
fn occupations_without_a_role_have_salary_pages_and_hourly_ones_stay_hourly() {
    let data = library().wages();
    let actors = SocCode::parse("27-2011").expect("code");
    assert_eq!(
        data.wages(&actors, 0).expect("actors").basis().0,
        Unit::Hourly
    );
    let html = page("/salaries/soc/27-2011");
    assert_eq!(text(&html, "h1"), "Actors salary");
    let panel = html.select(&sel(".salary-panel")).next().expect("panel");
    check_panel(&panel, data.wages(&actors, 0).expect("actors"), "actors");
    assert_eq!(text(&html, ".headline-label"), "Median hourly wage");
    assert!(
        text(&html, ".salary-panel").contains("only hourly wages"),
        "says why there is no annual figure"
    );
    assert!(text(&html, "#states").contains("Wages per hour"));

    for path in [
        "/salaries/soc/41-0000",
        "/salaries/soc/99-9999",
        "/salaries/soc/nonsense",
        "/salaries/no-such-role",
    ] {
        assert_eq!(get(path).status, 404, "{path}");
    }
}

#[test]
fn top_coded_figures_read_or_more_and_are_never_numbers() {
    let data = library().wages();
    let release = data.release();
    let (soc, area) = data
        .occupations()
        .filter(|o| o.level == Level::Detailed)
        .flat_map(|o| (0..data.areas().len()).map(move |i| (o.soc.clone(), i)))
        .find(|(soc, i)| {
            data.wages(soc, *i)
                .is_some_and(|w| w.annual.p90 == Figure::TopCoded)
        })
        .expect("the data has a top-coded figure");
    let html = page(&format!("/salaries/soc/{soc}"));
    let name = if area == 0 {
        "United States".to_owned()
    } else {
        data.areas()[area].name.clone()
    };
    let row = table_rows(&html)
        .into_iter()
        .find(|r| r[0] == name)
        .expect("the area's row");
    assert_eq!(
        row[6],
        format!(
            "${},{:03} or more",
            release.top_code_annual / 1000,
            release.top_code_annual % 1000
        )
    );
}
