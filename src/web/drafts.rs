//! Saved drafts: saving a new one (`POST /job-descriptions/build`), the finished job
//! description, its exports, and editing with the secret edit link.

use actix_web::cookie::{Cookie, SameSite};
use actix_web::http::StatusCode;
use actix_web::http::header::{self, ContentDisposition, DispositionParam, DispositionType};
use actix_web::{HttpRequest, HttpResponse, web};
use askama::Template;
use serde::Deserialize;

use super::form_body;
use super::form_page::{Checked, FormPage, Hidden, Mode, Start, check, no_store, read_form};
use super::posting_view::PostingView;
use super::review::ReviewView;
use super::{Client, Layout, Site, csrf, json_ld};
use super::{get_or_head, page};
use crate::builder::{Draft, FieldErrors, JobForm, Update, docx, export, google, pay_warnings};
use crate::dates::{human_date, today};
use crate::error::AppError;

/// The short-lived cookie that carries a new draft's edit key to the draft page, once.
pub const NEW_DRAFT_COOKIE: &str = "rolebook_new_draft";
/// The short-lived cookie that tells the draft page an edit was just saved.
pub const CHANGES_SAVED_COOKIE: &str = "rolebook_changes_saved";

/// `POST /job-descriptions/build`: 303 to the new draft, or the form again with what to fix.
pub async fn create(
    site: web::Data<Site>,
    req: HttpRequest,
    payload: web::Payload,
) -> Result<HttpResponse, actix_web::Error> {
    let body = form_body::read(payload).await?;
    let (form, hidden) = read_form(&body)?;
    let mode = Mode::New(Start {
        role: site.library.role(form.role.trim()),
        ..Start::default()
    });
    if hidden.shows_form_again() {
        return Ok(form_again(&site, &req, form, &hidden, mode)?);
    }
    let posting = match check(&site, &req, form, &hidden.csrf, mode)? {
        Checked::Valid(posting) => posting,
        Checked::Refused(page) => return Ok(page),
    };
    let store = site.clone();
    let draft = web::block(move || store.drafts.create(&posting))
        .await
        .map_err(AppError::from)?
        .map_err(AppError::from)?;
    Ok(to_draft(
        &req,
        &site,
        &draft.id,
        NEW_DRAFT_COOKIE,
        draft.key,
        10,
    ))
}

/// The form again, saving nothing: "Update suggested pay" or "Preview without saving".
fn form_again(
    site: &Site,
    req: &HttpRequest,
    form: JobForm,
    hidden: &Hidden,
    mode: Mode<'_>,
) -> Result<HttpResponse, AppError> {
    if hidden.update_pay.is_empty() {
        super::preview::form_again(site, req, form, mode)
    } else {
        super::starting::with_suggested_pay(site, req, form, mode)
    }
}

/// `303` to draft `id`'s page with a short-lived cookie, for that page only, that it
/// reads once: `name=value` for `minutes`.
fn to_draft(
    req: &HttpRequest,
    site: &Site,
    id: &str,
    name: &'static str,
    value: String,
    minutes: i64,
) -> HttpResponse {
    let path = format!("/job-descriptions/drafts/{id}");
    let flash = Cookie::build(name, value)
        .path(path.clone())
        .http_only(true)
        .same_site(SameSite::Lax)
        .secure(Client::is_https(req.head(), &site.config))
        .max_age(actix_web::cookie::time::Duration::minutes(minutes))
        .finish();
    HttpResponse::SeeOther()
        .insert_header((header::LOCATION, path))
        .cookie(flash)
        .finish()
}

struct ExportLink {
    label: &'static str,
    href: String,
    note: &'static str,
}

#[derive(Template)]
#[template(path = "drafts/show.html")]
struct DraftPage<'a> {
    layout: Layout<'a>,
    view: PostingView,
    edit_link: Option<String>,
    changes_saved: bool,
    saved: String,
    notices: Vec<String>,
    warnings: Vec<String>,
    reviewed: String,
    exports: Vec<ExportLink>,
    plain_text: String,
    review: ReviewView,
    google: google::GoogleCheck,
}

#[derive(Template)]
#[template(path = "drafts/export.html")]
struct HtmlExport {
    view: PostingView,
    json_ld: String,
}

async fn load(site: &web::Data<Site>, id: &str) -> Result<Draft, AppError> {
    let (store, id) = (site.clone(), id.to_owned());
    web::block(move || store.drafts.get(&id))
        .await??
        .ok_or(AppError::NotFound)
}

