//! `/search?q=`: results, or the closest titles and the ways on, never a dead end.

use actix_web::{HttpRequest, HttpResponse, web};
use askama::Template;
use serde::Deserialize;

use super::categories::{CategoryGroup, category_groups};
use super::page;
use super::{Layout, Site, render};
use crate::content::Role;
use crate::error::AppError;
use crate::search::Results;

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct SearchQuery {
    q: String,
}

#[derive(Template)]
#[template(path = "search/results.html")]
struct SearchPage<'a> {
    layout: Layout<'a>,
    results: Results,
    popular: Vec<&'a Role>,
    categories: Vec<CategoryGroup<'a>>,
}

/// `GET /search?q=…`. The query string is read leniently: a malformed one is an empty
/// search, not an error page.
pub async fn search(site: web::Data<Site>, req: HttpRequest) -> Result<HttpResponse, AppError> {
    let query = serde_html_form::from_str::<SearchQuery>(req.query_string()).unwrap_or_default();
    let results = site
        .search
        .search(&query.q)
        .map_err(|e| AppError::Internal(e.to_string()))?;
    let title = if results.query.is_empty() {
        "Search job descriptions and guides".to_owned()
    } else {
        format!("Search results for “{}”", results.query)
    };
    let layout = Layout::new(
        &site,
        &title,
        "Search Rolebook's job descriptions and guides for employers.",
    )
    .noindex();
    render(&SearchPage {
        layout,
        results,
        popular: site.library.featured().collect(),
        categories: category_groups(&site),
    })
}

/// This family's routes (see `routes.rs` for the order they are tried in).
pub fn config(cfg: &mut web::ServiceConfig) {
    cfg.service(page("/search", search));
}
