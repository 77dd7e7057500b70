//! Splitting a content file into TOML front matter and a Markdown body, and reading
//! the front matter into a typed struct with line numbers in every error.

use std::ops::Range;

use serde::de::DeserializeOwned;
use time::Date;
use toml::Spanned;

use crate::diagnostics::LineIndex;
use crate::diagnostics::Problem;

const FENCE: &str = "+++";

/// A content file cut into its two parts.
pub struct Document<'a> {
    front: &'a str,
    /// Lines of the front matter, for turning value spans into lines.
    pub front_lines: LineIndex,
    /// The Markdown after the closing `+++`.
    pub body: &'a str,
    /// The file line the body starts on.
    pub body_line: usize,
    /// What the TOML part is called in messages: "front matter", or "TOML" for a data file.
    toml_name: &'static str,
}

impl<'a> Document<'a> {
    /// Splits `source`, which must open with a `+++` line and close the front matter with another.
    pub fn split(source: &'a str) -> Result<Self, Problem> {
        let source = source.strip_prefix('\u{feff}').unwrap_or(source);
        let mut lines = source.split_inclusive('\n');
        let opening = lines.next().unwrap_or_default();
        if opening.trim_end() != FENCE {
            return Err(Problem::new(
                1,
                "the file must start with a line of +++ that opens the front matter",
            ));
        }
        let front_start = opening.len();
        let mut offset = front_start;
        for (index, line) in lines.enumerate() {
            if line.trim_end() == FENCE {
                let front = &source[front_start..offset];
                let body_start = offset + line.len();
                return Ok(Self {
                    front,
                    front_lines: LineIndex::new(front, 2),
                    body: &source[body_start..],
                    body_line: index + 3,
                    toml_name: "front matter",
                });
            }
            offset += line.len();
        }
        Err(Problem::new(
            1,
            "the front matter is never closed: add a line of +++ after it",
        ))
    }

    /// Treats a whole file as TOML, for settings files without a Markdown body.
    pub fn toml(source: &'a str) -> Self {
        Self {
            front: source,
            front_lines: LineIndex::new(source, 1),
            body: "",
            body_line: LineIndex::new(source, 1).last_line(),
            toml_name: "TOML",
        }
    }

    /// Reads the front matter into `T`; unknown, missing and mistyped fields become problems.
    pub fn front_matter<T: DeserializeOwned>(&self) -> Result<T, Problem> {
        toml::from_str(self.front).map_err(|error| {
            // A missing field belongs to no line of its own: point at the opening +++.
            let line = match error.span() {
                Some(span) if !error.message().starts_with("missing field") => {
                    self.front_lines.line(span.start)
                }
                _ => 1,
            };
            Problem::new(
                line,
                format!("{}: {}", self.toml_name, error.message().trim()),
            )
        })
    }

    /// The file line a front-matter value starts on.
    pub fn line_of(&self, span: Range<usize>) -> usize {
        self.front_lines.line(span.start)
    }

    /// Checks a required text value: trimmed, not empty, at most `max` characters.
    pub fn text(
        &self,
        field: &str,
        value: &Spanned<String>,
        max: usize,
    ) -> Result<String, Problem> {
        let text = value.get_ref().trim();
        let line = self.line_of(value.span());
        if text.is_empty() {
            return Err(Problem::new(line, format!("`{field}` must not be empty")));
        }
        let length = text.chars().count();
        if length > max {
            return Err(Problem::new(
                line,
                format!("`{field}` is {length} characters long; the limit is {max}"),
            ));
        }
        Ok(text.to_owned())
    }

    /// Checks a date value: a bare TOML date such as `2026-11-23`, with no time.
    pub fn date(
        &self,
        field: &str,
        value: &Spanned<toml::value::Datetime>,
    ) -> Result<Date, Problem> {
        let line = self.line_of(value.span());
        let bad = || {
            Problem::new(
                line,
                format!("`{field}` must be a date like 2026-11-23, without a time"),
            )
        };
        let datetime = value.get_ref();
        let date = match (datetime.date, datetime.time) {
            (Some(date), None) => date,
            _ => return Err(bad()),
        };
        let month = time::Month::try_from(date.month).map_err(|_| bad())?;
        Date::from_calendar_date(i32::from(date.year), month, date.day).map_err(|_| bad())
    }
}

