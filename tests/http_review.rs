//! The posting checker over HTTP: findings on a saved draft and on a form sent back with
//! errors, advice that never blocks saving, and typed text kept as text.

mod common;

use common::builder::{save, submit, with};
use common::{attrs, page, text, texts};

#[test]
fn a_saved_draft_lists_its_findings_by_kind_and_saving_was_never_blocked() {
    let (id, _) = save(&with(&[
        ("title", "Salesman"),
        (
            "summary",
            "Be a rockstar on our team. We want a competitive, decisive and assertive closer.",
        ),
        (
            "required",
            "One\nTwo\nThree\nFour\nFive\nSix\nSeven\nEight\nNine\nLift 50 pounds",
        ),
        ("eeo", ""),
    ]));
    let html = page(&format!("/job-descriptions/drafts/{id}"));
    let subjects = texts(&html, ".review .finding-subject");
    for expected in [
        "Gendered job title: “salesman”",
        "Says nothing: “rockstar”",
        "3 masculine-coded (competitive, decisive, assertive)",
        "10 required qualifications",
        "a physical demand (“lift”)",
        "Equal opportunity statement",
    ] {
        assert!(
            subjects.iter().any(|s| s.contains(expected)),
            "{expected} in {subjects:?}"
        );
    }
    let summary = text(&html, ".review-summary");
    assert!(
        summary.starts_with(&format!("{} findings:", subjects.len())),
        "{summary}"
    );
    assert!(summary.contains("words that exclude"), "{summary}");
    let headings = texts(&html, ".review h3");
    assert!(
        headings.contains(&"Words that exclude".to_owned()),
        "{headings:?}"
    );
    let facts = texts(&html, ".review-facts dt");
    assert_eq!(
        facts,
        [
            "Words",
            "Characters",
            "Flesch-Kincaid grade",
            "Gender-coded words"
        ]
    );
    let link = attrs(&html, ".review-summary a", "href");
    assert_eq!(
        link,
        ["/resources/writing-inclusive-job-ads#how-rolebook-checks-your-posting"]
    );
    let article = page("/resources/writing-inclusive-job-ads");
    assert_eq!(
        attrs(&article, "#how-rolebook-checks-your-posting", "id").len(),
        1,
        "the article explains the rules"
    );
    assert!(!attrs(&article, "a[href='/job-descriptions/build']", "href").is_empty());
}

#[test]
fn a_form_with_errors_shows_the_review_and_keeps_what_was_typed() {
    let typed = "Native English speaker wanted <b>now</b>.";
    let (response, _) = submit(&with(&[("company", ""), ("summary", typed)]));
    assert_eq!(response.status, 422);
    let html = response.html();
    let subjects = texts(&html, ".review .finding-subject");
    assert!(
        subjects
            .iter()
            .any(|s| s.contains("National origin: “native english speaker”")),
        "{subjects:?}"
    );
    assert_eq!(text(&html, "#summary"), typed, "kept as typed, as text");
    assert!(
        !response.text().contains("<b>now</b>"),
        "typed markup is escaped"
    );
    let (fine, _) = submit(&with(&[("company", "")]));
    assert_eq!(fine.status, 422);
    assert_eq!(texts(&fine.html(), ".review").len(), 1);
}

#[test]
fn a_clean_form_saves_without_a_review_on_the_form() {
    let html = page("/job-descriptions/build?role=cashier");
    assert!(
        texts(&html, ".review").is_empty(),
        "no review before anything was sent"
    );
}

#[test]
fn long_sentences_are_quoted_as_text() {
    let long = "<script>alert(1)</script> You will greet each customer at the door and walk with them to the aisle they need and then show them the items we have and help them choose.";
    let (id, _) = save(&with(&[("summary", long)]));
    let response = common::get(&format!("/job-descriptions/drafts/{id}"));
    let html = response.html();
    let subjects = texts(&html, ".review .finding-subject");
    assert!(
        subjects
            .iter()
            .any(|s| s.starts_with("A sentence of") && s.contains("<script>alert(1)</script>")),
        "{subjects:?}"
    );
    assert!(
        !response.text().contains("<script>alert(1)"),
        "escaped in the HTML"
    );
}
