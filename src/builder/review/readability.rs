//! Readability: the Flesch-Kincaid grade level, 0.39 × (words ÷ sentences) + 11.8 ×
//! (syllables ÷ words) − 15.59 (Kincaid, Fishburne, Rogers & Chissom, 1975), of the
//! whole posting and of each paragraph, and every sentence over 30 words. The equal
//! opportunity statement is left out: it must list legal terms, however long.

use super::{Finding, Kind, PostingText};
use crate::words::words;

/// Grade 8 or below reads easily for most U.S. adults.
pub const TARGET_GRADE: f64 = 8.0;
/// Sentences longer than this many words are flagged.
pub const LONG_SENTENCE: usize = 30;

/// The syllables of one word, by the usual English rules: groups of vowels, a silent
/// final "e", "-ed" and "-es" that add none, "ia" as two.
pub fn syllables(word: &str) -> usize {
    let word: Vec<char> = word
        .chars()
        .filter(char::is_ascii_alphabetic)
        .map(|c| c.to_ascii_lowercase())
        .collect();
    if word.is_empty() {
        return 0;
    }
    if word.len() <= 3 {
        return 1;
    }
    let vowel = |c: char| matches!(c, 'a' | 'e' | 'i' | 'o' | 'u' | 'y');
    let mut count: usize = 0;
    let mut previous = false;
    for (i, &c) in word.iter().enumerate() {
        let is_vowel = vowel(c);
        // "ia" is two syllables (Aus-tra-li-an), except in "-cial", "-tial".
        let split = c == 'a'
            && i > 0
            && word[i - 1] == 'i'
            && !(i >= 2 && matches!(word[i - 2], 'c' | 't'));
        if is_vowel && (!previous || split) {
            count += 1;
        }
        previous = is_vowel;
    }
    let ends = |suffix: &str| word.ends_with(&suffix.chars().collect::<Vec<_>>());
    let before = |n: usize| word.len().checked_sub(n).map(|i| word[i]);
    // A silent final "e" ("make", "schedule"), "-es" ("makes") or "-ed" ("baked"), but
    // not a consonant and "-le" ("table"), "-ted"/"-ded" ("wanted") or "-ses"/"-ces"/
    // "-ges" ("places").
    let consonant_le = ends("le") && before(3).is_some_and(|c| !vowel(c));
    if (ends("e") && !consonant_le)
        || (ends("es") && !matches!(before(3), Some('s' | 'c' | 'g' | 'x' | 'z')))
        || (ends("ed") && !matches!(before(3), Some('t' | 'd')))
    {
        count = count.saturating_sub(1);
    }
    count.max(1)
}

/// The sentences of a paragraph: ended by ".", "!" or "?" before a space and a capital
/// or digit, or by the end (so "U.S. Bureau" stays whole, being one letter before ".").
pub fn sentences(text: &str) -> Vec<&str> {
    let mut sentences = Vec::new();
    let mut start = 0;
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    for (k, &(i, c)) in chars.iter().enumerate() {
        if !matches!(c, '.' | '!' | '?') {
            continue;
        }
        let next = chars.get(k + 1).map(|(_, c)| *c);
        let after = chars.get(k + 2).map(|(_, c)| *c);
        let ends = next.is_none()
            || (next.is_some_and(char::is_whitespace)
                && after.is_some_and(|a| a.is_uppercase() || a.is_ascii_digit()));
        let initial =
            k >= 2 && !chars[k - 2].1.is_alphanumeric() && chars[k - 1].1.is_alphabetic() || k == 1;
        if ends && !(initial && next.is_some()) {
            let sentence = text[start..i + c.len_utf8()].trim();
            if !sentence.is_empty() {
                sentences.push(sentence);
            }
            start = i + c.len_utf8();
        }
    }
    let rest = text[start..].trim();
    if !rest.is_empty() {
        sentences.push(rest);
    }
    sentences
}

/// Word, sentence and syllable counts.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    words: usize,
    sentences: usize,
    syllables: usize,
}

impl Counts {
    fn of(sentences: &[&str]) -> Self {
        let all: Vec<String> = sentences.iter().flat_map(|s| words(s)).collect();
        Self {
            words: all.len(),
            sentences: sentences.len(),
            syllables: all.iter().map(|w| syllables(w)).sum(),
        }
    }

    fn add(self, other: Self) -> Self {
        Self {
            words: self.words + other.words,
            sentences: self.sentences + other.sentences,
            syllables: self.syllables + other.syllables,
        }
    }

    /// The Flesch-Kincaid grade, when there are words.
    fn grade(self) -> Option<f64> {
        (self.words > 0 && self.sentences > 0).then(|| {
            let (w, s, y) = (
                self.words as f64,
                self.sentences as f64,
                self.syllables as f64,
            );
            0.39 * (w / s) + 11.8 * (y / w) - 15.59
        })
    }
}

