//! Job descriptions: the role index and the role pages.

use std::collections::BTreeMap;

use actix_web::{HttpResponse, web};
use askama::Template;

use serde::Deserialize;

use super::categories::{CategoryGroup, category_groups};
use super::page;
use super::pay_panel::SalarySection;
use super::place::Place;
use super::sample::SamplePosting;
use super::{Layout, Section, Site, human_date, json_ld, render};
use crate::content::{Category, Role};
use crate::error::AppError;

/// Roles whose titles start with one letter.
struct LetterGroup<'a> {
    letter: char,
    roles: Vec<&'a Role>,
}

#[derive(Template)]
#[template(path = "roles/index.html")]
struct IndexPage<'a> {
    layout: Layout<'a>,
    alphabet: Vec<(char, bool)>,
    letters: Vec<LetterGroup<'a>>,
    categories: Vec<CategoryGroup<'a>>,
}

/// `GET /job-descriptions`: every role A-Z and by category.
pub async fn index(site: web::Data<Site>) -> Result<HttpResponse, AppError> {
    let mut by_letter: BTreeMap<char, Vec<&Role>> = BTreeMap::new();
    for role in site.library.roles() {
        let letter = role
            .title
            .chars()
            .next()
            .map_or('#', |c| c.to_ascii_uppercase());
        by_letter.entry(letter).or_default().push(role);
    }
    let alphabet = ('A'..='Z')
        .map(|c| (c, by_letter.contains_key(&c)))
        .collect();
    let letters = by_letter
        .into_iter()
        .map(|(letter, roles)| LetterGroup { letter, roles })
        .collect();
    let count = site.library.roles().len();
    let layout = Layout::new(
        &site,
        "Job descriptions A-Z",
        &format!("All {count} job descriptions on Rolebook, A to Z and by category, each with duties, skills and official pay data."),
    )
    .in_section(Section::Roles)
    .at("/job-descriptions");
    render(&IndexPage {
        layout,
        alphabet,
        letters,
        categories: category_groups(&site),
    })
}

#[derive(Template)]
#[template(path = "roles/show.html")]
struct RolePage<'a> {
    layout: Layout<'a>,
    role: &'a Role,
    category: &'a Category,
    /// "a" or "an", to go before the title.
    article: &'static str,
    also_called: String,
    updated: String,
    similar: Vec<&'a Role>,
    salary: SalarySection<'a>,
    sample: SamplePosting,
    /// The builder, started from this role (and the chosen state).
    build_href: String,
    /// Other roles written for the same official occupation.
    sharing: Vec<&'a Role>,
}

/// `?state=colorado&metro=pueblo-co` on a role page shows that state's and that
/// area's pay beside the nation's.
#[derive(Debug, Deserialize)]
pub struct RoleQuery {
    state: Option<String>,
    metro: Option<String>,
}

/// `GET /job-descriptions/{slug}`
pub async fn show(
    site: web::Data<Site>,
    slug: web::Path<String>,
    query: web::Query<RoleQuery>,
) -> Result<HttpResponse, AppError> {
    let role = site.library.role(&slug).ok_or(AppError::NotFound)?;
    let category = site
        .library
        .category(&role.category)
        .ok_or(AppError::NotFound)?;
    let wages = site.library.wages();
    let occupation = wages.occupation(&role.soc).ok_or(AppError::NotFound)?;
    let path = format!("/job-descriptions/{}", role.slug);
    let title = format!("{} job description", role.title);
    let url = format!("{}{path}", site.base_url);
    let structured = json_ld::occupation(
        role,
        occupation,
        wages.wages(&role.soc, 0),
        wages.release(),
        &url,
    );
    let layout = Layout::new(&site, &title, &role.summary)
        .in_section(Section::Roles)
        .at(&path)
        .breadcrumbs(&[
            ("Job descriptions", "/job-descriptions"),
            (&role.title, &path),
        ])
        .json_ld(&structured);
    let place = Place::resolve(wages, query.state.as_deref(), query.metro.as_deref());
    let salary = SalarySection::new(wages, occupation, &place)?;
    render(&RolePage {
        layout,
        role,
        category,
        article: indefinite_article(&role.title),
        also_called: join_or(&role.aliases),
        updated: human_date(role.updated),
        similar: role
            .similar
            .iter()
            .filter_map(|slug| site.library.role(slug))
            .collect(),
        sample: SamplePosting::new(role, &salary),
        build_href: format!(
            "/job-descriptions/build?role={}{}",
            role.slug, salary.place_query
        ),
        sharing: site
            .library
            .roles_for(&role.soc)
            .filter(|other| other.slug != role.slug)
            .collect(),
        salary,
    })
}

/// "a" or "an" by the first letter; good enough for job titles, which rarely start
/// with a silent "h" or a "u" sounded "you".
fn indefinite_article(title: &str) -> &'static str {
    match title.chars().next().map(|c| c.to_ascii_lowercase()) {
        Some('a' | 'e' | 'i' | 'o' | 'u') => "an",
        _ => "a",
    }
}

/// "A", "A or B", "A, B or C".
fn join_or(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} or {last}", rest.join(", ")),
    }
}

/// This family's routes (see `routes.rs` for the order they are tried in).
pub fn config(cfg: &mut web::ServiceConfig) {
    cfg.service(page("/job-descriptions", index))
        .service(page("/job-descriptions/{slug}", show));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn articles() {
        assert_eq!(indefinite_article("Account Manager"), "an");
        assert_eq!(indefinite_article("Registered Nurse"), "a");
    }

    #[test]
    fn lists_read_as_english() {
        let names = |n: &[&str]| n.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert_eq!(join_or(&names(&[])), "");
        assert_eq!(join_or(&names(&["A"])), "A");
        assert_eq!(join_or(&names(&["A", "B"])), "A or B");
        assert_eq!(join_or(&names(&["A", "B", "C"])), "A, B or C");
    }
}
