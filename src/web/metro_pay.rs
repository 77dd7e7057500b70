//! Pay in metropolitan and nonmetropolitan areas: the "Pay by metro area" section of a
//! salary page (a chart and a table of one state's areas, the state row first) and
//! `/salaries/soc/{code}/{area}`, one occupation's pay in one area beside its states'
//! and the nation's.

use actix_web::{HttpResponse, web};
use askama::Template;

use super::chart::{Chart, Row};
use super::page;
use super::pay_panel::{SalaryPanel, metro_path, place_name, place_phrase};
use super::pay_table::{TableRow, pay_row};
use super::{Layout, Section, Site, human_date, json_ld, render};
use crate::content::Role;
use crate::error::AppError;
use crate::wages::{
    Area, IMPRECISE_EMPLOYMENT_RSE, IMPRECISE_WAGE_RSE, MetroArea, MetroError, Occupation, SocCode,
    Unit, WageData, Wages, decimal,
};

/// The column labels of the metro tables, after the area's name.
const COLUMNS: [&str; 6] = [
    "Employment",
    "10th percentile",
    "25th percentile",
    "Median",
    "75th percentile",
    "90th percentile",
];

/// One state's metro and nonmetro areas for one occupation.
pub struct MetroSection {
    /// The state's name.
    pub state: String,
    /// The state's row first, then each area with figures.
    pub chart: Option<Chart>,
    /// The chart's title.
    pub chart_title: String,
    /// The state's row, then every area of the state by name.
    pub rows: Vec<TableRow>,
    /// The table's column labels.
    pub columns: [&'static str; 6],
}

impl MetroSection {
    /// The section for `soc` in `unit` (the occupation's national basis) in `state`,
    /// about `subject` (a role or occupation title).
    pub fn new(
        data: &WageData,
        soc: &SocCode,
        unit: Unit,
        (state, area): (usize, &Area),
        subject: &str,
    ) -> Result<Self, MetroError> {
        let metro = data.metro();
        let all = metro.rows(soc)?;
        let areas = metro.in_state(state);
        let wages_of = |i: usize| all.iter().find(|(a, _)| *a == i).map(|(_, w)| w);
        let state_wages = data.wages(soc, state);
        let mut chart_rows = vec![Row {
            label: &area.name,
            national: true,
            percentiles: state_wages.map(|w| w.percentiles(unit)),
        }];
        let labels: Vec<String> = areas.iter().map(|(_, a)| short_name(a)).collect();
        for ((i, _), label) in areas.iter().zip(&labels) {
            chart_rows.push(Row {
                label,
                national: false,
                percentiles: wages_of(*i).map(|w| w.percentiles(unit)),
            });
        }
        let release = data.release();
        let mut rows = vec![pay_row(area.name.clone(), true, state_wages, unit, release)];
        for (i, metro_area) in &areas {
            let wages = wages_of(*i);
            let mut row = pay_row(metro_area.name.clone(), false, wages, unit, release);
            row.href = wages.map(|_| metro_path(soc.as_str(), &metro_area.slug));
            rows.push(row);
        }
        Ok(Self {
            state: area.name.clone(),
            chart: Chart::new(&chart_rows, unit, release),
            chart_title: format!(
                "{subject} pay by metro area in {}, {}",
                area.name,
                release.citation()
            ),
            rows,
            columns: COLUMNS,
        })
    }
}

/// A name short enough for the chart's labels: the first city and the states of a
/// metro area ("Minneapolis, MN-WI"), a nonmetro area without its long suffix.
fn short_name(area: &MetroArea) -> String {
    let name = match area.name.split_once(", ") {
        Some((cities, states)) => {
            let first = cities.split('-').next().unwrap_or(cities);
            format!("{first}, {states}")
        }
        None => area.name.replace(" nonmetropolitan area", " (nonmetro)"),
    };
    const MAX: usize = 26;
    if name.chars().count() > MAX {
        let cut: String = name.chars().take(MAX - 1).collect();
        format!("{}…", cut.trim_end())
    } else {
        name
    }
}

#[derive(Template)]
#[template(path = "salaries/area.html")]
struct AreaPage<'a> {
    layout: Layout<'a>,
    heading: String,
    occupation: &'a Occupation,
    area: &'a MetroArea,
    sentence: String,
    panels: Vec<SalaryPanel>,
    columns: Vec<&'static str>,
    rows: Vec<TableRow>,
    unit_note: &'static str,
    location_quotient: Option<String>,
    precision: Option<String>,
    imprecise: bool,
    roles: Vec<&'a Role>,
    /// Each state the area spans: its name and its metro table.
    states: Vec<(String, String)>,
    build_href: String,
    citation: String,
    published: String,
}