async fn key_matches(site: &web::Data<Site>, id: &str, key: &str) -> Result<bool, AppError> {
    let (store, id, key) = (site.clone(), id.to_owned(), key.to_owned());
    Ok(web::block(move || store.drafts.key_matches(&id, &key)).await??)
}

/// `GET /job-descriptions/drafts/{id}`: the job description as a candidate reads it.
/// Straight after saving, it also shows the edit link, once.
pub async fn show(
    site: web::Data<Site>,
    req: HttpRequest,
    id: web::Path<String>,
) -> Result<HttpResponse, AppError> {
    let draft = load(&site, &id).await?;
    let path = format!("/job-descriptions/drafts/{}", draft.id);
    let flash = req.cookie(NEW_DRAFT_COOKIE);
    let changes_saved = req.cookie(CHANGES_SAVED_COOKIE);
    let edit_key = match &flash {
        Some(cookie) if key_matches(&site, &draft.id, cookie.value()).await? => {
            Some(cookie.value().to_owned())
        }
        _ => None,
    };
    let posting = &draft.posting;
    let notices = site
        .library
        .pay_rules()
        .applying_to(posting.location.place())
        .iter()
        .map(|r| r.explain(today()))
        .collect();
    let exports = [
        (
            "Markdown",
            "md",
            "for job boards and tools that format Markdown",
        ),
        ("Plain text", "txt", "for forms that take no formatting"),
        (
            "Web page",
            "html",
            "a printable page with the JSON-LD included",
        ),
        (
            "JSON-LD",
            "json",
            "schema.org JobPosting, for your careers site",
        ),
        ("Word", "docx", "for Word, Google Docs and LibreOffice"),
    ]
    .into_iter()
    .map(|(label, ext, note)| ExportLink {
        label,
        href: format!("{path}.{ext}"),
        note,
    })
    .collect();
    let page = DraftPage {
        layout: Layout::new(
            &site,
            &format!("{} (draft)", posting.title),
            &posting.summary,
        )
        .noindex(),
        view: PostingView::new(posting),
        edit_link: edit_key
            .as_ref()
            .map(|key| format!("{}{path}/edit?key={key}", site.base_url)),
        changes_saved: changes_saved.is_some(),
        saved: human_date(draft.updated.date()),
        notices,
        warnings: pay_warnings(
            &posting.pay,
            &posting.location,
            site.library.minimum_wages(),
        ),
        reviewed: human_date(site.library.pay_rules().reviewed),
        exports,
        plain_text: export::text(posting),
        review: ReviewView::of_posting(&site, posting),
        google: google::check(&json_ld::draft(&site, &draft)),
    };
    let mut response = HttpResponse::Ok();
    response.insert_header(("X-Robots-Tag", "noindex"));
    // A draft is one person's, and changes when edited: no cache keeps it.
    no_store(&mut response);
    for (name, shown) in [
        (NEW_DRAFT_COOKIE, flash.is_some()),
        (CHANGES_SAVED_COOKIE, changes_saved.is_some()),
    ] {
        if shown {
            // Shown once: remove the cookie.
            let mut removal = Cookie::build(name, "").path(path.clone()).finish();
            removal.make_removal();
            response.cookie(removal);
        }
    }
    Ok(response
        .content_type("text/html; charset=utf-8")
        .body(page.render()?))
}

/// `GET /job-descriptions/drafts/{id}.{format}`: md, txt, html or json, as a download.
pub async fn export(
    site: web::Data<Site>,
    path: web::Path<(String, String)>,
) -> Result<HttpResponse, AppError> {
    let (id, format) = path.into_inner();
    let (content_type, extension) = match format.as_str() {
        "md" => ("text/markdown; charset=utf-8", "md"),
        "txt" => ("text/plain; charset=utf-8", "txt"),
        "html" => ("text/html; charset=utf-8", "html"),
        "json" => ("application/ld+json; charset=utf-8", "json"),
        "docx" => (
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            "docx",
        ),
        _ => return Err(AppError::NotFound),
    };
    let draft = load(&site, &id).await?;
    let posting = &draft.posting;
    let body: Vec<u8> = match extension {
        "md" => export::markdown(posting).into_bytes(),
        "txt" => export::text(posting).into_bytes(),
        "json" => json_ld::json_for_html(&json_ld::draft(&site, &draft)).into_bytes(),
        "docx" => docx::docx(posting)
            .ok_or_else(|| AppError::Internal("the Word file could not be written".into()))?,
        _ => HtmlExport {
            view: PostingView::new(posting),
            json_ld: json_ld::json_for_html(&json_ld::draft(&site, &draft)),
        }
        .render()?
        .into_bytes(),
    };
    Ok(HttpResponse::Ok()
        .content_type(content_type)
        .insert_header(("X-Robots-Tag", "noindex"))
        .insert_header((header::CACHE_CONTROL, "private, no-store"))
        .insert_header(ContentDisposition {
            disposition: DispositionType::Attachment,
            parameters: vec![DispositionParam::Filename(export::file_name(
                posting, extension,
            ))],
        })
        .body(body))
}

