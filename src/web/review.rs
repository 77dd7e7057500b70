//! The posting checker's findings as pages show them: on a saved draft, and on the form
//! when it comes back with errors.

use crate::builder::review::{self, Finding, Kind, PostingText, Review, Rules};
use crate::builder::{JobForm, JobPosting, Location};
use crate::dates::today;

use super::Site;

/// Findings grouped by kind, with the measures behind them.
pub struct ReviewView {
    /// "3 findings: …" or "No findings."
    pub summary: String,
    /// Each kind with findings: its heading and its findings.
    pub groups: Vec<(String, Vec<Finding>)>,
    /// The measures: words, characters, grade, coded words.
    pub facts: Vec<(&'static str, String)>,
}

impl ReviewView {
    /// The review of a saved posting.
    pub fn of_posting(site: &Site, posting: &JobPosting) -> Self {
        Self::of(site, &PostingText::from_posting(posting))
    }

    /// The review of a form as typed, at `location` when it could be read.
    pub fn of_form(site: &Site, form: &JobForm, location: Option<Location>) -> Self {
        Self::of(site, &PostingText::from_form(form, location))
    }

    fn of(site: &Site, text: &PostingText) -> Self {
        let library = &site.library;
        let rules = Rules {
            coded: library.coded_words(),
            terms: library.excluding_terms(),
            pay_rules: library.pay_rules(),
        };
        Self::from_review(review::review(text, &rules, today()))
    }

    fn from_review(review: Review) -> Self {
        let summary = review.summary();
        let groups = Kind::ALL
            .iter()
            .filter_map(|kind| {
                let findings: Vec<Finding> = review
                    .findings
                    .iter()
                    .filter(|f| f.kind == *kind)
                    .cloned()
                    .collect();
                let mut label = kind.label().to_owned();
                label[..1].make_ascii_uppercase();
                (!findings.is_empty()).then_some((label, findings))
            })
            .collect();
        let coded = |words: &[String]| {
            if words.is_empty() {
                "0".to_owned()
            } else {
                format!("{} ({})", words.len(), words.join(", "))
            }
        };
        let mut facts = vec![
            (
                "Words",
                format!(
                    "{} (300 to 700 is the range Textio found fills fastest)",
                    review.words
                ),
            ),
            (
                "Characters",
                format!(
                    "{} (Appcast saw the most click-to-apply at 4,000 to 5,000)",
                    review.characters
                ),
            ),
        ];
        if let Some(grade) = review.grade {
            facts.push((
                "Flesch-Kincaid grade",
                format!("{grade:.1} (8 or below reads easily for most adults)"),
            ));
        }
        facts.push((
            "Gender-coded words",
            format!(
                "{} masculine-coded, {} feminine-coded",
                coded(&review.masculine),
                coded(&review.feminine)
            ),
        ));
        Self {
            summary,
            groups,
            facts,
        }
    }
}
