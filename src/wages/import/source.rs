//! Reading BLS's OEWS SQLite database: its schema, release, top codes, occupations,
//! areas and the cross-industry cells of the nation, the states and the metro areas.

use std::collections::{BTreeMap, HashSet};
use std::path::Path;

use rusqlite::{Connection, OpenFlags};

use super::{ImportError, Manifest, not_oews};
use crate::wages::figure::parse_number;
use crate::wages::precision::parse_decimal;
use crate::wages::{COLUMNS, Figure, PRECISION_COLUMNS, Precision, SocCode, Unit};

/// BLS datatype codes of [`COLUMNS`], in the same order.
const DATATYPES: [&str; 13] = [
    "01", "03", "04", "06", "07", "08", "09", "10", "11", "12", "13", "14", "15",
];
/// Cross-industry, all owners: the only industry the site shows.
const ALL_INDUSTRIES: &str = "000000";
const TOP_CODE_FOOTNOTE: &str = "5";

/// Opens the database read-only and checks it has the OEWS tables.
pub(super) fn open_oews(db_path: &Path, input: &Path) -> Result<Connection, ImportError> {
    let db = Connection::open_with_flags(db_path, OpenFlags::SQLITE_OPEN_READ_ONLY)
        .map_err(|e| not_oews(input, format!("it cannot be opened as SQLite ({e})")))?;
    let tables: Vec<String> = db
        .prepare("SELECT name FROM sqlite_master WHERE type = 'table'")
        .and_then(|mut s| s.query_map([], |r| r.get(0))?.collect())
        .map_err(|e| not_oews(input, format!("it is not a SQLite database ({e})")))?;
    for table in ["cell", "area", "occupation", "footnote", "meta"] {
        if !tables.iter().any(|t| t == table) {
            return Err(not_oews(input, format!("it has no `{table}` table")));
        }
    }
    Ok(db)
}

pub(super) fn query<T>(
    db: &Connection,
    input: &Path,
    sql: &str,
    row: impl FnMut(&rusqlite::Row<'_>) -> rusqlite::Result<T>,
) -> Result<Vec<T>, ImportError> {
    db.prepare(sql)
        .and_then(|mut statement| statement.query_map([], row)?.collect())
        .map_err(|e| not_oews(input, format!("reading it failed ({e})")))
}

pub(super) fn check_release(
    db: &Connection,
    input: &Path,
    manifest: &Manifest,
) -> Result<(String, String), ImportError> {
    let meta: BTreeMap<String, String> = query(db, input, "SELECT name, value FROM meta", |r| {
        Ok((r.get(0)?, r.get(1)?))
    })?
    .into_iter()
    .collect();
    let (Some(release), Some(code)) = (meta.get("release"), meta.get("release_code")) else {
        return Err(not_oews(input, "its `meta` table names no release"));
    };
    if *release != manifest.release.description || *code != manifest.release.code {
        return Err(not_oews(
            input,
            format!(
                "it holds the {release} release, but the manifest describes {}",
                manifest.release.description
            ),
        ));
    }
    Ok((release.clone(), code.clone()))
}

/// The top codes stated in footnote 5: "... $115.00 per hour or $239,200 per year."
pub(super) fn top_codes(db: &Connection, input: &Path) -> Result<(u64, u64), ImportError> {
    let texts = query(
        db,
        input,
        "SELECT footnote_text FROM footnote WHERE footnote_code = '5'",
        |r| r.get(0),
    )?;
    let text: &String = texts
        .first()
        .ok_or_else(|| not_oews(input, "it has no footnote 5 (top-coded wages)"))?;
    let amounts: Vec<&str> = text
        .split_whitespace()
        .filter_map(|word| word.strip_prefix('$'))
        .map(|amount| amount.trim_end_matches(['.', ',']))
        .collect();
    let (Some(hourly), Some(annual)) = (amounts.first(), amounts.get(1)) else {
        return Err(not_oews(
            input,
            "footnote 5 does not state the hourly and annual top codes",
        ));
    };
    let bad = |e| not_oews(input, format!("footnote 5: {e}"));
    let annual = parse_number(&annual.replace(',', ""), Unit::Annual).map_err(bad)?;
    let hourly = parse_number(&hourly.replace(',', ""), Unit::Hourly).map_err(bad)?;
    Ok((annual, hourly))
}

pub(super) fn occupations(db: &Connection, input: &Path) -> Result<Vec<Vec<String>>, ImportError> {
    let rows = query(
        db,
        input,
        "SELECT occupation_code, occupation_name, display_level FROM occupation ORDER BY occupation_code",
        |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, i64>(2)?,
            ))
        },
    )?;
    rows.into_iter()
        .map(|(code, title, level)| {
            let soc = SocCode::from_digits(&code).map_err(|e| not_oews(input, e))?;
            let level = match level {
                0 => "major",
                1 => "minor",
                2 => "broad",
                3 => "detailed",
                other => {
                    return Err(not_oews(
                        input,
                        format!("occupation {soc} has display level {other}"),
                    ));
                }
            };
            Ok(vec![soc.to_string(), title, level.to_owned()])
        })
        .collect()
}

