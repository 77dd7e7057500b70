//! Content loading: role files, articles, pages, site settings and the data files,
//! read and validated once at start-up into typed, rendered structs. Requests never
//! parse Markdown.

mod american;
mod article;
mod blocks;
mod check;
mod front_matter;
pub mod laws;
mod markdown;
mod page;
mod prose;
mod role;
mod sections;
mod site;
mod titles;
pub mod wording;

use std::collections::HashMap;
use std::fs;
use std::path::{Path, PathBuf};

pub use crate::diagnostics::{ContentError, ContentErrors, Problem};
pub use article::Article;
pub(crate) use front_matter::Document;
pub use page::Page;
pub use prose::{Prose, TocEntry};
pub use role::{MIN_SIMILAR, Role, SUMMARY_MAX};
pub use sections::{
    DUTIES, Faq, ListItem, ListSection, MIN_QUESTIONS, MIN_SKILLS, POSTING_SUMMARY_WORDS,
    REQUIREMENTS, RoleBody, Section,
};
pub use site::Category;
pub use titles::{JobTitle, TitleDictionary};

use crate::wages::{Level, SocCode, WageData};
use laws::{MinimumWages, PayRules};
use wording::{CodedWords, Term, parse_terms};

/// Where the wage data lives inside the content directory.
pub const WAGE_DATA_DIR: &str = "data/oews";
/// The job-title dictionary's folder, inside the content directory.
pub const TITLES_DIR: &str = "data/titles";
/// The pay transparency rules, inside the content directory.
pub const PAY_RULES_FILE: &str = "data/pay-transparency.toml";
/// The minimum wages, inside the content directory.
pub const MINIMUM_WAGE_FILE: &str = "data/minimum-wage.toml";
/// Gender-coded word stems, inside the content directory.
pub const CODED_WORDS_FILE: &str = "data/gender-coded-words.toml";
/// Words that exclude, inside the content directory.
pub const EXCLUDING_WORDS_FILE: &str = "data/excluding-words.toml";

/// How much of the country's work the library covers.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Coverage {
    /// Role pages.
    pub roles: usize,
    /// Detailed occupations with at least one role page.
    pub occupations: usize,
    /// Detailed occupations in the wage data.
    pub all_occupations: usize,
    /// Those occupations' share of the employment of all detailed occupations, in percent.
    pub share: f64,
}

