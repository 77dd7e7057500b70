//! What the base layout (`templates/base.html`) needs from every page: title,
//! description, canonical address, Open Graph type, breadcrumbs and JSON-LD.

use serde_json::Value;

use super::json_ld::{breadcrumb_list, json_for_html};
use super::{Assets, Site};

/// The site's name, in titles and the header.
pub const SITE_NAME: &str = "Rolebook";

/// The part of the site a page belongs to, marked as current in the header.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Section {
    /// No header link is current.
    None,
    /// Job descriptions: the index and role pages.
    Roles,
    /// Salary pages.
    Salaries,
    /// Articles.
    Resources,
}

/// One step of the breadcrumb trail.
pub struct Crumb {
    /// What it is called.
    pub name: String,
    /// Where it is (the last one is the page itself).
    pub path: String,
}

/// The layout's view of a page.
pub struct Layout<'a> {
    /// The `<title>`, site name included.
    pub title: String,
    /// The meta description.
    pub description: String,
    /// The header link to mark as current.
    pub section: Section,
    /// Static file URLs.
    pub assets: &'a Assets,
    /// The public address, for absolute links.
    pub base_url: &'a str,
    /// The canonical path, for pages search engines should index.
    pub path: Option<String>,
    /// Keep the page out of search engines.
    pub noindex: bool,
    /// Open Graph type: "website" or "article".
    pub og_type: &'static str,
    /// The trail from the home page, shown and described as JSON-LD.
    pub breadcrumbs: Vec<Crumb>,
    /// JSON-LD blocks, serialized safely for `<script>`.
    pub json_ld: Vec<String>,
}

impl<'a> Layout<'a> {
    /// A page titled `title` ("Account Manager job description"); the site name is appended.
    pub fn new(site: &'a Site, title: &str, description: &str) -> Self {
        Self {
            title: format!("{title} | {SITE_NAME}"),
            description: description.to_owned(),
            section: Section::None,
            assets: &site.assets,
            base_url: &site.base_url,
            path: None,
            noindex: false,
            og_type: "website",
            breadcrumbs: Vec::new(),
            json_ld: Vec::new(),
        }
    }

    /// The page's canonical path, `/job-descriptions/accountant`.
    pub fn at(mut self, path: impl Into<String>) -> Self {
        self.path = Some(path.into());
        self
    }

    /// Marks `section` as the current part of the site.
    pub fn in_section(mut self, section: Section) -> Self {
        self.section = section;
        self
    }

    /// Keeps the page out of search engines.
    pub fn noindex(mut self) -> Self {
        self.noindex = true;
        self
    }

    /// Marks the page as an article for Open Graph.
    pub fn article(mut self) -> Self {
        self.og_type = "article";
        self
    }

    /// Adds a JSON-LD block.
    pub fn json_ld(mut self, value: &Value) -> Self {
        self.json_ld.push(json_for_html(value));
        self
    }

    /// Sets the trail below Home, `(name, path)` each, the page itself last, and adds
    /// its `BreadcrumbList`.
    pub fn breadcrumbs(mut self, trail: &[(&str, &str)]) -> Self {
        self.breadcrumbs = std::iter::once(("Home", "/"))
            .chain(trail.iter().copied())
            .map(|(name, path)| Crumb {
                name: name.to_owned(),
                path: path.to_owned(),
            })
            .collect();
        let trail: Vec<(&str, String)> = self
            .breadcrumbs
            .iter()
            .map(|crumb| {
                (
                    crumb.name.as_str(),
                    format!("{}{}", self.base_url, crumb.path),
                )
            })
            .collect();
        let list = breadcrumb_list(&trail);
        self.json_ld(&list)
    }

    /// The absolute canonical URL, when the page has one.
    pub fn canonical(&self) -> Option<String> {
        self.path
            .as_ref()
            .filter(|_| !self.noindex)
            .map(|path| format!("{}{path}", self.base_url))
    }

    /// True when the page belongs to the job descriptions section.
    pub fn in_roles(&self) -> bool {
        self.section == Section::Roles
    }

    /// True when the page belongs to the salaries section.
    pub fn in_salaries(&self) -> bool {
        self.section == Section::Salaries
    }

    /// True when the page belongs to the resources section.
    pub fn in_resources(&self) -> bool {
        self.section == Section::Resources
    }
}
