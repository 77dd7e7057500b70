//! Content validation: one fixture per kind of error, each checked for its file, line
//! and message, through the same loader the server and `rolebook check` use.

mod common;

use std::fs;
use std::path::Path;

use common::content_with;
use rolebook::content::Library;

/// Every error as `roles/<file>:<line>: <message>`, relative to the content directory.
fn errors(dir: &Path) -> Vec<String> {
    match Library::load(dir) {
        Ok(_) => Vec::new(),
        Err(errors) => errors
            .0
            .iter()
            .map(|e| {
                let path = e.path.strip_prefix(dir).expect("inside the content dir");
                format!("{}:{}: {}", path.display(), e.line, e.message)
            })
            .collect(),
    }
}

/// (fixture, line, a phrase the message must contain)
const CASES: &[(&str, usize, &str)] = &[
    ("unknown-field.md", 9, "unknown field `salary`"),
    ("missing-field.md", 1, "missing field `soc`"),
    (
        "missing-section.md",
        45,
        "missing section \"## Experience\"",
    ),
    ("unknown-section.md", 24, "unknown section \"## Salary\""),
    (
        "out-of-order.md",
        37,
        "section \"## What the role does\" is out of order: it must come before \"## Skills and qualifications\"",
    ),
    (
        "too-few-duties.md",
        17,
        "\"## Duties and responsibilities\" lists 3 items; it needs 6 to 10",
    ),
    (
        "too-few-skills.md",
        32,
        "\"## Skills and qualifications\" lists 2 items; it needs at least 8",
    ),
    (
        "too-few-questions.md",
        59,
        "\"## Frequently asked questions\" has 1 question; it needs at least 4",
    ),
    (
        "unknown-similar.md",
        6,
        "similar role \"zulu\" does not exist",
    ),
    (
        "similar-to-itself.md",
        6,
        "`similar` lists the role itself (\"similar-to-itself\")",
    ),
    ("raw-html.md", 11, "raw HTML is not allowed"),
    ("malformed-soc.md", 4, "`soc` \"413091\" is not a SOC code"),
    (
        "group-soc.md",
        4,
        "`soc` 41-3000 is not a detailed occupation in the OEWS May 2025 data",
    ),
    (
        "major-group-soc.md",
        4,
        "`soc` 41-0000 is a major group, not a detailed occupation, in the OEWS May 2025 data",
    ),
    (
        "unknown-soc.md",
        4,
        "`soc` 41-3099 is not a detailed occupation in the OEWS May 2025 data",
    ),
    (
        "summary-too-long.md",
        7,
        "`summary` is 161 characters long; the limit is 160",
    ),
    (
        "unknown-category.md",
        5,
        "unknown category \"Astronomy\"; site.toml lists: Sales",
    ),
    (
        "duplicate-title.md",
        2,
        "title \"Alpha\" is already used by",
    ),
    (
        "bad-date.md",
        8,
        "invalid date, expected day between 01 and 28",
    ),
    (
        "unclosed-front-matter.md",
        1,
        "the front matter is never closed",
    ),
    ("level-one-heading.md", 11, "level-1 heading"),
    ("duplicate-slug/alpha.md", 1, "duplicate slug \"alpha\""),
    (
        "missing-posting-summary.md",
        49,
        "missing section \"## Posting summary\"",
    ),
    (
        "summary-third-person.md",
        51,
        "\"## Posting summary\" speaks to the candidate: write it in the second person",
    ),
    (
        "summary-too-short.md",
        51,
        "\"## Posting summary\" has 13 words; it needs 50 to 120",
    ),
    (
        "too-many-requirements.md",
        55,
        "\"## Requirements\" lists 7 items; it needs 3 to 6",
    ),
    (
        "requirements-lead.md",
        55,
        "section \"## Requirements\" is a bullet list only",
    ),
    (
        "british-spelling.md",
        26,
        "\"organise\" is British English; write \"organize\"",
    ),
];

#[test]
fn the_valid_fixture_loads() {
    let dir = content_with(&[]);
    assert_eq!(errors(dir.path()), Vec::<String>::new());
}

/// `errors` is one error, at `prefix` ("file:line: "), saying `phrase`.
fn assert_one_error(errors: &[String], prefix: &str, phrase: &str) {
    assert_eq!(
        errors.len(),
        1,
        "{prefix}expected one error, got {errors:#?}"
    );
    assert!(
        errors[0].starts_with(prefix) && errors[0].contains(phrase),
        "expected `{prefix}...{phrase}...`, got `{}`",
        errors[0]
    );
}

#[test]
fn each_fixture_gives_its_error_at_its_line() {
    for (file, line, phrase) in CASES {
        let dir = content_with(&[file]);
        assert_one_error(
            &errors(dir.path()),
            &format!("roles/{file}:{line}: "),
            phrase,
        );
    }
}

