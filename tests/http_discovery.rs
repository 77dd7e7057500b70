//! What people and search engines use to find pages: articles, the sitemap, robots,
//! the feed, canonical links, Open Graph, breadcrumbs, JSON-LD, and links that lead
//! somewhere.

mod common;

use std::collections::{BTreeSet, HashMap};
use std::sync::OnceLock;

use common::{attrs, base_url, get, library, page, sel, text, texts};
use scraper::Html;
use serde_json::Value;

/// Every `<loc>` of the sitemap, as paths.
fn sitemap_paths() -> &'static Vec<String> {
    static PATHS: OnceLock<Vec<String>> = OnceLock::new();
    PATHS.get_or_init(|| {
        let xml = get("/sitemap.xml").text();
        let doc = roxmltree::Document::parse(&xml).expect("the sitemap is well-formed XML");
        doc.descendants()
            .filter(|n| n.has_tag_name("loc"))
            .map(|n| {
                n.text()
                    .expect("loc text")
                    .strip_prefix(base_url())
                    .expect("an absolute URL on this site")
                    .to_owned()
            })
            .collect()
    })
}

/// Every sitemap page, fetched once.
fn sitemap_pages() -> &'static Vec<(String, String)> {
    static PAGES: OnceLock<Vec<(String, String)>> = OnceLock::new();
    PAGES.get_or_init(|| {
        sitemap_paths()
            .iter()
            .map(|path| {
                let response = get(path);
                assert_eq!(response.status, 200, "{path} is in the sitemap");
                (path.clone(), response.text())
            })
            .collect()
    })
}

/// The JSON-LD blocks of a page, parsed.
fn json_ld(html: &Html) -> Vec<Value> {
    texts(html, "script[type='application/ld+json']")
        .iter()
        .map(|block| {
            serde_json::from_str(block)
                .unwrap_or_else(|e| panic!("JSON-LD does not parse: {e}\n{block}"))
        })
        .collect()
}

fn of_type<'a>(blocks: &'a [Value], kind: &str) -> Option<&'a Value> {
    blocks.iter().find(|b| b["@type"] == kind)
}

#[test]
fn the_sitemap_lists_every_public_page_and_each_answers_200() {
    let paths: BTreeSet<&str> = sitemap_paths().iter().map(String::as_str).collect();
    assert_eq!(paths.len(), sitemap_paths().len(), "no duplicates");
    for fixed in [
        "/",
        "/job-descriptions",
        "/job-descriptions/build",
        "/salaries",
        "/resources",
        "/about",
        "/editorial-guidelines",
        "/privacy",
    ] {
        assert!(paths.contains(fixed), "{fixed} is missing");
    }
    for role in library().roles() {
        assert!(paths.contains(format!("/job-descriptions/{}", role.slug).as_str()));
        assert!(paths.contains(format!("/salaries/{}", role.slug).as_str()));
    }
    for article in library().articles() {
        assert!(paths.contains(format!("/resources/{}", article.slug).as_str()));
    }
    assert!(
        paths.contains("/salaries/soc/27-2011"),
        "occupations without a role page too"
    );
    assert!(
        !paths
            .iter()
            .any(|p| p.contains("/drafts/") || p.starts_with("/search"))
    );
    assert!(!sitemap_pages().is_empty());
    let xml = get("/sitemap.xml").text();
    let doc = roxmltree::Document::parse(&xml).expect("XML");
    let lastmods: Vec<&str> = doc
        .descendants()
        .filter(|n| n.has_tag_name("lastmod"))
        .filter_map(|n| n.text())
        .collect();
    assert_eq!(
        lastmods.len(),
        sitemap_paths().len(),
        "every entry has a lastmod"
    );
    assert!(lastmods.iter().all(|d| {
        time::Date::parse(d, time::macros::format_description!("[year]-[month]-[day]")).is_ok()
    }));
}

#[test]
fn robots_points_to_the_sitemap_and_keeps_drafts_out() {
    let response = get("/robots.txt");
    assert_eq!(response.header("content-type"), "text/plain; charset=utf-8");
    let text = response.text();
    assert!(
        text.contains("Disallow: /job-descriptions/drafts/"),
        "{text}"
    );
    assert!(
        text.contains(&format!("Sitemap: {}/sitemap.xml", base_url())),
        "{text}"
    );
}

