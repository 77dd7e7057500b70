//! The writable database, at the bottom of the program: saved drafts and shared secrets
//! behind one trait, [`DraftStore`], with two engines. SQLite, a file in the data
//! directory, is the default; PostgreSQL lets several instances share one database.
//! Each engine applies its own schema migrations at start-up.

mod postgres;
mod sqlite;
mod store;
mod writer;

pub use sqlite::FILE_NAME;
pub use store::{DraftStore, StoredDraft, Update};

use std::path::Path;

/// Which database holds the drafts: `--database-url`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DatabaseUrl {
    /// SQLite, in the data directory (no URL, or `sqlite:`).
    Sqlite,
    /// PostgreSQL at a `postgres://` or `postgresql://` URL.
    Postgres(String),
}

impl DatabaseUrl {
    /// Reads `--database-url`.
    pub fn parse(text: &str) -> Result<Self, String> {
        let text = text.trim();
        if text.is_empty() || text == "sqlite:" || text == "sqlite://" {
            Ok(Self::Sqlite)
        } else if text.starts_with("postgres://") || text.starts_with("postgresql://") {
            Ok(Self::Postgres(text.to_owned()))
        } else if text.starts_with("sqlite:") {
            Err("SQLite always lives in the data directory: give \"sqlite:\" and choose the directory with --data-dir".into())
        } else {
            Err(format!(
                "\"{}\" is not a database URL: use sqlite: or postgres://user@host:port/database",
                shown_url(text)
            ))
        }
    }

    /// The URL with any password hidden, for messages.
    pub fn shown(&self) -> String {
        match self {
            Self::Sqlite => "sqlite:".into(),
            Self::Postgres(url) => shown_url(url),
        }
    }
}

/// `url` with the password between `:` and `@` replaced by `***`.
fn shown_url(url: &str) -> String {
    let Some((scheme, rest)) = url.split_once("://") else {
        return url.to_owned();
    };
    let (authority, path) = rest.split_once('/').unwrap_or((rest, ""));
    match authority.rsplit_once('@') {
        Some((user, host)) if user.contains(':') => {
            let name = user.split(':').next().unwrap_or("");
            format!("{scheme}://{name}:***@{host}/{path}")
        }
        _ => url.to_owned(),
    }
}

/// Why the database failed. It names the engine, never a driver's types, so the layers
/// above do not depend on which engine runs.
#[derive(Debug, thiserror::Error)]
pub enum DbError {
    /// The engine refused or failed.
    #[error("{engine}: {detail}")]
    Engine {
        /// "SQLite" or "PostgreSQL".
        engine: &'static str,
        /// What it said.
        detail: String,
    },
    /// The database server could not be reached.
    #[error("cannot reach PostgreSQL at {url}: {detail}")]
    Unreachable {
        /// The URL, password hidden.
        url: String,
        /// Why.
        detail: String,
    },
    /// The writer thread could not be started, or has stopped.
    #[error("the database writer: {0}")]
    Writer(String),
    /// The file is damaged, or not an SQLite database at all.
    #[error(
        "the database file {path} is damaged ({detail}); restore it from a backup, or move it away to start with an empty one"
    )]
    Damaged {
        /// The file.
        path: String,
        /// What SQLite found.
        detail: String,
    },
    /// The database is another program's, or its tables are not ours.
    #[error("{path} is not a Rolebook database ({detail}); point Rolebook at its own database")]
    Foreign {
        /// The file or URL.
        path: String,
        /// What differs.
        detail: String,
    },
    /// The database was written by a newer Rolebook.
    #[error("the database has schema version {found}, newer than this program's {known}")]
    TooNew {
        /// The database's version.
        found: usize,
        /// Ours.
        known: usize,
    },
}

/// Opens the store `url` names (SQLite in `data_dir` by default), checks it is ours,
/// and brings its schema up to date.
pub fn open(url: &DatabaseUrl, data_dir: &Path) -> Result<Box<dyn DraftStore>, DbError> {
    Ok(match url {
        DatabaseUrl::Sqlite => Box::new(sqlite::SqliteStore::open(data_dir)?),
        DatabaseUrl::Postgres(url) => Box::new(postgres::PostgresStore::open(url)?),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_name_an_engine_and_hide_passwords() {
        assert_eq!(DatabaseUrl::parse(""), Ok(DatabaseUrl::Sqlite));
        assert_eq!(DatabaseUrl::parse("sqlite:"), Ok(DatabaseUrl::Sqlite));
        let pg = DatabaseUrl::parse("postgres://rb:secret@db:5432/rolebook").expect("pg");
        assert_eq!(pg.shown(), "postgres://rb:***@db:5432/rolebook");
        assert!(
            DatabaseUrl::parse("sqlite:/tmp/x.db")
                .expect_err("no path")
                .contains("--data-dir")
        );
        let error = DatabaseUrl::parse("mysql://u:pw@h/d").expect_err("unknown");
        assert!(
            error.contains("u:***@h") && !error.contains("pw"),
            "{error}"
        );
    }
}
