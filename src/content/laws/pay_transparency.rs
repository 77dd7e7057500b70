//! The pay transparency rules in `content/data/pay-transparency.toml`, and which of
//! them apply to a job's location.

use serde::Deserialize;
use time::Date;
use toml::Spanned;

use super::{Problem, date};
use crate::content::Document;
use crate::dates::human_date;

/// Words that mean a remote job can hire anywhere in the country.
const NATIONWIDE: [&str; 7] = [
    "united states",
    "usa",
    "us",
    "u.s.",
    "u.s.a.",
    "anywhere in the us",
    "anywhere in the u.s.",
];

/// One jurisdiction's rule.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PayRule {
    /// "California", "New York City".
    pub jurisdiction: String,
    /// The state it is in, as named in the wage data.
    pub state: String,
    /// For a city ordinance, the names people write for the city.
    pub cities: Vec<String>,
    /// When it took or takes effect.
    pub effective: Date,
    /// The smallest employer it covers.
    pub min_employees: u32,
    /// What employers must do, in words that complete "employers ... must".
    pub requirement: String,
    /// The law, for reference.
    pub law: String,
    /// What else a posting must include besides pay (benefits, a closing date).
    pub includes: Vec<Include>,
}

/// Something a law requires a posting to include besides the pay range.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Include {
    /// A general description of benefits.
    Benefits,
    /// The date applications are expected to close.
    ClosingDate,
}

/// Where a job is, as the rules read it.
#[derive(Debug, Clone, Copy)]
pub enum Place<'a> {
    /// An on-site or hybrid job in `city`, `state`.
    At {
        /// The city.
        city: &'a str,
        /// The state's name.
        state: &'a str,
    },
    /// A remote job that can hire in `regions`.
    Remote {
        /// States or countries.
        regions: &'a [String],
    },
}

impl PayRule {
    /// The rule in one sentence, as of `today`.
    pub fn explain(&self, today: Date) -> String {
        let who = match self.min_employees {
            0 | 1 => "all employers".to_owned(),
            n => format!("employers with {n} or more employees"),
        };
        let when = if self.effective <= today {
            "Since"
        } else {
            "From"
        };
        format!(
            "{}: {when} {}, {who} must {} ({}).",
            self.jurisdiction,
            human_date(self.effective),
            self.requirement,
            self.law
        )
    }
}

