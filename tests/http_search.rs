//! Search over HTTP: ranking, aliases, prefixes, misspellings, hostile input, and
//! never a dead end.

mod common;

use common::{attrs, get, library, page, request, sel, text, texts};

fn search_page(query: &str) -> scraper::Html {
    let encoded = serde_html_form::to_string([("q", query)]).expect("encode");
    page(&format!("/search?{encoded}"))
}

/// The result links for `query`, best first.
fn hits(query: &str) -> Vec<String> {
    attrs(&search_page(query), ".result-title a", "href")
}

#[test]
fn an_exact_title_comes_first() {
    for role in library().roles() {
        let html = search_page(&role.title);
        let first = attrs(&html, ".result-title a", "href").into_iter().next();
        assert_eq!(
            first,
            Some(format!("/job-descriptions/{}", role.slug)),
            "searching {:?}",
            role.title
        );
    }
    assert_eq!(
        hits("account manager")[0],
        "/job-descriptions/account-manager",
        "case does not matter"
    );
}

#[test]
fn an_alias_finds_its_role() {
    for role in library().roles() {
        for alias in &role.aliases {
            let found = hits(alias);
            assert!(
                found
                    .iter()
                    .take(3)
                    .any(|h| *h == format!("/job-descriptions/{}", role.slug)),
                "{alias:?} should find {} near the top: {found:?}",
                role.slug
            );
        }
    }
}

#[test]
fn a_partial_word_matches_as_a_prefix() {
    let found = hits("acc");
    let account_roles: Vec<String> = library()
        .roles()
        .iter()
        .filter(|r| r.title.starts_with("Account"))
        .map(|r| format!("/job-descriptions/{}", r.slug))
        .collect();
    assert!(account_roles.len() >= 5);
    for href in &account_roles {
        assert!(
            found[..10].contains(href),
            "{href} is not among the first results: {found:?}"
        );
    }
    assert_eq!(hits("regist")[0], "/job-descriptions/registered-nurse");
}

#[test]
fn articles_are_found_and_labeled() {
    let html = search_page("pay transparency");
    let first = attrs(&html, ".result-title a", "href").remove(0);
    assert_eq!(first, "/resources/pay-transparency-laws-by-state");
    assert_eq!(texts(&html, ".result-kind")[0], "Article");
    let kinds = texts(&search_page("account"), ".result-kind");
    assert!(kinds.contains(&"Job description".to_owned()));
}

#[test]
fn snippets_highlight_the_matched_words() {
    let html = search_page("quota");
    let marks = texts(&html, ".snippet mark");
    assert!(!marks.is_empty(), "a body match is highlighted");
    assert!(
        marks.iter().all(|m| m.to_lowercase().starts_with("quota")),
        "{marks:?}"
    );
}

#[test]
fn a_misspelt_query_offers_the_closest_title() {
    let html = search_page("acount manger");
    let suggestions = attrs(&html, ".did-you-mean a", "href");
    assert_eq!(
        suggestions.first().map(String::as_str),
        Some("/job-descriptions/account-manager"),
        "{suggestions:?}"
    );
    assert!(text(&html, ".did-you-mean").starts_with("Did you mean Account Manager"));
    assert!(text(&html, ".notice").contains("these results are for account manager"));
    assert_eq!(
        attrs(&html, ".result-title a", "href")[0],
        "/job-descriptions/account-manager"
    );

    let html = search_page("registred nurce");
    assert_eq!(
        attrs(&html, ".did-you-mean a", "href")[0],
        "/job-descriptions/registered-nurse"
    );
}

#[test]
fn no_results_at_all_still_offers_ways_on_but_never_arbitrary_titles() {
    let html = search_page("zzqxv wibble");
    assert_eq!(html.select(&sel(".result")).count(), 0);
    assert!(text(&html, "main").contains("Nothing matched"));
    assert!(
        attrs(&html, ".suggestions a", "href").is_empty(),
        "nothing is close to nonsense, so no title is offered"
    );
    assert!(text(&html, "main").contains("We know no job title close to"));
    assert_eq!(
        html.select(&sel(".category-list > li")).count(),
        library().categories().len()
    );
    let build = attrs(&html, "a[href^='/job-descriptions/build']", "href");
    assert!(
        build.contains(&"/job-descriptions/build?title=zzqxv%20wibble".to_owned()),
        "{build:?}"
    );
    let form = page("/job-descriptions/build?title=zzqxv%20wibble");
    assert_eq!(
        attrs(&form, "#title", "value"),
        ["zzqxv wibble"],
        "the build link starts a form with that title"
    );
}

