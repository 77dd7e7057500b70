//! Metro-area pay over HTTP: the area pages, the "Pay by metro area" section, the
//! place picker on role pages, the builder's local suggestion, search and the metro
//! sitemaps, with figures compared against BLS's own cells (`common::oews_sample`).

mod common;

use common::builder::with;
use common::oews_sample;
use common::{FormSession, attrs, base_url, form_amount, get, library, page, text, texts};
use rolebook::wages::{Figure, SocCode};

fn soc(code: &str) -> SocCode {
    SocCode::parse(code).expect("code")
}

/// "$63,150" for 63150; "$23.52" for 2352 cents.
fn money(value: u64, hourly: bool) -> String {
    let whole = rolebook::wages::money::thousands(if hourly { value / 100 } else { value });
    if hourly {
        format!("${whole}.{:02}", value % 100)
    } else {
        format!("${whole}")
    }
}

#[test]
fn area_pages_show_bls_own_figures_and_withheld_ones_as_reasons() {
    let metro = library().wages().metro();
    let (mut exact, mut top_coded, mut withheld) = (0, 0, 0);
    for cell in oews_sample::cells().iter().step_by(4) {
        let area = metro
            .areas()
            .iter()
            .find(|a| a.code == cell.area)
            .expect("area");
        let path = format!("/salaries/soc/{}/{}", cell.soc, area.slug);
        let html = page(&path);
        let context = format!("{path} ({})", cell.key);
        let panel = "main .salary-panel:first-of-type";
        assert_eq!(
            text(&html, &format!("{panel} .panel-place")),
            area.name,
            "{context}"
        );
        let median = text(&html, &format!("{panel} [data-figure=median]"));
        // COLUMNS order: the hourly median is the 6th figure, the annual median the 11th.
        let hourly_only = cell.figures[10] == Figure::NotPublished;
        let (figure, hourly) = if hourly_only {
            (cell.figures[5], true)
        } else {
            (cell.figures[10], false)
        };
        match figure {
            Figure::Value(v) => {
                let want = money(v, hourly);
                assert!(median.starts_with(&want), "{context}: {median} for {want}");
                exact += 1;
            }
            Figure::TopCoded => {
                assert!(median.ends_with("or more"), "{context}: {median}");
                top_coded += 1;
            }
            _ => assert_eq!(median, "Not available", "{context}"),
        }
        if cell.figures[0] == Figure::NotReleased {
            withheld += 1;
            let notes = texts(&html, &format!("{panel} .panel-note")).join(" ");
            assert!(notes.contains("did not release"), "{context}: {notes}");
        }
        if hourly_only {
            let label = text(&html, &format!("{panel} .headline-label"));
            assert_eq!(label, "Median hourly wage", "{context}: never annualized");
        }
    }
    assert!(
        exact > 50 && top_coded > 0 && withheld > 0,
        "{exact} {top_coded} {withheld}"
    );
}

#[test]
fn an_area_page_sets_the_area_beside_each_of_its_states_and_the_nation() {
    let html = page("/salaries/soc/47-2111/new-york-newark-jersey-city-ny-nj");
    assert_eq!(
        texts(&html, "main .salary-panel .panel-place"),
        [
            "New York-Newark-Jersey City, NY-NJ",
            "New York",
            "New Jersey",
            "United States"
        ]
    );
    let rows = texts(&html, "#compare tbody th");
    assert_eq!(rows.len(), 4, "{rows:?}");
    assert!(text(&html, "h1").contains("Electricians pay in New York-Newark-Jersey City"));
    let canonical = attrs(&html, "link[rel=canonical]", "href");
    assert!(
        canonical[0].ends_with("/salaries/soc/47-2111/new-york-newark-jersey-city-ny-nj"),
        "{canonical:?}"
    );
    let json: Vec<serde_json::Value> = texts(&html, "script[type='application/ld+json']")
        .iter()
        .map(|t| serde_json::from_str(t).expect("JSON-LD"))
        .collect();
    let occupation = json
        .iter()
        .find(|j| j["@type"] == "Occupation")
        .expect("Occupation");
    assert_eq!(
        occupation["occupationLocation"][0]["name"],
        "New York-Newark-Jersey City, NY-NJ"
    );
    assert_eq!(
        occupation["occupationLocation"][0]["containedInPlace"][1]["name"],
        "New Jersey"
    );
    assert!(text(&html, "main").contains("relative standard error"));
    let build = attrs(&html, "main a.button", "href");
    assert_eq!(
        build,
        [
            "/job-descriptions/build?soc=47-2111&state=new-york&metro=new-york-newark-jersey-city-ny-nj"
        ]
    );
    assert_eq!(get("/salaries/soc/47-2111/atlantis").status, 404);
    assert_eq!(get("/salaries/soc/99-9999/pueblo-co").status, 404);
}

