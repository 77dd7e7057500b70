//! Error pages: every error response without an HTML body is rendered through the
//! layout, and unknown paths either redirect to their canonical form or get the 404 page.

use actix_web::body::{EitherBody, MessageBody};
use actix_web::dev::ServiceResponse;
use actix_web::http::header::{self, ContentType};
use actix_web::http::{Method, StatusCode};
use actix_web::middleware::{ErrorHandlerResponse, ErrorHandlers};
use actix_web::{HttpRequest, HttpResponse, web};
use askama::Template;

use super::{Client, Layout, Site};
use crate::content::Role;
use crate::error::{AppError, ErrorDetail};

#[derive(Template)]
#[template(path = "error.html")]
struct ErrorPage<'a> {
    layout: Layout<'a>,
    status: u16,
    heading: &'static str,
    message: String,
    /// Where to go back to, for errors sending a form.
    back: Option<String>,
    featured: Vec<&'a Role>,
}

fn wording(status: StatusCode) -> (&'static str, &'static str) {
    match status {
        StatusCode::NOT_FOUND => (
            "Page not found",
            "We could not find a page at this address. It may have moved, or the link may be mistyped. Try a search, or start from one of these roles.",
        ),
        StatusCode::METHOD_NOT_ALLOWED => (
            "That action is not available here",
            "This address cannot be used that way. Follow a link or use the search instead.",
        ),
        StatusCode::FORBIDDEN => (
            "You cannot do that with this link",
            "This page needs a private link that was not given, or is not right. If you saved a job description, use the edit link we showed you after saving it.",
        ),
        StatusCode::TOO_MANY_REQUESTS => (
            "Too many forms sent at once",
            "We received a lot of forms from your address in a short time. Wait a minute, then go back and send yours again: your browser keeps what you typed.",
        ),
        StatusCode::PAYLOAD_TOO_LARGE => (
            "That was too much to send",
            "The form was too large, so nothing was saved. Go back with your browser's Back button (what you typed is still there), shorten the longest field to the limit shown under it, and send the form again.",
        ),
        StatusCode::REQUEST_TIMEOUT => (
            "The form took too long to arrive",
            "We stopped waiting for the form after ten seconds, so nothing was saved. Go back with your browser's Back button and send it again.",
        ),
        StatusCode::UNPROCESSABLE_ENTITY => (
            "Part of the form was not readable text",
            "A field held characters that are not valid text, so nothing was saved. Go back, retype that field and send the form again.",
        ),
        status if status.is_client_error() => (
            "We could not understand that request",
            "Something in the address or the form was not in a form we accept. Check it and try again.",
        ),
        _ => (
            "Something went wrong on our side",
            "The page could not be shown because of a fault on our side, not anything you did. We log these faults and fix them; please try again in a moment.",
        ),
    }
}

/// Middleware rendering error responses through `error.html`; responses that already
/// carry HTML (a form shown again with its errors, say) are left alone.
pub fn error_pages<B: MessageBody + 'static>() -> ErrorHandlers<B> {
    ErrorHandlers::new().default_handler(render)
}

fn render<B: MessageBody + 'static>(
    res: ServiceResponse<B>,
) -> actix_web::Result<ErrorHandlerResponse<B>> {
    let is_html = res
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("text/html"));
    let Some(site) = res.request().app_data::<web::Data<Site>>().cloned() else {
        return Ok(ErrorHandlerResponse::Response(res.map_into_left_body()));
    };
    if is_html {
        return Ok(ErrorHandlerResponse::Response(res.map_into_left_body()));
    }
    if let Some(redirect) = lowercase_redirect(&res) {
        let res = res.into_response(redirect).map_into_boxed_body();
        return Ok(ErrorHandlerResponse::Response(
            res.map_body(|_, body| EitherBody::right(body)),
        ));
    }
    let status = res.status();
    let (heading, message) = wording(status);
    let detail = res.response().extensions().get::<ErrorDetail>().cloned();
    let message = match detail {
        Some(ErrorDetail(detail)) => format!("{detail} {message}"),
        None => message.to_owned(),
    };
    let sending_a_form = res.request().method() == Method::POST;
    let page = ErrorPage {
        layout: Layout::new(&site, heading, &message),
        status: status.as_u16(),
        heading,
        back: sending_a_form.then(|| back_link(res.request(), &site.base_url)),
        message,
        featured: site.library.featured().collect(),
    };
    let body = page.render().map_err(AppError::from)?;
    let (req, old) = res.into_parts();
    let mut new = HttpResponse::build(status);
    new.content_type(ContentType::html());
    for name in [header::ALLOW, header::RETRY_AFTER] {
        if let Some(value) = old.headers().get(&name) {
            new.insert_header((name, value.clone()));
        }
    }
    let res = ServiceResponse::new(req, new.body(body)).map_into_boxed_body();
    Ok(ErrorHandlerResponse::Response(
        res.map_body(|_, body| EitherBody::right(body)),
    ))
}

