//! Request logging and security headers.

use std::time::Instant;

use actix_web::body::MessageBody;
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::header::{self, HeaderValue};
use actix_web::middleware::Next;
use actix_web::{Error, web};

use super::{Client, Site};

/// Logs one line per request: method, path, status and duration (at `info`; below
/// that level it costs nothing).
pub async fn log_request(
    req: ServiceRequest,
    next: Next<impl MessageBody>,
) -> Result<ServiceResponse<impl MessageBody>, Error> {
    if !tracing::enabled!(tracing::Level::INFO) {
        return next.call(req).await;
    }
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

/// The Content-Security-Policy of every response: our own files only, no inline
/// scripts or styles, no framing.
pub const CONTENT_SECURITY_POLICY: &str = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; \
     font-src 'self'; connect-src 'self'; form-action 'self'; base-uri 'none'; object-src 'none'; frame-ancestors 'none'";

/// Adds the security headers to every response (a handler's own choice, such as the
/// edit page's stricter `Referrer-Policy`, is kept).
pub async fn security_headers(
    req: ServiceRequest,
    next: Next<impl MessageBody>,
) -> Result<ServiceResponse<impl MessageBody>, Error> {
    let https = req
        .app_data::<web::Data<Site>>()
        .is_some_and(|site| Client::is_https(req.head(), &site.config));
    let mut res = next.call(req).await?;
    let headers = res.headers_mut();
    let defaults = [
        (header::CONTENT_SECURITY_POLICY, CONTENT_SECURITY_POLICY),
        (header::X_CONTENT_TYPE_OPTIONS, "nosniff"),
        (header::REFERRER_POLICY, "strict-origin-when-cross-origin"),
        (header::X_FRAME_OPTIONS, "DENY"),
        (
            header::HeaderName::from_static("permissions-policy"),
            "camera=(), microphone=(), geolocation=(), payment=(), usb=()",
        ),
        (
            header::HeaderName::from_static("cross-origin-opener-policy"),
            "same-origin",
        ),
    ];
    for (name, value) in defaults {
        if !headers.contains_key(&name) {
            headers.insert(name, HeaderValue::from_static(value));
        }
    }
    if https {
        headers.insert(
            header::STRICT_TRANSPORT_SECURITY,
            HeaderValue::from_static("max-age=31536000"),
        );
    }
    Ok(res)
}
