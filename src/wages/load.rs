//! Reading the shipped wage data files, with the file and line of every error.

use std::collections::{BTreeMap, HashMap};
use std::path::Path;

use time::Date;

use super::{
    AREAS_FILE, Area, COLUMNS, Figure, Level, METRO_AREAS_FILE, METRO_WAGES_FILE, MetroArea,
    MetroWages, OCCUPATIONS_FILE, Occupation, PRECISION_COLUMNS, Precision, RELEASE_FILE, Release,
    ReleaseFile, SocCode, WAGES_FILE, WageData, Wages, slugify,
};
use crate::diagnostics::{ContentError, LineIndex, Problem};

impl WageData {
    /// Loads `dir` (`content/data/oews`), reporting every error with its file and line.
    pub fn load(dir: &Path) -> Result<Self, Vec<ContentError>> {
        let mut errors = Vec::new();
        let release = load_release(&dir.join(RELEASE_FILE))
            .map_err(|e| errors.push(e))
            .ok();
        let areas = load_areas(&dir.join(AREAS_FILE), &mut errors);
        let occupations = load_occupations(&dir.join(OCCUPATIONS_FILE), &mut errors);
        let wages = load_wages(&dir.join(WAGES_FILE), &areas, &occupations, &mut errors);
        let metro_areas = load_metro_areas(&dir.join(METRO_AREAS_FILE), &areas, &mut errors);
        let metro = release.as_ref().and_then(|(_, sha256)| {
            let path = dir.join(METRO_WAGES_FILE);
            MetroWages::open(metro_areas, &path, sha256)
                .map_err(|message| errors.push(Problem::new(1, message).in_file(&path)))
                .ok()
        });
        match (release, metro) {
            (Some((release, _)), Some(metro)) if errors.is_empty() => Ok(Self {
                release,
                areas,
                occupations,
                wages,
                metro,
            }),
            _ => Err(errors),
        }
    }
}

fn to_date(datetime: &toml::value::Datetime) -> Option<Date> {
    let date = datetime.date?;
    let month = time::Month::try_from(date.month).ok()?;
    Date::from_calendar_date(i32::from(date.year), month, date.day).ok()
}

/// The release, and the SHA-256 its metro database must have.
fn load_release(path: &Path) -> Result<(Release, String), ContentError> {
    let problem = |line, message: String| Problem::new(line, message).in_file(path);
    let text = std::fs::read_to_string(path)
        .map_err(|e| problem(1, format!("cannot read the file: {e}")))?;
    let file: ReleaseFile = toml::from_str(&text).map_err(|e| {
        let line = e
            .span()
            .map_or(1, |span| LineIndex::new(&text, 1).line(span.start));
        problem(line, e.message().trim().to_owned())
    })?;
    let published =
        to_date(&file.published).ok_or_else(|| problem(1, "`published` must be a date".into()))?;
    let release = Release {
        publisher: file.publisher,
        survey: file.survey,
        name: file.release,
        published,
        top_code_annual: file.top_code_annual,
        top_code_hourly_cents: file.top_code_hourly_cents,
    };
    Ok((release, file.metro_wages_sha256))
}

/// More errors than this in the wage data means the wrong file, not typos: stop listing.
const MAX_ERRORS: usize = 20;

/// Reads a CSV file whose header must be exactly `columns`, calling `row` for each
/// record with its line number; errors name the file and line.
fn read_csv(
    path: &Path,
    columns: &[&str],
    errors: &mut Vec<ContentError>,
    mut row: impl FnMut(&csv::StringRecord) -> Result<(), String>,
) {
    let mut reader = match csv::Reader::from_path(path) {
        Ok(reader) => reader,
        Err(e) => {
            return errors
                .push(Problem::new(1, format!("cannot read the file: {e}")).in_file(path));
        }
    };
    match reader.headers() {
        Ok(header) if header.iter().eq(columns.iter().copied()) => {}
        _ => {
            let message = format!("the header must be: {}", columns.join(","));
            return errors.push(Problem::new(1, message).in_file(path));
        }
    }
    for record in reader.records() {
        let line = |position: Option<&csv::Position>| position.map_or(1, |p| p.line() as usize);
        let problem = match record {
            Err(e) => Problem::new(line(e.position()), e.to_string()),
            Ok(record) => match row(&record) {
                Ok(()) => continue,
                Err(message) => Problem::new(line(record.position()), message),
            },
        };
        errors.push(problem.in_file(path));
        if errors.len() > MAX_ERRORS {
            return;
        }
    }
}

