//! How responses leave: with a validator and freshness for caches ([`conditional`]),
//! compressed for the client ([`encoding`]), and kept in the shared page cache when
//! HTTP allows, as a reverse proxy would ([`cache`]). The pages listed in the sitemap
//! are put in the cache at start-up ([`warm`]), so no visitor waits for them.

mod cache;
mod conditional;
mod encoding;
mod warm;

pub use cache::PageCache;
pub use warm::warm;

use std::sync::Arc;

use actix_web::body::{self, BoxBody, MessageBody};
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::header::{self, HeaderName, HeaderValue};
use actix_web::http::{Method, StatusCode};
use actix_web::middleware::Next;
use actix_web::{Error, web};

use cache::{Page, respond, storable};
use encoding::{Encoding, MIN_COMPRESS, compress_on_the_way, compressible, negotiate};

/// `X-Cache: hit` on a page answered from the cache, `miss` on one just stored there;
/// absent where the cache has no part (query strings, personal pages).
const X_CACHE: HeaderName = HeaderName::from_static("x-cache");

/// Middleware: answers from the cache; otherwise passes the request on, gives a
/// successful GET its `ETag` and `Cache-Control`, answers `If-None-Match`, keeps what
/// it may and compresses the rest on the way out. Only GET and HEAD requests without a
/// query string are looked up in the cache.
pub async fn deliver(
    req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<BoxBody>, Error> {
    let cache = req.app_data::<web::Data<PageCache>>().cloned();
    let get = matches!(*req.method(), Method::GET | Method::HEAD);
    let lookup = get && req.query_string().is_empty();
    let encoding = negotiate(req.headers());
    let if_none_match = req.headers().get(header::IF_NONE_MATCH).cloned();
    if let (Some(cache), true) = (&cache, lookup)
        && let Some(page) = cache.get(req.path(), encoding)
    {
        let (req, _) = req.into_parts();
        let mut response = respond(&page, encoding, if_none_match.as_ref());
        response
            .headers_mut()
            .insert(X_CACHE, HeaderValue::from_static("hit"));
        return Ok(ServiceResponse::new(req, response));
    }
    let key = req.path().to_owned();
    let (req, res) = next.call(req).await?.map_into_boxed_body().into_parts();
    if !get || res.status() != StatusCode::OK {
        return Ok(ServiceResponse::new(
            req,
            compress_on_the_way(res, encoding).await?,
        ));
    }
    let (mut head, body) = res.into_parts();
    let identity = body::to_bytes(body)
        .await
        .map_err(|e| actix_web::error::ErrorInternalServerError(e.to_string()))?;
    let etag = conditional::validate(head.headers_mut(), &identity);
    if let (Some(cache), true) = (cache, lookup && storable(&head)) {
        let page = Arc::new(page(&head, identity, encoding));
        let mut response = respond(&page, encoding, if_none_match.as_ref());
        response
            .headers_mut()
            .insert(X_CACHE, HeaderValue::from_static("miss"));
        cache.insert(key, page);
        return Ok(ServiceResponse::new(req, response));
    }
    if conditional::unchanged(if_none_match.as_ref(), &etag) {
        let cache_control = head.headers().get(header::CACHE_CONTROL).cloned();
        let cache_control = cache_control.unwrap_or_else(|| HeaderValue::from_static(""));
        return Ok(ServiceResponse::new(
            req,
            conditional::not_modified(&etag, &cache_control),
        ));
    }
    let res = head.set_body(BoxBody::new(identity));
    Ok(ServiceResponse::new(
        req,
        compress_on_the_way(res, encoding).await?,
    ))
}

/// The cache's copy of a response, with the form `encoding` needs already made (the
/// others are made when first asked for).
fn page(head: &actix_web::HttpResponse<()>, identity: web::Bytes, encoding: Encoding) -> Page {
    let value = |name| {
        head.headers()
            .get(name)
            .cloned()
            .unwrap_or_else(|| HeaderValue::from_static(""))
    };
    let content_type = value(header::CONTENT_TYPE);
    let compress =
        identity.len() >= MIN_COMPRESS && compressible(content_type.to_str().unwrap_or(""));
    let page = Page {
        content_type,
        etag: value(header::ETAG),
        cache_control: value(header::CACHE_CONTROL),
        // A copy of exactly its length: the rendered body has spare capacity.
        identity: Some(web::Bytes::copy_from_slice(&identity)),
        compress,
        gzip: None,
        brotli: None,
    };
    page.with(encoding).unwrap_or(page)
}
