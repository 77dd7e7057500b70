//! Diagnostics, at the bottom of the program: problems found in the files we load
//! (content and wage data), each pointing at a file and a line, and the line index that
//! finds the line.

mod lines;

pub use lines::LineIndex;

use std::fmt;
use std::path::{Path, PathBuf};

/// A problem at one line of a file, before we know which file it is in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// 1-based line number.
    pub line: usize,
    /// What is wrong, in words an editor can act on.
    pub message: String,
}

impl Problem {
    /// A problem at `line` (1-based).
    pub fn new(line: usize, message: impl Into<String>) -> Self {
        Self {
            line,
            message: message.into(),
        }
    }

    /// Attaches the file the problem was found in.
    pub fn in_file(self, path: &Path) -> ContentError {
        ContentError {
            path: path.to_path_buf(),
            line: self.line,
            message: self.message,
        }
    }
}

/// "1 item", "3 items": a count with its noun, for messages.
pub fn count(n: usize, noun: &str) -> String {
    if n == 1 {
        format!("1 {noun}")
    } else {
        format!("{n} {noun}s")
    }
}

/// Collects problems while checking many fields, so one pass reports them all.
#[derive(Debug, Default)]
pub struct Problems(pub Vec<Problem>);

impl Problems {
    /// The value if `result` is fine; otherwise records the problem and gives `None`.
    pub fn check<T>(&mut self, result: Result<T, Problem>) -> Option<T> {
        result.map_err(|problem| self.0.push(problem)).ok()
    }

    /// Records several problems.
    pub fn extend(&mut self, problems: impl IntoIterator<Item = Problem>) {
        self.0.extend(problems);
    }

    /// True when nothing was wrong.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

/// One invalid thing in the content directory, printed as `file:line: problem`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ContentError {
    /// The file, as reached from the content directory given on the command line.
    pub path: PathBuf,
    /// 1-based line number (1 for problems with the file as a whole).
    pub line: usize,
    /// What is wrong.
    pub message: String,
}

impl fmt::Display for ContentError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}: {}", self.path.display(), self.line, self.message)
    }
}

/// Every error found while loading content; loading reports them all, not only the first.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ContentErrors(pub Vec<ContentError>);

impl fmt::Display for ContentErrors {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, error) in self.0.iter().enumerate() {
            if i > 0 {
                writeln!(f)?;
            }
            write!(f, "{error}")?;
        }
        Ok(())
    }
}

impl std::error::Error for ContentErrors {}
