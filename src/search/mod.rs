//! Search over roles and articles: SQLite FTS5 in memory, built at start-up. Title and
//! alias matches rank first, partial words match as prefixes, and a search that finds
//! nothing suggests the closest titles, so it never dead-ends.

mod spelling;

use std::sync::Mutex;

use rusqlite::Connection;

use crate::builder::export::escape_html;
use crate::content::Library;

/// The longest query read; the rest is ignored.
pub const MAX_QUERY_CHARS: usize = 200;
/// The most words of a query used.
const MAX_TERMS: usize = 12;
/// The most results shown.
const MAX_HITS: usize = 30;
/// Titles at least this alike a query are offered as "Did you mean".
const SUGGEST_ABOVE: f64 = 0.7;

/// What a result is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// A job description.
    Role,
    /// An article.
    Article,
}

impl Kind {
    /// "Job description" or "Article".
    pub fn label(self) -> &'static str {
        match self {
            Kind::Role => "Job description",
            Kind::Article => "Article",
        }
    }
}

/// One indexed page.
#[derive(Debug, Clone)]
struct Doc {
    kind: Kind,
    href: String,
    title: String,
    /// The title and aliases, normalized, for ranking and suggestions.
    names: Vec<String>,
    /// The summary, then the body, as plain text, for snippets.
    text: String,
}

/// A result.
#[derive(Debug, Clone)]
pub struct Hit {
    /// Role or article.
    pub kind: Kind,
    /// Where it is.
    pub href: String,
    /// Its title.
    pub title: String,
    /// A passage with the matched words in `<mark>`, already escaped.
    pub snippet_html: String,
}

/// A title offered instead of, or beside, results.
#[derive(Debug, Clone, PartialEq)]
pub struct Suggestion {
    /// The title.
    pub title: String,
    /// Where it is.
    pub href: String,
}

/// The answer to a query.
#[derive(Debug, Clone, Default)]
pub struct Results {
    /// The query as read: trimmed and cut to [`MAX_QUERY_CHARS`]; empty when it holds
    /// no words to search for.
    pub query: String,
    /// The results.
    pub hits: Vec<Hit>,
    /// When the query as typed found nothing, the corrected query the results are for.
    pub corrected: Option<String>,
    /// "Did you mean" titles.
    pub suggestions: Vec<Suggestion>,
}

/// The index.
pub struct SearchIndex {
    conn: Mutex<Connection>,
    docs: Vec<Doc>,
    vocabulary: Vec<String>,
}

/// Lowercase words of letters and digits, at most [`MAX_TERMS`].
fn terms(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(|w| w.to_lowercase().chars().take(40).collect())
        .take(MAX_TERMS)
        .collect()
}

