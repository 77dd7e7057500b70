//! The job description form exactly as typed: every field a string, so a form with
//! problems can be shown again without losing a character.

use serde::Deserialize;
use time::Date;

use super::choices::{Benefit, Choice, EmploymentType, PayPeriod, Workplace};
use super::pay::form_value;
use super::posting::{HowToApply, JobPosting, Location};

/// The equal opportunity statement offered by default, in our own words.
pub const DEFAULT_EEO: &str = "We are an equal opportunity employer. We hire on skills, experience and the needs of the job. We do not discriminate on race, color, religion, sex, sexual orientation, gender identity, national origin, age, disability, veteran status or any other trait the law protects. If you need an adjustment to apply or interview, tell us and we will make it.";

/// The form's fields as submitted.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(default)]
pub struct JobForm {
    /// Job title.
    pub title: String,
    /// Employer name.
    pub company: String,
    /// About the employer.
    pub about_company: String,
    /// `on-site`, `hybrid` or `remote`.
    pub workplace: String,
    /// City, for on-site and hybrid jobs.
    pub city: String,
    /// State slug, for on-site and hybrid jobs.
    pub state: String,
    /// Metro or nonmetro area slug within the state, for the suggested pay only.
    pub metro: String,
    /// Where a remote job can hire.
    pub remote_regions: String,
    /// `full-time` and so on.
    pub employment_type: String,
    /// Pay minimum as typed.
    pub pay_min: String,
    /// Pay maximum as typed.
    pub pay_max: String,
    /// `hour` or `year`.
    pub pay_period: String,
    /// What the job is.
    pub summary: String,
    /// Duties, one per line.
    pub duties: String,
    /// Required qualifications, one per line.
    pub required: String,
    /// Preferred qualifications, one per line.
    pub preferred: String,
    /// Ticked benefit values (the checkboxes are named `benefits[]`).
    #[serde(rename = "benefits[]")]
    pub benefits: Vec<String>,
    /// Other benefits.
    pub benefits_other: String,
    /// URL or email.
    pub apply: String,
    /// "on" when candidates apply on the posting's own page.
    pub direct_apply: String,
    /// `YYYY-MM-DD`.
    pub date_posted: String,
    /// `YYYY-MM-DD`, optional.
    pub closing_date: String,
    /// Equal opportunity statement.
    pub eeo: String,
    /// The role slug the form started from.
    pub role: String,
    /// The occupation (SOC code) the form started from, when not a role.
    pub soc: String,
}

/// A pay range suggested from wage data, and where it came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SuggestedPay {
    /// Which figures, for whom, where, from which survey.
    pub source: String,
    /// The published percentiles it comes from, for the range bar.
    pub band: PayBand,
}

/// BLS's percentiles behind a suggestion, in cents per `period`. The 25th and 75th are
/// always published (a suggestion needs both); the others may not be.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PayBand {
    /// Per year or per hour, as BLS published the occupation's figures.
    pub period: PayPeriod,
    /// 10th percentile.
    pub p10: Option<u64>,
    /// 25th percentile.
    pub p25: u64,
    /// The median.
    pub median: Option<u64>,
    /// 75th percentile.
    pub p75: u64,
    /// 90th percentile (not when top-coded: BLS gives only a floor).
    pub p90: Option<u64>,
}

impl JobForm {
    /// A blank form with sensible defaults.
    pub fn blank(today: Date) -> Self {
        Self {
            workplace: Workplace::OnSite.value().to_owned(),
            employment_type: EmploymentType::FullTime.value().to_owned(),
            pay_period: PayPeriod::Year.value().to_owned(),
            date_posted: today.to_string(),
            eeo: DEFAULT_EEO.to_owned(),
            ..Self::default()
        }
    }

    /// The form showing a saved posting, for editing.
    pub fn from_posting(posting: &JobPosting, state_slug: impl Fn(&str) -> String) -> Self {
        let (city, state, remote_regions) = match &posting.location {
            Location::Place { city, state } => (city.clone(), state_slug(state), String::new()),
            Location::Remote { regions } => (String::new(), String::new(), regions.join(", ")),
        };
        Self {
            title: posting.title.clone(),
            company: posting.company.clone(),
            about_company: posting.about_company.clone().unwrap_or_default(),
            workplace: posting.workplace.value().to_owned(),
            city,
            state,
            metro: String::new(),
            remote_regions,
            employment_type: posting.employment_type.value().to_owned(),
            pay_min: form_value(posting.pay.min_cents),
            pay_max: form_value(posting.pay.max_cents),
            pay_period: posting.pay.period.value().to_owned(),
            summary: posting.summary.clone(),
            duties: lines(posting.duties.iter().map(String::as_str)),
            required: lines(posting.required.iter().map(String::as_str)),
            preferred: lines(posting.preferred.iter().map(String::as_str)),
            benefits: posting
                .benefits
                .iter()
                .map(|b| b.value().to_owned())
                .collect(),
            benefits_other: posting.benefits_other.clone().unwrap_or_default(),
            apply: match &posting.apply {
                Some(HowToApply::Url(to) | HowToApply::Email(to)) => to.clone(),
                None => String::new(),
            },
            direct_apply: if posting.direct_apply {
                "on".to_owned()
            } else {
                String::new()
            },
            date_posted: posting.date_posted.to_string(),
            closing_date: posting
                .closing_date
                .map(|d| d.to_string())
                .unwrap_or_default(),
            eeo: posting.eeo.clone().unwrap_or_default(),
            role: posting.role.clone().unwrap_or_default(),
            soc: String::new(),
        }
    }

    /// Whether a benefit's box is ticked.
    pub fn has_benefit(&self, benefit: &Benefit) -> bool {
        self.benefits.iter().any(|b| b == benefit.value())
    }
}

/// Items one per line, as the form's list fields hold them.
pub(super) fn lines<'a>(items: impl Iterator<Item = &'a str>) -> String {
    items.collect::<Vec<_>>().join("\n")
}
