//! What the base layout (`templates/base.html`) needs from every page.

use super::Assets;

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
    /// Keep the page out of search engines.
    pub noindex: bool,
}

impl<'a> Layout<'a> {
    /// A page titled `title` ("Account Manager job description"); the site name is appended.
    pub fn new(assets: &'a Assets, title: &str, description: &str) -> Self {
        Self {
            title: format!("{title} | {SITE_NAME}"),
            description: description.to_owned(),
            section: Section::None,
            assets,
            noindex: false,
        }
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

    /// True when the page belongs to the job descriptions section.
    pub fn in_roles(&self) -> bool {
        self.section == Section::Roles
    }

    /// True when the page belongs to the salaries section.
    pub fn in_salaries(&self) -> bool {
        self.section == Section::Salaries
    }
}