#[test]
fn a_query_that_finds_nothing_offers_titles_that_really_are_close() {
    // No word of it is within a typo of a title word, but as a whole it is close.
    let html = search_page("electricianhelper");
    let suggestions = texts(&html, ".suggestions a");
    assert!(!suggestions.is_empty(), "close titles are offered");
    for title in &suggestions {
        let alike = title.to_lowercase().replace(['\'', ' '], "");
        assert!(
            alike.contains("electrician"),
            "{title:?} is not close to the query"
        );
    }
}

#[test]
fn an_empty_query_is_a_prompt_not_an_error() {
    for path in ["/search", "/search?q=", "/search?q=+++", "/search?q=%22%22"] {
        let response = get(path);
        assert_eq!(response.status, 200, "{path}");
        let html = response.html();
        assert_eq!(
            text(&html, "h1"),
            "Search job descriptions and guides",
            "{path}"
        );
        assert!(
            html.select(&sel(".cards a")).count() >= 3,
            "{path}: popular roles offered"
        );
    }
}

#[test]
fn hostile_input_never_breaks_the_page() {
    let long = "manager ".repeat(2000);
    for query in [
        "\"",
        "\"account",
        "*",
        "acc*",
        "NEAR(account manager)",
        "account AND OR NOT",
        "-nurse",
        "^nurse",
        "title:nurse",
        "{title}: nurse",
        "(",
        ")",
        "'; DROP TABLE docs; --",
        "\\",
        "<script>alert(1)</script>",
        "\u{0}\u{1}",
        "💼 👩‍⚕️",
        long.as_str(),
    ] {
        let encoded = serde_html_form::to_string([("q", query)]).expect("encode");
        let response = get(&format!("/search?{encoded}"));
        assert_eq!(response.status, 200, "{query:?}");
        assert!(
            !response.text().contains("<script>alert(1)"),
            "{query:?} is escaped"
        );
    }
    for raw in [
        "/search?q=%FF%FE",
        "/search?q=%",
        "/search?q=%zz",
        "/search?q[]=x&q=y",
        "/search?q=a&q=b",
    ] {
        assert_eq!(request("GET", raw, &[]).status, 200, "{raw}");
    }
    let html = search_page(&long);
    assert!(
        text(&html, "h1").chars().count() < 250,
        "the query is cut to a limit"
    );
}

#[test]
fn every_page_has_exactly_one_search_box_in_the_header_or_near_the_top() {
    let role = format!("/job-descriptions/{}", library().roles()[0].slug);
    let in_header = |path: &str| {
        let html = get(path).html();
        (
            attrs(&html, ".site-header form[role=search]", "action"),
            attrs(&html, "main form[role=search]", "action"),
        )
    };
    for path in [
        role.as_str(),
        "/salaries",
        "/resources",
        "/about",
        "/job-descriptions/build",
    ] {
        let (header, _) = in_header(path);
        assert_eq!(header, ["/search"], "{path}: the header has the search box");
    }
    // Pages with their own box near the top do without the header's.
    for path in ["/", "/job-descriptions", "/search?q=nurse", "/nope"] {
        let (header, main) = in_header(path);
        assert!(
            header.is_empty(),
            "{path}: a second search box in the header"
        );
        assert_eq!(main, ["/search"], "{path}: its own search box");
    }
}

#[test]
fn search_pages_are_kept_out_of_search_engines() {
    let html = search_page("nurse");
    assert_eq!(attrs(&html, "meta[name=robots]", "content"), ["noindex"]);
    assert!(text(&html, "title").contains("nurse"));
}
