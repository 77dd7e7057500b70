//! Salary pages: `/salaries/{role}` and `/salaries/soc/{code}` (national panel, chart,
//! and a sortable table of states). The index pages are in `salary_index.rs`.

use std::cmp::Ordering;

use actix_web::{HttpResponse, web};
use askama::Template;
use serde::Deserialize;

use super::chart::{Chart, Row};
use super::metro_pay::MetroSection;
use super::pay_panel::{SalarySection, place_name};
use super::pay_table::{Column, TableRow, pay_row};
use super::place::Place;
use super::salary_index;
use super::{Layout, Section, Site, render};
use crate::content::Role;
use crate::error::AppError;
use crate::wages::{Occupation, SocCode, Unit, WageData};

/// The table's sort order, from the query string: `?sort=median&order=desc`.
#[derive(Debug, Default, Deserialize)]
pub struct SortQuery {
    sort: Option<String>,
    order: Option<String>,
    /// A state to show beside the national figures, with its metro areas.
    state: Option<String>,
    /// One of that state's metro or nonmetro areas.
    metro: Option<String>,
}

/// A table header: its label, the link that sorts by it, and `aria-sort` when sorted.
struct Header {
    label: &'static str,
    href: String,
    aria_sort: Option<&'static str>,
    numeric: bool,
}

#[derive(Template)]
#[template(path = "salaries/show.html")]
struct SalaryPage<'a> {
    layout: Layout<'a>,
    heading: String,
    salary: SalarySection<'a>,
    roles: Vec<&'a Role>,
    chart: Option<Chart>,
    chart_title: String,
    unit_note: &'static str,
    headers: Vec<Header>,
    rows: Vec<TableRow>,
    /// Pay in the chosen state's metro areas.
    metro: Option<MetroSection>,
    /// This page's path, for the state picker.
    path: String,
    /// The job description builder, started from this role or occupation.
    build_href: String,
}

/// `GET /salaries/{slug}`: the salary page of a role.
pub async fn role(
    site: web::Data<Site>,
    slug: web::Path<String>,
    query: web::Query<SortQuery>,
) -> Result<HttpResponse, AppError> {
    let role = site.library.role(&slug).ok_or(AppError::NotFound)?;
    let occupation = site
        .library
        .wages()
        .occupation(&role.soc)
        .ok_or(AppError::NotFound)?;
    let path = format!("/salaries/{}", role.slug);
    let start = format!("role={}", role.slug);
    page(
        &site,
        occupation,
        &role.title,
        &path,
        &query,
        vec![role],
        &start,
    )
}

/// `GET /salaries/soc/{code}`: the salary page of any detailed occupation.
pub async fn occupation(
    site: web::Data<Site>,
    code: web::Path<String>,
    query: web::Query<SortQuery>,
) -> Result<HttpResponse, AppError> {
    let soc = SocCode::parse(&code).map_err(|_| AppError::NotFound)?;
    let occupation = site
        .library
        .wages()
        .occupation(&soc)
        .ok_or(AppError::NotFound)?;
    let roles = site.library.roles_for(&soc).collect();
    let path = format!("/salaries/soc/{soc}");
    let start = format!("soc={soc}");
    page(
        &site,
        occupation,
        &occupation.title,
        &path,
        &query,
        roles,
        &start,
    )
}

/// A salary page about `subject` (a role or occupation title) at `path`, whose
/// builder link starts from `start` (`role=…` or `soc=…`).
fn page<'a>(
    site: &'a Site,
    occupation: &'a Occupation,
    subject: &str,
    path: &str,
    query: &SortQuery,
    roles: Vec<&'a Role>,
    start: &str,
) -> Result<HttpResponse, AppError> {
    let data = site.library.wages();
    let national = data.wages(&occupation.soc, 0).ok_or(AppError::NotFound)?;
    let heading = format!("{subject} salary");
    let release = &data.release().name;
    let soc = &occupation.soc;
    let mut description = format!(
        "{subject}: median and percentile pay in every state (SOC {soc}, BLS OEWS {release})."
    );
    if description.chars().count() > crate::content::SUMMARY_MAX {
        // Official titles run to 100 characters; this shorter form always fits.
        description = format!("{subject}: pay by state (SOC {soc}, BLS OEWS {release}).");
    }
    let place = Place::resolve(data, query.state.as_deref(), query.metro.as_deref());
    let salary = SalarySection::new(data, occupation, &place)?;
    let build_href = format!("/job-descriptions/build?{start}{}", salary.place_query);
    let column = Column::from_query(query.sort.as_deref());
    let descending = query.order.as_deref() == Some("desc");
    let unit = national.basis().0;
    let metro = match place.state {
        Some(state) => Some(MetroSection::new(
            data,
            &occupation.soc,
            unit,
            state,
            subject,
        )?),
        None => None,
    };
    let order = sorted_areas(data, &occupation.soc, unit, column, descending);
    let chart_rows: Vec<Row<'_>> = order
        .iter()
        .map(|&i| Row {
            label: if i == 0 {
                "United States"
            } else {
                &data.areas()[i].name
            },
            national: i == 0,
            percentiles: data.wages(&occupation.soc, i).map(|w| w.percentiles(unit)),
        })
        .collect();
    render(&SalaryPage {
        layout: Layout::new(site, &heading, &description)
            .in_section(Section::Salaries)
            .at(path)
            .breadcrumbs(&[("Salaries", "/salaries"), (&heading, path)]),
        salary,
        metro,
        path: path.to_owned(),
        roles,
        chart: Chart::new(&chart_rows, unit, data.release()),
        chart_title: format!("{heading} by state, {}", data.release().citation()),
        unit_note: match unit {
            Unit::Hourly => "Wages per hour: BLS publishes only hourly wages for this occupation.",
            _ => "Annual wages.",
        },
        headers: headers(path, column, descending),
        rows: order
            .iter()
            .map(|&i| table_row(data, &occupation.soc, i, unit))
            .collect(),
        heading,
        build_href,
    })
}

