//! The library's categories with their roles, as the home page, the index of job
//! descriptions and the search page list them.

use super::Site;
use crate::content::{Category, Role};

/// A category with its roles, for the home page and the index.
pub struct CategoryGroup<'a> {
    /// The category.
    pub category: &'a Category,
    /// Its roles, by title.
    pub roles: Vec<&'a Role>,
}

/// Every category that has roles, in `site.toml` order.
pub fn category_groups(site: &Site) -> Vec<CategoryGroup<'_>> {
    site.library
        .categories()
        .iter()
        .map(|category| CategoryGroup {
            category,
            roles: site.library.roles_in(category).collect(),
        })
        .filter(|group| !group.roles.is_empty())
        .collect()
}
