//! Every page over real HTTP against the real `content/` directory, checked by parsing
//! the HTML.

mod common;

use common::{attrs, get, library, page, sel, text, texts};

/// The section ids of a role page, in the order the anatomy requires.
const SECTION_ORDER: [&str; 10] = [
    "intro",
    "duties",
    "what-they-do",
    "skills",
    "salary",
    "education",
    "experience",
    "sample",
    "similar-roles",
    "faq",
];

#[test]
fn every_role_page_has_every_section_in_order() {
    for role in library().roles() {
        let path = format!("/job-descriptions/{}", role.slug);
        let html = page(&path);
        let title = text(&html, "title");
        assert!(title.starts_with(&role.title), "{path}: <title> {title}");
        assert_eq!(
            text(&html, "h1"),
            format!("{} job description", role.title),
            "{path}"
        );
        assert_eq!(
            attrs(&html, "meta[name=description]", "content"),
            [role.summary.as_str()],
            "{path}"
        );

        let ids = attrs(&html, "main [id]", "id");
        let positions: Vec<usize> = SECTION_ORDER
            .iter()
            .map(|id| {
                ids.iter()
                    .position(|x| x == id)
                    .unwrap_or_else(|| panic!("{path}: no #{id}"))
            })
            .collect();
        assert!(
            positions.windows(2).all(|w| w[0] < w[1]),
            "{path}: sections out of order: {ids:?}"
        );

        for id in &SECTION_ORDER[1..] {
            let heading = texts(&html, &format!("#{id} > h2"));
            assert_eq!(heading.len(), 1, "{path}: #{id} has one h2");
        }
        assert_eq!(
            texts(&html, "#duties li"),
            role.body
                .duties
                .items
                .iter()
                .map(|i| i.text.clone())
                .collect::<Vec<_>>(),
            "{path}: duties"
        );
        assert_eq!(
            texts(&html, "#skills li"),
            role.body
                .skills
                .items
                .iter()
                .map(|i| i.text.clone())
                .collect::<Vec<_>>(),
            "{path}: skills"
        );
        assert_eq!(
            texts(&html, "#faq h3"),
            role.body
                .faq
                .iter()
                .map(|f| f.question.clone())
                .collect::<Vec<_>>(),
            "{path}: FAQ questions"
        );
        let sample = texts(&html, "#sample .sample-posting li");
        let expected: Vec<String> = role
            .body
            .duties
            .items
            .iter()
            .chain(&role.body.requirements)
            .chain(&role.body.skills.items)
            .map(|i| i.text.clone())
            .collect();
        assert_eq!(sample, expected, "{path}: the sample posting's lists");
        assert_eq!(
            texts(&html, "#sample .sample-posting > p")[0],
            role.body.posting_summary,
            "{path}: the sample starts with the posting summary"
        );
        let copy: String = html
            .select(&sel("#sample-text"))
            .next()
            .expect("the copy box")
            .text()
            .collect();
        assert!(
            copy.starts_with(&format!(
                "{}\n\nAbout the role\n{}\n",
                role.title, role.body.posting_summary
            )),
            "{path}: the plain text to copy: {copy}"
        );
        assert_eq!(
            attrs(&html, "#sample a.button", "href"),
            [format!("/job-descriptions/build?role={}", role.slug)],
            "{path}: edit this in the builder"
        );
        for id in ["intro", "what-they-do", "education", "experience"] {
            let words = text(&html, &format!("#{id}")).split_whitespace().count();
            assert!(words >= 30, "{path}: #{id} has only {words} words");
        }
    }
}

