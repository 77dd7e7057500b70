//! For machines: `/sitemap.xml` (every public page with its last change),
//! `/sitemap-metro.xml` (an index of one sitemap per major occupation group of the
//! metro pay pages with a published median), `/robots.txt` and `/feed.xml` (an Atom
//! feed of articles).

use actix_web::{HttpResponse, web};
use askama::Template;
use time::Date;

use super::Site;
use super::page;
use super::pay_panel::metro_path;
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

/// The path of every page search engines should index.
pub fn paths(site: &Site) -> Vec<String> {
    pages(site).into_iter().map(|(path, _)| path).collect()
}

/// Every page search engines should index, with when it last changed.
fn entries(site: &Site) -> Vec<Entry> {
    pages(site)
        .into_iter()
        .map(|(path, lastmod)| Entry {
            loc: format!("{}{path}", site.base_url),
            lastmod,
        })
        .collect()
}

/// Every page search engines should index, by path, with when it last changed.
fn pages(site: &Site) -> Vec<(String, Date)> {
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
    pages.extend(
        super::salary_index::group_paths(site)
            .into_iter()
            .map(|path| (path, published)),
    );
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
}

/// `GET /sitemap.xml`
pub async fn sitemap(site: web::Data<Site>) -> Result<HttpResponse, AppError> {
    let body = Sitemap {
        entries: entries(&site),
    }
    .render()?;
    Ok(xml(body))
}

#[derive(Template)]
#[template(path = "feeds/sitemap_index.xml", escape = "html")]
struct SitemapIndex {
    sitemaps: Vec<Entry>,
}

/// The two-digit major groups with at least one detailed occupation with pay data.
fn major_groups(site: &Site) -> Vec<String> {
    let wages = site.library.wages();
    let mut groups: Vec<String> = wages
        .occupations()
        .filter(|o| o.level == Level::Detailed && wages.has(&o.soc))
        .map(|o| o.soc.as_str()[..2].to_owned())
        .collect();
    groups.dedup();
    groups
}

/// `GET /sitemap-metro.xml`: one sitemap per major occupation group, each well under
/// the 50,000 addresses a sitemap may hold.
pub async fn metro_index(site: web::Data<Site>) -> Result<HttpResponse, AppError> {
    let lastmod = site.library.wages().release().published;
    let body = SitemapIndex {
        sitemaps: major_groups(&site)
            .into_iter()
            .map(|group| Entry {
                loc: format!("{}/sitemap-metro/{group}.xml", site.base_url),
                lastmod,
            })
            .collect(),
    }
    .render()?;
    Ok(xml(body))
}

/// `GET /sitemap-metro/{group}.xml`: every metro pay page of the group's occupations
/// where BLS published a median.
pub async fn metro_group(
    site: web::Data<Site>,
    group: web::Path<String>,
) -> Result<HttpResponse, AppError> {
    if !major_groups(&site).contains(&group) {
        return Err(AppError::NotFound);
    }
    let wages = site.library.wages();
    let lastmod = wages.release().published;
    let mut entries = Vec::new();
    for occupation in wages.occupations().filter(|o| {
        o.level == Level::Detailed
            && o.soc.as_str().starts_with(group.as_str())
            && wages.has(&o.soc)
    }) {
        for area in wages.metro().with_median(&occupation.soc)? {
            let slug = &wages.metro().areas()[area].slug;
            entries.push(Entry {
                loc: format!(
                    "{}{}",
                    site.base_url,
                    metro_path(occupation.soc.as_str(), slug)
                ),
                lastmod,
            });
        }
    }
    Ok(xml(Sitemap { entries }.render()?))
}

fn xml(body: String) -> HttpResponse {
    HttpResponse::Ok()
        .content_type("application/xml; charset=utf-8")
        .body(body)
}

/// `GET /robots.txt`
pub async fn robots(site: web::Data<Site>) -> HttpResponse {
    let body = format!(
        "User-agent: *\nDisallow: /job-descriptions/drafts/\nDisallow: /search\n\nSitemap: {0}/sitemap.xml\nSitemap: {0}/sitemap-metro.xml\n",
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

/// This family's routes (see `routes.rs` for the order they are tried in).
pub fn config(cfg: &mut web::ServiceConfig) {
    cfg.service(page("/sitemap.xml", sitemap))
        .service(page("/sitemap-metro.xml", metro_index))
        .service(page("/sitemap-metro/{group}.xml", metro_group))
        .service(page("/robots.txt", robots))
        .service(page("/feed.xml", feed));
}
