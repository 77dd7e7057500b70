//! A throwaway PostgreSQL server for a test binary, run by `scripts/postgres-temp` (as
//! an unprivileged user when the tests run as root). It lives until the test process
//! ends, however it ends: the script stops it when its standard input closes. Each test
//! server gets a database of its own.

use std::io::{BufRead, BufReader, Write};
use std::path::PathBuf;
use std::process::{Child, ChildStdin, ChildStdout, Command, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Mutex, OnceLock};

/// The running server.
pub struct Postgres {
    /// The `postgres` database's URL, for administration.
    pub url: String,
    port: u16,
    control: Mutex<(ChildStdin, BufReader<ChildStdout>)>,
    /// The script, which outlives every test and ends with the process.
    _script: Child,
}

const INSTALL: &str = "install it with `apt-get install postgresql` (.ci/run does), or run the tests as a user who can";

/// The binary's server, started on first use. `None` (with a SKIPPED line) when
/// PostgreSQL is not installed, except in CI (`CI=true`), where that fails the test.
pub fn shared() -> Option<&'static Postgres> {
    static SERVER: OnceLock<Option<Postgres>> = OnceLock::new();
    SERVER.get_or_init(start).as_ref()
}

fn start() -> Option<Postgres> {
    let installed = std::fs::read_dir("/usr/lib/postgresql")
        .map(|mut versions| versions.any(|v| v.is_ok_and(|v| v.path().join("bin/initdb").exists())))
        .unwrap_or(false);
    if !installed {
        super::missing_tool(&format!(
            "PostgreSQL tests need Debian's PostgreSQL server; {INSTALL}"
        ));
        return None;
    }
    let port = super::free_port();
    let script = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("scripts/postgres-temp");
    let mut child = Command::new(script)
        .arg(port.to_string())
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("run scripts/postgres-temp");
    let stdin = child.stdin.take().expect("stdin");
    let mut stdout = BufReader::new(child.stdout.take().expect("stdout"));
    let ready = read_line(&mut stdout);
    let url = ready
        .strip_prefix("ready ")
        .unwrap_or_else(|| panic!("PostgreSQL did not start: {ready:?}"))
        .to_owned();
    Some(Postgres {
        url,
        port,
        control: Mutex::new((stdin, stdout)),
        _script: child,
    })
}

fn read_line(stdout: &mut BufReader<ChildStdout>) -> String {
    let mut line = String::new();
    stdout
        .read_line(&mut line)
        .expect("read from postgres-temp");
    line.trim().to_owned()
}

impl Postgres {
    /// A new, empty database; its URL.
    pub fn database(&self) -> String {
        static COUNT: AtomicUsize = AtomicUsize::new(0);
        let name = format!("rolebook_test_{}", COUNT.fetch_add(1, Ordering::SeqCst));
        self.client()
            .batch_execute(&format!("CREATE DATABASE {name}"))
            .expect("create a database");
        format!("postgres://rolebook@127.0.0.1:{}/{name}", self.port)
    }

    /// A client for `url`.
    pub fn connect(url: &str) -> postgres::Client {
        postgres::Client::connect(url, postgres::NoTls).expect("connect to PostgreSQL")
    }

    fn client(&self) -> postgres::Client {
        Self::connect(&self.url)
    }

    fn command(&self, command: &str, answer: &str) {
        let mut control = self.control.lock().expect("lock");
        writeln!(control.0, "{command}").expect("send to postgres-temp");
        let line = read_line(&mut control.1);
        assert_eq!(line, answer, "postgres-temp answered {command:?}");
    }

    /// SIGKILLs the server and every process it started, as a crash would.
    pub fn kill(&self) {
        self.command("kill", "killed");
    }

    /// Starts the server again after [`Postgres::kill`]; returns once it accepts connections.
    pub fn restart(&self) {
        self.command("start", "ready");
    }
}
