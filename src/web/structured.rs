//! schema.org JSON-LD for role pages and metro pay pages (`Occupation`) and articles
//! (`Article`).
//! Breadcrumbs are added by [`super::Layout::breadcrumbs`].

use serde_json::{Map, Value, json};

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
