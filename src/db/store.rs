//! What every database engine offers the rest of the program: saved drafts, and the
//! secrets that all instances must share. The builder keeps postings as JSON text here,
//! so this layer knows nothing of what a posting holds.

use time::OffsetDateTime;

use super::DbError;

/// A draft as stored.
#[derive(Debug, Clone)]
pub struct StoredDraft {
    /// The posting, as JSON.
    pub posting: String,
    /// SHA-256 of the edit key, in hex.
    pub key_sha256: String,
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

/// Saved drafts and shared secrets, in SQLite or PostgreSQL. Every method returns only
/// once its write is durable: a caller may then tell the user it is saved.
pub trait DraftStore: Send + Sync {
    /// The engine's name, for logs and errors: "SQLite" or "PostgreSQL".
    fn engine(&self) -> &'static str;

    /// Stores a new draft.
    fn insert(
        &self,
        id: &str,
        key_sha256: &str,
        posting: &str,
        now: OffsetDateTime,
    ) -> Result<(), DbError>;

    /// The draft with this id.
    fn get(&self, id: &str) -> Result<Option<StoredDraft>, DbError>;

    /// Replaces the posting of draft `id` if `key_sha256` is its key's hash, checked in
    /// the same transaction as the write.
    fn update(
        &self,
        id: &str,
        key_sha256: &str,
        posting: &str,
        now: OffsetDateTime,
    ) -> Result<Update, DbError>;

    /// Deletes drafts last saved before `cutoff`; returns how many.
    fn delete_older_than(&self, cutoff: OffsetDateTime) -> Result<usize, DbError>;

    /// The secret called `name`: the one stored, or else `fresh`, stored now. Instances
    /// starting together all get the first one stored.
    fn secret(&self, name: &str, fresh: &[u8]) -> Result<Vec<u8>, DbError>;
}
