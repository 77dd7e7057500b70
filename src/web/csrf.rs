//! Protection against cross-site form submission: a random token in an HttpOnly,
//! SameSite=Lax cookie that every form repeats in a hidden field, and a refusal of any
//! POST whose `Origin` is another site.

use actix_web::HttpRequest;
use actix_web::cookie::{Cookie, SameSite};
use actix_web::http::header::ORIGIN;

use crate::error::AppError;
use crate::random::{hex_token, is_hex, same};

/// The cookie holding the token.
pub const COOKIE: &str = "rolebook_csrf";

/// The token a form page embeds, and the cookie to set when the browser has none yet.
pub fn token(req: &HttpRequest) -> Result<(String, Option<Cookie<'static>>), AppError> {
    if let Some(cookie) = req.cookie(COOKIE).filter(|c| is_hex(c.value(), 32)) {
        return Ok((cookie.value().to_owned(), None));
    }
    let token = hex_token(16).map_err(AppError::Internal)?;
    let cookie = Cookie::build(COOKIE, token.clone())
        .path("/")
        .http_only(true)
        .same_site(SameSite::Lax)
        .secure(is_https(req))
        .finish();
    Ok((token, Some(cookie)))
}

/// Whether a POST carrying `submitted` in its form passes: the token matches the
/// cookie, and `Origin`, when the browser sends it, is this site.
pub fn verify(req: &HttpRequest, submitted: &str) -> bool {
    let cookie_ok = req
        .cookie(COOKIE)
        .is_some_and(|cookie| is_hex(cookie.value(), 32) && same(cookie.value(), submitted));
    let origin_ok = match req
        .headers()
        .get(ORIGIN)
        .map(|o| o.to_str().unwrap_or("null"))
    {
        None => true,
        Some(origin) => origin
            .split_once("://")
            .is_some_and(|(_, host)| host == req.connection_info().host()),
    };
    cookie_ok && origin_ok
}

/// Whether the request came over HTTPS (directly or, as a proxy says, in front of us).
pub fn is_https(req: &HttpRequest) -> bool {
    req.connection_info().scheme() == "https"
}

#[cfg(test)]
mod tests {
    use actix_web::test::TestRequest;

    use super::*;

    const TOKEN: &str = "0123456789abcdef0123456789abcdef";

    #[test]
    fn a_matching_token_from_this_site_passes() {
        let req = TestRequest::post()
            .insert_header(("host", "rolebook.test"))
            .insert_header((ORIGIN, "http://rolebook.test"))
            .cookie(Cookie::new(COOKIE, TOKEN))
            .to_http_request();
        assert!(verify(&req, TOKEN));
        assert!(!verify(&req, "0123456789abcdef0123456789abcdee"));
    }

    #[test]
    fn another_origin_or_a_missing_cookie_fails() {
        let cross_site = TestRequest::post()
            .insert_header(("host", "rolebook.test"))
            .insert_header((ORIGIN, "https://evil.example"))
            .cookie(Cookie::new(COOKIE, TOKEN))
            .to_http_request();
        assert!(!verify(&cross_site, TOKEN));
        let null_origin = TestRequest::post()
            .insert_header((ORIGIN, "null"))
            .cookie(Cookie::new(COOKIE, TOKEN))
            .to_http_request();
        assert!(!verify(&null_origin, TOKEN));
        let no_cookie = TestRequest::post().to_http_request();
        assert!(!verify(&no_cookie, TOKEN));
    }

    #[test]
    fn a_new_browser_gets_an_http_only_same_site_cookie() {
        let req = TestRequest::get().to_http_request();
        let (token, cookie) = token(&req).expect("token");
        let cookie = cookie.expect("a cookie to set");
        assert!(is_hex(&token, 32));
        assert_eq!(cookie.value(), token);
        assert_eq!(cookie.http_only(), Some(true));
        assert_eq!(cookie.same_site(), Some(SameSite::Lax));
        let again = TestRequest::get()
            .cookie(Cookie::new(COOKIE, TOKEN))
            .to_http_request();
        assert_eq!(token_value(&again), TOKEN);
    }

    fn token_value(req: &HttpRequest) -> String {
        let (token, cookie) = token(req).expect("token");
        assert!(cookie.is_none(), "an existing cookie is kept");
        token
    }
}
