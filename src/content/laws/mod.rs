//! The employment laws the builder checks postings against, kept as data we review:
//! pay transparency rules (`data/pay-transparency.toml`) and minimum wages
//! (`data/minimum-wage.toml`).

mod minimum_wage;
mod pay_transparency;

use time::Date;

pub use super::Problem;
pub use minimum_wage::{MinimumWages, StateMinimum};
pub use pay_transparency::{Include, PayRule, PayRules, Place};

/// A bare TOML date at `line`, or the problem with it.
fn date(value: &toml::value::Datetime, line: usize) -> Result<Date, Problem> {
    let date = value.date.filter(|_| value.time.is_none());
    date.and_then(|d| {
        Date::from_calendar_date(
            i32::from(d.year),
            time::Month::try_from(d.month).ok()?,
            d.day,
        )
        .ok()
    })
    .ok_or_else(|| Problem::new(line, "dates must look like 2026-11-23"))
}
