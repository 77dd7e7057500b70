//! The Word export (opened as a zip, its XML parsed, and converted by LibreOffice) and
//! the JSON-LD export checked against Google's job posting guidance.

mod common;

use std::io::Read;
use std::process::Command;

use common::builder::{save, with};
use common::{get, page, texts};

fn zip_file(bytes: &[u8], name: &str) -> String {
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("a zip file");
    let mut file = archive
        .by_name(name)
        .unwrap_or_else(|_| panic!("{name} in the docx"));
    let mut text = String::new();
    file.read_to_string(&mut text).expect("UTF-8 XML");
    text
}

const TYPED: &str = "Serve <b>bold</b> & <w:p>raw</w:p> customers";

fn word_draft() -> (String, Vec<u8>) {
    let (id, _) = save(&with(&[
        ("summary", TYPED),
        ("duties", "Open the store\nCount the till"),
        ("company", "Acme & Sons"),
    ]));
    let response = get(&format!("/job-descriptions/drafts/{id}.docx"));
    assert_eq!(response.status, 200);
    assert_eq!(
        response.header("content-type"),
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    );
    assert!(
        response
            .header("content-disposition")
            .contains("senior-account-manager.docx")
    );
    (id, response.body)
}

#[test]
fn the_docx_has_real_headings_and_bullets_and_keeps_typed_markup_as_text() {
    let (_, bytes) = word_draft();
    let xml = zip_file(&bytes, "word/document.xml");
    let doc = roxmltree::Document::parse(&xml).expect("well-formed XML");
    let w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
    let paragraphs: Vec<roxmltree::Node<'_, '_>> = doc
        .descendants()
        .filter(|n| n.has_tag_name((w, "p")))
        .collect();
    let text_of = |p: &roxmltree::Node<'_, '_>| -> String {
        p.descendants()
            .filter(|n| n.has_tag_name((w, "t")))
            .filter_map(|n| n.text())
            .collect()
    };
    let style_of = |p: &roxmltree::Node<'_, '_>| {
        p.descendants()
            .find(|n| n.has_tag_name((w, "pStyle")))
            .and_then(|n| n.attribute((w, "val")))
            .unwrap_or("")
            .to_owned()
    };
    let headings: Vec<(String, String)> = paragraphs
        .iter()
        .filter(|p| style_of(p).starts_with("Heading"))
        .map(|p| (style_of(p), text_of(p)))
        .collect();
    assert_eq!(
        headings[0],
        ("Heading1".into(), "Senior Account Manager".into())
    );
    for section in [
        "About the role",
        "What you will do",
        "What you need",
        "Nice to have",
        "Benefits",
        "About Acme & Sons",
        "How to apply",
    ] {
        assert!(
            headings.contains(&("Heading2".into(), section.into())),
            "{section} in {headings:?}"
        );
    }
    let bullets: Vec<String> = paragraphs
        .iter()
        .filter(|p| p.descendants().any(|n| n.has_tag_name((w, "numPr"))))
        .map(text_of)
        .collect();
    for item in [
        "Open the store",
        "Count the till",
        "Five years in B2B sales",
        "Experience with Salesforce",
    ] {
        assert!(bullets.contains(&item.to_owned()), "{item} in {bullets:?}");
    }
    let all: Vec<String> = paragraphs.iter().map(text_of).collect();
    assert!(
        all.contains(&TYPED.to_owned()),
        "typed markup stays text: {all:?}"
    );
    assert!(
        !doc.descendants()
            .any(|n| n.is_element() && n.tag_name().namespace().is_none()),
        "no element from typed text"
    );
    assert!(
        !all.contains(&"raw".to_owned()),
        "typed <w:p> made no paragraph"
    );
    assert!(all.iter().any(|t| t.starts_with("Pay: $75,000")), "{all:?}");
    assert!(
        all.iter().any(|t| t.contains("jobs@acme.example")),
        "the apply line"
    );
    let numbering = zip_file(&bytes, "word/numbering.xml");
    assert!(numbering.contains("w:val=\"bullet\""), "a real bullet list");
    let custom = zip_file(&bytes, "docProps/custom.xml");
    let props = roxmltree::Document::parse(&custom).expect("well-formed");
    let company = props
        .descendants()
        .find(|n| n.attribute("name") == Some("Company"))
        .map(|n| {
            n.descendants()
                .filter(|d| d.is_text())
                .filter_map(|d| d.text())
                .collect::<String>()
        });
    assert_eq!(company.as_deref(), Some("Acme & Sons"));
}

