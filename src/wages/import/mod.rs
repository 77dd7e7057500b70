//! `rolebook import-oews`: turns the BLS OEWS SQLite database into the compact,
//! deterministic files the site ships in `content/data/oews/`.

use std::collections::BTreeMap;
use std::fs::{self, File};
use std::io::{self, BufReader, Read, Write};
use std::path::{Path, PathBuf};

use serde::Deserialize;
use sha2::{Digest, Sha256};

use super::load::wage_header;
use super::{
    AREAS_FILE, METRO_AREAS_FILE, METRO_WAGES_FILE, OCCUPATIONS_FILE, RELEASE_FILE, ReleaseFile,
    SourceFile, WAGES_FILE,
};

mod metro_db;
mod source;

use source::{
    WageRow, areas, check_release, metro_areas, occupations, open_oews, query, top_codes, wage_rows,
};

/// Why an import failed.
#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    /// A file could not be read or written.
    #[error("{path}: {source}")]
    Io {
        /// The file.
        path: PathBuf,
        /// Why.
        source: io::Error,
    },
    /// The input is not the OEWS database this importer reads.
    #[error("{path} is not an OEWS database: {reason}")]
    NotOews {
        /// The input.
        path: PathBuf,
        /// What is wrong with it.
        reason: String,
    },
    /// The manifest is missing, unreadable or disagrees with the input.
    #[error("{path}: {reason}")]
    Manifest {
        /// The manifest.
        path: PathBuf,
        /// What is wrong.
        reason: String,
    },
}

/// What an import wrote.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Summary {
    /// Occupations at every level.
    pub occupations: usize,
    /// Areas: the nation and the states.
    pub areas: usize,
    /// Rows in `wages.csv`.
    pub rows: usize,
    /// Metropolitan and nonmetropolitan areas.
    pub metro_areas: usize,
    /// Rows in the metro database.
    pub metro_rows: usize,
    /// Bytes written, all files.
    pub bytes: u64,
}

#[derive(Deserialize)]
struct Manifest {
    database_sha256: String,
    file_sha256: Option<String>,
    release: ManifestRelease,
    retrieved: String,
    sources: BTreeMap<String, ManifestSource>,
}

#[derive(Deserialize)]
struct ManifestRelease {
    code: String,
    description: String,
}

#[derive(Deserialize)]
struct ManifestSource {
    bytes: u64,
    sha256: String,
    url: String,
    last_modified: String,
}

/// A manifest date such as "2026-05-15".
fn date(manifest: &Path, field: &str, text: &str) -> Result<toml::value::Datetime, ImportError> {
    match text.parse::<toml::value::Datetime>() {
        Ok(date) if date.date.is_some() && date.time.is_none() => Ok(date),
        _ => Err(manifest_error(
            manifest,
            format!("`{field}` is \"{text}\", not a date"),
        )),
    }
}

