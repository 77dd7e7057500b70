//! Reading a query the way an employer types it: "registered nurse salary texas" is a
//! title ("registered nurse"), what they want (pay) and a place (Texas).

use crate::words::words;

/// The longest query read; the rest is ignored.
pub const MAX_QUERY_CHARS: usize = 200;
/// The most words of a query used.
const MAX_TERMS: usize = 12;

/// What the searcher is after, beyond the title.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Intent {
    /// Nothing said: the job description.
    #[default]
    Any,
    /// "salary", "pay", "wage": the pay page.
    Pay,
}

/// Words that say the searcher wants pay.
const PAY_WORDS: &[&str] = &[
    "salary",
    "salaries",
    "pay",
    "wage",
    "wages",
    "earn",
    "earnings",
    "income",
    "hourly",
    "compensation",
];
/// Words that say what kind of page, or join the others, and name no job ("job" too,
/// when "description" follows it).
const FILLER_WORDS: &[&str] = &[
    "jobs",
    "description",
    "descriptions",
    "template",
    "sample",
    "example",
    "duties",
    "responsibilities",
    "how",
    "much",
    "does",
    "do",
    "what",
    "is",
    "a",
    "an",
    "the",
    "for",
    "in",
    "of",
    "to",
    "make",
    "makes",
    "average",
    "median",
    "per",
    "hour",
    "year",
];

/// `words` without filler: what a title or query says about the job itself. A name
/// made only of such words keeps them.
pub fn core_words(words: &[String]) -> Vec<String> {
    let core: Vec<String> = words
        .iter()
        .enumerate()
        .filter(|(i, w)| {
            let job_description = w.as_str() == "job"
                && words
                    .get(i + 1)
                    .is_some_and(|next| next.starts_with("description"));
            !FILLER_WORDS.contains(&w.as_str()) && !job_description
        })
        .map(|(_, w)| w.clone())
        .collect();
    if core.is_empty() {
        words.to_vec()
    } else {
        core
    }
}

/// A query, read.
#[derive(Debug, Clone, Default)]
pub struct Query {
    /// The query as typed: trimmed and cut to [`MAX_QUERY_CHARS`].
    pub text: String,
    /// Its words, for searching page text.
    pub words: Vec<String>,
    /// The words that name a job: without pay, filler and place words, unless nothing
    /// would be left.
    pub title_words: Vec<String>,
    /// What the searcher wants.
    pub intent: Intent,
    /// The slug of a state named in the query.
    pub state: Option<String>,
}

/// A state's name as words, and its slug, for finding it in queries.
#[derive(Debug, Clone)]
pub struct Place {
    /// "new", "york".
    pub words: Vec<String>,
    /// "new-york".
    pub slug: String,
}

impl Query {
    /// Reads `raw`, finding the longest of `places` it names.
    pub fn read(raw: &str, places: &[Place]) -> Self {
        let text: String = raw.trim().chars().take(MAX_QUERY_CHARS).collect();
        let mut all: Vec<String> = words(&text).take(MAX_TERMS).collect();
        let mut state = None;
        if let Some((at, place)) = find_place(&all, places)
            && all.len() > place.words.len()
        {
            all.drain(at..at + place.words.len());
            state = Some(place.slug.clone());
        }
        let how_much = all
            .windows(2)
            .any(|pair| pair[0] == "how" && pair[1] == "much");
        let intent = if how_much || all.iter().any(|w| PAY_WORDS.contains(&w.as_str())) {
            Intent::Pay
        } else {
            Intent::Any
        };
        let without_pay: Vec<String> = all
            .iter()
            .filter(|w| !PAY_WORDS.contains(&w.as_str()))
            .cloned()
            .collect();
        let title_words = if without_pay.is_empty() {
            all.clone()
        } else {
            core_words(&without_pay)
        };
        Self {
            text,
            title_words,
            words: all,
            intent,
            state,
        }
    }

    /// True when there is nothing to search for.
    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }
}

/// The longest place whose words appear together in `words`, and where.
fn find_place<'p>(words: &[String], places: &'p [Place]) -> Option<(usize, &'p Place)> {
    places
        .iter()
        .filter(|place| !place.words.is_empty())
        .filter_map(|place| {
            words
                .windows(place.words.len())
                .position(|window| window == place.words.as_slice())
                .map(|at| (at, place))
        })
        .max_by_key(|(_, place)| place.words.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn places() -> Vec<Place> {
        ["Texas", "Virginia", "West Virginia", "New York"]
            .iter()
            .map(|name| Place {
                words: words(name).collect(),
                slug: crate::wages::slugify(name),
            })
            .collect()
    }

    #[test]
    fn pay_words_places_and_filler_are_read_apart_from_the_title() {
        let q = Query::read("Registered nurse salary in West Virginia", &places());
        assert_eq!(q.title_words, ["registered", "nurse"]);
        assert_eq!(q.intent, Intent::Pay);
        assert_eq!(q.state.as_deref(), Some("west-virginia"));

        let q = Query::read("electrician job description", &places());
        assert_eq!(q.title_words, ["electrician"]);
        let q = Query::read("How much does a plumber make", &places());
        assert_eq!(
            (q.title_words.as_slice(), q.intent),
            (["plumber".to_owned()].as_slice(), Intent::Pay)
        );
        let q = Query::read("job coach jobs", &places());
        assert_eq!(q.title_words, ["job", "coach"]);
        assert_eq!(q.intent, Intent::Any);
        assert_eq!(q.state, None);
    }

    #[test]
    fn a_query_of_only_such_words_keeps_them() {
        let q = Query::read("pay", &places());
        assert_eq!(q.title_words, ["pay"]);
        let q = Query::read("Texas", &places());
        assert_eq!(q.title_words, ["texas"], "a place alone is the search");
        assert_eq!(q.state, None);
        assert!(Query::read(" \"* ", &places()).is_empty());
    }
}