#[test]
fn imprecise_estimates_say_so_and_precise_ones_do_not() {
    let data = library().wages();
    let metro = data.metro();
    let mut seen = (false, false);
    for cell in oews_sample::cells() {
        let Some((i, area)) = metro
            .areas()
            .iter()
            .enumerate()
            .find(|(_, a)| a.code == cell.area)
        else {
            continue;
        };
        let Ok(Some(wages)) = metro.wages(&cell.soc, i) else {
            continue;
        };
        let imprecise = wages.precision.imprecise();
        if (imprecise && seen.0) || (!imprecise && seen.1) {
            continue;
        }
        let html = page(&format!("/salaries/soc/{}/{}", cell.soc, area.slug));
        let flagged = texts(&html, "main .notice")
            .iter()
            .any(|n| n.contains("imprecise"));
        assert_eq!(flagged, imprecise, "{}", cell.key);
        if imprecise {
            seen.0 = true;
        } else {
            seen.1 = true;
        }
    }
    assert!(seen.0 && seen.1, "the sample has both kinds: {seen:?}");
}

#[test]
fn a_salary_page_lists_the_chosen_states_areas_after_the_state_row() {
    let html = page("/salaries/soc/47-2111?state=colorado");
    assert!(text(&html, "#metro-title").ends_with("in Colorado"));
    let names = texts(&html, "#metro tbody th");
    assert_eq!(names[0], "Colorado", "the state row comes first");
    let data = library().wages();
    let colorado = data.area("colorado").expect("state").0;
    let areas = data.metro().in_state(colorado);
    assert_eq!(names.len(), areas.len() + 1, "{names:?}");
    assert!(names.contains(&"Pueblo, CO".to_owned()));
    let links = attrs(&html, "#metro tbody th a", "href");
    assert!(
        links.contains(&"/salaries/soc/47-2111/pueblo-co".to_owned()),
        "{links:?}"
    );
    assert_eq!(texts(&html, "#metro svg title").len(), 1, "one metro chart");
    let plain = page("/salaries/soc/47-2111");
    assert!(
        texts(&plain, "#metro table").is_empty(),
        "no state chosen: a picker only"
    );
    assert_eq!(attrs(&plain, "#metro form select", "name"), ["state"]);
}

#[test]
fn a_role_page_compares_a_state_or_metro_and_carries_the_place_to_the_builder() {
    let html = page("/job-descriptions/electrician?state=colorado");
    let options = attrs(&html, "#salary select[name=metro] option", "value");
    assert!(options.contains(&"pueblo-co".to_owned()), "{options:?}");
    let html = page("/job-descriptions/electrician?state=colorado&metro=pueblo-co");
    assert_eq!(
        texts(&html, "#salary .salary-panel .panel-place"),
        ["United States", "Colorado", "Pueblo, CO"]
    );
    let links = attrs(&html, "main a[href^='/job-descriptions/build']", "href");
    assert!(!links.is_empty());
    for link in &links {
        assert!(link.ends_with("&state=colorado&metro=pueblo-co"), "{link}");
    }
    let alone = page("/job-descriptions/electrician?metro=pueblo-co");
    assert_eq!(
        attrs(
            &alone,
            "#salary select[name=state] option[selected]",
            "value"
        ),
        ["colorado"],
        "a metro area brings its state"
    );
    let unknown = page("/job-descriptions/electrician?state=colorado&metro=%3Cb%3E");
    assert!(text(&unknown, "#salary .notice").contains("“<b>”"));
}

#[test]
fn the_builder_suggests_the_metro_range_else_the_state_and_says_why() {
    let data = library().wages();
    let (pueblo, _) = data.metro().area("pueblo-co").expect("Pueblo");
    let local = data
        .metro()
        .wages(&soc("47-2111"), pueblo)
        .expect("read")
        .expect("row");
    let html = page("/job-descriptions/build?soc=47-2111&state=colorado&metro=pueblo-co");
    assert_eq!(
        attrs(&html, "#pay_min", "value"),
        [form_amount(local.annual.p25)]
    );
    assert_eq!(
        attrs(&html, "#pay_max", "value"),
        [form_amount(local.annual.p75)]
    );
    assert!(text(&html, "#pay-suggestion").contains("in Pueblo, CO"));
    assert_eq!(
        attrs(&html, "#metro option[selected]", "value"),
        ["pueblo-co"]
    );

    // BLS published nothing for Marketing Managers in Pueblo: the state's range, and why.
    assert!(
        data.metro()
            .wages(&soc("11-2021"), pueblo)
            .expect("read")
            .is_none()
    );
    let colorado = data.area("colorado").expect("state").0;
    let state = data.wages(&soc("11-2021"), colorado).expect("row");
    let html = page("/job-descriptions/build?soc=11-2021&state=colorado&metro=pueblo-co");
    assert_eq!(
        attrs(&html, "#pay_min", "value"),
        [form_amount(state.annual.p25)]
    );
    let source = text(&html, "#pay-suggestion");
    assert!(
        source.starts_with(
            "No Pueblo, CO estimate for this occupation was published; showing Colorado."
        ),
        "{source}"
    );

    // Actors are paid by the hour: the range stays hourly.
    let (atlanta, _) = data
        .metro()
        .area("atlanta-sandy-springs-roswell-ga")
        .expect("area");
    let actors = data
        .metro()
        .wages(&soc("27-2011"), atlanta)
        .expect("read")
        .expect("row");
    let html = page(
        "/job-descriptions/build?soc=27-2011&state=georgia&metro=atlanta-sandy-springs-roswell-ga",
    );
    let cents = actors.hourly.p25.value().expect("published");
    assert_eq!(
        attrs(&html, "#pay_min", "value"),
        [format!("{}.{:02}", cents / 100, cents % 100)]
    );
    assert_eq!(
        attrs(&html, "#pay_period option[selected]", "value"),
        ["hour"]
    );
}