pub(super) fn areas(db: &Connection, input: &Path) -> Result<Vec<Vec<String>>, ImportError> {
    let areas = query(
        db,
        input,
        "SELECT area_code, area_name FROM area WHERE areatype_code IN ('N', 'S') ORDER BY areatype_code, area_code",
        |r| Ok(vec![r.get(0)?, r.get(1)?]),
    )?;
    if areas
        .first()
        .is_none_or(|a: &Vec<String>| a[0] != "0000000")
    {
        return Err(not_oews(input, "it has no national area 0000000"));
    }
    Ok(areas)
}

/// One cross-industry cell of a detailed occupation in one area.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct WageRow {
    /// The area code, `0000000` for the nation.
    pub area: String,
    /// The occupation.
    pub soc: SocCode,
    /// The figures, in [`COLUMNS`] order.
    pub figures: [Figure; 13],
    /// Relative standard errors and location quotient.
    pub precision: Precision,
}

/// BLS datatype codes of the employment RSE, the mean wage RSE and the location quotient.
const PRECISION_DATATYPES: [&str; 3] = ["02", "05", "17"];

/// Cross-industry rows of detailed occupations for the areas whose type (`N`, `S` or
/// `M`) is in `types`, sorted by area then occupation.
pub(super) fn wage_rows(
    db: &Connection,
    input: &Path,
    occupations: &[Vec<String>],
    types: &[char],
) -> Result<Vec<WageRow>, ImportError> {
    let detailed: HashSet<&str> = occupations
        .iter()
        .filter(|o| o[2] == "detailed")
        .map(|o| o[0].as_str())
        .collect();
    let datatypes: Vec<&str> = DATATYPES
        .iter()
        .chain(&PRECISION_DATATYPES)
        .copied()
        .collect();
    let columns: Vec<String> = datatypes.iter().map(|d| format!("v{d}, f{d}")).collect();
    let ranges: Vec<String> = types
        .iter()
        .map(|t| format!("(key >= 'OEU{t}' AND key < 'OEU{t}~')"))
        .collect();
    let sql = format!(
        "SELECT key, {} FROM cell WHERE {} ORDER BY key",
        columns.join(", "),
        ranges.join(" OR ")
    );
    let cells = query(db, input, &sql, |r| {
        let mut values = Vec::with_capacity(1 + datatypes.len() * 2);
        for i in 0..=datatypes.len() * 2 {
            values.push(r.get::<_, Option<String>>(i)?);
        }
        Ok(values)
    })?;
    let mut rows = Vec::new();
    for cell in cells {
        let key = cell[0].as_deref().unwrap_or_default();
        let (Some(area), Some(industry), Some(code)) =
            (key.get(4..11), key.get(11..17), key.get(17..23))
        else {
            return Err(not_oews(
                input,
                format!("cell key \"{key}\" is not an OEWS series key"),
            ));
        };
        let soc = SocCode::from_digits(code).map_err(|e| not_oews(input, e))?;
        if industry != ALL_INDUSTRIES || !detailed.contains(soc.as_str()) {
            continue;
        }
        let pair = |i: usize| (cell[1 + 2 * i].as_deref(), cell[2 + 2 * i].as_deref());
        let mut figures = [Figure::NotReleased; 13];
        for (i, (name, unit)) in COLUMNS.iter().enumerate() {
            let (value, footnote) = pair(i);
            figures[i] = figure(value, footnote, *unit)
                .map_err(|e| not_oews(input, format!("{key} {name}: {e}")))?;
        }
        let mut extra = [None; 3];
        for (i, (slot, places)) in extra.iter_mut().zip([1, 1, 2]).enumerate() {
            let (value, footnote) = pair(DATATYPES.len() + i);
            *slot = precision(value, footnote, places)
                .map_err(|e| not_oews(input, format!("{key} {}: {e}", PRECISION_COLUMNS[i])))?;
        }
        let precision = Precision {
            employment_rse: extra[0],
            wage_rse: extra[1],
            location_quotient: extra[2],
        };
        rows.push(WageRow {
            area: area.to_owned(),
            soc,
            figures,
            precision,
        });
    }
    rows.sort_by(|a, b| (&a.area, &a.soc).cmp(&(&b.area, &b.soc)));
    Ok(rows)
}

/// An RSE or location quotient cell: a decimal, or nothing (not released, or not
/// defined, as the nation's location quotient is not).
fn precision(
    value: Option<&str>,
    footnote: Option<&str>,
    places: u32,
) -> Result<Option<u16>, String> {
    match (value, footnote) {
        (None, None) | (Some("-") | None, Some("8")) => Ok(None),
        (Some(number), None) => {
            let value = parse_decimal(number, places)?;
            u16::try_from(value)
                .map(Some)
                .map_err(|_| format!("\"{number}\" is too large"))
        }
        (value, footnote) => Err(format!(
            "unexpected value {value:?} with footnote {footnote:?}"
        )),
    }
}

