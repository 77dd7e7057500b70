//! What the base layout (`templates/base.html`) needs from every page.

use time::Date;
use time::macros::format_description;

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
}

impl<'a> Layout<'a> {
    /// A page titled `title` ("Account Manager job description"); the site name is appended.
    pub fn new(assets: &'a Assets, title: &str, description: &str) -> Self {
        Self {
            title: format!("{title} | {SITE_NAME}"),
            description: description.to_owned(),
            section: Section::None,
            assets,
        }
    }

    /// Marks `section` as the current part of the site.
    pub fn in_section(mut self, section: Section) -> Self {
        self.section = section;
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

/// A date as people read it: "23 November 2026".
pub fn human_date(date: Date) -> String {
    date.format(format_description!(
        "[day padding:none] [month repr:long] [year]"
    ))
    .unwrap_or_else(|_| date.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_read_naturally() {
        assert_eq!(
            human_date(time::macros::date!(2026 - 11 - 03)),
            "3 November 2026"
        );
    }
}
