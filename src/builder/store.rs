//! Saved drafts in SQLite. A draft has an unguessable id for reading and a separate
//! secret key for editing, of which only a SHA-256 is stored.

use std::path::Path;
use std::sync::Mutex;

use rusqlite::{Connection, OptionalExtension, params};
use sha2::{Digest, Sha256};
use time::OffsetDateTime;
use time::format_description::well_known::Rfc3339;

use super::posting::JobPosting;
use crate::db::{self, DbError, WriteError, Writer};
use crate::random::{hex, hex_token, is_hex, same};

/// Why the store failed: always a fault on our side.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// SQLite failed.
    #[error("database: {0}")]
    Database(#[from] rusqlite::Error),
    /// A write failed.
    #[error("database: {0}")]
    Write(#[from] WriteError),
    /// A stored posting could not be read back.
    #[error("stored draft is unreadable: {0}")]
    Corrupt(#[from] serde_json::Error),
    /// The operating system gave no random bytes.
    #[error("no randomness: {0}")]
    Random(String),
}

/// A draft just saved: its id, and the edit key to show the user once.
#[derive(Debug, Clone)]
pub struct NewDraft {
    /// Public id, in the draft's URL.
    pub id: String,
    /// Secret edit key.
    pub key: String,
}

/// A stored draft.
#[derive(Debug, Clone)]
pub struct Draft {
    /// Its id.
    pub id: String,
    /// The posting.
    pub posting: JobPosting,
    /// When it was last saved.
    pub updated: OffsetDateTime,
}

/// What an edit came to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Update {
    /// Saved.
    Saved,
    /// No draft has this id.
    NotFound,
    /// The key is wrong.
    WrongKey,
}

/// The drafts table: read through one connection, written through the [`Writer`].
pub struct Drafts {
    reader: Mutex<Connection>,
    writer: Writer,
}

fn random_hex(bytes: usize) -> Result<String, StoreError> {
    hex_token(bytes).map_err(StoreError::Random)
}

fn key_hash(key: &str) -> String {
    hex(&Sha256::digest(key.as_bytes()))
}

/// True for a string that could be a draft id (32 lowercase hex digits).
pub fn is_draft_id(id: &str) -> bool {
    is_hex(id, 32)
}

fn now() -> String {
    OffsetDateTime::now_utc()
        .format(&Rfc3339)
        .unwrap_or_default()
}

impl Drafts {
    /// Opens the drafts in the database in `data_dir` (see [`db::open`]).
    pub fn open(data_dir: &Path) -> Result<Self, DbError> {
        let writer = Writer::start(db::open(data_dir)?).map_err(DbError::Thread)?;
        Ok(Self {
            reader: Mutex::new(db::open(data_dir)?),
            writer,
        })
    }

    fn reader(&self) -> std::sync::MutexGuard<'_, Connection> {
        // A panic while holding the lock cannot leave SQLite half-written; carry on.
        self.reader
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// Saves a new draft; returns its id and edit key.
    pub fn create(&self, posting: &JobPosting) -> Result<NewDraft, StoreError> {
        let draft = NewDraft {
            id: random_hex(16)?,
            key: random_hex(32)?,
        };
        let json = serde_json::to_string(posting)?;
        let (id, hash, now) = (draft.id.clone(), key_hash(&draft.key), now());
        self.writer.write(move |conn| {
            conn.execute(
                "INSERT INTO drafts (id, edit_key_sha256, posting, created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?4)",
                params![id, hash, json, now],
            )
        })?;
        Ok(draft)
    }

    /// The draft with this id.
    pub fn get(&self, id: &str) -> Result<Option<Draft>, StoreError> {
        if !is_draft_id(id) {
            return Ok(None);
        }
        let row: Option<(String, String)> = self
            .reader()
            .query_row(
                "SELECT posting, updated_at FROM drafts WHERE id = ?1",
                [id],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()?;
        row.map(|(json, updated)| {
            Ok(Draft {
                id: id.to_owned(),
                posting: serde_json::from_str(&json)?,
                updated: OffsetDateTime::parse(&updated, &Rfc3339)
                    .unwrap_or(OffsetDateTime::UNIX_EPOCH),
            })
        })
        .transpose()
    }

    /// Whether `key` is the edit key of draft `id`.
    pub fn key_matches(&self, id: &str, key: &str) -> Result<bool, StoreError> {
        if !is_draft_id(id) {
            return Ok(false);
        }
        let stored: Option<String> = self
            .reader()
            .query_row(
                "SELECT edit_key_sha256 FROM drafts WHERE id = ?1",
                [id],
                |r| r.get(0),
            )
            .optional()?;
        Ok(stored.is_some_and(|hash| same(&hash, &key_hash(key))))
    }

    /// Deletes drafts not saved for `days` days; returns how many.
    pub fn delete_older_than(&self, days: i64) -> Result<usize, StoreError> {
        let cutoff = (OffsetDateTime::now_utc() - time::Duration::days(days))
            .format(&Rfc3339)
            .unwrap_or_default();
        Ok(self.writer.write(move |conn| {
            conn.execute("DELETE FROM drafts WHERE updated_at < ?1", [cutoff])
        })?)
    }

    /// Replaces draft `id`'s posting if `key` is its edit key.
    pub fn update(&self, id: &str, key: &str, posting: &JobPosting) -> Result<Update, StoreError> {
        let json = serde_json::to_string(posting)?;
        let (id, hash, now) = (id.to_owned(), key_hash(key), now());
        // The key is checked inside the write, so no other write can come between.
        Ok(self.writer.write(move |conn| {
            let stored: Option<String> = conn
                .query_row(
                    "SELECT edit_key_sha256 FROM drafts WHERE id = ?1",
                    [&id],
                    |r| r.get(0),
                )
                .optional()?;
            match stored {
                None => Ok(Update::NotFound),
                Some(stored) if !same(&stored, &hash) => Ok(Update::WrongKey),
                Some(_) => {
                    conn.execute(
                        "UPDATE drafts SET posting = ?2, updated_at = ?3 WHERE id = ?1",
                        params![id, json, now],
                    )?;
                    Ok(Update::Saved)
                }
            }
        })?)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_32_hex_digits_and_keys_compare_by_hash() {
        let id = random_hex(16).expect("random");
        assert!(is_draft_id(&id));
        assert!(!is_draft_id("../../etc/passwd"));
        assert!(!is_draft_id(&id.to_uppercase()));
        assert_eq!(
            key_hash("abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
    }
}
