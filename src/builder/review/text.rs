//! The text of a posting as the checker reads it, from a saved posting or from a form
//! that came back with errors.

use crate::builder::form::JobForm;
use crate::builder::posting::{JobPosting, Location};

/// A posting's words and what it says about pay, place, applying and equal opportunity.
#[derive(Debug, Clone, Default)]
pub struct PostingText {
    /// The job title.
    pub title: String,
    /// Paragraphs: the summary's and the company description's.
    pub paragraphs: Vec<String>,
    /// The equal opportunity statement's paragraphs: checked for wording and counted,
    /// but not graded for readability, since it lists the legal terms it must.
    pub statement: Vec<String>,
    /// List items: duties, required and preferred qualifications, benefits.
    pub bullets: Vec<String>,
    /// How many required qualifications.
    pub required: usize,
    /// Whether it gives a pay range.
    pub pay: bool,
    /// Where the job is, when the posting says.
    pub location: Option<Location>,
    /// Whether it describes benefits.
    pub benefits: bool,
    /// Whether it gives the date applications close.
    pub closing_date: bool,
    /// Whether it says how to apply.
    pub apply: bool,
    /// Whether it has an equal opportunity statement.
    pub eeo: bool,
}

/// The paragraphs of a text: blank lines between them.
fn paragraphs(text: &str) -> impl Iterator<Item = String> + '_ {
    text.split("\n\n")
        .map(|p| p.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|p| !p.is_empty())
}

/// The items of a one-per-line list field.
fn items(text: &str) -> impl Iterator<Item = String> + '_ {
    text.lines()
        .map(|line| {
            line.trim()
                .trim_start_matches(['-', '*', '•'])
                .trim()
                .to_owned()
        })
        .filter(|line| !line.is_empty())
}

impl PostingText {
    /// A saved posting.
    pub fn from_posting(posting: &JobPosting) -> Self {
        let mut text = Self {
            title: posting.title.clone(),
            paragraphs: paragraphs(&posting.summary).collect(),
            required: posting.required.len(),
            pay: true,
            location: Some(posting.location.clone()),
            benefits: !posting.benefit_lines().is_empty(),
            closing_date: posting.closing_date.is_some(),
            apply: posting.apply.is_some() || posting.direct_apply,
            eeo: posting.eeo.is_some(),
            ..Self::default()
        };
        text.paragraphs
            .extend(posting.about_company.iter().flat_map(|a| paragraphs(a)));
        text.statement = posting.eeo.iter().flat_map(|e| paragraphs(e)).collect();
        for list in [&posting.duties, &posting.required, &posting.preferred] {
            text.bullets.extend(list.iter().cloned());
        }
        text.bullets.extend(posting.benefit_lines());
        text
    }

    /// A form as typed, with `location` as far as it could be read.
    pub fn from_form(form: &JobForm, location: Option<Location>) -> Self {
        let mut text = Self {
            title: form.title.trim().to_owned(),
            paragraphs: paragraphs(&form.summary).collect(),
            required: items(&form.required).count(),
            pay: !form.pay_min.trim().is_empty() && !form.pay_max.trim().is_empty(),
            location,
            benefits: !form.benefits.is_empty() || !form.benefits_other.trim().is_empty(),
            closing_date: !form.closing_date.trim().is_empty(),
            apply: !form.apply.trim().is_empty() || !form.direct_apply.is_empty(),
            eeo: !form.eeo.trim().is_empty(),
            ..Self::default()
        };
        text.paragraphs.extend(paragraphs(&form.about_company));
        text.statement = paragraphs(&form.eeo).collect();
        for list in [&form.duties, &form.required, &form.preferred] {
            text.bullets.extend(items(list));
        }
        text
    }

    /// Every piece of text: the title, the paragraphs, the list items, the statement.
    pub fn pieces(&self) -> impl Iterator<Item = &str> {
        std::iter::once(self.title.as_str())
            .chain(self.paragraphs.iter().map(String::as_str))
            .chain(self.bullets.iter().map(String::as_str))
            .chain(self.statement.iter().map(String::as_str))
    }
}
