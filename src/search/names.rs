//! Every name a job goes by (role titles and aliases, the dictionary's titles, BLS's
//! official titles) and article titles, matched against a query's words: exactly, word
//! by word as prefixes, or, when those fail, within a typo or two.

use std::cmp::Reverse;
use std::collections::{HashMap, HashSet};

use super::query::core_words;
use super::spelling::{Rows, typo_allowance};
use crate::words::words;

/// What a name leads to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Target {
    /// A role, by index in the library's roles.
    Role(usize),
    /// An occupation with no role written, by index in the index's occupations.
    Occupation(usize),
    /// An article, by index in the library's articles.
    Article(usize),
}

/// Where a name comes from, the most telling first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Source {
    /// A role's title.
    RoleTitle,
    /// A role's alias.
    RoleAlias,
    /// A title of the dictionary.
    Dictionary,
    /// BLS's official occupation title.
    Official,
    /// An article's title.
    ArticleTitle,
}

/// How closely a name matched, the closest first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Closeness {
    /// The same words.
    Exact,
    /// Every query word starts a word of the name.
    Words,
    /// Every query word is within a typo or two of a word of the name.
    Typo,
}

/// One name.
#[derive(Debug, Clone)]
pub struct Name {
    /// As written.
    pub text: String,
    words: Vec<String>,
    /// `words` as chars, for typo distances.
    chars: Vec<Vec<char>>,
    /// The words joined by spaces, as chars, for likeness as a whole.
    key: Vec<char>,
    core: Vec<String>,
    /// What it leads to.
    pub target: Target,
    /// Where it comes from.
    pub source: Source,
    /// Jobs in the occupation it names (0 for articles): the tie-breaker.
    popularity: u64,
}

/// A name that matched, with what ranks it.
#[derive(Debug, Clone, Copy)]
pub struct Match<'n> {
    /// The name.
    pub name: &'n Name,
    /// How closely.
    pub closeness: Closeness,
    typos: usize,
    whole_words: usize,
    /// Whether the query's last word is the name's last, its head noun ("driver" in
    /// "Truck Driver", not in "Driver Helper").
    head: bool,
    /// Words of the name beyond the query's, counted up to two.
    extra: usize,
}

impl Match<'_> {
    fn rank(&self) -> impl Ord + '_ {
        (
            self.closeness,
            self.typos,
            Reverse(self.whole_words),
            Reverse(self.head),
            self.extra,
            Reverse(self.name.popularity),
            self.name.source,
            self.name.words.len(),
            &self.name.text,
        )
    }
}

/// All the names, searchable.
#[derive(Debug, Default)]
pub struct Names {
    names: Vec<Name>,
    known: HashSet<Vec<String>>,
    /// Every word of every name with the name's index, sorted by word: the names a
    /// query word starts a word of are one range of it.
    by_word: Vec<(String, usize)>,
}

impl Names {
    /// Adds a name, unless one with the same words is there already (so a role's
    /// title and aliases, added first, win over the dictionary for the same words).
    /// Call [`Names::finish`] after the last.
    pub fn add(&mut self, text: &str, target: Target, source: Source, popularity: u64) {
        let words: Vec<String> = words(text).collect();
        if words.is_empty() || !self.known.insert(words.clone()) {
            return;
        }
        let index = self.names.len();
        self.by_word
            .extend(words.iter().map(|word| (word.clone(), index)));
        self.names.push(Name {
            text: text.to_owned(),
            core: core_words(&words),
            chars: words.iter().map(|w| w.chars().collect()).collect(),
            key: words.join(" ").chars().collect(),
            words,
            target,
            source,
            popularity,
        });
    }

    /// Readies the names for searching, once every one is added.
    pub fn finish(&mut self) {
        self.by_word.sort_unstable();
        self.by_word.dedup();
    }

    /// Every name.
    pub fn all(&self) -> &[Name] {
        &self.names
    }

    /// The names in which some word starts with each word of `query`, by index.
    fn starting(&self, query: &[String]) -> Vec<usize> {
        intersect(query.iter().map(|word| self.with_prefix(word)))
    }

