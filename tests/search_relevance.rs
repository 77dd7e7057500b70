//! The relevance suite: what employers type (tests/data/search-relevance.tsv), and the
//! page that must come first. It prints the share right and every miss, and fails below
//! 95%.

mod common;

use std::fs;

use common::library;
use rolebook::search::SearchIndex;
use rolebook::wages::SocCode;

/// The share of queries that must put the right page first.
const REQUIRED: f64 = 0.95;
/// The fewest queries the suite may hold.
const MIN_QUERIES: usize = 150;

/// The hrefs that count as right for `expected`.
fn right_pages(expected: &str) -> Vec<String> {
    let (kind, value) = expected.split_once(':').expect("kind:value");
    let roles_for = |code: &str| -> Vec<String> {
        let soc = SocCode::parse(code).expect("a SOC code");
        library().roles_for(&soc).map(|r| r.slug.clone()).collect()
    };
    match kind {
        "role" => vec![format!("/job-descriptions/{value}")],
        "article" => vec![format!("/resources/{value}")],
        // A job description for the occupation, or its pay page when we have none.
        "soc" => occupation_pages(&roles_for(value), "/job-descriptions", value),
        // The pay page: a role's when we wrote one.
        "paysoc" => occupation_pages(&roles_for(value), "/salaries", value),
        other => panic!("unknown expectation {other}"),
    }
}

/// `{prefix}/{slug}` for each of `roles`, or the occupation's pay page when there is none.
fn occupation_pages(roles: &[String], prefix: &str, code: &str) -> Vec<String> {
    if roles.is_empty() {
        return vec![format!("/salaries/soc/{code}")];
    }
    roles
        .iter()
        .map(|slug| format!("{prefix}/{slug}"))
        .collect()
}

fn cases() -> Vec<(String, String)> {
    let path = common::content_dir().join("../tests/data/search-relevance.tsv");
    fs::read_to_string(path)
        .expect("the relevance queries")
        .lines()
        .filter(|line| !line.trim().is_empty() && !line.starts_with('#'))
        .map(|line| {
            let (query, expected) = line.split_once('\t').expect("query<TAB>expected");
            (query.to_owned(), expected.to_owned())
        })
        .collect()
}

#[test]
fn employers_find_the_right_page_first() {
    let index = SearchIndex::build(library()).expect("index");
    let cases = cases();
    assert!(cases.len() >= MIN_QUERIES, "only {} queries", cases.len());
    let mut misses = Vec::new();
    for (query, expected) in &cases {
        let results = index.search(query).expect("search");
        let first = results
            .hits
            .first()
            .map(|hit| hit.href.split('?').next().unwrap_or_default().to_owned());
        let right = right_pages(expected);
        if !first.as_ref().is_some_and(|href| right.contains(href)) {
            misses.push(format!(
                "{query:?}: wanted {expected} ({}), got {:?}",
                right.join(" or "),
                results
                    .hits
                    .iter()
                    .take(3)
                    .map(|h| h.href.as_str())
                    .collect::<Vec<_>>()
            ));
        }
    }
    let share = 1.0 - misses.len() as f64 / cases.len() as f64;
    println!(
        "search relevance: {} of {} queries right first ({:.1}%)",
        cases.len() - misses.len(),
        cases.len(),
        share * 100.0
    );
    for miss in &misses {
        println!("  miss {miss}");
    }
    assert!(
        share >= REQUIRED,
        "{:.1}% right, below {:.0}%:\n{}",
        share * 100.0,
        REQUIRED * 100.0,
        misses.join("\n")
    );
}

#[test]
fn the_suite_can_fail() {
    let index = SearchIndex::build(library()).expect("index");
    let first = index.search("electrician").expect("search").hits[0]
        .href
        .clone();
    assert!(!right_pages("soc:29-1141").contains(&first));
}
