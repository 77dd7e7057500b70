//! Protection against cross-site form submission. Every form repeats, in a hidden
//! field, a token kept in an HttpOnly, SameSite=Lax cookie (`__Host-` over HTTPS, so no
//! other host can set it). The token is a random nonce signed with a key that every
//! instance shares (from the configuration, or else made at first start and kept in the
//! database), so a cookie planted by someone else, without
//! the key, never passes. A POST whose `Origin` is another site is refused too.

use actix_web::HttpRequest;
use actix_web::cookie::{Cookie, SameSite};
use actix_web::http::header::ORIGIN;
use hmac::{Hmac, KeyInit, Mac};
use sha2::Sha256;

use super::{Client, Site};
use crate::config::SecretKey;
use crate::db::{DbError, DraftStore};
use crate::error::AppError;
use crate::random::{hex, hex_token, is_hex, same};

/// The cookie holding the token over plain HTTP.
pub const COOKIE: &str = "rolebook_csrf";
/// The cookie holding the token over HTTPS: only this host, over HTTPS, may set it.
pub const SECURE_COOKIE: &str = "__Host-rolebook_csrf";
/// The key's name in the database's secrets.
const SECRET_NAME: &str = "csrf";

const NONCE_HEX: usize = 32;
const SIGNATURE_HEX: usize = 32;

/// The key that signs tokens.
pub struct CsrfKey([u8; 32]);

impl CsrfKey {
    /// The key from the configuration if it gives one; otherwise the one kept in the
    /// database, made by whichever instance started first.
    pub fn shared(configured: Option<&SecretKey>, store: &dyn DraftStore) -> Result<Self, DbError> {
        if let Some(key) = configured {
            return Ok(Self(key.0));
        }
        let mut fresh = [0u8; 32];
        getrandom::fill(&mut fresh).map_err(|e| DbError::Writer(format!("no randomness: {e}")))?;
        let stored = store.secret(SECRET_NAME, &fresh)?;
        <[u8; 32]>::try_from(stored.as_slice())
            .map(Self)
            .map_err(|_| DbError::Foreign {
                path: "the secrets table".into(),
                detail: format!("the {SECRET_NAME} secret is {} bytes, not 32", stored.len()),
            })
    }

    /// A fresh signed token.
    fn issue(&self) -> Result<String, AppError> {
        let nonce = hex_token(NONCE_HEX / 2).map_err(AppError::Internal)?;
        Ok(format!("{nonce}{}", self.sign(&nonce)))
    }

    fn sign(&self, nonce: &str) -> String {
        // HMAC takes a key of any length, so this cannot fail.
        let Ok(mut mac) = Hmac::<Sha256>::new_from_slice(&self.0) else {
            return String::new();
        };
        mac.update(nonce.as_bytes());
        hex(&mac.finalize().into_bytes()[..SIGNATURE_HEX / 2])
    }

    /// Whether `token` is one this key signed.
    fn signed(&self, token: &str) -> bool {
        is_hex(token, NONCE_HEX + SIGNATURE_HEX) && {
            let (nonce, signature) = token.split_at(NONCE_HEX);
            same(&self.sign(nonce), signature)
        }
    }
}

fn cookie_name(https: bool) -> &'static str {
    if https { SECURE_COOKIE } else { COOKIE }
}

/// The token a form page embeds, and the cookie to set when the browser has no valid one.
pub fn token(
    req: &HttpRequest,
    site: &Site,
) -> Result<(String, Option<Cookie<'static>>), AppError> {
    let https = Client::of(req.head(), &site.config).https;
    let name = cookie_name(https);
    if let Some(cookie) = req.cookie(name).filter(|c| site.csrf_key.signed(c.value())) {
        return Ok((cookie.value().to_owned(), None));
    }
    let token = site.csrf_key.issue()?;
    let cookie = Cookie::build(name, token.clone())
        .path("/")
        .http_only(true)
        .same_site(SameSite::Lax)
        .secure(https)
        .finish();
    Ok((token, Some(cookie)))
}

