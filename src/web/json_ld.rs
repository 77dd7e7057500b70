//! All the schema.org JSON-LD we build, in one place: `Occupation` for role pages and
//! metro pay pages, `Article`, `JobPosting` for drafts (the page, the .json export and
//! the HTML export) with Google's required properties, and the escaping that makes JSON
//! safe inside a `<script>` element. Breadcrumbs are added by
//! [`super::Layout::breadcrumbs`] through the same escaping.

use serde_json::{Map, Value, json};

use super::Site;
use crate::builder::export::description_html;
use crate::builder::{Draft, JobPosting, Location};
use crate::content::{Article, Role};
use crate::wages::{Figure, Occupation, Release, Unit, Wages};

/// A role as an `Occupation`, with its pay as an `estimatedSalary` distribution of
/// the percentiles BLS published (top-coded or unreleased ones are left out, never guessed).
pub fn occupation(
    role: &Role,
    official: &Occupation,
    wages: Option<&Wages>,
    release: &Release,
    url: &str,
) -> Value {
    let mut occupation = json!({
        "@context": "https://schema.org",
        "@type": "Occupation",
        "name": role.title,
        "alternateName": role.aliases,
        "description": role.summary,
        "url": url,
        "occupationalCategory": official.soc.as_str(),
        "occupationLocation": [{ "@type": "Country", "name": "US" }],
        "responsibilities": role.body.duties.items.iter().map(|i| i.text.as_str()).collect::<Vec<_>>(),
        "skills": role.body.skills.items.iter().map(|i| i.text.as_str()).collect::<Vec<_>>(),
    });
    if let Some(salary) = wages.and_then(|w| estimated_salary(official, w, release)) {
        occupation["estimatedSalary"] = json!([salary]);
    }
    occupation
}

/// An official occupation in one metro or nonmetro area (`area`, within `states`), with
/// the pay BLS published there.
pub fn occupation_in_area(
    official: &Occupation,
    area: &str,
    states: &[&str],
    wages: Option<&Wages>,
    release: &Release,
    url: &str,
) -> Value {
    let contained: Vec<Value> = states
        .iter()
        .map(|state| json!({ "@type": "State", "name": state }))
        .collect();
    let mut occupation = json!({
        "@context": "https://schema.org",
        "@type": "Occupation",
        "name": official.title,
        "url": url,
        "occupationalCategory": official.soc.as_str(),
        "occupationLocation": [{
            "@type": "AdministrativeArea",
            "name": area,
            "containedInPlace": contained,
        }],
    });
    if let Some(salary) = wages.and_then(|w| estimated_salary(official, w, release)) {
        occupation["estimatedSalary"] = json!([salary]);
    }
    occupation
}

/// The percentiles BLS published as a `MonetaryAmountDistribution` (top-coded or
/// unreleased ones are left out, never guessed); `None` when it published none.
fn estimated_salary(official: &Occupation, wages: &Wages, release: &Release) -> Option<Value> {
    let (unit, p) = wages.basis();
    let amount = |figure: Figure| match (figure, unit) {
        (Figure::Value(cents), Unit::Hourly) => Some(json!(cents as f64 / 100.0)),
        (Figure::Value(dollars), _) => Some(json!(dollars)),
        _ => None,
    };
    let mut distribution = Map::new();
    distribution.insert("@type".into(), json!("MonetaryAmountDistribution"));
    distribution.insert("currency".into(), json!("USD"));
    distribution.insert(
        "duration".into(),
        json!(if unit == Unit::Hourly { "PT1H" } else { "P1Y" }),
    );
    distribution.insert(
        "description".into(),
        json!(format!("{}, {}", official.title, release.citation())),
    );
    let mut any = false;
    for (key, figure) in [
        ("percentile10", p.p10),
        ("percentile25", p.p25),
        ("median", p.median),
        ("percentile75", p.p75),
        ("percentile90", p.p90),
    ] {
        if let Some(value) = amount(figure) {
            distribution.insert(key.into(), value);
            any = true;
        }
    }
    any.then_some(Value::Object(distribution))
}

/// An article.
pub fn article(article: &Article, url: &str) -> Value {
    json!({
        "@context": "https://schema.org",
        "@type": "Article",
        "headline": article.title,
        "description": article.summary,
        "datePublished": article.published.to_string(),
        "dateModified": article.updated.to_string(),
        "articleSection": article.category,
        "author": { "@type": "Organization", "name": article.author },
        "publisher": { "@type": "Organization", "name": "Rolebook" },
        "mainEntityOfPage": url,
        "url": url,
    })
}

