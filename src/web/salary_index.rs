//! The salary index: `/salaries` (the 22 major occupation groups, and every occupation
//! matching a filter) and `/salaries/group/{slug}` (one group's occupations as a table).

use actix_web::{HttpResponse, web};
use askama::Template;
use serde::Deserialize;

use super::{Layout, Section, Site, render};
use crate::content::Role;
use crate::error::AppError;
use crate::wages::money::{self, thousands};
use crate::wages::{Level, Occupation, Release, SocCode, Unit, WageData, slugify};
use crate::words::words;

/// The most rows a filtered list shows; a broader filter is asked to narrow. (A group's
/// whole list, 105 rows at most, is always shown.)
pub const MAX_ROWS: usize = 100;
/// The longest filter read; the rest is ignored.
const MAX_FILTER_CHARS: usize = 100;

/// `?q=nurse`: what the filter box sent.
#[derive(Debug, Default, Deserialize)]
pub struct FilterQuery {
    q: Option<String>,
}

impl FilterQuery {
    /// The filter as typed, trimmed and cut to a sane length.
    fn text(&self) -> String {
        let text = self.q.as_deref().unwrap_or_default().trim();
        text.chars().take(MAX_FILTER_CHARS).collect()
    }
}

/// One detailed occupation in a table: national median, jobs and its role pages.
struct Row<'a> {
    occupation: &'a Occupation,
    median: Option<String>,
    employment: Option<String>,
    roles: Vec<&'a Role>,
}

/// A major occupation group: how many occupations BLS published figures for, and how
/// many role pages we have written in it. (The shipped data holds detailed occupations
/// only, so a group has no pay figures of its own here.)
struct Group<'a> {
    occupation: &'a Occupation,
    slug: String,
    occupations: usize,
    roles: usize,
}

/// The result of a filter: the rows shown, how many matched, and what was typed.
struct Filtered<'a> {
    text: String,
    rows: Vec<Row<'a>>,
    matched: usize,
}

#[derive(Template)]
#[template(path = "salary_index/index.html")]
struct IndexPage<'a> {
    layout: Layout<'a>,
    citation: String,
    count: usize,
    groups: Vec<Group<'a>>,
    filter: Filtered<'a>,
}

#[derive(Template)]
#[template(path = "salary_index/group.html")]
struct GroupPage<'a> {
    layout: Layout<'a>,
    citation: String,
    /// Every group, for the jump list; `current` is this page's.
    groups: Vec<Group<'a>>,
    current: usize,
    filter: Filtered<'a>,
    path: String,
}

impl GroupPage<'_> {
    /// This page's group.
    fn group(&self) -> &Group<'_> {
        &self.groups[self.current]
    }
}

/// "Healthcare Practitioners and Technical Occupations" as
/// "healthcare-practitioners-and-technical".
fn group_slug(title: &str) -> String {
    slugify(title.strip_suffix(" Occupations").unwrap_or(title))
}

/// The national median of `soc` as shown in a table: annual, or hourly where BLS
/// published only hourly figures.
fn median(data: &WageData, soc: &SocCode, release: &Release) -> Option<String> {
    let wages = data.wages(soc, 0)?;
    let (unit, p) = wages.basis();
    let figure = money::figure(p.median, unit, release)?;
    Some(match unit {
        Unit::Hourly => format!("{figure} per hour"),
        _ => figure,
    })
}

fn employment(data: &WageData, soc: &SocCode) -> Option<String> {
    data.wages(soc, 0)?.employment.value().map(thousands)
}

/// Every major group with published detailed occupations, in SOC order.
fn groups<'a>(site: &'a Site) -> Vec<Group<'a>> {
    let data = site.library.wages();
    data.occupations()
        .filter(|o| o.level == Level::Major && o.soc.as_str() != "00-0000")
        .map(|occupation| Group {
            occupation,
            slug: group_slug(&occupation.title),
            occupations: detailed(data)
                .filter(|o| o.soc.major_group() == occupation.soc)
                .count(),
            roles: site
                .library
                .roles()
                .iter()
                .filter(|r| r.soc.major_group() == occupation.soc)
                .count(),
        })
        .filter(|group| group.occupations > 0)
        .collect()
}

