//! Every occupation is findable and buildable: search results that say what they lead
//! to, the builder started from any SOC code, and the title lookup behind its first field.

mod common;

use common::{attrs, get, library, page, text, texts};
use rolebook::wages::SocCode;

fn search_page(query: &str) -> scraper::Html {
    let encoded = serde_html_form::to_string([("q", query)]).expect("encode");
    page(&format!("/search?{encoded}"))
}

/// The first result: its label, link and title.
fn first_result(query: &str) -> (String, String, String) {
    let html = search_page(query);
    (
        texts(&html, ".result-kind").remove(0),
        attrs(&html, ".result-title a", "href").remove(0),
        texts(&html, ".result-title a").remove(0),
    )
}

#[test]
fn an_occupation_without_a_job_description_is_labeled_honestly_with_a_builder_link() {
    // Electricians' helpers: official pay data, no page of ours.
    let soc = SocCode::parse("47-3013").expect("code");
    assert!(
        library().roles_for(&soc).next().is_none(),
        "no role for 47-3013"
    );
    let (kind, href, title) = first_result("electrician's helper");
    assert_eq!(kind, "Official pay data; no written job description yet");
    assert_eq!(href, "/salaries/soc/47-3013");
    assert_eq!(title, "Electrician's Helper");
    let html = search_page("electrician's helper");
    let snippet = texts(&html, ".snippet").remove(0);
    assert!(
        snippet.contains("Helpers--Electricians (SOC 47-3013)")
            && snippet.contains("national median $"),
        "{snippet}"
    );
    let build = attrs(&html, ".result .result-links a", "href");
    assert!(
        build.contains(
            &"/job-descriptions/build?soc=47-3013&title=Electrician%27s+Helper".to_owned()
        ),
        "{build:?}"
    );
}

#[test]
fn an_occupation_with_a_job_description_leads_to_it() {
    let (kind, href, _) = first_result("electrician");
    assert_eq!(kind, "Job description");
    assert_eq!(href, "/job-descriptions/electrician");
}

#[test]
fn pay_words_lead_to_pay_pages_and_a_named_state_is_carried() {
    let (kind, href, title) = first_result("nurse practitioner salary");
    assert_eq!(
        (kind.as_str(), href.as_str()),
        ("Pay data", "/salaries/nurse-practitioner")
    );
    assert_eq!(title, "Nurse Practitioner pay");
    let (_, href, _) = first_result("registered nurse salary california");
    assert_eq!(href, "/salaries/registered-nurse?state=california");
    let html = page(&href);
    let places = attrs(&html, ".salary-panel", "data-place");
    assert_eq!(
        places,
        ["United States", "California"],
        "the state's pay beside the nation's"
    );
}

#[test]
fn typos_still_find_the_occupation_and_say_so() {
    for (typed, wanted) in [
        ("electrision", "/job-descriptions/electrician"),
        (
            "pharmacy techician",
            "/job-descriptions/pharmacy-technician",
        ),
        ("bookeeper", "/job-descriptions/account-clerk"),
    ] {
        let html = search_page(typed);
        assert_eq!(
            attrs(&html, ".result-title a", "href")[0],
            wanted,
            "{typed}"
        );
        assert!(
            text(&html, ".notice").contains(&format!("Nothing matched “{typed}”")),
            "{typed}"
        );
        assert!(
            text(&html, ".did-you-mean").starts_with("Did you mean"),
            "{typed}"
        );
    }
}

#[test]
fn the_results_page_keeps_the_query_in_its_search_box() {
    let html = search_page("forklift driver");
    assert_eq!(attrs(&html, "#page-search", "value"), ["forklift driver"]);
    let html = search_page("<b>\"x\"</b>");
    assert_eq!(
        attrs(&html, "#page-search", "value"),
        ["<b>\"x\"</b>"],
        "as typed, escaped"
    );
}

