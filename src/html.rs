//! Escaping for HTML, in one place: what a user typed, or a figure we wrote, put into
//! HTML that we build ourselves (askama escapes its own templates).

/// `text` with every character that HTML gives meaning to replaced by its entity, so it
/// reads as text in an element or a quoted attribute.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn every_character_html_reads_as_markup_is_escaped() {
        assert_eq!(
            super::escape(r#"<a href="x" title='y'>Tom & Jerry</a>"#),
            "&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;Tom &amp; Jerry&lt;/a&gt;"
        );
    }
}
