//! Cleaning what users type before it is stored: no control characters, no
//! bidirectional overrides, one kind of line break, no stray whitespace.

/// One line of text: whitespace (line breaks included) collapsed to single spaces,
/// control characters removed, and the bidirectional embedding, override and isolate
/// characters (U+202A-U+202E, U+2066-U+2069) dropped, so a title cannot display
/// reversed or spoof what follows it.
pub fn clean_line(text: &str) -> String {
    text.split(|c: char| c.is_whitespace() || c.is_control())
        .filter(|word| !word.is_empty())
        .map(|word| word.replace(is_bidi_control, ""))
        .filter(|word| !word.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// Paragraphs of text: each line cleaned, at most one blank line between paragraphs.
pub fn clean_block(text: &str) -> String {
    let mut out: Vec<String> = Vec::new();
    for line in text.lines().map(clean_line) {
        if line.is_empty() && out.last().is_none_or(String::is_empty) {
            continue;
        }
        out.push(line);
    }
    while out.last().is_some_and(String::is_empty) {
        out.pop();
    }
    out.join("\n")
}

/// One item per line, bullet markers ("- ", "* ", "• ", "1. ") removed, blank lines dropped.
pub fn list_items(text: &str) -> Vec<String> {
    text.lines()
        .map(clean_line)
        .map(|line| strip_marker(&line).to_owned())
        .filter(|line| !line.is_empty())
        .collect()
}

fn strip_marker(line: &str) -> &str {
    for marker in ["- ", "* ", "• ", "– "] {
        if let Some(rest) = line.strip_prefix(marker) {
            return rest.trim_start();
        }
    }
    let digits = line.bytes().take_while(u8::is_ascii_digit).count();
    match line[digits..]
        .strip_prefix(". ")
        .or_else(|| line[digits..].strip_prefix(") "))
    {
        Some(rest) if digits > 0 => rest.trim_start(),
        _ => line,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn control_characters_and_extra_space_go() {
        assert_eq!(
            clean_line("  a\u{0007}b \t c\r\nd\u{1b}[31m "),
            "a b c d [31m"
        );
        assert_eq!(
            clean_block("one\r\n\r\n\r\ntwo  \n\nthree\n\n"),
            "one\n\ntwo\n\nthree"
        );
    }

    #[test]
    fn bidirectional_overrides_are_stripped() {
        assert_eq!(
            clean_line("Nurse \u{202E}reganam\u{202C} role"),
            "Nurse reganam role"
        );
        assert_eq!(clean_line("\u{2066}\u{2067}\u{2068}\u{2069}"), "");
        assert_eq!(
            clean_line("شركة Acme"),
            "شركة Acme",
            "right-to-left text itself stays"
        );
    }

    #[test]
    fn list_items_lose_their_bullets() {
        assert_eq!(
            list_items("- one\n* two\n\n3. three\n• four\n10) ten\n-minus"),
            ["one", "two", "three", "four", "ten", "-minus"]
        );
    }
}
