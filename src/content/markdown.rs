//! The one place that decides how Markdown is read and turned into HTML.

use std::ops::Range;

use pulldown_cmark::{Event, Options, Parser, TagEnd};

/// An event with the byte range of the source it came from.
pub type Spanned<'a> = (Event<'a>, Range<usize>);

/// Every pulldown-cmark option the site uses, for roles and pages alike.
pub fn options() -> Options {
    Options::ENABLE_SMART_PUNCTUATION | Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH
}

/// Parses `source` into events with their source ranges.
pub fn events(source: &str) -> Vec<Spanned<'_>> {
    Parser::new_ext(source, options())
        .into_offset_iter()
        .collect()
}

/// Renders events to HTML.
pub fn to_html(events: &[Spanned<'_>]) -> String {
    let mut html = String::new();
    pulldown_cmark::html::push_html(&mut html, events.iter().map(|(event, _)| event.clone()));
    html
}

/// The visible text of events, with line breaks and block ends as spaces.
pub fn plain_text(events: &[Spanned<'_>]) -> String {
    let mut text = String::new();
    for (event, _) in events {
        match event {
            Event::Text(t) | Event::Code(t) => text.push_str(t),
            Event::SoftBreak | Event::HardBreak => text.push(' '),
            Event::End(end) if is_block_end(end) => text.push(' '),
            _ => {}
        }
    }
    text.trim_end().to_owned()
}

/// Counts the words a reader reads.
pub fn word_count(events: &[Spanned<'_>]) -> usize {
    plain_text(events).split_whitespace().count()
}

fn is_block_end(end: &TagEnd) -> bool {
    !matches!(
        end,
        TagEnd::Emphasis | TagEnd::Strong | TagEnd::Strikethrough | TagEnd::Link | TagEnd::Image
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_are_counted_across_blocks_and_smart_quotes() {
        let events = events("It's *very* plain.\n\n- one item\n- two");
        assert_eq!(plain_text(&events), "It’s very plain. one item two");
        assert_eq!(word_count(&events), 6);
    }
}
