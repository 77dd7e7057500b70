//! Every rule with a posting that trips it and one that does not.

use time::macros::date;

use super::*;
use crate::builder::posting::Location;
use crate::content::wording::parse_terms;

fn rules_data() -> (CodedWords, Vec<Term>, PayRules) {
    let coded = CodedWords::parse(include_str!(
        "../../../content/data/gender-coded-words.toml"
    ))
    .expect("coded words");
    let terms =
        parse_terms(include_str!("../../../content/data/excluding-words.toml")).expect("terms");
    let pay = PayRules::parse(
        include_str!("../../../content/data/pay-transparency.toml"),
        |_| true,
    )
    .expect("pay rules");
    (coded, terms, pay)
}

/// A plain, complete posting in Ohio that trips nothing, with our default equal
/// opportunity statement: 32 short duties and two paragraphs (about 400 words).
fn clean() -> PostingText {
    PostingText {
        title: "Store Associate".into(),
        paragraphs: vec![
            "You will help customers at our store in Dayton. You will work with a team of six."
                .into(),
        ],
        bullets: vec!["Stock the shelves and help each customer find what they need.".into(); 32],
        statement: vec![crate::builder::DEFAULT_EEO.into()],
        required: 3,
        pay: true,
        location: Some(Location::Place {
            city: "Dayton".into(),
            state: "Ohio".into(),
        }),
        benefits: true,
        closing_date: true,
        apply: true,
        eeo: true,
    }
}

fn kinds(posting: &PostingText) -> Vec<(Kind, String)> {
    let (coded, terms, pay_rules) = rules_data();
    let rules = Rules {
        coded: &coded,
        terms: &terms,
        pay_rules: &pay_rules,
    };
    review(posting, &rules, date!(2026 - 12 - 02))
        .findings
        .into_iter()
        .map(|f| (f.kind, f.subject))
        .collect()
}

fn has(posting: &PostingText, kind: Kind, words: &str) -> bool {
    kinds(posting)
        .iter()
        .any(|(k, subject)| *k == kind && subject.contains(words))
}

#[test]
fn a_clean_posting_has_no_findings() {
    assert_eq!(kinds(&clean()), []);
}

#[test]
fn gender_coded_wording_is_flagged_when_masculine_words_outnumber_feminine() {
    let mut posting = clean();
    posting
        .paragraphs
        .push("We want a competitive, decisive and assertive self-starter.".into());
    assert!(has(
        &posting,
        Kind::GenderCoded,
        "3 masculine-coded (competitive, decisive, assertive)"
    ));
    posting
        .paragraphs
        .push("You are supportive, warm and committed to the team.".into());
    assert!(
        !kinds(&posting).iter().any(|(k, _)| *k == Kind::GenderCoded),
        "balanced"
    );
}

#[test]
fn every_listed_excluding_term_is_found_and_plain_words_are_not() {
    for (text, label) in [
        ("We want a young team.", "Age-coded: “young”"),
        ("Ideal for digital natives.", "“digital natives”"),
        ("Open to recent graduates.", "“recent graduates”"),
        ("Native English speaker required.", "National origin"),
        ("Must be able-bodied.", "Disability: “able bodied”"),
        ("Join us as a salesman.", "Gendered job title: “salesman”"),
        ("Our waitress staff.", "“waitress”"),
        ("Report to the foreman.", "“foreman”"),
        ("Be a rockstar.", "Says nothing: “rockstar”"),
        ("We work hard, play hard.", "“work hard play hard”"),
    ] {
        let mut posting = clean();
        posting.paragraphs.push(text.into());
        assert!(has(&posting, Kind::Excluding, label), "{text}");
    }
    let mut posting = clean();
    posting
        .paragraphs
        .push("Salespeople and servers work with a crew lead. Youngstown store.".into());
    assert!(!kinds(&posting).iter().any(|(k, _)| *k == Kind::Excluding));
}

#[test]
fn physical_demands_need_the_accommodation_phrase() {
    let mut posting = clean();
    posting.bullets[0] = "Lift boxes of up to 40 pounds.".into();
    assert!(has(&posting, Kind::Excluding, "a physical demand (“lift”)"));
    posting.bullets[0] =
        "Lift boxes of up to 40 pounds, with or without reasonable accommodation.".into();
    assert!(!has(&posting, Kind::Excluding, "physical demand"));
}

#[test]
fn competitive_salary_is_flagged_only_without_a_range() {
    let mut posting = clean();
    posting
        .paragraphs
        .push("We pay a competitive salary.".into());
    assert!(
        !has(&posting, Kind::Excluding, "competitive salary"),
        "a range is given"
    );
    posting.pay = false;
    assert!(has(
        &posting,
        Kind::Excluding,
        "“competitive salary” with no pay range"
    ));
}

#[test]
fn hard_text_and_long_sentences_are_flagged() {
    let mut posting = clean();
    let hard = "Comprehensive organizational responsibilities necessitate exceptional interpersonal communication capabilities alongside demonstrated administrative proficiency.";
    for _ in 0..6 {
        posting.paragraphs.push(hard.into());
    }
    assert!(has(
        &posting,
        Kind::Readability,
        "hardest: “Comprehensive organizational"
    ));
    let mut long = clean();
    long.paragraphs.push(
        "You will greet each customer at the door and walk with them to the aisle they need and then show them the items we have and help them choose and carry their bags to the car."
            .into(),
    );
    assert!(has(&long, Kind::Readability, "A sentence of 36 words"));
    assert!(!kinds(&clean()).iter().any(|(k, _)| *k == Kind::Readability));
}

#[test]
fn length_lists_and_requirements_are_measured() {
    let mut short = clean();
    short.bullets.truncate(5);
    assert!(has(&short, Kind::Shape, "words"));
    let mut dense = clean();
    dense.paragraphs =
        vec!["You will help customers find what they need in the store each day.".into(); 40];
    dense.bullets.truncate(2);
    assert!(has(&dense, Kind::Shape, "of the words are in lists"));
    let mut many = clean();
    many.required = 9;
    assert!(has(&many, Kind::Shape, "9 required qualifications"));
    assert!(!kinds(&clean()).iter().any(|(k, _)| *k == Kind::Shape));
}

#[test]
fn what_the_location_requires_and_the_basics_are_checked() {
    let mut colorado = clean();
    colorado.location = Some(Location::Place {
        city: "Denver".into(),
        state: "Colorado".into(),
    });
    assert!(
        !kinds(&colorado)
            .iter()
            .any(|(k, _)| *k == Kind::Completeness)
    );
    colorado.pay = false;
    colorado.benefits = false;
    colorado.closing_date = false;
    for field in ["Pay range", "Benefits", "Closing date"] {
        assert!(has(&colorado, Kind::Completeness, field), "{field}");
    }
    let mut bare = clean();
    bare.location = None;
    bare.apply = false;
    bare.eeo = false;
    for field in ["Location", "How to apply", "Equal opportunity statement"] {
        assert!(has(&bare, Kind::Completeness, field), "{field}");
    }
}

#[test]
fn the_summary_counts_findings_by_kind() {
    let mut posting = clean();
    posting.apply = false;
    posting.required = 9;
    let (coded, terms, pay_rules) = rules_data();
    let rules = Rules {
        coded: &coded,
        terms: &terms,
        pay_rules: &pay_rules,
    };
    let review = review(&posting, &rules, date!(2026 - 12 - 02));
    assert_eq!(
        review.summary(),
        "2 findings: 1 posting laws and completeness, 1 length and shape."
    );
    assert!(review.grade.is_some_and(|g| g < 8.0), "{:?}", review.grade);
}
