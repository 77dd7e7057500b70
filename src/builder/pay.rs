//! Amounts of pay, kept in cents: as forms show them and as postings print them
//! (reading typed amounts is [`crate::wages::money::pay_cents`]).

use crate::wages::money::thousands;

/// "$75,000" for whole dollars, "$22.50" otherwise.
pub fn dollars(cents: u64) -> String {
    if cents.is_multiple_of(100) {
        format!("${}", thousands(cents / 100))
    } else {
        format!("${}.{:02}", thousands(cents / 100), cents % 100)
    }
}

/// "75000" or "22.50": an amount as a form field shows it for editing.
pub fn form_value(cents: u64) -> String {
    if cents.is_multiple_of(100) {
        (cents / 100).to_string()
    } else {
        format!("{}.{:02}", cents / 100, cents % 100)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn money_is_shown_plainly() {
        assert_eq!(dollars(7_500_000), "$75,000");
        assert_eq!(dollars(2250), "$22.50");
        assert_eq!(form_value(7_500_000), "75000");
        assert_eq!(form_value(2205), "22.05");
    }
}