/// USPS abbreviations and the FIPS codes BLS uses for states, DC and territories.
const STATE_ABBREVIATIONS: [(&str, &str); 54] = [
    ("AL", "01"),
    ("AK", "02"),
    ("AZ", "04"),
    ("AR", "05"),
    ("CA", "06"),
    ("CO", "08"),
    ("CT", "09"),
    ("DE", "10"),
    ("DC", "11"),
    ("FL", "12"),
    ("GA", "13"),
    ("HI", "15"),
    ("ID", "16"),
    ("IL", "17"),
    ("IN", "18"),
    ("IA", "19"),
    ("KS", "20"),
    ("KY", "21"),
    ("LA", "22"),
    ("ME", "23"),
    ("MD", "24"),
    ("MA", "25"),
    ("MI", "26"),
    ("MN", "27"),
    ("MS", "28"),
    ("MO", "29"),
    ("MT", "30"),
    ("NE", "31"),
    ("NV", "32"),
    ("NH", "33"),
    ("NJ", "34"),
    ("NM", "35"),
    ("NY", "36"),
    ("NC", "37"),
    ("ND", "38"),
    ("OH", "39"),
    ("OK", "40"),
    ("OR", "41"),
    ("PA", "42"),
    ("RI", "44"),
    ("SC", "45"),
    ("SD", "46"),
    ("TN", "47"),
    ("TX", "48"),
    ("UT", "49"),
    ("VT", "50"),
    ("VA", "51"),
    ("WA", "53"),
    ("WV", "54"),
    ("WI", "55"),
    ("WY", "56"),
    ("GU", "66"),
    ("PR", "72"),
    ("VI", "78"),
];

/// Metropolitan and nonmetropolitan areas: code, name, and the state area codes they
/// span (space-separated), the state BLS files each under first. A metro area's name
/// ends with its states ("New York-Newark-Jersey City, NY-NJ"); a nonmetropolitan
/// area lies in its one state.
pub(super) fn metro_areas(db: &Connection, input: &Path) -> Result<Vec<Vec<String>>, ImportError> {
    let areas = query(
        db,
        input,
        "SELECT area_code, area_name, state_code FROM area WHERE areatype_code = 'M' ORDER BY area_code",
        |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, String>(2)?,
            ))
        },
    )?;
    areas
        .into_iter()
        .map(|(code, name, state)| {
            let mut states = vec![state];
            if let Some((_, suffix)) = name.rsplit_once(", ")
                && !name.contains("nonmetropolitan")
            {
                for abbreviation in suffix.split('-') {
                    let fips = STATE_ABBREVIATIONS
                        .iter()
                        .find(|(a, _)| *a == abbreviation)
                        .map(|(_, fips)| (*fips).to_owned())
                        .ok_or_else(|| {
                            not_oews(
                                input,
                                format!("area {code} \"{name}\": unknown state {abbreviation}"),
                            )
                        })?;
                    if !states.contains(&fips) {
                        states.push(fips);
                    }
                }
            }
            let states: Vec<String> = states.iter().map(|s| format!("{s}00000")).collect();
            Ok(vec![code, name, states.join(" ")])
        })
        .collect()
}

/// A BLS cell: a number, or `-` with the footnote saying why there is none.
fn figure(value: Option<&str>, footnote: Option<&str>, unit: Unit) -> Result<Figure, String> {
    match (value, footnote) {
        (Some("-") | None, Some(TOP_CODE_FOOTNOTE)) if unit != Unit::Count => Ok(Figure::TopCoded),
        (Some("-") | None, Some("8")) => Ok(Figure::NotReleased),
        (Some("-") | None, Some("4")) if unit != Unit::Count => Ok(Figure::NotPublished),
        (Some(number), None) => parse_number(number, unit).map(Figure::Value),
        (value, footnote) => Err(format!(
            "unexpected value {value:?} with footnote {footnote:?}"
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bls_cells_become_figures() {
        assert_eq!(
            figure(Some("69990"), None, Unit::Annual),
            Ok(Figure::Value(69_990))
        );
        assert_eq!(
            figure(Some("33.65"), None, Unit::Hourly),
            Ok(Figure::Value(3365))
        );
        assert_eq!(
            figure(Some("-"), Some("5"), Unit::Annual),
            Ok(Figure::TopCoded)
        );
        assert_eq!(
            figure(Some("-"), Some("8"), Unit::Count),
            Ok(Figure::NotReleased)
        );
        assert_eq!(
            figure(Some("-"), Some("4"), Unit::Annual),
            Ok(Figure::NotPublished)
        );
        assert!(figure(Some("-"), None, Unit::Annual).is_err());
        assert!(figure(Some("-"), Some("5"), Unit::Count).is_err());
        assert!(figure(Some("12"), Some("5"), Unit::Annual).is_err());
    }
}
