//! The metro-area wages the site ships, compared cell by cell with BLS's own database:
//! `tests/data/oews-metro-sample.tsv` holds 448 cells exactly as the OEWS database has
//! them (written by `scripts/sample-oews-metro`), withheld, top-coded and hourly-only
//! ones among them.

mod common;

use std::path::Path;

use rolebook::wages::{COLUMNS, Figure, SocCode, Unit, Wages};

/// BLS's datatype for each of [`COLUMNS`], as the sample names its columns.
const DATATYPES: [&str; 13] = [
    "01", "03", "04", "06", "07", "08", "09", "10", "11", "12", "13", "14", "15",
];

/// A source cell read our own way, independently of the importer: the number as BLS
/// writes it, scaled to cents for hourly wages, or the reason its footnote gives.
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

fn sample() -> Vec<std::collections::HashMap<String, String>> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/oews-metro-sample.tsv");
    let text = std::fs::read_to_string(path).expect("sample");
    let mut lines = text.lines().filter(|l| !l.starts_with('#'));
    let header: Vec<&str> = lines.next().expect("header").split('\t').collect();
    lines
        .map(|line| {
            header
                .iter()
                .map(|h| h.to_string())
                .zip(line.split('\t').map(str::to_owned))
                .collect()
        })
        .collect()
}

fn shipped(key: &str) -> (String, Option<Wages>) {
    let data = common::library().wages();
    let metro = data.metro();
    let code = &key[4..11];
    let soc = SocCode::from_digits(&key[17..23]).expect("code");
    let (index, area) = metro
        .areas()
        .iter()
        .enumerate()
        .find(|(_, a)| a.code == code)
        .unwrap_or_else(|| panic!("area {code} is shipped"));
    (
        area.name.clone(),
        metro.wages(&soc, index).expect("the database reads"),
    )
}

#[test]
fn every_sampled_cell_matches_the_source_database() {
    let cells = sample();
    assert!(cells.len() > 400, "the sample has {} cells", cells.len());
    let (mut withheld, mut top_coded, mut hourly_only) = (0, 0, 0);
    for cell in &cells {
        let key = &cell["key"];
        let (area, wages) = shipped(key);
        let wages = wages.unwrap_or_else(|| panic!("{key} ({area}) is shipped"));
        let figures = wages.to_row();
        for (i, (name, unit)) in COLUMNS.iter().enumerate() {
            let d = DATATYPES[i];
            let want = expected(&cell[&format!("v{d}")], &cell[&format!("f{d}")], *unit);
            assert_eq!(figures[i], want, "{key} ({area}) {name}");
        }
        let p = wages.precision;
        assert_eq!(
            p.employment_rse,
            optional(&cell["v02"], 1),
            "{key} employment RSE"
        );
        assert_eq!(p.wage_rse, optional(&cell["v05"], 1), "{key} wage RSE");
        assert_eq!(p.location_quotient, optional(&cell["v17"], 2), "{key} LQ");
        withheld += usize::from(wages.employment == Figure::NotReleased);
        top_coded += usize::from(wages.annual.median == Figure::TopCoded);
        hourly_only += usize::from(wages.annual.median == Figure::NotPublished);
    }
    assert!(
        withheld >= 25 && top_coded >= 25 && hourly_only >= 25,
        "the sample covers withheld ({withheld}), top-coded ({top_coded}) and hourly-only ({hourly_only}) cells"
    );
}

#[test]
fn every_metro_area_is_shipped_with_its_states() {
    let data = common::library().wages();
    let metro = data.metro();
    assert_eq!(
        metro.areas().len(),
        528,
        "BLS's 528 metro and nonmetro areas"
    );
    let state = |slug: &str| data.area(slug).expect("state").0;
    let states = |slug: &str| metro.area(slug).expect(slug).1.states.clone();
    assert_eq!(
        states("new-york-newark-jersey-city-ny-nj"),
        [state("new-york"), state("new-jersey")]
    );
    assert_eq!(
        states("washington-arlington-alexandria-dc-va-md-wv"),
        [
            "district-of-columbia",
            "virginia",
            "maryland",
            "west-virginia"
        ]
        .map(state)
    );
    assert_eq!(states("denver-aurora-centennial-co"), [state("colorado")]);
    assert_eq!(states("alaska-nonmetropolitan-area"), [state("alaska")]);
    let colorado: Vec<&str> = metro
        .in_state(state("colorado"))
        .iter()
        .map(|(_, a)| a.name.as_str())
        .collect();
    assert!(colorado.contains(&"Pueblo, CO"), "{colorado:?}");
    // BLS defines no metro or nonmetro areas for Guam and the Virgin Islands.
    for (i, area) in data.areas().iter().enumerate().skip(1) {
        if ["Guam", "Virgin Islands"].contains(&area.name.as_str()) {
            continue;
        }
        assert!(
            !metro.in_state(i).is_empty(),
            "{} has metro or nonmetro areas",
            area.name
        );
    }
}

#[test]
fn the_shipped_wage_data_stays_small() {
    let dir = common::content_dir().join("data/oews");
    let bytes: u64 = std::fs::read_dir(&dir)
        .expect("dir")
        .map(|e| e.expect("entry").metadata().expect("metadata").len())
        .sum();
    assert!(
        bytes < 30 * 1024 * 1024,
        "content/data/oews holds {bytes} bytes, over the 30 MB budget"
    );
}
