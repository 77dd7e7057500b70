//! The web layer: shared state, the route table, and one file per page family
//! (handlers, their template structs and their unit tests).

mod articles;
mod assets;
mod builder;
mod chart;
mod client;
mod csrf;
mod delivery;
mod drafts;
mod errors;
mod feeds;
mod form_body;
mod home;
mod layout;
mod metro_pay;
mod middleware;
mod pages;
mod place;
mod rate_limit;
mod review;
mod roles;
mod salaries;
mod salary;
mod sample;
mod search;
mod starting;
mod structured;

use actix_web::body::MessageBody;
use actix_web::dev::{ServiceFactory, ServiceRequest, ServiceResponse};
use actix_web::http::header::ContentType;
use actix_web::middleware::from_fn;
use actix_web::{App, Error, FromRequest, Handler, HttpResponse, Resource, Responder, guard, web};
use askama::Template;

pub use crate::dates::human_date;
pub use assets::Assets;
pub use client::Client;
pub use csrf::CsrfKey;
pub use delivery::PageCache;
pub use form_body::{BODY_TIMEOUT, MAX_BODY};
pub use layout::{Layout, Section};
pub use rate_limit::RateLimiter;

use crate::builder::Drafts;
use crate::config::Config;
use crate::content::Library;
use crate::error::AppError;
use crate::search::SearchIndex;

/// Everything handlers read, built once at start-up.
pub struct Site {
    /// Roles, pages and categories.
    pub library: Library,
    /// Static files.
    pub assets: Assets,
    /// Saved job description drafts.
    pub drafts: Drafts,
    /// Search over roles and articles.
    pub search: SearchIndex,
    /// The start-up settings.
    pub config: Config,
    /// `config.base_url()`, computed once.
    pub base_url: String,
    /// The key that signs form tokens.
    pub csrf_key: csrf::CsrfKey,
}

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
        .configure(routes)
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

/// The route table. Every page answers GET and HEAD; anything else falls through to
/// the canonical-path redirect or the 404 page.
fn routes(cfg: &mut web::ServiceConfig) {
    cfg.service(page("/", home::show))
        .service(page("/job-descriptions", roles::index))
        .service(
            web::resource("/job-descriptions/build")
                .route(get_or_head().to(starting::new))
                .route(web::post().to(builder::create)),
        )
        .service(page("/job-descriptions/titles", starting::titles))
        .service(page(
            "/job-descriptions/suggested-pay",
            starting::suggested_pay,
        ))
        .service(page(
            "/job-descriptions/drafts/{id}.{format}",
            drafts::export,
        ))
        .service(page("/job-descriptions/drafts/{id}", drafts::show))
        .service(
            web::resource("/job-descriptions/drafts/{id}/edit")
                .route(get_or_head().to(drafts::edit))
                .route(web::post().to(drafts::update)),
        )
        .service(page("/job-descriptions/{slug}", roles::show))
        .service(page("/salaries", salaries::index))
        .service(page("/salaries/soc/{code}", salaries::occupation))
        .service(page("/salaries/soc/{code}/{area}", metro_pay::area))
        .service(page("/salaries/{slug}", salaries::role))
        .service(page("/resources", articles::index))
        .service(page("/resources/{slug}", articles::show))
        .service(page("/search", search::search))
        .service(page("/sitemap.xml", feeds::sitemap))
        .service(page("/sitemap-metro.xml", feeds::metro_index))
        .service(page("/sitemap-metro/{group}.xml", feeds::metro_group))
        .service(page("/robots.txt", feeds::robots))
        .service(page("/feed.xml", feeds::feed))
        .service(page("/static/{file}", assets::file))
        .service(page("/favicon.ico", assets::favicon))
        .service(page("/{page}", pages::show))
        .default_service(web::to(errors::fallback));
}

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
