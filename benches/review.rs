//! Time to check a 700-word posting with the posting checker: p50 and p99 over 1,000
//! runs. `cargo bench --bench review`.

use std::time::Instant;

use rolebook::builder::Location;
use rolebook::builder::review::{PostingText, Rules, review};
use rolebook::content::laws::PayRules;
use rolebook::content::wording::{CodedWords, parse_terms};

fn main() {
    let read = |name: &str| {
        std::fs::read_to_string(format!(
            "{}/content/data/{name}",
            env!("CARGO_MANIFEST_DIR")
        ))
        .expect("data file")
    };
    let coded = CodedWords::parse(&read("gender-coded-words.toml")).expect("coded words");
    let terms = parse_terms(&read("excluding-words.toml")).expect("terms");
    let pay_rules = PayRules::parse(&read("pay-transparency.toml"), |_| true).expect("rules");
    let rules = Rules {
        coded: &coded,
        terms: &terms,
        pay_rules: &pay_rules,
    };
    let sentence = "You will greet customers, answer their questions about our products and keep the sales floor stocked and tidy.";
    let posting = PostingText {
        title: "Retail Sales Associate".into(),
        paragraphs: vec![sentence.repeat(4); 5],
        bullets: vec![sentence.to_owned(); 14],
        statement: vec![rolebook::builder::DEFAULT_EEO.to_owned()],
        required: 5,
        pay: true,
        location: Some(Location::Place {
            city: "Denver".into(),
            state: "Colorado".into(),
        }),
        benefits: true,
        closing_date: true,
        apply: true,
        eeo: true,
    };
    let today = time::macros::date!(2026 - 12 - 02);
    let words = review(&posting, &rules, today).words;
    let mut times: Vec<f64> = (0..1_000)
        .map(|_| {
            let start = Instant::now();
            std::hint::black_box(review(std::hint::black_box(&posting), &rules, today));
            start.elapsed().as_secs_f64() * 1e6
        })
        .collect();
    times.sort_by(f64::total_cmp);
    println!(
        "checking a {words}-word posting, 1,000 runs: p50 {:.1} µs, p99 {:.1} µs, max {:.1} µs",
        times[499], times[989], times[999]
    );
}
