//! What a search answers: results that say what they lead to (a job description, pay
//! data, an article), corrections and suggestions.

use super::names::Target;
use super::query::{Intent, Query};
use super::{Occupation, Page};
use crate::html::escape as escape_html;
use crate::words::normalize;

/// What a result leads to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// A job description we wrote.
    Role,
    /// The pay page of a job description we wrote, for a query asking about pay.
    RolePay,
    /// An occupation we have only official pay data for.
    Occupation,
    /// An article.
    Article,
}

impl Kind {
    /// The label shown above the result.
    pub fn label(self) -> &'static str {
        match self {
            Kind::Role => "Job description",
            Kind::RolePay => "Pay data",
            Kind::Occupation => "Official pay data; no written job description yet",
            Kind::Article => "Article",
        }
    }

    /// A CSS class for the result.
    pub fn class(self) -> &'static str {
        match self {
            Kind::Role => "role",
            Kind::RolePay => "pay",
            Kind::Occupation => "occupation",
            Kind::Article => "article",
        }
    }
}

/// A result.
#[derive(Debug, Clone)]
pub struct Hit {
    pub(super) target: Target,
    /// What it leads to.
    pub kind: Kind,
    /// Where it is.
    pub href: String,
    /// Its title.
    pub title: String,
    /// The other name it was found by ("RN"), when not its title.
    pub matched: Option<String>,
    /// A passage with the matched words in `<mark>`, or the pay it leads to; escaped.
    pub snippet_html: String,
    /// The job description builder, started from this job.
    pub build_href: Option<String>,
    /// A second way on: the pay of a job description, or the description of a pay page.
    pub more: Option<(&'static str, String)>,
}

/// A title offered instead of, or beside, results.
#[derive(Debug, Clone, PartialEq)]
pub struct Suggestion {
    /// The title.
    pub title: String,
    /// Where it is.
    pub href: String,
}

/// The answer to a query.
#[derive(Debug, Clone, Default)]
pub struct Results {
    /// The query as read: trimmed and cut to [`super::MAX_QUERY_CHARS`]; empty when it
    /// holds no words to search for.
    pub query: String,
    /// The results.
    pub hits: Vec<Hit>,
    /// When the query as typed found nothing, the corrected query the results are for.
    pub corrected: Option<String>,
    /// "Did you mean" titles, or the closest titles when nothing matched.
    pub suggestions: Vec<Suggestion>,
}

impl Results {
    /// No results yet for `query`.
    pub(super) fn for_query(query: &Query) -> Self {
        Self {
            query: query.text.clone(),
            ..Self::default()
        }
    }
}

/// `?key=value&…`, encoded; empty values left out.
fn query_string(pairs: &[(&str, &str)]) -> String {
    let pairs: Vec<(&str, &str)> = pairs
        .iter()
        .copied()
        .filter(|(_, v)| !v.is_empty())
        .collect();
    if pairs.is_empty() {
        return String::new();
    }
    format!("?{}", serde_html_form::to_string(pairs).unwrap_or_default())
}

/// A role found: its page, slug and occupation code.
pub(super) struct RoleHit<'a> {
    pub page: &'a Page,
    pub slug: &'a str,
    pub soc: &'a str,
}

impl Hit {
    /// A job description (or, asked about pay, its pay page, for the metro area when
    /// one was named).
    pub(super) fn role(
        target: Target,
        role: RoleHit<'_>,
        matched: Option<&str>,
        intent: Intent,
        (state, metro): (Option<&str>, Option<&str>),
        snippet_html: String,
    ) -> Self {
        let RoleHit { page, slug, soc } = role;
        let (state, metro) = (state.unwrap_or_default(), metro.unwrap_or_default());
        let place = query_string(&[("state", state), ("metro", metro)]);
        let description = format!("/job-descriptions/{slug}{place}");
        let pay = if metro.is_empty() {
            format!("/salaries/{slug}{place}")
        } else {
            format!("/salaries/soc/{soc}/{metro}")
        };
        let (kind, href, title, more) = match intent {
            Intent::Pay => (
                Kind::RolePay,
                pay,
                format!("{} pay", page.title),
                ("Job description", description),
            ),
            Intent::Any => (
                Kind::Role,
                description,
                page.title.clone(),
                ("Pay by state", pay),
            ),
        };
        Self {
            target,
            kind,
            href,
            title,
            matched: matched
                .filter(|m| normalize(m) != normalize(&page.title))
                .map(str::to_owned),
            snippet_html,
            build_href: Some(format!(
                "/job-descriptions/build{}",
                query_string(&[("role", slug), ("state", state), ("metro", metro)])
            )),
            more: Some(more),
        }
    }

    /// An article.
    pub(super) fn article(target: Target, page: &Page, snippet_html: String) -> Self {
        Self {
            target,
            kind: Kind::Article,
            href: page.href.clone(),
            title: page.title.clone(),
            matched: None,
            snippet_html,
            build_href: None,
            more: None,
        }
    }

    /// An occupation we have only pay data for, found as `matched`.
    pub(super) fn occupation(
        target: Target,
        occupation: &Occupation,
        matched: Option<&str>,
        (state, metro): (Option<&str>, Option<&str>),
    ) -> Self {
        let soc = occupation.soc.as_str();
        let title = matched.unwrap_or(&occupation.official);
        let (state, metro) = (state.unwrap_or_default(), metro.unwrap_or_default());
        let href = if metro.is_empty() {
            format!("/salaries/soc/{soc}{}", query_string(&[("state", state)]))
        } else {
            format!("/salaries/soc/{soc}/{metro}")
        };
        Self {
            target,
            kind: Kind::Occupation,
            href,
            title: title.to_owned(),
            matched: None,
            snippet_html: escape_html(&occupation.pay_line),
            build_href: Some(format!(
                "/job-descriptions/build{}",
                query_string(&[
                    ("soc", soc),
                    ("title", title),
                    ("state", state),
                    ("metro", metro),
                ])
            )),
            more: None,
        }
    }
}