#[test]
fn libreoffice_reads_the_docx_as_the_same_text() {
    let office = ["libreoffice", "soffice"].into_iter().find(|name| {
        Command::new(name)
            .arg("--version")
            .output()
            .is_ok_and(|o| o.status.success())
    });
    let Some(office) = office else {
        assert!(
            std::env::var("CI").is_err(),
            "CI must install LibreOffice (libreoffice-writer-nogui) to convert the Word export"
        );
        eprintln!("skipped: install libreoffice-writer-nogui to convert the Word export");
        return;
    };
    let (_, bytes) = word_draft();
    let dir = tempfile::tempdir().expect("temp dir");
    let input = dir.path().join("posting.docx");
    std::fs::write(&input, &bytes).expect("write");
    let profile = format!(
        "-env:UserInstallation=file://{}/profile",
        dir.path().display()
    );
    let output = Command::new(office)
        .args([
            profile.as_str(),
            "--headless",
            "--convert-to",
            "txt:Text",
            "--outdir",
        ])
        .arg(dir.path())
        .arg(&input)
        .output()
        .expect("run LibreOffice");
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let text = std::fs::read_to_string(dir.path().join("posting.txt")).expect("converted text");
    let text = text.trim_start_matches('\u{feff}');
    let lines: Vec<&str> = text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect();
    for expected in [
        "Senior Account Manager",
        "Acme & Sons",
        TYPED,
        "What you will do",
        "Open the store",
        "How to apply",
    ] {
        assert!(
            lines.iter().any(|l| l.ends_with(expected)),
            "{expected} in {lines:?}"
        );
    }
}

#[test]
fn the_json_export_meets_googles_guidance_and_the_draft_page_says_what_is_missing() {
    let (id, _) = save(&with(&[
        ("closing_date", ""),
        ("state", "ohio"),
        ("city", "Dayton"),
    ]));
    let json: serde_json::Value =
        serde_json::from_slice(&get(&format!("/job-descriptions/drafts/{id}.json")).body)
            .expect("JSON");
    assert_eq!(json["identifier"]["value"], id.as_str());
    let check = rolebook::builder::google::check(&json);
    assert!(check.required.is_empty(), "{check:?}");
    let missing: Vec<&str> = check.recommended.iter().map(|(n, _)| *n).collect();
    assert_eq!(missing, ["validThrough"]);
    let html = page(&format!("/job-descriptions/drafts/{id}"));
    assert_eq!(texts(&html, ".google-missing code"), ["validThrough"]);

    let (complete, _) = save(&with(&[]));
    let html = page(&format!("/job-descriptions/drafts/{complete}"));
    assert!(texts(&html, ".google-check")[0].contains("every one it recommends"));

    let (remote, _) = save(&with(&[
        ("workplace", "remote"),
        ("remote_regions", "United States"),
        ("city", ""),
        ("state", ""),
    ]));
    let json: serde_json::Value =
        serde_json::from_slice(&get(&format!("/job-descriptions/drafts/{remote}.json")).body)
            .expect("JSON");
    assert_eq!(json["jobLocationType"], "TELECOMMUTE");
    assert!(rolebook::builder::google::check(&json).required.is_empty());
}

#[test]
fn role_pages_carry_occupation_markup_and_never_job_posting() {
    let html = page("/job-descriptions/cashier");
    let types: Vec<String> = texts(&html, "script[type='application/ld+json']")
        .iter()
        .map(|t| serde_json::from_str::<serde_json::Value>(t).expect("JSON")["@type"].to_string())
        .collect();
    assert!(types.contains(&"\"Occupation\"".to_owned()), "{types:?}");
    assert!(!types.iter().any(|t| t.contains("JobPosting")), "{types:?}");
}
