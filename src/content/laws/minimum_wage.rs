//! Minimum wages: the federal rate and the states' higher ones, from
//! `content/data/minimum-wage.toml`, so the builder can flag an hourly rate below them.

use serde::Deserialize;
use time::Date;
use toml::Spanned;

use super::{Problem, date};
use crate::content::Document;
use crate::wages::money::pay_cents;

/// One state's minimum wage.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StateMinimum {
    /// The state, as named in the wage data.
    pub state: String,
    /// The lowest hourly minimum anywhere in the state, in cents.
    pub cents: u64,
    /// Why it is the lowest, when the state has more than one rate.
    pub note: Option<String>,
}

/// The minimum wages and where they come from.
#[derive(Debug, Clone)]
pub struct MinimumWages {
    /// When we last checked the figures.
    pub reviewed: Date,
    /// The date the figures were in effect.
    pub as_of: Date,
    /// The federal minimum, in cents.
    pub federal_cents: u64,
    /// The federal law.
    pub federal_law: String,
    /// Who publishes the state figures.
    pub source: String,
    states: Vec<StateMinimum>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFile {
    reviewed: toml::value::Datetime,
    as_of: toml::value::Datetime,
    federal: String,
    federal_law: String,
    source: String,
    states: Vec<Spanned<RawState>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawState {
    state: String,
    hourly: String,
    note: Option<String>,
}

impl MinimumWages {
    /// Parses the file; `known_state` says whether a state exists in the wage data.
    /// Every problem is reported, each at its line.
    pub fn parse(source: &str, known_state: impl Fn(&str) -> bool) -> Result<Self, Vec<Problem>> {
        let doc = Document::toml(source);
        let raw: RawFile = doc.front_matter().map_err(|p| vec![p])?;
        let mut problems = Vec::new();
        let federal_cents = pay_cents(&raw.federal);
        if federal_cents.is_none() {
            problems.push(Problem::new(
                1,
                format!("`federal` \"{}\" is not an amount like 7.25", raw.federal),
            ));
        }
        let mut states = Vec::new();
        for spanned in &raw.states {
            let line = doc.line_of(spanned.span());
            let state = spanned.get_ref();
            if !known_state(&state.state) {
                problems.push(Problem::new(
                    line,
                    format!("unknown state \"{}\" in the wage data's areas", state.state),
                ));
            }
            if states.iter().any(|s: &StateMinimum| s.state == state.state) {
                problems.push(Problem::new(
                    line,
                    format!("\"{}\" is listed twice", state.state),
                ));
            }
            match pay_cents(&state.hourly) {
                Some(cents) => states.push(StateMinimum {
                    state: state.state.clone(),
                    cents,
                    note: state.note.clone(),
                }),
                None => problems.push(Problem::new(
                    line,
                    format!("`hourly` \"{}\" is not an amount like 15.00", state.hourly),
                )),
            }
        }
        let reviewed = date(&raw.reviewed, 1).map_err(|p| problems.push(p)).ok();
        let as_of = date(&raw.as_of, 1).map_err(|p| problems.push(p)).ok();
        match (reviewed, as_of, federal_cents) {
            (Some(reviewed), Some(as_of), Some(federal_cents)) if problems.is_empty() => Ok(Self {
                reviewed,
                as_of,
                federal_cents,
                federal_law: raw.federal_law,
                source: raw.source,
                states,
            }),
            _ => Err(problems),
        }
    }

    /// The state's minimum, if it is above the federal one.
    pub fn state(&self, name: &str) -> Option<&StateMinimum> {
        self.states
            .iter()
            .find(|s| s.state.eq_ignore_ascii_case(name.trim()))
    }
}
