//! Server-side validation of the job description form. Every problem is found in one
//! pass, tied to its field and said in words that tell the user what to do.

use time::Date;
use time::macros::format_description;

mod pay;

use pay::pay;

use super::checks::required_items;
use super::choices::{Benefit, Choice, EmploymentType, Workplace};
use super::form::JobForm;
use super::posting::{HowToApply, JobPosting, Location};
use super::text::{clean_block, clean_line, list_items};
use crate::content::laws::{Include, PayRules};
use crate::wages::Area;

/// Longest job title, company name and city.
pub const SHORT_MAX: usize = 120;
/// Longest summary, about-the-company and equal opportunity statement.
pub const LONG_MAX: usize = 2000;
/// Longest single duty or qualification.
pub const LINE_MAX: usize = 300;
/// Most duties or qualifications in one list.
pub const LIST_MAX: usize = 20;
/// Longest other-benefits, remote-regions and how-to-apply text.
pub const MEDIUM_MAX: usize = 500;

/// A problem with one field.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldError {
    /// The field's name, which is also its element id in the form.
    pub field: &'static str,
    /// What to fix.
    pub message: String,
}

/// Every problem found, in form order.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FieldErrors(pub Vec<FieldError>);

impl FieldErrors {
    fn add(&mut self, field: &'static str, message: impl Into<String>) {
        self.0.push(FieldError {
            field,
            message: message.into(),
        });
    }

    /// The message for `field`, if it has a problem.
    pub fn get(&self, field: &str) -> Option<&str> {
        self.0
            .iter()
            .find(|e| e.field == field)
            .map(|e| e.message.as_str())
    }

    /// True when there is no problem.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// How many problems.
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// A text field; `what` names it after "Enter", as in "the job title".
    fn text(
        &mut self,
        field: &'static str,
        value: &str,
        what: &str,
        required: bool,
        max: usize,
    ) -> Option<String> {
        let value = if max > SHORT_MAX {
            clean_block(value)
        } else {
            clean_line(value)
        };
        if value.is_empty() {
            if required {
                self.add(field, format!("Enter {what}"));
            }
            return None;
        }
        let length = value.chars().count();
        if length > max {
            let over = length - max;
            let unit = if over == 1 { "character" } else { "characters" };
            self.add(
                field,
                format!("Shorten {what} by {over} {unit}: the limit is {max}"),
            );
            return None;
        }
        Some(value)
    }

    /// A one-per-line list; `plural` names its entries, as in "duties".
    fn list(
        &mut self,
        field: &'static str,
        value: &str,
        item: &str,
        plural: &str,
        required: bool,
    ) -> Vec<String> {
        let items = list_items(value);
        if items.is_empty() && required {
            self.add(field, format!("Enter at least one {item}, one per line"));
        } else if items.len() > LIST_MAX {
            self.add(
                field,
                format!(
                    "List at most {LIST_MAX} {plural}; there are {}",
                    items.len()
                ),
            );
        } else if let Some((n, _)) = items
            .iter()
            .enumerate()
            .find(|(_, i)| i.chars().count() > LINE_MAX)
        {
            self.add(
                field,
                format!("Shorten line {} to {LINE_MAX} characters or fewer", n + 1),
            );
        }
        items
    }

    fn choice<C: Choice>(&mut self, field: &'static str, value: &str, message: &str) -> Option<C> {
        let choice = C::parse(value.trim());
        if choice.is_none() {
            self.add(field, message);
        }
        choice
    }
}

