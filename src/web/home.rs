//! The home page.

use actix_web::{HttpResponse, web};
use askama::Template;

use super::{Layout, Site, render};
use crate::content::{Article, Category, Role};
use crate::error::AppError;

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

#[derive(Template)]
#[template(path = "home/show.html")]
struct HomePage<'a> {
    layout: Layout<'a>,
    role_count: usize,
    featured: Vec<&'a Role>,
    categories: Vec<CategoryGroup<'a>>,
    articles: &'a [Article],
}

/// `GET /`
pub async fn show(site: web::Data<Site>) -> Result<HttpResponse, AppError> {
    let mut layout = Layout::new(
        &site,
        "Job descriptions, pay data and a job description builder",
        "Plain-English job descriptions with official U.S. pay data, for employers writing a job posting.",
    );
    layout.title = "Rolebook: job descriptions and pay data for employers".to_owned();
    let layout = layout.at("/");
    render(&HomePage {
        layout,
        role_count: site.library.roles().len(),
        featured: site.library.featured().collect(),
        categories: category_groups(&site),
        articles: &site.library.articles()[..site.library.articles().len().min(4)],
    })
}
