//! A job posting as Markdown, plain text and schema.org `JobPosting` JSON-LD. (The
//! standalone HTML page is a template in the web layer.) Everything the user typed is
//! escaped for the format it lands in.

use super::posting::{HowToApply, JobPosting};
use crate::dates::human_date;
use crate::html::escape as escape_html;

/// The sections of a posting after its summary, in order: heading and items.
pub fn sections(posting: &JobPosting) -> Vec<(&'static str, Vec<String>)> {
    [
        ("What you will do", posting.duties.clone()),
        ("What you need", posting.required.clone()),
        ("Nice to have", posting.preferred.clone()),
        ("Benefits", posting.benefit_lines()),
    ]
    .into_iter()
    .filter(|(_, items)| !items.is_empty())
    .collect()
}

/// "Posted November 23, 2026. Applications close December 31, 2026."
pub fn dates_line(posting: &JobPosting) -> String {
    let posted = format!("Posted {}.", human_date(posting.date_posted));
    match posting.closing_date {
        Some(closing) => format!("{posted} Applications close {}.", human_date(closing)),
        None => posted,
    }
}

/// A download file name from the job title: `senior-account-manager.md`.
pub fn file_name(posting: &JobPosting, extension: &str) -> String {
    let slug = crate::wages::slugify(&posting.title);
    let slug: String = slug.chars().take(60).collect();
    let slug = slug.trim_end_matches('-');
    format!(
        "{}.{extension}",
        if slug.is_empty() {
            "job-description"
        } else {
            slug
        }
    )
}

/// Escapes text for Markdown so it renders as exactly these characters: no emphasis,
/// code, headings, lists, quotes, links, images or HTML can come out of it. Only what a
/// CommonMark or GitHub renderer would read as markup is escaped, so the file still
/// reads well as plain text ("jobs@example.com", "AT&T" and "https://" stay as typed; a
/// GitHub renderer may make a typed address clickable, showing that same address).
pub fn escape_markdown(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 8);
    for (i, line) in text.lines().enumerate() {
        if i > 0 {
            out.push('\n');
        }
        let chars: Vec<char> = line.trim_start().chars().collect();
        let digits = chars.iter().take_while(|c| c.is_ascii_digit()).count();
        let only =
            |set: &[char]| !chars.is_empty() && chars.iter().all(|c| set.contains(c) || *c == ' ');
        let underline = only(&['=']) || only(&['-']);
        for (j, &c) in chars.iter().enumerate() {
            let next = chars.get(j + 1).copied();
            let prev = j.checked_sub(1).map(|k| chars[k]);
            let ends_token = next.is_none_or(char::is_whitespace);
            let escape = match c {
                // Code spans, emphasis, strikethrough, tables: rare in postings, always escaped.
                '`' | '*' | '~' | '|' => true,
                // Intraword underscores (snake_case) are never emphasis.
                '_' => {
                    !prev.is_some_and(char::is_alphanumeric)
                        || !next.is_some_and(char::is_alphanumeric)
                }
                // Every link and image starts with "[".
                '[' => true,
                // HTML and <autolinks> start with "<" and a letter, "/", "!" or "?".
                '<' => {
                    next.is_some_and(|n| n.is_ascii_alphabetic() || matches!(n, '/' | '!' | '?'))
                }
                // An escape only escapes punctuation.
                '\\' => next.is_some_and(|n| n.is_ascii_punctuation()),
                // Entities such as &amp; or &#60; would be decoded.
                '&' => is_entity(&chars[j..]),
                // Headings, quotes and list markers at the start of a line.
                '#' | '>' => j == 0,
                '-' | '+' => j == 0 && (ends_token || underline),
                '=' => j == 0 && underline,
                // "1." or "1)" starting a line is an ordered list.
                '.' | ')' => j == digits && digits > 0 && ends_token,
                _ => false,
            };
            if escape {
                out.push('\\');
            }
            out.push(c);
        }
    }
    out
}

/// Whether `chars` opens with an HTML entity or character reference: `&name;`, `&#1;`, `&#x1F;`.
fn is_entity(chars: &[char]) -> bool {
    let rest = &chars[1..];
    let (digits, start) = match rest {
        ['#', 'x' | 'X', ..] => (16, 2),
        ['#', ..] => (10, 1),
        _ => (0, 0),
    };
    let body: Vec<char> = rest[start..]
        .iter()
        .copied()
        .take_while(|c| {
            if digits == 0 {
                c.is_ascii_alphanumeric()
            } else {
                c.is_digit(digits)
            }
        })
        .collect();
    !body.is_empty() && rest.get(start + body.len()) == Some(&';')
}

