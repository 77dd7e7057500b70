//! The shipped content meets the editorial rules: the required roles exist (among them
//! one for each of the 150 largest occupations), each has enough prose, no passage is
//! shared between two role files, and the title dictionary covers every occupation.

mod common;

use std::collections::{HashMap, HashSet};
use std::fs;
use std::hash::{DefaultHasher, Hash, Hasher};

use common::{content_dir, library};
use rolebook::wages::{Level, SocCode};
use rolebook::words::normalize;

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
/// How many of the largest occupations must each have a role page.
const LARGEST: usize = 150;
/// The fewest titles the dictionary holds, and the fewest per occupation besides its
/// official title.
const MIN_TITLES: usize = 3000;
const MIN_TITLES_PER_OCCUPATION: usize = 2;

#[test]
fn every_required_role_exists() {
    for slug in REQUIRED {
        assert!(library().role(slug).is_some(), "missing role {slug}");
    }
}

#[test]
fn each_of_the_150_largest_occupations_has_a_role_page() {
    let ranking =
        fs::read_to_string(content_dir().join("../tests/data/occupations-by-employment.tsv"))
            .expect("the ranking");
    let mut missing = Vec::new();
    for line in ranking.lines().skip(1).take(LARGEST) {
        let fields: Vec<&str> = line.split('\t').collect();
        let soc = SocCode::parse(fields[1]).expect("a code");
        if library().roles_for(&soc).next().is_none() {
            missing.push(format!("rank {} {} {}", fields[0], fields[1], fields[2]));
        }
    }
    assert!(
        missing.is_empty(),
        "no role page for:\n{}",
        missing.join("\n")
    );
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

fn hash(run: &[String]) -> u64 {
    let mut hasher = DefaultHasher::new();
    run.hash(&mut hasher);
    hasher.finish()
}

/// Every run of [`SHARED_RUN`] words found in more than one of `files`, as
/// "a & b: the run". Each window is hashed once, so the check is linear in the words.
fn shared_runs(files: &[(String, Vec<String>)]) -> Vec<String> {
    let mut first_seen: HashMap<u64, (usize, usize)> = HashMap::new();
    let mut shared = Vec::new();
    for (file, (_, words)) in files.iter().enumerate() {
        for (at, run) in words.windows(SHARED_RUN).enumerate() {
            match first_seen.get(&hash(run)) {
                Some(&(other, other_at)) if other != file => {
                    let other_run = &files[other].1[other_at..other_at + SHARED_RUN];
                    // A hash collision would only be a false alarm; compare to be sure.
                    if other_run == run {
                        shared.push(format!(
                            "{} & {}: {}",
                            files[other].0,
                            files[file].0,
                            run.join(" ")
                        ));
                    }
                }
                Some(_) => {}
                None => {
                    first_seen.insert(hash(run), (file, at));
                }
            }
        }
    }
    shared
}

#[test]
fn no_run_of_12_words_appears_in_two_role_files() {
    let mut files = Vec::new();
    for entry in fs::read_dir(content_dir().join("roles")).expect("roles dir") {
        let path = entry.expect("entry").path();
        let source = fs::read_to_string(&path).expect("read role");
        let name = path
            .file_name()
            .expect("name")
            .to_string_lossy()
            .into_owned();
        files.push((name, prose_words(&source)));
    }
    files.sort();
    assert!(files.len() >= REQUIRED.len());
    let shared = shared_runs(&files);
    assert!(
        shared.is_empty(),
        "shared 12-word runs:\n{}",
        shared.join("\n")
    );
}

#[test]
fn the_shared_run_check_can_fail() {
    let words = |text: &str| prose_words(&format!("+++\n+++\n{text}"));
    let files = vec![
        (
            "a".to_owned(),
            words("## Heading\nOne two three four five six seven eight nine ten eleven twelve."),
        ),
        (
            "b".to_owned(),
            words("Zero one two three four five six seven eight nine ten eleven twelve"),
        ),
        (
            "c".to_owned(),
            words("One two three four five six seven eight nine ten eleven"),
        ),
    ];
    assert_eq!(
        shared_runs(&files),
        ["a & b: one two three four five six seven eight nine ten eleven twelve"]
    );
    let within_one_file = vec![(
        "a".to_owned(),
        words(&"one two three four five six ".repeat(6)),
    )];
    assert!(
        shared_runs(&within_one_file).is_empty(),
        "a file may repeat itself"
    );
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

/// Runs of this many words in both a role's intro and its posting summary mean the
/// summary reworded the intro instead of speaking to the candidate.
const REWORDED_RUN: usize = 7;

#[test]
fn no_posting_summary_rewords_its_intro() {
    for role in library().roles() {
        let words = |text: &str| prose_words(&format!("+++\n+++\n{text}"));
        let intro: HashSet<Vec<String>> = words(&role.body.intro_text)
            .windows(REWORDED_RUN)
            .map(<[String]>::to_vec)
            .collect();
        let repeated: Vec<String> = words(&role.body.posting_summary)
            .windows(REWORDED_RUN)
            .filter(|run| intro.contains(*run))
            .map(|run| run.join(" "))
            .collect();
        assert!(
            repeated.is_empty(),
            "{}: the posting summary repeats the intro: {repeated:?}",
            role.slug
        );
    }
}

#[test]
fn the_title_dictionary_covers_every_occupation() {
    let titles = library().titles();
    assert!(
        titles.titles().len() >= MIN_TITLES,
        "{} titles; at least {MIN_TITLES} wanted",
        titles.titles().len()
    );
    let wages = library().wages();
    let mut thin = Vec::new();
    for occupation in wages.occupations().filter(|o| o.level == Level::Detailed) {
        let official = normalize(&occupation.title);
        let count = titles
            .of(&occupation.soc)
            .filter(|t| normalize(&t.title) != official)
            .count();
        if count < MIN_TITLES_PER_OCCUPATION {
            thin.push(format!(
                "{} {} has {count}",
                occupation.soc, occupation.title
            ));
        }
    }
    assert!(
        thin.is_empty(),
        "occupations with fewer than {MIN_TITLES_PER_OCCUPATION} titles:\n{}",
        thin.join("\n")
    );
}

#[test]
fn the_titles_the_issue_names_map_to_their_occupations() {
    let titles = library().titles();
    let code_of = |title: &str| {
        titles
            .titles()
            .iter()
            .find(|t| normalize(&t.title) == normalize(title))
            .map(|t| t.soc.to_string())
    };
    let roles = library();
    let role_code = |title: &str| {
        roles
            .roles()
            .iter()
            .find(|r| {
                std::iter::once(&r.title)
                    .chain(&r.aliases)
                    .any(|n| normalize(n) == normalize(title))
            })
            .map(|r| r.soc.to_string())
    };
    for (title, soc) in [
        ("Prep Cook", "35-2021"),
        ("Stocker", "53-7065"),
        ("Host", "35-9031"),
        ("Loan Officer", "13-2072"),
        ("Electrician's Helper", "47-3013"),
        ("Pharmacy Aide", "31-9095"),
        ("CMA", "31-9092"),
        ("CPA", "13-2011"),
        ("QA Tester", "15-1253"),
        ("IT Tech", "15-1232"),
        ("PCA", "31-1120"),
        ("Senior Accountant", "13-2011"),
        ("Junior Web Developer", "15-1254"),
    ] {
        let found = code_of(title).or_else(|| role_code(title));
        assert_eq!(found.as_deref(), Some(soc), "{title}");
    }
}
