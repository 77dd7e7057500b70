//! Reading a role's Markdown body into its fixed sections, in their fixed order.

mod lists;
mod posting;

use std::ops::RangeInclusive;

use pulldown_cmark::HeadingLevel;

use super::blocks::{self, Block};
use super::markdown;
use crate::diagnostics::LineIndex;
use crate::diagnostics::{Problem, Problems};
pub use posting::{POSTING_SUMMARY_WORDS, REQUIREMENTS};

/// How many duties a role lists.
pub const DUTIES: RangeInclusive<usize> = 6..=10;
/// The fewest skills and qualifications a role lists.
pub const MIN_SKILLS: usize = 8;
/// The fewest FAQ questions a role answers.
pub const MIN_QUESTIONS: usize = 4;

/// The level-2 sections of a role file, in the order they must appear.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Section {
    /// Duties and responsibilities.
    Duties,
    /// What the role does.
    WhatItDoes,
    /// Skills and qualifications.
    Skills,
    /// Education and training.
    Education,
    /// Experience.
    Experience,
    /// The posting summary, written to the candidate.
    PostingSummary,
    /// The usual minimum requirements.
    Requirements,
    /// Frequently asked questions.
    Faq,
}

impl Section {
    /// Every section, in file order.
    pub const ALL: [Section; 8] = [
        Section::Duties,
        Section::WhatItDoes,
        Section::Skills,
        Section::Education,
        Section::Experience,
        Section::PostingSummary,
        Section::Requirements,
        Section::Faq,
    ];

    /// The exact `##` heading text in a role file.
    pub fn heading(self) -> &'static str {
        match self {
            Section::Duties => "Duties and responsibilities",
            Section::WhatItDoes => "What the role does",
            Section::Skills => "Skills and qualifications",
            Section::Education => "Education and training",
            Section::Experience => "Experience",
            Section::PostingSummary => "Posting summary",
            Section::Requirements => "Requirements",
            Section::Faq => "Frequently asked questions",
        }
    }

    fn from_heading(text: &str) -> Option<Self> {
        Self::ALL
            .into_iter()
            .find(|section| section.heading() == text)
    }

    fn position(self) -> usize {
        self as usize
    }
}

/// A lead paragraph followed by a bullet list.
#[derive(Debug, Clone, Default)]
pub struct ListSection {
    /// The lead paragraph(s), as HTML.
    pub lead_html: String,
    /// The bullets.
    pub items: Vec<ListItem>,
}

/// One bullet.
#[derive(Debug, Clone)]
pub struct ListItem {
    /// Plain text, for the builder and exports.
    pub text: String,
    /// Rendered HTML, for the page.
    pub html: String,
}

/// A question and its answer.
#[derive(Debug, Clone)]
pub struct Faq {
    /// The question, as plain text.
    pub question: String,
    /// The answer, as HTML.
    pub answer_html: String,
}

/// A role's body, every section parsed and rendered.
#[derive(Debug, Clone, Default)]
pub struct RoleBody {
    /// The paragraphs before the first section, as HTML.
    pub intro_html: String,
    /// The intro's first paragraph as plain text, to start a job description from.
    pub intro_text: String,
    /// Duties and responsibilities.
    pub duties: ListSection,
    /// What the role does, as HTML.
    pub what_it_does_html: String,
    /// Skills and qualifications.
    pub skills: ListSection,
    /// Education and training, as HTML.
    pub education_html: String,
    /// Experience, as HTML.
    pub experience_html: String,
    /// The posting summary, one paragraph to the candidate, as plain text.
    pub posting_summary: String,
    /// The usual minimum requirements.
    pub requirements: Vec<ListItem>,
    /// Frequently asked questions.
    pub faq: Vec<Faq>,
    /// Words in the body.
    pub word_count: usize,
    /// The whole body as plain text, for search.
    pub text: String,
}

/// A section as found in the file: its heading's line and the blocks under it.
struct Found<'e, 'a> {
    section: Section,
    line: usize,
    blocks: Vec<Block<'e, 'a>>,
}