/// The posting as Markdown.
pub fn markdown(posting: &JobPosting) -> String {
    let e = escape_markdown;
    let mut md = format!("# {}\n\n", e(&posting.title));
    md += &format!(
        "**{}** · {} · {}\n\n**Pay:** {}\n\n",
        e(&posting.company),
        e(&posting.location_line()),
        e(&posting.terms_line()),
        e(&posting.pay_line())
    );
    md += &format!(
        "## About the role\n\n{}\n\n",
        paragraphs(&posting.summary, e, "\n\n")
    );
    for (heading, items) in sections(posting) {
        md += &format!("## {heading}\n\n");
        for item in items {
            md += &format!("- {}\n", e(&item));
        }
        md.push('\n');
    }
    if let Some(about) = &posting.about_company {
        md += &format!(
            "## About {}\n\n{}\n\n",
            e(&posting.company),
            paragraphs(about, e, "\n\n")
        );
    }
    if let Some(apply) = &posting.apply {
        md += &format!("## How to apply\n\n{}\n\n", e(&apply_sentence(apply)));
    }
    md += &format!("{}\n", e(&dates_line(posting)));
    if let Some(eeo) = &posting.eeo {
        md += &format!("\n{}\n", paragraphs(eeo, e, "\n\n"));
    }
    md
}

/// The posting as plain text, for pasting into a form that takes no formatting.
pub fn text(posting: &JobPosting) -> String {
    let id = |s: &str| s.to_owned();
    let mut txt = format!(
        "{}\n{}\n\n",
        posting.title,
        "=".repeat(posting.title.chars().count().min(80))
    );
    txt += &format!(
        "{}\n{}\n{}\nPay: {}\n\n",
        posting.company,
        posting.location_line(),
        posting.terms_line(),
        posting.pay_line()
    );
    txt += &format!(
        "ABOUT THE ROLE\n\n{}\n\n",
        paragraphs(&posting.summary, id, "\n\n")
    );
    for (heading, items) in sections(posting) {
        txt += &format!("{}\n\n", heading.to_uppercase());
        for item in items {
            txt += &format!("- {item}\n");
        }
        txt.push('\n');
    }
    if let Some(about) = &posting.about_company {
        txt += &format!(
            "ABOUT {}\n\n{}\n\n",
            posting.company.to_uppercase(),
            paragraphs(about, id, "\n\n")
        );
    }
    if let Some(apply) = &posting.apply {
        txt += &format!("HOW TO APPLY\n\n{}\n\n", apply_sentence(apply));
    }
    txt += &format!("{}\n", dates_line(posting));
    if let Some(eeo) = &posting.eeo {
        txt += &format!("\n{}\n", paragraphs(eeo, id, "\n\n"));
    }
    txt
}

/// "Apply at https://…" or "Email your application to jobs@…".
pub fn apply_sentence(apply: &HowToApply) -> String {
    match apply {
        HowToApply::Url(url) => format!("Apply at {url}"),
        HowToApply::Email(email) => format!("Email your application to {email}"),
    }
}

/// Paragraphs of a block of text, each passed through `f`, joined by `separator`.
fn paragraphs(text: &str, f: impl Fn(&str) -> String, separator: &str) -> String {
    text.split("\n\n")
        .map(|p| f(p.trim()))
        .collect::<Vec<_>>()
        .join(separator)
}

/// The description as the small HTML subset JSON-LD readers accept.
pub fn description_html(posting: &JobPosting) -> String {
    let mut html = paragraphs(
        &posting.summary,
        |p| format!("<p>{}</p>", escape_html(p).replace('\n', "<br>")),
        "",
    );
    for (heading, items) in sections(posting) {
        html += &format!("<p><strong>{heading}</strong></p><ul>");
        for item in items {
            html += &format!("<li>{}</li>", escape_html(&item));
        }
        html += "</ul>";
    }
    if let Some(apply) = &posting.apply {
        html += &format!("<p>{}</p>", escape_html(&apply_sentence(apply)));
    }
    if let Some(eeo) = &posting.eeo {
        html += &paragraphs(eeo, |p| format!("<p>{}</p>", escape_html(p)), "");
    }
    html
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markdown_escaping_defuses_every_construct() {
        assert_eq!(
            escape_markdown("[x](javascript:alert(1))"),
            "\\[x](javascript:alert(1))"
        );
        assert_eq!(escape_markdown("![img](a.png)"), "!\\[img](a.png)");
        assert_eq!(escape_markdown("<b>hi</b> & co"), "\\<b>hi\\</b> & co");
        assert_eq!(
            escape_markdown("# title\n- item\n1. one\n===\n> quote\n+ plus"),
            "\\# title\n\\- item\n1\\. one\n\\===\n\\> quote\n\\+ plus"
        );
        assert_eq!(
            escape_markdown("`code` *em* _em_ ~~del~~ a|b"),
            "\\`code\\` \\*em\\* \\_em\\_ \\~\\~del\\~\\~ a\\|b"
        );
        assert_eq!(
            escape_markdown("&amp; &#60; &#x3C;"),
            "\\&amp; \\&#60; \\&#x3C;"
        );
        assert_eq!(escape_markdown("a \\* b \\ c"), "a \\\\\\* b \\ c");
    }

    #[test]
    fn markdown_escaping_leaves_plain_text_readable() {
        for plain in [
            "Email jobs@harborview.example or apply at https://harborview.example/jobs",
            "Harbor & Co, AT&T, R&D",
            "3.5 years, 10-15 hours, snake_case, a-b, 5 < 6 > 4",
            "Pay (hourly): $22.50! Is that {fair}?",
            "1999 was a year. 2. is not a list here",
        ] {
            assert_eq!(escape_markdown(plain), plain);
        }
    }
}