impl SearchIndex {
    /// Indexes every role (title, aliases, summary, body) and article.
    pub fn build(library: &Library) -> Result<Self, rusqlite::Error> {
        let mut conn = Connection::open_in_memory()?;
        conn.execute_batch(
            "CREATE VIRTUAL TABLE docs USING fts5(title, aliases, summary, body,
                tokenize = 'porter unicode61 remove_diacritics 2', prefix = '2 3');",
        )?;
        let mut docs = Vec::new();
        let mut words: Vec<String> = Vec::new();
        let tx = conn.transaction()?;
        {
            let mut insert = tx.prepare("INSERT INTO docs (rowid, title, aliases, summary, body) VALUES (?1, ?2, ?3, ?4, ?5)")?;
            let mut add =
                |doc: Doc, aliases: &str, summary: &str, body: &str| -> rusqlite::Result<()> {
                    insert.execute((docs.len() as i64 + 1, &doc.title, aliases, summary, body))?;
                    words.extend(
                        terms(&doc.title)
                            .into_iter()
                            .chain(terms(aliases))
                            .chain(terms(summary)),
                    );
                    docs.push(doc);
                    Ok(())
                };
            for role in library.roles() {
                let names = std::iter::once(&role.title)
                    .chain(&role.aliases)
                    .map(|n| terms(n).join(" "))
                    .collect();
                let doc = Doc {
                    kind: Kind::Role,
                    href: format!("/job-descriptions/{}", role.slug),
                    title: role.title.clone(),
                    names,
                    text: format!("{} {}", role.summary, role.body.text),
                };
                add(
                    doc,
                    &role.aliases.join(", "),
                    &role.summary,
                    &role.body.text,
                )?;
            }
            for article in library.articles() {
                let doc = Doc {
                    kind: Kind::Article,
                    href: format!("/resources/{}", article.slug),
                    title: article.title.clone(),
                    names: vec![terms(&article.title).join(" ")],
                    text: format!("{} {}", article.summary, article.body.text),
                };
                add(doc, "", &article.summary, &article.body.text)?;
            }
        }
        tx.commit()?;
        words.retain(|w| w.chars().count() >= 3);
        words.sort();
        words.dedup();
        Ok(Self {
            conn: Mutex::new(conn),
            docs,
            vocabulary: words,
        })
    }

    /// Searches for `raw`, whatever it holds: FTS5 syntax is never passed through.
    pub fn search(&self, raw: &str) -> Result<Results, rusqlite::Error> {
        let query: String = raw.trim().chars().take(MAX_QUERY_CHARS).collect();
        let words = terms(&query);
        if words.is_empty() {
            // Nothing searchable (only punctuation, say): the same as an empty search.
            return Ok(Results::default());
        }
        let mut results = Results {
            query,
            ..Results::default()
        };
        results.hits = self.matches(&words)?;
        if results.hits.is_empty() {
            let corrected: Vec<String> = words
                .iter()
                .map(|w| {
                    spelling::correct(w, &self.vocabulary)
                        .unwrap_or(w)
                        .to_owned()
                })
                .collect();
            if corrected != words {
                results.hits = self.matches(&corrected)?;
                if !results.hits.is_empty() {
                    results.corrected = Some(corrected.join(" "));
                }
            }
        }
        results.suggestions = self.suggestions(&words.join(" "), &results);
        Ok(results)
    }

    fn matches(&self, words: &[String]) -> Result<Vec<Hit>, rusqlite::Error> {
        // Each word quoted (so nothing in it is FTS5 syntax) and matched as a prefix.
        let fts_query = words
            .iter()
            .map(|w| format!("\"{w}\"*"))
            .collect::<Vec<_>>()
            .join(" ");
        let conn = self
            .conn
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        // Ranking only: snippets come from the text kept in memory, for the hits shown.
        let mut statement = conn.prepare_cached(
            "SELECT rowid, bm25(docs, 10.0, 6.0, 3.0, 1.0) FROM docs WHERE docs MATCH ?1 ORDER BY 2 LIMIT 100",
        )?;
        let rows = statement.query_map([&fts_query], |r| {
            Ok((r.get::<_, i64>(0)?, r.get::<_, f64>(1)?))
        })?;
        let query = words.join(" ");
        let mut ranked = Vec::new();
        for row in rows {
            let (rowid, score) = row?;
            let Some(doc) = usize::try_from(rowid - 1)
                .ok()
                .and_then(|i| self.docs.get(i))
            else {
                continue;
            };
            ranked.push((tier(doc, &query, words), score, doc));
        }
        ranked.sort_by(|a, b| a.0.cmp(&b.0).then(a.1.total_cmp(&b.1)));
        Ok(ranked
            .into_iter()
            .take(MAX_HITS)
            .map(|(_, _, doc)| Hit {
                kind: doc.kind,
                href: doc.href.clone(),
                title: doc.title.clone(),
                snippet_html: snippet(&doc.text, words),
            })
            .collect())
    }

    /// Titles like the query, best first. With no results: the closest titles at all.
    /// After a correction: the titles it looks like ("Did you mean Account Manager?").
    /// Otherwise: close titles only when the query is not already one.
    fn suggestions(&self, query: &str, results: &Results) -> Vec<Suggestion> {
        let mut scored: Vec<(f64, &Doc)> = self
            .docs
            .iter()
            .map(|doc| {
                let best = doc
                    .names
                    .iter()
                    .map(|n| spelling::similarity(query, n))
                    .fold(0.0, f64::max);
                (best, doc)
            })
            .collect();
        scored.sort_by(|a, b| b.0.total_cmp(&a.0).then_with(|| a.1.title.cmp(&b.1.title)));
        let exact = scored.first().is_some_and(|(score, _)| *score >= 1.0);
        let top_hit = results.hits.first().map(|h| h.href.as_str());
        let limit = if results.hits.is_empty() { 5 } else { 3 };
        let keep = |score: f64, doc: &Doc| {
            if results.hits.is_empty() {
                true
            } else if results.corrected.is_some() {
                score >= SUGGEST_ABOVE
            } else {
                score >= SUGGEST_ABOVE && !exact && Some(doc.href.as_str()) != top_hit
            }
        };
        scored
            .into_iter()
            .filter(|(score, doc)| keep(*score, doc))
            .take(limit)
            .map(|(_, doc)| Suggestion {
                title: doc.title.clone(),
                href: doc.href.clone(),
            })
            .collect()
    }
}