#[test]
fn every_error_is_reported_not_only_the_first() {
    let files: Vec<&str> = CASES.iter().map(|(file, _, _)| *file).collect();
    let dir = content_with(&files);
    let errors = errors(dir.path());
    for (file, line, phrase) in CASES {
        let prefix = format!("roles/{file}:{line}: ");
        assert!(
            errors
                .iter()
                .any(|e| e.starts_with(&prefix) && e.contains(phrase)),
            "missing `{prefix}{phrase}` in {errors:#?}"
        );
    }
}

#[test]
fn one_file_with_several_problems_reports_them_all() {
    let dir = content_with(&[]);
    let role = fs::read_to_string(dir.path().join("roles/alpha.md")).expect("read");
    let broken = role
        .replace("soc = \"41-3091\"", "soc = \"oops\"")
        .replace("The intro paragraph", "The <i>intro</i> paragraph")
        .replace("- Duty number 6 for the fixture\n", "");
    fs::write(dir.path().join("roles/alpha.md"), broken).expect("write");
    let errors = errors(dir.path());
    assert_eq!(errors.len(), 3, "{errors:#?}");
    assert!(
        errors[0].starts_with("roles/alpha.md:4: `soc` \"oops\""),
        "{}",
        errors[0]
    );
    assert!(
        errors[1].starts_with("roles/alpha.md:11: raw HTML"),
        "{}",
        errors[1]
    );
    assert!(
        errors[2]
            .starts_with("roles/alpha.md:17: \"## Duties and responsibilities\" lists 5 items"),
        "{}",
        errors[2]
    );
}

#[test]
fn a_missing_content_directory_is_an_error_not_a_panic() {
    let dir = tempfile::tempdir().expect("temp dir");
    let errors = errors(dir.path());
    assert!(
        errors
            .iter()
            .any(|e| e.starts_with("site.toml:1: cannot read the file")),
        "{errors:#?}"
    );
    assert!(
        errors
            .iter()
            .any(|e| e.starts_with("roles:1: cannot read the directory")),
        "{errors:#?}"
    );
}

/// (article fixture, line, a phrase the message must contain)
const ARTICLE_CASES: &[(&str, usize, &str)] = &[
    ("unknown-field.md", 9, "unknown field `draft`"),
    ("missing-field.md", 1, "missing field `author`"),
    (
        "unknown-category.md",
        4,
        "unknown category \"Gossip\"; site.toml's article_categories lists: Guides",
    ),
    (
        "unknown-related.md",
        8,
        "related role \"zulu\" does not exist",
    ),
    (
        "outside-link.md",
        11,
        "link to \"https://example.com\": link only to pages of this site",
    ),
    (
        "broken-link.md",
        11,
        "link to \"/job-descriptions/zulu\" leads to no page of this site",
    ),
    ("raw-html.md", 11, "raw HTML is not allowed"),
    ("level-one-heading.md", 11, "level-1 heading"),
    (
        "repeated-heading.md",
        15,
        "the heading \"Same\" is used twice",
    ),
    ("image.md", 11, "images are not supported"),
    (
        "updated-before-published.md",
        7,
        "`updated` is before `published`",
    ),
];

#[test]
fn each_article_fixture_gives_its_error_at_its_line() {
    for (file, line, phrase) in ARTICLE_CASES {
        let dir = common::fixture_content(&[(
            format!("invalid-articles/{file}"),
            format!("articles/{file}"),
        )]);
        assert_one_error(
            &errors(dir.path()),
            &format!("articles/{file}:{line}: "),
            phrase,
        );
    }
}

#[test]
fn the_valid_fixture_article_loads_with_its_table_of_contents() {
    let dir = content_with(&[]);
    let library = Library::load(dir.path()).expect("valid");
    let article = library.article("guide").expect("the fixture article");
    let toc: Vec<&str> = article.body.toc.iter().map(|e| e.id.as_str()).collect();
    assert_eq!(toc, ["first-section", "a-detail", "second-section"]);
    assert!(article.body.html.contains("<h2 id=\"first-section\">"));
}

/// (line, a phrase the message must contain) for `invalid-titles/41-sales.toml`.
const TITLE_CASES: &[(usize, &str)] = &[
    (6, "empty title"),
    (7, "title \"Fixture  seller\" is listed twice: also at "),
    (8, "is 89 characters long; the limit is 80"),
    (
        13,
        "\"Alpha Lead\" is listed under 41-2031, but it is a title or alias of ",
    ),
    (
        14,
        "\"Retail Salespersons\" is the official title of 41-2031",
    ),
    (17, "unknown SOC code \"41-9999\""),
];

