//! The salary panel: one occupation's pay in one area, formatted for people, and the
//! salary section of a role page built around it.

use crate::wages::money::{self, thousands};
use crate::wages::{Area, Figure, MetroError, Occupation, Release, Unit, WageData, Wages};

use super::human_date;
use super::place::Place;

/// One occupation's pay in one area, ready to show. `None` means "not available";
/// `notes` says why.
pub struct SalaryPanel {
    /// "United States", the state's name or the metro area's.
    pub place: String,
    /// "Median annual wage" or, for hourly-only occupations, "Median hourly wage".
    pub headline_label: &'static str,
    /// "$69,990" or "$29.05 per hour".
    pub headline: Option<String>,
    /// 25th to 75th percentile.
    pub middle_half: Option<String>,
    /// 10th to 90th percentile.
    pub wide_range: Option<String>,
    /// The hourly median, shown beside an annual headline.
    pub hourly_median: Option<String>,
    /// Whether to show the hourly median row (not when the headline is hourly already).
    pub show_hourly: bool,
    /// Jobs held.
    pub employment: Option<String>,
    /// Why any figure is missing, each reason once.
    pub notes: Vec<String>,
}

impl SalaryPanel {
    /// The panel for `wages` in `place` (as [`place_name`] gives it); `None` wages means
    /// BLS published nothing there.
    pub fn new(place: String, wages: Option<&Wages>, release: &Release) -> Self {
        let Some(wages) = wages else {
            return Self {
                headline_label: "Median annual wage",
                headline: None,
                middle_half: None,
                wide_range: None,
                hourly_median: None,
                show_hourly: false,
                employment: None,
                notes: vec![format!(
                    "BLS published no estimates for this occupation in {}.",
                    place_phrase(&place)
                )],
                place,
            };
        };
        let (unit, p) = wages.basis();
        let per = |text: String| match unit {
            Unit::Hourly => format!("{text} per hour"),
            _ => text,
        };
        let mut notes: Vec<String> = Vec::new();
        let mut note = |figure: Figure, unit: Unit| {
            if let Some(why) = money::why_missing(figure, unit)
                && !notes.iter().any(|n| n == why)
            {
                notes.push(why.to_owned());
            }
        };
        for figure in [p.median, p.p25, p.p75, p.p10, p.p90] {
            note(figure, unit);
        }
        note(wages.annual.median, Unit::Annual);
        if unit == Unit::Annual {
            note(wages.hourly.median, Unit::Hourly);
        }
        note(wages.employment, Unit::Count);
        Self {
            place,
            headline_label: match unit {
                Unit::Hourly => "Median hourly wage",
                _ => "Median annual wage",
            },
            headline: money::figure(p.median, unit, release).map(per),
            middle_half: money::range(p.p25, p.p75, unit, release).map(per),
            wide_range: money::range(p.p10, p.p90, unit, release).map(per),
            hourly_median: money::figure(wages.hourly.median, Unit::Hourly, release)
                .map(|h| format!("{h} per hour")),
            show_hourly: unit == Unit::Annual,
            employment: wages.employment.value().map(thousands),
            notes,
        }
    }
}

/// "United States" for the national area, else the state's name.
pub fn place_name(area: &Area) -> String {
    if area.code == "0000000" {
        "United States".to_owned()
    } else {
        area.name.clone()
    }
}

/// "the United States" or the place's name, to follow "in".
pub fn place_phrase(place: &str) -> String {
    match place {
        "United States" => "the United States".to_owned(),
        name => name.to_owned(),
    }
}

/// A state or metro area in a selector.
pub struct PlaceOption {
    /// URL value.
    pub slug: String,
    /// Display name.
    pub name: String,
    /// Whether it is the chosen one.
    pub selected: bool,
}

/// The salary section of a role page, or the top of a salary page.
pub struct SalarySection<'a> {
    /// The closest official occupation.
    pub occupation: &'a Occupation,
    /// The prose sentence quoting the national median, built from the panel's own figure.
    pub sentence: String,
    /// National figures.
    pub national: SalaryPanel,
    /// Figures for the chosen state.
    pub state: Option<SalaryPanel>,
    /// Figures for the chosen metro or nonmetro area.
    pub metro: Option<SalaryPanel>,
    /// The chosen metro area's own pay page.
    pub metro_href: Option<String>,
    /// A chosen state we do not know, said back to the user.
    pub unknown_state: Option<String>,
    /// A chosen metro area we do not know, said back to the user.
    pub unknown_metro: Option<String>,
    /// Every state, for the selector.
    pub states: Vec<PlaceOption>,
    /// The chosen state's metro and nonmetro areas, for the second selector.
    pub metros: Vec<PlaceOption>,
    /// `&state=…&metro=…` for links that keep the chosen place.
    pub place_query: String,
    /// "U.S. Bureau of Labor Statistics, Occupational Employment and Wage Statistics, May 2025".
    pub citation: String,
    /// When BLS published it.
    pub published: String,
    /// The survey period, "May 2025".
    pub period: String,
}

