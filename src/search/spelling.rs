//! Closeness between words and titles, for "Did you mean" suggestions.

/// Edit distance (insertions, deletions, substitutions) between two strings, by char.
pub fn distance(a: &str, b: &str) -> usize {
    distance_within(a, b, usize::MAX).unwrap_or(usize::MAX)
}

/// How many typos a word may hold and still be read as another: none in a word of
/// one or two letters, one up to four letters, two in longer words.
pub fn typo_allowance(word: &str) -> usize {
    match word.chars().count() {
        0..=2 => 0,
        3..=4 => 1,
        _ => 2,
    }
}

/// [`distance`], or `None` as soon as it is sure to be over `limit` (most words of a
/// vocabulary are, and are dropped after a letter or two).
pub fn distance_within(a: &str, b: &str, limit: usize) -> Option<usize> {
    let b: Vec<char> = b.chars().collect();
    let mut previous: Vec<usize> = (0..=b.len()).collect();
    let mut current = vec![0; b.len() + 1];
    for (i, ca) in a.chars().enumerate() {
        current[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let substitution = previous[j] + usize::from(ca != *cb);
            current[j + 1] = substitution.min(previous[j + 1] + 1).min(current[j] + 1);
        }
        // A row's smallest cell never shrinks in the rows below it.
        if current.iter().min().is_some_and(|&least| least > limit) {
            return None;
        }
        std::mem::swap(&mut previous, &mut current);
    }
    Some(previous[b.len()]).filter(|&d| d <= limit)
}

/// How alike two strings are, from 0 (nothing alike) to 1 (the same).
pub fn similarity(a: &str, b: &str) -> f64 {
    let longest = a.chars().count().max(b.chars().count());
    if longest == 0 {
        return 1.0;
    }
    1.0 - distance(a, b) as f64 / longest as f64
}

/// Known words, sorted by length so that a typo is compared only with words of about
/// its own length.
#[derive(Debug, Default)]
pub struct Vocabulary {
    /// (length in chars, word), in length order.
    words: Vec<(usize, String)>,
}

impl Vocabulary {
    /// The vocabulary of `words`, without duplicates.
    pub fn new(words: impl IntoIterator<Item = String>) -> Self {
        let mut words: Vec<(usize, String)> =
            words.into_iter().map(|w| (w.chars().count(), w)).collect();
        words.sort();
        words.dedup();
        Self { words }
    }

    /// The closest known word to `word`, if it is close enough to be a typo of it
    /// (see [`typo_allowance`]).
    pub fn correct(&self, word: &str) -> Option<&str> {
        let length = word.chars().count();
        let allowed = typo_allowance(word);
        let start = self.words.partition_point(|(l, _)| *l + allowed < length);
        let end = self.words.partition_point(|(l, _)| *l <= length + allowed);
        self.words[start..end]
            .iter()
            .filter_map(|(_, candidate)| {
                Some((distance_within(word, candidate, allowed)?, candidate))
            })
            .min_by(|a, b| a.0.cmp(&b.0).then_with(|| a.1.len().cmp(&b.1.len())))
            .map(|(_, candidate)| candidate.as_str())
    }
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
        assert_eq!(distance_within("manger", "manager", 1), Some(1));
        assert_eq!(distance_within("plumber", "manager", 2), None);
    }

    #[test]
    fn typos_are_corrected_to_known_words() {
        let words = ["account", "accountant", "manager", "nurse", "nurse"].map(String::from);
        let vocabulary = Vocabulary::new(words);
        assert_eq!(vocabulary.correct("acount"), Some("account"));
        assert_eq!(vocabulary.correct("manger"), Some("manager"));
        assert_eq!(vocabulary.correct("nurze"), Some("nurse"));
        assert_eq!(vocabulary.correct("accountantt"), Some("accountant"));
        assert_eq!(vocabulary.correct("xylophone"), None);
    }
}
