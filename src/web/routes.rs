//! The route table: one `config` function per page family, tried in this order (the
//! first resource whose path matches answers). Every page answers GET and HEAD;
//! anything else falls through to the canonical-path redirect or the 404 page.

use actix_web::web;

use super::{articles, assets, drafts, errors, feeds, home, metro_pay, pages, roles, salaries};
use super::{preview, search, starting};

/// Every route of the site.
pub fn config(cfg: &mut web::ServiceConfig) {
    cfg.configure(home::config)
        // The builder and drafts before `/job-descriptions/{slug}`.
        .configure(drafts::config)
        .configure(preview::config)
        .configure(starting::config)
        .configure(roles::config)
        .configure(salaries::config)
        .configure(metro_pay::config)
        .configure(articles::config)
        .configure(search::config)
        .configure(feeds::config)
        .configure(assets::config)
        // Last: `/{page}` would match any single segment.
        .configure(pages::config)
        .default_service(web::to(errors::fallback));
}
