//! The pay transparency rules in `content/data/pay-transparency.toml`, and which of
//! them apply to a job's location.

use serde::Deserialize;
use time::Date;
use toml::Spanned;

use super::posting::Location;
use crate::content::Problem;
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
}

impl PayRules {
    /// Every rule, in file order.
    pub fn rules(&self) -> &[PayRule] {
        &self.rules
    }

    /// Parses the file's text; `known_state` says whether a state name exists in the wage data.
    pub fn parse(source: &str, known_state: impl Fn(&str) -> bool) -> Result<Self, Problem> {
        let doc = crate::content::Document::toml(source);
        let raw: RawFile = doc.front_matter()?;
        let date = |value: &toml::value::Datetime, line: usize| {
            let date = value.date.filter(|_| value.time.is_none());
            date.and_then(|d| {
                Date::from_calendar_date(
                    i32::from(d.year),
                    time::Month::try_from(d.month).ok()?,
                    d.day,
                )
                .ok()
            })
            .ok_or_else(|| Problem::new(line, "dates must look like 2026-11-23"))
        };
        let mut rules = Vec::new();
        for spanned in &raw.rules {
            let line = doc.line_of(spanned.span());
            let rule = spanned.get_ref();
            if !known_state(&rule.state) {
                return Err(Problem::new(
                    line,
                    format!("unknown state \"{}\" in the wage data's areas", rule.state),
                ));
            }
            if rule.jurisdiction.trim().is_empty()
                || rule.requirement.trim().is_empty()
                || rule.law.trim().is_empty()
            {
                return Err(Problem::new(
                    line,
                    "every rule needs a jurisdiction, a requirement and a law",
                ));
            }
            rules.push(PayRule {
                jurisdiction: rule.jurisdiction.clone(),
                state: rule.state.clone(),
                cities: rule.cities.clone(),
                effective: date(&rule.effective, line)?,
                min_employees: rule.min_employees,
                requirement: rule.requirement.clone(),
                law: rule.law.clone(),
            });
        }
        Ok(Self {
            reviewed: date(&raw.reviewed, 1)?,
            rules,
        })
    }

    /// The rules that apply to a job at `location`.
    pub fn applying_to(&self, location: &Location) -> Vec<&PayRule> {
        let same = |a: &str, b: &str| a.trim().eq_ignore_ascii_case(b.trim());
        self.rules
            .iter()
            .filter(|rule| match location {
                Location::Place { city, state } => {
                    same(&rule.state, state)
                        && (rule.cities.is_empty() || rule.cities.iter().any(|c| same(c, city)))
                }
                Location::Remote { regions } => {
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

    fn place(city: &str, state: &str) -> Location {
        Location::Place {
            city: city.into(),
            state: state.into(),
        }
    }

    fn names(rules: Vec<&PayRule>) -> Vec<&str> {
        rules.iter().map(|r| r.jurisdiction.as_str()).collect()
    }

    #[test]
    fn place_rules_match_state_and_city() {
        let rules = rules();
        assert_eq!(
            names(rules.applying_to(&place("Fresno", "California"))),
            ["California"]
        );
        assert_eq!(
            names(rules.applying_to(&place("brooklyn", "New York"))),
            ["New York City"]
        );
        assert!(rules.applying_to(&place("Buffalo", "New York")).is_empty());
        assert!(rules.applying_to(&place("Austin", "Texas")).is_empty());
    }

    #[test]
    fn remote_jobs_match_the_states_they_hire_in() {
        let rules = rules();
        let remote = |regions: &[&str]| Location::Remote {
            regions: regions.iter().map(|r| r.to_string()).collect(),
        };
        assert_eq!(
            names(rules.applying_to(&remote(&["United States"]))),
            ["California"]
        );
        assert_eq!(
            names(rules.applying_to(&remote(&["Oregon", "california"]))),
            ["California"]
        );
        assert!(rules.applying_to(&remote(&["Canada"])).is_empty());
    }

    #[test]
    fn rules_explain_themselves() {
        let text = rules().rules()[0].explain(time::macros::date!(2026 - 11 - 23));
        assert_eq!(
            text,
            "California: Since 1 January 2023, employers with 15 or more employees must include the pay scale (Labor Code 432.3)."
        );
    }

    #[test]
    fn unknown_states_are_refused_with_their_line() {
        let problem = PayRules::parse(RULES, |s| s != "New York").expect_err("unknown state");
        assert_eq!(problem.line, 12);
        assert!(problem.message.contains("unknown state \"New York\""));
    }
}
