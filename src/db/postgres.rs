//! The PostgreSQL engine, for several instances sharing one database. Connections come
//! from a pool; every write is its own transaction, committed with the server's
//! `synchronous_commit` (on by default), so a draft is on the server's disk before
//! anyone is told it is saved.

use std::time::Duration;

use postgres::NoTls;
use r2d2_postgres::PostgresConnectionManager;
use r2d2_postgres::r2d2::{Pool, PooledConnection};
use time::OffsetDateTime;

use super::{DbError, DraftStore, StoredDraft, Update};

/// Connections held open at most; each request uses one for a single statement.
const POOL_SIZE: u32 = 16;
/// How long a request waits for a connection before it fails.
const WAIT: Duration = Duration::from_secs(5);
/// The advisory lock taken while migrating ("Rolb"), so instances starting together
/// apply each migration once.
const MIGRATION_LOCK: i64 = 0x526F_6C62;

/// Schema changes, in order; `rolebook_schema` records how many are applied.
/// Never edit one that has shipped: add a new one.
const MIGRATIONS: &[&str] = &[
    "CREATE TABLE drafts (
        id TEXT PRIMARY KEY,
        edit_key_sha256 TEXT NOT NULL,
        posting TEXT NOT NULL,
        created_at TIMESTAMPTZ NOT NULL,
        updated_at TIMESTAMPTZ NOT NULL
    );
    CREATE INDEX drafts_updated_at ON drafts (updated_at);",
    "CREATE TABLE secrets (name TEXT PRIMARY KEY, value BYTEA NOT NULL);",
];

impl From<postgres::Error> for DbError {
    fn from(error: postgres::Error) -> Self {
        DbError::Engine {
            engine: "PostgreSQL",
            detail: error.to_string(),
        }
    }
}

impl From<r2d2_postgres::r2d2::Error> for DbError {
    fn from(error: r2d2_postgres::r2d2::Error) -> Self {
        DbError::Engine {
            engine: "PostgreSQL",
            detail: format!("no connection: {error}"),
        }
    }
}

type Manager = PostgresConnectionManager<NoTls>;

/// Drafts and secrets in PostgreSQL.
pub struct PostgresStore {
    /// Always `Some` until dropped.
    pool: Option<Pool<Manager>>,
}

impl PostgresStore {
    /// Connects to `url`, checks the schema is ours and brings it up to date.
    pub fn open(url: &str) -> Result<Self, DbError> {
        let unreachable = |detail: String| DbError::Unreachable {
            url: super::shown_url(url),
            detail,
        };
        let config: postgres::Config = url
            .parse()
            .map_err(|e: postgres::Error| unreachable(e.to_string()))?;
        let pool = Pool::builder()
            .max_size(POOL_SIZE)
            .min_idle(Some(1))
            .connection_timeout(WAIT)
            .build(PostgresConnectionManager::new(config, NoTls))
            .map_err(|e| unreachable(e.to_string()))?;
        let store = Self { pool: Some(pool) };
        store.migrate(url)?;
        Ok(store)
    }

    fn connection(&self) -> Result<PooledConnection<Manager>, DbError> {
        let pool = self
            .pool
            .as_ref()
            .ok_or_else(|| DbError::Writer("the pool is closed".into()))?;
        Ok(pool.get()?)
    }

