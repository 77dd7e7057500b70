//! Full-text search over the pages we wrote (roles and articles): SQLite FTS5 in
//! memory, ranked by BM25 with titles weighted above summaries and bodies.

use std::sync::Mutex;
use std::time::Duration;

use rusqlite::Connection;
use rusqlite::backup::Backup;

/// The most pages a text search returns.
const LIMIT: usize = 100;

/// One page to index.
pub struct Page<'a> {
    /// Title, aliases, summary and body, weighted in that order.
    pub title: &'a str,
    /// Other titles, comma-separated.
    pub aliases: &'a str,
    /// The summary.
    pub summary: &'a str,
    /// The body, as plain text.
    pub body: &'a str,
}

/// The FTS5 index.
pub struct TextIndex {
    conn: Mutex<Connection>,
}

impl TextIndex {
    /// Indexes `pages`; [`TextIndex::find`] gives each as its position among them.
    pub fn build<'a>(pages: impl IntoIterator<Item = Page<'a>>) -> Result<Self, rusqlite::Error> {
        let mut building = Connection::open_in_memory()?;
        building.execute_batch(
            "CREATE VIRTUAL TABLE docs USING fts5(title, aliases, summary, body,
                tokenize = 'porter unicode61 remove_diacritics 2');",
        )?;
        let tx = building.transaction()?;
        {
            let mut insert = tx.prepare(
                "INSERT INTO docs (rowid, title, aliases, summary, body) VALUES (?1, ?2, ?3, ?4, ?5)",
            )?;
            for (id, page) in (1_i64..).zip(pages) {
                insert.execute((id, page.title, page.aliases, page.summary, page.body))?;
            }
        }
        tx.commit()?;
        // Merges the index into one segment, so prefix queries read it in one pass.
        building.execute_batch("INSERT INTO docs (docs) VALUES ('optimize');")?;
        // FTS5 keeps the hash table it grew while indexing and walks all its (empty) slots
        // on every prefix query; a fresh copy of the finished index has none.
        let mut conn = Connection::open_in_memory()?;
        Backup::new(&building, &mut conn)?.run_to_completion(1024, Duration::ZERO, None)?;
        Ok(Self {
            conn: Mutex::new(conn),
        })
    }

    /// The positions of the pages holding every word (each as a prefix), best first.
    pub fn find(&self, words: &[String]) -> Result<Vec<usize>, rusqlite::Error> {
        if words.is_empty() {
            return Ok(Vec::new());
        }
        // Each word quoted (so nothing in it is FTS5 syntax) and matched as a prefix.
        let fts_query = words
            .iter()
            .map(|w| format!("\"{}\"*", w.replace('"', "")))
            .collect::<Vec<_>>()
            .join(" ");
        let conn = self
            .conn
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        let mut statement = conn.prepare_cached(
            "SELECT rowid FROM docs WHERE docs MATCH ?1 ORDER BY bm25(docs, 10.0, 6.0, 3.0, 1.0) LIMIT ?2",
        )?;
        let rows = statement.query_map((&fts_query, LIMIT as i64), |r| r.get::<_, i64>(0))?;
        let mut found = Vec::new();
        for id in rows {
            found.extend(usize::try_from(id? - 1).ok());
        }
        Ok(found)
    }
}