impl<'a> SalarySection<'a> {
    /// The section for `occupation`, with the chosen state and metro area beside the
    /// national figures.
    pub fn new(
        data: &'a WageData,
        occupation: &'a Occupation,
        place: &Place<'_>,
    ) -> Result<Self, MetroError> {
        let release = data.release();
        let soc = &occupation.soc;
        let national = SalaryPanel::new(place_name(&data.areas()[0]), data.wages(soc, 0), release);
        let state = place
            .state
            .map(|(i, area)| SalaryPanel::new(place_name(area), data.wages(soc, i), release));
        let metro = match place.metro {
            Some((i, area)) => {
                let wages = data.metro().wages(soc, i)?;
                Some(SalaryPanel::new(area.name.clone(), wages.as_ref(), release))
            }
            None => None,
        };
        let chosen_state = place.state.map(|(i, _)| i);
        let chosen_metro = place.metro.map(|(i, _)| i);
        let mut states: Vec<PlaceOption> = data.areas()[1..]
            .iter()
            .enumerate()
            .map(|(i, area)| PlaceOption {
                slug: area.slug.clone(),
                name: area.name.clone(),
                selected: chosen_state == Some(i + 1),
            })
            .collect();
        states.sort_by(|a, b| a.name.cmp(&b.name));
        let metros = chosen_state
            .map(|state| data.metro().in_state(state))
            .unwrap_or_default()
            .into_iter()
            .map(|(i, area)| PlaceOption {
                slug: area.slug.clone(),
                name: area.name.clone(),
                selected: chosen_metro == Some(i),
            })
            .collect();
        Ok(Self {
            occupation,
            sentence: sentence(&national, &release.name),
            national,
            state,
            metro,
            metro_href: place
                .metro
                .map(|(_, area)| metro_path(soc.as_str(), &area.slug)),
            unknown_state: place.unknown_state.clone(),
            unknown_metro: place.unknown_metro.clone(),
            states,
            metros,
            place_query: place.query(),
            citation: release.citation(),
            published: human_date(release.published),
            period: release.name.clone(),
        })
    }

    /// The panel for the side column's pay snapshot: the most local place with a
    /// published median, else the nation.
    pub fn snapshot(&self) -> &SalaryPanel {
        [self.metro.as_ref(), self.state.as_ref()]
            .into_iter()
            .flatten()
            .find(|panel| panel.headline.is_some())
            .unwrap_or(&self.national)
    }
}

/// `/salaries/soc/47-2111/denver-aurora-centennial-co`: one occupation's pay in one
/// metro or nonmetro area.
pub fn metro_path(soc: &str, area: &str) -> String {
    format!("/salaries/soc/{soc}/{area}")
}

/// The one sentence of prose that quotes pay: built from the panel's headline, so prose
/// and panel can never disagree.
fn sentence(national: &SalaryPanel, release: &str) -> String {
    let label = national.headline_label.to_lowercase();
    match &national.headline {
        Some(headline) => format!(
            "In the {release} survey, the {label} for this occupation in the United States was {headline}: half of the workers earned more than that, and half earned less."
        ),
        None => format!(
            "BLS did not publish a national {label} for this occupation in the {release} survey."
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::wages::tests::release;

    fn nation() -> String {
        place_name(&Area {
            code: "0000000".into(),
            name: "National".into(),
            slug: "national".into(),
        })
    }

    fn wages(row: [Figure; 13]) -> Wages {
        Wages::from_row(row)
    }

    const V: fn(u64) -> Figure = Figure::Value;

    #[test]
    fn an_annual_occupation_shows_annual_figures_and_the_hourly_median() {
        let w = wages([
            V(1_256_010),
            V(3963),
            V(82_430),
            V(1826),
            V(2292),
            V(3365),
            V(4831),
            V(7156),
            V(37_980),
            V(47_670),
            V(69_990),
            V(100_480),
            V(148_840),
        ]);
        let panel = SalaryPanel::new(nation(), Some(&w), &release());
        assert_eq!(panel.place, "United States");
        assert_eq!(panel.headline.as_deref(), Some("$69,990"));
        assert_eq!(panel.middle_half.as_deref(), Some("$47,670 - $100,480"));
        assert_eq!(panel.wide_range.as_deref(), Some("$37,980 - $148,840"));
        assert_eq!(panel.hourly_median.as_deref(), Some("$33.65 per hour"));
        assert_eq!(panel.employment.as_deref(), Some("1,256,010"));
        assert!(panel.notes.is_empty());
        assert!(sentence(&panel, "May 2025").contains("was $69,990:"));
    }

    #[test]
    fn top_coded_and_unreleased_figures_are_never_shown_as_numbers() {
        let mut row = [V(100_000); 13];
        row[0] = Figure::NotReleased;
        row[12] = Figure::TopCoded;
        row[5] = V(5000);
        let panel = SalaryPanel::new(nation(), Some(&wages(row)), &release());
        assert_eq!(
            panel.wide_range.as_deref(),
            Some("$100,000 - $239,200 or more")
        );
        assert_eq!(panel.employment, None);
        assert_eq!(panel.notes.len(), 1);
        assert!(panel.notes[0].contains("did not release"));
    }

    #[test]
    fn an_hourly_only_occupation_is_never_annualized() {
        let mut row = [V(2905); 13];
        row[2] = Figure::NotPublished;
        row[8..13].fill(Figure::NotPublished);
        let panel = SalaryPanel::new(nation(), Some(&wages(row)), &release());
        assert_eq!(panel.headline_label, "Median hourly wage");
        assert_eq!(panel.headline.as_deref(), Some("$29.05 per hour"));
        assert_eq!(
            panel.middle_half.as_deref(),
            Some("$29.05 - $29.05 per hour")
        );
        assert!(!panel.show_hourly);
        assert!(panel.notes.iter().any(|n| n.contains("only hourly")));
        assert!(sentence(&panel, "May 2025").contains("median hourly wage"));
    }

    #[test]
    fn no_estimates_at_all_says_so() {
        let panel = SalaryPanel::new(nation(), None, &release());
        assert_eq!(panel.headline, None);
        assert_eq!(
            panel.notes,
            ["BLS published no estimates for this occupation in the United States."]
        );
        assert!(sentence(&panel, "May 2025").starts_with("BLS did not publish"));
    }
}