    fn migrate(&self, url: &str) -> Result<(), DbError> {
        let mut conn = self.connection()?;
        let mut tx = conn.transaction()?;
        tx.execute("SELECT pg_advisory_xact_lock($1)", &[&MIGRATION_LOCK])?;
        tx.batch_execute(
            "CREATE TABLE IF NOT EXISTS rolebook_schema (version INTEGER PRIMARY KEY)",
        )?;
        let applied: i64 = tx
            .query_one("SELECT count(*) FROM rolebook_schema", &[])?
            .get(0);
        let applied = usize::try_from(applied).unwrap_or(usize::MAX);
        if applied > MIGRATIONS.len() {
            return Err(DbError::TooNew {
                found: applied,
                known: MIGRATIONS.len(),
            });
        }
        if applied == 0 {
            let tables: i64 = tx
                .query_one(
                    "SELECT count(*) FROM information_schema.tables WHERE table_schema = current_schema() AND table_name IN ('drafts', 'secrets')",
                    &[],
                )?
                .get(0);
            if tables > 0 {
                return Err(DbError::Foreign {
                    path: super::shown_url(url),
                    detail: "it has a drafts or secrets table that Rolebook did not make".into(),
                });
            }
        }
        for (index, sql) in MIGRATIONS.iter().enumerate().skip(applied) {
            tx.batch_execute(sql)?;
            let version = i32::try_from(index + 1).unwrap_or(i32::MAX);
            tx.execute(
                "INSERT INTO rolebook_schema (version) VALUES ($1)",
                &[&version],
            )?;
        }
        tx.commit()?;
        Ok(())
    }
}

impl Drop for PostgresStore {
    /// Closing a connection blocks on the client's own runtime, which panics on a thread
    /// running another (actix's, at shutdown): close them on a thread of their own.
    fn drop(&mut self) {
        if let Some(pool) = self.pool.take() {
            let _ = std::thread::spawn(move || drop(pool)).join();
        }
    }
}

impl DraftStore for PostgresStore {
    fn engine(&self) -> &'static str {
        "PostgreSQL"
    }

    fn insert(
        &self,
        id: &str,
        key_sha256: &str,
        posting: &str,
        now: OffsetDateTime,
    ) -> Result<(), DbError> {
        self.connection()?.execute(
            "INSERT INTO drafts (id, edit_key_sha256, posting, created_at, updated_at) VALUES ($1, $2, $3, $4, $4)",
            &[&id, &key_sha256, &posting, &now],
        )?;
        Ok(())
    }

    fn get(&self, id: &str) -> Result<Option<StoredDraft>, DbError> {
        let row = self.connection()?.query_opt(
            "SELECT posting, edit_key_sha256, updated_at FROM drafts WHERE id = $1",
            &[&id],
        )?;
        Ok(row.map(|row| StoredDraft {
            posting: row.get(0),
            key_sha256: row.get(1),
            updated: row.get(2),
        }))
    }

    fn update(
        &self,
        id: &str,
        key_sha256: &str,
        posting: &str,
        now: OffsetDateTime,
    ) -> Result<Update, DbError> {
        let mut conn = self.connection()?;
        let mut tx = conn.transaction()?;
        let stored = tx.query_opt(
            "SELECT edit_key_sha256 FROM drafts WHERE id = $1 FOR UPDATE",
            &[&id],
        )?;
        let outcome = match stored {
            None => Update::NotFound,
            Some(row) if !crate::random::same(row.get::<_, &str>(0), key_sha256) => {
                Update::WrongKey
            }
            Some(_) => {
                tx.execute(
                    "UPDATE drafts SET posting = $2, updated_at = $3 WHERE id = $1",
                    &[&id, &posting, &now],
                )?;
                Update::Saved
            }
        };
        tx.commit()?;
        Ok(outcome)
    }

    fn delete_older_than(&self, cutoff: OffsetDateTime) -> Result<usize, DbError> {
        let deleted = self
            .connection()?
            .execute("DELETE FROM drafts WHERE updated_at < $1", &[&cutoff])?;
        Ok(usize::try_from(deleted).unwrap_or(usize::MAX))
    }

    fn secret(&self, name: &str, fresh: &[u8]) -> Result<Vec<u8>, DbError> {
        let mut conn = self.connection()?;
        conn.execute(
            "INSERT INTO secrets (name, value) VALUES ($1, $2) ON CONFLICT (name) DO NOTHING",
            &[&name, &fresh],
        )?;
        Ok(conn
            .query_one("SELECT value FROM secrets WHERE name = $1", &[&name])?
            .get(0))
    }
}