/// Imports `input` (a `.sqlite` file, or `.gz` of one) checked against `manifest`
/// (BLS's `manifest.json`), writing the six data files into `out`.
pub fn run(input: &Path, manifest_file: &Path, out: &Path) -> Result<Summary, ImportError> {
    let gzipped = input.extension().is_some_and(|ext| ext == "gz");
    let unpacked = tempfile::NamedTempFile::new()
        .map_err(|source| io_error(Path::new("temporary file"), source))?;
    let (file_sha256, database_sha256) = if gzipped {
        let file_sha = sha256(&mut open(input)?, input)?;
        let mut decoder = flate2::read::GzDecoder::new(BufReader::new(open(input)?));
        let mut tee = HashingWriter::new(unpacked.as_file());
        io::copy(&mut decoder, &mut tee)
            .map_err(|e| not_oews(input, format!("it cannot be unpacked ({e})")))?;
        (Some(file_sha), tee.finish())
    } else {
        (None, sha256(&mut open(input)?, input)?)
    };
    let db_path = if gzipped { unpacked.path() } else { input };
    let db = open_oews(db_path, input)?;
    let manifest = read_manifest(manifest_file, file_sha256.as_deref(), &database_sha256)?;
    let (release_name, release_code) = check_release(&db, input, &manifest)?;

    let (top_code_annual, top_code_hourly_cents) = top_codes(&db, input)?;
    let occupations = occupations(&db, input)?;
    let areas = areas(&db, input)?;
    let rows = wage_rows(&db, input, &occupations, &['N', 'S'])?;
    let metro_areas = metro_areas(&db, input)?;
    let metro_rows = wage_rows(&db, input, &occupations, &['M'])?;
    let footnotes = query(
        &db,
        input,
        "SELECT footnote_code, footnote_text FROM footnote ORDER BY 1",
        |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)),
    )?;
    let mut sources = Vec::new();
    for (name, s) in manifest.sources {
        let last_modified = date(manifest_file, "last_modified", &s.last_modified)?;
        sources.push(SourceFile {
            name,
            url: s.url,
            bytes: s.bytes,
            sha256: s.sha256,
            last_modified,
        });
    }
    // BLS publishes a release's files together; the newest of them dates the release.
    let published = sources
        .iter()
        .map(|s| s.last_modified)
        .max_by_key(|d| d.to_string());
    fs::create_dir_all(out).map_err(|source| io_error(out, source))?;
    let metro_path = out.join(METRO_WAGES_FILE);
    metro_db::write(&metro_path, &metro_rows, &release_code)?;
    let metro_wages_sha256 = sha256(&mut open(&metro_path)?, &metro_path)?;
    let release = ReleaseFile {
        publisher: "U.S. Bureau of Labor Statistics".into(),
        survey: "Occupational Employment and Wage Statistics".into(),
        release: release_name,
        release_code,
        published: published
            .ok_or_else(|| manifest_error(manifest_file, "it lists no source files"))?,
        retrieved: date(manifest_file, "retrieved", &manifest.retrieved)?,
        top_code_annual,
        top_code_hourly_cents,
        database_sha256,
        metro_wages_sha256,
        footnotes: footnotes.into_iter().collect(),
        sources,
    };

    let release_toml = toml::to_string(&release).map_err(|e| not_oews(input, e.to_string()))?;
    let header = "# Written by `rolebook import-oews` from the BLS OEWS database; do not edit.\n\n";
    let mut bytes = write(
        &out.join(RELEASE_FILE),
        format!("{header}{release_toml}").as_bytes(),
    )?;
    bytes += write(
        &out.join(OCCUPATIONS_FILE),
        &csv_bytes(&["soc", "title", "level"], &occupations),
    )?;
    bytes += write(&out.join(AREAS_FILE), &csv_bytes(&["area", "name"], &areas))?;
    bytes += write(
        &out.join(METRO_AREAS_FILE),
        &csv_bytes(&["area", "name", "states"], &metro_areas),
    )?;
    let records: Vec<Vec<String>> = rows.iter().map(csv_record).collect();
    bytes += write(&out.join(WAGES_FILE), &csv_bytes(&wage_header(), &records))?;
    bytes += fs::metadata(&metro_path)
        .map_err(|source| io_error(&metro_path, source))?
        .len();
    Ok(Summary {
        occupations: occupations.len(),
        areas: areas.len(),
        rows: rows.len(),
        metro_areas: metro_areas.len(),
        metro_rows: metro_rows.len(),
        bytes,
    })
}

/// A row of `wages.csv`.
fn csv_record(row: &WageRow) -> Vec<String> {
    let figures = row
        .figures
        .iter()
        .zip(super::COLUMNS)
        .map(|(figure, (_, unit))| figure.to_csv(unit));
    [row.area.clone(), row.soc.to_string()]
        .into_iter()
        .chain(figures)
        .chain(row.precision.to_csv())
        .collect()
}

