//! The SQLite engine: one file in the data directory, opened in WAL mode with
//! `synchronous=FULL`. Reads go through one connection; writes through the [`Writer`]
//! thread, which commits them in batches.

use std::path::Path;
use std::sync::{Mutex, MutexGuard};

use rusqlite::{Connection, OptionalExtension, params};
use time::OffsetDateTime;
use time::format_description::well_known::Rfc3339;

use super::writer::{WriteError, Writer};
use super::{DbError, DraftStore, StoredDraft, Update};
/// The database file inside the data directory.
pub const FILE_NAME: &str = "rolebook.sqlite3";
/// `PRAGMA application_id` of our databases ("Rolb"), so another program's is not taken for ours.
const APPLICATION_ID: i64 = 0x526F_6C62;
/// The columns of `drafts` the code reads and writes, in order.
const DRAFT_COLUMNS: [&str; 5] = [
    "id",
    "edit_key_sha256",
    "posting",
    "created_at",
    "updated_at",
];

/// Schema changes, in order; `PRAGMA user_version` records how many are applied.
/// Never edit one that has shipped: add a new one.
const MIGRATIONS: &[&str] = &[
    "CREATE TABLE drafts (
        id TEXT PRIMARY KEY,
        edit_key_sha256 TEXT NOT NULL,
        posting TEXT NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
    ) STRICT;",
    "CREATE TABLE secrets (name TEXT PRIMARY KEY, value BLOB NOT NULL) STRICT;",
];

impl From<rusqlite::Error> for DbError {
    fn from(error: rusqlite::Error) -> Self {
        DbError::Engine {
            engine: "SQLite",
            detail: error.to_string(),
        }
    }
}

impl From<WriteError> for DbError {
    fn from(error: WriteError) -> Self {
        match error {
            WriteError::Sqlite(error) => error.into(),
            WriteError::Commit(detail) => DbError::Engine {
                engine: "SQLite",
                detail: format!("commit failed: {detail}"),
            },
            WriteError::Stopped => DbError::Writer("it has stopped".into()),
        }
    }
}

/// Opens (creating if needed) the database in `data_dir`, checks it is ours and whole,
/// brings its schema up to date and makes the file readable by its owner only.
pub(super) fn connect(data_dir: &Path) -> Result<Connection, DbError> {
    let path = data_dir.join(FILE_NAME);
    let shown = path.display().to_string();
    let damaged = |detail: String| DbError::Damaged {
        path: shown.clone(),
        detail,
    };
    let mut conn = Connection::open(&path)?;
    let check: String = conn
        .pragma_query_value(None, "quick_check", |row| row.get(0))
        .map_err(|e| damaged(e.to_string()))?;
    if check != "ok" {
        return Err(damaged(check));
    }
    claim(&conn, &shown)?;
    conn.pragma_update_and_check(None, "journal_mode", "WAL", |row| row.get::<_, String>(0))?;
    // FULL: a draft that was answered with 303 survives a crash of the machine, not only of the process.
    conn.pragma_update(None, "synchronous", "FULL")?;
    conn.pragma_update(None, "foreign_keys", "ON")?;
    conn.busy_timeout(std::time::Duration::from_secs(5))?;
    migrate(&mut conn)?;
    let columns: Vec<String> = conn
        .prepare("SELECT name FROM pragma_table_info('drafts') ORDER BY cid")?
        .query_map([], |row| row.get(0))?
        .collect::<Result<_, _>>()?;
    if columns != DRAFT_COLUMNS {
        return Err(DbError::Foreign {
            path: shown,
            detail: format!("its drafts table has the columns {columns:?}"),
        });
    }
    owner_only(&path);
    Ok(conn)
}

/// Marks a new or older Rolebook database as ours; refuses another program's.
fn claim(conn: &Connection, shown: &str) -> Result<(), DbError> {
    let id: i64 = conn.pragma_query_value(None, "application_id", |row| row.get(0))?;
    if id == APPLICATION_ID {
        return Ok(());
    }
    let tables: Vec<String> = conn
        .prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")?
        .query_map([], |row| row.get(0))?
        .collect::<Result<_, _>>()?;
    let ours_or_empty =
        tables.is_empty() || tables == ["drafts"] || tables == ["drafts", "secrets"];
    if id != 0 || !ours_or_empty {
        return Err(DbError::Foreign {
            path: shown.to_owned(),
            detail: format!("application id {id:#x}, tables {tables:?}"),
        });
    }
    conn.pragma_update(None, "application_id", APPLICATION_ID)?;
    Ok(())
}

/// The database and its journal files, readable and writable by their owner only.
fn owner_only(path: &Path) {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        for suffix in ["", "-wal", "-shm"] {
            let mut file = path.as_os_str().to_owned();
            file.push(suffix);
            // A journal file that does not exist yet is created with the same mode as the database.
            let _ = std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o600));
        }
    }
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

/// Drafts and secrets in the SQLite file: read through one connection, written
/// through the [`Writer`].
pub struct SqliteStore {
    reader: Mutex<Connection>,
    writer: Writer,
}

fn timestamp(at: OffsetDateTime) -> String {
    at.format(&Rfc3339).unwrap_or_default()
}

impl SqliteStore {
    /// Opens (creating if needed) the database in `data_dir`.
    pub fn open(data_dir: &Path) -> Result<Self, DbError> {
        let writer =
            Writer::start(connect(data_dir)?).map_err(|e| DbError::Writer(e.to_string()))?;
        Ok(Self {
            reader: Mutex::new(connect(data_dir)?),
            writer,
        })
    }