/// `GET /salaries/soc/{code}/{area}`: one occupation's pay in one metro or nonmetro area.
pub async fn area(
    site: web::Data<Site>,
    path: web::Path<(String, String)>,
) -> Result<HttpResponse, AppError> {
    let (code, slug) = path.into_inner();
    let data = site.library.wages();
    let soc = SocCode::parse(&code).map_err(|_| AppError::NotFound)?;
    let occupation = data.occupation(&soc).ok_or(AppError::NotFound)?;
    let national = data.wages(&soc, 0).ok_or(AppError::NotFound)?;
    let (index, area) = data.metro().area(&slug).ok_or(AppError::NotFound)?;
    let wages = data.metro().wages(&soc, index)?.ok_or(AppError::NotFound)?;
    let release = data.release();
    let unit = national.basis().0;
    let title = &occupation.title;
    let heading = format!("{title} pay in {}", area.name);
    let path = metro_path(soc.as_str(), &area.slug);
    let mut panels = vec![SalaryPanel::new(area.name.clone(), Some(&wages), release)];
    let mut rows = vec![comparison_row(&area.name, Some(&wages), unit, data)];
    let mut states = Vec::new();
    for &state in &area.states {
        let state_area = &data.areas()[state];
        let state_wages = data.wages(&soc, state);
        panels.push(SalaryPanel::new(
            place_name(state_area),
            state_wages,
            release,
        ));
        rows.push(comparison_row(&state_area.name, state_wages, unit, data));
        states.push((
            state_area.name.clone(),
            format!("/salaries/soc/{soc}?state={}#metro", state_area.slug),
        ));
    }
    panels.push(SalaryPanel::new(
        place_name(&data.areas()[0]),
        Some(national),
        release,
    ));
    rows.push(comparison_row("United States", Some(national), unit, data));
    if let Some(nation) = rows.last_mut() {
        nation.national = true;
    }
    let state_names: Vec<&str> = area
        .states
        .iter()
        .map(|&s| data.areas()[s].name.as_str())
        .collect();
    let url = format!("{}{path}", site.base_url);
    let json_ld = json_ld::occupation_in_area(
        occupation,
        &area.name,
        &state_names,
        Some(&wages),
        release,
        &url,
    );
    let description = short_description(title, &area.name, &soc, &release.name);
    let first_state = &data.areas()[area.states[0]];
    let salaries_path = format!("/salaries/soc/{soc}");
    render(&AreaPage {
        layout: Layout::new(&site, &page_title(occupation, area), &description)
            .in_section(Section::Salaries)
            .at(&path)
            .breadcrumbs(&[
                ("Salaries", "/salaries"),
                (&format!("{title} salary"), &salaries_path),
                (&area.name, &path),
            ])
            .json_ld(&json_ld),
        sentence: sentence(&panels[0], &release.name),
        location_quotient: wages
            .precision
            .location_quotient
            .map(|lq| decimal(lq.into(), 2)),
        precision: precision_sentence(&wages),
        imprecise: wages.precision.imprecise(),
        unit_note: match unit {
            Unit::Hourly => "Wages per hour: BLS publishes only hourly wages for this occupation.",
            _ => "Annual wages.",
        },
        columns: COLUMNS
            .iter()
            .copied()
            .chain(["Location quotient"])
            .collect(),
        roles: site.library.roles_for(&soc).collect(),
        build_href: format!(
            "/job-descriptions/build?soc={soc}&state={}&metro={}",
            first_state.slug, area.slug
        ),
        citation: release.citation(),
        published: human_date(release.published),
        heading,
        occupation,
        area,
        panels,
        rows,
        states,
    })
}

/// A row of the comparison table, with the location quotient after the figures.
fn comparison_row(name: &str, wages: Option<&Wages>, unit: Unit, data: &WageData) -> TableRow {
    let mut row = pay_row(name.to_owned(), false, wages, unit, data.release());
    let lq = wages
        .and_then(|w| w.precision.location_quotient)
        .map_or_else(|| "None published".to_owned(), |lq| decimal(lq.into(), 2));
    row.cells.push(("Location quotient", lq));
    row
}

/// The lede: the area's median, from the panel's own headline.
fn sentence(panel: &SalaryPanel, release: &str) -> String {
    let label = panel.headline_label.to_lowercase();
    let place = place_phrase(&panel.place);
    match &panel.headline {
        Some(headline) => format!(
            "In the {release} survey, the {label} for this occupation in {place} was {headline}: half of the workers earned more than that, and half earned less."
        ),
        None => format!(
            "BLS did not publish a {label} for this occupation in {place} in the {release} survey."
        ),
    }
}

