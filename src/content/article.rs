//! An article for employers: `content/articles/<slug>.md`, served at `/resources/<slug>`.

use std::path::Path;

use serde::Deserialize;
use time::Date;
use toml::Spanned;

use super::american;
use super::front_matter::{Document, file_slug, is_slug};
use super::prose::{self, Prose};
use super::role::SUMMARY_MAX;
use crate::diagnostics::{Problem, Problems};

/// An article, rendered.
#[derive(Debug, Clone)]
pub struct Article {
    /// URL slug, from the file name.
    pub slug: String,
    /// Headline.
    pub title: String,
    /// Meta description and listing text.
    pub summary: String,
    /// One of `site.toml`'s article categories.
    pub category: String,
    /// Who wrote it.
    pub author: String,
    /// First published.
    pub published: Date,
    /// Last reviewed.
    pub updated: Date,
    /// Slugs of the roles it is most useful for.
    pub related: Vec<String>,
    /// The body.
    pub body: Prose,
}

impl Article {
    /// Minutes to read at 200 words a minute, at least 1.
    pub fn reading_minutes(&self) -> usize {
        self.body.word_count.div_ceil(200).max(1)
    }
}

/// An article with the lines cross-file checks report on.
pub struct ParsedArticle {
    /// The article.
    pub article: Article,
    /// Line of `category`.
    pub category_line: usize,
    /// Line of each `related` entry.
    pub related_lines: Vec<usize>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct FrontMatter {
    title: Spanned<String>,
    summary: Spanned<String>,
    category: Spanned<String>,
    author: Spanned<String>,
    published: Spanned<toml::value::Datetime>,
    updated: Spanned<toml::value::Datetime>,
    related: Vec<Spanned<String>>,
}

/// Parses one article file; every problem found is returned.
pub fn parse(path: &Path, source: &str) -> Result<ParsedArticle, Vec<Problem>> {
    let doc = Document::split(source).map_err(|p| vec![p])?;
    let mut problems = Problems(american::british_terms(source));
    let slug = file_slug(path, &mut problems);
    let body = prose::parse(doc.body, doc.body_line)
        .map_err(|p| problems.extend(p))
        .ok();
    let article = problems
        .check(doc.front_matter::<FrontMatter>())
        .and_then(|front| {
            let title = problems.check(doc.text("title", &front.title, 120));
            let summary = problems.check(doc.text("summary", &front.summary, SUMMARY_MAX));
            let category = problems.check(doc.text("category", &front.category, 80));
            let author = problems.check(doc.text("author", &front.author, 80));
            let published = problems.check(doc.date("published", &front.published));
            let updated = problems.check(doc.date("updated", &front.updated));
            if let (Some(published), Some(updated)) = (published, updated)
                && updated < published
            {
                problems.0.push(Problem::new(
                    doc.line_of(front.updated.span()),
                    "`updated` is before `published`",
                ));
            }
            let mut related = Vec::new();
            for entry in &front.related {
                let text = entry.get_ref().trim();
                if !is_slug(text) {
                    problems.0.push(Problem::new(
                        doc.line_of(entry.span()),
                        format!("`related` entry \"{text}\" is not a role slug"),
                    ));
                }
                related.push(text.to_owned());
            }
            Some(ParsedArticle {
                article: Article {
                    slug,
                    title: title?,
                    summary: summary?,
                    category: category?,
                    author: author?,
                    published: published?,
                    updated: updated?,
                    related,
                    body: body?,
                },
                category_line: doc.line_of(front.category.span()),
                related_lines: front
                    .related
                    .iter()
                    .map(|r| doc.line_of(r.span()))
                    .collect(),
            })
        });
    match article {
        Some(article) if problems.is_empty() => Ok(article),
        _ => {
            problems.0.sort_by_key(|p| p.line);
            Err(problems.0)
        }
    }
}
