//! A job posting that passed validation: what drafts store and exports render.

use crate::content::laws::Place;
use serde::{Deserialize, Serialize};
use time::Date;

use super::choices::{Benefit, Choice, EmploymentType, PayPeriod, Workplace};
use super::pay::dollars;

/// Where the job is.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case", tag = "kind")]
pub enum Location {
    /// A city and state, for on-site and hybrid jobs.
    Place {
        /// City.
        city: String,
        /// State (or DC or territory) name.
        state: String,
    },
    /// A remote job and the places it can hire in.
    Remote {
        /// States or countries, e.g. "United States" or "California".
        regions: Vec<String>,
    },
}

impl Location {
    /// The location as the law data reads it.
    pub fn place(&self) -> Place<'_> {
        match self {
            Location::Place { city, state } => Place::At { city, state },
            Location::Remote { regions } => Place::Remote { regions },
        }
    }
}

/// The pay range.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Pay {
    /// Minimum, in cents.
    pub min_cents: u64,
    /// Maximum, in cents.
    pub max_cents: u64,
    /// Per hour or per year.
    pub period: PayPeriod,
}

/// How candidates apply.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case", tag = "kind", content = "to")]
pub enum HowToApply {
    /// An application page.
    Url(String),
    /// An email address.
    Email(String),
}

/// A complete, valid job posting.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct JobPosting {
    /// Job title.
    pub title: String,
    /// Employer name.
    pub company: String,
    /// About the employer.
    pub about_company: Option<String>,
    /// On-site, hybrid or remote.
    pub workplace: Workplace,
    /// Where.
    pub location: Location,
    /// Full-time and so on.
    pub employment_type: EmploymentType,
    /// Pay range.
    pub pay: Pay,
    /// What the job is.
    pub summary: String,
    /// Duties, one each.
    pub duties: Vec<String>,
    /// Required qualifications.
    pub required: Vec<String>,
    /// Preferred qualifications.
    pub preferred: Vec<String>,
    /// Benefits ticked.
    pub benefits: Vec<Benefit>,
    /// Other benefits, in the employer's words.
    pub benefits_other: Option<String>,
    /// How to apply.
    pub apply: Option<HowToApply>,
    /// Whether candidates can apply on the page that shows the posting.
    pub direct_apply: bool,
    /// Date posted.
    pub date_posted: Date,
    /// Closing date.
    pub closing_date: Option<Date>,
    /// Equal opportunity statement.
    pub eeo: Option<String>,
    /// The role the draft started from.
    pub role: Option<String>,
}

impl JobPosting {
    /// "Austin, Texas", or "Remote (United States)".
    pub fn location_line(&self) -> String {
        match &self.location {
            Location::Place { city, state } => format!("{city}, {state}"),
            Location::Remote { regions } => format!("Remote ({})", regions.join(", ")),
        }
    }

    /// "Full-time · Hybrid".
    pub fn terms_line(&self) -> String {
        format!(
            "{} · {}",
            self.employment_type.label(),
            self.workplace.label()
        )
    }

    /// "$50,000 - $70,000 per year".
    pub fn pay_line(&self) -> String {
        let amount = |cents: u64| match self.pay.period {
            PayPeriod::Hour => crate::wages::money::amount(cents, crate::wages::Unit::Hourly),
            PayPeriod::Year => dollars(cents),
        };
        format!(
            "{} - {} {}",
            amount(self.pay.min_cents),
            amount(self.pay.max_cents),
            self.pay.period.label()
        )
    }

    /// Every benefit as text: the ticked ones, then the employer's own.
    pub fn benefit_lines(&self) -> Vec<String> {
        let mut lines: Vec<String> = self.benefits.iter().map(|b| b.label().to_owned()).collect();
        lines.extend(self.benefits_other.iter().cloned());
        lines
    }

    /// The how-to-apply text: the URL or email.
    pub fn apply_target(&self) -> Option<&str> {
        match &self.apply {
            Some(HowToApply::Url(to) | HowToApply::Email(to)) => Some(to),
            None => None,
        }
    }
}
