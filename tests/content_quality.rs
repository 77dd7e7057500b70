//! The shipped role files meet the editorial rules: the required roles exist, each
//! has enough prose, and no passage is shared between two role files.

mod common;

use std::collections::{BTreeMap, HashSet};
use std::fs;

use common::{content_dir, library};

/// The roles the first release promised, each written by us.
const REQUIRED: [&str; 15] = [
    "account-manager",
    "account-executive",
    "account-representative",
    "account-officer",
    "account-clerk",
    "sales-manager",
    "sales-representative",
    "customer-service-representative",
    "customer-success-manager",
    "marketing-manager",
    "administrative-assistant",
    "office-manager",
    "accountant",
    "software-engineer",
    "registered-nurse",
];

const MIN_WORDS: usize = 600;
const SHARED_RUN: usize = 12;

#[test]
fn every_required_role_exists() {
    for slug in REQUIRED {
        assert!(library().role(slug).is_some(), "missing role {slug}");
    }
}

#[test]
fn every_role_has_at_least_600_words() {
    for role in library().roles() {
        assert!(
            role.body.word_count >= MIN_WORDS,
            "{} has {} words; it needs {MIN_WORDS}",
            role.slug,
            role.body.word_count
        );
    }
}

/// The words of a role file's body, headings left out, lowercased, punctuation dropped.
fn prose_words(source: &str) -> Vec<String> {
    let body = source.splitn(3, "+++").nth(2).unwrap_or_default();
    body.lines()
        .filter(|line| !line.trim_start().starts_with('#'))
        .flat_map(|line| line.split_whitespace())
        .map(|word| {
            word.chars()
                .filter(|c| c.is_alphanumeric() || *c == '\'' || *c == '’')
                .collect::<String>()
                .to_lowercase()
                .replace('’', "'")
        })
        .filter(|word| !word.is_empty())
        .collect()
}

fn runs(words: &[String]) -> HashSet<String> {
    words.windows(SHARED_RUN).map(|run| run.join(" ")).collect()
}

#[test]
fn no_run_of_12_words_appears_in_two_role_files() {
    let mut by_file: BTreeMap<String, HashSet<String>> = BTreeMap::new();
    for entry in fs::read_dir(content_dir().join("roles")).expect("roles dir") {
        let path = entry.expect("entry").path();
        let source = fs::read_to_string(&path).expect("read role");
        let name = path
            .file_name()
            .expect("name")
            .to_string_lossy()
            .into_owned();
        by_file.insert(name, runs(&prose_words(&source)));
    }
    assert!(by_file.len() >= REQUIRED.len());
    let files: Vec<(&String, &HashSet<String>)> = by_file.iter().collect();
    let mut shared = Vec::new();
    for (i, (a, a_runs)) in files.iter().enumerate() {
        for (b, b_runs) in &files[i + 1..] {
            shared.extend(
                a_runs
                    .intersection(b_runs)
                    .map(|run| format!("{a} & {b}: {run}")),
            );
        }
    }
    assert!(
        shared.is_empty(),
        "shared 12-word runs:\n{}",
        shared.join("\n")
    );
}

#[test]
fn the_shared_run_check_can_fail() {
    let a = prose_words(
        "+++\n+++\n## Heading\nOne two three four five six seven eight nine ten eleven twelve.",
    );
    let b = prose_words(
        "+++\n+++\nZero one two three four five six seven eight nine ten eleven twelve",
    );
    assert_eq!(runs(&a).intersection(&runs(&b)).count(), 1);
    let c = prose_words("+++\n+++\nOne two three four five six seven eight nine ten eleven");
    assert_eq!(runs(&a).intersection(&runs(&c)).count(), 0);
}

#[test]
fn no_role_quotes_a_pay_figure_in_its_prose() {
    for entry in fs::read_dir(content_dir().join("roles")).expect("roles dir") {
        let path = entry.expect("entry").path();
        let source = fs::read_to_string(&path).expect("read role");
        let body = source.splitn(3, "+++").nth(2).unwrap_or_default();
        assert!(
            !body.contains('$'),
            "{}: pay figures come from the wage data, not prose",
            path.display()
        );
    }
}
