//! `rolebook import-oews` on a tiny OEWS-shaped SQLite database built here, with
//! top-coded, unreleased and hourly-only cells, and on files that are not OEWS data.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Command;

use rolebook::wages::import::{self, ImportError};
use rolebook::wages::{Figure, SocCode, Unit, WageData};
use rusqlite::Connection;
use sha2::{Digest, Sha256};

const FOOTNOTE_5: &str =
    "This wage is equal to or greater than $115.00 per hour or $239,200 per year.";

/// Values for datatypes 01..15 (02 and 05 are the relative standard errors of employment
/// and of the mean wage).
type Cell = [(&'static str, Option<&'static str>); 15];

fn plain(values: [&'static str; 15]) -> Cell {
    values.map(|v| (v, None))
}

fn build_database(path: &Path) {
    let db = Connection::open(path).expect("create database");
    let columns: Vec<String> = (1..=17)
        .flat_map(|i| [format!("v{i:02} TEXT"), format!("f{i:02} TEXT")])
        .collect();
    db.execute_batch(&format!(
        "CREATE TABLE cell (key TEXT PRIMARY KEY, {}) WITHOUT ROWID;
         CREATE TABLE area (area_code TEXT PRIMARY KEY, areatype_code TEXT, state_code TEXT, area_name TEXT);
         CREATE TABLE occupation (occupation_code TEXT PRIMARY KEY, occupation_name TEXT, display_level INTEGER);
         CREATE TABLE footnote (footnote_code TEXT PRIMARY KEY, footnote_text TEXT);
         CREATE TABLE meta (name TEXT PRIMARY KEY, value TEXT);
         INSERT INTO meta VALUES ('release', 'May 2025'), ('release_code', '2025A01');
         INSERT INTO area VALUES ('0000000', 'N', '00', 'National'), ('0600000', 'S', '06', 'California'),
            ('4800000', 'S', '48', 'Texas'), ('3600000', 'S', '36', 'New York'),
            ('3400000', 'S', '34', 'New Jersey'), ('0010180', 'M', '48', 'Abilene, TX'),
            ('0035620', 'M', '36', 'New York-Newark-Jersey City, NY-NJ');
         INSERT INTO occupation VALUES ('410000', 'Sales and Related Occupations', 0),
            ('413091', 'Sales Representatives of Services, Except Advertising', 3),
            ('272011', 'Actors', 3), ('291211', 'Anesthesiologists', 3), ('290000', 'Healthcare Practitioners', 0),
            ('270000', 'Arts, Design, Entertainment, Sports, and Media Occupations', 0);
         INSERT INTO footnote VALUES ('4', 'Wages are reported hourly or annually.'), ('5', '{FOOTNOTE_5}'),
            ('8', 'Estimate not released.');",
        columns.join(", ")
    ))
    .expect("schema");
    let annual = plain([
        "1256010", "0.5", "39.63", "82430", "0.4", "18.26", "22.92", "33.65", "48.31", "71.56",
        "37980", "47670", "69990", "100480", "148840",
    ]);
    let mut hourly_only = plain([
        "55000", "2.1", "58.29", "-", "3.0", "15.00", "18.50", "29.05", "60.10", "115.00", "-",
        "-", "-", "-", "-",
    ]);
    for i in [3, 10, 11, 12, 13, 14] {
        hourly_only[i].1 = Some("4");
    }
    let mut top_coded = plain([
        "3020", "9.9", "160.01", "332820", "4.0", "80.00", "100.00", "-", "-", "-", "166400",
        "208000", "-", "-", "-",
    ]);
    for i in [7, 8, 9, 12, 13, 14] {
        top_coded[i].1 = Some("5");
    }
    let not_released: Cell = std::array::from_fn(|_| ("-", Some("8")));
    let rows: [(&str, Cell); 9] = [
        ("OEUN0000000000000413091", annual),
        ("OEUN0000000000000272011", hourly_only),
        ("OEUS0600000000000291211", top_coded),
        ("OEUS4800000000000413091", not_released),
        ("OEUN0000000325000413091", annual),
        ("OEUM0010180000000413091", annual),
        ("OEUM0035620000000291211", top_coded),
        ("OEUM0035620000000413091", not_released),
        ("OEUM0035620325000413091", annual),
    ];
    for (key, cell) in rows {
        let mut names = vec!["key".to_owned()];
        let mut values: Vec<Option<String>> = vec![Some(key.to_owned())];
        for (i, (value, footnote)) in cell.iter().enumerate() {
            names.extend([format!("v{:02}", i + 1), format!("f{:02}", i + 1)]);
            values.extend([Some(value.to_string()), footnote.map(str::to_owned)]);
        }
        let placeholders = vec!["?"; values.len()].join(", ");
        db.execute(
            &format!(
                "INSERT INTO cell ({}) VALUES ({placeholders})",
                names.join(", ")
            ),
            rusqlite::params_from_iter(values),
        )
        .expect("insert cell");
    }
}

fn sha256(path: &Path) -> String {
    Sha256::digest(fs::read(path).expect("read"))
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

fn write_manifest(path: &Path, database: &Path, gz: Option<&Path>) {
    let manifest = serde_json::json!({
        "database_sha256": sha256(database),
        "file_sha256": gz.map(sha256),
        "release": { "code": "2025A01", "description": "May 2025", "period": "A01", "year": "2025" },
        "retrieved": "2026-09-26",
        "sources": {
            "oe.area": { "bytes": 10, "sha256": "aa", "url": "https://download.bls.gov/pub/time.series/oe/oe.area", "last_modified": "2026-05-14" },
            "oe.data.0.Current": { "bytes": 20, "sha256": "bb", "url": "https://download.bls.gov/pub/time.series/oe/oe.data.0.Current", "last_modified": "2026-05-15" }
        }
    });
    fs::write(path, manifest.to_string()).expect("write manifest");
}

/// A temp dir holding `oews.sqlite`, `oews.sqlite.gz` and `manifest.json`.
fn fixture() -> (tempfile::TempDir, PathBuf, PathBuf) {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = dir.path().join("oews.sqlite");
    build_database(&db);
    let gz = dir.path().join("oews.sqlite.gz");
    let mut encoder = flate2::write::GzEncoder::new(
        fs::File::create(&gz).expect("gz"),
        flate2::Compression::default(),
    );
    encoder
        .write_all(&fs::read(&db).expect("read db"))
        .expect("compress");
    encoder.finish().expect("finish gz");
    write_manifest(&dir.path().join("manifest.json"), &db, Some(&gz));
    (dir, db, gz)
}

fn read(dir: &Path, file: &str) -> String {
    fs::read_to_string(dir.join(file)).expect("output file")
}

#[test]
fn imports_national_and_state_rows_with_their_footnotes() {
    let (dir, db, _) = fixture();
    let out = dir.path().join("out");
    let summary = import::run(&db, &dir.path().join("manifest.json"), &out).expect("import");
    assert_eq!(
        (
            summary.occupations,
            summary.areas,
            summary.rows,
            summary.metro_areas,
            summary.metro_rows
        ),
        (6, 5, 4, 2, 3),
        "industry rows are left out"
    );

    let wages = read(&out, "wages.csv");
    let lines: Vec<&str> = wages.lines().collect();
    assert_eq!(
        lines.len(),
        5,
        "header and four rows (industry and metro rows left out):\n{wages}"
    );
    assert_eq!(
        lines[1],
        "0000000,27-2011,55000,58.29,not-published,15.00,18.50,29.05,60.10,115.00,not-published,not-published,not-published,not-published,not-published,2.1,3.0,"
    );
    assert_eq!(
        lines[2],
        "0000000,41-3091,1256010,39.63,82430,18.26,22.92,33.65,48.31,71.56,37980,47670,69990,100480,148840,0.5,0.4,"
    );
    assert_eq!(
        lines[3],
        "0600000,29-1211,3020,160.01,332820,80.00,100.00,top-coded,top-coded,top-coded,166400,208000,top-coded,top-coded,top-coded,9.9,4.0,"
    );
    assert!(
        lines[4].starts_with("4800000,41-3091,not-released,not-released,")
            && lines[4].ends_with(",not-released,,,"),
        "{}",
        lines[4]
    );
    assert_eq!(
        read(&out, "areas.csv"),
        "area,name\n0000000,National\n0600000,California\n3400000,New Jersey\n3600000,New York\n4800000,Texas\n"
    );
    assert_eq!(
        read(&out, "metro-areas.csv"),
        "area,name,states\n0010180,\"Abilene, TX\",4800000\n0035620,\"New York-Newark-Jersey City, NY-NJ\",3600000 3400000\n",
        "a metro area belongs to every state its name lists, its own first"
    );
    assert!(
        read(&out, "occupations.csv").contains(
            "41-3091,\"Sales Representatives of Services, Except Advertising\",detailed\n"
        )
    );
    let release = read(&out, "release.toml");
    for line in [
        "release = \"May 2025\"",
        "published = 2026-05-15",
        "top_code_annual = 239200",
        "top_code_hourly_cents = 11500",
        "sha256 = \"bb\"",
        &format!("database_sha256 = \"{}\"", sha256(&db)),
        &format!(
            "metro_wages_sha256 = \"{}\"",
            sha256(&out.join("metro-wages.sqlite"))
        ),
    ] {
        assert!(
            release.contains(line),
            "release.toml lacks {line}:\n{release}"
        );
    }
}

#[test]
fn the_output_loads_and_keeps_every_footnote_as_a_reason() {
    let (dir, db, _) = fixture();
    let out = dir.path().join("out");
    import::run(&db, &dir.path().join("manifest.json"), &out).expect("import");
    let data = WageData::load(&out).expect("imported data loads");
    let soc = |code: &str| SocCode::parse(code).expect("code");
    let actors = data.wages(&soc("27-2011"), 0).expect("actors");
    assert_eq!(
        actors.basis().0,
        Unit::Hourly,
        "hourly-only occupations stay hourly"
    );
    assert_eq!(actors.annual.median, Figure::NotPublished);
    assert_eq!(actors.hourly.p90, Figure::Value(11_500));
    let (california, _) = data.area("california").expect("california");
    let anesthesiologists = data
        .wages(&soc("29-1211"), california)
        .expect("anesthesiologists");
    assert_eq!(anesthesiologists.annual.median, Figure::TopCoded);
    assert_eq!(anesthesiologists.annual.p25, Figure::Value(208_000));
    let (texas, _) = data.area("texas").expect("texas");
    assert_eq!(
        data.wages(&soc("41-3091"), texas).expect("row").employment,
        Figure::NotReleased
    );
    assert!(
        data.wages(&soc("29-1211"), 0).is_none(),
        "no national row was published"
    );
    assert_eq!(data.release().top_code_annual, 239_200);

    let metro = data.metro();
    let (abilene, _) = metro.area("abilene-tx").expect("Abilene");
    let (new_york_area, area) = metro
        .area("new-york-newark-jersey-city-ny-nj")
        .expect("New York");
    let (new_york, _) = data.area("new-york").expect("state");
    let (new_jersey, _) = data.area("new-jersey").expect("state");
    assert_eq!(area.states, [new_york, new_jersey]);
    assert_eq!(metro.in_state(new_jersey).len(), 1);
    assert_eq!(metro.in_state(texas).len(), 1);
    let sales = metro
        .wages(&soc("41-3091"), abilene)
        .expect("read")
        .expect("row");
    assert_eq!(sales.annual.median, Figure::Value(69_990));
    assert_eq!(sales.precision.employment_rse, Some(5));
    let top = metro
        .wages(&soc("29-1211"), new_york_area)
        .expect("read")
        .expect("row");
    assert_eq!(
        top.annual.median,
        Figure::TopCoded,
        "footnote 5 stays a reason"
    );
    assert_eq!(top.annual.p25, Figure::Value(208_000));
    let withheld = metro
        .wages(&soc("41-3091"), new_york_area)
        .expect("read")
        .expect("row");
    assert_eq!(
        withheld.employment,
        Figure::NotReleased,
        "footnote 8 stays a reason"
    );
    assert_eq!(withheld.precision.wage_rse, None);
    assert_eq!(metro.rows(&soc("41-3091")).expect("read").len(), 2);
    assert_eq!(metro.with_median(&soc("41-3091")).expect("read"), [abilene]);
    assert!(
        metro
            .wages(&soc("27-2011"), abilene)
            .expect("read")
            .is_none()
    );
}

#[test]
fn a_changed_metro_database_is_refused_at_load() {
    let (dir, db, _) = fixture();
    let out = dir.path().join("out");
    import::run(&db, &dir.path().join("manifest.json"), &out).expect("import");
    let path = out.join("metro-wages.sqlite");
    let mut bytes = fs::read(&path).expect("read");
    let last = bytes.len() - 1;
    bytes[last] ^= 1;
    fs::write(&path, bytes).expect("write");
    let errors = WageData::load(&out).expect_err("a changed database is refused");
    let text: Vec<String> = errors.iter().map(ToString::to_string).collect();
    assert!(
        text.iter()
            .any(|e| e.contains("metro-wages.sqlite") && e.contains("SHA-256")),
        "{text:?}"
    );
}

#[test]
fn output_is_deterministic_and_gz_input_gives_the_same_bytes() {
    let (dir, db, gz) = fixture();
    let manifest = dir.path().join("manifest.json");
    let (first, second, from_gz) = (
        dir.path().join("a"),
        dir.path().join("b"),
        dir.path().join("c"),
    );
    import::run(&db, &manifest, &first).expect("first import");
    import::run(&db, &manifest, &second).expect("second import");
    import::run(&gz, &manifest, &from_gz).expect("gz import");
    for file in [
        "release.toml",
        "areas.csv",
        "occupations.csv",
        "wages.csv",
        "metro-areas.csv",
        "metro-wages.sqlite",
    ] {
        let bytes = fs::read(first.join(file)).expect("read");
        assert_eq!(
            bytes,
            fs::read(second.join(file)).expect("read"),
            "{file} differs between runs"
        );
        assert_eq!(
            bytes,
            fs::read(from_gz.join(file)).expect("read"),
            "{file} differs for .gz input"
        );
    }
}

#[test]
fn files_that_are_not_oews_databases_are_refused_clearly() {
    let (dir, _, _) = fixture();
    let manifest = dir.path().join("manifest.json");
    let out = dir.path().join("out");

    let text = dir.path().join("notes.txt");
    fs::write(&text, "this is not a database").expect("write");
    let error = import::run(&text, &manifest, &out).expect_err("a text file is refused");
    assert!(matches!(error, ImportError::NotOews { .. }), "{error}");
    assert!(
        error
            .to_string()
            .contains("is not an OEWS database: it is not a SQLite database"),
        "{error}"
    );

    let other = dir.path().join("other.sqlite");
    Connection::open(&other)
        .expect("db")
        .execute_batch("CREATE TABLE t (x);")
        .expect("table");
    let error = import::run(&other, &manifest, &out).expect_err("another database is refused");
    assert!(
        error
            .to_string()
            .contains("is not an OEWS database: it has no `cell` table"),
        "{error}"
    );

    let gz = dir.path().join("broken.sqlite.gz");
    fs::write(&gz, "not gzip").expect("write");
    let error = import::run(&gz, &manifest, &out).expect_err("a broken .gz is refused");
    assert!(error.to_string().contains("cannot be unpacked"), "{error}");
    assert!(
        !out.exists(),
        "nothing is written when the input is refused"
    );
}

#[test]
fn a_database_that_does_not_match_its_manifest_is_refused() {
    let (dir, db, _) = fixture();
    let manifest = dir.path().join("manifest.json");
    let text = fs::read_to_string(&manifest)
        .expect("read")
        .replace(&sha256(&db), "0000");
    fs::write(&manifest, text).expect("write");
    let error =
        import::run(&db, &manifest, &dir.path().join("out")).expect_err("checksum mismatch");
    assert!(matches!(error, ImportError::Manifest { .. }), "{error}");
    assert!(
        error.to_string().contains("but the manifest lists 0000"),
        "{error}"
    );
}

#[test]
fn the_command_line_imports_and_reports_failures() {
    let (dir, _, gz) = fixture();
    let out = dir.path().join("cli-out");
    let output = Command::new(env!("CARGO_BIN_EXE_rolebook"))
        .arg("import-oews")
        .arg(&gz)
        .arg("--out")
        .arg(&out)
        .output()
        .expect("run");
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(
        String::from_utf8_lossy(&output.stdout)
            .contains("5 areas, 4 wage rows, 2 metro areas, 3 metro wage rows")
    );
    let output = Command::new(env!("CARGO_BIN_EXE_rolebook"))
        .args(["import-oews", "/nonexistent/oews.sqlite", "--out"])
        .arg(&out)
        .output()
        .expect("run");
    assert_eq!(output.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&output.stderr).contains("/nonexistent/oews.sqlite"));
}
