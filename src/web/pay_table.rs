//! The rows of every pay table (a salary page's states, a state's metro areas, an area
//! page's comparison): their columns, and each area's figures formatted for them.

use crate::wages::money::{self, thousands};
use crate::wages::{Figure, Release, Unit, Wages};

/// A column of the state table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Column {
    State,
    Employment,
    P10,
    P25,
    Median,
    P75,
    P90,
}

impl Column {
    pub(super) const ALL: [(Column, &'static str, &'static str); 7] = [
        (Column::State, "state", "State"),
        (Column::Employment, "employment", "Employment"),
        (Column::P10, "p10", "10th percentile"),
        (Column::P25, "p25", "25th percentile"),
        (Column::Median, "median", "Median"),
        (Column::P75, "p75", "75th percentile"),
        (Column::P90, "p90", "90th percentile"),
    ];

    pub(super) fn from_query(value: Option<&str>) -> Self {
        Self::ALL
            .iter()
            .find(|(_, key, _)| Some(*key) == value)
            .map_or(Column::State, |c| c.0)
    }
}

/// A row of a pay table (states, or a state's metro areas), formatted.
pub(super) struct TableRow {
    /// The area's name.
    pub name: String,
    /// Its own pay page, when it has one.
    pub href: Option<String>,
    /// True for the reference row (the nation, or the state), drawn emphasized.
    pub national: bool,
    /// Each figure with its column's name, which narrow screens show beside it.
    pub cells: Vec<(&'static str, String)>,
}

/// A table row for the area `name` from its `wages` in `unit`.
pub(super) fn pay_row(
    name: String,
    national: bool,
    wages: Option<&Wages>,
    unit: Unit,
    release: &Release,
) -> TableRow {
    let Some(wages) = wages else {
        return TableRow {
            name,
            href: None,
            national,
            cells: labeled(vec!["No estimate".to_owned(); 6]),
        };
    };
    let cell = |figure: Figure, unit: Unit| match figure {
        Figure::NotReleased => "Not released".to_owned(),
        Figure::NotPublished => "Not published".to_owned(),
        figure => money::figure(figure, unit, release).unwrap_or_default(),
    };
    let p = wages.percentiles(unit);
    let employment = wages
        .employment
        .value()
        .map_or_else(|| "Not released".to_owned(), thousands);
    TableRow {
        name,
        href: None,
        national,
        cells: labeled(
            std::iter::once(employment)
                .chain([p.p10, p.p25, p.median, p.p75, p.p90].map(|f| cell(f, unit)))
                .collect(),
        ),
    }
}

/// The figures of a row with the names of their columns (every column but the state's).
fn labeled(cells: Vec<String>) -> Vec<(&'static str, String)> {
    Column::ALL[1..].iter().map(|c| c.2).zip(cells).collect()
}
