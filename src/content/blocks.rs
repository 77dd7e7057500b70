//! Top-level Markdown blocks (a paragraph, a list, a heading), the unit role
//! sections are checked in.

use pulldown_cmark::{Event, HeadingLevel, Tag};

use super::markdown::{self, Spanned};
use crate::diagnostics::LineIndex;
use crate::diagnostics::Problem;

/// One top-level block: its events from start tag to end tag inclusive.
#[derive(Clone, Copy)]
pub struct Block<'e, 'a> {
    /// The block's events, start and end tags included.
    pub events: &'e [Spanned<'a>],
}

impl<'e, 'a> Block<'e, 'a> {
    /// The block's opening tag, if it has one.
    pub fn tag(&self) -> Option<&'e Tag<'a>> {
        match self.events.first() {
            Some((Event::Start(tag), _)) => Some(tag),
            _ => None,
        }
    }

    /// The level of a heading block.
    pub fn heading_level(&self) -> Option<HeadingLevel> {
        match self.tag() {
            Some(Tag::Heading { level, .. }) => Some(*level),
            _ => None,
        }
    }

    /// True for a paragraph.
    pub fn is_paragraph(&self) -> bool {
        matches!(self.tag(), Some(Tag::Paragraph))
    }

    /// The events between the opening and closing tags.
    pub fn inner(&self) -> &'e [Spanned<'a>] {
        match self.events {
            [_, inner @ .., _] if self.tag().is_some() => inner,
            events => events,
        }
    }

    /// The block's text without markup.
    pub fn text(&self) -> String {
        markdown::plain_text(self.inner())
    }

    /// The file line the block starts on.
    pub fn line(&self, lines: &LineIndex) -> usize {
        self.events
            .first()
            .map_or(lines.last_line(), |(_, range)| lines.line(range.start))
    }
}

/// Splits events into their top-level blocks (or, given a list's inner events, its items).
pub fn split<'e, 'a>(events: &'e [Spanned<'a>]) -> Vec<Block<'e, 'a>> {
    let mut blocks = Vec::new();
    let mut depth = 0usize;
    let mut start = 0;
    for (index, (event, _)) in events.iter().enumerate() {
        match event {
            Event::Start(_) => depth += 1,
            Event::End(_) => depth = depth.saturating_sub(1),
            _ => {}
        }
        if depth == 0 {
            blocks.push(Block {
                events: &events[start..=index],
            });
            start = index + 1;
        }
    }
    blocks
}

/// A problem for each piece of raw HTML: content is written in Markdown only.
pub fn raw_html(events: &[Spanned<'_>], lines: &LineIndex) -> Vec<Problem> {
    let mut problems: Vec<Problem> = Vec::new();
    for (event, range) in events {
        if matches!(event, Event::Html(_) | Event::InlineHtml(_)) {
            let line = lines.line(range.start);
            if problems.last().is_none_or(|p| p.line != line) {
                problems.push(Problem::new(
                    line,
                    "raw HTML is not allowed; write it in Markdown",
                ));
            }
        }
    }
    problems
}

/// Renders blocks to HTML.
pub fn to_html(blocks: &[Block<'_, '_>]) -> String {
    blocks
        .iter()
        .map(|block| markdown::to_html(block.events))
        .collect()
}