/// Parses a role body that starts at line `first_line` of its file.
pub fn parse(body: &str, first_line: usize) -> Result<RoleBody, Vec<Problem>> {
    let lines = LineIndex::new(body, first_line);
    let events = markdown::events(body);
    let raw_html = blocks::raw_html(&events, &lines);
    let mut problems = Vec::new();
    let mut intro = Vec::new();
    let mut found: Vec<Found<'_, '_>> = Vec::new();
    let mut in_unknown_section = false;

    for block in blocks::split(&events) {
        let line = block.line(&lines);
        match block.heading_level() {
            Some(HeadingLevel::H2) => {
                let text = block.text();
                match Section::from_heading(&text) {
                    Some(section) => {
                        if let Some(problem) = check_order(section, line, &found) {
                            problems.push(problem);
                        }
                        found.push(Found {
                            section,
                            line,
                            blocks: Vec::new(),
                        });
                        in_unknown_section = false;
                    }
                    None => {
                        problems.push(Problem::new(line, unknown_section(&text)));
                        in_unknown_section = true;
                    }
                }
            }
            Some(HeadingLevel::H3) if found.last().is_some_and(|f| f.section == Section::Faq) => {
                push_block(&mut found, block);
            }
            Some(HeadingLevel::H1) => problems.push(Problem::new(
                line,
                "level-1 heading: the page title comes from `title`; sections use ##",
            )),
            Some(level) => problems.push(Problem::new(
                line,
                format!(
                    "unexpected {} heading: ### is only for questions under ## {}",
                    heading_name(level),
                    Section::Faq.heading()
                ),
            )),
            None if found.is_empty() && !in_unknown_section => intro.push(block),
            None if !in_unknown_section => push_block(&mut found, block),
            None => {}
        }
    }
    problems.extend(missing_sections(&found, &lines));
    // Without a sound outline the sections cannot be read; raw HTML does not stop that.
    if !problems.is_empty() {
        problems.extend(raw_html);
        problems.sort_by_key(|p| p.line);
        return Err(problems);
    }

    let section = |wanted: Section| found.iter().find(|f| f.section == wanted);
    let mut problems = Problems(raw_html);
    let intro_html = problems.check(prose_intro(&intro, first_line));
    let duties = section(Section::Duties)
        .and_then(|f| problems.check(lists::list_section(f, &lines, DUTIES)));
    let what = section(Section::WhatItDoes).and_then(|f| problems.check(prose(f)));
    let skills = section(Section::Skills)
        .and_then(|f| problems.check(lists::list_section(f, &lines, MIN_SKILLS..=usize::MAX)));
    let education = section(Section::Education).and_then(|f| problems.check(prose(f)));
    let experience = section(Section::Experience).and_then(|f| problems.check(prose(f)));
    let posting_summary =
        section(Section::PostingSummary).and_then(|f| problems.check(posting::summary(f, &lines)));
    let requirements = section(Section::Requirements)
        .and_then(|f| problems.check(lists::bare_list(f, &lines, REQUIREMENTS)));
    let faq = section(Section::Faq).and_then(|f| problems.check(lists::questions(f, &lines)));
    let body = (|| {
        Some(RoleBody {
            intro_text: intro
                .iter()
                .find(|b| b.is_paragraph())
                .map(Block::text)
                .unwrap_or_default(),
            intro_html: intro_html?,
            duties: duties?,
            what_it_does_html: what?,
            skills: skills?,
            education_html: education?,
            experience_html: experience?,
            posting_summary: posting_summary?,
            requirements: requirements?,
            faq: faq?,
            word_count: markdown::word_count(&events),
            text: markdown::plain_text(&events),
        })
    })();
    match body {
        Some(body) if problems.is_empty() => Ok(body),
        _ => Err(problems.0),
    }
}

fn push_block<'e, 'a>(found: &mut [Found<'e, 'a>], block: Block<'e, 'a>) {
    if let Some(current) = found.last_mut() {
        current.blocks.push(block);
    }
}

fn heading_name(level: HeadingLevel) -> String {
    format!("level-{}", level as usize)
}

fn unknown_section(text: &str) -> String {
    let known: Vec<String> = Section::ALL
        .iter()
        .map(|s| format!("\"{}\"", s.heading()))
        .collect();
    format!(
        "unknown section \"## {text}\"; the sections are, in order: {}",
        known.join(", ")
    )
}

fn check_order(section: Section, line: usize, found: &[Found<'_, '_>]) -> Option<Problem> {
    if found.iter().any(|f| f.section == section) {
        return Some(Problem::new(
            line,
            format!("section \"## {}\" appears twice", section.heading()),
        ));
    }
    let later = found
        .iter()
        .find(|f| f.section.position() > section.position())?;
    Some(Problem::new(
        line,
        format!(
            "section \"## {}\" is out of order: it must come before \"## {}\"",
            section.heading(),
            later.section.heading()
        ),
    ))
}

fn missing_sections(found: &[Found<'_, '_>], lines: &LineIndex) -> Vec<Problem> {
    Section::ALL
        .into_iter()
        .filter(|section| found.iter().all(|f| f.section != *section))
        .map(|section| {
            let line = found
                .iter()
                .find(|f| f.section.position() > section.position())
                .map_or(lines.last_line(), |f| f.line);
            Problem::new(
                line,
                format!("missing section \"## {}\"", section.heading()),
            )
        })
        .collect()
}

fn prose_intro(blocks: &[Block<'_, '_>], first_line: usize) -> Result<String, Problem> {
    if !blocks.iter().any(Block::is_paragraph) {
        return Err(Problem::new(
            first_line,
            "the intro is missing: write a paragraph before the first ## heading",
        ));
    }
    Ok(blocks::to_html(blocks))
}

fn prose(found: &Found<'_, '_>) -> Result<String, Problem> {
    if !found.blocks.iter().any(Block::is_paragraph) {
        return Err(Problem::new(
            found.line,
            format!(
                "section \"## {}\" needs at least one paragraph",
                found.section.heading()
            ),
        ));
    }
    Ok(blocks::to_html(&found.blocks))
}
