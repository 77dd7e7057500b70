//! The writable SQLite database in the data directory: opened at start-up in WAL mode,
//! with the schema migrations below applied in order. Writes go through one
//! [`Writer`] thread that commits them in batches.

mod writer;

pub use writer::{WriteError, Writer};

use std::path::Path;

use rusqlite::Connection;

/// The database file inside the data directory.
pub const FILE_NAME: &str = "rolebook.sqlite3";

/// Schema changes, in order; `PRAGMA user_version` records how many are applied.
/// Never edit one that has shipped: add a new one.
const MIGRATIONS: &[&str] = &["CREATE TABLE drafts (
        id TEXT PRIMARY KEY,
        edit_key_sha256 TEXT NOT NULL,
        posting TEXT NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
    ) STRICT;"];

/// Why the database could not be opened.
#[derive(Debug, thiserror::Error)]
pub enum DbError {
    /// SQLite refused.
    #[error("{0}")]
    Sqlite(#[from] rusqlite::Error),
    /// The writer thread could not be started.
    #[error("cannot start the database writer: {0}")]
    Thread(std::io::Error),
    /// The file was written by a newer Rolebook.
    #[error("the database has schema version {found}, newer than this program's {known}")]
    TooNew {
        /// The file's version.
        found: usize,
        /// Ours.
        known: usize,
    },
}

/// Opens (creating if needed) the database in `data_dir` and brings its schema up to date.
pub fn open(data_dir: &Path) -> Result<Connection, DbError> {
    let mut conn = Connection::open(data_dir.join(FILE_NAME))?;
    conn.pragma_update_and_check(None, "journal_mode", "WAL", |row| row.get::<_, String>(0))?;
    // FULL: a draft that was answered with 303 survives a crash of the machine, not only of the process.
    conn.pragma_update(None, "synchronous", "FULL")?;
    conn.pragma_update(None, "foreign_keys", "ON")?;
    conn.busy_timeout(std::time::Duration::from_secs(5))?;
    migrate(&mut conn)?;
    Ok(conn)
}

fn migrate(conn: &mut Connection) -> Result<(), DbError> {
    let version: i64 = conn.pragma_query_value(None, "user_version", |row| row.get(0))?;
    let version = usize::try_from(version).unwrap_or(usize::MAX);
    if version > MIGRATIONS.len() {
        return Err(DbError::TooNew {
            found: version,
            known: MIGRATIONS.len(),
        });
    }
    for (index, sql) in MIGRATIONS.iter().enumerate().skip(version) {
        let tx = conn.transaction()?;
        tx.execute_batch(sql)?;
        tx.pragma_update(None, "user_version", index as i64 + 1)?;
        tx.commit()?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn opens_in_wal_mode_with_the_schema_applied_once() {
        let dir = tempfile::tempdir().expect("temp dir");
        let conn = open(dir.path()).expect("open");
        let mode: String = conn
            .pragma_query_value(None, "journal_mode", |r| r.get(0))
            .expect("mode");
        assert_eq!(mode, "wal");
        let version: i64 = conn
            .pragma_query_value(None, "user_version", |r| r.get(0))
            .expect("version");
        assert_eq!(version, MIGRATIONS.len() as i64);
        drop(conn);
        let again = open(dir.path()).expect("reopen applies nothing twice");
        let tables: i64 = again
            .query_row(
                "SELECT count(*) FROM sqlite_master WHERE name = 'drafts'",
                [],
                |r| r.get(0),
            )
            .expect("count");
        assert_eq!(tables, 1);
    }

    #[test]
    fn a_newer_schema_is_refused() {
        let dir = tempfile::tempdir().expect("temp dir");
        let conn = open(dir.path()).expect("open");
        conn.pragma_update(None, "user_version", 99).expect("bump");
        drop(conn);
        assert!(matches!(
            open(dir.path()),
            Err(DbError::TooNew { found: 99, .. })
        ));
    }
}
