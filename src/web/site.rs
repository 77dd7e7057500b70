//! The state every handler reads, built once at start-up.

use super::{Assets, CsrfKey};
use crate::builder::Drafts;
use crate::config::Config;
use crate::content::Library;
use crate::search::SearchIndex;

/// Everything handlers read, built once at start-up.
pub struct Site {
    /// Roles, pages and categories.
    pub library: Library,
    /// Static files.
    pub assets: Assets,
    /// Saved job description drafts.
    pub drafts: Drafts,
    /// Search over roles and articles.
    pub search: SearchIndex,
    /// The start-up settings.
    pub config: Config,
    /// `config.base_url()`, computed once.
    pub base_url: String,
    /// The key that signs form tokens.
    pub csrf_key: CsrfKey,
}
