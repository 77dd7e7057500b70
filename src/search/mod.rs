//! Search over every job title we know (roles, their aliases, the title dictionary and
//! BLS's official titles), the pages we wrote and the occupations we have only pay data
//! for. Names match first, page text after; typos are corrected; a search that finds
//! nothing suggests titles that really are close. Built once at start-up.

mod build;
mod names;
mod query;
mod results;
mod snippet;
mod spelling;
mod text;

use crate::wages::SocCode;
use names::{Closeness, Match, Names, Target};
pub use query::{Intent, MAX_QUERY_CHARS, Place, Query};
use results::RoleHit;
pub use results::{Hit, Kind, Results, Suggestion};
use spelling::Vocabulary;
use text::TextIndex;

/// The most results shown.
const MAX_HITS: usize = 20;
/// How many "Did you mean" titles are offered beside results.
const MAX_DID_YOU_MEAN: usize = 3;
/// How many close titles are offered when nothing matched.
const MAX_CLOSEST: usize = 5;
/// Titles at least this alike a query that matched nothing are offered.
const CLOSE_ENOUGH: f64 = 0.7;
/// Titles at least this alike a corrected query are offered as "Did you mean".
const DID_YOU_MEAN_ALIKE: f64 = 0.8;

/// A page we wrote, kept for snippets.
struct Page {
    href: String,
    title: String,
    /// A role's occupation, for its metro pay page; empty for articles.
    soc: String,
    /// The summary, then the body, as plain text.
    text: String,
    /// `text` with ASCII letters lowercased (byte offsets still match).
    folded: String,
}

/// An occupation no role is written for: pay data only.
struct Occupation {
    soc: SocCode,
    /// BLS's title.
    official: String,
    /// "Pay for the official occupation …: national median …".
    pay_line: String,
}

/// The index.
pub struct SearchIndex {
    names: Names,
    text: TextIndex,
    /// Roles, then articles, as [`Target`] numbers them.
    roles: Vec<Page>,
    articles: Vec<Page>,
    occupations: Vec<Occupation>,
    vocabulary: Vocabulary,
    places: Vec<Place>,
}

impl SearchIndex {
    /// Searches for `raw`, whatever it holds: nothing in it is ever query syntax.
    pub fn search(&self, raw: &str) -> Result<Results, rusqlite::Error> {
        let query = Query::read(raw, &self.places);
        if query.is_empty() {
            // Nothing searchable (only punctuation, say): the same as an empty search.
            return Ok(Results::default());
        }
        let mut results = Results::for_query(&query);
        results.hits = self.matches(&query.title_words, &query.words, &query)?;
        // Typos are looked for only when nothing matched as typed: it is the slow path.
        let typos = if results.hits.is_empty() {
            self.names.find(&query.title_words, true)
        } else {
            Vec::new()
        };
        if results.hits.is_empty() {
            if let Some(best) = typos.first() {
                // A title within a typo or two: the best guess at what was meant.
                results.hits = self.hits(typos.iter().take(MAX_HITS), &query);
                results.corrected = Some(best.name.text.to_lowercase());
            } else {
                // Else correct each word against every word we know, and search again.
                let correct = |words: &[String]| -> Vec<String> {
                    words
                        .iter()
                        .map(|w| self.vocabulary.correct(w).unwrap_or(w).to_owned())
                        .collect()
                };
                let corrected = correct(&query.title_words);
                if corrected != query.title_words {
                    results.hits = self.matches(&corrected, &correct(&query.words), &query)?;
                    if !results.hits.is_empty() {
                        results.corrected = Some(corrected.join(" "));
                    }
                }
            }
        }
        results.suggestions = self.suggestions(&query, &results, &typos);
        Ok(results)
    }

    /// Name matches for `title_words`, then pages whose text holds all of `words`.
    fn matches(
        &self,
        title_words: &[String],
        words: &[String],
        query: &Query,
    ) -> Result<Vec<Hit>, rusqlite::Error> {
        let named = self.names.find(title_words, false);
        let mut hits = self.hits(named.iter().take(MAX_HITS), query);
        if hits.len() >= MAX_HITS {
            // Names fill the page: page text could only come after them.
            return Ok(hits);
        }
        for index in self.text.find(words)? {
            if hits.len() >= MAX_HITS {
                break;
            }
            let target = match index.checked_sub(self.roles.len()) {
                None => Target::Role(index),
                Some(article) => Target::Article(article),
            };
            if !hits.iter().any(|h| h.target == target) {
                hits.extend(self.hit(target, None, query, words));
            }
        }
        Ok(hits)
    }

