//! A standalone page such as About: `content/pages/<slug>.md`, served at `/<slug>`.

use std::path::Path;

use serde::Deserialize;
use time::Date;
use toml::Spanned;

use super::blocks;
use super::error::{Problem, Problems};
use super::front_matter::{Document, is_slug};
use super::lines::LineIndex;
use super::markdown;
use super::role::SUMMARY_MAX;

/// A page, rendered.
#[derive(Debug, Clone)]
pub struct Page {
    /// URL slug, from the file name.
    pub slug: String,
    /// Page title.
    pub title: String,
    /// Meta description.
    pub summary: String,
    /// When it was last reviewed.
    pub updated: Date,
    /// The body as HTML.
    pub html: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct FrontMatter {
    title: Spanned<String>,
    summary: Spanned<String>,
    updated: Spanned<toml::value::Datetime>,
}

/// Parses one page file; every problem found is returned.
pub fn parse(path: &Path, source: &str) -> Result<Page, Vec<Problem>> {
    let doc = Document::split(source).map_err(|p| vec![p])?;
    let slug = path
        .file_stem()
        .and_then(|s| s.to_str())
        .unwrap_or_default()
        .to_owned();
    let mut problems = Problems::default();
    if !is_slug(&slug) {
        problems.0.push(Problem::new(
            1,
            format!("the file name \"{slug}\" is not a slug"),
        ));
    }
    let events = markdown::events(doc.body);
    problems.extend(blocks::raw_html(
        &events,
        &LineIndex::new(doc.body, doc.body_line),
    ));
    let page = problems
        .check(doc.front_matter::<FrontMatter>())
        .and_then(|front| {
            let title = problems.check(doc.text("title", &front.title, 80));
            let summary = problems.check(doc.text("summary", &front.summary, SUMMARY_MAX));
            let updated = problems.check(doc.date("updated", &front.updated));
            Some(Page {
                slug,
                title: title?,
                summary: summary?,
                updated: updated?,
                html: markdown::to_html(&events),
            })
        });
    match page {
        Some(page) if problems.is_empty() => Ok(page),
        _ => Err(problems.0),
    }
}
