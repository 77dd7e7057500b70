//! Static files, compiled into the binary and served under content-hashed names
//! (`/static/style.<hash>.css`) so browsers may cache them for a year.

use std::collections::HashMap;
use std::hash::{DefaultHasher, Hash, Hasher};

use actix_web::http::header::{self, CacheControl, CacheDirective, EntityTag};
use actix_web::{HttpRequest, HttpResponse, web};
use serde_json::json;

use super::Site;
use super::page;
use crate::error::AppError;

struct File {
    name: &'static str,
    bytes: &'static [u8],
    content_type: &'static str,
}

const FILES: [File; 9] = [
    File {
        name: "style.css",
        // One file for the browser, several for the reader; the order is the cascade's.
        bytes: concat!(
            include_str!("../../static/css/base.css"),
            include_str!("../../static/css/roles.css"),
            include_str!("../../static/css/salaries.css"),
            include_str!("../../static/css/builder.css"),
            include_str!("../../static/css/reading.css"),
            include_str!("../../static/css/responsive.css"),
            include_str!("../../static/css/print.css"),
        )
        .as_bytes(),
        content_type: "text/css; charset=utf-8",
    },
    File {
        name: "favicon.svg",
        bytes: include_bytes!("../../static/favicon.svg"),
        content_type: "image/svg+xml",
    },
    File {
        name: "builder.js",
        bytes: include_bytes!("../../static/builder.js"),
        content_type: "text/javascript; charset=utf-8",
    },
    File {
        name: "form.js",
        bytes: include_bytes!("../../static/form.js"),
        content_type: "text/javascript; charset=utf-8",
    },
    File {
        name: "filter.js",
        bytes: include_bytes!("../../static/filter.js"),
        content_type: "text/javascript; charset=utf-8",
    },
    File {
        name: "favicon.ico",
        bytes: include_bytes!("../../static/favicon.ico"),
        content_type: "image/x-icon",
    },
    File {
        name: "apple-touch-icon.png",
        bytes: include_bytes!("../../static/apple-touch-icon.png"),
        content_type: "image/png",
    },
    File {
        name: "icon-192.png",
        bytes: include_bytes!("../../static/icon-192.png"),
        content_type: "image/png",
    },
    File {
        name: "icon-512.png",
        bytes: include_bytes!("../../static/icon-512.png"),
        content_type: "image/png",
    },
];

/// Files browsers ask for by a fixed name at the site's root, whatever the page says.
const ROOT_FILES: [&str; 2] = ["favicon.ico", "apple-touch-icon.png"];

const YEAR_SECONDS: u32 = 365 * 24 * 60 * 60;
const DAY_SECONDS: u32 = 24 * 60 * 60;

/// The static files and their cache-busting URLs.
pub struct Assets {
    by_hashed_name: HashMap<String, (&'static File, String)>,
    urls: HashMap<&'static str, String>,
}

impl Assets {
    /// Hashes every file once.
    pub fn new() -> Self {
        let mut by_hashed_name = HashMap::new();
        let mut urls = HashMap::new();
        for file in &FILES {
            let mut hasher = DefaultHasher::new();
            file.bytes.hash(&mut hasher);
            let hash = format!("{:016x}", hasher.finish());
            let hashed = match file.name.rsplit_once('.') {
                Some((stem, ext)) => format!("{stem}.{}.{ext}", &hash[..12]),
                None => format!("{}.{}", file.name, &hash[..12]),
            };
            urls.insert(file.name, format!("/static/{hashed}"));
            by_hashed_name.insert(hashed, (file, hash));
        }
        Self {
            by_hashed_name,
            urls,
        }
    }

    /// The URL of a file in `static/`, e.g. `url("style.css")`.
    pub fn url(&self, name: &str) -> &str {
        self.urls
            .get(name)
            .map_or("/static/missing", String::as_str)
    }

    fn by_name(&self, name: &str) -> Option<&(&'static File, String)> {
        self.urls
            .get(name)
            .and_then(|url| self.by_hashed_name.get(url.trim_start_matches("/static/")))
    }
}

impl Default for Assets {
    fn default() -> Self {
        Self::new()
    }
}

fn respond(file: &File, hash: &str, max_age: u32, immutable: bool) -> HttpResponse {
    let mut cache = vec![CacheDirective::Public, CacheDirective::MaxAge(max_age)];
    if immutable {
        cache.push(CacheDirective::Extension("immutable".into(), None));
    }
    HttpResponse::Ok()
        .content_type(file.content_type)
        .insert_header(CacheControl(cache))
        .insert_header(header::ETag(EntityTag::new_strong(hash.to_owned())))
        .body(file.bytes)
}

/// `GET /static/{file}`: a hashed file name; anything else is not found.
pub async fn file(
    site: web::Data<Site>,
    name: web::Path<String>,
) -> Result<HttpResponse, AppError> {
    let (file, hash) = site
        .assets
        .by_hashed_name
        .get(name.as_str())
        .ok_or(AppError::NotFound)?;
    Ok(respond(file, hash, YEAR_SECONDS, true))
}

/// `GET /favicon.ico` and `/apple-touch-icon.png`, which browsers ask for by those names.
pub async fn root_file(site: web::Data<Site>, req: HttpRequest) -> Result<HttpResponse, AppError> {
    let name = req.path().trim_start_matches('/');
    let (file, hash) = ROOT_FILES
        .contains(&name)
        .then(|| site.assets.by_name(name))
        .flatten()
        .ok_or(AppError::NotFound)?;
    Ok(respond(file, hash, DAY_SECONDS, false))
}

/// `GET /site.webmanifest`: the name, colors and icons a phone uses when the site is
/// added to its home screen.
pub async fn manifest(site: web::Data<Site>) -> HttpResponse {
    let icon = |name: &str, size: &str, purpose: &str| json!({ "src": site.assets.url(name), "sizes": size, "type": "image/png", "purpose": purpose });
    let body = json!({
        "name": "Rolebook",
        "short_name": "Rolebook",
        "description": "Job descriptions, official pay data and a job description builder for employers.",
        "start_url": "/",
        "display": "browser",
        "background_color": "#ffffff",
        "theme_color": THEME_COLOR,
        "icons": [
            icon("icon-192.png", "192x192", "any"),
            icon("icon-512.png", "512x512", "any"),
            icon("icon-512.png", "512x512", "maskable"),
        ],
    });
    HttpResponse::Ok()
        .content_type("application/manifest+json")
        .insert_header(CacheControl(vec![
            CacheDirective::Public,
            CacheDirective::MaxAge(DAY_SECONDS),
        ]))
        .body(body.to_string())
}

/// The brand color, for the manifest and the `theme-color` meta tag.
pub const THEME_COLOR: &str = "#0b4f8a";

/// This family's routes (see `routes.rs` for the order they are tried in).
pub fn config(cfg: &mut web::ServiceConfig) {
    cfg.service(page("/static/{file}", file))
        .service(page("/favicon.ico", root_file))
        .service(page("/apple-touch-icon.png", root_file))
        .service(page("/site.webmanifest", manifest));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_carry_a_content_hash() {
        let assets = Assets::new();
        let url = assets.url("style.css");
        assert!(url.starts_with("/static/style."), "{url}");
        assert!(url.ends_with(".css"), "{url}");
        assert_eq!(url.len(), "/static/style.".len() + 12 + ".css".len());
        assert_eq!(assets.url("nope.css"), "/static/missing");
    }
}
