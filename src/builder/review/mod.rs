//! The posting checker: what in a job posting may cost the employer applicants or break
//! a posting law, each finding with the words or field, why it matters (with its
//! source) and what to write instead. It advises and never blocks saving; there is no
//! score, only a count of findings by kind. The word lists are content data
//! (`content/data/gender-coded-words.toml`, `content/data/excluding-words.toml`).

mod completeness;
mod readability;
mod shape;
mod text;
mod wording;

#[cfg(test)]
mod tests;

use time::Date;

pub use readability::{grade, syllables};
pub use text::PostingText;

use crate::content::laws::PayRules;
use crate::content::wording::{CodedWords, Term};

/// What a finding is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Masculine-coded wording outweighs feminine-coded wording.
    GenderCoded,
    /// Words that turn groups of people away.
    Excluding,
    /// Hard to read.
    Readability,
    /// Too long, too short, too dense, too many requirements.
    Shape,
    /// What a posting law or a candidate needs and the posting lacks.
    Completeness,
}

impl Kind {
    /// Every kind, in the order findings are shown.
    pub const ALL: [Kind; 5] = [
        Kind::Completeness,
        Kind::Excluding,
        Kind::GenderCoded,
        Kind::Readability,
        Kind::Shape,
    ];

    /// As the summary names it.
    pub fn label(self) -> &'static str {
        match self {
            Kind::GenderCoded => "gender-coded wording",
            Kind::Excluding => "words that exclude",
            Kind::Readability => "readability",
            Kind::Shape => "length and shape",
            Kind::Completeness => "posting laws and completeness",
        }
    }
}

/// One thing to look at.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    /// Its kind.
    pub kind: Kind,
    /// The words or the field it is about.
    pub subject: String,
    /// Why it matters, and the source.
    pub why: String,
    /// What to write instead.
    pub instead: String,
}

/// Everything the checker found, and the measures behind it.
#[derive(Debug, Clone)]
pub struct Review {
    /// The findings, by kind in [`Kind::ALL`] order.
    pub findings: Vec<Finding>,
    /// Words in the posting.
    pub words: usize,
    /// Characters in the posting.
    pub characters: usize,
    /// Flesch-Kincaid grade of the whole posting, when it has words.
    pub grade: Option<f64>,
    /// Masculine-coded words found, each once.
    pub masculine: Vec<String>,
    /// Feminine-coded words found, each once.
    pub feminine: Vec<String>,
}

impl Review {
    /// "3 findings: 1 posting laws and completeness, 2 readability", or "No findings".
    pub fn summary(&self) -> String {
        if self.findings.is_empty() {
            return "No findings.".to_owned();
        }
        let counts: Vec<String> = Kind::ALL
            .iter()
            .filter_map(|kind| {
                let n = self.findings.iter().filter(|f| f.kind == *kind).count();
                (n > 0).then(|| format!("{n} {}", kind.label()))
            })
            .collect();
        let n = self.findings.len();
        let plural = if n == 1 { "finding" } else { "findings" };
        format!("{n} {plural}: {}.", counts.join(", "))
    }
}

/// The word lists and laws the checker applies.
pub struct Rules<'a> {
    /// Gender-coded stems.
    pub coded: &'a CodedWords,
    /// Words that exclude.
    pub terms: &'a [Term],
    /// Pay transparency laws.
    pub pay_rules: &'a PayRules,
}

/// Checks `posting` against every rule, as of `today`.
pub fn review(posting: &PostingText, rules: &Rules<'_>, today: Date) -> Review {
    let mut findings = completeness::findings(posting, rules.pay_rules, today);
    findings.extend(wording::excluding(posting, rules.terms));
    let coded = wording::gender_coded(posting, rules.coded);
    findings.extend(coded.finding.clone());
    let readable = readability::findings(posting);
    findings.extend(readable.findings);
    let shape = shape::measure(posting);
    findings.extend(shape.findings);
    findings.sort_by_key(|f| Kind::ALL.iter().position(|k| *k == f.kind));
    Review {
        findings,
        words: shape.words,
        characters: shape.characters,
        grade: readable.grade,
        masculine: coded.masculine,
        feminine: coded.feminine,
    }
}
