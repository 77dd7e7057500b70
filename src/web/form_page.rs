//! The job description form as a page: its view, the checks a submitted form goes
//! through, and the response. `starting` opens it for a new description, `drafts` for
//! editing one; both submit through [`check`].

use actix_web::cookie::Cookie;
use actix_web::http::StatusCode;
use actix_web::http::header::{CacheControl, CacheDirective};
use actix_web::{HttpRequest, HttpResponse, HttpResponseBuilder};
use askama::Template;
use serde::Deserialize;

use super::posting_view::Preview;
use super::range_bar::{RangeBar, suggestion};
use super::review::ReviewView;
use super::{Layout, Site, csrf};
use crate::builder::{
    Benefit, Choice, EmploymentType, FieldErrors, JobForm, Location, PayPeriod, SuggestedPay,
    Workplace, validate,
};
use crate::builder::{LINE_MAX, LIST_MAX, LONG_MAX, MEDIUM_MAX, SHORT_MAX};
use crate::content::Role;
use crate::dates::today;
use crate::error::AppError;
use crate::search::Suggestion;
use crate::wages::SocCode;

/// One option of a radio group, select or checkbox list.
pub struct Opt {
    value: String,
    label: String,
    checked: bool,
}

fn options<C: Choice>(selected: impl Fn(&C) -> bool) -> Vec<Opt> {
    C::ALL
        .iter()
        .map(|c| Opt {
            value: c.value().to_owned(),
            label: c.label().to_owned(),
            checked: selected(c),
        })
        .collect()
}

/// The server's length limits, which the form's fields carry as `maxlength`.
pub struct Limits {
    short: usize,
    medium: usize,
    long: usize,
    /// A one-per-line list: every line at its longest, with its line break.
    list: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Self {
            short: SHORT_MAX,
            medium: MEDIUM_MAX,
            long: LONG_MAX,
            list: LIST_MAX * (LINE_MAX + 1),
        }
    }
}

/// What a new draft started from.
#[derive(Default)]
pub struct Start<'a> {
    /// The role it started from.
    pub role: Option<&'a Role>,
    /// The occupation it started from, when no role: its official title and code.
    pub occupation: Option<(String, SocCode)>,
    /// A role, code or title asked for that we do not know, said back.
    pub unknown: Option<String>,
    /// A title typed into "Start from a job title".
    pub typed: String,
    /// Titles close to the one typed, with their builder links.
    pub choices: Vec<Suggestion>,
}

/// Whether the form makes a new draft or edits one.
pub enum Mode<'a> {
    /// A new draft, perhaps started from a role or an occupation.
    New(Start<'a>),
    /// Editing draft `id` with its secret `key`.
    Edit {
        /// The draft id.
        id: String,
        /// The edit key, carried in a hidden field.
        key: String,
    },
}

/// The form page.
#[derive(Template)]
#[template(path = "form_page/form.html")]
pub struct FormPage<'a> {
    layout: Layout<'a>,
    heading: &'static str,
    action: String,
    form: JobForm,
    errors: FieldErrors,
    csrf: String,
    token_refreshed: bool,
    key: String,
    start: Start<'a>,
    notices: Vec<String>,
    limits: Limits,
    /// The posting checker's findings, when the form came back with errors.
    review: Option<ReviewView>,
    states: Vec<Opt>,
    /// The chosen state's metro and nonmetro areas.
    metros: Vec<Opt>,
    workplaces: Vec<Opt>,
    employment_types: Vec<Opt>,
    pay_periods: Vec<Opt>,
    benefits: Vec<Opt>,
    /// The pay suggested for the place the form names, with its source.
    suggestion: Option<SuggestedPay>,
    /// The suggested pay and the typed range on one scale.
    bar: Option<RangeBar>,
    /// The posting as it stands, beside the form on wide screens.
    preview: Preview,
    /// Set by the "Preview" button: the preview is shown on narrow screens too.
    preview_requested: bool,
}

impl<'a> FormPage<'a> {
    /// The form showing `form`, with `errors` next to their fields.
    pub fn new(
        site: &'a Site,
        form: JobForm,
        errors: FieldErrors,
        csrf: String,
        mode: Mode<'a>,
    ) -> Self {
        let (heading, action, key, start) = match mode {
            Mode::New(start) => (
                "Build a job description",
                "/job-descriptions/build".to_owned(),
                String::new(),
                start,
            ),
            Mode::Edit { id, key } => (
                "Edit your job description",
                format!("/job-descriptions/drafts/{id}/edit"),
                key,
                Start::default(),
            ),
        };
        let mut title = heading.to_owned();
        if !errors.is_empty() {
            title = format!("Error: {title}");
        }
        let states = site.library.wages().areas()[1..]
            .iter()
            .map(|a| Opt {
                value: a.slug.clone(),
                label: a.name.clone(),
                checked: a.slug == form.state,
            })
            .collect();
        let wages = site.library.wages();
        let metros = wages
            .area(&form.state)
            .filter(|(i, _)| *i > 0)
            .map(|(state, _)| wages.metro().in_state(state))
            .unwrap_or_default()
            .into_iter()
            .map(|(_, a)| Opt {
                value: a.slug.clone(),
                label: a.name.clone(),
                checked: a.slug == form.metro,
            })
            .collect();
        let suggestion = suggestion(site, &form);
        let bar = suggestion.as_ref().map(|s| RangeBar::new(&s.band, &form));
        let location = location_of(&form, site);
        let review =
            (!errors.is_empty()).then(|| ReviewView::of_form(site, &form, location.clone()));
        let rules = site.library.pay_rules();
        let notices = location
            .map(|location| {
                rules
                    .applying_to(location.place())
                    .iter()
                    .map(|r| r.explain(today()))
                    .collect()
            })
            .unwrap_or_default();
        let layout = Layout::new(
            site,
            &title,
            "Build a job description employers can post: duties, requirements, a pay range from official wage data, and exports for job boards.",
        );
        // The edit form's address holds the secret key: keep it out of search engines.
        let layout = if key.is_empty() {
            layout.at("/job-descriptions/build")
        } else {
            layout.noindex()
        };
        Self {
            layout,
            heading,
            action,
            review,
            states,
            metros,
            workplaces: options::<Workplace>(|c| c.value() == form.workplace),
            employment_types: options::<EmploymentType>(|c| c.value() == form.employment_type),
            pay_periods: options::<PayPeriod>(|c| c.value() == form.pay_period),
            benefits: options::<Benefit>(|c| form.has_benefit(c)),
            suggestion,
            bar,
            preview: Preview::of_form(site, &form),
            preview_requested: false,
            form,
            errors,
            csrf,
            token_refreshed: false,
            key,
            start,
            notices,
            limits: Limits::default(),
        }
    }

