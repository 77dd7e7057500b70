//! Pre-rendering. The pages in the sitemap are finite and depend only on the content,
//! so once the server listens each is requested through the application itself, as a
//! browser would: rendered, compressed in brotli and kept in the cache before any
//! visitor asks for it (other encodings are made when first asked for). Start-up does
//! not wait for it.

use std::time::Instant;

use actix_http::Request;
use actix_web::dev::{Service, ServiceResponse};
use actix_web::http::header;
use actix_web::test::TestRequest;

/// Requests each of `paths` once from `app`; returns how many were answered `200`.
pub async fn warm<S, B>(app: &S, paths: &[String]) -> usize
where
    S: Service<Request, Response = ServiceResponse<B>, Error = actix_web::Error>,
{
    let started = Instant::now();
    let mut rendered = 0;
    for path in paths {
        let request = TestRequest::get()
            .uri(path)
            .insert_header((header::ACCEPT_ENCODING, "br, gzip"))
            .to_request();
        if app
            .call(request)
            .await
            .is_ok_and(|res| res.status().is_success())
        {
            rendered += 1;
        }
    }
    tracing::info!(
        pages = rendered,
        ms = started.elapsed().as_millis() as u64,
        "sitemap pages pre-rendered"
    );
    rendered
}
