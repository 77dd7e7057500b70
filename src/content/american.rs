//! American English: the British spellings and terms that slip into content, each
//! reported at its line with the word to use instead.

use super::error::Problem;

/// British forms, lowercase, with the American word to use. Matched as whole words,
/// ignoring case.
const SPELLINGS: &[(&str, &str)] = &[
    ("organise", "organize"),
    ("organised", "organized"),
    ("organises", "organizes"),
    ("organising", "organizing"),
    ("organisation", "organization"),
    ("organisations", "organizations"),
    ("organisational", "organizational"),
    ("recognise", "recognize"),
    ("recognised", "recognized"),
    ("realise", "realize"),
    ("prioritise", "prioritize"),
    ("prioritising", "prioritizing"),
    ("specialise", "specialize"),
    ("specialised", "specialized"),
    ("specialises", "specializes"),
    ("minimise", "minimize"),
    ("maximise", "maximize"),
    ("summarise", "summarize"),
    ("authorise", "authorize"),
    ("authorised", "authorized"),
    ("authorisation", "authorization"),
    ("standardise", "standardize"),
    ("standardised", "standardized"),
    ("customise", "customize"),
    ("emphasise", "emphasize"),
    ("familiarise", "familiarize"),
    ("criticise", "criticize"),
    ("apologise", "apologize"),
    ("utilise", "use"),
    ("finalise", "finalize"),
    ("categorise", "categorize"),
    ("sanitise", "sanitize"),
    ("sanitiser", "sanitizer"),
    ("optimise", "optimize"),
    ("analyse", "analyze"),
    ("analysed", "analyzed"),
    ("analysing", "analyzing"),
    ("colour", "color"),
    ("colours", "colors"),
    ("behaviour", "behavior"),
    ("behaviours", "behaviors"),
    ("behavioural", "behavioral"),
    ("labour", "labor"),
    ("favour", "favor"),
    ("favourite", "favorite"),
    ("honour", "honor"),
    ("neighbour", "neighbor"),
    ("humour", "humor"),
    ("odour", "odor"),
    ("endeavour", "endeavor"),
    ("centre", "center"),
    ("centres", "centers"),
    ("metre", "meter"),
    ("metres", "meters"),
    ("litre", "liter"),
    ("litres", "liters"),
    ("theatre", "theater"),
    ("fibre", "fiber"),
    ("licence", "license"),
    ("licences", "licenses"),
    ("defence", "defense"),
    ("offence", "offense"),
    ("practise", "practice"),
    ("practised", "practiced"),
    ("cheque", "check"),
    ("cheques", "checks"),
    ("programme", "program"),
    ("programmes", "programs"),
    ("catalogue", "catalog"),
    ("travelling", "traveling"),
    ("travelled", "traveled"),
    ("traveller", "traveler"),
    ("modelling", "modeling"),
    ("labelled", "labeled"),
    ("labelling", "labeling"),
    ("counselling", "counseling"),
    ("counsellor", "counselor"),
    ("counsellors", "counselors"),
    ("fulfil", "fulfill"),
    ("enrol", "enroll"),
    ("enrolment", "enrollment"),
    ("instalment", "installment"),
    ("judgement", "judgment"),
    ("ageing", "aging"),
    ("aluminium", "aluminum"),
    ("tyre", "tire"),
    ("tyres", "tires"),
    ("kerb", "curb"),
    ("storey", "story"),
    ("jewellery", "jewelry"),
    ("manoeuvre", "maneuver"),
    ("paediatric", "pediatric"),
    ("paediatrics", "pediatrics"),
    ("anaesthesia", "anesthesia"),
    ("haemoglobin", "hemoglobin"),
    ("orthopaedic", "orthopedic"),
    ("oesophagus", "esophagus"),
    ("diarrhoea", "diarrhea"),
    ("grey", "gray"),
    ("whilst", "while"),
    ("amongst", "among"),
    ("maths", "math"),
    ("fortnight", "two weeks"),
    ("lorry", "truck"),
    ("lorries", "trucks"),
    ("petrol", "gasoline"),
    ("postcode", "ZIP code"),
    ("payslip", "pay stub"),
    ("payslips", "pay stubs"),
    ("rota", "schedule"),
    ("secondment", "temporary assignment"),
    ("solicitor", "lawyer"),
    ("refurbishment", "renovation"),
    ("refurbishments", "renovations"),
];

