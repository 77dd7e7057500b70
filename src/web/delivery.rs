//! How responses leave: compressed for the client (brotli or gzip, by
//! `Accept-Encoding`), and kept in a shared cache when HTTP allows, like a reverse
//! proxy's: a page that depends only on the content is rendered once, and each of its
//! compressed forms made once, when first asked for, so a request for it is a lookup.
//! The cache is bounded in bytes and evicts.
//!
//! Compression is ours rather than actix's `Compress`, whose brotli encoder uses a 4 MB
//! window per response: under concurrent load that grew the process by hundreds of MB.

use std::io::Write;
use std::sync::Arc;

use actix_web::body::{self, BodySize, BoxBody, MessageBody};
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::header::{self, HeaderMap, HeaderValue};
use actix_web::http::{Method, StatusCode};
use actix_web::middleware::Next;
use actix_web::web::Bytes;
use actix_web::{Error, HttpResponse, web};

/// The cache holds at most this many bytes of pages (every encoding kept, and their
/// keys); past it, the pages asked for least recently and least often are dropped.
pub const MAX_BYTES: u64 = 24 * 1024 * 1024;

/// A page as sent: the body as rendered, and each compressed form once it was asked for.
#[derive(Clone)]
struct Page {
    content_type: HeaderValue,
    etag: HeaderValue,
    cache_control: HeaderValue,
    identity: Bytes,
    /// False for small or binary bodies, sent as they are.
    compress: bool,
    gzip: Option<Bytes>,
    brotli: Option<Bytes>,
}

impl Page {
    /// This page with the form `encoding` needs, compressed quickly if it was missing;
    /// `None` when nothing was missing.
    fn with(&self, encoding: Encoding) -> Option<Page> {
        if !self.compress {
            return None;
        }
        let mut page = self.clone();
        match encoding {
            Encoding::Brotli if page.brotli.is_none() => {
                page.brotli = Some(brotli(&page.identity, QUICK_BROTLI));
            }
            Encoding::Gzip if page.gzip.is_none() => {
                page.gzip = Some(gzip(&page.identity, QUICK_GZIP));
            }
            _ => return None,
        }
        Some(page)
    }
}

/// What a cached page costs in memory: its bodies, its key and a little for the rest.
#[derive(Clone)]
struct PageWeight;

impl quick_cache::Weighter<String, Arc<Page>> for PageWeight {
    fn weight(&self, key: &String, page: &Arc<Page>) -> u64 {
        let bodies = page.identity.len()
            + page.gzip.as_ref().map_or(0, Bytes::len)
            + page.brotli.as_ref().map_or(0, Bytes::len);
        (key.len() + bodies + 256) as u64
    }
}

/// The cache, shared by every worker: bounded in bytes, evicting what is asked for
/// least (quick_cache's CLOCK-Pro), so a crawl of many pages cannot fill it for good.
pub struct PageCache {
    pages: quick_cache::sync::Cache<String, Arc<Page>, PageWeight>,
}

impl Default for PageCache {
    fn default() -> Self {
        Self::with_capacity(MAX_BYTES)
    }
}

impl PageCache {
    /// A cache holding at most `bytes`.
    pub fn with_capacity(bytes: u64) -> Self {
        // Pages average some 20 KB in all their forms.
        let pages = (bytes / 20_000).max(16) as usize;
        Self {
            pages: quick_cache::sync::Cache::with_weighter(pages, bytes, PageWeight),
        }
    }

    /// The page at `key` with the form `encoding` needs, adding that form if it was
    /// missing.
    fn get(&self, key: &str, encoding: Encoding) -> Option<Arc<Page>> {
        let page = self.pages.get(key)?;
        match page.with(encoding) {
            None => Some(page),
            Some(fuller) => {
                let fuller = Arc::new(fuller);
                self.pages.insert(key.to_owned(), fuller.clone());
                Some(fuller)
            }
        }
    }

    /// Bytes held.
    pub fn bytes(&self) -> u64 {
        self.pages.weight()
    }
}

/// The encodings we send, best first.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Encoding {
    Brotli,
    Gzip,
    Identity,
}

/// The best encoding `Accept-Encoding` allows (a `q=0` entry rules one out).
fn negotiate(headers: &HeaderMap) -> Encoding {
    let accepted = headers
        .get(header::ACCEPT_ENCODING)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("");
    let allows = |name: &str| {
        accepted.split(',').any(|entry| {
            let mut parts = entry.split(';');
            let coding = parts.next().unwrap_or("").trim();
            let refused = parts.any(|p| matches!(p.trim(), "q=0" | "q=0.0" | "q=0.00" | "q=0.000"));
            coding.eq_ignore_ascii_case(name) && !refused
        })
    };
    if allows("br") {
        Encoding::Brotli
    } else if allows("gzip") {
        Encoding::Gzip
    } else {
        Encoding::Identity
    }
}