    fn reader(&self) -> MutexGuard<'_, Connection> {
        // A panic while holding the lock cannot leave SQLite half-written; carry on.
        self.reader
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}

impl DraftStore for SqliteStore {
    fn engine(&self) -> &'static str {
        "SQLite"
    }

    fn insert(
        &self,
        id: &str,
        key_sha256: &str,
        posting: &str,
        now: OffsetDateTime,
    ) -> Result<(), DbError> {
        let row = (
            id.to_owned(),
            key_sha256.to_owned(),
            posting.to_owned(),
            timestamp(now),
        );
        self.writer.write(move |conn| {
            conn.execute(
                "INSERT INTO drafts (id, edit_key_sha256, posting, created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?4)",
                params![row.0, row.1, row.2, row.3],
            )
        })?;
        Ok(())
    }

    fn get(&self, id: &str) -> Result<Option<StoredDraft>, DbError> {
        let row: Option<(String, String, String)> = self
            .reader()
            .query_row(
                "SELECT posting, edit_key_sha256, updated_at FROM drafts WHERE id = ?1",
                [id],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
            )
            .optional()?;
        Ok(row.map(|(posting, key_sha256, updated)| StoredDraft {
            posting,
            key_sha256,
            updated: OffsetDateTime::parse(&updated, &Rfc3339)
                .unwrap_or(OffsetDateTime::UNIX_EPOCH),
        }))
    }

    fn update(
        &self,
        id: &str,
        key_sha256: &str,
        posting: &str,
        now: OffsetDateTime,
    ) -> Result<Update, DbError> {
        let row = (
            id.to_owned(),
            key_sha256.to_owned(),
            posting.to_owned(),
            timestamp(now),
        );
        Ok(self.writer.write(move |conn| {
            let stored: Option<String> = conn
                .query_row(
                    "SELECT edit_key_sha256 FROM drafts WHERE id = ?1",
                    [&row.0],
                    |r| r.get(0),
                )
                .optional()?;
            match stored {
                None => Ok(Update::NotFound),
                Some(stored) if !crate::random::same(&stored, &row.1) => Ok(Update::WrongKey),
                Some(_) => {
                    conn.execute(
                        "UPDATE drafts SET posting = ?2, updated_at = ?3 WHERE id = ?1",
                        params![row.0, row.2, row.3],
                    )?;
                    Ok(Update::Saved)
                }
            }
        })?)
    }

    fn delete_older_than(&self, cutoff: OffsetDateTime) -> Result<usize, DbError> {
        let cutoff = timestamp(cutoff);
        Ok(self.writer.write(move |conn| {
            conn.execute("DELETE FROM drafts WHERE updated_at < ?1", [cutoff])
        })?)
    }

    fn secret(&self, name: &str, fresh: &[u8]) -> Result<Vec<u8>, DbError> {
        let (name, fresh) = (name.to_owned(), fresh.to_vec());
        Ok(self.writer.write(move |conn| {
            conn.execute(
                "INSERT INTO secrets (name, value) VALUES (?1, ?2) ON CONFLICT (name) DO NOTHING",
                params![name, fresh],
            )?;
            conn.query_row("SELECT value FROM secrets WHERE name = ?1", [&name], |r| {
                r.get(0)
            })
        })?)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn opens_in_wal_mode_with_the_schema_applied_once() {
        let dir = tempfile::tempdir().expect("temp dir");
        let conn = connect(dir.path()).expect("open");
        let mode: String = conn
            .pragma_query_value(None, "journal_mode", |r| r.get(0))
            .expect("mode");
        assert_eq!(mode, "wal");
        let synchronous: i64 = conn
            .pragma_query_value(None, "synchronous", |r| r.get(0))
            .expect("synchronous");
        assert_eq!(
            synchronous, 2,
            "FULL: every commit is on disk before its 303"
        );
        let version: i64 = conn
            .pragma_query_value(None, "user_version", |r| r.get(0))
            .expect("version");
        assert_eq!(version, MIGRATIONS.len() as i64);
        drop(conn);
        let again = connect(dir.path()).expect("reopen applies nothing twice");
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
        let conn = connect(dir.path()).expect("open");
        conn.pragma_update(None, "user_version", 99).expect("bump");
        drop(conn);
        assert!(matches!(
            connect(dir.path()),
            Err(DbError::TooNew { found: 99, .. })
        ));
    }

    #[test]
    fn a_damaged_or_foreign_file_is_refused_with_a_clear_reason() {
        let dir = tempfile::tempdir().expect("temp dir");
        std::fs::write(
            dir.path().join(FILE_NAME),
            b"this is not a database at all, just some text padding it out",
        )
        .expect("write");
        let error = connect(dir.path()).expect_err("not a database");
        assert!(matches!(error, DbError::Damaged { .. }), "{error}");
        assert!(error.to_string().contains("is damaged"), "{error}");

        let dir = tempfile::tempdir().expect("temp dir");
        let other = Connection::open(dir.path().join(FILE_NAME)).expect("create");
        other
            .execute_batch("CREATE TABLE invoices (id INTEGER);")
            .expect("other schema");
        drop(other);
        let error = connect(dir.path()).expect_err("someone else's");
        assert!(matches!(error, DbError::Foreign { .. }), "{error}");
        assert!(
            error.to_string().contains("not a Rolebook database"),
            "{error}"
        );
    }

    #[cfg(unix)]
    #[test]
    fn the_file_is_private_to_its_owner() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().expect("temp dir");
        drop(connect(dir.path()).expect("open"));
        let mode = std::fs::metadata(dir.path().join(FILE_NAME))
            .expect("meta")
            .permissions()
            .mode();
        assert_eq!(mode & 0o777, 0o600);
    }
}
