//! The word lists the posting checker reads: gender-coded word stems from published
//! research (`data/gender-coded-words.toml`) and our own list of words that exclude
//! (`data/excluding-words.toml`), each problem reported at its line.

use serde::Deserialize;
use toml::Spanned;

use super::{Document, Problem};
use crate::words::normalize;

/// A word stem: "compet*" matches every word starting "compet"; "kind" only "kind".
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Stem {
    /// The letters, lowercase, without the star.
    pub letters: String,
    /// True for a stem ending in `*`.
    pub prefix: bool,
}

impl Stem {
    /// Whether `word` (lowercase) is this stem's word or starts with it.
    pub fn matches(&self, word: &str) -> bool {
        if self.prefix {
            word.starts_with(&self.letters)
        } else {
            word == self.letters
        }
    }
}

/// The gender-coded stems and the study they come from.
#[derive(Debug, Clone, Default)]
pub struct CodedWords {
    /// The citation.
    pub source: String,
    /// Masculine-coded stems.
    pub masculine: Vec<Stem>,
    /// Feminine-coded stems.
    pub feminine: Vec<Stem>,
}

/// What kind of exclusion a term signals.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum TermKind {
    /// "young", "digital native".
    Age,
    /// "native English speaker".
    NationalOrigin,
    /// "able-bodied".
    Disability,
    /// "salesman", "waitress".
    GenderedTitle,
    /// "rockstar", "ninja".
    Jargon,
}

impl TermKind {
    /// As findings name it.
    pub fn label(self) -> &'static str {
        match self {
            TermKind::Age => "Age-coded",
            TermKind::NationalOrigin => "National origin",
            TermKind::Disability => "Disability",
            TermKind::GenderedTitle => "Gendered job title",
            TermKind::Jargon => "Says nothing",
        }
    }
}

/// A phrase to avoid, why, and what to write instead.
#[derive(Debug, Clone)]
pub struct Term {
    /// The phrases, normalized to their words ("work hard play hard").
    pub phrases: Vec<String>,
    /// Its kind.
    pub kind: TermKind,
    /// Why it matters.
    pub why: String,
    /// A better way to say it.
    pub instead: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawCoded {
    source: String,
    masculine: Vec<Spanned<String>>,
    feminine: Vec<Spanned<String>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawTerms {
    term: Vec<Spanned<RawTerm>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawTerm {
    words: Vec<String>,
    kind: TermKind,
    why: String,
    instead: String,
}

impl CodedWords {
    /// Parses `data/gender-coded-words.toml`.
    pub fn parse(source: &str) -> Result<Self, Vec<Problem>> {
        let doc = Document::toml(source);
        let raw: RawCoded = doc.front_matter().map_err(|p| vec![p])?;
        let mut problems = Vec::new();
        let mut seen: Vec<String> = Vec::new();
        let mut stems = |list: &[Spanned<String>]| -> Vec<Stem> {
            list.iter()
                .filter_map(|spanned| {
                    let text = spanned.get_ref();
                    let line = doc.line_of(spanned.span());
                    let letters = text.strip_suffix('*').unwrap_or(text);
                    let valid = !letters.is_empty()
                        && letters.chars().all(|c| c.is_ascii_lowercase() || c == '-');
                    if !valid {
                        problems.push(Problem::new(
                            line,
                            format!("\"{text}\" is not a lowercase word, or a stem ending in *"),
                        ));
                        return None;
                    }
                    if seen.contains(text) {
                        problems.push(Problem::new(line, format!("\"{text}\" is listed twice")));
                    }
                    seen.push(text.clone());
                    Some(Stem {
                        letters: letters.to_owned(),
                        prefix: text.ends_with('*'),
                    })
                })
                .collect()
        };
        let masculine = stems(&raw.masculine);
        let feminine = stems(&raw.feminine);
        if raw.source.trim().is_empty() {
            problems.push(Problem::new(1, "`source` must cite the study"));
        }
        if problems.is_empty() {
            Ok(Self {
                source: raw.source,
                masculine,
                feminine,
            })
        } else {
            Err(problems)
        }
    }
}

/// Parses `data/excluding-words.toml`.
pub fn parse_terms(source: &str) -> Result<Vec<Term>, Vec<Problem>> {
    let doc = Document::toml(source);
    let raw: RawTerms = doc.front_matter().map_err(|p| vec![p])?;
    let mut problems = Vec::new();
    let mut terms: Vec<Term> = Vec::new();
    for spanned in &raw.term {
        let line = doc.line_of(spanned.span());
        let term = spanned.get_ref();
        let phrases: Vec<String> = term.words.iter().map(|w| normalize(w)).collect();
        if phrases.is_empty() || phrases.iter().any(String::is_empty) {
            problems.push(Problem::new(
                line,
                "`words` needs at least one phrase, none empty",
            ));
        }
        for (i, phrase) in phrases.iter().enumerate() {
            if terms.iter().any(|t| t.phrases.contains(phrase)) || phrases[..i].contains(phrase) {
                problems.push(Problem::new(line, format!("\"{phrase}\" is listed twice")));
            }
        }
        if term.why.trim().is_empty() || term.instead.trim().is_empty() {
            problems.push(Problem::new(
                line,
                "`why` and `instead` must both say something",
            ));
        }
        terms.push(Term {
            phrases,
            kind: term.kind,
            why: term.why.clone(),
            instead: term.instead.clone(),
        });
    }
    if problems.is_empty() {
        Ok(terms)
    } else {
        Err(problems)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stems_match_words_and_prefixes() {
        let coded = CodedWords::parse(
            "source = \"A study\"\nmasculine = [\"compet*\", \"decide\"]\nfeminine = [\"warm*\"]\n",
        )
        .expect("valid");
        assert!(coded.masculine[0].matches("competitive"));
        assert!(coded.masculine[1].matches("decide"));
        assert!(!coded.masculine[1].matches("decided"));
    }

    #[test]
    fn bad_lists_are_reported_at_their_lines() {
        let problems = CodedWords::parse(
            "source = \"A study\"\nmasculine = [\n  \"Compete\",\n  \"lead*\",\n  \"lead*\",\n]\nfeminine = []\n",
        )
        .expect_err("invalid");
        let lines: Vec<usize> = problems.iter().map(|p| p.line).collect();
        assert_eq!(lines, [3, 5], "{problems:?}");
        let problems = parse_terms(
            "[[term]]\nwords = [\"ninja\"]\nkind = \"jargon\"\nwhy = \"x\"\ninstead = \"y\"\n[[term]]\nwords = [\"Ninja!\"]\nkind = \"jargon\"\nwhy = \"\"\ninstead = \"y\"\n",
        )
        .expect_err("invalid");
        assert_eq!(problems.len(), 2, "{problems:?}");
        assert!(problems.iter().all(|p| p.line == 6), "{problems:?}");
    }
}
