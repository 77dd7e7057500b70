//! Posting laws and completeness: what the job's location requires and the posting
//! lacks (a pay range, a benefits description, the closing date), and a posting with no
//! location, no way to apply or no equal opportunity statement.

use time::Date;

use super::{Finding, Kind, PostingText};
use crate::builder::checks::required_items;
use crate::content::laws::{Include, PayRules};

/// The findings for `posting` as of `today`.
pub fn findings(posting: &PostingText, rules: &PayRules, today: Date) -> Vec<Finding> {
    let mut findings = Vec::new();
    let mut add = |subject: String, why: String, instead: &str| {
        findings.push(Finding {
            kind: Kind::Completeness,
            subject,
            why,
            instead: instead.to_owned(),
        });
    };
    match &posting.location {
        None => add(
            "Location".to_owned(),
            "Candidates need to know where the job is, and the pay laws that apply depend on it."
                .to_owned(),
            "Give the city and state, or say the job is remote and where you can hire.",
        ),
        Some(location) => {
            let place = location.place();
            if !posting.pay
                && let Some(rule) = rules
                    .applying_to(place)
                    .into_iter()
                    .find(|r| r.effective <= today)
            {
                let size = if rule.min_employees > 1 {
                    format!(
                        " of employers with {} or more employees",
                        rule.min_employees
                    )
                } else {
                    String::new()
                };
                add(
                    "Pay range".to_owned(),
                    format!(
                        "{} requires a pay range in the job postings{size} ({}).",
                        rule.jurisdiction, rule.law
                    ),
                    "Give the lowest and highest pay you would offer in good faith.",
                );
            }
            for required in required_items(rules, place, today) {
                let (field, missing, instead) = match required.what {
                    Include::Benefits => (
                        "Benefits",
                        !posting.benefits,
                        "Tick the benefits you offer, or describe them.",
                    ),
                    Include::ClosingDate => (
                        "Closing date",
                        !posting.closing_date,
                        "Give the date applications close.",
                    ),
                };
                if missing {
                    add(field.to_owned(), format!("{}.", required.reason), instead);
                }
            }
        }
    }
    if !posting.apply {
        add(
            "How to apply".to_owned(),
            "A posting with no way to apply loses the candidates it convinced.".to_owned(),
            "Give an application link or an email address, or apply on the posting's page.",
        );
    }
    if !posting.eeo {
        add(
            "Equal opportunity statement".to_owned(),
            "A short statement tells every qualified person they are welcome and that you will discuss adjustments to the application or the job.".to_owned(),
            "Keep ours, or write your own in plain words.",
        );
    }
    findings
}