fn load_areas(path: &Path, errors: &mut Vec<ContentError>) -> Vec<Area> {
    let mut areas = Vec::new();
    read_csv(path, &["area", "name"], errors, |record| {
        let (code, name) = (&record[0], &record[1]);
        if code.len() != 7 || !code.bytes().all(|b| b.is_ascii_digit()) || name.is_empty() {
            return Err(format!(
                "\"{code}\" is not a seven-digit area code with a name"
            ));
        }
        areas.push(Area {
            code: code.to_owned(),
            name: name.to_owned(),
            slug: slugify(name),
        });
        Ok(())
    });
    if areas.first().is_none_or(|a| a.code != "0000000") {
        errors.push(Problem::new(2, "the first area must be the nation, 0000000").in_file(path));
    }
    areas
}

fn load_occupations(path: &Path, errors: &mut Vec<ContentError>) -> BTreeMap<SocCode, Occupation> {
    let mut occupations = BTreeMap::new();
    read_csv(path, &["soc", "title", "level"], errors, |record| {
        let soc = SocCode::parse(&record[0])?;
        let level = match &record[2] {
            "major" => Level::Major,
            "minor" => Level::Minor,
            "broad" => Level::Broad,
            "detailed" => Level::Detailed,
            other => return Err(format!("unknown level \"{other}\"")),
        };
        let title = record[1].to_owned();
        occupations.insert(soc.clone(), Occupation { soc, title, level });
        Ok(())
    });
    occupations
}

fn load_wages(
    path: &Path,
    areas: &[Area],
    occupations: &BTreeMap<SocCode, Occupation>,
    errors: &mut Vec<ContentError>,
) -> HashMap<SocCode, Vec<Option<Wages>>> {
    let area_index: HashMap<&str, usize> = areas
        .iter()
        .enumerate()
        .map(|(i, a)| (a.code.as_str(), i))
        .collect();
    let mut wages: HashMap<SocCode, Vec<Option<Wages>>> = HashMap::new();
    let header = wage_header();
    read_csv(path, &header, errors, |record| {
        let area = *area_index
            .get(&record[0])
            .ok_or_else(|| format!("unknown area \"{}\"", &record[0]))?;
        let soc = SocCode::parse(&record[1])?;
        if occupations
            .get(&soc)
            .is_none_or(|o| o.level != Level::Detailed)
        {
            return Err(format!(
                "{soc} is not a detailed occupation in {OCCUPATIONS_FILE}"
            ));
        }
        let mut figures = [Figure::NotReleased; 13];
        for (i, (name, unit)) in COLUMNS.iter().enumerate() {
            figures[i] =
                Figure::from_csv(&record[i + 2], *unit).map_err(|e| format!("{name}: {e}"))?;
        }
        let extra = [&record[15], &record[16], &record[17]];
        let mut row = Wages::from_row(figures);
        row.precision = Precision::from_csv(extra)?;
        let slots = wages.entry(soc).or_insert_with(|| vec![None; areas.len()]);
        if slots[area].replace(row).is_some() {
            return Err(format!(
                "a second row for {} in {}",
                &record[1], areas[area].name
            ));
        }
        Ok(())
    });
    wages
}

/// The columns of `wages.csv`: area, occupation, the figures, then their precision.
pub fn wage_header() -> Vec<&'static str> {
    ["area", "soc"]
        .into_iter()
        .chain(COLUMNS.iter().map(|(name, _)| *name))
        .chain(PRECISION_COLUMNS)
        .collect()
}

/// `metro-areas.csv`: each area's code, BLS's name, and the codes of the states it
/// spans (space-separated, the one BLS files it under first).
fn load_metro_areas(path: &Path, areas: &[Area], errors: &mut Vec<ContentError>) -> Vec<MetroArea> {
    let mut metro: Vec<MetroArea> = Vec::new();
    read_csv(path, &["area", "name", "states"], errors, |record| {
        let (code, name) = (&record[0], &record[1]);
        if code.len() != 7 || !code.bytes().all(|b| b.is_ascii_digit()) || name.is_empty() {
            return Err(format!(
                "\"{code}\" is not a seven-digit area code with a name"
            ));
        }
        let states = record[2]
            .split(' ')
            .map(|state| {
                areas
                    .iter()
                    .position(|a| a.code == state)
                    .filter(|&i| i > 0)
                    .ok_or_else(|| format!("{state} is not a state in {AREAS_FILE}"))
            })
            .collect::<Result<Vec<_>, _>>()?;
        let slug = slugify(name);
        if metro.iter().any(|m| m.slug == slug) || areas.iter().any(|a| a.slug == slug) {
            return Err(format!("a second area named \"{name}\""));
        }
        metro.push(MetroArea {
            code: code.to_owned(),
            name: name.to_owned(),
            slug,
            states,
        });
        Ok(())
    });
    metro
}
