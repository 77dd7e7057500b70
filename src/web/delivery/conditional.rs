//! The one place for validators and freshness: every successful GET or HEAD leaves
//! with an `ETag` and a `Cache-Control`, and a matching `If-None-Match` is answered
//! with `304 Not Modified`, from the page cache or not.

use std::hash::{DefaultHasher, Hash, Hasher};

use actix_web::HttpResponse;
use actix_web::http::header::{self, HeaderMap, HeaderValue};

/// What a page that depends only on the content tells caches, unless its handler says
/// otherwise: any cache may keep it; browsers reuse it for 5 minutes, shared caches
/// (nginx, a CDN) for an hour, and either may serve it stale for a day while fetching
/// a fresh copy. A new release changes the `ETag`, so revalidation finds it at once.
pub const SHARED: &str = "public, max-age=300, s-maxage=3600, stale-while-revalidate=86400";

/// A weak validator from the body: the same bytes give the same tag on every instance
/// of the same build (the hasher's keys are fixed), and any change to the content
/// changes it.
pub fn etag_of(body: &[u8]) -> HeaderValue {
    let mut hasher = DefaultHasher::new();
    body.hash(&mut hasher);
    HeaderValue::from_str(&format!("W/\"{:016x}\"", hasher.finish()))
        .unwrap_or_else(|_| HeaderValue::from_static("W/\"0\""))
}

/// Gives `headers` an `ETag` for `body` and the shared `Cache-Control`, where the
/// handler set none; returns the `ETag`.
pub fn validate(headers: &mut HeaderMap, body: &[u8]) -> HeaderValue {
    if !headers.contains_key(header::CACHE_CONTROL) {
        headers.insert(header::CACHE_CONTROL, HeaderValue::from_static(SHARED));
    }
    match headers.get(header::ETAG) {
        Some(etag) => etag.clone(),
        None => {
            let etag = etag_of(body);
            headers.insert(header::ETAG, etag.clone());
            etag
        }
    }
}

/// Whether the client's copy is current. `If-None-Match` compares weakly: `W/"x"`
/// matches `"x"`, and `*` matches anything.
pub fn unchanged(if_none_match: Option<&HeaderValue>, etag: &HeaderValue) -> bool {
    let strip = |tag: &str| tag.trim().trim_start_matches("W/").to_owned();
    let (Some(Ok(wanted)), Ok(etag)) = (if_none_match.map(|v| v.to_str()), etag.to_str()) else {
        return false;
    };
    let etag = strip(etag);
    wanted
        .split(',')
        .any(|tag| tag.trim() == "*" || strip(tag) == etag)
}

/// `304 Not Modified` with the validator and freshness a cache needs to go on using
/// its copy.
pub fn not_modified(etag: &HeaderValue, cache_control: &HeaderValue) -> HttpResponse {
    HttpResponse::NotModified()
        .insert_header((header::ETAG, etag.clone()))
        .insert_header((header::CACHE_CONTROL, cache_control.clone()))
        .insert_header((header::VARY, HeaderValue::from_static("accept-encoding")))
        .finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn if_none_match_compares_weakly_and_lists() {
        let etag = HeaderValue::from_static("W/\"abc\"");
        let matches =
            |value: &'static str| unchanged(Some(&HeaderValue::from_static(value)), &etag);
        assert!(matches("W/\"abc\""));
        assert!(matches("\"abc\""));
        assert!(matches("\"x\", W/\"abc\""));
        assert!(matches("*"));
        assert!(!matches("\"abd\""));
        assert!(!unchanged(None, &etag));
    }

    #[test]
    fn a_handlers_own_choice_is_kept_and_the_tag_follows_the_body() {
        let mut headers = HeaderMap::new();
        let tag = validate(&mut headers, b"one");
        assert_eq!(
            headers.get(header::CACHE_CONTROL).map(|v| v.as_bytes()),
            Some(SHARED.as_bytes())
        );
        assert_ne!(tag, etag_of(b"two"), "changed content, changed tag");
        assert_eq!(tag, etag_of(b"one"), "the same content, the same tag");
        let mut private = HeaderMap::new();
        private.insert(
            header::CACHE_CONTROL,
            HeaderValue::from_static("private, no-store"),
        );
        validate(&mut private, b"x");
        assert_eq!(
            private.get(header::CACHE_CONTROL).map(|v| v.as_bytes()),
            Some(&b"private, no-store"[..])
        );
    }
}