/// Whether HTTP lets a shared cache keep this response.
fn storable(res: &HttpResponse<BoxBody>) -> bool {
    let headers = res.headers();
    let cache_control = headers
        .get(header::CACHE_CONTROL)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("");
    res.status() == StatusCode::OK
        && !headers.contains_key(header::SET_COOKIE)
        && !headers.contains_key(header::CONTENT_ENCODING)
        && !cache_control.contains("private")
        && !cache_control.contains("no-store")
        && headers.contains_key(header::ETAG)
}

/// Whether a response of this type is worth compressing.
fn compressible(content_type: &str) -> bool {
    content_type.starts_with("text/")
        || [
            "application/json",
            "application/ld+json",
            "application/xml",
            "application/atom+xml",
            "image/svg+xml",
        ]
        .iter()
        .any(|t| content_type.starts_with(t))
}

/// Bodies smaller than this are sent as they are.
const MIN_COMPRESS: usize = 256;
/// Compression levels: quick, so a page asked for the first time costs little more than
/// rendering it (gzip 9 and brotli 9 took some 9 ms a page; these take well under 1 ms).
const QUICK_GZIP: u32 = 6;
const QUICK_BROTLI: i32 = 5;

fn gzip(bytes: &[u8], level: u32) -> Bytes {
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::new(level));
    Bytes::from(
        encoder
            .write_all(bytes)
            .and_then(|()| encoder.finish())
            .unwrap_or_default(),
    )
}

fn brotli(bytes: &[u8], quality: i32) -> Bytes {
    // A 128 KB window covers every page we render; a larger one only costs memory.
    let params = brotli::enc::BrotliEncoderParams {
        quality,
        lgwin: 17,
        ..Default::default()
    };
    let mut out = Vec::new();
    match brotli::BrotliCompress(&mut &bytes[..], &mut out, &params) {
        Ok(_) => Bytes::from(out),
        Err(_) => Bytes::new(),
    }
}

fn respond(page: &Page, encoding: Encoding, if_none_match: Option<&HeaderValue>) -> HttpResponse {
    let not_modified =
        if_none_match.is_some_and(|tag| super::middleware::etag_matches(tag, &page.etag));
    let mut response = if not_modified {
        HttpResponse::NotModified()
    } else {
        HttpResponse::Ok()
    };
    response
        .insert_header((header::ETAG, page.etag.clone()))
        .insert_header((header::CACHE_CONTROL, page.cache_control.clone()))
        .insert_header((header::VARY, HeaderValue::from_static("accept-encoding")));
    if not_modified {
        return response.finish();
    }
    response.insert_header((header::CONTENT_TYPE, page.content_type.clone()));
    let body = match (encoding, &page.brotli, &page.gzip) {
        (Encoding::Brotli, Some(brotli), _) => {
            response.insert_header((header::CONTENT_ENCODING, "br"));
            brotli.clone()
        }
        (Encoding::Gzip | Encoding::Brotli, _, Some(gzip)) => {
            response.insert_header((header::CONTENT_ENCODING, "gzip"));
            gzip.clone()
        }
        _ => page.identity.clone(),
    };
    response.body(body)
}

