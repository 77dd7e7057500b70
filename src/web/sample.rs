//! The sample job description on a role page: the role's posting summary, duties,
//! requirements and skills, with the pay range for the chosen place, as a candidate
//! reads it and as plain text to copy.

use super::pay_panel::SalarySection;
use crate::content::Role;

/// A sample posting, ready for the page.
pub struct SamplePosting {
    /// The job title.
    pub title: String,
    /// The posting summary.
    pub summary: String,
    /// Headed lists: duties, requirements, preferred skills.
    pub sections: Vec<(&'static str, Vec<String>)>,
    /// "$47,670 - $100,480 a year in the United States (…)", when BLS published one.
    pub pay: Option<String>,
    /// The whole posting as plain text, for the copy box.
    pub text: String,
}

impl SamplePosting {
    /// The sample for `role`, with the middle half of pay from `salary` (the chosen
    /// state's when there is one, else the nation's).
    pub fn new(role: &Role, salary: &SalarySection<'_>) -> Self {
        let body = &role.body;
        let texts = |items: &[crate::content::ListItem]| -> Vec<String> {
            items.iter().map(|item| item.text.clone()).collect()
        };
        let sections = vec![
            ("What you will do", texts(&body.duties.items)),
            ("Requirements", texts(&body.requirements)),
            ("Preferred skills", texts(&body.skills.items)),
        ];
        // The most local range published: the metro area's, the state's, the nation's.
        let panel = [salary.metro.as_ref(), salary.state.as_ref()]
            .into_iter()
            .flatten()
            .find(|p| p.middle_half.is_some())
            .unwrap_or(&salary.national);
        let pay = panel.middle_half.as_ref().map(|range| {
            format!(
                "{range} in {} (the middle half of pay for the official occupation {}, {})",
                panel.place, salary.occupation.title, salary.citation
            )
        });
        let mut text = format!(
            "{}\n\nAbout the role\n{}\n",
            role.title, body.posting_summary
        );
        for (heading, items) in &sections {
            text.push_str(&format!("\n{heading}\n"));
            for item in items {
                text.push_str(&format!("- {item}\n"));
            }
        }
        if let Some(pay) = &pay {
            text.push_str(&format!("\nPay\n{pay}\n"));
        }
        Self {
            title: role.title.clone(),
            summary: body.posting_summary.clone(),
            sections,
            pay,
            text,
        }
    }
}
