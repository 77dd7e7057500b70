//! Saved drafts, in whichever database `--database-url` names. A draft has an
//! unguessable id for reading and a separate secret key for editing, of which only a
//! SHA-256 is stored. The posting is kept as JSON.

use sha2::{Digest, Sha256};
use time::OffsetDateTime;

use super::posting::JobPosting;
pub use crate::db::Update;
use crate::db::{DbError, DraftStore};
use crate::random::{hex, hex_token, is_hex, same};

/// Why the store failed: always a fault on our side.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// The database failed.
    #[error("database: {0}")]
    Database(#[from] DbError),
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

/// The drafts, over the database's [`DraftStore`].
pub struct Drafts {
    store: Box<dyn DraftStore>,
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

impl Drafts {
    /// Drafts kept in `store`.
    pub fn new(store: Box<dyn DraftStore>) -> Self {
        Self { store }
    }

    /// The database underneath, for what is not a draft (shared secrets).
    pub fn store(&self) -> &dyn DraftStore {
        self.store.as_ref()
    }

    /// Saves a new draft; returns its id and edit key.
    pub fn create(&self, posting: &JobPosting) -> Result<NewDraft, StoreError> {
        let draft = NewDraft {
            id: random_hex(16)?,
            key: random_hex(32)?,
        };
        let json = serde_json::to_string(posting)?;
        self.store.insert(
            &draft.id,
            &key_hash(&draft.key),
            &json,
            OffsetDateTime::now_utc(),
        )?;
        Ok(draft)
    }

    /// The draft with this id.
    pub fn get(&self, id: &str) -> Result<Option<Draft>, StoreError> {
        if !is_draft_id(id) {
            return Ok(None);
        }
        self.store
            .get(id)?
            .map(|stored| {
                Ok(Draft {
                    id: id.to_owned(),
                    posting: serde_json::from_str(&stored.posting)?,
                    updated: stored.updated,
                })
            })
            .transpose()
    }

    /// Whether `key` is the edit key of draft `id`.
    pub fn key_matches(&self, id: &str, key: &str) -> Result<bool, StoreError> {
        if !is_draft_id(id) {
            return Ok(false);
        }
        Ok(self
            .store
            .get(id)?
            .is_some_and(|stored| same(&stored.key_sha256, &key_hash(key))))
    }

    /// Deletes drafts not saved for `days` days; returns how many.
    pub fn delete_older_than(&self, days: i64) -> Result<usize, StoreError> {
        let cutoff = OffsetDateTime::now_utc() - time::Duration::days(days);
        Ok(self.store.delete_older_than(cutoff)?)
    }

    /// Replaces draft `id`'s posting if `key` is its edit key.
    pub fn update(&self, id: &str, key: &str, posting: &JobPosting) -> Result<Update, StoreError> {
        if !is_draft_id(id) {
            return Ok(Update::NotFound);
        }
        let json = serde_json::to_string(posting)?;
        Ok(self
            .store
            .update(id, &key_hash(key), &json, OffsetDateTime::now_utc())?)
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
