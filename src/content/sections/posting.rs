//! The posting summary: one paragraph written to the candidate, which the sample
//! job description and the builder start from.

use std::ops::RangeInclusive;

use super::{Found, Section};
use crate::diagnostics::LineIndex;
use crate::diagnostics::Problem;

/// How many words the posting summary has.
pub const POSTING_SUMMARY_WORDS: RangeInclusive<usize> = 50..=120;
/// How many requirements a role lists.
pub const REQUIREMENTS: RangeInclusive<usize> = 3..=6;
/// The fewest times the posting summary says "you" or "your": it speaks to the candidate.
const MIN_SECOND_PERSON: usize = 2;

/// Checks the section is one paragraph of the right length, written in the second
/// person, and gives its plain text.
pub(super) fn summary(found: &Found<'_, '_>, lines: &LineIndex) -> Result<String, Problem> {
    let name = Section::PostingSummary.heading();
    let [paragraph] = found.blocks.as_slice() else {
        let line = found.blocks.get(1).map_or(found.line, |b| b.line(lines));
        return Err(Problem::new(
            line,
            format!("\"## {name}\" must be exactly one paragraph"),
        ));
    };
    if !paragraph.is_paragraph() {
        return Err(Problem::new(
            paragraph.line(lines),
            format!("\"## {name}\" must be a paragraph, not a list or heading"),
        ));
    }
    let text = paragraph.text();
    let words = text.split_whitespace().count();
    if !POSTING_SUMMARY_WORDS.contains(&words) {
        return Err(Problem::new(
            paragraph.line(lines),
            format!(
                "\"## {name}\" has {words} words; it needs {} to {}",
                POSTING_SUMMARY_WORDS.start(),
                POSTING_SUMMARY_WORDS.end()
            ),
        ));
    }
    if second_person(&text) < MIN_SECOND_PERSON {
        return Err(Problem::new(
            paragraph.line(lines),
            format!(
                "\"## {name}\" speaks to the candidate: write it in the second person (\"You will ...\", \"your\")"
            ),
        ));
    }
    Ok(text)
}

/// How many words of `text` address the reader: you, your, yours, yourself, you'll ...
fn second_person(text: &str) -> usize {
    text.split(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’')
        .filter(|word| {
            let word = word.to_lowercase();
            let stem = word.split(['\'', '’']).next().unwrap_or_default();
            matches!(stem, "you" | "your" | "yours" | "yourself")
        })
        .count()
}

#[cfg(test)]
mod tests {
    use super::second_person;

    #[test]
    fn counts_words_addressed_to_the_reader() {
        assert_eq!(second_person("You'll lead your team; it is yours."), 3);
        assert_eq!(second_person("Young players find youth leagues."), 0);
        assert_eq!(second_person("The nurse assesses patients."), 0);
    }
}
