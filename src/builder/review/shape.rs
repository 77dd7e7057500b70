//! Length and shape: words against Textio's 300-700, characters against Appcast's
//! 4,000-5,000, the share of the text in lists, and more than 8 requirements.

use super::{Finding, Kind, PostingText};
use crate::words::words;

/// Textio's analysis of job posts: 300 to 700 words filled fastest.
pub const WORDS: (usize, usize) = (300, 700);
/// Appcast's data: click-to-apply peaked for descriptions of 4,000 to 5,000 characters.
pub const CHARACTERS: (usize, usize) = (4_000, 5_000);
/// Less than this share of the words in lists is a wall of text.
pub const MIN_BULLET_SHARE: f64 = 0.25;
/// More required qualifications than this discourage qualified people.
pub const MAX_REQUIRED: usize = 8;

/// The counts and the findings.
pub struct Shape {
    /// Words, title excluded.
    pub words: usize,
    /// Characters, title excluded, one between pieces.
    pub characters: usize,
    /// Findings.
    pub findings: Vec<Finding>,
}

/// Measures `posting`.
pub fn measure(posting: &PostingText) -> Shape {
    let count = |texts: &[String]| texts.iter().map(|t| words(t).count()).sum::<usize>();
    let prose = count(&posting.paragraphs) + count(&posting.statement);
    let listed = count(&posting.bullets);
    let total = prose + listed;
    let characters: usize = posting
        .paragraphs
        .iter()
        .chain(&posting.bullets)
        .chain(&posting.statement)
        .map(|t| t.chars().count() + 1)
        .sum();
    let mut findings = Vec::new();
    if total < WORDS.0 || total > WORDS.1 {
        let (low, high) = WORDS;
        findings.push(Finding {
            kind: Kind::Shape,
            subject: format!("{total} words, {characters} characters"),
            why: format!("Textio's analysis of job posts found those of {low} to {high} words filled fastest, and Appcast's data showed the highest click-to-apply rate for descriptions of {} to {} characters. Too short leaves questions; too long loses readers on a phone.", thousands(CHARACTERS.0), thousands(CHARACTERS.1)),
            instead: if total < low {
                "Add what a candidate needs to decide: a typical day, who they work with, the schedule, how you train.".to_owned()
            } else {
                "Cut repeated duties and boilerplate; keep what is specific to this job.".to_owned()
            },
        });
    }
    let share = if total == 0 {
        0.0
    } else {
        listed as f64 / total as f64
    };
    if total > 0 && share < MIN_BULLET_SHARE {
        findings.push(Finding {
            kind: Kind::Shape,
            subject: format!("{:.0}% of the words are in lists", share * 100.0),
            why: "Candidates scan a posting before they read it; paragraphs with the duties and requirements buried in them are hard to scan, on a phone most of all.".to_owned(),
            instead: "Put duties, requirements and benefits in short lists, one item each.".to_owned(),
        });
    }
    if posting.required > MAX_REQUIRED {
        findings.push(Finding {
            kind: Kind::Shape,
            subject: format!("{} required qualifications", posting.required),
            why: format!("Long must-have lists turn away qualified people, most of all those who apply only when they meet every item: Tara Sophia Mohr, \"Why Women Don't Apply for Jobs Unless They're 100% Qualified\", Harvard Business Review (2014), reporting a Hewlett-Packard internal finding. More than {MAX_REQUIRED} is usually a wish list."),
            instead: "Keep the ones a new hire truly needs on day one; move the rest to preferred qualifications.".to_owned(),
        });
    }
    Shape {
        words: total,
        characters,
        findings,
    }
}

fn thousands(n: usize) -> String {
    crate::wages::money::thousands(n as u64)
}
