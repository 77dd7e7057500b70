//! Search over roles and articles: SQLite FTS5 in memory, built at start-up. Title and
//! alias matches rank first, partial words match as prefixes, and a search that finds
//! nothing suggests the closest titles, so it never dead-ends.

mod spelling;

use std::sync::Mutex;
use std::time::Duration;

use rusqlite::Connection;
use rusqlite::backup::Backup;

use crate::builder::export::escape_html;
use crate::content::Library;
use spelling::Vocabulary;

/// The longest query read; the rest is ignored.
pub const MAX_QUERY_CHARS: usize = 200;
/// The most words of a query used.
const MAX_TERMS: usize = 12;
/// The most results shown.
const MAX_HITS: usize = 20;
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
    /// `text` with ASCII letters lowercased (so byte offsets still match), to find words in.
    folded: String,
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
    vocabulary: spelling::Vocabulary,
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
        let mut building = Connection::open_in_memory()?;
        building.execute_batch(
            "CREATE VIRTUAL TABLE docs USING fts5(title, aliases, summary, body,
                tokenize = 'porter unicode61 remove_diacritics 2', prefix = '2 3');",
        )?;
        let mut docs = Vec::new();
        let mut words: Vec<String> = Vec::new();
        let tx = building.transaction()?;
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
                    docs.push(Doc {
                        folded: doc.text.to_ascii_lowercase(),
                        ..doc
                    });
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
                    folded: String::new(),
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
                    folded: String::new(),
                };
                add(doc, "", &article.summary, &article.body.text)?;
            }
        }
        tx.commit()?;
        // Merges the index into one segment, so prefix queries read it in one pass.
        building.execute_batch("INSERT INTO docs (docs) VALUES ('optimize');")?;
        // FTS5 keeps the hash table it grew while indexing and walks all its (empty) slots
        // on every prefix query; a fresh copy of the finished index has none.
        let mut conn = Connection::open_in_memory()?;
        Backup::new(&building, &mut conn)?.run_to_completion(1024, Duration::ZERO, None)?;
        words.retain(|w| w.chars().count() >= 3);
        Ok(Self {
            conn: Mutex::new(conn),
            docs,
            vocabulary: Vocabulary::new(words),
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
                .map(|w| self.vocabulary.correct(w).unwrap_or(w).to_owned())
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
                snippet_html: snippet(doc, words),
            })
            .collect())
    }

    /// Titles like the query, best first: the closest titles at all when nothing
    /// matched; after a correction, the titles it looks like ("Did you mean Account
    /// Manager?"); none when the query matched as typed.
    fn suggestions(&self, query: &str, results: &Results) -> Vec<Suggestion> {
        if !results.hits.is_empty() && results.corrected.is_none() {
            return Vec::new();
        }
        let mut scored: Vec<(f64, &Doc)> = self
            .docs
            .iter()
            .map(|doc| {
                (
                    doc.names
                        .iter()
                        .map(|n| spelling::similarity(query, n))
                        .fold(0.0, f64::max),
                    doc,
                )
            })
            .collect();
        scored.sort_by(|a, b| b.0.total_cmp(&a.0).then_with(|| a.1.title.cmp(&b.1.title)));
        let (limit, at_least) = if results.hits.is_empty() {
            (5, 0.0)
        } else {
            (3, SUGGEST_ABOVE)
        };
        scored
            .into_iter()
            .filter(|(score, _)| *score >= at_least)
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
    let token = token.trim_start_matches(|c: char| !c.is_alphanumeric());
    if token.is_ascii() && word.is_ascii() {
        // Most words: compare bytes, ignoring case, without building anything.
        let (token, word) = (token.as_bytes(), word.as_bytes());
        return !word.is_empty()
            && token.len() >= word.len()
            && token[..word.len()].eq_ignore_ascii_case(word);
    }
    let mut letters = token
        .chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase);
    !word.is_empty() && word.chars().all(|w| letters.next() == Some(w))
}

/// Where in `folded` the first word starting with one of the (ASCII) `words` begins.
fn first_match(folded: &str, words: &[String]) -> Option<usize> {
    let starts_word = |at: usize| {
        folded[..at]
            .chars()
            .next_back()
            .is_none_or(|c| !c.is_alphanumeric())
    };
    words
        .iter()
        .filter(|w| w.is_ascii())
        .filter_map(|w| memchr::memmem::find_iter(folded.as_bytes(), w).find(|&at| starts_word(at)))
        .min()
}

/// The start of the word `n` words before byte `at` (ASCII whitespace separates words;
/// a UTF-8 continuation byte is never one, so the result is a char boundary).
fn words_before(text: &str, at: usize, n: usize) -> usize {
    let bytes = text.as_bytes();
    let mut i = at;
    for _ in 0..n {
        while i > 0 && bytes[i - 1].is_ascii_whitespace() {
            i -= 1;
        }
        while i > 0 && !bytes[i - 1].is_ascii_whitespace() {
            i -= 1;
        }
    }
    i
}

/// A passage of the page's text around the first word that starts with a query word,
/// those words in `<mark>`, everything escaped; the opening words when none matches.
fn snippet(doc: &Doc, words: &[String]) -> String {
    let start = first_match(&doc.folded, words).map_or(0, |at| words_before(&doc.text, at, 8));
    let mut tokens = doc.text[start..].split_whitespace();
    let mut html = String::new();
    if start > 0 {
        html.push('…');
    }
    for (i, token) in tokens.by_ref().take(SNIPPET_WORDS).enumerate() {
        if i > 0 {
            html.push(' ');
        }
        if words.iter().any(|w| starts_with_word(token, w)) {
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

    fn doc(text: &str) -> Doc {
        Doc {
            kind: Kind::Role,
            href: String::new(),
            title: String::new(),
            names: Vec::new(),
            text: text.to_owned(),
            folded: text.to_ascii_lowercase(),
        }
    }

    #[test]
    fn snippets_mark_matches_and_escape_the_rest() {
        let words = vec!["manag".to_owned()];
        let text = "Intro <b>text</b> & more. Account managers keep clients.";
        assert_eq!(
            snippet(&doc(text), &words),
            "Intro &lt;b&gt;text&lt;/b&gt; &amp; more. Account <mark>managers</mark> keep clients."
        );
        let long = format!("{} Manager {}", "word ".repeat(20), "tail ".repeat(40));
        let cut = snippet(&doc(&long), &["manager".to_owned()]);
        assert!(
            cut.starts_with("…word word")
                && cut.ends_with('…')
                && cut.contains("<mark>Manager</mark>"),
            "{cut}"
        );
        assert_eq!(
            cut.split(' ').take_while(|w| !w.contains("mark")).count(),
            8,
            "eight words before the match"
        );
        assert_eq!(
            snippet(&doc("no match here"), &["zzz".to_owned()]),
            "no match here"
        );
        assert!(
            !snippet(&doc("submanager only"), &["manager".to_owned()]).contains("<mark>"),
            "word starts only"
        );
        assert_eq!(words_before("ab cd  ef", 7, 1), 3);
        assert_eq!(words_before("ab cd  ef", 7, 5), 0);
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
