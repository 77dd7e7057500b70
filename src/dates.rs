//! Dates as people read them, and today's date.

use time::macros::format_description;
use time::{Date, OffsetDateTime};

/// A date as people read it: "23 November 2026".
pub fn human_date(date: Date) -> String {
    date.format(format_description!(
        "[day padding:none] [month repr:long] [year]"
    ))
    .unwrap_or_else(|_| date.to_string())
}

/// Today's date in UTC.
pub fn today() -> Date {
    OffsetDateTime::now_utc().date()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_read_naturally() {
        assert_eq!(
            human_date(time::macros::date!(2026 - 11 - 03)),
            "3 November 2026"
        );
    }
}