/// British phrases (lowercase, matched at word boundaries) with the American term.
const PHRASES: &[(&str, &str)] = &[
    ("new starters", "new hires"),
    ("new starter", "new hire"),
    ("estate agent", "real estate agent"),
    ("estate agents", "real estate agents"),
    ("estate agency", "real estate brokerage"),
    ("estate agencies", "real estate brokerages"),
    ("in-tray", "inbox"),
    ("fire warden", "fire safety officer"),
    ("fire wardens", "fire safety officers"),
    ("leave balance", "PTO balance"),
    ("leave balances", "PTO balances"),
    ("annual leave", "vacation"),
    ("curriculum vitae", "resume"),
    ("mobile phone", "cell phone"),
    ("car park", "parking lot"),
    ("full stop", "period"),
    ("ring fence", "set aside"),
];

/// Written in capitals: "CV" where a resume is meant.
const CAPITALS: &[(&str, &str)] = &[("CV", "resume"), ("CVs", "resumes")];

/// A problem for every British spelling or term in `source`, at its file line
/// (`source` is the whole file, so its first line is line 1).
pub fn british_terms(source: &str) -> Vec<Problem> {
    let mut problems = Vec::new();
    for (index, line) in source.lines().enumerate() {
        let lower = line.to_lowercase();
        let mut report = |british: &str, american: &str| {
            problems.push(Problem::new(
                index + 1,
                format!("\"{british}\" is British English; write \"{american}\""),
            ));
        };
        for word in words(&lower) {
            if let Some((british, american)) = SPELLINGS.iter().find(|(b, _)| *b == word) {
                report(british, american);
            }
        }
        for word in words(line) {
            if let Some((british, american)) = CAPITALS.iter().find(|(b, _)| *b == word) {
                report(british, american);
            }
        }
        // "real estate agent" is American; only a bare "estate agent" is British.
        let phrases_line = lower.replace("real estate", "real-estate");
        for (british, american) in PHRASES {
            if contains_phrase(&phrases_line, british) {
                report(british, american);
            }
        }
    }
    problems
}

/// The words of a line: letters, digits and inner hyphens or apostrophes.
fn words(line: &str) -> impl Iterator<Item = &str> {
    line.split(|c: char| !c.is_alphanumeric() && c != '-' && c != '\'' && c != '’')
        .map(|word| word.trim_matches(|c: char| !c.is_alphanumeric()))
        .filter(|word| !word.is_empty())
}

/// True when `phrase` occurs in `line` with no letter or digit on either side.
fn contains_phrase(line: &str, phrase: &str) -> bool {
    line.match_indices(phrase).any(|(start, _)| {
        let before = line[..start].chars().next_back();
        let after = line[start + phrase.len()..].chars().next();
        let inside = |c: char| c.is_alphanumeric() || c == '-';
        !before.is_some_and(inside) && !after.is_some_and(inside)
    })
}

#[cfg(test)]
mod tests {
    use super::british_terms;

    #[test]
    fn finds_spellings_terms_and_capitals_at_their_lines() {
        let problems = british_terms("title\nWe organise the colour.\nNew starters send a CV.\n");
        let found: Vec<(usize, &str)> = problems
            .iter()
            .map(|p| (p.line, p.message.as_str()))
            .collect();
        assert_eq!(
            found,
            vec![
                (2, "\"organise\" is British English; write \"organize\""),
                (2, "\"colour\" is British English; write \"color\""),
                (3, "\"CV\" is British English; write \"resume\""),
                (
                    3,
                    "\"new starters\" is British English; write \"new hires\""
                ),
            ]
        );
    }

    #[test]
    fn american_text_and_look_alikes_pass() {
        let text = "Organize the center's license renewals; advise on exercise. \
                    Cv-joints, CVS pharmacy, real estate agents and the rotary club are fine.";
        assert!(british_terms(text).is_empty(), "{:?}", british_terms(text));
    }
}