    fn hits<'m>(&self, matches: impl Iterator<Item = &'m Match<'m>>, query: &Query) -> Vec<Hit> {
        matches
            .filter_map(|m| {
                let matched = (m.closeness != Closeness::Typo).then_some(m.name.text.as_str());
                self.hit(m.name.target, matched, query, &query.title_words)
            })
            .collect()
    }

    /// The result for `target`, found through the name `matched` (or its text).
    fn hit(
        &self,
        target: Target,
        matched: Option<&str>,
        query: &Query,
        words: &[String],
    ) -> Option<Hit> {
        let state = query.state.as_deref();
        Some(match target {
            Target::Role(i) => {
                let page = self.roles.get(i)?;
                let slug = page.href.trim_start_matches("/job-descriptions/");
                let snippet = snippet::snippet(&page.text, &page.folded, words);
                let place = (state, query.metro.as_deref());
                let role = RoleHit {
                    page,
                    slug,
                    soc: &page.soc,
                };
                Hit::role(target, role, matched, query.intent, place, snippet)
            }
            Target::Article(i) => {
                let page = self.articles.get(i)?;
                let snippet = snippet::snippet(&page.text, &page.folded, words);
                Hit::article(target, page, snippet)
            }
            Target::Occupation(i) => {
                let place = (state, query.metro.as_deref());
                Hit::occupation(target, self.occupations.get(i)?, matched, place)
            }
        })
    }

    /// "Did you mean" titles when the results came from a correction, or the closest
    /// titles when nothing matched; none when the query matched as typed. Only titles
    /// that really are close: within a typo or two word by word, or alike as a whole.
    fn suggestions(
        &self,
        query: &Query,
        results: &Results,
        typos: &[Match<'_>],
    ) -> Vec<Suggestion> {
        if !results.hits.is_empty() && results.corrected.is_none() {
            return Vec::new();
        }
        let text = query.title_words.join(" ");
        let (limit, alike) = if results.hits.is_empty() {
            (MAX_CLOSEST, CLOSE_ENOUGH)
        } else {
            (MAX_DID_YOU_MEAN, DID_YOU_MEAN_ALIKE)
        };
        // Names alike as a whole are compared only if the typo matches run short.
        let close = typos
            .iter()
            .map(|m| m.name)
            .chain(std::iter::once(()).flat_map(|()| self.closest(&text, alike)));
        let mut seen = Vec::new();
        let mut suggestions = Vec::new();
        for name in close {
            if suggestions.len() >= limit {
                break;
            }
            if seen.contains(&name.target) {
                continue;
            }
            if let Some(hit) = self.hit(name.target, Some(&name.text), query, &[]) {
                seen.push(name.target);
                suggestions.push(Suggestion {
                    title: name.text.clone(),
                    href: hit.href,
                });
            }
        }
        suggestions
    }

    /// Names that look like `text` as a whole, the closest first.
    fn closest(&self, text: &str, alike: f64) -> Vec<&names::Name> {
        let mut scored = names::alike(&self.names, text, alike);
        scored.sort_by(|a, b| b.0.total_cmp(&a.0).then_with(|| a.1.text.cmp(&b.1.text)));
        scored.into_iter().map(|(_, name)| name).collect()
    }

    /// Where a job description typed as `typed` starts: the builder for the role or
    /// occupation it names exactly, if one does, and the closest titles, each with its
    /// builder link, best first.
    pub fn start_from(&self, typed: &str, limit: usize) -> (Option<Suggestion>, Vec<Suggestion>) {
        let query = Query::read(typed, &[]);
        let mut matches = self.names.find(&query.title_words, false);
        if matches.is_empty() {
            matches = self.names.find(&query.title_words, true);
        }
        let choices: Vec<(Closeness, Suggestion)> = matches
            .iter()
            .filter(|m| !matches!(m.name.target, Target::Article(_)))
            .filter_map(|m| {
                let hit = self.hit(m.name.target, Some(&m.name.text), &query, &[])?;
                let suggestion = Suggestion {
                    title: m.name.text.clone(),
                    href: hit.build_href?,
                };
                Some((m.closeness, suggestion))
            })
            .take(limit)
            .collect();
        let exact = choices
            .first()
            .filter(|(closeness, _)| *closeness == Closeness::Exact)
            .map(|(_, s)| s.clone());
        (exact, choices.into_iter().map(|(_, s)| s).collect())
    }

    /// Titles for search-as-you-type: the names of jobs that `prefix` starts.
    pub fn titles_starting(&self, prefix: &str, limit: usize) -> Vec<String> {
        let query = Query::read(prefix, &[]);
        self.names
            .find(&query.title_words, false)
            .iter()
            .filter(|m| !matches!(m.name.target, Target::Article(_)))
            .take(limit)
            .map(|m| m.name.text.clone())
            .collect()
    }
}
