//! The words of a job title or a query, as search and the title checks compare them:
//! lowercase letters and digits, apostrophes dropped ("Electrician's" is "electricians").

/// The longest word kept; anything longer is cut (a query can hold anything).
const MAX_WORD_CHARS: usize = 40;

/// The words of `text`, lowercased, apostrophes dropped, split on everything that is
/// not a letter or digit.
pub fn words(text: &str) -> impl Iterator<Item = String> + '_ {
    text.split(|c: char| !c.is_alphanumeric() && !is_apostrophe(c))
        .map(|word| {
            word.chars()
                .filter(|c| !is_apostrophe(*c))
                .flat_map(char::to_lowercase)
                .take(MAX_WORD_CHARS)
                .collect::<String>()
        })
        .filter(|word| !word.is_empty())
}

/// `text` reduced to its words, joined by single spaces: the key two titles are the
/// same under ("Electrician's  Helper" and "electricians helper").
pub fn normalize(text: &str) -> String {
    words(text).collect::<Vec<_>>().join(" ")
}

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '’' | 'ʼ')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titles_reduce_to_words() {
        assert_eq!(normalize("Electrician's  Helper"), "electricians helper");
        assert_eq!(normalize("Helpers--Electricians"), "helpers electricians");
        assert_eq!(normalize("Nurse (RN), ICU"), "nurse rn icu");
        assert_eq!(normalize("  "), "");
        assert_eq!(
            words("Account \"manager\"* OR NEAR(x)").collect::<Vec<_>>(),
            ["account", "manager", "or", "near", "x"]
        );
        assert_eq!(words(&"z".repeat(100)).next().map(|w| w.len()), Some(40));
    }
}
