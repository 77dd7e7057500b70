//! Starting a form: from a role we wrote (its title, posting summary, duties,
//! requirements and skills) or from any occupation (the dictionary's most common
//! title), each with the suggested pay for the chosen metro area or state, its source
//! named.

use time::Date;

use super::choices::{Choice, PayPeriod};
use super::form::{JobForm, PayBand, SuggestedPay, lines};
use crate::content::{Library, Role};
use crate::wages::money::thousands;
use crate::wages::{Figure, SocCode, Unit, WageData, Wages};

impl JobForm {
    /// A form started from `role`, with pay for its occupation in `metro` or `state`
    /// (slugs) or nationally (the form page says where that pay comes from).
    pub fn from_role(
        role: &Role,
        wages: &WageData,
        state: Option<&str>,
        metro: Option<&str>,
        today: Date,
    ) -> Self {
        let body = &role.body;
        let form = Self {
            title: role.title.clone(),
            summary: body.posting_summary.clone(),
            duties: lines(body.duties.items.iter().map(|i| i.text.as_str())),
            required: lines(body.requirements.iter().map(|i| i.text.as_str())),
            preferred: lines(body.skills.items.iter().map(|i| i.text.as_str())),
            role: role.slug.clone(),
            ..Self::blank(today)
        };
        form.with_pay(&role.soc, wages, state, metro).0
    }

    /// A form started from occupation `soc`: `title` if given, else the title most
    /// employers use for it, and its pay in `state` or nationally. `None` for a code
    /// that is not a detailed occupation with pay data.
    pub fn from_occupation(
        soc: &SocCode,
        title: Option<&str>,
        library: &Library,
        state: Option<&str>,
        metro: Option<&str>,
        today: Date,
    ) -> Option<Self> {
        let wages = library.wages();
        if !wages.has(soc) {
            return None;
        }
        let official = wages.occupation(soc).map(|o| o.title.clone());
        let title = title
            .filter(|t| !t.trim().is_empty())
            .map(str::to_owned)
            .or_else(|| library.titles().most_common(soc).map(str::to_owned))
            .or(official)
            .unwrap_or_default();
        let form = Self {
            title,
            soc: soc.to_string(),
            ..Self::blank(today)
        };
        Some(form.with_pay(soc, wages, state, metro).0)
    }

    /// The form with its state and metro area set and the middle half of pay (25th to
    /// 75th percentile) for `soc` in the metro area, else the state, else the nation,
    /// whichever is the first with both figures published; the suggestion names the
    /// figures' source and says why a nearer place was passed over.
    pub fn with_pay(
        mut self,
        soc: &SocCode,
        wages: &WageData,
        state: Option<&str>,
        metro: Option<&str>,
    ) -> (Self, Option<SuggestedPay>) {
        let state = state
            .and_then(|slug| wages.area(slug))
            .filter(|(i, _)| *i > 0);
        let metro = metro
            .and_then(|slug| wages.metro().area(slug))
            .filter(|(_, area)| state.is_some_and(|(s, _)| area.states.contains(&s)));
        self.state = state.map(|(_, a)| a.slug.clone()).unwrap_or_default();
        self.metro = metro.map(|(_, a)| a.slug.clone()).unwrap_or_default();
        let mut places: Vec<(String, Option<Wages>)> = Vec::new();
        if let Some((i, area)) = metro {
            let found = wages.metro().wages(soc, i).unwrap_or_else(|error| {
                tracing::warn!("suggested pay for {soc}: {error}");
                None
            });
            places.push((area.name.clone(), found));
        }
        if let Some((i, area)) = state {
            places.push((area.name.clone(), wages.wages(soc, i).copied()));
        }
        places.push(("the United States".to_owned(), wages.wages(soc, 0).copied()));
        let Some(chosen) = places
            .iter()
            .position(|(_, w)| w.as_ref().is_some_and(has_range))
        else {
            return (self, None);
        };
        let passed: Vec<&str> = places[..chosen]
            .iter()
            .map(|(name, _)| name.as_str())
            .collect();
        let (place, figures) = &places[chosen];
        let Some(figures) = figures else {
            return (self, None);
        };
        let (unit, p) = figures.basis();
        if !matches!((p.p25, p.p75), (Figure::Value(_), Figure::Value(_))) {
            return (self, None);
        }
        let period = match unit {
            Unit::Hourly => PayPeriod::Hour,
            _ => PayPeriod::Year,
        };
        // Annual figures are whole dollars, hourly ones cents: the band is in cents.
        let cents = |figure: Figure| {
            figure.value().map(|v| match unit {
                Unit::Hourly => v,
                _ => v * 100,
            })
        };
        let band = PayBand {
            period,
            p10: cents(p.p10),
            p25: cents(p.p25).unwrap_or_default(),
            median: cents(p.median),
            p75: cents(p.p75).unwrap_or_default(),
            p90: cents(p.p90),
        };
        self.pay_min = form_amount(band.p25, period);
        self.pay_max = form_amount(band.p75, period);
        self.pay_period = period.value().to_owned();
        let occupation = wages
            .occupation(soc)
            .map_or_else(|| soc.to_string(), |o| o.title.clone());
        let why = match passed.as_slice() {
            [] => String::new(),
            [one] => {
                format!("No {one} estimate for this occupation was published; showing {place}. ")
            }
            [one, two] => format!(
                "No {one} or {two} estimate for this occupation was published; showing {place}. "
            ),
            _ => String::new(),
        };
        let suggestion = SuggestedPay {
            band,
            source: format!(
                "{why}Suggested range: the middle half of pay (25th to 75th percentile) for the official occupation {occupation} (SOC {soc}) in {place}, from the {}.",
                wages.release().citation()
            ),
        };
        (self, Some(suggestion))
    }
}

/// "52,000" a year or "17.25" an hour: an amount in cents as the suggestion fills the form.
fn form_amount(cents: u64, period: PayPeriod) -> String {
    match period {
        PayPeriod::Hour => format!("{}.{:02}", thousands(cents / 100), cents % 100),
        PayPeriod::Year => thousands(cents / 100),
    }
}

/// True when BLS published both ends of the middle half on the occupation's basis.
fn has_range(wages: &Wages) -> bool {
    let (_, p) = wages.basis();
    matches!((p.p25, p.p75), (Figure::Value(_), Figure::Value(_)))
}
