//! One published figure, or the reason BLS did not publish it, and how figures are
//! written in the shipped CSV files.

/// What a column measures, which decides how its numbers are read and shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unit {
    /// A number of jobs.
    Count,
    /// Whole dollars a year.
    Annual,
    /// Cents an hour.
    Hourly,
}

/// A figure from the OEWS survey.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Figure {
    /// A published value, in the column's [`Unit`].
    Value(u64),
    /// At or above BLS's top code, so no exact value is published (footnote 5).
    TopCoded,
    /// BLS did not release the estimate (footnote 8).
    NotReleased,
    /// BLS publishes this occupation's pay on the other basis only, hourly or annual (footnote 4).
    NotPublished,
}

const TOP_CODED: &str = "top-coded";
const NOT_RELEASED: &str = "not-released";
const NOT_PUBLISHED: &str = "not-published";

impl Figure {
    /// The value, if one was published.
    pub fn value(self) -> Option<u64> {
        match self {
            Figure::Value(value) => Some(value),
            _ => None,
        }
    }

    /// Reads a CSV cell: a number as BLS writes it, or one of the reason words.
    pub fn from_csv(text: &str, unit: Unit) -> Result<Self, String> {
        match text {
            TOP_CODED if unit != Unit::Count => Ok(Figure::TopCoded),
            NOT_RELEASED => Ok(Figure::NotReleased),
            NOT_PUBLISHED if unit != Unit::Count => Ok(Figure::NotPublished),
            number => parse_number(number, unit).map(Figure::Value),
        }
    }

    /// Writes a CSV cell; the inverse of [`Figure::from_csv`].
    pub fn to_csv(self, unit: Unit) -> String {
        match (self, unit) {
            (Figure::Value(cents), Unit::Hourly) => format!("{}.{:02}", cents / 100, cents % 100),
            (Figure::Value(value), _) => value.to_string(),
            (Figure::TopCoded, _) => TOP_CODED.to_owned(),
            (Figure::NotReleased, _) => NOT_RELEASED.to_owned(),
            (Figure::NotPublished, _) => NOT_PUBLISHED.to_owned(),
        }
    }
}

/// Reads "1256010" (a count or whole dollars) or "33.65" (an hourly wage, in cents).
pub fn parse_number(text: &str, unit: Unit) -> Result<u64, String> {
    let bad = || format!("\"{text}\" is not a figure");
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    match unit {
        Unit::Count | Unit::Annual if digits(text) => text.parse().map_err(|_| bad()),
        Unit::Hourly => {
            let (whole, fraction) = text.split_once('.').unwrap_or((text, "0"));
            if !digits(whole) || !digits(fraction) || fraction.len() > 2 {
                return Err(bad());
            }
            let whole: u64 = whole.parse().map_err(|_| bad())?;
            let cents: u64 = fraction.parse().map_err(|_| bad())?;
            // "33.5" is 50 cents, "33.05" is 5.
            let cents = if fraction.len() == 1 {
                cents * 10
            } else {
                cents
            };
            Ok(whole * 100 + cents)
        }
        _ => Err(bad()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_cells_round_trip() {
        for (text, unit, figure) in [
            ("1256010", Unit::Count, Figure::Value(1_256_010)),
            ("69990", Unit::Annual, Figure::Value(69_990)),
            ("33.65", Unit::Hourly, Figure::Value(3365)),
            ("7.05", Unit::Hourly, Figure::Value(705)),
            ("top-coded", Unit::Annual, Figure::TopCoded),
            ("not-released", Unit::Count, Figure::NotReleased),
            ("not-published", Unit::Hourly, Figure::NotPublished),
        ] {
            assert_eq!(Figure::from_csv(text, unit), Ok(figure), "{text}");
            assert_eq!(figure.to_csv(unit), text);
        }
    }

    #[test]
    fn bad_cells_are_refused() {
        assert!(Figure::from_csv("", Unit::Annual).is_err());
        assert!(Figure::from_csv("-", Unit::Annual).is_err());
        assert!(Figure::from_csv("69,990", Unit::Annual).is_err());
        assert!(Figure::from_csv("33.65", Unit::Annual).is_err());
        assert!(Figure::from_csv("33.655", Unit::Hourly).is_err());
        assert!(Figure::from_csv("top-coded", Unit::Count).is_err());
        assert_eq!(parse_number("33.5", Unit::Hourly), Ok(3350));
        assert_eq!(parse_number("12", Unit::Hourly), Ok(1200));
    }
}