#[test]
fn the_feed_is_well_formed_atom_with_every_article() {
    let response = get("/feed.xml");
    assert_eq!(
        response.header("content-type"),
        "application/atom+xml; charset=utf-8"
    );
    let xml = response.text();
    let doc = roxmltree::Document::parse(&xml).expect("the feed is well-formed XML");
    let root = doc.root_element();
    assert_eq!(
        root.tag_name().namespace(),
        Some("http://www.w3.org/2005/Atom")
    );
    let entries: Vec<_> = root
        .children()
        .filter(|n| n.has_tag_name("entry"))
        .collect();
    assert_eq!(entries.len(), library().articles().len());
    for (entry, article) in entries.iter().zip(library().articles()) {
        let child = |name: &str| {
            entry
                .children()
                .find(|n| n.has_tag_name(name))
                .and_then(|n| n.text())
                .unwrap_or_default()
                .to_owned()
        };
        assert_eq!(child("title"), article.title);
        assert_eq!(
            child("id"),
            format!("{}/resources/{}", base_url(), article.slug)
        );
        assert_eq!(child("updated"), format!("{}T00:00:00Z", article.updated));
        assert_eq!(child("summary"), article.summary);
    }
    assert_eq!(
        attrs(&page("/"), "link[type='application/atom+xml']", "href"),
        ["/feed.xml"]
    );
}

#[test]
fn every_page_has_a_unique_title_and_description_a_canonical_link_and_open_graph() {
    let mut titles: HashMap<String, &str> = HashMap::new();
    let mut descriptions: HashMap<String, &str> = HashMap::new();
    for (path, body) in sitemap_pages() {
        let html = Html::parse_document(body);
        let title = text(&html, "title");
        if let Some(other) = titles.insert(title.clone(), path) {
            panic!("{path} and {other} share the title {title:?}");
        }
        let description = attrs(&html, "meta[name=description]", "content").remove(0);
        assert!(
            !description.is_empty() && description.chars().count() <= 160,
            "{path}: {description:?}"
        );
        if let Some(other) = descriptions.insert(description.clone(), path) {
            panic!("{path} and {other} share the description {description:?}");
        }
        assert_eq!(
            attrs(&html, "link[rel=canonical]", "href"),
            [format!("{}{path}", base_url())],
            "{path}"
        );
        assert_eq!(
            attrs(&html, "meta[property='og:url']", "content"),
            [format!("{}{path}", base_url())],
            "{path}"
        );
        assert_eq!(
            attrs(&html, "meta[property='og:title']", "content"),
            [title.as_str()],
            "{path}"
        );
        assert_eq!(
            attrs(&html, "meta[property='og:description']", "content"),
            [description],
            "{path}"
        );
        assert_eq!(
            attrs(&html, "meta[property='og:type']", "content").len(),
            1,
            "{path}"
        );
    }
}

#[test]
fn every_json_ld_block_on_every_page_parses() {
    for (path, body) in sitemap_pages() {
        for block in json_ld(&Html::parse_document(body)) {
            assert_eq!(block["@context"], "https://schema.org", "{path}");
            assert!(block["@type"].is_string(), "{path}");
        }
    }
}

#[test]
fn role_pages_describe_the_occupation_and_its_pay() {
    let data = library().wages();
    for role in library().roles() {
        let path = format!("/job-descriptions/{}", role.slug);
        let blocks = json_ld(&page(&path));
        let occupation =
            of_type(&blocks, "Occupation").unwrap_or_else(|| panic!("{path}: no Occupation"));
        assert_eq!(occupation["name"], role.title.as_str());
        assert_eq!(occupation["occupationalCategory"], role.soc.as_str());
        assert_eq!(occupation["occupationLocation"][0]["@type"], "Country");
        let salary = &occupation["estimatedSalary"][0];
        assert_eq!(salary["@type"], "MonetaryAmountDistribution");
        assert_eq!(salary["currency"], "USD");
        assert!(
            salary.get("name").is_none(),
            "{path}: no \"base\" name: OEWS wages include commissions and tips"
        );
        let wages = data.wages(&role.soc, 0).expect("national data");
        let (unit, p) = wages.basis();
        assert_eq!(
            salary["duration"],
            if unit == rolebook::wages::Unit::Hourly {
                "PT1H"
            } else {
                "P1Y"
            }
        );
        for (key, figure) in [
            ("median", p.median),
            ("percentile10", p.p10),
            ("percentile25", p.p25),
            ("percentile75", p.p75),
            ("percentile90", p.p90),
        ] {
            match figure.value() {
                Some(v) if unit == rolebook::wages::Unit::Annual => {
                    assert_eq!(salary[key], v, "{path} {key}")
                }
                Some(v) => assert_eq!(salary[key].as_f64(), Some(v as f64 / 100.0), "{path} {key}"),
                None => assert!(
                    salary.get(key).is_none(),
                    "{path}: {key} is not published, so not given"
                ),
            }
        }
        let crumbs = of_type(&blocks, "BreadcrumbList")
            .unwrap_or_else(|| panic!("{path}: no BreadcrumbList"));
        assert_eq!(crumbs["itemListElement"].as_array().map(Vec::len), Some(3));
        assert_eq!(
            crumbs["itemListElement"][2]["item"],
            format!("{}{path}", base_url())
        );
    }
}

