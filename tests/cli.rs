//! The `rolebook` binary as a user runs it: `check`, `serve`, flags and environment.

mod common;

use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use common::{content_dir, content_with};

fn rolebook() -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_rolebook"));
    for var in ["ROLEBOOK_ADDR", "ROLEBOOK_CONTENT", "ROLEBOOK_DATA_DIR"] {
        command.env_remove(var);
    }
    command
}

fn run(command: &mut Command) -> (i32, String, String) {
    let output = command.output().expect("run rolebook");
    (
        output.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&output.stdout).into_owned(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

#[test]
fn check_passes_on_the_shipped_content() {
    let (code, stdout, _) = run(rolebook().arg("check").arg("--content").arg(content_dir()));
    assert_eq!(code, 0, "{stdout}");
    assert!(stdout.contains("all valid"), "{stdout}");
    let last = stdout.lines().last().unwrap_or_default();
    let coverage = common::library().coverage();
    assert_eq!(
        last,
        format!(
            "Coverage: {} roles covering {} of 830 occupations, {:.1}% of U.S. wage and salary employment (BLS OEWS May 2025).",
            coverage.roles, coverage.occupations, coverage.share
        ),
        "check ends with the coverage line"
    );
}

#[test]
fn check_prints_one_file_line_problem_per_error_and_fails() {
    let dir = content_with(&["unknown-field.md", "raw-html.md", "unknown-similar.md"]);
    let (code, stdout, stderr) = run(rolebook().arg("check").arg("--content").arg(dir.path()));
    assert_eq!(code, 1);
    let lines: Vec<&str> = stdout.lines().collect();
    assert_eq!(lines.len(), 3, "{stdout}");
    let prefix = dir.path().join("roles").display().to_string();
    assert!(
        lines[0].starts_with(&format!("{prefix}/raw-html.md:11: raw HTML")),
        "{stdout}"
    );
    assert!(
        lines[1].starts_with(&format!(
            "{prefix}/unknown-field.md:9: front matter: unknown field"
        )),
        "{stdout}"
    );
    assert!(
        lines[2].starts_with(&format!(
            "{prefix}/unknown-similar.md:6: similar role \"zulu\""
        )),
        "{stdout}"
    );
    assert!(stderr.contains("3 error(s)"), "{stderr}");
}

#[test]
fn the_content_directory_can_come_from_the_environment() {
    let dir = content_with(&["malformed-soc.md"]);
    let (code, stdout, _) = run(rolebook().arg("check").env("ROLEBOOK_CONTENT", dir.path()));
    assert_eq!(code, 1);
    assert!(stdout.contains("malformed-soc.md:4:"), "{stdout}");
}

#[test]
fn the_server_refuses_to_start_on_invalid_content_and_lists_every_error() {
    let dir = content_with(&["too-few-duties.md", "missing-section.md"]);
    let data = tempfile::tempdir().expect("temp dir");
    let (code, _, stderr) = run(rolebook()
        .args(["serve", "--addr", "127.0.0.1:0", "--data-dir"])
        .arg(data.path())
        .arg("--content")
        .arg(dir.path()));
    assert_eq!(code, 1);
    assert!(stderr.contains("the content has 2 error(s)"), "{stderr}");
    assert!(stderr.contains("too-few-duties.md:17:"), "{stderr}");
    assert!(stderr.contains("missing-section.md:45:"), "{stderr}");
}

#[test]
fn help_explains_every_command_and_flag() {
    let (code, stdout, _) = run(rolebook().arg("--help"));
    assert_eq!(code, 0);
    for word in [
        "serve",
        "check",
        "--addr",
        "--content",
        "--data-dir",
        "ROLEBOOK_ADDR",
    ] {
        assert!(stdout.contains(word), "--help lacks {word}:\n{stdout}");
    }
    let (_, serve_help, _) = run(rolebook().args(["serve", "--help"]));
    for word in [
        "ROLEBOOK_ADDR",
        "ROLEBOOK_CONTENT",
        "ROLEBOOK_DATA_DIR",
        "127.0.0.1:8080",
    ] {
        assert!(
            serve_help.contains(word),
            "serve --help lacks {word}:\n{serve_help}"
        );
    }
}

#[test]
fn serve_reads_its_settings_from_the_environment_and_creates_the_data_dir() {
    let port = common::free_port();
    let data = tempfile::tempdir().expect("temp dir");
    let data_dir = data.path().join("nested/data");
    let mut child = rolebook()
        .env("ROLEBOOK_ADDR", format!("127.0.0.1:{port}"))
        .env("ROLEBOOK_CONTENT", content_dir())
        .env("ROLEBOOK_DATA_DIR", &data_dir)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("start server");
    let agent = ureq::Agent::config_builder()
        .http_status_as_error(false)
        .build()
        .new_agent();
    let deadline = Instant::now() + Duration::from_secs(20);
    let status = loop {
        match agent
            .get(&format!("http://127.0.0.1:{port}/job-descriptions"))
            .call()
        {
            Ok(response) => break response.status().as_u16(),
            Err(_) if Instant::now() < deadline => std::thread::sleep(Duration::from_millis(50)),
            Err(error) => panic!("server did not answer: {error}"),
        }
    };
    child.kill().expect("stop server");
    child.wait().expect("reap server");
    assert_eq!(status, 200);
    assert!(data_dir.is_dir(), "data dir was created");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = |path: &std::path::Path| {
            std::fs::metadata(path)
                .expect("exists")
                .permissions()
                .mode()
                & 0o777
        };
        assert_eq!(mode(&data_dir), 0o700, "the data directory is private");
        assert_eq!(
            mode(&data_dir.join("rolebook.sqlite3")),
            0o600,
            "so is the database, which holds the signing key"
        );
    }
}

#[test]
fn the_server_refuses_a_damaged_or_foreign_database_with_a_clear_message() {
    let garbage = tempfile::tempdir().expect("temp dir");
    std::fs::write(
        garbage.path().join("rolebook.sqlite3"),
        "not a database ".repeat(100),
    )
    .expect("write");
    let foreign = tempfile::tempdir().expect("temp dir");
    let other =
        rusqlite::Connection::open(foreign.path().join("rolebook.sqlite3")).expect("create");
    other
        .execute_batch("CREATE TABLE invoices (id INTEGER);")
        .expect("schema");
    drop(other);
    for (data, phrase) in [
        (&garbage, "is damaged"),
        (&foreign, "is not a Rolebook database"),
    ] {
        let (code, _, stderr) = run(rolebook()
            .args(["serve", "--addr", "127.0.0.1:0", "--data-dir"])
            .arg(data.path())
            .arg("--content")
            .arg(content_dir()));
        assert_eq!(code, 1, "{stderr}");
        assert!(stderr.contains(phrase), "{stderr}");
        assert!(
            stderr.contains("rolebook.sqlite3"),
            "names the file: {stderr}"
        );
    }
}

#[test]
fn check_reports_every_problem_of_every_file_in_one_run() {
    let dir = content_with(&[
        "unknown-similar.md",
        "unknown-category.md",
        "british-spelling.md",
    ]);
    std::fs::write(
        dir.path().join("data/pay-transparency.toml"),
        "reviewed = \"soon\"\n",
    )
    .expect("break it");
    let site = std::fs::read_to_string(dir.path().join("site.toml")).expect("site");
    std::fs::write(
        dir.path().join("site.toml"),
        site.replace(
            "featured = [\"alpha\"]",
            "featured = [\"alpha\", \"ghost\"]",
        ),
    )
    .expect("site");
    let (code, stdout, _) = run(rolebook().arg("check").arg("--content").arg(dir.path()));
    assert_eq!(code, 1);
    for phrase in [
        "pay-transparency.toml:1: TOML: ",
        "unknown-similar.md:6: similar role \"zulu\" does not exist",
        "unknown-category.md:5: unknown category",
        "british-spelling.md:26: \"organise\" is British English",
        "site.toml:1: featured role \"ghost\" does not exist",
    ] {
        assert!(stdout.contains(phrase), "missing {phrase:?} in:\n{stdout}");
    }
    assert!(
        !stdout.contains("front matter"),
        "a data file has no front matter:\n{stdout}"
    );
}
