//! The builder's pay range bar: the suggested middle half of pay, the 10th to 90th
//! percentile around it, the median, and the range typed in the form, on one scale.

use super::Site;
use crate::builder::{Choice, JobForm, PayBand, PayPeriod, SuggestedPay, dollars};
use crate::wages::SocCode;
use crate::wages::money::pay_cents;

/// The occupation a form's pay comes from: its role's, or the code it started from.
pub fn occupation_of(site: &Site, form: &JobForm) -> Option<SocCode> {
    match site.library.role(form.role.trim()) {
        Some(role) => Some(role.soc.clone()),
        None => SocCode::parse(form.soc.trim()).ok(),
    }
}

/// The pay the form would suggest for the place it names now, whatever its pay fields
/// hold: what the bar is drawn from.
pub fn suggestion(site: &Site, form: &JobForm) -> Option<SuggestedPay> {
    let soc = occupation_of(site, form)?;
    let (state, metro) = (form.state.as_str(), form.metro.as_str());
    form.clone()
        .with_pay(&soc, site.library.wages(), Some(state), Some(metro))
        .1
}

/// A bar's left edge and width, in percent of the track (the SVG's `viewBox` is 100 wide).
pub struct Span {
    pub x: String,
    pub width: String,
}

/// One line of the bar's legend: "Middle half of pay" and "$47,670 - $100,480 per year".
pub struct LegendEntry {
    /// The CSS class of its swatch: `wide`, `middle`, `median` or `yours`.
    pub swatch: &'static str,
    pub label: &'static str,
    pub value: String,
}

/// The bar as the template draws it.
pub struct RangeBar {
    pub wide: Option<Span>,
    pub middle: Span,
    pub median: Option<String>,
    pub yours: Option<Span>,
    pub legend: Vec<LegendEntry>,
    /// Why the typed range is not drawn, when it is not.
    pub note: Option<&'static str>,
}

impl RangeBar {
    /// The bar for `band`, with the range typed in `form` when it reads as two amounts
    /// per the same period as the band.
    pub fn new(band: &PayBand, form: &JobForm) -> Self {
        let typed = match (pay_cents(&form.pay_min), pay_cents(&form.pay_max)) {
            (Some(min), Some(max)) if min <= max => Some((min, max)),
            _ => None,
        };
        let same_period = PayPeriod::parse(&form.pay_period) == Some(band.period);
        let yours = typed.filter(|_| same_period);
        let low = band
            .p10
            .unwrap_or(band.p25)
            .min(yours.map_or(u64::MAX, |y| y.0));
        let high = band.p90.unwrap_or(band.p75).max(yours.map_or(0, |y| y.1));
        let pad = (high - low) / 20 + 1;
        let (low, high) = (low.saturating_sub(pad), high + pad);
        let at = |cents: u64| (cents - low) as f64 * 100.0 / (high - low) as f64;
        let span = |from: u64, to: u64| Span {
            x: format!("{:.2}", at(from)),
            width: format!("{:.2}", (at(to) - at(from)).max(0.5)),
        };
        let period = band.period.label();
        let range = |from: u64, to: u64| format!("{} - {} {period}", dollars(from), dollars(to));
        let mut legend = vec![LegendEntry {
            swatch: "middle",
            label: "Middle half (suggested)",
            value: range(band.p25, band.p75),
        }];
        if let Some(median) = band.median {
            legend.push(LegendEntry {
                swatch: "median",
                label: "Median",
                value: format!("{} {period}", dollars(median)),
            });
        }
        let wide = band.p10.zip(band.p90);
        if let Some((p10, p90)) = wide {
            legend.push(LegendEntry {
                swatch: "wide",
                label: "10th to 90th percentile",
                value: range(p10, p90),
            });
        }
        if let Some((min, max)) = yours {
            legend.push(LegendEntry {
                swatch: "yours",
                label: "Your range",
                value: range(min, max),
            });
        }
        let note = match (typed, same_period) {
            (None, _) => Some("Type a minimum and a maximum to see your range on the bar."),
            (Some(_), false) => {
                Some("Your range is per a different period from BLS's figures, so it is not drawn.")
            }
            _ => None,
        };
        Self {
            wide: wide.map(|(p10, p90)| span(p10, p90)),
            middle: span(band.p25, band.p75),
            median: band.median.map(|m| format!("{:.2}", at(m))),
            yours: yours.map(|(min, max)| span(min, max)),
            legend,
            note,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn band() -> PayBand {
        PayBand {
            period: PayPeriod::Year,
            p10: Some(3_000_000),
            p25: 4_000_000,
            median: Some(5_000_000),
            p75: 6_000_000,
            p90: Some(7_000_000),
        }
    }

    fn form(min: &str, max: &str, period: &str) -> JobForm {
        JobForm {
            pay_min: min.into(),
            pay_max: max.into(),
            pay_period: period.into(),
            ..JobForm::default()
        }
    }

    #[test]
    fn the_bars_sit_on_one_scale_from_the_10th_to_the_90th_percentile() {
        let bar = RangeBar::new(&band(), &form("45,000", "55,000", "year"));
        let x = |s: &Span| s.x.parse::<f64>().expect("x");
        let wide = bar.wide.as_ref().expect("wide");
        assert!(x(wide) < x(&bar.middle));
        assert!(x(&bar.middle) < x(bar.yours.as_ref().expect("yours")));
        let median: f64 = bar.median.as_deref().expect("median").parse().expect("x");
        assert!((median - 50.0).abs() < 0.5, "{median}");
        assert_eq!(bar.legend[0].value, "$40,000 - $60,000 per year");
        assert_eq!(bar.legend[3].value, "$45,000 - $55,000 per year");
        assert_eq!(bar.note, None);
    }

    #[test]
    fn a_typed_range_outside_the_band_widens_the_scale() {
        let bar = RangeBar::new(&band(), &form("90000", "120000", "year"));
        let yours = bar.yours.expect("yours");
        let end: f64 = yours.x.parse::<f64>().expect("x") + yours.width.parse::<f64>().expect("w");
        assert!(end <= 100.0 && end > 90.0, "{end}");
    }

    #[test]
    fn an_unreadable_or_other_period_range_is_explained_not_drawn() {
        assert!(
            RangeBar::new(&band(), &form("", "", "year"))
                .yours
                .is_none()
        );
        let hourly = RangeBar::new(&band(), &form("20", "25", "hour"));
        assert!(hourly.yours.is_none());
        assert!(hourly.note.expect("note").contains("different period"));
        let reversed = RangeBar::new(&band(), &form("60000", "50000", "year"));
        assert!(reversed.yours.is_none() && reversed.note.is_some());
    }
}
