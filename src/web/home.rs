//! The home page.

use actix_web::{HttpResponse, web};
use askama::Template;

use super::categories::{CategoryGroup, category_groups};
use super::page;
use super::{Layout, Site, render};
use crate::content::{Article, Role};
use crate::error::AppError;

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

/// This family's routes (see `routes.rs` for the order they are tried in).
pub fn config(cfg: &mut web::ServiceConfig) {
    cfg.service(page("/", show));
}
