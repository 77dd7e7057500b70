//! Articles for employers: `/resources` by category, and each article with its table
//! of contents, dates and related roles.

use actix_web::{HttpResponse, web};
use askama::Template;

use super::page;
use super::{Layout, Section, Site, human_date, json_ld, render};
use crate::content::{Article, Category, Role};
use crate::error::AppError;

/// An article in a listing.
struct Card<'a> {
    article: &'a Article,
    published: String,
}

#[derive(Template)]
#[template(path = "articles/index.html")]
struct IndexPage<'a> {
    layout: Layout<'a>,
    groups: Vec<(&'a Category, Vec<Card<'a>>)>,
}

/// `GET /resources`
pub async fn index(site: web::Data<Site>) -> Result<HttpResponse, AppError> {
    let groups = site
        .library
        .article_categories()
        .iter()
        .map(|category| {
            let cards = site
                .library
                .articles()
                .iter()
                .filter(|a| a.category == category.name)
                .map(|article| Card {
                    article,
                    published: human_date(article.published),
                })
                .collect::<Vec<_>>();
            (category, cards)
        })
        .filter(|(_, cards)| !cards.is_empty())
        .collect();
    let layout = Layout::new(
        &site,
        "Resources for employers",
        "Practical guides for employers: writing job descriptions, pay ranges and pay laws, interviewing, and onboarding new hires.",
    )
    .in_section(Section::Resources)
    .at("/resources");
    render(&IndexPage { layout, groups })
}

#[derive(Template)]
#[template(path = "articles/show.html")]
struct ArticlePage<'a> {
    layout: Layout<'a>,
    article: &'a Article,
    category: &'a Category,
    published: String,
    updated: String,
    related: Vec<&'a Role>,
}

/// `GET /resources/{slug}`
pub async fn show(
    site: web::Data<Site>,
    slug: web::Path<String>,
) -> Result<HttpResponse, AppError> {
    let article = site.library.article(&slug).ok_or(AppError::NotFound)?;
    let categories = site.library.article_categories();
    let category = categories
        .iter()
        .find(|c| c.name == article.category)
        .ok_or(AppError::NotFound)?;
    let path = format!("/resources/{}", article.slug);
    let url = format!("{}{path}", site.base_url);
    let layout = Layout::new(&site, &article.title, &article.summary)
        .in_section(Section::Resources)
        .at(&path)
        .article()
        .breadcrumbs(&[("Resources", "/resources"), (&article.title, &path)])
        .json_ld(&json_ld::article(article, &url));
    render(&ArticlePage {
        layout,
        article,
        category,
        published: human_date(article.published),
        updated: human_date(article.updated),
        related: article
            .related
            .iter()
            .filter_map(|slug| site.library.role(slug))
            .collect(),
    })
}

/// This family's routes (see `routes.rs` for the order they are tried in).
pub fn config(cfg: &mut web::ServiceConfig) {
    cfg.service(page("/resources", index))
        .service(page("/resources/{slug}", show));
}