/// `?key=` on the edit link.
#[derive(Debug, Deserialize)]
pub struct KeyQuery {
    key: Option<String>,
}

/// `GET /job-descriptions/drafts/{id}/edit?key=…`: the form, filled in; 403 without the key.
pub async fn edit(
    site: web::Data<Site>,
    req: HttpRequest,
    id: web::Path<String>,
    query: web::Query<KeyQuery>,
) -> Result<HttpResponse, AppError> {
    let draft = load(&site, &id).await?;
    let key = query.key.clone().unwrap_or_default();
    if !key_matches(&site, &draft.id, &key).await? {
        return Err(AppError::Forbidden);
    }
    let (csrf, cookie) = csrf::token(&req, &site)?;
    let state_slug = |name: &str| {
        let areas = site.library.wages().areas();
        areas
            .iter()
            .find(|a| a.name == name)
            .map(|a| a.slug.clone())
            .unwrap_or_default()
    };
    let form = JobForm::from_posting(&draft.posting, state_slug);
    let page = FormPage::new(
        &site,
        form,
        FieldErrors::default(),
        csrf,
        Mode::Edit { id: draft.id, key },
    );
    let mut response = page.respond(StatusCode::OK, cookie)?;
    // The address holds the secret key: send it on as a referrer to this site only.
    // (With "no-referrer", Chromium sends `Origin: null` with the form, which the CSRF
    // check rightly refuses.)
    response.headers_mut().insert(
        header::REFERRER_POLICY,
        header::HeaderValue::from_static("same-origin"),
    );
    Ok(response)
}

/// `POST /job-descriptions/drafts/{id}/edit`: saves the changes under the same id.
pub async fn update(
    site: web::Data<Site>,
    req: HttpRequest,
    id: web::Path<String>,
    payload: web::Payload,
) -> Result<HttpResponse, actix_web::Error> {
    let body = form_body::read(payload).await?;
    let (form, hidden) = read_form(&body)?;
    let id = id.into_inner();
    let draft = load(&site, &id).await?;
    if !key_matches(&site, &draft.id, &hidden.key).await? {
        return Err(AppError::Forbidden.into());
    }
    let mode = Mode::Edit {
        id: draft.id.clone(),
        key: hidden.key.clone(),
    };
    if hidden.shows_form_again() {
        return Ok(form_again(&site, &req, form, &hidden, mode)?);
    }
    let posting = match check(&site, &req, form, &hidden.csrf, mode)? {
        Checked::Valid(posting) => posting,
        Checked::Refused(page) => return Ok(page),
    };
    let (store, key) = (site.clone(), hidden.key.clone());
    let draft_id = draft.id.clone();
    let update = web::block(move || store.drafts.update(&draft_id, &key, &posting))
        .await
        .map_err(AppError::from)?;
    match update.map_err(AppError::from)? {
        Update::Saved => Ok(to_draft(
            &req,
            &site,
            &draft.id,
            CHANGES_SAVED_COOKIE,
            "1".to_owned(),
            1,
        )),
        Update::NotFound => Err(AppError::NotFound.into()),
        Update::WrongKey => Err(AppError::Forbidden.into()),
    }
}

/// This family's routes (see `routes.rs` for the order they are tried in).
pub fn config(cfg: &mut web::ServiceConfig) {
    cfg.service(
        web::resource("/job-descriptions/build")
            .route(get_or_head().to(super::starting::new))
            .route(web::post().to(create)),
    )
    .service(page("/job-descriptions/drafts/{id}.{format}", export))
    .service(page("/job-descriptions/drafts/{id}", show))
    .service(
        web::resource("/job-descriptions/drafts/{id}/edit")
            .route(get_or_head().to(edit))
            .route(web::post().to(update)),
    );
}
