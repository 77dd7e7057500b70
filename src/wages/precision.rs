//! What BLS publishes beside the wages: the relative standard errors that say how
//! precise an estimate is, and the location quotient that says how concentrated an
//! occupation is in an area. Kept as whole numbers of tenths or hundredths.

/// The extra columns of `wages.csv` and the metro database, after the figures.
pub const PRECISION_COLUMNS: [&str; 3] = ["employment_rse", "wage_rse", "location_quotient"];

/// An employment estimate with a relative standard error above this (in tenths of a
/// percent, so 25%) is shown as imprecise.
pub const IMPRECISE_EMPLOYMENT_RSE: u16 = 250;
/// A mean wage with a relative standard error above this (10%) is shown as imprecise.
pub const IMPRECISE_WAGE_RSE: u16 = 100;

/// Relative standard errors and the location quotient of one occupation in one area;
/// `None` where BLS gives none (not released, or not defined for the nation).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Precision {
    /// Relative standard error of the employment estimate, in tenths of a percent.
    pub employment_rse: Option<u16>,
    /// Relative standard error of the mean wage, in tenths of a percent.
    pub wage_rse: Option<u16>,
    /// The occupation's share of the area's jobs over its share of the nation's, in
    /// hundredths (`133` is 1.33).
    pub location_quotient: Option<u16>,
}

impl Precision {
    /// The three values in [`PRECISION_COLUMNS`] order, with their decimal places.
    pub fn to_row(self) -> [(Option<u16>, u32); 3] {
        [
            (self.employment_rse, 1),
            (self.wage_rse, 1),
            (self.location_quotient, 2),
        ]
    }

    /// Reads the three CSV cells of [`PRECISION_COLUMNS`]: a decimal, or empty.
    pub fn from_csv(cells: [&str; 3]) -> Result<Self, String> {
        let read = |text: &str, places: u32| -> Result<Option<u16>, String> {
            if text.is_empty() {
                return Ok(None);
            }
            let value = parse_decimal(text, places)?;
            u16::try_from(value)
                .map(Some)
                .map_err(|_| format!("\"{text}\" is too large"))
        };
        Ok(Self {
            employment_rse: read(cells[0], 1)?,
            wage_rse: read(cells[1], 1)?,
            location_quotient: read(cells[2], 2)?,
        })
    }

    /// The CSV cells; the inverse of [`Precision::from_csv`].
    pub fn to_csv(self) -> [String; 3] {
        self.to_row()
            .map(|(value, places)| value.map_or_else(String::new, |v| decimal(v.into(), places)))
    }

    /// True when BLS's own errors say the employment or the wage estimate is imprecise.
    pub fn imprecise(self) -> bool {
        self.employment_rse
            .is_some_and(|rse| rse > IMPRECISE_EMPLOYMENT_RSE)
            || self.wage_rse.is_some_and(|rse| rse > IMPRECISE_WAGE_RSE)
    }
}

/// Reads "33.65" with at most `places` decimals as a whole number of hundredths (for
/// `places` 2): "33.5" is 3350, "12" is 1200.
pub fn parse_decimal(text: &str, places: u32) -> Result<u64, String> {
    let bad = || format!("\"{text}\" is not a figure");
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    let (whole, fraction) = text.split_once('.').unwrap_or((text, "0"));
    if !digits(whole) || !digits(fraction) || fraction.len() > places as usize {
        return Err(bad());
    }
    let scale = 10u64.pow(places);
    let whole: u64 = whole.parse().map_err(|_| bad())?;
    let fraction_value: u64 = fraction.parse().map_err(|_| bad())?;
    // "33.5" is 50 hundredths, "33.05" is 5.
    let fraction_value = fraction_value * 10u64.pow(places - fraction.len() as u32);
    whole
        .checked_mul(scale)
        .and_then(|w| w.checked_add(fraction_value))
        .ok_or_else(bad)
}

/// Writes a whole number of tenths or hundredths as a decimal: `decimal(3365, 2)` is
/// "33.65".
pub fn decimal(value: u64, places: u32) -> String {
    let scale = 10u64.pow(places);
    format!(
        "{}.{:0width$}",
        value / scale,
        value % scale,
        width = places as usize
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decimals_round_trip() {
        assert_eq!(parse_decimal("33.65", 2), Ok(3365));
        assert_eq!(parse_decimal("33.5", 2), Ok(3350));
        assert_eq!(parse_decimal("12", 2), Ok(1200));
        assert_eq!(parse_decimal("4.2", 1), Ok(42));
        assert!(parse_decimal("4.25", 1).is_err());
        assert!(parse_decimal("-1", 1).is_err());
        assert!(parse_decimal("", 1).is_err());
        assert_eq!(decimal(3365, 2), "33.65");
        assert_eq!(decimal(705, 2), "7.05");
        assert_eq!(decimal(42, 1), "4.2");
    }

    #[test]
    fn precision_cells_round_trip_and_flag_imprecise_estimates() {
        let precision = Precision::from_csv(["4.2", "1.2", "1.33"]).expect("valid");
        assert_eq!(precision.location_quotient, Some(133));
        assert_eq!(precision.to_csv(), ["4.2", "1.2", "1.33"]);
        assert!(!precision.imprecise());
        let none = Precision::from_csv(["", "", ""]).expect("valid");
        assert_eq!(none, Precision::default());
        assert!(
            Precision::from_csv(["30.1", "", ""])
                .expect("valid")
                .imprecise()
        );
        assert!(
            Precision::from_csv(["", "10.1", ""])
                .expect("valid")
                .imprecise()
        );
        assert!(Precision::from_csv(["abc", "", ""]).is_err());
    }
}