#[test]
fn update_suggested_pay_follows_the_metro_without_javascript_and_keeps_what_was_typed() {
    let data = library().wages();
    let (denver, _) = data
        .metro()
        .area("denver-aurora-centennial-co")
        .expect("area");
    let local = data
        .metro()
        .wages(&soc("47-2111"), denver)
        .expect("read")
        .expect("row");
    let session = FormSession::open(base_url());
    let fields = with(&[
        ("role", "electrician"),
        ("state", "colorado"),
        ("metro", "denver-aurora-centennial-co"),
        ("title", "Journeyman Electrician"),
        ("company", "Typed & Kept"),
        ("update_pay", "1"),
    ]);
    let response = session.post(base_url(), "/job-descriptions/build", &fields);
    assert_eq!(response.status, 200, "shown again, not saved");
    let html = response.html();
    assert_eq!(
        attrs(&html, "#pay_min", "value"),
        [form_amount(local.annual.p25)]
    );
    assert_eq!(attrs(&html, "#title", "value"), ["Journeyman Electrician"]);
    assert_eq!(attrs(&html, "#company", "value"), ["Typed & Kept"]);
    assert!(text(&html, "#pay-suggestion").contains("Denver-Aurora-Centennial, CO"));

    let json: serde_json::Value = serde_json::from_slice(
        &get("/job-descriptions/suggested-pay?role=electrician&state=colorado&metro=pueblo-co")
            .body,
    )
    .expect("JSON");
    assert_eq!(json["metro"], "pueblo-co");
    let areas = json["areas"].as_array().expect("areas");
    assert!(areas.iter().any(|a| a[1] == "Pueblo, CO"), "{areas:?}");
    let moved: serde_json::Value = serde_json::from_slice(
        &get("/job-descriptions/suggested-pay?role=electrician&state=texas&metro=pueblo-co").body,
    )
    .expect("JSON");
    assert_eq!(
        moved["metro"], "",
        "an area outside the new state is dropped"
    );
    assert!(moved["source"].as_str().expect("text").contains("in Texas"));
}

#[test]
fn a_search_naming_a_place_opens_pay_there() {
    let first = |q: &str| {
        let html = page(&format!("/search?q={}", q.replace(' ', "+")));
        attrs(&html, ".results .result-title a", "href")
            .into_iter()
            .next()
            .unwrap_or_else(|| panic!("no result for {q}"))
    };
    assert_eq!(
        first("electrician salary denver"),
        "/salaries/soc/47-2111/denver-aurora-centennial-co"
    );
    assert!(
        first("cna pay ohio").ends_with("?state=ohio"),
        "{}",
        first("cna pay ohio")
    );
    let ambiguous = first("nurse salary portland");
    assert!(
        !ambiguous.contains("portland"),
        "two Portlands: the occupation as usual, not a guess: {ambiguous}"
    );
}

#[test]
fn metro_sitemaps_list_every_area_page_with_a_published_median() {
    let index = get("/sitemap-metro.xml");
    assert_eq!(index.status, 200);
    let body = String::from_utf8(index.body).expect("text");
    let doc = roxmltree::Document::parse(&body).expect("well-formed");
    let sitemaps: Vec<&str> = doc
        .descendants()
        .filter(|n| n.has_tag_name("loc"))
        .filter_map(|n| n.text())
        .collect();
    assert_eq!(sitemaps.len(), 22, "one per major group");
    let group = get("/sitemap-metro/47.xml");
    let body = String::from_utf8(group.body).expect("text");
    let doc = roxmltree::Document::parse(&body).expect("well-formed");
    let urls: Vec<&str> = doc
        .descendants()
        .filter(|n| n.has_tag_name("loc"))
        .filter_map(|n| n.text())
        .collect();
    let data = library().wages();
    let expected: usize = data
        .occupations()
        .filter(|o| o.soc.as_str().starts_with("47-") && data.has(&o.soc))
        .map(|o| data.metro().with_median(&o.soc).expect("read").len())
        .sum();
    assert_eq!(urls.len(), expected);
    assert!(urls.len() < 50_000);
    assert!(
        urls.iter()
            .any(|u| u.ends_with("/salaries/soc/47-2111/pueblo-co"))
    );
    assert_eq!(get("/sitemap-metro/99.xml").status, 404);
    let robots = String::from_utf8(get("/robots.txt").body).expect("text");
    assert!(robots.contains("/sitemap-metro.xml"));
}
