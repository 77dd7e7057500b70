//! Money and counts written for people: `$69,990`, `$33.65 per hour`,
//! `$47,670 - $100,480`, `$239,200 or more`.

use super::{Figure, Release, Unit};

/// 1256010 as "1,256,010".
pub fn thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, digit) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(digit);
    }
    out
}

/// An amount in the unit's own terms: `$69,990` (annual) or `$33.65` (hourly, from cents).
pub fn amount(value: u64, unit: Unit) -> String {
    match unit {
        Unit::Annual => format!("${}", thousands(value)),
        Unit::Hourly => format!("${}.{:02}", thousands(value / 100), value % 100),
        Unit::Count => thousands(value),
    }
}

/// A figure as shown: the amount, "$239,200 or more" when top-coded, or `None`
/// when there is nothing to show (see [`why_missing`]).
pub fn figure(figure: Figure, unit: Unit, release: &Release) -> Option<String> {
    match figure {
        Figure::Value(value) => Some(amount(value, unit)),
        Figure::TopCoded => Some(format!("{} or more", amount(release.top_code(unit), unit))),
        Figure::NotReleased | Figure::NotPublished => None,
    }
}

/// A range as shown, `$47,670 - $100,480`, or `None` when either end is missing.
pub fn range(low: Figure, high: Figure, unit: Unit, release: &Release) -> Option<String> {
    Some(format!(
        "{} - {}",
        figure(low, unit, release)?,
        figure(high, unit, release)?
    ))
}

/// Why a figure is not shown, in words; `None` for a figure that is shown.
pub fn why_missing(figure: Figure, unit: Unit) -> Option<&'static str> {
    match (figure, unit) {
        (Figure::NotReleased, _) => Some(
            "BLS did not release this estimate because it did not meet BLS standards for reliability or confidentiality.",
        ),
        (Figure::NotPublished, Unit::Annual) => Some(
            "BLS publishes only hourly wages for this occupation, because many of its workers do not work full time all year. We do not turn them into a yearly figure.",
        ),
        (Figure::NotPublished, _) => Some(
            "BLS publishes only annual salaries for this occupation, because it is usually paid by the year rather than by the hour.",
        ),
        _ => None,
    }
}

/// An amount as people type it ("$55,000", "55k", "22.50", "$ 7.25") in cents;
/// `None` for anything that is not one.
pub fn pay_cents(text: &str) -> Option<u64> {
    let number: String = text
        .trim()
        .trim_start_matches('$')
        .chars()
        .filter(|c| *c != ',' && !c.is_whitespace())
        .collect();
    match number.strip_suffix(['k', 'K']) {
        Some(thousands) => parse_cents(thousands)?.checked_mul(1000),
        None => parse_cents(&number),
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
    fn amounts_parse_as_typed() {
        assert_eq!(pay_cents("55k"), Some(5_500_000));
        assert_eq!(pay_cents("$55,000"), Some(5_500_000));
        assert_eq!(pay_cents("55.5K"), Some(5_550_000));
        assert_eq!(pay_cents(" $ 7.25 "), Some(725));
        assert_eq!(pay_cents("k"), None);
        assert_eq!(pay_cents("55kk"), None);
        assert_eq!(pay_cents("fifty"), None);
    }

    use crate::wages::tests::release;

    #[test]
    fn thousands_are_grouped() {
        assert_eq!(thousands(0), "0");
        assert_eq!(thousands(999), "999");
        assert_eq!(thousands(1000), "1,000");
        assert_eq!(thousands(69990), "69,990");
        assert_eq!(thousands(1_256_010), "1,256,010");
    }

    #[test]
    fn money_reads_like_money() {
        let release = release();
        assert_eq!(
            figure(Figure::Value(69_990), Unit::Annual, &release).as_deref(),
            Some("$69,990")
        );
        assert_eq!(
            figure(Figure::Value(3365), Unit::Hourly, &release).as_deref(),
            Some("$33.65")
        );
        assert_eq!(
            figure(Figure::Value(700), Unit::Hourly, &release).as_deref(),
            Some("$7.00")
        );
        assert_eq!(
            figure(Figure::Value(123_456), Unit::Hourly, &release).as_deref(),
            Some("$1,234.56")
        );
        assert_eq!(
            figure(Figure::TopCoded, Unit::Annual, &release).as_deref(),
            Some("$239,200 or more")
        );
        assert_eq!(
            figure(Figure::TopCoded, Unit::Hourly, &release).as_deref(),
            Some("$115.00 or more")
        );
        assert_eq!(figure(Figure::NotReleased, Unit::Annual, &release), None);
        assert_eq!(figure(Figure::NotPublished, Unit::Annual, &release), None);
    }

    #[test]
    fn ranges_need_both_ends() {
        let release = release();
        let (low, high) = (Figure::Value(47_670), Figure::Value(100_480));
        assert_eq!(
            range(low, high, Unit::Annual, &release).as_deref(),
            Some("$47,670 - $100,480")
        );
        assert_eq!(
            range(low, Figure::TopCoded, Unit::Annual, &release).as_deref(),
            Some("$47,670 - $239,200 or more")
        );
        assert_eq!(
            range(low, Figure::NotReleased, Unit::Annual, &release),
            None
        );
    }

    #[test]
    fn missing_figures_say_why() {
        assert!(
            why_missing(Figure::NotReleased, Unit::Annual)
                .is_some_and(|w| w.contains("did not release"))
        );
        assert!(
            why_missing(Figure::NotPublished, Unit::Annual)
                .is_some_and(|w| w.contains("only hourly"))
        );
        assert!(
            why_missing(Figure::NotPublished, Unit::Hourly)
                .is_some_and(|w| w.contains("only annual"))
        );
        assert_eq!(why_missing(Figure::Value(1), Unit::Annual), None);
        assert_eq!(why_missing(Figure::TopCoded, Unit::Annual), None);
    }
}
