//! `tests/data/oews-metro-sample.tsv`: metro-area cells exactly as BLS's OEWS database
//! holds them (written by `scripts/sample-oews-metro`), read our own way, independently
//! of the importer, so tests can compare what the site ships and shows with the source.

use std::path::Path;

use rolebook::wages::{Figure, Precision, SocCode, Unit};

/// BLS's datatype of each figure column, in `rolebook::wages::COLUMNS` order.
const DATATYPES: [&str; 13] = [
    "01", "03", "04", "06", "07", "08", "09", "10", "11", "12", "13", "14", "15",
];
/// The units of those columns.
const UNITS: [Unit; 13] = [
    Unit::Count,
    Unit::Hourly,
    Unit::Annual,
    Unit::Hourly,
    Unit::Hourly,
    Unit::Hourly,
    Unit::Hourly,
    Unit::Hourly,
    Unit::Annual,
    Unit::Annual,
    Unit::Annual,
    Unit::Annual,
    Unit::Annual,
];

/// One source cell.
pub struct SourceCell {
    /// BLS's series key.
    pub key: String,
    /// The occupation.
    pub soc: SocCode,
    /// The area code, `0019740`.
    pub area: String,
    /// The figures in `COLUMNS` order, as BLS's footnotes define them.
    pub figures: [Figure; 13],
    /// Relative standard errors and location quotient.
    pub precision: Precision,
}

/// A source cell's figure: the number as BLS writes it (cents for hourly wages), or the
/// reason its footnote gives.
fn expected(value: &str, footnote: &str, unit: Unit) -> Figure {
    match (value, footnote) {
        ("-" | "", "5") => Figure::TopCoded,
        ("-" | "", "8") => Figure::NotReleased,
        ("-" | "", "4") => Figure::NotPublished,
        (number, "") => Figure::Value(scaled(number, if unit == Unit::Hourly { 2 } else { 0 })),
        other => panic!("unexpected source cell {other:?}"),
    }
}

/// "33.65" with 2 places is 3365; "4.2" with 1 place is 42.
fn scaled(number: &str, places: usize) -> u64 {
    let (whole, fraction) = number.split_once('.').unwrap_or((number, ""));
    let fraction = format!("{fraction:0<places$}");
    format!("{whole}{fraction}").parse().expect("a number")
}

fn optional(value: &str, places: usize) -> Option<u16> {
    match value {
        "" | "-" => None,
        number => Some(u16::try_from(scaled(number, places)).expect("small")),
    }
}

/// Every cell of the sample.
pub fn cells() -> Vec<SourceCell> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/oews-metro-sample.tsv");
    let text = std::fs::read_to_string(path).expect("sample");
    let mut lines = text.lines().filter(|l| !l.starts_with('#'));
    let header: Vec<&str> = lines.next().expect("header").split('\t').collect();
    lines
        .map(|line| {
            let values: Vec<&str> = line.split('\t').collect();
            let get = |name: &str| {
                let i = header.iter().position(|h| *h == name).expect("column");
                values[i]
            };
            let key = get("key").to_owned();
            let figures = std::array::from_fn(|i| {
                let d = DATATYPES[i];
                expected(get(&format!("v{d}")), get(&format!("f{d}")), UNITS[i])
            });
            SourceCell {
                soc: SocCode::from_digits(&key[17..23]).expect("code"),
                area: key[4..11].to_owned(),
                precision: Precision {
                    employment_rse: optional(get("v02"), 1),
                    wage_rse: optional(get("v05"), 1),
                    location_quotient: optional(get("v17"), 2),
                },
                figures,
                key,
            }
        })
        .collect()
}
