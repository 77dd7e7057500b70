//! The list-shaped sections: a lead paragraph with bullets, a bare bullet list, and
//! the questions of the FAQ.

use std::ops::RangeInclusive;

use pulldown_cmark::{HeadingLevel, Tag};

use super::super::blocks::{self, Block};
use super::super::markdown;
use super::{Faq, Found, ListItem, ListSection, MIN_QUESTIONS, Section};
use crate::diagnostics::LineIndex;
use crate::diagnostics::{Problem, count};

pub(super) fn list_section(
    found: &Found<'_, '_>,
    lines: &LineIndex,
    allowed: RangeInclusive<usize>,
) -> Result<ListSection, Problem> {
    let name = found.section.heading();
    let lead: Vec<Block<'_, '_>> = found
        .blocks
        .iter()
        .copied()
        .take_while(Block::is_paragraph)
        .collect();
    if lead.is_empty() {
        return Err(Problem::new(
            found.line,
            format!("section \"## {name}\" needs a lead paragraph before its list"),
        ));
    }
    let items = bullet_list(found, &found.blocks[lead.len()..], lines, allowed)?;
    Ok(ListSection {
        lead_html: blocks::to_html(&lead),
        items,
    })
}

/// A section that is one bullet list and nothing else.
pub(super) fn bare_list(
    found: &Found<'_, '_>,
    lines: &LineIndex,
    allowed: RangeInclusive<usize>,
) -> Result<Vec<ListItem>, Problem> {
    bullet_list(found, &found.blocks, lines, allowed)
}

/// The one bullet list that `rest`, the blocks after any lead paragraph, must be.
fn bullet_list(
    found: &Found<'_, '_>,
    rest: &[Block<'_, '_>],
    lines: &LineIndex,
    allowed: RangeInclusive<usize>,
) -> Result<Vec<ListItem>, Problem> {
    let name = found.section.heading();
    let Some((list, after)) = rest.split_first() else {
        return Err(Problem::new(
            found.line,
            format!("section \"## {name}\" needs a bullet list"),
        ));
    };
    match list.tag() {
        Some(Tag::List(None)) => {}
        Some(Tag::List(Some(_))) => {
            return Err(Problem::new(
                list.line(lines),
                format!("section \"## {name}\" needs a bullet list (- item), not a numbered one"),
            ));
        }
        _ if list.is_paragraph() => {
            return Err(Problem::new(
                list.line(lines),
                format!(
                    "section \"## {name}\" is a bullet list only: make this paragraph a bullet or remove it"
                ),
            ));
        }
        _ => {
            return Err(Problem::new(
                list.line(lines),
                format!("section \"## {name}\" needs a bullet list here"),
            ));
        }
    }
    if let Some(extra) = after.first() {
        return Err(Problem::new(
            extra.line(lines),
            format!("nothing may follow the list in \"## {name}\""),
        ));
    }
    let items = list_items(list, lines, name)?;
    if !allowed.contains(&items.len()) {
        let wanted = if *allowed.end() == usize::MAX {
            format!("at least {}", allowed.start())
        } else {
            format!("{} to {}", allowed.start(), allowed.end())
        };
        return Err(Problem::new(
            list.line(lines),
            format!(
                "\"## {name}\" lists {}; it needs {wanted}",
                count(items.len(), "item")
            ),
        ));
    }
    Ok(items)
}

fn list_items(
    list: &Block<'_, '_>,
    lines: &LineIndex,
    name: &str,
) -> Result<Vec<ListItem>, Problem> {
    blocks::split(list.inner())
        .iter()
        .map(|item| {
            let inner = item.inner();
            if blocks::split(inner)
                .iter()
                .any(|b| matches!(b.tag(), Some(Tag::List(_))))
            {
                return Err(Problem::new(
                    item.line(lines),
                    format!("nested lists are not allowed in \"## {name}\""),
                ));
            }
            Ok(ListItem {
                text: item.text(),
                html: markdown::to_html(inner),
            })
        })
        .collect()
}

pub(super) fn questions(found: &Found<'_, '_>, lines: &LineIndex) -> Result<Vec<Faq>, Problem> {
    let mut faq: Vec<Faq> = Vec::new();
    let mut answer: Vec<Block<'_, '_>> = Vec::new();
    let mut question: Option<(String, usize)> = None;
    let mut finish = |question: Option<(String, usize)>, answer: &mut Vec<Block<'_, '_>>| {
        let Some((text, line)) = question else {
            return Ok(());
        };
        if !answer.iter().any(Block::is_paragraph) {
            return Err(Problem::new(
                line,
                format!("question \"{text}\" has no answer paragraph"),
            ));
        }
        faq.push(Faq {
            question: text,
            answer_html: blocks::to_html(answer),
        });
        answer.clear();
        Ok(())
    };
    for block in &found.blocks {
        let line = block.line(lines);
        if block.heading_level() == Some(HeadingLevel::H3) {
            finish(question.take(), &mut answer)?;
            let text = block.text();
            if !text.ends_with('?') {
                return Err(Problem::new(
                    line,
                    format!("question \"{text}\" must end with a question mark"),
                ));
            }
            question = Some((text, line));
        } else if question.is_none() {
            return Err(Problem::new(
                line,
                "write each question as a ### heading before its answer",
            ));
        } else {
            answer.push(*block);
        }
    }
    finish(question, &mut answer)?;
    if faq.len() < MIN_QUESTIONS {
        return Err(Problem::new(
            found.line,
            format!(
                "\"## {}\" has {}; it needs at least {MIN_QUESTIONS}",
                Section::Faq.heading(),
                count(faq.len(), "question")
            ),
        ));
    }
    Ok(faq)
}