/// BLS's relative standard errors for the area, with the thresholds we flag.
fn precision_sentence(wages: &Wages) -> Option<String> {
    let p = wages.precision;
    let percent = |rse: u16| format!("{}%", decimal(rse.into(), 1));
    let parts: Vec<String> = [
        p.employment_rse
            .map(|r| format!("{} for the number of jobs", percent(r))),
        p.wage_rse
            .map(|r| format!("{} for the mean wage", percent(r))),
    ]
    .into_iter()
    .flatten()
    .collect();
    (!parts.is_empty()).then(|| {
        format!(
            "BLS gives a relative standard error of {}. We call an estimate imprecise when that error is above {} for jobs or {} for the mean wage: the true figure could then be far from the estimate.",
            parts.join(" and "),
            percent(IMPRECISE_EMPLOYMENT_RSE),
            percent(IMPRECISE_WAGE_RSE)
        )
    })
}

/// The longest page title allowed, before " | Rolebook".
const TITLE_MAX: usize = 59;

/// The page title: the heading if it fits, else with the area's short name, else with
/// the SOC code in place of a long official title.
fn page_title(occupation: &Occupation, area: &MetroArea) -> String {
    let short = short_name(area);
    [
        format!("{} pay in {}", occupation.title, area.name),
        format!("{} pay in {short}", occupation.title),
        format!("SOC {} pay in {short}", occupation.soc),
    ]
    .into_iter()
    .find(|t| t.chars().count() <= TITLE_MAX)
    .unwrap_or_else(|| format!("SOC {} pay in {short}", occupation.soc))
}

/// The meta description, under the length limit whatever the names' lengths.
fn short_description(title: &str, area: &str, soc: &SocCode, release: &str) -> String {
    let long =
        format!("{title} pay in {area}: median and percentiles (SOC {soc}, BLS OEWS {release}).");
    if long.chars().count() <= crate::content::SUMMARY_MAX {
        long
    } else {
        format!("Pay in {area} for SOC {soc}, from BLS OEWS {release}.")
    }
}

/// This family's routes (see `routes.rs` for the order they are tried in).
pub fn config(cfg: &mut web::ServiceConfig) {
    cfg.service(page("/salaries/soc/{code}/{area}", area));
}

#[cfg(test)]
mod tests {
    use super::*;

    fn metro(name: &str) -> MetroArea {
        MetroArea {
            code: "0000001".into(),
            name: name.into(),
            slug: crate::wages::slugify(name),
            states: vec![1],
        }
    }

    #[test]
    fn chart_labels_are_short() {
        assert_eq!(
            short_name(&metro("Denver-Aurora-Centennial, CO")),
            "Denver, CO"
        );
        assert_eq!(
            short_name(&metro("Minneapolis-St. Paul-Bloomington, MN-WI")),
            "Minneapolis, MN-WI"
        );
        assert_eq!(
            short_name(&metro("Alaska nonmetropolitan area")),
            "Alaska (nonmetro)"
        );
        let long = short_name(&metro(
            "North Coast Region of California nonmetropolitan area",
        ));
        assert!(long.chars().count() <= 26 && long.ends_with('…'), "{long}");
    }

    #[test]
    fn page_titles_fit_the_limit() {
        let occupation = |title: &str| Occupation {
            soc: SocCode::parse("47-2111").expect("code"),
            title: title.into(),
            level: crate::wages::Level::Detailed,
        };
        let denver = metro("Denver-Aurora-Centennial, CO");
        assert_eq!(
            page_title(&occupation("Electricians"), &denver),
            "Electricians pay in Denver-Aurora-Centennial, CO"
        );
        let washington = metro("Washington-Arlington-Alexandria, DC-VA-MD-WV");
        assert_eq!(
            page_title(&occupation("Electricians"), &washington),
            "Electricians pay in Washington, DC-VA-MD-WV"
        );
        let long = page_title(&occupation(&"Word ".repeat(20)), &washington);
        assert_eq!(long, "SOC 47-2111 pay in Washington, DC-VA-MD-WV");
    }

    #[test]
    fn descriptions_fit_the_limit() {
        let soc = SocCode::parse("47-2111").expect("code");
        let long_title = "A".repeat(100);
        let text = short_description(
            &long_title,
            "Washington-Arlington-Alexandria, DC-VA-MD-WV",
            &soc,
            "May 2025",
        );
        assert!(
            text.chars().count() <= crate::content::SUMMARY_MAX,
            "{text}"
        );
    }
}
