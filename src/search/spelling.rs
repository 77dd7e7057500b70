//! Closeness between words and titles, for "Did you mean" suggestions.

/// How many typos a word may hold and still be read as another: none in a word of
/// one or two letters, one up to four letters, two in longer words.
pub fn typo_allowance(word: &str) -> usize {
    match word.chars().count() {
        0..=2 => 0,
        3..=4 => 1,
        _ => 2,
    }
}

/// The two rows of the edit-distance table, kept between comparisons so that comparing
/// a query with thousands of names allocates nothing.
#[derive(Debug, Default)]
pub struct Rows {
    previous: Vec<usize>,
    current: Vec<usize>,
}

impl Rows {
    /// The edit distance between `a` and `b`, or `None` as soon as it is sure to be
    /// over `limit` (most pairs are: their lengths alone say so, or a row or two does).
    pub fn within(&mut self, a: &[char], b: &[char], limit: usize) -> Option<usize> {
        if a.len().abs_diff(b.len()) > limit {
            return None;
        }
        self.previous.clear();
        self.previous.extend(0..=b.len());
        self.current.clear();
        self.current.resize(b.len() + 1, 0);
        for (i, ca) in a.iter().enumerate() {
            self.current[0] = i + 1;
            for (j, cb) in b.iter().enumerate() {
                let substitution = self.previous[j] + usize::from(ca != cb);
                self.current[j + 1] = substitution
                    .min(self.previous[j + 1] + 1)
                    .min(self.current[j] + 1);
            }
            // A row's smallest cell never shrinks in the rows below it.
            if self
                .current
                .iter()
                .min()
                .is_some_and(|&least| least > limit)
            {
                return None;
            }
            std::mem::swap(&mut self.previous, &mut self.current);
        }
        Some(self.previous[b.len()]).filter(|&d| d <= limit)
    }
}

/// Known words, sorted by length so that a typo is compared only with words of about
/// its own length.
#[derive(Debug, Default)]
pub struct Vocabulary {
    /// (length in chars, word, its chars), in length order.
    words: Vec<(usize, String, Vec<char>)>,
}

impl Vocabulary {
    /// The vocabulary of `words`, without duplicates.
    pub fn new(words: impl IntoIterator<Item = String>) -> Self {
        let mut words: Vec<(usize, String, Vec<char>)> = words
            .into_iter()
            .map(|w| (w.chars().count(), w.chars().collect(), w))
            .map(|(len, chars, w)| (len, w, chars))
            .collect();
        words.sort();
        words.dedup();
        Self { words }
    }

    /// The closest known word to `word`, if it is close enough to be a typo of it
    /// (see [`typo_allowance`]).
    pub fn correct(&self, word: &str) -> Option<&str> {
        let chars: Vec<char> = word.chars().collect();
        let length = chars.len();
        let allowed = typo_allowance(word);
        let start = self
            .words
            .partition_point(|(l, _, _)| *l + allowed < length);
        let end = self
            .words
            .partition_point(|(l, _, _)| *l <= length + allowed);
        let mut rows = Rows::default();
        self.words[start..end]
            .iter()
            .filter(|(_, _, candidate)| candidate.first() == chars.first())
            .filter_map(|(_, candidate, candidate_chars)| {
                Some((rows.within(&chars, candidate_chars, allowed)?, candidate))
            })
            .min_by(|a, b| a.0.cmp(&b.0).then_with(|| a.1.len().cmp(&b.1.len())))
            .map(|(_, candidate)| candidate.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The edit distance (insertions, deletions, substitutions, by char) between two
    /// strings, or `None` as soon as it is sure to be over `limit`.
    fn distance_within(a: &str, b: &str, limit: usize) -> Option<usize> {
        let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
        Rows::default().within(&a, &b, limit)
    }

    #[test]
    fn distances() {
        let any = usize::MAX;
        assert_eq!(distance_within("acount", "account", any), Some(1));
        assert_eq!(distance_within("manger", "manager", any), Some(1));
        assert_eq!(distance_within("", "abc", any), Some(3));
        assert_eq!(distance_within("nurse", "nurse", any), Some(0));
        assert_eq!(
            distance_within("plumber", "account manager", 3),
            None,
            "lengths alone rule it out"
        );
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
