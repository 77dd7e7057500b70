//! What the law data says of a posting: the items a pay transparency law requires
//! (checked with the form, so the form says what to add and why), and hourly pay under
//! a minimum wage (flagged on the draft, since tip credits and other exemptions exist).

use time::Date;

use super::choices::PayPeriod;
use super::posting::{Location, Pay};
use crate::content::laws::{Include, MinimumWages, PayRules, Place};
use crate::dates::human_date;
use crate::wages::Unit;
use crate::wages::money::amount;

/// A law that requires `what` of a posting at this location, with the sentence saying why.
pub struct Required {
    /// What must be there.
    pub what: Include,
    /// "Colorado requires ... (law)".
    pub reason: String,
}

/// What the laws covering every employer at `place`, in effect on `date`, require a
/// posting to include besides pay.
pub fn required_items(rules: &PayRules, place: Place<'_>, date: Date) -> Vec<Required> {
    rules
        .applying_to(place)
        .into_iter()
        .filter(|rule| rule.min_employees <= 1 && rule.effective <= date)
        .flat_map(|rule| {
            rule.includes.iter().map(move |what| Required {
                what: *what,
                reason: format!(
                    "{} requires {} in every posting ({})",
                    rule.jurisdiction,
                    match what {
                        Include::Benefits => "a general description of benefits",
                        Include::ClosingDate => "the date applications close",
                    },
                    rule.law
                ),
            })
        })
        .collect()
}

/// Warnings for hourly pay below the federal minimum wage or the state's.
pub fn pay_warnings(pay: &Pay, location: &Location, wages: &MinimumWages) -> Vec<String> {
    if pay.period != PayPeriod::Hour {
        return Vec::new();
    }
    let hourly = |cents: u64| amount(cents, Unit::Hourly);
    let lowest = hourly(pay.min_cents);
    let mut warnings = Vec::new();
    if pay.min_cents < wages.federal_cents {
        warnings.push(format!(
            "{lowest} an hour is below the federal minimum wage of {} an hour ({}). Pay at least that unless an exemption applies, such as the tip credit for tipped jobs.",
            hourly(wages.federal_cents),
            wages.federal_law
        ));
    }
    if let Location::Place { state, .. } = location
        && let Some(minimum) = wages.state(state)
        && pay.min_cents < minimum.cents
    {
        let note = minimum
            .note
            .as_ref()
            .map(|note| format!(" ({note})"))
            .unwrap_or_default();
        warnings.push(format!(
            "{lowest} an hour is below {state}'s minimum wage, which was {} an hour{note} on {} ({}). Many states raise theirs every year, and some cities and counties set higher rates: check the rate where the job is.",
            hourly(minimum.cents),
            human_date(wages.as_of),
            wages.source
        ));
    }
    warnings
}
