//! Starting a job description: from a role, from any occupation or from a typed title,
//! each with the suggested pay for the chosen state; the title lookup and the
//! suggested-pay lookup behind the form's small script; and "Update suggested pay",
//! which does the same without the script.

use actix_web::http::StatusCode;
use actix_web::http::header;
use actix_web::{HttpRequest, HttpResponse, web};
use serde::{Deserialize, Serialize};

use super::form_page::{FormPage, Mode, Start};
use super::page;
use super::range_bar::occupation_of;
use super::{Site, csrf};
use crate::builder::text::clean_line;
use crate::builder::{FieldErrors, JobForm, SHORT_MAX, SuggestedPay};
use crate::dates::today;
use crate::error::AppError;
use crate::wages::SocCode;

/// `?role=account-manager&state=texas`, `?soc=47-2111&title=…`, `?from=…` (a title
/// typed into the form's first field), or `?title=…` from a search that found nothing.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct BuildQuery {
    role: String,
    soc: String,
    state: String,
    metro: String,
    title: String,
    from: String,
}

/// The most close titles offered for a typed title.
const MAX_CHOICES: usize = 8;

/// `GET /job-descriptions/build`
pub async fn new(
    site: web::Data<Site>,
    req: HttpRequest,
    query: web::Query<BuildQuery>,
) -> Result<HttpResponse, AppError> {
    let (csrf, cookie) = csrf::token(&req, &site)?;
    let state = Some(query.state.trim()).filter(|s| !s.is_empty());
    let metro = Some(query.metro.trim()).filter(|s| !s.is_empty());
    let title: String = clean_line(&query.title).chars().take(SHORT_MAX).collect();
    let typed: String = clean_line(&query.from).chars().take(SHORT_MAX).collect();
    let mut start = Start::default();
    if !typed.is_empty() {
        let (exact, choices) = site.search.start_from(&typed, MAX_CHOICES);
        if let Some(exact) = exact {
            let mut href = exact.href;
            for (name, value) in [("state", state), ("metro", metro)] {
                if let Some(value) = value {
                    href.push_str(&format!("&{name}={}", urlencode(value)));
                }
            }
            return Ok(HttpResponse::SeeOther()
                .insert_header((header::LOCATION, href))
                .finish());
        }
        start.choices = choices;
        start.typed = typed;
    }
    let wages = site.library.wages();
    let role = Some(query.role.trim())
        .filter(|r| !r.is_empty())
        .map(|slug| site.library.role(slug).ok_or(slug));
    let soc = Some(query.soc.trim())
        .filter(|c| !c.is_empty())
        .map(|code| {
            SocCode::parse(code)
                .ok()
                .filter(|soc| wages.has(soc))
                .ok_or(code)
        });
    let blank = || JobForm {
        title: title.clone(),
        ..JobForm::blank(today())
    };
    let form = match (role, soc) {
        (Some(Ok(role)), _) => {
            start.role = Some(role);
            JobForm::from_role(role, wages, state, metro, today())
        }
        (_, Some(Ok(soc))) => {
            let started =
                JobForm::from_occupation(&soc, Some(&title), &site.library, state, metro, today());
            start.occupation = wages
                .occupation(&soc)
                .map(|o| (o.title.clone(), soc.clone()));
            started.unwrap_or_else(blank)
        }
        (Some(Err(unknown)), _) | (_, Some(Err(unknown))) => {
            start.unknown = Some(unknown.to_owned());
            blank()
        }
        (None, None) => blank(),
    };
    FormPage::new(&site, form, FieldErrors::default(), csrf, Mode::New(start))
        .respond(StatusCode::OK, cookie)
}

/// `GET /job-descriptions/titles?q=ele`: job titles for the form's first field to
/// offer as the user types, as a JSON array of strings.
pub async fn titles(site: web::Data<Site>, req: HttpRequest) -> HttpResponse {
    #[derive(Default, Deserialize)]
    #[serde(default)]
    struct Prefix {
        q: String,
    }
    let prefix = serde_html_form::from_str::<Prefix>(req.query_string()).unwrap_or_default();
    let titles = site.search.titles_starting(&prefix.q, MAX_CHOICES);
    HttpResponse::Ok()
        .content_type("application/json")
        .body(serde_json::to_string(&titles).unwrap_or_else(|_| "[]".to_owned()))
}

fn urlencode(text: &str) -> String {
    serde_html_form::to_string([("", text)])
        .map(|pair| pair.trim_start_matches('=').to_owned())
        .unwrap_or_default()
}

/// The form again, as typed, with the pay range for the place it now names: the
/// "Update suggested pay" button, which works without JavaScript. Nothing is saved.
pub fn with_suggested_pay(
    site: &Site,
    req: &HttpRequest,
    form: JobForm,
    mode: Mode<'_>,
) -> Result<HttpResponse, AppError> {
    let form = match occupation_of(site, &form) {
        Some(soc) => {
            let (state, metro) = (form.state.clone(), form.metro.clone());
            form.with_pay(&soc, site.library.wages(), Some(&state), Some(&metro))
                .0
        }
        None => form,
    };
    let (token, cookie) = csrf::token(req, site)?;
    FormPage::new(site, form, FieldErrors::default(), token, mode).respond(StatusCode::OK, cookie)
}

/// `?role=…` or `?soc=…`, and `&state=…&metro=…`.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct PayQuery {
    role: String,
    soc: String,
    state: String,
    metro: String,
}

/// The suggested range and the state's areas, as the form's script reads them; the
/// range is empty when BLS published none.
#[derive(Serialize)]
struct PayAnswer {
    min: String,
    max: String,
    period: String,
    source: String,
    /// The chosen metro area, kept only when it lies in the chosen state.
    metro: String,
    /// The state's metro and nonmetro areas: `[slug, name]`.
    areas: Vec<(String, String)>,
}

/// `GET /job-descriptions/suggested-pay?role=…&state=…&metro=…`: the range the form
/// would suggest, as JSON, for the script that updates it when the place changes;
/// `null` for no known occupation.
pub async fn suggested_pay(site: web::Data<Site>, req: HttpRequest) -> HttpResponse {
    let query = serde_html_form::from_str::<PayQuery>(req.query_string()).unwrap_or_default();
    let form = JobForm {
        role: query.role,
        soc: query.soc,
        ..JobForm::blank(today())
    };
    let wages = site.library.wages();
    let answer = occupation_of(&site, &form).map(|soc| {
        let (form, suggestion) = form.with_pay(&soc, wages, Some(&query.state), Some(&query.metro));
        let areas = wages
            .area(&form.state)
            .map(|(state, _)| wages.metro().in_state(state))
            .unwrap_or_default()
            .into_iter()
            .map(|(_, a)| (a.slug.clone(), a.name.clone()))
            .collect();
        let (min, max, period, source) = match suggestion {
            Some(SuggestedPay { source, .. }) => {
                (form.pay_min, form.pay_max, form.pay_period, source)
            }
            None => Default::default(),
        };
        PayAnswer {
            min,
            max,
            period,
            source,
            metro: form.metro,
            areas,
        }
    });
    HttpResponse::Ok()
        .content_type("application/json")
        .body(serde_json::to_string(&answer).unwrap_or_else(|_| "null".to_owned()))
}

/// This family's routes (see `routes.rs` for the order they are tried in).
pub fn config(cfg: &mut web::ServiceConfig) {
    cfg.service(page("/job-descriptions/titles", titles))
        .service(page("/job-descriptions/suggested-pay", suggested_pay));
}