    /// The names in which, for each word of `query`, some word begins alike (see
    /// [`same_start`]): the only ones a typo match can come from.
    fn starting_alike(&self, query: &[Vec<char>]) -> Vec<usize> {
        intersect(query.iter().map(|chars| {
            let mut names = Vec::new();
            let firsts = chars.first().into_iter().chain(chars.get(1));
            for first in firsts {
                let prefix = first.to_string();
                names.extend(self.with_prefix(&prefix));
            }
            names
        }))
    }

    /// The names with a word starting with `prefix`.
    fn with_prefix(&self, prefix: &str) -> Vec<usize> {
        let start = self.by_word.partition_point(|(w, _)| w.as_str() < prefix);
        self.by_word[start..]
            .iter()
            .take_while(|(w, _)| w.starts_with(prefix))
            .map(|(_, i)| *i)
            .collect()
    }

    /// The best match for each target, best first: exact and word matches, or, with
    /// `typos`, only matches within a typo or two.
    pub fn find(&self, query: &[String], typos: bool) -> Vec<Match<'_>> {
        if query.is_empty() {
            return Vec::new();
        }
        let query_chars: Vec<Vec<char>> = query.iter().map(|w| w.chars().collect()).collect();
        let mut rows = Rows::default();
        let candidates: Vec<&Name> = if typos {
            self.starting_alike(&query_chars)
        } else {
            self.starting(query)
        }
        .into_iter()
        .map(|i| &self.names[i])
        .collect();
        let mut best: HashMap<Target, Match<'_>> = HashMap::new();
        for name in candidates {
            let found = if typos {
                typo_match(name, query, &query_chars, &mut rows)
            } else {
                word_match(name, query)
            };
            let Some(found) = found else { continue };
            best.entry(name.target)
                .and_modify(|kept| {
                    if found.rank() < kept.rank() {
                        *kept = found;
                    }
                })
                .or_insert(found);
        }
        let mut matches: Vec<Match<'_>> = best.into_values().collect();
        matches.sort_by(|a, b| a.rank().cmp(&b.rank()));
        matches
    }
}

fn word_match<'n>(name: &'n Name, query: &[String]) -> Option<Match<'n>> {
    let mut whole_words = 0;
    for word in query {
        let mut starts = false;
        for n in &name.words {
            if n == word {
                whole_words += 1;
                starts = true;
                break;
            }
            starts |= n.starts_with(word.as_str());
        }
        if !starts {
            return None;
        }
    }
    let closeness = if name.core == query || name.words == query {
        Closeness::Exact
    } else {
        Closeness::Words
    };
    Some(Match {
        name,
        closeness,
        typos: 0,
        whole_words,
        // Still typing a word: what it will be is unknown, so only popularity ranks.
        head: whole_words == query.len() && heads(name, query),
        extra: if whole_words == query.len() {
            extra(name, query)
        } else {
            0
        },
    })
}

fn heads(name: &Name, query: &[String]) -> bool {
    name.words
        .last()
        .is_some_and(|last| Some(last) == query.last())
}

fn extra(name: &Name, query: &[String]) -> usize {
    name.core.len().saturating_sub(query.len()).min(2)
}

fn typo_match<'n>(
    name: &'n Name,
    query: &[String],
    query_chars: &[Vec<char>],
    rows: &mut Rows,
) -> Option<Match<'n>> {
    let mut typos = 0;
    for (at, (word, chars)) in query.iter().zip(query_chars).enumerate() {
        let allowed = typo_allowance(word);
        // Only the last word may still be half typed: compare it with as much of each word.
        let typing = at + 1 == query.len();
        let closest = name
            .words
            .iter()
            .zip(&name.chars)
            .filter_map(|(n, n_chars)| {
                if n.starts_with(word.as_str()) {
                    return Some(0);
                }
                if !same_start(chars, n_chars) {
                    return None;
                }
                let whole = rows.within(chars, n_chars, allowed);
                let prefix = (typing && n_chars.len() > chars.len())
                    .then(|| rows.within(chars, &n_chars[..chars.len()], allowed))
                    .flatten();
                whole.into_iter().chain(prefix).min()
            })
            .min()?;
        typos += closest;
    }
    Some(Match {
        name,
        closeness: Closeness::Typo,
        typos,
        whole_words: 0,
        head: false,
        extra: extra(name, query),
    })
}