#[test]
fn articles_and_salary_pages_carry_their_structured_data_and_breadcrumbs() {
    for article in library().articles() {
        let path = format!("/resources/{}", article.slug);
        let html = page(&path);
        let blocks = json_ld(&html);
        let data = of_type(&blocks, "Article").unwrap_or_else(|| panic!("{path}: no Article"));
        assert_eq!(data["headline"], article.title.as_str());
        assert_eq!(data["datePublished"], article.published.to_string());
        assert_eq!(data["dateModified"], article.updated.to_string());
        assert_eq!(data["author"]["name"], article.author.as_str());
        assert!(of_type(&blocks, "BreadcrumbList").is_some(), "{path}");
        assert_eq!(
            texts(&html, ".breadcrumbs li"),
            ["Home", "Resources", article.title.as_str()]
        );
        assert_eq!(
            attrs(&html, "meta[property='og:type']", "content"),
            ["article"]
        );
    }
    let html = page("/salaries/account-manager");
    assert_eq!(
        texts(&html, ".breadcrumbs li"),
        ["Home", "Salaries", "Account Manager salary"]
    );
    assert!(of_type(&json_ld(&html), "BreadcrumbList").is_some());
    let role = page("/job-descriptions/account-manager");
    assert_eq!(
        texts(&role, ".breadcrumbs li"),
        ["Home", "Job descriptions", "Account Manager"]
    );
    assert_eq!(
        attrs(&role, ".breadcrumbs [aria-current=page]", "aria-current").len(),
        1
    );
}

#[test]
fn the_resources_page_lists_every_article_by_category_and_articles_show_their_parts() {
    let html = page("/resources");
    let listed = attrs(&html, ".article-group .card a", "href");
    assert_eq!(listed.len(), library().articles().len());
    for category in library().article_categories() {
        let in_category: Vec<&str> = library()
            .articles()
            .iter()
            .filter(|a| a.category == category.name)
            .map(|a| a.slug.as_str())
            .collect();
        let shown = attrs(&html, &format!("#{} .card a", category.anchor), "href");
        assert_eq!(shown.len(), in_category.len(), "{}", category.name);
    }
    assert!(library().articles().len() >= 8, "at least 8 articles");
    for article in library().articles() {
        let html = page(&format!("/resources/{}", article.slug));
        assert_eq!(text(&html, "h1"), article.title);
        let meta = text(&html, ".page-header .meta");
        assert!(
            meta.contains(&format!("{} min read", article.reading_minutes()))
                && meta.contains("Published"),
            "{meta}"
        );
        assert_eq!(
            attrs(&html, ".page-header time", "datetime")[0],
            article.published.to_string()
        );
        let toc = attrs(&html, ".toc a", "href");
        let headings: Vec<String> = attrs(&html, ".article-body > h2[id]", "id")
            .into_iter()
            .map(|id| format!("#{id}"))
            .collect();
        assert_eq!(
            toc, headings,
            "{}: the table of contents lists every section",
            article.slug
        );
        let related = attrs(&html, ".related .card a", "href");
        let expected: Vec<String> = article
            .related
            .iter()
            .map(|s| format!("/job-descriptions/{s}"))
            .collect();
        assert_eq!(related, expected, "{}", article.slug);
        assert!(
            article.body.word_count >= 700,
            "{} is {} words",
            article.slug,
            article.body.word_count
        );
    }
}

#[test]
fn no_internal_link_on_any_public_page_leads_nowhere() {
    let mut targets: BTreeSet<String> = BTreeSet::new();
    for (path, body) in sitemap_pages() {
        let html = Html::parse_document(body);
        for element in html.select(&sel("a[href], link[href]")) {
            let href = element.value().attr("href").unwrap_or_default();
            if href.starts_with('/') && !href.starts_with("//") {
                targets.insert(href.split('#').next().unwrap_or_default().to_owned());
            } else if href.starts_with('#') && href.len() > 1 {
                let id = &href[1..];
                assert!(
                    html.select(&sel(&format!("[id='{id}']"))).next().is_some(),
                    "{path}: #{id} has no target"
                );
            }
        }
    }
    for target in targets.iter().filter(|t| !t.is_empty()) {
        assert_eq!(get(target).status, 200, "a link to {target} leads nowhere");
    }
}
