//! Amounts of pay, kept in cents: as people type them, as forms show them, and as
//! postings print them.

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

/// "45000", "22.5" or "22.05" (no "$" or commas: strip those first) in cents;
/// `None` for anything else, negatives and absurdly long numbers included.
pub fn parse_cents(number: &str) -> Option<u64> {
    let (whole, fraction) = number.split_once('.').unwrap_or((number, ""));
    let digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    if whole.is_empty()
        || !digits(whole)
        || !digits(fraction)
        || fraction.len() > 2
        || whole.len() > 12
    {
        return None;
    }
    let cents = match fraction.len() {
        0 => 0,
        1 => fraction.parse::<u64>().ok()? * 10,
        _ => fraction.parse::<u64>().ok()?,
    };
    whole
        .parse::<u64>()
        .ok()?
        .checked_mul(100)?
        .checked_add(cents)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn money_parses_like_people_type_it() {
        assert_eq!(parse_cents("45000"), Some(4_500_000));
        assert_eq!(parse_cents("22.5"), Some(2250));
        assert_eq!(parse_cents("22.05"), Some(2205));
        assert_eq!(parse_cents("22.055"), None);
        assert_eq!(parse_cents("-5"), None);
        assert_eq!(parse_cents("forty"), None);
        assert_eq!(parse_cents(".5"), None);
        assert_eq!(parse_cents("9999999999999"), None);
    }

    #[test]
    fn money_is_shown_plainly() {
        assert_eq!(dollars(7_500_000), "$75,000");
        assert_eq!(dollars(2250), "$22.50");
        assert_eq!(form_value(7_500_000), "75000");
        assert_eq!(form_value(2205), "22.05");
    }
}
