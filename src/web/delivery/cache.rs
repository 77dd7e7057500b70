//! The shared page cache: a page that depends only on the content is rendered once,
//! and each of its compressed forms made once, when first asked for, so a request for
//! it is a lookup. Bounded in bytes, it evicts what is asked for least.

use std::sync::Arc;

use actix_web::HttpResponse;
use actix_web::http::StatusCode;
use actix_web::http::header::{self, HeaderValue};
use actix_web::web::Bytes;

use super::conditional;
use super::encoding::{Encoding, brotli, gunzip, gzip, unbrotli};

/// The cache holds at most this many bytes of pages (every encoding kept, and their
/// keys); past it, the pages asked for least recently and least often are dropped.
pub const MAX_BYTES: u64 = 16 * 1024 * 1024;

/// A page as sent: each compressed form once it was asked for, and the body as rendered
/// until it was first compressed. From then on a compressed form stands for it, so a
/// page that browsers ask for costs memory only for what is sent (some 8 KB in brotli
/// for a 55 KB salary page); the body comes back, decompressed once, when a client asks
/// for it uncompressed.
#[derive(Clone)]
pub struct Page {
    /// `Content-Type`.
    pub content_type: HeaderValue,
    /// `ETag`.
    pub etag: HeaderValue,
    /// `Cache-Control`.
    pub cache_control: HeaderValue,
    /// The body as rendered; always kept when `compress` is false.
    pub identity: Option<Bytes>,
    /// False for small or binary bodies, sent as they are.
    pub compress: bool,
    /// The body gzipped, once asked for.
    pub gzip: Option<Bytes>,
    /// The body in brotli, once asked for.
    pub brotli: Option<Bytes>,
}

impl Page {
    /// This page with the form `encoding` needs, compressed quickly if it was missing;
    /// `None` when nothing was missing.
    pub fn with(&self, encoding: Encoding) -> Option<Page> {
        if !self.compress {
            return None;
        }
        let mut page = self.clone();
        match encoding {
            Encoding::Brotli if page.brotli.is_none() => {
                page.brotli = Some(brotli(&self.body()));
                page.identity = None;
            }
            Encoding::Gzip if page.gzip.is_none() => {
                page.gzip = Some(gzip(&self.body()));
                page.identity = None;
            }
            // A client that takes no compression is likely to come back (a bot, a
            // script, a load test): keep the body for it rather than inflate each time.
            Encoding::Identity if page.identity.is_none() => {
                page.identity = Some(self.body());
            }
            _ => return None,
        }
        Some(page)
    }

    /// The body as rendered.
    pub fn body(&self) -> Bytes {
        match (&self.identity, &self.gzip, &self.brotli) {
            (Some(identity), _, _) => identity.clone(),
            (None, Some(gzipped), _) => gunzip(gzipped),
            (None, None, Some(compressed)) => unbrotli(compressed),
            (None, None, None) => Bytes::new(),
        }
    }
}

/// What a cached page costs in memory: its bodies, its key and a little for the rest.
#[derive(Clone)]
struct PageWeight;

impl quick_cache::Weighter<String, Arc<Page>> for PageWeight {
    fn weight(&self, key: &String, page: &Arc<Page>) -> u64 {
        let bodies = page.identity.as_ref().map_or(0, Bytes::len)
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
    pub fn get(&self, key: &str, encoding: Encoding) -> Option<Arc<Page>> {
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

    /// Keeps `page` at `key`.
    pub fn insert(&self, key: String, page: Arc<Page>) {
        self.pages.insert(key, page);
    }

    /// Pages held.
    pub fn pages(&self) -> usize {
        self.pages.len()
    }

    /// Bytes held.
    pub fn bytes(&self) -> u64 {
        self.pages.weight()
    }
}

/// Whether HTTP lets a shared cache keep this response.
pub fn storable<B>(res: &HttpResponse<B>) -> bool {
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

/// The page as sent to a client asking for `encoding`, or `304` if its copy is current.
pub fn respond(
    page: &Page,
    encoding: Encoding,
    if_none_match: Option<&HeaderValue>,
) -> HttpResponse {
    if conditional::unchanged(if_none_match, &page.etag) {
        return conditional::not_modified(&page.etag, &page.cache_control);
    }
    let mut response = HttpResponse::Ok();
    response
        .insert_header((header::ETAG, page.etag.clone()))
        .insert_header((header::CACHE_CONTROL, page.cache_control.clone()))
        .insert_header((header::VARY, HeaderValue::from_static("accept-encoding")))
        .insert_header((header::CONTENT_TYPE, page.content_type.clone()));
    let body = match (encoding, &page.brotli, &page.gzip) {
        (Encoding::Brotli, Some(brotli), _) => {
            response.insert_header((header::CONTENT_ENCODING, "br"));
            brotli.clone()
        }
        (Encoding::Gzip | Encoding::Brotli, _, Some(gzip)) => {
            response.insert_header((header::CONTENT_ENCODING, "gzip"));
            gzip.clone()
        }
        _ => page.body(),
    };
    response.body(body)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn page(size: usize) -> Page {
        Page {
            content_type: HeaderValue::from_static("text/html; charset=utf-8"),
            etag: HeaderValue::from_static("W/\"1\""),
            cache_control: HeaderValue::from_static("no-cache"),
            identity: Some(Bytes::from("<p>page</p>".repeat(size / 11))),
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
        assert!(
            cache.bytes() < before,
            "the weight counts the gzip form in place of the larger body"
        );
        assert!(
            gzipped.identity.is_none(),
            "the gzip form stands for the body"
        );
        let both = cache.get("/p", Encoding::Brotli).expect("cached");
        assert!(both.gzip.is_some() && both.brotli.is_some());
        let plain = respond(&both, Encoding::Identity, None);
        assert!(plain.headers().get(header::CONTENT_ENCODING).is_none());
        let kept = cache.get("/p", Encoding::Identity).expect("cached");
        assert!(
            kept.identity.is_some(),
            "asked for once uncompressed, the body is kept"
        );
        let body = actix_web::rt::System::new()
            .block_on(actix_web::body::to_bytes(plain.into_body()))
            .expect("body");
        assert_eq!(
            body,
            "<p>page</p>".repeat(5_000 / 11),
            "inflated as rendered"
        );
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
    fn a_page_asked_for_in_brotli_keeps_only_brotli_and_gives_its_body_back() {
        let rendered = page(5_000);
        let compressed = rendered.with(Encoding::Brotli).expect("compressed");
        assert!(compressed.identity.is_none() && compressed.gzip.is_none());
        assert_eq!(compressed.body(), rendered.body());
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