impl std::fmt::Display for Coverage {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{} roles covering {} of {} occupations, {:.1}% of U.S. wage and salary employment",
            self.roles, self.occupations, self.all_occupations, self.share
        )
    }
}

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
    minimum_wages: MinimumWages,
    titles: TitleDictionary,
    coded_words: CodedWords,
    excluding_terms: Vec<Term>,
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
        // The wage data and the Markdown are the two slow parts: read them side by side.
        let (wages, roles) = std::thread::scope(|scope| {
            let wages = scope.spawn(|| WageData::load(&dir.join(WAGE_DATA_DIR)));
            let roles = parse_all(&role_files, role::parse, &mut errors);
            let wages = wages
                .join()
                .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
            (wages, roles)
        });
        let wages = wages.map_err(|e| errors.extend(e)).ok();
        let articles = parse_all(&article_files, article::parse, &mut errors);
        let pages = parse_all(&page_files, page::parse, &mut errors);
        let known_state = |name: &str| {
            wages
                .as_ref()
                .is_none_or(|w| w.areas().iter().skip(1).any(|a| a.name == name))
        };
        let pay_rules = data_file(dir, PAY_RULES_FILE, &mut errors, |source| {
            PayRules::parse(source, known_state)
        });
        let minimum_wages = data_file(dir, MINIMUM_WAGE_FILE, &mut errors, |source| {
            MinimumWages::parse(source, known_state)
        });
        let coded_words = data_file(dir, CODED_WORDS_FILE, &mut errors, CodedWords::parse);
        let excluding_terms = data_file(dir, EXCLUDING_WORDS_FILE, &mut errors, parse_terms);
        let titles = match &wages {
            Some(wages) => {
                let files = data_files(&dir.join(TITLES_DIR), "toml", &mut errors);
                let (titles, problems) = TitleDictionary::load(&files, wages);
                errors.extend(problems);
                titles
            }
            None => TitleDictionary::default(),
        };
        let sources = check::Sources {
            settings,
            settings_path,
            wages,
            pay_rules,
            minimum_wages,
            titles,
            coded_words,
            excluding_terms,
            role_slugs: check::Slugs::new(&role_files, &mut errors),
            article_slugs: check::Slugs::new(&article_files, &mut errors),
            roles,
            articles,
            pages,
        };
        let library = sources.check(&mut errors);
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

    /// The minimum wages.
    pub fn minimum_wages(&self) -> &MinimumWages {
        &self.minimum_wages
    }

    /// The gender-coded word stems.
    pub fn coded_words(&self) -> &CodedWords {
        &self.coded_words
    }

    /// The words that exclude.
    pub fn excluding_terms(&self) -> &[Term] {
        &self.excluding_terms
    }

    /// Every standalone page.
    pub fn pages(&self) -> &[Page] {
        &self.pages
    }

    /// How much of U.S. employment the roles cover.
    pub fn coverage(&self) -> Coverage {
        let detailed = |soc: &SocCode| {
            self.wages
                .occupation(soc)
                .is_some_and(|o| o.level == Level::Detailed)
        };
        let jobs = |soc: &SocCode| {
            self.wages
                .wages(soc, 0)
                .and_then(|w| w.employment.value())
                .unwrap_or(0)
        };
        let covered: std::collections::BTreeSet<&SocCode> = self
            .roles
            .iter()
            .map(|r| &r.soc)
            .filter(|soc| detailed(soc))
            .collect();
        let all: u64 = self
            .wages
            .occupations()
            .filter(|o| o.level == Level::Detailed)
            .map(|o| jobs(&o.soc))
            .sum();
        let held: u64 = covered.iter().map(|soc| jobs(soc)).sum();
        Coverage {
            roles: self.roles.len(),
            occupations: covered.len(),
            all_occupations: self
                .wages
                .occupations()
                .filter(|o| o.level == Level::Detailed)
                .count(),
            share: if all == 0 {
                0.0
            } else {
                held as f64 * 100.0 / all as f64
            },
        }
    }

    /// The job-title dictionary.
    pub fn titles(&self) -> &TitleDictionary {
        &self.titles
    }

    /// The roles written for occupation `soc`, by title.
    pub fn roles_for<'a>(&'a self, soc: &'a SocCode) -> impl Iterator<Item = &'a Role> {
        self.roles.iter().filter(move |role| role.soc == *soc)
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

/// Reads and parses the data file at `name` in `dir`, recording every problem with the
/// file's path.
fn data_file<T>(
    dir: &Path,
    name: &str,
    errors: &mut Vec<ContentError>,
    parse: impl FnOnce(&str) -> Result<T, Vec<Problem>>,
) -> Option<T> {
    let path = dir.join(name);
    let source = read(&path, errors)?;
    parse(&source)
        .map_err(|problems| errors.extend(problems.into_iter().map(|p| p.in_file(&path))))
        .ok()
}

/// Parses every file with `parse`, keeping each result with its path and every problem,
/// in the files' order. Large libraries are split across the machine's cores.
fn parse_all<T: Send>(
    paths: &[PathBuf],
    parse: fn(&Path, &str) -> Result<T, Vec<Problem>>,
    errors: &mut Vec<ContentError>,
) -> Vec<(PathBuf, T)> {
    const PER_THREAD: usize = 200;
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    let chunk = paths.len().div_ceil(threads).max(PER_THREAD);
    let results: Vec<Parsed<T>> = std::thread::scope(|scope| {
        let handles: Vec<_> = paths
            .chunks(chunk)
            .map(|part| scope.spawn(move || parse_some(part, parse)))
            .collect();
        handles
            .into_iter()
            .map(|h| {
                h.join()
                    .unwrap_or_else(|panic| std::panic::resume_unwind(panic))
            })
            .collect()
    });
    let mut parsed = Vec::new();
    for (items, problems) in results {
        parsed.extend(items);
        errors.extend(problems);
    }
    parsed
}

/// What some files parsed into, and the problems of those that did not.
type Parsed<T> = (Vec<(PathBuf, T)>, Vec<ContentError>);

fn parse_some<T>(
    paths: &[PathBuf],
    parse: fn(&Path, &str) -> Result<T, Vec<Problem>>,
) -> Parsed<T> {
    let mut parsed = Vec::new();
    let mut errors = Vec::new();
    for path in paths {
        let Some(source) = read(path, &mut errors) else {
            continue;
        };
        match parse(path, &source) {
            Ok(item) => parsed.push((path.clone(), item)),
            Err(problems) => errors.extend(problems.into_iter().map(|p| p.in_file(path))),
        }
    }
    (parsed, errors)
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

/// The files of `dir` ending in `.{extension}`, sorted, each with its text; none when
/// the directory does not exist.
fn data_files(
    dir: &Path,
    extension: &str,
    errors: &mut Vec<ContentError>,
) -> Vec<(PathBuf, String)> {
    let Ok(entries) = fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut paths: Vec<PathBuf> = entries
        .flatten()
        .map(|entry| entry.path())
        .filter(|path| path.extension().is_some_and(|ext| ext == extension))
        .collect();
    paths.sort();
    paths
        .into_iter()
        .filter_map(|path| read(&path, errors).map(|text| (path, text)))
        .collect()
}

/// Like [`markdown_files`], for a directory the site can do without.
fn optional_markdown_files(dir: &Path, errors: &mut Vec<ContentError>) -> Vec<PathBuf> {
    if dir.is_dir() {
        markdown_files(dir, errors)
    } else {
        Vec::new()
    }
}