#[test]
fn every_problem_of_the_title_dictionary_is_reported_at_its_line() {
    let dir = common::fixture_content(&[(
        "invalid-titles/41-sales.toml".to_owned(),
        "data/titles/41-sales.toml".to_owned(),
    )]);
    let errors = errors(dir.path());
    assert_eq!(errors.len(), TITLE_CASES.len(), "{errors:#?}");
    for (line, phrase) in TITLE_CASES {
        let prefix = format!("data/titles/41-sales.toml:{line}: ");
        assert!(
            errors
                .iter()
                .any(|e| e.starts_with(&prefix) && e.contains(phrase)),
            "missing `{prefix}{phrase}` in {errors:#?}"
        );
    }
    assert!(
        errors
            .iter()
            .any(|e| e.contains("41-sales.toml:4 (under 41-3091)")),
        "the repeat names the first: {errors:#?}"
    );
    assert!(
        errors
            .iter()
            .any(|e| e.contains("roles/alpha.md, which is 41-3091")),
        "the clash names the role: {errors:#?}"
    );
}

#[test]
fn a_broken_data_file_hides_no_other_problem_and_is_not_called_front_matter() {
    let dir = content_with(&["unknown-similar.md", "british-spelling.md"]);
    fs::write(
        dir.path().join("data/pay-transparency.toml"),
        "reviewed = 2026-11-23\n[[rules]]\njurisdiction = \"X\"\nstate = \nlaw = \"Y\"\n",
    )
    .expect("write");
    fs::create_dir_all(dir.path().join("data/titles")).expect("titles dir");
    fs::write(
        dir.path().join("data/titles/41-sales.toml"),
        "41-3091 = [\"Seller\"\n",
    )
    .expect("write");
    let errors = errors(dir.path());
    let has = |prefix: &str, phrase: &str| {
        errors
            .iter()
            .any(|e| e.starts_with(prefix) && e.contains(phrase))
    };
    assert!(
        has("data/pay-transparency.toml:4: TOML: ", ""),
        "{errors:#?}"
    );
    assert!(
        has("data/titles/41-sales.toml:1: TOML: ", ""),
        "{errors:#?}"
    );
    assert!(
        !errors.iter().any(|e| e.contains("front matter")),
        "{errors:#?}"
    );
    assert!(
        has(
            "roles/unknown-similar.md:6: ",
            "similar role \"zulu\" does not exist"
        ),
        "{errors:#?}"
    );
    assert!(
        has("roles/british-spelling.md:26: ", "British English"),
        "{errors:#?}"
    );
}

#[test]
fn the_title_dictionary_gives_each_code_its_titles_most_common_first() {
    let dir = content_with(&[]);
    fs::create_dir_all(dir.path().join("data/titles")).expect("titles dir");
    fs::write(
        dir.path().join("data/titles/41-sales.toml"),
        "41-3091 = [\"Service Sales Rep\", \"Alpha Lead\"]\n41-2031 = [\"Sales Clerk\"]\n",
    )
    .expect("write");
    let library = Library::load(dir.path()).expect("valid");
    let soc = rolebook::wages::SocCode::parse("41-3091").expect("code");
    assert_eq!(
        library.titles().most_common(&soc),
        Some("Service Sales Rep")
    );
    assert_eq!(
        library.titles().titles().len(),
        3,
        "a role's own alias under its code is fine"
    );
}

#[test]
fn the_posting_checkers_word_lists_report_every_problem_at_its_line() {
    let dir = content_with(&[]);
    fs::write(
        dir.path().join("data/gender-coded-words.toml"),
        "source = \"A study\"\nmasculine = [\n  \"lead*\",\n  \"Compete\",\n]\nfeminine = [\"lead*\"]\n",
    )
    .expect("write");
    fs::write(
        dir.path().join("data/excluding-words.toml"),
        "[[term]]\nwords = [\"ninja\"]\nkind = \"jargon\"\nwhy = \"x\"\ninstead = \"y\"\n\n[[term]]\nwords = [\"Ninja!\"]\nkind = \"slang\"\nwhy = \"x\"\ninstead = \"y\"\n",
    )
    .expect("write");
    let errors = errors(dir.path());
    for (prefix, phrase) in [
        (
            "data/gender-coded-words.toml:4: ",
            "\"Compete\" is not a lowercase word",
        ),
        (
            "data/gender-coded-words.toml:6: ",
            "\"lead*\" is listed twice",
        ),
        ("data/excluding-words.toml:9: ", "unknown variant `slang`"),
    ] {
        assert!(
            errors
                .iter()
                .any(|e| e.starts_with(prefix) && e.contains(phrase)),
            "{prefix}{phrase} in {errors:#?}"
        );
    }
}
