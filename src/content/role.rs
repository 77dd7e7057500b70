//! A role file: `content/roles/<slug>.md`, front matter plus the fixed sections.

use std::collections::HashSet;
use std::path::Path;

use serde::Deserialize;
use time::Date;
use toml::Spanned;

use super::american;
use super::front_matter::{Document, file_slug, is_slug};
use super::sections::{self, RoleBody};
use crate::diagnostics::{Problem, Problems, count};
use crate::wages::SocCode;

/// The longest `summary`, the length search engines show of a meta description.
pub const SUMMARY_MAX: usize = 160;
/// The fewest `similar` roles.
pub const MIN_SIMILAR: usize = 3;
const TITLE_MAX: usize = 80;

/// A role, validated and rendered, ready for pages.
#[derive(Debug, Clone)]
pub struct Role {
    /// URL slug, from the file name.
    pub slug: String,
    /// The job title, e.g. "Account Manager".
    pub title: String,
    /// Other titles for the same job.
    pub aliases: Vec<String>,
    /// Closest SOC 2018 detailed occupation.
    pub soc: SocCode,
    /// Category name, one of `site.toml`'s categories.
    pub category: String,
    /// Slugs of similar roles.
    pub similar: Vec<String>,
    /// One or two sentences; the meta description.
    pub summary: String,
    /// When the content was last reviewed.
    pub updated: Date,
    /// The sections.
    pub body: RoleBody,
}

impl Role {
    /// Minutes an average reader needs, at 200 words a minute, at least 1.
    pub fn reading_minutes(&self) -> usize {
        self.body.word_count.div_ceil(200).max(1)
    }
}

/// A role as parsed from its file, with the lines that cross-file checks report on.
pub struct ParsedRole {
    /// The role.
    pub role: Role,
    /// Line of `category`.
    pub category_line: usize,
    /// Line of `soc`.
    pub soc_line: usize,
    /// Line of each `similar` entry, in order.
    pub similar_lines: Vec<usize>,
    /// Line of `title`.
    pub title_line: usize,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct FrontMatter {
    title: Spanned<String>,
    aliases: Vec<Spanned<String>>,
    soc: Spanned<String>,
    category: Spanned<String>,
    similar: Spanned<Vec<Spanned<String>>>,
    summary: Spanned<String>,
    updated: Spanned<toml::value::Datetime>,
}

/// Parses one role file. `path` names the file (its stem is the slug); every problem found is returned.
pub fn parse(path: &Path, source: &str) -> Result<ParsedRole, Vec<Problem>> {
    let doc = Document::split(source).map_err(|p| vec![p])?;
    let mut problems = Problems(american::british_terms(source));
    let slug = file_slug(path, &mut problems);
    let role = problems
        .check(doc.front_matter::<FrontMatter>())
        .and_then(|front| check_front(&doc, &slug, &front, &mut problems));
    let body = sections::parse(doc.body, doc.body_line)
        .map_err(|p| problems.extend(p))
        .ok();
    match (role, body) {
        (Some(mut parsed), Some(body)) if problems.is_empty() => {
            parsed.role.body = body;
            Ok(parsed)
        }
        _ => {
            problems.0.sort_by_key(|p| p.line);
            Err(problems.0)
        }
    }
}

fn check_front(
    doc: &Document<'_>,
    slug: &str,
    front: &FrontMatter,
    problems: &mut Problems,
) -> Option<ParsedRole> {
    let title = problems.check(doc.text("title", &front.title, TITLE_MAX));
    let summary = problems.check(doc.text("summary", &front.summary, SUMMARY_MAX));
    let category = problems.check(doc.text("category", &front.category, TITLE_MAX));
    let updated = problems.check(doc.date("updated", &front.updated));
    let soc_line = doc.line_of(front.soc.span());
    let soc = problems.check(
        SocCode::parse(front.soc.get_ref().trim())
            .map_err(|message| Problem::new(soc_line, format!("`soc` {message}"))),
    );
    let aliases = problems.check(aliases(doc, front));
    let similar = problems.check(similar(doc, slug, front));
    let (title, summary, category, updated, soc, aliases, (similar, similar_lines)) = (
        title?, summary?, category?, updated?, soc?, aliases?, similar?,
    );
    Some(ParsedRole {
        role: Role {
            slug: slug.to_owned(),
            title,
            aliases,
            soc,
            category,
            similar,
            summary,
            updated,
            // Filled in by `parse` once the body has been read too.
            body: RoleBody::default(),
        },
        category_line: doc.line_of(front.category.span()),
        soc_line,
        similar_lines,
        title_line: doc.line_of(front.title.span()),
    })
}

fn aliases(doc: &Document<'_>, front: &FrontMatter) -> Result<Vec<String>, Problem> {
    let mut seen = HashSet::from([front.title.get_ref().trim().to_lowercase()]);
    front
        .aliases
        .iter()
        .map(|alias| {
            let text = doc.text("aliases", alias, TITLE_MAX)?;
            if !seen.insert(text.to_lowercase()) {
                return Err(Problem::new(
                    doc.line_of(alias.span()),
                    format!("alias \"{text}\" repeats the title or another alias"),
                ));
            }
            Ok(text)
        })
        .collect()
}

fn similar(
    doc: &Document<'_>,
    slug: &str,
    front: &FrontMatter,
) -> Result<(Vec<String>, Vec<usize>), Problem> {
    let entries = front.similar.get_ref();
    if entries.len() < MIN_SIMILAR {
        return Err(Problem::new(
            doc.line_of(front.similar.span()),
            format!(
                "`similar` lists {}; it needs at least {MIN_SIMILAR}",
                count(entries.len(), "role")
            ),
        ));
    }
    let mut seen = HashSet::new();
    let mut slugs = Vec::new();
    let mut lines = Vec::new();
    for entry in entries {
        let line = doc.line_of(entry.span());
        let similar = entry.get_ref().trim();
        if similar == slug {
            return Err(Problem::new(
                line,
                format!("`similar` lists the role itself (\"{slug}\")"),
            ));
        }
        if !is_slug(similar) {
            return Err(Problem::new(
                line,
                format!("`similar` entry \"{similar}\" is not a role slug"),
            ));
        }
        if !seen.insert(similar) {
            return Err(Problem::new(
                line,
                format!("`similar` lists \"{similar}\" twice"),
            ));
        }
        slugs.push(similar.to_owned());
        lines.push(line);
    }
    Ok((slugs, lines))
}