/// Middleware: answers from the cache; otherwise passes the request on, keeps what it
/// may, and compresses the rest on the way out. Only GET and HEAD requests without a
/// query string are looked up.
pub async fn deliver(
    req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<BoxBody>, Error> {
    let cache = req.app_data::<web::Data<PageCache>>().cloned();
    let lookup =
        matches!(*req.method(), Method::GET | Method::HEAD) && req.query_string().is_empty();
    let key = req.path().to_owned();
    let encoding = negotiate(req.headers());
    let if_none_match = req.headers().get(header::IF_NONE_MATCH).cloned();
    if let (Some(cache), true) = (&cache, lookup)
        && let Some(page) = cache.get(&key, encoding)
    {
        let (req, _) = req.into_parts();
        return Ok(ServiceResponse::new(
            req,
            respond(&page, encoding, if_none_match.as_ref()),
        ));
    }
    let (req, res) = next.call(req).await?.map_into_boxed_body().into_parts();
    if let (Some(cache), true) = (cache, lookup && storable(&res)) {
        let headers = res.headers().clone();
        let identity = body::to_bytes(res.into_body())
            .await
            .map_err(|e| actix_web::error::ErrorInternalServerError(e.to_string()))?;
        let value = |name| {
            headers
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
            identity,
            compress,
            gzip: None,
            brotli: None,
        };
        // Only the form this client asked for is made now; others when first asked for.
        let page = Arc::new(page.with(encoding).unwrap_or(page));
        let response = respond(&page, encoding, None);
        cache.pages.insert(key, page);
        return Ok(ServiceResponse::new(req, response));
    }
    Ok(ServiceResponse::new(
        req,
        compress_on_the_way(res, encoding).await?,
    ))
}

/// Compresses a response that is not cached, with quick settings, when it is worth it.
async fn compress_on_the_way(
    mut res: HttpResponse<BoxBody>,
    encoding: Encoding,
) -> Result<HttpResponse, Error> {
    res.headers_mut()
        .insert(header::VARY, HeaderValue::from_static("accept-encoding"));
    let content_type = res
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("");
    let worth_it = encoding != Encoding::Identity
        && compressible(content_type)
        && !res.headers().contains_key(header::CONTENT_ENCODING)
        && !matches!(
            res.status(),
            StatusCode::NOT_MODIFIED | StatusCode::NO_CONTENT
        )
        && !matches!(res.body().size(), BodySize::Sized(n) if n < MIN_COMPRESS as u64);
    if !worth_it {
        return Ok(res);
    }
    let (head, body) = res.into_parts();
    let bytes = body::to_bytes(body)
        .await
        .map_err(|e| actix_web::error::ErrorInternalServerError(e.to_string()))?;
    let (name, compressed) = match encoding {
        Encoding::Brotli => ("br", brotli(&bytes, QUICK_BROTLI)),
        _ => ("gzip", gzip(&bytes, QUICK_GZIP)),
    };
    let mut res = head.set_body(BoxBody::new(compressed));
    res.headers_mut()
        .insert(header::CONTENT_ENCODING, HeaderValue::from_static(name));
    Ok(res)
}

#[cfg(test)]
mod tests {
    use actix_web::test::TestRequest;

    use super::*;

    #[test]
    fn encodings_are_negotiated() {
        let with = |accept: &str| {
            negotiate(
                TestRequest::get()
                    .insert_header((header::ACCEPT_ENCODING, accept))
                    .to_http_request()
                    .headers(),
            )
        };
        assert!(with("gzip, deflate, br") == Encoding::Brotli);
        assert!(with("gzip") == Encoding::Gzip);
        assert!(with("br;q=0, gzip") == Encoding::Gzip);
        assert!(with("identity") == Encoding::Identity);
        assert!(negotiate(TestRequest::get().to_http_request().headers()) == Encoding::Identity);
    }

    fn page(size: usize) -> Page {
        Page {
            content_type: HeaderValue::from_static("text/html; charset=utf-8"),
            etag: HeaderValue::from_static("W/\"1\""),
            cache_control: HeaderValue::from_static("no-cache"),
            identity: Bytes::from("<p>page</p>".repeat(size / 11)),
            compress: true,
            gzip: None,
            brotli: None,
        }
    }

    #[test]
    fn the_cache_stays_within_its_bytes_and_keeps_what_is_asked_for() {
        let cache = PageCache::with_capacity(1_000_000);
        cache.pages.insert("/often".into(), Arc::new(page(20_000)));
        for i in 0..500 {
            cache
                .pages
                .insert(format!("/page/{i}"), Arc::new(page(20_000)));
            cache.get("/often", Encoding::Identity);
        }
        assert!(cache.bytes() <= 1_000_000, "{} bytes held", cache.bytes());
        assert!(
            cache.get("/often", Encoding::Identity).is_some(),
            "a page in use stays"
        );
        assert!(cache.pages.len() < 100, "most of the 500 were evicted");
    }

    #[test]
    fn each_compressed_form_is_made_once_when_first_asked_for() {
        let cache = PageCache::default();
        cache.pages.insert("/p".into(), Arc::new(page(5_000)));
        let before = cache.bytes();
        let gzipped = cache.get("/p", Encoding::Gzip).expect("cached");
        assert!(gzipped.gzip.is_some() && gzipped.brotli.is_none());
        assert!(cache.bytes() > before, "the weight counts the new form");
        let both = cache.get("/p", Encoding::Brotli).expect("cached");
        assert!(both.gzip.is_some() && both.brotli.is_some());
        let response = respond(&both, Encoding::Gzip, None);
        assert_eq!(
            response
                .headers()
                .get(header::CONTENT_ENCODING)
                .map(|v| v.as_bytes()),
            Some(&b"gzip"[..])
        );
    }

    #[test]
    fn only_shareable_responses_are_stored() {
        let page = |f: fn(&mut actix_web::HttpResponseBuilder)| {
            let mut builder = HttpResponse::Ok();
            builder.insert_header((header::ETAG, "W/\"1\""));
            f(&mut builder);
            builder.body("x")
        };
        assert!(storable(&page(|_| {})));
        assert!(!storable(&page(|b| {
            b.insert_header((header::CACHE_CONTROL, "private, no-cache"));
        })));
        assert!(!storable(&page(|b| {
            b.insert_header((header::CACHE_CONTROL, "no-store"));
        })));
        assert!(!storable(&page(|b| {
            b.insert_header((header::SET_COOKIE, "a=b"));
        })));
        assert!(!storable(
            &HttpResponse::NotFound()
                .insert_header((header::ETAG, "W/\"1\""))
                .body("x")
        ));
    }
}