/// Whether two words begin alike: the same first letter, or the first two swapped.
/// People rarely mistype a word's first letter, and the check saves most distances.
fn same_start(a: &[char], b: &[char]) -> bool {
    match (a, b) {
        ([a0, ..], [b0, ..]) if a0 == b0 => true,
        ([a0, a1, ..], [b0, b1, ..]) => a0 == b1 && a1 == b0,
        _ => false,
    }
}

/// The indexes in every one of `sets` (each in any order, with repeats).
fn intersect(sets: impl Iterator<Item = Vec<usize>>) -> Vec<usize> {
    let mut found: Option<Vec<usize>> = None;
    for mut set in sets {
        set.sort_unstable();
        set.dedup();
        found = Some(match found {
            None => set,
            Some(before) => before
                .into_iter()
                .filter(|i| set.binary_search(i).is_ok())
                .collect(),
        });
    }
    found.unwrap_or_default()
}

/// Names whose words as a whole are at least `alike` (0 to 1) like `text`'s, with how
/// alike, unsorted.
pub fn alike<'n>(names: &'n Names, text: &str, alike: f64) -> Vec<(f64, &'n Name)> {
    let text: Vec<char> = text.chars().collect();
    let mut rows = Rows::default();
    names
        .names
        .iter()
        .filter(|name| name.key.first() == text.first())
        .filter_map(|name| {
            let longest = text.len().max(name.key.len());
            let limit = ((1.0 - alike) * longest as f64).floor() as usize;
            let distance = rows.within(&text, &name.key, limit)?;
            Some((1.0 - distance as f64 / longest.max(1) as f64, name))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names() -> Names {
        let mut names = Names::default();
        names.add(
            "Registered Nurse",
            Target::Role(0),
            Source::RoleTitle,
            3_000,
        );
        names.add(
            "Nurse Practitioner",
            Target::Role(1),
            Source::RoleTitle,
            300,
        );
        names.add("RN", Target::Role(0), Source::RoleAlias, 3_000);
        names.add(
            "Electrician",
            Target::Occupation(0),
            Source::Dictionary,
            800,
        );
        names.add(
            "Electrician's Helper",
            Target::Occupation(1),
            Source::Dictionary,
            90,
        );
        names.add(
            "registered nurse",
            Target::Occupation(2),
            Source::Dictionary,
            1,
        );
        names.finish();
        names
    }

    fn query(text: &str) -> Vec<String> {
        core_words(&words(text).collect::<Vec<_>>())
    }

    #[test]
    fn exact_then_words_then_popularity() {
        let names = names();
        let found = names.find(&query("nurse"), false);
        let targets: Vec<Target> = found.iter().map(|m| m.name.target).collect();
        assert_eq!(targets, [Target::Role(0), Target::Role(1)]);
        let found = names.find(&query("electrician"), false);
        assert_eq!(found[0].closeness, Closeness::Exact);
        assert_eq!(found[1].name.text, "Electrician's Helper");
        assert_eq!(names.find(&query("rn"), false)[0].name.text, "RN");
        assert!(names.find(&query("plumber"), false).is_empty());
    }

    #[test]
    fn the_first_name_added_wins_for_the_same_words() {
        let names = names();
        let found = names.find(&query("Registered Nurse"), false);
        assert_eq!(found[0].name.target, Target::Role(0));
        assert_eq!(found.len(), 1, "the dictionary's copy was not added");
    }

    #[test]
    fn typos_match_only_when_asked() {
        let names = names();
        assert!(names.find(&query("electrision"), false).is_empty());
        let found = names.find(&query("electrision"), true);
        assert_eq!(found[0].name.text, "Electrician");
        let found = names.find(&query("registred nurce"), true);
        assert_eq!(found[0].name.target, Target::Role(0));
    }
}