#[test]
fn role_pages_show_aliases_reading_time_date_and_calls_to_action() {
    for role in library().roles() {
        let path = format!("/job-descriptions/{}", role.slug);
        let html = page(&path);
        let header = text(&html, ".page-header");
        for alias in &role.aliases {
            assert!(
                header.contains(alias.as_str()),
                "{path}: alias {alias} not in {header}"
            );
        }
        assert!(
            header.contains(&format!("{} min read", role.reading_minutes())),
            "{path}: {header}"
        );
        assert_eq!(
            attrs(&html, ".page-header time", "datetime"),
            [role.updated.to_string()],
            "{path}"
        );
        assert!(header.contains("Last updated"), "{path}");
        let build = format!("/job-descriptions/build?role={}", role.slug);
        let ctas = attrs(&html, ".snapshot-build, .cta a", "href");
        assert!(
            ctas.len() >= 2 && ctas.iter().all(|h| *h == build),
            "{path}: {ctas:?}"
        );
        assert_eq!(
            attrs(&html, "#find-another form", "action"),
            ["/search"],
            "{path}: search box"
        );
    }
}

#[test]
fn similar_roles_show_their_summaries_and_resolve() {
    for role in library().roles() {
        let path = format!("/job-descriptions/{}", role.slug);
        let html = page(&path);
        let links = attrs(&html, "#similar-roles .card a", "href");
        let expected: Vec<String> = role
            .similar
            .iter()
            .map(|s| format!("/job-descriptions/{s}"))
            .collect();
        assert_eq!(links, expected, "{path}");
        let summaries = texts(&html, "#similar-roles .card p");
        for (slug, summary) in role.similar.iter().zip(&summaries) {
            let similar = library().role(slug).expect("similar role exists");
            assert_eq!(summary, &similar.summary, "{path}: summary of {slug}");
        }
        for link in links {
            assert_eq!(get(&link).status, 200, "{path} links to {link}");
        }
    }
}

#[test]
fn index_lists_every_role_by_letter_and_by_category() {
    let html = page("/job-descriptions");
    let by_letter = attrs(&html, ".letter-group a", "href");
    let by_category = attrs(&html, ".category-group a", "href");
    assert_eq!(by_letter.len(), library().roles().len());
    assert_eq!(by_category.len(), library().roles().len());
    for role in library().roles() {
        let href = format!("/job-descriptions/{}", role.slug);
        assert!(by_letter.contains(&href), "A-Z is missing {href}");
        assert!(by_category.contains(&href), "categories are missing {href}");
        let letter = role.title[..1].to_uppercase();
        let group = attrs(&html, &format!("#letter-{letter} a"), "href");
        assert!(group.contains(&href), "{href} is not under {letter}");
        let category = library().category(&role.category).expect("category exists");
        let group = attrs(&html, &format!("#{} a", category.anchor), "href");
        assert!(
            group.contains(&href),
            "{href} is not under {}",
            category.name
        );
    }
    let summaries = texts(&html, ".letter-group .summary");
    assert!(summaries.iter().any(|s| s == &library().roles()[0].summary));
    let titles: Vec<String> = texts(&html, ".letter-group a");
    let mut sorted = titles.clone();
    sorted.sort_by_key(|t| t.to_lowercase());
    assert_eq!(titles, sorted, "A-Z order");
    for href in attrs(&html, ".alphabet a", "href") {
        let id = href.trim_start_matches('#');
        assert_eq!(
            html.select(&sel(&format!("#{id}"))).count(),
            1,
            "letter link {href} has a target"
        );
    }
}

#[test]
fn home_explains_the_site_and_offers_search_featured_roles_and_categories() {
    let html = page("/");
    assert!(text(&html, "h1").contains("Job descriptions"));
    assert_eq!(
        attrs(&html, "main form[role=search]", "action"),
        ["/search"]
    );
    assert_eq!(attrs(&html, "main form[role=search]", "method"), ["get"]);
    assert_eq!(attrs(&html, "main form[role=search] input", "name"), ["q"]);
    let featured = attrs(&html, "#featured-title + .cards a", "href");
    let expected: Vec<String> = library()
        .featured()
        .map(|r| format!("/job-descriptions/{}", r.slug))
        .collect();
    assert_eq!(featured, expected);
    let categories = texts(&html, ".category h3");
    let expected: Vec<String> = library()
        .categories()
        .iter()
        .map(|c| c.name.clone())
        .collect();
    assert_eq!(categories, expected);
}

