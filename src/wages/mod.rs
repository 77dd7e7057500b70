//! Wage data: the U.S. Bureau of Labor Statistics OEWS estimates the site ships in
//! `content/data/oews/`, written by [`import`] and loaded once at start-up.

mod figure;
pub mod import;
mod load;
mod metro;
pub mod money;
mod precision;
mod soc;

use std::collections::{BTreeMap, HashMap};

use serde::{Deserialize, Serialize};
use time::Date;

pub use figure::{Figure, Unit};
pub use metro::{MetroArea, MetroError, MetroWages};
pub use precision::{
    IMPRECISE_EMPLOYMENT_RSE, IMPRECISE_WAGE_RSE, PRECISION_COLUMNS, Precision, decimal,
};
pub use soc::SocCode;

/// File names inside the data directory.
pub const RELEASE_FILE: &str = "release.toml";
/// Areas: national and the states.
pub const AREAS_FILE: &str = "areas.csv";
/// Occupation titles at every SOC level.
pub const OCCUPATIONS_FILE: &str = "occupations.csv";
/// One row per area and detailed occupation.
pub const WAGES_FILE: &str = "wages.csv";
/// Metropolitan and nonmetropolitan areas and the states each belongs to.
pub const METRO_AREAS_FILE: &str = "metro-areas.csv";
/// The metro areas' wages: a read-only SQLite database, read as pages ask.
pub const METRO_WAGES_FILE: &str = "metro-wages.sqlite";

/// The figure columns of `wages.csv`, after `area` and `soc`, in order.
pub const COLUMNS: [(&str, Unit); 13] = [
    ("employment", Unit::Count),
    ("hourly_mean", Unit::Hourly),
    ("annual_mean", Unit::Annual),
    ("hourly_p10", Unit::Hourly),
    ("hourly_p25", Unit::Hourly),
    ("hourly_median", Unit::Hourly),
    ("hourly_p75", Unit::Hourly),
    ("hourly_p90", Unit::Hourly),
    ("annual_p10", Unit::Annual),
    ("annual_p25", Unit::Annual),
    ("annual_median", Unit::Annual),
    ("annual_p75", Unit::Annual),
    ("annual_p90", Unit::Annual),
];

/// The 10th, 25th, 50th, 75th and 90th percentiles of a wage distribution.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Percentiles {
    /// 10th percentile.
    pub p10: Figure,
    /// 25th percentile.
    pub p25: Figure,
    /// The median.
    pub median: Figure,
    /// 75th percentile.
    pub p75: Figure,
    /// 90th percentile.
    pub p90: Figure,
}

/// The estimates for one occupation in one area.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Wages {
    /// Jobs held.
    pub employment: Figure,
    /// Mean hourly wage, in cents.
    pub hourly_mean: Figure,
    /// Mean annual wage, in dollars.
    pub annual_mean: Figure,
    /// Hourly percentiles, in cents.
    pub hourly: Percentiles,
    /// Annual percentiles, in dollars.
    pub annual: Percentiles,
    /// Relative standard errors and the location quotient.
    pub precision: Precision,
}

impl Wages {
    /// From the figures in [`COLUMNS`] order.
    pub fn from_row(f: [Figure; 13]) -> Self {
        let percentiles = |p: &[Figure]| Percentiles {
            p10: p[0],
            p25: p[1],
            median: p[2],
            p75: p[3],
            p90: p[4],
        };
        Self {
            employment: f[0],
            hourly_mean: f[1],
            annual_mean: f[2],
            hourly: percentiles(&f[3..8]),
            annual: percentiles(&f[8..13]),
            precision: Precision::default(),
        }
    }

    /// The figures in [`COLUMNS`] order.
    pub fn to_row(&self) -> [Figure; 13] {
        let (h, a) = (self.hourly, self.annual);
        [
            self.employment,
            self.hourly_mean,
            self.annual_mean,
            h.p10,
            h.p25,
            h.median,
            h.p75,
            h.p90,
            a.p10,
            a.p25,
            a.median,
            a.p75,
            a.p90,
        ]
    }