/// The slug a content file's name gives it; a name that is not a slug is a problem.
pub fn file_slug(path: &std::path::Path, problems: &mut crate::diagnostics::Problems) -> String {
    let slug = path
        .file_stem()
        .and_then(|s| s.to_str())
        .unwrap_or_default()
        .to_owned();
    if !is_slug(&slug) {
        problems.0.push(Problem::new(
            1,
            format!(
                "the file name \"{slug}\" is not a slug: use lowercase letters, digits and hyphens"
            ),
        ));
    }
    slug
}

/// True for a URL slug: lowercase ASCII letters and digits in hyphen-separated words.
pub fn is_slug(text: &str) -> bool {
    !text.is_empty()
        && text.split('-').all(|word| {
            !word.is_empty()
                && word
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(serde::Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Front {
        title: Spanned<String>,
        updated: Spanned<toml::value::Datetime>,
    }

    const VALID: &str = "+++\ntitle = \"Nurse\"\nupdated = 2026-11-23\n+++\n\nBody text.\n";

    #[test]
    fn splits_front_matter_from_body() {
        let doc = Document::split(VALID).expect("valid document");
        assert_eq!(doc.body, "\nBody text.\n");
        assert_eq!(doc.body_line, 5);
        let front: Front = doc.front_matter().expect("valid front matter");
        assert_eq!(doc.line_of(front.updated.span()), 3);
        assert_eq!(
            doc.date("updated", &front.updated),
            Ok(time::macros::date!(2026 - 11 - 23))
        );
    }

    #[test]
    fn missing_opening_fence_is_line_1() {
        let problem = Document::split("title = \"x\"\n").err().expect("error");
        assert_eq!(problem.line, 1);
        assert!(problem.message.contains("must start with a line of +++"));
    }

    #[test]
    fn unclosed_front_matter_is_reported() {
        let problem = Document::split("+++\ntitle = \"x\"\n")
            .err()
            .expect("error");
        assert_eq!(problem.line, 1);
        assert!(problem.message.contains("never closed"));
    }

    #[test]
    fn unknown_field_names_its_line() {
        let source = "+++\ntitle = \"Nurse\"\nupdated = 2026-11-23\nsalary = 1\n+++\n";
        let doc = Document::split(source).expect("split");
        let problem = doc.front_matter::<Front>().err().expect("error");
        assert_eq!(problem.line, 4);
        assert!(
            problem.message.contains("unknown field `salary`"),
            "{}",
            problem.message
        );
    }

    #[test]
    fn missing_field_points_at_the_opening_fence() {
        let doc = Document::split("+++\ntitle = \"Nurse\"\n+++\n").expect("split");
        let problem = doc.front_matter::<Front>().err().expect("error");
        assert_eq!(problem.line, 1);
        assert!(
            problem.message.contains("missing field `updated`"),
            "{}",
            problem.message
        );
    }

    #[test]
    fn wrong_type_names_its_line() {
        let doc = Document::split("+++\ntitle = 3\nupdated = 2026-11-23\n+++\n").expect("split");
        let problem = doc.front_matter::<Front>().err().expect("error");
        assert_eq!(problem.line, 2);
    }

    #[test]
    fn dates_with_times_are_refused() {
        let doc = Document::split("+++\ntitle = \"N\"\nupdated = 2026-11-23T10:00:00\n+++\n")
            .expect("split");
        let front: Front = doc.front_matter().expect("parses");
        let problem = doc.date("updated", &front.updated).expect_err("error");
        assert_eq!(problem.line, 3);
    }

    #[test]
    fn slugs() {
        assert!(is_slug("account-manager"));
        assert!(is_slug("web3-developer"));
        assert!(!is_slug("Account-Manager"));
        assert!(!is_slug("account--manager"));
        assert!(!is_slug("-account"));
        assert!(!is_slug(""));
    }
}