/// The national row first, then the states in the chosen order; areas missing the
/// sorted figure go last whichever the order.
fn sorted_areas(
    data: &WageData,
    soc: &SocCode,
    unit: Unit,
    column: Column,
    descending: bool,
) -> Vec<usize> {
    let release = data.release();
    let keys: Vec<[Option<u64>; 6]> = (0..data.areas().len())
        .map(|i| match data.wages(soc, i) {
            None => [None; 6],
            Some(w) => {
                let p = w.percentiles(unit);
                [
                    release.comparable(w.employment, Unit::Count),
                    release.comparable(p.p10, unit),
                    release.comparable(p.p25, unit),
                    release.comparable(p.median, unit),
                    release.comparable(p.p75, unit),
                    release.comparable(p.p90, unit),
                ]
            }
        })
        .collect();
    let name = |i: usize| &data.areas()[i].name;
    let value_index = Column::ALL
        .iter()
        .position(|c| c.0 == column)
        .and_then(|i| i.checked_sub(1));
    let mut states: Vec<usize> = (1..keys.len()).collect();
    states.sort_by(|&a, &b| {
        let ordering = match value_index.map(|v| (keys[a][v], keys[b][v])) {
            None => name(a).cmp(name(b)),
            Some((Some(x), Some(y))) => x.cmp(&y),
            Some((Some(_), None)) => return Ordering::Less,
            Some((None, Some(_))) => return Ordering::Greater,
            Some((None, None)) => Ordering::Equal,
        };
        let ordering = if descending {
            ordering.reverse()
        } else {
            ordering
        };
        ordering.then_with(|| name(a).cmp(name(b)))
    });
    std::iter::once(0).chain(states).collect()
}

fn headers(path: &str, sorted: Column, descending: bool) -> Vec<Header> {
    Column::ALL
        .iter()
        .map(|&(column, key, label)| {
            let is_sorted = column == sorted;
            // A second click on the sorted column reverses it; numbers start high, names at A.
            let next_desc = if is_sorted {
                !descending
            } else {
                column != Column::State
            };
            let order = if next_desc { "desc" } else { "asc" };
            Header {
                label,
                href: format!("{path}?sort={key}&order={order}#states"),
                aria_sort: is_sorted.then_some(if descending {
                    "descending"
                } else {
                    "ascending"
                }),
                numeric: column != Column::State,
            }
        })
        .collect()
}

fn table_row(data: &WageData, soc: &SocCode, area: usize, unit: Unit) -> TableRow {
    let name = place_name(&data.areas()[area]);
    pay_row(name, area == 0, data.wages(soc, area), unit, data.release())
}

/// This family's routes (see `routes.rs` for the order they are tried in).
pub fn config(cfg: &mut web::ServiceConfig) {
    use super::page as route;
    cfg.service(route("/salaries", salary_index::index))
        .service(route("/salaries/group/{slug}", salary_index::group))
        .service(route("/salaries/soc/{code}", occupation))
        .service(route("/salaries/{slug}", role));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unknown_sort_columns_fall_back_to_state() {
        assert_eq!(Column::from_query(Some("median")), Column::Median);
        assert_eq!(Column::from_query(Some("<script>")), Column::State);
        assert_eq!(Column::from_query(None), Column::State);
    }

    #[test]
    fn header_links_toggle_the_sorted_column() {
        let headers = headers("/salaries/x", Column::Median, true);
        let median = &headers[4];
        assert_eq!(median.href, "/salaries/x?sort=median&order=asc#states");
        assert_eq!(median.aria_sort, Some("descending"));
        assert_eq!(headers[0].href, "/salaries/x?sort=state&order=asc#states");
        assert_eq!(
            headers[1].href,
            "/salaries/x?sort=employment&order=desc#states"
        );
        assert_eq!(headers[1].aria_sort, None);
    }
}
