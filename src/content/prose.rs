//! Free-form Markdown bodies (articles and pages): `##` and `###` sections with ids
//! for a table of contents, and links only to pages of this site.

use pulldown_cmark::{CowStr, Event, HeadingLevel, Tag};

use super::blocks;
use super::markdown;
use crate::diagnostics::LineIndex;
use crate::diagnostics::Problem;
use crate::wages::slugify;

/// A heading, for the table of contents.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TocEntry {
    /// 2 or 3.
    pub level: u8,
    /// The `id` the heading carries.
    pub id: String,
    /// Its text.
    pub text: String,
}

/// A link in the body, to be checked against the site's pages.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Link {
    /// The target as written, `/job-descriptions/accountant`.
    pub target: String,
    /// Where it is.
    pub line: usize,
}

/// A rendered body.
#[derive(Debug, Clone, Default)]
pub struct Prose {
    /// HTML, headings with ids.
    pub html: String,
    /// Every `##` and `###` heading, in order.
    pub toc: Vec<TocEntry>,
    /// Plain text, for search.
    pub text: String,
    /// Words.
    pub word_count: usize,
    /// Links to check.
    pub links: Vec<Link>,
}

/// Parses a body starting at `first_line` of its file.
pub fn parse(body: &str, first_line: usize) -> Result<Prose, Vec<Problem>> {
    let lines = LineIndex::new(body, first_line);
    let mut events = markdown::events(body);
    let mut problems = blocks::raw_html(&events, &lines);
    let mut toc: Vec<TocEntry> = Vec::new();
    let mut links = Vec::new();
    let mut heading: Option<(usize, u8)> = None;
    let mut heading_text = String::new();
    for index in 0..events.len() {
        let line = lines.line(events[index].1.start);
        match &events[index].0 {
            Event::Start(Tag::Heading { level, .. }) => match level {
                HeadingLevel::H2 | HeadingLevel::H3 => {
                    heading = Some((index, *level as u8));
                    heading_text.clear();
                }
                HeadingLevel::H1 => problems.push(Problem::new(
                    line,
                    "level-1 heading: the page title comes from `title`; sections use ##",
                )),
                other => problems.push(Problem::new(
                    line,
                    format!("level-{} heading: use ## or ###", *other as u8),
                )),
            },
            Event::Text(text) | Event::Code(text) if heading.is_some() => {
                heading_text.push_str(text)
            }
            Event::End(pulldown_cmark::TagEnd::Heading(_)) => {
                if let Some((start, level)) = heading.take() {
                    let id = slugify(&heading_text);
                    if toc.iter().any(|entry| entry.id == id) {
                        problems.push(Problem::new(
                            line,
                            format!("the heading \"{heading_text}\" is used twice"),
                        ));
                    }
                    if let Event::Start(Tag::Heading { id: slot, .. }) = &mut events[start].0 {
                        *slot = Some(CowStr::from(id.clone()));
                    }
                    toc.push(TocEntry {
                        level,
                        id,
                        text: heading_text.clone(),
                    });
                }
            }
            Event::Start(Tag::Link { dest_url, .. }) => {
                if dest_url.starts_with('/') || dest_url.starts_with('#') {
                    links.push(Link {
                        target: dest_url.to_string(),
                        line,
                    });
                } else {
                    problems.push(Problem::new(
                        line,
                        format!("link to \"{dest_url}\": link only to pages of this site, written as /path"),
                    ));
                }
            }
            Event::Start(Tag::Image { .. }) => {
                problems.push(Problem::new(line, "images are not supported in content"))
            }
            _ => {}
        }
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    Ok(Prose {
        html: markdown::to_html(&events),
        toc,
        text: markdown::plain_text(&events),
        word_count: markdown::word_count(&events),
        links,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headings_get_ids_and_a_table_of_contents() {
        let prose = parse(
            "Intro.\n\n## Pay ranges\n\nText.\n\n### In `code`\n\nMore.\n",
            5,
        )
        .expect("valid");
        assert!(
            prose.html.contains("<h2 id=\"pay-ranges\">Pay ranges</h2>"),
            "{}",
            prose.html
        );
        assert_eq!(prose.toc.len(), 2);
        assert_eq!(
            prose.toc[1],
            TocEntry {
                level: 3,
                id: "in-code".into(),
                text: "In code".into()
            }
        );
    }

    #[test]
    fn outside_links_images_and_repeated_headings_are_refused_with_lines() {
        let problems = parse(
            "[x](https://evil.example)\n\n![i](/a.png)\n\n## A\n\n## A\n\n#### Deep\n",
            10,
        )
        .expect_err("problems");
        let lines: Vec<usize> = problems.iter().map(|p| p.line).collect();
        assert_eq!(lines, [10, 12, 16, 18], "{problems:?}");
        assert!(
            problems[0]
                .message
                .contains("link only to pages of this site")
        );
    }

    #[test]
    fn internal_links_are_collected() {
        let prose = parse("See [pay](/salaries) and [above](#a).\n", 1).expect("valid");
        assert_eq!(prose.links.len(), 2);
        assert_eq!(prose.links[0].target, "/salaries");
    }
}