#[test]
fn the_builder_starts_from_any_occupation_with_its_title_and_pay() {
    let soc = SocCode::parse("47-2111").expect("code");
    let wages = library().wages();
    let national = wages.wages(&soc, 0).expect("national");
    let html = page("/job-descriptions/build?soc=47-2111");
    let common_title = library().titles().most_common(&soc).expect("a title");
    assert_eq!(attrs(&html, "#title", "value"), [common_title]);
    assert_eq!(attrs(&html, "input[name=soc]", "value"), ["47-2111"]);
    let money = common::form_amount;
    assert_eq!(
        attrs(&html, "#pay_min", "value"),
        [money(national.annual.p25)]
    );
    assert_eq!(
        attrs(&html, "#pay_max", "value"),
        [money(national.annual.p75)]
    );
    let source = text(&html, ".suggestion");
    assert!(
        source.contains("Electricians (SOC 47-2111) in the United States")
            && source.contains("U.S. Bureau of Labor Statistics"),
        "{source}"
    );
    assert!(text(&html, ".lede").contains("official occupation Electricians (SOC 47-2111)"));

    let html = page("/job-descriptions/build?soc=47-2111&state=texas&title=Journeyman+Electrician");
    let texas = wages
        .wages(&soc, wages.area("texas").expect("texas").0)
        .expect("texas wages");
    assert_eq!(attrs(&html, "#title", "value"), ["Journeyman Electrician"]);
    assert_eq!(attrs(&html, "#pay_min", "value"), [money(texas.annual.p25)]);
    assert!(text(&html, ".suggestion").contains("in Texas"));
    assert_eq!(attrs(&html, "#state option[selected]", "value"), ["texas"]);
}

#[test]
fn an_unknown_code_is_said_back_not_an_error() {
    for code in ["99-9999", "47-2110", "<script>"] {
        let encoded = serde_html_form::to_string([("soc", code)]).expect("encode");
        let response = get(&format!("/job-descriptions/build?{encoded}"));
        assert_eq!(response.status, 200, "{code}");
        let html = response.html();
        assert!(
            text(&html, ".notice").contains(&format!("called “{code}”")),
            "{code}"
        );
        assert_eq!(attrs(&html, "#pay_min", "value"), [""], "{code}");
    }
}

#[test]
fn every_occupation_pay_page_links_to_the_builder() {
    for code in ["47-3013", "41-3091", "53-3051"] {
        let html = page(&format!("/salaries/soc/{code}"));
        assert!(
            attrs(&html, "a.button", "href")
                .contains(&format!("/job-descriptions/build?soc={code}")),
            "{code}"
        );
    }
    let html = page("/salaries/soc/47-3013?state=ohio");
    assert!(
        attrs(&html, "a.button", "href")
            .contains(&"/job-descriptions/build?soc=47-3013&state=ohio".to_owned())
    );
    let html = page("/salaries/account-manager");
    assert!(
        attrs(&html, "a.button", "href")
            .contains(&"/job-descriptions/build?role=account-manager".to_owned())
    );
}

#[test]
fn a_typed_title_starts_the_builder_or_offers_close_titles() {
    let response = get("/job-descriptions/build?from=Prep+Cook");
    assert_eq!(response.status, 303);
    assert_eq!(
        response.header("location"),
        "/job-descriptions/build?role=prep-cook"
    );
    let response = get("/job-descriptions/build?from=electrician%27s+helper&state=ohio");
    assert_eq!(response.status, 303);
    assert_eq!(
        response.header("location"),
        "/job-descriptions/build?soc=47-3013&title=Electrician%27s+Helper&state=ohio"
    );
    let html = page("/job-descriptions/build?from=nurs");
    let choices = attrs(&html, ".title-choices a", "href");
    assert!(
        choices.contains(&"/job-descriptions/build?role=registered-nurse".to_owned()),
        "{choices:?}"
    );
    assert_eq!(
        attrs(&html, "#start-title", "value"),
        ["nurs"],
        "what was typed is kept"
    );
    let html = page("/job-descriptions/build?from=zzqxv");
    assert!(text(&html, ".title-choices").contains("We know no job title like “zzqxv”"));
}

#[test]
fn the_title_lookup_answers_json_for_search_as_you_type() {
    let response = get("/job-descriptions/titles?q=forkl");
    assert_eq!(response.status, 200);
    assert_eq!(response.header("content-type"), "application/json");
    let titles: Vec<String> = serde_json::from_slice(&response.body).expect("JSON");
    assert!(
        titles.contains(&"Forklift Operator".to_owned()),
        "{titles:?}"
    );
    assert!(titles.len() <= 8);
    let empty: Vec<String> =
        serde_json::from_slice(&get("/job-descriptions/titles?q=%FF").body).expect("JSON");
    assert!(empty.is_empty());
}
