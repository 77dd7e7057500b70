//! Property test: whatever a user types into any field of the builder, no output
//! (draft page, HTML export, Markdown, plain text, JSON-LD, or the form shown again
//! with errors) contains markup the user wrote.

mod common;

use common::{FormSession, base_url, get};
use proptest::prelude::*;
use pulldown_cmark::{Event, Parser, Tag};
use scraper::Html;

/// Fragments chosen to break out of each output format.
const HOSTILE: [&str; 24] = [
    "<script>alert(1)</script>",
    "</script><script>alert(2)</script>",
    "<img src=x onerror=alert(3)>",
    "\"><svg onload=alert(4)>",
    "' onmouseover='alert(5)",
    "[click](javascript:alert(6))",
    "![pic](https://evil.example/p.png)",
    "<https://evil.example>",
    "https://evil.example/path",
    "www.evil.example",
    "someone@evil.example",
    "<!-- comment -->",
    "&lt;b&gt;&#60;i&#62;",
    "*bold* _it_ `code`",
    "\n# Heading\n",
    "\n- list item\n",
    "\n1. numbered\n",
    "\n---\n",
    "\n===\n",
    "> quote",
    "| a | b |",
    "\u{0000}\u{0007}\u{001b}[31m",
    "\\",
    "{{ braces }} {% tag %}",
];

fn fragment() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => proptest::sample::select(HOSTILE.to_vec()).prop_map(str::to_owned),
        1 => "[a-zA-Z ,.']{1,12}",
        1 => "\\PC{1,8}",
    ]
}

/// A field value that validation accepts: something visible, within `max` characters.
fn field_up_to(max: usize) -> impl Strategy<Value = String> {
    prop::collection::vec(fragment(), 1..5)
        .prop_map(|parts| parts.concat())
        .prop_filter("visible text within the limit", move |s| {
            s.chars().any(|c| !c.is_whitespace() && !c.is_control()) && s.chars().count() <= max
        })
}

fn field() -> impl Strategy<Value = String> {
    field_up_to(300)
}

/// Every element and attribute a user's text could smuggle in is absent.
fn assert_no_injected_markup(html: &str, allowed_scripts: usize, what: &str) {
    let doc = Html::parse_document(html);
    let mut scripts = 0;
    for node in doc.tree.nodes() {
        let Some(element) = node.value().as_element() else {
            continue;
        };
        let name = element.name();
        assert!(
            !["img", "svg", "iframe", "object", "embed"].contains(&name),
            "{what}: <{name}> injected"
        );
        if name == "script" {
            scripts += 1;
        }
        for (attr, value) in element.attrs() {
            assert!(!attr.starts_with("on"), "{what}: attribute {attr} injected");
            assert!(
                !value.trim_start().to_lowercase().starts_with("javascript:"),
                "{what}: javascript: URL"
            );
        }
    }
    assert_eq!(scripts, allowed_scripts, "{what}: only our own scripts");
}

/// The Markdown has no links, images or HTML, and only our own headings.
fn assert_plain_markdown(md: &str, headings: usize) {
    let mut count = 0;
    for event in Parser::new_ext(md, pulldown_cmark::Options::all()) {
        match event {
            Event::Start(Tag::Link { .. } | Tag::Image { .. }) => {
                panic!("a link or image in:\n{md}")
            }
            Event::Html(_) | Event::InlineHtml(_) => panic!("HTML in:\n{md}"),
            Event::Start(Tag::Heading { .. }) => count += 1,
            _ => {}
        }
    }
    assert_eq!(count, headings, "headings in:\n{md}");
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn user_text_never_becomes_markup(
        title in field_up_to(120), company in field_up_to(120), about in field(), city in field_up_to(120),
        summary in field(),
        duties in field(), required in field(), preferred in field(), benefits in field(), eeo in field(),
        path in "[!-~]{0,16}", invalid in any::<bool>(),
    ) {
        let apply = format!("https://example.com/{path}");
        let fields = [
            ("title", title.as_str()), ("company", &company), ("about_company", &about), ("workplace", "on-site"),
            ("city", &city), ("state", "ohio"), ("employment_type", "part-time"), ("pay_min", if invalid { "30" } else { "20" }),
            ("pay_max", "25"), ("pay_period", "hour"), ("summary", &summary), ("duties", &duties),
            ("required", &required), ("preferred", &preferred), ("benefits_other", &benefits),
            ("apply", &apply), ("date_posted", "2026-11-23"), ("eeo", &eeo),
        ];
        let session = FormSession::open(base_url());
        let response = session.post(base_url(), "/job-descriptions/build", &fields);
        if invalid {
            // Pay minimum over maximum: the form comes back with every field as typed.
            prop_assert_eq!(response.status, 422);
            assert_no_injected_markup(&response.text(), 1, "the form with errors");
            return Ok(());
        }
        prop_assert_eq!(response.status, 303);
        let draft = response.header("location").to_owned();

        assert_no_injected_markup(&get(&draft).text(), 1, "the draft page");
        let export = get(&format!("{draft}.html")).text();
        assert_no_injected_markup(&export, 1, "the HTML export");

        let json_text = get(&format!("{draft}.json")).text();
        prop_assert!(!json_text.contains('<') && !json_text.contains('>'), "raw angle brackets in JSON");
        let json: serde_json::Value = serde_json::from_str(&json_text).expect("JSON parses");
        let stored_title = json["title"].as_str().expect("title").to_owned();
        let page = Html::parse_document(&export);
        let shown: String = page.select(&common::sel("h1")).next().expect("h1").text().collect();
        prop_assert_eq!(shown, stored_title.clone(), "the title is shown as typed text");

        let sections = ["What you will do", "What you need", "Nice to have", "Benefits"];
        let lists = sections.iter().filter(|s| json["description"].as_str().unwrap_or("").contains(*s)).count();
        let md = get(&format!("{draft}.md")).text();
        // "# title", "About the role", the lists, "About <company>", "How to apply".
        assert_plain_markdown(&md, 1 + 1 + lists + 1 + 1);

        let txt = get(&format!("{draft}.txt")).text();
        prop_assert!(txt.starts_with(&stored_title));
        prop_assert!(!txt.chars().any(|c| c.is_control() && c != '\n'), "control characters in text");
    }
}