/// `manifest.json` beside the input, BLS's usual layout.
pub fn manifest_path(input: &Path) -> PathBuf {
    input.with_file_name("manifest.json")
}

fn io_error(path: &Path, source: io::Error) -> ImportError {
    ImportError::Io {
        path: path.to_path_buf(),
        source,
    }
}

fn not_oews(path: &Path, reason: impl Into<String>) -> ImportError {
    ImportError::NotOews {
        path: path.to_path_buf(),
        reason: reason.into(),
    }
}

fn manifest_error(path: &Path, reason: impl Into<String>) -> ImportError {
    ImportError::Manifest {
        path: path.to_path_buf(),
        reason: reason.into(),
    }
}

fn open(path: &Path) -> Result<File, ImportError> {
    File::open(path).map_err(|source| io_error(path, source))
}

/// Writes through to a file while hashing what passes.
struct HashingWriter<W> {
    inner: W,
    hasher: Sha256,
}

impl<W: Write> HashingWriter<W> {
    fn new(inner: W) -> Self {
        Self {
            inner,
            hasher: Sha256::new(),
        }
    }

    fn finish(self) -> String {
        hex(&self.hasher.finalize())
    }
}

impl<W: Write> Write for HashingWriter<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let written = self.inner.write(buf)?;
        self.hasher.update(&buf[..written]);
        Ok(written)
    }

    fn flush(&mut self) -> io::Result<()> {
        self.inner.flush()
    }
}

fn sha256(reader: &mut impl Read, path: &Path) -> Result<String, ImportError> {
    let mut writer = HashingWriter::new(io::sink());
    io::copy(reader, &mut writer).map_err(|source| io_error(path, source))?;
    Ok(writer.finish())
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// Reads `manifest.json` and checks that the input is the database it describes.
fn read_manifest(
    path: &Path,
    file_sha256: Option<&str>,
    database_sha256: &str,
) -> Result<Manifest, ImportError> {
    let text = fs::read_to_string(path)
        .map_err(|e| manifest_error(path, format!("cannot read it ({e})")))?;
    let manifest: Manifest = serde_json::from_str(&text)
        .map_err(|e| manifest_error(path, format!("not a manifest ({e})")))?;
    if let (Some(actual), Some(listed)) = (file_sha256, &manifest.file_sha256)
        && actual != listed
    {
        return Err(manifest_error(
            path,
            format!("the .gz file's SHA-256 is {actual}, but the manifest lists {listed}"),
        ));
    }
    if database_sha256 != manifest.database_sha256 {
        let listed = &manifest.database_sha256;
        return Err(manifest_error(
            path,
            format!("the database's SHA-256 is {database_sha256}, but the manifest lists {listed}"),
        ));
    }
    if manifest.sources.is_empty() {
        return Err(manifest_error(path, "it lists no source files"));
    }
    Ok(manifest)
}

fn csv_bytes(header: &[&str], rows: &[Vec<String>]) -> Vec<u8> {
    let mut writer = csv::WriterBuilder::new()
        .terminator(csv::Terminator::Any(b'\n'))
        .from_writer(Vec::new());
    // Writing to memory cannot fail; a failure would be a bug in csv, surfaced by the tests.
    let records = std::iter::once(header.iter().map(|s| s.to_string()).collect::<Vec<_>>())
        .chain(rows.iter().cloned());
    for record in records {
        if writer.write_record(&record).is_err() {
            break;
        }
    }
    writer.into_inner().unwrap_or_default()
}

/// Writes `bytes` to `path` through a temporary file, so a failed import leaves the old file.
fn write(path: &Path, bytes: &[u8]) -> Result<u64, ImportError> {
    let temporary = path.with_extension("tmp");
    fs::write(&temporary, bytes).map_err(|source| io_error(&temporary, source))?;
    fs::rename(&temporary, path).map_err(|source| io_error(path, source))?;
    Ok(bytes.len() as u64)
}
