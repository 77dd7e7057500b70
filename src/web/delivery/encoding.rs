//! Compression for the client: brotli or gzip, as `Accept-Encoding` allows. Ours rather
//! than actix's `Compress`, whose brotli encoder uses a 4 MB window per response: under
//! concurrent load that grew the process by hundreds of MB.

use std::io::Write;

use actix_web::body::{self, BodySize, BoxBody, MessageBody};
use actix_web::http::StatusCode;
use actix_web::http::header::{self, HeaderMap, HeaderValue};
use actix_web::web::Bytes;
use actix_web::{Error, HttpResponse};

/// The encodings we send, best first.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Encoding {
    /// `br`.
    Brotli,
    /// `gzip`.
    Gzip,
    /// As rendered.
    Identity,
}

/// The best encoding `Accept-Encoding` allows (a `q=0` entry rules one out).
pub fn negotiate(headers: &HeaderMap) -> Encoding {
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

/// Whether a response of this type is worth compressing.
pub fn compressible(content_type: &str) -> bool {
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
pub const MIN_COMPRESS: usize = 256;
/// Compression levels: quick, so a page asked for the first time costs little more than
/// rendering it (gzip 9 and brotli 9 took some 9 ms a page; these take well under 1 ms).
const QUICK_GZIP: u32 = 6;
const QUICK_BROTLI: i32 = 5;

/// `bytes` gzipped.
pub fn gzip(bytes: &[u8]) -> Bytes {
    let mut encoder =
        flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::new(QUICK_GZIP));
    exact(
        encoder
            .write_all(bytes)
            .and_then(|()| encoder.finish())
            .unwrap_or_default(),
    )
}

/// `bytes` without the spare capacity a growing `Vec` leaves (up to as much again):
/// the cache keeps these for long, and weighs them by their length.
fn exact(mut bytes: Vec<u8>) -> Bytes {
    bytes.shrink_to_fit();
    Bytes::from(bytes)
}

/// A gzip body inflated (ours, so it inflates; empty if it somehow does not).
pub fn gunzip(bytes: &[u8]) -> Bytes {
    let mut out = Vec::with_capacity(bytes.len() * 5);
    match std::io::Read::read_to_end(&mut flate2::read::GzDecoder::new(bytes), &mut out) {
        Ok(_) => exact(out),
        Err(_) => Bytes::new(),
    }
}

/// A brotli body decompressed (ours, so it decompresses; empty if it somehow does not).
pub fn unbrotli(bytes: &[u8]) -> Bytes {
    let mut out = Vec::with_capacity(bytes.len() * 6);
    match brotli::BrotliDecompress(&mut &bytes[..], &mut out) {
        Ok(()) => exact(out),
        Err(_) => Bytes::new(),
    }
}

/// `bytes` in brotli.
pub fn brotli(bytes: &[u8]) -> Bytes {
    // A 128 KB window covers every page we render; a larger one only costs memory.
    let params = brotli::enc::BrotliEncoderParams {
        quality: QUICK_BROTLI,
        lgwin: 17,
        ..Default::default()
    };
    let mut out = Vec::new();
    match brotli::BrotliCompress(&mut &bytes[..], &mut out, &params) {
        Ok(_) => exact(out),
        Err(_) => Bytes::new(),
    }
}

/// Compresses a response that is not cached, when it is worth it.
pub async fn compress_on_the_way(
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
        Encoding::Brotli => ("br", brotli(&bytes)),
        _ => ("gzip", gzip(&bytes)),
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
}
