//! Wording: the gender-coded stems of Gaucher, Friesen & Kay (2011), our list of words
//! that exclude, physical demands stated without an accommodation, and "competitive
//! salary" with no range.

use super::{Finding, Kind, PostingText};
use crate::content::wording::{CodedWords, Stem, Term, TermKind};
use crate::words::words;

/// The coded words found, and a finding when the masculine ones outnumber the feminine.
pub struct Coded {
    /// Masculine-coded words, each once, in order of appearance.
    pub masculine: Vec<String>,
    /// Feminine-coded words, likewise.
    pub feminine: Vec<String>,
    /// The finding, if any.
    pub finding: Option<Finding>,
}

/// Words of `posting` matching `stems`, each once.
fn found(posting: &PostingText, stems: &[Stem]) -> Vec<String> {
    let mut hits: Vec<String> = Vec::new();
    for word in posting
        .pieces()
        .flat_map(|piece| words(piece).collect::<Vec<_>>())
    {
        if stems.iter().any(|s| s.matches(&word)) && !hits.contains(&word) {
            hits.push(word);
        }
    }
    hits
}

/// The balance of gender-coded words.
pub fn gender_coded(posting: &PostingText, coded: &CodedWords) -> Coded {
    let masculine = found(posting, &coded.masculine);
    let feminine = found(posting, &coded.feminine);
    let finding = (masculine.len() > feminine.len()).then(|| Finding {
        kind: Kind::GenderCoded,
        subject: format!(
            "{} masculine-coded ({}) against {} feminine-coded{}",
            masculine.len(),
            masculine.join(", "),
            feminine.len(),
            if feminine.is_empty() {
                String::new()
            } else {
                format!(" ({})", feminine.join(", "))
            }
        ),
        why: format!(
            "In five studies of real job ads, wording with more masculine-coded words made jobs less appealing to women and lowered their sense that they would belong, without changing how able they felt to do the work. Source: {}.",
            coded.source
        ),
        instead: "Swap some masculine-coded words for plain descriptions of the task (\"sets the weekly schedule for a team of six\" rather than \"a decisive leader\"), or balance them with what the job offers a team player. A word that is simply accurate can stay.".to_owned(),
    });
    Coded {
        masculine,
        feminine,
        finding,
    }
}

/// True when `phrase` (normalized words) appears in `text`'s words.
fn contains(text: &[String], phrase: &str) -> bool {
    let wanted: Vec<&str> = phrase.split(' ').collect();
    text.windows(wanted.len())
        .any(|window| window.iter().zip(&wanted).all(|(a, b)| a == b))
}

/// Words that suggest physical demands.
const PHYSICAL: &[&str] = &[
    "lift", "lifting", "lifts", "pounds", "lbs", "kneel", "kneeling", "stoop", "stooping",
];

/// Every listed term found, once each, and the two rules that need more than a word.
pub fn excluding(posting: &PostingText, terms: &[Term]) -> Vec<Finding> {
    let pieces: Vec<Vec<String>> = posting.pieces().map(|p| words(p).collect()).collect();
    let anywhere = |phrase: &str| pieces.iter().any(|words| contains(words, phrase));
    let mut findings: Vec<Finding> = terms
        .iter()
        .filter_map(|term| {
            let phrase = term.phrases.iter().find(|p| anywhere(p))?;
            Some(Finding {
                kind: Kind::Excluding,
                subject: format!("{}: \u{201c}{phrase}\u{201d}", term.kind.label()),
                why: term.why.clone(),
                instead: term.instead.clone(),
            })
        })
        .collect();
    let physical = pieces
        .iter()
        .flatten()
        .find(|w| PHYSICAL.contains(&w.as_str()));
    if let Some(word) = physical
        && !anywhere("reasonable accommodation")
        && !anywhere("reasonable accommodations")
    {
        findings.push(Finding {
            kind: Kind::Excluding,
            subject: format!(
                "{}: a physical demand (\u{201c}{word}\u{201d}) without \u{201c}with or without reasonable accommodation\u{201d}",
                TermKind::Disability.label()
            ),
            why: "Under the Americans with Disabilities Act, what counts is whether someone can do the essential functions of the job, with or without reasonable accommodation. A bare physical demand tells people with disabilities not to apply even when an adjustment would let them do the work.".to_owned(),
            instead: "Describe the task and add the phrase: \"regularly lifts boxes of up to 40 pounds, with or without reasonable accommodation\".".to_owned(),
        });
    }
    let competitive = [
        "competitive salary",
        "competitive pay",
        "competitive compensation",
        "competitive wage",
        "competitive wages",
    ]
    .iter()
    .find(|p| anywhere(p));
    if let (Some(phrase), false) = (competitive, posting.pay) {
        findings.push(Finding {
            kind: Kind::Excluding,
            subject: format!("{}: \u{201c}{phrase}\u{201d} with no pay range", TermKind::Jargon.label()),
            why: "Every employer calls its pay competitive, so the phrase tells a candidate nothing, and several states require a range in every posting.".to_owned(),
            instead: "Give the range: \"$52,000 to $60,000 a year\".".to_owned(),
        });
    }
    findings
}
