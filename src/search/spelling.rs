//! Closeness between words and titles, for "Did you mean" suggestions.

/// Edit distance (insertions, deletions, substitutions) between two strings, by char.
pub fn distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut previous: Vec<usize> = (0..=b.len()).collect();
    let mut current = vec![0; b.len() + 1];
    for (i, ca) in a.chars().enumerate() {
        current[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let substitution = previous[j] + usize::from(ca != *cb);
            current[j + 1] = substitution.min(previous[j + 1] + 1).min(current[j] + 1);
        }
        std::mem::swap(&mut previous, &mut current);
    }
    previous[b.len()]
}

/// How alike two strings are, from 0 (nothing alike) to 1 (the same).
pub fn similarity(a: &str, b: &str) -> f64 {
    let longest = a.chars().count().max(b.chars().count());
    if longest == 0 {
        return 1.0;
    }
    1.0 - distance(a, b) as f64 / longest as f64
}

/// The closest word in `vocabulary` to `word`, if it is close enough to be a typo of it:
/// one edit for words up to four letters, two for longer ones.
pub fn correct<'a>(word: &str, vocabulary: &'a [String]) -> Option<&'a str> {
    let length = word.chars().count();
    let allowed = if length <= 4 { 1 } else { 2 };
    vocabulary
        .iter()
        // A length difference alone can rule a word out, without computing its distance.
        .filter(|candidate| candidate.chars().count().abs_diff(length) <= allowed)
        .map(|candidate| (distance(word, candidate), candidate))
        .filter(|(d, _)| *d <= allowed)
        .min_by(|a, b| a.0.cmp(&b.0).then_with(|| a.1.len().cmp(&b.1.len())))
        .map(|(_, candidate)| candidate.as_str())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn distances() {
        assert_eq!(distance("acount", "account"), 1);
        assert_eq!(distance("manger", "manager"), 1);
        assert_eq!(distance("", "abc"), 3);
        assert_eq!(distance("nurse", "nurse"), 0);
        assert!(similarity("acount manger", "account manager") > 0.8);
        assert!(similarity("plumber", "account manager") < 0.3);
    }

    #[test]
    fn typos_are_corrected_to_known_words() {
        let vocabulary: Vec<String> = ["account", "accountant", "manager", "nurse"]
            .map(String::from)
            .to_vec();
        assert_eq!(correct("acount", &vocabulary), Some("account"));
        assert_eq!(correct("manger", &vocabulary), Some("manager"));
        assert_eq!(correct("nurze", &vocabulary), Some("nurse"));
        assert_eq!(correct("xylophone", &vocabulary), None);
    }
}