    /// Annual figures when BLS publishes them for this occupation, else hourly ones
    /// (never an annualized hourly wage).
    pub fn basis(&self) -> (Unit, Percentiles) {
        let unit = match self.annual.median {
            Figure::NotPublished => Unit::Hourly,
            _ => Unit::Annual,
        };
        (unit, self.percentiles(unit))
    }

    /// The hourly percentiles for [`Unit::Hourly`], else the annual ones.
    pub fn percentiles(&self, unit: Unit) -> Percentiles {
        match unit {
            Unit::Hourly => self.hourly,
            _ => self.annual,
        }
    }
}

/// A place the estimates cover: the nation or a state (including DC and territories).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Area {
    /// BLS area code, `0000000` for the nation, `0600000` for California.
    pub code: String,
    /// "National", "California".
    pub name: String,
    /// URL form of the name, `new-york`.
    pub slug: String,
}

/// How specific a SOC code is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Level {
    /// `41-0000`.
    Major,
    /// `41-3000`.
    Minor,
    /// `41-3090`.
    Broad,
    /// `41-3091`, the level wages are published for.
    Detailed,
}

/// An occupation's official title.
#[derive(Debug, Clone)]
pub struct Occupation {
    /// Its code.
    pub soc: SocCode,
    /// BLS's title.
    pub title: String,
    /// Its level.
    pub level: Level,
}

/// One source file of the release, as listed in BLS's download manifest.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SourceFile {
    /// File name, `oe.data.0.Current`.
    pub name: String,
    /// Where BLS publishes it.
    pub url: String,
    /// Size in bytes.
    pub bytes: u64,
    /// SHA-256, hex.
    pub sha256: String,
    /// The date BLS last changed it.
    pub last_modified: toml::value::Datetime,
}

/// `release.toml`: which survey release the data is and where it came from.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReleaseFile {
    /// "U.S. Bureau of Labor Statistics".
    pub publisher: String,
    /// "Occupational Employment and Wage Statistics".
    pub survey: String,
    /// "May 2025", the reference period.
    pub release: String,
    /// BLS's code for it, "2025A01".
    pub release_code: String,
    /// When BLS published it.
    pub published: toml::value::Datetime,
    /// When the source files were downloaded.
    pub retrieved: toml::value::Datetime,
    /// The annual wage at or above which BLS publishes no exact figure.
    pub top_code_annual: u64,
    /// The hourly wage, in cents, at or above which BLS publishes no exact figure.
    pub top_code_hourly_cents: u64,
    /// SHA-256 of the imported SQLite database.
    pub database_sha256: String,
    /// SHA-256 of [`METRO_WAGES_FILE`], checked when it is opened.
    pub metro_wages_sha256: String,
    /// BLS's footnotes, by code.
    pub footnotes: BTreeMap<String, String>,
    /// The BLS files the database was built from.
    pub sources: Vec<SourceFile>,
}

/// What pages need to know about the release.
#[derive(Debug, Clone)]
pub struct Release {
    /// "U.S. Bureau of Labor Statistics".
    pub publisher: String,
    /// "Occupational Employment and Wage Statistics".
    pub survey: String,
    /// "May 2025".
    pub name: String,
    /// When BLS published it.
    pub published: Date,
    /// Annual top code, dollars.
    pub top_code_annual: u64,
    /// Hourly top code, cents.
    pub top_code_hourly_cents: u64,
}

impl Release {
    /// The top code in `unit`: dollars a year or cents an hour (0 for counts, never top-coded).
    pub fn top_code(&self, unit: Unit) -> u64 {
        match unit {
            Unit::Annual => self.top_code_annual,
            Unit::Hourly => self.top_code_hourly_cents,
            Unit::Count => 0,
        }
    }

