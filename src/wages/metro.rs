//! Metropolitan and nonmetropolitan areas: their names and states, held in memory, and
//! their wages, read on demand from a read-only SQLite database that `import-oews`
//! writes, so the 198,000 area cells never all sit in memory.

use std::collections::HashMap;
use std::io::Read;
use std::path::Path;
use std::sync::{Mutex, PoisonError};

use rusqlite::{Connection, OpenFlags, Row};
use sha2::{Digest, Sha256};

use super::{COLUMNS, Figure, PRECISION_COLUMNS, Precision, SocCode, Wages};

/// A metropolitan or nonmetropolitan area, as BLS defines it for OEWS.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MetroArea {
    /// BLS area code, `0019740` for Denver.
    pub code: String,
    /// BLS's name: "Denver-Aurora-Centennial, CO".
    pub name: String,
    /// URL form of the name, `denver-aurora-centennial-co`.
    pub slug: String,
    /// Indices into [`super::WageData::areas`] of the states it spans, the one BLS files
    /// it under first.
    pub states: Vec<usize>,
}

/// A fault reading the metro database after it was checked at start-up.
#[derive(Debug, thiserror::Error)]
pub enum MetroError {
    /// SQLite failed.
    #[error("the metro wage database: {0}")]
    Sqlite(#[from] rusqlite::Error),
    /// A cell holds a value no figure has.
    #[error("the metro wage database holds {value} for {soc} in area {area}, which is no figure")]
    Corrupt {
        /// The occupation.
        soc: String,
        /// The area code.
        area: i64,
        /// The value.
        value: i64,
    },
}

/// Connections kept open for readers; more readers wait for one.
const CONNECTIONS: usize = 4;
/// SQLite's page cache per connection, in KiB: enough for an occupation's rows.
const CACHE_KIB: u32 = 512;

/// The metro areas and a way to read their wages.
#[derive(Debug)]
pub struct MetroWages {
    areas: Vec<MetroArea>,
    by_code: HashMap<i64, usize>,
    by_slug: HashMap<String, usize>,
    connections: Vec<Mutex<Connection>>,
}

impl MetroWages {
    /// Opens `database` after checking its SHA-256 is `sha256`, for `areas`.
    pub fn open(areas: Vec<MetroArea>, database: &Path, sha256: &str) -> Result<Self, String> {
        let actual = file_sha256(database).map_err(|e| format!("cannot read the file: {e}"))?;
        if actual != sha256 {
            return Err(format!(
                "its SHA-256 is {actual}, but release.toml lists {sha256}: run `rolebook import-oews` again"
            ));
        }
        let mut connections = Vec::with_capacity(CONNECTIONS);
        for _ in 0..CONNECTIONS {
            let connection = Connection::open_with_flags(
                database,
                OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
            )
            .and_then(|c| {
                c.pragma_update(None, "cache_size", -i64::from(CACHE_KIB))?;
                Ok(c)
            })
            .map_err(|e| format!("cannot open it as SQLite: {e}"))?;
            connections.push(Mutex::new(connection));
        }
        let by_code = areas
            .iter()
            .enumerate()
            .filter_map(|(i, a)| Some((a.code.parse().ok()?, i)))
            .collect();
        let by_slug = areas
            .iter()
            .enumerate()
            .map(|(i, a)| (a.slug.clone(), i))
            .collect();
        let metro = Self {
            areas,
            by_code,
            by_slug,
            connections,
        };
        metro
            .with_connection(|c| {
                Ok(
                    c.prepare(&format!("SELECT {} FROM wages LIMIT 0", select_list()))?
                        .column_count(),
                )
            })
            .map_err(|e| format!("it is not a metro wage database: {e}"))?;
        Ok(metro)
    }

    /// Every area, in code order.
    pub fn areas(&self) -> &[MetroArea] {
        &self.areas
    }

    /// The area with this slug, and its index in [`MetroWages::areas`].
    pub fn area(&self, slug: &str) -> Option<(usize, &MetroArea)> {
        let index = *self.by_slug.get(slug)?;
        Some((index, &self.areas[index]))
    }

    /// The areas of the state at `state` (an index into [`super::WageData::areas`]),
    /// by name, with their indices.
    pub fn in_state(&self, state: usize) -> Vec<(usize, &MetroArea)> {
        let mut areas: Vec<(usize, &MetroArea)> = self
            .areas
            .iter()
            .enumerate()
            .filter(|(_, a)| a.states.contains(&state))
            .collect();
        areas.sort_by(|a, b| a.1.name.cmp(&b.1.name));
        areas
    }

