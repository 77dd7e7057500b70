//! The job description builder: the form as typed, its validation into a
//! [`JobPosting`], pay transparency rules, exports, and saved drafts.

mod checks;
mod choices;
pub mod docx;
pub mod export;
mod form;
pub mod google;
mod pay;
mod posting;
pub mod review;
mod store;
mod suggest;
pub mod text;
mod validate;

pub use checks::{Required, pay_warnings, required_items};
pub use choices::{Benefit, Choice, EmploymentType, PayPeriod, Workplace};
pub use form::{DEFAULT_EEO, JobForm, PayBand, SuggestedPay};
pub use pay::dollars;
pub use posting::{HowToApply, JobPosting, Location, Pay};
pub use store::{Draft, Drafts, NewDraft, StoreError, Update, is_draft_id};

/// Drafts not saved for this many days are deleted (the privacy page says so).
pub const DRAFT_RETENTION_DAYS: i64 = 365;
pub use validate::{
    FieldError, FieldErrors, LINE_MAX, LIST_MAX, LONG_MAX, MEDIUM_MAX, SHORT_MAX, validate,
};
