//! Content loading: role files, pages and site settings, read and validated once at
//! start-up into typed, rendered structs. Requests never parse Markdown.

mod blocks;
mod error;
mod front_matter;
mod lines;
mod markdown;
mod page;
mod role;
mod sections;
mod site;

use std::collections::HashMap;
use std::fs;
use std::path::{Path, PathBuf};

use crate::builder::PayRules;
use crate::wages::WageData;

pub use error::{ContentError, ContentErrors, Problem};
pub(crate) use front_matter::Document;
pub(crate) use lines::LineIndex;
pub use page::Page;
pub use role::{MIN_SIMILAR, Role, SUMMARY_MAX};
pub use sections::{
    DUTIES, Faq, ListItem, ListSection, MIN_QUESTIONS, MIN_SKILLS, RoleBody, Section,
};
pub use site::Category;

/// Everything under the content directory, validated.
#[derive(Debug)]
pub struct Library {
    roles: Vec<Role>,
    by_slug: HashMap<String, usize>,
    categories: Vec<Category>,
    featured: Vec<usize>,
    pages: Vec<Page>,
    wages: WageData,
    pay_rules: PayRules,
}

/// The pay transparency rules, inside the content directory.
pub const PAY_RULES_FILE: &str = "data/pay-transparency.toml";

/// Where the wage data lives inside the content directory.
pub const WAGE_DATA_DIR: &str = "data/oews";

impl Library {
    /// Loads and validates `dir` (holding `site.toml`, `roles/`, the wage data in
    /// `data/oews/` and optionally `pages/`), reporting every error.
    pub fn load(dir: &Path) -> Result<Self, ContentErrors> {
        let mut errors = Vec::new();
        let settings_path = dir.join("site.toml");
        let settings = read(&settings_path, &mut errors).and_then(|source| {
            site::parse(&source)
                .map_err(|p| errors.push(p.in_file(&settings_path)))
                .ok()
        });
        let mut parsed = Vec::new();
        let role_files = markdown_files(&dir.join("roles"), &mut errors);
        for path in &role_files {
            let path = path.as_path();
            let Some(source) = read(path, &mut errors) else {
                continue;
            };
            match role::parse(path, &source) {
                Ok(role) => parsed.push((path.to_path_buf(), role)),
                Err(problems) => errors.extend(problems.into_iter().map(|p| p.in_file(path))),
            }
        }
        let mut pages = Vec::new();
        let pages_dir = dir.join("pages");
        let page_files = match pages_dir.is_dir() {
            true => markdown_files(&pages_dir, &mut errors),
            false => Vec::new(),
        };
        for path in page_files {
            let Some(source) = read(&path, &mut errors) else {
                continue;
            };
            match page::parse(&path, &source) {
                Ok(page) => pages.push(page),
                Err(problems) => errors.extend(problems.into_iter().map(|p| p.in_file(&path))),
            }
        }
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
        let files = RoleFiles::new(&role_files, &mut errors);
        let library = match (settings, wages, pay_rules) {
            (Some(settings), Some(wages), Some(pay_rules)) => {
                let checked = Checked {
                    settings,
                    wages,
                    pay_rules,
                    files,
                    settings_path,
                };
                Some(checked.library(parsed, pages, &mut errors))
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

    /// The categories, in `site.toml` order.
    pub fn categories(&self) -> &[Category] {
        &self.categories
    }

    /// The category with this name.
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

    /// The wage data.
    pub fn wages(&self) -> &WageData {
        &self.wages
    }

    /// The pay transparency rules.
    pub fn pay_rules(&self) -> &PayRules {
        &self.pay_rules
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

/// The slug of every role file, valid or not, so that a role with errors is not also
/// reported as missing by every role that links to it.
struct RoleFiles<'a>(HashMap<&'a str, &'a Path>);

impl<'a> RoleFiles<'a> {
    /// Indexes `paths` by slug, reporting two files with the same slug (in different folders).
    fn new(paths: &'a [PathBuf], errors: &mut Vec<ContentError>) -> Self {
        let mut by_slug: HashMap<&str, &Path> = HashMap::new();
        for path in paths {
            let Some(slug) = path.file_stem().and_then(|s| s.to_str()) else {
                continue;
            };
            if let Some(other) = by_slug.insert(slug, path) {
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

/// What cross-file checks compare roles against.
struct Checked<'a> {
    settings: site::Settings,
    wages: WageData,
    pay_rules: PayRules,
    files: RoleFiles<'a>,
    settings_path: PathBuf,
}

impl Checked<'_> {
    /// Checks what no single file can: unique titles, similar and featured roles that
    /// exist, known categories, SOC codes with wage data. Then builds the library.
    fn library(
        self,
        parsed: Vec<(PathBuf, role::ParsedRole)>,
        pages: Vec<Page>,
        errors: &mut Vec<ContentError>,
    ) -> Library {
        let Checked {
            settings,
            wages,
            pay_rules,
            files,
            settings_path,
        } = self;
        let mut titles: HashMap<String, &Path> = HashMap::new();
        for (path, parsed) in &parsed {
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
            if !settings.categories.iter().any(|c| c.name == role.category) {
                let names: Vec<&str> = settings
                    .categories
                    .iter()
                    .map(|c| c.name.as_str())
                    .collect();
                let message = format!(
                    "unknown category \"{}\"; site.toml lists: {}",
                    role.category,
                    names.join(", ")
                );
                problem(parsed.category_line, message);
            }
            if !wages.has(&role.soc) {
                let release = &wages.release().name;
                let message = format!(
                    "`soc` {} is not a detailed occupation in the OEWS {release} data",
                    role.soc
                );
                problem(parsed.soc_line, message);
            }
            for (slug, line) in role.similar.iter().zip(&parsed.similar_lines) {
                if !files.exists(slug) {
                    problem(
                        *line,
                        format!("similar role \"{slug}\" does not exist (no roles/{slug}.md)"),
                    );
                }
            }
        }
        for (slug, line) in settings.featured.iter().zip(&settings.featured_lines) {
            if !files.exists(slug) {
                errors.push(
                    Problem::new(*line, format!("featured role \"{slug}\" does not exist"))
                        .in_file(&settings_path),
                );
            }
        }

        let mut roles: Vec<Role> = parsed.into_iter().map(|(_, parsed)| parsed.role).collect();
        roles.sort_by_key(|role| role.title.to_lowercase());
        let by_slug: HashMap<String, usize> = roles
            .iter()
            .enumerate()
            .map(|(i, role)| (role.slug.clone(), i))
            .collect();
        let featured = settings
            .featured
            .iter()
            .filter_map(|slug| by_slug.get(slug).copied())
            .collect();
        Library {
            roles,
            by_slug,
            categories: settings.categories,
            featured,
            pages,
            wages,
            pay_rules,
        }
    }
}
