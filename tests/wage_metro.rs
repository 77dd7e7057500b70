//! The metro-area wages the site ships, compared cell by cell with BLS's own database
//! (448 sampled cells, withheld, top-coded and hourly-only ones among them; see
//! `common::oews_sample`).

mod common;

use common::oews_sample;
use rolebook::wages::{Figure, SocCode, Wages};

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
    let cells = oews_sample::cells();
    assert!(cells.len() > 400, "the sample has {} cells", cells.len());
    let (mut withheld, mut top_coded, mut hourly_only) = (0, 0, 0);
    for cell in &cells {
        let key = &cell.key;
        let (area, wages) = shipped(key);
        let wages = wages.unwrap_or_else(|| panic!("{key} ({area}) is shipped"));
        assert_eq!(wages.to_row(), cell.figures, "{key} ({area})");
        assert_eq!(wages.precision, cell.precision, "{key} ({area})");
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
