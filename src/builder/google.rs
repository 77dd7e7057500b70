//! The JSON export against Google's structured data guidance for job postings: the
//! properties it requires, and the ones it recommends with how to add each here.

use serde_json::Value;

/// What the JSON lacks.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct GoogleCheck {
    /// Required properties that are missing: Google would not show the job.
    pub required: Vec<&'static str>,
    /// Recommended properties that are missing, each with how to add it.
    pub recommended: Vec<(&'static str, &'static str)>,
}

fn present(value: &Value) -> bool {
    match value {
        Value::Null => false,
        Value::String(s) => !s.trim().is_empty(),
        Value::Array(a) => !a.is_empty(),
        _ => true,
    }
}

/// Checks a `JobPosting` object.
pub fn check(job: &Value) -> GoogleCheck {
    let mut result = GoogleCheck::default();
    for property in ["title", "description", "datePosted"] {
        if !present(&job[property]) {
            result.required.push(property);
        }
    }
    if !present(&job["hiringOrganization"]["name"]) {
        result.required.push("hiringOrganization");
    }
    let remote = job["jobLocationType"] == "TELECOMMUTE";
    if remote {
        if !present(&job["applicantLocationRequirements"]) {
            result.required.push("applicantLocationRequirements");
        }
    } else if !present(&job["jobLocation"]) {
        result.required.push("jobLocation");
    }
    let recommended: [(&str, bool, &str); 5] = [
        (
            "validThrough",
            present(&job["validThrough"]),
            "Give the date applications close (Dates, on the form): Google shows it and stops showing the job after it.",
        ),
        (
            "employmentType",
            present(&job["employmentType"]),
            "Choose the type of employment on the form.",
        ),
        (
            "baseSalary",
            present(&job["baseSalary"]["value"]["unitText"]),
            "Give the pay range and its period (per hour or per year).",
        ),
        (
            "identifier",
            present(&job["identifier"]["value"]),
            "Keep the identifier in the JSON: it is this draft's id, so Google can tell your postings apart.",
        ),
        (
            "directApply",
            job["directApply"].is_boolean(),
            "Say whether candidates apply on the posting's own page (How to apply, on the form).",
        ),
    ];
    result.recommended = recommended
        .into_iter()
        .filter(|(_, ok, _)| !ok)
        .map(|(name, _, how)| (name, how))
        .collect();
    result
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    fn complete() -> Value {
        json!({
            "title": "Cashier",
            "description": "<p>Ring up sales.</p>",
            "datePosted": "2026-12-02",
            "validThrough": "2026-12-31T23:59:59",
            "employmentType": "FULL_TIME",
            "hiringOrganization": { "name": "Sunny Market" },
            "jobLocation": { "address": { "addressRegion": "Ohio" } },
            "baseSalary": { "value": { "unitText": "HOUR" } },
            "identifier": { "value": "abc" },
            "directApply": false
        })
    }

    #[test]
    fn a_complete_posting_lacks_nothing() {
        assert_eq!(check(&complete()), GoogleCheck::default());
    }

    #[test]
    fn each_missing_property_is_named() {
        let mut job = complete();
        for property in ["title", "validThrough", "identifier", "directApply"] {
            job.as_object_mut().expect("object").remove(property);
        }
        job["jobLocation"] = Value::Null;
        let result = check(&job);
        assert_eq!(result.required, ["title", "jobLocation"]);
        let names: Vec<&str> = result.recommended.iter().map(|(n, _)| *n).collect();
        assert_eq!(names, ["validThrough", "identifier", "directApply"]);
    }

    #[test]
    fn a_remote_job_needs_the_places_it_can_hire() {
        let mut job = complete();
        job["jobLocation"] = Value::Null;
        job["jobLocationType"] = json!("TELECOMMUTE");
        assert_eq!(check(&job).required, ["applicantLocationRequirements"]);
        job["applicantLocationRequirements"] = json!([{ "@type": "Country", "name": "US" }]);
        assert!(check(&job).required.is_empty());
    }
}