    /// The estimates for `soc` in the area at `area`, if BLS published any.
    pub fn wages(&self, soc: &SocCode, area: usize) -> Result<Option<Wages>, MetroError> {
        let Some(code) = self
            .areas
            .get(area)
            .and_then(|a| a.code.parse::<i64>().ok())
        else {
            return Ok(None);
        };
        let sql = format!(
            "SELECT {} FROM wages WHERE soc = ?1 AND area = ?2",
            select_list()
        );
        let rows = self.query(&sql, (soc_number(soc), code), soc)?;
        Ok(rows.into_iter().next().map(|(_, wages)| wages))
    }

    /// Every area with estimates for `soc`: its index and its wages, in code order.
    pub fn rows(&self, soc: &SocCode) -> Result<Vec<(usize, Wages)>, MetroError> {
        let sql = format!("SELECT {} FROM wages WHERE soc = ?1", select_list());
        self.query(&sql, [soc_number(soc)], soc)
    }

    /// The areas where BLS published a median for `soc` (exact or top-coded, on the
    /// occupation's usual basis).
    pub fn with_median(&self, soc: &SocCode) -> Result<Vec<usize>, MetroError> {
        Ok(self
            .rows(soc)?
            .into_iter()
            .filter(|(_, wages)| {
                let (_, percentiles) = wages.basis();
                matches!(percentiles.median, Figure::Value(_) | Figure::TopCoded)
            })
            .map(|(area, _)| area)
            .collect())
    }

    fn query(
        &self,
        sql: &str,
        params: impl rusqlite::Params,
        soc: &SocCode,
    ) -> Result<Vec<(usize, Wages)>, MetroError> {
        self.with_connection(|connection| {
            let mut statement = connection.prepare_cached(sql)?;
            let mut rows = statement.query(params)?;
            let mut found = Vec::new();
            while let Some(row) = rows.next()? {
                let code: i64 = row.get(0)?;
                // An area the database has but the area list lacks cannot be linked to.
                if let Some(&index) = self.by_code.get(&code) {
                    found.push((index, read_wages(row, soc, code)?));
                }
            }
            Ok(found)
        })
    }

    fn with_connection<T>(
        &self,
        read: impl FnOnce(&Connection) -> Result<T, MetroError>,
    ) -> Result<T, MetroError> {
        for connection in &self.connections {
            if let Ok(connection) = connection.try_lock() {
                return read(&connection);
            }
        }
        let connection = self.connections[0]
            .lock()
            .unwrap_or_else(PoisonError::into_inner);
        read(&connection)
    }
}

/// The SHA-256 of a file, hex, read in blocks.
fn file_sha256(path: &Path) -> std::io::Result<String> {
    let mut file = std::fs::File::open(path)?;
    let mut hasher = Sha256::new();
    let mut buffer = vec![0; 64 * 1024];
    loop {
        let read = file.read(&mut buffer)?;
        if read == 0 {
            break;
        }
        hasher.update(&buffer[..read]);
    }
    Ok(hasher
        .finalize()
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect())
}

/// `472111` for 47-2111: how the database keys occupations.
fn soc_number(soc: &SocCode) -> i64 {
    soc.as_str().replace('-', "").parse().unwrap_or_default()
}

/// `area` and every figure column, in the order [`read_wages`] reads them.
fn select_list() -> String {
    std::iter::once("area")
        .chain(COLUMNS.iter().map(|(name, _)| *name))
        .chain(PRECISION_COLUMNS)
        .collect::<Vec<_>>()
        .join(", ")
}

fn read_wages(row: &Row<'_>, soc: &SocCode, area: i64) -> Result<Wages, MetroError> {
    let corrupt = |value| MetroError::Corrupt {
        soc: soc.to_string(),
        area,
        value,
    };
    let mut figures = [Figure::NotReleased; 13];
    for (i, figure) in figures.iter_mut().enumerate() {
        let code: i64 = row.get(i + 1)?;
        *figure = Figure::from_code(code).ok_or_else(|| corrupt(code))?;
    }
    let mut extra = [None; 3];
    for (i, value) in extra.iter_mut().enumerate() {
        let number: Option<i64> = row.get(i + 14)?;
        *value = match number {
            None => None,
            Some(n) => Some(u16::try_from(n).map_err(|_| corrupt(n))?),
        };
    }
    let mut wages = Wages::from_row(figures);
    wages.precision = Precision {
        employment_rse: extra[0],
        wage_rse: extra[1],
        location_quotient: extra[2],
    };
    Ok(wages)
}
