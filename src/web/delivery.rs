//! How responses leave: compressed for the client (brotli or gzip, by
//! `Accept-Encoding`), and kept in a shared cache when HTTP allows, like a reverse
//! proxy's: a page that depends only on the content is rendered and compressed once,
//! so a request for it is a lookup.
//!
//! Compression is ours rather than actix's `Compress`, whose brotli encoder uses a 4 MB
//! window per response: under concurrent load that grew the process by hundreds of MB.

use std::collections::HashMap;
use std::io::Write;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, RwLock};

use actix_web::body::{self, BodySize, BoxBody, MessageBody};
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::header::{self, HeaderMap, HeaderValue};
use actix_web::http::{Method, StatusCode};
use actix_web::middleware::Next;
use actix_web::web::Bytes;
use actix_web::{Error, HttpResponse, web};

/// Cached pages stop being added at this many bytes (bodies in all three encodings).
pub const MAX_BYTES: usize = 24 * 1024 * 1024;

/// A page as sent, in each encoding.
struct Page {
    content_type: HeaderValue,
    etag: HeaderValue,
    cache_control: HeaderValue,
    identity: Bytes,
    gzip: Bytes,
    brotli: Bytes,
}

impl Page {
    fn size(&self) -> usize {
        self.identity.len() + self.gzip.len() + self.brotli.len()
    }
}

/// The cache, shared by every worker.
#[derive(Default)]
pub struct PageCache {
    pages: RwLock<HashMap<String, Arc<Page>>>,
    /// Bytes held, all encodings.
    used: AtomicUsize,
}

/// Room a page is assumed to need before it is rendered: more than any page takes.
const ROOM: usize = 256 * 1024;

impl PageCache {
    /// True when no more pages are added, so a miss need not prepare every encoding.
    fn full(&self) -> bool {
        self.used.load(Ordering::Relaxed) + ROOM > MAX_BYTES
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
    let body = match encoding {
        Encoding::Brotli if !page.brotli.is_empty() => {
            response.insert_header((header::CONTENT_ENCODING, "br"));
            page.brotli.clone()
        }
        Encoding::Gzip | Encoding::Brotli if !page.gzip.is_empty() => {
            response.insert_header((header::CONTENT_ENCODING, "gzip"));
            page.gzip.clone()
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
    if let (Some(cache), true) = (&cache, lookup) {
        let hit = cache
            .pages
            .read()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
            .get(&key)
            .cloned();
        if let Some(page) = hit {
            let (req, _) = req.into_parts();
            return Ok(ServiceResponse::new(
                req,
                respond(&page, encoding, if_none_match.as_ref()),
            ));
        }
    }
    let (req, res) = next.call(req).await?.map_into_boxed_body().into_parts();
    // A full cache keeps nothing more: compress only what this client asked for, quickly.
    let keep = cache.filter(|cache| lookup && storable(&res) && !cache.full());
    if let Some(cache) = keep {
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
        let page = Arc::new(Page {
            content_type: value(header::CONTENT_TYPE),
            etag: value(header::ETAG),
            cache_control: value(header::CACHE_CONTROL),
            gzip: gzip(&identity, 9),
            brotli: brotli(&identity, 9),
            identity,
        });
        let response = respond(&page, encoding, None);
        let mut pages = cache
            .pages
            .write()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        let used = cache.used.load(Ordering::Relaxed);
        if used + page.size() <= MAX_BYTES && !pages.contains_key(&key) {
            cache.used.store(used + page.size(), Ordering::Relaxed);
            pages.insert(key, page);
        }
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
        Encoding::Brotli => ("br", brotli(&bytes, 5)),
        _ => ("gzip", gzip(&bytes, 6)),
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