#[test]
fn layout_has_skip_link_navigation_footer_and_disclaimer() {
    for path in [
        "/",
        "/job-descriptions",
        "/job-descriptions/accountant",
        "/about",
    ] {
        let html = page(path);
        assert_eq!(attrs(&html, "a.skip-link", "href"), ["#main"], "{path}");
        assert_eq!(attrs(&html, "main", "id"), ["main"], "{path}");
        let nav = attrs(&html, ".site-nav a", "href");
        assert_eq!(
            nav,
            [
                "/job-descriptions",
                "/salaries",
                "/resources",
                "/job-descriptions/build"
            ],
            "{path}"
        );
        let footer = attrs(&html, ".site-footer a", "href");
        assert!(
            footer.contains(&"/about".to_owned())
                && footer.contains(&"/editorial-guidelines".to_owned())
        );
        assert!(
            text(&html, ".disclaimer").contains("not legal advice"),
            "{path}"
        );
        assert_eq!(attrs(&html, "html", "lang"), ["en-US"]);
        assert!(attrs(&html, "link[rel=icon]", "href").contains(&"/favicon.ico".to_owned()));
    }
    let roles = page("/job-descriptions/accountant");
    assert_eq!(
        attrs(&roles, ".site-nav a[aria-current=page]", "href"),
        ["/job-descriptions"]
    );
}

#[test]
fn about_and_editorial_pages_render_their_content() {
    for (path, heading) in [
        ("/about", "About Rolebook"),
        ("/editorial-guidelines", "Editorial guidelines"),
    ] {
        let html = page(path);
        assert_eq!(text(&html, "h1"), heading);
        assert!(
            html.select(&sel("main h2")).count() >= 2,
            "{path} has sections"
        );
        assert_eq!(
            attrs(&html, "main time", "datetime").len(),
            1,
            "{path} shows its date"
        );
    }
}

#[test]
fn page_titles_are_unique() {
    let mut paths = vec![
        "/".to_owned(),
        "/job-descriptions".to_owned(),
        "/about".to_owned(),
    ];
    paths.extend(
        library()
            .roles()
            .iter()
            .map(|r| format!("/job-descriptions/{}", r.slug)),
    );
    let mut titles: Vec<String> = paths.iter().map(|p| text(&page(p), "title")).collect();
    let count = titles.len();
    titles.sort();
    titles.dedup();
    assert_eq!(titles.len(), count, "duplicate <title>s");
}

#[test]
fn the_salary_section_says_whose_figures_they_are() {
    let data = library().wages();
    for role in library().roles() {
        let path = format!("/job-descriptions/{}", role.slug);
        let html = page(&path);
        let whose = text(&html, "#salary .salary-whose");
        let official = &data.occupation(&role.soc).expect("occupation").title;
        assert!(
            whose.contains(&format!(
                "figures for the official occupation {official} (SOC {})",
                role.soc
            )) && whose.contains(&format!("where BLS counts {} jobs", role.title)),
            "{path}: {whose}"
        );
        assert!(whose.contains("not the self-employed"), "{path}");
        assert!(
            whose.contains("include commissions, tips and production bonuses, but not"),
            "{path}"
        );
        let sharing: Vec<_> = library()
            .roles_for(&role.soc)
            .filter(|r| r.slug != role.slug)
            .collect();
        for other in &sharing {
            assert!(
                whose.contains(&other.title),
                "{path}: names {} on the same figures",
                other.title
            );
        }
        let catch_all = official.ends_with("All Other");
        assert_eq!(
            whose.contains("is a catch-all"),
            catch_all,
            "{path}: catch-all warning"
        );
        assert!(
            text(&html, "#salary .figures").contains("excludes the self-employed"),
            "{path}: beside the jobs count"
        );
    }
}

