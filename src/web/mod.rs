//! The web layer: shared state, the route table, and one file per page family
//! (handlers, their template structs and their unit tests).

mod articles;
mod assets;
mod categories;
mod chart;
mod client;
mod csrf;
mod delivery;
mod drafts;
mod errors;
mod feeds;
mod form_body;
mod form_page;
mod home;
mod json_ld;
mod layout;
mod metro_pay;
mod middleware;
mod pages;
mod pay_panel;
mod pay_table;
mod place;
mod posting_view;
mod preview;
mod range_bar;
mod rate_limit;
mod review;
mod roles;
mod routes;
mod salaries;
mod salary_index;
mod sample;
mod search;
mod site;
mod starting;

use actix_web::body::MessageBody;
use actix_web::dev::{ServiceFactory, ServiceRequest, ServiceResponse};
use actix_web::http::header::ContentType;
use actix_web::middleware::from_fn;
use actix_web::{App, Error, FromRequest, Handler, HttpResponse, Resource, Responder, guard, web};
use askama::Template;

pub use crate::dates::human_date;
pub use assets::{Assets, THEME_COLOR};
pub use client::Client;
pub use csrf::CsrfKey;
pub use delivery::PageCache;
pub use form_body::{BODY_TIMEOUT, MAX_BODY};
pub use layout::{Layout, Section};
pub use rate_limit::RateLimiter;
pub use site::Site;

use crate::error::AppError;

/// The application: middleware and the route table over `site`, with form
/// submissions limited by `limiter` and pages kept in `cache`.
pub fn app(
    site: web::Data<Site>,
    limiter: web::Data<RateLimiter>,
    cache: web::Data<PageCache>,
) -> App<
    impl ServiceFactory<
        ServiceRequest,
        Config = (),
        Response = ServiceResponse<impl MessageBody>,
        Error = Error,
        InitError = (),
    >,
> {
    App::new()
        .app_data(site)
        .app_data(limiter)
        .app_data(cache)
        .wrap(from_fn(rate_limit::limit_posts))
        .wrap(errors::error_pages())
        .wrap(from_fn(delivery::deliver))
        .wrap(from_fn(middleware::security_headers))
        .wrap(from_fn(middleware::log_request))
        .configure(routes::config)
}

/// Puts every page of the sitemap in `cache` by asking the application for it (see
/// `delivery::warm`); returns how many pages were rendered.
pub async fn prerender(
    site: web::Data<Site>,
    limiter: web::Data<RateLimiter>,
    cache: web::Data<PageCache>,
) -> usize {
    let paths = feeds::paths(&site);
    let app = actix_web::test::init_service(app(site, limiter, cache)).await;
    delivery::warm(&app, &paths).await
}

/// A page at `path`, answering GET and HEAD with `handler` (for the families' `config`).
fn page<F, Args>(path: &str, handler: F) -> Resource
where
    F: Handler<Args>,
    Args: FromRequest + 'static,
    F::Output: Responder + 'static,
{
    web::resource(path).route(get_or_head().to(handler))
}

/// A route answering GET and HEAD alike.
fn get_or_head() -> actix_web::Route {
    web::route().guard(guard::Any(guard::Get()).or(guard::Head()))
}

/// Renders a page template into a `200 OK` HTML response.
fn render(template: &impl Template) -> Result<HttpResponse, AppError> {
    Ok(HttpResponse::Ok()
        .content_type(ContentType::html())
        .body(template.render()?))
}

#[cfg(test)]
pub(crate) mod tests {
    use std::path::Path;

    use super::*;
    use crate::builder::Drafts;
    use crate::config::Config;
    use crate::content::Library;
    use crate::search::SearchIndex;

    /// The site over the real `content/` directory.
    pub fn site() -> web::Data<Site> {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("content");
        let library = Library::load(&dir).expect("the shipped content is valid");
        let data_dir = tempfile::tempdir().expect("temp dir").keep();
        let store = crate::db::open(&crate::db::DatabaseUrl::Sqlite, &data_dir).expect("database");
        let config = Config {
            addr: ([127, 0, 0, 1], 8080).into(),
            content: crate::config::ContentDir { path: dir },
            data_dir: data_dir.clone(),
            database_url: crate::db::DatabaseUrl::Sqlite,
            csrf_key: None,
            prerender: false,
            post_limit: 0,
            site_url: Some("https://rolebook.test".into()),
            trusted_proxies: Vec::new(),
        };
        web::Data::new(Site {
            csrf_key: csrf::CsrfKey::shared(None, store.as_ref()).expect("key"),
            search: SearchIndex::build(&library).expect("search index"),
            library,
            assets: Assets::new(),
            drafts: Drafts::new(store),
            base_url: config.base_url(),
            config,
        })
    }

    #[actix_web::test]
    async fn every_sitemap_page_is_prerendered_into_the_cache() {
        let site = site();
        let cache = web::Data::new(PageCache::default());
        let paths = feeds::paths(&site);
        let limiter = web::Data::new(RateLimiter::new(0));
        let rendered = prerender(site, limiter, cache.clone()).await;
        assert_eq!(rendered, paths.len(), "every page answers 200");
        assert!(
            cache.pages() > paths.len() / 2,
            "{} pages kept, {} bytes",
            cache.pages(),
            cache.bytes()
        );
    }
}
