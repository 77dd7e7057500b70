//! A posting laid out for reading: from a saved posting (the draft page, the HTML
//! export, a finished form's preview) or sketched from a form still being filled in.

use super::Site;
use crate::builder::{
    Benefit, Choice, EmploymentType, HowToApply, JobForm, JobPosting, PayPeriod, Workplace,
    dollars, export, validate,
};
use crate::wages::WageData;
use crate::wages::money::pay_cents;

/// The preview beside the form: the posting as it would be saved when the form is
/// complete, else a sketch of it with the gaps marked.
pub struct Preview {
    pub view: PostingView,
    /// What stands between the form and a save, in form order.
    pub to_fix: Vec<String>,
}

impl Preview {
    /// The preview of `form`.
    pub fn of_form(site: &Site, form: &JobForm) -> Self {
        let wages = site.library.wages();
        match validate(form, wages.areas(), site.library.pay_rules()) {
            Ok(posting) => Self {
                view: PostingView::new(&posting),
                to_fix: Vec::new(),
            },
            Err(errors) => Self {
                view: PostingView::sketch(form, wages),
                to_fix: errors.0.into_iter().map(|e| e.message).collect(),
            },
        }
    }
}

/// A posting as `partials/job_posting.html` shows it.
pub struct PostingView {
    pub title: String,
    pub company: String,
    pub location: String,
    pub terms: String,
    pub pay: String,
    pub summary: Vec<String>,
    pub sections: Vec<(&'static str, Vec<String>)>,
    pub about: Vec<String>,
    pub apply: Option<(String, String)>,
    pub dates: String,
    pub eeo: Vec<String>,
}

fn paragraphs(text: &str) -> Vec<String> {
    text.split("\n\n")
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .map(str::to_owned)
        .collect()
}

/// The non-empty lines of a list field.
fn items(text: &str) -> Vec<String> {
    text.lines()
        .map(str::trim)
        .filter(|line| !line.is_empty())
        .map(str::to_owned)
        .collect()
}

/// `text` trimmed, or `[placeholder]` when it is empty.
fn or_gap(text: &str, placeholder: &str) -> String {
    match text.trim() {
        "" => format!("[{placeholder}]"),
        text => text.to_owned(),
    }
}

impl PostingView {
    /// A saved (or valid) posting, exactly as it will be exported.
    pub fn new(posting: &JobPosting) -> Self {
        Self {
            title: posting.title.clone(),
            company: posting.company.clone(),
            location: posting.location_line(),
            terms: posting.terms_line(),
            pay: posting.pay_line(),
            summary: paragraphs(&posting.summary),
            sections: export::sections(posting),
            about: posting
                .about_company
                .as_deref()
                .map(paragraphs)
                .unwrap_or_default(),
            apply: posting.apply.as_ref().map(|apply| match apply {
                HowToApply::Url(url) => (url.clone(), url.clone()),
                HowToApply::Email(email) => (format!("mailto:{email}"), email.clone()),
            }),
            dates: export::dates_line(posting),
            eeo: posting.eeo.as_deref().map(paragraphs).unwrap_or_default(),
        }
    }

    /// A form that does not validate yet, as typed: what is missing shows as
    /// `[Company name]` and the like, and nothing is linked.
    pub fn sketch(form: &JobForm, wages: &WageData) -> Self {
        let workplace = Workplace::parse(&form.workplace);
        let location = if workplace == Some(Workplace::Remote) {
            format!(
                "Remote ({})",
                or_gap(&form.remote_regions, "where you hire")
            )
        } else {
            let state = wages.area(&form.state).filter(|(i, _)| *i > 0);
            let parts: Vec<&str> = [form.city.trim(), state.map_or("", |(_, a)| a.name.as_str())]
                .into_iter()
                .filter(|p| !p.is_empty())
                .collect();
            or_gap(&parts.join(", "), "City, State")
        };
        let terms = [
            EmploymentType::parse(&form.employment_type).map(|t| t.label()),
            workplace.map(|w| w.label()),
        ]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(" · ");
        let pay = match (form.pay_min.trim(), form.pay_max.trim()) {
            ("", _) | (_, "") => "[Pay range]".to_owned(),
            (min, max) => {
                let period = PayPeriod::parse(&form.pay_period).map_or("", |p| p.label());
                let amount =
                    |typed: &str| pay_cents(typed).map_or_else(|| typed.to_owned(), dollars);
                format!("{} - {} {period}", amount(min), amount(max))
            }
        };
        let mut benefits: Vec<String> = Benefit::ALL
            .iter()
            .filter(|b| form.has_benefit(b))
            .map(|b| b.label().to_owned())
            .collect();
        benefits.extend(items(&form.benefits_other));
        let sections = [
            ("What you will do", items(&form.duties)),
            ("What you need", items(&form.required)),
            ("Nice to have", items(&form.preferred)),
            ("Benefits", benefits),
        ]
        .into_iter()
        .map(|(heading, items)| match (heading, items.is_empty()) {
            ("What you will do", true) => (heading, vec!["[Duties, one per line]".to_owned()]),
            ("What you need", true) => (heading, vec!["[Required qualifications]".to_owned()]),
            _ => (heading, items),
        })
        .filter(|(_, items)| !items.is_empty())
        .collect();
        let summary = match paragraphs(&form.summary) {
            found if found.is_empty() => vec!["[Summary]".to_owned()],
            found => found,
        };
        Self {
            title: or_gap(&form.title, "Job title"),
            company: or_gap(&form.company, "Company name"),
            location,
            terms,
            pay,
            summary,
            sections,
            about: paragraphs(&form.about_company),
            apply: None,
            dates: match form.date_posted.trim() {
                "" => String::new(),
                date => format!("Posted {date}."),
            },
            eeo: paragraphs(&form.eeo),
        }
    }
}
