//! The salary index over HTTP: the group table, each group's page, and the filter.

mod common;

use std::collections::BTreeSet;

use common::{attrs, get, library, page, text, texts};
use rolebook::wages::{Level, SocCode};

/// The index and every group page stay small enough to load fast on a phone.
const MAX_PAGE_BYTES: usize = 60 * 1024;

fn occupation_links(html: &scraper::Html) -> Vec<String> {
    attrs(html, "#filter-results tbody th > a", "href")
}

#[test]
fn the_groups_cover_every_published_occupation_once() {
    let data = library().wages();
    let index = get("/salaries");
    assert_eq!(index.status, 200);
    assert!(
        index.body.len() < MAX_PAGE_BYTES,
        "/salaries: {}",
        index.body.len()
    );
    let html = page("/salaries");
    let groups = attrs(&html, ".groups-table tbody th a", "href");
    assert_eq!(groups.len(), 22, "the 22 major groups");
    let counts: Vec<usize> = texts(&html, ".groups-table tbody td:nth-of-type(1)")
        .iter()
        .map(|n| n.parse().expect("a count"))
        .collect();

    let mut listed = BTreeSet::new();
    let mut role_links = BTreeSet::new();
    for (path, count) in groups.iter().zip(&counts) {
        let response = get(path);
        assert_eq!(response.status, 200, "{path}");
        assert!(
            response.body.len() < MAX_PAGE_BYTES,
            "{path}: {} bytes",
            response.body.len()
        );
        let group = page(path);
        let links = occupation_links(&group);
        assert_eq!(links.len(), *count, "{path}: the count in the index");
        for link in links {
            assert!(listed.insert(link.clone()), "{link} is listed twice");
        }
        role_links.extend(attrs(&group, "#filter-results .roles a", "href"));
        assert_eq!(
            attrs(&group, ".groups-table a[aria-current=page]", "href"),
            std::slice::from_ref(path),
            "{path}: the jump list marks this group"
        );
    }
    let detailed: BTreeSet<String> = data
        .occupations()
        .filter(|o| o.level == Level::Detailed && data.has(&o.soc))
        .map(|o| format!("/salaries/soc/{}", o.soc))
        .collect();
    assert_eq!(listed, detailed, "every occupation, each in its own group");
    for role in library().roles() {
        let href = format!("/job-descriptions/{}", role.slug);
        assert!(
            role_links.contains(&href),
            "{href} is not linked from its group"
        );
    }
    let sales = page("/salaries/group/sales-and-related");
    assert_eq!(text(&sales, "h1"), "Sales and Related Occupations");
    assert!(
        attrs(&sales, ".roles a", "href").contains(&"/job-descriptions/account-manager".into())
    );
    assert_eq!(get("/salaries/group/no-such-group").status, 404);
}

#[test]
fn figures_are_right_aligned_cells_of_a_real_table() {
    let html = page("/salaries/group/healthcare-practitioners-and-technical");
    assert_eq!(
        texts(&html, "#filter-results thead th"),
        ["Occupation", "National median", "Jobs"]
    );
    let nurses = html
        .select(&common::sel("#filter-results tbody tr"))
        .find(|row| row.text().any(|t| t == "Registered Nurses"))
        .expect("Registered Nurses");
    let cells: Vec<String> = nurses
        .select(&common::sel("td.num"))
        .map(|td| td.text().collect())
        .collect();
    let wages = library()
        .wages()
        .wages(&SocCode::parse("29-1141").expect("code"), 0)
        .expect("nurses");
    let median = wages.annual.median.value().expect("a median");
    assert_eq!(cells[0], format!("${},{:03}", median / 1000, median % 1000));
    assert_eq!(
        cells[1].replace(',', ""),
        wages.employment.value().expect("jobs").to_string()
    );
}

#[test]
fn the_filter_matches_words_of_titles_codes_and_role_names() {
    let html = page("/salaries?q=nurse");
    let titles = texts(&html, "#filter-results tbody th > a");
    assert!(
        titles.contains(&"Registered Nurses".to_owned()),
        "{titles:?}"
    );
    assert!(
        titles.iter().all(|t| t.to_lowercase().contains("nurse")),
        "{titles:?}"
    );
    assert!(text(&html, ".filter-count").contains(&format!("{} occupations match", titles.len())));
    assert_eq!(
        attrs(&html, "#filter-q", "value"),
        ["nurse"],
        "the box keeps the filter"
    );

    let by_code = page("/salaries?q=29-1141");
    assert_eq!(occupation_links(&by_code), ["/salaries/soc/29-1141"]);
    // "reg nur": every word starts a word of the title.
    assert_eq!(
        occupation_links(&page("/salaries?q=reg%20nur")),
        ["/salaries/soc/29-1141"]
    );
    // A role page's title finds its occupation: "Account Manager" is not a BLS title.
    assert!(
        occupation_links(&page("/salaries?q=account%20manager"))
            .contains(&"/salaries/soc/41-3091".to_owned())
    );
    let group = page("/salaries/group/healthcare-practitioners-and-technical?q=nurse");
    assert!(
        occupation_links(&group)
            .iter()
            .all(|href| href.starts_with("/salaries/soc/29-")),
        "a group's filter stays in the group"
    );
    assert!(text(&group, ".filter-count").contains("in this group match"));
}

#[test]
fn a_filter_never_ends_in_a_dead_end_and_refuses_nothing_it_cannot_read() {
    let none = page("/salaries?q=zzqxv");
    assert!(occupation_links(&none).is_empty());
    assert_eq!(
        attrs(&none, "#filter-results .notice a", "href"),
        ["/search?q=zzqxv"],
        "no match offers the site search"
    );
    assert_eq!(
        texts(&none, ".groups-table tbody tr").len(),
        22,
        "and the groups"
    );

    let broad = page("/salaries?q=a");
    let shown = occupation_links(&broad).len();
    assert_eq!(shown, 100, "a broad filter shows the first 100");
    assert!(text(&broad, ".filter-count").contains("Showing the first 100"));
    let size = get("/salaries?q=a").body.len();
    assert!(size < MAX_PAGE_BYTES, "the broadest filter: {size} bytes");

    let hostile = get(&format!("/salaries?q=%3Cscript%3E{}", "x".repeat(10_000)));
    assert_eq!(hostile.status, 200);
    let html = scraper::Html::parse_document(&hostile.text());
    assert!(!hostile.text().contains("<script>x"), "escaped");
    let kept = attrs(&html, "#filter-q", "value").concat();
    assert!(
        kept.starts_with("<script>") && kept.chars().count() == 100,
        "{}",
        kept.len()
    );
}
