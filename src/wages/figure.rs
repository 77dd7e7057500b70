//! One published figure, or the reason BLS did not publish it, and how figures are
//! written in the shipped CSV files and the metro database.

use super::precision::parse_decimal;

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
    let digits = !text.is_empty() && text.bytes().all(|b| b.is_ascii_digit());
    match unit {
        Unit::Count | Unit::Annual if digits => text
            .parse()
            .map_err(|_| format!("\"{text}\" is not a figure")),
        Unit::Hourly => parse_decimal(text, 2),
        _ => Err(format!("\"{text}\" is not a figure")),
    }
}

/// Reason codes in the metro database, where a figure is one integer: BLS's footnote
/// number, negated.
const CODE_NOT_PUBLISHED: i64 = -4;
const CODE_TOP_CODED: i64 = -5;
const CODE_NOT_RELEASED: i64 = -8;

impl Figure {
    /// The figure as one integer: the value, or its footnote number negated.
    pub fn to_code(self) -> i64 {
        match self {
            // Values are dollars, cents or job counts, far below i64::MAX.
            Figure::Value(value) => i64::try_from(value).unwrap_or(i64::MAX),
            Figure::NotPublished => CODE_NOT_PUBLISHED,
            Figure::TopCoded => CODE_TOP_CODED,
            Figure::NotReleased => CODE_NOT_RELEASED,
        }
    }

    /// The inverse of [`Figure::to_code`]; `None` for a code that means nothing.
    pub fn from_code(code: i64) -> Option<Self> {
        match code {
            CODE_NOT_PUBLISHED => Some(Figure::NotPublished),
            CODE_TOP_CODED => Some(Figure::TopCoded),
            CODE_NOT_RELEASED => Some(Figure::NotReleased),
            value => u64::try_from(value).ok().map(Figure::Value),
        }
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

    #[test]
    fn database_codes_round_trip() {
        for figure in [
            Figure::Value(0),
            Figure::Value(69_990),
            Figure::TopCoded,
            Figure::NotReleased,
            Figure::NotPublished,
        ] {
            assert_eq!(Figure::from_code(figure.to_code()), Some(figure));
        }
        assert_eq!(Figure::from_code(-1), None);
    }
}