/// Checks a submitted form; `areas` are the wage data's areas, of which the states
/// (everything after the nation) are the allowed locations, and `rules` the pay
/// transparency laws, whose required items (a closing date, benefits) are checked too.
pub fn validate(
    form: &JobForm,
    areas: &[Area],
    rules: &PayRules,
) -> Result<JobPosting, FieldErrors> {
    let mut e = FieldErrors::default();
    let title = e.text("title", &form.title, "the job title", true, SHORT_MAX);
    let company = e.text(
        "company",
        &form.company,
        "the company name",
        true,
        SHORT_MAX,
    );
    let about_company = e.text(
        "about_company",
        &form.about_company,
        "the description of the company",
        false,
        LONG_MAX,
    );
    let workplace: Option<Workplace> = e.choice(
        "workplace",
        &form.workplace,
        "Choose on-site, hybrid or remote",
    );
    let location = match workplace {
        Some(Workplace::Remote) => e
            .text(
                "remote_regions",
                &form.remote_regions,
                "where a remote hire can live, such as United States",
                true,
                MEDIUM_MAX,
            )
            .map(|regions| Location::Remote {
                regions: regions_list(&regions),
            }),
        Some(_) => {
            let city = e.text("city", &form.city, "the city", true, SHORT_MAX);
            let state = areas.iter().skip(1).find(|a| a.slug == form.state.trim());
            if state.is_none() {
                e.add("state", "Choose the state the job is in");
            }
            city.zip(state).map(|(city, state)| Location::Place {
                city,
                state: state.name.clone(),
            })
        }
        None => None,
    };
    let employment_type: Option<EmploymentType> = e.choice(
        "employment_type",
        &form.employment_type,
        "Choose the type of employment",
    );
    let pay = pay(&mut e, form);
    let summary = e.text("summary", &form.summary, "the summary", true, LONG_MAX);
    let duties = e.list("duties", &form.duties, "duty", "duties", true);
    let required = e.list(
        "required",
        &form.required,
        "required qualification",
        "required qualifications",
        true,
    );
    let preferred = e.list(
        "preferred",
        &form.preferred,
        "preferred qualification",
        "preferred qualifications",
        false,
    );
    let benefits: Vec<Benefit> = form
        .benefits
        .iter()
        .filter_map(|b| Benefit::parse(b))
        .collect();
    if benefits.len() != form.benefits.len() {
        e.add(
            "benefits",
            "Choose benefits from the list, or describe others in your own words",
        );
    }
    let benefits_other = e.text(
        "benefits_other",
        &form.benefits_other,
        "the other benefits",
        false,
        MEDIUM_MAX,
    );
    let apply = e
        .text("apply", &form.apply, "how to apply", false, MEDIUM_MAX)
        .and_then(|text| how_to_apply(&text).map_err(|m| e.add("apply", m)).ok());
    let date_posted = date(&mut e, "date_posted", &form.date_posted, true);
    let closing_date = date(&mut e, "closing_date", &form.closing_date, false);
    if let (Some(posted), Some(closing)) = (date_posted, closing_date)
        && closing <= posted
    {
        e.add(
            "closing_date",
            format!(
                "The closing date must be after the date posted ({})",
                crate::dates::human_date(posted)
            ),
        );
    }
    if let Some(location) = &location {
        let when = date_posted.unwrap_or_else(crate::dates::today);
        for required in required_items(rules, location.place(), when) {
            let missing = match required.what {
                Include::ClosingDate => form.closing_date.trim().is_empty(),
                Include::Benefits => benefits.is_empty() && benefits_other.is_none(),
            };
            let (field, what) = match required.what {
                Include::ClosingDate => ("closing_date", "Enter the date applications close"),
                Include::Benefits => (
                    "benefits",
                    "Choose the benefits the job comes with, or describe them under Other benefits",
                ),
            };
            if missing && e.get(field).is_none() {
                e.add(field, format!("{what}: {}", required.reason));
            }
        }
    }
    let eeo = e.text(
        "eeo",
        &form.eeo,
        "the equal opportunity statement",
        false,
        LONG_MAX,
    );

    let complete = (|| {
        Some(JobPosting {
            title: title?,
            company: company?,
            about_company,
            workplace: workplace?,
            location: location?,
            employment_type: employment_type?,
            pay: pay?,
            summary: summary?,
            duties,
            required,
            preferred,
            benefits,
            benefits_other,
            apply: apply.filter(|_| !form.apply.trim().is_empty()),
            direct_apply: !form.direct_apply.is_empty(),
            date_posted: date_posted?,
            closing_date,
            eeo,
            role: Some(form.role.trim().to_owned()).filter(|r| !r.is_empty()),
        })
    })();
    match complete {
        Some(posting) if e.is_empty() => Ok(posting),
        _ => Err(e),
    }
}

