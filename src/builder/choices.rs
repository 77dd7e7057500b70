//! The fixed choices of the job description form, each with its form value, its
//! label and, where schema.org has one, its JobPosting value.

use serde::{Deserialize, Serialize};

/// A closed set of options shown as radio buttons, a select or checkboxes.
pub trait Choice: Copy + PartialEq + 'static {
    /// Every option, in display order.
    const ALL: &'static [Self];
    /// The value sent by the form.
    fn value(self) -> &'static str;
    /// What the user reads.
    fn label(self) -> &'static str;
    /// The option a form value names.
    fn parse(value: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|c| c.value() == value)
    }
}

/// Where the work is done.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Workplace {
    /// At the employer's site.
    OnSite,
    /// Partly at the site, partly remote.
    Hybrid,
    /// Fully remote.
    Remote,
}

impl Choice for Workplace {
    const ALL: &'static [Self] = &[Workplace::OnSite, Workplace::Hybrid, Workplace::Remote];
    fn value(self) -> &'static str {
        match self {
            Workplace::OnSite => "on-site",
            Workplace::Hybrid => "hybrid",
            Workplace::Remote => "remote",
        }
    }
    fn label(self) -> &'static str {
        match self {
            Workplace::OnSite => "On-site",
            Workplace::Hybrid => "Hybrid",
            Workplace::Remote => "Remote",
        }
    }
}

/// The kind of employment.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum EmploymentType {
    /// Full-time.
    FullTime,
    /// Part-time.
    PartTime,
    /// A contractor.
    Contract,
    /// Temporary.
    Temporary,
    /// An internship.
    Internship,
}

impl EmploymentType {
    /// schema.org's `employmentType` value.
    pub fn schema_org(self) -> &'static str {
        match self {
            EmploymentType::FullTime => "FULL_TIME",
            EmploymentType::PartTime => "PART_TIME",
            EmploymentType::Contract => "CONTRACTOR",
            EmploymentType::Temporary => "TEMPORARY",
            EmploymentType::Internship => "INTERN",
        }
    }
}

impl Choice for EmploymentType {
    const ALL: &'static [Self] = &[
        EmploymentType::FullTime,
        EmploymentType::PartTime,
        EmploymentType::Contract,
        EmploymentType::Temporary,
        EmploymentType::Internship,
    ];
    fn value(self) -> &'static str {
        match self {
            EmploymentType::FullTime => "full-time",
            EmploymentType::PartTime => "part-time",
            EmploymentType::Contract => "contract",
            EmploymentType::Temporary => "temporary",
            EmploymentType::Internship => "internship",
        }
    }
    fn label(self) -> &'static str {
        match self {
            EmploymentType::FullTime => "Full-time",
            EmploymentType::PartTime => "Part-time",
            EmploymentType::Contract => "Contract",
            EmploymentType::Temporary => "Temporary",
            EmploymentType::Internship => "Internship",
        }
    }
}

/// What a pay figure is per.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum PayPeriod {
    /// Per hour.
    Hour,
    /// Per year.
    Year,
}

impl PayPeriod {
    /// schema.org's `unitText`.
    pub fn schema_org(self) -> &'static str {
        match self {
            PayPeriod::Hour => "HOUR",
            PayPeriod::Year => "YEAR",
        }
    }
}

impl Choice for PayPeriod {
    const ALL: &'static [Self] = &[PayPeriod::Year, PayPeriod::Hour];
    fn value(self) -> &'static str {
        match self {
            PayPeriod::Hour => "hour",
            PayPeriod::Year => "year",
        }
    }
    fn label(self) -> &'static str {
        match self {
            PayPeriod::Hour => "per hour",
            PayPeriod::Year => "per year",
        }
    }
}

/// Common benefits, offered as checkboxes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Benefit {
    /// Health insurance.
    Health,
    /// Dental insurance.
    Dental,
    /// Vision insurance.
    Vision,
    /// A retirement plan.
    Retirement,
    /// Paid time off.
    PaidTimeOff,
    /// Paid parental leave.
    ParentalLeave,
    /// Life insurance.
    LifeInsurance,
    /// Training or tuition support.
    Training,
    /// A flexible schedule.
    FlexibleSchedule,
}

impl Choice for Benefit {
    const ALL: &'static [Self] = &[
        Benefit::Health,
        Benefit::Dental,
        Benefit::Vision,
        Benefit::Retirement,
        Benefit::PaidTimeOff,
        Benefit::ParentalLeave,
        Benefit::LifeInsurance,
        Benefit::Training,
        Benefit::FlexibleSchedule,
    ];
    fn value(self) -> &'static str {
        match self {
            Benefit::Health => "health",
            Benefit::Dental => "dental",
            Benefit::Vision => "vision",
            Benefit::Retirement => "retirement",
            Benefit::PaidTimeOff => "paid-time-off",
            Benefit::ParentalLeave => "parental-leave",
            Benefit::LifeInsurance => "life-insurance",
            Benefit::Training => "training",
            Benefit::FlexibleSchedule => "flexible-schedule",
        }
    }
    fn label(self) -> &'static str {
        match self {
            Benefit::Health => "Health insurance",
            Benefit::Dental => "Dental insurance",
            Benefit::Vision => "Vision insurance",
            Benefit::Retirement => "Retirement plan, such as a 401(k)",
            Benefit::PaidTimeOff => "Paid time off",
            Benefit::ParentalLeave => "Paid parental leave",
            Benefit::LifeInsurance => "Life insurance",
            Benefit::Training => "Training or tuition support",
            Benefit::FlexibleSchedule => "Flexible schedule",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn round_trips<C: Choice + std::fmt::Debug>() {
        for choice in C::ALL {
            assert_eq!(C::parse(choice.value()), Some(*choice));
        }
        assert_eq!(C::parse("nonsense"), None);
    }

    #[test]
    fn every_choice_parses_its_own_value() {
        round_trips::<Workplace>();
        round_trips::<EmploymentType>();
        round_trips::<PayPeriod>();
        round_trips::<Benefit>();
    }
}
