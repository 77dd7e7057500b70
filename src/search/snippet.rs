//! Snippets: a passage of a page's text around the first word a query matched, the
//! matched words marked, everything escaped.

use crate::html::escape as escape_html;

/// Words shown in a snippet.
const SNIPPET_WORDS: usize = 28;

/// Whether `token`'s letters and digits, lowercased, start with `word`.
fn starts_with_word(token: &str, word: &str) -> bool {
    let token = token.trim_start_matches(|c: char| !c.is_alphanumeric());
    if token.is_ascii() && word.is_ascii() {
        // Most words: compare bytes, ignoring case, without building anything.
        let (token, word) = (token.as_bytes(), word.as_bytes());
        return !word.is_empty()
            && token.len() >= word.len()
            && token[..word.len()].eq_ignore_ascii_case(word);
    }
    let mut letters = token
        .chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase);
    !word.is_empty() && word.chars().all(|w| letters.next() == Some(w))
}

/// Where in `folded` the first word starting with one of the (ASCII) `words` begins.
fn first_match(folded: &str, words: &[String]) -> Option<usize> {
    let starts_word = |at: usize| {
        folded[..at]
            .chars()
            .next_back()
            .is_none_or(|c| !c.is_alphanumeric())
    };
    words
        .iter()
        .filter(|w| w.is_ascii())
        .filter_map(|w| memchr::memmem::find_iter(folded.as_bytes(), w).find(|&at| starts_word(at)))
        .min()
}

/// The start of the word `n` words before byte `at` (ASCII whitespace separates words;
/// a UTF-8 continuation byte is never one, so the result is a char boundary).
fn words_before(text: &str, at: usize, n: usize) -> usize {
    let bytes = text.as_bytes();
    let mut i = at;
    for _ in 0..n {
        while i > 0 && bytes[i - 1].is_ascii_whitespace() {
            i -= 1;
        }
        while i > 0 && !bytes[i - 1].is_ascii_whitespace() {
            i -= 1;
        }
    }
    i
}

/// A passage of the page's text around the first word that starts with a query word,
/// those words in `<mark>`, everything escaped; the opening words when none matches.
pub fn snippet(text: &str, folded: &str, words: &[String]) -> String {
    let start = first_match(folded, words).map_or(0, |at| words_before(text, at, 8));
    let mut tokens = text[start..].split_whitespace();
    let mut html = String::new();
    if start > 0 {
        html.push('…');
    }
    for (i, token) in tokens.by_ref().take(SNIPPET_WORDS).enumerate() {
        if i > 0 {
            html.push(' ');
        }
        if words.iter().any(|w| starts_with_word(token, w)) {
            html.push_str("<mark>");
            html.push_str(&escape_html(token));
            html.push_str("</mark>");
        } else {
            html.push_str(&escape_html(token));
        }
    }
    if tokens.next().is_some() {
        html.push('…');
    }
    html
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn snippets_mark_matches_and_escape_the_rest() {
        let words = vec!["manag".to_owned()];
        let text = "Intro <b>text</b> & more. Account managers keep clients.";
        assert_eq!(
            snippet(text, &text.to_ascii_lowercase(), &words),
            "Intro &lt;b&gt;text&lt;/b&gt; &amp; more. Account <mark>managers</mark> keep clients."
        );
        let long = format!("{} Manager {}", "word ".repeat(20), "tail ".repeat(40));
        let cut = snippet(&long, &long.to_ascii_lowercase(), &["manager".to_owned()]);
        assert!(
            cut.starts_with("…word word")
                && cut.ends_with('…')
                && cut.contains("<mark>Manager</mark>"),
            "{cut}"
        );
        assert_eq!(
            cut.split(' ').take_while(|w| !w.contains("mark")).count(),
            8,
            "eight words before the match"
        );
        assert_eq!(
            snippet("no match here", "no match here", &["zzz".to_owned()]),
            "no match here"
        );
        assert!(
            !snippet(
                "submanager only",
                "submanager only",
                &["manager".to_owned()]
            )
            .contains("<mark>"),
            "word starts only"
        );
        assert_eq!(words_before("ab cd  ef", 7, 1), 3);
        assert_eq!(words_before("ab cd  ef", 7, 5), 0);
    }
}
