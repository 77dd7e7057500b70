//! What no single file can check: unique titles and slugs, similar, related and
//! featured roles that exist, known categories, SOC codes with wage data, and links
//! that lead to pages of the site.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use super::Library;
use super::article::ParsedArticle;
use super::laws::{MinimumWages, PayRules};
use super::page::Page;
use super::role::{ParsedRole, Role};
use super::site::{Category, Settings};
use super::titles::TitleDictionary;
use super::wording::{CodedWords, Term};
use crate::diagnostics::{ContentError, Problem};
use crate::wages::{Level, SocCode, WageData};
use crate::words::normalize;

/// The slug of every file of a kind, valid or not, so that a file with errors is not
/// also reported as missing by every file that links to it.
pub struct Slugs(HashMap<String, PathBuf>);

impl Slugs {
    /// Indexes `paths` by slug, reporting two files with the same slug (in different folders).
    pub fn new(paths: &[PathBuf], errors: &mut Vec<ContentError>) -> Self {
        let mut by_slug: HashMap<String, PathBuf> = HashMap::new();
        for path in paths {
            let Some(slug) = path.file_stem().and_then(|s| s.to_str()) else {
                continue;
            };
            if let Some(other) = by_slug.insert(slug.to_owned(), path.clone()) {
                let message = format!(
                    "duplicate slug \"{slug}\": {} has the same file name",
                    other.display()
                );
                errors.push(Problem::new(1, message).in_file(path));
            }
        }
        Self(by_slug)
    }

    fn exists(&self, slug: &str) -> bool {
        self.0.contains_key(slug)
    }
}

/// The problem with `name` when it is not one of `categories` (listed in `list`).
fn unknown_category(categories: &[Category], name: &str, list: &str) -> Option<String> {
    if categories.iter().any(|c| c.name == name) {
        return None;
    }
    let names: Vec<&str> = categories.iter().map(|c| c.name.as_str()).collect();
    Some(format!(
        "unknown category \"{name}\"; {list} lists: {}",
        names.join(", ")
    ))
}

/// Everything loaded, before the checks across files. A part that failed to load is
/// `None`: the checks that need it are skipped and the others still run, so one run
/// reports every problem.
pub struct Sources {
    /// `site.toml`.
    pub settings: Option<Settings>,
    /// Where it is.
    pub settings_path: PathBuf,
    /// The wage data.
    pub wages: Option<WageData>,
    /// The pay transparency rules.
    pub pay_rules: Option<PayRules>,
    /// The minimum wages.
    pub minimum_wages: Option<MinimumWages>,
    /// The job-title dictionary (empty without `data/titles/`).
    pub titles: TitleDictionary,
    /// The gender-coded word stems.
    pub coded_words: Option<CodedWords>,
    /// The words that exclude.
    pub excluding_terms: Option<Vec<Term>>,
    /// Slugs of every role file.
    pub role_slugs: Slugs,
    /// Slugs of every article file.
    pub article_slugs: Slugs,
    /// Roles that parsed.
    pub roles: Vec<(PathBuf, ParsedRole)>,
    /// Articles that parsed.
    pub articles: Vec<(PathBuf, ParsedArticle)>,
    /// Pages that parsed.
    pub pages: Vec<(PathBuf, Page)>,
}

impl Sources {
    /// Runs every check across files whose inputs loaded, then builds the library if
    /// everything it needs did.
    pub fn check(self, errors: &mut Vec<ContentError>) -> Option<Library> {
        self.check_roles(errors);
        self.check_articles(errors);
        self.check_links(errors);
        errors.extend(self.titles.check_against(&self.role_names()));
        if let Some(settings) = &self.settings {
            for (slug, line) in settings.featured.iter().zip(&settings.featured_lines) {
                if !self.role_slugs.exists(slug) {
                    let problem =
                        Problem::new(*line, format!("featured role \"{slug}\" does not exist"));
                    errors.push(problem.in_file(&self.settings_path));
                }
            }
        }
        self.into_library()
    }

    /// Every role's title and aliases, normalized, with the role's code and file.
    fn role_names(&self) -> HashMap<String, (SocCode, &Path)> {
        self.roles
            .iter()
            .flat_map(|(path, parsed)| {
                let role = &parsed.role;
                std::iter::once(&role.title)
                    .chain(&role.aliases)
                    .map(move |name| (normalize(name), (role.soc.clone(), path.as_path())))
            })
            .collect()
    }