/// Known names that mean the whole United States, for `applicantLocationRequirements`.
fn is_country_us(region: &str) -> bool {
    [
        "united states",
        "usa",
        "us",
        "u.s.",
        "u.s.a.",
        "united states of america",
    ]
    .contains(&region.to_lowercase().as_str())
}

/// schema.org `JobPosting` with Google's required properties and the recommended
/// ones we have.
fn job_posting(posting: &JobPosting, is_state: impl Fn(&str) -> bool) -> Value {
    let money = |cents: u64| {
        if cents.is_multiple_of(100) {
            json!(cents / 100)
        } else {
            json!(cents as f64 / 100.0)
        }
    };
    let mut job = json!({
        "@context": "https://schema.org/",
        "@type": "JobPosting",
        "title": posting.title,
        "description": description_html(posting),
        "datePosted": posting.date_posted.to_string(),
        "employmentType": posting.employment_type.schema_org(),
        "hiringOrganization": { "@type": "Organization", "name": posting.company },
        "baseSalary": {
            "@type": "MonetaryAmount",
            "currency": "USD",
            "value": {
                "@type": "QuantitativeValue",
                "minValue": money(posting.pay.min_cents),
                "maxValue": money(posting.pay.max_cents),
                "unitText": posting.pay.period.schema_org()
            }
        },
        "directApply": posting.direct_apply
    });
    match &posting.location {
        Location::Place { city, state } => {
            job["jobLocation"] = json!({
                "@type": "Place",
                "address": {
                    "@type": "PostalAddress",
                    "addressLocality": city,
                    "addressRegion": state,
                    "addressCountry": "US"
                }
            });
        }
        Location::Remote { regions } => {
            job["jobLocationType"] = json!("TELECOMMUTE");
            let places: Vec<Value> = regions
                .iter()
                .map(|region| match region {
                    r if is_country_us(r) => json!({ "@type": "Country", "name": "US" }),
                    r if is_state(r) => json!({ "@type": "State", "name": r }),
                    r => json!({ "@type": "Country", "name": r }),
                })
                .collect();
            job["applicantLocationRequirements"] = json!(places);
        }
    }
    if let Some(closing) = posting.closing_date {
        job["validThrough"] = json!(format!("{closing}T23:59:59"));
    }
    if let Some(about) = &posting.about_company {
        job["hiringOrganization"]["description"] = json!(about);
    }
    job
}

/// A saved draft as schema.org `JobPosting`, identified by its draft id.
pub fn draft(site: &Site, draft: &Draft) -> Value {
    let is_state = |name: &str| {
        site.library.wages().areas()[1..]
            .iter()
            .any(|a| a.name.eq_ignore_ascii_case(name))
    };
    let mut job = job_posting(&draft.posting, is_state);
    job["identifier"] = json!({
        "@type": "PropertyValue",
        "name": draft.posting.company,
        "value": draft.id,
    });
    job
}

/// A `BreadcrumbList` of `(name, absolute URL)`, Home first, the page itself last.
pub fn breadcrumb_list(trail: &[(&str, String)]) -> Value {
    let items: Vec<Value> = trail
        .iter()
        .enumerate()
        .map(|(i, (name, url))| {
            json!({ "@type": "ListItem", "position": i + 1, "name": name, "item": url })
        })
        .collect();
    json!({ "@context": "https://schema.org", "@type": "BreadcrumbList", "itemListElement": items })
}

/// JSON that is safe inside an HTML `<script>` element: `<`, `>` and `&` as `\u` escapes.
pub fn json_for_html(value: &Value) -> String {
    let json = serde_json::to_string_pretty(value).unwrap_or_else(|_| "{}".to_owned());
    json.replace('<', "\\u003c")
        .replace('>', "\\u003e")
        .replace('&', "\\u0026")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_for_html_cannot_close_a_script() {
        let value = json!({ "title": "</script><script>alert(1)</script> & co" });
        let text = json_for_html(&value);
        assert!(!text.contains('<') && !text.contains('>') && !text.contains('&'));
        let back: Value = serde_json::from_str(&text).expect("still JSON");
        assert_eq!(back, value);
    }
}
