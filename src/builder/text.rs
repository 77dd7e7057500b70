//! Cleaning what users type before it is stored: no control characters, one kind of
//! line break, no stray whitespace.

/// One line of text: whitespace (line breaks included) collapsed to single spaces,
/// control characters removed.
pub fn clean_line(text: &str) -> String {
    text.split(|c: char| c.is_whitespace() || c.is_control())
        .filter(|word| !word.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
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
    fn list_items_lose_their_bullets() {
        assert_eq!(
            list_items("- one\n* two\n\n3. three\n• four\n10) ten\n-minus"),
            ["one", "two", "three", "four", "ten", "-minus"]
        );
    }
}
