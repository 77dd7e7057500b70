//! The pay fields: the range as typed, its order, and whether each figure is
//! plausible for its period.

use super::FieldErrors;
use crate::builder::choices::PayPeriod;
use crate::builder::form::JobForm;
use crate::builder::pay::dollars;
use crate::builder::posting::Pay;
use crate::builder::text::clean_line;
use crate::wages::money::pay_cents;

const HOURLY_MIN_CENTS: u64 = 100;
const HOURLY_MAX_CENTS: u64 = 500 * 100;
const YEARLY_MIN_CENTS: u64 = 1_000 * 100;
const YEARLY_MAX_CENTS: u64 = 5_000_000 * 100;

pub(super) fn pay(e: &mut FieldErrors, form: &JobForm) -> Option<Pay> {
    let period: Option<PayPeriod> = e.choice(
        "pay_period",
        &form.pay_period,
        "Choose whether pay is per hour or per year",
    );
    let min = amount(e, "pay_min", &form.pay_min, "minimum");
    let max = amount(e, "pay_max", &form.pay_max, "maximum");
    // Compared as typed, before the checks of scale, so "80,000 to 60k" is caught too.
    if let (Some(min), Some(max)) = (min, max)
        && min > max
    {
        e.add(
            "pay_max",
            format!(
                "The maximum ({}) is less than the minimum ({}): check both figures",
                dollars(max),
                dollars(min)
            ),
        );
        return None;
    }
    let min = min.filter(|&cents| plausible(e, "pay_min", cents, "minimum", period));
    let max = max.filter(|&cents| plausible(e, "pay_max", cents, "maximum", period));
    Some(Pay {
        min_cents: min?,
        max_cents: max?,
        period: period?,
    })
}

/// A pay figure as people type it ("45,000", "$45,000", "45k", "22.50"), in cents.
fn amount(e: &mut FieldErrors, field: &'static str, text: &str, which: &str) -> Option<u64> {
    let text = clean_line(text);
    if text.is_empty() {
        e.add(field, format!("Enter the {which} pay"));
        return None;
    }
    match pay_cents(&text) {
        Some(0) => {
            e.add(field, format!("The {which} pay must be more than $0"));
            None
        }
        Some(cents) => Some(cents),
        None => {
            let message = if text.trim_start_matches('$').trim().starts_with('-') {
                format!("The {which} pay must be more than $0")
            } else {
                format!("Enter the {which} pay as a number, like 45,000, 45k or 22.50")
            };
            e.add(field, message);
            None
        }
    }
}

/// Whether `cents` is believable for the period, recording the problem if not.
fn plausible(
    e: &mut FieldErrors,
    field: &'static str,
    cents: u64,
    which: &str,
    period: Option<PayPeriod>,
) -> bool {
    let problem = match period {
        Some(PayPeriod::Hour) if cents > HOURLY_MAX_CENTS => Some(format!(
            "{} an hour looks like a yearly salary: choose \"per year\" or check the figure",
            dollars(cents)
        )),
        Some(PayPeriod::Hour) if cents < HOURLY_MIN_CENTS => Some(format!(
            "{} an hour is too low to be a wage: check the figure",
            dollars(cents)
        )),
        Some(PayPeriod::Year) if cents < YEARLY_MIN_CENTS => Some(format!(
            "{} a year looks like an hourly rate: choose \"per hour\" or check the figure",
            dollars(cents)
        )),
        Some(PayPeriod::Year) if cents > YEARLY_MAX_CENTS => Some(format!(
            "{} a year is more than we accept: check the {which} figure",
            dollars(cents)
        )),
        _ => None,
    };
    match problem {
        Some(message) => {
            e.add(field, message);
            false
        }
        None => true,
    }
}