/// Every address on the site is lowercase: a page not found at `/Job-Descriptions/X`
/// is sent to `/job-descriptions/x`, where it may well be.
fn lowercase_redirect<B>(res: &ServiceResponse<B>) -> Option<HttpResponse> {
    let req = res.request();
    let path = req.path();
    let found = res.status() != StatusCode::NOT_FOUND;
    let reading = matches!(*req.method(), Method::GET | Method::HEAD);
    // Files (static, exports) have exact names; pages have no dots.
    let a_page = !path.contains('.');
    if found || !reading || !a_page || !path.bytes().any(|b| b.is_ascii_uppercase()) {
        return None;
    }
    let lower = canonical_path(&path.to_ascii_lowercase());
    let location = match req.query_string() {
        "" => lower,
        query => format!("{lower}?{query}"),
    };
    Some(
        HttpResponse::MovedPermanently()
            .insert_header((header::LOCATION, location))
            .finish(),
    )
}

/// The page a form was sent from, when the browser says and it is on this site; else
/// the blank form.
fn back_link(req: &HttpRequest, base_url: &str) -> String {
    let referer = req
        .headers()
        .get(header::REFERER)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default();
    let host = req
        .app_data::<web::Data<Site>>()
        .map(|site| Client::of(req.head(), &site.config).host)
        .unwrap_or_default();
    let path = referer
        .strip_prefix(base_url)
        .or_else(|| {
            referer
                .split_once("://")
                .and_then(|(_, rest)| rest.strip_prefix(host.as_str()))
        })
        .filter(|path| path.starts_with('/') && !path.starts_with("//") && !path.contains('\\'));
    path.unwrap_or("/job-descriptions/build").to_owned()
}

/// The fallback for paths no route matched: redirects `/path/` (and `//path`) to the
/// canonical `/path`, otherwise 404.
pub async fn fallback(req: HttpRequest) -> Result<HttpResponse, AppError> {
    let path = req.path();
    let canonical = canonical_path(path);
    if canonical == path {
        return Err(AppError::NotFound);
    }
    let location = match req.query_string() {
        "" => canonical,
        query => format!("{canonical}?{query}"),
    };
    let status = match *req.method() {
        Method::GET | Method::HEAD => StatusCode::MOVED_PERMANENTLY,
        _ => StatusCode::PERMANENT_REDIRECT,
    };
    Ok(HttpResponse::build(status)
        .insert_header((header::LOCATION, location))
        .finish())
}

/// Collapses repeated slashes, and reads a backslash as one (browsers do), so that
/// neither `//evil.example` nor `/\evil.example` can become an off-site redirect; drops
/// a trailing slash.
fn canonical_path(path: &str) -> String {
    let segments: Vec<&str> = path.split(['/', '\\']).filter(|s| !s.is_empty()).collect();
    format!("/{}", segments.join("/"))
}

#[cfg(test)]
mod tests {
    use actix_web::{App, test as actix_test};

    use super::*;
    use crate::web::tests::site;

    #[test]
    fn canonical_paths() {
        assert_eq!(canonical_path("/job-descriptions/"), "/job-descriptions");
        assert_eq!(canonical_path("//evil.example/"), "/evil.example");
        assert_eq!(canonical_path("/a//b"), "/a/b");
        assert_eq!(canonical_path("/"), "/");
        assert_eq!(canonical_path("/\\evil.example/"), "/evil.example");
        assert_eq!(canonical_path("/\\/evil.example/"), "/evil.example");
        assert_eq!(canonical_path("\\\\evil.example"), "/evil.example");
    }

    async fn broken() -> Result<HttpResponse, AppError> {
        Err(AppError::Render(askama::Error::Fmt))
    }

    #[actix_web::test]
    async fn server_errors_render_the_500_page_through_the_layout() {
        let app = actix_test::init_service(
            App::new()
                .app_data(site())
                .wrap(error_pages())
                .route("/broken", web::get().to(broken)),
        )
        .await;
        let res = actix_test::call_service(
            &app,
            actix_test::TestRequest::get().uri("/broken").to_request(),
        )
        .await;
        assert_eq!(res.status(), StatusCode::INTERNAL_SERVER_ERROR);
        let body = String::from_utf8(actix_test::read_body(res).await.to_vec()).expect("utf-8");
        assert!(
            body.contains("<h1>Something went wrong on our side</h1>"),
            "{body}"
        );
        assert!(
            body.contains("class=\"site-header\""),
            "rendered through the layout"
        );
        assert!(
            !body.contains("could not render"),
            "internal detail must not leak"
        );
    }
}
