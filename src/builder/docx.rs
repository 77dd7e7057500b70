//! A posting as a Word document (`.docx`), built with `docx-rs`: real Heading 1 and
//! Heading 2 paragraphs, real Word bullet lists, the pay and apply lines, and the company
//! name as a document property. Text is written as text: `docx-rs` escapes body text
//! for XML, and we escape the property it does not.

use docx_rs::{
    AbstractNumbering, Docx, IndentLevel, Level, LevelJc, LevelText, NumberFormat, Numbering,
    NumberingId, Paragraph, Run, SpecialIndentType, Start, Style, StyleType,
};

use super::export::{apply_sentence, dates_line, sections};
use super::posting::JobPosting;
use crate::html::escape as escape_html;

const BULLETS: usize = 1;

fn heading(text: &str, style: &str) -> Paragraph {
    Paragraph::new()
        .add_run(Run::new().add_text(text))
        .style(style)
}

fn paragraph(text: &str) -> Paragraph {
    Paragraph::new().add_run(Run::new().add_text(text))
}

fn bold_line(label: &str, text: &str) -> Paragraph {
    Paragraph::new()
        .add_run(Run::new().add_text(label).bold())
        .add_run(Run::new().add_text(text))
}

/// The paragraphs of a text: blank lines between them.
fn paragraphs(text: &str) -> impl Iterator<Item = Paragraph> + '_ {
    text.split("\n\n")
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .map(|p| paragraph(&p.split_whitespace().collect::<Vec<_>>().join(" ")))
}

/// The `.docx` file's bytes; `None` if writing it fails (it writes to memory only).
pub fn docx(posting: &JobPosting) -> Option<Vec<u8>> {
    let mut doc = Docx::new()
        .add_style(
            Style::new("Heading1", StyleType::Paragraph)
                .name("heading 1")
                .bold()
                .size(36),
        )
        .add_style(
            Style::new("Heading2", StyleType::Paragraph)
                .name("heading 2")
                .bold()
                .size(28),
        )
        .add_abstract_numbering(
            AbstractNumbering::new(BULLETS).add_level(
                Level::new(
                    0,
                    Start::new(1),
                    NumberFormat::new("bullet"),
                    LevelText::new("•"),
                    LevelJc::new("left"),
                )
                .indent(
                    Some(720),
                    Some(SpecialIndentType::Hanging(360)),
                    None,
                    None,
                ),
            ),
        )
        .add_numbering(Numbering::new(BULLETS, BULLETS))
        // docx-rs writes property values into the XML as they are, unlike body text.
        .custom_property("Company", escape_html(&posting.company))
        .add_paragraph(heading(&posting.title, "Heading1"))
        .add_paragraph(paragraph(&posting.company))
        .add_paragraph(paragraph(&posting.location_line()))
        .add_paragraph(paragraph(&posting.terms_line()))
        .add_paragraph(bold_line("Pay: ", &posting.pay_line()))
        .add_paragraph(heading("About the role", "Heading2"));
    for p in paragraphs(&posting.summary) {
        doc = doc.add_paragraph(p);
    }
    for (title, items) in sections(posting) {
        doc = doc.add_paragraph(heading(title, "Heading2"));
        for item in items {
            doc = doc.add_paragraph(
                paragraph(&item).numbering(NumberingId::new(BULLETS), IndentLevel::new(0)),
            );
        }
    }
    if let Some(about) = &posting.about_company {
        doc = doc.add_paragraph(heading(&format!("About {}", posting.company), "Heading2"));
        for p in paragraphs(about) {
            doc = doc.add_paragraph(p);
        }
    }
    if let Some(apply) = &posting.apply {
        doc = doc
            .add_paragraph(heading("How to apply", "Heading2"))
            .add_paragraph(paragraph(&apply_sentence(apply)));
    }
    doc = doc.add_paragraph(paragraph(&dates_line(posting)));
    if let Some(eeo) = &posting.eeo {
        for p in paragraphs(eeo) {
            doc = doc.add_paragraph(p);
        }
    }
    let mut bytes = std::io::Cursor::new(Vec::new());
    doc.build().pack(&mut bytes).ok()?;
    Some(bytes.into_inner())
}
