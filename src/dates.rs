//! Dates as people read them, and today's date.

use time::macros::format_description;
use time::{Date, OffsetDateTime};

/// A date as Americans write it: "November 23, 2026".
pub fn human_date(date: Date) -> String {
    date.format(format_description!(
        "[month repr:long] [day padding:none], [year]"
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
            "November 3, 2026"
        );
    }
}
