//! The builder's preview: `POST /job-descriptions/preview` answers the form's script
//! with the pay bar and the preview for the form as it stands, and the "Preview" button
//! shows the whole form again with them, for browsers without the script. Neither
//! saves anything, so neither needs the form's token; the first is not rate-limited,
//! as it is sent while someone types.

use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, web};
use askama::Template;

use super::form_page::{FormPage, Mode, no_store, read_form};
use super::posting_view::Preview;
use super::range_bar::{RangeBar, suggestion};
use super::{Site, csrf, form_body};
use crate::builder::{FieldErrors, JobForm};
use crate::error::AppError;

/// Where the form's script asks for a fresh preview.
pub const PREVIEW_PATH: &str = "/job-descriptions/preview";

/// The parts of the form page the script swaps in.
#[derive(Template)]
#[template(path = "form_page/live.html")]
struct LiveParts {
    bar: Option<RangeBar>,
    preview: Preview,
    preview_requested: bool,
}

/// `POST /job-descriptions/preview`: the pay bar and preview for the posted form, as an
/// HTML fragment.
pub async fn live(
    site: web::Data<Site>,
    payload: web::Payload,
) -> Result<HttpResponse, actix_web::Error> {
    let body = form_body::read(payload).await?;
    let (form, _) = read_form(&body)?;
    let parts = LiveParts {
        bar: suggestion(&site, &form).map(|s| RangeBar::new(&s.band, &form)),
        preview: Preview::of_form(&site, &form),
        preview_requested: false,
    };
    let mut response = HttpResponse::Ok();
    no_store(&mut response);
    Ok(response
        .content_type("text/html; charset=utf-8")
        .body(parts.render().map_err(AppError::from)?))
}

/// The form again as typed, with its preview shown at every width: the "Preview"
/// button. Nothing is saved.
pub fn form_again(
    site: &Site,
    req: &HttpRequest,
    form: JobForm,
    mode: Mode<'_>,
) -> Result<HttpResponse, AppError> {
    let (token, cookie) = csrf::token(req, site)?;
    FormPage::new(site, form, FieldErrors::default(), token, mode)
        .preview_requested()
        .respond(StatusCode::OK, cookie)
}

/// This family's routes (see `routes.rs` for the order they are tried in).
pub fn config(cfg: &mut web::ServiceConfig) {
    cfg.service(web::resource(PREVIEW_PATH).route(web::post().to(live)));
}
