//! A standalone page such as About: `content/pages/<slug>.md`, served at `/<slug>`.

use std::path::Path;

use serde::Deserialize;
use time::Date;
use toml::Spanned;

use super::american;
use super::front_matter::{Document, file_slug};
use super::prose::{self, Prose};
use super::role::SUMMARY_MAX;
use crate::diagnostics::{Problem, Problems};

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
    /// The body.
    pub body: Prose,
    /// Whether the page shows the library's coverage figures after its body.
    pub coverage: bool,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct FrontMatter {
    title: Spanned<String>,
    summary: Spanned<String>,
    updated: Spanned<toml::value::Datetime>,
    #[serde(default)]
    coverage: bool,
}

/// Parses one page file; every problem found is returned.
pub fn parse(path: &Path, source: &str) -> Result<Page, Vec<Problem>> {
    let doc = Document::split(source).map_err(|p| vec![p])?;
    let mut problems = Problems(american::british_terms(source));
    let slug = file_slug(path, &mut problems);
    let body = prose::parse(doc.body, doc.body_line)
        .map_err(|p| problems.extend(p))
        .ok();
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
                body: body?,
                coverage: front.coverage,
            })
        });
    match page {
        Some(page) if problems.is_empty() => Ok(page),
        _ => Err(problems.0),
    }
}
