//! Request logging and conditional GET (ETag / 304).

use std::hash::{DefaultHasher, Hash, Hasher};
use std::time::Instant;

use actix_web::body::{self, BoxBody, MessageBody};
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::header::{self, HeaderValue};
use actix_web::http::{Method, StatusCode};
use actix_web::middleware::Next;
use actix_web::{Error, HttpResponse};

/// Logs one line per request: method, path, status and duration.
pub async fn log_request(
    req: ServiceRequest,
    next: Next<impl MessageBody>,
) -> Result<ServiceResponse<impl MessageBody>, Error> {
    let started = Instant::now();
    let method = req.method().clone();
    let path = req.path().to_owned();
    let result = next.call(req).await;
    let status = match &result {
        Ok(res) => res.status(),
        Err(error) => error.as_response_error().status_code(),
    };
    tracing::info!(
        %method,
        %path,
        status = status.as_u16(),
        ms = format!("{:.2}", started.elapsed().as_secs_f64() * 1000.0),
        "request"
    );
    result
}

/// Adds `Vary: Accept-Encoding` to responses the compressor left uncompressed, so a
/// shared cache never hands a stored gzip body to a client that cannot read it.
/// Runs outside `Compress`, which adds the header itself when it encodes.
pub async fn vary_on_encoding(
    req: ServiceRequest,
    next: Next<impl MessageBody>,
) -> Result<ServiceResponse<impl MessageBody>, Error> {
    let mut res = next.call(req).await?;
    let varies = res
        .headers()
        .get_all(header::VARY)
        .filter_map(|v| v.to_str().ok())
        .any(|v| v.to_ascii_lowercase().contains("accept-encoding"));
    if !varies {
        res.headers_mut()
            .append(header::VARY, HeaderValue::from_static("accept-encoding"));
    }
    Ok(res)
}

/// Gives successful GET and HEAD responses an `ETag` (a hash of the body unless the
/// handler set one) and `Cache-Control: no-cache` unless set, and answers a matching
/// `If-None-Match` with `304 Not Modified`.
pub async fn conditional_get(
    req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<BoxBody>, Error> {
    let conditional = matches!(*req.method(), Method::GET | Method::HEAD);
    let if_none_match = req.headers().get(header::IF_NONE_MATCH).cloned();
    let res = next.call(req).await?;
    if !conditional || res.status() != StatusCode::OK {
        return Ok(res.map_into_boxed_body());
    }
    let (req, res) = res.into_parts();
    let (mut res, body) = res.into_parts();
    let bytes = body::to_bytes(body)
        .await
        .map_err(|e| actix_web::error::ErrorInternalServerError(e.into().to_string()))?;
    let headers = res.headers_mut();
    let etag = match headers.get(header::ETAG) {
        Some(etag) => etag.clone(),
        None => {
            let mut hasher = DefaultHasher::new();
            bytes.hash(&mut hasher);
            let value = HeaderValue::from_str(&format!("W/\"{:016x}\"", hasher.finish()))?;
            headers.insert(header::ETAG, value.clone());
            value
        }
    };
    if !headers.contains_key(header::CACHE_CONTROL) {
        headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-cache"));
    }
    let res = if if_none_match.is_some_and(|wanted| matches(&wanted, &etag)) {
        let mut not_modified = HttpResponse::NotModified();
        for name in [header::ETAG, header::CACHE_CONTROL] {
            if let Some(value) = res.headers().get(&name) {
                not_modified.insert_header((name, value.clone()));
            }
        }
        not_modified.finish()
    } else {
        res.set_body(BoxBody::new(bytes))
    };
    Ok(ServiceResponse::new(req, res))
}

/// `If-None-Match` compares weakly: `W/"x"` matches `"x"`, and `*` matches anything.
fn matches(if_none_match: &HeaderValue, etag: &HeaderValue) -> bool {
    let strip = |tag: &str| tag.trim().trim_start_matches("W/").to_owned();
    let (Ok(wanted), Ok(etag)) = (if_none_match.to_str(), etag.to_str()) else {
        return false;
    };
    let etag = strip(etag);
    wanted
        .split(',')
        .any(|tag| tag.trim() == "*" || strip(tag) == etag)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn if_none_match_compares_weakly_and_lists() {
        let etag = HeaderValue::from_static("W/\"abc\"");
        assert!(matches(&HeaderValue::from_static("W/\"abc\""), &etag));
        assert!(matches(&HeaderValue::from_static("\"abc\""), &etag));
        assert!(matches(
            &HeaderValue::from_static("\"x\", W/\"abc\""),
            &etag
        ));
        assert!(matches(&HeaderValue::from_static("*"), &etag));
        assert!(!matches(&HeaderValue::from_static("\"abd\""), &etag));
    }
}
