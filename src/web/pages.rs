//! Standalone pages such as About, from `content/pages/`.

use actix_web::{HttpResponse, web};
use askama::Template;

use super::page;
use super::{Layout, Site, human_date, render};
use crate::content::{Coverage, Page};
use crate::error::AppError;

#[derive(Template)]
#[template(path = "pages/show.html")]
struct PageView<'a> {
    layout: Layout<'a>,
    page: &'a Page,
    updated: String,
    /// The library's coverage, on pages that show it, and the wage release it counts by.
    coverage: Option<(Coverage, String)>,
}

/// `GET /{page}`
pub async fn show(
    site: web::Data<Site>,
    slug: web::Path<String>,
) -> Result<HttpResponse, AppError> {
    let page = site.library.page(&slug).ok_or(AppError::NotFound)?;
    render(&PageView {
        layout: Layout::new(&site, &page.title, &page.summary).at(format!("/{}", page.slug)),
        coverage: page.coverage.then(|| {
            let release = site.library.wages().release().name.clone();
            (site.library.coverage(), release)
        }),
        page,
        updated: human_date(page.updated),
    })
}

/// This family's routes (see `routes.rs` for the order they are tried in).
pub fn config(cfg: &mut web::ServiceConfig) {
    cfg.service(page("/{page}", show));
}