/// Words shown in a snippet.
const SNIPPET_WORDS: usize = 28;

/// Whether `token`'s letters and digits, lowercased, start with `word`.
fn starts_with_word(token: &str, word: &str) -> bool {
    let mut letters = token
        .chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase);
    !word.is_empty() && word.chars().all(|w| letters.next() == Some(w))
}

/// A passage of `text` around the first word that starts with a query word, those
/// words in `<mark>`, everything escaped; the opening words when none matches. Reads
/// the text only as far as it needs.
fn snippet(text: &str, words: &[String]) -> String {
    const BEFORE: usize = 8;
    let matches = |token: &str| words.iter().any(|w| starts_with_word(token, w));
    let mut tokens = text.split_whitespace();
    let mut window: std::collections::VecDeque<&str> =
        std::collections::VecDeque::with_capacity(SNIPPET_WORDS);
    let mut cut_before = false;
    let mut found = false;
    for token in tokens.by_ref() {
        window.push_back(token);
        if matches(token) {
            found = true;
            break;
        }
        if window.len() > BEFORE {
            window.pop_front();
            cut_before = true;
        }
    }
    if !found {
        window = text.split_whitespace().take(SNIPPET_WORDS).collect();
        cut_before = false;
        tokens = text.split_whitespace();
        tokens.by_ref().take(SNIPPET_WORDS).for_each(drop);
    }
    while window.len() < SNIPPET_WORDS {
        match tokens.next() {
            Some(token) => window.push_back(token),
            None => break,
        }
    }
    let mut html = String::new();
    if cut_before {
        html.push('…');
    }
    for (i, token) in window.iter().enumerate() {
        if i > 0 {
            html.push(' ');
        }
        if matches(token) {
            html.push_str("<mark>");
            html.push_str(&escape_html(token));
            html.push_str("</mark>");
        } else {
            html.push_str(&escape_html(token));
        }
    }
    if tokens.next().is_some() {
        html.push('…');
    }
    html
}

/// 0 for the exact title, 1 when every word starts a word of the title, 2 of an alias,
/// 3 for a match in the text only.
fn tier(doc: &Doc, query: &str, words: &[String]) -> u8 {
    let starts_words = |name: &str| {
        words
            .iter()
            .all(|w| name.split(' ').any(|n| n.starts_with(w.as_str())))
    };
    if doc.names.first().is_some_and(|title| title == query)
        || doc.names.iter().skip(1).any(|alias| alias == query)
    {
        0
    } else if doc.names.first().is_some_and(|title| starts_words(title)) {
        1
    } else if doc.names.iter().skip(1).any(|alias| starts_words(alias)) {
        2
    } else {
        3
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn snippets_mark_matches_and_escape_the_rest() {
        let words = vec!["manag".to_owned()];
        let text = "Intro <b>text</b> & more. Account managers keep clients.";
        assert_eq!(
            snippet(text, &words),
            "Intro &lt;b&gt;text&lt;/b&gt; &amp; more. Account <mark>managers</mark> keep clients."
        );
        let long = format!("{} manager {}", "word ".repeat(20), "tail ".repeat(40));
        let cut = snippet(&long, &["manager".to_owned()]);
        assert!(
            cut.starts_with('…') && cut.ends_with('…') && cut.contains("<mark>manager</mark>"),
            "{cut}"
        );
        assert_eq!(
            snippet("no match here", &["zzz".to_owned()]),
            "no match here"
        );
    }

    #[test]
    fn terms_are_words_only() {
        assert_eq!(
            terms("Account \"manager\"* OR NEAR(x) -y ^z:"),
            ["account", "manager", "or", "near", "x", "y", "z"]
        );
        assert_eq!(terms("   "), Vec::<String>::new());
        assert_eq!(terms(&"a ".repeat(50)).len(), MAX_TERMS);
    }
}
