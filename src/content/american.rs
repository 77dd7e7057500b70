//! American English: the British spellings and terms that slip into content, each
//! reported at its line with the word to use instead.

use std::collections::HashMap;
use std::sync::OnceLock;

use crate::diagnostics::Problem;

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

/// The longest British form we know, in bytes.
const LONGEST: usize = 14;

/// A term found: the British form and the American one.
type Term = (&'static str, &'static str);

/// A problem for every British spelling or term in `source`, at its file line
/// (`source` is the whole file, so its first line is line 1). Words are read byte by
/// byte, lowercased in place and looked up only when their first and last letters
/// could make one of ours, so checking the whole library takes a few milliseconds.
pub fn british_terms(source: &str) -> Vec<Problem> {
    let lookups = lookups();
    let mut problems = Vec::new();
    for (index, line) in source.lines().enumerate() {
        let mut found: Vec<Term> = Vec::new();
        let mut phrases: Vec<Term> = Vec::new();
        // The last three words, lowercased (empty for one that cannot be ours).
        let mut recent = Recent::default();
        for_each_word(line, |word| {
            if let Some(capital) = CAPITALS.iter().find(|(b, _)| *b == word) {
                found.push(*capital);
            }
            recent.push(word);
            if let Some(hit) = lookups.word(recent.get(0)) {
                found.push(hit);
            }
            // "real estate agent" is American; only a bare "estate agent" is British.
            let real_estate = recent.get(1) == b"estate" && recent.get(2) == b"real";
            if let Some(hit) = lookups.pair(recent.get(1), recent.get(0))
                && !real_estate
            {
                phrases.push(hit);
            }
        });
        for (british, american) in found.into_iter().chain(phrases) {
            problems.push(Problem::new(
                index + 1,
                format!("\"{british}\" is British English; write \"{american}\""),
            ));
        }
    }
    problems
}

/// The last three words, lowercased, in fixed buffers.
#[derive(Default)]
struct Recent {
    words: [[u8; LONGEST]; 3],
    lengths: [usize; 3],
    newest: usize,
}

impl Recent {
    fn push(&mut self, word: &str) {
        self.newest = (self.newest + 1) % 3;
        let bytes = word.as_bytes();
        let keep = word.is_ascii() && bytes.len() <= LONGEST;
        let length = if keep { bytes.len() } else { 0 };
        self.words[self.newest][..length].copy_from_slice(&bytes[..length]);
        self.words[self.newest][..length].make_ascii_lowercase();
        self.lengths[self.newest] = length;
    }

    /// The word `back` words ago (0: the newest).
    fn get(&self, back: usize) -> &[u8] {
        let at = (self.newest + 3 - back) % 3;
        &self.words[at][..self.lengths[at]]
    }
}

/// Calls `f` with each word of `line`: letters, digits and inner hyphens or
/// apostrophes. Scanned by byte, as the text is nearly all ASCII; a run holding other
/// characters is split by char, so a dash or curly quote still separates words.
fn for_each_word(line: &str, mut f: impl FnMut(&str)) {
    let inside = |b: u8| b.is_ascii_alphanumeric() || b == b'-' || b == b'\'' || b >= 0x80;
    let trim = |word: &str| word.trim_matches(|c: char| !c.is_alphanumeric()).to_owned();
    let bytes = line.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        while i < bytes.len() && !inside(bytes[i]) {
            i += 1;
        }
        let start = i;
        while i < bytes.len() && inside(bytes[i]) {
            i += 1;
        }
        // The run starts and ends at ASCII bytes (or the line's ends): whole characters.
        let run = &line[start..i];
        if run.is_ascii() {
            let word = run.trim_matches(|c: char| !c.is_ascii_alphanumeric());
            if !word.is_empty() {
                f(word);
            }
        } else {
            for word in
                run.split(|c: char| !c.is_alphanumeric() && c != '-' && c != '\'' && c != '’')
            {
                let word = trim(word);
                if !word.is_empty() {
                    f(&word);
                }
            }
        }
    }
}

/// The spellings and one-word terms by word, the two-word terms by their words, and
/// which first-and-last letter pairs any of them (or any phrase's first word) has.
struct Lookups {
    single: HashMap<&'static [u8], Term>,
    pairs: HashMap<(&'static [u8], &'static [u8]), Term>,
    ends: [bool; 128 * 128],
    pair_ends: [bool; 128 * 128],
}

impl Lookups {
    fn ends(word: &[u8]) -> Option<usize> {
        let (first, last) = (*word.first()?, *word.last()?);
        (first < 128 && last < 128).then(|| usize::from(first) * 128 + usize::from(last))
    }

    fn word(&self, word: &[u8]) -> Option<Term> {
        let ends = Self::ends(word)?;
        if !self.ends[ends] {
            return None;
        }
        self.single.get(word).copied()
    }

    fn pair(&self, first: &[u8], second: &[u8]) -> Option<Term> {
        let ends = Self::ends(first)?;
        if second.is_empty() || !self.pair_ends[ends] {
            return None;
        }
        self.pairs.get(&(first, second)).copied()
    }
}

fn lookups() -> &'static Lookups {
    static LOOKUPS: OnceLock<Lookups> = OnceLock::new();
    LOOKUPS.get_or_init(|| {
        let mut single: HashMap<&'static [u8], Term> = SPELLINGS
            .iter()
            .map(|&(b, a)| (b.as_bytes(), (b, a)))
            .collect();
        let mut pairs = HashMap::new();
        for &(british, american) in PHRASES {
            match british.split_once(' ') {
                Some((first, second)) => {
                    pairs.insert((first.as_bytes(), second.as_bytes()), (british, american));
                }
                None => {
                    single.insert(british.as_bytes(), (british, american));
                }
            }
        }
        let mark = |words: &mut dyn Iterator<Item = &&[u8]>| {
            let mut table = [false; 128 * 128];
            for word in words {
                if let Some(at) = Lookups::ends(word) {
                    table[at] = true;
                }
            }
            table
        };
        let ends = mark(&mut single.keys());
        let pair_ends = mark(&mut pairs.keys().map(|(first, _)| first));
        Lookups {
            single,
            pairs,
            ends,
            pair_ends,
        }
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