/// The Flesch-Kincaid grade of `text`, read as one paragraph.
pub fn grade(text: &str) -> Option<f64> {
    Counts::of(&sentences(text)).grade()
}

/// The grade of the whole posting and its findings.
pub struct Readability {
    /// The grade of everything but the title, list items counted as sentences.
    pub grade: Option<f64>,
    /// Findings: the posting above the target (naming its hardest paragraphs), and
    /// each long sentence.
    pub findings: Vec<Finding>,
}

/// The first words of `text`, to name it.
fn opening(text: &str) -> String {
    let words: Vec<&str> = text.split_whitespace().take(8).collect();
    let more = text.split_whitespace().count() > words.len();
    format!(
        "\u{201c}{}{}\u{201d}",
        words.join(" "),
        if more { "…" } else { "" }
    )
}

/// Measures `posting`.
pub fn findings(posting: &PostingText) -> Readability {
    let paragraphs: Vec<(&str, Vec<&str>)> = posting
        .paragraphs
        .iter()
        .map(|p| (p.as_str(), sentences(p)))
        .collect();
    let items: Vec<&str> = posting.bullets.iter().map(String::as_str).collect();
    let total = paragraphs
        .iter()
        .map(|(_, s)| Counts::of(s))
        .fold(Counts::of(&items), Counts::add);
    let grade = total.grade();
    let mut findings = Vec::new();
    if let Some(g) = grade.filter(|g| *g > TARGET_GRADE) {
        let hard: Vec<String> = paragraphs
            .iter()
            .filter_map(|(text, s)| {
                let grade = Counts::of(s).grade()?;
                (grade > TARGET_GRADE).then(|| format!("{} (grade {grade:.1})", opening(text)))
            })
            .collect();
        let subject = if hard.is_empty() {
            format!("The posting reads at grade {g:.1}")
        } else {
            format!(
                "The posting reads at grade {g:.1}; hardest: {}",
                hard.join("; ")
            )
        };
        findings.push(Finding {
            kind: Kind::Readability,
            subject,
            why: "Flesch-Kincaid grade = 0.39 × words per sentence + 11.8 × syllables per word − 15.59. Text at grade 8 or below reads easily for most U.S. adults; above it, readers skim or stop, on a phone most of all.".to_owned(),
            instead: "Split long sentences and use everyday words: \"use\" for \"utilize\", \"help\" for \"facilitate\".".to_owned(),
        });
    }
    for sentence in paragraphs.iter().flat_map(|(_, s)| s.iter()).chain(&items) {
        let count = words(sentence).count();
        if count > LONG_SENTENCE {
            findings.push(Finding {
                kind: Kind::Readability,
                subject: format!("A sentence of {count} words: {}", opening(sentence)),
                why: format!("Sentences over {LONG_SENTENCE} words are hard to follow in one reading, and they raise the Flesch-Kincaid grade."),
                instead: "Split it into two or three sentences, one idea each.".to_owned(),
            });
        }
    }
    Readability { grade, findings }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn syllables_by_hand() {
        for (word, count) in [
            ("the", 1),
            ("Australian", 4),
            ("platypus", 3),
            ("seemingly", 3),
            ("hybrid", 2),
            ("mammal", 2),
            ("reptilian", 4),
            ("creature", 2),
            ("make", 1),
            ("baked", 1),
            ("wanted", 2),
            ("places", 2),
            ("table", 2),
            ("special", 2),
            ("customer", 3),
            ("schedule", 2),
        ] {
            assert_eq!(syllables(word), count, "{word}");
        }
    }

    #[test]
    fn the_grade_matches_hand_worked_examples() {
        // 13 words, 1 sentence, 26 syllables: 0.39 × 13 + 11.8 × 2 − 15.59 = 13.08.
        let g = grade(
            "The Australian platypus is seemingly a hybrid of a mammal and reptilian creature.",
        )
        .expect("grade");
        assert!((g - 13.08).abs() < 0.01, "{g}");
        // 8 words, 2 sentences, 8 syllables: 0.39 × 4 + 11.8 × 1 − 15.59 = −2.23.
        let g = grade("The cat sat on the mat. It ran.").expect("grade");
        assert!((g + 2.23).abs() < 0.01, "{g}");
        assert_eq!(grade(""), None);
    }

    #[test]
    fn sentences_end_at_stops_but_not_at_initials() {
        assert_eq!(
            sentences(
                "Figures come from the U.S. Bureau of Labor Statistics. Ask us! Why? 2 more."
            ),
            [
                "Figures come from the U.S. Bureau of Labor Statistics.",
                "Ask us!",
                "Why?",
                "2 more."
            ]
        );
    }
}
