//! Building the index at start-up: every name, the pages we wrote for snippets, the
//! occupations with pay data only, and (on a thread of its own) the full-text index.

use super::names::{Names, Source, Target};
use super::spelling::Vocabulary;
use super::text::{self, TextIndex};
use super::{Occupation, Page, Place, SearchIndex};
use crate::content::Library;
use crate::wages::{Figure, Level, SocCode, money};
use crate::words::words;

/// Everything of the index but its full-text part, built beside it.
struct Parts {
    names: Names,
    roles: Vec<Page>,
    articles: Vec<Page>,
    occupations: Vec<Occupation>,
    vocabulary: Vocabulary,
    places: Vec<Place>,
}

impl SearchIndex {
    /// Indexes everything in `library`.
    pub fn build(library: &Library) -> Result<Self, rusqlite::Error> {
        // The full-text index is the slow part of start-up: it is built beside the rest.
        std::thread::scope(|scope| {
            let text = scope.spawn(|| text_index(library));
            let parts = Self::names_and_pages(library);
            let text = text
                .join()
                .unwrap_or_else(|panic| std::panic::resume_unwind(panic))?;
            let Parts {
                names,
                roles,
                articles,
                occupations,
                vocabulary,
                places,
            } = parts;
            Ok(Self {
                names,
                text,
                roles,
                articles,
                occupations,
                vocabulary,
                places,
            })
        })
    }

    /// Everything but the full-text index, which [`SearchIndex::build`] adds.
    fn names_and_pages(library: &Library) -> Parts {
        let wages = library.wages();
        let popularity = |soc: &SocCode| {
            wages
                .wages(soc, 0)
                .and_then(|w| w.employment.value())
                .unwrap_or(0)
        };
        let mut names = Names::default();
        for (i, role) in library.roles().iter().enumerate() {
            let jobs = popularity(&role.soc);
            names.add(&role.title, Target::Role(i), Source::RoleTitle, jobs);
            for alias in &role.aliases {
                names.add(alias, Target::Role(i), Source::RoleAlias, jobs);
            }
        }
        // Each occupation leads to its main role when we wrote one, else to its pay.
        let mut occupations = Vec::new();
        let mut target_of = std::collections::HashMap::new();
        for occupation in wages.occupations().filter(|o| o.level == Level::Detailed) {
            let target = match main_role(library, &occupation.soc) {
                Some(i) => Target::Role(i),
                None => {
                    occupations.push(Occupation {
                        soc: occupation.soc.clone(),
                        official: occupation.title.clone(),
                        pay_line: pay_line(library, &occupation.soc, &occupation.title),
                    });
                    Target::Occupation(occupations.len() - 1)
                }
            };
            target_of.insert(occupation.soc.clone(), target);
        }
        for title in library.titles().titles() {
            if let Some(target) = target_of.get(&title.soc) {
                names.add(
                    &title.title,
                    *target,
                    Source::Dictionary,
                    popularity(&title.soc),
                );
            }
        }
        for occupation in wages.occupations().filter(|o| o.level == Level::Detailed) {
            if let Some(target) = target_of.get(&occupation.soc) {
                let jobs = popularity(&occupation.soc);
                names.add(&occupation.title, *target, Source::Official, jobs);
            }
        }
        for (i, article) in library.articles().iter().enumerate() {
            names.add(&article.title, Target::Article(i), Source::ArticleTitle, 0);
        }
        names.finish();

        let roles = library
            .roles()
            .iter()
            .map(|r| Page {
                soc: r.soc.to_string(),
                ..page(
                    "/job-descriptions",
                    &r.slug,
                    &r.title,
                    &r.summary,
                    &r.body.text,
                )
            })
            .collect();
        let articles = library
            .articles()
            .iter()
            .map(|a| page("/resources", &a.slug, &a.title, &a.summary, &a.body.text))
            .collect();
        let vocabulary = Vocabulary::new(
            names
                .all()
                .iter()
                .flat_map(|n| words(&n.text).collect::<Vec<_>>())
                .chain(
                    library
                        .roles()
                        .iter()
                        .flat_map(|r| words(&r.summary).collect::<Vec<_>>()),
                )
                .filter(|w| w.chars().count() >= 3),
        );
        let mut places: Vec<Place> = wages.areas()[1..]
            .iter()
            .map(|area| Place {
                words: words(&area.name).collect(),
                slug: area.slug.clone(),
                metro_states: Vec::new(),
            })
            .collect();
        // A metro area is named by any of its cities; nonmetro areas by none.
        for area in wages.metro().areas() {
            let Some((cities, _)) = area.name.split_once(", ") else {
                continue;
            };
            let states: Vec<String> = area
                .states
                .iter()
                .map(|&s| wages.areas()[s].slug.clone())
                .collect();
            places.extend(cities.split('-').map(|city| Place {
                words: words(city).collect(),
                slug: area.slug.clone(),
                metro_states: states.clone(),
            }));
        }
        Parts {
            names,
            roles,
            articles,
            occupations,
            vocabulary,
            places,
        }
    }
}

/// The full-text index of roles (ids 1 to n) and then articles.
fn text_index(library: &Library) -> Result<TextIndex, rusqlite::Error> {
    let aliases: Vec<String> = library
        .roles()
        .iter()
        .map(|r| r.aliases.join(", "))
        .collect();
    let roles = library
        .roles()
        .iter()
        .zip(&aliases)
        .map(|(role, aliases)| text::Page {
            title: &role.title,
            aliases,
            summary: &role.summary,
            body: &role.body.text,
        });
    let articles = library.articles().iter().map(|article| text::Page {
        title: &article.title,
        aliases: "",
        summary: &article.summary,
        body: &article.body.text,
    });
    TextIndex::build(roles.chain(articles))
}

/// A page at `{section}/{slug}`, its summary then its body kept for snippets.
fn page(section: &str, slug: &str, title: &str, summary: &str, body: &str) -> Page {
    let text = format!("{summary} {body}");
    Page {
        href: format!("{section}/{slug}"),
        title: title.to_owned(),
        soc: String::new(),
        folded: text.to_ascii_lowercase(),
        text,
    }
}

/// The role most employers would mean by `soc`: the one titled as the dictionary's
/// most common title, else the first by title.
fn main_role(library: &Library, soc: &SocCode) -> Option<usize> {
    let common = library
        .titles()
        .most_common(soc)
        .map(crate::words::normalize);
    let roles: Vec<(usize, &crate::content::Role)> = library
        .roles()
        .iter()
        .enumerate()
        .filter(|(_, role)| role.soc == *soc)
        .collect();
    roles
        .iter()
        .find(|(_, role)| Some(crate::words::normalize(&role.title)) == common)
        .or(roles.first())
        .map(|(i, _)| *i)
}

/// What an occupation result says of its pay, from the data.
fn pay_line(library: &Library, soc: &SocCode, official: &str) -> String {
    let wages = library.wages();
    let release = wages.release();
    let median = wages.wages(soc, 0).and_then(|w| {
        let (unit, p) = w.basis();
        let text = money::figure(p.median, unit, release)?;
        Some(match (unit, p.median) {
            (crate::wages::Unit::Hourly, Figure::Value(_)) => format!("{text} an hour"),
            _ => format!("{text} a year"),
        })
    });
    match median {
        Some(median) => format!(
            "Pay for the official occupation {official} (SOC {soc}): national median {median}, from the {}.",
            release.citation()
        ),
        None => format!(
            "Pay for the official occupation {official} (SOC {soc}), from the {}.",
            release.citation()
        ),
    }
}
