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
    /// The slug of a state named in the query (or the state of a metro area named).
    pub state: Option<String>,
    /// The slug of a metro area named in the query by one of its cities.
    pub metro: Option<String>,
}

/// A state's name, or a city in a metro area's name, as words, and the slug of the
/// state or metro area, for finding it in queries.
#[derive(Debug, Clone)]
pub struct Place {
    /// "new", "york".
    pub words: Vec<String>,
    /// "new-york", or "denver-aurora-centennial-co" for "denver".
    pub slug: String,
    /// For a metro area's city, the slugs of the states the area spans; empty for a state.
    pub metro_states: Vec<String>,
}

impl Query {
    /// Reads `raw`, finding the longest state of `places` it names, then a metro area
    /// it names unambiguously by a city at its end (or after "in").
    pub fn read(raw: &str, places: &[Place]) -> Self {
        let text: String = raw.trim().chars().take(MAX_QUERY_CHARS).collect();
        let mut all: Vec<String> = words(&text).take(MAX_TERMS).collect();
        let mut state = None;
        if let Some((at, place)) = find_state(&all, places)
            && all.len() > place.words.len()
        {
            all.drain(at..at + place.words.len());
            state = Some(place.slug.clone());
        }
        let mut metro = None;
        if let Some((at, len, place)) = find_metro(&all, places, state.as_deref()) {
            all.drain(at..at + len);
            // A city of several areas ("portland") is still a place, not part of the title.
            if let Some(place) = place {
                state = state.or_else(|| place.metro_states.first().cloned());
                metro = Some(place.slug.clone());
            }
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
            metro,
        }
    }

    /// True when there is nothing to search for.
    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }
}

/// The longest state whose words appear together in `words`, and where.
fn find_state<'p>(words: &[String], places: &'p [Place]) -> Option<(usize, &'p Place)> {
    places
        .iter()
        .filter(|place| !place.words.is_empty() && place.metro_states.is_empty())
        .filter_map(|place| {
            words
                .windows(place.words.len())
                .position(|window| window == place.words.as_slice())
                .map(|at| (at, place))
        })
        .max_by_key(|(_, place)| place.words.len())
}

/// A metro area's city in `words` where a place goes in a query: at the end (pay and
/// filler words aside) or after "in"; within `state` when one was named. Where, how
/// many words, and the area when only one has that city; `None` when no city matches
/// or nothing but the city would be left.
fn find_metro<'p>(
    words: &[String],
    places: &'p [Place],
    state: Option<&str>,
) -> Option<(usize, usize, Option<&'p Place>)> {
    let trailing =
        |w: &String| PAY_WORDS.contains(&w.as_str()) || FILLER_WORDS.contains(&w.as_str());
    let end = words.len() - words.iter().rev().take_while(|w| trailing(w)).count();
    let mut found: Vec<(usize, usize, &Place)> = Vec::new();
    for place in places.iter().filter(|p| !p.metro_states.is_empty()) {
        let len = place.words.len();
        if len == 0 || len >= words.len() {
            continue;
        }
        let Some(at) = words
            .windows(len)
            .position(|window| window == place.words.as_slice())
        else {
            continue;
        };
        let placed = at + len == end || (at > 0 && words[at - 1] == "in");
        let in_state = state.is_none_or(|s| place.metro_states.iter().any(|m| m == s));
        if placed && in_state {
            found.push((at, len, place));
        }
    }
    let longest = found.iter().map(|(_, len, _)| *len).max()?;
    found.retain(|(_, len, _)| *len == longest);
    let (at, len, first) = *found.first()?;
    let unique = found.iter().all(|(_, _, p)| p.slug == first.slug);
    Some((at, len, unique.then_some(first)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn places() -> Vec<Place> {
        let metro = |city: &str, slug: &str, states: &[&str]| Place {
            words: words(city).collect(),
            slug: slug.to_owned(),
            metro_states: states.iter().map(|s| s.to_string()).collect(),
        };
        [
            "Texas",
            "Virginia",
            "West Virginia",
            "New York",
            "Oregon",
            "Maine",
        ]
        .iter()
        .map(|name| Place {
            words: words(name).collect(),
            slug: crate::wages::slugify(name),
            metro_states: Vec::new(),
        })
        .chain([
            metro("Denver", "denver-co", &["colorado"]),
            metro("Portland", "portland-or-wa", &["oregon", "washington"]),
            metro("Portland", "portland-me", &["maine"]),
            metro("New York", "new-york-ny-nj", &["new-york", "new-jersey"]),
            metro("Mobile", "mobile-al", &["alabama"]),
        ])
        .collect()
    }

    #[test]
    fn a_city_names_its_metro_area_only_where_a_place_goes_and_only_unambiguously() {
        let q = Query::read("electrician salary denver", &places());
        assert_eq!(q.title_words, ["electrician"]);
        assert_eq!(q.metro.as_deref(), Some("denver-co"));
        assert_eq!(
            q.state.as_deref(),
            Some("colorado"),
            "the metro area brings its state"
        );
        let q = Query::read("nurse pay in denver", &places());
        assert_eq!(q.metro.as_deref(), Some("denver-co"));
        let q = Query::read("nurse pay portland", &places());
        assert_eq!((q.metro, q.state), (None, None), "two Portlands");
        assert_eq!(
            q.title_words,
            ["nurse"],
            "still a place, not part of the title"
        );
        let q = Query::read("nurse pay portland oregon", &places());
        assert_eq!(q.metro.as_deref(), Some("portland-or-wa"));
        assert_eq!(q.state.as_deref(), Some("oregon"));
        let q = Query::read("mobile crane operator salary", &places());
        assert_eq!(q.metro, None, "a city word inside a title is not a place");
        let q = Query::read("cna pay new york", &places());
        assert_eq!(
            q.state.as_deref(),
            Some("new-york"),
            "a state's own name is the state"
        );
        assert_eq!(q.metro, None);
        assert_eq!(Query::read("denver", &places()).metro, None);
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
