//! Content loading: role files, articles, pages, site settings and the data files,
//! read and validated once at start-up into typed, rendered structs. Requests never
//! parse Markdown.

mod article;
mod blocks;
mod check;
mod error;
mod front_matter;
mod lines;
mod markdown;
mod page;
mod prose;
mod role;
mod sections;
mod site;

use std::collections::HashMap;
use std::fs;
use std::path::{Path, PathBuf};

pub use article::Article;
pub use error::{ContentError, ContentErrors, Problem};
pub(crate) use front_matter::Document;
pub(crate) use lines::LineIndex;
pub use page::Page;
pub use prose::{Prose, TocEntry};
pub use role::{MIN_SIMILAR, Role, SUMMARY_MAX};
pub use sections::{
    DUTIES, Faq, ListItem, ListSection, MIN_QUESTIONS, MIN_SKILLS, RoleBody, Section,
};
pub use site::Category;

use crate::builder::PayRules;
use crate::wages::WageData;

/// Where the wage data lives inside the content directory.
pub const WAGE_DATA_DIR: &str = "data/oews";
/// The pay transparency rules, inside the content directory.
pub const PAY_RULES_FILE: &str = "data/pay-transparency.toml";

/// Everything under the content directory, validated.
#[derive(Debug)]
pub struct Library {
    roles: Vec<Role>,
    by_slug: HashMap<String, usize>,
    categories: Vec<Category>,
    featured: Vec<usize>,
    articles: Vec<Article>,
    article_categories: Vec<Category>,
    pages: Vec<Page>,
    wages: WageData,
    pay_rules: PayRules,
}

impl Library {
    /// Loads and validates `dir`: `site.toml`, `roles/`, the wage data in `data/oews/`,
    /// `data/pay-transparency.toml`, and optionally `articles/` and `pages/`. Every error
    /// is reported, not only the first.
    pub fn load(dir: &Path) -> Result<Self, ContentErrors> {
        let mut errors = Vec::new();
        let settings_path = dir.join("site.toml");
        let settings = read(&settings_path, &mut errors).and_then(|source| {
            site::parse(&source)
                .map_err(|p| errors.push(p.in_file(&settings_path)))
                .ok()
        });
        let role_files = markdown_files(&dir.join("roles"), &mut errors);
        let article_files = optional_markdown_files(&dir.join("articles"), &mut errors);
        let page_files = optional_markdown_files(&dir.join("pages"), &mut errors);
        let roles = parse_all(&role_files, role::parse, &mut errors);
        let articles = parse_all(&article_files, article::parse, &mut errors);
        let pages = parse_all(&page_files, page::parse, &mut errors);
        let wages = WageData::load(&dir.join(WAGE_DATA_DIR))
            .map_err(|e| errors.extend(e))
            .ok();
        let rules_path = dir.join(PAY_RULES_FILE);
        let pay_rules = wages.as_ref().and_then(|wages| {
            let source = read(&rules_path, &mut errors)?;
            let known_state = |name: &str| wages.areas().iter().skip(1).any(|a| a.name == name);
            PayRules::parse(&source, known_state)
                .map_err(|p| errors.push(p.in_file(&rules_path)))
                .ok()
        });
        let library = match (settings, wages, pay_rules) {
            (Some(settings), Some(wages), Some(pay_rules)) => {
                let sources = check::Sources {
                    settings,
                    settings_path,
                    wages,
                    pay_rules,
                    role_slugs: check::Slugs::new(&role_files, &mut errors),
                    article_slugs: check::Slugs::new(&article_files, &mut errors),
                    roles,
                    articles,
                    pages,
                };
                Some(sources.check(&mut errors))
            }
            _ => None,
        };
        match library {
            Some(library) if errors.is_empty() => Ok(library),
            _ => Err(ContentErrors(errors)),
        }
    }

    /// Every role, sorted by title.
    pub fn roles(&self) -> &[Role] {
        &self.roles
    }

    /// The role with this slug.
    pub fn role(&self, slug: &str) -> Option<&Role> {
        self.by_slug.get(slug).map(|&i| &self.roles[i])
    }

    /// The role categories, in `site.toml` order.
    pub fn categories(&self) -> &[Category] {
        &self.categories
    }

    /// The role category with this name.
    pub fn category(&self, name: &str) -> Option<&Category> {
        self.categories.iter().find(|c| c.name == name)
    }

    /// Roles in a category, sorted by title.
    pub fn roles_in<'a>(&'a self, category: &'a Category) -> impl Iterator<Item = &'a Role> {
        self.roles
            .iter()
            .filter(move |role| role.category == category.name)
    }

    /// The roles featured on the home and not-found pages.
    pub fn featured(&self) -> impl Iterator<Item = &Role> {
        self.featured.iter().map(|&i| &self.roles[i])
    }

    /// Every article, newest first.
    pub fn articles(&self) -> &[Article] {
        &self.articles
    }

    /// The article with this slug.
    pub fn article(&self, slug: &str) -> Option<&Article> {
        self.articles.iter().find(|article| article.slug == slug)
    }

    /// The article categories, in `site.toml` order.
    pub fn article_categories(&self) -> &[Category] {
        &self.article_categories
    }

    /// The wage data.
    pub fn wages(&self) -> &WageData {
        &self.wages
    }

    /// The pay transparency rules.
    pub fn pay_rules(&self) -> &PayRules {
        &self.pay_rules
    }

    /// Every standalone page.
    pub fn pages(&self) -> &[Page] {
        &self.pages
    }

    /// The standalone page with this slug.
    pub fn page(&self, slug: &str) -> Option<&Page> {
        self.pages.iter().find(|page| page.slug == slug)
    }
}

fn read(path: &Path, errors: &mut Vec<ContentError>) -> Option<String> {
    fs::read_to_string(path)
        .map_err(|e| {
            errors.push(Problem::new(1, format!("cannot read the file: {e}")).in_file(path))
        })
        .ok()
}

/// Parses every file with `parse`, keeping each result with its path and every problem.
fn parse_all<T>(
    paths: &[PathBuf],
    parse: fn(&Path, &str) -> Result<T, Vec<Problem>>,
    errors: &mut Vec<ContentError>,
) -> Vec<(PathBuf, T)> {
    let mut parsed = Vec::new();
    for path in paths {
        let Some(source) = read(path, errors) else {
            continue;
        };
        match parse(path, &source) {
            Ok(item) => parsed.push((path.clone(), item)),
            Err(problems) => errors.extend(problems.into_iter().map(|p| p.in_file(path))),
        }
    }
    parsed
}

/// Every `.md` file below `dir`, in a stable order.
fn markdown_files(dir: &Path, errors: &mut Vec<ContentError>) -> Vec<PathBuf> {
    let mut files = Vec::new();
    let mut pending = vec![dir.to_path_buf()];
    while let Some(dir) = pending.pop() {
        let entries = match fs::read_dir(&dir) {
            Ok(entries) => entries,
            Err(e) => {
                errors
                    .push(Problem::new(1, format!("cannot read the directory: {e}")).in_file(&dir));
                continue;
            }
        };
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                pending.push(path);
            } else if path.extension().is_some_and(|ext| ext == "md") {
                files.push(path);
            }
        }
    }
    files.sort();
    files
}

/// Like [`markdown_files`], for a directory the site can do without.
fn optional_markdown_files(dir: &Path, errors: &mut Vec<ContentError>) -> Vec<PathBuf> {
    if dir.is_dir() {
        markdown_files(dir, errors)
    } else {
        Vec::new()
    }
}