/// All the rules, and when they were last checked.
#[derive(Debug, Clone)]
pub struct PayRules {
    /// When we last checked the rules against the laws.
    pub reviewed: Date,
    rules: Vec<PayRule>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFile {
    reviewed: toml::value::Datetime,
    rules: Vec<Spanned<RawRule>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawRule {
    jurisdiction: String,
    state: String,
    #[serde(default)]
    cities: Vec<String>,
    effective: toml::value::Datetime,
    min_employees: u32,
    requirement: String,
    law: String,
    #[serde(default)]
    includes: Vec<Include>,
}

impl PayRules {
    /// Every rule, in file order.
    pub fn rules(&self) -> &[PayRule] {
        &self.rules
    }

    /// Parses the file's text; `known_state` says whether a state name exists in the
    /// wage data. Every problem is reported, each at its line.
    pub fn parse(source: &str, known_state: impl Fn(&str) -> bool) -> Result<Self, Vec<Problem>> {
        let doc = Document::toml(source);
        let raw: RawFile = doc.front_matter().map_err(|p| vec![p])?;
        let mut problems = Vec::new();
        let mut rules = Vec::new();
        for spanned in &raw.rules {
            let line = doc.line_of(spanned.span());
            let rule = spanned.get_ref();
            if !known_state(&rule.state) {
                problems.push(Problem::new(
                    line,
                    format!("unknown state \"{}\" in the wage data's areas", rule.state),
                ));
            }
            if rule.jurisdiction.trim().is_empty()
                || rule.requirement.trim().is_empty()
                || rule.law.trim().is_empty()
            {
                problems.push(Problem::new(
                    line,
                    "every rule needs a jurisdiction, a requirement and a law",
                ));
            }
            match date(&rule.effective, line) {
                Ok(effective) => rules.push(PayRule {
                    jurisdiction: rule.jurisdiction.clone(),
                    state: rule.state.clone(),
                    cities: rule.cities.clone(),
                    effective,
                    min_employees: rule.min_employees,
                    requirement: rule.requirement.clone(),
                    law: rule.law.clone(),
                    includes: rule.includes.clone(),
                }),
                Err(problem) => problems.push(problem),
            }
        }
        let reviewed = date(&raw.reviewed, 1).map_err(|p| problems.push(p)).ok();
        match reviewed {
            Some(reviewed) if problems.is_empty() => Ok(Self { reviewed, rules }),
            _ => Err(problems),
        }
    }

    /// The rules that apply to a job at `place`.
    pub fn applying_to(&self, place: Place<'_>) -> Vec<&PayRule> {
        let same = |a: &str, b: &str| a.trim().eq_ignore_ascii_case(b.trim());
        self.rules
            .iter()
            .filter(|rule| match place {
                Place::At { city, state } => {
                    same(&rule.state, state)
                        && (rule.cities.is_empty() || rule.cities.iter().any(|c| same(c, city)))
                }
                Place::Remote { regions } => {
                    rule.cities.is_empty()
                        && regions
                            .iter()
                            .any(|r| same(r, &rule.state) || NATIONWIDE.iter().any(|n| same(r, n)))
                }
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const RULES: &str = r#"
reviewed = 2026-11-23

[[rules]]
jurisdiction = "California"
state = "California"
effective = 2023-01-01
min_employees = 15
requirement = "include the pay scale"
law = "Labor Code 432.3"

[[rules]]
jurisdiction = "New York City"
state = "New York"
cities = ["New York City", "Brooklyn"]
effective = 2022-11-01
min_employees = 4
requirement = "state the pay range"
law = "Admin Code 8-107(32)"
"#;

    fn rules() -> PayRules {
        PayRules::parse(RULES, |_| true).expect("valid rules")
    }

    fn place<'a>(city: &'a str, state: &'a str) -> Place<'a> {
        Place::At { city, state }
    }

    fn names(rules: Vec<&PayRule>) -> Vec<&str> {
        rules.iter().map(|r| r.jurisdiction.as_str()).collect()
    }

    #[test]
    fn place_rules_match_state_and_city() {
        let rules = rules();
        assert_eq!(
            names(rules.applying_to(place("Fresno", "California"))),
            ["California"]
        );
        assert_eq!(
            names(rules.applying_to(place("brooklyn", "New York"))),
            ["New York City"]
        );
        assert!(rules.applying_to(place("Buffalo", "New York")).is_empty());
        assert!(rules.applying_to(place("Austin", "Texas")).is_empty());
    }

    #[test]
    fn remote_jobs_match_the_states_they_hire_in() {
        let rules = rules();
        let remote =
            |regions: &[&str]| -> Vec<String> { regions.iter().map(|r| r.to_string()).collect() };
        let applying = |regions: &[&str]| {
            let regions = remote(regions);
            names(rules.applying_to(Place::Remote { regions: &regions }))
                .into_iter()
                .map(str::to_owned)
                .collect::<Vec<_>>()
        };
        assert_eq!(applying(&["United States"]), ["California"]);
        assert_eq!(applying(&["Oregon", "california"]), ["California"]);
        assert!(applying(&["Canada"]).is_empty());
    }

    #[test]
    fn rules_explain_themselves() {
        let text = rules().rules()[0].explain(time::macros::date!(2026 - 11 - 23));
        assert_eq!(
            text,
            "California: Since January 1, 2023, employers with 15 or more employees must include the pay scale (Labor Code 432.3)."
        );
    }

    #[test]
    fn unknown_states_are_refused_with_their_line() {
        let problems = PayRules::parse(RULES, |s| s == "Texas").expect_err("unknown states");
        let found: Vec<(usize, bool)> = problems
            .iter()
            .map(|p| (p.line, p.message.contains("unknown state")))
            .collect();
        assert_eq!(found, [(4, true), (12, true)], "both rules are reported");
    }
}