    /// Shows the preview on narrow screens too (the "Preview" button).
    pub fn preview_requested(mut self) -> Self {
        self.preview_requested = true;
        self
    }

    /// Adds the notice that the form's security token was refreshed.
    pub fn token_refreshed(mut self) -> Self {
        self.token_refreshed = true;
        self
    }

    /// The page as a response with `status`, never stored by caches (it holds a token).
    pub fn respond(
        &self,
        status: StatusCode,
        cookie: Option<Cookie<'static>>,
    ) -> Result<HttpResponse, AppError> {
        let mut response = HttpResponse::build(status);
        no_store(&mut response);
        if let Some(cookie) = cookie {
            response.cookie(cookie);
        }
        Ok(response
            .content_type("text/html; charset=utf-8")
            .body(self.render()?))
    }
}

/// Marks a response as personal: never cached.
pub fn no_store(response: &mut HttpResponseBuilder) {
    response.insert_header(CacheControl(vec![
        CacheDirective::NoStore,
        CacheDirective::Private,
    ]));
}

/// The location the form describes, when it is complete enough to check pay rules.
fn location_of(form: &JobForm, site: &Site) -> Option<Location> {
    match Workplace::parse(&form.workplace)? {
        Workplace::Remote => {
            let regions: Vec<String> = form
                .remote_regions
                .split([',', ';', '\n'])
                .map(|r| r.trim().to_owned())
                .filter(|r| !r.is_empty())
                .collect();
            (!regions.is_empty()).then_some(Location::Remote { regions })
        }
        _ => {
            let state = site.library.wages().areas()[1..]
                .iter()
                .find(|a| a.slug == form.state)?;
            Some(Location::Place {
                city: form.city.trim().to_owned(),
                state: state.name.clone(),
            })
        }
    }
}

/// The hidden fields every form POST carries besides the job's fields.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct Hidden {
    /// The CSRF token.
    pub csrf: String,
    /// The edit key, when editing.
    pub key: String,
    /// Set by the "Update suggested pay" button: show the form again, save nothing.
    pub update_pay: String,
    /// Set by the "Preview" button: show the form and its preview again, save nothing.
    pub preview: String,
}

impl Hidden {
    /// True when a button asked to see the form again rather than to save it.
    pub fn shows_form_again(&self) -> bool {
        !self.update_pay.is_empty() || !self.preview.is_empty()
    }
}

/// Reads a form body: the job fields and the hidden ones. A body that is not a form
/// at all is a 400 (the error page); size is already limited to 64 KB.
pub fn read_form(body: &[u8]) -> Result<(JobForm, Hidden), actix_web::Error> {
    let form =
        serde_html_form::from_bytes::<JobForm>(body).map_err(actix_web::error::ErrorBadRequest)?;
    let hidden =
        serde_html_form::from_bytes::<Hidden>(body).map_err(actix_web::error::ErrorBadRequest)?;
    Ok((form, hidden))
}

/// What a submitted form came to.
pub enum Checked {
    /// It passed: the posting to store.
    Valid(Box<crate::builder::JobPosting>),
    /// The form again: 403 when the CSRF check failed, 422 with the problems otherwise.
    Refused(HttpResponse),
}

/// Checks a submission's CSRF token, then its fields.
pub fn check(
    site: &Site,
    req: &HttpRequest,
    form: JobForm,
    csrf: &str,
    mode: Mode<'_>,
) -> Result<Checked, AppError> {
    if !csrf::verify(req, site, csrf) {
        let (token, cookie) = csrf::token(req, site)?;
        let page = FormPage::new(site, form, FieldErrors::default(), token, mode).token_refreshed();
        return Ok(Checked::Refused(
            page.respond(StatusCode::FORBIDDEN, cookie)?,
        ));
    }
    match validate(
        &form,
        site.library.wages().areas(),
        site.library.pay_rules(),
    ) {
        Ok(posting) => Ok(Checked::Valid(Box::new(posting))),
        Err(errors) => {
            let page = FormPage::new(site, form, errors, csrf.to_owned(), mode);
            Ok(Checked::Refused(
                page.respond(StatusCode::UNPROCESSABLE_ENTITY, None)?,
            ))
        }
    }
}
