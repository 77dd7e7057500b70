//! Every name a job goes by (role titles and aliases, the dictionary's titles, BLS's
//! official titles) and article titles, matched against a query's words: exactly, word
//! by word as prefixes, or, when those fail, within a typo or two.

use std::cmp::Reverse;
use std::collections::{HashMap, HashSet};

use super::query::core_words;
use super::spelling::{distance_within, typo_allowance};
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
}

impl Names {
    /// Adds a name, unless one with the same words is there already (so a role's
    /// title and aliases, added first, win over the dictionary for the same words).
    pub fn add(&mut self, text: &str, target: Target, source: Source, popularity: u64) {
        let words: Vec<String> = words(text).collect();
        if words.is_empty() || !self.known.insert(words.clone()) {
            return;
        }
        self.names.push(Name {
            text: text.to_owned(),
            core: core_words(&words),
            words,
            target,
            source,
            popularity,
        });
    }

    /// Every name.
    pub fn all(&self) -> &[Name] {
        &self.names
    }

    /// The best match for each target, best first: exact and word matches, or, with
    /// `typos`, only matches within a typo or two.
    pub fn find(&self, query: &[String], typos: bool) -> Vec<Match<'_>> {
        if query.is_empty() {
            return Vec::new();
        }
        let mut best: HashMap<Target, Match<'_>> = HashMap::new();
        for name in &self.names {
            let found = if typos {
                typo_match(name, query)
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

fn typo_match<'n>(name: &'n Name, query: &[String]) -> Option<Match<'n>> {
    let mut typos = 0;
    for word in query {
        let allowed = typo_allowance(word);
        let closest = name
            .words
            .iter()
            .filter_map(|n| {
                if n.starts_with(word.as_str()) {
                    return Some(0);
                }
                // A typo in a word still being typed: compare with as much of the name's word.
                let prefix: String = n.chars().take(word.chars().count()).collect();
                [
                    distance_within(word, n, allowed),
                    distance_within(word, &prefix, allowed),
                ]
                .into_iter()
                .flatten()
                .min()
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