/// Whether a POST carrying `submitted` in its form passes: the token is ours, matches
/// the cookie, and `Origin`, when the browser sends it, is this site.
pub fn verify(req: &HttpRequest, site: &Site, submitted: &str) -> bool {
    let client = Client::of(req.head(), &site.config);
    let cookie_ok = req.cookie(cookie_name(client.https)).is_some_and(|cookie| {
        site.csrf_key.signed(cookie.value()) && same(cookie.value(), submitted)
    });
    let site_host = site.base_url.split_once("://").map(|(_, host)| host);
    let origin_ok = match req
        .headers()
        .get(ORIGIN)
        .map(|o| o.to_str().unwrap_or("null"))
    {
        None => true,
        Some(origin) => origin
            .split_once("://")
            .is_some_and(|(_, host)| host == client.host || Some(host) == site_host),
    };
    cookie_ok && origin_ok
}

#[cfg(test)]
mod tests {
    use actix_web::test::TestRequest;

    use super::*;
    use crate::web::tests::site;

    fn signed_token(site: &Site) -> String {
        let (token, _) = token(&TestRequest::get().to_http_request(), site).expect("token");
        token
    }

    #[test]
    fn a_signed_token_from_this_site_passes() {
        let site = site();
        let token = signed_token(&site);
        let req = TestRequest::post()
            .insert_header(("host", "rolebook.test"))
            .insert_header((ORIGIN, "https://rolebook.test"))
            .cookie(Cookie::new(SECURE_COOKIE, token.clone()))
            .to_http_request();
        assert!(verify(&req, &site, &token));
        assert!(
            !verify(&req, &site, &signed_token(&site)),
            "another token than the cookie's"
        );
    }

    #[test]
    fn a_planted_unsigned_cookie_or_another_origin_fails() {
        let site = site();
        let planted = "0".repeat(NONCE_HEX + SIGNATURE_HEX);
        let req = TestRequest::post()
            .insert_header(("host", "rolebook.test"))
            .cookie(Cookie::new(SECURE_COOKIE, planted.clone()))
            .to_http_request();
        assert!(!verify(&req, &site, &planted), "matching but unsigned");
        let token = signed_token(&site);
        for origin in ["https://evil.example", "null"] {
            let cross_site = TestRequest::post()
                .insert_header(("host", "rolebook.test"))
                .insert_header((ORIGIN, origin))
                .cookie(Cookie::new(SECURE_COOKIE, token.clone()))
                .to_http_request();
            assert!(!verify(&cross_site, &site, &token), "{origin}");
        }
        assert!(!verify(
            &TestRequest::post().to_http_request(),
            &site,
            &token
        ));
    }

    #[test]
    fn over_https_the_cookie_is_host_only_secure_http_only_and_same_site() {
        // The test site's address is https://, so every cookie is.
        let site = site();
        let (token, cookie) = token(&TestRequest::get().to_http_request(), &site).expect("token");
        let cookie = cookie.expect("a cookie to set");
        assert_eq!(cookie.name(), SECURE_COOKIE);
        assert_eq!(cookie.value(), token);
        assert_eq!(cookie.secure(), Some(true));
        assert_eq!(cookie.path(), Some("/"));
        assert_eq!(cookie.domain(), None);
        assert_eq!(cookie.http_only(), Some(true));
        assert_eq!(cookie.same_site(), Some(SameSite::Lax));
        let again = TestRequest::get()
            .cookie(Cookie::new(SECURE_COOKIE, token.clone()))
            .to_http_request();
        let (kept, none) = super::token(&again, &site).expect("token");
        assert_eq!((kept, none), (token, None), "a valid cookie is kept");
    }

    #[test]
    fn the_key_comes_from_the_configuration_or_the_first_instance() {
        let dir = tempfile::tempdir().expect("temp dir");
        let store = crate::db::open(&crate::db::DatabaseUrl::Sqlite, dir.path()).expect("store");
        let first = CsrfKey::shared(None, store.as_ref()).expect("made");
        let second = CsrfKey::shared(None, store.as_ref()).expect("read");
        assert_eq!(
            first.0, second.0,
            "a second instance gets the first one's key"
        );
        let configured = SecretKey([7; 32]);
        assert_eq!(
            CsrfKey::shared(Some(&configured), store.as_ref())
                .expect("given")
                .0,
            [7; 32]
        );
    }
}