#[test]
fn a_slug_in_any_case_redirects_to_its_canonical_address() {
    for (typed, canonical) in [
        (
            "/job-descriptions/Account-Manager",
            "/job-descriptions/account-manager",
        ),
        (
            "/Job-Descriptions/ACCOUNT-MANAGER?state=texas",
            "/job-descriptions/account-manager?state=texas",
        ),
        ("/salaries/Registered-Nurse", "/salaries/registered-nurse"),
        ("/About", "/about"),
        (
            "/Resources/How-To-Write-A-Job-Description",
            "/resources/how-to-write-a-job-description",
        ),
    ] {
        let response = get(typed);
        assert_eq!(response.status, 301, "{typed}");
        assert_eq!(response.header("location"), canonical, "{typed}");
        assert_eq!(get(canonical).status, 200, "{canonical}");
    }
    assert_eq!(get("/job-descriptions/No-Such-Role").status, 301);
    assert_eq!(
        get("/job-descriptions/no-such-role").status,
        404,
        "and then a plain 404"
    );
}

#[test]
fn dates_are_written_the_american_way() {
    let role = &library().roles()[0];
    let html = page(&format!("/job-descriptions/{}", role.slug));
    let updated = text(&html, ".meta time");
    let american = regex_like_american(&updated);
    assert!(american, "{updated}");
    let source = text(&html, "#salary .source");
    assert!(source.contains("published May 15, 2026"), "{source}");
    let about = page("/about");
    assert!(regex_like_american(&text(&about, ".meta time")));
}

/// "December 1, 2026": a month name, a day, a comma and a year.
fn regex_like_american(date: &str) -> bool {
    const MONTHS: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    let parts: Vec<&str> = date.split(' ').collect();
    matches!(parts.as_slice(), [month, day, year]
        if MONTHS.contains(month)
            && day.ends_with(',')
            && day.trim_end_matches(',').parse::<u8>().is_ok()
            && year.len() == 4)
}

#[test]
fn the_about_page_states_the_coverage_figures() {
    let coverage = library().coverage();
    let html = page("/about");
    let said = text(&html, ".coverage");
    assert!(
        said.contains(&format!("{} job descriptions", coverage.roles)),
        "{said}"
    );
    assert!(
        said.contains(&format!(
            "{} of the {}",
            coverage.occupations, coverage.all_occupations
        )),
        "{said}"
    );
    assert!(said.contains(&format!("{:.1}%", coverage.share)), "{said}");
}

#[test]
fn the_pay_snapshot_shows_the_most_local_published_figures_and_whose_they_are() {
    let figure = |html: &scraper::Html, css: &str| texts(html, css).concat();
    let national = page("/job-descriptions/account-manager");
    assert_eq!(text(&national, ".snapshot-place"), "United States");
    assert_eq!(
        figure(&national, "[data-figure=snapshot-median]"),
        figure(
            &national,
            "#salary [data-place='United States'] [data-figure=median]"
        )
    );
    assert_eq!(
        figure(&national, "[data-figure=snapshot-middle-half]"),
        figure(
            &national,
            "#salary [data-place='United States'] [data-figure=middle-half]"
        )
    );
    let source = text(&national, ".snapshot-source");
    assert!(
        source.contains("Sales Representatives of Services") && source.contains("May 2025"),
        "the snapshot names the occupation and period: {source}"
    );

    let texas = page("/job-descriptions/account-manager?state=texas");
    assert_eq!(text(&texas, ".snapshot-place"), "Texas");
    assert_eq!(
        figure(&texas, "[data-figure=snapshot-median]"),
        figure(&texas, "#salary [data-place='Texas'] [data-figure=median]")
    );
    let metro = page("/job-descriptions/electrician?state=ohio&metro=cincinnati-oh-ky-in");
    assert_eq!(text(&metro, ".snapshot-place"), "Cincinnati, OH-KY-IN");
    // The snapshot comes after the introduction and before the duties, so a phone
    // reader meets it early; from 1024 px the stylesheet moves it to the side.
    let order: Vec<String> = metro
        .select(&sel(".role > *"))
        .map(|e| e.value().attr("id").unwrap_or(e.value().name()).to_owned())
        .collect();
    let at = |name: &str| order.iter().position(|n| n == name);
    assert!(
        at("intro") < at("aside") && at("aside") < at("duties"),
        "{order:?}"
    );
}