/// The detailed occupations BLS published figures for, in SOC order.
fn detailed(data: &WageData) -> impl Iterator<Item = &Occupation> {
    data.occupations()
        .filter(|o| o.level == Level::Detailed && data.has(&o.soc))
}

/// True when every word of the filter starts a word of the occupation's title, its SOC
/// code or one of its role pages' titles: "reg nur" finds Registered Nurses.
fn matches(filter: &[String], row: &Row<'_>) -> bool {
    let mut haystack: Vec<String> = words(&row.occupation.title)
        .chain(words(row.occupation.soc.as_str()))
        .collect();
    for role in &row.roles {
        haystack.extend(words(&role.title));
    }
    filter
        .iter()
        .all(|word| haystack.iter().any(|h| h.starts_with(word.as_str())))
}

/// The rows of the occupations in `group` (or all groups) that match `query`.
fn filter<'a>(site: &'a Site, group: Option<&SocCode>, query: &FilterQuery) -> Filtered<'a> {
    let data = site.library.wages();
    let release = data.release();
    let text = query.text();
    let filter: Vec<String> = words(&text).collect();
    if group.is_none() && filter.is_empty() {
        return Filtered {
            text,
            rows: Vec::new(),
            matched: 0,
        };
    }
    let mut rows: Vec<Row<'a>> = detailed(data)
        .filter(|o| group.is_none_or(|g| o.soc.major_group() == *g))
        .map(|occupation| Row {
            occupation,
            median: None,
            employment: None,
            roles: site.library.roles_for(&occupation.soc).collect(),
        })
        .filter(|row| matches(&filter, row))
        .collect();
    let matched = rows.len();
    if !filter.is_empty() {
        rows.truncate(MAX_ROWS);
    }
    for row in &mut rows {
        row.median = median(data, &row.occupation.soc, release);
        row.employment = employment(data, &row.occupation.soc);
    }
    Filtered {
        text,
        rows,
        matched,
    }
}

/// `GET /salaries`: the occupation groups, and the occupations matching `?q=`.
pub async fn index(
    site: web::Data<Site>,
    query: web::Query<FilterQuery>,
) -> Result<HttpResponse, AppError> {
    let data = site.library.wages();
    let release = data.release();
    let groups = groups(&site);
    let count = groups.iter().map(|g| g.occupations).sum();
    let layout = Layout::new(
        &site,
        "Salaries by occupation",
        &format!("Median pay for all {count} U.S. occupations, from the BLS OEWS {} survey, with figures for every state.", release.name),
    )
    .in_section(Section::Salaries)
    .at("/salaries");
    render(&IndexPage {
        layout,
        citation: release.citation(),
        count,
        filter: filter(&site, None, &query),
        groups,
    })
}

/// `GET /salaries/group/{slug}`: one major group's occupations, filtered by `?q=`.
pub async fn group(
    site: web::Data<Site>,
    slug: web::Path<String>,
    query: web::Query<FilterQuery>,
) -> Result<HttpResponse, AppError> {
    let groups = groups(&site);
    let current = groups
        .iter()
        .position(|g| g.slug == *slug)
        .ok_or(AppError::NotFound)?;
    let group = &groups[current];
    let release = site.library.wages().release();
    let path = format!("/salaries/group/{}", group.slug);
    let title = format!("{}: salaries", group.occupation.title);
    let layout = Layout::new(
        &site,
        &title,
        &format!(
            "National median pay for the {} detailed occupations in {}, from the BLS OEWS {} survey.",
            group.occupations, group.occupation.title, release.name
        ),
    )
    .in_section(Section::Salaries)
    .at(path.clone())
    .breadcrumbs(&[("Salaries", "/salaries"), (&group.occupation.title, &path)]);
    let filter = filter(&site, Some(&group.occupation.soc), &query);
    render(&GroupPage {
        layout,
        citation: release.citation(),
        groups,
        current,
        filter,
        path,
    })
}

/// Every group page's path, for the sitemap.
pub fn group_paths(site: &Site) -> Vec<String> {
    groups(site)
        .into_iter()
        .map(|g| format!("/salaries/group/{}", g.slug))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn group_slugs_drop_the_word_occupations() {
        assert_eq!(
            group_slug("Healthcare Practitioners and Technical Occupations"),
            "healthcare-practitioners-and-technical"
        );
        assert_eq!(
            group_slug("Sales and Related Occupations"),
            "sales-and-related"
        );
    }
}
