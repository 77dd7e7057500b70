//! `content/site.toml`: the role categories and the roles featured on the home page.

use serde::Deserialize;
use toml::Spanned;

use super::front_matter::Document;
use crate::diagnostics::Problem;
use crate::wages::slugify;

/// A group of roles, e.g. "Sales".
#[derive(Debug, Clone)]
pub struct Category {
    /// Display name; roles name it in `category`.
    pub name: String,
    /// URL fragment, e.g. `customer-service`.
    pub anchor: String,
    /// One sentence about the roles in it.
    pub description: String,
}

/// Site-wide settings read from `site.toml`.
#[derive(Debug, Clone)]
pub struct Settings {
    /// Role categories, in display order.
    pub categories: Vec<Category>,
    /// Article categories, in display order.
    pub article_categories: Vec<Category>,
    /// Slugs of roles shown on the home and not-found pages.
    pub featured: Vec<String>,
    /// Line of each featured slug, for reporting unknown ones.
    pub featured_lines: Vec<usize>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Raw {
    featured: Vec<Spanned<String>>,
    categories: Vec<RawCategory>,
    #[serde(default)]
    article_categories: Vec<RawCategory>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawCategory {
    name: Spanned<String>,
    description: Spanned<String>,
}

/// Parses the text of `site.toml`.
pub fn parse(source: &str) -> Result<Settings, Problem> {
    let doc = Document::toml(source);
    let raw: Raw = doc.front_matter()?;
    let categories = read_categories(&doc, &raw.categories)?;
    let article_categories = read_categories(&doc, &raw.article_categories)?;
    Ok(Settings {
        categories,
        article_categories,
        featured: raw
            .featured
            .iter()
            .map(|s| s.get_ref().trim().to_owned())
            .collect(),
        featured_lines: raw.featured.iter().map(|s| doc.line_of(s.span())).collect(),
    })
}

fn read_categories(doc: &Document<'_>, raw: &[RawCategory]) -> Result<Vec<Category>, Problem> {
    let mut categories: Vec<Category> = Vec::new();
    for category in raw {
        let name = doc.text("name", &category.name, 40)?;
        let description = doc.text("description", &category.description, 200)?;
        if categories.iter().any(|c| c.name == name) {
            return Err(Problem::new(
                doc.line_of(category.name.span()),
                format!("category \"{name}\" is listed twice"),
            ));
        }
        categories.push(Category {
            anchor: slugify(&name),
            name,
            description,
        });
    }
    Ok(categories)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_categories_and_featured_roles() {
        let source = "featured = [\"a\",\n  \"b\"]\n\n[[categories]]\nname = \"Finance and accounting\"\ndescription = \"Money.\"\n";
        let settings = parse(source).expect("valid");
        assert_eq!(settings.featured, ["a", "b"]);
        assert_eq!(settings.featured_lines, [1, 2]);
        assert_eq!(settings.categories[0].anchor, "finance-and-accounting");
    }

    #[test]
    fn errors_use_the_file_s_own_lines() {
        let problem = parse("featured = []\nbogus = 1\n").expect_err("error");
        assert_eq!(problem.line, 2);
        assert!(problem.message.contains("unknown field `bogus`"));
    }
}
