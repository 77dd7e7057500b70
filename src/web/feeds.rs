//! For machines: `/sitemap.xml` (every public page with its last change), `/robots.txt`
//! and `/feed.xml` (an Atom feed of articles).

use actix_web::{HttpResponse, web};
use askama::Template;
use time::Date;

use super::Site;
use crate::content::Article;
use crate::error::AppError;
use crate::wages::Level;

/// A sitemap entry.
struct Entry {
    loc: String,
    lastmod: Date,
}

#[derive(Template)]
#[template(path = "feeds/sitemap.xml", escape = "html")]
struct Sitemap {
    entries: Vec<Entry>,
}

/// Every page search engines should index, with when it last changed.
fn entries(site: &Site) -> Vec<Entry> {
    let library = &site.library;
    let published = library.wages().release().published;
    let newest = |dates: &mut dyn Iterator<Item = Date>| dates.max().unwrap_or(published);
    let roles_changed = newest(&mut library.roles().iter().map(|r| r.updated));
    let articles_changed = newest(&mut library.articles().iter().map(|a| a.updated));
    let mut pages: Vec<(String, Date)> = vec![
        ("/".into(), roles_changed.max(articles_changed)),
        ("/job-descriptions".into(), roles_changed),
        (
            "/job-descriptions/build".into(),
            roles_changed.max(published),
        ),
        ("/salaries".into(), published),
        ("/resources".into(), articles_changed),
    ];
    for role in library.roles() {
        pages.push((
            format!("/job-descriptions/{}", role.slug),
            role.updated.max(published),
        ));
        pages.push((
            format!("/salaries/{}", role.slug),
            role.updated.max(published),
        ));
    }
    let wages = library.wages();
    for occupation in wages
        .occupations()
        .filter(|o| o.level == Level::Detailed && wages.has(&o.soc))
    {
        pages.push((format!("/salaries/soc/{}", occupation.soc), published));
    }
    pages.extend(
        library
            .articles()
            .iter()
            .map(|a| (format!("/resources/{}", a.slug), a.updated)),
    );
    pages.extend(
        library
            .pages()
            .iter()
            .map(|p| (format!("/{}", p.slug), p.updated)),
    );
    pages
        .into_iter()
        .map(|(path, lastmod)| Entry {
            loc: format!("{}{path}", site.base_url),
            lastmod,
        })
        .collect()
}

/// `GET /sitemap.xml`
pub async fn sitemap(site: web::Data<Site>) -> Result<HttpResponse, AppError> {
    let body = Sitemap {
        entries: entries(&site),
    }
    .render()?;
    Ok(HttpResponse::Ok()
        .content_type("application/xml; charset=utf-8")
        .body(body))
}

/// `GET /robots.txt`
pub async fn robots(site: web::Data<Site>) -> HttpResponse {
    let body = format!(
        "User-agent: *\nDisallow: /job-descriptions/drafts/\nDisallow: /search\n\nSitemap: {}/sitemap.xml\n",
        site.base_url
    );
    HttpResponse::Ok()
        .content_type("text/plain; charset=utf-8")
        .body(body)
}

#[derive(Template)]
#[template(path = "feeds/atom.xml", escape = "html")]
struct Feed<'a> {
    base_url: &'a str,
    updated: Date,
    articles: &'a [Article],
}

/// `GET /feed.xml`: every article, newest first.
pub async fn feed(site: web::Data<Site>) -> Result<HttpResponse, AppError> {
    let articles = site.library.articles();
    let updated = articles
        .iter()
        .map(|a| a.updated)
        .max()
        .unwrap_or(site.library.wages().release().published);
    let body = Feed {
        base_url: &site.base_url,
        updated,
        articles,
    }
    .render()?;
    Ok(HttpResponse::Ok()
        .content_type("application/atom+xml; charset=utf-8")
        .body(body))
}