    /// A figure as a number to compare or plot: its value, the top code when top-coded,
    /// `None` when not published.
    pub fn comparable(&self, figure: Figure, unit: Unit) -> Option<u64> {
        match figure {
            Figure::Value(value) => Some(value),
            Figure::TopCoded => Some(self.top_code(unit)),
            Figure::NotReleased | Figure::NotPublished => None,
        }
    }

    /// "U.S. Bureau of Labor Statistics, Occupational Employment and Wage Statistics, May 2025".
    pub fn citation(&self) -> String {
        format!("{}, {}, {}", self.publisher, self.survey, self.name)
    }
}

/// All the wage data, indexed for lookups.
#[derive(Debug)]
pub struct WageData {
    release: Release,
    /// The nation first, then the states by name.
    areas: Vec<Area>,
    occupations: BTreeMap<SocCode, Occupation>,
    /// For each detailed occupation, its wages in each area, indexed like `areas`.
    wages: HashMap<SocCode, Vec<Option<Wages>>>,
    /// Metropolitan and nonmetropolitan areas, read from their database on demand.
    metro: MetroWages,
}

impl WageData {
    /// The release.
    pub fn release(&self) -> &Release {
        &self.release
    }

    /// The nation, then every state.
    pub fn areas(&self) -> &[Area] {
        &self.areas
    }

    /// The area with this slug, and its index in [`WageData::areas`].
    pub fn area(&self, slug: &str) -> Option<(usize, &Area)> {
        self.areas
            .iter()
            .enumerate()
            .find(|(_, area)| area.slug == slug)
    }

    /// The occupation with this code, at any level.
    pub fn occupation(&self, soc: &SocCode) -> Option<&Occupation> {
        self.occupations.get(soc)
    }

    /// Every occupation, in code order.
    pub fn occupations(&self) -> impl Iterator<Item = &Occupation> {
        self.occupations.values()
    }

    /// The estimates for `soc` in the area at `area` (0 is the nation), if BLS published any.
    pub fn wages(&self, soc: &SocCode, area: usize) -> Option<&Wages> {
        self.wages.get(soc)?.get(area)?.as_ref()
    }

    /// True if `soc` is a detailed occupation with national estimates.
    pub fn has(&self, soc: &SocCode) -> bool {
        self.wages(soc, 0).is_some()
    }

    /// The metropolitan and nonmetropolitan areas.
    pub fn metro(&self) -> &MetroWages {
        &self.metro
    }
}

/// "New York" as "new-york".
pub fn slugify(name: &str) -> String {
    name.split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|word| !word.is_empty())
        .map(str::to_ascii_lowercase)
        .collect::<Vec<_>>()
        .join("-")
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// A release like May 2025's, for formatting tests.
    pub fn release() -> Release {
        Release {
            publisher: "U.S. Bureau of Labor Statistics".into(),
            survey: "Occupational Employment and Wage Statistics".into(),
            name: "May 2025".into(),
            published: time::macros::date!(2026 - 05 - 15),
            top_code_annual: 239_200,
            top_code_hourly_cents: 11_500,
        }
    }

    #[test]
    fn citation_names_source_and_period() {
        assert_eq!(
            release().citation(),
            "U.S. Bureau of Labor Statistics, Occupational Employment and Wage Statistics, May 2025"
        );
    }

    #[test]
    fn hourly_only_occupations_use_hourly_figures() {
        let mut row = [Figure::Value(100); 13];
        let annual = Wages::from_row(row);
        assert_eq!(annual.basis().0, Unit::Annual);
        row[8..13].fill(Figure::NotPublished);
        let hourly = Wages::from_row(row);
        assert_eq!(hourly.basis().0, Unit::Hourly);
        assert_eq!(Wages::from_row(row).to_row(), row);
    }

    #[test]
    fn slugs_from_names() {
        assert_eq!(slugify("New York"), "new-york");
        assert_eq!(slugify("District of Columbia"), "district-of-columbia");
    }
}