fn date(e: &mut FieldErrors, field: &'static str, text: &str, required: bool) -> Option<Date> {
    let text = clean_line(text);
    if text.is_empty() {
        if required {
            e.add(field, "Enter the date the job is posted");
        }
        return None;
    }
    parse_date(&text)
        .ok_or_else(|| e.add(field, "Enter a real date, like 11/23/2026"))
        .ok()
}

/// A date as a date field sends it (2026-11-23) or as Americans type it (11/23/2026).
fn parse_date(text: &str) -> Option<Date> {
    if let Ok(date) = Date::parse(text, format_description!("[year]-[month]-[day]")) {
        return Some(date);
    }
    let parts: Vec<&str> = text.split('/').map(str::trim).collect();
    let [month, day, year] = parts.as_slice() else {
        return None;
    };
    let month = time::Month::try_from(month.parse::<u8>().ok()?).ok()?;
    let year = year
        .parse::<i32>()
        .ok()
        .filter(|y| (1000..=9999).contains(y))?;
    Date::from_calendar_date(year, month, day.parse().ok()?).ok()
}

/// A URL starting with http(s):// and naming a host with a dot, or an email address.
fn how_to_apply(text: &str) -> Result<HowToApply, &'static str> {
    const MESSAGE: &str =
        "Enter a web address starting with https:// or an email address, like jobs@example.com";
    if text.contains(char::is_whitespace) {
        return Err(MESSAGE);
    }
    let host_ok = |host: &str| {
        host.contains('.')
            && !host.starts_with('.')
            && !host.ends_with('.')
            && host
                .chars()
                .all(|c| c.is_alphanumeric() || matches!(c, '.' | '-' | ':'))
    };
    if let Some(rest) = text
        .strip_prefix("https://")
        .or_else(|| text.strip_prefix("http://"))
    {
        let host = rest.split(['/', '?', '#']).next().unwrap_or_default();
        return if host_ok(host) {
            Ok(HowToApply::Url(text.to_owned()))
        } else {
            Err(MESSAGE)
        };
    }
    match text.split_once('@') {
        Some((local, domain))
            if !local.is_empty()
                && !domain.contains('@')
                && host_ok(domain)
                && local
                    .chars()
                    .all(|c| c.is_alphanumeric() || "._%+-'".contains(c)) =>
        {
            Ok(HowToApply::Email(text.to_owned()))
        }
        _ => Err(MESSAGE),
    }
}

/// "United States; Canada" or "California, Oregon" as a list.
fn regions_list(text: &str) -> Vec<String> {
    text.split([',', ';', '\n'])
        .map(str::trim)
        .filter(|r| !r.is_empty())
        .map(str::to_owned)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn how_to_apply_accepts_urls_and_emails_only() {
        assert!(matches!(
            how_to_apply("https://example.com/jobs/1"),
            Ok(HowToApply::Url(_))
        ));
        assert!(matches!(
            how_to_apply("jobs@example.com"),
            Ok(HowToApply::Email(_))
        ));
        for bad in [
            "javascript:alert(1)",
            "example.com",
            "https://",
            "https://localhost",
            "a@b",
            "a b@c.com",
            "@c.com",
        ] {
            assert!(how_to_apply(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn regions_split_on_commas_semicolons_and_lines() {
        assert_eq!(
            regions_list("United States; Canada"),
            ["United States", "Canada"]
        );
        assert_eq!(
            regions_list("California,\nOregon ,"),
            ["California", "Oregon"]
        );
    }

    #[test]
    fn dates_are_read_as_sent_or_as_americans_type_them() {
        let expected = time::macros::date!(2026 - 11 - 23);
        assert_eq!(parse_date("2026-11-23"), Some(expected));
        assert_eq!(parse_date("11/23/2026"), Some(expected));
        assert_eq!(
            parse_date("1/5/2026"),
            Some(time::macros::date!(2026 - 01 - 05))
        );
        for bad in ["23/11/2026", "2/30/2026", "11/23/26", "tomorrow", ""] {
            assert_eq!(parse_date(bad), None, "{bad}");
        }
    }
}