    fn check_roles(&self, errors: &mut Vec<ContentError>) {
        let mut titles: HashMap<String, &Path> = HashMap::new();
        for (path, parsed) in &self.roles {
            let role = &parsed.role;
            let mut problem =
                |line, message: String| errors.push(Problem::new(line, message).in_file(path));
            if let Some(other) = titles.insert(role.title.to_lowercase(), path) {
                problem(
                    parsed.title_line,
                    format!(
                        "title \"{}\" is already used by {}",
                        role.title,
                        other.display()
                    ),
                );
            }
            if let Some(message) = self.settings.as_ref().and_then(|settings| {
                unknown_category(&settings.categories, &role.category, "site.toml")
            }) {
                problem(parsed.category_line, message);
            }
            if let Some(wages) = self.wages.as_ref().filter(|w| !w.has(&role.soc)) {
                let release = &wages.release().name;
                let what = match wages.occupation(&role.soc).map(|o| o.level) {
                    Some(Level::Major) => "a major group, not a detailed occupation,",
                    Some(Level::Minor) => "a minor group, not a detailed occupation,",
                    Some(Level::Broad) => "a broad group, not a detailed occupation,",
                    _ => "not a detailed occupation",
                };
                problem(
                    parsed.soc_line,
                    format!("`soc` {} is {what} in the OEWS {release} data", role.soc),
                );
            }
            for (slug, line) in role.similar.iter().zip(&parsed.similar_lines) {
                if !self.role_slugs.exists(slug) {
                    problem(
                        *line,
                        format!("similar role \"{slug}\" does not exist (no roles/{slug}.md)"),
                    );
                }
            }
        }
    }

    fn check_articles(&self, errors: &mut Vec<ContentError>) {
        for (path, parsed) in &self.articles {
            let article = &parsed.article;
            let mut problem =
                |line, message: String| errors.push(Problem::new(line, message).in_file(path));
            if let Some(message) = self.settings.as_ref().and_then(|settings| {
                unknown_category(
                    &settings.article_categories,
                    &article.category,
                    "site.toml's article_categories",
                )
            }) {
                problem(parsed.category_line, message);
            }
            for (slug, line) in article.related.iter().zip(&parsed.related_lines) {
                if !self.role_slugs.exists(slug) {
                    problem(
                        *line,
                        format!("related role \"{slug}\" does not exist (no roles/{slug}.md)"),
                    );
                }
            }
        }
    }

    /// Every link in articles and pages leads to a page of the site.
    fn check_links(&self, errors: &mut Vec<ContentError>) {
        let bodies = self
            .articles
            .iter()
            .map(|(path, parsed)| (path, &parsed.article.body))
            .chain(self.pages.iter().map(|(path, page)| (path, &page.body)));
        for (path, body) in bodies {
            for link in &body.links {
                if !self.leads_somewhere(&link.target) {
                    let message =
                        format!("link to \"{}\" leads to no page of this site", link.target);
                    errors.push(Problem::new(link.line, message).in_file(path));
                }
            }
        }
    }

    fn leads_somewhere(&self, target: &str) -> bool {
        let path = target.split(['?', '#']).next().unwrap_or_default();
        let segments: Vec<&str> = path.trim_start_matches('/').split('/').collect();
        match segments.as_slice() {
            [""] => true,
            ["job-descriptions" | "salaries" | "resources" | "search"] => true,
            ["job-descriptions", "build"] => true,
            ["job-descriptions", slug] | ["salaries", slug] => self.role_slugs.exists(slug),
            ["salaries", "soc", code] => SocCode::parse(code)
                .is_ok_and(|soc| self.wages.as_ref().is_none_or(|wages| wages.has(&soc))),
            ["resources", slug] => self.article_slugs.exists(slug),
            [slug] => self.pages.iter().any(|(_, page)| page.slug == *slug),
            _ => false,
        }
    }

    fn into_library(self) -> Option<Library> {
        let (Some(settings), Some(wages), Some(pay_rules), Some(minimum_wages)) = (
            self.settings,
            self.wages,
            self.pay_rules,
            self.minimum_wages,
        ) else {
            return None;
        };
        let (Some(coded_words), Some(excluding_terms)) = (self.coded_words, self.excluding_terms)
        else {
            return None;
        };
        let mut roles: Vec<Role> = self
            .roles
            .into_iter()
            .map(|(_, parsed)| parsed.role)
            .collect();
        roles.sort_by_key(|role| role.title.to_lowercase());
        let by_slug: HashMap<String, usize> = roles
            .iter()
            .enumerate()
            .map(|(i, r)| (r.slug.clone(), i))
            .collect();
        let featured = settings
            .featured
            .iter()
            .filter_map(|slug| by_slug.get(slug).copied())
            .collect();
        let mut articles: Vec<_> = self
            .articles
            .into_iter()
            .map(|(_, parsed)| parsed.article)
            .collect();
        articles.sort_by(|a, b| {
            b.published
                .cmp(&a.published)
                .then_with(|| a.title.cmp(&b.title))
        });
        Some(Library {
            roles,
            by_slug,
            categories: settings.categories,
            featured,
            articles,
            article_categories: settings.article_categories,
            pages: self.pages.into_iter().map(|(_, page)| page).collect(),
            wages,
            pay_rules,
            minimum_wages,
            titles: self.titles,
            coded_words,
            excluding_terms,
        })
    }
}
